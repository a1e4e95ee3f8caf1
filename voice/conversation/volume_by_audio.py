"""A request for a louder or quieter voice, heard as other words, read from
the audio.

Whisper tiny.en mishears "volume" more than any other command word:
"lower volume" came out "lower my wound", "let me move on", "let me move";
"turn the volume up" "turn them all you mop" (espeak-ng en+f3) and "turn in
the vowel you mop" (flite slt); "volume up" "not all you might"; "raise the
volume" "raise the mind". Each was declined ("I don't have an answer for
that"): a user who cannot reach a button has no other way to turn it up.

So a short line that is no command and that the matcher declines is
scored against the audio as each of a few volume phrasings (Whisper's
forced pass over the speech's own frames, rescoring.AudioScorer.fits, as
heard.asked_by_audio scores the content's questions). The best phrasing is
taken when it scores at most ``MARGIN`` nats below what was heard and at
least ``APART`` nats above every phrasing of the other direction: a
hallucination that fits the audio badly ("pump up the volume" heard "bum
bum bum bum bum bum") is beaten by any short text, louder and quieter
alike, and must not turn the voice down.

Tuning halves (scripts/tune_said34_volume_audio.py; figures and the
command in docs/speech-in.md, "Session 29 (branch said34)").
"""

from __future__ import annotations

from voice.conversation.commands import find_command
from voice.matching.emergency import is_emergency
from voice.matching.matcher import Matcher
from voice.speech_in.base import Transcript

#: False turns the reading off.
ON = True

#: The phrasings scored, each typed as its command (find_command).
READINGS: dict[str, str] = {
    "louder": "louder", "quieter": "quieter", "volume up": "louder",
    "volume down": "quieter", "turn the volume up": "louder",
    "turn the volume down": "quieter", "lower the volume": "quieter",
    "lower volume": "quieter", "raise the volume": "louder",
    "increase the volume": "louder", "decrease the volume": "quieter",
    "speak up": "louder",
}

#: The best phrasing scores at most this many nats below what was heard.
#: Tuning halves (668 clips: 258 spoken commands, 410 clips of other speech,
#: real people's included): the right readings scored -4.1 ("lower volume"
#: heard "lower value") to +7.6 against what was heard; at 4.5, 13 more
#: commands met and no other speech made a volume command; at 5.0 a real
#: phone sentence (WUW) heard "i'm not a player to" became "quieter"; "i
#: missed that, say it again" would be "speak up" at -5.1.
MARGIN = 4.5

#: ... and at least this many above every phrasing of the other direction.
#: Tuning halves: right readings 4.8 to 14.4 apart; with no such rule 3
#: commands were turned the wrong way or into another; "pump up the volume"
#: made "lower volume" 0.4 and 1.5 apart, "hang on a sec" (heard "have a
#: good day") made "volume up" 0.6, a real speaker's "zero" (heard "the
#: neurom") "volume down" 1.5.
APART = 4.0

#: Only a short line: the volume requests said were at most 8 words and
#: 3.6 s with their pauses, and the forced passes cost 5-10 ms of CPU each.
MAX_WORDS = 8
MAX_SECONDS = 4.0


def volume_heard(heard: Transcript, text: str, matcher: Matcher) -> str | None:
    """The volume phrasing the audio of ``heard`` carries (to be matched as a
    command instead of ``text``, the words kept of it), or None."""
    from voice.speech_in.whisper.alternatives import acts_on_its_own
    from voice.speech_in.whisper.rescoring import scorer_of

    scorer = scorer_of(heard)
    # A scorer that does not say how long its audio is (a recorded one in
    # tests) is not one this was measured with.
    seconds = getattr(scorer, "seconds", None)
    # An emergency, a command or a topic number heard is never read again;
    # nor one in the words kept, when those are not what was heard (else
    # acts_on_its_own has just looked for one in the same line).
    if (not ON or scorer is None or seconds is None or not heard.words
            or acts_on_its_own(heard.text)
            or (text != heard.text and (find_command(text) is not None or is_emergency(text)))
            or len(heard.words) > MAX_WORDS or seconds > MAX_SECONDS):
        return None
    # Every word heard unsurely ("lower my wound" at 0.2-0.5) leaves no text:
    # "Sorry, I didn't catch that", a decline too.
    if text and matcher.match(text, heard=True).outcome != "no_match":
        return None
    said, *fits = scorer.fits([heard_words(heard), *READINGS])
    scores = dict(zip(READINGS, (f.nats for f in fits), strict=True))
    best = max(scores, key=lambda t: scores[t])
    other = max(s for t, s in scores.items() if READINGS[t] != READINGS[best])
    if scores[best] >= said.nats - MARGIN and scores[best] >= other + APART:
        return best
    return None


def heard_words(heard: Transcript) -> str:
    """What was heard, written as the phrasings are (lower case, no
    punctuation), so the scores compare."""
    from voice.matching.normalize import clean

    return clean(heard.text)
