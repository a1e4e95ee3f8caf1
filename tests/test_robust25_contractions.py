"""A question with a contraction gets the reply its expanded form gets
(session 24, branch robust25).

"what're the signs" was declined where "what are the signs" was answered
("what're" was not expanded), and "what's neuromuscular mean" offered where
"what does neuromuscular mean" was answered. Typed through `voice text`, and
as Whisper writes them (capital, question mark); the figures are
scripts/robust25_contractions.py's over the tuning halves."""

from __future__ import annotations

from pathlib import Path

from .conftest import voice_text_replies

PAIRS = [
    ("what're the signs", "what are the signs"),
    ("What're the risk factors?", "What are the risk factors?"),
    ("what're the treatment options", "what are the treatment options"),
    ("What's neuromuscular mean?", "What does neuromuscular mean?"),
]


def test_contracted_questions_get_the_expanded_ones_replies(tmp_path: Path) -> None:
    short = voice_text_replies([s for s, _ in PAIRS], tmp_path / "short")
    long = voice_text_replies([long for _, long in PAIRS], tmp_path / "long")
    assert [(r["outcome"], (r["match"] or {}).get("id")) for r in short] == [
        (r["outcome"], (r["match"] or {}).get("id")) for r in long]
    assert all(r["outcome"] == "answer" for r in long), long
