"""Offline: is a "stop" said over an answer taken for an emergency, and an
emergency cry for "stop"? (branch barge37, docs/barge-in.md session 31)

No sound server: the bench of tests/test_barge_in.py (an espeak-ng answer,
its echo at half level 50 ms late, real libspeexdsp), another voice added at
a random moment 1-5 s in, fed block by block as the microphone feeds it.
Two figures per clip:

* **each stretch's full decode** (the decode that prints "by the full
  decode"): every whole stretch barge-in cut that holds the other voice is
  decoded by Whisper as barge-in's judge does, and taken for "stop", an
  emergency, a pause, or nothing (what ``BargeIn.judge`` would make of it
  if the stop-word model and the quick look had both missed it: the race
  aside);
* **the verdict**: what barge-in stopped the answer for, with the quick look
  and the full decode (``--spotter``: and the stop-word model), as
  ``voice listen`` runs them (a damaged stop-word model: without it).

Run: ``python scripts/barge_stop_or_emergency.py --stops tuning|espeak
--cries tuning|session23 [--spotter] [--seed N]``. Real "stop"s: only the
tuning half (scripts/real_stop_words.py) unless ``--stops held-out`` (counts
only). Cries: tests/data/emergencies-tuning.txt in three espeak-ng voices, or
session 23's two ("help, I can't breathe", "I have chest pain").
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
for p in (REPO, REPO / "scripts"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from voice.audio import barge_in as bi  # noqa: E402
from voice.audio.clip import read_wav  # noqa: E402

RATE = 16000
BLOCK = 320
#: The bench's answer (tests/test_barge_in.py ANSWER) and a longer one.
ANSWERS = (
    "Yes. Assistive devices, such as braces, wheelchairs, or adaptive utensils, improve "
    "mobility and independence, making daily tasks easier and safer.",
    "Physical therapy helps maintain mobility, strengthen muscles and reduce stiffness. A "
    "therapist can design a programme of gentle exercises that suit your condition.",
)
CRY_VOICES = (("en-us+m3", 150), ("en+f3", 150), ("en-gb-x-rp+f2", 130))
SESSION23 = ("help, I can't breathe", "I have chest pain")


def speech(folder: Path, text: str, voice: str, rate: int = 150) -> np.ndarray:
    wav = folder / f"{voice}-{rate}-{abs(hash(text))}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(wav), text],
                   check=True, timeout=30)
    return read_wav(wav).resampled(RATE).samples.reshape(-1)


def bench(own: np.ndarray, text: str, other: np.ndarray, at: float, confirmer: Any,
          quick: Any, spotter: Any, fresh: bool = False) -> tuple[str | None, str, Any]:
    """tests/test_barge_in.py's _run: the verdict, what took it, the BargeIn."""
    from voice.audio.echo import EchoReference

    reference = EchoReference()
    reference.enabled = True
    reference.begin(RATE)
    reference.played(own, at=0.0)
    reference.said(text, 0.0, len(own) / RATE)
    delay = 800
    echo = np.concatenate([np.zeros(delay), own[:-delay]]) * 0.5
    mic = echo.copy()
    i = int(at * RATE)
    mic[i : i + len(other)] += other[: len(mic) - i]
    mic16 = np.clip(mic, -32768, 32767).astype(np.int16)
    barge = bi.BargeIn(confirmer, reference=reference, quick=quick, spotter=spotter)
    barge.stretches = []
    barge.keep_figures = True
    if spotter is not None:
        spotter.reset()
    canceller = barge.canceller()
    # Converged, as in a session (the canceller is kept from answer to
    # answer): the answer's echo alone once through it, output dropped.
    echo16 = echo.astype(np.int16)
    for k in range(0, 0 if fresh else len(own) - BLOCK, BLOCK):
        canceller.process(echo16[k : k + BLOCK], own[k : k + BLOCK])
    try:
        for k in range(0, len(own) - BLOCK, BLOCK):
            clean = canceller.process(mic16[k : k + BLOCK], own[k : k + BLOCK])
            heard = barge.hear(mic16[k : k + BLOCK], clean, k / RATE)
            if heard is not None:
                return heard, barge.taken_by, barge
        return None, "", barge
    finally:
        barge.close()


def reading(whisper: Any, audio: np.ndarray, quick: Any = None,
            spotter: Any = None) -> tuple[str, str, str]:
    """What barge-in's judge makes of a stretch's full decode: ("stop" /
    "emergency" / "pause" / "wake" / "-", the text, what the engine's own
    choice was when the emergency decode was taken over it, and the
    witnesses: the quick look's p(stop) as first word, the stop-word model's
    peak over the stretch fed alone)."""
    from voice.matching.emergency import is_emergency

    witness = ""
    if quick is not None:
        look = quick.look(audio)
        witness += f"quick {look.text.strip()!r} p(stop) {look.stop_probability:.3f}"
    if spotter is not None:
        spotter.reset()
        peak = 0.0
        for k in range(0, len(audio) - BLOCK + 1, BLOCK):
            spotter.feed(audio[k : k + BLOCK])
            peak = max(peak, max(spotter.recent, default=0.0))
        witness += f" model {peak:.2f}"
    decoded = whisper.decode_heard(audio)
    text = decoded.text
    heard = bi.verdict(text, "", True)
    if heard == bi.PAUSE and not bi.pause_agreed(decoded.prompted):
        heard = None
    if heard is None and is_emergency(text):
        heard = bi.EMERGENCY
    instead = getattr(decoded, "instead_of", None)
    return (heard or "-", text, (f"instead of {instead!r}; " if instead is not None else "")
            + witness)


def run(clips: list[tuple[str, np.ndarray]], whisper: Any, quick: Any, spotter: Any,
        rng: random.Random, folder: Path, show: bool, fresh: bool = False,
        witness: Any = None, readings_too: bool = True) -> None:
    answers = [(a, speech(folder, a, "en-us")) for a in ANSWERS]
    stretch_counts: Counter[str] = Counter()
    clip_counts: Counter[str] = Counter()
    verdicts: Counter[str] = Counter()
    lever_counts: Counter[str] = Counter()
    for name, other in clips:
        text, own = answers[rng.randrange(len(answers))]
        at = rng.uniform(1.0, min(5.0, len(own) / RATE - len(other) / RATE - 0.5))
        # The stretches alone, nothing stopping the answer (no confirmer, no quick look).
        cut = bench(own, text, other, at, None, None, None, fresh)[2] if readings_too else None
        end = at + len(other) / RATE
        readings = []
        for st in (cut.stretches or []) if cut is not None else []:
            if st.end > at and st.start < end:
                readings.append(reading(whisper, st.audio, quick, witness))
        for r, _, _ in readings:
            stretch_counts[r] += 1
        kinds = {r for r, _, _ in readings}
        clip_counts["emergency" if "emergency" in kinds else "stop" if "stop" in kinds
                    else "pause" if "pause" in kinds else "-"] += 1
        heard, by, barge = bench(own, text, other, at, whisper, quick, spotter, fresh)
        doubted = " + the short line" if barge.maybe_emergency else ""
        verdicts[f"{heard} ({by}){doubted}" if heard else "not stopped"] += 1
        # Session 32's levers, on the reading that was taken (the last one noted).
        levers = ([n for n in barge.emergency_levers if n[0] == barge.order_text][-1:]
                  if heard == bi.EMERGENCY else [])
        for _, _, phrase, echo in levers:
            if phrase:
                lever_counts["(a) prompt phrase alone"] += 1
            if echo >= bi.NEAR_NCC:
                lever_counts["(b) echo only"] += 1
        if show:
            print(f"  {name} at {at:.1f} s: stretches "
                  + "; ".join(f"{r} {t!r} ({i})" for r, t, i in readings)
                  + f" | verdict {heard}{doubted} ({by}"
                  + "".join(f"; levers: {t!r} own {o!r} phrase {a} ncc {e:.2f}"
                            for t, o, a, e in barge.emergency_levers)
                  + "".join(f"; {d.by} {d.text!r} {d.order}" for d in barge.decoded
                            if d.by == "full decode")
                  + ")", flush=True)
    n = len(clips)
    print(f"{n} clips. Full decode of the stretches holding the voice: {dict(stretch_counts)}; "
          f"per clip (any stretch): {dict(clip_counts)}", flush=True)
    print(f"  verdicts (quick look + full decode{' + stop-word model' if spotter else ''}): "
          f"{dict(verdicts)}", flush=True)
    print(f"  emergency verdicts each lever would doubt (session 32): {dict(lever_counts)}",
          flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--stops", choices=("tuning", "held-out", "espeak", "none"), default="tuning")
    ap.add_argument("--cries", choices=("tuning", "session23", "none"), default="none")
    ap.add_argument("--spotter", action="store_true", help="the stop-word model too")
    ap.add_argument("--seed", type=int, default=31)
    ap.add_argument("--fresh", action="store_true",
                    help="a canceller that has heard nothing yet (the assistant's residual "
                         "voice left in the stretches, as under load); default: converged")
    ap.add_argument("--no-doubt", action="store_true",
                    help="barge_in.STOP_OR_EMERGENCY off (as before session 31)")
    ap.add_argument("--verdicts-only", action="store_true",
                    help="only the verdicts (not each stretch's full decode): half the decodes")
    ap.add_argument("--lever", choices=("a", "b", "none"), default="none",
                    help="session 32's doubt on: (a) the emergency prompt's own phrase "
                         "alone, (b) the echo alone (default: neither; each is counted)")
    ap.add_argument("--repeat", type=int, default=1, help="each clip at this many moments")
    args = ap.parse_args(argv)
    bi.STOP_OR_EMERGENCY = not args.no_doubt
    bi.DOUBT_PROMPT_PHRASE = args.lever == "a"
    bi.DOUBT_ECHO_ONLY = args.lever == "b"

    from benchmark_barge_in import stop_clips

    from voice.content.loader import load_knowledge
    from voice.models.manifest import WHISPER_MODEL
    from voice.speech_in.wake.quick_stop import load_quick_stop
    from voice.speech_in.whisper import WhisperRecognizer

    kb = load_knowledge([REPO / "content"])
    whisper = WhisperRecognizer(REPO / "models" / WHISPER_MODEL, kb)
    quick = load_quick_stop(REPO / "models" / WHISPER_MODEL)
    spotter = None
    if args.spotter:
        from voice.speech_in.wake.stop_word import load_stop_spotter

        spotter, problem = load_stop_spotter(check="hiss")
        if spotter is None:
            print(problem)
            return 1
    from voice.speech_in.wake.stop_word import load_stop_spotter as _load

    witness = _load(check="hiss")[0]  # the stop-word model's peak per stretch, offline
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.stops != "none":
            clips = [(n, read_clip(s, r)) for n, s, r in stop_clips(folder, args.stops)
                     for _ in range(args.repeat)]
            print(f"'stop' ({args.stops}):", flush=True)
            run(clips, whisper, quick, spotter, rng, folder, show=args.stops != "held-out",
                fresh=args.fresh, witness=witness,
                readings_too=not args.verdicts_only)
        if args.cries != "none":
            lines = (SESSION23 if args.cries == "session23" else
                     [ln.strip() for ln in (REPO / "tests/data/emergencies-tuning.txt")
                      .read_text().splitlines() if ln.strip() and not ln.startswith("#")])
            cries = [(f"{t!r} {v}", speech(folder, t, v, r))
                     for t in lines for v, r in CRY_VOICES for _ in range(args.repeat)]
            print(f"cries ({args.cries}):", flush=True)
            run(cries, whisper, quick, spotter, rng, folder, show=True, fresh=args.fresh,
                witness=witness, readings_too=not args.verdicts_only)
    return 0


def read_clip(samples: np.ndarray, rate: int) -> np.ndarray:
    """A clip at 16 kHz, float, as the bench adds it to the echo."""
    if rate == RATE:
        return samples.astype(np.float64)
    import soxr

    return soxr.resample(samples.astype(np.float32), rate, RATE).astype(np.float64)


if __name__ == "__main__":
    raise SystemExit(main())
