"""A problem dealt with that the content never names (session 36, branch
scope45).

"How do I manage my anger?", "I need help controlling my anger" (Counsel
Chat, people's questions to therapists) were offered Treatment Approaches
for Long-Term Management, and "is there any medicine to control anger?"
(iCliniq) Medication: "manage" and "control" are the content's words, said
of spasms, and they carried the line, but what is managed or controlled is
a word the content never uses. unknown_object.py declines such a line when
the verb is reached through a synonym ("drink alcohol": drink ->
hydration); here the verb is one of dealing with a problem
(``PROBLEM_VERBS``: manage, control, treat, stop, relieve...), standing as
a verb, and the word after it, past a determiner or a possessive ("my",
"your"), is unknown to the content: that word is the problem asked about,
and no entry deals with it. ``Matcher._match`` declines the line.

Not when that word only describes a content word that follows it
(unknown_object's ``modifies_ours``), is a number, a time or a pronoun
(``unknown_object.NO_OBJECT``), an adverb ("-ly"), or a part of the body
("how do i stop my hand shaking": health_subjects.tsv's "body"), nor when
the line is an editor's own phrasing of the entry found.

Pure: reads the matcher's tokens and the health-subject names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from voice.matching import normalize, scope
from voice.matching import unknown_object as uo

if TYPE_CHECKING:
    from voice.content.model import Entry
    from voice.matching.matcher import Matcher

#: False turns the check off (for measuring).
ON = True

#: Verbs of dealing with a problem: what they act on is the problem asked
#: about ("manage my anger", "control anger"), not a part of the body or a
#: faculty that is worked on ("stretch my neck", "improve my grip", "relax
#: my shoulders": exercise and assistive devices, probes kept as they
#: were). A closed class of meaning, read as stems.
PROBLEM_VERBS = frozenset(normalize.stem(w) for w in (
    "manage control treat handle overcome fight beat stop prevent ease relieve reduce "
    "lessen calm cure heal").split())

#: Possessives that may stand between the verb and what it acts on ("manage
#: my anger"), beside unknown_object's determiners and quantifiers.
_POSSESSIVES = frozenset("my your his her our their its".split())
_BEFORE_PROBLEM = uo.BEFORE_OBJECT | _POSSESSIVES


def _problem_verb(word: str) -> bool:
    """Whether ``word`` is a verb of dealing with a problem
    (``PROBLEM_VERBS``: "manage", "controlling")."""
    return normalize.stem(word) in PROBLEM_VERBS


def done_to_unknown(matcher: Matcher, text: str, entry: Entry | None = None) -> str | None:
    """The problem ``text`` asks to deal with when it is a word the content
    never uses ("anger" in "how do i manage my anger"); None otherwise, and
    always without a scope model; ``entry``: the entry found, whose editors'
    own phrasings are never declined."""
    model = matcher.scope
    if not ON or model is None:
        return None
    if entry is not None and matcher._editors_words(text, entry):
        return None
    unknown: dict[str, str] = {}
    matcher.content_tokens(text, unknown)
    strange = {w for w in unknown.values()
               if not scope.is_number(w) and w not in uo.NO_OBJECT}
    if not strange:
        return None
    words = normalize.strip_fillers(normalize.clean(text)).split()
    for i, word in enumerate(words):
        if not uo.as_verb(words, i) or not _problem_verb(word):
            continue
        j = i + 1
        while j < len(words) and words[j] in _BEFORE_PROBLEM:
            j += 1
        if (j < len(words) and words[j] in strange and not words[j].endswith("ly")
                and not uo.modifies_ours(matcher, words, j, strange)
                and not _body(model, words[j:])):
            return words[j]
    return None


def _body(model: scope.ScopeModel, rest: list[str]) -> bool:
    """Whether the words acted on begin with a part of the body
    (health_subjects.tsv's "body": "my shoulder pain", "my hand shaking")."""
    if model.subjects is None:
        return False
    named = model.subjects.named(" ".join(rest[:3]))
    return bool(named) and named[0][1] == "body"
