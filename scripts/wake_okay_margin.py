"""Replay the likelihood check (confirm.ALIGN_CHECK) with a tighter limit for a
peak decode that runs on past the phrase, on recorded decodes.

Run: ``.venv/bin/python scripts/wake_okay_margin.py --positives D.json ...
--negatives N.json ... [--limits 1.2,1.5,1.7,1.8,1.9] [--words 2,3] [--show]``

The files are ``benchmark_wake.py --decodes F``'s (every window of every spot
decoded; "peakN" is the unprompted decode at the network's peak, "alignN"
its margin to the best of confirm.SPELLINGS, nats a token). The false wakes
left on fresh speech (docs/wake-word.md, sessions 24 and 25) were a real
"okay" opening a sentence: unprompted, tiny.en wrote it and the words after
it ("Okay, now I can see.", "Okay, then it costs."), and their margins were
1.94-2.19 against the limit 2.1. The lever measured: when the peak decode
has at least ``--words`` words that are none of the phrase's spellings
(confirm.SPELLINGS, the first and last words' spellings) nor a hesitation,
the margin must be at most ``--limits`` instead of confirm.ALIGN_MARGIN;
"okay first" counts only a decode that has the first word, "any" every one.

A spot is replayed as confirm.WhisperConfirmer decides it: the network's
sure spots (strength above micro's cutoff 0.8) by confirm.SURE_RULE "first
word", fairly sure ones (confirm.FAIRLY_SURE) by the floors alone, the
rest by the floors, then the peak check with the margin. A clip is caught
when any of its spots wakes. A wake's 1 s refractory is not replayed.

``--guard 2`` (session 25, branch wake27; confirm.SCRAP_GUARD, on): rows with
a short window's decode without the first word kept from waking a spot whose
other window's decode has it and at least that many words past the phrase.
Every other row replays the check without it (the guard's "before").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from wake_replay_files import Spot, load_decodes, passes_floors, spots  # noqa: E402

from voice.speech_in.wake import confirm  # noqa: E402

NABU = confirm.CONFIRMATIONS["okay nabu"]
SURE = 0.8  # micro's own cutoff for "okay nabu" (micro.CHECK_SURE checks them by SURE_RULE)




def past_phrase(text: str) -> tuple[bool, int]:
    """Whether the decode has the first word, and how many of its words are
    none of the phrase's spellings nor a hesitation."""
    known = set(NABU.first_words) | set(NABU.last_words) | {w for p in NABU.last_pairs for w in p}
    known |= {w for s in confirm.SPELLINGS for w in confirm._WORD.findall(s.lower())}
    words = confirm._WORD.findall(text.lower())
    first = any(w in NABU.first_words for w in words)
    return first, sum(w not in known and w not in confirm.HESITATIONS for w in words)


def runs_on(spot: Spot, n: int, words: int, okay_first: bool) -> bool:
    """Whether peak decode ``n`` runs on past the phrase: at least ``words``
    words none of its spellings (with ``okay_first``: and the first word)."""
    first, extra = past_phrase(spot[f"peak{n}"][0])
    return extra >= words and (first or not okay_first)


def scrap_guarded(spot: Spot, slots: list[int], guard: int | None) -> set[int]:
    """The slots whose peak decode lacks the first word, when another slot's
    has it with at least ``guard`` words past the phrase (None: no guard):
    such a scrap may not wake the spot (confirm.SCRAP_GUARD)."""
    if guard is None:
        return set()
    okay = [n for n in slots if past_phrase(spot[f"peak{n}"][0])[0]
            and past_phrase(spot[f"peak{n}"][0])[1] >= guard]
    if not okay:
        return set()
    return {n for n in slots if not past_phrase(spot[f"peak{n}"][0])[0]}


def wakes(spot: Spot, tight: float | None, words: int, okay_first: bool,
          veto: bool = False, guard: int | None = None) -> bool:
    strength = max(s for _t, _v, s in spot.values())
    if strength > SURE:
        return any(confirm.has_first_word(t, NABU) for k, (t, _v, _s) in spot.items()
                   if k.startswith(("long", "short")))
    if confirm.FAIRLY_SURE_RULE and strength >= confirm.FAIRLY_SURE:
        return passes_floors(spot, NABU, confirm.says_spelled)
    if not passes_floors(spot, NABU):
        return False
    slots = [n for n in (0, 1) if f"peak{n}" in spot and f"align{n}" in spot]
    if veto and tight is not None and any(
            runs_on(spot, n, words, okay_first) and spot[f"align{n}"][1] > tight for n in slots):
        return False  # one slot heard a sentence run on from the first word: the spot is refused
    guarded = scrap_guarded(spot, slots, guard)
    for n in slots:
        if n in guarded:
            continue  # a scrap without the first word beside a sentence run on from it
        text = spot[f"peak{n}"][0]
        limit = confirm.ALIGN_MARGIN
        if not veto and tight is not None and runs_on(spot, n, words, okay_first):
            limit = tight
        if confirm.peak_says(text, NABU) and spot[f"align{n}"][1] <= limit:
            return True
    return False



def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--positives", type=Path, nargs="*", default=[])
    ap.add_argument("--negatives", type=Path, nargs="*", default=[])
    ap.add_argument("--limits", default="1.0,1.2,1.5,1.7,1.8,1.9")
    ap.add_argument("--words", default="1,2,3")
    ap.add_argument("--guard", default="",
                    help="words past the phrase a window's 'okay' needs to keep the other"
                         " window's scrap without it from waking the spot, e.g. 0,1,2,3")
    ap.add_argument("--show", action="store_true",
                    help="every peak decode a wake passed through, with its margin")
    args = ap.parse_args(argv)
    pos, neg = load_decodes(args.positives, spots), load_decodes(args.negatives, spots)
    syn = {k: v for k, v in pos.items() if ": pos " in k}
    real = {k: v for k, v in pos.items() if ": real " in k}
    print(f"{len(syn)} phrases, {len(real)} real clips, {len(neg)} negative streams"
          f" ({sum(len(s) for _n, s in neg.values())} spots)")

    def count(clips: dict[str, Any], tight: float | None, words: int, okay_first: bool,
              per_clip: bool, veto: bool = False, guard: int | None = None) -> int:
        total = 0
        for network, ss in clips.values():
            w = network + sum(wakes(s, tight, words, okay_first, veto, guard) for s in ss)
            total += (w > 0) if per_clip else w
        return total

    def row(label: str, tight: float | None, words: int = 0, okay_first: bool = True,
            veto: bool = False, guard: int | None = None) -> None:
        def n(clips: dict[str, Any], per_clip: bool) -> int:
            return count(clips, tight, words, okay_first, per_clip, veto, guard)

        print(f"{label:46s} phrases {n(syn, True)}/{len(syn)}  real {n(real, True)}/{len(real)}"
              f"  wakes on negatives {n(neg, False)}")

    row(f"limit {confirm.ALIGN_MARGIN:g} alone (before)", None)
    for veto in (False, True):
        for okay_first in (True, False):
            for words in (int(x) for x in args.words.split(",")):
                for tight in (float(x) for x in args.limits.split(",")):
                    row(f"{'veto' if veto else 'slot'}, {'okay first' if okay_first else 'any'},"
                        f" >= {words} words: {tight:g}", tight, words, okay_first, veto)
    for guard in (int(x) for x in args.guard.split(",") if x):
        row(f"scrap guard, okay + >= {guard} words", None, guard=guard)
        for tight in (float(x) for x in args.limits.split(",")):
            row(f"scrap guard {guard} + slot, okay first, >= 2 words: {tight:g}", tight, 2,
                True, guard=guard)
    if args.show:
        for name, (_n, ss) in {**neg, **pos}.items():
            for s in ss:
                if wakes(s, None, 0, True) and any(f"peak{n}" in s for n in (0, 1)):
                    print(f"  {name}: " + " | ".join(
                        f"{s[f'peak{n}'][0]!r} {s[f'align{n}'][1]:.2f}"
                        f" {past_phrase(s[f'peak{n}'][0])}"
                        for n in (0, 1) if f"peak{n}" in s and f"align{n}" in s))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
