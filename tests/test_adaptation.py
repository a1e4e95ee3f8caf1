"""Speaker adaptation (`voice adapt`) with the real CMUSphinx tools and real
espeak-ng speech: the transform is built, used, and helps."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from voice.audio.clip import read_wav
from voice.content.loader import load_knowledge
from voice.speech_in.pocketsphinx import adaptation as ad
from voice.speech_in.pocketsphinx.corpus import build_corpus
from voice.speech_in.pocketsphinx.engine import PocketSphinxRecognizer
from voice.speech_in.pocketsphinx.lexicon import words_of

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from benchmark_audio import pad, word_errors  # noqa: E402
from make_spoken_questions import Variant, speak  # noqa: E402

from tests.test_adaptation_shape import write_transform  # noqa: E402

#: One synthetic "speaker". The stock model mishears this voice often, which
#: is the case adaptation is for (60 tuning questions: 88 -> 46 word errors).
VOICE = Variant("en+m3")

#: Sentences never read during enrolment (tuning questions).
UNSEEN = [
    "is there a cure", "what should i eat", "how can i sleep better",
    "does exercise help with spasms", "can stress make it worse",
    "what causes muscle cramps", "is it hereditary", "tell me about physical therapy",
]


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    env.update(extra)
    return env


def voice(tmp_path: Path, *args: str, env: dict[str, str] | None = None,
          timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "voice", *args], capture_output=True,
                          text=True, timeout=timeout, cwd=REPO, env=env or _env(tmp_path))


def transform(tmp_path: Path) -> Path:
    return tmp_path / "state" / "voice" / "adaptation" / "mllr_matrix"


@pytest.fixture(scope="module")
def prompts() -> list[str]:
    kb = load_knowledge([REPO / "content"])
    return ad.prompts((e.answer for e in kb.entries), ad.DEFAULT_SENTENCES)


@pytest.fixture(scope="module")
def recordings(prompts: list[str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The prompts read by one voice, as a caregiver would leave them."""
    folder = tmp_path_factory.mktemp("enrol")
    for i, text in enumerate(prompts):
        shutil.copy(speak(text, VOICE), folder / f"s{i:02d}.wav")
        (folder / f"s{i:02d}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def test_prompts_are_short_known_and_stable(prompts: list[str]) -> None:
    known = ad.dictionary_words()
    assert len(prompts) == ad.DEFAULT_SENTENCES
    assert len(set(prompts)) == len(prompts)
    for p in prompts:
        assert 4 <= len(p.split()) <= 14 and all(w in known for w in p.split()), p
    kb = load_knowledge([REPO / "content"])
    assert ad.prompts((e.answer for e in kb.entries), 5) == prompts[:5]


def test_sendump_becomes_normalised_mixture_weights(tmp_path: Path) -> None:
    weights = ad.read_sendump(ad.model_dir() / "sendump")
    assert weights.shape == (5126, 3, 128)
    assert np.allclose(weights.sum(axis=2), 1.0)
    out = tmp_path / "mixture_weights"
    ad.write_mixture_weights(out, weights)
    data = out.read_bytes()
    assert data.startswith(b"s3\nversion 1.0\nendhdr\n")
    assert len(data) == len(b"s3\nversion 1.0\nendhdr\n") + 4 + 16 + weights.size * 4


def test_from_dir_builds_a_transform_that_helps(recordings: Path, tmp_path: Path) -> None:
    kept = tmp_path / "state" / "voice" / "adaptation" / "learned" / "heard" / "00000001.txt"
    kept.parent.mkdir(parents=True)
    kept.write_text("what should i eat\n")  # a question kept while listening
    result = voice(tmp_path, "adapt", "--from-dir", str(recordings), "--no-speak")
    assert result.returncode == 0, result.stderr
    # Questions heard before were decoded without this reading: a new
    # reading starts learning afresh, so they are not kept.
    assert not kept.parent.parent.exists()
    assert f"I learned your voice from {ad.DEFAULT_SENTENCES} sentences" in result.stderr
    path = transform(tmp_path)
    assert ad.transform_problem(path) == ""

    corpus = build_corpus(load_knowledge([REPO / "content"]))
    cache = tmp_path / "ps"
    plain = PocketSphinxRecognizer(corpus, cache)
    adapted = PocketSphinxRecognizer(corpus, cache, mllr=path)
    assert adapted.mllr == path and adapted.mllr_problem == ""
    before = after = 0
    for text in UNSEEN:
        clip = pad(read_wav(speak(text, VOICE)))
        ref = " ".join(words_of(text))
        before += word_errors(ref, plain.transcribe(clip).text)[0]
        after += word_errors(ref, adapted.transcribe(clip).text)[0]
    print(f"\nword errors on {len(UNSEEN)} unseen sentences: {before} -> {after}")
    assert after <= before


def test_too_few_or_silent_recordings_leave_the_old_transform(
    recordings: Path, tmp_path: Path
) -> None:
    old = transform(tmp_path)
    old.parent.mkdir(parents=True)
    old.write_text("previous")
    folder = tmp_path / "few"
    folder.mkdir()
    for name in ("s00", "s01"):
        shutil.copy(recordings / f"{name}.wav", folder)
        shutil.copy(recordings / f"{name}.txt", folder)
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", "-b", "16", str(folder / "q.wav"),
                    "trim", "0", "2"], check=True)
    (folder / "q.txt").write_text("early diagnosis is key")
    result = voice(tmp_path, "adapt", "--from-dir", str(folder), "--no-speak")
    assert result.returncode == 2
    assert "I could only use 2 of the 3 recordings" in result.stderr
    assert "Traceback" not in result.stderr
    assert old.read_text() == "previous"


def test_corrupt_transform_runs_unadapted_and_says_so(tmp_path: Path) -> None:
    from voice.config import Config
    from voice.speech_in.select import load_recognizer

    bad = ad.default_transform_path()  # conftest points XDG_STATE_HOME at tmp
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_text("1\n3\n13\nnot numbers\n")
    said: list[str] = []
    rec: Any = load_recognizer(Config(recognizer="pocketsphinx"), said.append)
    assert rec.mllr is None
    assert any("is damaged" in s and "voice adapt" in s for s in said), said
    assert rec.transcribe(read_wav(speak("what should i eat", Variant("en-us")))).text
    said.clear()
    rec = load_recognizer(Config(recognizer="pocketsphinx", adaptation=False), said.append)
    assert rec.mllr is None and not any("damaged" in s for s in said)


def test_missing_tool_is_one_clear_line(tmp_path: Path, recordings: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()  # a PATH without sphinx_fe
    result = voice(tmp_path, "adapt", "--from-dir", str(recordings), "--no-speak",
                   env=_env(tmp_path, PATH=str(bin_dir)))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1] == (
        "voice: The voice training program sphinx_fe is missing. Install the "
        "sphinxbase-utils package, for example by running scripts/install.sh again.")
    assert not transform(tmp_path).exists()


def test_reset_removes_the_transform(tmp_path: Path) -> None:
    path = transform(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text("x")
    result = voice(tmp_path, "adapt", "--reset", "--no-speak")
    assert result.returncode == 0 and not path.exists()
    assert "I removed what I learned about your voice" in result.stderr
    again = voice(tmp_path, "adapt", "--reset", "--no-speak")
    assert again.returncode == 0 and "There was no adaptation" in again.stderr


def test_interactive_session_through_the_microphone(
    virtual_mic: Any, prompts: list[str], tmp_path: Path
) -> None:
    """Each prompt said into the virtual microphone, the first one answered
    "skip", then the transform from the rest (MIN_RECORDINGS sentences: the
    fewest a transform is built from)."""
    count = ad.MIN_RECORDINGS + 1
    proc = subprocess.Popen(
        [sys.executable, "-m", "voice", "adapt", "--sentences", str(count), "--no-speak",
         "--no-compare", "--no-cues", "--silence-timeout", "1.0", "--start-timeout", "20"],
        cwd=REPO, env=_env(tmp_path, XDG_RUNTIME_DIR=virtual_mic.env["XDG_RUNTIME_DIR"],
                           PULSE_SERVER=virtual_mic.env["PULSE_SERVER"]),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    seen: list[str] = []

    def answer() -> None:
        assert proc.stderr is not None
        sentence = ""
        prompts_seen = 0
        for line in proc.stderr:
            seen.append(line.rstrip("\n"))
            if line.startswith("Please say: "):
                sentence = line[len("Please say: "):].strip()
                prompts_seen += 1
            elif line.startswith("Listening...") and sentence:
                time.sleep(0.3)  # the null sink's first block (MACHINE-NOTES)
                virtual_mic.play(speak("skip" if prompts_seen == 1 else sentence, VOICE))
                sentence = ""

    reader = threading.Thread(target=answer, daemon=True)
    reader.start()
    try:
        proc.wait(timeout=240)
    finally:
        proc.kill()
    reader.join(timeout=10)
    assert proc.returncode == 0, seen
    assert sum(s.startswith("Please say: ") for s in seen) == count
    assert "All right, the next one." in seen
    assert any(f"I learned your voice from {count - 1} sentences" in s for s in seen), seen
    assert ad.transform_problem(transform(tmp_path)) == ""


def test_stop_and_skip_are_told_from_the_sentence(prompts: list[str]) -> None:
    listener = ad.CommandListener()
    for word in ("stop", "skip"):
        clip = pad(read_wav(speak(word, VOICE)))
        assert listener.command(clip, prompts[0], 0.5) == word
    reading = pad(read_wav(speak(prompts[0], VOICE)))
    assert listener.command(reading, prompts[0], 1.0) == ""
    # Longer than any command: never taken for one, whatever it sounds like.
    assert listener.command(pad(read_wav(speak("stop", VOICE))), prompts[0], 3.0) == ""


def test_doctor_says_whether_an_adaptation_is_used() -> None:
    from voice.cli.commands.doctor import check_adaptation
    from voice.config import Config

    none = check_adaptation(Config())
    assert (none.status, none.detail) == ("ok", "none made yet") and "voice adapt" in none.fix
    path = ad.default_transform_path()
    path.parent.mkdir(parents=True)
    path.write_text("1\n1\n2\n1 0\n0 1\n0 0\n1 1\n")  # well formed, wrong shape for en-us
    wrong = check_adaptation(Config())
    assert wrong.status == "warn" and "different speech model" in wrong.detail
    write_transform(path, [13, 13, 13])  # the en-us shape
    used = check_adaptation(Config())
    assert used.status == "ok" and used.detail.startswith("in use for PocketSphinx")
    off = check_adaptation(Config(adaptation=False))
    assert "switched off" in off.detail
    path.write_text("garbage")
    assert check_adaptation(Config()).status == "warn"
