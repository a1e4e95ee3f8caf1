"""The scrap guard held to short scraps (session 36, branch wake44): which
spots of live ``benchmark_wake.py --decodes F`` runs wake only when a
decode without "okay" of more than ``--words`` words is no scrap
(confirm.SCRAP_MAX_WORDS), and which clips that gains or wakes.

Run: ``.venv/bin/python scripts/wake_scrap_words.py [--words N] F.json ...``

Each spot under confirm.FAIRLY_SURE that reached the peak check is replayed
as shipped (scripts/wake_peak_emphasis.py's replay: the emphasis, "ha", the
slow retry's faster windows) with the guard as it was (every decode without
"okay" beside a run-on "okay" refused) and with it held to decodes of at
most ``--words`` words. A clip counts as gained (a phrase) or woken (speech
not addressed to it) when a spot passes only with the lever and no spot of it
woke as shipped, nor the network.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
for _p in (REPO, REPO / "scripts"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

import wake_peak_emphasis  # noqa: E402
from wake_peak_emphasis import shipped_wakes, show_added, spot_passes  # noqa: E402

from voice.speech_in.wake import confirm  # noqa: E402

NABU = confirm.CONFIRMATIONS["okay nabu"]


def _guard(max_words: int | None) -> Callable[..., list[bool]]:
    def refused(heard: Any, confirmation: Any, words: int = confirm.RUN_ON_WORDS) -> list[bool]:
        return _ORIGINAL(heard, confirmation, words, max_words=max_words)
    return refused


def report(path: Path, max_words: int | None) -> tuple[int, int]:
    data = json.loads(path.read_text(encoding="utf-8"))
    added_spots = added_clips = 0
    for clip in data["clips"]:
        by: dict[float, list[list[Any]]] = {}
        for row in data["decodes"].get(clip, []):
            by.setdefault(float(row[4]), []).append(row)
        weak = {at: rows for at, rows in by.items()
                if max(float(r[3]) for r in rows) < confirm.FAIRLY_SURE
                and any(r[0].startswith("peak") for r in rows)}
        wake_peak_emphasis.confirm.scrap_refused = _guard(None)
        before = {at: spot_passes(rows, True, True) for at, rows in weak.items()}
        shipped = any(shipped_wakes(rows) for rows in by.values())
        wake_peak_emphasis.confirm.scrap_refused = _guard(max_words)
        added = [at for at, rows in weak.items()
                 if spot_passes(rows, True, True) and not before[at]]
        wake_peak_emphasis.confirm.scrap_refused = _ORIGINAL
        clips_woken = show_added(data, clip, by, added, shipped)
        added_spots += len(added)
        added_clips += clips_woken
    print(f"{path}: {added_spots} spots pass only with the lever, "
          f"{added_clips} clips woken only by it")
    return added_spots, added_clips


_ORIGINAL = confirm.scrap_refused


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--words", type=int, default=1,
                    help="a decode without 'okay' of at most this many words is a scrap")
    ap.add_argument("files", type=Path, nargs="+")
    args = ap.parse_args(argv)
    total = [0, 0]
    for path in args.files:
        s, c = report(path, args.words)
        total[0] += s
        total[1] += c
    print(f"all: {total[0]} spots, {total[1]} clips")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
