"""The people a user asks for, as they name them: one relative, partner or
friend ("my husband", "our youngest son", "my gran").

Five rules named them each in their own list (falls, emergencies asked in
general, worries, a question told who has it, a question asked of a
relative), and the lists had drifted apart: "my gran fell" was a fall,
"my gran has ms, what can she do" was not told first whose it was (session
29 added "gran" to one list only). One list now, used by each.
Pure: a regular expression's text, no state.
"""

from __future__ import annotations

#: One person, singular: "my kids", "my parents" are a family, a heredity
#: word, and are left to the rules that need them.
_ONE = (
    "husband", "wife", "partner", "spouse", "boyfriend", "girlfriend", "fiance", "fiancee",
    "mum", "mom", "mother", "mommy", "mummy", "dad", "daddy", "father", "son", "daughter",
    "child", "kid", "brother", "sister", "grandmother", "grandfather", "grandma", "grandpa",
    "grandad", "granddad", "gran", "granny", "nan", "nana", "nanna", "aunt", "auntie", "uncle",
    "cousin", "niece", "nephew", "stepdad", "stepmum", "stepmom", "stepson", "stepdaughter",
    "friend",
)

#: A regular expression's text for one of them, as a non-capturing group.
RELATIVE = "(?:" + "|".join(_ONE) + ")"
