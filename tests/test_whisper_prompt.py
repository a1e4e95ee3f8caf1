"""The content prompt holds the FAQ questions only (voice/speech_in/whisper/prompt.py),
with the real tiny.en model that scripts/install.sh installs and espeak-ng
speech: questions that the article's section titles in the prompt made
Whisper mishear now reach their entry, and noise still gives nothing."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import numpy as np
import pytest

from voice.app import Assistant
from voice.audio.clip import AudioClip, read_wav
from voice.content.loader import load_knowledge
from voice.content.model import KnowledgeBase
from voice.conversation import Conversation
from voice.models.manifest import WHISPER_MODEL
from voice.speech_in.whisper import WhisperRecognizer
from voice.speech_in.whisper import prompt as whisper_prompt

REPO = Path(__file__).resolve().parent.parent
MODEL = REPO / "models" / WHISPER_MODEL


def _spoken(text: str, tmp_path: Path) -> AudioClip:
    """``text`` as the benchmark's en-us condition says it: espeak-ng en-us at
    160 words a minute, with half a second of silence either side."""
    wav = tmp_path / "q.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "160", "-w", str(wav), text],
                   check=True, timeout=30)
    c = read_wav(wav).resampled(16000)
    z = np.zeros(8000, dtype=np.int16)
    return AudioClip(np.concatenate([z, c.samples.reshape(-1), z]), 16000, 1)


@pytest.mark.parametrize("question, entry", [
    # With the section titles in the prompt too: "if it invasions" and "with
    # nutrium smatter for muscles", which matched no entry.
    ("is it in the genes", "are-neuromuscular-disorders-hereditary"),
    ("which nutrients matter for muscles", "dietary-adjustments"),
])
def test_a_question_the_titles_made_whisper_mishear_reaches_its_entry(
    rec: WhisperRecognizer, kb: KnowledgeBase, tmp_path: Path, question: str, entry: str
) -> None:
    heard = rec.transcribe(_spoken(question, tmp_path))
    reply = Assistant(Conversation(kb), None, out=io.StringIO(),
                      json_lines=True).handle_heard(heard)
    assert reply["outcome"] in ("answer", "confirm"), (heard, reply)
    assert reply["match"]["id"] == entry, (heard, reply)


def test_the_prompt_has_the_faq_questions_and_not_the_titles(
    rec: WhisperRecognizer, kb: KnowledgeBase
) -> None:
    faq = [e.title for e in kb.entries if e.kind == "faq"]
    assert faq and all(q in rec.prompt for q in faq)
    assert "Physical Therapy." not in rec.prompt and "Conclusion." not in rec.prompt


def test_content_without_a_faq_is_prompted_with_its_titles(tmp_path: Path) -> None:
    (tmp_path / "article.md").write_text(
        "# Article\n\n## Botulinum toxin\n\nIt eases spasticity.\n\n"
        "## Baclofen pumps\n\nThey deliver it.\n",
        encoding="utf-8")
    kb = load_knowledge([str(tmp_path / "article.md")])
    assert not any(e.kind == "faq" for e in kb.entries)
    got = whisper_prompt.build_prompt(kb, len)
    assert "Botulinum toxin." in got and "Baclofen pumps." in got
