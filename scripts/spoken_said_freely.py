#!/usr/bin/env python3
"""Commands in people's own words (voice/conversation/said_freely.py), spoken.

Each phrasing of tests/test_said_freely.py's first list is spoken in
espeak-ng voices and the natural ones (flite's CMU ARCTIC voices, festival's
HTS voice), decoded by Whisper tiny.en as the app runs it (short clips
decoded after the short-reply prompts too), and read as the app reads a
spoken line: ``understood`` (voice/conversation/heard.py), then
``find_command``. Prints the count met by the right command typed and
spoken, and each spoken miss in one of:

- ``misheard``: the words Whisper wrote are not the words said, and its
  content-prompt decode alone misses too;
- ``short-reply decode``: the content-prompt decode alone would have met the
  command, the short-reply decodes chose another text;
- ``written differently``: Whisper wrote the words said (spelling and
  punctuation aside) and the patterns do not take its spelling;
- ``dropped as unsure``: the whole transcript is the command, the words
  the app kept (``understood``) are not.

    .venv/bin/python scripts/spoken_said_freely.py [--show] [--test test_said_loosely.py]
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import pad  # noqa: E402
from make_spoken_questions import Variant, speak_many  # noqa: E402

from voice.audio.clip import read_wav  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.conversation.commands import find_command  # noqa: E402
from voice.conversation.heard import understood  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.matching.normalize import clean  # noqa: E402
from voice.models.manifest import WHISPER_MODEL  # noqa: E402
from voice.speech_in.whisper import WhisperRecognizer  # noqa: E402
from voice.speech_in.whisper.guard import heard_from  # noqa: E402

#: Three espeak-ng voices of the benchmark's and three natural ones, clean.
VOICES: tuple[Variant, ...] = (
    Variant("en-us"), Variant("en"), Variant("en+f3"),
    Variant("slt", synth="flite"), Variant("rms", synth="flite"),
    Variant("cmu_us_slt_arctic_hts", synth="festival"),
)


def phrasings(test: str = "test_said_freely.py") -> list[tuple[str, str]]:
    """(said, command) of the test file's first parametrize list."""
    tree = ast.parse((REPO / "tests" / test).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "parametrize"
                and isinstance(node.args[0], ast.Tuple)):
            return [tuple(ast.literal_eval(e)) for e in node.args[1].elts]  # type: ignore
    raise SystemExit("no parametrize list found")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", action="store_true", help="list every spoken miss")
    ap.add_argument("--test", default="test_said_freely.py",
                    help="the test file whose first list is spoken (test_said_loosely.py: "
                         "voice/conversation/said_loosely.py's requests)")
    args = ap.parse_args()
    kb = load_knowledge([REPO / "content"])
    matcher = Matcher(kb)
    rec = WhisperRecognizer(REPO / "models" / WHISPER_MODEL, kb)
    items = phrasings(args.test)
    typed = sum(find_command(s) == c for s, c in items)
    tally: Counter[str] = Counter()
    per_voice: Counter[str] = Counter()
    misses: list[str] = []
    for v in VOICES:
        for (said, command), wav in zip(items, speak_many([s for s, _ in items], v),
                                         strict=True):
            clip = pad(read_wav(wav))
            heard = rec.transcribe(clip)
            text, _ = understood(heard, matcher)
            if find_command(text) == command:
                tally["met"] += 1
                per_voice[v.name] += 1
                continue
            if find_command(heard.text) == command:
                kind = "dropped as unsure"
            elif clean(heard.text) == clean(said):
                kind = "written differently"
            else:
                audio = clip.samples.astype("float32") / 32768.0
                alone = heard_from(rec._decoder.decode(audio)).text
                kind = ("short-reply decode" if find_command(alone) == command
                        else "misheard")
            tally[kind] += 1
            misses.append(f"{kind:<20} {v.name:<22} {said!r} -> {heard.text!r} "
                          f"(kept {text!r}: {find_command(text)})")
    n = len(items) * len(VOICES)
    print(f"{len(items)} phrasings: typed {typed}/{len(items)}; spoken in {len(VOICES)} voices "
          f"{tally['met']}/{n}")
    for v in VOICES:
        print(f"  {v.name:<24} {per_voice[v.name]}/{len(items)}")
    for kind in ("misheard", "short-reply decode", "written differently", "dropped as unsure"):
        print(f"  missed, {kind}: {tally[kind]}")
    if args.show:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
