"""Everyday wellbeing asked apart from what the content says of it (session
41, branch fresh51).

The content speaks of sleep, stress, mood, diet, vitamins and drinking
only as they bear on chronic spasms: "disrupted sleep patterns
significantly impact both personal and professional life",
"stress-relief techniques ... can help minimize muscle tension",
"regular exercise, balanced nutrition, hydration, and stress management
significantly reduce spasm frequency". Two shapes of line that name
nothing of the content but those everyday subjects were still offered an
entry on them:

- **Two of them tied to each other** that no sentence of the content ties:
  "i am unable to sleep at night because of stress. please help."
  (iCliniq, offered Impact on Daily Life). The content says nothing of
  stress keeping one awake; the one sentence holding two of them holds
  diet, hydration and stress together (the lifestyle FAQ), and a line
  asking of those is kept.
- **A health matter the content does not cover** (``off_topic.HEALTH_WORDS``,
  the list the matcher already weighs against a match) asked through one of
  them: "Managing your weight with healthy eating" (MedQuAD, offered the
  lifestyle FAQ).

Such a line is declined in ``Matcher._match`` after ``others_wellbeing``,
as that module reads the same subjects (``others_wellbeing.WELLBEING``
and ``ALLOWED``): every subject token the line names is one of those, so a
condition, a symptom, a spasm, a muscle, a treatment or caring named keeps
it ("can stress and poor sleep make my spasms worse"). Not an editor's own
phrasing of the entry found, not without a scope model (the benchmark's
"without" column).

Pure: reads the matcher's tokens, subjects and the loaded content.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from voice.matching import normalize, scope, teller
from voice.matching.off_topic import HEALTH_WORDS
from voice.matching.others_wellbeing import ALLOWED, WELLBEING

if TYPE_CHECKING:
    from voice.content.model import Entry
    from voice.matching.matcher import Matcher

#: ``False``: main's behaviour before session 41.
ON = True
#: Each shape alone (tried one at a time on the tuning halves: docs).
TIED = True
UNCOVERED = True
#: A cause told ("because of", "due to"): the content's own reading of a
#: sentence that gives one. Two of the subjects side by side without it
#: ("how can i manage stress and sleep better", a probe offered Coping
#: Strategies) ask of each, and were declined by this branch's first
#: version, which took any two for a tie.
_CAUSE = scope.CAUSE_GIVEN


def wellbeing_apart(matcher: Matcher, text: str, entry: Entry | None = None) -> str | None:
    """Why ``text`` is declined ("tied" or the uncovered word), when it names
    only everyday wellbeing subjects and either ties two of them no sentence
    of the content ties or asks them of a health matter the content does not
    cover (see the module's doc); None otherwise, and always without a scope
    model. ``entry``: the entry found, whose editors' phrasings are kept."""
    if not ON or matcher.scope is None:
        return None
    if entry is not None and matcher._editors_words(text, entry):
        return None
    told = teller.without_teller(text)
    named = {t for t in matcher.content_tokens(told) if t in matcher.subjects}
    wellbeing = named & WELLBEING
    if not wellbeing or named - ALLOWED:
        return None
    words = normalize.strip_fillers(normalize.clean(text)).split()
    if TIED and len(wellbeing) > 1 and _CAUSE.search(" ".join(words)) and not any(
            wellbeing <= s for s in matcher.cause_sentences):
        return "tied"
    if UNCOVERED:
        uncovered = next((w for w in words if w in HEALTH_WORDS), None)
        if uncovered is not None:
            return uncovered
    return None
