"""The real speaker, heard through the virtual microphone.

The ``virtual_mic`` fixture's null sink is the default output and its monitor
the default input, so whatever the speaker plays is recorded here exactly as
a microphone next to a loudspeaker would record it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from voice.config import Config
from voice.errors import SpeechOutputUnavailable
from voice.speech_out.base import VoiceSettings
from voice.speech_out.factory import NO_SPEAKER, make_speaker
from voice.speech_out.output import find_output_device, output_devices
from voice.speech_out.print_speaker import PrintOnlySpeaker
from voice.speech_out.synth import Pyttsx3Synth
from voice.speech_out.tts_speaker import LOST_SPEAKER, TtsSpeaker
from voice.speech_out.wav_speaker import WavFileSpeaker

pytestmark = pytest.mark.audio

REPO = Path(__file__).resolve().parent.parent
BLOCK_S = 0.05
#: RMS above which a 50 ms block counts as sound (silence records as exactly 0).
LOUD = 0.003

LONG_ANSWER = (
    "Spasticity is a stiffness of the muscles. Stretching every day can help keep the "
    "joints moving. Warm water may ease the spasms. Talk to your doctor before you change "
    "any medicine. Baclofen relaxes the muscles, but it can make you sleepy. Take care "
    "when you stand up."
)


@dataclass
class Recording:
    """50 ms blocks from the default input, each with the time it arrived."""

    blocks: list[tuple[float, float]] = field(default_factory=list)
    """(time.monotonic() at arrival, RMS of the block)."""

    def loud_times(self, after: float = 0.0) -> list[float]:
        return [t for t, rms in self.blocks if rms > LOUD and t > after]

    def energy(self, start: float, end: float) -> float:
        """Sum of squares over the blocks that arrived in (start, end].

        Summed over the whole window (silence adds nothing), so it scales with
        the square of the volume whatever the threshold of "loud" is.
        """
        return float(sum(rms * rms for t, rms in self.blocks if start < t <= end))


@pytest.fixture
def record(virtual_mic: Any) -> Iterator[Recording]:
    import sounddevice as sd

    rec = Recording()

    def callback(indata: np.ndarray, frames: int, _t: Any, _s: Any) -> None:
        x = indata[:, 0].astype(np.float64)
        rec.blocks.append((time.monotonic(), float(np.sqrt(np.mean(x * x)))))

    stream = sd.InputStream(
        samplerate=16000, channels=1, dtype="float32", blocksize=int(16000 * BLOCK_S),
        callback=callback,
    )
    stream.start()
    time.sleep(0.3)  # let the monitor settle so the first sound is not lost
    try:
        yield rec
    finally:
        stream.stop()
        stream.close()


def test_a_spoken_answer_is_heard(record: Recording, synth: Pyttsx3Synth) -> None:
    speaker = TtsSpeaker(synth, notify=pytest.fail)
    start = time.monotonic()
    assert not record.loud_times()  # silence before
    speaker.say("Stretching every morning helps stiff muscles.", VoiceSettings())
    returned = time.monotonic()
    time.sleep(0.4)
    loud = record.loud_times(after=start)
    assert loud, "nothing was heard"
    # Heard for most of the sentence (~3 s at 150 words a minute), starting quickly.
    assert len(loud) * BLOCK_S > 1.5
    assert loud[0] - start < 0.5
    # say() waits for the end: the last sound arrives no later than just after it returns.
    assert loud[-1] <= returned + 0.3
    assert speaker.last_first_sound_at is not None
    assert speaker.last_first_sound_at - start < 0.2


STOPPED_WITHIN = 1.5  # s: the answer lasts about 20 s


def test_stop_silences_the_speaker_at_once(
    record: Recording, synth: Pyttsx3Synth
) -> None:
    speaker = TtsSpeaker(synth, notify=pytest.fail)
    start = time.monotonic()
    t = threading.Thread(target=speaker.say, args=(LONG_ANSWER, VoiceSettings()))
    t.start()
    time.sleep(1.2)
    assert speaker.speaking
    stopped_at = time.monotonic()
    speaker.stop()
    t.join(timeout=5)
    returned_at = time.monotonic()
    assert not t.is_alive()
    assert not speaker.speaking
    time.sleep(1.0)  # would still be talking: the answer lasts about 20 s
    loud = record.loud_times(after=start)
    # It was really speaking just before the stop ...
    assert any(stopped_at - 0.6 < x <= stopped_at for x in loud), (
        [round(x - stopped_at, 2) for x in loud], len(record.blocks),
        max(r for _, r in record.blocks), speaker.last_first_sound_at, start, stopped_at,
        record.blocks[0][0] - start,
    )
    # ... and the sound ended soon after stop(), not 20 s later. How soon is
    # a figure (target 300 ms), printed by scripts/benchmark_barge_in.py: a
    # loaded CI machine once took 0.45 s here, so the test only asks that
    # it stopped.
    assert max(loud) - stopped_at < STOPPED_WITHIN, f"sound went on {max(loud) - stopped_at:.3f} s"
    assert returned_at - stopped_at < STOPPED_WITHIN
    # The speaker is usable again at once.
    speaker.say("Yes.", VoiceSettings())
    assert record.loud_times(after=returned_at + 1.0)


def test_volume_changes_the_recorded_level(record: Recording, synth: Pyttsx3Synth) -> None:
    speaker = TtsSpeaker(synth, notify=pytest.fail)
    levels = []
    for volume in (0.9, 0.3):
        start = time.monotonic()
        speaker.say("Warm water can ease the spasms.", VoiceSettings(volume=volume))
        time.sleep(0.3)
        levels.append(np.sqrt(record.energy(start, time.monotonic())))
    assert levels[1] > 0
    assert levels[0] / levels[1] == pytest.approx(3.0, rel=0.1)


def test_output_device_is_chosen_by_part_of_its_name(
    record: Recording, synth: Pyttsx3Synth
) -> None:
    names = [d.name for d in output_devices()]
    assert "pulse" in names
    dev = find_output_device("PULS")
    assert dev is not None and dev.name == "pulse"
    assert find_output_device("") is None
    assert find_output_device("no such speaker") is None
    notes: list[str] = []
    speaker = make_speaker(Config(output_device="puls"), None, False, notes.append)
    assert isinstance(speaker, TtsSpeaker) and speaker.device == dev.index
    start = time.monotonic()
    speaker.say("Hello.", VoiceSettings())
    speaker.close()
    time.sleep(0.3)
    assert record.loud_times(after=start)
    assert notes == []


def test_an_unknown_speaker_name_is_reported_and_the_default_used(virtual_mic: Any) -> None:
    notes: list[str] = []
    speaker = make_speaker(Config(output_device="hdmi 7"), None, False, notes.append)
    try:
        assert isinstance(speaker, TtsSpeaker) and speaker.device is None
        assert len(notes) == 1 and "hdmi 7" in notes[0] and "pulse" in notes[0]
    finally:
        speaker.close()


def test_factory_modes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, virtual_mic: Any) -> None:
    notes: list[str] = []
    assert isinstance(make_speaker(Config(), None, True, notes.append), PrintOnlySpeaker)
    wav = make_speaker(Config(), tmp_path / "out", False, notes.append)
    assert isinstance(wav, WavFileSpeaker)
    wav.synth.close()
    assert notes == []
    monkeypatch.setenv("PATH", str(tmp_path))  # no espeak-ng anywhere
    with pytest.raises(SpeechOutputUnavailable, match="espeak-ng"):
        make_speaker(Config(), None, False, notes.append)
    with pytest.raises(SpeechOutputUnavailable, match="espeak-ng"):
        make_speaker(Config(), tmp_path / "out", False, notes.append)
    # Printing needs no espeak-ng.
    assert isinstance(make_speaker(Config(), None, True, notes.append), PrintOnlySpeaker)


NO_DEVICE_SCRIPT = """
from voice.config import Config
from voice.speech_out.base import VoiceSettings
from voice.speech_out.factory import make_speaker
speaker = make_speaker(Config(), None, False, lambda m: print("NOTIFY:", m, flush=True))
speaker.say("Stretch every morning.", VoiceSettings())
speaker.say("Rest when you are tired.", VoiceSettings())
print("TYPE:", type(speaker).__name__)
# A caller that prints replies itself (voice.app) gets no second copy.
quiet = make_speaker(Config(), None, False, lambda m: print("NOTIFY:", m), echo=False)
quiet.say("Not printed twice.", VoiceSettings())
"""


def test_no_output_device_says_so_once_and_prints(tmp_path: Path) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir()
    env = dict(
        os.environ, XDG_RUNTIME_DIR=str(runtime),
        PULSE_SERVER=f"unix:{tmp_path}/dead/native",  # nothing listens there
    )
    result = subprocess.run(
        [sys.executable, "-c", NO_DEVICE_SCRIPT], env=env, cwd=REPO,
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    # One line, with what to do: the server PULSE_SERVER names is the user's
    # to start (voice.audio.sound_server starts none in its place).
    told = (f"NOTIFY: {NO_SPEAKER} To hear them, start the sound server PULSE_SERVER "
            f"names (unix:{tmp_path}/dead/native), or unset PULSE_SERVER.")
    assert result.stdout.splitlines() == [
        told,
        "Stretch every morning.",
        "Rest when you are tired.",
        "TYPE: PrintOnlySpeaker",
        told,
    ]
    assert "Traceback" not in result.stderr


def test_a_speaker_that_disappears_is_reported_once_and_answers_are_printed(
    virtual_mic: Any, synth: Pyttsx3Synth, capsys: pytest.CaptureFixture[str]
) -> None:
    notes: list[str] = []
    speaker = TtsSpeaker(synth, notify=notes.append)
    virtual_mic.stop()  # the sound server goes away, as when a USB speaker is pulled
    try:
        speaker.say("Stretch every morning.", VoiceSettings())
        speaker.say("Rest when you are tired.", VoiceSettings())
        out = capsys.readouterr().out
        assert notes == [LOST_SPEAKER]
        assert out.splitlines() == ["Stretch every morning.", "Rest when you are tired."]
    finally:
        virtual_mic.start()
    # Plugged back in: sound again, no message.
    speaker.say("Hello.", VoiceSettings())
    assert notes == [LOST_SPEAKER]
    assert speaker.last_first_sound_at is not None
    assert capsys.readouterr().out == ""


def test_a_reply_never_holds_up_the_next_typed_line(
    record: Recording, synth: Pyttsx3Synth
) -> None:
    # `voice text` reads the next line only when handle_text returns: it must
    # return at once even while a long reply is still being spoken, or a
    # "stop" typed during the list of topics waits for the whole list.
    import io

    from voice.app import Assistant
    from voice.content.loader import load_knowledge
    from voice.conversation import Conversation

    assistant = Assistant(Conversation(load_knowledge([REPO / "content"])),
                          TtsSpeaker(synth, notify=pytest.fail), out=io.StringIO())
    assistant.handle_text("list topics")  # about 15 s of speech
    time.sleep(1.0)
    t = time.monotonic()
    assistant.handle_text("more")  # said after the list, not over it
    assert time.monotonic() - t < 0.5, "the next line waited for the list to end"
    assert assistant.speaking
    time.sleep(1.0)
    stopped_at = time.monotonic()
    assistant.handle_text("stop")
    assert time.monotonic() - stopped_at < 0.5
    assistant.wait()
    time.sleep(1.0)
    # It was talking just before the stop; after it only "Stopped." (about
    # 1 s) is heard: neither the rest of the list nor the queued "more".
    assert any(stopped_at - 0.6 < x <= stopped_at for x in record.loud_times())
    assert not record.loud_times(after=stopped_at + 2.0)


def _suspend_sink(virtual_mic: Any, suspended: bool) -> None:
    from voice.audio.virtual_mic import SINK

    subprocess.run(["pactl", "suspend-sink", SINK, "1" if suspended else "0"],
                   env=virtual_mic.env, check=True, capture_output=True, timeout=10)


def test_a_sound_server_that_stops_taking_audio_mid_answer_is_given_up(
    virtual_mic: Any, synth: Pyttsx3Synth, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A suspended sink (or a hung sound server) stops the output callbacks
    # without an error. Before, say() waited for ever: the assistant hung,
    # silent, until the sink came back, if it ever did.
    from voice.speech_out import tts_speaker

    monkeypatch.setattr(tts_speaker, "STALL_SECONDS", 2.0)  # 8 s in use
    notes: list[str] = []
    speaker = TtsSpeaker(synth, notify=notes.append)
    done = threading.Event()

    def answer() -> None:
        speaker.say(LONG_ANSWER, VoiceSettings())
        done.set()

    threading.Thread(target=answer, daemon=True).start()
    time.sleep(1.5)
    assert speaker.speaking
    _suspend_sink(virtual_mic, True)
    suspended_at = time.monotonic()
    try:
        assert done.wait(20), "say() hung on an output that takes no audio"
        took = time.monotonic() - suspended_at
    finally:
        _suspend_sink(virtual_mic, False)
    # Given up after the stall time, not at the first late block.
    assert took > 1.5, took
    # Said once, and the answer is printed, not lost.
    assert notes == [LOST_SPEAKER]
    assert capsys.readouterr().out.strip() == LONG_ANSWER
    # The sink back: the next answer is played, with no message.
    speaker.say("Hello.", VoiceSettings())
    assert notes == [LOST_SPEAKER]
    assert speaker.last_first_sound_at is not None
    assert capsys.readouterr().out == ""
