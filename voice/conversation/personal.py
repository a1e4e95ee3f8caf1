"""The user's own ways of asking, learned from "Did you mean ...?" "Yes".

When a user confirms an offered entry, the words they said (as typed or as
heard) become a personal phrasing of that entry; the next time the same or
nearly the same words come, that entry is answered outright. "That's wrong"
after such an answer removes the phrasing. Pure data: reading and writing
the file is ``personal_store``'s job.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from voice.matching import normalize

#: At most this many phrasings are kept; learning one more drops the oldest.
#: A bound on the file and on the comparison of each question with all of
#: them, chosen with the feature (1301ac6), not measured.
MAX_PHRASINGS = 200
#: Longer utterances are not learned: a phrasing is a question, not a speech.
#: Chosen with the feature (1301ac6); 15 of the 8,771 lines of
#: tests/data/*.tsv have more words (39 more than 20), counted with
#: len(line.split()) on their question column.
MAX_WORDS = 25
#: Words count as "nearly the same" at this rapidfuzz ratio of their cleaned
#: forms (fillers gone, synonyms folded): "my legs go all jumpy" and "um my
#: legs go all jumpy at night" are not the same, "my legs go jumpy" is.
NEAR = 88.0
#: With exactly the same content words, a looser likeness is enough: a
#: recognizer hears the function words of one sentence differently each time.
#: Four hearings of one espeak-ng sentence through the virtual microphone
#: ("what does will exercise that one", "what does a exercise", "what does
#: exercise make", "what exercise make") were 84-100 alike by rapidfuzz's
#: token_set_ratio (64-88 by plain ratio); "is exercise good" is 66 from them.
#: token_set_ratio is 100 for a subset ("exercise"), so the shorter must also
#: have at least half the words of the longer.
NEAR_SAME_CONTENT = 80.0
SAME_CONTENT_LENGTH = 0.5
#: Content words count as the same at this rapidfuzz ratio of their stems: a
#: recognizer also bends content words a little. In CI, espeak-ng's "my wife
#: has M S, will exercise make her worse", learned as heard, came back as
#: "my wife from ms will exercise make the worst" (stems "wors" / "worst":
#: 88.9; the sentences 87.4 by ratio, just under NEAR). Different words the
#: content tells apart stay apart: "walk" / "talk" 75, "diet" / "dies" 75,
#: "cure" / "caus" 50.
NEAR_SAME_WORD = 85.0


def _same_words(ours: set[str], theirs: set[str]) -> bool:
    """Each content word of one has its own nearly-same partner in the other."""
    if len(ours) != len(theirs):
        return False
    left = set(theirs)
    for word in sorted(ours, key=lambda w: w not in theirs):  # exact pairs first
        partner = word if word in left else next(
            (w for w in sorted(left) if fuzz.ratio(word, w) >= NEAR_SAME_WORD), None)
        if partner is None:
            return False
        left.discard(partner)
    return True


def key_of(words: str) -> str:
    """The comparable form of what was said: "Um, my legs go jumpy!" -> "my legs go jumpy"."""
    return normalize.prepare(words)


@dataclass(frozen=True)
class Phrasing:
    """One learned way of asking."""

    words: str
    """What the user said, as typed or heard."""
    entry_id: str
    """The entry they confirmed it meant."""
    learned: str = ""
    """When (ISO date), for the list; set by whoever stores it."""


class PersonalPhrasings:
    """The learned phrasings of one user, oldest first."""

    def __init__(self, items: list[Phrasing] | None = None,
                 limit: int = MAX_PHRASINGS) -> None:
        self.limit = limit
        self._items: list[Phrasing] = list(items or [])[-limit:]
        #: Goes up at every change, so a caller knows when to save.
        self.version = 0

    @property
    def items(self) -> list[Phrasing]:
        return list(self._items)

    def __len__(self) -> int:
        return len(self._items)

    @staticmethod
    def learnable(words: str) -> bool:
        """Words worth learning: some content, not a speech."""
        key = key_of(words)
        return bool(key) and len(key.split()) <= MAX_WORDS

    def learn(self, words: str, entry_id: str, learned: str = "") -> bool:
        """Remember that ``words`` mean ``entry_id``; False when not learnable."""
        words = " ".join(words.split())
        if not self.learnable(words):
            return False
        key = key_of(words)
        self._items = [p for p in self._items if key_of(p.words) != key]
        self._items.append(Phrasing(words, entry_id, learned))
        self._items = self._items[-self.limit:]
        self.version += 1
        return True

    def find(self, text: str) -> Phrasing | None:
        """The phrasing ``text`` says (the same or nearly the same words), if any."""
        key = key_of(text)
        if not key or not self._items:
            return None
        keys = [key_of(p.words) for p in self._items]
        content = set(normalize.content_tokens(key))
        # Alike as strings is not enough: "my wife has ms, will diet make her
        # worse" is 90 from the same question about exercise, and answering it
        # with the exercise entry would read a wrong answer in full.
        for _, _, index in process.extract(key, keys, scorer=fuzz.ratio,
                                           score_cutoff=NEAR, limit=None):
            if _same_words(content, set(normalize.content_tokens(keys[index]))):
                return self._items[index]
        if not content:
            return None
        best, found = NEAR_SAME_CONTENT, None
        for item, other in zip(self._items, keys, strict=True):
            score = fuzz.token_set_ratio(key, other)
            n, m = len(key.split()), len(other.split())
            if score >= best and min(n, m) >= SAME_CONTENT_LENGTH * max(n, m) and \
                    _same_words(content, set(normalize.content_tokens(other))):
                best, found = score, item
        return found

    def forget(self, phrasing: Phrasing) -> bool:
        if phrasing not in self._items:
            return False
        self._items.remove(phrasing)
        self.version += 1
        return True

    def forget_number(self, number: int) -> Phrasing | None:
        """Forget the ``number``-th phrasing (1 = oldest, as listed)."""
        if not 1 <= number <= len(self._items):
            return None
        gone = self._items.pop(number - 1)
        self.version += 1
        return gone

    def clear(self) -> int:
        n = len(self._items)
        if n:
            self._items = []
            self.version += 1
        return n

    def stamp(self, learned: str) -> None:
        """Date the phrasings learned this session (``learned``: an ISO date)."""
        self._items = [p if p.learned else Phrasing(p.words, p.entry_id, learned)
                       for p in self._items]
