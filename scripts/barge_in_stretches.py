"""Decode barge-in's saved stretches again, prompt by prompt (offline).

Run: ``.venv/bin/python scripts/barge_in_stretches.py DIR [DIR...] [--phase own|pause]
[--each]``

``DIR`` holds what ``scripts/benchmark_barge_in.py --save DIR`` kept: every
stretch Whisper's full decode looked at during an answer, as a 16 kHz WAV,
and index.tsv (phase "own": answers read in full, nobody else speaking, so
any order heard is the assistant's own voice; "pause": answers with another
voice saying "wait", "hold on"... over them). Each stretch is decoded as
barge-in decodes it (``WhisperRecognizer.decode_heard``: the content prompt
and, for a short stretch, the short-reply, command and request prompts, the
surest kept), and after each prompt alone, so it shows which prompt made a
request to wait out of the assistant's own voice, with Whisper's
probabilities for the words.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from voice.audio.barge_in import PAUSE, verdict  # noqa: E402
from voice.audio.clip import read_wav  # noqa: E402


def rows(folders: list[str], phase: str,
         min_db: float = 0.0) -> list[tuple[Path, dict[str, str]]]:
    out = []
    for folder in folders:
        with (Path(folder) / "index.tsv").open() as f:
            for row in csv.DictReader(f, delimiter="\t"):
                if (not phase or row["phase"] == phase) and float(row["clean_db"]) >= min_db:
                    out.append((Path(folder) / row["file"], row))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--phase", default="", help="own or pause (default: both)")
    ap.add_argument("--min-db", type=float, default=0.0,
                    help="only stretches at least this loud after the canceller (dB)")
    ap.add_argument("--each", action="store_true", help="print every stretch, not only orders")
    args = ap.parse_args(argv)

    from voice.content.loader import load_knowledge
    from voice.models.manifest import WHISPER_MODEL
    from voice.speech_in.whisper import WhisperRecognizer
    from voice.speech_in.whisper.decoder import Segment, Word
    from voice.speech_in.whisper.guard import Heard, heard_from
    from voice.speech_in.whisper.short_replies import is_short

    kb = load_knowledge([REPO / "content"])
    whisper = WhisperRecognizer(REPO / "models" / WHISPER_MODEL, kb)
    dec = whisper._decoder
    prompts = {"content": dec.prompt, "short": whisper._short_prompt,
               "command": whisper._command_prompt, "request": whisper._request_prompt}
    counts: dict[str, dict[str, int]] = {}
    for path, row in rows(args.folders, args.phase, args.min_db):
        cache = path.parent / "decodes.jsonl"
        known = {}
        if cache.exists():
            for line in cache.read_text().splitlines():
                d = json.loads(line)
                known[d["file"]] = d
        audio = read_wav(path).samples.reshape(-1)
        if path.name in known:
            d = known[path.name]
            heard = Heard(tuple((w, p) for w, p in d["heard"]))
            per = {name: Segment(s["text"], s["no_speech"], s["avg_logprob"], s["compression"],
                                 tuple(Word(w, p) for w, p in s["words"]))
                   for name, s in d["per"].items()}
        else:
            heard = whisper.decode_heard(audio)
            x = audio.astype(np.float32) / 32768.0
            encoded = dec.encode(x)
            per = {name: dec.generate(encoded, len(x), p) for name, p in prompts.items()}
            with cache.open("a") as f:
                f.write(json.dumps({
                    "file": path.name, "row": row, "heard": list(heard.words),
                    "per": {name: {"text": s.text, "no_speech": s.no_speech_prob,
                                   "avg_logprob": s.avg_logprob,
                                   "compression": s.compression_ratio,
                                   "words": [(w.word, w.probability) for w in s.words]}
                            for name, s in per.items()}}) + "\n")
        now = verdict(heard.text, pause=True)
        c = counts.setdefault(row["phase"], {"stretches": 0, "pause now": 0})
        c["stretches"] += 1
        c["pause now"] += now == PAUSE
        for name, seg in per.items():
            v = verdict(heard_from([seg]).text, pause=True)
            key = f"pause after the {name} prompt alone"
            c[key] = c.get(key, 0) + (v == PAUSE)
        if args.each or now or any(verdict(heard_from([s]).text, pause=True) for s in per.values()):
            print(f"{path.name} ({row['phase']}, {row['clip']}; {float(row['seconds']):.2f} s, "
                  f"voiced {float(row['voiced']):.2f} s, cancelled "
                  f"{float(row['raw_db']) - float(row['clean_db']):.1f} dB, short "
                  f"{is_short(len(audio))}): now "
                  + " ".join(f"{w}:{p:.2f}" for w, p in heard.words) + f" -> {now}")
            for name, seg in per.items():
                print(f"    {name:8s} {seg.text.strip()!r} avg_logprob {seg.avg_logprob:.2f} "
                      f"no_speech {seg.no_speech_prob:.2f} words "
                      + " ".join(f"{w.word.strip()}:{w.probability:.2f}" for w in seg.words))
    for phase, c in counts.items():
        print(f"{phase}: " + ", ".join(f"{k} {v}" for k, v in c.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
