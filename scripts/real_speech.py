"""Real people's speech (tests/data/real/): what an engine hears of it.

Recordings none of us made, with their transcripts (sources and licences in
tests/data/real/README.md). Three sets:

- ``digits``: "zero" .. "nine" from many speakers (topics are chosen by number);
- ``commands``: "yes", "no", "stop", "right" (a "yes" reply) from many speakers;
- ``sentences``: read everyday English, for a word error rate on open speech
  and for out-of-scope speech that must not be answered.

Used by scripts/benchmark_audio.py and tests/test_real_speech.py, so both
score a clip the same way: through the words the assistant acts on
(``query_of``) and the same parsers the conversation uses.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from voice.audio.clip import AudioClip, read_wav

REAL = Path(__file__).resolve().parent.parent / "tests" / "data" / "real"
MANIFEST = REAL / "manifest.tsv"
SETS = ("digits", "commands", "sentences")
#: The command each one-word reply must be heard as ("right" means yes).
COMMAND_OF = {"yes": "yes", "no": "no", "stop": "stop", "right": "yes"}
_DIGITS = "zero one two three four five six seven eight nine".split()


@dataclass(frozen=True)
class RealClip:
    """One recording of a real person, with what they said."""

    path: Path
    set: str
    """"digits", "commands" or "sentences"."""
    transcript: str
    """Lower-case words said."""
    speaker: str
    """Source and speaker id ("fsdd:theo", "sc:93ec8b84", "librispeech:237")."""


def real_clips(which: str | None = None) -> list[RealClip]:
    """The clips of set ``which`` (all sets when None), in manifest order."""
    out = []
    for line in MANIFEST.read_text(encoding="utf-8").splitlines()[1:]:
        f, s, text, speaker, *_ = line.split("\t")
        if which is None or s == which:
            out.append(RealClip(REAL / f, s, text, speaker))
    return out


def padded(path: Path, seconds: float = 0.5) -> AudioClip:
    """The clip at 16 kHz mono with silence either side, as a VAD segment has
    (the digits are trimmed to the first and last phone)."""
    c = read_wav(path).resampled(16000)
    z = np.zeros(int(16000 * seconds), dtype=np.int16)
    return AudioClip(np.concatenate([z, c.samples, z]), 16000, 1)


def heard_digit(text: str) -> int | None:
    """The digit ``text`` says on its own ("seven", "7", "number seven"), or None."""
    from voice.conversation.choices import find_choice
    from voice.matching.normalize import clean

    words = clean(text).split()
    if words in (["zero"], ["0"]):
        return 0
    choice = find_choice(text)
    return choice.number if choice is not None and choice.number <= 9 else None


def is_heard_right(clip: RealClip, text: str) -> bool:
    """Whether the assistant would act on ``text`` as ``clip`` meant."""
    if clip.set == "digits":
        return heard_digit(text) == _DIGITS.index(clip.transcript)
    if clip.set == "commands":
        from voice.conversation.commands import find_command

        return find_command(text) == COMMAND_OF[clip.transcript]
    raise ValueError(f"no single right word in set {clip.set!r}")


@dataclass
class RealScore:
    """What one engine heard of one set."""

    set: str
    n: int = 0
    right: int = 0
    """Clips heard right (digits, commands)."""
    errors: int = 0
    words: int = 0
    """Word errors and reference words (every set)."""
    audio_s: float = 0.0
    decode_s: float = 0.0
    answered: int = 0
    """Sentences (out of scope) given an answer outright."""
    offered: int = 0
    """Sentences (out of scope) given a "Did you mean ...?"."""
    misheard: dict[str, str] | None = None
    """Some clips heard wrong: file name -> what was heard (for reading, not scoring)."""

    @property
    def heard_right(self) -> float:
        return self.right / self.n if self.n else 0.0

    @property
    def wer(self) -> float:
        return self.errors / self.words if self.words else 0.0

    @property
    def rtf(self) -> float:
        return self.decode_s / self.audio_s if self.audio_s else 0.0


def word_errors(ref: str, hyp: str) -> tuple[int, int]:
    """(word errors, reference length, at least 1): voice.speech_in.own_voice's count."""
    from voice.speech_in.own_voice import word_errors as count

    errors, words = count(ref, hyp)
    return errors, max(words, 1)


def score(rec: object, clips: Iterable[RealClip], matcher: object | None = None) -> RealScore:
    """Run ``rec`` (a Recognizer) over ``clips`` (one set) and score it.

    ``matcher``: also match each sentence as the assistant would (they are all
    out of scope: count those answered or offered).
    """
    from voice.app import is_doubtful, query_of, surely_heard
    from voice.matching.normalize import clean

    result: RealScore | None = None
    for c in clips:
        result = result or RealScore(c.set, misheard={})
        clip = padded(c.path)
        t = time.perf_counter()
        heard = rec.transcribe(clip)  # type: ignore[attr-defined]
        result.decode_s += time.perf_counter() - t
        result.audio_s += clip.duration
        text = query_of(heard)
        e, n = word_errors(clean(c.transcript), clean(heard.text))
        result.errors += e
        result.words += n
        result.n += 1
        if c.set == "sentences":
            if matcher is not None:
                # As Assistant.handle_heard matches speech (heard=True).
                r = matcher.match(text, doubtful=is_doubtful(heard),  # type: ignore[attr-defined]
                                  heard=True, sure=surely_heard(heard))
                result.answered += r.outcome == "answer"
                result.offered += r.outcome not in ("answer", "no_match")
            continue
        if is_heard_right(c, text):
            result.right += 1
        elif result.misheard is not None and len(result.misheard) < 8:
            result.misheard[c.path.name] = heard.text
    if result is None:
        raise ValueError("no clips")
    return result


def half(path: Path) -> str:
    """"tuning" or "held-out": the clip's half, fixed by the SHA-256 of its bytes
    (first byte even: tuning). Anything tuned on these recordings is chosen on
    the tuning half only; the held-out half is reported once, after."""
    import hashlib

    return "tuning" if hashlib.sha256(path.read_bytes()).digest()[0] % 2 == 0 else "held-out"
