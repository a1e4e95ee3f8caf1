"""How long a pause ends a question, chosen by voice (session 31).

A slow speaker cut off mid-question said "you cut me off" or "give me more
time" and was told "I don't have an answer for that": the pause that ends
a question could only be changed in a settings file. Now "give me more
time" waits a second longer (up to 6 s), "don't wait so long" a second
less, the choice is kept between runs like "slower", and `voice listen`
ends the next question on it. Real `voice text`, and the last test real
`voice listen` with tiny.en through PulseAudio's virtual microphone.
"""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from voice.conversation.commands import find_command

from .conftest import voice_text_replies
from .test_robust25_slow_and import whisper_listened


def _settings(state: Path) -> dict[str, Any]:
    return dict(json.loads((state / "voice" / "voice-settings.json").read_text()))


@pytest.mark.parametrize("said", [
    "you cut me off", "give me more time", "let me finish", "stop interrupting me",
    "wait for me", "I need more time to speak",
])
def test_a_cut_off_speaker_is_given_more_time(tmp_path: Path, said: str) -> None:
    reply = voice_text_replies([said], tmp_path)[0]
    assert reply["outcome"] == "command", reply
    assert "3 seconds of quiet" in reply["say"] and "ask it again" in reply["say"], reply
    assert _settings(tmp_path)["wait"] == 3.0


def test_the_wait_is_kept_between_runs_and_has_limits(tmp_path: Path) -> None:
    says = [r["say"] for r in voice_text_replies(["give me more time"] * 3, tmp_path)]
    assert ["3 seconds" in says[0], "4 seconds" in says[1], "5 seconds" in says[2]] == [True] * 3
    # The next run starts where the last one ended, and stops at 6 s.
    says = [r["say"] for r in voice_text_replies(["wait longer", "wait longer"], tmp_path)]
    assert "6 seconds of quiet now ends" in says[0], says
    assert says[1].startswith("This is the longest I wait: 6 seconds"), says
    says = [r["say"] for r in voice_text_replies(["don't wait so long"], tmp_path)]
    assert "5 seconds of quiet now ends" in says[0] and "give me more time" in says[0], says
    assert _settings(tmp_path)["wait"] == 5.0


def test_never_shorter_than_a_second(tmp_path: Path) -> None:
    says = [r["say"] for r in voice_text_replies(["answer sooner"] * 2, tmp_path)]
    assert "1 second of quiet now ends" in says[0], says
    assert says[1].startswith("This is the shortest I wait: 1 second"), says


def test_a_damaged_wait_is_set_aside_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "voice"
    folder.mkdir()
    (folder / "voice-settings.json").write_text('{"rate": 120, "wait": "forever"}')
    reply = voice_text_replies(["give me more time"], tmp_path)[0]
    # From the default 2 s, not a traceback; the good rate is kept.
    assert "3 seconds of quiet" in reply["say"], reply
    assert _settings(tmp_path) == {"rate": 120, "volume": 0.9, "voice": "en-us", "wait": 3.0}


@pytest.mark.parametrize("line", [
    "how long will i have to wait for a diagnosis", "what time is it", "wait", "stop",
    "can more time outdoors help", "should i be patient with my treatment",
])
def test_questions_and_other_commands_are_not_taken_for_it(line: str) -> None:
    assert find_command(line) not in ("wait_longer", "wait_less"), line


#: The question in two parts with a pause between: longer than the default
#: 2 s that ends a question, shorter than the 5 s chosen by voice.
FIRST, REST, GAP = "what can I eat", "to help with my muscle spasms", 3.5


def _two_parts(folder: Path) -> Path:
    """The question spoken in two parts, GAP seconds apart."""
    parts = []
    for i, text in enumerate((FIRST, REST)):
        raw = folder / f"part{i}.wav"
        subprocess.run(["espeak-ng", "-v", "en", "-s", "140", "-w", str(raw), text],
                       check=True, timeout=30)
        parts.append(raw)
    first = folder / "first.wav"
    subprocess.run(["sox", str(parts[0]), str(first), "pad", "0", str(GAP)], check=True,
                   timeout=30)
    both = folder / "both.wav"
    subprocess.run(["sox", str(first), str(parts[1]), str(both)], check=True, timeout=30)
    return both


def _turns(virtual_mic: Any, folder: Path) -> list[dict[str, Any]]:
    both = _two_parts(folder)
    return whisper_listened(virtual_mic, both, folder)


@pytest.mark.audio
def test_voice_listen_waits_as_long_as_the_user_asked(virtual_mic: Any, tmp_path: Path) -> None:
    """The same spoken question with a 3.5 s pause in it: two turns at the
    default 2 s; one turn, both parts in it, once "give me more time" was
    said three times (typed here, in an earlier run)."""
    before = tmp_path / "before"
    before.mkdir()
    split = _turns(virtual_mic, before)
    assert len(split) == 2, split  # the control: the pause ends a question by default

    after = tmp_path / "after"
    after.mkdir()
    voice_text_replies(["give me more time"] * 3, after / "state")
    assert _settings(after / "state")["wait"] == 5.0
    whole = _turns(virtual_mic, after)
    assert len(whole) == 1, whole
    heard = str(whole[0]["transcript"]).lower()
    assert "eat" in heard and "spasm" in heard, heard


def test_voice_config_says_the_pause_was_chosen_by_voice(tmp_path: Path) -> None:
    """A caregiver asking why it waits so long reads where the 4 s came from
    (the caregiver's page shows the same values: current_values)."""
    import sys

    from .conftest import REPO

    voice_text_replies(["give me more time", "give me more time"], tmp_path)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-m", "voice", "config"], cwd=REPO, env=env,
                         capture_output=True, text=True, timeout=60, check=True).stdout
    assert "silence_timeout = 4.0    (chosen by voice, kept in" in out, out


def _heard_by_ptt(virtual_mic: Any, folder: Path, both: Path) -> str:
    """What `voice ptt` (keyboard toggle, PocketSphinx) heard for one press."""
    from .test_ptt_command import Lines, press, running

    env = dict(virtual_mic.env, XDG_CONFIG_HOME=str(folder / "cfg"),
               XDG_STATE_HOME=str(folder / "state"))
    for k in ("VOICE_CONFIG", "GPIOZERO_PIN_FACTORY"):
        env.pop(k, None)
    with running(env) as proc:
        assert proc.stdout and proc.stderr
        err = Lines(proc.stderr)
        err.wait_for("Each line is one button press", 60)
        press(proc)
        err.wait_for("listening...", 10)
        time.sleep(0.3)  # the null sink's first block (MACHINE-NOTES)
        virtual_mic.play(both)
        heard = err.wait_for("heard:", 30)
        press(proc, "quit")
        proc.wait(timeout=20)
    return heard


@pytest.mark.audio
def test_push_to_talk_toggle_waits_as_long_as_the_user_asked(virtual_mic: Any,
                                                            tmp_path: Path) -> None:
    """The toggle ends a question on quiet too: at the default 2 s the press
    hears only the first part; with 5 s chosen by voice, both."""
    both = _two_parts(tmp_path)
    before = _heard_by_ptt(virtual_mic, tmp_path / "before", both)
    # PocketSphinx's words for the rest vary from run to run ("help with my
    # muscles cause a", "help my muscles cause": the CI of 170800f); its
    # "help" marks that the rest was heard in the same press, as the control
    # shows it is not at the default pause.
    assert "help" not in before, before  # the control
    voice_text_replies(["give me more time"] * 3, tmp_path / "after" / "state")
    after = _heard_by_ptt(virtual_mic, tmp_path / "after", both)
    assert "eat" in after and "help" in after, after


def test_voice_doctor_says_the_pause_and_where_it_came_from(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`voice doctor`'s line, from the real settings file (the check alone:
    the whole doctor speaks and records, which the CI's live tests share)."""
    from voice.cli.commands.doctor import check_pause
    from voice.config import Config

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    check = check_pause(Config())
    assert (check.status, check.detail) == ("ok", "2 s of quiet (the default)"), check
    voice_text_replies(["give me more time"] * 2, tmp_path)
    check = check_pause(Config())
    assert check.detail.startswith("4 s of quiet (chosen by voice, kept in "), check
    assert "give me more time" in check.fix, check
    import inspect

    from voice.cli.commands import doctor

    assert "check_pause" in inspect.getsource(doctor.run_checks)


@pytest.mark.parametrize("said", [
    "can you wait a bit longer before answering", "could you give me a bit more time",
    "please stop cutting me off", "i need more time to answer",
])
def test_asked_in_other_words_too(said: str) -> None:
    assert find_command(said) == "wait_longer", said


@pytest.mark.parametrize("line", [
    "will i live longer", "do i need more time to recover", "how much longer",
    "tell me that one more time please",
])
def test_questions_with_its_words_are_not_it(line: str) -> None:
    assert find_command(line) != "wait_longer", line
