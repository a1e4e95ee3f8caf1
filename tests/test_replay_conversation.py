"""scripts/replay_conversation.py --compare: what a change moved, counted per
file, shown turn by turn except for held-out sets (never read line by line)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "replay_conversation.py"


def _replay(path: Path, says: dict[str, str]) -> Path:
    path.write_text("".join(
        json.dumps({"tag": tag, "in": tag.split(":")[0] + " line", "json": {"say": say}}) + "\n"
        for tag, say in says.items()))
    return path


def test_moved_turns_are_counted_and_held_out_ones_never_shown(tmp_path: Path) -> None:
    before = _replay(tmp_path / "a.jsonl", {
        "tests/data/tuning.tsv:0:fresh": "Spasticity is ...",
        "tests/data/heldout.tsv:3:fresh": "Medication ...",
        "journey1:0": "Hello"})
    after = _replay(tmp_path / "b.jsonl", {
        "tests/data/tuning.tsv:0:fresh": "Did you mean Spasticity?",
        "tests/data/heldout.tsv:3:fresh": "Did you mean Medication?",
        "journey1:0": "Hello", "tests/data/new.tsv:0:fresh": "New"})
    got = subprocess.run([sys.executable, str(SCRIPT), "--compare", str(before), str(after)],
                         capture_output=True, text=True, timeout=60)
    assert got.returncode == 1
    assert "3 turns in both, 2 differ; 0 only before, 1 only after" in got.stdout
    assert "tests/data/heldout.tsv  (held out: counted only)" in got.stdout
    assert "Did you mean Spasticity?" in got.stdout
    assert "Medication" not in got.stdout


def test_the_same_replay_moves_nothing(tmp_path: Path) -> None:
    same = _replay(tmp_path / "a.jsonl", {"journey1:0": "Hello"})
    got = subprocess.run([sys.executable, str(SCRIPT), "--compare", str(same), str(same)],
                         capture_output=True, text=True, timeout=60)
    assert got.returncode == 0 and "1 turns in both, 0 differ" in got.stdout
