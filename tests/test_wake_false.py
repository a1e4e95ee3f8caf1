"""scripts/wake_false_spot.py rebuilds the very stream a false wake came from.

docs/wake-word.md's false wakes (a real "okay" read at a sentence's start)
were found by cutting the benchmark's reading at the logged time: this holds
only while the rebuilt stream is the benchmark's, sample for sample, and the
sentences it names are the ones read. Real espeak-ng; no timing.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from .conftest import REPO


def _load(name: str) -> ModuleType:
    scripts = str(REPO / "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def spot_tool() -> ModuleType:
    return _load("wake_false_spot")


def test_the_rebuilt_reading_is_the_benchmarks_sample_for_sample(
    spot_tool: ModuleType, tmp_path: Path
) -> None:
    bench = spot_tool.bench
    minutes, seed = 0.6, 5  # a few sentences per reader
    streams = dict(bench.negatives(minutes, tmp_path, seed))
    for voice in ("en", "en-029+m4"):
        pcm, picked = spot_tool.read_stream(seed, voice, minutes, tmp_path)
        assert np.array_equal(pcm, streams[f"read {voice}"])
        assert picked and all(s in bench.sentences() for s in picked)
    other, _ = spot_tool.read_stream(seed + 1, "en", minutes, tmp_path)
    assert not np.array_equal(other, streams["read en"])  # the seed matters


def test_the_context_rules_replay_recorded_decodes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # tune_wake_floor.py --context on two recorded spots as benchmark_wake.py
    # --decodes writes them: a phrase confirmed by its 3.5 s window alone, and
    # a false wake confirmed by a short window while the 3.5 s window around
    # it was running talk (docs/wake-word.md). The running-talk rule refuses
    # the second only; "3 windows agree" refuses both.
    import json

    tool = _load("tune_wake_floor")
    pos = {"network": {}, "clips": ["pos en 90 clean"], "decodes": {"pos en 90 clean": [
        ["long", "Okay Nabu.", -0.2, 0.3, 2.5], ["short0", "Okay.", -0.6, 0.3, 2.5],
        ["short1", "Okay, uh...", -0.8, 0.3, 2.5]]}}
    neg = {"network": {}, "clips": [], "decodes": {"neg read en+f3": [
        ["long", "That's all I've seen, and... Okay, you, dole, play.", -1.1, 0.15, 181.0],
        ["short0", "Okay Nabu.", -0.28, 0.15, 181.0],
        ["short1", "Okay Nabu.", -0.37, 0.15, 181.0]]}}
    (tmp_path / "p.json").write_text(json.dumps(pos))
    (tmp_path / "n.json").write_text(json.dumps(neg))
    assert tool.main(["--positives", str(tmp_path / "p.json"),
                      "--negatives", str(tmp_path / "n.json"), "--context"]) == 0
    rows = {line[:42].strip(): line[42:].split() for line in capsys.readouterr().out.splitlines()}
    assert rows["main"][:3] == ["1/1", "0/0", "1"]
    assert rows["short alone in talk of >2 words refused"][:3] == ["1/1", "0/0", "0"]
    assert rows["3 windows agree"][:3] == ["0/1", "0/0", "0"]
