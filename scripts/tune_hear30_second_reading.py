#!/usr/bin/env python3
"""A second reading of a spoken question that the app declines, tuning halves
only, on cached Whisper transcripts (no decoding; the audio checks of
heard.py are not re-run for the new readings, so every reading here is an
offer the audio was not asked about).

Variants, each tried only when the app's path (``benchmark_audio._match``)
answers and offers nothing, and each only ever offered:

- ``whole``: every word Whisper wrote, however unsurely (the sure-word
  filter and the repairs of ``heard.understood`` skipped);
- ``alts``: Whisper's alternatives (kept only for doubtful hearings), in
  order, the first that matches;
- ``everyday@C``: one run of 1-3 unsure words (below sound_alike.UNSURE, not
  function words, not content words) read as the everyday word of
  synonyms.py it sounds like at phone similarity C or more ("moods" ->
  boots, "lockdown" -> rub down), the rare content words' repair
  (sound_alike.py) extended to the words the matcher folds onto content.

A reading is offered when it matches an entry at sound_alike.OFFER_SCORE or
more. Counted: right entries gained, wrong entries offered, out-of-scope
clips offered.

    .venv/bin/python scripts/tune_hear30_second_reading.py --rotate 1
    .venv/bin/python scripts/tune_hear30_second_reading.py --rotate 0 --seed F1,F2 --cached-only
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import _heard, _match, engine_loaders, pad  # noqa: E402
from classify_spoken_misses import seeded_cache, tuning_clips  # noqa: E402

from voice.audio.clip import read_wav  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.content.model import KnowledgeBase  # noqa: E402
from voice.conversation import heard  # noqa: E402
from voice.matching import normalize, sound_alike, synonyms  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.speech_in.base import Transcript  # noqa: E402


def everyday_words() -> list[str]:
    """The single words synonyms.py folds onto content (and its canonical words)."""
    words = set(synonyms.GROUPS)
    for group in synonyms.GROUPS.values():
        words.update(w for w in group if " " not in w)
    words.update(w for w in synonyms.WORDS if " " not in w)
    return sorted(w for w in words if w.isalpha())


def everyday_reader(matcher: Matcher, close: float) -> Callable[[Transcript], list[str]]:
    index = sound_alike.SoundAlike(everyday_words())

    def readings(t: Transcript) -> list[str]:
        toks = [(w, c) for word, c in t.words for w in normalize.clean(word).split()]
        found: dict[str, float] = {}
        for i in range(len(toks)):
            for n in range(1, min(sound_alike.MAX_JOIN, len(toks) - i) + 1):
                run = toks[i:i + n]
                said = [c for w, c in run if not normalize.is_function_word(w)]
                if not said or max(said) >= sound_alike.UNSURE or any(
                        matcher.is_content_word(w) and not normalize.is_function_word(w)
                        for w, _ in run):
                    continue
                hit = index.closest([w for w, _ in run], close)
                if hit is None or hit[0] in {w for w, _ in run}:
                    continue
                text = " ".join([*(w for w, _ in toks[:i]), hit[0], *(w for w, _ in toks[i + n:])])
                found[text] = max(found.get(text, 0.0), hit[1])
        return sorted(found, key=lambda x: -found[x])[:sound_alike.MAX_READINGS]

    return readings


def offered(matcher: Matcher, texts: list[str]) -> Any:
    for text in texts:
        got = matcher.match(text, doubtful=True, heard=True)
        if got.outcome != "no_match" and got.score >= sound_alike.OFFER_SCORE:
            return got, text
    return None, None


@dataclass
class Heard:
    """One tuning clip, heard (decoded, or read from the cache) and matched
    as the app matches it."""

    where: str
    setname: str
    q: Any
    wav: Path
    t: Transcript
    r: Any
    want: frozenset[str]
    kind: str  # "in" or "out" of scope
    rec: Any  # the recognizer once one was loaded; None while every clip is cached


def heard_clips(kb: KnowledgeBase, matcher: Matcher, cache: Any, voices: str, rotate: int,
                cached_only: bool, counts: Counter[tuple[str, str]]) -> Iterator[Heard]:
    """The tuning clips of ``voices`` heard and matched, each counted under
    its set and kind (``counts``); clips no cache holds are skipped and
    counted so when ``cached_only``. Also for tune_hear31_phone_classes.py."""
    rec: Any = None
    for where, q, wav in tuning_clips(voices, rotate):
        setname = where.split("/")[0]
        if wav.name not in cache._known:
            if cached_only:
                counts[setname, "skipped"] += 1
                continue
            if rec is None:
                rec = engine_loaders(kb)["whisper"]()
        t = cache.transcribe(rec, pad(read_wav(wav)), wav)
        want = frozenset(q.expected.split("|")) if q.expected else frozenset()
        kind = "in" if want else "out"
        counts[setname, kind] += 1
        yield Heard(where, setname, q, wav, t, _match(matcher, _heard(t)), want, kind, rec)


def print_counts(counts: Counter[tuple[str, str]], names: Iterable[str],
                 extra: Callable[[dict[str, int]], str] | None = None) -> None:
    """Per tuning set: the clips in and out of scope and what the shipped
    path made of them, then each reading's gains (``names``)."""
    names = list(names)
    for s in ("dev-even", "tuning"):
        c = {k[1]: v for k, v in counts.items() if k[0] == s}
        print(f"{s}: in scope {c.get('in', 0)} (right {c.get('in base right', 0)}, declined "
              f"{c.get('in declined', 0)}), out of scope {c.get('out', 0)} (declined "
              f"{c.get('out declined', 0)}); skipped {c.get('skipped', 0)}")
        if extra is not None:
            print(extra(c))
        for name in names:
            print(f"  {name:<17} right +{c.get(name + ' right', 0)}, wrong offered "
                  f"+{c.get(name + ' wrong', 0)}, out of scope offered "
                  f"+{c.get(name + ' oos offered', 0)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--voices", choices=("espeak", "natural"), default="espeak")
    ap.add_argument("--rotate", type=int, default=1)
    ap.add_argument("--seed", default="")
    ap.add_argument("--cached-only", action="store_true",
                    help="skip clips no cache file holds (never decode)")
    ap.add_argument("--no-audio", action="store_true",
                    help="the app's steps that score readings against the audio off "
                         "(heard.AUDIO_MARGIN, ASKED_MARGIN, SURE_ALTERNATIVES_AGREE): no clip "
                         "is decoded again, for a wide sample of older cached hearings")
    ap.add_argument("--closeness", default="0.7,0.75,0.8")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()

    # The app's path without the shipped swap: ``whole-swap`` below is it.
    heard.WHOLE_OVER_OFFER = False
    if args.no_audio:
        heard.AUDIO_MARGIN = heard.ASKED_MARGIN = heard.SURE_ALTERNATIVES_AGREE = None
    kb = load_knowledge([REPO / "content"])
    matcher = Matcher(kb)
    cache = seeded_cache(kb, args.seed)
    variants: dict[str, Callable[[Transcript], list[str]]] = {
        "whole": lambda t: [t.text],
        "alts": lambda t: list(t.alternatives),
    }
    for c in args.closeness.split(","):
        variants[f"everyday@{c}"] = everyday_reader(matcher, float(c))
    counts: Counter[tuple[str, str]] = Counter()
    shown: list[str] = []
    for h in heard_clips(kb, matcher, cache, args.voices, args.rotate, args.cached_only, counts):
        where, setname, q, t, r, want, kind = h.where, h.setname, h.q, h.t, h.r, h.want, h.kind
        if r.outcome != "no_match":
            right = bool(r.entry and r.entry.id in want)
            counts[setname, f"{kind} base right"] += right
            if (r.outcome == "confirm" and r.entry is not None and t.words
                    and not matcher.misheard_words(t.text, heard.surely_heard(t))):
                # An offer: would every word written (the unsure ones put back)
                # offer another entry, better scored? (``whole-swap``)
                got = matcher.match(t.text, doubtful=True, heard=True, sure=heard.surely_heard(t))
                if (got.outcome != "no_match" and got.entry is not None
                        and got.entry.id != r.entry.id and got.score > r.score
                        and got.score >= sound_alike.OFFER_SCORE):
                    new = got.entry.id in want
                    res = ("right -> wrong" if right else "wrong -> right" if new
                           else "wrong -> wrong") if want else "oos -> other"
                    counts[setname, f"whole-swap {res}"] += 1
                    shown.append(f"whole-swap     {res:<14} {where:<32} said {q.text!r}\n"
                                 f"{'':15} heard {t.text!r} -> {got.entry.id}")
            continue
        counts[setname, f"{kind} declined"] += 1
        for name, read in variants.items():
            got, text = offered(matcher, read(t))
            if got is None:
                continue
            res = "right" if got.entry.id in want else ("wrong" if want else "oos offered")
            counts[setname, f"{name} {res}"] += 1
            shown.append(f"{name:<14} {res:<11} {where:<32} said {q.text!r}\n{'':15} heard "
                         f"{t.text!r} -> {text!r} -> {got.entry.id}")
    print_counts(counts, variants, lambda c: (
        f"  whole-swap (offers only) right -> wrong {c.get('whole-swap right -> wrong', 0)}, "
        f"wrong -> right {c.get('whole-swap wrong -> right', 0)}, wrong -> wrong "
        f"{c.get('whole-swap wrong -> wrong', 0)}, out of scope "
        f"{c.get('whole-swap oos -> other', 0)}"))
    if args.show:
        print("\n".join(shown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
