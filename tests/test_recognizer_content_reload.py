"""The recognizer follows content changed while the assistant runs.

A caregiver adds a page on the "intrathecal baclofen pump". The matcher used
it from the next question, but the recognizer stayed primed for the content
at start: Whisper's prompt (the FAQ questions) had no "baclofen", and espeak-ng's
"baclofen pump" was heard as "back low then pump" until a restart;
PocketSphinx's language model and dictionary had no "intrathecal" at all
("baclofen" is in the shipped article's text, which its model is built from).

Real parts throughout: the Whisper model installed by scripts/install.sh,
PocketSphinx's bundled model, espeak-ng speech, a real `voice serve` process
asked with wyoming's own client, and a real `voice listen --json` through the
virtual microphone.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from wyoming.asr import Transcribe, Transcript
from wyoming.audio import AudioChunk, AudioStart, AudioStop
from wyoming.client import AsyncTcpClient

from voice.audio.clip import AudioClip, read_wav
from voice.config import Config
from voice.content.loader import load_knowledge
from voice.services.content_reload import ContentReload
from voice.speech_in.select import load_pocketsphinx

from .conftest import ASK_AGAIN_SHIFT, CONTENT, REPO
from .test_listen import start_listen, wait_for_ready
from .test_serve_command import free_port

#: A new FAQ page with a word neither the shipped content nor everyday
#: English has.
NEW_PAGE = """# FAQ

## How is an intrathecal baclofen pump refilled?

A nurse refills the pump through the skin every few months.
"""
#: What is asked. Whisper hears a clip differently by where it falls on its
#: 20 ms frames (ASK_AGAIN_SHIFT): with the new prompt, espeak-ng's "baclofen
#: pump" was "baclofen" at 26 of 40 offsets, "intrathecal baclofen pump" at
#: 39 of 40 (misheard at 96 of 320 samples only); with the old prompt neither
#: was "baclofen" at any offset ("back low then pump", "intervecl mallefin
#: pump"; scripts/whisper_offset_map.py).
SAID = "intrathecal baclofen pump"
SAID_TO_POCKETSPHINX = "how is an intrathecal baclofen pump refilled"


def add_page(folder: Path) -> None:
    (folder / "baclofen.md").write_text(NEW_PAGE, encoding="utf-8")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    return folder


def espeak(folder: Path, text: str) -> Path:
    wav = folder / (text.replace(" ", "-") + ".wav")
    subprocess.run(["espeak-ng", "-w", str(wav), text], check=True, timeout=30)
    return wav


@pytest.fixture(scope="module")
def said_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return espeak(tmp_path_factory.mktemp("speech"), SAID)


# -- through the reload code paths, in process --------------------------------

def test_whisper_prompt_and_decoding_follow_a_content_reload(
        content: Path, said_wav: Path) -> None:
    from voice.models.manifest import WHISPER_MODEL
    from voice.speech_in.whisper import WhisperRecognizer

    cfg = Config(content_dirs=(str(content),))
    kb = load_knowledge(cfg.content_dirs)
    rec = WhisperRecognizer(REPO / "models" / WHISPER_MODEL, kb)
    reload = ContentReload(cfg, load_matcher_for(kb))
    reload.follow(rec)
    clip = read_wav(said_wav)
    before = rec.transcribe(clip).text
    assert "baclofen" not in rec.prompt and "baclofen" not in before, before

    add_page(content)
    reload.current()
    assert "intrathecal baclofen pump refilled" in rec.prompt
    after = rec.transcribe(clip).text
    assert "baclofen" in after, f"{before!r} -> {after!r}"


def test_asking_again_a_third_of_a_frame_later_lands_on_a_heard_offset(
        content: Path, tmp_path: Path) -> None:
    """Why the live tests' asks again start ASK_AGAIN_SHIFT later each time:
    from inside the stretch of Whisper's 20 ms frames where espeak-ng's
    "baclofen pump" is misheard (48..144 of 320 samples), the three asks
    include one heard as "baclofen". Three asks at one offset, as replays
    were, all miss there ("that's open pump" three times)."""
    from voice.models.manifest import WHISPER_MODEL
    from voice.speech_in.whisper import WhisperRecognizer

    add_page(content)
    rec = WhisperRecognizer(REPO / "models" / WHISPER_MODEL, load_knowledge([content]))
    speech = read_wav(espeak(tmp_path, "baclofen pump")).resampled(16000).samples
    for start in (64, 112):  # samples at 16 kHz, after 0.3 s of silence
        heard = []
        for ask in range(3):
            lead = 4800 + start + round(ask * ASK_AGAIN_SHIFT * 16000)
            audio = np.concatenate([np.zeros(lead, np.int16), speech, np.zeros(4800, np.int16)])
            heard.append(rec.transcribe(AudioClip(audio, 16000, 1)).text)
        assert any("baclofen" in h for h in heard), (start, heard)


def load_matcher_for(kb: Any) -> Any:
    from voice.matching.matcher import Matcher

    return Matcher(kb)


def test_pocketsphinx_takes_a_new_word_into_its_dictionary_between_utterances(
        content: Path, tmp_path: Path) -> None:
    cfg = Config(content_dirs=(str(content),))
    kb = load_knowledge(cfg.content_dirs)
    rec = load_pocketsphinx(kb, cache_dir=tmp_path / "lm")
    reload = ContentReload(cfg, load_matcher_for(kb))
    reload.follow(rec)
    assert not rec.knows("intrathecal") and not rec.knows("refilled")
    clip = read_wav(espeak(tmp_path, SAID_TO_POCKETSPHINX))
    stream = rec.stream()  # an utterance under way while the content changes

    add_page(content)
    reload.current()
    rec.wait_for_content(timeout=120)
    assert not rec.knows("intrathecal"), "never swapped in the middle of an utterance"
    stream.finish()
    assert rec.adapted is not None and "intrathecal" not in rec.adapted.dict_path.read_text()

    heard = rec.transcribe(clip).text  # the next utterance: swapped in before it
    assert rec.knows("intrathecal") and rec.knows("refilled")
    assert "intrathecal" in rec.adapted.dict_path.read_text()
    assert "intrathecal" in heard, heard


def test_a_pocketsphinx_rebuild_that_fails_keeps_the_old_model_with_one_line(
        content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    from voice.speech_in.pocketsphinx import engine

    cfg = Config(content_dirs=(str(content),))
    kb = load_knowledge(cfg.content_dirs)
    rec = load_pocketsphinx(kb, cache_dir=tmp_path / "lm")
    old = rec.adapted

    def broken(*_: Any) -> Any:
        # As PocketSphinx says it for a model it cannot read.
        raise RuntimeError("Failed to initialize")

    monkeypatch.setattr(engine, "_decoders", broken)
    add_page(content)
    with caplog.at_level(logging.WARNING, logger="voice.speech_in"):
        rec.use_content(load_knowledge(cfg.content_dirs))
        rec.wait_for_content(timeout=120)
    lines = [r.getMessage() for r in caplog.records if r.name == "voice.speech_in"]
    assert len(lines) == 1 and "keeps the one it had" in lines[0], lines
    rec.transcribe(AudioClip(np.zeros(8000, dtype=np.int16), 16000, 1))  # between utterances
    assert rec.adapted == old and not rec.knows("intrathecal"), "the old model is kept"


# -- a real `voice serve`, asked with wyoming's client --------------------------

async def _transcribe(port: int, wav: Path) -> str:
    clip = read_wav(wav)
    pcm = clip.pcm_bytes()
    deadline = time.monotonic() + 120
    while True:  # until the process listens (loading Whisper takes a moment)
        try:
            async with AsyncTcpClient("127.0.0.1", port, connect_timeout=5,
                                      read_timeout=60) as c:
                await c.write_event(Transcribe(language="en").event())
                fmt = {"rate": clip.rate, "width": 2, "channels": 1}
                await c.write_event(AudioStart(**fmt).event())
                for i in range(0, len(pcm), 4096):
                    await c.write_event(AudioChunk(**fmt, audio=pcm[i:i + 4096]).event())
                await c.write_event(AudioStop().event())
                event = await c.read_event()
                assert event is not None and Transcript.is_type(event.type), event
                return Transcript.from_event(event).text or ""
        except ConnectionRefusedError:
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.3)


def test_voice_serve_hears_a_new_pages_word_from_the_next_question(
        content: Path, said_wav: Path, tmp_path: Path) -> None:
    port = free_port()
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_STATE_HOME=str(tmp_path / "state"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    env.pop("VOICE_CONFIG", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "voice", "serve", "--recognizer", "whisper",
         "--content", str(content), "--uri", f"tcp://127.0.0.1:{port}"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        before = asyncio.run(_transcribe(port, said_wav))
        add_page(content)
        after = asyncio.run(_transcribe(port, said_wav))
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert "baclofen" not in before, before
    assert "baclofen" in after, f"{before!r} -> {after!r}; stderr: {err}"
    assert "Traceback" not in err


# -- a real `voice listen --json` through the virtual microphone ----------------

def test_voice_listen_hears_a_new_pages_word_after_the_content_changes(
        virtual_mic: Any, content: Path, said_wav: Path, tmp_path: Path) -> None:
    proc = start_listen(virtual_mic, "--content", str(content), "--json",
                        "--recognizer", "whisper", "--no-speak", "--no-cues", "--no-wake",
                        "--no-barge-in", "--silence-timeout", "1.0", tmp_path=tmp_path)
    assert proc.stdout is not None
    try:
        wait_for_ready(proc, timeout=120)
        add_page(content)
        # The microphone was open before the change: this question is heard
        # with the prompt it had; its answer reads the new content, and the
        # recognizer follows.
        virtual_mic.play(said_wav)
        first = json.loads(proc.stdout.readline())
        # After the change. Whisper hears this same clip as "baclofen" or not
        # by where it falls on its 20 ms frames (SAID, ASK_AGAIN_SHIFT): as a
        # user would, it is asked again, at most twice more, each time a third
        # of a frame later. Without the new prompt it is never "baclofen",
        # wherever it falls.
        later: list[dict[str, Any]] = []
        while len(later) < 3 and (not later or "baclofen" not in later[-1]["transcript"]):
            wait_for_ready(proc)
            virtual_mic.play(said_wav, lead_in=len(later) * ASK_AGAIN_SHIFT)
            later.append(json.loads(proc.stdout.readline()))
    finally:
        proc.kill()
        _, err = proc.communicate(timeout=30)
    second = later[-1]
    assert "baclofen" in second["transcript"], (
        first["transcript"], [x["transcript"] for x in later], err)
    assert second["match"]["title"] == "How is an intrathecal baclofen pump refilled?", second


# -- voice serve follows its settings file: the matching thresholds ------------

async def _handle(port: int, text: str) -> tuple[str, str]:
    deadline = time.monotonic() + 90
    while True:
        try:
            async with AsyncTcpClient("127.0.0.1", port, connect_timeout=5,
                                      read_timeout=30) as c:
                await c.write_event(Transcript(text=text).event())
                event = await c.read_event()
                assert event is not None
                return event.type, str((event.data or {}).get("text", ""))
        except ConnectionRefusedError:
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.2)


def test_voice_serve_uses_changed_thresholds_from_its_settings_file(
        content: Path, tmp_path: Path) -> None:
    settings = tmp_path / "voice.toml"
    settings.write_text("[matching]\nanswer_threshold = 100.0\nconfirm_threshold = 100.0\n",
                        encoding="utf-8")
    port = free_port()
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_STATE_HOME=str(tmp_path / "state"))
    env.pop("VOICE_CONFIG", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "voice", "serve", "--no-asr", "--config", str(settings),
         "--content", str(content), "--uri", f"tcp://127.0.0.1:{port}"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    question = "is there any cure for these muscle problems"
    try:
        strict = asyncio.run(_handle(port, question))
        # As the caregiver's page saves: written aside, renamed over.
        aside = tmp_path / "voice.toml.new"
        aside.write_text("[matching]\nanswer_threshold = 72.0\nconfirm_threshold = 45.0\n",
                         encoding="utf-8")
        os.replace(aside, settings)
        usual = asyncio.run(_handle(port, question))
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert strict[0] == "not-handled", strict
    assert usual[0] == "handled" and usual[1].startswith("Did you mean"), (usual, err)
    assert "Traceback" not in err
