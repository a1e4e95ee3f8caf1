"""The scope check's classifier (voice/matching/classifier.py), tried and
dropped (docs/out-of-scope.md): not shipped, but kept measurable by
scripts/tune_scope.py --classifier. Given one, the check declines more of what
is not ours, never a question a content word carries, never one about a page
added after it was trained. Questions from tuning sets only."""

import math
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from voice.content.loader import load_knowledge, parse_markdown
from voice.content.model import KnowledgeBase
from voice.conversation.conversation import Conversation
from voice.matching import Matcher
from voice.matching.classifier import HASH_BITS, ScopeClassifier, features
from voice.matching.scope import ScopeModel

from .conftest import CONTENT

REPO = Path(__file__).resolve().parent.parent
#: Questions of the tuning sets (health-heldout.tsv, tuning since
#: health-heldout2.tsv; medquad-tuning.tsv) that the word models alone let
#: through: "Burns" was even answered outright with an entry of ours.
LET_THROUGH = ["what is the best thing for travel sickness",
               "Do I need to see a doctor for Burns ?",
               "What are the symptoms of Radiation sickness ?",
               "What is (are) Lung disease ?"]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge([CONTENT])


def _trainer() -> ModuleType:
    sys.path.insert(0, str(REPO / "scripts"))
    import train_scope_classifier  # type: ignore[import-not-found]

    return train_scope_classifier


@pytest.fixture(scope="module")
def trained() -> ScopeClassifier:
    clf: ScopeClassifier = _trainer().build()  # ~3 s on a loaded machine
    return clf


def _word_models(kb: KnowledgeBase, classifier: ScopeClassifier | None = None) -> ScopeModel:
    """The word models as the classifier was tried with: without the topic
    rule of branch health-decline nor the health-subject check of branch
    health-vocab, which decline some of LET_THROUGH themselves."""
    model = ScopeModel(kb, classifier=classifier, health_subjects=False)
    model.unexplained_at = -math.inf
    return model


@pytest.fixture(scope="module")
def matcher(kb: KnowledgeBase, trained: ScopeClassifier) -> Matcher:
    return Matcher(kb, scope_model=_word_models(kb, trained))


@pytest.fixture(scope="module")
def without(kb: KnowledgeBase) -> Matcher:
    matcher = Matcher(kb, scope_model=_word_models(kb))
    # The word models as the classifier was tried against (branch scope8's
    # generic-words check declines "do i need to see a doctor for burns" too).
    matcher.require_distinctive = False
    # Nor session 25's other kind of disorder ("travel sickness", "lung disease").
    matcher.require_kind = False
    return matcher


def test_none_is_used_unless_given(without: Matcher) -> None:
    """Dropped: held out it lost an in-scope question and gained no health one."""
    assert without.scope is not None and without.scope.classifier is None


@pytest.mark.parametrize("question", LET_THROUGH)
def test_declines_what_the_word_models_let_through(matcher: Matcher, without: Matcher,
                                                   question: str) -> None:
    assert without.match(question).outcome != "no_match"
    result = matcher.match(question)
    assert result.outcome == "no_match" and result.candidates == []


def test_a_conversation_declines_it_politely(matcher: Matcher) -> None:
    conversation = Conversation(matcher.kb, matcher=matcher)
    reply = conversation.respond("Do I need to see a doctor for Burns ?")
    assert reply.outcome == "no_match"
    assert "don't have an answer" in reply.say


@pytest.mark.parametrize(("question", "entry_id"), [
    ("is there a cure", "is-there-a-cure-for-neuromuscular-disorders"),  # tuning.tsv
    ("when should i see a doctor", "when-should-someone-seek-medical-attention-for-muscle-spasms"),
])
def test_still_answers_ours(matcher: Matcher, question: str, entry_id: str) -> None:
    result = matcher.match(question)
    assert result.outcome != "no_match"
    assert result.entry is not None and result.entry.id == entry_id


def test_a_content_word_carrying_the_question_overrules_it(kb: KnowledgeBase) -> None:
    """A classifier sure nothing is ours declines only questions no word
    carries (evidence below the guard): MedQuAD's wording with our subject
    stays ours."""
    vocabulary = _trainer().content_vocabulary()
    never = ScopeClassifier(np.zeros(1 << HASH_BITS), -10.0, vocabulary)
    model = ScopeModel(kb, classifier=never)
    m = Matcher(kb, scope_model=model)
    for question in ("Do I need to see a doctor for muscle spasms ?",
                     "What are the treatments for Myasthenia gravis ?"):
        unknown: dict[str, str] = {}
        evidence = model.evidence(m.content_tokens(question, unknown), unknown)
        assert evidence >= model.classifier_guard
        assert m.match(question).outcome != "no_match"
    # Evidence below it (not a line of the content's own, which its entry
    # answers whatever the scope says: Matcher.written_for).
    assert m.match("when do i need to see a doctor").outcome == "no_match"


def test_a_page_added_after_training_is_not_the_classifiers_to_judge(
    kb: KnowledgeBase, trained: ScopeClassifier,
) -> None:
    """The classifier never saw "attorney" as ours; the loaded content has it."""
    question = "what is a lasting power of attorney"
    extra = parse_markdown(
        "# Caregivers\n\n## Lasting power of attorney\n\nA lasting power of attorney lets someone "
        "you trust decide for you if you no longer can; a solicitor can set it up.\n\n"
        "Also asked:\n- who decides for me if I can't\n- what is an attorney\n",
        "caregiver.md",
    )
    bigger = KnowledgeBase(kb.entries + tuple(extra))
    model = ScopeModel(bigger, classifier=trained)
    # The classifier alone would decline it...
    assert trained.prob("what is a lasting power of attorney") < model.classifier_cut
    # ...but the word is new to it, so it is answered or offered.
    result = Matcher(bigger, scope_model=model).match(question)
    assert result.outcome != "no_match"
    assert result.entry is not None and result.entry.title == "Lasting power of attorney"


def test_speech_heard_unsurely_is_not_judged_by_it(matcher: Matcher, without: Matcher) -> None:
    """Left-out words leave MedQuAD's own wording ("what are the symptoms of");
    unsure speech is only offered, as tuned on the Whisper transcripts."""
    heard = "what are the symptoms of appendicitis"
    assert matcher.match(heard, heard=True).outcome == without.match(heard, heard=True).outcome


def test_a_missing_or_damaged_file_means_no_classifier(tmp_path: Path) -> None:
    assert ScopeClassifier.load(tmp_path / "none.npz") is None
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip")
    assert ScopeClassifier.load(bad) is None
    np.savez(tmp_path / "short.npz", weights=np.zeros(3), bias=0.0, vocabulary=np.array(["a"]))
    assert ScopeClassifier.load(tmp_path / "short.npz") is None


def test_saved_weights_read_back_the_same(tmp_path: Path, trained: ScopeClassifier) -> None:
    assert _trainer().main([]) == 2  # usage, not a traceback
    trained.save(tmp_path / "clf.npz")
    back = ScopeClassifier.load(tmp_path / "clf.npz")
    assert back is not None and back.vocabulary == trained.vocabulary
    assert np.array_equal(back.weights, trained.weights)
    assert back.prob("what causes gout") == pytest.approx(trained.prob("what causes gout"))


def test_features_are_stable_hashes() -> None:
    assert features("what causes gout") == features("what causes gout")
    assert features("") == []
    assert set(features("gout")) < set(features("what causes gout"))


def test_it_learns_from_tuning_halves_only() -> None:
    sources = _trainer().SOURCES
    assert "health-heldout2.tsv" not in sources
    assert all("heldout" not in name or name == "health-heldout.tsv" for name in sources)
