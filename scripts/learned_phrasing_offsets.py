"""Is a spoken question learned and found again wherever it falls on Whisper's
20 ms frames? For espeak-ng's rendering of each question, this prints what
Whisper heard at 20 offsets (shipped content's prompt), the conversation's
outcome for each hearing (a learned phrasing needs "confirm" first), and how
many (learned, asked again) offset pairs the learned phrasing finds again.
See docs/mic-drift.md.

    .venv/bin/python scripts/learned_phrasing_offsets.py \
        "my wife has M S, will exercise make her worse" \
        "my wife has multiple sclerosis, will exercise make her worse"
"""

from __future__ import annotations

import collections
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from voice.audio.clip import AudioClip, read_wav  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.conversation import Conversation  # noqa: E402
from voice.conversation.personal import PersonalPhrasings  # noqa: E402
from voice.models.manifest import WHISPER_MODEL  # noqa: E402
from voice.speech_in.whisper import WhisperRecognizer  # noqa: E402


def main() -> None:
    kb = load_knowledge([REPO / "content"])
    rec = WhisperRecognizer(REPO / "models" / WHISPER_MODEL, kb)
    wav = Path(tempfile.mkdtemp(prefix="learned-offsets-")) / "q.wav"
    for text in sys.argv[1:]:
        subprocess.run(["espeak-ng", "-w", str(wav), text], check=True)
        speech = read_wav(wav).resampled(16000).samples
        heard = []
        for off in range(0, 320, 16):
            audio = np.concatenate([np.zeros(4800 + off, np.int16), speech,
                                    np.zeros(4800, np.int16)])
            heard.append(rec.transcribe(AudioClip(audio, 16000, 1)).text)
        outcome = {h: Conversation(kb).respond(h).outcome for h in set(heard)}
        pairs = found = 0
        for learned in heard:
            if outcome[learned] != "confirm":
                continue
            for again in heard:
                phrasings = PersonalPhrasings()
                phrasings.learn(learned, "entry")
                pairs += 1
                found += phrasings.find(again) is not None
        offered = sum(outcome[h] == "confirm" for h in heard)
        print(f"{text!r}: offered at {offered}/{len(heard)} offsets; "
              f"found again in {found}/{pairs} (learned, asked again) pairs")
        for h, n in collections.Counter(heard).most_common():
            print(f"  {n:2d} {outcome[h]:8s} {h}")


if __name__ == "__main__":
    main()
