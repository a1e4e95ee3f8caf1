"""The scope check's topic rule (voice/matching/scope.py, branch
health-decline): a word other health questions use and the content does not
explain ("morning", "travel", "piles") names the question's topic, and
generic health words ("causes", "treat", "disorder" reached from "sickness")
cannot outvote it. Questions from the tuning sets only (health-tuning.tsv,
and health-heldout.tsv, tuning since health-heldout2.tsv; health-tuning2.tsv)."""

import math
import sys
from pathlib import Path

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation.conversation import Conversation
from voice.matching import Matcher, others_wellbeing
from voice.matching.scope import ScopeModel

REPO = Path(__file__).resolve().parent.parent
#: Uncovered health questions the scope check took before the topic rule
#: ("what causes morning sickness" was answered outright with the article's
#: "Causes and Risk Factors").
TAKEN_BEFORE = ["what causes morning sickness", "what is the best thing for travel sickness",
                "how do i get my baby to sleep through the night"]
#: Our questions the rule must leave alone: nothing unexplained ("what causes
#: it"), an everyday verb that names no health subject ("skip"), or a word of
#: our own subject said as such ("cramps").
STILL_OURS = [("what causes it", "causes-and-risk-factors"),
              ("can it skip a generation", "are-neuromuscular-disorders-hereditary"),
              ("is it passed down in families", "are-neuromuscular-disorders-hereditary"),
              ("could my tablets be giving me cramps", "causes-and-risk-factors|medication"),
              ("does exercise help", "physical-therapy|the-role-of-exercise-and-rehabilitation")]
# ("can i drink alcohol" was one until branch scope8: the content never
# mentions alcohol, only the generic "drink" (hydration) carried it, and the
# tuning sets hold "how do i cut down on drinking", "how many units of alcohol
# is safe a week" as not ours; the generic-words check declines it now.)


@pytest.fixture(scope="module")
def before(kb: KnowledgeBase) -> Matcher:
    """The word models without the topic rule (as on main before this branch;
    without the later health-subject check, which declines some of them too)."""
    model = ScopeModel(kb, health_subjects=False)
    model.unexplained_at = -math.inf
    matcher = Matcher(kb, scope_model=model)
    matcher.require_distinctive = False  # nor the generic-words check of branch scope8
    matcher.require_kind = False  # nor session 25's other kind of disorder ("travel sickness")
    return matcher


@pytest.mark.parametrize("question", TAKEN_BEFORE)
def test_an_uncovered_health_question_is_declined_politely(
        kb: KnowledgeBase, matcher: Matcher, before: Matcher, question: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as patched:
        # Nor session 40's others_wellbeing, which declines "how do i get my
        # baby to sleep through the night" on its own (a baby's sleep).
        patched.setattr(others_wellbeing, "ON", False)
        taken = Conversation(kb, matcher=before).respond(question)
    assert taken.outcome in ("answer", "confirm")  # the rule is what declines it
    reply = Conversation(kb, matcher=matcher).respond(question)
    assert reply.outcome == "no_match"
    # Declined as not in what it knows, not as unheard, and without naming
    # the nearest entry; with the way forward spoken.
    assert "don't have an answer" in reply.say
    assert "Did you mean" not in reply.say
    assert "say 'help'" in reply.say.lower() or "list topics" in reply.say.lower()


def test_the_conversation_goes_on_after_a_decline(kb: KnowledgeBase, matcher: Matcher) -> None:
    conversation = Conversation(kb, matcher=matcher)
    assert conversation.respond("what causes morning sickness").outcome == "no_match"
    reply = conversation.respond("what causes these spasms")
    assert reply.outcome == "answer"
    assert reply.match is not None and reply.match.id == "causes-and-risk-factors"


@pytest.mark.parametrize(("question", "entry_ids"), STILL_OURS)
def test_our_questions_are_still_answered_or_offered(
        kb: KnowledgeBase, matcher: Matcher, question: str, entry_ids: str) -> None:
    reply = Conversation(kb, matcher=matcher).respond(question)
    assert reply.outcome in ("answer", "confirm"), (question, reply.say)
    assert reply.match is not None and reply.match.id in entry_ids.split("|")


def test_only_words_said_as_such_carry_a_question(kb: KnowledgeBase) -> None:
    """A content word reached through a synonym ("pills" -> medication) does
    not carry a question past a word naming another topic; said as such it does."""
    model = ScopeModel(kb)
    toks = ["medicat", "morn"]
    assert model.health_evidence("medicat") >= 1.0 and model.token_evidence("morn") <= -1.0
    assert model.evidence(toks, said={"medicat", "morn"}) > model.evidence(toks, said={"morn"})


def test_kqa_sets_are_chosen_by_their_annotations() -> None:
    sys.path.insert(0, str(REPO / "scripts"))
    import make_kqa_sets  # type: ignore[import-not-found]

    rows: list[dict[str, object]] = [
        {"Question": "Can I take Pepto with the antibiotic?", "ICD_10_diag": "Gastritis",
         "matched_entity": "Pepto-bismol"},
        {"Question": "Is there any other medication that I can take",
         "ICD_10_diag": "COVID-19", "matched_entity": "medication"},  # names no subject
        {"Question": "Will the muscle relaxer help my back?",
         "ICD_10_diag": "Muscle spasm of back", "matched_entity": "muscle relaxant"},  # ours
        {"Question": "Is it contagious?", "ICD_10_diag": "Acute sinusitis",
         "matched_entity": "contagious"},  # too short to name its subject
        {"Question": "Can I take Pepto with the  antibiotic?", "ICD_10_diag": "Gastritis",
         "matched_entity": "Pepto-bismol"},  # the same question again
    ]
    assert [q for q, _ in make_kqa_sets.kept(rows).values()] == [
        "Can I take Pepto with the antibiotic?"]
