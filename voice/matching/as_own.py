"""A question asked of one relative, read again as asked of oneself (session
35, branch scope42): "should my mum see a neurologist" -> "should i see a
neurologist", "my son was just diagnosed with ms, where do we begin" -> "i
was just diagnosed with ms, where do we begin".

Matched whole, the relative weighs against such a line: "mum", "son" fold to
"family" (the hereditary FAQ's word). Both lines above were declined on
their score (35.9, 44.6) where the same question asked of oneself is offered
its entry (57.9, the seek-medical FAQ; 47.4, the Introduction). The content
is about the asker and the one they care for alike, so the relative adds
nothing to find the entry.

Used only as a second reading: ``Matcher.match`` tries it when the line as
said is declined on its score alone, and offers what it finds, never reads
it unasked (``retry``). Everything that declines a line (the scope check,
unknown things, money...) is asked again of the rewritten line, so "my
wife's birthday", "my son's homework" stay declined. A line a check
declined is not retried: "can my wife still live on her own" (the scope
model) would be offered the lifestyle FAQ, not the entry it asks for. Not
rewritten: a line that asks whether someone else gets it (inheritance: the
relative is what is asked), nor one where the asker helps, tells or cares
for the relative (the caring entries' words), nor one naming two people or
a group ("my kids", "my parents"). The conversation's own reading of a
relative as the asker (conversation/on_behalf.py, ``_ASKED_OF``) covers
only "can my dad ..." and is not seen by ``Matcher.match`` callers such as
the benchmark. Pure apart from ``retry``: text in, text out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from voice.matching.normalize import clean
from voice.matching.relatives import RELATIVE

if TYPE_CHECKING:
    from voice.matching.matcher import MatchResult

#: ``False`` turns the second reading off (main's behaviour before session 35).
ON = True

#: "my dad", "my elderly mum", "our youngest son": the relative named.
_RELATIVE = re.compile(rf"\b(?:my|our)(?: [a-z]+)??(?: [a-z]+)?? {RELATIVE}(?P<s>'s|s')?(?![a-z'])")
#: Where a named relative is who the line is about, the subject: first in
#: the line (after fillers) or after an auxiliary that opens a question.
_OPENING = r"^(?:(?:hi|hello|um|er|so|well|ok|okay|and|but|also|now) )*"
_AUX = (r"(?:can|could|should|shall|will|would|may|might|must|does|do|did|is|was|has|have|"
        r"had)")
_SUBJECT = re.compile(
    rf"{_OPENING}(?:(?:how|what|why|when|where|which|who) )?(?:(?P<aux>{_AUX}) )?$")
#: The asker's own verb after "i" where the relative's was third person.
_OWN_VERB = {"is": "am", "has": "have", "does": "do", "was": "was"}
#: The line asks whether someone gets it (inheritance: the relative, or the
#: asker, is what is asked of), or the asker helps, supports, tells or
#: cares for the relative ("how do i help my son", "what should i tell my
#: mum"): the caring entries' words, which the line as said reaches. "what
#: helps" alone is no helping of the relative. A thing of a person's own day
#: ("my son's birthday", "my son's homework") needs no word here: asked of
#: oneself it is declined as it was (tests/test_scope42_as_own.py).
_NOT_OWN = re.compile(
    r"\b(?:(?:get|gets|getting|catch|catches|develop|develops|inherit|inherits|end up with)"
    r" (?:it|this|that|ms|als|mnd|the (?:condition|disease|illness|gene))\b"
    r"|inherit\w*|pass\w* (?:it|this|that) on|hereditary|genetic\w*|runs? in|carrier"
    r"|at risk|(?:be|get|gets|being) tested"
    r"|(?:help|helps|helping|support\w*|care for|caring for|look after|looking after|tell|"
    r"telling|explain\w* to|talk\w* to|speak\w* to|say to|visit\w*|comfort|reassure|"
    r"encourage|buy|get)(?: \w+)?? (?:my|our|him|her|them)\b)")
#: Third-person words said of the relative, as said of oneself.
_PRONOUN = {"he": "i", "she": "i", "his": "my", "him": "me", "himself": "myself",
            "herself": "myself"}
#: "her" is "my" before a thing ("her legs", "her own"), "me" otherwise
#: ("help her", "for her").
_HER_IS_MY = re.compile(r"^(?!(?:and|or|to|with|for|at|in|on|if|so|but|a|an|the|is|was|"
                        r"has|had|can|could|will|would|should|feel|feels|get|gets|up|out|"
                        r"down|off|over|now|still|too|as|when|because)\b)[a-z]")


def as_own(text: str) -> str | None:
    """``text`` asked of oneself when it asks of one named relative (see the
    module's doc); None when it names none, or more than one, or the
    relative is not who it is about."""
    cleaned = clean(text)
    found = list(_RELATIVE.finditer(cleaned))
    if len(found) != 1 or _NOT_OWN.search(cleaned):
        return None
    rel = found[0]
    before, after = cleaned[:rel.start()], cleaned[rel.end():]
    if rel.group("s"):
        # "my wife's legs lock up" -> "my legs lock up": theirs is one's own.
        own = f"{before}my{after}"
    else:
        lead = _SUBJECT.match(before)
        if lead is None:
            return None
        aux = lead.group("aux")
        if aux is not None:
            # "is my dad" -> "am i", "does my mum" -> "do i".
            before = before[:lead.start("aux")] + _OWN_VERB.get(aux, aux) + before[lead.end("aux"):]
            own = f"{before}i{after}"
        else:
            # "my son was diagnosed" -> "i was diagnosed", "my dad is" -> "i am".
            verb = after.split(" ")[1] if after.startswith(" ") else ""
            if verb in _OWN_VERB:
                after = f" {_OWN_VERB[verb]}{after[len(verb) + 1:]}"
            own = f"{before}i{after}"
    return _first_person(own)


def _first_person(text: str) -> str:
    """The relative's pronouns as one's own ("his legs" -> "my legs")."""
    words = text.split(" ")
    out: list[str] = []
    for i, w in enumerate(words):
        if w == "her":
            nxt = words[i + 1] if i + 1 < len(words) else ""
            out.append("my" if _HER_IS_MY.match(nxt) else "me")
        elif out and out[-1] == "i" and w in _OWN_VERB:
            # "he is" (clean() spells out "he's") -> "i am".
            out.append(_OWN_VERB[w])
        else:
            out.append(_PRONOUN.get(w, w))
    return " ".join(out)


def retry(result: MatchResult, text: str, match: Callable[[str], MatchResult],
          checked: bool = True) -> MatchResult:
    """``result`` for ``text``, or, when it was declined and the line asks of
    one relative, what ``match`` finds for the line asked of oneself,
    offered only ("Did you mean ...?"): the question is the same, the words
    are not the user's. ``checked``: the matcher checks scope; without the
    check (``Matcher(check_scope=False)``, the benchmark's "without" column)
    nothing judges the rewritten line, and it is not tried: on, it took one
    more line of Question Doctors' tuning half there (95.3% -> 94.7%)."""
    if not ON or not checked or result.outcome != "no_match" or not result.candidates:
        # Only a line declined on its score alone keeps its candidates: one
        # that a check declined (the scope model, an unknown thing, money...)
        # was judged on what it asks, which the relative does not change.
        return result
    own = as_own(text)
    if own is None:
        return result
    again = match(own)
    if again.outcome == "no_match" or again.entry is None:
        return result
    return replace(again, query=result.query, outcome="confirm")
