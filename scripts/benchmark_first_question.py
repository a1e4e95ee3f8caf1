#!/usr/bin/env python3
"""What the first doubtful spoken question pays for the sound index, with and without the warm-up.

A doubtful spoken question (Whisper unsure of its words) is read for the
content words it sounds like (voice/matching/sound_alike.py), which needs the
CMU dictionary: read once, on first use. The spoken modes read it in the
background once their recognizer is loaded (``sound_alike.warm_up``), while
the user begins to speak. Each run is a fresh process (the dictionary not yet
read) with the real content and matcher; it times ``understood()`` (the step
from what was heard to the text matched) on a question Whisper heard
doubtfully ("what is my as the near grab is": myasthenia gravis, every
word after "is" unsure):

- cold: as before the warm-up, the question pays for the dictionary;
- warmed: the warm-up started at load and done before the question
  (a question takes longer to say than the ~0.3 s it needs).

It also prints the peak memory of each process (VmHWM), and with
``--startup DIR [DIR...]`` the time from start to "Listening..." of
``voice listen`` (default settings, --no-speak --no-cues) on a private
virtual microphone, run from each checkout given, interleaved (e.g. this
commit and the one before, both unpacked with ``git archive`` under /tmp:
on the same filesystem, since imports from /work took ~0.4 s longer here).

    .venv/bin/python scripts/benchmark_first_question.py [--runs N] [--startup DIR [DIR...]]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

ONE_RUN = r'''
import json, sys, time
from pathlib import Path
from voice.app import load_matcher
from voice.config import load
from voice.conversation.heard import understood
from voice.speech_in.base import Transcript

import voice.speech_in.whisper  # noqa: F401  (imported with the recognizer in the real process)

matcher = load_matcher(load(None))
matcher.match("warm the matcher itself up", doubtful=True, heard=True)
if sys.argv[1] == "warmed":
    from voice.matching.sound_alike import warm_up
    warm_up(matcher).join()
words = (("what", 0.9), ("is", 0.9), ("my", 0.3), ("as", 0.2), ("the", 0.5), ("near", 0.3),
         ("grab", 0.3), ("is", 0.4))
heard = Transcript(" ".join(w for w, _ in words), "whisper", words=words)
t = time.perf_counter()
text, doubtful = understood(heard, matcher)
took = time.perf_counter() - t
hwm = [l for l in Path("/proc/self/status").read_text().splitlines() if l.startswith("VmHWM")]
assert doubtful, "not a doubtful question: the sound index is not used"
print(json.dumps({"seconds": took, "text": text, "doubtful": doubtful,
                  "hwm_mb": int(hwm[0].split()[1]) / 1024}))
'''


def first_question(mode: str) -> dict[str, object]:
    out = subprocess.run([sys.executable, "-c", ONE_RUN, mode], cwd=REPO, check=True,
                         capture_output=True, text=True, timeout=300,
                         env=dict(os.environ, PYTHONPATH=str(REPO)))
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def startup(repo: Path) -> float:
    """Seconds from start to "Listening..." of ``voice listen`` run from ``repo``."""
    from voice.audio.virtual_mic import running_virtual_mic

    with running_virtual_mic() as mic:
        env = dict(mic.env, PYTHONPATH=str(repo), VOICE_MODELS_DIR=str(REPO / "models"))
        env.pop("VOICE_CONFIG", None)
        t = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-m", "voice", "listen", "--no-speak",
                                 "--no-cues", "--json"], cwd=repo, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        assert proc.stderr is not None
        took = float("nan")
        for line in proc.stderr:
            if "Listening..." in line:
                took = time.monotonic() - t
                break
        proc.kill()
        proc.wait()
        return took


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--startup", type=Path, nargs="+", default=[],
                    help="checkouts whose `voice listen` start is timed")
    args = ap.parse_args(argv)
    print(f"load average {os.getloadavg()[0]:.1f}", flush=True)
    for mode in ("cold", "warmed"):
        runs = [first_question(mode) for _ in range(args.runs)]
        secs = [float(str(r["seconds"])) for r in runs]
        print(f"{mode}: understood() {statistics.median(secs) * 1000:.0f} ms median "
              f"({', '.join(f'{s * 1000:.0f}' for s in secs)}); peak memory "
              f"{max(float(str(r['hwm_mb'])) for r in runs):.0f} MB; read as {runs[0]['text']!r}",
              flush=True)
    if args.startup:
        sys.path[:0] = [str(REPO)]
        repos = list(args.startup)
        for repo in repos:
            startup(repo.resolve())  # once first: Python's compiled files written
        took: dict[Path, list[float]] = {repo: [] for repo in repos}
        for run in range(args.runs):  # interleaved, each first in turn: load falls on both alike
            for repo in repos[run % len(repos):] + repos[:run % len(repos)]:
                took[repo].append(startup(repo.resolve()))
        for repo, secs in took.items():
            print(f"voice listen start to 'Listening...' from {repo}: "
                  f"{statistics.median(secs):.2f} s median ({', '.join(f'{s:.2f}' for s in secs)})",
                  flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
