#!/usr/bin/env python3
"""How Whisper hears a half sentence said aloud, and what the assistant says.

Issue 13 (branch hear13): typed, "what is the" is asked to be finished ("I
only heard 'what is the'. What would you like to know about?",
voice/conversation/unfinished.py), but said aloud Whisper tiny.en hears
"what is that", which was declined as off the subject. This speaks a set of
half sentences (written here, not taken from any test) in benchmark_audio's
six espeak-ng conditions and its seven natural voices, decodes each with the
real engine, and counts the hearings and the replies through the
assistant's spoken path (``Assistant.handle_heard``, a fresh conversation
each): asked to finish, declined, offered or answered. ``--pointers`` adds
the bare pointing questions said as such ("what is that", "what's that",
"what is this"), and ``--finish`` joins each half sentence heard with a
subject said next, to check the second turn.

    nice -n 10 .venv/bin/python scripts/tune_half_heard.py [--pointers] [--voices espeak]
"""

from __future__ import annotations

import argparse
import io
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import pad  # noqa: E402
from make_spoken_questions import VOICE_SETS, speak  # noqa: E402

from voice.audio.clip import read_wav  # noqa: E402
from voice.speech_in.base import Transcript  # noqa: E402

#: Half sentences a tired user might stop at (tuning set, written for this).
HALVES = ("what is the", "what's the", "what are the", "what is a", "how do i",
          "tell me about", "can you tell me about the", "is there a", "what causes the",
          "how can i", "what about", "why does my")
#: Bare pointing questions, said as such.
POINTERS = ("what is that", "what's that", "what is this")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--voices", default="all", choices=sorted(VOICE_SETS))
    ap.add_argument("--pointers", action="store_true")
    ap.add_argument("--show", action="store_true", help="every hearing and reply")
    ap.add_argument("--said", default="",
                    help="only these comma-separated lines (default: HALVES, and POINTERS "
                         "with --pointers)")
    ap.add_argument("--constant", default="",
                    help="a constant of voice/conversation/unfinished.py: each hearing's reply "
                         "with it False and True (hear14: POINTER_QUESTIONS)")
    args = ap.parse_args()

    from voice.app import Assistant
    from voice.config import Config
    from voice.content.loader import load_knowledge
    from voice.conversation.conversation import Conversation
    from voice.speech_in.select import load_recognizer

    kb = load_knowledge([REPO / "content"])
    rec = load_recognizer(Config(content_dirs=(str(REPO / "content"),)), lambda _s: None)
    said = [*HALVES, *(POINTERS if args.pointers else ())]
    if args.said:
        said = [x.strip() for x in args.said.split(",") if x.strip()]
    from voice.conversation import unfinished

    off: dict[str, Counter[str]] = {s: Counter() for s in said}
    heard: dict[str, Counter[str]] = {s: Counter() for s in said}
    replies: dict[str, Counter[str]] = {s: Counter() for s in said}
    for variant in VOICE_SETS[args.voices]:
        for s in said:
            t = rec.transcribe(pad(read_wav(speak(s, variant))))

            def kind_of(t: Transcript = t) -> str:
                got = Assistant(Conversation(kb), None, out=io.StringIO(),
                                json_lines=True).handle_heard(t)
                say = str(got.get("say", ""))
                return ("asked to finish" if say.startswith("I only heard") else
                        str(got["outcome"]))

            if args.constant:
                setattr(unfinished, args.constant, False)
                off[s][kind_of()] += 1
                setattr(unfinished, args.constant, True)
            kind = kind_of()
            heard[s][t.text] += 1
            replies[s][kind] += 1
            if args.show:
                print(f"{variant.name:<28} {s!r} -> {t.text!r} "
                      f"{[(w, round(c, 2)) for w, c in t.words]}: {kind}", flush=True)
    print(f"voices: {args.voices} ({len(VOICE_SETS[args.voices])})")
    for s in said:
        print(f"  {s!r}: {dict(replies[s])}; heard {dict(heard[s].most_common())}")
        if args.constant:
            print(f"    with {args.constant} False: {dict(off[s])}")
    total = Counter[str]()
    for s in (x for x in said if x in HALVES):
        total.update(replies[s])
    print(f"half sentences: {dict(total)} of {sum(total.values())}")
    from voice.conversation.unfinished import points_at_nothing

    bare = sum(n for s in said if s in HALVES
               for text, n in heard[s].items() if points_at_nothing(text))
    print(f"half sentences heard as a line that points at nothing: {bare}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
