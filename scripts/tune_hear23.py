#!/usr/bin/env python3
"""Issue 13, branch hear23: would a sound-alike repair of function words and
word boundaries ("what help sit" for "what helps it") bring right entries?

Reads the Whisper tiny.en hearings of the tuning halves already decoded
(no decoding here): the greedy content-prompt decodes ("faq" rows) of
scripts/tune_hear17.py's store and the rows of the whisper transcript cache
named by ``--cache``, each mapped back to what was said by its WAV
(tune_hear15 ``items``: tuning.tsv and the even dev.tsv questions in
espeak-ng's six conditions and the natural voices' tuning halves).

1. Each hearing is compared with what was said, word by word (difflib over
   ``normalize.clean``): heard word for word, differing only in function
   words (``normalize.is_function_word``), only in word boundaries (the same
   letters split elsewhere: "help sit" / "helps it"), or in a content word;
   counted by the app's outcome (tune_hear15 ``outcome``, no audio kept).
2. A repair is simulated on every hearing that matches nothing (the only
   hearings a reading offered "Did you mean ...?" may change): readings with
   one function word swapped for a function word that sounds like it
   (``sound_alike.key`` similarity at least ``--close``), or two adjacent
   words split at another boundary into two dictionary words, one a
   function word; the reading matching best is offered when it matches an
   entry at ``--floor`` or more (sound_alike.OFFER_SCORE is 80).

3. ``--contractions``: the contractions Whisper writes that
   ``normalize.clean`` does not expand ("we'll", "we're", "you've", ...),
   expanded (``NEW_CONTRACTIONS``, function words then), and every hearing's
   outcome and every typed tuning line holding one compared off and on.

    .venv/bin/python scripts/tune_hear23.py [--close 1.0,0.6] [--floor 80] [--show]
    .venv/bin/python scripts/tune_hear23.py --contractions
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from rapidfuzz.distance import Levenshtein  # noqa: E402
from tune_hear15 import items, outcome  # noqa: E402

from voice.content.loader import load_knowledge  # noqa: E402
from voice.matching import normalize, sound_alike  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.speech_in.base import Transcript  # noqa: E402

#: Contractions ``normalize.clean`` leaves as they are (so as unknown words),
#: with what they would be expanded to (--contractions).
NEW_CONTRACTIONS = {
    "we'll": "we will", "we're": "we are", "we've": "we have", "we'd": "we would",
    "you'll": "you will", "you've": "you have", "you'd": "you would",
    "they'll": "they will", "they're": "they are", "they've": "they have",
    "they'd": "they would", "he'll": "he will", "she'll": "she will", "it'll": "it will",
    "hasn't": "has not", "haven't": "have not", "wasn't": "was not", "weren't": "were not",
    "when's": "when is", "why's": "why is"}
CACHE = Path.home() / ".cache" / "voice" / "transcripts"
#: Letters a boundary may move ("help|sit" -> "helps|it": one).
SHIFT = 2


def hearings(caches: list[Path]) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
    """(item, row) for each tuning clip decoded in a store, hear17's first."""
    said = {i[-1].name: i for i in items("all")}
    seen: set[str] = set()
    for path in sorted(CACHE.glob("hear17-*.jsonl")) + caches:
        for raw in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(raw)
            if row.get("variant", "faq") != "faq" or row["wav"] not in said:
                continue
            if row["wav"] in seen or not row.get("words"):
                continue
            seen.add(row["wav"])
            yield said[row["wav"]], row


def kind(said: str, heard: str) -> str:
    """How ``heard`` differs from ``said``: exact, boundary, function, content."""
    a, b = normalize.clean(said).split(), normalize.clean(heard).split()
    ops = [o for o in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
           if o[0] != "equal"]
    if not ops:
        return "exact"
    kinds = set()
    for _, i1, i2, j1, j2 in ops:
        x, y = a[i1:i2], b[j1:j2]
        if "".join(x) == "".join(y):
            kinds.add("boundary")
        elif all(normalize.is_function_word(w) for w in x + y):
            kinds.add("function")
        else:
            kinds.add("content")
    return "content" if "content" in kinds else "+".join(sorted(kinds))


def readings(toks: list[str], close: float) -> list[str]:
    """One function word swapped for one that sounds like it, or two words
    split at another boundary into two dictionary words (one a function word)."""
    words = sorted(w for w in normalize.STOPWORDS if w.replace("'", "").isalpha())
    table = sound_alike.pronouncing()
    out = []
    for i, t in enumerate(toks):
        if normalize.is_function_word(t):
            kt = sound_alike.key(t)
            out += [" ".join([*toks[:i], f, *toks[i + 1:]]) for f in words if f != t
                    and Levenshtein.normalized_similarity(kt, sound_alike.key(f)) >= close]
    for i in range(len(toks) - 1):
        a, joined = toks[i], toks[i] + toks[i + 1]
        for k in range(max(1, len(a) - SHIFT), min(len(joined), len(a) + SHIFT + 1)):
            left, right = joined[:k], joined[k:]
            if k == len(a) or table is None:
                continue
            if table.has_word(left) and table.has_word(right) and (
                    normalize.is_function_word(left) or normalize.is_function_word(right)):
                out.append(" ".join([*toks[:i], left, right, *toks[i + 2:]]))
    return out


def contractions(caches: list[Path]) -> int:
    """Outcomes with ``NEW_CONTRACTIONS`` off and on (one matcher each)."""
    got: list[dict[str, str]] = []
    for on in (False, True):
        if on:
            normalize._CONTRACTIONS.update(NEW_CONTRACTIONS)
            normalize.prepare.cache_clear()
        matcher = Matcher(load_knowledge([REPO / "content"]))
        res: dict[str, str] = {}
        for (_n, cond, expected, said, wav), row in hearings(caches):
            t = Transcript(row["text"], "whisper", row.get("confidence"),
                           words=tuple((w, float(c)) for w, c in row["words"]))
            where = f"spoken [{cond} {wav.name}] {said!r} heard {row['text']!r}"
            res[where] = outcome(matcher, t, expected)
        data = REPO / "tests" / "data"
        for path in [*sorted(data.glob("*tuning*.tsv")), data / "dev.tsv"]:
            lines = [x for x in path.read_text(encoding="utf-8").splitlines()
                     if x.strip() and not x.startswith("#") and "\t" in x]
            for x in lines[::2] if path.name == "dev.tsv" else lines:
                q, want = x.split("\t")[:2]
                if not any(k in q.lower().split() for k in NEW_CONTRACTIONS):
                    continue
                r = matcher.match(q)
                entry = r.entry.id if r.entry is not None and r.outcome != "no_match" else "-"
                res[f"typed {path.name} {q!r} (want {want})"] = f"{r.outcome} {entry}"
        got.append(res)
    changed = [k for k in got[0] if got[0][k] != got[1].get(k)]
    print(f"{len(got[0])} hearings and typed lines; {len(changed)} changed:")
    for k in changed:
        print(f"  {k}: {got[0][k]} -> {got[1][k]}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", action="append", default=[],
                    help="a whisper transcript cache (default: every whisper-*.jsonl)")
    ap.add_argument("--close", default="1.0,0.6")
    ap.add_argument("--floor", type=float, default=sound_alike.OFFER_SCORE)
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--contractions", action="store_true")
    args = ap.parse_args()
    caches = [Path(c).expanduser() for c in args.cache] or sorted(CACHE.glob("whisper-*.jsonl"))
    if args.contractions:
        return contractions(caches)
    matcher = Matcher(load_knowledge([REPO / "content"]))
    rows = list(hearings(caches))
    table: Counter[tuple[str, str]] = Counter()
    unmatched = []
    for (name, cond, expected, said, _wav), row in rows:
        t = Transcript(row["text"], "whisper", row.get("confidence"),
                       words=tuple((w, float(c)) for w, c in row["words"]))
        k = kind(said, row["text"])
        o = outcome(matcher, t, expected)
        table[k, o] += 1
        if args.show and k not in ("exact", "content"):
            print(f"  {k:<9} {o:<12} [{name} {cond}] said {said!r} heard {row['text']!r}")
        if matcher.match(row["text"], doubtful=True, heard=True).outcome == "no_match":
            unmatched.append((expected, said, row["text"]))
    print(f"{len(rows)} tuning hearings; how each differs from what was said, by outcome:")
    for k in ("exact", "function", "boundary", "boundary+function", "content"):
        by_outcome = {o: n for (kk, o), n in sorted(table.items()) if kk == k}
        if by_outcome:
            print(f"  {k:<18} {by_outcome}")
    print(f"{len(unmatched)} hearings match nothing; a function-word / boundary reading "
          f"offered at {args.floor:g} or more:")
    for close in (float(c) for c in args.close.split(",")):
        res: Counter[str] = Counter()
        for expected, said, heard in unmatched:
            best = None
            for alt in readings(normalize.clean(heard).split(), close):
                got = matcher.match(alt, doubtful=True, heard=True)
                if got.outcome != "no_match" and got.entry is not None and \
                        got.score >= args.floor and (best is None or got.score > best[1].score):
                    best = (alt, got)
            if best is None:
                continue
            alt, got = best
            entry = got.entry.id if got.entry else ""
            verdict = ("right" if expected and entry in expected.split("|")
                       else "wrong" if expected else "out of scope offered")
            res[verdict] += 1
            if args.show:
                print(f"    close {close}: {verdict}: said {said!r} heard {heard!r} -> {alt!r} "
                      f"({entry} {got.score:.0f})")
        print(f"  sound keys at least {close:g} alike: right {res['right']}, wrong {res['wrong']}, "
              f"out of scope offered {res['out of scope offered']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
