"""Replay every line of tests/data, scripted journeys and recorded hearings
through Conversation, as `voice text` builds it, and write each reply and the
state after each turn, one JSON line a turn (branch split28, session 26:
21,097 turns, byte for byte the same before and after conversation.py was
split into modules).

A check for changes meant to move nothing (a refactor, a speed-up), and a
count of what a matching or conversation change moved:

    PYTHONPATH=. python scripts/replay_conversation.py /tmp/before.jsonl  # in one tree
    PYTHONPATH=. python scripts/replay_conversation.py /tmp/after.jsonl   # in the other
    python scripts/replay_conversation.py --compare /tmp/before.jsonl /tmp/after.jsonl

``--compare`` prints how many turns differ per file and the differing turns
themselves, except those of held-out sets (a file named ``*held*``), whose
changes are counted only: a held-out half is never read question by question.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from voice.app import load_matcher, usual_voice_settings
from voice.config import Config
from voice.content.model import Entry
from voice.conversation import Conversation
from voice.conversation.personal import PersonalPhrasings, Phrasing
from voice.matching.matcher import Candidate
from voice.speech_out.base import VoiceSettings

ROOT = Path.cwd()
DATA = ROOT / "tests" / "data"

JOURNEYS: list[list[str]] = [
    ["what is ms", "what is als", "what is myasthenia gravis", "yes", "go on", "go on"],
    ["what is spasticity", "go on", "repeat", "slower", "slower", "slower", "slower",
     "faster", "normal speed", "louder", "quieter", "normal volume", "stop", "go on"],
    ["what is spasticity", "stop", "go on", "go on", "go on", "go on", "repeat"],
    ["what is spasticity", "no", "go on", "again slower", "again louder"],
    ["how do i eat wel", "yes", "how do i eat wel", "that's wrong", "yes"],
    ["how much magnesium should i take", "what is the weather tomorrow"],
    ["how much magnesium should i take", "no", "yes"],
    ["what helps with spasms and", "sleep", "yes"],
    ["what helps with spasms and", "at night", "go on"],
    ["what is the", "spasticity", "go on"],
    ["what is the", "what?", "slower", "spasticity"],
    ["how do i", "eat well"],
    ["what is the", "...", "cope"],
    ["what is spasticity", "help, I can't breathe", "yes", "no", "go on"],
    ["he can't breathe", "what is ms", "call an ambulance", "go on"],
    ["go to sleep", "what is ms", "I need help", "wake up", "what is ms"],
    ["go to sleep", "help, I can't breathe", "what is ms"],
    ["go to sleep", "quit"],
    ["what causes spasms", "what helps it", "yes", "how long does it last", "yes"],
    ["what causes that", "yes"],
    ["how long does diagnosis take", "yes", "how long will it take to get to work"],
    ["my husband has MS, what can he do for his spasms", "yes"],
    ["my mum has been diagnosed with ms, how do i support her", "go on"],
    ["what are the early signs and when should someone seek medical attention",
     "go on", "go on", "go on", "yes", "no"],
    ["what is ms and how is it treated", "no", "that's wrong"],
    ["I feel sad", "yes", "I feel great", "I can't go on", "no"],
    ["I'm scared I will die", "yes", "is it contagious", "no", "what will my life be like",
     "yes"],
    ["should I stop my baclofen", "yes", "how do I take my tablets", "no"],
    ["what if I miss a contraceptive pill", "what helps spasms at night", "yes"],
    ["I'm having a spasm right now", "yes", "he can't swallow properly", "yes"],
    ["list topics", "go on", "go on", "seven", "back", "back", "start again"],
    ["list topics", "99", "3"],
    ["how many topics are there", "two"],
    ["what is ms", "zero", "tell me more", "tell me more", "no", "tell me more"],
    ["is there a cure", "tell me more", "yes", "tell me more"],
    ["blah blah", "foo bar baz", "qwerty uiop", "what is the weather", "help"],
    ["HELP!!!", "help", "help me", "about you", "where is this from", "privacy"],
    ["forget what you learned", "how do i eat wel", "yes", "forget what you learned", "no",
     "forget what you learned", "yes", "forget what you learned"],
    ["never mind", "what is spasticity", "never mind", "go on", "pause", "go on"],
    ["explain it simpler", "what is ms", "explain it simpler", "call my daughter"],
    ["hello", "thank you", "wake up", "goodbye"],
    ["¿qué es la esclerosis múltiple?", "was ist das", "???", ""],
    ["how do i eat wel", "is the", "yes the", "how do i", "eat well"],
    ["how do i eat wel", "zero", "3", "yes"],
    ["what is ms", "what is ms", "what is als", "no", "what is als", "yes"],
    ["what helps spasms", "second", "yes", "more", "the second one"],
]
#: Lines said to a recognizer: each heard, with a doubtful flag and sure words.
HEARD_FILES = sorted((DATA / "heard").glob("*.json"))


def plain(value: Any) -> Any:
    """A JSON-able picture of state and reply fields (entries by id)."""
    if isinstance(value, Entry):
        return f"<entry {value.id}>"
    if isinstance(value, Candidate):
        return [value.entry.id, round(value.score, 6)]
    if isinstance(value, Phrasing):
        return ["phrasing", value.words, value.entry_id]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, float):
        return round(value, 6)
    return value


class Replay:
    def __init__(self, out: Any) -> None:
        self.cfg = Config()
        self.matcher = load_matcher(self.cfg, forgiving=True)
        self.settings = VoiceSettings(rate=self.cfg.rate, volume=self.cfg.volume,
                                      voice=self.cfg.voice)
        self.out = out
        self.turns = 0

    def fresh(self) -> Conversation:
        return Conversation(self.matcher.kb, self.matcher, self.settings,
                            phrasings=PersonalPhrasings(),
                            usual=usual_voice_settings(self.cfg, self.settings))

    def turn(self, talk: Conversation, tag: str, text: str, **how: Any) -> None:
        reply = talk.respond(text, **how)
        self.turns += 1
        row = {
            "tag": tag, "in": text, "how": plain(how), "reply": plain(reply),
            "json": reply.to_json(),
            "after": {"asks_yes_no": talk.asks_yes_no, "asleep": talk.asleep,
                      "last_say": talk.last_say, "settings": plain(talk.settings),
                      "phrasings": [plain(p) for p in talk.phrasings.items],
                      "state": plain(talk._s)},
        }
        self.out.write(json.dumps(row, sort_keys=True, ensure_ascii=False) + "\n")


def question_files() -> list[Path]:
    return sorted(p for p in DATA.rglob("*") if p.suffix in (".tsv", ".txt")
                  and not p.name.startswith("LICENSE") and p.is_file())


def lines_of(path: Path) -> list[str]:
    return [line.split("\t")[0] for line in path.read_text().splitlines()
            if line.strip() and not line.startswith("#")]


def held_out(tag: str) -> bool:
    """A turn of a held-out set: its lines are counted, never shown."""
    return "held" in tag.split(":")[0]


def compare(before: Path, after: Path, show: int) -> int:
    """Print the turns that differ between two replays; 0 when none do.
    Tags present in one replay only (a data file added) are counted apart."""
    def rows(path: Path) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for line in path.read_text().splitlines():
            row = json.loads(line)
            out[row["tag"]] = row
        return out

    a, b = rows(before), rows(after)
    common = [t for t in a if t in b]
    moved = [t for t in common if a[t] != b[t]]
    per_file = Counter(t.split(":")[0] for t in moved)
    print(f"{len(common)} turns in both, {len(moved)} differ; "
          f"{len(a) - len(common)} only before, {len(b) - len(common)} only after")
    for name, n in per_file.most_common():
        print(f"  {n:5d}  {name}{'  (held out: counted only)' if held_out(name) else ''}")
    shown = [t for t in moved if not held_out(t)][:show]
    for t in shown:
        print(f"\n{t}: {a[t]['in']!r}\n  before: {a[t]['json'].get('say', a[t]['json'])!r}"
              f"\n  after:  {b[t]['json'].get('say', b[t]['json'])!r}")
    return 1 if moved else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", help="where to write the replay (JSON lines)")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--show", type=int, default=40, help="differing turns to print")
    args = parser.parse_args()
    if args.compare:
        before, after = args.compare
        sys.exit(compare(before, after, args.show))
    if not args.out:
        parser.error("give a file to write, or --compare BEFORE AFTER")
    with open(args.out, "w") as out:
        r = Replay(out)
        files = question_files()
        for path in files:
            name = str(path.relative_to(ROOT))
            lines = lines_of(path)
            for i, line in enumerate(lines):
                r.turn(r.fresh(), f"{name}:{i}:fresh", line)
            long = r.fresh()
            for i, line in enumerate(lines):
                r.turn(long, f"{name}:{i}:long", line)
            # The long conversation's end, state kept: "stop" then a stop.
            long.stop()
        for j, journey in enumerate(JOURNEYS):
            talk = r.fresh()
            for i, line in enumerate(journey):
                r.turn(talk, f"journey{j}:{i}", line)
            talk.stop()
            r.turn(talk, f"journey{j}:after-stop", "go on")
            talk.use_settings(VoiceSettings(rate=120, volume=0.5), usual=VoiceSettings())
            r.turn(talk, f"journey{j}:after-settings", "normal speed")
        for path in HEARD_FILES:
            hearings = json.loads(path.read_text())["hearings"]
            talk = r.fresh()
            for i, h in enumerate(hearings):
                sure = [w for w, p in h.get("words", []) if p >= 0.9]
                how = {"doubtful": h.get("confidence", 1.0) < 0.7, "heard": True,
                       "sure": sure}
                r.turn(r.fresh(), f"{path.name}:{i}:fresh", h["text"], **how)
                r.turn(talk, f"{path.name}:{i}:long", h["text"], **how)
                r.turn(r.fresh(), f"{path.name}:{i}:long-speech", h["text"],
                       long_speech=True, heard=True)
        print(f"{len(files)} files, {len(JOURNEYS)} journeys, {r.turns} turns",
              file=sys.stderr)


if __name__ == "__main__":
    main()
