"""`voice listen` with the wake phrase, through the virtual microphone.

Real PocketSphinx, real espeak-ng speech played into the null sink: a
question without the phrase is not answered; with it, it is; a follow-up
right after a reply needs no phrase.
"""

from __future__ import annotations

import json
import queue
import signal
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from voice.speech_in.wake.detector import confirmed

try:
    from tests.test_listen import read_until, spoken, start_listen, wait_for_ready
except ImportError:
    from test_listen import read_until, spoken, start_listen, wait_for_ready  # type: ignore

TITLE = "Is there a cure for neuromuscular disorders?"
QUESTION = "is there a cure for neuromuscular disorders"


def test_confirmation_needs_the_phrase() -> None:
    phrase = ["hey", "assistant"]
    assert confirmed(phrase, (("hey", 0.1), ("assistant", 0.2)))
    assert confirmed(phrase, (("thank", 0.3), ("assistant", 0.9)))
    assert not confirmed(phrase, (("assistant", 0.9),))  # nothing before it
    assert not confirmed(phrase, (("my", 0.9), ("assistant", 0.3)))
    assert not confirmed(phrase, (("hey", 0.9), ("is", 0.9)))
    # Talk about the assistant is not talk to it.
    assert not confirmed(phrase, (("what's", 0.9), ("the", 0.3), ("assistant", 1.0)))
    assert not confirmed(phrase, (("being", 0.9), ("my", 0.8), ("assistant", 0.9)))
    assert confirmed(phrase, (("the", 0.3), ("hey", 0.1), ("assistant", 0.9)))
    assert confirmed(["stop"], (("please", 0.5), ("stop", 0.4)))


#: The live wake tests below were xfail (non-strict: "the phrase is caught
#: about 70% of the time") and passed every run: 6 of 6 here on 2026-12-01
#: (3 before and 3 after said_again.py, a loaded machine) and in CI. Their
#: clip is one fixed espeak-ng voice saying "hey assistant", which the
#: spotter catches; how often the phrase is caught over many voices is
#: scripts/benchmark_wake.py's figure, not theirs. Now a miss fails them.


#: Plays of the woken question before the test gives up. One espeak-ng
#: voice's "hey assistant" through the virtual microphone was caught in
#: every run here (7 of 7 on 2026-12-03, 3 of them at load 11), but once in
#: a clean-clone CI (stop 28) the spotter missed it and the test waited in
#: silence for a reply. How often the phrase is caught over many voices is
#: scripts/benchmark_wake.py's figure; this test is about what is answered,
#: so a miss, said as "not addressed to me", is played once more.
WOKEN_TRIES = 2


def _reply_once_woken(proc: Any, replies: queue.Queue[str], virtual_mic: Any,
                      woken: Path) -> str:
    """The reply to ``woken`` (phrase, then question); fails with what the
    assistant printed if it never answers."""
    seen: list[str] = []
    wait_for_ready(proc)
    for _ in range(WOKEN_TRIES):
        if seen:  # the "Listening..." after the miss is read: the sink's first block
            time.sleep(0.3)
        virtual_mic.play(woken)
        heard = read_until(proc, "Listening...", 60)  # done with it, listening again
        seen += heard
        try:
            return replies.get(timeout=10)
        except queue.Empty:
            if not any("not addressed to me" in line for line in heard):
                break  # heard as addressed, yet no reply: not the spotter's miss
    proc.kill()
    pytest.fail(f"the woken question was never answered; stderr: {seen}")


def _lines(stream: Any) -> queue.Queue[str]:
    q: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        for line in stream:
            q.put(line)

    threading.Thread(target=pump, daemon=True).start()
    return q


def test_only_questions_after_the_wake_phrase_are_answered(
    virtual_mic: Any, tmp_path: Path
) -> None:
    plain = spoken(QUESTION, "wake-plain.wav")
    woken = spoken(f"hey assistant. {QUESTION}", "wake-question.wav")
    settings = tmp_path / "settings.toml"
    settings.write_text('[listen]\nwake_word = true\nwake_phrase = "hey assistant"\n')
    proc = start_listen(virtual_mic, "--json", "--recognizer", "pocketsphinx", "--no-speak",
                        "--no-cues", "--silence-timeout", "1.0", "--config", str(settings),
                        tmp_path=tmp_path)
    assert proc.stdout is not None
    replies = _lines(proc.stdout)
    try:
        wait_for_ready(proc)
        virtual_mic.play(plain)
        read_until(proc, "not addressed to me")
        assert replies.empty()
        first = json.loads(_reply_once_woken(proc, replies, virtual_mic, woken))
        assert first["match"]["title"] == TITLE
        assert "assistant" not in first["transcript"]
        # A follow-up within the window needs no wake phrase (the helper has
        # read the "Listening..." that opened the window).
        time.sleep(0.3)
        virtual_mic.play(plain)
        second = json.loads(replies.get(timeout=30))
        assert second["match"]["title"] == TITLE
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=15)
    finally:
        proc.kill()
    assert proc.returncode == 130 and "Traceback" not in err


def test_the_phrase_alone_opens_a_window_and_follow_up_is_configurable(
    virtual_mic: Any, tmp_path: Path
) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text('[listen]\nwake_word = true\nwake_phrase = "hey assistant"\n'
                        "follow_up = 0\n")  # no follow-ups
    phrase = spoken("hey assistant", "wake-alone.wav")
    plain = spoken(QUESTION, "wake-plain.wav")
    proc = start_listen(virtual_mic, "--json", "--recognizer", "pocketsphinx", "--no-speak",
                        "--no-cues", "--silence-timeout", "1.0", "--config", str(settings),
                        tmp_path=tmp_path)
    assert proc.stdout is not None
    replies = _lines(proc.stdout)
    try:
        wait_for_ready(proc)
        for _ in range(WOKEN_TRIES):  # a miss of the spotter: see WOKEN_TRIES
            virtual_mic.play(phrase)
            heard = read_until(proc, "Listening...", 60)
            time.sleep(0.3)  # the null sink's first block, as wait_for_ready does
            if not any("not addressed to me" in line for line in heard):
                break  # woken: listening again, no phrase needed now
        else:
            pytest.fail(f"the phrase alone never woke it; stderr: {heard}")
        time.sleep(2.0)  # a slow speaker takes a moment to begin
        virtual_mic.play(plain)
        first = json.loads(replies.get(timeout=30))
        assert first["match"]["title"] == TITLE
        wait_for_ready(proc)
        virtual_mic.play(plain)  # follow_up = 0: this one needs the phrase
        read_until(proc, "not addressed to me")
        assert replies.empty()
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=15)
    finally:
        proc.kill()


def test_doctor_says_which_wake_phrase_is_in_force(tmp_path: Path) -> None:
    from voice.cli.commands.doctor import check_wake
    from voice.config import load

    cfg_file = tmp_path / "c.toml"
    assert "'okay nabu' first" in check_wake(load(None)).detail  # on by default
    cfg_file.write_text('[listen]\nwake_word = true\nwake_phrase = "hello computer"\n'
                        'follow_up = 5\n')
    check = check_wake(load(cfg_file))
    assert check.status == "ok"
    assert "'hello computer'" in check.detail and "5 s" in check.detail
    cfg_file.write_text("[listen]\nwake_word = false\n")
    assert "off" in check_wake(load(cfg_file)).detail
    cfg_file.write_text('[listen]\nwake_word = true\nwake_phrase = "hey zorblax"\n')
    bad = check_wake(load(cfg_file))
    assert bad.status == "FAIL" and "zorblax" in bad.detail


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
