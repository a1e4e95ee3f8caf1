"""How Whisper hears one espeak-ng clip by where it falls on its 20 ms frames.

Whisper's encoder sees 20 ms frames (10 ms mel hops, stride 2). This pads the
clip with 0.3 s plus 0..319 samples (16 kHz) of silence and prints what Whisper
heard at each offset. It does that with the shipped content's prompt ("old")
and with a prompt that has the content-reload tests' new page on the
intrathecal baclofen pump ("new"). See docs/mic-drift.md.

    .venv/bin/python scripts/whisper_offset_map.py "baclofen pump" [--step 8] [--word baclofen]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from voice.audio.clip import AudioClip, read_wav  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.models.manifest import WHISPER_MODEL  # noqa: E402
from voice.speech_in.whisper import WhisperRecognizer  # noqa: E402

NEW_PAGE = ("# FAQ\n\n## How is an intrathecal baclofen pump refilled?\n\n"
            "A nurse refills the pump through the skin every few months.\n")
FRAME = 320  # Whisper's encoder frame at 16 kHz


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("text")
    p.add_argument("--step", type=int, default=8, help="samples between offsets")
    p.add_argument("--word", default="baclofen", help="count offsets whose hearing has it")
    args = p.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="offset-map-"))
    content = tmp / "content"
    shutil.copytree(REPO / "content", content)
    old = WhisperRecognizer(REPO / "models" / WHISPER_MODEL, load_knowledge([content]))
    (content / "baclofen.md").write_text(NEW_PAGE, encoding="utf-8")
    new = WhisperRecognizer(REPO / "models" / WHISPER_MODEL, load_knowledge([content]))
    wav = tmp / "said.wav"
    subprocess.run(["espeak-ng", "-w", str(wav), args.text], check=True)
    speech = read_wav(wav).resampled(16000).samples
    counts = {"old": 0, "new": 0}
    offsets = range(0, FRAME, args.step)
    for off in offsets:
        audio = np.concatenate([np.zeros(4800 + off, np.int16), speech,
                                np.zeros(4800, np.int16)])
        clip = AudioClip(audio, 16000, 1)
        heard = {"old": old.transcribe(clip).text, "new": new.transcribe(clip).text}
        for k, text in heard.items():
            counts[k] += args.word in text
        print(f"{off:3d}  old: {heard['old']!r:40s} new: {heard['new']!r}", flush=True)
    n = len(offsets)
    print(f"{args.word!r} heard at {counts['new']}/{n} offsets with the new prompt, "
          f"{counts['old']}/{n} with the old")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
