"""A question said straight after the wake phrase, through the virtual microphone.

People say "okay nabu what should I eat" in one breath. This plays real
people's "okay nabu" (tests/data/real/wake, their quiet lead-in and tail
trimmed) followed, ``--gaps`` seconds later, by a question said by espeak-ng,
into `voice listen`'s wake loop (run in this process, on a private virtual
microphone), and counts the questions answered right: the reply answers the
entry the typed question is answered with (or offers it: "Did you mean
...?"), against another reply, or none (lost).

    CT2_FORCE_CPU_ISA=AVX2 ONEDNN_MAX_CPU_ISA=AVX2 nice -n 10 .venv/bin/python \
        scripts/benchmark_wake_question.py --gaps 0,0.25,0.5

Figures in docs/wake-word.md ("branch wake16").
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import threading
import time
import wave
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from voice.audio.clip import RECOGNIZER_RATE, read_wav  # noqa: E402

REAL = REPO / "tests" / "data" / "real" / "wake"
CLIPS = ("pymicro_1", "pymicro_2", "pymicro_3", "wyoming_1")
#: (question, a word its transcript must have, espeak-ng voice, words a minute)
QUESTIONS = (
    ("what should I eat", "eat", "en-us", 150),
    ("can MS be cured", "cure", "en+m3", 140),
    ("how do I stop muscle spasms", "spasm", "en+f3", 150),
)
LOUD = 600  # int16 RMS of a 10 ms frame: a recording's voice (its quiet is under 450)


def voiced(pcm: np.ndarray) -> tuple[int, int]:
    """(first, end) sample of the last stretch of voice in ``pcm``: 10 ms
    frames louder than :data:`LOUD` (RMS), pauses under 0.4 s bridged (a
    click in a recording's lead-in is not a voice; pymicro_3 says the phrase
    twice, the second is taken)."""
    frames = len(pcm) // 160
    rms = np.sqrt(np.mean(pcm[:frames * 160].astype(np.float64).reshape(frames, 160) ** 2,
                          axis=1))
    loud = np.flatnonzero(rms > LOUD)
    end = int(loud[-1])
    first = end
    for i in loud[::-1]:
        if first - int(i) > 40:
            break
        first = int(i)
    return first * 160, (end + 1) * 160


def trimmed_phrase(clip: Path) -> np.ndarray:
    """A real "okay nabu", from 0.1 s before its voice to its voice's end."""
    pcm = read_wav(clip).resampled(RECOGNIZER_RATE).samples.reshape(-1)
    first, end = voiced(pcm)
    return pcm[max(0, first - 1600):end]


def espeak(folder: Path, text: str, voice: str, rate: int) -> np.ndarray:
    wav = folder / f"q_{voice}_{rate}_{abs(hash(text))}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(wav), text],
                   check=True)
    pcm = read_wav(wav).resampled(RECOGNIZER_RATE).samples.reshape(-1)
    loud = np.flatnonzero(np.abs(pcm.astype(np.int32)) > LOUD)
    return pcm[int(loud[0]):]  # the question's first sound right after the gap


def write(path: Path, pcm: np.ndarray) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RECOGNIZER_RATE)
        w.writeframes(np.asarray(pcm, dtype="<i2").tobytes())


def pair(folder: Path, clip: str, gap: float, question: tuple[str, str, str, int]) -> Path:
    phrase = trimmed_phrase(REAL / f"okay_nabu_{clip}.wav")
    said = espeak(folder, question[0], question[2], question[3])
    quiet = np.zeros(int(gap * RECOGNIZER_RATE), dtype=np.int16)
    wav = folder / f"{clip}_{gap:g}_{question[1]}.wav"
    write(wav, np.concatenate([phrase, quiet, said]))
    return wav


def _entry(reply: dict[str, Any]) -> str | None:
    match = reply.get("match") or {}
    return match.get("id") if isinstance(match, dict) else None


def _outcome(replies: list[dict[str, Any]], expected: str | None) -> str:
    """"answered" (the typed question's entry read), "offered" (it is the
    "Did you mean ...?"), "other" (another reply) or "lost" (none)."""
    if not replies:
        return "lost"
    reply = replies[0]
    if expected is not None and _entry(reply) == expected:
        return "answered" if reply.get("outcome") == "answer" else "offered"
    return "other"


class _Fed:
    """The recognizer, keeping what its streams are fed (``--dump``)."""

    def __init__(self, recognizer: Any, fed: list[np.ndarray]) -> None:
        self.recognizer, self.fed = recognizer, fed

    def stream(self) -> Any:
        inner, fed = self.recognizer.stream(), self.fed

        class Stream:
            def feed(self, clip: Any) -> str:
                fed.append(np.asarray(clip.samples, dtype=np.int16).reshape(-1))
                return str(inner.feed(clip))

            def finish(self) -> Any:
                return inner.finish()

        return Stream()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.recognizer, name)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gaps", default="0,0.25,0.5")
    ap.add_argument("--clips", default=",".join(CLIPS))
    ap.add_argument("--questions", type=int, default=len(QUESTIONS))
    ap.add_argument("--cues", action="store_true", help="play the cues (into the same sink)")
    ap.add_argument("--show", action="store_true", help="print each pair's transcript")
    ap.add_argument("--lead", type=float, default=None,
                    help="micro.QUESTION_LEAD for this run (0: the question starts at the peak)")
    ap.add_argument("--dump", type=Path, help="write the audio each question's stream was fed here")
    args = ap.parse_args(argv)

    from voice.app import build_assistant
    from voice.audio.virtual_mic import running_virtual_mic
    from voice.cli.commands.listen import _Session
    from voice.cli.main import build_parser
    from voice.cli.options import config_from_args
    from voice.speech_in.base import Transcript
    from voice.speech_in.wake.engine import load_wake_detector
    from voice.speech_in.wake.listening import run_with_wake
    from voice.speech_in.wake.micro import MicroWakeDetector

    folder = Path(tempfile.mkdtemp(prefix="wake-question-"))
    settings = folder / "settings.toml"
    settings.write_text("[listen]\nwake_word = true\nfollow_up = 0\n", encoding="utf-8")
    argv_listen = ["listen", "--json", "--no-speak", "--no-barge-in", "--silence-timeout",
                   "1.0", "--start-timeout", "4", "--config", str(settings)]
    if not args.cues:
        argv_listen.append("--no-cues")
    results: dict[float, list[str]] = {}
    with running_virtual_mic() as mic:
        from voice.cli.commands.listen import _load_recognizer

        parsed = build_parser().parse_args(argv_listen)
        cfg = config_from_args(parsed, forgiving=True)
        assistant = build_assistant(cfg, parsed, json_lines=True, persist=False,
                                    forgiving=True)
        recognizer = _load_recognizer(cfg, assistant)
        fed: list[np.ndarray] = []
        if args.dump is not None:
            args.dump.mkdir(parents=True, exist_ok=True)
            recognizer = _Fed(recognizer, fed)
        session = _Session(cfg, parsed, assistant, recognizer)
        detector = load_wake_detector(cfg.wake_phrase, kb=assistant.conversation.kb)
        # Only the neural detector has a question lead (PocketSphinx's ignores it).
        if args.lead is not None and isinstance(detector, MicroWakeDetector):
            detector.question_lead = args.lead
        # The entry each question typed is answered with.
        typed = build_assistant(cfg, parsed, json_lines=False, persist=False, forgiving=True)
        expected = {q[0]: _entry(typed.handle_text(q[0])) for q in QUESTIONS}
        texts_heard: list[str] = []
        replies: list[dict[str, Any]] = []
        handle_heard = assistant.handle_heard

        # The parameter is named as Assistant.handle_heard's (keyword calls).
        def noted(heard: Transcript, *a: Any, **k: Any) -> dict[str, Any]:
            texts_heard.append(heard.text)
            replies.append(handle_heard(heard, *a, **k))
            return replies[-1]

        assistant.handle_heard = noted  # type: ignore[method-assign]
        loop = threading.Thread(target=run_with_wake, args=(session, detector, 0.0),
                                daemon=True)
        loop.start()
        time.sleep(3.0)
        for gap in [float(g) for g in args.gaps.split(",")]:
            for clip in args.clips.split(","):
                for question in QUESTIONS[:args.questions]:
                    wav = pair(folder, clip, gap, question)
                    texts_heard.clear()
                    replies.clear()
                    fed.clear()
                    mic.play(wav)
                    # The answer, or the wait after a phrase on its own (4 s) running out.
                    deadline = time.monotonic() + 12
                    while time.monotonic() < deadline and not replies:
                        time.sleep(0.2)
                    time.sleep(5.0 if not replies else 1.0)
                    right = _outcome(replies, expected[question[0]])
                    if args.dump is not None and fed:
                        write(args.dump / wav.name, np.concatenate(fed))
                    results.setdefault(gap, []).append(right)
                    if args.show:
                        print(f"gap {gap:g} {clip} {question[0]!r}: {right} {texts_heard}",
                              flush=True)
        assistant.wants_exit = True
    kinds = ("answered", "offered", "other", "lost")
    every: list[str] = []
    for gap, got in results.items():
        every += got
        print(f"gap {gap:g} s: " + ", ".join(f"{got.count(k)} {k}" for k in kinds)
              + f" of {len(got)}")
    print("all: " + ", ".join(f"{every.count(k)} {k}" for k in kinds) + f" of {len(every)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
