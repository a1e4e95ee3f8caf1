"""What an everyday word is, asked (session 33, matching/everyday_defined.py):
"what is life" and "what is sleep" were read Impact on Daily Life in full,
"what is food" Dietary Adjustments: the entries hold the word but never say
what it is. Now offered, one "yes" from the entry; the article's own terms
("what is baclofen", "what is als") are still read. Real `voice text`."""

from __future__ import annotations

from pathlib import Path

from voice.matching import everyday_defined

from .conftest import voice_text_replies

EVERYDAY = {
    "what is life": "Impact on Daily Life",
    "what is sleep": "Impact on Daily Life",
    "what is food": "Dietary Adjustments",
    "what does sleep mean": "Impact on Daily Life",
    "what is life all about": "Impact on Daily Life",
}
#: Each a different entry: a second line on the entry just read is met with
#: "That's in the part I just read" (the conversation's own rule).
DEFINED = {
    "what is baclofen": "Medication",
    "what is als": "Recognizing Chronic Spasms and Neuromuscular Disorders",
    "what is electromyography": "Diagnosis and Medical Evaluations",
    "what is neuromodulation": "Neuromodulation Treatments",
    "what is daily life like": "Impact on Daily Life",
}


def test_an_everyday_word_is_offered_not_read(tmp_path: Path) -> None:
    replies = voice_text_replies(list(EVERYDAY), tmp_path)
    for said, reply in zip(EVERYDAY, replies, strict=True):
        assert reply["outcome"] == "confirm", (said, reply)
        assert reply["match"]["title"] == EVERYDAY[said], (said, reply)
        assert reply["say"].startswith("Did you mean"), (said, reply)


def test_the_articles_own_terms_are_still_read(tmp_path: Path) -> None:
    replies = voice_text_replies(list(DEFINED), tmp_path)
    for said, reply in zip(DEFINED, replies, strict=True):
        assert reply["outcome"] == "answer", (said, reply)
        assert reply["match"]["title"] == DEFINED[said], (said, reply)


def test_only_the_bare_question_of_a_common_word() -> None:
    assert everyday_defined.asks_everyday_word("What's life?")
    for said in ("what is life like with ms", "what is stress", "what is ms", "what is spasticity",
                 "what is my life going to be like", "life"):
        assert not everyday_defined.asks_everyday_word(said), said
