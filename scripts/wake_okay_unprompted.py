"""Does Whisper's unprompted decode tell "okay nabu" from "okay, and..."? (measured; no rule kept)

Run: ``.venv/bin/python scripts/wake_okay_unprompted.py --okay dec_okay.json
--positives dec_tune_d0.json dec_tune_d1.json dec_tune_d3.json dec_tune_d4.json
--tree DIR [--held]``

For every spot main's floors confirm, the 3.5 s window is decoded again
with and without the prompt "Okay Nabu.": in the okay sentences
(``benchmark_wake.py --okay-sentences --negatives-only --decodes F``, false
wakes) and in the tuning phrase draws (``--decodes`` files of the tuning
draws; ``--tree``: a folder holding the sentence sets as they were when the
draws ran, as for wake_false_spot.py, since the TV talk under the phrases is
read from them). The rule tried: when the 3.5 s window's prompted decode is
weak (avg_logprob below a gate), the unprompted decode must not hear "okay"
followed by words that sound unlike "nabu" (sound-key similarity below
``alike``, voice/matching/sound_alike.py; "now", "nah" are 0.5, "and" 0.43,
"uh move" 0.25) or by nothing. The okay sentences are split in two halves
by sentence (even/odd place in the set; each spot is assigned to the
sentence its unprompted decode matches best); the tuning half's spots are
printed, the held half only in aggregate (``--held``, once).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
for p in (REPO, REPO / "scripts"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import benchmark_wake as bench  # noqa: E402
import numpy as np  # noqa: E402
import tune_wake_floor as tune  # noqa: E402

from voice.speech_in.wake.confirm import last_word_alike  # noqa: E402

GATES = (-0.3, -0.4, -0.45, -0.5, -0.55)
ALIKES = (0.45, 0.5, 0.55)


def refused(long_logprob: float, unprompted: str, gate: float, alike: float) -> bool:
    if long_logprob >= gate:
        return False
    s = last_word_alike(unprompted, tune.NABU)
    return s is not None and s < alike


class Decoder:
    def __init__(self) -> None:
        from voice.config import default_models_dir
        from voice.speech_in.whisper.decoder import WindowDecoder
        from voice.speech_in.whisper.model_files import model_folder
        from voice.speech_in.whisper.shared_model import whisper_model

        self.dec = WindowDecoder(whisper_model(model_folder(default_models_dir())))
        self.prompt = self.dec.prompt_tokens("Okay Nabu.")

    def both(self, pcm: np.ndarray, at: float) -> tuple[float, str, float]:
        """The prompted avg_logprob, and the unprompted text and avg_logprob,
        of the 3.5 s window ending at ``at`` s."""
        x = pcm[max(0, int((at - 3.5) * 16000)):int(at * 16000)].astype(np.float32) / 32768
        p, u = self.dec.decode_each(x, [self.prompt, []])
        return round(p.avg_logprob, 3), u.text.strip(), round(u.avg_logprob, 3)


def _confirmed(decodes: list[Any]) -> list[float]:
    base = (1.0, tune.SURE_LOGPROB, tune.ALIGNED_LOGPROB, False)
    return [s[0][4] for s in tune._spots(decodes) if any(tune.passes(d, *base) for d in s)]


def okay_spots(path: Path, dec: Decoder) -> list[dict[str, Any]]:
    from rapidfuzz import fuzz

    _n, decodes, _c = tune._load(path)
    said = [s for s in bench.sentences() if {"ok", "okay"} & set(re.findall(r"[a-z]+", s.lower()))]
    out = []
    for name, pcm in bench.okay_negatives("okay nabu", Path("/tmp/voice-wake-bench")):
        for at in _confirmed(decodes.get(f"neg {name}", [])):
            lp, text, _ulp = dec.both(pcm, at)
            i = max(range(len(said)),
                    key=lambda i: fuzz.partial_ratio(said[i].lower(), text.lower()))
            out.append({"long": lp, "unprompted": text, "half": i % 2})
    return out


def phrase_spots(paths: list[Path], tree: Path, dec: Decoder) -> list[dict[str, Any]]:
    bench.REPO = tree
    cache = Path("/tmp/voice-wake-bench")
    out = []
    for path in paths:
        draw = int(path.stem[-1])
        _n, decodes, _c = tune._load(path)
        audio = {f"pos {n}": pcm for n, pcm in bench.positives("okay nabu", cache, "tune", draw)}
        audio.update({f"real {n}": pcm for n, pcm in bench.real_positives("okay nabu", cache)})
        for name, v in decodes.items():
            if name in audio:
                for at in _confirmed(v):
                    lp, text, _ulp = dec.both(audio[name], at)
                    out.append({"clip": f"{path.name} {name}", "long": lp, "unprompted": text})
    bench.REPO = REPO
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--okay", type=Path, required=True)
    ap.add_argument("--positives", type=Path, nargs="+", required=True)
    ap.add_argument("--tree", type=Path, required=True)
    ap.add_argument("--held", action="store_true", help="also the held half, in aggregate")
    args = ap.parse_args(argv)
    dec = Decoder()
    neg = okay_spots(args.okay, dec)
    for n in neg:
        if n["half"] == 0:
            print("okay tuning half:", n["long"], repr(n["unprompted"]),
                  last_word_alike(n["unprompted"], tune.NABU))
    pos = phrase_spots(args.positives, args.tree, dec)
    halves = [[n for n in neg if n["half"] == h] for h in (0, 1)]
    reals = sum(" real " in p["clip"] for p in pos)
    print(f"confirmed spots: {len(pos)} tuning phrases (real people's: {reals}), "
          f"okay sentences {len(halves[0])} + {len(halves[1])} held")
    for gate in GATES:
        for alike in ALIKES:
            lost = [p for p in pos if refused(p["long"], p["unprompted"], gate, alike)]
            out = [sum(refused(n["long"], n["unprompted"], gate, alike) for n in h) for h in halves]
            line = (f"gate {gate} alike {alike}: phrase spots refused {len(lost)}/{len(pos)}"
                    f" (real {sum(' real ' in p['clip'] for p in lost)}), okay tuning half refused "
                    f"{out[0]}/{len(halves[0])}")
            if args.held:
                line += f", held half {out[1]}/{len(halves[1])}"
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
