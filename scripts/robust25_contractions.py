#!/usr/bin/env python3
"""Does a question with a contraction get a worse reply than its expanded form?

Each tuning row with an expandable phrase ("what is", "can not", "i am", "it
is", "will not"...) is asked both ways, typed and as heard (``heard=True``), and
so is each row that has a contraction; a pair whose outcome or entry differ
is printed. Counts first. Tuning halves only (``*tuning*.tsv``, dev.tsv).

    .venv/bin/python scripts/robust25_contractions.py [--show]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from voice.content.loader import load_knowledge  # noqa: E402
from voice.conversation import Conversation  # noqa: E402

#: Expanded -> contracted, as people type them and Whisper writes them.
PAIRS = [
    ("what is", "what's"), ("where is", "where's"), ("who is", "who's"), ("how is", "how's"),
    ("it is", "it's"), ("that is", "that's"), ("there is", "there's"), ("can not", "can't"),
    ("cannot", "can't"), ("will not", "won't"), ("do not", "don't"), ("does not", "doesn't"),
    ("is not", "isn't"), ("are not", "aren't"), ("i am", "i'm"), ("i have", "i've"),
    ("i would", "i'd"), ("i will", "i'll"), ("you are", "you're"), ("let us", "let's"),
    ("could not", "couldn't"), ("would not", "wouldn't"), ("should not", "shouldn't"),
    ("did not", "didn't"), ("has not", "hasn't"), ("have not", "haven't"),
    ("was not", "wasn't"), ("were not", "weren't"), ("they are", "they're"),
    ("we are", "we're"), ("he is", "he's"), ("she is", "she's"), ("what are", "what're"),
    ("i had", "i'd"), ("you have", "you've"), ("we have", "we've"), ("they have", "they've"),
    ("should have", "should've"), ("could have", "could've"), ("would have", "would've"),
    ("you will", "you'll"), ("it will", "it'll"), ("they will", "they'll"),
    ("he has", "he's"), ("she has", "she's"), ("what does", "what's"),
    ("how did", "how'd"), ("what did", "what'd"), ("why is", "why's"), ("when is", "when's"),
    ("here is", "here's"), ("he would", "he'd"), ("she would", "she'd"),
]


def rows() -> list[str]:
    out: list[str] = []
    data = REPO / "tests" / "data"
    for path in sorted([*data.glob("*tuning*.tsv"), data / "dev.tsv"]):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                out.append(line.split("\t")[0])
    return out


def variants(q: str) -> list[tuple[str, str]]:
    """(expanded, contracted) forms of ``q``, one per phrase it has."""
    low = q.lower()
    found = []
    for long, short in PAIRS:
        if re.search(rf"\b{re.escape(long)}\b", low):
            found.append((low, re.sub(rf"\b{re.escape(long)}\b", short, low, count=1)))
        if re.search(rf"(?<![\w']){re.escape(short)}(?![\w'])", low):
            found.append((re.sub(rf"(?<![\w']){re.escape(short)}(?![\w'])", long, low,
                                 count=1), low))
    return found


def outcome(kb: object, text: str, heard: bool) -> tuple[str, str | None]:
    reply = Conversation(kb).respond(text, heard=heard)  # type: ignore[arg-type]
    return reply.outcome, reply.match.id if reply.match is not None else None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="print each pair that differs")
    args = ap.parse_args()
    kb = load_knowledge([REPO / "content"])
    pairs = sorted({v for q in rows() for v in variants(q)})
    differ = 0
    for long, short in pairs:
        for heard in (False, True):
            a, b = outcome(kb, long, heard), outcome(kb, short, heard)
            if a != b:
                differ += 1
                if args.show:
                    print(f"{'heard' if heard else 'typed'}\t{long!r} {a}\t{short!r} {b}")
    print(f"{len(pairs)} pairs (expanded, contracted), typed and heard: {differ} differ")


if __name__ == "__main__":
    main()
