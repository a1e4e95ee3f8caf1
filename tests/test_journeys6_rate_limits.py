"""Journey: the caregiver set the rate or volume beyond what the voice
commands reach (2026-12-02). The settings file takes a rate of 60-400 words a
minute and a volume of 0.0-1.0; the commands step within 80-260 and 0.2-1.0.
"Slower" at 60 set 80, faster, while saying "I'll speak more slowly";
"faster" at 400 set 260; "quieter" at 0.1 set 0.2. The tests failed before
the fix (docs/user-journeys.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from voice.content.loader import load_knowledge
from voice.conversation import Conversation
from voice.speech_out.base import VoiceSettings

from .conftest import CONTENT, REPO


@pytest.mark.parametrize(("rate", "command", "word"), [(60, "slower", "slowest"),
                                                        (400, "faster", "fastest")])
def test_a_rate_beyond_the_steps_is_never_moved_the_wrong_way(rate: int, command: str,
                                                              word: str) -> None:
    talk = Conversation(load_knowledge([CONTENT]), settings=VoiceSettings(rate=rate))
    reply = talk.respond(command)
    assert reply.settings.rate == rate and word in reply.say, reply.say
    # The other way it moves by a step, into the usual range.
    other = talk.respond("faster" if command == "slower" else "slower")
    assert (other.settings.rate > rate) == (command == "slower")


def test_a_volume_below_the_steps_is_not_raised_by_quieter() -> None:
    talk = Conversation(load_knowledge([CONTENT]), settings=VoiceSettings(volume=0.1))
    reply = talk.respond("quieter")
    assert reply.settings.volume == 0.1 and "as quiet as" in reply.say
    assert talk.respond("louder").settings.volume == 0.25  # one step up


def test_from_the_settings_file_through_voice_text(tmp_path: Path) -> None:
    config = tmp_path / "config" / "voice"
    config.mkdir(parents=True)
    (config / "config.toml").write_text("[speech_out]\nrate = 60\n", encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "voice", "text", "--json", "--no-speak"],
                          input="slower\n", cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    reply = json.loads(done.stdout.splitlines()[-1])
    assert reply["rate"] == 60 and "slowest" in reply["say"], reply
