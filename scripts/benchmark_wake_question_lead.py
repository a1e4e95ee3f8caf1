"""Where the question after the wake phrase should start (micro.QUESTION_LEAD).

Real people's "okay nabu" (tests/data/real/wake) followed ``--gaps`` seconds
later by a question go through the wake detector as `voice listen` loads it
(the network, its spots checked by Whisper), in process; the question is
decoded by Whisper from ``--leads`` seconds before the network's peak.
Counts only: word errors and the first word right, per gap and lead.

    CT2_FORCE_CPU_ISA=AVX2 ONEDNN_MAX_CPU_ISA=AVX2 nice -n 10 .venv/bin/python \
        scripts/benchmark_wake_question_lead.py --set espeak --leads 0,0.1,0.2,0.3,0.45  # tuning
    ... --set real --sentences 5 --leads 0,0.2 --gaps 0,0.25                              # held out

``espeak``: the three questions of benchmark_wake_question.py (tuning);
``real``: real people's read sentences, tests/data/real/sentences (held out).
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from benchmark_wake_question import CLIPS, QUESTIONS, REAL, espeak, trimmed_phrase  # noqa: E402

from voice.audio.clip import RECOGNIZER_RATE, AudioClip, read_wav  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", choices=("espeak", "real"), default="espeak")
    ap.add_argument("--leads", default="0,0.2,rule",
                    help="seconds before the peak; 'rule': where `voice listen` starts it")
    ap.add_argument("--gaps", default="0,0.25")
    ap.add_argument("--sentences", type=int, default=5)
    args = ap.parse_args(argv)
    from rapidfuzz.distance import Levenshtein

    from voice.content.loader import load_knowledge
    from voice.matching.normalize import clean
    from voice.models.manifest import WHISPER_MODEL
    from voice.speech_in.wake.confirm import load_confirmer
    from voice.speech_in.wake.micro import QUESTION_LEAD, load_micro
    from voice.speech_in.wake.said_again import without_leading_phrase
    from voice.speech_in.whisper import WhisperRecognizer

    rate = RECOGNIZER_RATE
    kb = load_knowledge([REPO / "content"])
    rec = WhisperRecognizer(REPO / "models" / WHISPER_MODEL, kb)
    det = load_micro("okay nabu", confirmer=load_confirmer("okay nabu"))
    det.question_lead = 0.0  # the peak itself; the leads are applied here
    leads: list[float | str] = [x if x == "rule" else float(x) for x in args.leads.split(",")]
    gaps = [float(x) for x in args.gaps.split(",")]
    said: list[tuple[str, np.ndarray]] = []
    if args.set == "espeak":
        folder = Path(tempfile.mkdtemp(prefix="wake-lead-"))
        said = [(q[0], espeak(folder, q[0], q[2], q[3])) for q in QUESTIONS]
    else:
        with open(REPO / "tests/data/real/manifest.tsv", encoding="utf-8") as f:
            rows = [r for r in csv.DictReader(f, delimiter="\t") if r["set"] == "sentences"]
        for r in rows[::max(1, len(rows) // args.sentences)][:args.sentences]:
            pcm = read_wav(REPO / "tests/data/real" / r["file"]).resampled(rate).samples
            pcm = pcm.reshape(-1)
            loud = np.flatnonzero(np.abs(pcm.astype(np.int32)) > 1000)
            said.append((r["transcript"], pcm[int(loud[0]):]))
    totals: dict[tuple[float, float | str], list[int]] = {}
    missed = 0
    for text, question in said:
        for clip in CLIPS:
            phrase = trimmed_phrase(REAL / f"okay_nabu_{clip}.wav")
            for gap in gaps:
                quiet = np.zeros(rate, np.int16)
                pcm = np.concatenate([quiet, phrase, np.zeros(int(gap * rate), np.int16),
                                      question, quiet])
                det.reset()
                start = None
                for i in range(0, len(pcm), 480):
                    if det.feed(pcm[i:i + 480]):
                        start = i + 480 - int(det.after * rate)  # the peak
                        det.question_lead = QUESTION_LEAD
                        ruled = det._question_start(np.concatenate(list(det._recent)),
                                                    det.fed - det._recent_len, start)
                        det.question_lead = 0.0
                        break
                if start is None:
                    missed += 1
                    continue
                for lead in leads:
                    begin = ruled if lead == "rule" else start - int(float(lead) * rate)
                    heard = rec.transcribe(AudioClip(pcm[max(0, begin):], rate, 1))
                    words = clean(without_leading_phrase(heard, "okay nabu").text).split()
                    ref = clean(text).split()
                    t = totals.setdefault((gap, lead), [0, 0, 0, 0])
                    t[0] += Levenshtein.distance(ref, words)
                    t[1] += len(ref)
                    t[2] += words[:1] == ref[:1]
                    t[3] += 1
    for (gap, lead), (errs, n, first, pairs) in sorted(totals.items(), key=str):
        print(f"gap {gap:g} s, lead {lead} s: word errors {errs} of {n} (WER {errs / n:.3f}),"
              f" first word right {first} of {pairs}")
    print(f"phrases that did not wake: {missed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
