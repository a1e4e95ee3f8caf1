"""When an answer's first sound reaches the microphone, while barge-in listens,
for each player setting (voice/speech_out/output.py ECHO_LATENCY and
START_ON_FIRST_CLIP), taking turns answer by answer.

Run: ``.venv/bin/python scripts/barge15_first_sound.py [--rounds 6]``

The real speaker (pyttsx3/espeak-ng) says a short answer into the private
virtual microphone; a second listener records it, and the delay is from the
call to ``say`` to the first loud sample in the recording (stamped by the
microphone's own clock). PortAudio fills a stream's buffer with silence before
it starts, unless it is primed by the callback: unprimed, a 1 s buffer would
delay every answer by about 1 s.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

SETTINGS = ((0.25, False), (1.0, False), (1.0, True))
ANSWER = "Stretching every day can help. Speak with your care team first."


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=6)
    args = ap.parse_args(argv)

    from voice.audio.echo import REFERENCE
    from voice.audio.virtual_mic import running_virtual_mic
    from voice.speech_out import output
    from voice.speech_out.base import VoiceSettings
    from voice.speech_out.synth import default_synth
    from voice.speech_out.tts_speaker import TtsSpeaker

    print(f"load average at the start: {Path('/proc/loadavg').read_text().split()[:3]}")
    delays: dict[tuple[float, bool], list[float]] = {s: [] for s in SETTINGS}
    with running_virtual_mic():
        import sounddevice as sd

        output.refresh_devices()
        settings = VoiceSettings()
        speaker = TtsSpeaker(default_synth(settings))
        speaker.prepare(settings)
        REFERENCE.enabled = True  # as while barge-in listens
        blocks: list[tuple[float, np.ndarray]] = []

        def cb(x: np.ndarray, frames: int, t: Any, _s: Any) -> None:
            blocks.append((time.monotonic() - (t.currentTime - t.inputBufferAdcTime),
                           x[:, 0].copy()))

        with sd.InputStream(samplerate=16000, channels=1, dtype="int16", blocksize=320,
                            callback=cb):
            for k in range(args.rounds * len(SETTINGS)):
                setting = SETTINGS[k % len(SETTINGS)]
                output.ECHO_LATENCY, output.START_ON_FIRST_CLIP = setting
                time.sleep(0.5)
                blocks.clear()
                said = time.monotonic()
                t = threading.Thread(target=speaker.say, args=(ANSWER, settings))
                t.start()
                t.join()
                time.sleep(0.3)
                first = next((at + int(np.argmax(np.abs(b.astype(np.int32)) > 1000)) / 16000
                              for at, b in list(blocks)
                              if np.any(np.abs(b.astype(np.int32)) > 1000)), None)
                if first is not None:
                    delays[setting].append(first - said)
        REFERENCE.enabled = False
        speaker.close()
    for (lat, prime), d in delays.items():
        print(f"ECHO_LATENCY {lat}, primed {'yes' if prime else 'no'}: first sound a median "
              f"{1000 * float(np.median(d)):.0f} ms after say() (min {1000 * min(d):.0f}, "
              f"max {1000 * max(d):.0f}; {len(d)} answers)" if d else f"{lat} {prime}: none")
    print(f"load average at the end: {Path('/proc/loadavg').read_text().split()[:3]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
