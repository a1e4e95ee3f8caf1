"""Key phrase spotting with PocketSphinx's keyword search (kws).

The kws search runs a phone loop beside the key phrases and reports a phrase
when its score beats the loop's by the phrase's threshold, frame by frame as
the audio arrives, so a phrase is reported a few frames after it ends. It
needs only the bundled en-us acoustic model, so it runs on a Pi as it does
here (RTF ~0.03 on this machine).

The ``pocketsphinx`` import stays inside this module (engine imports are lazy).
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from voice.audio.clip import RECOGNIZER_RATE
from voice.errors import ConfigInvalid, ModelMissing

_WORD = re.compile(r"[a-z']+")


def phrase_words(phrase: str) -> list[str]:
    """The lower-case words of a key phrase."""
    return _WORD.findall(phrase.lower())


@dataclass(frozen=True)
class Detection:
    """One key phrase heard."""

    phrase: str
    """The phrase as configured (lower case)."""
    at: float
    """Seconds of audio fed (since :meth:`KeywordSpotter.reset`) when it was
    reported: just after the phrase ended."""


class UnknownWord(ConfigInvalid):
    """A key phrase has a word the pronouncing dictionary lacks."""


class KeywordSpotter:
    """Spots any of several key phrases, each with its own threshold.

    ``phrases`` maps a phrase to its kws threshold (smaller is more eager:
    1e-30 spots more, and falsely more, than 1e-10). Feed 16 kHz mono int16
    with :meth:`feed`; it returns the phrases reported in that audio.

    ``loop_penalty`` is kws_plp, the phone loop's probability per phone:
    PocketSphinx's default 0.1 lets the loop outscore nearly every phrase
    (0 of 32 clean "hey assistant" spotted at any threshold); 1e-20 caught
    31 of 32 (benchmark_wake.py measures what that costs in false wakes).
    """

    def __init__(self, phrases: dict[str, float], loop_penalty: float = 1e-20) -> None:
        try:
            import pocketsphinx
        except ImportError as e:  # pragma: no cover - the package is a dependency
            raise ModelMissing("The PocketSphinx speech recognizer is not installed. "
                               "Run scripts/install.sh to install it.") from e
        self.phrases = {" ".join(phrase_words(p)): t for p, t in phrases.items()}
        if not self.phrases or not all(self.phrases):
            raise ValueError("a key phrase needs at least one word")
        self._dir = tempfile.TemporaryDirectory(prefix="voice-kws-")
        folder = Path(self._dir.name)
        # The stock dictionary only to look the words up (~0.3 s, once).
        stock = pocketsphinx.Decoder(samprate=RECOGNIZER_RATE, logfn="/dev/null", lm=None)
        entries = _dictionary(stock, self.phrases)
        (folder / "kws.dict").write_text(entries, encoding="utf-8")
        (folder / "kws.list").write_text(
            "".join(f"{p} /{t:.0e}/\n" for p, t in self.phrases.items()), encoding="utf-8")
        self._decoder: Any = pocketsphinx.Decoder(
            samprate=RECOGNIZER_RATE, logfn="/dev/null", lm=None,
            dict=str(folder / "kws.dict"), kws=str(folder / "kws.list"),
            kws_plp=loop_penalty, dither=True, seed=1)
        self._fed = 0
        self._decoder.start_utt()

    def reset(self) -> None:
        """Forget the audio so far (a new listening turn)."""
        self._decoder.end_utt()
        self._decoder.start_utt()
        self._fed = 0

    def feed(self, pcm: np.ndarray) -> list[Detection]:
        """Spot in 16 kHz mono int16 ``pcm``; the phrases reported in it."""
        data = np.ascontiguousarray(pcm, dtype="<i2").reshape(-1)
        if not len(data):
            return []
        self._decoder.process_raw(data.tobytes(), False, False)
        self._fed += len(data)
        hyp = self._decoder.hyp()
        if hyp is None or not hyp.hypstr:
            return []
        at = self._fed / RECOGNIZER_RATE
        found = [Detection(p, at) for p in _reported(hyp.hypstr, self.phrases)]
        # Restart the search so the same phrase is not reported again.
        self._decoder.end_utt()
        self._decoder.start_utt()
        return found

    def close(self) -> None:
        self._dir.cleanup()


def _reported(hypstr: str, phrases: dict[str, float]) -> list[str]:
    # kws joins what it spotted in one string; longest phrases first so
    # "hey stop" is not read as "stop".
    text = " " + " ".join(hypstr.split()) + " "
    found = []
    for p in sorted(phrases, key=len, reverse=True):
        if f" {p} " in text:
            found.append(p)
            text = text.replace(f" {p} ", " ")
    return found


def _dictionary(stock: Any, phrases: dict[str, float]) -> str:
    """Pronunciations of the phrases' words (a tiny dictionary loads in ms)."""
    lines = []
    for word in sorted({w for p in phrases for w in p.split()}):
        phones = stock.lookup_word(word)
        if not phones:
            raise UnknownWord(f"'{word}' is not a word I can listen for; "
                              "please choose a wake phrase of common English words")
        lines.append(f"{word} {phones}\n")
        n = 2
        while (alt := stock.lookup_word(f"{word}({n})")):
            lines.append(f"{word}({n}) {alt}\n")
            n += 1
    return "".join(lines)
