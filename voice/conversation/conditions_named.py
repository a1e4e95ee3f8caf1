"""The conditions the content names, as people say them: one pattern for
every conversation rule that asks "is one of ours named here?".

Four rules had each written the names out (worries, living_topics, falls,
another_condition), and they had drifted apart: worries missed "amyotrophic
lateral sclerosis", living_topics "lou gehrig", falls both. The forms come
from the matcher's own table (``other_disorders.NAMED_ONLY``) with "mnd";
"mg" is left out because it is also milligrams, so a rule adds it where the
words around it say which ("with mg", "is mg rare").
"""

from __future__ import annotations

import re

from voice.matching.other_disorders import NAMED_ONLY

#: Every form, longest first, so "myasthenia gravis" is not read as
#: "myasthenia" and "motor neurone disease" not as "motor neurone".
FORMS: tuple[str, ...] = tuple(sorted({*(f for _, forms in NAMED_ONLY for f in forms), "mnd"},
                                      key=len, reverse=True))
#: A regex alternation of ``FORMS`` (a group, no word boundaries: the rule
#: using it sets those).
NAMED = "(?:" + "|".join(re.escape(f) for f in FORMS) + ")"
