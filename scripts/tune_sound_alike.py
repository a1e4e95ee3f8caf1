#!/usr/bin/env python3
"""Measure the sound-alike repair of misheard words (voice/matching/sound_alike.py)
on the tuning halves only, through the app's path for speech.

Clips (espeak-ng, scripts/make_spoken_questions.py, cached): every clip of
tests/data/tuning.tsv in the six conditions, the even-numbered questions of
tests/data/dev.tsv (colloquial; the odd ones are never looked at here) in the
six conditions, tests/data/health-tuning.tsv in two voices and 120 requests
of tests/data/foreign-tuning.tsv in one. Whisper's transcripts come from
benchmark_audio's TranscriptCache (~/.cache/voice/transcripts). Every
transcript goes through benchmark_audio._match (query_of, is_doubtful,
voice.app.understood, Matcher.match heard=True), with the sound-alike repair
on and off, and the script prints per set: right entry (answered or offered
first), answered outright right / wrong, offered wrong; out of scope
declined / answered outright.

    .venv/bin/python scripts/tune_sound_alike.py [--dump SET] [--variants N]

``--dump tuning`` also prints every tuning.tsv clip whose outcome the repair
changed, and every one still missed (tuning half only).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import TranscriptCache, _heard, _match, pad  # noqa: E402
from make_spoken_questions import BENCHMARK_VARIANTS as V  # noqa: E402
from make_spoken_questions import speak  # noqa: E402
from tune_whisper_confidence import FOREIGN, _LazyWhisper  # noqa: E402

import voice.matching.sound_alike as sound_alike  # noqa: E402
from voice.audio.clip import read_wav  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.speech_in.pocketsphinx.corpus import read_labelled  # noqa: E402

DATA = REPO / "tests" / "data"


def clips(variants: int) -> list[tuple[str, str | None, str, Path]]:
    """(set, expected entry ids or None, text said, WAV) of the tuning halves."""
    out: list[tuple[str, str | None, str, Path]] = []
    for v in V[:variants]:
        out += [("tuning", q.expected or None, q.text, speak(q.text, v))
                for q in read_labelled(DATA / "tuning.tsv")]
        out += [("dev-even", q.expected or None, q.text, speak(q.text, v))
                for q in read_labelled(DATA / "dev.tsv")[::2]]
    for v in (V[0], V[-1]):
        out += [("health-tuning", None, q.text, speak(q.text, v))
                for q in read_labelled(DATA / "health-tuning.tsv")]
    foreign = read_labelled(DATA / "foreign-tuning.tsv")
    out += [("foreign-tuning", None, q.text, speak(q.text, V[0]))
            for q in foreign[:: max(1, len(foreign) // FOREIGN)][:FOREIGN]]
    return out


def outcome(matcher: Matcher, t: Any, expected: str | None) -> str:
    """right-answer, right-offer, wrong-answer, wrong-offer, declined (in scope);
    declined, offered, answered (out of scope)."""
    r = _match(matcher, _heard(t))
    if not expected:
        return {"no_match": "out-declined", "confirm": "out-offered",
                "answer": "out-answered"}[r.outcome]
    if r.outcome == "no_match":
        return "declined"
    right = r.entry is not None and r.entry.id in expected.split("|")
    return f"{'right' if right else 'wrong'}-{'answer' if r.outcome == 'answer' else 'offer'}"


def summary(counts: dict[str, Counter[str]]) -> str:
    parts = []
    for name, k in counts.items():
        n_out = sum(v for key, v in k.items() if key.startswith("out-"))
        n = sum(k.values()) - n_out
        if n_out:
            parts.append(f"{name} out declined {k['out-declined']}/{n_out} "
                         f"({k['out-answered']} answered)")
        if n:
            right = k["right-answer"] + k["right-offer"]
            parts.append(f"{name} right {right}/{n} ({k['right-answer']} answered, "
                         f"{k['wrong-answer']} answered wrong, {k['wrong-offer']} offered wrong)")
    return "; ".join(parts)


def grid(rows: list[tuple[str, str | None, str, Any]], matcher: Matcher) -> None:
    """One line per setting: right entries and out-of-scope offered/answered, summed
    over the in-scope sets and over the out-of-scope clips of every set."""
    import itertools

    chosen = (sound_alike.CLOSE, sound_alike.TARGET_RARITY, sound_alike.RESTORE_RARITY,
              sound_alike.OFFER_SCORE)
    print("CLOSE TARGET_RARITY RESTORE_RARITY OFFER_SCORE: tuning right, dev-even right, "
          "answered wrong, out of scope not declined (chosen first)")
    for setting in (chosen, *itertools.product((0.8, 0.85, 0.9), (4.0, 4.5, 5.0),
                                                (4.5, 5.0, 99.0), (0.0, 70.0, 80.0))):
        (sound_alike.CLOSE, sound_alike.TARGET_RARITY, sound_alike.RESTORE_RARITY,
         sound_alike.OFFER_SCORE) = setting
        matcher._sound_alike = None
        k: Counter[str] = Counter()
        for name, exp, _said, t in rows:
            o = outcome(matcher, t, exp)
            if o.startswith("right"):
                k[f"{name} right"] += 1
            k["wrong"] += o == "wrong-answer"
            k["out"] += o in ("out-offered", "out-answered")
        print(f"{' '.join(f'{v:g}' for v in setting):<18} tuning {k['tuning right']} "
              f"dev {k['dev-even right']} wrong {k['wrong']} out {k['out']}", flush=True)
    (sound_alike.CLOSE, sound_alike.TARGET_RARITY, sound_alike.RESTORE_RARITY,
     sound_alike.OFFER_SCORE) = chosen
    matcher._sound_alike = None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--variants", type=int, default=len(V), help="conditions (max 6)")
    ap.add_argument("--dump", default=None, help="print changed and missed clips of this set")
    ap.add_argument("--grid", action="store_true",
                    help="also try other CLOSE, TARGET_RARITY, RESTORE_RARITY, OFFER_SCORE")
    args = ap.parse_args()
    kb = load_knowledge([REPO / "content"])
    cache, rec = TranscriptCache("whisper"), _LazyWhisper(kb)
    rows = [(name, exp, said, cache.transcribe(rec, pad(read_wav(wav)), wav))
            for name, exp, said, wav in clips(args.variants)]
    matcher = Matcher(kb)
    results: dict[bool, list[str]] = {}
    for on in (False, True):
        sound_alike.ENABLED = on
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        got = []
        for name, exp, _said, t in rows:
            o = outcome(matcher, t, exp)
            counts[name][o] += 1
            got.append(o)
        results[on] = got
        print(f"sound-alike {'on ' if on else 'off'}: {summary(counts)}", flush=True)
    if args.grid:
        grid(rows, matcher)
    if args.dump:
        for i, (name, exp, said, t) in enumerate(rows):
            before, after = results[False][i], results[True][i]
            if not exp and before != after:
                print(f"OUT\t{before}->{after}\t{name}\t{said}\t{t.text}\t"
                      f"{' '.join(f'{w}:{c:.2f}' for w, c in t.words)}")
            if name != args.dump or not exp:
                continue
            if before != after or not after.startswith("right"):
                sound_alike.ENABLED = True
                r = _match(matcher, _heard(t))
                mark = "CHANGED" if before != after else "missed"
                print(f"{mark}\t{before}->{after}\t{exp}\t{said}\t{t.text}\t"
                      f"{' '.join(f'{w}:{c:.2f}' for w, c in t.words)}\t"
                      f"{r.entry.id if r.entry else '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
