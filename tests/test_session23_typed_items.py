"""Lines typed in session 22 that a user would expect otherwise (issue 14, branch scope24).

- "why did i get ms" was read in full the section that says what MS is: the
  content gives no cause of MS (its causes are those of neuromuscular
  conditions in general), so the causes entry is offered, never read.
- "where do we start" was declined where the Introduction's own "where do i
  start" is answered; "my brother got diagnosed last week, where do we even
  begin" (inscope17-tuning) was declined ("last" is the cure FAQ's word).
- "help my daughter with her driving test" was offered Diagnosis ("test");
  "how do i help my son with exam stress" was offered Coping Strategies
  where "how can i ..." was declined, by 2 points of the phrase score.

Typed through the Conversation as `voice text` does, with the shipped
content and models."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voice.conversation.reply import Reply

CAUSES = "causes-and-risk-factors"
COPING = "coping-strategies-for-individuals-and-caregivers"


def _offered(reply: Reply) -> list[str]:
    """The entries offered, first what "Did you mean" names."""
    first = [reply.match.id] if reply.match is not None else []
    return first + [c.entry.id for c in reply.alternatives if c.entry.id not in first]


@pytest.mark.parametrize("line", ["why did i get ms", "why do i have ms",
                                  "why did i get myasthenia gravis", "why did my husband get als",
                                  "why did my mum get ms", "why does ms happen",
                                  "why do people get ms"])
def test_why_one_got_a_disease_offers_the_causes(typed: Callable[[str], Reply],
                                                 line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "confirm", (reply.outcome, reply.say)
    assert _offered(reply)[:1] == [CAUSES], _offered(reply)


@pytest.mark.parametrize(("line", "entry"), [
    # The causes the content gives are of spasms and of the conditions in general.
    ("why do i get spasms", CAUSES),
    ("why do people get neuromuscular disorders", CAUSES),
    ("why did i get this disease", CAUSES),
    # What a thing is for: the entry says.
    ("why do people with ms need assistive devices", "how-do-assistive-devices-improve-mobility"),
    ("what is ms", "recognizing-chronic-spasms-and-neuromuscular-disorders"),
])
def test_causes_the_content_gives_are_still_answered(typed: Callable[[str], Reply], line: str,
                                                     entry: str) -> None:
    reply = typed(line)
    assert reply.outcome == "answer" and reply.match is not None, (reply.outcome, reply.say)
    assert reply.match.id == entry


@pytest.mark.parametrize("line", ["where do we start", "where do we even start"])
def test_where_do_we_start_is_the_introductions_own_line(typed: Callable[[str], Reply],
                                                         line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "answer" and reply.match is not None, (reply.outcome, reply.say)
    assert reply.match.id == "introduction"


@pytest.mark.parametrize("line", ["my brother got diagnosed last week, where do we even begin"])
def test_when_it_happened_does_not_decline_where_to_begin(typed: Callable[[str], Reply],
                                                          line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "confirm", (reply.outcome, reply.say)
    assert _offered(reply)[:1] == ["introduction"], _offered(reply)


@pytest.mark.parametrize("line", ["i was diagnosed last year", "my legs cramped last night"])
def test_a_time_said_alone_is_still_declined(typed: Callable[[str], Reply], line: str) -> None:
    assert typed(line).outcome == "no_match"


@pytest.mark.parametrize("line", ["will this last forever"])
def test_last_as_a_verb_keeps_its_word(typed: Callable[[str], Reply], line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "answer" and reply.match is not None
    assert reply.match.id == "is-there-a-cure-for-neuromuscular-disorders"


@pytest.mark.parametrize("line", ["help my daughter with her driving test",
                                  "how can i help my daughter with her driving test",
                                  "how do i help my son with exam stress",
                                  "how can i help my son with exam stress",
                                  "help my son with exam stress"])
def test_a_relative_helped_with_an_everyday_thing_is_declined(typed: Callable[[str], Reply],
                                                              line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "no_match", (reply.outcome, reply.say)


@pytest.mark.parametrize(("line", "outcome", "entry"), [
    ("how do i help my son with stress", "answer", COPING),
    ("how can i help my dad cope", "answer", COPING),
    ("what tests are there", "answer", "diagnosis-and-medical-evaluations"),
    ("what test will i have", "answer", "diagnosis-and-medical-evaluations"),
    ("help my mum with her housework", "confirm", "impact-on-daily-life"),
])
def test_helping_with_what_is_ours_is_unchanged(typed: Callable[[str], Reply], line: str,
                                                outcome: str, entry: str) -> None:
    reply = typed(line)
    assert reply.outcome == outcome, (reply.outcome, reply.say)
    got = reply.match.id if outcome == "answer" and reply.match else _offered(reply)[:1][0]
    assert got == entry


# -- a year said is no rare subject (MeQSum's tuning half, people's own words) --

@pytest.mark.parametrize(("line", "entry"), [
    ("My wife suffers from MS since 1991. I would like to consider more info on the stem cell "
     "research", "recent-advancements-and-research"),
    ("i have had spasms since 2015, what can i do",
     "can-lifestyle-changes-help-manage-chronic-spasms"),
])
def test_a_year_in_the_telling_does_not_decline_it(typed: Callable[[str], Reply], line: str,
                                                   entry: str) -> None:
    reply = typed(line)
    assert reply.outcome == "confirm", (reply.outcome, reply.say)
    assert _offered(reply)[:1] == [entry], _offered(reply)


def test_a_year_and_a_question_the_content_answers(typed: Callable[[str], Reply]) -> None:
    reply = typed("i was diagnosed with ms in 2009, is there a cure")
    assert reply.outcome == "answer" and reply.match is not None, (reply.outcome, reply.say)
    assert reply.match.id == "is-there-a-cure-for-neuromuscular-disorders"


@pytest.mark.parametrize(("line", "outcome"), [
    ("what happened in 1991", "no_match"),
    # Session 35: told it cannot set alarms (commands._REMIND), a command.
    ("set an alarm for 7", "command"),
    ("can i take 2 paracetamol", "no_match"),
    ("is there a cure for type 2 diabetes", "no_match")])
def test_numbers_do_not_make_a_line_ours(typed: Callable[[str], Reply], line: str,
                                         outcome: str) -> None:
    assert typed(line).outcome == outcome
