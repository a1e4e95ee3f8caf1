"""Two second chances at the peak check (session 34, branch wake40): the
refused short window heard again with the speech band raised
(confirm.PEAK_EMPHASIS), and "Okay, ha." taken as "okay" and a hesitation
(confirm.PEAK_LAUGH). Which spots of live ``benchmark_wake.py --decodes F``
runs pass only through them, and which clips that gains or wakes.

Run: ``.venv/bin/python scripts/wake_peak_emphasis.py [--laugh] [--no-emphasis]
[--bare-okay] F.json ...`` (``--bare-okay``: session 34's rule, an emphasised
"Okay." alone counting; confirm.EMPHASIS_WORD_AFTER, session 35).

Every window is decoded in such a run (``--decodes``), so each spot that
reached the peak check has its short windows' unprompted decodes
("peak0/1", "align0/1": the likelihood margin) and, in a run with
``--peak-emphasis on``, for each one the check refused the emphasised
copy's ("epeak0/1", "ealign0/1"). Each spot is replayed without and with
the levers (the same text rule, the first word required of an emphasised
decode, the same margin, then the scrap guard). A clip counts as gained
(a phrase) or woken (speech not addressed to it) when a spot passes only
through a lever and no spot of it woke as shipped (scripts/wake_tv_misses.py's
replay; a retried spot by its faster windows' peak check) nor the network.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
for p in (REPO, REPO / "scripts"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from wake_tv_misses import Levers, stage  # noqa: E402

from voice.speech_in.wake import confirm  # noqa: E402

NABU = confirm.CONFIRMATIONS["okay nabu"]


def _text_ok(text: str, under: bool, laugh: bool) -> bool:
    if under and confirm.RETRY_UNDER_WORDS:
        return confirm.peak_says(text, NABU, fillers=False, without_first=False)
    return confirm.peak_says(text, NABU,
                             laughs=confirm.PEAK_LAUGHS if laugh else frozenset())


def spot_passes(rows: list[list[Any]], emphasis: bool, laugh: bool,
                word_after: bool = confirm.EMPHASIS_WORD_AFTER) -> bool:
    """Whether a spot under confirm.FAIRLY_SURE whose decodes are ``rows``
    (one spot, in order) passes the peak check with the levers as given."""
    kinds = [r[0] for r in rows]
    under = False
    if "slow" in kinds:  # the retry: its peak check heard the faster windows
        cut = kinds.index("slow")
        under = not any(confirm.slow_spelled(r[1], NABU) for r in rows[:cut]
                        if r[0] in ("long", "short0", "short1"))
        rows = rows[cut + 1:]
    return peak_passes({r[0]: r for r in rows}, under, laugh, emphasis, word_after,
                       confirm.SCRAP_GUARD)


def peak_passes(got: dict[str, list[Any]], under: bool, laugh: bool, emphasis: bool,
                word_after: bool, scrap_guard: bool) -> bool:
    """Whether the peak check passes on one spot's short windows' decodes
    ``got`` (kind -> row): a window's unprompted decode ("peakN") says the
    phrase within the margin ("alignN"), or with ``emphasis`` its emphasised
    copy's does ("ealignN": the first word said, other words than the plain
    decode's, a word after "okay" when ``word_after``); then the scrap guard
    when ``scrap_guard``. ``under``, ``laugh``: as ``_text_ok``. Shared with
    wake_shift_retry.py, whose shifted windows are checked the same way."""
    slots: list[tuple[str, bool]] = []
    for n in (0, 1):
        if f"peak{n}" not in got:
            continue
        text = got[f"peak{n}"][1]
        margin = float(got.get(f"align{n}", [0, 0, 99.0])[2])
        ok = _text_ok(text, under, laugh) and margin <= confirm.ALIGN_MARGIN
        if not ok and emphasis and f"ealign{n}" in got:
            etext, emargin = got[f"ealign{n}"][1], float(got[f"ealign{n}"][2])
            if (confirm.has_first_word(etext, NABU) and _text_ok(etext, under, laugh)
                    and confirm._WORD.findall(etext.lower()) != confirm._WORD.findall(text.lower())
                    and (confirm.word_after_first(etext, NABU) or not word_after)
                    and emargin <= confirm.ALIGN_MARGIN):
                text, ok = etext, True
        slots.append((text, ok))
    refused = (confirm.scrap_refused([t for t, _ in slots], NABU) if scrap_guard
               else [False] * len(slots))
    return any(ok and not no for (_t, ok), no in zip(slots, refused, strict=True))


def shipped_wakes(rows: list[list[Any]]) -> bool:
    """Whether the spot woke as shipped."""
    kinds = [r[0] for r in rows]
    if "slow" in kinds:
        return spot_passes(rows, False, False)
    spot = {r[0]: (r[1], float(r[2]), float(r[3])) for r in rows if not r[0].startswith("fit")}
    return stage(spot, Levers()).startswith("woke")


def show_added(data: dict[str, Any], clip: str, by: dict[float, list[list[Any]]],
               added: list[float], shipped: bool) -> int:
    """Print each spot of ``clip`` a lever ``added`` (its peak and aligned
    decodes); 1 when the clip is woken only by it (not as shipped, not by
    the network alone), else 0. wake_scrap_words.py prints its lever's the
    same way."""
    for at in added:
        texts = [f"{r[0]} {r[1]!r} {r[2]:.2f}" for r in by[at]
                 if r[0].startswith(("peak", "align", "epeak", "ealign"))]
        print(f"  {clip} @{at}{' (woke as shipped too)' if shipped else ''}: "
              f"{' | '.join(texts)}")
    return int(bool(added) and not shipped and not data["network"].get(clip, 0))


def report(path: Path, emphasis: bool, laugh: bool,
           word_after: bool = confirm.EMPHASIS_WORD_AFTER) -> tuple[int, int]:
    data = json.loads(path.read_text(encoding="utf-8"))
    added_spots = added_clips = 0
    for clip in data["clips"]:
        by: dict[float, list[list[Any]]] = {}
        for row in data["decodes"].get(clip, []):
            by.setdefault(float(row[4]), []).append(row)
        added = [at for at, rows in by.items()
                 if max(float(r[3]) for r in rows) < confirm.FAIRLY_SURE
                 and any(r[0].startswith("peak") for r in rows)
                 and spot_passes(rows, emphasis, laugh, word_after)
                 and not spot_passes(rows, False, False)]
        shipped = any(shipped_wakes(rows) for rows in by.values())
        clips_woken = show_added(data, clip, by, added, shipped)
        added_spots += len(added)
        added_clips += clips_woken
    print(f"{path}: {added_spots} spots pass only through the lever(s), "
          f"{added_clips} clips woken only by them")
    return added_spots, added_clips


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--laugh", action="store_true", help="replay confirm.PEAK_LAUGH too")
    ap.add_argument("--no-emphasis", action="store_true", help="without confirm.PEAK_EMPHASIS")
    ap.add_argument("--bare-okay", action="store_true",
                    help="an emphasised 'Okay.' alone counts too (without "
                         "confirm.EMPHASIS_WORD_AFTER, session 34's rule)")
    ap.add_argument("files", type=Path, nargs="+")
    args = ap.parse_args(argv)
    for path in args.files:
        report(path, not args.no_emphasis, args.laugh, not args.bare_okay)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
