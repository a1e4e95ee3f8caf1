"""Journeys: "I need help" (2026-12-02, `voice text` and `voice listen`).

"I need help", "help me", "I need help now" are no emergency words, so they
got only the list of commands, and when the assistant was asleep (after
"goodbye") they got silence. Someone in trouble must hear first where to get
help (docs/user-journeys.md). Each test failed before the fix.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from voice.content.loader import load_knowledge
from voice.conversation import Conversation, phrases

from .conftest import CONTENT, REPO


@pytest.fixture
def talk() -> Conversation:
    return Conversation(load_knowledge([CONTENT]))


@pytest.mark.parametrize("said", ["I need help", "help me", "I need help now",
                                  "please help me", "Can you help me?"])
def test_a_call_for_help_hears_the_emergency_number_first(talk: Conversation,
                                                          said: str) -> None:
    reply = talk.respond(said)
    assert reply.say.startswith(phrases.URGENT_HELP_FIRST), reply.say
    # ... and then how to use the assistant, as before.
    assert "You can also say" in reply.say


@pytest.mark.parametrize("said", ["help", "what can you do", "what can I say"])
def test_asking_how_to_use_it_is_not_told_about_emergencies(talk: Conversation,
                                                            said: str) -> None:
    reply = talk.respond(said)
    assert reply.command == "help" and phrases.URGENT_HELP_FIRST not in reply.say


def test_a_call_for_help_wakes_the_sleeping_assistant(talk: Conversation) -> None:
    talk.respond("goodbye")
    assert talk.asleep
    assert talk.respond("what about diet").say == ""  # asleep: the room is not answered
    reply = talk.respond("I need help")
    assert not talk.asleep
    assert reply.say.startswith(phrases.URGENT_HELP_FIRST)


def test_through_voice_text_asleep(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "voice", "text", "--json", "--no-speak"],
                          input="goodbye\nhelp me\n", cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    replies = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert replies[-1]["say"].startswith(phrases.URGENT_HELP_FIRST), replies
