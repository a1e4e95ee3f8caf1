#!/usr/bin/env python3
"""Follow-ups that point back ("what causes spasms", then "what helps it"),
with voice/conversation/subject.py's FOLLOW_UPS off and on.

``--set tuning|heldout``: the two-turn follow-ups of tests/data/follow-ups-*.tsv,
counted: the follow-up answered with a right entry, offered with one, answered
with a wrong one (the worst failure), or neither. ``--show`` prints each pair
of the tuning half (never the held-out half).

``--typed``: every typed line of tests/data (the first field of *.tsv and
emergencies-tuning.txt, as scripts/tune_pointers.py reads them) said as the
second line of a conversation after each of ``FIRSTS``, with the rule off and
on; prints how many lines changed outcome, and each changed line of a set
that is not held out (held-out sets: counts only).

    .venv/bin/python scripts/tune_follow_ups.py --set tuning [--show]
    .venv/bin/python scripts/tune_follow_ups.py --typed

``--spoken``: each follow-up of the tuning half said aloud in
benchmark_audio's six espeak-ng conditions and its seven natural voices,
heard by the real Whisper engine (hearings kept in ~/.cache/voice/transcripts/
follow15-follow-ups.jsonl), and given to the assistant's spoken path
(``Assistant.handle_heard``) after the first question typed, counted as above.
Run with CT2_FORCE_CPU_ISA=AVX2 ONEDNN_MAX_CPU_ISA=AVX2, as the tests are.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from tune_pointers import typed_lines  # noqa: E402

from voice.content.loader import load_knowledge  # noqa: E402
from voice.conversation import Conversation, subject  # noqa: E402
from voice.conversation.reply import Reply  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.matching.spelling import Speller  # noqa: E402

DATA = REPO / "tests" / "data"
#: First questions naming a thing (a symptom, a medicine, a condition) after
#: which every typed line is said (--typed).
FIRSTS = ("what causes spasms", "what is baclofen", "what is ms")


def pairs(name: str) -> list[tuple[str, str, set[str]]]:
    out = []
    for line in (DATA / f"follow-ups-{name}.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            first, then, want = line.split("\t")
            out.append((first, then, set() if want == "-" else set(want.split("|"))))
    return out


_SPELLER: list[Speller] = []


def second(kb: object, matcher: Matcher, first: str, then: str) -> Reply:
    """What a conversation says to ``then`` after ``first`` (the typed-line
    speller shared between conversations: built once)."""
    talk = Conversation(kb, matcher=matcher)  # type: ignore[arg-type]
    if _SPELLER:
        talk._speller = _SPELLER[0]
    talk.respond(first)
    got = talk.respond(then)
    if not _SPELLER and talk._speller is not None:
        _SPELLER.append(talk._speller)
    return got


def kind(got: Reply, want: set[str]) -> str:
    ids = [e.id for e in ([got.match] if got.match else [])]
    if got.outcome == "answer":
        return "answered right" if ids and ids[0] in want else "ANSWERED WRONG"
    if got.outcome == "confirm" and got.match is not None:
        return "offered right" if got.match.id in want else "offered other"
    return "declined" if not want else "not taken"


def follow_ups(kb: object, matcher: Matcher, name: str, show: bool) -> None:
    for on in (False, True):
        subject.FOLLOW_UPS = on
        counts: Counter[str] = Counter()
        for first, then, want in pairs(name):
            got = second(kb, matcher, first, then)
            k = kind(got, want)
            counts[k] += 1
            if show and name == "tuning":
                print(f"  {'on ' if on else 'off'} {first!r} / {then!r}: {k} "
                      f"({got.outcome} {got.match.id if got.match else ''})")
        print(f"follow-ups-{name}.tsv, FOLLOW_UPS {on}: {dict(sorted(counts.items()))}")


def typed(kb: object, matcher: Matcher) -> None:
    lines = typed_lines()
    for first in FIRSTS:
        changed: list[str] = []
        held: Counter[str] = Counter()
        for name, text in lines:
            got = []
            for on in (False, True):
                subject.FOLLOW_UPS = on
                r = second(kb, matcher, first, text)
                asked = "asked to finish" if r.say.startswith("I only heard") else r.outcome
                got.append(f"{asked} {r.match.id if r.match else ''}".strip())
            if got[0] != got[1]:
                if "heldout" in name:
                    held[f"{name}: {got[0].split()[0]} -> {got[1].split()[0]}"] += 1
                else:
                    changed.append(f"  {name}: {text!r}: {got[0]} -> {got[1]}")
        print(f"after {first!r}: {len(lines)} typed lines, FOLLOW_UPS off -> on: "
              f"{len(changed) + held.total()} changed (held-out sets, counts only: "
              f"{dict(held)})")
        print("\n".join(changed))


def spoken(kb: object, matcher: Matcher, show: bool) -> None:
    import io
    import json

    from benchmark_audio import pad
    from make_spoken_questions import VOICE_SETS, speak

    from voice.app import Assistant
    from voice.audio.clip import read_wav
    from voice.speech_in.base import Transcript

    cache = Path.home() / ".cache" / "voice" / "transcripts" / "follow15-follow-ups.jsonl"
    known: dict[str, Transcript] = {}
    if cache.exists():
        for line in cache.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            known[d["key"]] = Transcript(d["text"], "whisper", d["confidence"],
                                         alternatives=d["alternatives"],
                                         words=tuple((w, c) for w, c in d["words"]))
    rec = None
    heard: list[tuple[str, str, set[str], Transcript]] = []
    for variant in VOICE_SETS["all"]:
        for first, then, want in pairs("tuning"):
            key = f"{variant.name}\t{then}"
            if key not in known:
                if rec is None:
                    from voice.config import Config
                    from voice.speech_in.select import load_recognizer
                    rec = load_recognizer(Config(content_dirs=(str(REPO / "content"),)),
                                          lambda _s: None)
                t = rec.transcribe(pad(read_wav(speak(then, variant))))
                known[key] = t
                with cache.open("a", encoding="utf-8") as f:
                    f.write(json.dumps({"key": key, "text": t.text, "confidence": t.confidence,
                                        "alternatives": t.alternatives,
                                        "words": [list(w) for w in t.words]}) + "\n")
            heard.append((first, then, want, known[key]))
    for on in (False, True):
        subject.FOLLOW_UPS = on
        counts: Counter[str] = Counter()
        for first, then, want, t in heard:
            talk = Conversation(kb, matcher=matcher)  # type: ignore[arg-type]
            talk.respond(first)
            got = Assistant(talk, None, out=io.StringIO(), json_lines=True).handle_heard(t)
            r = Reply(input=t.text, outcome=got["outcome"], say=str(got.get("say", "")),
                      settings=talk.settings, asleep=False,
                      match=talk.kb.by_id(got["match"]["id"]) if got.get("match") else None)
            k = kind(r, want)
            counts[k] += 1
            if show and on:
                print(f"  {first!r} / {then!r} heard {t.text!r}: {k}")
        print(f"follow-ups-tuning.tsv spoken in {len(VOICE_SETS['all'])} voices, "
              f"FOLLOW_UPS {on}: {dict(sorted(counts.items()))}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", choices=("tuning", "heldout"))
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--typed", action="store_true")
    ap.add_argument("--spoken", action="store_true")
    args = ap.parse_args()
    kb = load_knowledge([REPO / "content"])
    matcher = Matcher(kb)
    if args.set:
        follow_ups(kb, matcher, args.set, args.show)
    if args.typed:
        typed(kb, matcher)
    if args.spoken:
        spoken(kb, matcher, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
