#!/usr/bin/env python3
"""Measure sound-alike readings checked by the audio (voice/conversation/
heard.py ``checked_by_audio``) on the tuning halves only.

Clips: tune_sound_alike.py's espeak-ng tuning halves (tests/data/tuning.tsv
and the even questions of dev.tsv in the six conditions, health-tuning.tsv
in two voices, 120 foreign-tuning.tsv requests in one) and the natural
voices' (tuning.tsv and dev.tsv even, each question in 2 of the 7
conditions, as classify_spoken_misses.py). Whisper's transcripts come from
the transcript cache (``--seed`` adds earlier files whose engine code decodes
the same); a clip whose reading must be checked by the audio is decoded
again once, and its scores kept on disk beside the transcripts.

For each setting of ``heard.AUDIO_MARGIN`` (off, then ``--margins``) and
``sound_alike.HEARD_CLOSE`` (``--close``), prints per set: right entry
(answered or offered first), answered wrong, offered wrong, out of scope
declined; ``--show`` lists every clip whose outcome a setting changed.

    .venv/bin/python scripts/tune_heard_again.py [--margins 1,2,4] [--close 0.7,0.75,0.8] [--show]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import TranscriptCache, _CachedScorer, engine_loaders, pad  # noqa: E402
from classify_spoken_misses import CACHE, tuning_clips  # noqa: E402
from tune_sound_alike import clips, outcome  # noqa: E402

import voice.conversation.heard as heard_module  # noqa: E402
from voice.audio.clip import read_wav  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.matching import sound_alike  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402

KEYS = ("right-answer", "right-offer", "wrong-answer", "wrong-offer", "declined",
        "out-declined", "out-offered", "out-answered")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--margins", default="1,2,3,4")
    ap.add_argument("--close", default="0.75")
    ap.add_argument("--rarity", type=float, default=sound_alike.HEARD_RARITY)
    ap.add_argument("--seed", default="whisper-ccd203283d7decbe.jsonl,"
                    "whisper-4fb27a3fcd34d5e0.jsonl,whisper-40bebcb35b0516d4.jsonl")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--time", type=int, default=0, metavar="N",
                    help="also decode afresh up to N clips that reached the audio check "
                         "(chosen setting) and time understood() with and without it")
    args = ap.parse_args()

    sound_alike.HEARD_RARITY = args.rarity
    kb = load_knowledge([REPO / "content"])
    matcher = Matcher(kb)
    cache = TranscriptCache("whisper", [CACHE / f for f in args.seed.split(",")
                                        if (CACHE / f).is_file()])
    cache.loader = engine_loaders(kb)["whisper"]
    items: list[tuple[str, str | None, str, Path]] = list(clips(6))
    items += [(f"natural-{where.split('/')[0]}", q.expected or None, q.text, wav)
              for where, q, wav in tuning_clips("natural", 2)]
    heard: list[Any] = []
    for _, _, _, wav in items:
        if wav.name not in cache._known:
            raise SystemExit(f"{wav.name} is in no transcript cache; decode it first "
                             "(classify_spoken_misses.py or benchmark_audio.py "
                             "--cached-transcripts)")
        heard.append(cache.transcribe(None, pad(read_wav(wav)), wav))

    settings: list[tuple[str, float | None, float]] = [("off", None, sound_alike.HEARD_CLOSE)]
    for close in (float(c) for c in args.close.split(",")):
        settings += [(f"close {close} margin {m}", float(m), close)
                     for m in args.margins.split(",")]
    before: list[str] = []
    reached: list[str] = []
    real_loglik = _CachedScorer.loglik

    def counted(self: Any, texts: Any) -> list[float]:
        reached.append(self._wav.name)
        return real_loglik(self, texts)

    _CachedScorer.loglik = counted  # type: ignore[method-assign]

    def checked(ids: list[str], margin: float | None) -> int:
        return len(set(ids)) if margin is not None else 0

    for label, margin, close in settings:
        heard_module.AUDIO_MARGIN = margin
        sound_alike.HEARD_CLOSE = close
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        reached.clear()
        changed = []
        for k, ((name, expected, said, _), t) in enumerate(zip(items, heard, strict=True)):
            o = outcome(matcher, t, expected)
            counts[name][o] += 1
            if margin is None:
                before.append(o)
            elif o != before[k]:
                changed.append(f"    {name}: {said!r} heard {t.text!r}: {before[k]} -> {o}")
        print(f"{label}: {checked(reached, margin)} clips reached the audio check")
        for name, c in counts.items():
            n_in = sum(c[k] for k in KEYS[:5])
            n_out = sum(c[k] for k in KEYS[5:])
            print(f"  {name:<22} right {c['right-answer'] + c['right-offer']:>4}/{n_in:<4} "
                  f"answered wrong {c['wrong-answer']:>3} offered wrong {c['wrong-offer']:>3}  "
                  f"out of scope declined {c['out-declined']:>4}/{n_out:<4} "
                  f"(answered {c['out-answered']})")
        if args.show:
            print("\n".join(changed))
    if args.time:
        _timing(kb, matcher, [i for i in items if i[3].name in set(reached)], args.time)
    return 0


def _timing(kb: Any, matcher: Matcher, items: list[Any], n: int) -> None:
    """Decode afresh up to ``n`` of ``items`` (clips whose readings the audio
    checked) and time ``understood`` with and without the check."""
    import statistics
    import time

    from voice.conversation.heard import understood

    rec = engine_loaders(kb)["whisper"]()
    margin = heard_module.AUDIO_MARGIN
    with_check: list[float] = []
    without: list[float] = []
    for _, _, _, wav in items[:n]:
        fresh = rec.transcribe(pad(read_wav(wav)))  # type: ignore[attr-defined]
        for m, out in ((None, without), (margin, with_check)):
            heard_module.AUDIO_MARGIN = m
            start = time.perf_counter()
            understood(fresh, matcher)
            out.append(time.perf_counter() - start)
    heard_module.AUDIO_MARGIN = margin
    if with_check:
        print(f"understood() on {len(with_check)} clips that reach the audio check: median "
              f"{statistics.median(without) * 1000:.0f} ms without it, "
              f"{statistics.median(with_check) * 1000:.0f} ms with it (max "
              f"{max(with_check) * 1000:.0f} ms)")


if __name__ == "__main__":
    raise SystemExit(main())
