"""The conditions the loaded content names itself ("MS", "ALS", "multiple
sclerosis", "myasthenia gravis"), for the scope check: a question naming one
of them is not overruled by how much its small words look like an everyday
question's.

"how do i know if i have ms", "do i have multiple sclerosis" and "how do i
know if i have als" were declined ("I don't have an answer for that"): the
token "ms" carries little evidence alone (evidence 2.59, under
scope.NEAREST_ONLY_BELOW), and "how do i know if i have ..." is nearer to
everyday questions ("... diabetes") than to ours, so the likeness check
(ScopeModel.nearer_everyday) declined them, while "could i have ms" and "how
can i tell if i have ms" were offered the content's entries. The condition
names come from the content (entries' keywords written as abbreviations
that the health-subject table files as conditions), never from a list here,
so an edited content keeps the behaviour.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from voice.matching.matcher import Matcher

#: False: the likeness check applies to every question, as before session 28.
ON = True


def condition_tokens(matcher: Matcher) -> frozenset[str]:
    """The content tokens of the conditions the content's keywords name
    ("ms" for "MS" and "multiple sclerosis", "al" for "ALS")."""
    scope = matcher.scope
    if scope is None or scope.subjects is None:
        return frozenset()
    found: set[str] = set()
    for entry in matcher.kb.entries:
        # Only abbreviations, written in capitals by the editors ("MS",
        # "ALS"): the health-subject table also files "healthy", "aids" and
        # "tai chi" as conditions, and a full name ("myasthenia gravis")
        # carries evidence enough without this.
        for keyword in (k for k in entry.keywords if k.isupper()):
            for name, category, ours in scope.subjects.named(keyword):
                if category == "condition" and ours:
                    found.update(matcher.content_tokens(name, {}))
    return frozenset(found)


def names_own_condition(matcher: Matcher, tokens: Collection[str]) -> bool:
    """Whether the question's content ``tokens`` name one of the content's
    own conditions."""
    return ON and not matcher.own_condition_tokens.isdisjoint(tokens)
