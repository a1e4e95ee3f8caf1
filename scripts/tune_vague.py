#!/usr/bin/env python3
"""Measure the "names a subject" gate (Matcher.names_subject) on tuning sets only.

A question whose words name no subject of the content ("if I feel that way",
"why of that") is offered ("Did you mean ...?") rather than answered
outright. This prints, typed, each question as the first thing said to a
fresh conversation, with the gate off (as before) and on:

* in scope (tests/data/tuning.tsv, the even-numbered questions of
  tests/data/dev.tsv as scripts/tune_colloquial.py splits it): right entry
  answered outright, right entry answered or offered first, wrong entry
  answered outright; and how many right outright answers became offers
  (each costs the user one "yes");
* out of scope (the out-of-scope rows of those two, and the tuning halves of
  scripts/benchmark.py's sets: NLU-Evaluation-Data requests, our uncovered
  health questions, MedQuAD, K-QA patients): answered outright, offered,
  declined.

``--show`` lists the questions whose outcome the gate changes (tuning sets
only; no held-out set is read here). ``--spoken FILE``: the same, spoken,
from a file of cached Whisper transcripts (scripts/benchmark_audio.py's
TranscriptCache; no audio is decoded) of scripts/tune_colloquial_spoken.py's
tuning clips, matched as the app matches speech; clips not in it are skipped.

    .venv/bin/python scripts/tune_vague.py [--show] [--spoken FILE]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from voice.content.loader import load_knowledge  # noqa: E402
from voice.conversation.conversation import Conversation  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.speech_in.pocketsphinx.corpus import read_labelled  # noqa: E402

DATA = REPO / "tests" / "data"
#: scripts/benchmark.py's out-of-scope sets, tuning halves only
#: (health-heldout.tsv was looked at too often and is used for tuning).
OUT_OF_SCOPE = ("foreign-tuning.tsv", "health-tuning.tsv", "health-heldout.tsv",
                "health-tuning2.tsv", "health-tuning3.tsv", "medquad-tuning.tsv",
                "kqa-tuning.tsv")


def column(name: str) -> list[str]:
    return [line.split("\t")[0] for line in (DATA / name).read_text().splitlines()
            if line.strip() and not line.startswith("#")]


def outcome(m: Matcher, text: str) -> tuple[str, str | None]:
    """The reply's outcome and the entry it answers or offers first."""
    reply = Conversation(m.kb, matcher=m).respond(text)
    entry = reply.match.id if reply.match is not None and reply.outcome in (
        "answer", "confirm") else None
    return reply.outcome, entry


def spoken(m: Matcher, cache_file: Path, show: bool) -> None:
    """Right and wrong outright answers of the cached tuning clips, gate off and on."""
    from benchmark_audio import TranscriptCache, _heard, _match
    from tune_colloquial_spoken import cached
    from tune_sound_alike import clips

    cache = TranscriptCache("whisper")
    cache.path, cache._known, cache._size = cache_file, {}, -1
    cache._read()
    counts: dict[str, list[int]] = {}
    shown = []
    for name, expected, said, wav in clips(6):
        t = cached(cache, wav)
        if t is None:
            continue
        c = counts.setdefault(name, [0] * 7)
        c[0] += 1
        before = ""
        for i, gate in enumerate((False, True)):
            m.require_subject = gate
            r = _match(m, _heard(t))
            got = r.entry.id if r.entry is not None else None
            right = expected is not None and got in expected.split("|")
            if r.outcome == "answer" and expected is not None:
                c[1 + 2 * i if right else 2 + 2 * i] += 1
            c[5 + i] += r.outcome == "answer" and expected is None
            if i and show and r.outcome != before:
                shown.append(f"  {name}: {said!r} heard {t.text!r}: {before} -> {r.outcome} "
                             f"{got}")
            before = r.outcome
    for name, (n, r0, w0, r1, w1, o0, o1) in counts.items():
        print(f"spoken {name} ({n} clips): right answered outright {r0} -> {r1}, wrong entry "
              f"answered outright {w0} -> {w1}, out of scope answered outright {o0} -> {o1}")
    if show:
        print("\n".join(shown))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", action="store_true", help="list the questions that change")
    ap.add_argument("--spoken", type=Path, metavar="FILE",
                    help="cached Whisper transcripts (.jsonl) of the tuning clips")
    args = ap.parse_args()
    m = Matcher(load_knowledge([REPO / "content"]))
    if args.spoken:
        spoken(m, args.spoken, args.show)
        return 0

    def both(text: str) -> tuple[tuple[str, str | None], tuple[str, str | None]]:
        m.require_subject = False
        before = outcome(m, text)
        m.require_subject = True
        return before, outcome(m, text)

    dev = list(read_labelled(DATA / "dev.tsv"))[::2]
    outs: list[str] = []
    for name, items in (("tuning.tsv", list(read_labelled(DATA / "tuning.tsv"))),
                        ("dev.tsv even", dev)):
        n = ans = ans1 = right = right1 = wrong = wrong1 = cost = 0
        shown = []
        for q in items:
            if q.expected is None:
                outs.append(q.text)
                continue
            n += 1
            expected = q.expected.split("|")
            (o0, e0), (o1, e1) = both(q.text)
            ans += o0 == "answer" and e0 in expected
            ans1 += o1 == "answer" and e1 in expected
            right += e0 in expected
            right1 += e1 in expected
            wrong += o0 == "answer" and e0 not in expected
            wrong1 += o1 == "answer" and e1 not in expected
            cost += o0 == "answer" and e0 in expected and o1 != "answer"
            if (o0, e0) != (o1, e1):
                shown.append(f"  {q.text!r} [{q.expected}]: {o0} {e0} -> {o1} {e1}")
        print(f"{name}, in scope (n={n}): right answered outright {ans} -> {ans1} "
              f"({cost} now offered), right answered or offered {right} -> {right1}, "
              f"wrong answered outright {wrong} -> {wrong1}")
        if args.show:
            print("\n".join(shown))
    sets = [("tuning.tsv + dev.tsv even, out of scope", outs)]
    sets += [(name, column(name)) for name in OUT_OF_SCOPE]
    for name, qs in sets:
        counts = {"before": [0, 0, 0], "after": [0, 0, 0]}
        shown = []
        for text in qs:
            (o0, e0), (o1, e1) = both(text)
            for key, o in (("before", o0), ("after", o1)):
                counts[key][0 if o == "answer" else 1 if o == "confirm" else 2] += 1
            if o0 != o1:
                shown.append(f"  {text!r}: {o0} {e0} -> {o1} {e1}")
        (a0, c0, d0), (a1, c1, d1) = counts["before"], counts["after"]
        print(f"{name} (n={len(qs)}): answered outright {a0} -> {a1}, offered {c0} -> {c1}, "
              f"declined or other {d0} -> {d1}")
        if args.show:
            print("\n".join(shown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
