"""The recognizer that hears this user best: `voice adapt` measures every
installed engine on the user's own reading, `auto` follows it, `voice doctor`
shows it. Real engines (Whisper from models/, PocketSphinx with the real
CMUSphinx tools), an espeak-ng voice as "the user"."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from voice.config import Config
from voice.content.loader import load_knowledge
from voice.speech_in import own_voice as ov
from voice.speech_in.pocketsphinx import adaptation as ad
from voice.speech_in.pocketsphinx.engine import PocketSphinxRecognizer
from voice.speech_in.select import load_recognizer
from voice.speech_in.whisper import WhisperRecognizer

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from make_spoken_questions import Variant, speak  # noqa: E402

#: "The user": a voice the stock PocketSphinx model mishears often.
USER = Variant("en+m3")
#: Fewer sentences than 'voice adapt' asks for (20), to keep the builds short:
#: still four folds, each transform from 6 of them (MIN_RECORDINGS is 5).
SENTENCES = 8


def cfg(**kw: object) -> Config:
    return Config(content_dirs=(str(REPO / "content"),), **kw)  # type: ignore[arg-type]


def voice(*args: str) -> subprocess.CompletedProcess[str]:
    # os.environ carries conftest's private XDG_STATE_HOME to the child.
    return subprocess.run([sys.executable, "-m", "voice", *args], capture_output=True,
                          text=True, timeout=300, cwd=REPO, env=os.environ.copy())


@pytest.fixture(scope="module")
def reading(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The user's reading of the sentences, as a caregiver leaves it for --from-dir."""
    kb = load_knowledge([REPO / "content"])
    folder = tmp_path_factory.mktemp("reading")
    for i, text in enumerate(ad.prompts((e.answer for e in kb.entries), SENTENCES)):
        shutil.copy(speak(text, USER), folder / f"s{i:02d}.wav")
        (folder / f"s{i:02d}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def test_adapt_measures_each_engine_and_auto_follows_it(reading: Path) -> None:
    result = voice("adapt", "--from-dir", str(reading), "--no-speak")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    saved = json.loads(ov.results_path().read_text())
    scores = {e["engine"]: e for e in saved["engines"]}
    assert set(scores) == {"whisper", "pocketsphinx"}, saved
    # Both on the same words: every sentence, each engine.
    assert {e["clips"] for e in scores.values()} == {SENTENCES}
    assert len({e["words"] for e in scores.values()}) == 1
    how = scores["pocketsphinx"]["how"]
    assert "held out" in how and "4 folds" in how
    best = ov.choose([ov.EngineScore(n, e["errors"], e["words"], e["clips"], e["how"])
                      for n, e in scores.items()])
    assert saved["best"] == best
    # Said aloud at the end (and printed, with --no-speak).
    name = ov.DISPLAY[best]
    assert "I compared the speech recognizers on your voice." in result.stderr
    assert f"so I will use {name} for you" in result.stderr

    said: list[str] = []
    rec = load_recognizer(cfg(recognizer="auto"), said.append)
    assert rec.name == best
    # One line says which and why; the engine's usual line is not said as well.
    assert said[0].startswith(f"Using {name}: ") and "measured by 'voice adapt'" in said[0]
    assert not any(s.startswith(("Using Whisper (", "Using PocketSphinx (")) for s in said)

    doctor = voice("doctor")
    line = next(s for s in doctor.stdout.splitlines() if "Recognizer for your voice" in s)
    pct = round(100 * scores["whisper"]["errors"] / scores["whisper"]["words"])
    assert line.startswith("ok ") and f"Whisper {pct}%" in line and f"auto uses {name}" in line

    # A new reading without the comparison drops the old one (it described
    # another reading and another adaptation); --reset drops it too.
    voice("adapt", "--from-dir", str(reading), "--no-speak", "--no-compare")
    assert not ov.results_path().exists()


def test_a_measurement_that_names_pocketsphinx_is_followed() -> None:
    """Some people's speech may be heard better by an adapted PocketSphinx:
    the measurement decides."""
    ov.save(ov.OwnVoiceResult((ov.EngineScore("whisper", 60, 200, 20, "as it runs for you"),
                               ov.EngineScore("pocketsphinx", 30, 200, 20, "held out")),
                              "2026-12-01T09:00:00Z", "pocketsphinx"))
    said: list[str] = []
    rec = load_recognizer(cfg(recognizer="auto"), said.append)
    assert isinstance(rec, PocketSphinxRecognizer)
    assert said[0] == ("Using PocketSphinx: it heard your voice best (words wrong: 15%, "
                       "against Whisper 30%; measured by 'voice adapt' on 2026-12-01).")
    # A recognizer named in the settings is kept.
    said.clear()
    assert isinstance(load_recognizer(cfg(recognizer="whisper"), said.append),
                      WhisperRecognizer)


@pytest.mark.parametrize("content", ["{", "", "\x00\xff", '{"version": 1}', "[]",
                                     '{"version": 1, "measured": "x", "best": "vosk", '
                                     '"engines": []}'])
def test_a_damaged_measurement_is_one_line_and_ignored(content: str) -> None:
    path = ov.results_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8", errors="surrogateescape")
    said: list[str] = []
    rec = load_recognizer(cfg(recognizer="auto"), said.append)
    assert isinstance(rec, WhisperRecognizer)  # auto's usual first choice
    assert said == [f"The measurement of which recognizer hears you best ({path}) is damaged "
                    "and was ignored; run 'voice adapt' to measure again.",
                    "Using Whisper (whisper-tiny.en, every file verified)."]


def test_a_damaged_measurement_in_doctor_and_ask(tmp_path: Path) -> None:
    path = ov.results_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b'{"version": 1, "engines": [{"engine": 3}]')
    doctor = voice("doctor")
    assert "Traceback" not in doctor.stderr + doctor.stdout
    assert any(s.startswith("warn Recognizer for your voice: The measurement") and "damaged" in s
               for s in doctor.stdout.splitlines()), doctor.stdout
    wav = tmp_path / "q.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(wav), "list topics"], check=True)
    ask = voice("ask", "--audio", str(wav), "--no-speak")
    assert ask.returncode == 0 and "Traceback" not in ask.stderr
    assert sum("is damaged and was ignored" in s for s in ask.stderr.splitlines()) == 1


def test_choice_needs_a_clear_gap_and_two_engines() -> None:
    def s(engine: str, errors: int) -> ov.EngineScore:
        return ov.EngineScore(engine, errors, 200, 20, "")

    assert ov.choose([s("pocketsphinx", 10)]) is None
    assert ov.choose([s("whisper", 40), s("pocketsphinx", 30)]) == "pocketsphinx"
    # 3.5 points better is chosen; 2.5 is within one standard error, and
    # auto's usual order stands.
    assert ov.choose([s("whisper", 40), s("pocketsphinx", 33)]) == "pocketsphinx"
    assert ov.choose([s("whisper", 40), s("pocketsphinx", 35)]) == "whisper"
    assert ov.choose([s("pocketsphinx", 36), s("whisper", 40), s("vosk", 20)]) == "vosk"
    # Measured engines no longer installed do not count.
    ov.save(ov.OwnVoiceResult((s("vosk", 10), s("pocketsphinx", 60)), "2026-12-01T09:00:00Z",
                              "vosk"))
    assert ov.preferred_engine(["whisper", "pocketsphinx"]) is None


def test_folds_hold_every_sentence_out_once_with_enough_left_to_build() -> None:
    for count in range(ad.MIN_RECORDINGS, 41):
        parts = ov.folds(count)
        assert sorted(i for p in parts for i in p) == list(range(count))
        if len(parts) > 1:
            assert all(count - len(p) >= ad.MIN_RECORDINGS for p in parts)
    assert len(ov.folds(20)) == ov.FOLDS
    assert ov.folds(6) == [list(range(6))]  # 6: holding any out leaves too few
