#!/usr/bin/env python3
"""The measuring half of scripts/benchmark_pi_emulated.sh (which runs it natively
and inside an arm64 Debian 12 root under qemu-user): one JSON line per run.

    python scripts/benchmark_pi_emulated.py engine whisper|pocketsphinx WAV...
        a fresh process loads the content, then the recognizer as `voice ask --audio`
        does (load_recognizer: digests checked, then the model loaded), transcribes
        and matches each WAV; prints load and decode times (*_s wall, *_cpu_s CPU
        time of all threads, steadier on a loaded machine), the real-time factor,
        what was heard and matched, and this process's peak memory (VmHWM).
    python scripts/benchmark_pi_emulated.py calibrate
        a small CPU benchmark (pure Python and numpy) timed the same way natively
        and emulated, to tell qemu's slowdown apart from the work itself.

Not part of the test suite: under emulation it takes minutes.
"""

from __future__ import annotations

import json
import platform
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def vm_hwm_mb() -> float:
    """Peak resident memory of this process. Under qemu-user this is the qemu
    process's own, so it includes the emulator (see baseline_mb)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024.0
    return float("nan")


def engine(name: str, wavs: list[str]) -> dict[str, object]:
    baseline = vm_hwm_mb()  # the interpreter alone (plus qemu when emulated)
    from voice import config as config_mod
    from voice.app import is_doubtful, query_of
    from voice.audio.clip import read_wav
    from voice.content.loader import load_knowledge
    from voice.matching.matcher import Matcher
    from voice.speech_in.select import load_recognizer

    t0, c0 = time.perf_counter(), time.process_time()
    cfg = config_mod.load(None, {"recognizer": name})
    kb = load_knowledge([str(REPO / "content")])
    matcher = Matcher(kb)
    t1, c1 = time.perf_counter(), time.process_time()
    lines: list[str] = []
    rec = load_recognizer(cfg, announce=lines.append, kb=kb)
    t2, c2 = time.perf_counter(), time.process_time()
    clips: list[dict[str, object]] = []
    audio = decode_total = decode_cpu = 0.0
    for wav in wavs:
        clip = read_wav(wav)
        t, c = time.perf_counter(), time.process_time()
        heard = rec.transcribe(clip)
        decode = time.perf_counter() - t
        decode_cpu += time.process_time() - c
        result = matcher.match(query_of(heard), doubtful=is_doubtful(heard), heard=True)
        entry = result.entry
        audio += clip.duration
        decode_total += decode
        clips.append({"wav": Path(wav).name, "audio_s": round(clip.duration, 2),
                      "decode_s": round(decode, 2), "heard": heard.text,
                      "outcome": result.outcome, "entry": entry.title if entry else None})
    return {"engine": name, "machine": platform.machine(), "announced": lines,
            "content_s": round(t1 - t0, 2), "content_cpu_s": round(c1 - c0, 2),
            "load_s": round(t2 - t1, 2), "load_cpu_s": round(c2 - c1, 2),
            "decode_s_per_clip": round(decode_total / max(len(clips), 1), 2),
            "decode_cpu_s_per_clip": round(decode_cpu / max(len(clips), 1), 2),
            "rtf": round(decode_total / audio, 3) if audio else None,
            "baseline_mb": round(baseline), "peak_mb": round(vm_hwm_mb()), "clips": clips}


def calibrate() -> dict[str, object]:
    import numpy as np

    c = time.process_time()
    total = 0
    for i in range(2_000_000):
        total += i * i % 7
    python_s = time.process_time() - c
    a = np.random.default_rng(0).standard_normal((256, 256)).astype(np.float32)
    c = time.process_time()
    for _ in range(20):
        a = (a @ a.T) / 256.0
    numpy_s = time.process_time() - c
    return {"machine": platform.machine(), "python_loop_cpu_s": round(python_s, 3),
            "numpy_matmul_cpu_s": round(numpy_s, 3), "baseline_mb": round(vm_hwm_mb())}


def main(argv: list[str]) -> int:
    if argv[:1] == ["calibrate"]:
        print(json.dumps(calibrate()))
        return 0
    if len(argv) >= 3 and argv[0] == "engine":
        print(json.dumps(engine(argv[1], argv[2:])))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
