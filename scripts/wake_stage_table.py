"""Where each missed tuning phrase is lost, as shipped (session 36, branch
wake44): one line a miss and a table by stage and background.

Run: ``.venv/bin/python scripts/wake_stage_table.py D.json ... [--traces T.json ...]
[--scrap-words N]`` (``--scrap-words 0``: the scrap guard of any length, as
before session 36; confirm.SCRAP_MAX_WORDS)

The files are ``benchmark_wake.py --half tune --phrases-only --decodes D.json
[--traces T.json]``'s (tuning half only: this names clips). Each spot of a
clip is replayed as the shipped check decides it (scripts/wake_tv_misses.py's
stages; a spot the slow retry acted on, or one the peak check refused, by
scripts/wake_peak_emphasis.py's replay with confirm.PEAK_EMPHASIS and
confirm.PEAK_LAUGH), and the clip is put at the furthest stage a spot reached:

* ``never spotted``: no spot (the traces' best mean of 5 is printed);
* ``sure refused``: a spot over the network's own cutoff without "okay";
* ``floors``: no prompted window says the phrase surely enough (``retried``:
  the slow retry's faster windows neither);
* ``peak: TV words after okay``: a short window's unprompted decode at the
  peak has "okay" but other words after it (confirm.peak_says refuses it),
  on the plain and the emphasised copy alike;
* ``peak: no okay``: no unprompted decode has "okay" and none passed;
* ``margin``: a decode passed the text rule but fits no spelling within
  confirm.ALIGN_MARGIN;
* ``scrap guard``: one passed, refused as a scrap beside a run-on "okay".

The check again on shifted windows (confirm.SHIFT_RETRY, session 37) is
left out: its decodes (after a "shift" one) are scripts/wake_shift_retry.py's.

A clip lives or dies by its live run; this replay can differ from it on a
clip whose spot the live run decided differently (printed as ``replay woke``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
for _p in (REPO, REPO / "scripts"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from wake_miss_stages import best_mean  # noqa: E402
from wake_peak_emphasis import spot_passes  # noqa: E402
from wake_tv_misses import Levers, stage  # noqa: E402

from voice.speech_in.wake import confirm  # noqa: E402

NABU = confirm.CONFIRMATIONS["okay nabu"]
ORDER = ["never spotted", "sure refused", "floors", "floors (retried)", "peak: no okay",
         "peak: TV words after okay", "margin", "scrap guard", "woke"]


def _peak_kind(rows: list[list[Any]]) -> str:
    """The peak check's refusal of a spot, named by what its decodes heard."""
    texts = [r[1] for r in rows if r[0] in ("peak0", "peak1", "epeak0", "epeak1")]
    fit = False
    for n in (0, 1):
        got = {r[0]: r for r in rows}
        if f"peak{n}" in got and confirm.peak_says(got[f"peak{n}"][1], NABU,
                                                   laughs=confirm.PEAK_LAUGHS):
            fit = True
            if got.get(f"align{n}", [0, 0, 99.0])[2] <= confirm.ALIGN_MARGIN:
                return "scrap guard"
    if fit:
        return "margin"
    if any(confirm.has_first_word(t, NABU) for t in texts):
        return "peak: TV words after okay"
    return "peak: no okay"


def spot_stage(rows: list[list[Any]]) -> str:
    """The stage that refused one spot (its decodes ``rows``), or "woke"."""
    kinds = [r[0] for r in rows]
    strength = max(float(r[3]) for r in rows)
    if strength < confirm.FAIRLY_SURE and any(k.startswith("peak") for k in kinds):
        if spot_passes(rows, True, True):
            return "woke"
        after = rows[kinds.index("slow") + 1:] if "slow" in kinds else rows
        return _peak_kind(after)
    if "slow" in kinds:
        return "floors (retried)"
    spot = {r[0]: (r[1], float(r[2]), float(r[3])) for r in rows if not r[0].startswith("fit")}
    got = stage(spot, Levers())
    if got.startswith("woke"):
        return "woke"
    return {"peak text": _peak_kind(rows)}.get(got, got)


def clip_stage(data: dict[str, Any], clip: str) -> tuple[str, list[list[Any]]]:
    """The furthest stage a spot of ``clip`` reached, and that spot's rows."""
    if data["network"].get(clip, 0):
        return "woke", []
    by: dict[float, list[list[Any]]] = {}
    for row in data["decodes"].get(clip, []):
        if not row[0].startswith("fit"):
            by.setdefault(float(row[4]), []).append(row)
    best, best_rows = "never spotted", []
    for rows in by.values():
        if rows[0][0] == "shift":  # confirm.SHIFT_RETRY's (scripts/wake_shift_retry.py)
            continue
        here = spot_stage(rows)
        if ORDER.index(here) > ORDER.index(best):
            best, best_rows = here, rows
    return best, best_rows


def background(clip: str) -> str:
    return "tv" if " tv " in clip + " " else "pink" if "pink" in clip else "clean"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", type=Path, nargs="+")
    ap.add_argument("--traces", type=Path, nargs="*", default=[])
    ap.add_argument("--scrap-words", type=int, default=confirm.SCRAP_MAX_WORDS or 0,
                    help="the scrap guard refuses scraps of at most N words (0: any)")
    args = ap.parse_args(argv)
    original = confirm.scrap_refused

    def refused(heard: Any, confirmation: Any, words: int = confirm.RUN_ON_WORDS) -> list[bool]:
        return original(heard, confirmation, words, max_words=args.scrap_words or None)

    confirm.scrap_refused = refused  # type: ignore[assignment]
    traces: dict[str, Any] = {}
    for t in args.traces:
        traces[t.stem] = json.loads(t.read_text(encoding="utf-8"))
    table: Counter[tuple[str, str]] = Counter()
    total = woke = 0
    for path in args.files:
        data = json.loads(path.read_text(encoding="utf-8"))
        trace: dict[str, Any] = next((v for k, v in traces.items() if k[1:] == path.stem[1:]), {})
        for clip in data["clips"]:
            if not clip.startswith("pos "):
                continue
            total += 1
            where, rows = clip_stage(data, clip)
            if where == "woke":
                woke += 1
                continue
            table[(where, background(clip))] += 1
            mean = f" (best mean {best_mean(trace[clip]):.3f})" if clip in trace else ""
            peaks = " | ".join(f"{r[0]} {r[1]!r} {r[2]:.2f}" for r in rows
                               if r[0] in ("long", "short0", "short1", "slow_long",
                                           "peak0", "peak1", "align0", "align1",
                                           "epeak0", "epeak1", "ealign0", "ealign1"))
            print(f"{path.stem}: {clip[4:]}: {where}{mean}")
            if peaks:
                print(f"    {peaks}")
    print(f"replayed: {woke}/{total} phrases woke")
    for where in ORDER[:-1]:
        row = {b: table[(where, b)] for b in ("clean", "pink", "tv")}
        if sum(row.values()):
            print(f"  {where:28s} " + " ".join(f"{b} {n}" for b, n in row.items())
                  + f"  total {sum(row.values())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
