"""Emergencies, heard on their own: a third decode after an emergency prompt.

After the content prompt (titles and FAQ questions) Whisper pulls a
spoken emergency toward the content's words: "I can't breathe" came out
"I can't read" or "I can't dream", "she's choking" "she's joking", "he
passed out" "keep us out", "I've fallen and I can't get up" "I'm Portland
and I can't get up". Missing an emergency is the costliest mistake the
assistant can make, so an utterance of at most ``EMERGENCY_SECONDS``
(gated) is also decoded after ``EMERGENCY_PROMPT``, from the same encoding
(one more decoder pass, not another encoding), and that decode is used
instead when it heard an emergency (``voice.matching.emergency``), is sure
of it (``EMERGENCY_SURE_LOGPROB``) and the other decode did not hear a
command or a topic number.

Measured with scripts/tune_short_replies.py --emergencies on the tuning set
only (tests/data/emergencies-tuning.txt: 29 emergencies written apart from
the benchmark's, in benchmark_audio's six espeak-ng conditions, 174 clips):
heard as an emergency after the content prompt 84 (48 %), after this prompt
146 (84 %), by the engine with the rules below (and emergency.py's
spellings) 157 (90.2 %). Non-emergencies (tuning questions, command
phrasings, the real tuning-half clips and four sox noises; 341 clips): 0
emergencies after the content prompt, 5 after this prompt (see the
constants), 0 of 333 by the engine with the rules below.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from voice.speech_in.whisper.decoder import Segment
from voice.speech_in.whisper.guard import Heard, heard_from

#: Said before a possible emergency, in place of the content's titles: the
#: emergencies of voice/matching/emergency.py in everyday words. (A shorter
#: list without "short of breath", "my chest hurts", "he's unconscious" and
#: the like: 136 of the 174 tuning clips instead of 146.)
EMERGENCY_PROMPT = (
    "Help! I can't breathe. I'm short of breath. Call an ambulance. Call nine one one. "
    "Chest pain. My chest hurts. Heart attack. I'm choking. He's having a stroke. "
    "She's having a seizure. He collapsed. He's unconscious. She fainted. "
    "I've fallen and I can't get up. Overdose. Heavy bleeding. Emergency. "
    # Session 12: the words of those missed when spoken ("he's gasping" heard
    # "he's got a spin", "he's gasping for air" "he's got info error").
    # Session 10's seven phrases in benchmark_audio's six espeak-ng
    # conditions heard as emergencies 12 -> 24 of 42 (scripts/
    # tune_emergency_vocab.py --emergency-prompt); "gasping for air" and
    # "won't respond" in 5 espeak-ng and 4 flite voices 29 -> 42 of 45.
    # Tuning sets (same script, --calm 30): emergencies-tuning.txt 157 -> 158
    # of 174; non-emergencies (with the real tuning half) heard as one 1 -> 1
    # of 312 (the same: "cancel" -> "can't breathe").
    "He's gasping for air. She won't respond. He's not responding."
)

#: Gated audio up to this many seconds is decoded after the emergency prompt
#: too. The tuning emergencies are 1.3-2.7 s gated; a longer utterance is a
#: question, where the content decode hears emergencies well enough and an
#: extra decoder pass costs more.
EMERGENCY_SECONDS = 4.0

#: The emergency decode is taken only at or above this avg_logprob. Tuning
#: emergencies it heard: -0.01 to -0.65; non-emergencies it turned into
#: one: "heart attack" for two questions (-1.16, -0.88), "I can't breathe"
#: for white noise (-0.94).
EMERGENCY_SURE_LOGPROB = -0.7


@dataclass(frozen=True)
class UrgentHeard(Heard):
    """The emergency decode's words, taken over the engine's own choice."""

    instead_of: str = ""
    """What the engine's own choice heard (its text)."""


def may_be_emergency(samples: int, rate: int = 16000) -> bool:
    return samples <= EMERGENCY_SECONDS * rate


def _acts_on(text: str) -> bool:
    """A command other than "help" (which may open a cry for help) or a number.

    The emergency prompt turned "three" into "breathe" (-0.24) and "second
    one" into "I can't breathe" (-0.35): a reply the other decode heard as
    such is kept.
    """
    from voice.conversation.choices import find_choice
    from voice.conversation.commands import find_command

    command = find_command(text)
    return bool((command and command != "help") or find_choice(text))


def with_emergency(heard: Heard, candidates: Sequence[Segment]) -> Heard:
    """``heard`` (the engine's choice among its decodes), or the surest of
    ``candidates`` (the emergency decode, and the short-reply one: "he passed
    out" at times heard by it alone) that heard an emergency ``heard`` missed
    and passes the checks of the module docstring."""
    from voice.matching.emergency import is_emergency

    if is_emergency(heard.text) or _acts_on(heard.text):
        return heard
    sure = [s for s in candidates if s.avg_logprob >= EMERGENCY_SURE_LOGPROB]
    for seg in sorted(sure, key=lambda s: s.avg_logprob, reverse=True):
        urgent = heard_from([seg])
        if urgent.words and is_emergency(urgent.text):
            return UrgentHeard(urgent.words, urgent.dropped, urgent.alternatives,
                               urgent.prompted, instead_of=heard.text)
    return heard
