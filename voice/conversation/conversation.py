"""The conversation: text in, replies out.

Pure logic in the spirit of hassil's ``recognize``: no audio, no files, no
clock, no globals. Everything the user can do by voice is decided here, so the
whole behaviour is tested as transcripts (tests/test_conversation.py).

This class holds one user's session (its state, the content, the matcher,
the learned phrasings) and runs each turn through the ordered rules of
dispatch.py; the rules live in modules named for what they handle:

- dispatch.py: one turn's order (an emergency first, asleep, nothing said,
  "forget?" answered, a command, a number, else a question);
- questions.py: a question's rules in order (worry, sign seen now, own
  medicine, feeling, learned phrasing, night, spasm now, half question,
  the match and its follow-ups);
- follow_ups.py: the rest of a half question, the subject in a pointer,
  "how long", the section just read;
- two_part_lines.py: told who then asked, two questions in one line;
- kind_offers.py: a kind word, then entries offered (feelings, worries,
  own medicine, the night, a spasm now, a sign seen now);
- command_replies.py, speaking.py, yes_no.py, choosing.py: voice commands,
  rate and volume, yes / no / "that's wrong", a number said;
- not_understood.py, listing.py: nothing found, the list of topics;
- replies.py, finding.py, state.py: building replies, finding entries, the state.
"""

from __future__ import annotations

from collections.abc import Collection

from voice.content.model import KnowledgeBase
from voice.conversation import dispatch, replies
from voice.conversation.personal import PersonalPhrasings
from voice.conversation.reply import Reply
from voice.conversation.state import State
from voice.matching.matcher import Matcher
from voice.matching.spelling import Speller
from voice.speech_out.base import VoiceSettings


class Conversation:
    """One user's session with the assistant."""

    def __init__(
        self,
        kb: KnowledgeBase,
        matcher: Matcher | None = None,
        settings: VoiceSettings | None = None,
        paged: bool = True,
        phrasings: PersonalPhrasings | None = None,
        usual: VoiceSettings | None = None,
    ) -> None:
        self.kb = kb
        #: The rate and volume "normal speed" / "normal volume" go back to:
        #: the settings file's (or the defaults), not the user's spoken changes.
        self.usual = usual or settings or VoiceSettings()
        #: The user's own ways of asking, learned from "Did you mean ...?" "Yes".
        self.phrasings = phrasings if phrasings is not None else PersonalPhrasings()
        #: Offer long answers in parts ("Shall I go on?"); off for one-shot answers.
        self.paged = paged
        self.matcher = matcher or Matcher(kb)
        #: What the conversation remembers between turns (voice/conversation/state.py).
        self.state = State(settings or VoiceSettings())
        #: Corrects typos in typed questions (built on the first one).
        self._speller: Speller | None = None

    @property
    def settings(self) -> VoiceSettings:
        return self.state.settings

    @property
    def asleep(self) -> bool:
        return self.state.asleep

    @property
    def speller(self) -> Speller:
        """The typo corrector for the current matcher (content may be reloaded)."""
        if self._speller is None or self._speller.matcher is not self.matcher:
            self._speller = Speller(self.matcher)
        return self._speller

    @property
    def asks_yes_no(self) -> bool:
        """The last reply asked a yes/no question ("Did you mean ...?", "Shall I go on?")."""
        return bool(self.state.offered or self.state.pending_parts)

    @property
    def last_say(self) -> str:
        return self.state.last_say

    @property
    def _s(self) -> State:
        """The state by its old name (tests/test_journeys10_on_behalf.py reads it)."""
        return self.state

    # -- the one entry point ----------------------------------------------

    def respond(self, text: str, doubtful: bool = False, heard: bool = False,
                sure: Collection[str] = (), long_speech: bool = False) -> Reply:
        """The assistant's reply to one utterance or typed line (the
        arguments are dispatch.respond's, which says what each means)."""
        return dispatch.respond(self, text, doubtful, heard, sure, long_speech)

    def stop(self) -> None:
        """The user stopped speech another way (a long button press)."""
        replies.set_aside(self)

    def use_settings(self, settings: VoiceSettings, usual: VoiceSettings | None = None) -> None:
        """New rate, volume or voice from the settings file (the caregiver's
        page), used from the next reply; the conversation goes on as it was.
        ``usual``: the file's own rate and volume, for "normal speed"."""
        self.state.settings = settings
        if usual is not None:
            self.usual = usual
