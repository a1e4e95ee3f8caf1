"""The wake benchmark's sentences are pinned (session 25, branch wake26).

scripts/benchmark_wake.py draws all it reads aloud (speech not addressed to
it, the TV talk under the phrase, the "okay" sentences) from one list of
sentences by index. Gathered at run time from content/ and tests/data, an
edit there (content/README.md, session 24) redrew every draw and seed: a
test written on one draw failed on the next merge, and figures of two
sessions no longer compared. The list is now read from
tests/data/wake-sentences/sentences.tab, checked by its digest.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent


def _tv_text(bench: ModuleType, draw: int) -> str:
    """The TV talk's text under held-out draw ``draw``'s phrases (positives())."""
    rng = random.Random(draw)
    rng.choice(bench.READERS)
    return " ".join(rng.sample(bench.sentences(), 40))


def _mirror(tmp: Path) -> Path:
    """A copy of the repository's layout whose content/README.md has one more line."""
    root = tmp / "repo"
    root.mkdir()
    for name in os.listdir(REPO):
        if name not in ("content", ".git"):
            (root / name).symlink_to(REPO / name)
    shutil.copytree(REPO / "content", root / "content")
    readme = root / "content" / "README.md"
    readme.write_text("An edit, as any session may make. It says two sentences.\n"
                      + readme.read_text(encoding="utf-8"), encoding="utf-8")
    return root


def test_the_list_is_the_one_session_24_measured_on(bench: ModuleType) -> None:
    sents = bench.sentences()
    assert len(sents) == 10920
    assert hashlib.sha256("\n".join(sents).encode()).hexdigest() == bench.PINNED_SHA256
    # The TV talk of held-out draw 2251 (docs/wake-word.md, session 24) starts as it did.
    assert _tv_text(bench, 2251).startswith("is covid killing more liberals")


def test_an_edit_to_the_content_does_not_redraw(bench: ModuleType, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    before = (bench.sentences(), _tv_text(bench, 2251), _tv_text(bench, 25))
    monkeypatch.setattr(bench, "REPO", _mirror(tmp_path))
    assert (bench.sentences(), _tv_text(bench, 2251), _tv_text(bench, 25)) == before


def test_a_changed_list_is_refused(bench: ModuleType, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    root = _mirror(tmp_path)
    (root / "tests").unlink()
    shutil.copytree(REPO / "tests" / "data" / "wake-sentences",
                    root / "tests" / "data" / "wake-sentences")
    pinned = root / bench.PINNED
    pinned.write_text(pinned.read_text(encoding="utf-8") + "One more sentence.\n",
                      encoding="utf-8")
    monkeypatch.setattr(bench, "REPO", root)
    with pytest.raises(bench.SentencesChanged):
        bench.sentences()
