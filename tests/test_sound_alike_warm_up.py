"""The spoken modes read the CMU dictionary in the background once their
recognizer is loaded, so the first doubtful spoken question does not wait
for it (voice/matching/sound_alike.py ``warm_up``; figures:
scripts/benchmark_first_question.py).

The real commands run as processes; a sitecustomize hook notes, from inside
them, when sound_alike.py opens the dictionary, without changing anything.
No question is asked: without the warm-up the dictionary is never read.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from voice.app import load_matcher
from voice.config import load
from voice.conversation.heard import understood
from voice.matching import sound_alike
from voice.speech_in.base import Transcript

from .conftest import REPO

#: Loaded into the command's process: a line each time sound_alike.py opens
#: the CMU dictionary.
NOTING = '''
import os, sys

def _hook(event, args):
    if event == "open" and str(args[0]).endswith("cmudict-en-us.dict"):
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_code.co_filename.endswith("sound_alike.py"):
                with open(os.environ["CMUDICT_LOG"], "a") as f:
                    f.write("read\\n")
                return
            frame = frame.f_back

if sys.orig_argv[1:3] == ["-m", "voice"]:
    sys.addaudithook(_hook)
'''


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("command", ["listen", "ptt", "serve"])
def test_the_spoken_modes_read_the_dictionary_before_any_question(
    command: str, virtual_mic: Any, tmp_path: Path
) -> None:
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(NOTING)
    log = tmp_path / "cmudict.log"
    env = dict(virtual_mic.env, PYTHONPATH=f"{hook}:{REPO}", CMUDICT_LOG=str(log),
               XDG_STATE_HOME=str(tmp_path / "state"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_CACHE_HOME=str(tmp_path / "cache"))
    for key in ("VOICE_CONFIG", "GPIOZERO_PIN_FACTORY"):
        env.pop(key, None)
    flags = {"listen": ["--no-wake", "--no-speak", "--no-cues", "--json"],
             "ptt": ["--no-speak", "--no-cues"],
             "serve": ["--uri", f"tcp://127.0.0.1:{_free_port()}"]}[command]
    ready = {"listen": "Listening...", "ptt": "Each line is one button press",
             "serve": "serving handle and asr"}[command]
    proc = subprocess.Popen([sys.executable, "-m", "voice", command, "--recognizer",
                             "pocketsphinx", *flags], cwd=REPO, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    seen: list[str] = []
    try:
        for line in proc.stderr:
            seen.append(line)
            if ready in line:
                break
        assert any(ready in line for line in seen), seen
        deadline = time.monotonic() + 30  # a loaded machine; ~0.3 s when idle
        while time.monotonic() < deadline and not log.exists():
            time.sleep(0.1)
        assert log.exists(), seen
        assert log.read_text() == "read\n", (log.read_text(), seen)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_after_the_warm_up_a_doubtful_question_is_read_the_same() -> None:
    # "what is my as the near grab is" (myasthenia gravis, heard unsurely):
    # the warm-up builds what the question would, and nothing else changes.
    words = (("what", 0.9), ("is", 0.9), ("my", 0.3), ("as", 0.2), ("the", 0.5),
             ("near", 0.3), ("grab", 0.3), ("is", 0.4))
    heard = Transcript(" ".join(w for w, _ in words), "whisper", words=words)
    cold = understood(heard, load_matcher(load(None)))
    matcher = load_matcher(load(None))
    sound_alike.warm_up(matcher).join(timeout=60)
    assert matcher._sound_alike is not None
    assert understood(heard, matcher) == cold


def test_a_question_during_the_warm_up_waits_for_its_index(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    # A doubtful question that comes while the warm-up is still building the
    # index waits for that one build and uses it, rather than building a
    # second copy beside it (the work twice, on a Pi's busy cores).
    from voice.matching import matcher as matcher_module

    built: list[object] = []
    real = matcher_module.SoundAlike

    def slow(words: Any) -> Any:
        index = real(words)
        time.sleep(0.3)  # the warm-up is still building when the question asks
        built.append(index)
        return index

    matcher = load_matcher(load(None))
    monkeypatch.setattr(matcher_module, "SoundAlike", slow)
    warming = sound_alike.warm_up(matcher)
    time.sleep(0.05)
    asked = matcher.sound_alike
    warming.join(timeout=60)
    assert len(built) == 1
    assert asked is built[0] is matcher.sound_alike
