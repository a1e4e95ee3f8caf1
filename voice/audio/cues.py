"""Short tones that tell the user what the assistant is doing, without a screen.

Generated in code (no sound files to lose): a rising pair of tones means "I am
listening", a falling pair "I stopped listening", a low tone "something went
wrong". The tones are soft-edged (fade in and out) so they do not click or
startle, and short so a tired user is not kept waiting.
"""

from __future__ import annotations

import sys
import threading
import time
from typing import Any

import numpy as np

from voice.audio.clip import AudioClip

CUE_RATE = 22050
"""Rate the cues are generated at: every output device takes it."""

#: name -> list of (frequency Hz, seconds) tones played one after the other.
CUES: dict[str, list[tuple[float, float]]] = {
    "listening": [(660.0, 0.12), (880.0, 0.16)],
    "stopped": [(880.0, 0.12), (660.0, 0.16)],
    "error": [(220.0, 0.35)],
}

_LEVEL = 0.3  # about -10 dBFS: clearly audible, well below speech peaks
_FADE = 0.012  # seconds; a raised-cosine edge this long removes the click
_GAP = 0.03  # seconds of silence between two tones so they are heard as two

_note_printed = False
_note_lock = threading.Lock()
#: A cue's start that has not returned after CUE_STALL seconds: sounddevice's
#: play() first closes the last cue's stream, and on a sound server that
#: stalls (its daemon stopped) that blocks as long as the stall, which kept
#: `voice listen` from saying "The microphone is gone" for all of it (the
#: "error" tone goes first). Cues are skipped until it returns.
_stuck: threading.Thread | None = None


def _tone(freq: float, seconds: float, rate: int) -> np.ndarray:
    n = round(seconds * rate)
    t = np.arange(n) / rate
    wave = np.sin(2 * np.pi * freq * t)
    fade = min(int(_FADE * rate), n // 2)
    if fade:
        ramp = 0.5 - 0.5 * np.cos(np.pi * np.arange(fade) / fade)
        wave[:fade] *= ramp
        wave[n - fade :] *= ramp[::-1]
    return wave


def cue(name: str, rate: int = CUE_RATE) -> AudioClip:
    """The cue called ``name`` ("listening", "stopped" or "error") as mono int16."""
    if name not in CUES:
        raise ValueError(f"unknown cue {name!r}; known cues: {', '.join(CUES)}")
    parts: list[np.ndarray] = []
    for i, (freq, seconds) in enumerate(CUES[name]):
        if i:
            parts.append(np.zeros(int(_GAP * rate)))
        parts.append(_tone(freq, seconds, rate))
    samples = np.concatenate(parts) * _LEVEL * 32767
    return AudioClip(samples.astype(np.int16), rate, 1)


#: Seconds beyond a cue's own length that play_cue(..., wait_at_most=True)
#: waits for it. Small: a question asked right after the tone must not be cut,
#: and a blocking cue returned after 0.29 s of its 0.31 s here.
CUE_SLACK = 0.02


#: Seconds beyond a cue's own length that a blocking cue waits for its end.
#: A speaker waking from standby held one ~2 s (above); a sink that takes no
#: audio at all (suspended, a hung sound server) held it for ever, and the
#: assistant with it (tests/test_audio_cues.py suspends the real sink).
CUE_STALL = 3.0


def play_cue(name: str, device: str = "", blocking: bool = True,
             wait_at_most: bool = False) -> bool:
    """Play a cue on the speaker whose name contains ``device`` (default speaker
    when empty). Returns False, after printing a note once, when it cannot be
    played: a missing beep must never stop the assistant from answering.
    With ``blocking=False`` it returns at once while the cue plays. With
    ``wait_at_most`` it returns once the cue should have been heard (its
    length plus CUE_SLACK), played or not: a speaker waking from standby
    (a null sink with no client, many HDMI, USB and Bluetooth speakers) held
    a blocking cue ~2 s, and the microphone, opened after the cue, lost the
    question asked meanwhile.
    """
    clip = cue(name)
    if wait_at_most:
        played = play_cue(name, device, blocking=False)
        if played:
            time.sleep(clip.duration + CUE_SLACK)
        return played
    global _stuck
    if _stuck is not None:
        if _stuck.is_alive():
            return False  # the server still holds the last one: no beep
        _stuck = None
    started: list[Any] = []
    failed: list[Exception] = []

    def start() -> None:
        try:
            started.append(_start(clip, device))
        except Exception as e:  # any failure here is the same: no beep
            failed.append(e)

    starter = threading.Thread(target=start, daemon=True, name="voice-cue")
    starter.start()
    starter.join(CUE_STALL)
    if starter.is_alive():
        _stuck = starter
        return False
    if failed:
        _note_once(f"voice: note: cannot play sound cues ({failed[0]}); continuing "
                   "without them.")
        return False
    if blocking:
        _wait_played(started[0], clip.duration + CUE_STALL)
    return True


def _start(clip: AudioClip, device: str) -> Any:
    """Start ``clip`` on the speaker; its stream."""
    import sounddevice as sd

    from voice.audio.devices import find_output_device

    index = find_output_device(device).index
    sd.play(clip.samples, clip.rate, device=index, blocking=False)
    return sd.get_stream()


def _wait_played(stream: Any, at_most: float) -> None:
    """Until ``stream`` has played out, or ``at_most`` seconds (never for ever)."""
    deadline = time.monotonic() + at_most
    while stream.active and time.monotonic() < deadline:
        time.sleep(0.01)


def _note_once(text: str) -> None:
    global _note_printed
    with _note_lock:
        if _note_printed:
            return
        _note_printed = True
    print(text, file=sys.stderr)
