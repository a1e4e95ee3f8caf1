"""scripts/measure_bigger_whisper.py loads only a folder whose every file
matches one of its pinned models (issue 13, branch hear22): a bigger model
is measured on bytes published apart from whatever carried them here."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

from measure_bigger_whisper import KNOWN, identify  # noqa: E402

from voice.models.manifest import WHISPER_MODEL  # noqa: E402

TINY = Path(os.environ.get("VOICE_MODELS_DIR") or REPO / "models") / WHISPER_MODEL


def test_every_known_model_pins_the_four_files_faster_whisper_reads() -> None:
    for name, (source, pins) in KNOWN.items():
        assert "@" in source and len(source.split("@")[1]) == 40, name  # a fixed revision
        assert [p.name for p in pins] == ["config.json", "model.bin", "tokenizer.json",
                                          "vocabulary.txt"], name
        assert all(len(p.sha256) == 64 and p.size > 0 for p in pins), name


@pytest.mark.skipif(not (TINY / "model.bin").is_file(), reason="Whisper tiny.en not installed")
def test_the_installed_model_is_known_and_one_changed_byte_is_refused(tmp_path: Path) -> None:
    assert identify(TINY) == "tiny.en"
    copy = tmp_path / "model"
    copy.mkdir()
    for f in TINY.iterdir():
        if f.name == "model.bin":
            (copy / f.name).symlink_to(f)
        else:
            shutil.copyfile(f, copy / f.name)
    assert identify(copy) == "tiny.en"
    config = copy / "config.json"
    data = bytearray(config.read_bytes())
    data[-2] ^= 1
    config.write_bytes(bytes(data))
    with pytest.raises(ValueError, match="matches no pinned model"):
        identify(copy)
    config.unlink()
    with pytest.raises(ValueError, match="matches no pinned model"):
        identify(copy)
