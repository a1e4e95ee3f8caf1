"""How often Whisper hears the "and" / "or" a question trails off on, with
and without voice/speech_in/whisper/trailing_word.py (docs/loose-ends.md,
session 26).

Each question of a set is said three ways by espeak-ng (whole, with " and",
with " or" at the end; voices and speeds in turn, 0.8 s of silence after)
and decoded once by tiny.en with the content prompt; the decode's own text
("before") and the text after the trailing-word check ("after") are counted
as unfinished (voice.conversation.unfinished.trails_off) or not. A whole
question counted unfinished is a false wait.

    python scripts/measure_trailing_word.py --half even tests/data/tuning.tsv
    python scripts/measure_trailing_word.py --half even --detail tests/data/tuning.tsv

``--detail`` prints each clip's score differences (tuning halves only: the
held-out half is read as counts).
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

from voice.audio.clip import read_wav
from voice.content.loader import load_knowledge
from voice.conversation.unfinished import trails_off
from voice.speech_in.whisper.engine import WhisperRecognizer, _samples16k
from voice.speech_in.whisper.guard import Heard
from voice.speech_in.whisper.model_files import model_folder
from voice.speech_in.whisper.rescoring import AudioScorer
from voice.speech_in.whisper.trailing_word import TRAILING, with_trailing_word

REPO = Path(__file__).resolve().parent.parent
VOICES = ("en", "en-us+m3", "en+f3")
SPEEDS = (140, 120)
FORMS = (("whole", ""), ("and", " and"), ("or", " or"))


def questions(path: Path, half: str) -> list[str]:
    lines = [ln.split("\t")[0] for ln in path.read_text().splitlines()
             if ln.strip() and not ln.startswith("#")]
    return lines[0::2] if half == "even" else lines[1::2]


def spoken(folder: Path, voice: str, speed: int, text: str) -> Path:
    raw, out = folder / "raw.wav", folder / "clip.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(raw), text],
                   check=True, timeout=30)
    subprocess.run(["sox", str(raw), "-r", "16000", str(out), "pad", "0.3", "0.8"],
                   check=True, timeout=30)
    return out


def differences(heard: Heard, scorer: AudioScorer) -> list[float]:
    """Each trailing word's score against the heard text's (nats)."""
    text = heard.text
    fits = scorer.fits([text, *(f"{text} {w}" for w in TRAILING)])
    return [round(f.nats - fits[0].nats, 2) for f in fits[1:]]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="+", type=Path)
    ap.add_argument("--half", choices=("even", "odd"), default="even")
    ap.add_argument("--detail", action="store_true", help="each clip (tuning halves only)")
    args = ap.parse_args()
    rec = WhisperRecognizer(model_folder(REPO / "models"), load_knowledge([REPO / "content"]))
    with tempfile.TemporaryDirectory() as tmp:
        for path in args.sets:
            counts: Counter[str] = Counter()
            for i, q in enumerate(questions(path, args.half)):
                voice, speed = VOICES[i % len(VOICES)], SPEEDS[i % len(SPEEDS)]
                for form, tail in FORMS:
                    clip = read_wav(spoken(Path(tmp), voice, speed, q + tail))
                    heard, scorer = rec._decode_heard(_samples16k(clip))
                    after = with_trailing_word(heard, scorer) if scorer else heard
                    counts[f"{form} n"] += 1
                    counts[f"{form} before"] += trails_off(heard.text)
                    counts[f"{form} after"] += trails_off(after.text)
                    if args.detail and scorer is not None and heard.words:
                        print(f"{form:5} {differences(heard, scorer)} {q + tail!r} -> "
                              f"{after.text!r}", flush=True)
            print(path.name, args.half)
            for form, _ in FORMS:
                print(f"  said {form:5}: heard unfinished {counts[f'{form} before']} -> "
                      f"{counts[f'{form} after']} of {counts[f'{form} n']}")


if __name__ == "__main__":
    main()
