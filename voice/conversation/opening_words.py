"""The words a short follow-up may open with before what it asks ("and is
it safe", "ok so what else can help"), for the rules that read such a line
whole: is_it_safe.py and what_else_helps.py (both session 38), which had
the same words in two orders.

Other rules keep words of their own on purpose, and are not this one:
at_night.py lets no "well" or "right" through (with them, "well at
night" would be taken as the question before asked again at night; it is
not), on_behalf.py and own_medicine.py take
hesitations ("um", "er"), next_topic.py "can we", worries.py "tell me".
Pure: a regular expression's text, nothing else.
"""

from __future__ import annotations

#: Any number of the words, each with the one space after it of a
#: ``clean``ed line ("and so is it safe"); put first in a pattern, after its
#: "^". The order of the words does not matter: each is a whole word ending
#: at the space, so at most one of them can match at any place.
OPENING = r"(?:(?:and|so|but|ok|okay|well|right|then) )*"
