"""Hearings recorded from real Whisper tiny.en decodes (tests/data/heard/,
written by scripts/record_hearings.py), for tests of a rule applied to what
was heard: which way tiny.en hears a knife-edge clip differs by CPU
(tests/conftest.py), the rule must not."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from voice.audio.clip import read_wav
from voice.speech_in.base import Transcript
from voice.speech_in.whisper import WhisperRecognizer
from voice.speech_in.whisper.rescoring import WhisperTranscript, scorer_of

HEARD = Path(__file__).resolve().parent / "data" / "heard"
sys.path.insert(0, str(HEARD.parent.parent.parent / "scripts"))
from benchmark_audio import pad  # type: ignore[import-not-found, unused-ignore]  # noqa: E402
from make_spoken_questions import speak  # type: ignore[import-not-found, unused-ignore]  # noqa: E402
from record_hearings import variant_of  # type: ignore[import-not-found, unused-ignore]  # noqa: E402


def hearing(name: str, id_: str) -> dict[str, Any]:
    """The recorded hearing ``id_`` of tests/data/heard/``name``.json."""
    for h in json.loads((HEARD / f"{name}.json").read_text())["hearings"]:
        if h["id"] == id_:
            return dict(h)
    raise KeyError(id_)


def recorded(name: str, id_: str) -> Transcript:
    """A recorded hearing as the Whisper engine returns it, without its audio
    (the checks by the audio stay out of it)."""
    h = hearing(name, id_)
    return Transcript(h["text"], "whisper", h["confidence"], list(h.get("alternatives", [])),
                      tuple((w, p) for w, p in h["words"]))


def recorded_with_audio(name: str, id_: str, whisper: WhisperRecognizer) -> Transcript:
    """A recorded hearing with the audio of its clip (decoded again here, only
    for ``rescoring.AudioScorer``: how well the audio fits a text is a score,
    not a choice of words, and moves little from CPU to CPU)."""
    h = hearing(name, id_)
    live = whisper.transcribe(pad(read_wav(speak(h["said"], variant_of(h["voice"])))))
    said = recorded(name, id_)
    return WhisperTranscript(said.text, said.engine, said.confidence, said.alternatives,
                             said.words, scorer=scorer_of(live))
