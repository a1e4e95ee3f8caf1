"""The question before, asked again of another condition: "can ms be
cured", answered, then "what about als".

A carer of two people, or someone comparing what they were told, asks the
same thing of a second condition in three words. "What about als" alone
names ALS and nothing else, so the matcher read Recognizing Chronic Spasms
in full (score 79.4) after "can ms be cured", and offered that section again
after "and myasthenia gravis" (session 36, `voice text`): the user asked
whether ALS can be cured and heard what ALS is.

Taken only when the line says nothing but a condition the content names
after "what about", "and", "is it the same for" ..., and a question was
asked before it. That question is asked again with the new condition in
place of the one it named ("can als be cured"), or, when it named none
("what helps spasms"), with the condition after it ("what helps spasms
with als"). The conversation then meets the new question as any other, but
never reads an entry other than the one just read without asking
(questions.another_condition).
Pure: text in, the question to ask or None out.
"""

from __future__ import annotations

import re

from voice.conversation.conditions_named import NAMED as _NAMED
from voice.matching.normalize import clean

#: "These disorders" and the like are what a question names when it asks of
#: all of them ("can these disorders be cured").
_GENERAL = (r"(?:(?:these|those|the|such|neuromuscular|muscle|muscular) )?"
            r"(?:disorders?|conditions?|diseases?|illness(?:es)?)")
_IN_BEFORE = re.compile(rf"\b(?:{_NAMED}|{_GENERAL})\b")
#: The line: only a condition, after words that ask the same again.
_AGAIN = re.compile(
    r"(?:(?:and|but|so|ok|okay|right|well) )?"
    r"(?:what about|how about|and|is it the same for|is that the same for|is it the same with|"
    r"is that the same with|same for|the same for|same with|does that go for|"
    r"does that apply to|does it apply to|does that hold for|is that true for|is it true for|"
    r"and is that so for)"
    r"(?: (?:for|with|in))?(?: (?:people|someone|somebody|those|a person|anyone) with)?"
    rf" (?P<named>{_NAMED})(?: (?:too|as well|then|also))?(?: please)?")


def named_again(text: str) -> str | None:
    """The condition ``text`` asks the question before of ("what about
    als": "als"), if it says only that; None otherwise."""
    found = _AGAIN.fullmatch(clean(text).rstrip(" ?.!"))
    return found.group("named") if found is not None else None


def asked_again(text: str, before: str) -> str | None:
    """The question ``before`` asked again of the condition ``text`` names
    alone, or None: ``text`` is not such a line, nothing was asked before,
    or ``before`` already asks of that condition."""
    named = named_again(text)
    if named is None or not before.strip():
        return None
    cleaned = clean(before).rstrip(" ?.!")
    if re.search(rf"\b{re.escape(named)}\b", cleaned):
        return None
    if _IN_BEFORE.search(cleaned):
        return _IN_BEFORE.sub(named, cleaned, count=1)
    return f"{cleaned} with {named}"
