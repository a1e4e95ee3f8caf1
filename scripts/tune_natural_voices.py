#!/usr/bin/env python3
"""Where spoken questions are lost in the voices closer to people, tuning sets only.

Clips: tests/data/tuning.tsv (every ``--stride``-th question) and the
even-numbered questions of tests/data/dev.tsv (its tuning half; the odd
ones are never looked at here), spoken in make_spoken_questions'
NATURAL_VARIANTS (flite's CMU ARCTIC voices, festival's HTS voice; or
``--voices espeak`` for the espeak-ng conditions). Whisper tiny.en as
``auto`` runs it decodes each clip once (benchmark_audio's TranscriptCache,
shared with ``benchmark_audio.py --cached-transcripts``); every transcript
goes through the app's path for speech (benchmark_audio._match).

Each in-scope clip whose right entry was neither answered nor offered first
is put in one of:

- ``typed text missed``: the matcher misses the exact question typed too
  (a matching loss that no recognizer fixes);
- ``heard well``: word error rate <= ``--heard-well`` (0.2) on the words of
  the question, yet lost: a matching-side loss of speech, shown with what
  the matcher was given (query_of), whether it was doubtful, and what the
  same transcript gets typed;
- ``misheard``: the recognizer's loss.

Prints counts by condition and overall, Whisper's commonest misheard words,
and (``--show``) every clip heard well but lost.

    .venv/bin/python scripts/tune_natural_voices.py [--rotate 2] [--show] [--voices natural]

``--rotate N`` says each question in N of the conditions in turn, as
``benchmark_audio.py --rotate N`` does (its dev.tsv clips are then the
benchmark's, already decoded).
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections import Counter, defaultdict
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
from voice.matching.matcher import Matcher  # noqa: E402
from voice.speech_in.pocketsphinx.corpus import read_labelled  # noqa: E402
from voice.speech_in.pocketsphinx.lexicon import words_of  # noqa: E402

DATA = REPO / "tests" / "data"


def _right(r: Any, expected: frozenset[str]) -> bool:
    return r.outcome != "no_match" and r.entry is not None and r.entry.id in expected


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--voices", choices=sorted(VOICE_SETS), default="natural")
    ap.add_argument("--stride", type=int, default=1, help="every n-th tuning.tsv question")
    ap.add_argument("--rotate", type=int, default=0, metavar="N",
                    help="each question in N of the conditions in turn (default: all)")
    ap.add_argument("--heard-well", type=float, default=0.2,
                    help="word error rate at or under which a clip counts as heard well")
    ap.add_argument("--show", action="store_true", help="list the clips heard well but lost")
    args = ap.parse_args()

    variants = VOICE_SETS[args.voices]
    sets = {"tuning": read_labelled(DATA / "tuning.tsv")[:: args.stride],
            "dev-even": read_labelled(DATA / "dev.tsv")[::2]}
    kb = load_knowledge([REPO / "content"])
    matcher = Matcher(kb)
    cache = TranscriptCache("whisper")
    rec: Any = None

    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    confusions: Counter[tuple[str, str]] = Counter()
    lost: list[str] = []
    for name, items in sets.items():
        typed_ok = {q.text: _right(matcher.match(q.text), frozenset(q.expected.split("|")))
                    for q in items if q.expected}
        for j, v in enumerate(variants):
            said_here = [q for i, q in enumerate(items)
                         if _said_in(i, j, len(variants), args.rotate)]
            wavs = speak_many([q.text for q in said_here], v)
            for q, wav in zip(said_here, wavs, strict=True):
                if wav.name not in cache._known and rec is None:
                    rec = engine_loaders(kb)["whisper"]()
                t = cache.transcribe(rec, pad(read_wav(wav)), wav)
                c = counts[name, v.name]
                r = _match(matcher, _heard(t))
                if not q.expected:
                    c["out"] += 1
                    c["out declined"] += r.outcome == "no_match"
                    continue
                said = " ".join(words_of(q.text))
                e, n = word_errors(said, t.text)
                c["words"] += n
                c["errors"] += e
                c["in"] += 1
                heard_words = " ".join(words_of(t.text)).split()
                for op, a0, a1, b0, b1 in difflib.SequenceMatcher(
                        a=said.split(), b=heard_words, autojunk=False).get_opcodes():
                    if op != "equal":
                        confusions[" ".join(said.split()[a0:a1]) or "-",
                                   " ".join(heard_words[b0:b1]) or "-"] += 1
                expected = frozenset(q.expected.split("|"))
                if _right(r, expected):
                    c["right"] += 1
                    continue
                if not typed_ok[q.text]:
                    c["typed text missed"] += 1
                elif e / max(n, 1) <= args.heard_well:
                    c["heard well, lost"] += 1
                    h = _heard(t)
                    typed = matcher.match(t.text)
                    lost.append(
                        f"{name}\t{v.name}\t{q.text}\t{t.text}\tmatched: {h.text!r}"
                        f"{' (doubtful)' if h.doubtful else ''}\t-> {r.outcome} "
                        f"{r.entry.id if r.entry else '-'} (want {q.expected})\ttyped "
                        f"transcript -> {typed.outcome} {typed.entry.id if typed.entry else '-'}"
                        f"\twords {' '.join(f'{w}:{p:.2f}' for w, p in t.words)}")
                else:
                    c["misheard"] += 1

    keys = ("right", "heard well, lost", "misheard", "typed text missed")
    for name in sets:
        print(f"{name} ({len(sets[name])} questions), in scope: right / heard well but lost / "
              "misheard / typed text missed too; WER; out of scope declined")
        tot: Counter[str] = Counter()
        for v in variants:
            c = counts[name, v.name]
            tot.update(c)
            print(f"  {v.name:<28} " + " / ".join(f"{c[k]:>3}" for k in keys)
                  + f" of {c['in']:>3}; WER {c['errors'] / max(c['words'], 1):.2f}; "
                  f"{c['out declined']}/{c['out']}")
        print(f"  {'all':<28} " + " / ".join(f"{tot[k]:>3}" for k in keys)
              + f" of {tot['in']:>3}; WER {tot['errors'] / max(tot['words'], 1):.2f}; "
              f"{tot['out declined']}/{tot['out']}")
    print("Commonest misheard (said -> heard), in-scope clips of both sets:")
    for (a, b), k in confusions.most_common(25):
        print(f"  {k:>3}  {a} -> {b}")
    if args.show:
        print("Heard well, lost (set, condition, said, heard, what was matched, outcome, "
              "the transcript typed, word probabilities):")
        for line in lost:
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
