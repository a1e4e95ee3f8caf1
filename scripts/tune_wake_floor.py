"""Sweep the wake check's Whisper floors offline, from benchmark_wake.py --decodes.

Run: ``.venv/bin/python scripts/tune_wake_floor.py --positives D1.json D2.json ...
--negatives N.json [--strong 0.2,0.3,...] [--long -0.7,-0.9,...] [--short -0.3,-0.5,...]``

Each ``--decodes`` file holds every window the second stage decoded, per
clip (``benchmark_wake.py --decodes F`` decodes all of a spot's windows, even
once one confirmed it), with what Whisper wrote, its avg_logprob and how sure
the network was of the spot (its highest mean). A rule is: the floors for
the 3.5 s window and the short ones, looser for spots at least ``strong``
sure, and whether a sound-alike reading of Whisper's text counts
(confirm.sounds_like_phrase). For each rule it prints the phrases caught
(positives: the network's own wakes, or any decoded window the rule
accepts) and the false wakes (negatives: every window the rule accepts,
one per spot). Tune on the tuning draws only.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from voice.speech_in.wake.confirm import (  # noqa: E402
    ALIGNED_LOGPROB,
    CONFIRMATIONS,
    SURE_LOGPROB,
    Confirmation,
    says_phrase,
    short_floor,
)

#: How alike (0-1, normalized edit distance over sound keys: one letter per
#: consonant, "@" per vowel sound, voice/matching/sound_alike.py) the words
#: after "okay" must sound to the phrase's last word to count as it.
ALIKE = 0.75
#: ...and at most this many words ("nab who").
ALIKE_WORDS = 2


def sounds_like_phrase(text: str, confirmation: Confirmation) -> bool:
    """Whether ``text`` has the phrase's first word followed by one or two
    words that sound like its last ("okay navu", "ok nab who")."""
    from rapidfuzz.distance import Levenshtein

    from voice.matching.sound_alike import key

    words = re.findall(r"[a-z]+", text.lower())
    target = _last_key(confirmation)
    for i, word in enumerate(words[:-1]):
        if word not in confirmation.first_words:
            continue
        for n in range(1, ALIKE_WORDS + 1):
            run = words[i + 1:i + 1 + n]
            if len(run) < n:
                break
            heard = "".join(key(w) for w in run)
            if Levenshtein.normalized_similarity(heard, target) >= ALIKE:
                return True
    return False


def _last_key(confirmation: Confirmation) -> str:
    from voice.matching.sound_alike import key

    return key(min(confirmation.last_words))


NABU = CONFIRMATIONS["okay nabu"]
Decode = tuple[str, str, float, float, float]  # kind, text, avg_logprob, strength, at


def _load(path: Path) -> tuple[dict[str, int], dict[str, list[Decode]], list[str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if "decodes" in data:
        return data["network"], data["decodes"], data.get("clips", [])
    # Older files: every clip's name is in the run's --dump beside it.
    dump = path.with_name(path.name.replace("dec_", "dump_"))
    return {}, data, list(json.loads(dump.read_text(encoding="utf-8"))) if dump.exists() else []


def _missed_in_log(log: Path) -> set[str] | None:
    """The missed phrases a benchmark log printed (older --decodes files)."""
    for line in log.read_text(encoding="utf-8").splitlines():
        if line.startswith("synthetic wake rate:"):
            m = re.search(r"\(missed: (.*)\)", line)
            return {f"pos {n.strip()}" for n in m.group(1).split(", ")} if m else set()
    return None


def passes(d: Decode, strong: float, long_floor: float, short: float,
           alike: bool) -> bool:
    """Whether the rule accepts decode ``d``; ``strong`` < 0: confirm.py's
    strong spots' floor (STRONG_SPOT, STRONG_ALIGNED_LOGPROB; tried, off)."""
    kind, text, logprob, strength, _at = d
    if kind.startswith("peak"):  # confirm.PEAK_CHECK's unprompted decode, not a window
        return False
    sure = strength >= strong
    if strong < 0:
        floor = SURE_LOGPROB if kind == "long" else short_floor(strength, strong_floor=True)
    elif kind == "long":
        floor = long_floor if sure else SURE_LOGPROB
    else:
        floor = short if sure else ALIGNED_LOGPROB
    if logprob < floor:
        return False
    if says_phrase(text, NABU):
        return True
    return alike and sounds_like_phrase(text, NABU)


#: Rules that look at all of a spot's windows at once (``--context``), on
#: top of main's floors: what Whisper wrote around the phrase, how many
#: windows agree, and the network's strength. Each takes the decodes of one
#: spot that main's floors confirm and says whether it still wakes.
def _long(spot: list[Decode]) -> Decode | None:
    return next((d for d in spot if d[0] == "long"), None)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def _by_short_in_talk(spot: list[Decode], most: int) -> bool:
    """Confirmed only by a short window while the 3.5 s window around it was
    written as more than ``most`` other words (the phrase inside running talk)."""
    base = (1.0, SURE_LOGPROB, ALIGNED_LOGPROB, False)
    lg = _long(spot)
    if lg is None or passes(lg, *base):
        return True
    return len(_words(lg[1])) <= most


def _agreeing(spot: list[Decode], least: int) -> bool:
    """At least ``least`` of the spot's windows written as the phrase at their floors."""
    base = (1.0, SURE_LOGPROB, ALIGNED_LOGPROB, False)
    return sum(passes(d, *base) for d in spot) >= least


def _alone(spot: list[Decode]) -> bool:
    """The 3.5 s window, when written as the phrase, has no words before it
    (the phrase standing alone, not at the end of a sentence)."""
    lg = _long(spot)
    if lg is None or not says_phrase(lg[1], NABU):
        return True
    words = _words(lg[1])
    first = next(i for i, w in enumerate(words) if w in NABU.first_words)
    return first == 0


CONTEXT_RULES: dict[str, Any] = {
    "main": lambda s: True,
    "short alone in talk of >2 words refused": lambda s: _by_short_in_talk(s, 2),
    "short alone in talk of >5 words refused": lambda s: _by_short_in_talk(s, 5),
    "2 windows agree": lambda s: _agreeing(s, 2),
    "3 windows agree": lambda s: _agreeing(s, 3),
    "phrase first in the 3.5 s window": _alone,
    "spot strength >= 0.1": lambda s: s[0][3] >= 0.1,
    "spot strength < 0.25 or >= 0.4": lambda s: s[0][3] < 0.25 or s[0][3] >= 0.4,
}


def _spots(decodes: list[Decode]) -> list[list[Decode]]:
    """The decodes grouped by spot: each spot's 3.5 s window first, then its
    short ones (--decodes decodes them all)."""
    out: list[list[Decode]] = []
    for d in decodes:
        if d[0] == "long" or not out or out[-1][-1][4] != d[4]:
            out.append([])
        out[-1].append(d)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--positives", type=Path, nargs="+", required=True)
    ap.add_argument("--logs", type=Path, nargs="*", default=[],
                    help="the runs' logs, for --decodes files written before the network's"
                         " own wakes were kept (same order as --positives)")
    ap.add_argument("--negatives", type=Path, nargs="*", default=[])
    ap.add_argument("--strong", default="1.0,0.5,0.4,0.3,0.2,0.1")
    ap.add_argument("--long", default="-0.7,-0.8,-0.9,-1.0")
    ap.add_argument("--short", default="-0.3,-0.4,-0.5,-0.6,-0.7")
    ap.add_argument("--alike", default="off,on")
    ap.add_argument("--context", action="store_true",
                    help="only the rules that look at a spot's windows together (CONTEXT_RULES)")
    ap.add_argument("--show", action="store_true", help="print the missed phrases' decodes")
    args = ap.parse_args(argv)

    base = (1.0, SURE_LOGPROB, ALIGNED_LOGPROB, False)
    pos: list[tuple[str, bool, list[list[Decode]]]] = []  # name, network woke, spots
    real_talk: list[tuple[str, list[list[Decode]]]] = []
    for index, path in enumerate(args.positives):
        network, decodes, clips = _load(path)
        missed = _missed_in_log(args.logs[index]) if index < len(args.logs) else None
        names = clips or list(decodes)
        if missed is not None:
            names = sorted(set(names) | missed)
        for name in names:
            if not name.startswith(("pos ", "real ")):
                continue
            spots = _spots(decodes.get(name, []))
            if missed is None:
                woke = network.get(name, 0) > 0
            else:  # older file: caught at main, and by no decode main accepts
                at_main = name not in (missed or set())
                woke = at_main and not any(passes(d, *base) for s in spots for d in s)
            pos.append((f"{path.stem}: {name}", woke, spots))
        if "" in decodes:  # real people's other talk, run with the phrases
            real_talk.append((f"{path.stem}: real people's talk", _spots(decodes[""])))
    neg: list[tuple[str, list[list[Decode]]]] = []
    for path in args.negatives:
        _network, decodes, _clips = _load(path)
        neg += [(f"{path.stem}: {k}", _spots(v)) for k, v in decodes.items()
                if k.startswith("neg ")]
    neg += real_talk[:1]  # the same clips in every run: count them once
    synthetic = [p for p in pos if ": pos " in p[0]]
    real = [p for p in pos if ": real " in p[0]]
    print(f"{len(synthetic)} phrases, {len(real)} real clips, {len(neg)} negative streams"
          f" ({sum(len(s) for _n, s in neg)} spots)")

    def caught_by(rule: tuple[float, float, float, bool], group: list) -> list[str]:
        return [n for n, woke, spots in group
                if woke or any(passes(d, *rule) for s in spots for d in s)]

    def false_wakes(rule: tuple[float, float, float, bool]) -> list[str]:
        out = []
        for n, spots in neg:
            for s in spots:
                d = next((x for x in s if passes(x, *rule)), None)
                if d is not None:
                    out.append(f"{n} {d[4]:.1f} s: {d[1]!r} ({d[2]:.2f}, {d[0]},"
                               f" strength {d[3]:.2f})")
        return out

    if args.context:
        base = (1.0, SURE_LOGPROB, ALIGNED_LOGPROB, False)

        def wakes(spot: list[Decode], rule: Any) -> bool:
            return any(passes(d, *base) for d in spot) and rule(spot)

        print("rule (on top of main's floors)            caught  real  false wakes")
        for name, rule in CONTEXT_RULES.items():
            c = [n for n, w, spots in synthetic if w or any(wakes(s, rule) for s in spots)]
            r = [n for n, w, spots in real if w or any(wakes(s, rule) for s in spots)]
            f = [f"{n} {s[0][4]:.1f} s" for n, spots in neg for s in spots if wakes(s, rule)]
            print(f"{name:42s} {len(c):4d}/{len(synthetic)} {len(r):3d}/{len(real)}  {len(f)}"
                  + (f"  {f}" if f else ""))
        return 0
    print("strong  long  short alike  caught  real  false wakes  (strong -1: STRONG_*)")
    for strong, lf, sf, alike in itertools.product(
            [float(x) for x in args.strong.split(",")], [float(x) for x in args.long.split(",")],
            [float(x) for x in args.short.split(",")], args.alike.split(",")):
        rule = (strong, lf, sf, alike == "on")
        c, r, w = caught_by(rule, synthetic), caught_by(rule, real), false_wakes(rule)
        print(f"{strong:5.2f} {lf:5.2f} {sf:5.2f} {alike:5s} {len(c):4d}/{len(synthetic)}"
              f" {len(r):3d}/{len(real)}  {len(w)}" + (f"  [{w[0]}]" if w else ""))
    if args.show:
        got = set(caught_by(base, synthetic))
        for clip, _woke, spots in synthetic:
            if clip in got:
                continue
            print(f"missed at main: {clip}")
            for s in spots:
                for d in s:
                    print(f"    {d[0]:6s} {d[2]:6.2f} strength {d[3]:.2f}  {d[1]!r}")
        near = sorted(((d[2], d[3], d[0], d[1], c) for c, spots in neg for s in spots
                       for d in s if says_phrase(d[1], NABU)
                       or sounds_like_phrase(d[1], NABU)), reverse=True)
        print("negative windows heard as the phrase (or like it), surest first:")
        for lp, st, kind, text, clip in near[:25]:
            print(f"    {kind:6s} {lp:6.2f} strength {st:.2f}  {text!r}  ({clip})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
