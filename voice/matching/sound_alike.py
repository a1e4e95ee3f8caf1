"""Reads a misheard transcript as the content words it sounds like.

Whisper tiny.en, prompted with the content, still writes what it hears as
other words: "toxic" for toxin, "in jection" or "in section" for
injection, "grab is" for gravis, "relaxions" for relaxant. Spelling alone does not
see these (``Matcher.sounds_like``); their sounds do. Every word gets CMU
phones (the CMU dictionary bundled with PocketSphinx, our hand-written
medical words, a letter-to-sound guess for the rest: voice/speech_in/
pocketsphinx/lexicon.py), vowels folded into one symbol (a misheard word
often keeps the consonants and loses the vowels: "grab is", gravis), and a run of one to
``MAX_JOIN`` heard words is compared with every content word by edit
distance over those phones.

A run is replaced only when it sounds close (``CLOSE``) to a rare content
word (``TARGET_RARITY``), names no content word already, and every word of
it that is not a function word was heard unsurely (``UNSURE``): a word heard
surely is what was said. The result is
only ever offered ("Did you mean ...?"), never answered outright
(``voice.app.understood``).
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import re
import threading
import weakref
from array import array
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from voice.matching import normalize
from voice.speech_in.pocketsphinx.lexicon import Lexicon

if TYPE_CHECKING:
    from voice.matching.matcher import Matcher

#: Set False to measure without the repair (scripts/tune_sound_alike.py).
ENABLED = True
#: How many adjacent heard words may make one content word ("gab a pentin").
MAX_JOIN = 3
#: Least phone similarity (rapidfuzz normalized Levenshtein, 0-1) of a run of
#: heard words to the content word it is read as. scripts/tune_sound_alike.py
#: --grid (2026-12-01, Whisper transcripts of the tuning halves: tuning.tsv
#: 780 in-scope and 192 out-of-scope clips, even dev.tsv questions 318 + 90,
#: health-tuning 158, foreign-tuning 120) at the chosen other settings:
#: right entries tuning / dev 590 / 148 at 0.8, 587 / 147 at 0.85 and 0.9
#: (581 / 146 without the repair); out-of-scope clips not declined 39 at each
#: (39 without it).
CLOSE = 0.8
#: A heard word at least this sure (Whisper word probability) is what was
#: said, and is never replaced.
UNSURE = 0.6
#: Content words commoner than this in general English (scope.GeneralEnglish
#: rarity, -log10 of a unigram probability) are never a repair target: "doctor",
#: "support" or "family" sound like too much everyday speech.
#: Same grid: 4.0 gives one more right clip (591) than 4.5, 5.0 the same;
#: 4.5 is scope.RARITY_FREE, the line between everyday and rarer words.
TARGET_RARITY = 4.5
#: Content words shorter than this many phones are never a repair target:
#: too many words sound like "pill" or "diet".
MIN_PHONES = 4

_VOWELS = frozenset("AA AE AH AO AW AY EH ER EY IH IY OW OY UH UW".split())


#: One load of the CMU dictionary at a time: the warm-up's (``warm_up``) and
#: a question's that comes before it ends share it rather than load it twice.
_lexicon_lock = threading.Lock()


def _lexicon() -> Lexicon | None:
    with _lexicon_lock:
        return _load_lexicon()


@functools.cache
def _load_lexicon() -> Lexicon | None:
    """The CMU dictionary with our additions, loaded once (None: no PocketSphinx).

    Keeps the first reading of each word of 3 letters or more, as
    ``Lexicon.for_words`` does for words it was not asked for, in the compact
    form of ``Pronouncing`` (tests/test_sound_alike_compact.py: the same
    pronunciations as the full dictionary, word for word)."""
    try:
        import pocketsphinx

        folder = Path(pocketsphinx.get_model_path()) / "en-us"
        table = Pronouncing.read(folder / "cmudict-en-us.dict")
    except Exception:  # PocketSphinx or its dictionary missing: letter-to-sound only
        return None
    # Lexicon only reads its ``cmu`` (``in``, ``[]``, ``get``), which a
    # Mapping answers as the dict did.
    return Lexicon(cast("dict[str, list[str]]", table))


def pronouncing() -> Pronouncing | None:
    """The compact CMU dictionary this module reads (loaded once, shared: the
    typed-typo corrector, voice/matching/spelling.py, asks its words too)."""
    lex = _lexicon()
    return lex.cmu if lex is not None and isinstance(lex.cmu, Pronouncing) else None


#: A dictionary line's word without its reading number: "word" of "word(2) ...".
_BASE = re.compile(rb"[^ (\n]*")


class Pronouncing(Mapping[str, list[str]]):
    """The CMU dictionary as ``Lexicon`` was given it (the first reading of
    each word of 3 letters or more), without a Python object per word: the
    file's bytes as they are and an array of where its lines start. A word is
    found by binary search (the bundled dictionary is sorted by word, a word's
    own line first and "word(2)" after it; a dictionary that was not would
    lose words, and the test below would fail) and its line is read as the
    full loader read it, when asked.

    Measured alone in a process (``_load_lexicon`` and two words, 2026-12-01,
    load average 6 on 2 cores; docs/loose-ends.md): the dict of lists this
    replaces took 0.18-0.31 s and 36 MB RSS (tracemalloc: 25.7 MB held, 39 MB
    peak); this takes 9-14 ms and 6 MB RSS (3.7 MB held, 7.3 MB peak).
    tests/test_sound_alike_compact.py checks every word of the bundled
    dictionary against the full form."""

    def __init__(self, text: bytes, starts: array[int]) -> None:
        self._text = text
        self._starts = starts

    @classmethod
    def read(cls, path: Path) -> Pronouncing:
        """The dictionary at ``path`` ("word PH ON ES" lines, sorted by word)."""
        import numpy as np

        text = path.read_bytes()
        if not text.endswith(b"\n"):
            text += b"\n"
        ends = np.flatnonzero(np.frombuffer(text, dtype=np.uint8) == ord("\n"))
        starts = array("I")  # 4 bytes a line, read as Python ints
        starts.frombytes(np.concatenate(([0], ends[:-1] + 1)).astype(np.uint32).tobytes())
        return cls(text, starts)

    def _base(self, i: int) -> bytes:
        match = _BASE.match(self._text, self._starts[i])
        return match.group() if match else b""

    def _find(self, word: str) -> int | None:
        """Which line is ``word``'s own, if the full loader kept it."""
        if len(word) < 3:  # never kept
            return None
        return self._line(word)

    def _line(self, word: str) -> int | None:
        """Which line is ``word``'s own, if the dictionary has one (any length)."""
        if "(" in word or not word:  # never a head
            return None
        w = word.encode("utf-8", "surrogatepass")  # never a head, never an error
        i = bisect.bisect_left(range(len(self._starts)), w, key=self._base)
        if i == len(self._starts):
            return None
        start = self._starts[i]
        end = self._text.index(b"\n", start)
        return i if self._text[start:end].partition(b" ")[0] == w else None

    def __getitem__(self, word: str) -> list[str]:
        i = self._find(word)
        if i is None:
            raise KeyError(word)
        start = self._starts[i]
        line = self._text[start:self._text.index(b"\n", start)].decode("utf-8")
        # As the full loader read each line.
        return [line.partition(" ")[2].split("#", 1)[0].strip()]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._find(word) is not None

    def has_word(self, word: str) -> bool:
        """Whether the dictionary has a line of its own for ``word``, of any
        length (``in`` answers for the words of 3 letters or more that
        ``Lexicon`` is given): spelling.py's word list, shared."""
        return self._line(word) is not None

    def every_word(self) -> Iterator[str]:
        """Every word with a line of its own, of any length, in the file's
        order (``has_word``'s words: spelling.py's list, iterated by the
        caregiver page's nearest-word hint)."""
        for i in range(len(self._starts)):
            start = self._starts[i]
            head = self._text[start:self._text.index(b"\n", start)].partition(b" ")[0]
            if b"(" not in head:
                yield head.decode("utf-8")

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __iter__(self) -> Iterator[str]:
        # The words ``Lexicon`` is given: those of 3 letters or more (the
        # dictionary is ASCII, so letters and bytes agree).
        return (word for word in self.every_word() if len(word) >= 3)


@functools.cache
def _symbols() -> dict[str, str]:
    from voice.speech_in.pocketsphinx.lexicon import PHONES

    consonants = sorted(PHONES - _VOWELS)
    table = {p: chr(ord("a") + i) for i, p in enumerate(consonants)}
    table.update({v: "@" for v in _VOWELS})
    return table


@functools.lru_cache(maxsize=20000)
def key(word: str) -> str:
    """``word``'s sound as a string: one letter per consonant, "@" per vowel
    sound, repeats collapsed ("cramp", "crump": the same key)."""
    from voice.speech_in.pocketsphinx.lexicon import letter_to_sound

    lex = _lexicon()
    w = word.lower().replace("'", "")
    phones = lex.pronounce(w)[0] if lex is not None else letter_to_sound(w)
    table = _symbols()
    out = [table.get(p.rstrip("012"), "") for p in phones.split()]
    return "".join(s for k, s in enumerate(out) if s and (k == 0 or s != out[k - 1]))


@dataclass(frozen=True)
class Repair:
    """A run of heard words read as a content word."""

    start: int
    """Index of the first heard word of the run."""
    end: int
    """Index after its last word."""
    word: str
    """The content word."""
    similarity: float
    """0-1, phones alike."""


class SoundAlike:
    """The content's words by their sound."""

    def __init__(self, words: Iterable[str]) -> None:
        self._by_key: dict[str, str] = {}
        for w in sorted(set(words), key=lambda w: (len(w), w)):
            k = key(w)
            if sum(c != "@" for c in k) >= MIN_PHONES - 1 and len(k) >= MIN_PHONES:
                self._by_key.setdefault(k, w)
        self._keys = list(self._by_key)

    def closest(self, heard: Sequence[str], close: float | None = None
                ) -> tuple[str, float] | None:
        """The content word the run ``heard`` sounds most like, if at least
        ``close`` alike (default ``CLOSE``)."""
        k = "".join(key(w) for w in heard)
        if len(k) < MIN_PHONES:
            return None
        hit = process.extractOne(k, self._keys, scorer=Levenshtein.normalized_similarity,
                                 score_cutoff=CLOSE if close is None else close)
        return (self._by_key[hit[0]], float(hit[1])) if hit else None

    def repairs(self, words: Sequence[tuple[str, float]],
                replaceable: Callable[[str], bool]) -> list[Repair]:
        """Runs of ``words`` (word, confidence) to read as content words, left
        to right, longest and closest first. A run is considered when every
        word in it may be replaced (``replaceable``: not a content word), it
        has a word that is not a function word, and all such words were heard
        unsurely (below ``UNSURE``)."""
        out: list[Repair] = []
        i = 0
        while i < len(words):
            best: Repair | None = None
            for n in range(min(MAX_JOIN, len(words) - i), 0, -1):
                run = words[i:i + n]
                said = [c for w, c in run if not normalize.is_function_word(w)]
                if not said or not all(replaceable(w) for w, _ in run):
                    continue
                if any(c >= UNSURE for c in said):
                    continue
                hit = self.closest([w for w, _ in run])
                if hit and (best is None or hit[1] > best.similarity):
                    best = Repair(i, i + n, hit[0], hit[1])
            if best is None:
                i += 1
                continue
            out.append(best)
            i = best.end
        return out


#: Unsure content words (below the recognizer's sure-word threshold, left out
#: of the question by ``voice.app.query_of``) are put back in the reading:
#: the content prompt makes Whisper write content words it only half heard,
#: and "stretching" at 0.05 was what was said ("does stretching help").
RESTORE_CONTENT = True
#: ... but only content words at least this rare in general English: an
#: unsure "family" or "work" is as likely everyday speech ("who wrote
#: hamlet" heard "road(0.07) family(0.16)" was offered the hereditary FAQ).
#: Same grid: 4.5 gives tuning / dev 592 / 149 but one more out-of-scope clip
#: offered (40); 5.0 590 / 148, 39; no restoring (99) 584 / 147, 39.
RESTORE_RARITY = 5.0
#: Least score (0-100) of the entry the reading matches for it to be offered.
#: Same grid: 0 gives 594 / 148 right but 42 out-of-scope clips offered (3
#: more: "right alliance" -> resilience, "the rooms" -> forums), 70: 40, 80: 39.
OFFER_SCORE = 80.0


def reading(words: Sequence[tuple[str, float]], matcher: Matcher, sure_word: float) -> str:
    """``words`` (word, confidence) as text to match: runs that sound like a
    content word replaced by it (``SoundAlike.repairs``), other words kept
    when heard at least ``sure_word`` surely (or, with RESTORE_CONTENT, when
    the content uses them)."""
    toks = [(t, c) for w, c in words for t in normalize.clean(w).split()]
    fixes = {r.start: r for r in matcher.sound_alike.repairs(
        toks, lambda t: not matcher.is_content_word(t))}
    out: list[str] = []
    i = 0
    while i < len(toks):
        if i in fixes:
            out.append(fixes[i].word)
            i = fixes[i].end
            continue
        t, c = toks[i]
        if c >= sure_word or (RESTORE_CONTENT and matcher.is_content_word(t)
                              and not normalize.is_function_word(t)
                              and matcher.rarity(t) >= RESTORE_RARITY):
            out.append(t)
        i += 1
    return " ".join(out)


def offered_reading(words: Sequence[tuple[str, float]], text: str, matcher: Matcher,
                    sure_word: float, sure: Collection[str] = ()) -> str | None:
    """The sound-alike ``reading`` of ``words`` when it finds an entry that
    ``text`` (what would be matched otherwise) does not, or a better one;
    None when it changes nothing or matches nothing. To be offered only."""
    if not ENABLED or not words:
        return None
    alt = reading(words, matcher, sure_word)
    if not alt or alt == normalize.clean(text):
        return None
    got = matcher.match(alt, doubtful=True, heard=True, sure=sure)
    if got.outcome == "no_match" or got.score < OFFER_SCORE:
        return None
    before = matcher.match(text, doubtful=True, heard=True, sure=sure)
    if before.outcome != "no_match" and before.score >= got.score:
        return None
    return alt


def warm_up(matcher: Matcher) -> threading.Thread:
    """Build ``matcher``'s sound index (the CMU dictionary, ~10 ms and ~6 MB
    here, and the repair targets, whose rarity needs the scope's general-English
    model, ~33 MB, which any question with an uncommon word loads too) in a
    background thread, so that the first doubtful spoken question does not
    wait for it. Started by the spoken modes once their recognizer
    is loaded; the start cue does not wait for it (scripts/
    benchmark_first_question.py)."""

    def build() -> None:
        # Never a traceback from here: on failure the first question builds it in its turn.
        with contextlib.suppress(Exception):
            _ = matcher.sound_alike

    thread = threading.Thread(target=build, name="sound-alike warm-up", daemon=True)
    thread.start()
    return thread


#: A heard word that no dictionary knows and that the matcher's spelling
#: repair (``Matcher.sounds_like``) does not reach is read as the rare content
#: word it sounds like, even when the hearing is not doubtful: Matcher.match
#: would otherwise leave it out as a mishearing and offer whatever entry the
#: rest names ("my neurologist wants to put me on backliffin(0.35)" was
#: offered Diagnosis and Medical Evaluations; it is baclofen, B AE K L IH F
#: IH N against B AE K L OW F AH N). Offered only. Tuning halves, Whisper
#: (2026-12-02, docs/benchmarks.md "Repairs of what was heard"): natural
#: voices dev.tsv even 82 -> 84 of 106 right (both baclofen clips), espeak-ng
#: tuning.tsv 587 -> 588 of 780 (offered a wrong entry 56 -> 55); out-of-scope
#: declined and answered wrong unchanged in every set. Set False to measure
#: without it.
REPAIR_NON_WORDS = True


def repaired_non_words(words: Sequence[tuple[str, float]], text: str, matcher: Matcher,
                       sure: Collection[str] = ()) -> str | None:
    """``text`` (the words to match) with each heard non-word (``Matcher.
    misheard_words``, heard below ``UNSURE``, not spelled like a content word)
    replaced by the content word it sounds like (``SoundAlike.closest``); None
    when there is none to replace. To be offered only."""
    if not ENABLED or not REPAIR_NON_WORDS or not words:
        return None
    noise = matcher.misheard_words(text, sure)
    if not noise:
        return None
    heard_as = {t: c for w, c in words for t in normalize.clean(w).split()}
    out: list[str] = []
    changed = False
    for t in normalize.prepare(text).split():
        if t in noise and heard_as.get(t, 1.0) < UNSURE and matcher.sounds_like(t) is None:
            hit = matcher.sound_alike.closest([t])
            if hit is not None:
                out.append(hit[0])
                changed = True
                continue
        out.append(t)
    return " ".join(out) if changed else None


#: Least phone similarity of a run of heard words, however surely heard, to
#: the rare content word it is read as by ``heard_readings``. Such a reading
#: is offered only when the audio carries it (voice/conversation/heard.py
#: AUDIO_MARGIN), so it may be looser than ``CLOSE``. Tuning halves
#: (scripts/tune_heard_again.py): 0.7 and 0.75 gave the same right entries
#: (+1 espeak-ng, +4 natural voices), 0.75 checking fewer clips; 0.8 lost two
#: ("inclusions" -> conclusion, "retaminitation" -> rehabilitation).
HEARD_CLOSE = 0.75
#: Content words commoner than this in general English are never read into
#: a heard transcript by ``heard_readings`` (as TARGET_RARITY for the
#: unchecked reading). 4.0 and 3.5 changed no tuning clip.
HEARD_RARITY = 4.5
#: Readings checked by the audio per question, closest first (each costs a
#: forced decoder pass, ~40-150 ms on this loaded machine).
MAX_READINGS = 3


def heard_readings(words: Sequence[tuple[str, float]], matcher: Matcher) -> list[str]:
    """Whole transcripts (the words of ``words``, however surely heard) with
    one run of 1-``MAX_JOIN`` words that names no content word read as the
    rare content word it sounds like (``HEARD_CLOSE``): "what is acute
    puncture good for" -> "what is acupuncture good for". Closest first, at
    most ``MAX_READINGS``. Guesses for the audio to check, never offered
    unchecked: a word heard surely is usually what was said."""
    if not ENABLED or not words:
        return []
    toks = [t for w, _ in words for t in normalize.clean(w).split()]
    index = _heard_index(matcher)
    found: dict[str, float] = {}
    for i in range(len(toks)):
        for n in range(1, min(MAX_JOIN, len(toks) - i) + 1):
            run = toks[i:i + n]
            if all(normalize.is_function_word(t) for t in run) or any(
                    matcher.is_content_word(t) and not normalize.is_function_word(t)
                    for t in run):
                continue
            hit = index.closest(run, HEARD_CLOSE)
            if hit is None:
                continue
            text = " ".join([*toks[:i], hit[0], *toks[i + n:]])
            found[text] = max(found.get(text, 0.0), hit[1])
    return sorted(found, key=lambda t: -found[t])[:MAX_READINGS]


_heard_indexes: weakref.WeakKeyDictionary[Matcher, tuple[float, SoundAlike]] = (
    weakref.WeakKeyDictionary())
_heard_lock = threading.Lock()


def _heard_index(matcher: Matcher) -> SoundAlike:
    """``matcher``'s content words of rarity HEARD_RARITY or more by their
    sound: its own ``sound_alike`` when the rarities agree, else built once."""
    if HEARD_RARITY == TARGET_RARITY:
        return matcher.sound_alike
    with _heard_lock:
        known = _heard_indexes.get(matcher)
        if known is None or known[0] != HEARD_RARITY:
            index = SoundAlike(w for w in matcher._repair_words
                               if matcher.rarity(w) >= HEARD_RARITY)
            known = _heard_indexes[matcher] = (HEARD_RARITY, index)
        return known[1]
