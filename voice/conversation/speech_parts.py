"""Splits long text into parts a tired listener can take in one go."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")

#: About 25 seconds of speech at 150 words a minute (the default rate), a
#: length chosen in the first version (8c68b79) for a tired listener, not
#: measured against listeners.
PART_WORDS = 60


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def parts(text: str, limit: int = PART_WORDS) -> list[str]:
    """Paragraphs, each cut at sentence ends into parts of about ``limit`` words."""
    out: list[str] = []
    for paragraph in (p for p in text.split("\n\n") if p.strip()):
        current: list[str] = []
        count = 0
        for sentence in sentences(paragraph):
            n = len(sentence.split())
            if current and count + n > limit:
                out.append(" ".join(current))
                current, count = [], 0
            current.append(sentence)
            count += n
        if current:
            out.append(" ".join(current))
    return out
