"""An emergency said without the wake phrase, in hands-free listening.

With the wake phrase on, speech not starting with it is dropped unheard (the
TV must not be answered). But someone choking, or lying where they fell,
says "help, I can't breathe" or "call an ambulance", not "okay nabu, ...";
people with ALS or MS in distress will not remember a wake phrase. So a
*short* unaddressed utterance is decoded after all, and when it is a cry of
an emergency (``voice.matching.emergency``, not asked as a question) it gets
the emergency advice, spoken, like a question would.

Only short utterances are decoded: a cry for help is a few seconds long,
TV talk and conversation mostly run on (the microphone ends an utterance
after 2 s of silence), and every decode costs CPU a Raspberry Pi has little
of. The figures are scripts/benchmark_unaddressed.py's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from voice.audio.capture import Utterance
from voice.audio.clip import AudioClip
from voice.matching.emergency import is_emergency
from voice.matching.normalize import clean
from voice.speech_in.base import Recognizer, Transcript
from voice.speech_in.wake.tv_gate import gated_copy

#: An unaddressed utterance with at most this many seconds of speech (the
#: microphone's first to last speech frame) is decoded. Tuning half
#: (scripts/benchmark_unaddressed.py --half tune): at 4 s, 214 of 336 cries
#: caught, some missed only for being longer (espeak-ng at 90 words a
#: minute, clean: 4.5 and 5.3 s of speech; "help me, I've fallen and I
#: can't get up" is 14 syllables); a slow speaker is who this is for.
#: Cost (seed 91, tuning): at 6 s about 440 of 530 unaddressed utterances
#: an hour are decoded (room speech with pauses).
MAX_SECONDS = 6.0

#: Off: tried on the tuning half (``--gate on``), see docs/wake-word.md.
GATED = False

#: Words that open a question about an emergency ("what does a heart attack
#: feel like", "how do I help someone who's fainted", "do you have
#: information about aspirin overdose"): 40 of the 10,536 sentences of the
#: wake benchmark's speech not addressed to it are emergencies to
#: is_emergency, every one such a question. "can"/"could" are left out:
#: "can someone call an ambulance" is a cry.
QUESTION_WORDS = frozenset(
    "what how why when where which who whose is are am was were do does did should "
    "will would tell explain".split())


#: Words of talk *about* an emergency, anywhere in the utterance (branch
#: wake18's, taken in wake19): a cry says what is happening ("help, I can't
#: breathe", "my chest hurts, call an ambulance"), it does not ask about it or
#: tell when or why ("any suggestions on how to relieve the chest pain when
#: coughing", "email my boss ... because of an emergency"). None of the 14
#: benchmark cries, the 6 calls for help or the 29 typed emergencies of
#: tests/data/emergencies-tuning.txt has one.
#: Branch wake19 adds the question words :func:`asked` looks for at the start
#: ("what", "where", "which", "whose"), since the microphone ends an utterance
#: only after 2 s of silence: a sentence and a question about an emergency
#: read after it with a shorter pause are one utterance ("... for a few weeks.
#: What does a heart attack feel like"), which asked() let through as it
#: starts with the first sentence. "he's choking, what do I do" is still a
#: cry (:data:`_STILL_A_CRY`).
ABOUT_WORDS = frozenset(
    "how why when whenever whether if because suggestions suggestion advice information "
    "symptoms symptom signs causes cause prevent treatment treatments treat relieve "
    "outlook risk normal "
    "what what's where which whose".split())
#: A question put after a cry-like clause ("... could that be it", "... is
#: that normal"): the two words anywhere in the utterance (branch wake18).
ABOUT_PAIRS = frozenset({("could", "that"), ("could", "it"), ("is", "that"), ("is", "it"),
                         ("does", "that"), ("would", "that"), ("can", "that"),
                         ("should", "i"), ("should", "we")})
#: "what should I do" / "what do I do" after a cry is still a cry.
_STILL_A_CRY = re.compile(r"\bwhat (should|do|can) (i|we) do\b")


def talked_about(text: str) -> bool:
    """True when ``text`` talks about an emergency (:data:`ABOUT_WORDS`,
    :data:`ABOUT_PAIRS`) rather than crying out."""
    cleaned = _STILL_A_CRY.sub(" ", clean(text))
    words = cleaned.split()
    return any(w in ABOUT_WORDS for w in words) or any(
        pair in ABOUT_PAIRS for pair in pairwise(words))


#: A decode whose mean word probability (``Transcript.confidence``, as
#: Whisper gives it) is below this is no cry (branch wake18): unaddressed,
#: nobody is asked what they meant, and a short unclear utterance decoded
#: after the emergency prompt can come out as an emergency ("emergency
#: fatigue can add", 0.8 s of espeak-ng, tuning seed 91, at 0.18). Tuning
#: cries caught, lowest: clean 0.29 ("help"), pink 0.34, TV 0.35 (wake18's
#: decodes); wake19's decodes of the same tuning cries (another CPU) caught
#: a pink "health and choking" at 0.23, which wake18's 0.25 lost (tuning
#: draws 202-212: no false alarm below 0.25 either way).
MIN_CONFIDENCE = 0.2
#: The engines whose confidence :data:`MIN_CONFIDENCE` was measured on.
#: PocketSphinx's and Vosk's confidences are on scales of their own (a
#: lattice posterior), not measured here: their cries are not held to it.
CONFIDENCE_ENGINES = frozenset({"whisper"})


def sure_enough(said: Transcript, min_confidence: float = MIN_CONFIDENCE) -> bool:
    """True unless Whisper says it is less sure of ``said`` than ``min_confidence``."""
    if said.engine not in CONFIDENCE_ENGINES or said.confidence is None:
        return True
    return said.confidence >= min_confidence


def asked(text: str) -> bool:
    """True when ``text`` is a question about something rather than a cry."""
    words = clean(text).split()
    # Not a question mark: Whisper writes "Can someone call an ambulance?".
    return bool(words) and words[0] in QUESTION_WORDS


#: A call for help and nothing else ("help!", "help me", "please help me",
#: "I need help"): said to the assistant, "help" asks how to use it (the
#: help command, voice.matching), so is_emergency leaves it; said without
#: the wake phrase, nobody asks the assistant for its usage, and someone who
#: fell shouts just that. Only these words, "help" among them: "help me up",
#: "can you help me with this" and "help yourself" stay everyday talk.
HELP_CRY_WORDS = frozenset(
    "help me please somebody someone anybody anyone i need us oh god quick now".split())
HELP_CRY_MAX_WORDS = 6


def help_cry(text: str) -> bool:
    """True when unaddressed ``text`` is only a call for help (:data:`HELP_CRY_WORDS`)."""
    words = clean(text).split()
    return ("help" in words and len(words) <= HELP_CRY_MAX_WORDS
            and all(w in HELP_CRY_WORDS for w in words))


#: Whether a call for help alone (:func:`help_cry`) is a cry too.
HELP_CRIES = True
#: What the assistant is handed for a call for help alone: "help" itself
#: would get the list of commands (the help command); these words get the
#: emergency advice (voice.matching.emergency). The reply's transcript
#: stays what was heard.
HELP_CRY_ACTED_ON = "help, this is an emergency"


def acted_on(said: Transcript) -> str:
    """The words the assistant answers for unaddressed cry ``said``."""
    if help_cry(said.text) and not is_cry(said.text, help_cries=False):
        return HELP_CRY_ACTED_ON
    return said.text


#: Whether a cry is also held to :func:`talked_about` and
#: :data:`MIN_CONFIDENCE` (branch wake19). **Off**: held out once (odd seeds
#: from 121, the held-out cries of draw 2091, counts only; docs/wake-word.md,
#: "Session 19"), they removed 1 false alarm of 3 in 2.04 h and cost 4 of
#: 336 cries (TV 42 -> 38), and missing a cry costs more than a needless
#: "call your local emergency number". scripts/benchmark_unaddressed.py
#: counts both ways.
TALK_CHECKS = False


def is_cry(text: str, help_cries: bool = HELP_CRIES, talk_checks: bool = TALK_CHECKS) -> bool:
    """True when unaddressed ``text`` is a cry of an emergency."""
    if help_cries and help_cry(text):
        return True
    return is_emergency(text) and not asked(text) and not (talk_checks and talked_about(text))


def heard_cry(said: Transcript, help_cries: bool = HELP_CRIES,
              min_confidence: float = MIN_CONFIDENCE, talk_checks: bool = TALK_CHECKS) -> bool:
    """True when unaddressed ``said`` is a cry (:func:`is_cry`), and with
    ``talk_checks`` heard surely enough (:func:`sure_enough`)."""
    return is_cry(said.text, help_cries, talk_checks) and (
        not talk_checks or sure_enough(said, min_confidence))


def short_enough(utt: Utterance, max_seconds: float = MAX_SECONDS) -> bool:
    """An utterance that ended in silence with at most ``max_seconds`` of speech."""
    if utt.ended_by != "silence" or utt.speech_start is None or utt.speech_end is None:
        return False
    return utt.speech_end - utt.speech_start <= max_seconds


@dataclass
class UnaddressedAlarm:
    """Decides whether an utterance without the wake phrase is an emergency."""

    recognizer: Recognizer
    max_seconds: float = MAX_SECONDS
    #: Decode a copy with what is much quieter than the loudest voice turned
    #: down (tv_gate.py): a cry is louder than the TV behind it.
    gated: bool = GATED
    #: A call for help alone is a cry (:data:`HELP_CRIES`).
    help_cries: bool = HELP_CRIES
    #: A decode less sure than this is no cry (:data:`MIN_CONFIDENCE`).
    min_confidence: float = MIN_CONFIDENCE
    #: Talk about an emergency and unsure decodes are no cries (:data:`TALK_CHECKS`).
    talk_checks: bool = TALK_CHECKS
    #: Utterances decoded so far (the benchmark's cost figure).
    decoded: int = 0
    #: What the last decode heard (the benchmark shows its misses).
    last: Transcript | None = None

    def heard(self, utt: Utterance) -> Transcript | None:
        """What was heard, when ``utt`` is a short cry of an emergency; else None."""
        if not short_enough(utt, self.max_seconds):
            return None
        self.decoded += 1
        clip = utt.clip
        if self.gated:
            clip = AudioClip(gated_copy(clip.samples.reshape(-1)), clip.rate, 1)
        said = self.last = self.recognizer.transcribe(clip)
        return said if heard_cry(said, self.help_cries, self.min_confidence,
                                 self.talk_checks) else None


_SPACE = re.compile(r"\s+")


def _one_line(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


HEARD_EMERGENCY = "(not addressed to me, but it sounds like an emergency: '{text}')"


def heard_line(said: Transcript) -> str:
    """Printed on stderr when an unaddressed emergency is answered."""
    return HEARD_EMERGENCY.format(text=_one_line(said.text))
