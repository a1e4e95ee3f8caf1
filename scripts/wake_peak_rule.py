"""Replay main's wake check, and a second decode at the network's peak, on captured spots.

Run: ``.venv/bin/python scripts/wake_peak_rule.py --positives P.pkl ... --negatives N.pkl ...
[--windows 1.2:0.1,1.8:0.1] [--show] [--split]``

The ``.pkl`` files are wake_peak_capture.py's: every spot of every clip with
its prompted decodes and the audio around the network's peak. For every spot
main's floors confirm (confirm.py: the 3.5 s window at -0.7, the short ones
at -0.3, "Okay Nabu"), the windows ``L`` s before the peak to ``P`` s after
it are decoded again by Whisper without the prompt, and the spot wakes only
when one of them could still be the phrase (confirm.peak_says: "okay"
followed by a sound-alike of "nabu", a hesitation or nothing, or no "okay"
at all). It prints phrases caught (the network's own wakes count as caught),
real clips caught, and wakes on the negatives, for main, the check as
confirm.py has it, and (``--grid``) its variants. ``--split``: the
negatives' readers in two halves (tune: en-us, en-us+m3, en-gb-x-rp+f2;
held: the others), each in total.
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from voice.speech_in.wake import confirm  # noqa: E402

NABU = confirm.CONFIRMATIONS["okay nabu"]
RATE = 16000
TUNE_READERS = ("en-us,", "en-us+m3,", "en-gb-x-rp+f2,")


def main_passes(spot: dict[str, Any]) -> bool:
    for kind, text, lp in spot["decodes"]:
        floor = confirm.SURE_LOGPROB if kind == "long" else confirm.ALIGNED_LOGPROB
        if lp >= floor and confirm.says_phrase(text, NABU):
            return True
    return False


def wakes(clip: dict[str, Any], accept: Any) -> int:
    """Wakes in a clip: the network's own, and spots ``accept`` takes (after
    main's floors), with the 1 s refractory after each wake."""
    times = [("n", t) for t in clip["network"]]
    times += [("s", s) for s in clip["spots"]]
    times.sort(key=lambda x: x[1] if x[0] == "n" else x[1]["ended"])
    quiet = -1
    n = 0
    for kind, v in times:
        if kind == "n":
            n += 1
            quiet = v + RATE
        elif v["ended"] >= quiet and main_passes(v) and accept(v):
            n += 1
            quiet = v["fed"] + RATE
    return n


class Decoder:
    def __init__(self) -> None:
        from voice.config import default_models_dir
        from voice.speech_in.whisper.decoder import WindowDecoder
        from voice.speech_in.whisper.model_files import model_folder
        from voice.speech_in.whisper.shared_model import whisper_model

        self.dec = WindowDecoder(whisper_model(model_folder(default_models_dir())))
        self.cache: dict[str, list[Any]] = {}

    def heard(self, key: str, audio: np.ndarray) -> tuple[str, float]:
        """The unprompted decode of ``audio`` (text, avg_logprob), kept under ``key``."""
        if key not in self.cache:
            x = audio.astype(np.float32) / 32768.0
            seg = self.dec.decode_each(x, [[]])[0]
            self.cache[key] = [seg.text.strip(), round(seg.avg_logprob, 3)]
        text, lp = self.cache[key]
        return str(text), float(lp)


def cut(spot: dict[str, Any], before: float, after: float) -> np.ndarray:
    e = spot["ended"] - spot["start"]
    a = spot["audio"]
    return a[max(0, e - int(before * RATE)):e + int(after * RATE)]


def load(paths: list[Path]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for p in paths:
        data = pickle.loads(p.read_bytes())
        out.update({f"{p.stem}: {k}": v for k, v in data["clips"].items()})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--positives", type=Path, nargs="*", default=[])
    ap.add_argument("--negatives", type=Path, nargs="*", default=[])
    ap.add_argument("--windows", default=",".join(f"{w:g}:{confirm.ALIGNED_PAD:g}"
                                                      for w in confirm.ALIGNED),
                    help="before:after the peak, seconds (confirm.ALIGNED: what voice"
                         " listen decodes)")
    ap.add_argument("--grid", action="store_true",
                    help="also every variant: which windows, hesitations, no 'okay',"
                         " the sound key's start, how alike")
    ap.add_argument("--show", action="store_true", help="print each confirmed spot's decodes")
    ap.add_argument("--split", action="store_true",
                    help="negatives by reader: tuning readers in full, the others in total")
    ap.add_argument("--cache", type=Path, help="keep the unprompted decodes here (JSON)")
    args = ap.parse_args(argv)
    pos, neg = load(args.positives), load(args.negatives)
    dec = Decoder()
    if args.cache and args.cache.exists():
        dec.cache = json.loads(args.cache.read_text(encoding="utf-8"))
    windows = [(float(w.split(":")[0]), float(w.split(":")[1])) for w in args.windows.split(",")]

    def rule(name: str, wins: list[tuple[float, float]], **how: Any) -> Any:
        """confirm.peak_says on the unprompted decode of any of ``wins``."""
        def accept(spot: dict[str, Any]) -> bool:
            for before, after in wins:
                text, _lp = dec.heard(f"{name}|{spot['ended']}|{before}:{after}",
                                      cut(spot, before, after))
                ok = confirm.peak_says(text, NABU, **how)
                if args.show and (": neg " not in name or held(name) is not True):
                    print(f"    {name} @{spot['ended'] / RATE:.1f}s {before}:{after}"
                          f" {'KEEP' if ok else 'REFUSE'} {text!r}  prompted: "
                          + " | ".join(f"{k} {t!r} {lp}" for k, t, lp in spot["decodes"]))
                if ok:
                    return True
            return False
        return accept

    def held(name: str) -> bool | None:
        if not args.split:
            return None
        return not any(r in name for r in TUNE_READERS)

    syn = {k: v for k, v in pos.items() if ": pos " in k}
    real = {k: v for k, v in pos.items() if ": real " in k}
    hours = sum(v["seconds"] for v in neg.values()) / 3600
    print(f"{len(syn)} phrases, {len(real)} real clips, {hours:.2f} h of negatives "
          f"({sum(len(v['spots']) for v in neg.values())} spots)")

    def row(label: str, make: Any) -> None:
        c = sum(wakes(v, make(k)) > 0 for k, v in syn.items())
        r = sum(wakes(v, make(k)) > 0 for k, v in real.items())
        parts = {"all": 0, "tune": 0, "held": 0}
        for k, v in neg.items():
            w = wakes(v, make(k))
            parts["all"] += w
            h = held(k)
            if h is not None:
                parts["held" if h else "tune"] += w
        split = f" (tuning readers {parts['tune']}, held {parts['held']})" if args.split else ""
        print(f"{label:34s} phrases {c}/{len(syn)}  real {r}/{len(real)}  "
              f"false wakes {parts['all']}{split}", flush=True)

    row("main", lambda k: (lambda s: True))
    row("+ peak check (confirm.py now)", lambda k: rule(k, windows))
    if args.grid:
        for wins, fillers, without, prefix, alike in itertools.product(
                [windows[:1], windows[1:], windows], (False, True), (False, True),
                (None, 0.75), (0.5, 0.75)):
            label = (f"  {'+'.join(f'{b:g}' for b, _a in wins)} s"
                     f"{' fillers' if fillers else ''}{' no-okay' if without else ''}"
                     f"{f' prefix {prefix}' if prefix else ''} alike {alike}")
            row(label, lambda k, w=wins, f=fillers, o=without, p=prefix, a=alike: rule(
                k, w, fillers=f, without_first=o, prefix=p, alike=a))
    if args.cache:
        args.cache.write_text(json.dumps(dec.cache), encoding="utf-8")
    return 0



if __name__ == "__main__":
    raise SystemExit(main())
