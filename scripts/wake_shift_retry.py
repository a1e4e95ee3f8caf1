"""The check again on a refused weak spot's short windows shifted earlier and
later (confirm.SHIFT_RETRY; session 37, branch wake47), replayed from decode
files: which clips it wakes that the shipped path refused.

Run: ``.venv/bin/python scripts/wake_shift_retry.py F.json ... [--word-after]``

The files are ``benchmark_wake.py ... --shift-retry on --decodes F.json``'s
(every window decoded). Each spot's decodes are grouped by when they were
made; the retry's follow a "shift" decode (its shift in seconds, earlier
first). A shift's set passes when a prompted short window says the phrase
over the short windows' floor and the peak check passes on its unprompted
decodes (scripts/wake_peak_emphasis.py's replay: "ha", the emphasised copy,
the scrap guard). ``--word-after``: the peak check of the retry's windows
needs a word after "okay" (as confirm.RETRY_UNDER_WORDS), not a bare
"Okay.". Prints each clip or stretch of speech the retry woke (a phrase
the shipped path's replay, scripts/wake_stage_table.py, refused: a gain;
speech not addressed to it: a false wake added) and the counts.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
for _p in (REPO, REPO / "scripts"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from wake_peak_emphasis import peak_passes  # noqa: E402
from wake_stage_table import clip_stage  # noqa: E402

from voice.speech_in.wake import confirm  # noqa: E402

NABU = confirm.CONFIRMATIONS["okay nabu"]


def shift_sets(rows: list[list[Any]]) -> list[tuple[float, list[list[Any]]]]:
    """The retry's sets of decodes in one group of ``rows``: (shift, rows)."""
    sets: list[tuple[float, list[list[Any]]]] = []
    for row in rows:
        if row[0] == "shift":
            sets.append((float(row[2]), []))
        elif sets and not row[0].startswith("fit"):
            sets[-1][1].append(row)
    return sets


def set_passes(rows: list[list[Any]], word_after: bool = False) -> bool:
    """Whether one shift's decodes wake the spot: the floors, then the peak check."""
    floor = confirm.short_floor(float(rows[0][3]) if rows else 0.0)
    if not any(r[0].startswith("shift_short") and float(r[2]) >= floor
               and confirm.says_phrase(r[1], NABU) for r in rows):
        return False
    # The retry's peak check: "ha" taken, the emphasised copy needing a
    # word after "okay", the scrap guard always on.
    return peak_passes({r[0]: r for r in rows}, word_after, laugh=True, emphasis=True,
                       word_after=True, scrap_guard=True)


def retry_groups(data: dict[str, Any], clip: str) -> list[tuple[float, list[list[Any]]]]:
    """The retry's groups of decodes in ``clip``: (when, rows)."""
    by: dict[float, list[list[Any]]] = {}
    for row in data["decodes"].get(clip, []):
        by.setdefault(float(row[4]), []).append(row)
    return [(at, rows) for at, rows in sorted(by.items()) if rows and rows[0][0] == "shift"]


def shipped_only(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` without the retry's decodes (the shipped path's replay)."""
    decodes = {clip: [r for r in rows if not any(
        g[0] == "shift" for g in rows if g[4] == r[4])] for clip, rows in data["decodes"].items()}
    return {**data, "decodes": decodes}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", type=Path, nargs="+")
    ap.add_argument("--word-after", action="store_true",
                    help="the retry's peak check needs a word after 'okay'")
    args = ap.parse_args(argv)
    gained = phrases = shipped = added = retried = 0
    for path in args.files:
        data = json.loads(path.read_text(encoding="utf-8"))
        plain = shipped_only(data)
        for clip in data["clips"]:
            groups = retry_groups(data, clip)
            retried += len(groups)
            woke_by: list[str] = []
            for at, rows in groups:
                for shift, rows_set in shift_sets(rows):
                    if set_passes(rows_set, args.word_after):
                        texts = " | ".join(f"{r[0]} {r[1]!r} {float(r[2]):.2f}" for r in rows_set
                                           if r[0].startswith(("shift_short", "peak", "align",
                                                               "epeak", "ealign")))
                        woke_by.append(f"  at {at:.2f} s, shift {shift:+.1f}: {texts}")
                        break
            if clip.startswith("pos "):
                phrases += 1
                was = clip_stage(plain, clip)[0] == "woke"
                shipped += was
                if woke_by and not was:
                    gained += 1
                    print(f"{path.stem}: {clip[4:]}: gained")
                    print("\n".join(woke_by))
            elif woke_by and not clip.startswith("real "):
                added += len(woke_by)
                print(f"{path.stem}: {clip}: woke {len(woke_by)} (not addressed to it)")
                print("\n".join(woke_by))
    print(f"{path.stem if len(args.files) == 1 else 'all'}: spots retried {retried}; "
          f"phrases {shipped}/{phrases} shipped (replayed), {shipped + gained} with the retry; "
          f"wakes added on speech not addressed to it {added}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
