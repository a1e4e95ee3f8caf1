"""What Whisper heard, in our words, with its hallucinations removed.

Whisper writes text even for silence, noise or a cough: for digital
silence, sox-made pink, white and quiet noise, a hum, a click, knocks, a
breath and a noise burst shaped like a cough it wrote "you", "Non-term",
"Transcription." (the last two echo the content prompt), "part of the" or
"The" (tiny.en, this machine). Each such segment is marked by the model
itself: a high ``no_speech_prob`` with a low ``avg_logprob`` (the pair
Whisper's own decoder uses), a very low ``avg_logprob`` alone, a
``compression_ratio`` past 2.4 (a phrase repeated over and over), or words
that all have a very low probability. Such text is dropped here, so it never
reaches the matcher: nothing is answered, and the user hears that they were
not understood.

Measured on those 9 sounds and on tests/data/tuning.tsv plus 18 spoken
commands, in espeak-ng en-us and en (260 in-scope, 64 out-of-scope, 36
commands): the rules below drop all 9 sounds (the silence pair alone 8), one
in-scope question (misheard, not the right entry), no out-of-scope one and
two commands, both misheard ("number one" as "environmental", "go on" as
"going"). A word cut of 0.15 instead of 0.1 also dropped "number 7",
"lower" and "yes" heard right.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

#: Whisper's own silence test: a segment with no_speech_prob above this...
NO_SPEECH = 0.6
#: ...and avg_logprob below this is silence (the values Whisper ships with).
SILENCE_LOGPROB = -1.0
#: A segment below this average log-probability is gibberish whatever its
#: no_speech_prob (the sounds above: -1.7 to -3.3, most near -3; spoken
#: tuning questions dropped by it: none that matched the right entry).
GIBBERISH_LOGPROB = -2.0
#: A segment whose text compresses better than this repeats itself: Whisper's
#: looping hallucination (its own fallback threshold).
MAX_COMPRESSION = 2.4
#: A transcript none of whose words reaches this probability was not speech
#: (the breath of "hh": 0.022; "number 7" heard right: 0.134).
NOTHING_BELOW = 0.1

_BRACKETED = re.compile(r"\[[^\]]*\]|\([^)]*\)|\*[^*]*\*|♪+")
_KEEP = re.compile(r"[^a-z0-9' ]+")


@dataclass(frozen=True)
class Heard:
    """The words kept, each with Whisper's probability for it."""

    words: tuple[tuple[str, float], ...]
    dropped: str = ""
    """Why the text was dropped, for tests and the benchmark ("" when kept)."""
    alternatives: tuple[str, ...] = ()
    """The decoder's other texts for the same audio, best first (alternatives.py)."""
    prompted: tuple[str, ...] = ()
    """A short stretch's text after each prompt (content, short-reply,
    command, request: engine.decode_heard), as the guard keeps it ("" when
    dropped): how many decodes heard the same thing (voice/audio/barge_in.py)."""

    @property
    def text(self) -> str:
        return " ".join(w for w, _ in self.words)


def clean_words(raw: str) -> list[str]:
    """Whisper's text as our lower-case words: no punctuation, no sound
    annotations ("(coughs)", "[Music]"), hyphenated words split."""
    text = _BRACKETED.sub(" ", raw.lower()).replace("-", " ")
    text = text.replace("\u2019", "'")
    words = []
    for w in _KEEP.sub(" ", text).split():
        w = w.strip("'")
        if w:
            words.append(w)
    return words


def _segment_problem(seg: Any) -> str:
    if seg.no_speech_prob > NO_SPEECH and seg.avg_logprob < SILENCE_LOGPROB:
        return "no speech"
    if seg.avg_logprob < GIBBERISH_LOGPROB:
        return "gibberish"
    if seg.compression_ratio > MAX_COMPRESSION:
        return "repeats itself"
    return ""


def heard_from(segments: Iterable[Any]) -> Heard:
    """The words of faster-whisper ``segments`` (decoded with word_timestamps)."""
    words: list[tuple[str, float]] = []
    why: list[str] = []
    for seg in segments:
        problem = _segment_problem(seg)
        if problem:
            why.append(f"{seg.text.strip()!r}: {problem}")
            continue
        if seg.words:
            for w in seg.words:
                p = min(1.0, max(0.0, float(w.probability)))
                words.extend((c, p) for c in clean_words(w.word))
        else:  # no word probabilities: take the words, unsure
            words.extend((c, 0.0) for c in clean_words(seg.text))
    if words and max(p for _, p in words) < NOTHING_BELOW:
        text = " ".join(w for w, _ in words)
        return Heard((), f"{text!r}: every word below {NOTHING_BELOW}")
    return Heard(tuple(words), "; ".join(why))
