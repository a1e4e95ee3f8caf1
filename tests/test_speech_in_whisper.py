"""The Whisper engine with the real tiny.en model that scripts/install.sh
installs into models/ (from the carrier wheel, every file verified).

The model is loaded once for the module; speech is espeak-ng's, noise and
the cough-like burst are made with sox.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from voice.app import is_doubtful, query_of
from voice.audio.clip import AudioClip, read_wav
from voice.config import Config
from voice.content.loader import load_knowledge
from voice.errors import ModelMissing
from voice.matching.matcher import Matcher
from voice.models.manifest import WHISPER_FILES, WHISPER_MODEL
from voice.models.verify import folder_problems
from voice.speech_in.pocketsphinx.engine import PocketSphinxRecognizer
from voice.speech_in.select import FALLBACK_LINE, WHISPER_LINE, load_recognizer
from voice.speech_in.whisper import WhisperRecognizer
from voice.speech_in.whisper import engine as whisper_engine
from voice.speech_in.whisper.guard import NOTHING_BELOW, clean_words, heard_from
from voice.speech_in.whisper.prompt import MAX_PROMPT_TOKENS, build_prompt

REPO = Path(__file__).resolve().parent.parent
MODEL = REPO / "models" / WHISPER_MODEL
CONTENT = REPO / "content"


def sox(*args: str) -> None:
    subprocess.run(["sox", *args], check=True, capture_output=True, timeout=30)


def espeak(text: str, out: Path) -> Path:
    subprocess.run(["espeak-ng", "-w", str(out), text], check=True, timeout=30)
    return out


@pytest.fixture(scope="module")
def sounds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("sounds")
    s = {name: d / f"{name}.wav"
         for name in ("silence", "pink", "white", "cough", "hum", "breath", "knocks")}
    rate = ["-r", "16000", "-b", "16", "-c", "1"]
    sox("-n", *rate, str(s["silence"]), "trim", "0", "2")
    sox("-R", "-n", *rate, str(s["pink"]), "synth", "2", "pinknoise", "vol", "0.3")
    sox("-R", "-n", *rate, str(s["white"]), "synth", "1.5", "whitenoise", "vol", "0.8")
    # Two sharp band-limited bursts with a fast attack and a decay: a cough's shape.
    sox("-R", "-n", *rate, str(s["cough"]), "synth", "0.18", "whitenoise", "band", "-n", "900",
        "700", "gain", "-3", "fade", "l", "0.005", "0.18", "0.14", "pad", "0.4", "0.15",
        "repeat", "1", "pad", "0", "0.8")
    sox("-R", "-n", *rate, str(s["hum"]), "synth", "2", "sine", "120", "vol", "0.5")
    sox("-R", "-n", *rate, str(s["breath"]), "synth", "0.6", "pinknoise", "band", "1500", "1200",
        "fade", "q", "0.15", "0.6", "0.3", "vol", "0.4", "pad", "0.3", "0.5")
    sox("-R", "-n", *rate, str(s["knocks"]), "synth", "0.03", "brownnoise", "vol", "0.9",
        "pad", "0.4", "0.3", "repeat", "2")
    return s


def test_install_put_the_pinned_model_in_models() -> None:
    # scripts/install.sh (run by .ci/run) installs it from the carrier wheel.
    assert folder_problems(MODEL, WHISPER_FILES) == []


def test_a_spoken_question_is_heard_with_word_probabilities(
    rec: WhisperRecognizer, tmp_path: Path, kb: object
) -> None:
    t = rec.transcribe(read_wav(espeak("is there a cure for neuromuscular disorders",
                                       tmp_path / "q.wav")))
    assert t.engine == "whisper"
    # espeak-ng's "is there" is heard as "is not" by tiny.en: the entry is what counts.
    assert t.text.endswith("a cure for neuromuscular disorders"), t.text
    assert " ".join(w for w, _ in t.words) == t.text
    assert all(0.0 <= p <= 1.0 for _, p in t.words)
    assert not is_doubtful(t)
    r = Matcher(kb).match(query_of(t), doubtful=is_doubtful(t))  # type: ignore[arg-type]
    assert r.outcome == "answer" and r.entry is not None
    assert r.entry.id == "is-there-a-cure-for-neuromuscular-disorders"


@pytest.mark.parametrize("name", ["silence", "pink", "white", "cough", "hum", "breath",
                                  "knocks"])
def test_silence_noise_and_coughs_are_never_heard_as_words(
    rec: WhisperRecognizer, sounds: dict[str, Path], name: str
) -> None:
    clip = read_wav(sounds[name])
    assert rec.transcribe(clip).text == ""
    # Straight to the model, past the silence gate: the guard alone must drop
    # what Whisper invents for it ("you", "Non-term", "Transcription.").
    heard = rec.decode_heard(clip.resampled(16000).samples)
    assert heard.text == "", heard
    assert heard.alternatives == ()  # nor offered as the decoder's other guesses


def test_whispers_own_thresholds_decide_what_is_sure() -> None:
    from voice.speech_in.base import Transcript
    from voice.speech_in.whisper.confidence import SURE_ANSWER, SURE_WORD

    words = (("is", 0.9), ("there", SURE_WORD / 2), ("a", 0.9), ("cure", SURE_ANSWER + 0.05))
    text = " ".join(w for w, _ in words)
    whisper = Transcript(text, "whisper", words=words)
    assert query_of(whisper) == "is a cure" and not is_doubtful(whisper)
    # The same figures from PocketSphinx (posteriors: sure only from 0.9).
    sphinx = Transcript(text, "pocketsphinx", words=words)
    assert is_doubtful(sphinx)


def test_exact_digital_silence_is_not_decoded_at_all(
    rec: WhisperRecognizer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rec, "decode_heard", lambda s: pytest.fail("decoded silence"))
    assert rec.transcribe(AudioClip(np.zeros(32000, np.int16), 16000)).text == ""


def _seg(text: str, *, no_speech: float = 0.01, logprob: float = -0.1,
         ratio: float = 1.0, probs: tuple[float, ...] | None = None) -> SimpleNamespace:
    words = text.split()
    ps = probs or tuple(0.9 for _ in words)
    return SimpleNamespace(text=text, no_speech_prob=no_speech, avg_logprob=logprob,
                           compression_ratio=ratio,
                           words=[SimpleNamespace(word=" " + w, probability=p)
                                  for w, p in zip(words, ps, strict=True)])


def test_the_guard_drops_each_kind_of_hallucination() -> None:
    assert heard_from([_seg("Thank you.", no_speech=0.9, logprob=-1.2)]).text == ""
    assert heard_from([_seg("Part of the", no_speech=0.2, logprob=-3.1)]).text == ""
    looping = "I'm going to go. " * 8
    assert heard_from([_seg(looping, ratio=3.1)]).text == ""
    assert heard_from([_seg("you", probs=(NOTHING_BELOW / 2,))]).text == ""
    # A real question next to a dropped segment keeps its words.
    kept = heard_from([_seg("Is there a cure?"), _seg("you", no_speech=0.95, logprob=-1.5)])
    assert kept.text == "is there a cure" and "no speech" in kept.dropped
    # Whisper's text in our words: no punctuation, no sound notes, no capitals.
    assert clean_words(" (coughs) Self-care, [Music] isn't it?") == ["self", "care", "isn't",
                                                                      "it"]


def test_the_prompt_is_the_contents_questions_and_titles(
    rec: WhisperRecognizer, kb: object, tmp_path: Path
) -> None:
    assert rec.prompt.startswith("What are the early signs of neuromuscular disorders?")
    # The FAQ questions only: the section titles pulled their words into what
    # was heard (prompt.FAQ_ONLY; tests/test_whisper_prompt.py).
    assert "Physical Therapy." not in rec.prompt
    assert rec._decoder.count_tokens(" " + rec.prompt) <= MAX_PROMPT_TOKENS
    # New content, new prompt.
    (tmp_path / "faq.md").write_text("# FAQ\n\n## Does botulinum toxin ease spasticity?\n\n"
                                     "It can.\n", encoding="utf-8")
    other = load_knowledge([str(tmp_path / "faq.md")])
    try:
        rec.use_content(other)
        assert "botulinum" in rec.prompt and "neuromuscular" not in rec.prompt
    finally:
        rec.use_content(kb)  # type: ignore[arg-type]
    assert build_prompt(None, len) == ""


def _speech_with_pause(tmp_path: Path) -> tuple[np.ndarray, np.ndarray]:
    a = read_wav(espeak("is there a cure", tmp_path / "a.wav")).resampled(16000).samples
    b = read_wav(espeak("for neuromuscular disorders", tmp_path / "b.wav")).resampled(16000)
    return a, b.samples


def _feed(stream: whisper_engine.WhisperStream, samples: np.ndarray) -> None:
    for i in range(0, len(samples), 480):  # 30 ms blocks, as the microphone gives
        stream.feed(AudioClip(samples[i : i + 480], 16000))


def _count_decodes(rec: WhisperRecognizer, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The length of every speech ``rec`` decodes from now on."""
    calls: list[int] = []
    real = rec.decode

    def counting(speech: np.ndarray) -> object:
        calls.append(len(speech))
        return real(speech)

    monkeypatch.setattr(rec, "decode", counting)
    return calls


def test_decoding_starts_at_the_pause_and_that_text_is_used(
    rec: WhisperRecognizer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _count_decodes(rec, monkeypatch)
    a, b = _speech_with_pause(tmp_path)
    s = rec.stream()
    _feed(s, np.concatenate([a, b, np.zeros(16000, np.int16)]))
    assert len(calls) == 1  # started during the 1 s of silence, before finish()
    deadline = time.monotonic() + 30
    while s._guess is not None and not s._guess.done and time.monotonic() < deadline:
        time.sleep(0.05)
    t = s.finish()
    assert len(calls) == 1  # the guess was the answer: no second decode
    # Both parts are in the one hearing (on CTranslate2's AVX2 path, fixed by
    # tests/conftest.py, tiny.en writes it "is neuromuscular disorders").
    assert t.text.startswith("is") and t.text.endswith("neuromuscular disorders"), t.text


def test_a_guess_is_dropped_when_the_user_speaks_on(
    rec: WhisperRecognizer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _count_decodes(rec, monkeypatch)
    a, b = _speech_with_pause(tmp_path)
    s = rec.stream()
    _feed(s, np.concatenate([np.zeros(4000, np.int16), a, np.zeros(12000, np.int16)]))
    assert len(calls) == 1  # a guess on "is there a cure" during the 0.75 s pause
    _feed(s, np.concatenate([b, np.zeros(3200, np.int16)]))
    t = s.finish()
    assert len(calls) == 2 and calls[1] > calls[0]  # decoded again, as a whole
    # Both parts are in the one hearing (on CTranslate2's AVX2 path, fixed by
    # tests/conftest.py, tiny.en writes it "is neuromuscular disorders").
    assert t.text.startswith("is") and t.text.endswith("neuromuscular disorders"), t.text


@pytest.fixture
def damaged_models(tmp_path: Path) -> Iterator[Path]:
    """A copy of the installed model with one byte of model.bin changed."""
    root = tmp_path / "models"
    shutil.copytree(MODEL, root / WHISPER_MODEL)
    with (root / WHISPER_MODEL / "model.bin").open("r+b") as f:
        f.seek(40_000_000)
        byte = f.read(1)
        f.seek(40_000_000)
        f.write(bytes([byte[0] ^ 0x01]))
    yield root


def test_one_changed_byte_is_refused_with_the_way_to_repair(damaged_models: Path) -> None:
    with pytest.raises(ModelMissing) as e:
        WhisperRecognizer(damaged_models / WHISPER_MODEL)
    msg = e.value.message
    assert "damaged" in msg and "model.bin" in msg
    assert "scripts/install.sh" in msg and "voice models download whisper-tiny.en" in msg


@pytest.mark.parametrize("choice", ["auto", "whisper"])
def test_a_damaged_or_missing_model_falls_back_to_pocketsphinx_in_one_line(
    damaged_models: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, choice: str
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    cfg = Config(content_dirs=(str(CONTENT),), recognizer=choice)
    for root, why in ((damaged_models, "is damaged (model.bin has been changed"),
                      (tmp_path / "empty", "is not installed")):
        monkeypatch.setenv("VOICE_MODELS_DIR", str(root))
        routine: list[str] = []
        warned: list[str] = []
        rec = load_recognizer(cfg, routine.append, warn=warned.append)
        assert isinstance(rec, PocketSphinxRecognizer)
        assert len(warned) == 1 and routine == []
        assert warned[0].endswith(FALLBACK_LINE)
        assert warned[0].startswith("The Whisper speech model") and why in warned[0]
        assert "scripts/install.sh" in warned[0]


def test_auto_uses_whisper_when_the_model_verifies(
    monkeypatch: pytest.MonkeyPatch, rec: WhisperRecognizer
) -> None:
    monkeypatch.setenv("VOICE_MODELS_DIR", str(MODEL.parent))
    said: list[str] = []
    loaded = load_recognizer(Config(content_dirs=(str(CONTENT),)), said.append)
    assert isinstance(loaded, WhisperRecognizer) and said == [WHISPER_LINE]


def test_ptt_finishes_the_stream_it_fed_while_listening(
    rec: WhisperRecognizer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from voice.cli.commands.ptt import _DecodedWhileListening

    a, b = _speech_with_pause(tmp_path)
    audio = np.concatenate([a, b, np.zeros(16000, np.int16)])

    class Mic:  # the real Microphone needs a sound server: this one replays audio
        def listen(self, stop: object, on_event: object, on_audio: object = None,
                   end_on_silence: bool = True) -> object:
            for i in range(0, len(audio), 480):
                on_audio(AudioClip(audio[i : i + 480], 16000))  # type: ignore[operator]
            return SimpleNamespace(clip=AudioClip(audio, 16000))

    streamed = _DecodedWhileListening(rec)
    utt = streamed.listen(Mic(), None, None, True)
    monkeypatch.setattr(rec, "transcribe", lambda clip: pytest.fail("decoded again"))
    assert streamed.transcribe(utt.clip).text.endswith("cure for neuromuscular disorders")


def test_voice_adapt_notes_that_whisper_does_not_use_the_adaptation(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from voice.cli.commands.adapt import WHISPER_NOTE, _uses_whisper

    assert "listening uses Whisper now" in WHISPER_NOTE
    monkeypatch.setenv("VOICE_MODELS_DIR", str(MODEL.parent))
    assert _uses_whisper(Config()) and not _uses_whisper(Config(recognizer="pocketsphinx"))
    monkeypatch.setenv("VOICE_MODELS_DIR", str(tmp_path))
    assert not _uses_whisper(Config())


def test_a_short_reply_is_taken_from_the_short_prompt_only_when_sure() -> None:
    from voice.speech_in.whisper.decoder import Segment, Word
    from voice.speech_in.whisper.short_replies import SHORT_SURE_LOGPROB, surest

    def seg(text: str, logprob: float, p: float) -> Segment:
        return Segment(text, 0.1, logprob, 1.0, (Word(text, p),))

    # fsdd_7_george_1: the content prompt pulled "seven" to "treatment".
    assert surest(seg(" treatment", -0.66, 0.5), seg(" seven", -0.14, 0.9)).text == "seven"
    # Noise under the short-reply prompt comes out as "Three." (-0.92..-1.30):
    # never taken, and the content decode's verdict stands.
    assert surest(seg(" fatigue", -0.9, 0.5), seg(" three", SHORT_SURE_LOGPROB - 0.2, 0.15)
                  ).text == "fatigue"
    # A short question the content prompt hears more surely keeps that decode.
    assert surest(seg(" what is als", -0.2, 0.8), seg(" what in miles", -0.5, 0.6)
                  ).text == "what is als"
