"""Does a question name a health subject the content never mentions?

The scope check's word models (scope.py) know which words the content uses
and how often other questions use them; they cannot know that "morning
sickness", "cold sore" or "dentist" *name a health subject*, when each of
their words is common English or one of the content's own ("sickness" is a
synonym of disorder). A dictionary written by others can: the names of
conditions, symptoms, injuries, medicines, treatments and health professions
in Princeton WordNet 3.1 (``health_subjects.tsv``, built by
scripts/build_health_subjects.py; licence in LICENSE-WordNet.txt).

A subject counts as the content's own when the loaded content mentions it,
anywhere (a title, an editor's phrasing or keyword, an answer), word for
word or through a synonym group (synonyms.py); so a page a caregiver adds
about, say, pregnancy makes pregnancy questions ours again at once. Nothing
here names a topic of ours.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable
from pathlib import Path

from voice.content.model import KnowledgeBase
from voice.matching import normalize
from voice.matching.synonyms import PHRASES, WORDS, fold

TERMS_FILE = Path(__file__).with_name("health_subjects.tsv")
#: Categories of subject that decline a question only when no word of the
#: content's own carries it (scope.ScopeModel.carried): the others decline it
#: outright.
CARRIED: frozenset[str] = frozenset(("body",))
#: Categories of subject that, asked of a medicine the content names, are
#: what the medicine does ("side effects", "drowsiness"), not another
#: subject: they decline only as ``CARRIED`` ones do (Matcher.effect_of_medicine;
#: session 25, branch scope27, docs/out-of-scope.md).
OF_OUR_MEDICINE: frozenset[str] = frozenset(("symptom",))
#: Longest name looked for, in words ("amyotrophic lateral sclerosis" is 3).
#: health_subjects.tsv's names (not ~synonyms) by words after normalize.clean:
#: 1: 4,910, 2: 3,573, 3: 644, 4: 106, 5 or more: 38 ("arcuate artery of the
#: kidney"); not benchmarked at 3 or 5.
MAX_WORDS = 4
#: Whether the names marked ^ in health_subjects.tsv (one word people mostly
#: use as a verb or adjective: "cold", "burn", "itch", "sprain") name a
#: subject where the question uses them as a noun (``noun_use``; branch
#: scope10, docs/out-of-scope.md).
NOUN_USE = True
#: Words before a noun: an indefinite article or a possessive. Not "the":
#: "does the cold make it worse" is the weather.
NOUN_MARKERS = frozenset("a an my your his her their our".split())

#: The name of an institution or a title an answer cites: three or more
#: capitalised words, "of", "and", "the", "for" between them. Its words
#: mention no subject: the article cites "the National Institute of
#: Neurological Disorders and Stroke", which made "stroke" ours (branch
#: scope20; the shipped answers have one other such run, "Harvard Medical
#: School"). Titles are Title Case and are not looked at.
CITED_NAME = re.compile(r"\b[A-Z][\w'-]*(?:\s+(?:(?:of|and|the|for)\s+)?[A-Z][\w'-]*){2,}")


Key = tuple[str, ...]


def key(text: str) -> Key:
    """A name as stemmed words, function words kept (they are part of a
    name: "pins and needles"), fillers and punctuation gone."""
    return tuple(normalize.stem(w) for w in normalize.clean(text).split())


@dataclasses.dataclass(frozen=True)
class Terms:
    """The names of health subjects, stemmed (see ``load_terms``)."""

    #: name (its words as written, cleaned) -> (its subject: the index of its
    #: synset, the name as written)
    names: dict[Key, tuple[int, str]]
    #: subject -> its category ("condition", "body"...)
    categories: list[str]
    #: subject -> every stemmed name of it (synonyms included)
    synonyms: list[tuple[Key, ...]]
    #: every stemmed name of more than one word (synonyms included)
    phrases: frozenset[Key] = frozenset()
    #: one-word names people mostly use as a verb or adjective ("cold",
    #: "itch", "sprain"; marked ^): names only where the question uses them
    #: as a noun (``noun_use``)
    noun_names: dict[str, tuple[int, str]] = dataclasses.field(default_factory=dict)


@functools.cache
def load_terms(path: Path = TERMS_FILE, categories: frozenset[str] | None = None) -> Terms:
    """The names of ``path`` (category<TAB>names joined by "|", "~" before a
    name that is a synonym only), of ``categories`` only (all when None). A
    name made only of function words ("legs", which normalize ignores as a
    place in the body) names nothing here."""
    names: dict[Key, tuple[int, str]] = {}
    noun_names: dict[str, tuple[int, str]] = {}
    synonyms: list[tuple[Key, ...]] = []
    cats: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cat, joined, stemmed = line.split("\t")
        if categories is not None and cat not in categories:
            continue
        subject = len(synonyms)
        keys = tuple(tuple(k.split()) for k in stemmed.split("|"))
        for name, k in zip(joined.split("|"), keys, strict=True):
            words = normalize.clean(name).split()
            if name.startswith("^"):
                if NOUN_USE and k and len(words) == 1:
                    noun_names.setdefault(words[0], (subject, name[1:]))
                continue
            if (k and not name.startswith("~") and len(words) <= MAX_WORDS
                    and not all(normalize.is_function_word(w) for w in words)):
                names.setdefault(tuple(words), (subject, name))
        synonyms.append(keys)
        cats.append(cat)
    phrases = frozenset(k for keys in synonyms for k in keys if len(k) > 1)
    return Terms(names=names, synonyms=synonyms, categories=cats, phrases=phrases,
                 noun_names=noun_names)


class HealthSubjects:
    """The health subjects named by a question that the loaded content never
    mentions (``uncovered``)."""

    def __init__(self, kb: KnowledgeBase, terms: Terms | None = None) -> None:
        self._terms = load_terms() if terms is None else terms
        #: The stemmed words the content uses, as written and folded onto
        #: their synonym group's word (synonyms.WORDS: "tablets" -> medication),
        #: and its runs of up to MAX_WORDS words that are names.
        self._mentioned: set[Key] = set()
        phrases = self._terms.phrases
        for entry in kb.entries:
            answer = CITED_NAME.sub(" ", entry.answer)
            for text in (entry.title, *entry.phrasings, *entry.keywords, answer):
                words = normalize.clean(text).split()
                stems = [normalize.stem(w) for w in words]
                self._mentioned.update((s,) for s in stems)
                self._mentioned.update((normalize.stem(WORDS[w]),) for w in words if w in WORDS)
                self._mentioned.update(run for run in _runs(stems) if run in phrases)

    def mentioned(self, subject: int, said: str) -> bool:
        """Whether the content mentions ``subject`` by any of its names, or
        ``said`` (how the question named it) through a synonym group."""
        return (any(k in self._mentioned for k in self._terms.synonyms[subject])
                or any(key(fold(s)) in self._mentioned for s in _singulars(said)))

    def uncovered(self, text: str) -> list[tuple[str, str]]:
        """The health subjects ``text`` names (longest names first, not
        overlapping) that the content never mentions, with their categories.

        A name is looked up as written, its last word also in the singular
        ("cold sores"), not stemmed: stems join "cupping" to "cup" and
        "alcoholic" to "alcohol"."""
        return [(name, category) for name, category, ours in self.named(text) if not ours]

    def names_own(self, text: str, category: str) -> bool:
        """Whether ``text`` names a subject of ``category`` that the content
        mentions ("muscle relaxants", "anticonvulsants": medicines)."""
        return any(ours and c == category for _, c, ours in self.named(text))

    def named(self, text: str) -> list[tuple[str, str, bool]]:
        """The health subjects ``text`` names (see ``uncovered``), with their
        categories and whether the content mentions them."""
        words = normalize.clean(text).split()
        found: list[tuple[str, str, bool]] = []
        i = 0
        while i < len(words):
            ours = next((n for n in range(min(MAX_WORDS, len(words) - i), 1, -1)
                         if " ".join(words[i:i + n]) in PHRASES), 0)
            if ours:
                # A phrase of the synonym table (synonyms.py) says one of our
                # subjects in other words ("foot drop" -> weakness): its words
                # name none of another ("foot").
                i += ours
                continue
            for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
                head = tuple(words[i:i + n - 1])
                hit = next((h for last in _singulars(words[i + n - 1])
                            if (h := self._terms.names.get((*head, last))) is not None), None)
                if hit is None and n == 1 and noun_use(words, i):
                    hit = self._terms.noun_names.get(words[i])
                if hit is None:
                    continue
                found.append((hit[1], self._terms.categories[hit[0]],
                              self.mentioned(hit[0], " ".join(words[i:i + n]))))
                i += n
                break
            else:
                i += 1
        return found


def noun_use(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is used as a noun: after an indefinite article or
    a possessive, and not followed by a word it describes ("with a cold",
    "my itch", "a burn from the oven"; not "a cold drink", nor "the cold",
    which is the weather as often as the illness, nor "does it burn")."""
    return (i > 0 and words[i - 1] in NOUN_MARKERS
            and (i + 1 == len(words) or normalize.is_function_word(words[i + 1])))


#: Plurals no ending rule undoes, of the body's parts WordNet names in the
#: singular only: "my feet smell" named no part of the body, though "my
#: foot" did, so "what makes my feet smell so bad in trainers" (a health
#: tuning line) was offered Assistive Devices through "trainers" ->
#: footwear (branch scope18).
IRREGULAR_PLURALS = {"feet": "foot", "teeth": "tooth"}


def _singulars(word: str) -> tuple[str, ...]:
    """``word``, and what it would be as a singular noun."""
    if word in IRREGULAR_PLURALS:
        return (word, IRREGULAR_PLURALS[word])
    if word.endswith("ies") and len(word) > 4:
        return (word, word[:-3] + "y", word[:-1])
    if word.endswith("es") and len(word) > 3:
        return (word, word[:-1], word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return (word, word[:-1])
    return (word,)


def _runs(stems: list[str]) -> Iterable[Key]:
    """Every run of 2 to MAX_WORDS words."""
    for i in range(len(stems)):
        for n in range(2, min(MAX_WORDS, len(stems) - i) + 1):
            yield tuple(stems[i:i + n])
