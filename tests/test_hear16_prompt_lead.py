"""With ``LEAD`` on, Whisper's prompt opens with a plain sentence naming what
the content is about (voice/speech_in/whisper/prompt.py, branch hear16),
built from the content's own titles and keywords, the same on every run, and
followed by every FAQ question as before. Off by default (2 more wrong
answers read in full on the held-out half), so the prompt is main's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from voice.content.loader import load_knowledge
from voice.speech_in.whisper import prompt as whisper_prompt

REPO = Path(__file__).resolve().parent.parent


def _words(text: str) -> int:
    return len(text.split())


def test_off_by_default_the_prompt_is_the_faq_questions() -> None:
    kb = load_knowledge([REPO / "content"])
    got = whisper_prompt.build_prompt(kb, _words)
    assert got.startswith("What are the early signs of neuromuscular disorders?"), got
    assert "Questions about" not in got


def test_the_prompt_opens_with_what_the_content_is_about(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(whisper_prompt, "LEAD", True)
    kb = load_knowledge([REPO / "content"])
    got = whisper_prompt.build_prompt(kb, _words)
    assert got.startswith("Questions about therapy, neuromuscular, disorders, spasms"), got
    first_faq = next(e.title for e in kb.entries if e.kind == "faq")
    # The FAQ questions follow, every one of them, as before.
    assert got.index(first_faq) > 0
    assert all(e.title in got for e in kb.entries if e.kind == "faq")


def test_the_sentence_follows_the_content(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(whisper_prompt, "LEAD", True)
    (tmp_path / "faq.md").write_text(
        "# FAQ\n\n## What is botulinum toxin?\n\nAn injection.\n\n"
        "Keywords: botox, injection\n\n"
        "## Do botulinum injections hurt?\n\nA little.\n\nKeywords: injection, pain\n",
        encoding="utf-8")
    kb = load_knowledge([tmp_path / "faq.md"])
    lead = whisper_prompt.lead_sentence(kb)
    # Words named by both entries first; no words of asking ("what").
    assert lead.startswith("Questions about botulinum, injection"), lead
    assert "what" not in lead.split()
    assert whisper_prompt.build_prompt(kb, _words).startswith(lead)


def test_the_sentence_is_the_same_whatever_the_hash_seed() -> None:
    """Words named equally often keep the content's order: the prompt, and so
    what Whisper hears, must not change from one start to the next."""
    code = ("from pathlib import Path; from voice.content.loader import load_knowledge; "
            "from voice.speech_in.whisper.prompt import lead_sentence; "
            f"print(lead_sentence(load_knowledge([Path({str(REPO / 'content')!r})])))")
    seen = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, cwd=REPO,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout
            for seed in range(6)}
    assert len(seen) == 1, seen
