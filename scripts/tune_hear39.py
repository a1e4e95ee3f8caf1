#!/usr/bin/env python3
"""Issue 13, branch hear39: two hearing levers never measured, on tuning halves.

- ``--tempo F``: each question's speech slowed to F of its pace (WSOLA, same
  pitch: voice/speech_in/wake/tempo.py ``faster(speech, F)``) before Whisper hears it,
  where the engine gates it (noise_gate.cleaned), short replies left alone;
- ``--options a,b``: faster-whisper's decode options on the content
  prompt's decode (the shipped beam of 2): ``noblank`` (``suppress_blank``
  off), ``ngram3`` (``no_repeat_ngram_size`` 3) and ``tf-1.0`` / ``tf-0.7``,
  faster-whisper's temperature fallback (a decode whose avg_logprob is under
  the threshold, its ``log_prob_threshold``, or whose compression ratio is
  over 2.4, its ``compression_ratio_threshold``, decoded again by sampling
  at 0.2, 0.4 ... 1.0 until one passes, else the best of them), each clip
  encoded once for all options.

The clips are split_spoken_misses.py's (tuning.tsv and the even dev.tsv
questions, ``--rotate`` conditions each); what the engine heard as it ships
comes from the benchmark's transcript cache (``--seed``: a file whose
engine decodes as this one, checked clip for clip), the lever's hearing is
decoded afresh, both matched by the app's path for speech. Rows go to
``--out`` (a run stopped part way goes on where it stopped); ``--summary``
counts a file's rows.

    python scripts/tune_hear39.py --tempo 0.85 --sets dev-even,tuning --out /tmp/t085.jsonl
    python scripts/tune_hear39.py --options noblank,tf-1.0,tf-0.7 --out /tmp/opt.jsonl
    python scripts/tune_hear39.py --summary /tmp/t085.jsonl [--show]
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import _heard, _match, pad  # noqa: E402
from classify_spoken_misses import (  # noqa: E402
    DATA,
    Hearer,
    engine_loaders,
    seeded_cache,
    tuning_clips,
)
from make_spoken_questions import Variant, speak_many  # noqa: E402

from voice.audio.clip import read_wav  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.speech_in.pocketsphinx.corpus import read_labelled  # noqa: E402
from voice.speech_in.wake.tempo import faster  # noqa: E402
from voice.speech_in.whisper import decoder as D  # noqa: E402
from voice.speech_in.whisper import noise_gate  # noqa: E402

OPTIONS: dict[str, dict[str, Any]] = {
    "noblank": {"suppress_blank": False},
    "ngram3": {"no_repeat_ngram_size": 3},
    "tf-1.0": {"fallback": -1.0},
    "tf-0.7": {"fallback": -0.7},
}
#: faster-whisper's fallback temperatures and compression_ratio_threshold.
TEMPERATURES = (0.2, 0.4, 0.6, 0.8, 1.0)
MAX_COMPRESSION = 2.4


def words_per_second(wav: Path, words: int) -> float:
    """``words`` over the span from the clip's first to its last 20 ms frame
    louder than a tenth of its loudest (the speech, not the silence)."""
    clip = read_wav(wav)
    x = clip.samples.astype(np.float64).reshape(-1)
    n = clip.rate // 50
    e = np.sqrt(np.mean(x[: len(x) // n * n].reshape(-1, n) ** 2, axis=1))
    on = np.nonzero(e > 0.1 * e.max())[0] if len(e) and e.max() > 0 else np.array([0])
    return words / max(0.02, (on[-1] - on[0] + 1) * 0.02)


def fast_clips(voice: str, speed: int, sets: list[str]) -> list[tuple[str, Any, Path]]:
    """The tuning halves said by espeak-ng ``voice`` at ``speed`` words a minute."""
    v = Variant(voice, speed=speed)
    tsv = {"tuning": read_labelled(DATA / "tuning.tsv"),
           "dev-even": read_labelled(DATA / "dev.tsv")[::2]}
    out: list[tuple[str, Any, Path]] = []
    for name in sets:
        qs = tsv[name]
        out += [(f"{name}/{v.name}@{speed}", q, w)
                for q, w in zip(qs, speak_many([q.text for q in qs], v), strict=True)]
    return out


def repeats(text: str) -> bool:
    """Whether ``text`` says a run of two words twice (what
    ``no_repeat_ngram_size`` 3 can change: a hearing repeating no run of
    three tokens is the same with it)."""
    w = text.lower().split()
    pairs = list(itertools.pairwise(w))
    return len(pairs) != len(set(pairs))


def outcome(result: Any, expected: str) -> str:
    """``right/answer``, ``wrong/confirm``, ``declined``...; out of scope the
    matcher's outcome (``no_match``, ``confirm``, ``answer``)."""
    if not expected:
        return str(result.outcome)
    if result.outcome == "no_match" or result.entry is None:
        return "declined"
    return ("right" if result.entry.id in expected.split("|") else "wrong") + "/" + result.outcome


class OptionDecoder:
    """The content prompt's decode with ``self.option``'s options (the other
    prompts' decodes and the alternatives' beam as shipped), the encoding
    of the clip under way shared between options."""

    def __init__(self, rec: Any) -> None:
        self.option: dict[str, Any] = {}
        self.fell_back = False
        dec = rec._decoder
        inner = dec.encode
        memo: dict[str, Any] = {}

        def encode(audio: np.ndarray, *a: Any) -> Any:
            k = hashlib.sha1(np.ascontiguousarray(audio).tobytes()).hexdigest() + repr(a)
            if k not in memo:
                memo.clear()
                memo[k] = inner(audio, *a)
            return memo[k]

        dec.encode = encode
        shipped = D.WindowDecoder._generate
        me = self

        def generate(self: Any, encoded: Any, samples: int, prompt_tokens: list[int],
                     **options: Any) -> Any:
            if (not me.option or not options.get("return_no_speech_prob")
                    or prompt_tokens != self._prompt_tokens):
                return shipped(self, encoded, samples, prompt_tokens, **options)
            return me.generate(self, encoded, samples, prompt_tokens, **options)

        D.WindowDecoder._generate = generate  # type: ignore[method-assign]

    def generate(self, dec: Any, encoded: Any, samples: int, prompt_tokens: list[int],
                 **options: Any) -> Any:
        import ctranslate2
        from faster_whisper.transcribe import get_compression_ratio

        m, v = dec._model, self.option
        prompt = dec._prompt(prompt_tokens)
        budget = D.MIN_TOKENS + int(D.TOKENS_PER_SECOND * samples / 16000)
        base = {"max_length": min(m.max_length, len(prompt) + budget), "return_scores": True,
                "suppress_blank": v.get("suppress_blank", True),
                "suppress_tokens": dec._suppress}
        extra = {k: v[k] for k in ("no_repeat_ngram_size",) if k in v}
        result = m.model.generate(encoded, [prompt], **base, **extra, **options)[0]
        below = v.get("fallback")
        if below is None:
            return result

        def judged(r: Any) -> tuple[float, bool]:
            ids = list(r.sequences_ids[0])
            avg = r.scores[0] * len(ids) / (len(ids) + 1)
            ratio = get_compression_ratio(dec._tokenizer.decode(ids).strip() or " ")
            return avg, avg >= below and ratio <= MAX_COMPRESSION

        avg, passes = judged(result)
        if passes:
            return result
        self.fell_back = True
        best, best_avg = result, avg
        for t in TEMPERATURES:
            ctranslate2.set_random_seed(0)
            r = m.model.generate(encoded, [prompt], **base, beam_size=1, sampling_topk=0,
                                 sampling_temperature=t, return_no_speech_prob=True)[0]
            a, ok = judged(r)
            if ok:
                return r
            if a > best_avg:
                best, best_avg = r, a
        return best


def run(args: argparse.Namespace) -> int:
    kb = load_knowledge([REPO / "content"])
    matcher = Matcher(kb)
    hear = Hearer(kb, seeded_cache(kb, args.seed))
    rec: Any = engine_loaders(kb)["whisper"]()
    names = args.options.split(",") if args.options else [f"tempo{args.tempo:g}"]
    opt = OptionDecoder(rec) if args.options else None
    shipped_gate = noise_gate.cleaned

    def slowed(speech: np.ndarray, short: bool) -> np.ndarray:
        s = shipped_gate(speech, short)
        return s if short else faster(s, args.tempo)

    out = Path(args.out)
    done = ({(json.loads(x)["wav"], json.loads(x)["variant"]) for x in out.open()}
            if out.exists() else set())
    sets = args.sets.split(",")
    clips = (fast_clips(args.fast_voice, args.fast, sets) if args.fast else
             [c for c in tuning_clips(args.voices, args.rotate) if c[0].split("/")[0] in sets])
    with out.open("a", encoding="utf-8") as f:
        for where, q, wav in clips[::args.stride]:
            if args.repeats and wav.name not in hear.cache._known:
                continue  # a bound from what was heard: the cache's clips only
            t0 = hear(wav)
            if args.repeats and not repeats(t0.text):
                continue
            o0 = outcome(_match(matcher, _heard(t0)), q.expected or "")
            for n in names:
                if (wav.name, n) in done:
                    continue
                if opt is not None:
                    opt.option, opt.fell_back = OPTIONS[n], False
                else:
                    noise_gate.cleaned = slowed
                try:
                    t1 = rec.transcribe(pad(read_wav(wav)))
                finally:
                    noise_gate.cleaned = shipped_gate
                    if opt is not None:
                        opt.option = {}
                o1 = outcome(_match(matcher, _heard(t1)), q.expected or "")
                f.write(json.dumps({
                    "wav": wav.name, "variant": n, "where": where, "said": q.text,
                    "in": bool(q.expected), "fell": bool(opt and opt.fell_back),
                    "heard0": t0.text, "heard1": t1.text, "o0": o0, "o1": o1,
                    "wps": words_per_second(wav, len(q.text.split()))}) + "\n")
                f.flush()
    print(f"{len(clips[::args.stride])} clips; {hear.decoded} decoded as shipped "
          "(not in the cache)")
    return 0


def summary(path: Path, show: bool) -> int:
    """As shipped (``o0``) against each variant (``o1``), by tuning half."""
    rows = [json.loads(x) for x in path.open()]
    c: Counter[tuple[str, str, str]] = Counter()

    def add(s: str, k: str, r: dict[str, Any], o: str) -> None:
        if r["in"]:
            c[s, k, "in"] += 1
            c[s, k, o.split("/")[0]] += 1
            c[s, k, "wrong answered"] += o == "wrong/answer"
        else:
            c[s, k, "out"] += 1
            c[s, k, "out declined"] += o == "no_match"
            c[s, k, "out answered"] += o == "answer"

    seen: set[str] = set()
    for r in rows:
        s = r["where"].split("/")[0]
        if r["wav"] not in seen:
            seen.add(r["wav"])
            add(s, "shipped", r, r["o0"])
        add(s, r["variant"], r, r["o1"])
        c[s, r["variant"], "fell back"] += r["fell"]
    print("| tuning half | variant | right entry | wrong first (answered) | declined "
          "| out of scope declined (answered) | fell back | hearings changed |")
    print("|---|---|---|---|---|---|---|---|")
    for s in dict.fromkeys(r["where"].split("/")[0] for r in rows):
        for k in ("shipped", *dict.fromkeys(r["variant"] for r in rows)):
            changed = sum(r["heard0"] != r["heard1"] for r in rows
                          if r["variant"] == k and r["where"].startswith(s + "/"))
            print(f"| {s} | {k} | {c[s, k, 'right']} / {c[s, k, 'in']} "
                  f"| {c[s, k, 'wrong']} ({c[s, k, 'wrong answered']}) | {c[s, k, 'declined']} "
                  f"| {c[s, k, 'out declined']} / {c[s, k, 'out']} ({c[s, k, 'out answered']}) "
                  f"| {c[s, k, 'fell back'] if k != 'shipped' else ''} "
                  f"| {changed if k != 'shipped' else ''} |")
    if show:
        for r in rows:
            if r["o0"] != r["o1"]:
                print(f"{r['variant']} {r['where']}: said {r['said']!r}, heard {r['heard0']!r} -> "
                      f"{r['heard1']!r}: {r['o0']} -> {r['o1']}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--voices", choices=("espeak", "natural"), default="espeak")
    ap.add_argument("--rotate", type=int, default=1)
    ap.add_argument("--sets", default="dev-even,tuning")
    ap.add_argument("--stride", type=int, default=1)
    ap.add_argument("--seed", default="whisper-240d1daf86081019.jsonl",
                    help="transcript cache files (~/.cache/voice/transcripts) whose engine "
                         "decodes as this one does")
    ap.add_argument("--tempo", type=float, default=0.0, help="speech slowed to this pace")
    ap.add_argument("--options", default="", help="comma-separated: " + ",".join(OPTIONS))
    ap.add_argument("--fast", type=int, default=0, metavar="WPM",
                    help="the tuning halves said by espeak-ng at WPM words a minute instead "
                         "(not in the cache: decoded as shipped too)")
    ap.add_argument("--fast-voice", default="en-us")
    ap.add_argument("--repeats", action="store_true",
                    help="only clips whose shipped hearing says a run of two words twice")
    ap.add_argument("--out", default="")
    ap.add_argument("--summary", default="")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    if args.summary:
        return summary(Path(args.summary), args.show)
    if not args.out or not (args.tempo or args.options):
        raise SystemExit("--out with --tempo F or --options a,b (or --summary FILE)")
    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())
