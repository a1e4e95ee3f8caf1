"""One turn that fails in a way no rule foresaw does not end the assistant.

Before, an unexpected error while decoding or answering one utterance (a
CTranslate2 or PocketSphinx error on one recording, a bug in a matching rule
met by one odd line) went up through ``voice listen``, ``voice text`` or the
push-to-talk loop and ended the program with a traceback: a hands-free user
was left in silence with nothing listening any more. Now the failure is
printed in one line (with the error's type, for a bug report) and:

- a failed decode counts as nothing heard: "Sorry, I didn't catch that.
  Please say it again ...", and listening goes on (``heard_or_nothing``);
- a failed answer is said as ``phrases.TURN_FAILED``, which names the way
  forward; a line with emergency words still gets the emergency advice
  first, since that needs no matching (``failed_reply``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from voice.conversation import Reply, phrases
from voice.errors import VoiceError
from voice.matching.emergency import is_emergency
from voice.speech_in.base import Transcript
from voice.speech_out.base import VoiceSettings


def report(what: str, error: BaseException) -> None:
    """One line on stderr: what failed, the error's type and message."""
    print(f"({what} failed: {type(error).__name__}: {error}; the assistant goes on)",
          file=sys.stderr, flush=True)


def heard_or_nothing(decode: Callable[[], Transcript], engine: str) -> Transcript:
    """What ``decode`` heard; when it raises, one printed line and nothing
    heard (so the user is asked to say it again and listening goes on)."""
    try:
        return decode()
    except VoiceError:  # a known trouble (a model gone): its own words, as before
        raise
    except Exception as e:  # any engine error on one utterance means the same
        report("hearing that", e)
        return Transcript("", engine)


def failed_reply(text: str, error: Exception, settings: VoiceSettings) -> Reply:
    """The reply to a line whose answering raised ``error``."""
    report("answering that", error)
    if is_emergency(text):
        return Reply(input=text, outcome="emergency", say=phrases.EMERGENCY,
                     settings=settings, stop_speaking=True)
    return Reply(input=text, outcome="no_match", say=phrases.TURN_FAILED, settings=settings)
