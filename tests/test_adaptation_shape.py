"""A voice adaptation of the wrong shape for the acoustic model.

PocketSphinx applies an MLLR transform without comparing it to the model: a
well-formed file with fewer or shorter streams than the model's kills the
whole process (SIGSEGV) as the decoder loads. Each load here runs in a child
process, so a regression shows as a failed test rather than a dead pytest.
Real PocketSphinx, its bundled en-us model (3 streams of 13 values).
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from voice.speech_in.pocketsphinx import adaptation as ad

REPO = Path(__file__).resolve().parent.parent

#: Loads the stock recognizer with the transform in argv[1], prints what it did.
LOAD = """
import json, sys
from pathlib import Path
from voice.speech_in.pocketsphinx.engine import PocketSphinxRecognizer
rec = PocketSphinxRecognizer(mllr=Path(sys.argv[1]))
print(json.dumps({"mllr": None if rec.mllr is None else str(rec.mllr),
                  "problem": rec.mllr_problem}))
"""


def write_transform(path: Path, lengths: Sequence[int], classes: int = 1) -> Path:
    """A well-formed identity transform (it changes nothing) of any shape, in
    the layout mllr_solve writes: per class, per stream, its length, the
    matrix, the bias and the variance scale."""
    lines = [str(classes), str(len(lengths))]
    for _ in range(classes):
        for n in lengths:
            lines.append(str(n))
            lines += [" ".join("1" if j == i else "0" for j in range(n)) for i in range(n)]
            lines += [" ".join(["0"] * n), " ".join(["1"] * n)]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")
    return path


def load_in_child(path: Path) -> dict[str, str | None]:
    proc = subprocess.run([sys.executable, "-c", LOAD, str(path)], capture_output=True,
                          text=True, timeout=120, cwd=REPO)
    # -11: SIGSEGV, the crash this file is about.
    assert proc.returncode == 0, f"exit {proc.returncode}: {proc.stderr[-2000:]}"
    result: dict[str, str | None] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


WRONG = {
    # name: (stream lengths, classes, what the problem says)
    "one-stream-of-39": ([39], 1, "(1 stream of 39 values; this model needs 3 streams"),
    "two-streams": ([13, 13], 1, "(2 streams of 13 values;"),
    "short-streams": ([12, 12, 12], 1, "(3 streams of 12 values;"),
    "one-short-stream": ([13, 13, 12], 1, "(3 streams of 13, 13, 12 values;"),
    # These two load without a crash, but apply garbage to the model.
    "long-streams": ([14, 14, 14], 1, "(3 streams of 14 values;"),
    "four-streams": ([13, 13, 13, 13], 1, "(4 streams of 13 values;"),
    "two-classes": ([13, 13, 13], 2, "has 2 classes, and PocketSphinx can use only one"),
}


@pytest.mark.parametrize("name", list(WRONG))
def test_wrong_shape_runs_unadapted_and_says_why(name: str, tmp_path: Path) -> None:
    lengths, classes, why = WRONG[name]
    path = write_transform(tmp_path / "mllr_matrix", lengths, classes)
    problem = ad.transform_problem(path)
    assert why in problem and problem.startswith(f"the voice adaptation in {path} ")
    assert "\n" not in problem
    loaded = load_in_child(path)
    assert loaded["mllr"] is None
    assert loaded["problem"] == (problem[0].upper() + problem[1:] +
                                 " Running without it; run 'voice adapt' to make it again.")


def test_right_shape_still_loads(tmp_path: Path) -> None:
    path = write_transform(tmp_path / "mllr_matrix", [13, 13, 13])
    assert ad.transform_problem(path) == ""
    assert load_in_child(path) == {"mllr": str(path), "problem": ""}


def test_the_model_shape_comes_from_its_means_then_feat_params(tmp_path: Path) -> None:
    real = ad.model_dir()
    assert ad.model_streams() == (13, 13, 13)

    # A model whose means say one stream of 39: only a 1 x 39 transform fits.
    model = tmp_path / "model"
    model.mkdir()
    shutil.copy(real / "feat.params", model)  # says 3 x 13: the means win
    head = b"s3\nversion 1.0\nendhdr\n" + struct.pack("<I5i", 0x11223344, 2, 1, 4, 39,
                                                      2 * 4 * 39)
    (model / "means").write_bytes(head + bytes(2 * 4 * 39 * 4))
    assert ad.model_streams(model) == (39,)
    one = write_transform(tmp_path / "one", [39])
    three = write_transform(tmp_path / "three", [13, 13, 13])
    assert ad.transform_problem(one, model) == ""
    assert "this model needs 1 stream of 39 values" in ad.transform_problem(three, model)

    # Big-endian means (the byte-order mark says so) read the same.
    (model / "means").write_bytes(b"s3\nendhdr\n" + struct.pack(">I6i", 0x11223344, 2, 2, 4,
                                                                 20, 19, 2 * 4 * 39))
    assert ad.model_streams(model) == (20, 19)

    # Means that do not add up: feat.params's -svspec decides.
    (model / "means").write_bytes(b"s3\nendhdr\n" + struct.pack("<I5i", 0x11223344, 2, 1,
                                                                 4, 39, 7))
    assert ad.model_streams(model) == (13, 13, 13)
    (model / "means").unlink()
    assert ad.model_streams(model) == (13, 13, 13)
    (model / "feat.params").write_text("-feat 1s_c_d_dd\n-svspec 0-12,39/13-25/26-38\n")
    assert ad.model_streams(model) == (14, 13, 13)

    # Nothing readable: the transform cannot be checked, so it is not used.
    (model / "feat.params").write_text("-feat 1s_c_d_dd\n")
    assert ad.model_streams(model) is None
    assert "cannot be checked" in ad.transform_problem(three, model)


def test_the_user_is_told_and_the_question_still_answered(tmp_path: Path) -> None:
    """`voice ask --audio` with a 1 x 39 adaptation where `voice adapt` keeps it."""
    path = write_transform(ad.default_transform_path(), [39])  # conftest's private state
    wav = tmp_path / "q.wav"
    subprocess.run(["espeak-ng", "-w", str(wav), "is there a cure"], check=True, timeout=30)
    proc = subprocess.run(
        [sys.executable, "-m", "voice", "ask", "--no-speak", "--recognizer", "pocketsphinx",
         "--audio", str(wav)],
        capture_output=True, text=True, timeout=180, cwd=REPO, env=os.environ.copy())
    assert proc.returncode == 0, proc.stderr[-2000:]
    told = [line for line in proc.stderr.splitlines() if "voice adaptation" in line]
    assert told == [f"The voice adaptation in {path} was made for a different speech model "
                    "(1 stream of 39 values; this model needs 3 streams of 13 values). "
                    "Running without it; run 'voice adapt' to make it again."], proc.stderr
    assert "cure" in proc.stdout.lower()
