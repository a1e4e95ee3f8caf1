"""Several changes to how it speaks asked in one line (session 32,
voice/conversation/several_commands.py): "speak more slowly and louder",
"that was too fast, say it again", "slow down and give me more time" were
declined as off the subject, and the third such line read out the whole
topic list. Real `voice text`, its JSON replies; the settings are kept
for the next run as after "slower" alone."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from voice.conversation.several_commands import commands_in

from .conftest import every_typed_line, voice_text_replies
from .test_robust25_slow_and import whisper_listened

#: The defaults `voice text` starts with (voice/config.py).
RATE, VOLUME = 150, 0.9


@pytest.mark.parametrize("said", ["speak more slowly and louder", "Speak more slowly, and louder.",
                                  "can you speak slower and a bit louder please",
                                  "louder and slower", "speak up and slow down"])
def test_slower_and_louder_in_one_line(tmp_path: Path, said: str) -> None:
    reply = voice_text_replies([said], tmp_path)[0]
    assert reply["outcome"] == "command", reply
    assert reply["rate"] < RATE and reply["volume"] > VOLUME, reply
    assert "more slowly" in reply["say"] and "louder" in reply["say"], reply
    # One way forward, said once.
    assert reply["say"].count("Say 'repeat'") == 1, reply


def test_kept_for_the_next_run(tmp_path: Path) -> None:
    voice_text_replies(["speak more slowly and louder"], tmp_path)
    reply = voice_text_replies(["what should i eat"], tmp_path)[0]
    assert reply["rate"] == RATE - 25 and reply["volume"] == 1.0, reply


@pytest.mark.parametrize("said", ["that was too fast, say it again",
                                  "slower please and repeat that"])
def test_too_fast_then_again_says_the_answer_again_slower(tmp_path: Path, said: str) -> None:
    answer, again = voice_text_replies(["what should i eat", said], tmp_path)
    assert answer["outcome"] == "answer", answer
    assert again["say"] == answer["say"], again
    assert again["rate"] == RATE - 25, again


def test_slower_and_more_time(tmp_path: Path) -> None:
    reply = voice_text_replies(["slow down and give me more time"], tmp_path)[0]
    assert reply["rate"] == RATE - 25, reply
    assert "more slowly" in reply["say"] and "3 seconds of quiet" in reply["say"], reply
    assert reply["say"].count("All right") == 1, reply


def test_at_the_limit_says_so_with_the_way_forward(tmp_path: Path) -> None:
    replies = voice_text_replies(["louder"] * 2 + ["slower and louder"], tmp_path)
    last = replies[-1]
    assert "more slowly" in last["say"] and "as loud as I can" in last["say"], last


@pytest.mark.parametrize("said", ["what helps spasms and sleep", "slower and faster",
                                  "louder and tell me about diet", "repeat and repeat"])
def test_not_several_commands(said: str) -> None:
    """A question joined by "and", opposites, and anything but these
    commands are left to the rest of the conversation."""
    assert commands_in(said) is None


def test_no_typed_question_is_taken_for_several_commands() -> None:
    """Of every typed line in tests/data (questions, others' requests, held
    out too, counted only), only requests to change the volume are taken:
    CLINC150's change_volume has one ("louder" twice), which is ours."""
    taken = [line for line in every_typed_line() if commands_in(line)]
    assert len(taken) <= 1


@pytest.mark.audio
def test_said_through_the_microphone(virtual_mic: Any, tmp_path: Path) -> None:
    """Real `voice listen` with tiny.en through PulseAudio's virtual
    microphone: the line spoken by espeak-ng is carried out whole."""
    clip = tmp_path / "said.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "140", "-w", str(clip),
                    "Please speak more slowly and louder."], check=True, timeout=30)
    got = whisper_listened(virtual_mic, clip, tmp_path)
    assert len(got) == 1, got
    assert got[0]["command"] == "slower+louder", got
    assert got[0]["rate"] < RATE and got[0]["volume"] > VOLUME, got
