"""The decode files `benchmark_wake.py --decodes F` writes, read for the
replay scripts (wake_align_rule.py, wake_spelling_rule.py,
wake_okay_margin.py), each of which groups a clip's decodes its own way."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

SpotT = TypeVar("SpotT")


def load_decodes(paths: list[Path], spots: Callable[[list[list[Any]]], list[SpotT]]
                 ) -> dict[str, tuple[int, list[SpotT]]]:
    """Every clip of ``paths`` ("file stem: clip"): whether the spotting
    network woke on it, and its decodes grouped by ``spots``."""
    out = {}
    for p in paths:
        data = json.loads(p.read_text(encoding="utf-8"))
        for clip in data["clips"]:
            out[f"{p.stem}: {clip}"] = (int(data["network"].get(clip, 0)),
                                        spots(data["decodes"].get(clip, [])))
    return out
