"""The second question in one line: "what causes spasms and how are they treated".

The matcher answers one entry per question, so the part after "and" + a
question word went unanswered with nothing said. Here that part is cut out,
with the first part's subject put back for "they/it/them", to be matched on
its own and offered (never read unasked).
"""

from __future__ import annotations

import re

#: Words that start a second question after "and" (the brief's list).
QUESTION_WORDS = ("how", "what", "why", "can", "is", "are", "does", "should", "when",
                  "where", "who")
_SPLIT = re.compile(rf"\s*,?\s+and\s+(?=(?:{'|'.join(QUESTION_WORDS)})\b)", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(they|it|them)\b", re.IGNORECASE)
#: Words that end the subject when reading the first part from its end
#: ("what causes | muscle spasms", "what are the symptoms of | als").
_NOT_SUBJECT = frozenset(QUESTION_WORDS) | {
    "a", "an", "the", "of", "for", "to", "in", "on", "with", "about", "from", "by", "do",
    "did", "cause", "causes", "caused", "i", "me", "my", "we", "our", "you", "your", "get",
    "gets", "have", "has", "mean", "means", "tell", "treat", "treated", "help", "helps",
    "there", "this", "that", "these", "those", "it", "they", "them", "their", "its",
}


def second_question(text: str) -> tuple[str, str] | None:
    """(first part, second part on its own), or None when ``text`` asks one thing.

    Only a split before a question word counts: "spasms and cramps" and
    "diet and exercise" are one question.
    """
    found = _SPLIT.search(text)
    if found is None:
        return None
    first, second = text[:found.start()].strip(), text[found.end():].strip(" ?.!")
    if not first or len(second.split()) < 2:
        return None
    subject = _subject(first)
    if subject:
        second = _PRONOUN.sub(subject, second)
    return first, second


def _subject(first: str) -> str:
    """The words the first part ends with that name what it is about."""
    words = re.findall(r"[\w'-]+", first.lower())
    kept: list[str] = []
    for word in reversed(words):
        if word in _NOT_SUBJECT:
            break
        kept.insert(0, word)
    return " ".join(kept)
