"""Pronunciations (CMU phones) for every word the adapted recognizer may hear.

PocketSphinx can only recognise words it has phones for, and a word missing
from its dictionary breaks grammar loading ("Failed to parse JSGF", see
MACHINE-NOTES). So every word of the content gets phones here, in this order:
the bundled CMU dictionary, a hand-written table of the medical words our
content uses, a plural/compound guess built from dictionary words, and last a
simple letter-to-sound rule. The last step always answers, so an unknown word
never crashes start-up; it may just be recognised less well.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

#: Bump when the rules below change, so cached dictionaries are rebuilt.
LEXICON_VERSION = "1"

#: The 39 phones of the CMU set the en-us acoustic model knows.
PHONES = frozenset((
    "AA", "AE", "AH", "AO", "AW", "AY", "B", "CH", "D", "DH", "EH", "ER", "EY", "F", "G",
    "HH", "IH", "IY", "JH", "K", "L", "M", "N", "NG", "OW", "OY", "P", "R", "S", "SH", "T",
    "TH", "UH", "UW", "V", "W", "Y", "Z", "ZH",
))

#: Hand-written phones for medical words the CMU dictionary lacks; a guessed
#: pronunciation of exactly these words would cost most accuracy.
EXTRA: dict[str, tuple[str, ...]] = {
    "neuromuscular": ("N UH R OW M AH S K Y AH L ER",),
    "neuromodulation": ("N UH R OW M AA JH AH L EY SH AH N",),
    "transcranial": ("T R AE N Z K R EY N IY AH L", "T R AE N S K R EY N IY AH L"),
    "electromyography": ("IH L EH K T R OW M AY AA G R AH F IY",),
    "exoskeletons": ("EH K S OW S K EH L AH T AH N Z",),
    "myasthenia": ("M AY AH S TH IY N IY AH",),
    "gravis": ("G R AE V IH S", "G R AA V IH S"),
    "anticonvulsant": ("AE N T IY K AH N V AH L S AH N T", "AE N T AY K AH N V AH L S AH N T"),
    "anticonvulsants": ("AE N T IY K AH N V AH L S AH N T S", "AE N T AY K AH N V AH L S AH N T S"),
    "botulinum": ("B AA CH AH L AY N AH M",),
    "relaxant": ("R IH L AE K S AH N T",),
    "relaxants": ("R IH L AE K S AH N T S",),
    "baclofen": ("B AE K L OW F AH N",),
    "tizanidine": ("T IH Z AE N IH D IY N",),
    "spasticity": ("S P AE S T IH S AH T IY",),
    "physiotherapy": ("F IH Z IY OW TH EH R AH P IY",),
    "physiotherapist": ("F IH Z IY OW TH EH R AH P IH S T",),
    "assistive": ("AH S IH S T IH V",),
    "orthotics": ("AO R TH AA T IH K S",),
    "orthotic": ("AO R TH AA T IH K",),
    "dantrolene": ("D AE N T R OW L IY N",),
    "gabapentin": ("G AE B AH P EH N T IH N",),
    "musculoskeletal": ("M AH S K Y AH L OW S K EH L AH T AH L",),
    "neurodegenerative": ("N UH R OW D IH JH EH N ER AH T IH V",),
    "telehealth": ("T EH L AH HH EH L TH",),
    "wearable": ("W EH R AH B AH L",),
    "wearables": ("W EH R AH B AH L Z",),
    "biofeedback": ("B AY OW F IY D B AE K",),
    # Spoken as letters; the dictionary only has the word readings ("als" = AE L Z).
    "als": ("EY EH L EH S", "AE L Z"),
    "ms": ("EH M EH S", "M IH Z"),
    "mri": ("EH M AA R AY",),
    "emg": ("IY EH M JH IY",),
}

# Letter-to-sound rules, longest spelling first. Crude on purpose: it only
# has to give the acoustic model something close for rare words.
_RULES: tuple[tuple[str, str], ...] = (
    ("tion", "SH AH N"), ("sion", "ZH AH N"), ("ture", "CH ER"), ("ough", "AO"),
    ("igh", "AY"), ("tch", "CH"), ("dge", "JH"), ("ph", "F"), ("sh", "SH"), ("ch", "K"),
    ("th", "TH"), ("ck", "K"), ("ng", "NG"), ("qu", "K W"), ("wh", "W"), ("gh", "G"),
    ("ee", "IY"), ("ea", "IY"), ("oo", "UW"), ("ou", "AW"), ("ow", "OW"), ("oi", "OY"),
    ("oy", "OY"), ("ai", "EY"), ("ay", "EY"), ("au", "AO"), ("aw", "AO"), ("ie", "IY"),
    ("ei", "EY"), ("ue", "UW"), ("er", "ER"), ("ir", "ER"), ("ur", "ER"), ("ar", "AA R"),
    ("or", "AO R"), ("a", "AE"), ("b", "B"), ("c", "K"), ("d", "D"), ("e", "EH"),
    ("f", "F"), ("g", "G"), ("h", "HH"), ("i", "IH"), ("j", "JH"), ("k", "K"), ("l", "L"),
    ("m", "M"), ("n", "N"), ("o", "AA"), ("p", "P"), ("q", "K"), ("r", "R"), ("s", "S"),
    ("t", "T"), ("u", "AH"), ("v", "V"), ("w", "W"), ("x", "K S"), ("y", "IY"), ("z", "Z"),
)

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def words_of(text: str) -> list[str]:
    """Lower-case words of ``text`` as the recognizers spell them.

    Digits and punctuation are dropped: the recognizers output words only, and
    the matcher copes with a missing number far better than with a wrong word.
    """
    return _WORD.findall(text.lower().replace("’", "'"))


def letter_to_sound(word: str) -> str:
    """A rough pronunciation from spelling alone (never empty for a word)."""
    phones: list[str] = []
    w = word.lower()
    # A final silent e ("spine", "tone") is not spoken.
    if len(w) > 3 and w.endswith("e") and w[-2] not in "aeiouy":
        w = w[:-1]
    i = 0
    while i < len(w):
        for spelling, sound in _RULES:
            if w.startswith(spelling, i):
                phones.extend(sound.split())
                i += len(spelling)
                break
        else:
            i += 1  # apostrophes, accented letters: skip
    # Doubled letters ("ll", "ss") are one sound.
    out = [p for k, p in enumerate(phones) if k == 0 or p != phones[k - 1]]
    return " ".join(out) or "AH"


@dataclass
class Lexicon:
    """Word -> pronunciations, from the CMU dictionary plus our additions."""

    cmu: dict[str, list[str]]
    """Pronunciations read from the bundled dictionary (only the words asked for)."""
    guessed: dict[str, str] = field(default_factory=dict)
    """Words whose phones came from a rule, not a dictionary, with those phones."""

    @classmethod
    def for_words(cls, words: Iterable[str], dict_path: Path) -> Lexicon:
        """Every reading of ``words``, and the first reading of all other words.

        Plural and compound guesses look up pieces of a word, so the other
        words are kept too (~0.2 s; only done when the cached LM is rebuilt).
        """
        wanted = set(words)
        cmu: dict[str, list[str]] = {}
        with open(dict_path, encoding="utf-8") as f:
            for line in f:
                head, _, phones = line.partition(" ")
                word = head.split("(", 1)[0]
                phones = phones.split("#", 1)[0].strip()
                if word in wanted:
                    cmu.setdefault(word, []).append(phones)
                elif word not in cmu and len(word) >= 3:
                    # Remember one reading of every other word for guesses.
                    cmu.setdefault(word, []).append(phones)
        return cls(cmu)

    def pronounce(self, word: str) -> list[str]:
        """Every pronunciation of ``word``; never empty."""
        word = word.lower()
        if word in EXTRA:
            return list(EXTRA[word])
        if word in self.cmu:
            return self.cmu[word]
        guess = self._plural(word) or self._compound(word) or letter_to_sound(word)
        self.guessed[word] = guess
        return [guess]

    def _plural(self, word: str) -> str | None:
        for ending, base_end, extra in (("ies", "y", "Z"), ("es", "", "IH Z"), ("s", "", "")):
            if word.endswith(ending) and len(word) > len(ending) + 2:
                base = word[: -len(ending)] + base_end
                known = EXTRA.get(base) or self.cmu.get(base)
                if known:
                    last = known[0].split()[-1]
                    tail = extra or ("S" if last in ("P", "T", "K", "F", "TH") else "Z")
                    return f"{known[0]} {tail}"
        return None

    def _compound(self, word: str) -> str | None:
        # Longest known first half, then the rest known too ("neuro"+"modulation").
        for cut in range(len(word) - 3, 2, -1):
            head, tail = word[:cut], word[cut:]
            a = EXTRA.get(head) or self.cmu.get(head)
            b = EXTRA.get(tail) or self.cmu.get(tail)
            if a and b:
                return f"{a[0]} {b[0]}"
        return None

    def dictionary_lines(self, words: Iterable[str]) -> list[str]:
        """Lines of a PocketSphinx dictionary file for ``words`` (sorted)."""
        lines: list[str] = []
        for word in sorted(set(words)):
            for k, phones in enumerate(self.pronounce(word)):
                checked = " ".join(p for p in phones.split() if p in PHONES) or "AH"
                lines.append(f"{word} {checked}" if k == 0 else f"{word}({k + 1}) {checked}")
        return lines
