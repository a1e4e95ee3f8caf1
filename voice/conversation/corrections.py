"""A correction said after a wrong offer or answer: "sorry, I meant diet".

"no I meant diet" was answered (its "no", "i", "meant" are function words
the matcher passes over), but "sorry I meant diet" was declined as off the
subject: the apology is a word the content never uses, and in a line this
short it outweighed "diet" in the scope check (session 26's journey29
noticed it; session 27, branch typed30). What is said after "I meant" is the
new question, whatever came before it: an apology, a "no", an "oh".

Only a line that says it means something else ("I meant", "I mean", "what I
meant was", "I wanted to ask about") is taken: an apology alone is a command
("sorry" is "repeat"), and an apology before a whole question ("sorry, what
causes spasms") was answered already. Pure: text in, text out.
"""

from __future__ import annotations

import re

from voice.matching.normalize import clean

#: What may come before the correction: an apology, a "no", an "oh" (each
#: optional, in this order).
_SORRY = r"(?:oh|ah|oops|whoops|sorry|i am sorry|so sorry|my mistake|my bad|apologies)"
_BEFORE = rf"(?:{_SORRY} )*(?:no )?(?:sorry )?"
#: Saying that something else was meant.
_MEANT = (r"(?:i meant|i mean|what i meant was|what i meant is|i meant to say|i meant to ask"
          r"(?: about)?)")
#: Saying what one was asking: a correction only after an apology or a
#: "no" ("no, I was asking about diet"); alone it opens a question, and
#: "I wanted to ask you something about what is the" is a half sentence to
#: be quoted whole (tests/test_robust22_ramble.py), not one meaning "you
#: something about what is the".
_ASKING = r"(?:i wanted to ask(?: about)?|i was asking about|i was asking)"
#: ``_BEFORE`` with at least an apology or a "no" in it.
_APOLOGY = rf"(?:{_SORRY} )+(?:no )?(?:sorry )?|no (?:sorry )?"
_CORRECTION = re.compile(rf"(?:{_BEFORE}{_MEANT}|(?:{_APOLOGY}){_ASKING}) (?P<rest>.+)")


def meant(text: str) -> str | None:
    """What ``text`` says was meant ("sorry I meant diet": "diet"), or None
    when it is no correction."""
    found = _CORRECTION.fullmatch(clean(text))
    return found.group("rest") if found else None
