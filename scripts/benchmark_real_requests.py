#!/usr/bin/env python3
"""Real people asking: how the assistant handles their spoken requests.

Runs every clip of tests/data/real/requests/ (recordings of real people, none
made by us; sources and licence in tests/data/real/README.md) through what
the assistant does with speech: the default recognizer (Whisper tiny.en, as
``voice`` loads it), then ``Assistant.handle_heard`` (``understood``: the
words the matcher reads and the doubtful flag; the matcher with heard=True
and the surely heard words; emergency detection; the conversation's reply).
Each clip is the first thing said to a fresh conversation, as a sentence
said in the room is in hands-free mode.

Sets (the ``set`` column of the folder's manifest.tsv), each printed by
source:
- ``out_of_scope``: requests and sentences that are not about the content:
  spoken coffee orders (Picovoice's speech-to-intent benchmark) and
  sentences said over the phone (WUW Corpus II: "hello operator I would like
  the number for ..."). Counted as declined (no_match), offered ("Did you
  mean ...?") or answered outright with an entry (the worst failure).
- ``health``: health complaints the content does not cover: declined vs
  answered outright with an unrelated entry.
- ``emergency``: emergency-like words ("I can't breathe"): was the emergency
  advice given?
A set with no clips is reported as such (no openly licensed real recordings
of health complaints or emergencies were found; see the README).

- ``health_speech`` (``--set health_speech``): Common Voice clips of real
  people (tests/data/real/health_speech/, its own manifest) whose sentences
  are about health or the body, use a health word in another sense, or are
  everyday questions. Each clip carries the outcome that is right for it
  (``expect``: ``decline``, or ``decline_or_offer`` where an entry is near
  enough to offer), labelled from its transcript and content/*.md with a
  one-line reason. Printed by kind (health / other / question) and half:
  declined, offered, answered outright, right, answered outright when it
  should not have been, and the word error rate.

Recognition: word error rate where the source has transcripts (WUW Corpus
II; and the 15 read LibriSpeech sentences of tests/data/real/sentences/,
out of scope too, run through the same path); for the coffee orders the
source gives only the slot values each person said, so the share of those
words heard is printed instead.

Halves (the ``half`` column, ``half_of``): by the SHA-1 of the speaker id
(WUW: the recording session, one speaker each), or of the clip's name in
its source when it has no speaker ids (coffee orders: one person's clips may
fall in both halves). The LibriSpeech sentences keep their own halves
(real_speech.half; one speaker). The held-out half is printed as aggregate
figures only; ``--show`` lists the tuning half's failures, never the
held-out half's.

    .venv/bin/python scripts/benchmark_real_requests.py [--show] [--set SET]
    .venv/bin/python scripts/benchmark_real_requests.py --set health_speech [--show]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from real_speech import REAL, half, padded, real_clips, word_errors  # noqa: E402

from voice.matching.normalize import clean  # noqa: E402

FOLDER = REAL / "requests"
MANIFEST = FOLDER / "manifest.tsv"
SETS = ("out_of_scope", "health", "emergency")
#: Read audiobook sentences (one speaker), out of scope, with transcripts.
READ = "read_sentences"
HALVES = ("tuning", "held-out")
#: Common Voice clips about health, the body, or everyday questions.
HEALTH_SPEECH = "health_speech"
HEALTH_FOLDER = REAL / "health_speech"
#: Kinds of clip in the health_speech manifest (its ``set`` column).
HEALTH_KINDS = ("health", "other", "question")


@dataclass(frozen=True)
class Request:
    """One recording of a real person asking something."""

    path: Path
    set: str
    said: tuple[str, ...]
    """Words the person said (all, or the source's slot values), lower case."""
    half: str
    speaker: str
    source: str
    source_path: str
    transcript: str = ""
    """Every word said, when the source has a transcript (else "")."""
    expect: str = "decline"
    """The right outcome: "decline", or "decline_or_offer" (health_speech)."""
    reason: str = ""
    """Why that outcome is right, in one line (health_speech)."""


def half_of(speaker: str, source_path: str) -> str:
    """"tuning" or "held-out": even SHA-1 of the speaker id, or of the clip's
    name in its source when the source has no speaker ids (not of our
    converted bytes, so converting again cannot move a clip)."""
    key = source_path.rsplit("/", 1)[-1] if speaker.endswith(":unknown") else speaker
    return "tuning" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 2 == 0 else "held-out"


def requests(which: str | None = None) -> list[Request]:
    """The clips of set ``which`` (all when None), in manifest order."""
    out = []
    for line in MANIFEST.read_text(encoding="utf-8").splitlines()[1:]:
        f, s, said, transcript, speaker, source, source_path, half = line.split("\t")
        if which is None or s == which:
            phrases = tuple(clean(x) for x in said.split("|") if x.strip())
            out.append(Request(FOLDER / f, s, phrases, half, speaker, source, source_path,
                               transcript))
    return out


def read_sentences() -> list[Request]:
    """The LibriSpeech sentences of tests/data/real/sentences/, as requests."""
    return [Request(c.path, READ, tuple(c.transcript.split()), half(c.path), c.speaker,
                    "librispeech", c.path.name, c.transcript) for c in real_clips("sentences")]


def health_speech(kind: str | None = None) -> list[Request]:
    """The clips of tests/data/real/health_speech/ (of ``kind`` when given)."""
    out = []
    lines = (HEALTH_FOLDER / "manifest.tsv").read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        f, k, expect, transcript, speaker, source, _repo, source_path, _commit, h, reason = \
            line.split("\t")
        if kind is None or k == kind:
            out.append(Request(HEALTH_FOLDER / f, k, tuple(clean(transcript).split()), h,
                               speaker, source, source_path, transcript, expect, reason))
    return out


def is_right(c: Request, outcome: str) -> bool:
    """Whether ``outcome`` is right for health_speech clip ``c``."""
    return outcome == "no_match" or (c.expect == "decline_or_offer" and outcome == "confirm")


def run_health_speech(kb: Any, rec: Any, show: bool) -> None:
    """Print the health_speech figures by kind and half (held-out: aggregates)."""
    clips = health_speech()
    print(f"\n{HEALTH_SPEECH} ({len(clips)} Common Voice clips of real people; none is a "
          "question the content answers, so an outright answer is always a wrong answer):")
    rows: dict[tuple[str, str], Counter[str]] = {}
    errors: Counter[tuple[str, str]] = Counter()
    ref_words: Counter[tuple[str, str]] = Counter()
    misses = []
    for c in clips:
        text, data = reply_to(kb, rec, c.path)
        t = rows.setdefault((c.set, c.half), Counter())
        t["n"] += 1
        t[data["outcome"]] += 1
        right = is_right(c, data["outcome"])
        t["right"] += right
        e, n = word_errors(clean(c.transcript), clean(text))
        errors[(c.set, c.half)] += e
        ref_words[(c.set, c.half)] += n
        if not right and c.half == "tuning":
            misses.append(f"{c.path.name} [{c.set}; expect {c.expect}]: heard {text!r} -> "
                          f"{data['outcome']}"
                          + (f" ({data['match']['title']})" if data.get("match") else ""))
    for h in HALVES:
        for k in (*HEALTH_KINDS, "all"):
            keys = [(x, h) for x in HEALTH_KINDS] if k == "all" else [(k, h)]
            t = sum((rows.get(key, Counter()) for key in keys), Counter())
            n = t["n"]
            if not n:
                continue
            e = sum(errors[key] for key in keys)
            w = sum(ref_words[key] for key in keys)
            print(f"  {h:8} {k:8} {n:2} clips: right {t['right']}/{n} "
                  f"({100 * t['right'] / n:.0f}%); declined {t['no_match']}, offered "
                  f"{t['confirm']}, answered outright {t['answer']}, emergency "
                  f"{t['emergency']}, command {t['command']}; WER {e / max(w, 1):.2f}")
    if show:
        for m in misses:
            print(f"      {m}")
    print("  in-scope questions by real people: none found with an open licence "
          "(tests/data/real/README.md)")


#: Whisper writes sizes as digits ("a 20 ounce latte"); the slots spell them.
_SPELLED = dict(enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()))


def words_heard(said: tuple[str, ...], heard: str) -> tuple[int, int]:
    """(words of ``said`` found in ``heard``, words in ``said``); digits heard
    count as their spelled words, "oz" as "ounce"."""
    got = {_SPELLED.get(int(w), w) if w.isdigit() else "ounce" if w == "oz" else w
           for w in clean(heard).split()}
    words = [w for phrase in said for w in phrase.split()]
    return sum(w in got for w in words), len(words)


def assistant(kb: Any) -> Any:
    """A fresh assistant: no speaker, JSON replies into a buffer."""
    from voice.app import Assistant
    from voice.conversation import Conversation

    return Assistant(Conversation(kb), None, out=io.StringIO(), json_lines=True)


def reply_to(kb: Any, rec: Any, path: Path) -> tuple[str, dict[str, Any]]:
    """(what the engine heard, the assistant's JSON reply) for one clip."""
    heard = rec.transcribe(padded(path))
    return heard.text, assistant(kb).handle_heard(heard, source=path.name)


@dataclass
class Tally:
    """Outcomes of one half of one set."""

    n: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    heard: int = 0
    words: int = 0
    errors: int = 0
    ref_words: int = 0
    audio_s: float = 0.0
    decode_s: float = 0.0
    misses: list[str] = field(default_factory=list)

    def line(self) -> str:
        o = self.outcomes
        pct = (lambda k: f"{o[k]}/{self.n} ({100 * o[k] / self.n:.0f}%)") if self.n else str
        words = f"{self.heard}/{self.words} ({100 * self.heard / self.words:.0f}%)" \
            if self.words else "-"
        wer = f"; WER {self.errors / self.ref_words:.2f}" if self.ref_words else ""
        return (f"declined {pct('no_match')}, offered {pct('confirm')}, answered outright "
                f"{pct('answer')}, emergency advice {pct('emergency')}, command "
                f"{pct('command')}; said words heard {words}{wer}")


def run(kb: Any, rec: Any, clips: list[Request]) -> dict[tuple[str, str, str], Tally]:
    """Tallies by (set, source, half)."""
    from voice.audio.clip import read_wav

    out: dict[tuple[str, str, str], Tally] = {}
    for c in clips:
        t = out.setdefault((c.set, c.source, c.half), Tally())
        start = time.perf_counter()
        text, data = reply_to(kb, rec, c.path)
        t.decode_s += time.perf_counter() - start
        t.audio_s += read_wav(c.path).duration
        t.n += 1
        t.outcomes[data["outcome"]] += 1
        h, n = words_heard(c.said, text)
        t.heard += h
        t.words += n
        if c.transcript:
            e, r = word_errors(clean(c.transcript), clean(text))
            t.errors += e
            t.ref_words += r
        bad = data["outcome"] != {"emergency": "emergency"}.get(c.set, "no_match")
        if bad and c.half == "tuning":
            t.misses.append(f"{c.path.name}: heard {text!r} -> {data['outcome']}"
                            + (f" ({data['match']['title']})" if data.get("match") else ""))
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--show", action="store_true",
                   help="list the tuning half's failures (never the held-out half's)")
    p.add_argument("--set", choices=(*SETS, READ, HEALTH_SPEECH), help="run one set only")
    args = p.parse_args(argv)
    from voice.config import Config
    from voice.content.loader import load_knowledge
    from voice.speech_in.select import load_recognizer

    kb = load_knowledge([REPO / "content"])
    said: list[str] = []
    rec = load_recognizer(Config(content_dirs=(str(REPO / "content"),)), said.append)
    if args.set == HEALTH_SPEECH:
        print(f"engine: {rec.name}")
        run_health_speech(kb, rec, args.show)
        print("held-out half: aggregate figures only, never listed clip by clip.")
        return 0
    clips = [c for c in requests() + read_sentences() if args.set in (None, c.set)]
    print(f"engine: {rec.name}; {len(clips)} clips of real people")
    tallies = run(kb, rec, clips)
    for s in (*SETS, READ) if args.set is None else (args.set,):
        print(f"\n{s}:")
        if not any(k[0] == s for k in tallies):
            print("  no clips (no openly licensed real recordings found; see "
                  "tests/data/real/README.md)")
            continue
        for source in sorted({k[1] for k in tallies if k[0] == s}):
            print(f"  {source}:")
            for h in HALVES:
                t = tallies.get((s, source, h), Tally())
                print(f"    {h:8} {t.n:3} clips: {t.line()}")
                if args.show and h == "tuning":
                    for m in t.misses:
                        print(f"        {m}")
    if args.set is None:
        run_health_speech(kb, rec, args.show)
    audio = sum(t.audio_s for t in tallies.values())
    decode = sum(t.decode_s for t in tallies.values())
    print(f"\nheard and answered in {decode:.1f} s for {audio:.1f} s of audio "
          f"(RTF {decode / audio:.2f}, whole path; machine shared, load shown by `uptime`)")
    print("held-out half: aggregate figures only, never listed clip by clip.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
