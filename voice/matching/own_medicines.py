"""The content's own names of its medicines that WordNet does not know.

scope27 made a symptom the content never names, asked of a medicine it
names, an offer of that medicine's entry ("what side effects can muscle
relaxants have": Medication offered, ``Matcher.effect_of_medicine``). A
medicine was one WordNet 3.1 names (``health_subjects.tsv``), and WordNet
has no "baclofen": "what are the side effects of baclofen" was declined,
though the Medication section names baclofen and "... of gabapentin" (in
WordNet) was offered.

A drug's own name is a word general English does not know (``english.knows``:
"baclofen", "botulinum"; not "pills", "tablets", "injections",
"prescription", which say "medicine" without naming one, nor "botox", which
the English counts know). Such a word, standing alone as a keyword of an
entry whose keywords name, whole, a medicine WordNet knows and the content
mentions (Medication: "muscle relaxants", "gabapentin"), names a medicine
of ours. Taken from the loaded content, so a page naming another drug the
same way makes it ours too; nothing is listed here.

Pure: reads the content, the WordNet names and the English counts.
"""

from __future__ import annotations

from collections.abc import Callable

from voice.content.model import KnowledgeBase
from voice.matching import normalize
from voice.matching.health_subjects import HealthSubjects

MEDICINE = "medicine"


def _whole_medicine(subjects: HealthSubjects, keyword: str) -> bool:
    """Whether ``keyword`` is, whole, a medicine WordNet names and the content
    mentions ("muscle relaxants"; not "without drugs" of Alternative
    Therapies, which only says one)."""
    found = subjects.named(keyword)
    return (len(found) == 1 and found[0][1] == MEDICINE and found[0][2]
            and found[0][0] == normalize.clean(keyword))


def own_medicine_names(kb: KnowledgeBase, subjects: HealthSubjects,
                       knows: Callable[[str], bool]) -> frozenset[str]:
    """The content tokens of the medicines the content names that neither
    WordNet nor general English (``knows``) knows: {"baclofen", "botulinum"}
    for the shipped content."""
    names: set[str] = set()
    for entry in kb.entries:
        if not any(_whole_medicine(subjects, k) for k in entry.keywords):
            continue
        for keyword in entry.keywords:
            words = normalize.clean(keyword).split()
            if len(words) == 1 and not subjects.named(keyword) and not knows(words[0]):
                names.update(normalize.content_tokens(words[0]))
    return frozenset(names)


def medicine_keywords(kb: KnowledgeBase, subjects: HealthSubjects) -> frozenset[str]:
    """The content tokens of the single-word keywords of every entry whose
    keywords name, whole, a medicine WordNet knows (Medication's
    "baclofen", "botox", "gabapentin", "tablets"... for the shipped content):
    the words the content itself names its medicines by, "botox" too, which
    general English knows (so it is no ``own_medicine_names``). Session 27,
    branch scope30: ``asked_not_said.OWN_BLAME`` listed "baclofen|botox"."""
    words: set[str] = set()
    for entry in kb.entries:
        if any(_whole_medicine(subjects, k) for k in entry.keywords):
            for keyword in entry.keywords:
                if len(normalize.clean(keyword).split()) == 1:
                    words.update(normalize.content_tokens(keyword))
    return frozenset(words)
