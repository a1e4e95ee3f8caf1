"""Short commands decoded a third time, after the commands' own prompt
(voice/speech_in/whisper/short_replies.py COMMAND_PROMPT), with the real
tiny.en model on an espeak-ng WAV (no microphone timing)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from voice.app import query_of
from voice.audio.clip import AudioClip, read_wav
from voice.content.loader import load_knowledge
from voice.conversation.commands import find_command
from voice.models.manifest import WHISPER_MODEL
from voice.speech_in.whisper import WhisperRecognizer
from voice.speech_in.whisper.decoder import Segment, Word
from voice.speech_in.whisper.short_replies import SHORT_SURE_LOGPROB, surest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from make_spoken_questions import Variant, speak  # noqa: E402


@pytest.fixture(scope="module")
def rec() -> WhisperRecognizer:
    kb = load_knowledge([str(REPO / "content")])
    return WhisperRecognizer(REPO / "models" / WHISPER_MODEL, kb)


def test_speak_quieter_is_heard_as_the_command(rec: WhisperRecognizer, tmp_path: Path) -> None:
    # After the content prompt and after the digits-and-yes/no prompt alone
    # this came out "seek liator": no command, so the answer went on as loud.
    c = read_wav(speak("speak quieter", Variant("en"), tmp_path)).resampled(16000)
    z = np.zeros(8000, dtype=np.int16)
    heard = rec.transcribe(AudioClip(np.concatenate([z, c.samples, z]), 16000, 1))
    assert find_command(query_of(heard)) == "quieter", heard.text


def test_is_this_private_is_heard_as_the_question_about_privacy(
        rec: WhisperRecognizer, tmp_path: Path) -> None:
    # After the content prompt and COMMAND_PROMPT alike this came out "is
    # this driver" (en) or "is this right mate" (en-us): declined as off the
    # subject. Heard after REQUEST_PROMPT.
    z = np.zeros(8000, dtype=np.int16)
    for voice in ("en", "en-us"):
        c = read_wav(speak("is this private", Variant(voice), tmp_path)).resampled(16000)
        heard = rec.transcribe(AudioClip(np.concatenate([z, c.samples, z]), 16000, 1))
        assert find_command(query_of(heard)) == "privacy", (voice, heard.text)


def _seg(text: str, logprob: float) -> Segment:
    return Segment(text, 0.05, logprob, 1.0, tuple(Word(" " + w, 0.8) for w in text.split()))


def test_the_surest_of_the_short_reply_decodes_that_heard_a_reply_is_taken() -> None:
    content, digits = _seg("Seek Liator.", -0.95), _seg("Seek. Why, others?", -1.3)
    assert surest(content, digits, _seg("Speak quieter.", -0.4)).text == "speak quieter"
    # Unsure, or no command or number: the content decode stands.
    assert surest(content, digits, _seg("Speak quieter.", SHORT_SURE_LOGPROB - 0.1)
                  ).text == "seek liator"
    assert surest(content, digits, _seg("Seek later.", -0.1)).text == "seek liator"
    # Two decodes heard a reply: the surer one.
    assert surest(content, _seg("Two.", -0.5), _seg("Too slow.", -0.2)).text == "too slow"


def test_the_command_decode_counts_for_commands_only() -> None:
    # espeak-ng en "number fourteen": the commands' prompt has no numbers.
    assert surest(_seg("Number Fourty.", -0.58), _seg("Number 14.", -0.44),
                  _seg("Number 40.", -0.32)).text == "number 14"


def test_a_further_command_decode_counts_for_commands_only() -> None:
    # The requests' own prompt (REQUEST_PROMPT): "is this private" came out
    # "is this driver" after the content prompt and COMMAND_PROMPT alike.
    content, digits = _seg("Is this driver?", -0.6), _seg("Is this driver?", -0.7)
    command = _seg("Is this driver?", -0.5)
    assert surest(content, digits, command, _seg("Is this private?", -0.3)
                  ).text == "is this private"
    assert surest(content, digits, command, _seg("Is this private?", SHORT_SURE_LOGPROB - 0.1)
                  ).text == "is this driver"
    # A number it writes is no command: the digits decode's stands.
    assert surest(_seg("Number Fourty.", -0.58), _seg("Number 14.", -0.44),
                  _seg("Number 14.", -0.5), _seg("Number 40.", -0.2)).text == "number 14"
