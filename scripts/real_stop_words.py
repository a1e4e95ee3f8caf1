"""Real people's words for the "stop" benchmarks, with the half each is in.

Two sources (tests/data/real/README.md, tests/data/real/stop_words/README.md):

- tests/data/real/{commands,digits,sentences}: halves by each file's bytes
  (scripts/real_speech.py's half());
- tests/data/real/stop_words: 80 "stop"s and 87 other words (Speech Commands
  v0.02 test set), halves by speaker (its manifest), so a speaker's "stop"
  and "no" are on the same side.

Used by scripts/benchmark_stop_word.py and scripts/benchmark_barge_in.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REAL = Path(__file__).resolve().parent.parent / "tests" / "data" / "real"
STOP_WORDS = REAL / "stop_words"


@dataclass(frozen=True)
class WordClip:
    path: Path
    word: str
    """What was said: "stop", "no", "seven"..., "digit (8 kHz)" or "sentence"."""
    half: str
    """"tuning" or "held-out"."""


def _group(path: Path) -> str:
    name = path.stem
    if name.startswith("sc_") and path.parent.name == "commands":
        return name.split("_")[1]
    if name.startswith("fsdd_"):
        return "digit (8 kHz)"
    if name.startswith("sc_"):
        return name.split("_")[1]  # a digit word
    return "sentence"


def word_clips() -> list[WordClip]:
    """Every real clip but the wake phrases, sorted by path."""
    from real_speech import half

    out = []
    for path in sorted(REAL.rglob("*.wav")):
        if path.parent.name in ("commands", "digits", "sentences"):
            out.append(WordClip(path, _group(path), half(path)))
    for line in (STOP_WORDS / "manifest.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        name, word, _speaker, which, *_ = line.split("\t")
        out.append(WordClip(STOP_WORDS / name, word, which))
    return sorted(out, key=lambda c: c.path)
