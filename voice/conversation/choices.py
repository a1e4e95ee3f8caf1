"""Choosing a topic by its number ("number seven", "seven", "7").

Saying a number is far easier than saying a whole question for someone whose
speech is slurred or tires quickly, and a recognizer hears a few number
words much more reliably than a free question. "list topics" reads the
topics with their numbers; the numbers follow the content's order, so a
number always means the same topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from voice.matching.normalize import FILLER_WORDS, clean

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_VALUES = {w: i for i, w in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
#: What a recognizer (or a hurried typist) may give for a number word. Only
#: trusted after "number" or "topic": on its own "to" or "for" is not a choice.
_SOUNDS_LIKE = {"won": 1, "to": 2, "too": 2, "tree": 3, "for": 4, "fore": 4, "ate": 8}
#: Words that say a number is a choice ("number five", "topic five please").
LEAD_WORDS = ("number", "topic", "option")
#: Politeness around a choice that does not change it.
_AROUND = frozenset("please the say i want would like choose pick hear let me".split()
                    # "what is number five", "tell me about number five", "can
                    # you read number five": declined as questions before.
                    + "what is tell about read out can you".split()
                    # "what was topic 2 again": declined (session 36, typed).
                    + "was again".split())
#: "The third one", "third" after the list: declined as questions before.
#: "first" and "second" are the answers to "Did you mean ...?" (commands).
ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
    "twentieth").split()
_ORDINALS = {w: n for n, w in enumerate(ORDINAL_WORDS[2:], 3)}
#: "First" and "second" as topics, only with "topic" said (session 33,
#: typed: "the first topic" was offered the early-signs FAQ).
_FIRST_SECOND = {"first": 1, "second": 2}
#: Going to a topic said before it ("go to topic 3" was offered the
#: Introduction; session 33, typed). Only before "topic" or "number", and as
#: a whole phrase: "to" alone after "topic" is a heard "two" (_SOUNDS_LIKE).
_GO_TO = re.compile(r"^(?:(?:can|could) (?:you|we) |let us |please )?(?:go|jump|skip|move|"
                    r"switch|take me|turn) (?:back |straight )?to (?=(?:the )?(?:topic|number)\b)")
#: Words around an ordinal that do not change it ("the third one please").
_AROUND_ORDINAL = frozenset("one topic please the".split())
#: Highest number the recognizer's language model is taught (see
#: spoken_choices()): the highest say_number() spells (two words, _TENS),
#: not a tuning figure.
MOST = 99


@dataclass(frozen=True)
class Choice:
    """A number the user said, and whether they said it was a choice."""

    number: int
    led: bool
    """Said with "number", "topic" or "option": a choice even before a list."""


def _number(words: list[str], lenient: bool) -> int | None:
    """The number ``words`` spell, or None; "twenty one", "21", "twenty-one"."""
    if len(words) == 1 and words[0].isdigit():
        return int(words[0])
    values = [_VALUES.get(w, _SOUNDS_LIKE.get(w) if lenient else None) for w in words]
    if not values or any(v is None for v in values):
        return None
    if len(values) == 1:
        return values[0]
    tens, unit = values[0], values[1]
    if len(values) == 2 and tens is not None and unit is not None and tens >= 20 and \
            tens % 10 == 0 and 1 <= unit <= 9:
        return tens + unit
    return None


def find_choice(text: str, zero: bool = False) -> Choice | None:
    """The topic number ``text`` chooses, or None when it says something else.

    "0" / "zero" is no topic, so None, unless ``zero``: the conversation asks
    for it to say there is no topic 0 (declined as a question before, where
    "3" was told to say "list topics" first). The recognizers' steering
    (short replies, emergencies, alternatives) keeps ``zero`` off: a zero is
    never a reply it should prefer."""
    cleaned = _GO_TO.sub("", clean(text.replace("-", " ")))
    words = [w for w in cleaned.split() if w not in FILLER_WORDS]
    ordinal = [w for w in words if w not in _AROUND_ORDINAL and w not in _AROUND]
    if len(ordinal) == 1 and ordinal[0] in _ORDINALS:
        return Choice(_ORDINALS[ordinal[0]], led="topic" in words)
    if len(ordinal) == 1 and ordinal[0] in _FIRST_SECOND and "topic" in words:
        # "the first topic": with "topic" said, no answer to "Did you mean".
        return Choice(_FIRST_SECOND[ordinal[0]], led=True)
    led = False
    for i, w in enumerate(words):
        if w in LEAD_WORDS:
            led = True
            words = words[:i] + words[i + 1:]
            break
    words = [w for w in words if w not in _AROUND] if led else words
    n = _number(words, lenient=led)
    if n is None or n < (0 if zero else 1):
        return None
    return Choice(n, led)


def say_number(n: int) -> str:
    """``n`` in words, as the list reads it and the recognizer is taught it."""
    if n < 20:
        return _UNITS[n]
    tens, unit = divmod(n, 10)
    return _TENS[tens - 2] + (f" {_UNITS[unit]}" if unit else "")


def spoken_choices(count: int) -> tuple[str, ...]:
    """The ways of choosing each of ``count`` topics, for the recognizer's
    language model (so that "number twenty three" is something it expects)."""
    out: list[str] = []
    for n in range(1, min(count, MOST) + 1):
        word = say_number(n)
        out.extend((word, f"number {word}", f"topic {word}"))
    # "The fifth one" after the list: without these PocketSphinx had no
    # ordinal past "third" and heard other words (tests/test_speech_in_pocketsphinx.py).
    for word in ORDINAL_WORDS[:count]:
        out.extend((word, f"the {word} one", f"the {word} topic"))
    return tuple(out)
