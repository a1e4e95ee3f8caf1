"""Generic words and nothing of ours asked: a place asked of a thing reached
only through a synonym ("where should i go for dinner"), or no question at
all, in generic words ("i need a life", "get a life", "i need a drink").

Such lines were read in full (session 30): "dinner", "food" and "eat" fold
onto the content's "diet", "drink" onto hydration, "walk" onto exercise, and
"life" is a word the content uses far more than everyday talk does ("daily
life", "quality of life"), so the word models call the line ours and the
entry that shares the word was answered outright. The content names no
places, and a statement carried by a generic word asks nothing of it.

Such a line is never read in full: an answer becomes "Did you mean ...?"
(an offer stays an offer, so no in-scope line loses its right entry). It
applies when no condition of the content, no limb, no word referring back
to the condition ("it", "this") and no word of the listener ("you", "me":
"give me the short version" is a request) is in the line, and

- it asks where (a place), and no word of positive evidence is said as
  such (``Matcher.synonyms_only``'s reading: a clipped word, "physio", is
  said as such): "where should i go for dinner" (dinner -> diet), "where
  can i go for a walk" (walk -> exercise). "where can i get a wheelchair",
  "where can i get physio", "where can i get support" keep their answer;
- or it is a sentence (3 words or more: "eat well" names a topic) but not
  a question (no question opener, "who" included) and no unit
  it says, synonyms included, is distinctive of the content
  (``scope.DISTINCTIVE_AT``): "i need a life" (life 0.97), "i need a
  drink", "living the good life". Questions carried by generic words are
  left to ``Matcher.generic_only`` ("what can i eat to help", "when should
  i see a doctor" are ours and answered).

Declining them instead was tried (/tmp probes written here): it declined
in-scope lines too ("where can i get equipment", "where can i find other
carers", "i need support", "my husband can't sleep", "i'm in pain": pain
0.53), so an offer it is. An editor's own phrasing is never touched.
``ON = False`` turns it off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from voice.matching import normalize, scope

if TYPE_CHECKING:
    from voice.content.model import Entry
    from voice.matching.matcher import Matcher

#: False turns the check off (for measuring).
ON = True
#: Words that open a question (the matcher's openers and "who").
OPENERS = frozenset(
    "what how why when where which who whom whose can could is are do does did should "
    "will would may might am was were has have".split())
#: Fewest words of a statement that asks nothing ("get a life").
MIN_WORDS = 3
#: Words of the listener or of a request to it: such a line is left to the rest.
ADDRESSED = frozenset("you your yourself u ur me us".split())


def nothing_asked(matcher: Matcher, text: str, entry: Entry) -> bool:
    """Whether ``text`` asks a place of a thing reached only through a
    synonym, or asks nothing, in generic words (see the module's doc): an
    answer to it is offered instead."""
    if not ON or matcher.scope is None or matcher._editors_words(text, entry):
        return False
    words = normalize.strip_fillers(normalize.clean(text)).split()
    if not words or any(w in ADDRESSED or w in normalize.BODY_WORDS
                        or w in scope.REFERRING for w in words):
        return False
    units = matcher.said_units(text)
    if any(t in matcher._conditions for _, t in units):
        return False
    if "where" in words:
        said = set(normalize.content_tokens(" ".join(words)))
        # A clipped word is the word itself ("physio"), as synonyms_only reads it.
        said.update(t for s, t in units
                    if " " not in s and len(c := normalize.stem(s)) >= 3 and t.startswith(c))
        unknown: dict[str, str] = {}
        toks = set(matcher.content_tokens(text, unknown))
        positive = [t for t in toks if matcher.scope.token_evidence(t, unknown.get(t)) > 0]
        return bool(positive) and not any(t in said for t in positive)
    # One or two words name a topic, as a tired user says it ("eat well",
    # "sleep"; the replay's journeys 11 and 42 were offered Dietary
    # Adjustments for "eat well" in a first version): a sentence is needed.
    return (len(words) >= MIN_WORDS and words[0] not in OPENERS
            and not matcher.scope.any_distinctive(units))
