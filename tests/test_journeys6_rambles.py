"""Journey: a caregiver asks several things in one long breath (2026-12-02,
`voice text`): "I don't have an answer for that in what I know" told them
none of it was covered. Now they are asked to ask one thing at a time. The
tests failed before the fix (docs/user-journeys.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from voice.content.loader import load_knowledge
from voice.conversation import Conversation, phrases

from .conftest import CONTENT, REPO

RAMBLE = ("um so my mother has MS and she has been having these terrible cramps at night and "
          "I was wondering whether there is anything she could eat or any exercise she could "
          "do or maybe a medicine that would help her sleep better")


def test_a_long_question_with_no_answer_is_asked_one_thing_at_a_time(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "voice", "text", "--json", "--no-speak"],
                          input=RAMBLE + "\n", cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    reply = json.loads(done.stdout.splitlines()[-1])
    assert reply["outcome"] == "no_match"
    assert reply["say"].startswith(phrases.TOO_MUCH_AT_ONCE), reply["say"]
    assert "list topics" in reply["say"]  # and the way forward, as before


def test_a_short_question_with_no_answer_is_told_as_before() -> None:
    talk = Conversation(load_knowledge([CONTENT]))
    reply = talk.respond("what is the weather like tomorrow in Paris")
    assert reply.outcome == "no_match"
    assert reply.say.startswith("Sorry, I don't have an answer for that")
