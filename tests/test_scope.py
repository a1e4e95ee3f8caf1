"""Declining what is not ours: the scope model (voice/matching/scope.py)."""

import json
import sys
from pathlib import Path

import pytest

from voice.content.loader import parse_markdown
from voice.content.model import KnowledgeBase
from voice.matching import Matcher
from voice.matching.scope import COUNTS_FILE, RARITY_KNOWN, GeneralEnglish, ScopeModel

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("request_text", [
    # Everyday requests that a content word used to pull onto a health entry.
    "let's play a game of chess", "check my emails", "change the light colour to blue",
    "how do I cook risotto", "can you start the vacuum",
    # Health questions the content does not cover.
    "how do I get rid of dandruff", "what causes gout", "how do I treat conjunctivitis",
])
def test_declines_what_is_not_ours(matcher: Matcher, request_text: str) -> None:
    result = matcher.match(request_text)
    assert result.outcome == "no_match", (request_text, result.entry)
    assert result.candidates == []  # nothing named as the nearest entry


@pytest.mark.parametrize(("question", "entry_id"), [
    ("what brings it on", "causes-and-risk-factors"),
    ("can they fix it", "is-there-a-cure-for-neuromuscular-disorders"),
    ("my legs are tight every morning what can i do", "physical-therapy"),
    ("whats a spinal cord stimulator", "neuromodulation-treatments"),
    ("what should I eat", "dietary-adjustments"),
    ("tell me what this is about", "introduction"),
])
def test_still_answers_or_offers_ours(matcher: Matcher, question: str, entry_id: str) -> None:
    result = matcher.match(question)
    assert result.outcome != "no_match"
    assert entry_id in [e.id for e in result.offered]


@pytest.mark.parametrize("question", [
    # Another disease named, in words common to every health question.
    "is sickle cell disease inherited", "what causes bleeding disorders",
])
def test_other_health_subjects_are_declined_by_the_other_health_model(
        kb: KnowledgeBase, matcher: Matcher, question: str) -> None:
    assert matcher.match(question).outcome == "no_match"
    # Without the model of other health questions (MedQuAD's, tuning half) it was taken
    # (and without the health-subject check of branch health-vocab, which declines it too,
    # nor session 25's other kind of disorder, "cell disease": Matcher.names_other_kind).
    without = Matcher(kb, scope_model=ScopeModel(kb, health={}, health_subjects=False))
    without.require_kind = False
    assert without.match(question).outcome != "no_match"


@pytest.mark.parametrize(("question", "entry_id"), [
    ("are spasms hereditary", "are-neuromuscular-disorders-hereditary"),
    ("is myasthenia gravis inherited", "are-neuromuscular-disorders-hereditary"),
    ("can it skip a generation", "are-neuromuscular-disorders-hereditary"),
    ("whats the test with the needles in the muscle", "diagnosis-and-medical-evaluations"),
])
def test_our_own_health_words_still_carry_ours(matcher: Matcher, question: str,
                                               entry_id: str) -> None:
    assert entry_id in [e.id for e in matcher.match(question).offered]


def test_without_the_check_the_old_behaviour_is_kept(kb: KnowledgeBase) -> None:
    plain = Matcher(kb, check_scope=False)
    assert plain.scope is None
    assert plain.match("let's play a game of chess").outcome != "no_match"


def test_evidence_comes_from_the_loaded_content(kb: KnowledgeBase) -> None:
    """A caregiver's page adds words: questions about them become ours."""
    question = "how do I set up a lasting power of attorney"
    assert Matcher(kb).match(question).outcome == "no_match"
    extra = parse_markdown(
        "# Caregivers\n\n## Lasting power of attorney\n\nA lasting power of attorney lets someone "
        "you trust decide for you if you no longer can; a solicitor can set it up.\n\n"
        "Also asked:\n- who decides for me if I can't\n- what is an attorney\n"
        "- how do I set up a power of attorney\n",
        "caregiver.md",
    )
    bigger = KnowledgeBase(kb.entries + tuple(extra))
    result = Matcher(bigger).match(question)
    assert result.outcome != "no_match"
    assert result.entry is not None and result.entry.title == "Lasting power of attorney"


def test_rare_words_weigh_more_than_common_ones() -> None:
    english = GeneralEnglish()
    assert english.rarity("morning") < 4.5 < english.rarity("gout")
    assert english.rarity("verruca") == GeneralEnglish.MISSING


def test_stored_everyday_model_is_built_from_the_tuning_halves_only() -> None:
    sys.path.insert(0, str(REPO / "scripts"))
    import build_everyday_counts  # type: ignore[import-not-found]

    assert all("heldout" not in p.name for p in build_everyday_counts.SOURCES)
    assert all("heldout" not in p.name for p in build_everyday_counts.HEALTH_SOURCES)
    stored = json.loads(COUNTS_FILE.read_text(encoding="utf-8"))
    assert stored == build_everyday_counts.build()


def test_speech_heard_unsurely_needs_less_evidence_and_is_only_offered(
    matcher: Matcher,
) -> None:
    """A misheard word of a question comes out as an everyday word ("play",
    "game"): typed, it is declined; heard unsurely, it is offered, not answered."""
    heard = "will exercise help play game"
    assert matcher.match(heard).outcome == "no_match"
    assert matcher.match(heard, doubtful=True).outcome == "confirm"
    assert matcher.match("let's play a game of chess", doubtful=True).outcome == "no_match"


# -- heard speech: a word no dictionary knows is a mishearing -----------------
# Whisper, given espeak-ng's "is there a cure" on a loaded machine, wrote
# "is nanakioa for neuromuscular disorders" (CI, 2026-12-01): declined as
# another subject, the user was told it was not covered.


def test_a_misheard_word_in_heard_speech_is_asked_about_not_declined(matcher: Matcher) -> None:
    heard = "is nanakioa for neuromuscular disorders"
    assert matcher.match(heard).outcome == "no_match"  # typed: another subject
    result = matcher.match(heard, heard=True)
    assert result.outcome == "confirm" and result.misheard
    assert result.entry is not None
    assert result.entry.id == "is-there-a-cure-for-neuromuscular-disorders"


def test_heard_speech_with_a_misheard_word_is_never_answered_outright(matcher: Matcher) -> None:
    heard = "is there a cure for neuromuscular disorders nanakioa"
    assert matcher.match(heard.rsplit(" ", 1)[0], heard=True).outcome == "answer"
    assert matcher.match(heard, heard=True).outcome == "confirm"


def test_heard_speech_keeps_dictionary_words_as_evidence(matcher: Matcher) -> None:
    # "weather" and "glasgow" are English: still another subject, still declined.
    result = matcher.match("what's the weather like in glasgow", heard=True)
    assert result.outcome == "no_match" and not result.misheard


def test_a_garbled_question_is_said_to_be_unclear_not_off_our_subject(kb: KnowledgeBase) -> None:
    from voice.conversation.conversation import Conversation

    heard = "is nana qoifon neuromuscular disorders"
    conversation = Conversation(kb)
    reply = conversation.respond(heard, heard=True)
    assert reply.outcome == "no_match"
    assert "didn't catch that clearly" in reply.say
    assert "don't have an answer" not in reply.say
    typed = Conversation(kb).respond(heard)
    assert "don't have an answer" in typed.say


# -- heard speech: a misheard word is taken for the content word it sounds like --
# Whisper's transcripts of tuning.tsv questions spoken by espeak-ng.


def test_a_misheard_word_is_taken_for_the_content_word_spelled_alike(matcher: Matcher) -> None:
    # "would massage therapy help", heard as "with massade therapy": without
    # the repair, what is left ("with therapy") is offered as physical therapy.
    assert matcher.sounds_like("massade") == "massage"
    result = matcher.match("with massade therapy", heard=True)
    assert result.outcome == "confirm" and result.misheard
    assert result.entry is not None and result.entry.id == "alternative-therapies"


def test_a_misheard_word_that_starts_with_a_content_word_keeps_it(matcher: Matcher) -> None:
    # "what are chronic spasms", heard as "what are chronicasms".
    assert matcher.sounds_like("chronicasms") == "chronic"
    result = matcher.match("what are chronicasms", heard=True)
    assert result.outcome == "confirm"
    assert result.entry is not None
    assert result.entry.id == "recognizing-chronic-spasms-and-neuromuscular-disorders"


def test_a_misheard_word_like_no_content_word_is_still_left_out(matcher: Matcher) -> None:
    assert matcher.sounds_like("qoifon") is None
    assert matcher.sounds_like("nanakioa") is None


def test_a_number_is_no_mishearing(matcher: Matcher) -> None:
    # Whisper writes digits: "switch off the tv" heard with a "13" in it.
    assert matcher.misheard_words("switch channel 13") == set()
    assert not matcher.match("switch channel 13", heard=True).misheard


def test_a_lone_unsure_everyday_word_is_declined_not_offered(matcher: Matcher) -> None:
    # Whisper heard "play the radio" (tuning.tsv, white noise) and "play a news
    # radio station" (foreign-tuning.tsv) as "play" and a few barely heard
    # words: offered as "What role does physical therapy play?" with the
    # slack chosen for PocketSphinx.
    assert matcher.match("play", doubtful=True, heard=True).outcome == "no_match"
    assert matcher.match("done", doubtful=True, heard=True).outcome == "no_match"


# -- heard speech: a word heard surely is said, even when no dictionary has it --
# Whisper heard espeak-ng's "what are the symptoms of appendicitis" (tuning
# half of our health questions) with "appendicitis" at 0.75: no dictionary
# has it, so it was taken for a mishearing, left out, and what was left
# ("what are the symptoms of") offered as the early signs of our disorders.

APPENDICITIS = "what are the symptoms of appendicitis"


def test_a_surely_heard_word_no_dictionary_has_names_another_subject(matcher: Matcher) -> None:
    unsure = matcher.match(APPENDICITIS, heard=True)
    assert unsure.outcome == "confirm" and unsure.misheard  # heard unsurely: a mishearing
    sure = matcher.match(APPENDICITIS, heard=True, sure={"appendicitis"})
    assert sure.outcome == "no_match" and not sure.misheard
    assert sure.candidates == []  # declined, nothing named


def test_a_surely_heard_word_spelled_like_a_content_word_is_still_repaired(
    matcher: Matcher,
) -> None:
    # Whisper's "what is the remodulation" (0.90) for "what is neuromodulation".
    result = matcher.match("what is the remodulation", heard=True, sure={"remodulation"})
    assert result.outcome == "confirm" and result.misheard
    assert result.entry is not None and result.entry.id == "neuromodulation-treatments"


def test_two_english_words_run_together_are_a_mishearing_even_heard_surely(
    matcher: Matcher,
) -> None:
    # "does the magnet therapy on the head work" (dev.tsv), heard with
    # "handwork" at 0.91: no dictionary has it, and no content word is
    # spelled like it, but "hand" and "work" are common English words.
    heard = "does the magnet therapy on the handwork"
    result = matcher.match(heard, heard=True, sure={"handwork"})
    assert result.outcome == "confirm" and result.misheard
    assert result.entry is not None and result.entry.id == "neuromodulation-treatments"


def test_a_conversation_declines_a_surely_heard_other_subject(kb: KnowledgeBase) -> None:
    from voice.conversation.conversation import Conversation

    reply = Conversation(kb).respond(APPENDICITIS, heard=True, sure=frozenset({"appendicitis"}))
    assert reply.outcome == "no_match"
    assert "don't have an answer" in reply.say  # declined, not "didn't catch that"
    unsure = Conversation(kb).respond(APPENDICITIS, heard=True)
    assert unsure.outcome == "confirm"


def test_a_word_asked_while_another_thread_loads_the_model_is_judged_by_it(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    # The sound-alike warm-up (a background thread) loads the general-English
    # model; a question that came meanwhile got "no model" (every word as
    # common as RARITY_KNOWN), and a rarity cached from it (Matcher.subjects)
    # stayed wrong for the whole run.
    import threading
    import time

    from voice.matching import scope

    real = scope.Unigrams.read
    loads: list[object] = []

    def slow(path: Path) -> object:
        time.sleep(0.3)  # a Pi's busy core: the question comes meanwhile
        model = real(path)
        loads.append(model)
        return model

    slow_reader = type("Slow", (), {"read": staticmethod(slow)})
    monkeypatch.setattr(scope, "Unigrams", slow_reader)
    scope._load_model.cache_clear()
    english = GeneralEnglish()
    warming = threading.Thread(target=english.rarity, args=("clinic",))
    warming.start()
    time.sleep(0.05)
    asked = english.rarity("baclofen")
    warming.join(timeout=60)
    scope._load_model.cache_clear()
    assert len(loads) == 1
    assert asked == english.rarity("baclofen") > RARITY_KNOWN
