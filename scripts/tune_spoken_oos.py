#!/usr/bin/env python3
"""Which step offers an entry to a spoken out-of-scope request, tuning halves only.

Clips: tune_heard_again.py's (espeak-ng tuning.tsv and the even dev.tsv
questions in the six conditions, health-tuning.tsv in two voices, 120
foreign-tuning.tsv requests in one; the natural voices' tuning.tsv and
dev.tsv even, each question in 2 of 7 conditions), out-of-scope clips
first. Whisper's transcripts come from the transcript cache; a clip found
in none is decoded, and the audio scores its steps ask for are taken from
that same decode (kept on disk beside the transcripts), so no clip is
decoded twice.

Every clip goes through the app's path for speech (benchmark_audio._match,
``heard.understood``), and the step that made its outcome is traced:
``alternative`` (the beam's other hypotheses), ``sound-alike``
(``offered_reading``), ``repair`` (non-words read as content words, or a
doubted word put back), ``checked`` (readings checked by the audio),
``asked`` (the content's own questions, checked by the audio), ``plain``
(what was heard, matched). ``--dump FILE`` writes one JSON line per clip
(what was heard with word probabilities, the step, its scores, the outcome)
for the analysis. ``--compare``, ``--heldout`` and ``--real`` measure the
floor on the hearing's confidence below which the content's own questions
are not offered (``heard.ASKED_FLOOR``), off -> on (``--floors`` several).

    .venv/bin/python scripts/tune_spoken_oos.py [--dump /tmp/oos.jsonl]
    .venv/bin/python scripts/tune_spoken_oos.py --compare --floors 0.3,0.4,0.5 --show
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import TranscriptCache, _heard, _match, engine_loaders, pad  # noqa: E402
from classify_spoken_misses import tuning_clips  # noqa: E402
from make_spoken_questions import speak  # noqa: E402
from tune_sound_alike import DATA, clips  # noqa: E402

import voice.conversation.heard as H  # noqa: E402
from voice.audio.clip import read_wav  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.speech_in.pocketsphinx.corpus import read_labelled  # noqa: E402

#: The heard.py constant measured off -> on (--constant).
CONSTANT = "ASKED_FLOOR"

KEYS = ("right-answer", "right-offer", "wrong-answer", "wrong-offer", "declined",
        "out-declined", "out-offered", "out-answered")


def items_in_order() -> list[tuple[str, str | None, str, Path]]:
    """tune_heard_again.py's clips, out of scope first, and espeak-ng's
    conditions 1, 3, 5, 2, 4, 6 in turn with the other sets after the first
    three: any prefix is a fair sample, so the analysis can start before
    every clip is decoded."""
    from make_spoken_questions import BENCHMARK_VARIANTS as V

    everything = clips(6)
    cond: dict[Path, int] = {}
    for k, v in enumerate(V):
        for q in read_labelled(DATA / "tuning.tsv") + read_labelled(DATA / "dev.tsv")[::2]:
            cond.setdefault(speak(q.text, v), k)
    items: list[tuple[str, str | None, str, Path]] = list(everything)
    items += [(f"natural-{where.split('/')[0]}", q.expected or None, q.text, wav)
              for where, q, wav in tuning_clips("natural", 2)]

    def rank(i: tuple[str, str | None, str, Path]) -> tuple[bool, int]:
        if i[0] in ("tuning", "dev-even"):
            order = (0, 3, 1, 4, 2, 5)[cond.get(i[3], 0)]
            return (i[1] is not None, order if order < 3 else order + 1)
        return (i[1] is not None, 3)

    return sorted(items, key=rank)


def step_of(t: Any, matcher: Matcher) -> tuple[str, str, bool, dict[str, Any]]:
    """(step, text matched, doubtful, details) as ``heard.understood`` decides."""
    from voice.matching.sound_alike import offered_reading
    from voice.speech_in.whisper.alternatives import offered_alternative

    text, doubtful = H.query_of(t), H.is_doubtful(t)
    info: dict[str, Any] = {}
    other = H.other_subject_heard(t, matcher)
    if other is not None:
        return "other-subject", other, True, info
    done: tuple[str, str] | None = None
    if t.alternatives and (doubtful or not H.ALTERNATIVES_WHEN_DOUBTFUL):
        alt = offered_alternative(t, text, doubtful, matcher)
        if alt is not None:
            done = ("alternative", alt)
            info["alt_rank"] = list(t.alternatives).index(alt)
    if done is None and doubtful and t.words:
        alike = offered_reading(t.words, text, matcher, H.sure_word_for(t.engine),
                                H.surely_heard(t))
        if alike is not None:
            done = ("sound-alike", alike)
    if done is None and t.words:
        rep = H._repaired_or_kept(t, text, matcher)
        if rep is not None:
            done = ("repair", rep)
    if done is not None:
        return done[0], done[1], True, info
    if not t.words:
        return "plain", text, doubtful, info
    checked = H.checked_by_audio(t, text, doubtful, matcher)
    if checked is not None:
        return "checked", checked, True, info
    asked = H.asked_by_audio(t, text, doubtful, matcher)
    if asked is not None:
        scorer = t.scorer
        said, fit = scorer.fits([t.text, asked])
        info["asked_rel"] = fit.per_token - said.per_token
        info["said_per_token"] = said.per_token
        return "asked", asked, True, info
    return "plain", text, doubtful, info


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dump", default="")
    ap.add_argument("--out-only", action="store_true", help="only the out-of-scope clips")
    ap.add_argument("--compare", action="store_true",
                    help="instead: every clip already in the cache, with "
                         "heard.ASKED_FLOOR off and at each of --floors (no decode); "
                         "--show lists the clips it changes")
    ap.add_argument("--floors", default="",
                    help="comma-separated values of heard.ASKED_FLOOR to measure "
                         "(default: heard.py's own)")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--heldout", action="store_true",
                    help="instead: benchmark_audio.py's held-out clips already in the cache, "
                         "the floor off -> on, totals only (no clip is shown)")
    ap.add_argument("--real", action="store_true",
                    help="instead: real people's recordings (benchmark_real_requests.py's "
                         "146 clips, none a question the content answers), each decoded "
                         "once, the floor off -> on, aggregates per set and half")
    ap.add_argument("--sets", default="",
                    help="only these comma-separated sets (tuning, dev-even, health-tuning, "
                         "foreign-tuning, natural-tuning, natural-dev-even)")
    ap.add_argument("--in-only", action="store_true",
                    help="only the in-scope clips, in a fixed random order (any prefix a "
                         "fair sample)")
    ap.add_argument("--decode-heldout", action="store_true",
                    help="instead: only decode benchmark_audio.py's held-out clips into the "
                         "transcript cache (with the audio scores the app's path asks for), "
                         "printing no figure, so the one held-out run needs no decode")
    ap.add_argument("--constant", default="ASKED_FLOOR",
                    help="the constant of voice/conversation/heard.py that --compare, "
                         "--heldout and --real turn off (None) and set to --floors "
                         "(several, comma-separated: together; OTHER_SUBJECT,UNSPELT_SUBJECT) "
                         "(OFFER_WORD: the floor on an offer's surest word)")
    ap.add_argument("--seed", action="append", default=[],
                    help="an earlier transcript cache file of code that decodes these clips "
                         "as this one does (benchmark_audio.TranscriptCache seeds; e.g. "
                         "~/.cache/voice/transcripts/whisper-c46768efe434836d.jsonl, main "
                         "before session 12's emergency prompt, which only short urgent "
                         "utterances use): read, never written")
    ap.add_argument("--cached-only", action="store_true",
                    help="with --dump: only clips already in the cache (no decode)")
    args = ap.parse_args()
    global CONSTANT
    CONSTANT = args.constant

    kb = load_knowledge([REPO / "content"])
    matcher = Matcher(kb)
    cache = TranscriptCache("whisper", [Path(x).expanduser() for x in args.seed])
    for seed in args.seed:  # its audio scores too
        for kind in ("scores", "fits"):
            src = Path(seed).expanduser()
            extra_path = src.with_name(f"audio-{kind}-{src.name}")
            if extra_path.is_file():
                for line in extra_path.read_text(encoding="utf-8").splitlines():
                    try:
                        row = json.loads(line)
                    except ValueError:
                        continue
                    if kind == "scores":
                        cache._scores.setdefault((row["wav"], row["text"]), float(row["loglik"]))
                    else:
                        cache._fits.setdefault((row["wav"], row["text"]),
                                               (float(row["nats"]), int(row["tokens"])))
    cache.loader = engine_loaders(kb)["whisper"]
    fresh: dict[int, Any] = {}
    real_scorer = cache._scorer

    def scorer(rec: Any, clip: Any) -> Any:
        got = fresh.get(id(clip))
        return got if got is not None else real_scorer(rec, clip)

    cache._scorer = scorer  # type: ignore[method-assign]
    if args.decode_heldout:
        return _decode_heldout(cache, matcher, fresh)
    floors: list[float | None] = [float(f) for f in args.floors.split(",") if f]
    floors = floors or [getattr(H, CONSTANT.split(",")[0])]
    if args.compare:
        return _compare(cache, matcher, floors, args.show)
    if args.real:
        return _real(kb, floors[0])
    if args.heldout:
        return _heldout(cache, matcher, floors[0])
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    steps: Counter[tuple[str, str]] = Counter()
    dump = Path(args.dump).open("w", encoding="utf-8") if args.dump else None  # noqa: SIM115
    decoded = 0
    todo = items_in_order()
    if args.in_only:
        import random

        todo = [i for i in todo if i[1] is not None]
        random.Random(13).shuffle(todo)
    for name, expected, said, wav in todo:
        if (args.out_only and expected is not None) or (
                args.sets and name not in args.sets.split(",")) or (
                args.cached_only and wav.name not in cache._known):
            continue
        clip = pad(read_wav(wav))
        if wav.name not in cache._known:
            cache._read()
        if wav.name not in cache._known:
            if cache._engine is None:
                cache._engine = cache.loader()
            t0 = cache.transcribe(cache._engine, clip, wav)
            fresh.clear()
            fresh[id(clip)] = getattr(t0, "scorer", None)
            decoded += 1
        t = cache.transcribe(None, clip, wav)
        r = _match(matcher, _heard(t))
        step, text, _doubtful, info = step_of(t, matcher)
        if not expected:
            o = {"no_match": "out-declined", "confirm": "out-offered",
                 "answer": "out-answered"}[r.outcome]
        elif r.outcome == "no_match":
            o = "declined"
        else:
            right = r.entry is not None and r.entry.id in expected.split("|")
            o = f"{'right' if right else 'wrong'}-{'answer' if r.outcome == 'answer' else 'offer'}"
        counts[name][o] += 1
        steps[o, step] += 1
        fresh.clear()
        if dump:
            dump.write(json.dumps({
                "set": name, "expected": expected, "said": said, "wav": wav.name,
                "heard": t.text, "words": [list(w) for w in t.words],
                "alternatives": list(t.alternatives), "query": H.query_of(t),
                "doubtful_heard": H.is_doubtful(t), "step": step, "matched": text,
                "outcome": o, "entry": r.entry.id if r.entry else None,
                "score": r.score, "cands": [(c.entry.id, c.score) for c in r.candidates[:3]],
                **info}) + "\n")
            dump.flush()
    print(f"{decoded} clips decoded, the rest from the cache ({cache.path})")
    for name, c in counts.items():
        n_in = sum(c[k] for k in KEYS[:5])
        n_out = sum(c[k] for k in KEYS[5:])
        print(f"  {name:<22} right {c['right-answer'] + c['right-offer']:>4}/{n_in:<4} "
              f"answered wrong {c['wrong-answer']:>3} offered wrong {c['wrong-offer']:>3}  "
              f"out of scope declined {c['out-declined']:>4}/{n_out:<4} "
              f"(answered {c['out-answered']})")
    print("outcome by step:")
    for (o, s), v in sorted(steps.items()):
        print(f"  {o:<14} {s:<12} {v}")
    return 0


def _set(value: float | None) -> None:
    """Every constant of --constant (comma-separated: measured together) to ``value``."""
    for name in CONSTANT.split(","):
        setattr(H, name, value)


def _short(c: Counter[str]) -> str:
    """One set's counts in a line: right/in-scope, answered wrong, offered
    wrong, out of scope declined/out of scope (answered)."""
    n_in = sum(c[k] for k in KEYS[:5])
    n_out = sum(c[k] for k in KEYS[5:])
    return (f"{c['right-answer'] + c['right-offer']}/{n_in} {c['wrong-answer']} "
            f"{c['wrong-offer']} {c['out-declined']}/{n_out} ({c['out-answered']})")


def _outcome(matcher: Matcher, t: Any, expected: str | None) -> str:
    r = _match(matcher, _heard(t))
    if not expected:
        return {"no_match": "out-declined", "confirm": "out-offered",
                "answer": "out-answered"}[r.outcome]
    if r.outcome == "no_match":
        return "declined"
    right = r.entry is not None and r.entry.id in expected.split("|")
    return f"{'right' if right else 'wrong'}-{'answer' if r.outcome == 'answer' else 'offer'}"


def _compare(cache: TranscriptCache, matcher: Matcher, floors: list[float | None],
             show: bool) -> int:
    """Outcomes per set of every tuning clip in the cache, heard.ASKED_FLOOR
    off and at each of ``floors``."""
    settings: list[float | None] = [None, *floors]
    counts: dict[tuple[str, float | None], Counter[str]] = defaultdict(Counter)
    changed: list[str] = []
    cache._read()
    for name, expected, said, wav in items_in_order():
        if wav.name not in cache._known:
            continue
        t = cache.transcribe(None, pad(read_wav(wav)), wav)
        got = []
        for floor in settings:
            _set(floor)
            got.append(_outcome(matcher, t, expected))
            counts[name, floor][got[-1]] += 1
        if len(set(got)) > 1:
            changed.append(f"  {name}: {said!r} heard {t.text!r} (mean word probability "
                           f"{t.confidence or 0:.2f}): " + " / ".join(got))
    print("tuning clips in the cache: right entry / answered wrong / offered wrong / "
          f"out of scope declined (answered), heard.{CONSTANT} "
          + " -> ".join(str(f) for f in settings))
    for name in dict.fromkeys(n for n, _ in counts):
        print(f"  {name:<22} " + " -> ".join(f"{_short(counts[name, f]):<26}" for f in settings))
    if show:
        print("\n".join(changed))
    return 0


def _real(kb: Any, floor: float | None) -> int:
    """Real people's clips, each decoded once: declined / offered / answered
    outright with heard.ASKED_FLOOR off and at ``floor``, per set and half."""
    import benchmark_real_requests as real

    clips_ = [*real.requests(), *real.read_sentences(), *real.health_speech()]
    rec: Any = engine_loaders(kb)["whisper"]()
    tally: dict[tuple[str, str, bool], Counter[str]] = defaultdict(Counter)
    for c in clips_:
        said = rec.transcribe(real.padded(c.path))
        for on in (False, True):
            _set(floor if on else None)
            got = real.assistant(kb).handle_heard(said, source=c.path.name)
            tally[c.set, c.half, on][got["outcome"]] += 1
    print(f"{len(clips_)} real clips: declined / offered / answered outright, "
          f"heard.{CONSTANT} None -> {floor}")
    for (s, h, on), t in sorted(tally.items()):
        if not on:
            o = tally[s, h, True]
            print(f"  {s:<14} {h:<9} {sum(t.values()):>3} clips: "
                  f"{t['no_match']}/{t['confirm']}/{t['answer']} -> "
                  f"{o['no_match']}/{o['confirm']}/{o['answer']}"
                  + (f" (other outcomes {dict(t - Counter(no_match=t['no_match'], confirm=t['confirm'], answer=t['answer']))})"  # noqa: E501
                     if set(t) - {"no_match", "confirm", "answer"} else ""))
    return 0


def _heldout_sets() -> list[tuple[str, list[Any]]]:
    from benchmark_audio import COLLOQUIAL, HELDOUT, _spoken_set
    from make_spoken_questions import VOICE_SETS

    return [("espeak-ng held-out", _spoken_set(VOICE_SETS["espeak"], None, HELDOUT)),
            ("natural held-out", _spoken_set(VOICE_SETS["natural"], None, HELDOUT, 2)),
            ("espeak-ng colloquial", _spoken_set(VOICE_SETS["espeak"], None, COLLOQUIAL)),
            ("natural colloquial", _spoken_set(VOICE_SETS["natural"], None, COLLOQUIAL, 2))]


def _heldout(cache: TranscriptCache, matcher: Matcher, floor: float | None) -> int:
    """Totals over the held-out clips in the cache, heard.ASKED_FLOOR off and
    at ``floor``."""
    cache._read()
    print("held-out clips in the cache (of all): right entry answered or offered first / "
          f"answered wrong / offered wrong / out of scope declined (answered), "
          f"heard.{CONSTANT} None -> {floor}")
    for label, spoken in _heldout_sets():
        have = [s for s in spoken if s.path.name in cache._known]
        counts: dict[bool, Counter[str]] = defaultdict(Counter)
        for s in have:
            t = cache.transcribe(None, pad(read_wav(s.path)), s.path)
            exp = "|".join(sorted(s.expected)) if s.expected else None
            for on in (False, True):
                _set(floor if on else None)
                counts[on][_outcome(matcher, t, exp)] += 1
        parts = []
        for on in (False, True):
            parts.append(_short(counts[on]))
        print(f"  {label:<22} {len(have)}/{len(spoken)} clips: {parts[0]} -> {parts[1]}")
    return 0


def _decode_heldout(cache: TranscriptCache, matcher: Matcher, fresh: dict[int, Any]) -> int:
    """Decode the held-out clips of benchmark_audio.py (espeak-ng, six
    conditions; natural voices, --rotate 2; out of scope first) into the
    cache and run each through the app's path so its audio scores are kept;
    no outcome is looked at."""
    sets = [spoken for _, spoken in _heldout_sets()]
    todo = [s for k, spoken in enumerate(sets) for s in spoken
            if k < 2 and s.expected is None]
    todo += [s for k, spoken in enumerate(sets) for s in spoken
             if not (k < 2 and s.expected is None)]
    decoded = 0
    for s in todo:
        clip = pad(read_wav(s.path))
        cache._read()
        if s.path.name in cache._known:
            continue
        if cache._engine is None:
            cache._engine = cache.loader() if cache.loader else None
        t0 = cache.transcribe(cache._engine, clip, s.path)
        fresh.clear()
        fresh[id(clip)] = getattr(t0, "scorer", None)
        _match(matcher, _heard(cache.transcribe(None, clip, s.path)))
        fresh.clear()
        decoded += 1
        if decoded % 50 == 0:
            print(f"{decoded} decoded", flush=True)
    print(f"{decoded} held-out clips decoded into {cache.path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
