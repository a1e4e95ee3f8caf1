"""Child process that synthesises WAV files with pyttsx3 (espeak-ng driver).

Run as a script by :class:`voice.speech_out.synth.Pyttsx3Synth`, never
imported by the assistant. It lives in its own process because pyttsx3:

* prints "Audio saved to ..." on stdout for every file, and redirecting
  ``sys.stdout`` in the assistant's process would swallow answers printed by
  other threads at the same moment;
* can hang or return before its WAV is written (MACHINE-NOTES section 4): a
  child can be killed on a deadline, a thread cannot.

Usage: ``pyttsx3_worker.py RATE VOICE``. The rate and voice are fixed for the
life of the process: measured here, a rate changed between two utterances
took effect one to nine utterances late (pyttsx3 queues property changes
behind its own busy flag), while properties set before the first utterance
always held. The parent starts a new worker when the settings change.

Protocol: one JSON object per line on stdin
``{"text": str, "path": str}``; one JSON line per
request on the original stdout: ``{"ok": true, "frames": n, "attempts": k}`` once the WAV is
complete, or ``{"ok": false, "error": "..."}``. End of stdin ends the process.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
import wave
from typing import Any

#: How long to wait for pyttsx3 to finish writing a WAV after runAndWait returns.
FILE_WAIT_S = 3.0
#: Once pyttsx3 is idle and its file exists, how long to wait before calling it final.
SETTLE_S = 0.02
#: pyttsx3 sometimes writes an empty 44-byte WAV (MACHINE-NOTES section 4; seen
#: here for about half of the second utterances made ~4 s after the first).
#: Saying it again in the same engine is ~15 ms and usually works.
RETRIES = 1


def _frames(path: str) -> int:
    """Frames in a complete WAV, 0 when missing, empty or still being written."""
    try:
        with wave.open(path, "rb") as w:
            n = w.getnframes()
            # A WAV whose header promises more than the file holds is half-written.
            expected = 44 + n * w.getsampwidth() * w.getnchannels()
        return n if os.path.getsize(path) >= expected else 0
    except (OSError, EOFError, wave.Error):
        return 0


def _save(engine: Any, text: str, path: str) -> int:
    """Synthesise ``text`` into ``path``; frames written (0: pyttsx3 lost the audio)."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
    engine.save_to_file(text, path)
    engine.runAndWait()
    returned = time.monotonic()
    deadline = returned + FILE_WAIT_S
    while True:
        frames = _frames(path)
        if frames:
            # espeak-ng can leave a complete-looking header between two chunks
            # under load (a sentence came out cut short): only a WAV that stays
            # the same for SETTLE_S is final.
            time.sleep(SETTLE_S)
            if _frames(path) == frames or time.monotonic() > deadline:
                return frames
            continue
        if time.monotonic() > deadline:
            return frames
        # Idle with the file on disk means pyttsx3 is done: an empty WAV stays empty.
        if (
            not engine.isBusy() and os.path.exists(path)
            and time.monotonic() - returned > SETTLE_S
        ):
            return _frames(path)
        time.sleep(0.002)


def main() -> int:
    # Our replies go on a private copy of stdout; everything pyttsx3 prints goes to stderr.
    reply = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    import pyttsx3

    engine = pyttsx3.init("espeak")
    engine.setProperty("rate", int(sys.argv[1]))
    # An unknown voice name fails inside pyttsx3's queue, leaving the default
    # voice: speaking in the default voice is better than not speaking.
    engine.setProperty("voice", sys.argv[2])
    engine.setProperty("volume", 1.0)  # volume is applied by the caller, per sample
    reply.write(json.dumps({"ok": True, "ready": True}) + "\n")
    for line in sys.stdin:
        try:
            req = json.loads(line)
            path = str(req["path"])
            frames = attempts = 0
            while not frames and attempts <= RETRIES:
                attempts += 1
                frames = _save(engine, str(req["text"]), path)
            if frames:
                reply.write(json.dumps({"ok": True, "frames": frames, "attempts": attempts}) + "\n")
            else:
                reply.write(json.dumps({"ok": False, "error": "no audio written"}) + "\n")
        except Exception as e:  # the parent falls back to espeak-ng; it needs the reason
            reply.write(json.dumps({"ok": False, "error": f"{type(e).__name__}: {e}"}) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
