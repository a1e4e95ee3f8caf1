"""A question answered by the section just read, found in its text.

The shipped content has one section on multiple sclerosis, ALS and
myasthenia gravis together ("Recognizing Chronic Spasms and Neuromuscular
Disorders": "Studies indicate that disorders like multiple sclerosis,
amyotrophic lateral sclerosis (ALS), and myasthenia gravis contribute
significantly to chronic spasms."), and nothing more specific on any of
them. "What is ms", "what is als", "what is myasthenia gravis" read it three
times running (session 24). The second time, the sentence naming what was
asked is said, and whether any other entry names it (follow_ups.read_already).
Pure: text in, text out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from voice.matching.normalize import tokens

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _names(text: str, subject: str) -> bool:
    wanted = set(tokens(subject))
    return bool(wanted) and wanted <= set(tokens(text))


def naming_sentence(answer: str, subject: str) -> str | None:
    """The first sentence of ``answer`` naming ``subject`` ("als": the one
    with "amyotrophic lateral sclerosis (ALS)"), or None."""
    if not subject:
        return None
    return next((s for s in _SENTENCE_END.split(answer) if _names(s, subject)), None)


def mentioned_elsewhere(subject: str, answers: Iterable[str]) -> bool:
    """Whether any of ``answers`` (the other entries') names ``subject``."""
    return any(_names(a, subject) for a in answers)
