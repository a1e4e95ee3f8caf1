"""The assistant never pauses itself (voice/audio/barge_in.py PAUSE_AGREE).

A request to wait over an answer is heard by Whisper's full decode, which
decodes a short stretch after four prompts and keeps the surest text. The
request prompt ("Wait. Hold on. One moment. ...") pulls unclear audio toward
its own words: the assistant's own residual voice (after the echo
canceller), recorded through the virtual microphone by
scripts/benchmark_barge_in.py, came out "Hold on." after that prompt alone
and, cut a few blocks later (as the segmenter may cut it), that was the
surest text: a self-pause. Real Whisper tiny.en; the clip is in
tests/data/barge-in/ (its README).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.audio.barge_in import PAUSE_AGREE, BargeIn, Stretch, pause_agreed, verdict
from voice.audio.clip import read_wav
from voice.audio.echo import EchoReference
from voice.content.loader import load_knowledge
from voice.models.manifest import WHISPER_MODEL
from voice.speech_in.whisper import WhisperRecognizer

REPO = Path(__file__).resolve().parent.parent
CLIP = REPO / "tests" / "data" / "barge-in" / "own_residual_hold_on.wav"


@pytest.fixture(scope="module")
def whisper() -> WhisperRecognizer:
    # With the content, as `voice listen` and the benchmark decode.
    return WhisperRecognizer(REPO / "models" / WHISPER_MODEL, load_knowledge([REPO / "content"]))


def test_its_own_residual_voice_heard_as_hold_on_does_not_pause_it(
    whisper: WhisperRecognizer,
) -> None:
    audio = read_wav(CLIP).samples.reshape(-1)
    heard = whisper.decode_heard(audio)
    # What made it a self-pause before: the surest of the four decodes, the
    # request prompt's, is "hold on"; no other prompt heard a request.
    assert verdict(heard.text, pause=True) == "pause", heard
    assert sum(verdict(t, pause=True) == "pause" for t in heard.prompted) == 1, heard.prompted
    reference = EchoReference()
    reference.enabled = True
    barge = BargeIn(whisper, reference=reference)
    try:
        n = len(audio) / 16000
        assert barge.judge(Stretch(audio, 10.0, 10.0 + n, voiced=0.14)) is None
        assert barge.refused["unsure pause"] == 1
    finally:
        barge.close()


def test_a_request_counts_when_two_prompts_heard_it() -> None:
    assert PAUSE_AGREE == 2
    # Texts after the content, short-reply, command and request prompts, as
    # decoded from espeak-ng requests said over answers through the virtual
    # microphone (benchmark_barge_in.py --pauses 20, tuning clips).
    assert pause_agreed(("wait", "wait", "wait", "wait"))
    assert pause_agreed(("what moment", "one moment", "what moment", "one moment"))
    assert pause_agreed(("how do you do this", "ten nine", "hang on", "hang on"))
    # The assistant's own residual voice: a request after the request prompt alone.
    assert not pause_agreed(("", "", "don't worry", "hold on"))
    assert not pause_agreed(("what role is it", "more", "", "hold on"))
    assert not pause_agreed(())  # a long stretch: the content prompt only


def test_a_stretch_the_quick_look_heard_as_a_sentence_is_not_decoded_again(
    whisper: WhisperRecognizer, tmp_path: Path,
) -> None:
    import subprocess

    from voice.speech_in.wake.quick_stop import load_quick_stop

    wav = tmp_path / "own.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(wav),
                    "Early diagnosis is key to effective treatment and support."],
                   check=True, timeout=30)
    audio = read_wav(wav).resampled(16000).samples.reshape(-1)[: 2 * 16000]
    quick = load_quick_stop(REPO / "models" / WHISPER_MODEL)
    assert quick is not None
    reference = EchoReference()
    reference.enabled = True
    barge = BargeIn(whisper, reference=reference, quick=quick)
    barge.skip_sentences = True
    try:
        assert barge.judge(Stretch(audio, 10.0, 12.0, voiced=1.8)) is None
        assert barge.refused["a sentence"] == 1, quick.last_text
        assert not barge.decoded  # the full decode never ran
    finally:
        barge.close()
