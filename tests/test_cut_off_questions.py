"""A question cut off at the longest question allowed ([audio] max_utterance)
is offered, never answered outright: what it asked may be in the part not
heard ("I've had cramps for years and my hands ... [cut]"), and a wrong answer
read in full is the worst failure. A cut question that finds nothing is asked
again in a few words, not told it is off the subject."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from voice.app import Assistant, build_assistant
from voice.cli.options import config_from_args
from voice.speech_in.base import Transcript

from .test_listen import spoken, start_listen, wait_for_ready

CURE = "is there a cure for neuromuscular disorders"


def assistant() -> Assistant:
    args = argparse.Namespace(config=None, content=None, no_speak=True, speak_to=None)
    return build_assistant(config_from_args(args), args, json_lines=True, persist=False)


def test_a_cut_question_is_offered_not_answered() -> None:
    heard = Transcript(CURE, "pocketsphinx")
    assert assistant().handle_heard(heard)["outcome"] == "answer"
    reply = assistant().handle_heard(heard, cut=True)
    assert reply["outcome"] == "confirm", reply["say"]
    assert reply["say"].startswith("Did you mean: Is there a cure for neuromuscular disorders?")


def test_a_cut_ramble_is_asked_again_in_a_few_words() -> None:
    ramble = ("well you see it all started about three years ago when I first noticed that my "
              "hands were getting weaker and I kept dropping cups and my husband thought I was "
              "just being clumsy")
    reply = assistant().handle_heard(Transcript(ramble, "whisper"), cut=True)
    assert reply["outcome"] in ("no_match", "confirm")
    if reply["outcome"] == "no_match":
        assert "Please ask again in a few words" in reply["say"]


def test_listen_offers_a_question_cut_off_by_the_limit(virtual_mic: Any,
                                                       tmp_path: Path) -> None:
    long_question = spoken(f"{CURE} and also what about my hands and my legs and the cramps "
                           "that wake me up at night", "cut-off.wav")
    proc = start_listen(virtual_mic, "--once", "--json", "--recognizer", "pocketsphinx",
                        "--no-speak", "--no-cues", "--max-utterance", "3", tmp_path=tmp_path)
    try:
        wait_for_ready(proc)
        virtual_mic.play(long_question)
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert "That was a long question, so I stopped listening after 3 seconds." in err
    reply = json.loads(out.splitlines()[-1])
    assert "cure" in reply["transcript"]
    assert reply["outcome"] == "confirm", reply


def test_push_to_talk_offers_a_cut_question_too() -> None:
    from types import SimpleNamespace

    from voice.devices.session import PushToTalkSession, _Heard

    class Recorder:
        wants_exit = False

        def __init__(self) -> None:
            self.inner = assistant()
            self.replies: list[dict[str, Any]] = []
            self.said: list[str] = []

        def handle_heard(self, heard: Transcript, source: str | None = None,
                         cut: bool = False) -> dict[str, Any]:
            self.replies.append(self.inner.handle_heard(heard, source, cut))
            return self.replies[-1]

        def say(self, text: str) -> None:
            self.said.append(text)

        def stop_speaking(self) -> None:
            pass

    recorder = Recorder()
    recognizer = SimpleNamespace(transcribe=lambda clip: Transcript(CURE, "pocketsphinx"))
    session = PushToTalkSession(recorder, lambda *a, **k: None, recognizer)  # type: ignore[arg-type]
    utt = SimpleNamespace(cut=True, heard_speech=True, listened=31.0, speech_start=1.0,
                          clip=None)
    session._heard(_Heard(SimpleNamespace(cancelled=False), utt))  # type: ignore[arg-type]
    assert recorder.said == ["That was a long question, so I stopped listening after 30 "
                             "seconds."]
    assert [r["outcome"] for r in recorder.replies] == ["confirm"]
