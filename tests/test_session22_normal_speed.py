"""Journey: back to the usual speed and loudness in one command (session 22).

A user who had said "slower" three times had to say "faster" three times to
undo it; "normal speed" and "reset the speed" were offered the entry on
seeking medical attention, and "speak at normal volume" was declined
(found driving `voice text`). "Normal" is the settings file's rate and
volume (the caregiver's page writes it), or the defaults: not what the user
said since, which is kept between sessions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from voice.content.loader import load_knowledge
from voice.conversation import Conversation
from voice.conversation.commands import find_command
from voice.speech_out.base import VoiceSettings

from .conftest import CONTENT, REPO


def _talk() -> Conversation:
    return Conversation(load_knowledge([CONTENT]), settings=VoiceSettings(rate=130, volume=0.6))


def test_normal_speed_undoes_three_slowers_and_leaves_the_volume() -> None:
    talk = _talk()
    for _ in range(3):
        talk.respond("slower")
    talk.respond("louder")
    assert talk.settings.rate == 80
    reply = talk.respond("normal speed")
    assert reply.outcome == "command" and reply.settings.rate == 130, reply
    assert reply.settings.volume == 0.75 and "usual speed" in reply.say


@pytest.mark.parametrize(
    "line", ["speak at normal volume", "reset the volume", "Normal volume, please."])
def test_normal_volume_undoes_quieter_and_leaves_the_speed(line: str) -> None:
    talk = _talk()
    talk.respond("quieter")
    talk.respond("faster")
    reply = talk.respond(line)
    assert reply.outcome == "command" and reply.settings.volume == 0.6, reply
    assert reply.settings.rate == 155 and "usual volume" in reply.say


def test_back_to_normal_undoes_both() -> None:
    talk = _talk()
    talk.respond("slower")
    talk.respond("quieter")
    reply = talk.respond("back to normal")
    assert (reply.settings.rate, reply.settings.volume) == (130, 0.6), reply
    assert "speed and volume" in reply.say


def test_already_usual_says_so_and_the_way_on() -> None:
    reply = _talk().respond("normal speed")
    assert reply.settings.rate == 130 and "already" in reply.say and "question" in reply.say


def test_a_question_about_what_is_normal_is_still_a_question() -> None:
    for line in ("is it normal to have spasms at night", "what is a normal speed of walking",
                 "is my speech normal", "how do i get back to normal after a relapse"):
        assert find_command(line) is None, line


def _voice_text(home: Path, lines: str) -> list[dict[str, object]]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state")}
    done = subprocess.run([sys.executable, "-m", "voice", "text", "--json", "--no-speak"],
                          input=lines, cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def test_normal_is_the_settings_file_not_the_last_session(tmp_path: Path) -> None:
    first = _voice_text(tmp_path, "slower\nslower\n")
    assert first[-1]["rate"] == 100
    # The next start keeps the user's "slower"s (voice-settings.json) ...
    second = _voice_text(tmp_path, "repeat\nnormal speed\n")
    assert second[0]["rate"] == 100, second[0]
    # ... and "normal speed" goes back to the default, and is kept too.
    assert second[-1]["rate"] == 150 and "usual speed" in str(second[-1]["say"]), second[-1]
    assert _voice_text(tmp_path, "repeat\n")[0]["rate"] == 150


def test_normal_is_the_rate_the_settings_file_sets(tmp_path: Path) -> None:
    config = tmp_path / "config" / "voice"
    config.mkdir(parents=True)
    (config / "config.toml").write_text("[speech_out]\nrate = 120\n", encoding="utf-8")
    replies = _voice_text(tmp_path, "slower\nslower\nnormal speed\n")
    assert [r["rate"] for r in replies] == [95, 80, 120], replies
