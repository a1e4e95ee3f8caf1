"""One Whisper model per process: the recognizer, barge-in's quick look and the
wake phrase's confirmation share it (voice/speech_in/whisper/shared_model.py).

Real model files, real CTranslate2, real espeak-ng speech; the `voice listen`
test runs the real process on the virtual microphone and counts, from inside
it, how often CTranslate2 builds a Whisper model and how often Python reads
model.bin (the SHA-256 check), without changing what either does. Nothing is
timed.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from voice.audio.clip import RECOGNIZER_RATE, read_wav
from voice.errors import ModelMissing
from voice.models.manifest import WHISPER_FILES, WHISPER_MODEL
from voice.speech_in.wake.confirm import load_confirmer
from voice.speech_in.wake.quick_stop import load_quick_stop
from voice.speech_in.whisper import WhisperRecognizer, shared_model

from .conftest import REPO

MODEL = REPO / "models" / WHISPER_MODEL


def _linked(models: Path) -> Path:
    """A models folder of its own whose Whisper files are the installed ones
    (links): a folder no other test has loaded."""
    folder = models / WHISPER_MODEL
    folder.mkdir(parents=True)
    for pin in WHISPER_FILES:
        os.symlink(MODEL / pin.name, folder / pin.name)
    return folder


def _said(tmp_path: Path, text: str, voice: str = "en-us") -> np.ndarray:
    out = tmp_path / f"{abs(hash((text, voice)))}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-w", str(out), text], check=True, timeout=60)
    return read_wav(out).resampled(RECOGNIZER_RATE).samples.reshape(-1)


def test_recognizer_quick_look_and_wake_confirmation_share_one_model(tmp_path: Path) -> None:
    folder = _linked(tmp_path / "models")
    before = shared_model.loads
    recognizer = WhisperRecognizer(folder)
    quick = load_quick_stop(folder)
    confirmer = load_confirmer("okay nabu", tmp_path / "models")
    assert quick is not None and confirmer is not None
    assert quick._model is recognizer._model
    assert confirmer._decoder._model is recognizer._model
    assert shared_model.loads == before + 1


def test_a_file_changed_after_the_load_is_checked_again_and_refused(tmp_path: Path) -> None:
    models = tmp_path / "models"
    shutil.copytree(MODEL, models / WHISPER_MODEL)
    folder = models / WHISPER_MODEL
    recognizer = WhisperRecognizer(folder)  # good bytes: loaded
    config = folder / "config.json"
    config.write_bytes(config.read_bytes() + b" ")  # then changed on disk
    with pytest.raises(ModelMissing) as e:
        WhisperRecognizer(folder)
    assert "config.json" in e.value.message and "\n" not in e.value.message
    # The others fall back as before: the full decode, the network alone.
    assert load_quick_stop(folder) is None
    assert load_confirmer("okay nabu", models) is None
    assert recognizer.decode_heard(np.zeros(RECOGNIZER_RATE, np.int16)).text == ""


def test_decodes_from_several_threads_at_once_are_those_of_each_alone(tmp_path: Path) -> None:
    # The recognizer (its decode at the first pause runs in a thread), the
    # quick look (barge-in's thread) and the confirmation, at the same time.
    folder = _linked(tmp_path / "models")
    recognizer = WhisperRecognizer(folder)
    quick = load_quick_stop(folder)
    confirmer = load_confirmer("okay nabu", tmp_path / "models")
    question = _said(tmp_path, "can these disorders be cured")
    stop = _said(tmp_path, "stop", "en+f3")
    phrase = _said(tmp_path, "okay nabu")
    jobs = {
        "recognizer": lambda: recognizer.decode_heard(question).text,
        "quick look": lambda: quick.look(stop).text,
        "confirmation": lambda: (confirmer.confirms(phrase), confirmer.heard[-1]),
    }
    alone = {name: job() for name, job in jobs.items()}
    together: dict[str, list[Any]] = {name: [] for name in jobs}
    start = threading.Barrier(len(jobs))

    def run(name: str) -> None:
        start.wait()
        for _ in range(2):
            together[name].append(jobs[name]())

    threads = [threading.Thread(target=run, args=(name,)) for name in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert together == {name: [result] * 2 for name, result in alone.items()}, alone


#: Loaded into the `voice listen` process (sitecustomize): writes a line each
#: time CTranslate2 builds a Whisper model, Python opens model.bin (to hash
#: it), or something asks the shared loader for the model (and who).
COUNTING = '''
import os, sys

def _arm():
    log = os.environ["WHISPER_COUNT_LOG"]

    def note(line):
        with open(log, "a") as f:
            f.write(line + "\\n")

    def hook(event, args):
        if event == "open" and str(args[0]).endswith("model.bin"):
            note(f"hash {args[0]}")

    sys.addaudithook(hook)
    import ctranslate2.models
    real = ctranslate2.models.Whisper

    def counted(path, *a, **k):
        note(f"load {path}")
        return real(path, *a, **k)

    ctranslate2.models.Whisper = counted
    try:
        from voice.speech_in.whisper import engine, shared_model
    except ImportError:  # before the shared loader: nothing asks it
        pass
    else:
        ask = shared_model.whisper_model

        def asked(folder):
            note(f"asked by {os.path.basename(sys._getframe(1).f_code.co_filename)}")
            return ask(folder)

        # engine.py took the name when the package was imported, just now.
        shared_model.whisper_model = engine.whisper_model = asked
    note("armed")

# Only in the assistant's own process (not its speech worker).
if sys.orig_argv[1:4] == ["-m", "voice", "listen"]:
    _arm()
'''


def test_voice_listen_loads_whisper_once_and_wake_answer_and_stop_still_work(
    virtual_mic: Any, tmp_path: Path
) -> None:
    from .test_barge_in_listen import LONG_Q, LONG_TITLE, STOPPED, _pump, _stop_wav, _until
    from .test_wake_micro import REAL, _espeak, _pcm, _write

    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(COUNTING)
    log = tmp_path / "whisper.log"
    question = _pcm(_espeak(tmp_path, LONG_Q, "question.wav"))
    woken = tmp_path / "woken.wav"
    _write(woken, np.concatenate([_pcm(REAL / "okay_nabu_wyoming_1.wav"),
                                  np.zeros(RECOGNIZER_RATE // 4, np.int16), question]))
    stop = _stop_wav(tmp_path)
    env = dict(virtual_mic.env, PYTHONPATH=f"{hook}{os.pathsep}{REPO}",
               WHISPER_COUNT_LOG=str(log), XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    for key in ("VOICE_CONFIG", "VOICE_MODELS_DIR"):
        env.pop(key, None)
    # The default settings: Whisper, the wake phrase "okay nabu" confirmed by
    # Whisper, barge-in with the "stop" model and Whisper's quick look; answers
    # spoken into the virtual microphone's sink.
    proc = subprocess.Popen([sys.executable, "-m", "voice", "listen", "--json", "--no-cues",
                             "--silence-timeout", "1.0"], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stderr is not None
    replies, err = _pump(proc.stdout), _pump(proc.stderr)
    seen: list[str] = []
    try:
        assert _until(err, "Listening...", seen, 180), seen
        assert any("Say 'okay nabu'" in line for line in seen), seen
        lines = log.read_text().splitlines()
        assert lines.count("armed") == 1, "the counting hook did not load"
        asked = {line.split()[-1] for line in lines if line.startswith("asked by")}
        assert asked == {"engine.py", "quick_stop.py", "confirm.py"}, lines
        assert sum(line.startswith("load ") for line in lines) == 1, lines
        assert sum(line.startswith("hash ") for line in lines) == 1, lines
        for _ in range(3):  # not what this tests: misheard, the user asks again
            virtual_mic.play(woken)
            answer = json.loads(replies.get(timeout=90))
            if (answer.get("match") or {}).get("title") == LONG_TITLE:
                break
            assert _until(err, "Listening...", seen, 60), seen
        assert (answer.get("match") or {}).get("title") == LONG_TITLE, answer
        time.sleep(4.0)  # a few seconds into the 30 s answer
        virtual_mic.play(stop)
        if not _until(err, STOPPED, seen, 8):
            virtual_mic.play(stop)  # a user not heard says it again
            assert _until(err, STOPPED, seen, 20), seen
        assert _until(err, "Listening...", seen, 30), seen
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=20)
    finally:
        proc.kill()
    assert not any("Traceback" in line for line in seen), seen
    lines = log.read_text().splitlines()
    assert sum(line.startswith(("load ", "hash ")) for line in lines) == 2, lines
