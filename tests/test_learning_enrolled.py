"""Learning the voice after ``voice adapt``: its sentences are kept with their
true words, and listening goes on learning from them plus what it hears.
Real CMUSphinx tools, real PocketSphinx, real espeak-ng speech, real commands
(conftest gives each test its own XDG_STATE_HOME, which the commands inherit).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from voice.audio.clip import RECOGNIZER_RATE, read_wav
from voice.content.loader import load_knowledge
from voice.speech_in.pocketsphinx import adaptation as ad
from voice.speech_in.pocketsphinx import learning
from voice.speech_in.select import (
    ADAPTED_LINE,
    LEARNING_LINE,
    RELEARNED_LINE,
    load_recognizer,
)

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from make_spoken_questions import speak  # noqa: E402

from tests.test_adaptation_shape import write_transform  # noqa: E402
from tests.test_learning import HEARD, VOICE, _cfg, _clip, _stream  # noqa: E402

#: Fewer than 'voice adapt' asks for (20), to keep the builds short; still
#: above MIN_RECORDINGS, so a build from these alone would work.
ENROL = 8


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    kb = load_knowledge([REPO / "content"])
    return ad.prompts((e.answer for e in kb.entries), ad.DEFAULT_SENTENCES)


@pytest.fixture(scope="module")
def reading(sentences: list[str]) -> list[ad.Recording]:
    """The first ENROL sentences, read by the test voice."""
    return [ad.Recording(_clip(text), text) for text in sentences[:ENROL]]


def _folder(path: Path, texts: Sequence[str]) -> Path:
    """Recordings as a caregiver leaves them for ``voice adapt --from-dir``."""
    path.mkdir()
    for i, text in enumerate(texts):
        shutil.copy(speak(text, VOICE), path / f"s{i:02d}.wav")
        (path / f"s{i:02d}.txt").write_text(text + "\n", encoding="utf-8")
    return path


def _voice(*args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "voice", *args, "--no-speak"],
                            capture_output=True, text=True, cwd=REPO, env=os.environ.copy(),
                            timeout=180)
    assert result.returncode == 0, result.stderr
    return result


def _kept_texts() -> list[str]:
    folder = ad.default_enrolment_dir()
    return [p.read_text(encoding="utf-8").strip() for p in sorted(folder.glob("*.txt"))]


def _enrol(reading: Sequence[ad.Recording]) -> Path:
    """What ``voice adapt`` leaves: a transform (an identity one: building a
    real one is tested elsewhere) and its sentences."""
    assert ad.keep_enrolment(reading) == len(reading)
    return write_transform(ad.default_transform_path(), (13, 13, 13))


def test_adapt_keeps_its_sentences_a_new_one_replaces_them_and_reset_deletes_them(
    sentences: list[str], tmp_path: Path
) -> None:
    first = _voice("adapt", "--from-dir", str(_folder(tmp_path / "a", sentences[:ENROL])),
                   "--no-compare")
    assert _kept_texts() == sentences[:ENROL]
    assert f"Kept the {ENROL} sentences in {ad.default_enrolment_dir()}" in first.stderr
    assert "I keep the sentences you read, on this device only" in first.stderr  # said too
    wavs = sorted(ad.default_enrolment_dir().glob("*.wav"))
    assert len(wavs) == ENROL and all(read_wav(w).rate == RECOGNIZER_RATE for w in wavs)

    # A caregiver records the sentences again months later: only these are kept.
    again = sentences[ENROL:ENROL + ad.MIN_RECORDINGS]
    _voice("adapt", "--from-dir", str(_folder(tmp_path / "b", again)), "--no-compare")
    assert _kept_texts() == again

    reset = _voice("adapt", "--reset")
    assert "any recordings I kept to learn it" in reset.stderr
    assert not ad.default_enrolment_dir().exists()
    assert not ad.default_transform_path().exists()


def test_adapt_keeps_no_sentences_when_learning_is_switched_off(
    sentences: list[str], reading: list[ad.Recording], tmp_path: Path
) -> None:
    ad.keep_enrolment(reading)  # from an earlier 'voice adapt'
    settings = Path(os.environ["XDG_CONFIG_HOME"]) / "voice" / "config.toml"
    settings.parent.mkdir(parents=True)
    settings.write_text("[speech_in]\nlearn_voice = false\n")
    result = _voice("adapt", "--from-dir", str(_folder(tmp_path / "a", sentences[:ENROL])),
                    "--no-compare")
    assert ad.transform_problem(ad.default_transform_path()) == ""
    assert not ad.default_enrolment_dir().exists() and "Kept the" not in result.stderr
    assert "I keep the sentences" not in result.stderr


def test_after_adapt_listening_learns_from_its_sentences_and_what_it_heard(
    reading: list[ad.Recording], monkeypatch: pytest.MonkeyPatch
) -> None:
    enrolled = _enrol(reading)
    given: list[list[str]] = []
    real_build = learning.build_transform

    def build(recordings: Sequence[ad.Recording], out: Path | None = None) -> ad.AdaptResult:
        given.append([r.text for r in recordings])
        return real_build(recordings, out)

    monkeypatch.setattr(learning, "build_transform", build)
    said: list[str] = []
    rec: Any = load_recognizer(_cfg(), said.append, learn=True)
    # It starts from the enrolment transform: better transcripts to learn from.
    assert rec.mllr == enrolled and ADAPTED_LINE in said and LEARNING_LINE in said
    learner = rec.learner
    assert learner is not None and learner.enrolled == ad.default_enrolment_dir()
    learner.first_after = 5  # the real FIRST_AFTER only takes longer
    for text in HEARD[:4]:
        _stream(rec, _clip(text))
    learner.wait()
    assert given == [] and not learner.transform.exists()

    _stream(rec, _clip(HEARD[4]))
    learner.wait()
    assert learner.failed == "" and len(given) == 1
    heard = [p.read_text().strip() for p in sorted(learner.heard_dir.glob("*.txt"))]
    assert len(heard) == 5
    # The sentences with their true words, then what was heard, as recognised.
    assert given[0] == [r.text for r in reading] + heard
    assert ad.transform_problem(learner.transform) == ""
    _stream(rec, _clip(HEARD[5]))
    assert rec.mllr == learner.transform

    # The next start: the learned transform is the newer one.
    said.clear()
    again: Any = load_recognizer(_cfg(), said.append, learn=True)
    assert again.mllr == learner.transform and RELEARNED_LINE in said


@pytest.mark.parametrize(("learned", "starts_with"), [
    ("newer", "learned"), ("older", "enrolled"), ("damaged", "enrolled"), ("none", "enrolled"),
])
def test_start_up_uses_a_learned_transform_only_when_newer_than_the_enrolment_one(
    learned: str, starts_with: str, reading: list[ad.Recording]
) -> None:
    enrolled = _enrol(reading)
    path = learning.default_folder() / "mllr_matrix"
    if learned == "damaged":
        path.parent.mkdir(parents=True)
        path.write_text("1\n3\n13\nnot numbers\n")
    elif learned != "none":
        write_transform(path, (13, 13, 13))
    made = enrolled.stat().st_mtime
    if path.exists():
        os.utime(path, (made + 60, made + 60) if learned != "older" else (made - 60, made - 60))
    said: list[str] = []
    rec: Any = load_recognizer(_cfg(), said.append, learn=True)
    assert rec.mllr == {"learned": path, "enrolled": enrolled}[starts_with]
    assert rec.learner is not None and rec.mllr_problem == ""
    assert (RELEARNED_LINE in said) == (starts_with == "learned"), said
    assert (ADAPTED_LINE in said) == (starts_with == "enrolled"), said


def test_adaptation_made_before_sentences_were_kept_is_used_as_it_is(
    reading: list[ad.Recording]
) -> None:
    # 'voice adapt' of an older version: a transform, no sentences.
    enrolled = write_transform(ad.default_transform_path(), (13, 13, 13))
    said: list[str] = []
    rec: Any = load_recognizer(_cfg(), said.append, learn=True)
    assert rec.mllr == enrolled and rec.learner is None
    assert ADAPTED_LINE in said and LEARNING_LINE not in said
    _stream(rec, reading[0].clip)
    assert not learning.default_folder().exists(), "kept a question it cannot learn from"
