"""Everyday wellbeing asked of a young person or a friend, and nothing of
the content's conditions named (session 40, branch fresh50).

"Why does my granddaughter instantly switch moods?" (Counsel Chat), "my
daughter finds it difficult to fall asleep. why?", "my friend is under
depression due to work stress" (iCliniq), "should my children take
vitamin drops" (health-tuning48), "Help your teen cope with stress"
(MedQuAD) were offered Coping Strategies, Impact on Daily Life or the diet
entry. The content speaks of mood, stress, sleep and diet as they come with
chronic spasms, for the one who has them and the one who cares for them.
A child's sleep, a teenager's moods, a friend's work stress, with no
condition, symptom or treatment of the content named, is another subject:
the offer answered another question than the one asked.

Declined in ``Matcher._match``: the line names one of ``_OTHERS`` (a child,
a grandchild, a teenager, a friend, a colleague), one of ``WELLBEING``'s
tokens, and no subject token of the content but those of ``ALLOWED``
(the everyday wellbeing words, "family", which "daughter" folds to,
"cope", "doctor", "help"). Not an editor's own phrasing of the entry
found, not a line where the asker is cared for or helped ("my daughter is
stressed looking after me": ``_ASKER_CARED``), not without a scope model
(the benchmark's "without" column). Spouses and parents are not in
``_OTHERS``: they are who the asker most often cares for ("my husband
can't sleep" is the caring entries' question).

Pure: reads the matcher's tokens and subjects.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from voice.matching import normalize

if TYPE_CHECKING:
    from voice.content.model import Entry
    from voice.matching.matcher import Matcher

#: ``False``: main's behaviour before session 40.
ON = True

#: The young and the unrelated, as people name them. "son" and "daughter"
#: are here: a grown child who cares for the asker says so ("looking after
#: me", ``_ASKER_CARED``) or names the condition.
_OTHERS = frozenset(
    "child children kid kids daughter daughters son sons granddaughter grandson "
    "grandchild grandchildren grandkids teen teens teenager teenagers toddler toddlers "
    "baby babies infant newborn boy boys girl girls friend friends colleague colleagues "
    "coworker coworkers classmate classmates roommate flatmate".split())
#: The everyday wellbeing subjects the content shares with everyone (its
#: tokens after synonyms: "depression", "crying" fold to ``mood``,
#: "anxiety" to ``stress``, "asleep" to ``sleep``, "food" to ``diet``).
WELLBEING = frozenset(("mood", "stress", "sleep", "vitamin", "diet", "hydrat"))
#: Subject tokens such a line may name besides them: the person
#: ("family"), and the asking ("cope", "help", "manage", "doctor": "do I
#: need to see a doctor for ...").
ALLOWED = WELLBEING | frozenset(("famili", "cope", "help", "manag", "doctor"))
#: The asker as the one cared for or helped by the person named.
_ASKER_CARED = frozenset(("me", "us", "myself"))
#: The asker helping the person named: a carer's question, the caring
#: entries' ("how do i help my son with stress": Coping Strategies,
#: tests/test_session23_typed_items.py; its everyday "exam stress" is
#: declined by that file's own rule).
_ASKER_HELPS = re.compile(r"\b(?:how (?:do|can|could|should|shall) (?:i|we)|what can (?:i|we) "
                          r"do to) (?:help|support|comfort|calm)\b")
#: How near "i" stands before the word it says of itself ("i am so
#: stressed": three words).
_NEAR = 3
#: Words that hand what follows to someone ("i calm my anxious child": the
#: anxiety is the child's, not the asker's).
_HANDED_ON = frozenset("my our his her their your a an the".split())


def others_wellbeing(matcher: Matcher, text: str, entry: Entry | None = None,
                     said: str | None = None) -> str | None:
    """The person ``text`` asks of, when it asks of a young person's or a
    friend's everyday wellbeing and names no other subject of the content
    (see the module's doc); None otherwise, and always without a scope
    model. ``entry``: the entry found, whose editors' phrasings are kept.
    ``said``: the line as said, where the person is looked for, when
    ``text`` is the matcher's reading with a telling taken out ("why does my
    granddaughter ..." is read "why does my ...": teller.without_teller)."""
    if not ON or matcher.scope is None:
        return None
    if entry is not None and matcher._editors_words(text, entry):
        return None
    words = normalize.strip_fillers(normalize.clean(text if said is None else said)).split()
    person = next((w for w in words if w in _OTHERS), None)
    if (person is None or _ASKER_CARED & set(words) or _asker_own(words)
            or _ASKER_HELPS.search(" ".join(words))):
        return None
    named = {t for t in matcher.content_tokens(text) if t in matcher.subjects}
    if not named & WELLBEING or named - ALLOWED:
        return None
    return person


def _asker_own(words: list[str]) -> bool:
    """Whether the cleaned ``words`` give a wellbeing word as the asker's
    own: "my mood swings", "my tiredness" (not "my anxious child"), or
    "i" shortly before it ("i am so stressed", "i can not sleep"). "how
    do i talk to my children about my mood swings", "my children don't
    understand my tiredness" (probes) were declined before this guard: the
    asker's own low mood and tiredness are the content's."""
    for i, w in enumerate(words):
        if not set(normalize.tokens(w)) & WELLBEING:
            continue
        after = words[i + 1] if i + 1 < len(words) else ""
        if i and words[i - 1] in ("my", "our") and after not in _OTHERS:
            return True
        before = words[max(0, i - _NEAR):i]
        if "i" in before and not _HANDED_ON & set(before[before.index("i"):]):
            return True
    return False
