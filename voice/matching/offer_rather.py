"""Offered rather than read: questions no entry answers though one matches
their words well (session 28, branch typed32). Applied to the matcher's
outcome (``Matcher.match``), never to the editors' own lines.

- **The asker's own state judged** ("am i depressed", "am i just tired or is
  it my condition", "do i have depression"): only someone who knows the
  asker can say. Coping Strategies (95.5) and Impact on Daily Life (88.9)
  were read in full as if they said. Offered, never read.
- **How hard a thing is** ("is it difficult to treat", manner_asked.py):
  no entry says; offered, never read.
- **A choice between two** ("should i see a doctor or a physio"): the
  physiotherapy FAQ was read in full (75.5), though the doctor FAQ (67.9)
  is as much what was asked. When each side, matched alone, is ours and
  reaches an offer with a different entry, and the best entry does not
  hold every word of both sides, both are offered (the same score: both
  named), in the line's own order, so "the second one" picks.
- **A cause of a thing, or how to know whether a thing is so** ("what
  causes anxiety", "how do i know if my medication is working"): an offered
  entry that never speaks of the thing was offered first (Causes and Risk
  Factors, reached by "causes" alone; Alternative Therapies, reached by its
  "without drugs" folded onto medication, put first by asked_not_said's
  "alleviating symptoms"). Offered entries that hold none of the thing's
  words are left out when another one holds them: as said in the entry's
  own words first, else through synonyms.py's folds. For a cause, only a
  thing no entry names as said ("anxiety", folded onto stress): "what
  causes fatigue" keeps Causes and Risk Factors first (scope30).

- **What helps a spasm at night** ("my legs keep jerking at night, what
  helps"; session 28, branch mend33): "night" folds onto sleep, so Impact
  on Daily Life ("disrupted sleep patterns") was the answer in full at
  this level (80.3), though it does not say what helps. The Conversation
  offers the entries on what helps first (conversation/at_night.py, whose
  test of the line is used here); ``Matcher.match`` now offers too, for
  every caller, never reads. Since session 32 (branch scope38) it offers
  the same entries first as the Conversation (``AT_NIGHT_OFFERS``: the
  lifestyle FAQ and Medication), both named, then the rest: it still put
  Impact on Daily Life first, which every "Did you mean" built from the
  matcher alone named (4 of tuning32's in-scope misses: "cramps in my
  calves every night, what can i do" ...).

- **What an everyday word is** ("what is life", "what is sleep";
  everyday_defined.py, session 33): the entry holds the word but does not
  say what it is. Offered, never read.

- **What a condition causes** ("can spasms cause damage";
  effect_asked.py, session 33): the entry on the causes of the conditions
  does not say what they cause. Offered, never read.

``ON = False`` turns them off, for measuring (manner_asked.ON the ranking).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from voice.content.model import Entry
from voice.matching import (
    asked_not_said,
    effect_asked,
    everyday_defined,
    fold_share,
    manner_asked,
    normalize,
)

if TYPE_CHECKING:
    from voice.matching.matcher import Candidate, Matcher, MatchResult

#: Off for measuring: every line decided as before.
ON = True

#: The asker's own state asked to be judged. "am i ..." whatever follows;
#: "do i have X" / "have i got X" but not "do i have to" (an obligation) or
#: "do i have any ..." (what is available).
SELF_JUDGED = re.compile(
    r"^(?:(?:so|but|and|well|tell me|honestly) )?(?:am i|do you think i am|"
    r"(?:do i have|have i got|could i have|might i have|do you think i have)"
    r" (?!to\b|any\b|options?\b|a choice\b))\b")

#: A choice asked between two things: an opener asking for a decision, then
#: "A or B" (also "which is better, A or B"). Not "can diet or exercise
#: help": whether either helps, which one entry may answer for both.
CHOICE_OPENER = re.compile(
    r"^(?:should|shall|which|what is better|is it better|would it be better|"
    r"do i need|do we need|does (?:he|she) need)\b")
_OR = " or "
#: Where the thing begins in "how do i know if ...".
_IF = re.compile(r"\b(?:if|whether)\b")


def judges_self(text: str) -> bool:
    """``text`` asks to judge the asker's own state ("am i depressed")."""
    return bool(SELF_JUDGED.search(normalize.strip_fillers(normalize.clean(text))))


def choice_sides(text: str) -> tuple[str, str] | None:
    """The two sides of a choice asked ("should i see a doctor" and "a
    physio"), or None."""
    cleaned = normalize.strip_fillers(normalize.clean(text))
    if not CHOICE_OPENER.search(cleaned) or cleaned.count(_OR) != 1:
        return None
    left, right = (side.strip() for side in cleaned.split(_OR))
    if not left or not right:
        return None
    return left, right


def _both_offered(matcher: Matcher, text: str,
                  cands: list[Candidate]) -> list[Candidate] | None:
    """Both sides' entries, best first, when a choice is asked and each side
    alone is ours and reaches an offer with a different entry."""
    sides = choice_sides(text)
    if sides is None:
        return None
    bests = []
    for side in sides:
        found = matcher.rank(side)
        if (not found or found[0].score < matcher.confirm_threshold
                or not matcher.is_ours(side)):
            return None
        bests.append(found[0].entry)
    if bests[0] is bests[1]:
        return None
    if cands and all(set(matcher.content_tokens(side)) <= _tokens_of(matcher, cands[0].entry)
                     for side in sides):
        return None  # the best entry speaks of both: it may answer the choice
    order = {c.entry.id: i for i, c in enumerate(cands)}
    first, second = sorted(bests, key=lambda e: order.get(e.id, len(order)))
    top = cands[0].score if cands else matcher.confirm_threshold
    from voice.matching.matcher import Candidate as _Candidate

    return [_Candidate(first, top), _Candidate(second, top),
            *(c for c in cands if c.entry is not first and c.entry is not second)]


def _holding_thing(matcher: Matcher, text: str,
                   cands: list[Candidate]) -> list[Candidate] | None:
    """For a cause asked, or how to know whether a thing is so, the offered
    candidates without those holding none of the thing's words, when one
    holds them; else None."""
    cleaned = normalize.clean(text)
    asked = (asked_not_said.CAUSE_ASKED.search(cleaned)
             or asked_not_said.KNOW_IF_ASKED.search(cleaned))
    if asked is None:
        return None
    # The thing: after "what causes"; after the "if" / "whether" of "how do i know if".
    start = asked.end()
    if_at = _IF.search(asked.group())
    if asked.re is asked_not_said.KNOW_IF_ASKED and if_at is not None:
        start = asked.start() + if_at.end()
    thing = set(matcher.content_tokens(cleaned[start:]))
    said = normalize.content_tokens(normalize.strip_fillers(cleaned[start:]))
    if not thing:
        return None
    offered = [c for c in cands if c.score >= matcher.confirm_threshold]
    # Every word of the thing as said in the entry's own words first ("tablets",
    # "medication": not the alternative-therapies section's "without drugs",
    # folded onto medication), else through the folds ("anxiety" -> stress).
    holding = [c for c in offered if fold_share.holds_all(matcher.own_stems(c.entry), said)]
    if holding and asked.re is asked_not_said.CAUSE_ASKED:
        # A thing the content names ("fatigue", "muscle weakness"): the entry
        # giving causes of these conditions is offered first, as scope30
        # chose (tests/test_scope30_causes.py); only a thing named in no
        # entry's own words ("anxiety") is left to the entries it folds onto.
        return None
    holding = holding or [c for c in offered if thing & _tokens_of(matcher, c.entry)]
    if not holding or len(holding) == len(offered):
        return None
    return [*holding, *(c for c in cands if c not in holding and c not in offered)]


def _tokens_of(matcher: Matcher, entry: Entry) -> frozenset[str]:
    """The tokens ``entry`` is found by (its title, lines, keywords, answer)."""
    item = matcher._items[matcher._index[entry.id]]
    return item.strong | item.body


def _helps_at_night(matcher: Matcher, text: str) -> bool:
    """``text`` asks what helps a spasm at night, as the Conversation's own
    rule tests it (conversation/at_night.py)."""
    # Imported here: the conversation package imports the matcher.
    from voice.conversation.at_night import asks_what_helps_at_night

    return asks_what_helps_at_night(text, matcher)


def _what_helps_first(matcher: Matcher, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` with the entries the Conversation offers for what helps at
    night (kind_offers.AT_NIGHT_OFFERS, as the content answers them) first,
    each at the best score so both are named, then the others in their order.
    Unchanged when the content answers none of them (an edited content)."""
    # Imported here: the conversation package imports the matcher.
    from voice.conversation.kind_offers import AT_NIGHT_OFFERS
    from voice.matching.matcher import Candidate as _Candidate

    helps: list[Entry] = []
    for query in AT_NIGHT_OFFERS:
        found = matcher.match(query)
        if found.outcome == "answer" and found.entry is not None and found.entry not in helps:
            helps.append(found.entry)
    if not helps:
        return cands
    top = cands[0].score
    return [*(_Candidate(entry, top) for entry in helps),
            *(c for c in cands if c.entry not in helps)]


def decide(matcher: Matcher, result: MatchResult, text: str) -> MatchResult:
    """``result`` for ``text`` with the three rules above applied."""
    if not ON or result.outcome == "no_match" or not result.candidates:
        return result
    if matcher._editors_words(text, result.candidates[0].entry):
        return result
    cands = result.candidates
    both = _both_offered(matcher, text, cands)
    if both is not None:
        return replace(result, outcome="confirm", candidates=both)
    if _helps_at_night(matcher, text):
        return replace(result, outcome="confirm",
                       candidates=_what_helps_first(matcher, cands))
    if result.outcome == "answer" and (judges_self(text)
                                       or manner_asked.asks_manner(normalize.prepare(text))
                                       or everyday_defined.asks_everyday_word(text)):
        return replace(result, outcome="confirm")
    if (result.outcome == "answer" and effect_asked.asks_effect(text)
            and result.candidates[0].entry is effect_asked.causes_entry(matcher)):
        return replace(result, outcome="confirm")
    if result.outcome == "confirm":
        held = _holding_thing(matcher, text, cands)
        if held is not None:
            return replace(result, candidates=held)
    return result
