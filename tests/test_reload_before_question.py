"""`voice ptt` and the wake-phrase loop prime the recognizer for changed
content before the question is heard, as `voice listen` does.

A caregiver adds a page ("How is an intrathecal baclofen pump refilled?").
`voice ptt` and the wake loop looked for changes only when answering, so the
first question after the change was heard with the old prompt or language
model: the recognizer followed one question late. Now they look at each
press and at the wake phrase (tests/test_recognizer_content_reload.py has
`voice listen` and `voice serve`).

Real parts: `voice ptt` as a subprocess, its keyboard on a pipe, the virtual
microphone, PocketSphinx, espeak-ng; the wake loop in process with the
virtual microphone, the real wake detector and the installed Whisper model.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from voice.speech_in.base import RecognitionStream, Transcript

from .conftest import CONTENT, REPO
from .test_ptt_command import Lines
from .test_recognizer_content_reload import SAID, SAID_TO_POCKETSPHINX, add_page, espeak
from .wake_loop import wake_loop

pytestmark = pytest.mark.audio


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    return folder


def test_ptt_hears_a_new_pages_word_at_the_first_press_after_the_change(
        virtual_mic: Any, content: Path, tmp_path: Path) -> None:
    """PocketSphinx cannot hear "intrathecal" until its dictionary and
    language model are rebuilt with the new page: before, that happened
    after the first question was decoded, so it was never heard in it."""
    wav = espeak(tmp_path, SAID_TO_POCKETSPHINX)
    env = dict(virtual_mic.env, XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_STATE_HOME=str(tmp_path / "state"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    for key in ("VOICE_CONFIG", "GPIOZERO_PIN_FACTORY"):
        env.pop(key, None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "voice", "ptt", "--no-speak", "--no-cues", "--recognizer",
         "pocketsphinx", "--silence-timeout", "1", "--content", str(content)],
        cwd=REPO, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    assert proc.stdin and proc.stdout and proc.stderr
    err = Lines(proc.stderr)
    Lines(proc.stdout)  # read too, so its pipe never fills
    try:
        err.wait_for("Each line is one button press", 90)  # the greeting: ready
        add_page(content)
        proc.stdin.write("\n")  # the press
        proc.stdin.flush()
        err.wait_for("listening...", 20)
        # The rebuild runs in the background from the press (0.6-1 s here,
        # docs/speech-in.md); a user takes a moment to begin too.
        time.sleep(2.0)
        virtual_mic.play(wav)
        heard = err.wait_for("heard:", 60)
        proc.stdin.write("quit\n")
        proc.stdin.flush()
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    print(heard)  # in the log, pass or fail
    assert "intrathecal" in heard, (heard, err.seen)
    assert not any("Traceback" in line for line in err.seen)


class _PromptAtStart:
    """The real Whisper recognizer, noting its prompt when each utterance's
    decoding starts (the wake loop starts it when the phrase is heard)."""

    def __init__(self, recognizer: Any) -> None:
        self.recognizer = recognizer
        self.name = recognizer.name
        # As the recognizer wrapped declares it (base.Recognizer): the wake
        # loop's question does not wait for the cry check with Whisper.
        self.decodes_alongside = recognizer.decodes_alongside
        self.prompts: list[str] = []

    def stream(self) -> RecognitionStream:
        self.prompts.append(self.recognizer.prompt)
        return self.recognizer.stream()

    def transcribe(self, clip: Any) -> Transcript:
        self.prompts.append(self.recognizer.prompt)
        return self.recognizer.transcribe(clip)

    def use_content(self, kb: Any) -> None:
        self.recognizer.use_content(kb)


def test_the_wake_loop_primes_whisper_when_the_phrase_is_heard(
        virtual_mic: Any, content: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The page is added while the loop waits for the wake phrase; the
    question after it is decoded with the prompt that has the new page."""
    from voice.speech_in.wake.listening import run_with_wake

    settings = tmp_path / "settings.toml"
    settings.write_text('[listen]\nwake_word = true\nwake_phrase = "hey assistant"\n'
                        "follow_up = 0\n", encoding="utf-8")
    # Primed for changed content, as listen's _load_recognizer does.
    loop_parts = wake_loop(settings, _PromptAtStart, "--content", str(content), follow=True)
    assistant, rec, session, detector = (loop_parts.assistant, loop_parts.rec,
                                         loop_parts.session, loop_parts.detector)
    answered: list[dict[str, Any]] = []
    handle_heard = assistant.handle_heard

    def answer_once(heard: Transcript, *a: Any, **k: Any) -> dict[str, Any]:
        answered.append(handle_heard(heard, *a, **k))
        assistant.wants_exit = True  # one question is all this test asks
        return answered[-1]

    monkeypatch.setattr(assistant, "handle_heard", answer_once)
    wav = espeak(tmp_path, f"hey assistant. {SAID}")
    loop = threading.Thread(target=run_with_wake, args=(session, detector, 0.0), daemon=True)
    loop.start()
    time.sleep(3.0)  # listening for the phrase (the null sink's first block too)
    add_page(content)
    time.sleep(0.5)  # changed while it waits, not just before
    # The wake phrase in espeak-ng through the null sink is now and then
    # missed (CI once: "not addressed to me"); a user says it again, and so
    # does the test. What is checked is the prompt once it is heard.
    for attempt in range(3):
        virtual_mic.play(wav, lead_in=0.37 * attempt)
        loop.join(timeout=40)
        if not loop.is_alive():
            break
    assert not loop.is_alive(), "no question answered"
    assert answered and rec.prompts, (answered, rec.prompts)
    print("heard:", answered[0].get("transcript"))
    # What Whisper made of it is test_recognizer_content_reload.py's matter
    # (espeak-ng through the microphone is sometimes heard badly even so).
    # The question's decode is the last one started: a phrase missed on the
    # first try leaves an unaddressed utterance that the check for a cry
    # (unaddressed.py) decodes first, before any wake primed the prompt
    # (CI, c462b18: prompts[0] was that check's).
    assert "intrathecal baclofen pump refilled" in rec.prompts[-1], (
        "heard with the old prompt", answered[0].get("transcript"), len(rec.prompts))
