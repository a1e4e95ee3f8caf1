"""Where the wake check's windows disagree about "okay" (session 38, branch
wake48), replayed from decode files: which wakes the two rules of
voice/speech_in/wake/disagree.py would refuse.

Run: ``.venv/bin/python scripts/wake_window_disagree.py F.json ...``

The files are ``benchmark_wake.py ... --decodes F.json``'s (every window
decoded). Each spot the shipped path woke (scripts/wake_stage_table.py's
replay; a spot the network woke on alone is left alone) is asked:

* ``long says otherwise``: a spot that is not sure passed on a short window
  while the 3.5 s window, which holds it, was decoded over its own floor
  (confirm.SURE_LOGPROB) with none of the phrase's words in it (seed 409's fairly sure
  "I'd like to hear the last order and spoken again." -0.21 around a short
  "Okay Nabu." -0.18);
* ``the phrase on the long window only``: a weak spot passed the floors on
  the 3.5 s window alone and neither short window heard any of the phrase's
  words (disagree.phrase_words: "okay", "nabu", "now", "move"...), prompted or not
  (seed 409's louder-copy "Okay Nabu." -0.69 beside "3 to 4.", "How do you
  treat a bird?" prompted and "three top world half" unprompted).

Prints each phrase clip that would lose its only waking spot (a loss) and
each stretch of speech not addressed to it whose wake is refused, and the
counts. A refused spot may still wake through the shifted windows
(confirm.SHIFT_RETRY) live; this replay counts it lost.
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

from wake_stage_table import spot_stage  # noqa: E402

from voice.speech_in.wake import confirm, disagree  # noqa: E402

NABU = confirm.CONFIRMATIONS["okay nabu"]
WORDS = disagree.phrase_words(NABU, confirm.SPELLINGS)


def spots(data: dict[str, Any], clip: str) -> dict[float, list[list[Any]]]:
    """The shipped path's spots of ``clip`` (the retry's groups left out): when -> rows."""
    by: dict[float, list[list[Any]]] = {}
    for row in data["decodes"].get(clip, []):
        if not row[0].startswith("fit"):
            by.setdefault(float(row[4]), []).append(row)
    return {at: rows for at, rows in by.items() if rows[0][0] != "shift"}


def refusal(rows: list[list[Any]]) -> str:
    """Which rule refuses this woken spot ("" for none)."""
    strength = max(float(r[3]) for r in rows)
    if strength >= 0.8:  # a sure spot: confirm.SURE_RULE decides
        return ""
    got = {r[0]: r for r in rows}
    long = got.get("long")
    if long is None:
        return ""
    shorts = [(got[k][1], float(got[k][2])) for k in ("short0", "short1") if k in got]
    floor = confirm.short_floor(strength)
    fairly = strength >= confirm.FAIRLY_SURE
    long_said = float(long[2]) >= confirm.SURE_LOGPROB and (
        confirm.says_phrase(long[1], NABU)
        or (fairly and confirm.spelled_counts(long[1], NABU)))
    short_said = any(lp >= floor and (confirm.says_phrase(t, NABU)
                                      or (fairly and confirm.spelled_counts(t, NABU)))
                     for t, lp in shorts)
    if (not long_said and short_said
            and disagree.long_says_otherwise(long[1], float(long[2]), WORDS,
                                             confirm.SURE_LOGPROB)):
        return "long says otherwise"
    if fairly or not long_said or short_said:
        return ""
    heard = [t for t, _lp in shorts] + [got[k][1] for k in ("peak0", "peak1", "epeak0", "epeak1")
                                        if k in got]
    if disagree.phrase_on_long_only(heard, WORDS):
        return "the phrase on the long window only"
    return ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", type=Path, nargs="+")
    args = ap.parse_args(argv)
    phrases = woke = lost = refused_neg = 0
    for path in args.files:
        data = json.loads(path.read_text(encoding="utf-8"))
        for clip in data["clips"]:
            waking = [(at, rows) for at, rows in spots(data, clip).items()
                      if spot_stage(rows) == "woke"]
            by_rule = [(at, rows, refusal(rows)) for at, rows in waking]
            left = [r for r in by_rule if not r[2]]
            network = bool(data["network"].get(clip, 0))
            for at, rows, why in by_rule:
                if why:
                    texts = " | ".join(f"{r[0]} {r[1]!r} {float(r[2]):.2f}" for r in rows
                                       if r[0] in ("long", "short0", "short1", "peak0", "peak1",
                                                   "align0", "align1", "epeak0", "epeak1"))
                    print(f"{path.stem}: {clip} @{at:.2f} strength {float(rows[0][3]):.3f}:"
                          f" {why}\n    {texts}")
            if clip.startswith(("pos ", "real ")):  # tuning phrases, real people's
                phrases += 1
                was = bool(waking) or network
                woke += was
                if was and not left and not network:
                    lost += 1
                    print(f"{path.stem}: {clip[4:]}: LOST")
            else:
                refused_neg += sum(1 for r in by_rule if r[2])
    print(f"phrases woken (replayed) {woke}/{phrases}, lost to the rules {lost};"
          f" wakes refused on speech not addressed to it {refused_neg}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
