"""Session 46: emergencies told in the words of what is happening, typed as a
carer or a person with MS, ALS or myasthenia gravis would say them
(voice/matching/emergency.py, _SEEN_SESSION46). Before, on 1f2d759:

- "my wife is blue", "my husband is turning blue" were declined plainly
  ("he is blue" was an emergency; a relative named was not);
- "my breathing is getting worse with mg" was declined plainly, "his
  breathing is getting worse" offered the FAQ on when spasms need a doctor;
- "i need a doctor now" was declined plainly;
- "my arm is numb and my speech is slurred", "his speech is slurred and his
  arm is weak", "i think my husband has had a stroke", "suddenly i cant
  speak", "i've lost the sight in one eye" were declined plainly, "i
  suddenly cant see" offered the FAQ on when spasms need a doctor;
- "i feel like i'm going to pass out" was offered "Are neuromuscular
  disorders hereditary", "i think im going to faint" declined;
- "i stopped my baclofen suddenly and im hallucinating" was offered
  Medication, "he is hallucinating" declined;
- "worst headache of my life", "sudden severe headache", "high fever and a
  stiff neck", "she's very confused and has a high fever", "my face is
  swelling up", "my tongue is swollen", "i think im having an allergic
  reaction", "anaphylaxis", "my throat feels tight", "i think i broke my
  hip", "i burned myself badly", "i'm bleeding from my head", "pain down
  my left arm" were declined plainly;
- "i swallowed something and it's stuck" was offered the early signs FAQ;
- "she cant lift her head and she's struggling to swallow" was declined.

Each now gets the emergency advice first, through the real `voice text`.
Questions about the same things stay questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation import phrases
from voice.matching.emergency import is_emergency

from .conftest import every_typed_line, voice_text_replies

TOLD = [
    "my wife is blue", "my husband is turning blue",
    "my breathing is getting worse with mg", "his breathing is getting worse",
    "i need a doctor now",
    "my arm is numb and my speech is slurred", "his speech is slurred and his arm is weak",
    "i think my husband has had a stroke", "suddenly i cant speak",
    "i've lost the sight in one eye", "i suddenly cant see",
    "i feel like i'm going to pass out", "i think im going to faint",
    "i stopped my baclofen suddenly and im hallucinating", "he is hallucinating",
    "worst headache of my life", "sudden severe headache",
    "high fever and a stiff neck", "she's very confused and has a high fever",
    "my face is swelling up", "my tongue is swollen", "i think im having an allergic reaction",
    "anaphylaxis", "my throat feels tight",
    "i think i broke my hip", "i burned myself badly", "i'm bleeding from my head",
    "pain down my left arm", "i swallowed something and it's stuck",
    "she cant lift her head and she's struggling to swallow",
]

#: Questions and tellings near those words: not an emergency.
NEAR = [
    "my husband is feeling blue since the diagnosis", "why is my breathing getting worse",
    "can mg make breathing worse", "what is a stroke", "can baclofen cause an allergic reaction",
    "what is anaphylaxis", "does ms cause headaches",
    "i had an allergic reaction to penicillin years ago",
    "i fell last year and broke my hip, can exercise help",
    "can ms affect your sight", "what happens if i stop taking baclofen",
    "i've been losing sight in my left eye for years", "my wife gets a fever every winter",
    "is it normal to feel faint after physio", "my son has a blue wheelchair",
]


def test_each_is_met_with_the_emergency_advice_first(tmp_path: Path) -> None:
    replies = voice_text_replies(TOLD, tmp_path)
    assert len(replies) == len(TOLD)
    missed = [(said, r["outcome"], r["say"][:60]) for said, r in zip(TOLD, replies, strict=True)
              if r["outcome"] != "emergency" or r["say"] != phrases.EMERGENCY]
    assert missed == []


@pytest.mark.parametrize("said", NEAR)
def test_near_questions_are_not_emergencies(said: str) -> None:
    assert not is_emergency(said)


def test_the_question_sets_keep_their_emergencies(kb: KnowledgeBase) -> None:
    """Every line of tests/data (held out too, counted only) and every "Also
    asked" phrasing: taken as emergencies as often as before the change
    (counted on 1f2d759: 120, of them 29 the emergencies' own tuning file),
    so no benchmark figure can move through it."""
    lines = every_typed_line() + [p for e in kb.entries for p in e.phrasings]
    assert sum(map(is_emergency, lines)) == 120
