#!/usr/bin/env python3
"""Issue 13, branch hear15: where spoken tuning questions are lost, by
condition, and what a light audio front-end before Whisper does to them.

Tuning halves only (tests/data/tuning.tsv and the even dev.tsv questions,
espeak-ng's six conditions; the natural voices' tuning halves, each question
in 2 of 7 conditions). Every clip goes through the app's path for speech
(benchmark_audio._heard/_match, ``heard.understood``).

    # by condition, from the transcript cache (no decode)
    .venv/bin/python scripts/tune_hear15.py --conditions --seed S
    # a front-end before the decode, every 5th clip, decoded afresh
    .venv/bin/python scripts/tune_hear15.py --frontend raw,peak,hp100 --stride 5

``--frontend`` decodes each clip once per variant (kept in
~/.cache/voice/transcripts/hear15-frontend-<isa>.jsonl, so a run stopped part
way goes on where it stopped) by the engine as it is, with the variant
applied to the gated speech just before the decode (where a front-end would
sit in ``WhisperRecognizer.decode``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import (  # noqa: E402
    TranscriptCache,
    _heard,
    _match,
    engine_loaders,
    isa_path,
    pad,
    word_errors,
)
from classify_spoken_misses import tuning_clips  # noqa: E402
from make_spoken_questions import BENCHMARK_VARIANTS, speak  # noqa: E402

from voice.audio.clip import read_wav  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.speech_in.pocketsphinx.corpus import read_labelled  # noqa: E402

DATA = REPO / "tests" / "data"

Item = tuple[str, str, str | None, str, Path]  # set, condition, expected, said, wav


def items(voices: str) -> list[Item]:
    """The tuning halves' clips: (set, condition, expected ids or None, said, WAV)."""
    out: list[Item] = []
    if voices in ("espeak", "all"):
        for v in BENCHMARK_VARIANTS:
            for name, qs in (("tuning", read_labelled(DATA / "tuning.tsv")),
                             ("dev-even", read_labelled(DATA / "dev.tsv")[::2])):
                out += [(name, v.name, q.expected or None, q.text, speak(q.text, v)) for q in qs]
    if voices in ("natural", "all"):
        for where, q, wav in tuning_clips("natural", 2):
            name, cond = where.split("/", 1)
            out.append((f"natural-{name}", cond, q.expected or None, q.text, wav))
    return out


def outcome(matcher: Matcher, t: Any, expected: str | None) -> str:
    r = _match(matcher, _heard(t))
    if not expected:
        return {"no_match": "out-declined", "confirm": "out-offered",
                "answer": "out-answered"}[r.outcome]
    if r.outcome == "no_match":
        return "declined"
    right = r.entry is not None and r.entry.id in expected.split("|")
    return f"{'right' if right else 'wrong'}-{'answer' if r.outcome == 'answer' else 'offer'}"


def line(c: Counter[str], errs: tuple[int, int] | None = None) -> str:
    n_in = sum(c[k] for k in ("right-answer", "right-offer", "wrong-answer", "wrong-offer",
                              "declined"))
    n_out = sum(c[k] for k in ("out-declined", "out-offered", "out-answered"))
    right = c["right-answer"] + c["right-offer"]
    s = (f"right {right:>3}/{n_in:<3} ({100 * right / max(n_in, 1):5.1f}%) "
         f"answered wrong {c['wrong-answer']:>2} offered wrong {c['wrong-offer']:>2} "
         f"declined {c['declined']:>3}  out declined {c['out-declined']:>3}/{n_out:<3} "
         f"(answered {c['out-answered']})")
    if errs:
        s += f"  WER {errs[0] / max(errs[1], 1):.3f}"
    return s


def seeded_cache(kb: Any, seeds: list[str]) -> TranscriptCache:
    """The transcript cache, read with ``seeds`` and their audio scores (as
    tune_spoken_oos.py's ``--seed``); a clip it lacks is decoded."""
    cache = TranscriptCache("whisper", [Path(x).expanduser() for x in seeds])
    for seed in seeds:
        src = Path(seed).expanduser()
        for kind in ("scores", "fits"):
            extra = src.with_name(f"audio-{kind}-{src.name}")
            if not extra.is_file():
                continue
            for raw in extra.read_text(encoding="utf-8").splitlines():
                try:
                    row = json.loads(raw)
                except ValueError:
                    continue
                if kind == "scores":
                    cache._scores.setdefault((row["wav"], row["text"]), float(row["loglik"]))
                else:
                    cache._fits.setdefault((row["wav"], row["text"]),
                                           (float(row["nats"]), int(row["tokens"])))
    cache.loader = engine_loaders(kb)["whisper"]
    return cache


def by_condition(matcher: Matcher, cache: TranscriptCache, voices: str) -> int:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    errs: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for name, cond, expected, said, wav in items(voices):
        if wav.name not in cache._known:
            continue
        t = cache.transcribe(None, pad(read_wav(wav)), wav)
        o = outcome(matcher, t, expected)
        for key in (cond, f"{name} (all)"):
            counts[key][o] += 1
            e, n = word_errors(said, t.text)
            errs[key][0] += e
            errs[key][1] += n
    for key in sorted(counts):
        print(f"  {key:<30} {line(counts[key], tuple(errs[key]))}")  # type: ignore[arg-type]
    return 0


# ---------------------------------------------------------------- front-ends

def _peak(x: np.ndarray, dbfs: float = -1.0) -> np.ndarray:
    """Scaled so its loudest sample is at ``dbfs``."""
    top = float(np.max(np.abs(x))) or 1.0
    return x * (10 ** (dbfs / 20) / top)


def _rms(x: np.ndarray, dbfs: float = -20.0) -> np.ndarray:
    """Scaled to an RMS of ``dbfs`` over its louder half of 20 ms frames,
    the peak held under 0 dBFS."""
    n = len(x) // 320 * 320
    frames = np.sqrt(np.mean(x[:n].reshape(-1, 320) ** 2, axis=1)) if n else np.array([0.0])
    loud = np.sort(frames)[len(frames) // 2:]
    level = float(np.sqrt(np.mean(loud ** 2))) or 1.0
    y = x * (10 ** (dbfs / 20) / level)
    top = float(np.max(np.abs(y))) or 1.0
    return y / top * 0.99 if top > 0.99 else y


def _highpass(x: np.ndarray, hz: float) -> np.ndarray:
    """Frequencies under ``hz`` removed (a raised-cosine edge an octave wide)."""
    spec = np.fft.rfft(x)
    f = np.fft.rfftfreq(len(x), 1 / 16000)
    gain = np.clip((np.log2(np.maximum(f, 1e-3) / (hz / 2))), 0, 1)
    gain = 0.5 - 0.5 * np.cos(np.pi * gain)
    return np.fft.irfft(spec * gain, n=len(x))


FRONTENDS: dict[str, Callable[[np.ndarray], np.ndarray] | None] = {
    "raw": None,
    "peak": _peak,
    "peak-6": lambda x: _peak(x, -6.0),
    "rms-20": _rms,
    "rms-26": lambda x: _rms(x, -26.0),
    "hp100": lambda x: _highpass(x, 100.0),
    "hp200": lambda x: _highpass(x, 200.0),
    "hp300": lambda x: _highpass(x, 300.0),
    "hp400": lambda x: _highpass(x, 400.0),
    "hp100+peak": lambda x: _peak(_highpass(x, 100.0)),
    "quiet-6": lambda x: x * 0.5,
}


def _apply(rec: Any, fn: Callable[[np.ndarray], np.ndarray] | None) -> None:
    """``rec``'s decode sees the gated speech through ``fn``."""
    inner = type(rec)._decode_heard

    def decode_heard(speech: np.ndarray) -> Any:
        if fn is not None and len(speech):
            y = fn(speech.astype(np.float64) / 32768.0)
            speech = np.clip(np.round(y * 32768.0), -32768, 32767).astype(np.int16)
        return inner(rec, speech)

    rec._decode_heard = decode_heard


def frontend(matcher: Matcher, kb: Any, variants: list[str], voices: str, stride: int,
             offset: int, only_in: bool, limit_seconds: float, conds: list[str]) -> int:
    from voice.speech_in.base import Transcript
    from voice.speech_in.whisper.rescoring import WhisperTranscript

    isa = isa_path().replace("=", "-").replace(",", "_") or "default"
    store = (Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "voice"
             / "transcripts" / f"hear15-frontend-{isa}.jsonl")
    known: dict[tuple[str, str], dict[str, Any]] = {}
    if store.is_file():
        for raw in store.read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(raw)
            except ValueError:
                continue
            known[row["variant"], row["wav"]] = row
    todo = [i for i in items(voices) if not (only_in and i[2] is None)
            and (not conds or i[1] in conds)]
    todo = todo[offset::stride]
    rec: Any = None
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    errs: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    changed: list[str] = []
    started = time.time()
    spent: list[float] = []
    for k, (_name, cond, expected, said, wav) in enumerate(todo):
        if limit_seconds and time.time() - started > limit_seconds:
            print(f"stopped after {k} of {len(todo)} clips (--limit-seconds)")
            break
        got: list[str] = []
        heard: list[str] = []
        for v in variants:
            row = known.get((v, wav.name))
            if row is None:
                if rec is None:
                    rec = engine_loaders(kb)["whisper"]()
                _apply(rec, FRONTENDS[v])
                t0 = time.perf_counter()
                t = rec.transcribe(pad(read_wav(wav)))
                spent.append(time.perf_counter() - t0)
                row = {"variant": v, "wav": wav.name, "text": t.text,
                       "confidence": t.confidence, "words": [list(w) for w in t.words],
                       "alternatives": list(t.alternatives)}
                known[v, wav.name] = row
                store.parent.mkdir(parents=True, exist_ok=True)
                with store.open("a", encoding="utf-8") as f:
                    f.write(json.dumps(row) + "\n")
            words = tuple((str(w), float(c)) for w, c in row["words"])
            # No audio kept: the steps that score texts against the audio see
            # none (the same for every variant).
            t = (WhisperTranscript(row["text"], "whisper", row["confidence"],
                                   alternatives=row["alternatives"], words=words, scorer=None)
                 if words else Transcript(row["text"], "whisper", row["confidence"]))
            o = outcome(matcher, t, expected)
            got.append(o)
            heard.append(row["text"])
            for key in ((v, cond), (v, "all")):
                counts[key][o] += 1
                e, n = word_errors(said, row["text"])
                errs[key][0] += e
                errs[key][1] += n
        if len(set(got)) > 1:
            changed.append(f"  [{cond}] {said!r}: " + " | ".join(
                f"{v}: {h.strip()!r} {o}" for v, h, o in zip(variants, heard, got, strict=True)))
    if spent:
        print(f"{len(spent)} decodes, median {np.median(spent):.2f} s")
    conds = sorted({c for _, c in counts}, key=lambda c: (c != "all", c))
    for cond in conds:
        print(cond)
        for v in variants:
            if (v, cond) in counts:
                print(f"  {v:<12} {line(counts[v, cond], tuple(errs[v, cond]))}")  # type: ignore[arg-type]
    print("clips whose outcome changed:")
    print("\n".join(changed))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--conditions", action="store_true")
    ap.add_argument("--seed", action="append", default=[])
    ap.add_argument("--voices", choices=("espeak", "natural", "all"), default="espeak")
    ap.add_argument("--frontend", default="")
    ap.add_argument("--stride", type=int, default=5)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--in-only", action="store_true")
    ap.add_argument("--cond", default="", help="only these comma-separated conditions")
    ap.add_argument("--limit-seconds", type=float, default=0.0)
    ap.add_argument("--beam-sure", action="store_true",
                    help="decode the beam's other hearings of the tuning clips heard "
                         "surely that match nothing")
    ap.add_argument("--beam-heldout", action="store_true",
                    help="the same for the held-out clips (no outcome shown)")
    ap.add_argument("--beam-rule", default="",
                    help="comma-separated SURE_ALTERNATIVES_AGREE settings to compare "
                         "(None for off) on the clips with beams")
    ap.add_argument("--out-stride", type=int, default=2)
    ap.add_argument("--heldout", action="store_true",
                    help="held-out totals, this branch's rules off -> on (run once)")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    kb = load_knowledge([REPO / "content"])
    matcher = Matcher(kb)
    if args.conditions:
        return by_condition(matcher, seeded_cache(kb, args.seed), args.voices)
    if args.beam_sure or args.beam_rule or args.beam_heldout or args.heldout:
        from tune_spoken_oos import items_in_order

        cache = seeded_cache(kb, args.seed)
        clips = [tuple(c) for c in items_in_order()]
        clips.sort(key=lambda c: c[1] is None)  # in scope first
        if args.heldout:
            return heldout_counts(matcher, cache)
        if args.beam_heldout:
            return decode_beams(kb, sure_declined(matcher, cache, heldout_clips(), 1),
                                args.limit_seconds)
        if args.beam_rule:
            settings = [None if x == "None" else int(x) for x in args.beam_rule.split(",")]
            return beam_rule(matcher, cache, clips, settings, args.show)
        return decode_beams(kb, sure_declined(matcher, cache, clips, args.out_stride),
                            args.limit_seconds)
    if args.frontend:
        return frontend(matcher, kb, args.frontend.split(","), args.voices, args.stride,
                        args.offset, args.in_only, args.limit_seconds,
                        [c for c in args.cond.split(",") if c])
    ap.print_help()
    return 2



# ------------------------------------------------- the beam for sure hearings

def beam_store() -> Path:
    isa = isa_path().replace("=", "-").replace(",", "_") or "default"
    return (Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "voice"
            / "transcripts" / f"hear15-beam-{isa}.jsonl")


def read_beams() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    if beam_store().is_file():
        for raw in beam_store().read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(raw)
            except ValueError:
                continue
            out[row["wav"]] = row
    return out


def sure_declined(matcher: Matcher, cache: TranscriptCache, clips: list[tuple[Any, ...]],
                  out_stride: int) -> list[tuple[Any, ...]]:
    """The clips (set, expected, said, wav) heard surely (not doubtful, so no
    alternatives were searched) whose hearing matches nothing; out-of-scope
    ones every ``out_stride``-th."""
    import voice.conversation.heard as H

    # As declined with this branch's rules off (no beam searched meanwhile).
    on = (H.ALTERNATIVES_AGREE, H.SURE_ALTERNATIVES_AGREE)
    H.ALTERNATIVES_AGREE = H.SURE_ALTERNATIVES_AGREE = None
    todo, n_out = [], 0
    for c in clips:
        wav = c[-1]
        if wav.name not in cache._known:
            continue
        t = cache.transcribe(None, pad(read_wav(wav)), wav)
        if not t.words or H.is_doubtful(t):
            continue
        if outcome(matcher, t, c[1]) not in ("declined", "out-declined"):
            continue
        if c[1] is None:
            n_out += 1
            if (n_out - 1) % out_stride:
                continue
        todo.append(c)
    H.ALTERNATIVES_AGREE, H.SURE_ALTERNATIVES_AGREE = on
    return todo


def heldout_clips() -> list[tuple[Any, ...]]:
    """benchmark_audio.py's held-out clips as (set, expected, said, wav): the
    held-out sets before the colloquial ones, out of scope first in each."""
    from tune_spoken_oos import _heldout_sets

    out = []
    for label, spoken in _heldout_sets():
        for sp in spoken:
            exp = "|".join(sorted(sp.expected)) if sp.expected else None
            out.append((label, exp, sp.text, sp.path))
    order = ["espeak-ng held-out", "natural held-out", "espeak-ng colloquial",
             "natural colloquial"]
    return sorted(out, key=lambda c: ("colloquial" in c[0], c[1] is not None,
                                      order.index(c[0])))


def heldout_counts(matcher: Matcher, cache: TranscriptCache) -> int:
    """Totals over the held-out clips in the cache, both rules of this branch
    off (``heard.ALTERNATIVES_AGREE``, ``SURE_ALTERNATIVES_AGREE`` None) and
    as heard.py sets them; a clip heard surely gets the beam kept by
    ``--beam-heldout``. Counts only: no clip is shown."""
    from tune_spoken_oos import _short

    import voice.conversation.heard as H

    on = (H.ALTERNATIVES_AGREE, H.SURE_ALTERNATIVES_AGREE)
    beams = read_beams()
    # A clip with no beam kept is not decoded here: it counts as missing.
    cache.others = lambda *a: []  # type: ignore[method-assign]
    tally: dict[tuple[str, bool], Counter[str]] = defaultdict(Counter)
    have: Counter[str] = Counter()
    missing: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for name, expected, _said, wav in heldout_clips():
        total[name] += 1
        if wav.name not in cache._known:
            continue
        have[name] += 1
        t = cache.transcribe(None, pad(read_wav(wav)), wav)
        row = beams.get(wav.name)
        for k, setting in enumerate(((None, None), on)):
            H.ALTERNATIVES_AGREE, H.SURE_ALTERNATIVES_AGREE = setting
            u = t
            if (k and t.words and not H.is_doubtful(t) and not t.alternatives
                    and row is not None):
                u = type(t)(t.text, t.engine, t.confidence,
                            alternatives=list(row["alternatives"]), words=t.words,
                            scorer=getattr(t, "scorer", None))
            got = outcome(matcher, u, expected)
            if (k and row is None and t.words and not H.is_doubtful(t)
                    and got in ("declined", "out-declined")):
                missing[name] += 1
            tally[name, bool(k)][got] += 1
    H.ALTERNATIVES_AGREE, H.SURE_ALTERNATIVES_AGREE = on
    print("held-out clips in the cache: right entry / answered wrong / offered wrong / "
          f"out of scope declined (answered), off -> ALTERNATIVES_AGREE {on[0]}, "
          f"SURE_ALTERNATIVES_AGREE {on[1]}")
    for name in total:
        print(f"  {name:<22} {have[name]}/{total[name]} clips: {_short(tally[name, False])} -> "
              f"{_short(tally[name, True])}  (heard surely, declined, no beam: {missing[name]})")
    return 0


def decode_beams(kb: Any, todo: list[tuple[Any, ...]], limit_seconds: float) -> int:
    """The beam's other hearings of each clip of ``todo`` (as the engine
    searches them for doubtful hearings), kept in ``beam_store()``."""
    import voice.speech_in.whisper.engine as E

    known = read_beams()
    E._may_offer_others = lambda heard: True
    rec: Any = None
    started, done = time.time(), 0
    for c in todo:
        wav = c[-1]
        if wav.name in known:
            continue
        if limit_seconds and time.time() - started > limit_seconds:
            break
        if rec is None:
            rec = engine_loaders(kb)["whisper"]()
        t = rec.transcribe(pad(read_wav(wav)))
        row = {"wav": wav.name, "text": t.text, "alternatives": list(t.alternatives)}
        known[wav.name] = row
        with beam_store().open("a", encoding="utf-8") as f:
            f.write(json.dumps(row) + "\n")
        done += 1
    print(f"{done} decoded, {sum(1 for c in todo if c[-1].name in known)} of {len(todo)} "
          f"in {beam_store()}")
    return 0


def beam_rule(matcher: Matcher, cache: TranscriptCache, clips: list[tuple[Any, ...]],
              settings: list[int | None], show: bool) -> int:
    """Outcomes of the sure-but-unmatched clips with beams, the rule
    ``heard.SURE_ALTERNATIVES_AGREE`` at each of ``settings``."""
    import voice.conversation.heard as H
    from voice.speech_in.base import Transcript

    beams = read_beams()
    counts: dict[tuple[str, int | None], Counter[str]] = defaultdict(Counter)
    lines, same = [], 0
    for c in clips:
        name, expected, said, wav = c[0], c[1], c[2], c[-1]
        row = beams.get(wav.name)
        if row is None or wav.name not in cache._known:
            continue
        t = cache.transcribe(None, pad(read_wav(wav)), wav)
        same += row["text"] == t.text
        t2 = type(t)(**{**{f: getattr(t, f) for f in ("text", "engine", "confidence", "words")},
                        "alternatives": list(row["alternatives"]),
                        **({"scorer": t.scorer} if hasattr(t, "scorer") else {})})
        got = []
        cache.others = lambda *a: []  # type: ignore[method-assign]
        for k in settings:
            H.SURE_ALTERNATIVES_AGREE = k
            got.append(outcome(matcher, t2 if isinstance(t2, Transcript) else t, expected))
            counts[name, k][got[-1]] += 1
        if len(set(got)) > 1:
            lines.append(f"  {name}: {said!r} heard {t.text!r} alts {row['alternatives'][:3]}: "
                         + " / ".join(got))
    print(f"{same} of the beams' clips heard as in the cache")
    for name in dict.fromkeys(n for n, _ in counts):
        print(f"  {name:<18} " + " -> ".join(line(counts[name, k]) for k in settings))
    if show:
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
