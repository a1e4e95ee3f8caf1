"""Whisper puts back the "and" a slow speaker stops on (session 26).

"What can I eat to help and ..." was written "what can i eat to help":
tiny.en leaves out a last "and" or "or" (57 of 69 espeak-ng clips with
"and"), so neither voice listen's wait for the rest (``unfinished_wait``)
nor the conversation's "Or say the rest of your question" started when the
question was said aloud. The audio now decides whether the word was said
(voice/speech_in/whisper/trailing_word.py). Real espeak-ng speech and the
real tiny.en model; the last test goes through PulseAudio's virtual
microphone and `voice listen`.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from voice.audio.clip import read_wav
from voice.conversation.unfinished import trails_off

from .test_robust25_slow_and import whisper_listened

#: (voice, words a minute, question): clips whose "and" the decode left
#: out before this change (measured with scripts/measure_trailing_word.py).
DROPPED = [
    ("en+f3", 120, "what can I eat to help"),
    ("en-us+m3", 140, "how do assistive devices help"),
    ("en-us+m3", 120, "why do people get these disorders"),
    ("en+f3", 140, "how does it affect everyday life"),
]


def _clip(tmp_path: Path, voice: str, speed: int, text: str) -> Any:
    raw, out = tmp_path / "raw.wav", tmp_path / "clip.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(raw), text],
                   check=True, timeout=30)
    subprocess.run(["sox", str(raw), "-r", "16000", str(out), "pad", "0.3", "0.8"], check=True,
                   timeout=30)
    return read_wav(out)


@pytest.mark.parametrize("voice,speed,question", DROPPED)
def test_the_and_said_last_is_heard(whisper_tiny: Any, tmp_path: Path, voice: str, speed: int,
                                    question: str) -> None:
    heard = whisper_tiny.transcribe(_clip(tmp_path, voice, speed, question + " and"))
    assert heard.text.split()[-1] in ("and", "or", "but") and trails_off(heard.text), heard.text


@pytest.mark.parametrize("voice,speed,question", DROPPED)
def test_a_whole_question_gets_no_and(whisper_tiny: Any, tmp_path: Path, voice: str, speed: int,
                                      question: str) -> None:
    heard = whisper_tiny.transcribe(_clip(tmp_path, voice, speed, question))
    assert heard.text and not trails_off(heard.text), heard.text


def test_commands_and_replies_are_left_as_heard(whisper_tiny: Any, tmp_path: Path) -> None:
    """A command acts on its own: nothing is ever added to "stop" or "go on"."""
    for said in ("stop reading", "please go on", "read it again please"):
        heard = whisper_tiny.transcribe(_clip(tmp_path, "en", 140, said))
        assert not trails_off(heard.text), (said, heard.text)


FIRST = "what can I eat to help and"
REST = "how much water should I drink"


@pytest.mark.audio
def test_a_spoken_half_question_waits_for_its_rest(virtual_mic: Any, tmp_path: Path) -> None:
    """Said with a 4 s pause after "and": one turn, both parts in it. Before,
    "what can i eat to help" was answered at the pause and the rest was a
    question of its own."""
    tried = []
    # A fresh rendering when the "and" is not heard through the null sink
    # (once in the clean-clone CI of 2026-12-05, 3 of 3 CIs before passed):
    # a hearing missed once, not a turn split that was heard right.
    for speed in SPOKEN_SPEEDS:
        heard = _one_turn(virtual_mic, tmp_path / str(speed), speed)
        if heard is not None:
            # One turn holding both parts. How the rest is heard through the
            # null sink varies ("what a short eyed link" once); that it was
            # waited for and joined does not.
            assert "eat" in heard and len(heard.split()) > len(FIRST.split()), heard
            return
        tried.append(speed)
    raise AssertionError(f"two turns at every speed tried: {tried}")


#: espeak-ng speeds (words a minute) of the renderings tried, in order.
SPOKEN_SPEEDS = (120, 110)


def _one_turn(virtual_mic: Any, folder: Path, speed: int) -> str | None:
    """What was heard, when the two parts were one turn; else None."""
    folder.mkdir()
    parts = []
    # The first part in the voice whose "and" was left out (DROPPED), the
    # rest in espeak-ng's own, which Whisper hears more surely.
    for i, (text, voice) in enumerate(((FIRST, "en+f3"), (REST, "en"))):
        raw = folder / f"part{i}.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(raw), text],
                       check=True, timeout=30)
        parts.append(raw)
    wav = folder / "slow.wav"
    subprocess.run(["sox", str(parts[0]), str(wav), "pad", "0", "4.0"], check=True, timeout=30)
    both = folder / "both.wav"
    subprocess.run(["sox", str(wav), str(parts[1]), str(both)], check=True, timeout=30)
    replies = whisper_listened(virtual_mic, both, folder, 40)
    if len(replies) != 1:
        return None
    return str(replies[0]["transcript"]).lower()
