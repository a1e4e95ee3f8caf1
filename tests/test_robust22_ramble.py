"""A long ramble that trails off ("... and") is not read back word for word.

Found driving `voice text`: a 750-word line pasted as one (a tired user's
five minutes of talk, transcribed, trailing off on "and") was taken for a
half sentence and answered "I only heard '<all 750 words>'": minutes of
the user's own words read back before the way forward.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from voice.content.loader import load_knowledge
from voice.conversation import Conversation, phrases

from .conftest import CONTENT

ROOT = Path(__file__).resolve().parent.parent

#: A caregiver's story, repeated to about five minutes of talk, ending where
#: they trailed off.
STORY = ("so my mother has had multiple sclerosis for years and the spasms at night "
         "are getting worse and I wonder whether the doctor should change her "
         "medication or whether physical therapy would help and also what about diet ")
RAMBLE = (STORY * 25) + "and"


def test_a_ramble_that_trails_off_is_not_quoted_back() -> None:
    talk = Conversation(load_knowledge([CONTENT]))
    reply = talk.respond(RAMBLE)
    assert reply.outcome == "no_match", reply
    assert "I only heard" not in reply.say, reply.say[:200]
    assert len(reply.say.split()) < 60, reply.say[:200]
    assert "in a few words" in reply.say, reply.say
    # The assistant goes on: the next question is answered.
    assert talk.respond("can these disorders be cured").outcome == "answer"


def test_a_short_half_sentence_is_still_asked_to_be_finished() -> None:
    talk = Conversation(load_knowledge([CONTENT]))
    half = "I wanted to ask you something about what is the"
    reply = talk.respond(half)
    assert reply.say == phrases.only_heard(half), reply.say


def test_voice_text_pasted_ramble(tmp_path: Path) -> None:
    env = dict(os.environ, XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run(
        [sys.executable, "-m", "voice", "text", "--no-speak"],
        input=RAMBLE + "\ncan these disorders be cured\n", capture_output=True, text=True,
        timeout=120, env=env, cwd=ROOT,
    )
    lines = done.stdout.splitlines()
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert len(lines) == 2 and all(len(line.split()) < 80 for line in lines), lines
    assert "cure" in lines[1], lines
