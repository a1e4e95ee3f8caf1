"""Learning the user's voice while listening (voice/speech_in/pocketsphinx/learning.py),
with the real CMUSphinx tools, real PocketSphinx and real espeak-ng speech.
No labels are used: the recognizer's own transcripts are what it learns from."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from voice.audio.clip import AudioClip, read_wav
from voice.config import Config
from voice.content.loader import load_knowledge
from voice.speech_in.pocketsphinx import adaptation as ad
from voice.speech_in.pocketsphinx.corpus import build_corpus
from voice.speech_in.pocketsphinx.engine import PocketSphinxRecognizer
from voice.speech_in.pocketsphinx.learning import FIRST_AFTER, VoiceLearner
from voice.speech_in.pocketsphinx.lexicon import words_of
from voice.speech_in.select import load_recognizer

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from benchmark_audio import pad, word_errors  # noqa: E402
from make_spoken_questions import Variant, speak  # noqa: E402

#: A voice the stock model mishears often (see test_adaptation.py).
VOICE = Variant("en+m3")

#: What the user asks over a few days (content phrasings; no labels used).
HEARD = [
    "what are neuromuscular disorders", "what causes muscle spasms",
    "how are these disorders diagnosed", "what treatments are there",
    "can physical therapy help", "what medication helps with spasms",
    "what should i eat", "how can i manage fatigue", "is there any new research",
    "where can i find support", "how do i cope with stress", "what assistive devices can help",
    "when should i see a doctor", "can these disorders be cured",
]

UNSEEN = [
    "is there a cure", "how can i sleep better", "does exercise help with spasms",
    "can stress make it worse", "what causes muscle cramps", "tell me about physical therapy",
]


@pytest.fixture(scope="module")
def corpus() -> object:
    return build_corpus(load_knowledge([REPO / "content"]))


def _clip(text: str) -> AudioClip:
    return pad(read_wav(speak(text, VOICE)))


def _stream(rec: PocketSphinxRecognizer, clip: AudioClip) -> str:
    """One utterance through the live path, in 100 ms blocks as a microphone gives."""
    s = rec.stream()
    for i in range(0, len(clip.samples), 1600):
        s.feed(AudioClip(clip.samples[i:i + 1600], clip.rate, 1))
    return s.finish().text


def test_listening_learns_a_transform_that_the_recognizer_then_uses(
    corpus: object, tmp_path: Path
) -> None:
    rec = PocketSphinxRecognizer(corpus, tmp_path / "ps")  # type: ignore[arg-type]
    learner = VoiceLearner(tmp_path / "learned", first_after=10, every=5)
    rec.learn(learner)
    assert rec.mllr is None
    for text in HEARD[:9]:
        _stream(rec, _clip(text))
    learner.wait()
    assert not learner.transform.exists(), "built before first_after utterances"
    assert len(list(learner.heard_dir.glob("*.wav"))) == 9

    _stream(rec, _clip(HEARD[9]))
    learner.wait()
    assert learner.failed == ""
    assert ad.transform_problem(learner.transform) == ""
    # Switched at the next utterance, never in the middle of one.
    assert rec.mllr is None
    _stream(rec, _clip(HEARD[10]))
    assert rec.mllr == learner.transform

    # It learned something (not the identity), and it does not hurt on
    # questions it never heard.
    adapted = PocketSphinxRecognizer(corpus, tmp_path / "ps", mllr=learner.transform)  # type: ignore[arg-type]
    plain = PocketSphinxRecognizer(corpus, tmp_path / "ps")  # type: ignore[arg-type]
    before = after = 0
    for text in UNSEEN:
        ref = " ".join(words_of(text))
        before += word_errors(ref, plain.transcribe(_clip(text)).text)[0]
        after += word_errors(ref, adapted.transcribe(_clip(text)).text)[0]
    print(f"\nword errors on {len(UNSEEN)} unheard questions: {before} -> {after}")
    assert after <= before


def test_push_to_talk_recordings_are_learned_from_too(corpus: object, tmp_path: Path) -> None:
    # Push-to-talk decodes each whole recording with transcribe(), not stream().
    rec = PocketSphinxRecognizer(corpus, tmp_path / "ps")  # type: ignore[arg-type]
    learner = VoiceLearner(tmp_path / "learned")
    rec.learn(learner)
    heard = rec.transcribe(_clip(HEARD[0])).text
    (kept,) = learner.heard_dir.glob("*.txt")
    assert kept.read_text().strip() == heard and heard
    long = AudioClip(np.concatenate([_clip(HEARD[1]).samples] * 8), 16000, 1)
    rec.transcribe(long)  # over FINAL_PASS_MAX seconds: a ramble, not learned from
    assert len(list(learner.heard_dir.glob("*.txt"))) == 1


def test_keeps_only_the_most_recent_and_rebuilds_after_enough_new(tmp_path: Path) -> None:
    built: list[Path] = []
    learner = VoiceLearner(tmp_path / "learned", built.append, first_after=7, every=3, keep=8)
    clips = [(text, _clip(text)) for text in HEARD[:13]]
    for text, clip in clips[:6]:
        learner.heard(clip, text)
    learner.wait()
    assert not built
    learner.heard(clips[6][1], clips[6][0])
    learner.wait()
    assert len(built) == 1 and learner.failed == ""
    for text, clip in clips[7:9]:
        learner.heard(clip, text)
    learner.wait()
    assert len(built) == 1, "rebuilt before `every` new utterances"
    for text, clip in clips[9:13]:
        learner.heard(clip, text)
    learner.wait()
    assert len(built) >= 2
    kept = sorted(p.stem for p in learner.heard_dir.glob("*.txt"))
    assert len(kept) == 8 and len(list(learner.heard_dir.glob("*.wav"))) == 8
    # The newest are the ones kept, each WAV with its own transcript.
    assert (learner.heard_dir / f"{kept[-1]}.txt").read_text().strip() == HEARD[12]


def test_silence_short_words_and_empty_transcripts_are_not_kept(tmp_path: Path) -> None:
    learner = VoiceLearner(tmp_path / "learned")
    learner.heard(AudioClip(np.zeros(16000 * 2, dtype=np.int16), 16000, 1), "")
    learner.heard(_clip("yes"), "yes")  # too short to say much about a voice
    learner.heard(_clip(HEARD[0]), "[noise]")
    assert not learner.heard_dir.exists() or not list(learner.heard_dir.iterdir())


def test_a_folder_that_cannot_be_written_stops_learning_not_the_assistant(
    tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    said: list[str] = []
    learner = VoiceLearner(blocker / "learned", report=said.append)
    learner.heard(_clip(HEARD[0]), HEARD[0])
    learner.heard(_clip(HEARD[1]), HEARD[1])
    assert learner.failed and len(said) == 1 and "Not learning your voice" in said[0]


def _cfg(**kw: object) -> Config:
    return Config(content_dirs=(str(REPO / "content"),), recognizer="pocketsphinx", **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(("settings", "enrolled", "learns"), [
    ({}, "", True),
    ({"learn_voice": False}, "", False),
    ({"adaptation": False}, "", False),  # --no-adaptation
    # After 'voice adapt' it goes on learning, from its sentences and what it hears...
    ({}, "with sentences", True),
    ({"learn_voice": False}, "with sentences", False),
    ({"adaptation": False}, "with sentences", False),
    # ...unless its sentences were not kept (made before they were): see select.py.
    ({}, "without sentences", False),
])
def test_live_listening_learns_unless_switched_off_or_enrolled_without_sentences(
    settings: dict[str, object], enrolled: str, learns: bool, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_adaptation_shape import write_transform

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    transform = write_transform(ad.default_transform_path(), (13, 13, 13)) if enrolled else None
    if enrolled == "with sentences":
        ad.keep_enrolment([ad.Recording(_clip(text), text) for text in UNSEEN])
    rec = load_recognizer(_cfg(**settings), lambda line: None, learn=True)
    assert isinstance(rec, PocketSphinxRecognizer)
    assert (rec.learner is not None) is learns
    assert rec.mllr == (transform if settings.get("adaptation", True) else None)
    # Files given to 'voice ask --audio' are not the user's live voice.
    assert load_recognizer(_cfg(**settings), lambda line: None).learner is None  # type: ignore[attr-defined]


def test_a_learned_transform_is_used_at_the_next_start_and_reset_forgets_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_adaptation_shape import write_transform

    state = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    learner = VoiceLearner()
    learner.heard_dir.mkdir(parents=True)
    (learner.heard_dir / "00000001.txt").write_text("what should i eat\n")
    write_transform(learner.transform, (13, 13, 13))
    rec = load_recognizer(_cfg(), lambda line: None, learn=True)
    assert rec.mllr == learner.transform  # type: ignore[attr-defined]

    env = dict(os.environ, XDG_STATE_HOME=str(state), XDG_CONFIG_HOME=str(tmp_path / "c"))
    result = subprocess.run([sys.executable, "-m", "voice", "adapt", "--reset", "--no-speak"],
                            capture_output=True, text=True, cwd=REPO, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "I removed what I learned" in result.stdout + result.stderr
    assert not learner.folder.exists()


def test_doctor_says_how_far_learning_got(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.test_adaptation_shape import write_transform
    from voice.cli.commands.doctor import check_learning

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    learner = VoiceLearner()
    assert check_learning(_cfg()).detail.startswith(f"0 of the {FIRST_AFTER} questions")
    learner.heard_dir.mkdir(parents=True)
    for i in range(3):
        (learner.heard_dir / f"0000000{i}.txt").write_text("what should i eat\n")
    assert check_learning(_cfg()).detail.startswith(f"3 of the {FIRST_AFTER} questions")
    write_transform(learner.transform, (13, 13, 13))
    assert check_learning(_cfg()).detail.startswith("in use (last learned")
    off = check_learning(_cfg(learn_voice=False))
    assert "switched off ([speech_in] learn_voice = false)" in off.detail
    assert "3 recent questions kept" in off.detail and "--reset" in off.fix
    # 'voice adapt' made before its sentences were kept: learning stays off.
    enrolled = write_transform(ad.default_transform_path(), (13, 13, 13))
    legacy = check_learning(_cfg())
    assert legacy.detail.startswith("off: the adaptation made with 'voice adapt' is used")
    assert "run 'voice adapt' again" in legacy.fix
    # With its sentences kept, learning builds on them.
    ad.keep_enrolment([ad.Recording(_clip(text), text) for text in UNSEEN])
    old = enrolled.stat().st_mtime - 60
    os.utime(learner.transform, (old, old))  # made before this 'voice adapt'
    on_top = check_learning(_cfg()).detail
    assert on_top.startswith(f"3 of the {FIRST_AFTER} questions it needs heard so far on top "
                             "of the sentences read for 'voice adapt'"), on_top
    assert f"{len(UNSEEN)} sentences from 'voice adapt' kept in" in on_top
    os.utime(learner.transform, (old + 120, old + 120))
    assert check_learning(_cfg()).detail.startswith("in use (last learned")
    off = check_learning(_cfg(adaptation=False))
    assert off.detail.startswith("switched off") and "sentences from 'voice adapt'" in off.detail
