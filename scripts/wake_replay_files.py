"""The decode files `benchmark_wake.py --decodes F` writes, read for the
replay scripts (wake_align_rule.py, wake_spelling_rule.py,
wake_okay_margin.py, wake_tv_misses.py), each of which groups a clip's
decodes its own way; the last two by spot (``spots``), checked against the
confirmer's floors (``passes_floors``)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from voice.speech_in.wake import confirm

SpotT = TypeVar("SpotT")
#: One spot's decodes: kind -> (text, average log-probability, strength).
Spot = dict[str, tuple[str, float, float]]


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


def spots(decodes: list[list[Any]]) -> list[Spot]:
    """A clip's decodes grouped by spot (they share the time they were made
    at); the likelihood fits ("fit...") left out."""
    by: dict[float, Spot] = defaultdict(dict)
    for kind, text, value, strength, at in decodes:
        if not kind.startswith("fit"):
            by[float(at)][kind] = (text, float(value), float(strength))
    return [by[t] for t in sorted(by)]


def passes_floors(spot: Spot, phrase: Any,
                  spelled: Callable[[str, Any], bool] | None = None) -> bool:
    """A window of ``spot`` over its confirmation floor that says ``phrase``,
    or, with ``spelled``, tiny.en's spelling of it as ``spelled`` accepts it
    (confirm.says_spelled, confirm.spelled_alone)."""
    for kind, (text, lp, strength) in spot.items():
        floor = (confirm.SURE_LOGPROB if kind == "long" else confirm.short_floor(strength)
                 if kind.startswith("short") else None)
        said = confirm.says_phrase(text, phrase) or (spelled is not None and spelled(text, phrase))
        if floor is not None and lp >= floor and said:
            return True
    return False
