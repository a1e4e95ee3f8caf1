#!/usr/bin/env python3
"""Why spoken in-scope questions are missed, tuning sets only.

Clips: tests/data/tuning.tsv and the even-numbered questions of
tests/data/dev.tsv (its tuning half; the odd ones are never read here), in
the espeak-ng conditions (all six) and the natural voices (each question in
``--rotate`` of the seven). Whisper's transcripts come from the benchmark's
transcript cache (``--seed`` adds earlier cache files whose engine code
decodes the same); a clip found in none is decoded.

Each in-scope clip whose right entry is neither answered nor offered first
is put in one cause class, by the question's content words (stemmed,
``normalize.content_tokens``) missing from the whole transcript:

- ``a`` transcript fine (no content word lost), matcher wrong: split into
  ``a-typed`` (the exact question typed is missed too), ``a-dropped`` (a
  content word was heard but left out as unsure by ``query_of``) and
  ``a-match`` (the rest);
- ``b`` one content word misheard, the rest heard (at most ``--few`` word
  errors in all: "acute puncture" for acupuncture is two);
- ``c`` many words lost: two or more content words, or more word errors;

and by outcome: ``declined`` (d: nothing answered or offered) or ``wrong``
(a wrong entry answered or offered first). For the rescoring lever it also
counts misses whose right entry is among the matcher's first ``--top``
candidates of what was matched, of the whole transcript, or of any of the
decoder's alternatives.

    .venv/bin/python scripts/classify_spoken_misses.py [--voices espeak|natural] [--show a,b]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import (  # noqa: E402
    TranscriptCache,
    _heard,
    _match,
    _said_in,
    engine_loaders,
    pad,
    word_errors,
)
from make_spoken_questions import VOICE_SETS, speak_many  # noqa: E402

from voice.audio.clip import read_wav  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.matching import normalize  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.speech_in.pocketsphinx.corpus import read_labelled  # noqa: E402

DATA = REPO / "tests" / "data"
CACHE = Path.home() / ".cache" / "voice" / "transcripts"


def content_stems(text: str) -> Counter[str]:
    return Counter(normalize.content_tokens(normalize.clean(text)))


def lost_words(said: str, heard: str) -> int:
    """How many of ``said``'s content words (with repeats) ``heard`` lacks."""
    return sum((content_stems(said) - content_stems(heard)).values())


def seeded_cache(kb: Any, seeds: str) -> TranscriptCache:
    """Whisper's transcripts cached in ``seeds`` (comma-separated file names
    under CACHE; absent ones skipped), decoding afresh what they lack."""
    cache = TranscriptCache("whisper", [CACHE / f for f in seeds.split(",")
                                        if f and (CACHE / f).is_file()])
    # A reading checked by the audio (heard.AUDIO_MARGIN) decodes its clip again.
    cache.loader = engine_loaders(kb)["whisper"]
    return cache


class Hearer:
    """What Whisper heard of a clip: from the transcript cache, else decoded
    (tiny.en loaded at the first clip the cache lacks), counting the decodes."""

    def __init__(self, kb: Any, cache: TranscriptCache) -> None:
        self.kb, self.cache = kb, cache
        self.rec: Any = None
        self.decoded = 0

    def __call__(self, wav: Path) -> Any:
        if wav.name not in self.cache._known:
            if self.rec is None:
                self.rec = engine_loaders(self.kb)["whisper"]()
            self.decoded += 1
        return self.cache.transcribe(self.rec, pad(read_wav(wav)), wav)


def tuning_clips(voices: str, rotate: int) -> list[tuple[str, Any, Any]]:
    """(set name, labelled question, WAV) for the tuning halves in ``voices``."""
    return clips_of({"tuning": read_labelled(DATA / "tuning.tsv"),
                     "dev-even": read_labelled(DATA / "dev.tsv")[::2]}, voices, rotate)


def clips_of(sets: dict[str, list[Any]], voices: str, rotate: int) -> list[tuple[str, Any, Any]]:
    """(set name/voice, labelled question, WAV) for each of ``sets``' questions
    said in the voices of ``voices`` (each in one of them, turn about, with
    ``rotate``; see benchmark_audio._said_in)."""
    variants = VOICE_SETS[voices]
    out = []
    for name, items in sets.items():
        for j, v in enumerate(variants):
            said = [q for i, q in enumerate(items) if _said_in(i, j, len(variants), rotate)]
            for q, wav in zip(said, speak_many([q.text for q in said], v), strict=True):
                out.append((f"{name}/{v.name}", q, wav))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--voices", choices=("espeak", "natural"), default="espeak")
    ap.add_argument("--rotate", type=int, default=None,
                    help="each question in N conditions (default: 0 = all for espeak, 2 natural)")
    ap.add_argument("--seed", default="whisper-ccd203283d7decbe.jsonl,"
                    "whisper-4fb27a3fcd34d5e0.jsonl,whisper-40bebcb35b0516d4.jsonl",
                    help="earlier cache files (names in ~/.cache/voice/transcripts) whose "
                         "engine code decodes as this one does")
    ap.add_argument("--top", type=int, default=3)
    ap.add_argument("--few", type=int, default=2,
                    help="most word errors of a clip that lost one content word to count as b")
    ap.add_argument("--show", default="", help="comma-separated classes to list clip by clip")
    args = ap.parse_args()
    rotate = args.rotate if args.rotate is not None else (0 if args.voices == "espeak" else 2)

    kb = load_knowledge([REPO / "content"])
    matcher = Matcher(kb)
    hear = Hearer(kb, seeded_cache(kb, args.seed))
    typed_ok: dict[str, bool] = {}
    counts: Counter[tuple[str, str]] = Counter()
    top: Counter[str] = Counter()
    shown: list[str] = []
    show = set(args.show.split(",")) - {""}
    for where, q, wav in tuning_clips(args.voices, rotate):
        setname = where.split("/")[0]
        t = hear(wav)
        h = _heard(t)
        r = _match(matcher, h)
        if not q.expected:
            counts[setname, "out"] += 1
            counts[setname, "out declined"] += r.outcome == "no_match"
            continue
        want = frozenset(q.expected.split("|"))
        counts[setname, "in"] += 1
        if r.outcome != "no_match" and r.entry is not None and r.entry.id in want:
            counts[setname, "right"] += 1
            continue
        if q.text not in typed_ok:
            m = matcher.match(q.text)
            typed_ok[q.text] = m.outcome != "no_match" and m.entry is not None \
                and m.entry.id in want
        lost = lost_words(q.text, t.text)
        if lost == 0:
            if not typed_ok[q.text]:
                cause = "a-typed"
            elif lost_words(q.text, h.text) > 0:
                cause = "a-dropped"
            else:
                cause = "a-match"
        else:
            errors, _ = word_errors(" ".join(normalize.clean(q.text).split()), t.text)
            cause = "b" if lost == 1 and errors <= args.few else "c"
            counts[where, cause] += 1
        outcome = "declined" if r.outcome == "no_match" else "wrong"
        counts[setname, cause] += 1
        counts[setname, f"{cause} {outcome}"] += 1
        counts[setname, outcome] += 1
        ranked = {c.entry.id for c in matcher.rank(h.text, args.top)}
        whole = {c.entry.id for c in matcher.rank(t.text, args.top)}
        alts = {c.entry.id for a in t.alternatives for c in matcher.rank(a, args.top)}
        top[f"{setname} in top-{args.top} of what was matched"] += bool(ranked & want)
        top[f"{setname} ... or of the whole transcript"] += bool((ranked | whole) & want)
        top[f"{setname} ... or of an alternative"] += bool((ranked | whole | alts) & want)
        top[f"{setname} {cause} {outcome} right in any top-{args.top}"] += bool(
            (ranked | whole | alts) & want)
        if cause[0] in show or cause in show:
            shown.append(f"{cause:<9} {outcome:<8} {where:<36} said {q.text!r}\n"
                         f"{'':18} heard {' '.join(f'{w}:{c:.2f}' for w, c in t.words)}\n"
                         f"{'':18} matched {h.text!r}{' (doubtful)' if h.doubtful else ''} -> "
                         f"{r.outcome} {r.entry.id if r.entry else '-'} (want {q.expected})"
                         + (f"\n{'':18} alternatives {t.alternatives}" if t.alternatives else ""))
    print(f"Whisper tiny.en, {args.voices} voices, rotate {rotate} (0 = every condition); "
          f"{hear.decoded} clips decoded, the rest from the cache")
    classes = ("a-typed", "a-dropped", "a-match", "b", "c")
    for setname in ("tuning", "dev-even"):
        c = {k[1]: v for k, v in counts.items() if k[0] == setname}
        missed = c.get("in", 0) - c.get("right", 0)
        print(f"{setname}: {c.get('right', 0)} / {c.get('in', 0)} right entry; {missed} missed "
              f"({c.get('declined', 0)} declined = d, {c.get('wrong', 0)} wrong entry first); "
              f"out of scope declined {c.get('out declined', 0)} / {c.get('out', 0)}")
        for k in classes:
            print(f"  {k:<10} {c.get(k, 0):>4}  (declined {c.get(k + ' declined', 0):>3}, "
                  f"wrong first {c.get(k + ' wrong', 0):>3}; right entry in some top-{args.top}: "
                  f"declined {top[f'{setname} {k} declined right in any top-{args.top}']}, "
                  f"wrong {top[f'{setname} {k} wrong right in any top-{args.top}']})")
        for k in ("in top-", "... or of the whole", "... or of an alternative"):
            for key, v in top.items():
                if key.startswith(setname + " " + k):
                    print(f"  right entry {key[len(setname) + 1:]}: {v} of {missed}")
    print("c (many words lost) by condition:")
    for (where, k), v in sorted(counts.items()):
        if k == "c" and "/" in where:
            print(f"  {where:<40} {v}")
    for line in shown:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
