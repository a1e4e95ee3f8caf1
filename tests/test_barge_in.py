"""Barge-in's decision, fed block by block as the microphone would feed it.

Real libspeexdsp, real Whisper tiny.en, the real microWakeWord "stop" model
(pymicro-wakeword), real espeak-ng speech; no sound device (`voice listen`
through the virtual microphone: test_barge_in_listen.py).
The microphone is the answer's echo (50 ms later, half as loud) plus, or not,
another voice saying "stop".
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from voice.audio.barge_in import BargeIn, verdict
from voice.audio.clip import read_wav
from voice.audio.echo import LEAD, EchoReference
from voice.models.manifest import WHISPER_MODEL
from voice.speech_in.whisper import WhisperRecognizer

REPO = Path(__file__).resolve().parent.parent
ANSWER = ("Yes. Assistive devices, such as braces, wheelchairs, or adaptive utensils, improve "
          "mobility and independence, making daily tasks easier and safer.")
RATE = 16000
BLOCK = 320  # 20 ms, as the microphone delivers it


def _speech(folder: Path, text: str, voice: str) -> np.ndarray:
    wav = folder / f"{voice}-{abs(hash(text))}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-w", str(wav), text], check=True, timeout=30)
    return read_wav(wav).resampled(RATE).samples.reshape(-1)


@pytest.fixture(scope="module")
def whisper() -> WhisperRecognizer:
    return WhisperRecognizer(REPO / "models" / WHISPER_MODEL)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("barge")


@pytest.fixture(scope="module")
def spotter() -> Any:
    from voice.speech_in.wake.stop_word import STOP_MODEL, load_stop_spotter

    found, problem = load_stop_spotter(REPO / "models" / STOP_MODEL, check="hiss")
    assert found is not None, problem
    return found


def _run(whisper: WhisperRecognizer | None, own: np.ndarray, text: str,
         other: np.ndarray | None = None, at: float = 0.0,
         quick: Any = None, spotter: Any = None) -> tuple[str | None, float, BargeIn]:
    """Feed the echo of ``own`` (plus ``other`` from ``at`` s); what stopped it, and when."""
    reference = EchoReference()
    reference.enabled = True
    reference.begin(RATE)
    reference.played(own, at=0.0)
    reference.said(text, 0.0, len(own) / RATE)
    delay = 800
    mic = np.concatenate([np.zeros(delay), own[:-delay]]) * 0.5
    if other is not None:
        i = int(at * RATE)
        mic[i : i + len(other)] += other
    mic16 = np.clip(mic, -32768, 32767).astype(np.int16)
    barge = BargeIn(whisper, reference=reference, quick=quick, spotter=spotter)
    if spotter is not None:
        spotter.reset()
    canceller = barge.canceller()
    try:
        for i in range(0, len(own) - BLOCK, BLOCK):
            clean = canceller.process(mic16[i : i + BLOCK], own[i : i + BLOCK])
            heard = barge.hear(mic16[i : i + BLOCK], clean, i / RATE)
            if heard is not None:
                return heard, (i + BLOCK) / RATE, barge
        return None, len(own) / RATE, barge
    finally:
        barge.close()


def test_stop_over_the_answer_stops_it(whisper: WhisperRecognizer, folder: Path) -> None:
    own = _speech(folder, ANSWER, "en-us")
    stop = _speech(folder, "stop", "en+f3")
    heard, when, barge = _run(whisper, own, ANSWER, stop, at=5.0)
    assert heard == "stop", barge.heard
    # Decided on the audio up to shortly after the word, not at the answer's end.
    assert 5.0 < when < 5.0 + len(stop) / RATE + 1.0, barge.heard


def test_the_answer_alone_never_stops_itself(whisper: WhisperRecognizer, folder: Path) -> None:
    own = _speech(folder, ANSWER, "en-us")
    heard, _when, barge = _run(whisper, own, ANSWER)
    assert heard is None, barge.heard


@pytest.mark.parametrize(("said", "order"), [("Stop.", "stop"), ("Wait.", "pause")])
def test_its_own_order_is_not_taken_for_the_users(whisper: WhisperRecognizer, folder: Path,
                                                  said: str, order: str) -> None:
    # Uncancelled (no echo path known): the microphone hears the assistant
    # say "stop" or "wait" (a pause: test_barge_in_pause.py).
    own = _speech(folder, said, "en-us")
    reference = EchoReference()
    reference.enabled = True
    barge = BargeIn(whisper, reference=reference)
    padded = np.concatenate([np.zeros(RATE // 2), own, np.zeros(RATE // 2)]).astype(np.int16)

    def feed() -> str | None:
        for i in range(0, len(padded) - BLOCK, BLOCK):
            block = padded[i : i + BLOCK]
            heard = barge.hear(block, block, 10.0 + i / RATE)
            if heard is not None:
                return heard
        return None

    assert feed() == order  # nothing said by the assistant then: the user's
    reference.said(said, 10.4, len(own) / RATE)
    assert feed() is None and barge.refused["own word"] == 1
    barge.close()


def test_only_a_short_order_counts() -> None:
    assert verdict("Stop.") == "stop"
    assert verdict("Okay, stop please.") == "stop"
    assert verdict("Hey assistant.", "hey assistant") == "wake"
    assert verdict("Hey, assistant!", "hey assistant") == "wake"
    assert verdict("Hey assistant.") is None  # no wake phrase in use
    assert verdict("It will not stop the spasms from coming back.") is None
    assert verdict("stopped") is None and verdict("") is None


def test_each_answer_is_aligned_to_the_first_answers_echo_delay(
    whisper: WhisperRecognizer, folder: Path
) -> None:
    own = _speech(folder, ANSWER, "en-us")[:RATE]
    reference = EchoReference()
    reference.enabled = True
    barge = BargeIn(whisper, reference=reference)

    def lag(mic: np.ndarray, ref: np.ndarray) -> int:
        n = len(mic)
        corr = np.fft.irfft(np.fft.rfft(mic, 2 * n) * np.conj(np.fft.rfft(ref, 2 * n)), 2 * n)
        return int(np.argmax(np.abs(corr[: RATE // 2])))

    for start, delay in ((0.0, 0.062), (10.0, 0.066), (20.0, 0.0605)):
        reference.begin(RATE)
        reference.played(own, at=start)
        # The echo comes ``delay`` s after the timestamps, minus the reference's lead.
        samples = round(delay * RATE)
        mic = np.concatenate([np.zeros(samples), own[:-samples]]).astype(np.int16)
        barge.align(mic, start - LEAD)
        # What the canceller is then given: the first answer's delay again.
        ref = reference.between(start + barge._shift, len(mic))
        assert lag(mic.astype(float), ref.astype(float)) == round(0.062 * RATE)
    assert barge.lags == [round(0.062 * RATE), round(0.066 * RATE), round(0.0605 * RATE)]
    barge.close()


def test_the_quick_look_only_ever_hears_stop(whisper: WhisperRecognizer, folder: Path) -> None:
    from voice.speech_in.wake.quick_stop import is_only_stop, load_quick_stop

    assert is_only_stop("Stop. Stop. Stop. Stop") and is_only_stop(" stop, stop")
    assert not is_only_stop("and stop, stop") and not is_only_stop("start") and not is_only_stop("")
    quick = load_quick_stop(REPO / "models" / WHISPER_MODEL)
    assert quick is not None
    real = read_wav(REPO / "tests" / "data" / "real" / "commands" / "sc_stop_988e2f9a_nohash_0.wav")
    assert quick.heard_stop(real.to_mono().resampled(RATE).samples.reshape(-1))
    assert quick.heard_stop(_speech(folder, "stop", "en-us+m3"))
    own = _speech(folder, "Early diagnosis is key to effective treatment.", "en-us")
    assert not any(quick.heard_stop(own[i : i + 14400]) for i in range(0, len(own), 12000))
    # Quick or not, the answer is stopped by the user's "stop" and not by itself.
    barge_own = _speech(folder, ANSWER, "en-us")
    stop = _speech(folder, "stop", "en+f3")
    heard, _when, barge = _run(whisper, barge_own, ANSWER, stop, at=5.0, quick=quick)
    assert heard == "stop" and barge.quick_stops == 1, barge.heard


def test_the_quick_look_takes_sound_alikes_only_when_stop_was_likely() -> None:
    from voice.speech_in.wake.quick_stop import Look, taken_for_stop

    # What it made of real people's "stop" over an answer (benchmark_barge_in.py --clips tuning).
    assert taken_for_stop(Look(" step step step step step", -0.34, 0.051)) == "step"
    assert taken_for_stop(Look(" start.", -1.15, 0.287)) == "start"
    assert taken_for_stop(Look(" start", -2.0, 0.015)) == "start"
    assert taken_for_stop(Look(" Stop.", -1.15, 0.35)) == "stop"  # unsure, but "stop" first
    assert taken_for_stop(Look(" Stop. Stop. Stop", -0.3, 0.005)) == "stop"  # sure as before
    # Not taken: a sound-alike "stop" was unlikely for, an unsure "stop" as unlikely,
    # anything more than sound-alikes.
    assert taken_for_stop(Look(" start", -0.5, 0.005)) is None
    assert taken_for_stop(Look(" Stop.", -1.2, 0.005)) is None
    assert taken_for_stop(Look(" Start it in the case.", -0.8, 0.5)) is None
    assert taken_for_stop(Look(" and stop, stop", -0.6, 0.5)) is None
    assert taken_for_stop(Look("", 0.0, 0.5)) is None


def test_stop_is_likely_first_for_a_real_stop_and_not_for_its_own_voice(
    folder: Path,
) -> None:
    from voice.speech_in.wake.quick_stop import ALIKE_STOP_PROBABILITY, load_quick_stop

    quick = load_quick_stop(REPO / "models" / WHISPER_MODEL)
    assert quick is not None
    # A tuning-half clip (scripts/real_speech.py's half()).
    real = read_wav(REPO / "tests" / "data" / "real" / "commands" / "sc_stop_b87bdb22_nohash_1.wav")
    assert quick.look(real.to_mono().resampled(RATE).samples.reshape(-1)).stop_probability \
        >= 10 * ALIKE_STOP_PROBABILITY
    own = _speech(folder, ANSWER, "en-us")
    looks = [quick.look(own[i : i + 9600]) for i in range(0, len(own) - 9600, 8000)]
    assert looks and max(lk.stop_probability for lk in looks) < ALIKE_STOP_PROBABILITY, looks


class _Hears:
    """The quick look's answer, fixed: real Whisper does not hear the
    assistant's own "starts" as "start" on demand."""

    def __init__(self, words: str) -> None:
        self.words = words

    def heard_stop(self, speech: np.ndarray) -> str | None:
        return self.words


def test_a_sound_alike_of_its_own_words_is_not_taken_for_stop(
    whisper: WhisperRecognizer,
) -> None:
    from voice.audio.barge_in import Stretch

    reference = EchoReference()
    reference.enabled = True
    reference.said("Symptoms often start in the legs.", 10.0, 2.0)
    audio = np.zeros(RATE // 2, dtype=np.int16)
    barge = BargeIn(whisper, reference=reference, quick=_Hears("start"))
    # Heard as "start" while it was itself saying "start": its own.
    assert barge.judge(Stretch(audio, 10.5, 11.0, final=False)) is None
    assert barge.refused["own word"] == 1
    # The same sound-alike when it said nothing like it: the user's "stop".
    assert barge.judge(Stretch(audio, 20.0, 20.5, final=False)) == "stop"
    reference.said("It can stiffen the legs and stage a relapse.", 30.0, 2.0)
    assert barge.judge(Stretch(audio, 30.5, 31.0, final=False)) is None  # "stage": "sta..."
    barge.quick = _Hears("stop")
    assert barge.judge(Stretch(audio, 30.5, 31.0, final=False)) == "stop"  # none says "stop"
    barge.close()


def test_the_stop_word_model_alone_stops_the_answer_at_the_word(
    spotter: Any, folder: Path
) -> None:
    own = _speech(folder, ANSWER, "en-us")
    stop = _speech(folder, "stop", "en+f3")
    # No Whisper at all: the streaming model decides, on the cleaned signal.
    heard, when, barge = _run(None, own, ANSWER, stop, at=5.0, spotter=spotter)
    assert heard == "stop" and barge.taken_by == "stop-word model", barge.heard
    assert barge.spotted_stops == 1
    # During or just after the word (simulated time, not a timed test).
    assert 5.0 < when < 5.0 + len(stop) / RATE + 0.5, when


def test_the_stop_word_model_alone_never_stops_the_answer_itself(
    spotter: Any, folder: Path
) -> None:
    own = _speech(folder, ANSWER, "en-us")
    heard, _when, barge = _run(None, own, ANSWER, spotter=spotter)
    assert heard is None and barge.spotted_stops == 0, barge.heard


def test_its_own_stop_is_not_taken_by_the_stop_word_model(spotter: Any,
                                                          folder: Path) -> None:
    # Uncancelled (no echo path known): the microphone hears the assistant
    # itself say "stop", and the model fires on it.
    said = "Stop."
    own = _speech(folder, said, "en-us")
    reference = EchoReference()
    reference.enabled = True
    barge = BargeIn(None, reference=reference, spotter=spotter)
    padded = np.concatenate([np.zeros(RATE // 2), own, np.zeros(RATE // 2)]).astype(np.int16)

    def feed() -> str | None:
        spotter.reset()
        for i in range(0, len(padded) - BLOCK, BLOCK):
            block = padded[i : i + BLOCK]
            heard = barge.hear(block, block, 10.0 + i / RATE)
            if heard is not None:
                return heard
        return None

    assert feed() == "stop"  # nothing said by the assistant then: the user's
    reference.said(said, 10.4, len(own) / RATE)
    assert feed() is None and barge.refused["own word"] == 1
    barge.close()


def test_a_damaged_stop_model_is_refused_in_one_line(tmp_path: Path) -> None:
    import shutil

    from voice.speech_in.wake.stop_word import STOP_MODEL, load_stop_spotter

    copy = tmp_path / STOP_MODEL
    shutil.copytree(REPO / "models" / STOP_MODEL, copy)
    model = copy / "stop.tflite"
    data = bytearray(model.read_bytes())
    data[len(data) // 2] ^= 0x01  # one byte changed, same size
    model.write_bytes(bytes(data))
    spotter, problem = load_stop_spotter(copy)
    assert spotter is None
    assert "\n" not in problem and "damaged" in problem and "stop.tflite" in problem, problem
    spotter, problem = load_stop_spotter(tmp_path / "nowhere")
    assert spotter is None and "not installed" in problem


def test_voice_doctor_checks_the_stop_model(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from voice.cli.commands.doctor import check_stop_word
    from voice.config import Config
    from voice.speech_in.wake.stop_word import STOP_MODEL

    monkeypatch.setenv("VOICE_MODELS_DIR", str(REPO / "models"))
    good = check_stop_word(Config())
    assert good.status == "ok" and "pinned SHA-256" in good.detail, good
    assert "stop_check = 'hiss'" in good.detail, good
    shutil.copytree(REPO / "models" / STOP_MODEL, tmp_path / STOP_MODEL)
    (tmp_path / STOP_MODEL / "stop.json").write_text("{}")  # changed, and shorter
    monkeypatch.setenv("VOICE_MODELS_DIR", str(tmp_path))
    bad = check_stop_word(Config())
    assert bad.status == "warn" and "stop.json" in bad.detail and bad.fix, bad


def test_a_stop_heard_while_its_own_voice_sounded_like_stop_is_its_own(
    spotter: Any, folder: Path
) -> None:
    from voice.audio.barge_in import OWN_PROBABILITY
    from voice.speech_in.wake.stop_word import STOP_MODEL, load_stop_spotter

    own_spotter, problem = load_stop_spotter(REPO / "models" / STOP_MODEL)
    assert own_spotter is not None, problem
    reference = EchoReference()
    barge = BargeIn(None, reference=reference, spotter=spotter, own_spotter=own_spotter)
    played = _speech(folder, "stop", "en-us")  # what the assistant played just now
    own_spotter.reset()
    for i in range(0, len(played) - BLOCK, BLOCK):
        own_spotter.feed(played[i : i + BLOCK])
    assert max(own_spotter.recent) >= OWN_PROBABILITY
    assert barge.spotted(1.0) is None and barge.refused["own voice"] == 1
    own_spotter.reset()  # it played nothing like "stop": the user's
    assert barge.spotted(1.0) == "stop"
    barge.close()


def test_a_real_persons_no_over_the_answer_does_not_stop_it(spotter: Any,
                                                            folder: Path) -> None:
    # Someone in the room says "no" (a real person, Speech Commands, tuning
    # half) while the answer is read: the stop-word model fires on it as on a
    # "stop" (it did, before the /s/ check), but only a "stop" stops the
    # answer; that person's "stop" at the same moment still does.
    own = _speech(folder, ANSWER, "en-us")
    real = REPO / "tests" / "data" / "real" / "commands"
    said_no = read_wav(real / "sc_no_b87bdb22_nohash_1.wav").samples.reshape(-1)
    said_stop = read_wav(real / "sc_stop_b87bdb22_nohash_1.wav").samples.reshape(-1)
    heard, _when, barge = _run(None, own, ANSWER, said_no.astype(np.float64), at=7.0,
                               spotter=spotter)
    assert heard is None and barge.spotted_stops == 0, barge.heard
    assert spotter.unhissed >= 1  # the model fired, and was refused
    heard, _when, barge = _run(None, own, ANSWER, said_stop.astype(np.float64), at=7.0,
                               spotter=spotter)
    assert heard == "stop" and barge.taken_by == "stop-word model", barge.heard


def test_the_stop_check_setting_reaches_voice_listen(monkeypatch: pytest.MonkeyPatch) -> None:
    # [listen] stop_check is what `voice listen` builds barge-in with: both
    # the spotter of the microphone and the copy that hears its own voice.
    from voice.cli.commands.listen import _barge_in
    from voice.config import Config
    from voice.speech_in.wake.stop_word import HISS

    monkeypatch.setenv("VOICE_MODELS_DIR", str(REPO / "models"))
    for check, hiss in (("hiss", HISS), ("off", 0.0)):
        barge, why = _barge_in(Config(stop_check=check), None)
        assert barge is not None, why
        assert barge.spotter.settings.hiss == hiss, check
        assert barge.own_spotter.settings.hiss == hiss, check
        barge.close()
