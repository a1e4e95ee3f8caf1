"""A cause asked of a thing the content gives no cause of (session 34,
branch scope40).

"What causes depression", "what causes numbness and tingling" (MedQuAD),
"what causes stretch marks" were offered an entry (Coping Strategies, the
seek-medical-attention FAQ, Physical Therapy): the thing asked is a word of
the content's ("depression" folds onto mood, "stretch" is physio's word), so
the line is ours by its words, but no sentence of the content says what
causes it. The offer then answers another question than the one asked
(asked_not_said.py only reorders the offer towards an entry that gives a
cause, and here none does).

Such a line is declined: ``asked_not_said.asks_cause`` holds ("what causes",
"what makes", "what brings on", "what triggers"; "why" is left alone: "my
doctor wants to refer me to physio, why" asks a purpose, dev.tsv) and no
sentence of any entry that gives a cause (``scope.CAUSE_GIVEN``) shares a
content token with what is asked (its content tokens, cause words left
out). Not when it names a condition of the content ("what causes ms":
offered, ``scope.asks_why_of_not_given``), or a spasm, a muscle or the
disorders ("what makes my legs jerk": the causes entry), or refers back
("what causes it"), nor an editor's own phrasing.

Tuning halves (``scripts/tune_scope18.py``, ``tune_scope32.py``,
``tune_scope39.py``, ``tune_clinc_extra.py``; docs/out-of-scope.md, session
34): the lines it moves are listed there.

Pure: reads the matcher's tokens and the loaded content.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from voice.matching import asked_not_said, normalize, scope

if TYPE_CHECKING:
    from voice.content.model import Entry
    from voice.matching.matcher import Matcher

#: False turns the check off (for measuring).
ON = True
#: Words of asking a cause, not of what is asked about.
CAUSE_WORDS = frozenset(normalize.tokens(
    "cause causes caused causing make makes made bring brings brought trigger triggers "
    "reason behind"))
#: Words that say the thing asked is a person's: the asker's, or of people
#: they speak of (kin fold onto the family token; see ``PERSON_TOKENS``).
PERSONS = frozenset(
    "i i'm im i've ive me my mine myself we we're us our ours he he's him his she she's her "
    "hers husband wife partner boyfriend girlfriend friend".split())
PERSON_TOKENS = frozenset(normalize.tokens("family"))
#: The content's own matter: a cause asked of it is the causes entry's
#: question, whatever the content's sentences say of it.
OWN = frozenset(normalize.tokens("spasm muscle disorder"))


def cause_sentences(matcher: Matcher) -> list[frozenset[str]]:
    """The content tokens of every sentence of the content that gives a cause
    (built once per matcher: ``Matcher.cause_sentences``)."""
    out: list[frozenset[str]] = []
    for entry in matcher.kb.entries:
        for sentence in re.split(r"(?<=[.!?])\s+", entry.answer):
            if scope.CAUSE_GIVEN.search(sentence):
                out.append(frozenset(matcher.content_tokens(sentence)))
    return out


def cause_unsaid(matcher: Matcher, text: str, entry: Entry) -> bool:
    """Whether ``text`` asks what causes a thing no sentence of the content
    gives a cause of (see the module's docstring)."""
    if not ON or matcher.scope is None or not asked_not_said.asks_cause(text):
        return False
    words = normalize.strip_fillers(normalize.clean(text)).split()
    if any(w in scope.REFERRING or w in PERSONS for w in words):
        return False
    if matcher._editors_words(text, entry):
        return False
    asked = set(matcher.content_tokens(text)) - CAUSE_WORDS - {scope.OFF_TOPIC_TOKEN}
    if not asked or asked & (OWN | PERSON_TOKENS | matcher._conditions
                             | matcher.own_condition_tokens):
        return False
    return not any(asked & s for s in matcher.cause_sentences)
