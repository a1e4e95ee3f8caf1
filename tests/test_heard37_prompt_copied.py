"""The words Whisper's prompt repeats ("... neuromuscular disorders?"), written
less than surely, make a hearing doubtful: offered, never read in full
(heard.PROMPT_COPIED, PROMPT_COPIED_BELOW).

The hearings are tiny.en's own (espeak-ng, session 31,
scripts/tune_spoken_oos.py's tuning clips, the AVX2 path), words and
probabilities from the transcript cache, read by the real content, matcher
and assistant. Before, "what are nerve stimulators" heard "what are
neuromuscular disorders" was answered outright with the entry on
recognising the disorders: a wrong answer read in full.
"""

from __future__ import annotations

import io
from typing import Any

import pytest

from voice.app import Assistant
from voice.content.model import KnowledgeBase
from voice.conversation import Conversation, heard
from voice.speech_in.base import Transcript


def whisper(*words: tuple[str, float]) -> Transcript:
    return Transcript(" ".join(w for w, _ in words), "whisper",
                      sum(c for _, c in words) / len(words), [], tuple(words))


#: "what are nerve stimulators", espeak-ng (two conditions of tuning.tsv).
NERVE_STIMULATORS = [
    whisper(("what", 0.56), ("are", 0.97), ("neuromuscular", 0.87), ("disorders", 0.96)),
    whisper(("what", 0.92), ("are", 0.93), ("neuromuscular", 0.76), ("disorders", 0.69)),
]
#: "what happens at a neurology appointment" heard "... a neuromuscular(0.85)
#: appointment": answered right before, offered now.
APPOINTMENT = whisper(("what", 0.95), ("happened", 0.77), ("at", 0.2), ("a", 0.87),
                      ("neuromuscular", 0.85), ("appointment", 0.94))
#: Said: "can neuromuscular disorders be cured" (espeak-ng), heard surely.
CURED = whisper(("can", 0.97), ("neuromuscular", 1.0), ("disorders", 1.0), ("be", 0.88),
                ("cured", 0.99))
CURE = "is-there-a-cure-for-neuromuscular-disorders"


def reply(kb: KnowledgeBase, said: Transcript) -> dict[str, Any]:
    return Assistant(Conversation(kb), None, out=io.StringIO(),
                     json_lines=True).handle_heard(said)


def test_the_rule_is_on() -> None:
    assert heard.PROMPT_COPIED_BELOW == 0.9


@pytest.mark.parametrize("said", NERVE_STIMULATORS)
def test_a_copied_phrase_is_offered_not_read(kb: KnowledgeBase, said: Transcript) -> None:
    got = reply(kb, said)
    assert got["outcome"] != "answer", got  # was read in full: the wrong entry


def test_a_right_entry_heard_through_a_copy_is_still_offered(kb: KnowledgeBase) -> None:
    got = reply(kb, APPOINTMENT)
    assert got["outcome"] == "confirm", got
    assert got["match"]["id"] == "diagnosis-and-medical-evaluations", got


def test_the_words_said_surely_are_answered(kb: KnowledgeBase) -> None:
    got = reply(kb, CURED)
    assert got["outcome"] == "answer", got
    assert got["match"]["id"] == CURE, got


def test_the_words_as_doubt() -> None:
    assert heard.is_doubtful(NERVE_STIMULATORS[0])
    assert not heard.is_doubtful(CURED)
    typed = Transcript("what are neuromuscular disorders", "pocketsphinx", 0.5, [],
                       (("what", 0.99), ("are", 0.99), ("neuromuscular", 0.5),
                        ("disorders", 0.99)))
    assert heard.is_doubtful(typed) == heard.is_doubtful(
        Transcript(typed.text, "pocketsphinx", 0.5, [], (("what", 0.99), ("are", 0.99),
                                                        ("neuromuscular", 0.99),
                                                        ("disorders", 0.99))))


def test_the_switch_turns_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(heard, "PROMPT_COPIED_BELOW", None)
    assert not heard.is_doubtful(NERVE_STIMULATORS[0])


def test_the_shipped_words_are_what_the_content_makes() -> None:
    """PROMPT_COPIED is the shipped content's repeated prompt words, so the
    hand-named default and the derived set cannot drift apart."""
    from voice.app import load_matcher
    from voice.config import Config

    assert heard.prompt_copied_words(load_matcher(Config())) == heard.PROMPT_COPIED


def test_edited_content_brings_its_own_repeated_words(tmp_path: Any) -> None:
    """A caregiver's content whose FAQ says "tremor" three times: a "tremor"
    written unsurely is doubted and offered, and "neuromuscular", no longer
    in the prompt, no longer doubts a hearing (session 31)."""
    from voice.content.loader import load_knowledge
    from voice.matching.matcher import Matcher

    faq = tmp_path / "faq.md"
    faq.write_text("# FAQ\n\n" + "".join(
        f"## {q}\n\n{a}\n\n" for q, a in (
            ("What causes a tremor?", "A tremor can come from many causes."),
            ("How is a tremor treated?", "Treatments for a tremor vary."),
            ("Can a tremor get worse?", "A tremor can change over time."),
            ("What helps muscle cramps?", "Stretching helps muscle cramps."),
        )), encoding="utf-8")
    matcher = Matcher(load_knowledge([tmp_path]))
    assert heard.prompt_copied_words(matcher) == frozenset({"tremor"})
    said = whisper(("what", 0.95), ("causes", 0.97), ("a", 0.9), ("tremor", 0.8))
    assert heard.is_doubtful(said, heard.prompt_copied_words(matcher))
    assert not heard.is_doubtful(NERVE_STIMULATORS[0], heard.prompt_copied_words(matcher))
    got = Assistant(Conversation(matcher.kb, matcher=matcher), None, out=io.StringIO(),
                    json_lines=True).handle_heard(said)
    assert got["outcome"] == "confirm", got  # heard surely, it would be read
    surely = whisper(("what", 0.95), ("causes", 0.97), ("a", 0.9), ("tremor", 0.99))
    got = Assistant(Conversation(matcher.kb, matcher=matcher), None, out=io.StringIO(),
                    json_lines=True).handle_heard(surely)
    assert got["outcome"] == "answer", got
