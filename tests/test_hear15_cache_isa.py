"""The benchmark's transcript cache is kept apart per instruction-set path.

tiny.en's int8 decode of a knife-edge clip differs between CTranslate2's own
instruction-set choice (as the assistant runs) and the AVX2 path the tests
force (tests/conftest.py): 4 of 15 sampled clips were heard otherwise
(docs/speech-in.md, "Branch hear14"). Both used to share one cache file, so a
run on one path read the other's hearings. The default path keeps the file
name it had, so the transcripts already cached stay usable.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def _benchmark_audio() -> Any:
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))
    import benchmark_audio  # type: ignore[import-not-found, unused-ignore]

    return benchmark_audio


def _path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, **isa: str) -> Path:
    ba = _benchmark_audio()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    for name in ba.ISA_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in isa.items():
        monkeypatch.setenv(name, value)
    return Path(ba.TranscriptCache("whisper").path)


def test_a_forced_instruction_set_gets_a_file_of_its_own(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    default = _path(monkeypatch, tmp_path)
    avx2 = _path(monkeypatch, tmp_path, CT2_FORCE_CPU_ISA="AVX2", ONEDNN_MAX_CPU_ISA="AVX2")
    avx512 = _path(monkeypatch, tmp_path, CT2_FORCE_CPU_ISA="AVX512")
    assert len({default, avx2, avx512}) == 3
    assert default.parent == avx2.parent == tmp_path / "voice" / "transcripts"


def test_the_default_path_keeps_its_file(monkeypatch: pytest.MonkeyPatch,
                                         tmp_path: Path) -> None:
    """The name is the content's and engine code's fingerprint alone, as
    before, when no instruction set is forced (an empty value forces none)."""
    import hashlib

    ba = _benchmark_audio()
    h = hashlib.sha256()
    for folder in (ba.CONTENT, ba.REPO / "voice" / "speech_in"):
        for f in sorted(folder.rglob("*")):
            if (f.is_file() and f.suffix in (".md", ".py", ".toml", ".json", ".txt")
                    and f.name != "confidence.py" and "wake" not in f.parts):
                h.update(f.relative_to(ba.REPO).as_posix().encode())
                h.update(f.read_bytes())
    name = f"whisper-{h.hexdigest()[:16]}.jsonl"
    assert _path(monkeypatch, tmp_path).name == name
    assert _path(monkeypatch, tmp_path, CT2_FORCE_CPU_ISA="").name == name
