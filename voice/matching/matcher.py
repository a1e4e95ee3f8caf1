"""Finds the entry a question asks for, with a confidence.

Scoring, per entry, of the question's content tokens (stemmed, fillers gone):

* coverage: the share of the question's information (IDF-weighted tokens)
  that the entry explains. A token found in the title, an editor's phrasing
  or a keyword counts fully; one found only in the answer text counts less.
  Words the content never uses keep their weight, so "what's the weather"
  explains nothing and is declined instead of matched to something unrelated.
* phrase similarity (rapidfuzz): how close the whole question is to the
  title or one of the phrasings, which rewards word order and near-misses.
* question shape: between an FAQ and an article section that score alike, a
  yes/no or "does it help" question goes to the FAQ and "tell me about X" to
  the section.

A question without content words ("tell me what this is about") can only
match a phrasing made of the same function words.

Recognition errors are absorbed before scoring: adjacent words are joined
when the join is a known word ("neuro modulation"), unknown words are split
into two known ones, and remaining unknown words are mapped to a close known
word (rapidfuzz ratio) when one is close enough.

The core is pure: text in, ``MatchResult`` out. It is built once from a
``KnowledgeBase``; an inverted index keeps it fast with many entries.
"""

from __future__ import annotations

import functools
import math
import threading
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz import fuzz, process

from voice.content.model import Entry, EntryKind, KnowledgeBase
from voice.matching import (
    as_own,
    asked_not_said,
    asked_of_thing,
    close_phrase,
    fold_share,
    health_subjects,
    keyword_forms,
    manner_asked,
    normalize,
    offer_rather,
    own_conditions,
    possessives,
    scope,
    shape_topic,
    sound_alike,
    sure_ours,
    synonyms,
    teller,
)
from voice.matching import unknown_object as unknown_things
from voice.matching.about_you import about_you
from voice.matching.amount_for_anyone import amount_for_anyone
from voice.matching.cause_unsaid import cause_sentences, cause_unsaid
from voice.matching.done_to_unknown import done_to_unknown
from voice.matching.money_only import money_only
from voice.matching.nothing_asked import nothing_asked
from voice.matching.nothing_named import nothing_named
from voice.matching.off_topic import WORDS as OFF_TOPIC
from voice.matching.other_kind_declined import other_kind_declined
from voice.matching.others_wellbeing import others_wellbeing
from voice.matching.own_medicines import medicine_keywords, own_medicine_names
from voice.matching.sound_alike import SoundAlike
from voice.matching.unknown_subject import unknown_subject
from voice.matching.wellbeing_apart import wellbeing_apart
from voice.matching.what_they_have import unknown_had

Outcome = Literal["answer", "confirm", "no_match"]

#: Openers of a request to describe a topic ("tell me about" is a filler, so
#: what is left of "tell me about X" is "about X").
_DESCRIBE_OPENERS = frozenset("about which".split())
#: Last words of "what X are there / can I get / are available": asking what exists.
_WHAT_EXISTS = frozenset("there get available exist".split())
#: "is there any X", "are there any X": asking whether X exists, as "what X
#: are there" does; not a yes/no question of the kind an FAQ answers. "is
#: there any treatment" was read in full the breakthroughs FAQ (99.0, its
#: "is there any hope" alike and the FAQ bonus) above Treatment Approaches
#: (92.0; branch scope22). A word asking whether it does good ("is there
#: any point in physio") still asks the FAQ, and so does an FAQ whose own
#: title asks whether there is ("Is there a cure for ...": "is there any
#: cure for ms" was answered, 75.2, and only offered without its bonus).
_ANY_THERE = (["is", "there", "any"], ["are", "there", "any"])
_THERE = (["is", "there"], ["are", "there"])
#: "can I get a ...": asking for a thing, not whether it helps.
_GET_A = [["can", "i", "get", a] for a in ("a", "an", "some", "any")]
#: Openers of a yes/no question.
_YES_NO_OPENERS = frozenset("do does can could will would is are should".split())
#: First words of a question (not of a request such as "give me the short
#: version"): the generic-words check (``Matcher.generic_only``) asks only these.
#: Not "who": it asks for a person to turn to ("who can i talk to about how i
#: feel"), which the content's care and support entries are about.
_QUESTION_OPENERS = frozenset(
    "what how why when where which can could is are do does did should "
    "will would may might am was were has have".split())
#: A question put to the assistant about itself ("what topics do you cover").
_ADDRESSEE = frozenset("you your".split())
#: Words asking whether something does good.
#: ("what's the point of physio", "is it worth it").
_BENEFIT_WORDS = frozenset(
    "help helps improve improves benefit benefits work works point worth".split()
)

# Measured figures in the comments below: scripts/tune_constants.py matcher
# NAME=lower,higher (tuning halves only; docs/benchmarks.md "Constants and
# their measurements"), at the lower value / as shipped / the higher one, of:
# typed tuning.tsv (130) and dev.tsv even (53) right, spoken tuning.tsv right
# of the 484 cached Whisper clips (aw: answered wrong), and out-of-scope
# tuning halves declined. A set not named was the same at all three.

#: Weight of a token found only in an entry's answer text (vs. 1.0 in its title,
#: phrasings or keywords): answers mention many things they are not about.
#: 0.35 / 0.45 / 0.55: spoken 373 / 372 / 371, MedQuAD 1485 / 1485 / 1484.
BODY_WEIGHT = 0.45
#: Weight of a word used once in an editor's phrasings or keywords, and what
#: each further use adds (up to the title's 1.0). STRONG_BASE 0.65 / 0.75 /
#: 0.85: dev even 50 / 52 / 51, spoken 371 / 372 / 374 but aw 2 / 2 / 4,
#: MedQuAD 1486 / 1485 / 1484. STRONG_STEP 0.05 / 0.1 / 0.15: dev even 51 /
#: 52 / 51, spoken 374 / 372 / 373 (aw 4 / 2 / 2), MedQuAD 1485 / 1485 /
#: 1484, K-QA 350 / 349 / 349.
STRONG_BASE = 0.75
STRONG_STEP = 0.1
#: A near-miss word (rapidfuzz) counts this much of an exact one: 0.7 / 0.8 /
#: 0.9 changed nothing on the tuning halves. Cut-off 80 / 84 / 88: foreign
#: declined 1967 / 1972 / 1973 of 1976, MedQuAD 1483 / 1485 / 1485, health3
#: 53 / 53 / 54 of 61, K-QA 349 / 349 / 348 of 352.
FUZZY_TOKEN_WEIGHT = 0.8
FUZZY_TOKEN_CUTOFF = 84.0
#: How much an unknown word weighs against the question's known words.
#: 0.2 / 0.3 / 0.4: dev even 52 / 52 / 50, spoken 372 / 372 / 370, health2
#: declined 65 / 67 / 67 of 70, health3 51 / 53 / 53 of 61.
UNKNOWN_SHARE = 0.3
#: Stands for any word of an everyday off-topic request; it matches no entry.
OFF_TOPIC_TOKEN = scope.OFF_TOPIC_TOKEN
#: An off-topic word outweighs a rare known word: it vetoes all but strong matches.
#: 1.0 / 1.5 / 2.0: health3 declined 51 / 53 / 53 of 61, MedQuAD 1483 / 1485 / 1486.
OFF_TOPIC_WEIGHT = 1.5
#: A question without content words matches a phrasing without content words
#: only this closely (rapidfuzz token_sort_ratio), and scores this share of it.
#: The tuning halves do not choose them: cut-off 85 / 95 and share 0.7 / 0.9
#: changed nothing.
BARE_CUTOFF = 90.0
BARE_SCALE = 0.8
#: Names of the conditions, and the article's words for them. In "is there a
#: charity for ALS" or "what triggers chronic spasms" the name says whose
#: condition, the other words say what is asked; as rare words they would
#: otherwise pull such questions to the section that describes the conditions.
CONDITION_NAMES = (
    "multiple sclerosis ms als myasthenia gravis motor neurone neuron mnd lou gehrig "
    "parkinson parkinsons chronic neuromuscular"
)
_CONDITION_WORDS = frozenset(CONDITION_NAMES.split())
#: The words of ``CONDITION_NAMES`` that name the conditions in general, not
#: one disease: the content gives causes of "chronic spasms" and of
#: "neuromuscular disorders" (Causes and Risk Factors), of no one disease
#: ("why did i get ms", session 23: ``Matcher.asks_beyond_name``).
GENERAL_NAMES = "chronic neuromuscular"
#: Words that, beside ``CONDITION_NAMES``, only name whose condition it is in
#: a question asking what to do (``Matcher.asks_beyond_name``): the content's
#: own "(chronic muscle) spasms", and the heads of "a neuromuscular disorder"
#: or "motor neurone disease" (synonyms.py folds disease, condition and
#: illness onto "disorder"). "my husband has chronic spasms, what do I do" was
#: answered in full with the section that says what spasms are (scope17).
NAMES_TOO = "spasm muscle disorder"
#: "do about X" asks what to do about X, not (as "tell me about X" or "what
#: do you know about X") what X is.
_DO_ABOUT = frozenset("do done doing".split())
#: Ways of asking what is the matter, i.e. what it is: "my legs jerk by
#: themselves, what's going on" (dev.tsv, in scope: the section that says
#: what spasms are answers it, and did).
_WHAT_IS_IT = ("what is going on", "what is happening", "what is wrong", "what is up with")
#: A line written for an entry is the same line said by a patient and a
#: caregiver together: "where do we start" was declined where the
#: Introduction's own "where do i start" is answered ("start" an everyday
#: request word), and "even" only stresses it ("where do we even begin",
#: inscope17-tuning). No editor's line has "we", "us", "our" or "even"
#: (session 23), so no two lines meet.
_WRITTEN_PERSON = {"we": "i", "us": "me", "our": "my", "ours": "mine", "ourselves": "myself",
                   "even": ""}


def _written_key(prepared: str) -> str:
    """``prepared`` (``normalize.prepare``) as the key of the lines written
    for entries (``Matcher.written_for``): the first person plural as the
    singular, "even" left out."""
    words = (_WRITTEN_PERSON.get(w, w) for w in prepared.split())
    return " ".join(w for w in words if w)


#: Weight of a condition name when the question has other known words.
#: The tuning halves do not choose it: 0.2 and 0.4 changed nothing.
CONDITION_SHARE = 0.3
#: Share of the score taken by whole-phrase similarity. 0.2 / 0.3 / 0.4: dev
#: even 51 / 52 / 52, spoken 372 / 372 / 376 (aw 4 / 2 / 2).
PHRASE_SHARE = 0.3
#: How many top entries by coverage get the (costlier) phrase comparison.
#: 8 and 16 changed nothing on the tuning halves.
SHORTLIST = 12
#: Two entries this close in score are both offered. 4 / 6 / 8 (SHAPE_BONUS
#: kept at 6): spoken aw 4 / 2 / 2, nothing else moved.
CLOSE_MARGIN = 6.0
#: At or above this, the best entry is answered even with a close second.
#: 95 / 97 / 99: spoken aw 4 / 2 / 2, nothing else moved.
SURE_SCORE = 97.0
#: A word no dictionary knows, in heard speech, is taken for the content word
#: spelled this much alike (rapidfuzz ratio of the whole words), else for the
#: content word of at least ``MISHEARD_PIECE`` letters it starts or ends with.
#: scripts/tune_whisper_confidence.py (2026-12-01, Whisper, tuning halves
#: spoken by espeak-ng, 2,066 utterances): tuning.tsv right entry 540 -> 549
#: of 780 against dropping the word ("massade" -> massage, "toxid" -> toxin,
#: "austenia" -> myasthenia), dev.tsv 250 -> 249 of 636, out of scope
#: declined the same on every set; cut-off 80: 547, 70: 549 (dev 252) but
#: looser than a spelling can carry; piece of 4 letters: 551, but "cure" in
#: "nerecure" is chance as often as not.
MISHEARD_CUTOFF = 75.0
MISHEARD_PIECE = 5
#: Shortest piece of a word read as two English words run together. 2 and 4
#: changed nothing on the tuning halves.
RUN_TOGETHER_PIECE = 3
#: Question words that are not stop words, because they say what kind of
#: answer is wanted ("why" a cause, "when" a time), yet name no subject: like
#: "what", "how" and "where" (normalize.STOPWORDS), they say how something is
#: asked. The editors list "why" as a keyword of the causes section, and the
#: answers use "when" (see ``Matcher.subjects``).
QUESTION_WORDS = ("why", "when", "whenever", "whether")
#: Points added to the kind of entry the question's shape asks for (see
#: ``_preferred_kind``): enough to settle a near-tie, too little to outweigh
#: a clearly better entry.
SHAPE_BONUS = CLOSE_MARGIN
#: Points added to the entry that defines what a "what is X" question asks
#: about (see ``_defined_asked`` and ``_definitions``): "what is a spasm"
#: scored Causes and Risk Factors and Dietary Adjustments 93.7, the section
#: that says what spasms are 93.1 (an "Also asked" line for it cost a
#: held-out in-scope question instead). Measured by scripts/tune_ranking.py
#: --leave-one-out --set DEFINITION_BONUS=... (see docs/out-of-scope.md,
#: branch scope13).
DEFINITION_BONUS = SHAPE_BONUS
#: The question's X must hold what the entry names and its head: "what is a
#: spasm" is what "chronic muscle spasms" names, "what is a muscle" is not.
#: Articles after "what is": "what is a spasm" asks what a spasm is.
_ARTICLES = frozenset("a an the".split())


def _defined_asked(cleaned: str) -> list[str] | None:
    """The content tokens of X when the prepared question ``cleaned`` asks
    what X is ("what is a spasm", "what are spasms", "what does spasticity
    mean"), X being only content words: not "what is the reason for my
    spasms", "what is behind these spasms" or "what is botox used for",
    which ask something else."""
    words = cleaned.split()
    if words[:2] in (["what", "is"], ["what", "are"]):
        rest = words[2:]
        if rest[:1] and rest[0] in _ARTICLES:
            rest = rest[1:]
    elif words[:2] in (["what", "does"], ["what", "do"]) and words[-1:] == ["mean"]:
        rest = words[2:-1]
    else:
        return None
    if not rest or any(normalize.is_function_word(w) for w in rest):
        return None
    return normalize.content_tokens(" ".join(rest)) or None


#: "is that part of it", "could that be it", "could it be this": a question
#: whether something said belongs to the condition, "it" (or "this") being
#: the condition and nothing else the question names.
_PART_OF_IT_OPENERS = frozenset("is could can might would may".split())
_PART_OF_IT_SUBJECTS = frozenset("that this it".split())
_PART_OF_IT_LAST = frozenset("it this".split())
#: How much less evidence such a question needs to be ours (see
#: ``_asks_if_part_of_it``). dev.tsv's in-scope "im worn out by the afternoon
#: is that part of it" was declined at evidence -0.6; 1.0 takes it. (Its
#: "my dad keeps choking on his food could that be it", at -2.3, scores
#: below an offer anyway: the content never says "choke".) scope16, tuning
#: halves (docs/out-of-scope.md).
PART_OF_IT_SLACK = 1.0


def _asks_if_part_of_it(cleaned: str) -> bool:
    """Whether the prepared question ``cleaned`` ends by asking whether what
    it said belongs to the condition: "..., is that part of it", "... could
    that be it", "... could it be this": an opener, "that"/"this"/"it", then
    at most three words ending on "it" or "this". Not "is there anything i
    can do about it" or "will hydroxyzine be ok to take with it" (K-QA),
    where "it" is a thing the question named."""
    words = cleaned.split()
    if len(words) < 4 or words[-1] not in _PART_OF_IT_LAST:
        return False
    for i in range(max(0, len(words) - 6), len(words) - 2):
        if words[i] in _PART_OF_IT_OPENERS and words[i + 1] in _PART_OF_IT_SUBJECTS:
            return True
    return False


def _named(phrase: str) -> list[tuple[frozenset[str], str]]:
    """The things a noun phrase names, each as its content tokens and its
    head (the last one): the parts between "and" and commas, each up to its
    first other function word ("Causes and Risk Factors": causes; risk
    factors, head factors. "The Role of Exercise and Rehabilitation": role;
    rehabilitation)."""
    out: list[tuple[frozenset[str], str]] = []
    for part in phrase.replace(" and ", " , ").split(","):
        words = part.split()
        while words and words[0] in _ARTICLES:
            words = words[1:]
        head: list[str] = []
        for w in words:
            if normalize.is_function_word(w):
                break
            head.append(w)
        toks = normalize.content_tokens(" ".join(head))
        if toks:
            out.append((frozenset(toks), toks[-1]))
    return out


def _refers_back(words: list[str]) -> bool:
    """Whether a word of ``words`` refers back to the condition asked about
    (``scope.REFERRING``: "what brings it on"); not the "it" standing in for
    what follows ("is it bad to exercise with a cold", "it is safe to ...")."""
    for i, w in enumerate(words):
        if w not in scope.REFERRING:
            continue
        after = words[i + 1:i + 4]
        dummy = w == "it" and (
            (i > 0 and words[i - 1] == "is" and after[1:2] == ["to"])
            or (after[:1] == ["is"] and after[2:3] == ["to"]))
        if not dummy:
            return True
    return False


#: The words of the "disorder" synonym group (synonyms.py): "disease",
#: "condition", "illness"... A word before one of them says which kind.
_DISORDER_WORDS = frozenset({"disorder", *(w for w, c in synonyms.WORDS.items()
                                           if c == "disorder")})


def _before_disorder(words: list[str]) -> list[str]:
    """The words (cleaned) right before a word of the "disorder" group that
    say which kind ("mood" in "mood disorders", "use" in "alcohol use
    disorder"): not a function word, a number or a possessive ("this
    disease", "my son's condition" say whose), nor part of a phrase of the
    synonym table ("motor neuron disease" is a name of ours)."""
    out = []
    for i in range(1, len(words)):
        if words[i] not in _DISORDER_WORDS:
            continue
        j = i - 1
        if (normalize.is_function_word(words[j]) and words[j] not in _WHOSE and j > 0
                and not normalize.is_function_word(words[j - 1])):
            # "alcohol use disorder": "use" is a function word here.
            j -= 1
        before = words[j]
        if normalize.is_function_word(before) or before.endswith(("'s", "s'")) \
                or scope.is_number(before):
            continue
        if any(f" {' '.join(words[j:i + 1])} " in f" {phrase} " for phrase in synonyms.PHRASES):
            continue
        out.append(before)
    return out


#: Words before a noun that say whose or which one, not what kind ("this
#: disease", "the condition", "a disorder").
_WHOSE = frozenset("a an the this that these those my your his her their our its which what "
                   "whose same such any some every each no other".split())


@dataclass(frozen=True)
class Candidate:
    """An entry and how well it fits the question."""

    entry: Entry
    """The entry."""
    score: float
    """0-100; higher is better."""


@dataclass(frozen=True)
class MatchResult:
    """What the matcher made of one question."""

    query: str
    """The question as given."""
    outcome: Outcome
    """answer (sure), confirm (ask "Did you mean ...?"), or no_match."""
    candidates: list[Candidate] = field(default_factory=list)
    """Best first; the first is the match (for confirm, the first one or two are offered)."""
    misheard: bool = False
    """Heard speech with a word that is no English word: part of it was misheard."""

    @property
    def entry(self) -> Entry | None:
        return self.candidates[0].entry if self.candidates else None

    @property
    def score(self) -> float:
        return self.candidates[0].score if self.candidates else 0.0

    @property
    def offered(self) -> list[Entry]:
        """Entries to name in "Did you mean ...?": the best, and a close second."""
        if not self.candidates:
            return []
        out = [self.candidates[0].entry]
        if (
            len(self.candidates) > 1
            and self.candidates[0].score - self.candidates[1].score < CLOSE_MARGIN
        ):
            out.append(self.candidates[1].entry)
        return out


def _said(entry: Entry) -> frozenset[str]:
    """The content tokens of ``entry``'s answer and keywords."""
    return frozenset(normalize.content_tokens(
        normalize.prepare(" ".join((entry.answer, *entry.keywords)))))


@dataclass
class _Indexed:
    entry: Entry
    strong: frozenset[str]
    body: frozenset[str]
    phrases: list[str]
    defines: list[tuple[frozenset[str], str]] = field(default_factory=list)
    """What the entry says what it is: see ``Matcher._definitions``."""
    said: frozenset[str] = frozenset()
    """The content tokens of the answer and keywords, built with the index
    (``Matcher._our_medicine_asked`` re-tokenised every candidate's answer
    on every question before; session 27, branch scope30)."""


class Matcher:
    """Matches questions against a knowledge base."""

    def __init__(
        self,
        kb: KnowledgeBase,
        answer_threshold: float = 72.0,
        confirm_threshold: float = 45.0,
        scope_model: scope.ScopeModel | None = None,
        check_scope: bool = True,
    ) -> None:
        self.kb = kb
        #: Decides whether a question is about the content at all (see scope.py);
        #: ``check_scope=False`` matches every question, as before it existed.
        self.scope: scope.ScopeModel | None = (
            (scope_model or scope.ScopeModel(kb)) if check_scope else None
        )
        self.answer_threshold = answer_threshold
        self.confirm_threshold = confirm_threshold
        self._items: list[_Indexed] = []
        #: Each title and "Also asked" line, prepared, and the entries it was
        #: written for (``written_for``).
        self._written: dict[str, set[int]] = {}
        #: Each entry's place in ``_items``, by id.
        self._index: dict[str, int] = {}
        # Phrasings made only of function words ("what is this about").
        self._bare: list[tuple[str, int]] = []
        self._postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, entry in enumerate(kb.entries):
            weights = self._field_weights(entry)
            strong = frozenset(t for t, w in weights.items() if w > BODY_WEIGHT)
            body = frozenset(weights) - strong
            phrases = [normalize.prepare(p) for p in (entry.title, *entry.phrasings)]
            self._items.append(_Indexed(entry, strong, body, phrases,
                                        self._definitions(entry), _said(entry)))
            self._index.setdefault(entry.id, i)
            for phrase in phrases:
                self._written.setdefault(_written_key(phrase), set()).add(i)
            self._bare.extend((p, i) for p in phrases if not normalize.content_tokens(p))
            for tok, w in weights.items():
                self._postings[tok].append((i, w))
        n = len(self._items)
        self._idf = {
            tok: math.log((n + 1) / (len(posts) + 0.5)) + 0.1
            for tok, posts in self._postings.items()
        }
        # A word the content never uses weighs like a fairly rare known word.
        self._unknown_idf = math.log((n + 1) / 2.5) + 0.1
        self._vocab = sorted(self._postings)
        self._conditions = frozenset(normalize.tokens(CONDITION_NAMES))
        self._names = self._conditions | frozenset(normalize.tokens(NAMES_TOO))
        self._diseases = self._conditions - frozenset(normalize.tokens(GENERAL_NAMES))
        self._topics = shape_topic.Topics(kb.entries, self._conditions)
        self._why = normalize.stem("why")
        #: The kinds of disorder the content names: the words it puts before
        #: a word of the "disorder" group ("neuromuscular disorders", "nerve
        #: conditions", "motor neurone disease"), stemmed (see ``names_other_kind``).
        self._kinds = frozenset(
            normalize.stem(before) for entry in kb.entries
            for text in (entry.title, *entry.phrasings, *entry.keywords, entry.answer)
            for before in _before_disorder(normalize.clean(text).split()))
        self._question_tokens = frozenset(normalize.stem(w) for w in QUESTION_WORDS)
        # Raw (unstemmed) words, for joining and splitting mis-segmented words.
        self._raw_words: dict[str, str] = {}
        for entry in kb.entries:
            text = " ".join((entry.title, *entry.phrasings, *entry.keywords, entry.answer))
            for word in normalize.prepare(text).split():
                if not normalize.is_function_word(word):
                    self._raw_words.setdefault(word, normalize.stem(word))
            # The words of a condition's full name stay repair targets though
            # synonyms.py folds the name to one word ("myasthenia gravis" ->
            # "myasthenia"): "what is my senior grab is" was repaired to
            # "myasthenia gravis" and offered; with "gravis" folded away it
            # was declined (tests/test_sound_alike.py).
            for word in normalize.clean(text).split():
                if word in _CONDITION_WORDS:
                    self._raw_words.setdefault(word, normalize.stem(word))
        # Content words a misheard word may be repaired to (see sounds_like).
        self._repair_words = sorted(w for w in self._raw_words if len(w) >= 4)
        # Both halves of a split must be content words, so no cut needs to
        # leave a half longer than the longest: a held-down key of 100,000
        # letters took 3.5 s here, trying every cut (branch polish9).
        self._longest_word = max(map(len, self._raw_words), default=0)
        # Everyday words an editor used in a title, phrasing or keyword are the
        # content's own: a clinic's "Where is the clinic?" entry must answer
        # "where is the clinic", though "clinic" is off the shipped subject.
        self._own_everyday = frozenset(
            w for entry in kb.entries
            for text in (entry.title, *entry.phrasings, *entry.keywords)
            for w in normalize.prepare(text).split() if w in OFF_TOPIC)
        self._sound_alike: SoundAlike | None = None
        # The warm-up thread (sound_alike.warm_up) and a question that comes
        # before it ends build the index once, not each their own.
        self._sound_alike_lock = threading.Lock()
        self._subjects: frozenset[str] | None = None  # see subjects
        #: A question that names no subject is never answered outright (see
        #: ``names_subject``); False restores the old decision, for measuring.
        self.require_subject = True
        #: A question carried by generic words only is stepped down (see
        #: ``generic_only``); False restores the old decision, for measuring.
        self.require_distinctive = True
        #: Such a question goes one step down: an answer is offered, an offer
        #: declined. False declines it outright (tried: held out, one more
        #: fresh health question declined, one heldout.tsv question lost;
        #: docs/out-of-scope.md).
        self.generic_step_down = True
        #: A question carried only by synonyms, naming a word no model has
        #: seen, goes one step down too (see ``synonyms_only``); False turns
        #: it off, for measuring.
        self.require_said = scope.SYNONYMS_ONLY_STEP_DOWN
        #: A question that names only a condition and asks something else
        #: than what it is is never answered outright (see
        #: ``asks_beyond_name``); False turns it off, for measuring.
        self.require_asked = True
        #: An amount asked that the entry's answer does not give is never
        #: answered outright (scope.asks_amount_not_given; branch scope20);
        #: False turns it off, for measuring.
        self.require_amount = True
        #: A symptom the content never names, asked of a medicine it names
        #: ("what side effects can muscle relaxants have"), is offered, not
        #: declined outright (``effect_of_medicine``; session 25, branch
        #: scope27); False restores the old decision, for measuring.
        self.require_medicine_effect = True
        #: A thing the content never names, the subject of a yes/no question
        #: about what it does ("does alcohol make spasms worse"), declines
        #: the line as ``unknown_object`` does the thing after a generic verb
        #: (unknown_subject.py; session 26, branch scope28); False turns it
        #: off, for measuring.
        self.require_known_subject = True
        #: A drug's own name that WordNet lacks ("baclofen") is a medicine of
        #: ours for ``effect_of_medicine`` (own_medicines.py), and what our
        #: medicine does said in a word the content never uses ("drowsy") is
        #: as a symptom it never names (``unknown_effect``); session 26,
        #: branch scope28. False turns each off, for measuring.
        self.own_medicine_names = True
        self.unknown_effect = True
        #: Whether a thing harms ("make it worse", "hurt", "side effects") or
        #: who pays, asked of an entry whose answer never speaks of it, is
        #: offered, not read (asked_not_said.py; session 26, branch scope29);
        #: False turns it off, for measuring.
        self.require_asked_said = True
        #: Whether a group of people by age or sex gets it is never
        #: answered outright (teller.asks_who_gets; branch scope22), nor how
        #: to help a relative with a thing of theirs (teller.helps_with_own;
        #: branch scope23); False turns both off, for measuring.
        self.require_who = True
        #: A kind of disorder the content never names ("mood disorders") is
        #: stepped down as generic words are (see ``names_other_kind``);
        #: False turns it off, for measuring.
        self.require_kind = True
        #: "..., is that part of it" needs less evidence (see
        #: ``_asks_if_part_of_it``); False turns it off, for measuring.
        self.part_of_it_slack = True

    @property
    def sound_alike(self) -> SoundAlike:
        """The content's words by their sound (built on first use: the first
        doubtful question waited 24 ms for it, median of 5, loaded machine;
        docs/loose-ends.md; the spoken modes build it in the background,
        ``sound_alike.warm_up``)."""
        with self._sound_alike_lock:
            if self._sound_alike is None:
                self._sound_alike = SoundAlike(
                    w for w in self._repair_words
                    if self.rarity(w) >= sound_alike.TARGET_RARITY)
            return self._sound_alike

    def is_content_word(self, word: str) -> bool:
        """Whether the content uses ``word`` (synonyms folded, stemmed) as a content word."""
        return any(t in self._postings for t in normalize.content_tokens(normalize.prepare(word)))

    @functools.cached_property
    def _own_stems(self) -> list[frozenset[str]]:
        """Each entry's own words, unfolded (fold_share.py), by index: built
        at the first question that needs them (a cause or "how do I know"
        asked), not with the index."""
        return [fold_share.own_stems(item.entry) for item in self._items]

    def own_stems(self, entry: Entry) -> frozenset[str]:
        """``entry``'s content words as written, no synonym folded (fold_share.py)."""
        return self._own_stems[self._index[entry.id]]

    def rarity(self, word: str) -> float:
        """How rare ``word`` is in general English (scope.GeneralEnglish; 0
        without a scope model)."""
        return self.scope.english.rarity(word) if self.scope is not None else 0.0

    @staticmethod
    def _field_weights(entry: Entry) -> dict[str, float]:
        """How strongly each token says what the entry is about.

        The title counts fully; a word an editor used in several phrasings or
        keywords counts more than one used once, because an entry whose
        askers keep saying "treat" is about treatment more than one that
        mentions it in passing; the answer text counts least.
        """
        weights: dict[str, float] = {}
        counts = keyword_forms.editor_counts(entry.phrasings, entry.keywords)
        for tok, c in counts.items():
            weights[tok] = min(1.0, STRONG_BASE + STRONG_STEP * (c - 1))
        for tok in normalize.tokens(entry.title):
            weights[tok] = 1.0
        for tok in normalize.tokens(entry.answer):
            weights.setdefault(tok, BODY_WEIGHT)
        return weights

    @staticmethod
    def _definitions(entry: Entry) -> list[tuple[frozenset[str], str]]:
        """What ``entry`` defines, each as content tokens and head (the
        last): what a section's title names ("Recognizing Chronic Spasms and
        Neuromuscular Disorders": spasms, neuromuscular disorders; an FAQ's
        title is a question), and X of each title or "Also asked" line that
        asks what X is, as a question does (``_defined_asked``: "what is
        baclofen"; not "what is the reason for my spasms" or "what is
        chronic spasm about"). The opening sentence was not used: the
        Introduction and the Conclusion open with "Chronic spasms and
        neuromuscular disorders ...", as the section that defines them
        does."""
        out: list[tuple[frozenset[str], str]] = []
        if entry.kind == "section":
            out += _named(normalize.prepare(entry.title))
        for text in (entry.title, *entry.phrasings):
            asked = _defined_asked(normalize.prepare(text))
            if asked:
                out.append((frozenset(asked), asked[-1]))
        return out

    # -- token repair -----------------------------------------------------

    def _repair(
        self, words: list[str], unknown: dict[str, str] | None = None
    ) -> list[tuple[str, float]]:
        """Content tokens with a confidence weight each, after fixing segmentation.

        ``unknown``, when given, receives the word each token the content does
        not know was made from (token -> word), for the scope model."""
        out: list[tuple[str, float]] = []
        i = 0
        while i < len(words):
            w = words[i]
            if i + 1 < len(words) and (w + words[i + 1]) in self._raw_words:
                joined = w + words[i + 1]
                # Not a function word before a content word ("be cause", as
                # "could my tablets be giving me cramps" reads once folded):
                # both words are meant.
                meant = (normalize.is_function_word(w)
                         and normalize.stem(words[i + 1]) in self._postings)
                if not meant and (normalize.stem(w) not in self._postings or len(w) < 6):
                    out.append((self._raw_words[joined], 1.0))
                    i += 2
                    continue
            i += 1
            if normalize.is_function_word(w):
                continue
            if w in OFF_TOPIC and w not in self._own_everyday:
                out.append((OFF_TOPIC_TOKEN, 1.0))
                continue
            tok = normalize.stem(w)
            if tok in self._postings:
                out.append((tok, 1.0))
                continue
            able = self._able_base(w)
            if able:
                out.append((able, 1.0))
                continue
            # A word general English knows is meant whole, not two content
            # words run together: "homework" is no "home" + "work" ("help my
            # daughter with her homework" was offered the lifestyle FAQ;
            # branch scope23). Run-together words a recognizer or a typist
            # makes are no English words.
            split = None if self._english(w) else self._split(w)
            if split:
                out.extend((t, 1.0) for t in split)
                continue
            near = self._near(tok) if len(w) >= 5 and not self._english(w) else None
            out.append((near, FUZZY_TOKEN_WEIGHT) if near else (tok, 1.0))
            if not near and unknown is not None:
                unknown[tok] = w
        return out

    def _able_base(self, word: str) -> str | None:
        """The content's token for the verb an "-able" adjective is made
        from ("treatable" -> treatment, through synonyms.py's group of
        "treat"), when the content uses that verb (normalize.able_bases)."""
        for base in normalize.able_bases(word):
            toks = normalize.content_tokens(synonyms.fold(base))
            if len(toks) == 1 and toks[0] in self._postings:
                return toks[0]
        return None

    def _english(self, word: str) -> bool:
        """Whether general English knows ``word`` (never without a scope
        model): then it is meant as said, no misspelling of a content word.
        Spelled-alike repair turned every such word of the tuning sets into a
        wrong one: "shots" into "short" ("do botox shots wear off" scored 41,
        below an offer), "plane" into "plan", "lose" into "close", "black"
        into "lack", "spain" into "pain", "contraception" into "contract"."""
        return self.scope is not None and self.scope.english.knows(word)

    def _split(self, word: str) -> list[str] | None:
        n, longest = len(word), self._longest_word
        for cut in range(max(3, n - longest), min(n - 2, longest + 1)):
            a, b = word[:cut], word[cut:]
            if a in self._raw_words and b in self._raw_words:
                return [self._raw_words[a], self._raw_words[b]]
        return None

    def _near(self, tok: str) -> str | None:
        hit = process.extractOne(
            tok, self._vocab, scorer=fuzz.ratio, score_cutoff=FUZZY_TOKEN_CUTOFF
        )
        return hit[0] if hit else None

    # -- scoring ----------------------------------------------------------

    def _weight(self, tok: str) -> float:
        if tok in self._idf:
            return self._idf[tok]
        if tok == OFF_TOPIC_TOKEN:
            return OFF_TOPIC_WEIGHT * self._unknown_idf
        return UNKNOWN_SHARE * self._unknown_idf

    def _context_shares(self, toks: list[tuple[str, float]]) -> dict[str, float]:
        """Reduced shares of condition names asked about alongside another topic."""
        topical = any(t in self._idf and t not in self._conditions for t, _ in toks)
        if not topical:
            return {}
        return {t: CONDITION_SHARE for t, _ in toks if t in self._conditions}

    def _coverage(self, toks: list[tuple[str, float]],
                  share_of: dict[tuple[str, int], float] | None = None) -> dict[int, float]:
        # Unknown words count less than known ones: a question padded with
        # words the content never uses ("my hands are weak and I keep dropping
        # things") should still find its entry, yet a question made only of
        # such words finds nothing at all.
        shares = self._context_shares(toks)
        total = sum(self._weight(t) * shares.get(t, 1.0) for t, _ in set(toks))
        if total <= 0:
            return {}
        acc: dict[int, float] = defaultdict(float)
        folded = share_of or {}  # fold_share.py: a folded word weighs less where not said
        seen: set[str] = set()
        for tok, conf in toks:
            if tok in seen:
                continue
            seen.add(tok)
            w = self._idf.get(tok, self._unknown_idf) * conf * shares.get(tok, 1.0)
            for idx, field_weight in self._postings.get(tok, ()):
                acc[idx] += w * field_weight * folded.get((tok, idx), 1.0)
        return {idx: v / total for idx, v in acc.items()}

    def _phrase_similarity(self, query: str, item: _Indexed) -> float:
        hit = process.extractOne(query, item.phrases, scorer=fuzz.token_set_ratio)
        set_score = hit[1] if hit else 0.0
        ordered = process.extractOne(query, item.phrases, scorer=fuzz.ratio)
        return max(set_score * 0.85, ordered[1] if ordered else 0.0)

    @staticmethod
    def _preferred_kind(cleaned: str) -> EntryKind | None:
        """The kind of entry a question's shape asks for, if it says.

        An FAQ entry answers a question ("does physical therapy help", "can a
        walker keep me active"); an article section describes a topic ("tell
        me about physical therapy", "what devices are there"). When an FAQ and
        the section on the same topic score alike, the shape decides.
        """
        words = cleaned.split()
        if not words:
            return None
        if words[0] in _DESCRIBE_OPENERS or (words[0] == "what" and words[-1] in _WHAT_EXISTS):
            return "section"
        if words[:3] in _ANY_THERE and not any(w in _BENEFIT_WORDS for w in words):
            return "section"
        if words[0] == "where" or words[:4] in _GET_A:
            # "where do I get braces", "can I get a scooter": what exists and how to get it.
            return "section"
        if words[0] in _YES_NO_OPENERS or any(w in _BENEFIT_WORDS for w in words):
            return "faq"
        return None

    def _rank_bare(self, cleaned: str) -> list[Candidate]:
        """Entries for a question without content words, by its function words alone.

        "tell me what this is about" has nothing to score by coverage, yet an
        editor's phrasing made of the same words ("what is this about") says
        what it asks for. Only a near-verbatim match counts, so "how are you"
        or a lone "um" still finds nothing.
        """
        best: dict[int, float] = {}
        for phrase, idx in self._bare:
            sim = fuzz.token_sort_ratio(cleaned, phrase)
            if sim >= BARE_CUTOFF:
                best[idx] = max(best.get(idx, 0.0), sim * BARE_SCALE)
        ranked = sorted(best.items(), key=lambda kv: kv[1], reverse=True)
        return [Candidate(self._items[idx].entry, round(score, 1)) for idx, score in ranked]

    def content_tokens(self, text: str, unknown: dict[str, str] | None = None) -> list[str]:
        """The question's content tokens as the matcher scores them (after repair);
        ``unknown`` receives the words of those the content does not know."""
        return [t for t, _ in self._repair(normalize.prepare(text).split(), unknown)]

    def misheard_words(self, text: str, sure: Collection[str] = ()) -> set[str]:
        """Words of ``text`` that neither the content nor general English knows
        ("nanakioa" for "there a cure"): in heard speech, a recognizer's
        mishearing rather than a subject the content does not cover.

        ``sure``: words the recognizer heard surely. Such a word is no
        mishearing even when no dictionary has it ("appendicitis" heard at
        0.75): it names a subject, and counts as such in the scope check."""
        if self.scope is None:
            return set()
        unknown: dict[str, str] = {}
        self.content_tokens(text, unknown)
        # A number ("13", Whisper writes digits) is no mishearing.
        return {w for w in unknown.values()
                if not self.scope.english.knows(w) and not any(c.isdigit() for c in w)
                and (w not in sure or self._misheard_surely(w))}

    def _misheard_surely(self, word: str) -> bool:
        """Whether ``word``, heard surely but in no dictionary, is still a
        mishearing: spelled like a content word ("remodulation" at 0.90 for
        neuromodulation, "chronicasms"), or two common English words run
        together ("handwork" at 0.91 for "head work")."""
        if self.sounds_like(word) is not None:
            return True
        english = self.scope.english if self.scope else None
        if english is None:
            return False
        return any(english.knows(a) and english.knows(b)
                   and max(english.rarity(a), english.rarity(b)) <= scope.RARITY_FREE
                   for a, b in ((word[:i], word[i:])
                                for i in range(RUN_TOGETHER_PIECE, len(word) - 2)))

    def sounds_like(self, word: str) -> str | None:
        """The content word a misheard ``word`` most likely was: one spelled
        nearly alike ("massade" for massage, "toxid" for toxin, "austenia" for
        myasthenia), or one that ends or starts it ("chronicasms": chronic).
        None when no content word is close."""
        hit = process.extractOne(word, self._repair_words, scorer=fuzz.ratio,
                                 score_cutoff=MISHEARD_CUTOFF)
        if hit:
            return str(hit[0])
        ends = [w for w in self._repair_words
                if len(w) >= MISHEARD_PIECE and len(word) - len(w) >= 2
                and (word.startswith(w) or word.endswith(w))]
        return max(ends, key=len) if ends else None

    @property
    def subjects(self) -> frozenset[str]:
        """The tokens that name something the content is about (built on first
        use: it reads the general-English model).

        A token names a subject when the content declares it, in a title or an
        editor's keyword, and something beyond that one pointer says it is a
        subject: the answers read aloud use it too; a synonym group is built
        on it ("doctor", "cope", "diet", which "eat" reaches); it is a
        condition name (``CONDITION_NAMES``); or it is rare in general English
        (``scope.RARITY_FREE``, where the scope model starts to count a word
        as naming a subject: "baclofen", "botox", "physiotherapy").

        Left out: words found only in "Also asked" phrasings, which are how
        people ask ("feel", "look", "problem"); everyday words an editor made
        a keyword to catch one phrasing, which the article never uses ("work",
        "normal", "remember", "serious", "short", "see", "first"); and the
        question words (``QUESTION_WORDS``), though "why" is a keyword.
        """
        if self._subjects is None:
            english = self.scope.english if self.scope is not None else scope.GeneralEnglish()
            declared: dict[str, set[str]] = defaultdict(set)  # token -> its words
            for e in self.kb.entries:
                for text in (e.title, *e.keywords):
                    for word in normalize.prepare(text).split():
                        if not normalize.is_function_word(word):
                            declared[normalize.stem(word)].add(word)
            confirmed = {t for e in self.kb.entries for t in normalize.tokens(e.answer)}
            confirmed |= {t for group in synonyms.GROUPS for t in normalize.tokens(group)}
            confirmed |= self._conditions
            confirmed |= {t for t, words in declared.items()
                          if min(english.rarity(w) for w in words) >= scope.RARITY_FREE}
            questions = {normalize.stem(w) for w in QUESTION_WORDS}
            self._subjects = frozenset(t for t in declared if t in confirmed
                                       and t not in questions)
        return self._subjects

    @property
    def content_words(self) -> Collection[str]:
        """Every word the loaded content uses, as written (function words
        left out)."""
        return self._raw_words.keys()

    def _own_words(self, words: list[str]) -> set[str]:
        """The tokens that ``words`` fold onto through the synonyms, for each
        word the content itself uses as written ("cramps": spasm)."""
        own = {synonyms.WORDS[w] for w in words
               if w in synonyms.WORDS and normalize.stem(w) in self._stems_as_written}
        # A phrase the content writes as such, too: "pins and needles in my
        # fingers" was declined for naming the fingers where "tingling in my
        # fingers" was offered, though "pins and needles" is a keyword of the
        # FAQ on seeking medical attention (session 45, typed).
        padded = f" {' '.join(words)} "
        own |= {normalize.stem(canonical) for phrase, canonical in self._phrases_as_written
                if f" {phrase} " in padded}
        return own

    @functools.cached_property
    def _phrases_as_written(self) -> tuple[tuple[str, str], ...]:
        """The synonym phrases the loaded content writes as such, each with
        the word it folds onto ("pins and needles", "tingling")."""
        written = " ".join(f" {normalize.clean(text)} " for entry in self.kb.entries
                           for text in (entry.title, *entry.phrasings, *entry.keywords,
                                        entry.answer))
        return tuple((phrase, canonical) for phrase, canonical in synonyms.PHRASES.items()
                     if f" {phrase} " in written)

    @functools.cached_property
    def _stems_as_written(self) -> frozenset[str]:
        """The stem of every word the loaded content uses, before synonyms
        are folded ("cramp" for "cramps", where ``content_words`` has
        "spasm")."""
        return frozenset(normalize.stem(w) for entry in self.kb.entries
                         for text in (entry.title, *entry.phrasings, *entry.keywords,
                                      entry.answer)
                         for w in normalize.clean(text).split())

    @functools.cached_property
    def title_tokens(self) -> frozenset[str]:
        """The tokens of every entry's title."""
        return frozenset(t for entry in self.kb.entries for t in normalize.tokens(entry.title))

    @functools.cached_property
    def content_stems(self) -> frozenset[str]:
        """The stems of ``content_words`` ("cost" for "costs")."""
        return frozenset(self._raw_words.values())

    def names_subject(self, text: str) -> bool:
        """Whether ``text`` has a word that names something the content is
        about (a condition, symptom, treatment, care topic...): a content token,
        as the matcher scores it (synonyms folded, misspellings repaired), of
        ``subjects``. "what causes it" (causes), "how do I cope" and "what
        should I eat" (diet) do; "if I feel that way" and "why of that" do
        not. A question without content words matched to a phrasing of the
        same words ("what is this about") counts as naming one: the editors
        wrote it."""
        toks = self.content_tokens(text)
        return not toks or any(t in self.subjects for t in toks)

    def _editors_words(self, text: str, entry: Entry) -> bool:
        """Whether ``text`` is, word for word, a title or phrasing written for
        ``entry``: a caregiver who adds "will the shaking ever stop for good"
        to an entry means it to be answered, though none of its words names a
        subject (tests/test_live_updates.py)."""
        key = _written_key(normalize.prepare(text))
        owners = self._written.get(key, ())
        # "does stress make my spasms worse": the editors' line, said of
        # one's own (possessives.py).
        own = possessives.without_possessives(key)
        if not owners and own is not None:
            owners = self._written.get(own, ())
        return any(self._items[i].entry is entry for i in owners)

    def written_for(self, text: str) -> Entry | None:
        """The one entry ``text`` is, word for word, a title or "Also asked"
        line of (None when it is none, or one written for two entries)."""
        owners = self._written.get(_written_key(normalize.prepare(text)), set())
        return self._items[next(iter(owners))].entry if len(owners) == 1 else None

    def is_ours(self, text: str, slack: float = 0.0) -> bool:
        """Whether ``text`` is about the content at all (always, without a scope
        model); ``slack`` lowers the evidence needed."""
        if self.scope is None:
            return True
        unknown: dict[str, str] = {}
        toks = self.content_tokens(text, unknown)
        # The tokens said in so many words, before synonyms are folded.
        words = normalize.strip_fillers(normalize.clean(text)).split()
        said = set(normalize.content_tokens(" ".join(words)))
        if self.scope.subjects is not None:
            named = {cat for _, cat in self.scope.subjects.uncovered(text)}
            # It names a health subject the content never mentions ("morning
            # sickness", "piles", "the dentist"): another subject than ours. A
            # part of the body only when no word of the content's own carries
            # the question ("an ankle brace" is a device); a symptom only so
            # too when a medicine the content names is asked about (what
            # it does: "what side effects can muscle relaxants have").
            carried_too = health_subjects.CARRIED | (
                health_subjects.OF_OUR_MEDICINE if self.effect_of_medicine(text) else set())
            # A word the content itself uses, said as such, carries the
            # question though the synonyms fold it onto another token:
            # "cramp in my foot" was declined for naming the foot where
            # "spasms in my foot" was offered (the FAQ's own "frequent
            # cramps" folds onto spasm; session 43).
            if named - carried_too or (
                    named and not self.scope.carried(toks, unknown, said | self._own_words(words))):
                return False
        return self.scope.is_ours(toks, unknown, normalize.prepare(text), slack, said,
                                  own_named=own_conditions.names_own_condition(self, toks))

    @functools.cached_property
    def own_condition_tokens(self) -> frozenset[str]:
        """The content tokens of the conditions the content names itself
        ("ms", "al"; own_conditions.py); none without a scope model."""
        return own_conditions.condition_tokens(self)

    @functools.cached_property
    def cause_sentences(self) -> list[frozenset[str]]:
        """The content tokens of each sentence of the content that gives a
        cause (cause_unsaid.py)."""
        return cause_sentences(self)

    @functools.cached_property
    def own_medicines(self) -> frozenset[str]:
        """The content's own names of its medicines that WordNet and general
        English lack ("baclofen"; own_medicines.py); none without a scope
        model."""
        if self.scope is None or self.scope.subjects is None:
            return frozenset()
        return own_medicine_names(self.kb, self.scope.subjects, self._english)

    @functools.cached_property
    def medicine_words(self) -> frozenset[str]:
        """The content tokens the loaded content names its medicines by
        (own_medicines.medicine_keywords); none without a scope model."""
        if self.scope is None or self.scope.subjects is None:
            return frozenset()
        return medicine_keywords(self.kb, self.scope.subjects)

    def names_our_medicine(self, words: str) -> bool:
        """Whether ``words`` name a medicine the loaded content names
        ("baclofen", "botox", "muscle relaxants"): for whose own medicine is
        to blame (asked_not_said.blames_own_medicine)."""
        if not self.medicine_words.isdisjoint(normalize.content_tokens(words)):
            return True
        subjects = self.scope.subjects if self.scope is not None else None
        return subjects is not None and any(
            ours and cat == "medicine" for _, cat, ours in subjects.named(words))

    def effect_of_medicine(self, text: str) -> bool:
        """Whether ``text`` names a medicine the content names ("muscle
        relaxants") and a symptom it never names ("side effects",
        "drowsiness"): what the medicine does, asked about one of ours. The
        entry does not say, so it is offered, never read (``match``)."""
        subjects = self.scope.subjects if self.scope is not None else None
        if not self.require_medicine_effect or subjects is None:
            return False
        found = subjects.named(text)
        unknown: dict[str, str] = {}
        toks = self.content_tokens(text, unknown)
        # A drug's own name WordNet lacks ("baclofen", own_medicines.py;
        # session 26, branch scope28) is one of ours as "gabapentin" is.
        if not (any(ours and cat == "medicine" for _, cat, ours in found)
                or (self.own_medicine_names and not self.own_medicines.isdisjoint(toks))):
            return False
        if any(not ours and cat in health_subjects.OF_OUR_MEDICINE for _, cat, ours in found):
            return True
        # What it does said in a word the content never uses and WordNet names
        # no symptom by ("do muscle relaxants make you drowsy", "... sleepy":
        # "drowsiness" is no WordNet symptom; read Medication in full before).
        return self.unknown_effect and any(
            w not in unknown_things.NO_OBJECT and not scope.is_number(w)
            for w in unknown.values())

    def _our_medicine_asked(self, text: str, cands: list[Candidate]) -> Candidate | None:
        """The candidate to offer when ``text`` asks whether a medicine by
        the content's own name ("baclofen", own_medicines.py) harms
        (asked_not_said.asks_harm) or does what the content never names
        (``effect_of_medicine``): the best one whose keywords or answer name
        it; None otherwise."""
        if not (self.require_asked_said and self.own_medicine_names):
            return None
        named = self.own_medicines.intersection(self.content_tokens(text))
        if not named or not (asked_not_said.asks_harm(text) or self.effect_of_medicine(text)):
            return None
        for c in cands:
            if named.intersection(self._items[self._index[c.entry.id]].said):
                return c
        return None

    def _asked_not_said(self, text: str, entry: Entry) -> bool:
        """Whether ``text`` asks if a thing harms or who pays, ``entry``'s
        answer never speaks of it, and its editors did not write the line
        (asked_not_said.not_said): offered, an entry that speaks of it first,
        at the answer level and the offer level alike."""
        return (self.require_asked_said
                and asked_not_said.not_said(text, entry.answer, self.names_our_medicine)
                and not self._editors_words(text, entry))

    def _saying_first(self, text: str, cands: list[Candidate]) -> list[Candidate]:
        """``cands`` with the best one whose answer speaks of what ``text``
        asks (asked_not_said.py) moved first, if it is offered at all ("can
        too much exercise make spasms worse": The Role of Exercise, "without
        causing excessive strain", before the lifestyle FAQ)."""
        for c in cands[1:]:
            if c.score < self.confirm_threshold:
                break
            if asked_not_said.says_it(text, c.entry.answer):
                return [c, *(d for d in cands if d is not c)]
        return cands

    def said_units(self, text: str) -> list[tuple[str, str]]:
        """The question's content units as said, each with the token it folds
        to: a synonym phrase ("same thing" -> group) or a content word
        ("drinking" -> hydration), fillers and function words gone."""
        padded = f" {normalize.strip_fillers(normalize.clean(text))} "
        units: list[tuple[str, str]] = []
        for phrase, canonical in synonyms.PHRASES.items():
            if f" {phrase} " in padded:
                padded = padded.replace(f" {phrase} ", " ")
                units.extend((phrase, t) for t in normalize.content_tokens(canonical))
        for word in padded.split():
            if not normalize.is_function_word(word):
                folded = synonyms.WORDS.get(word, word)
                units.extend((word, t) for t in normalize.content_tokens(folded))
        return units

    def generic_only(self, text: str, entry: Entry) -> bool:
        """Whether the question ``text``, matched to ``entry``, is carried by
        generic English words only and names something the content does not
        explain (``scope.ScopeModel.generic_only``): "how can i run faster",
        "how do i get over a fear of flying". Not when it is no question but a
        request to the assistant ("give me the short version") or one about
        it ("what topics do you cover"), nor when it refers back to the
        condition ("does it mess with your sleep"), names one ("any facebook
        groups for people with ms") or a limb ("my legs are tight every
        morning"), or says a word of the entry's title, which says what the
        entry is for ("what is the latest research"); nor an editor's own
        phrasing of ``entry``, word for word."""
        if self.scope is None or self._editors_words(text, entry):
            return False
        words = normalize.strip_fillers(normalize.clean(text)).split()
        if not words or words[0] not in _QUESTION_OPENERS:
            return False
        if _refers_back(words) or any(w in normalize.BODY_WORDS or w in _ADDRESSEE
                                      for w in words):
            return False
        unknown: dict[str, str] = {}
        toks = self.content_tokens(text, unknown)
        title = set(normalize.tokens(entry.title))
        # A title word said as such, not a synonym folded onto it: "test"
        # is folded onto Diagnosis's "diagnosis", and "help my daughter with
        # her driving test" was offered Diagnosis (session 23).
        said = set(normalize.content_tokens(" ".join(words)))
        if any(t in self._conditions or (t in title and t in said) for t in toks):
            return False
        return self.scope.generic_only(self.said_units(text), toks, unknown)

    def synonyms_only(self, text: str, entry: Entry) -> bool:
        """Whether the question ``text`` reaches the content only through
        synonyms and names something no word model has seen
        (``scope.ScopeModel.synonyms_only``): "can i take the pill if i smoke"
        (pill -> medication), "how do i get over a fear of flying" (fear ->
        mood). Not when it refers back to the condition ("what are my choices
        for treating it"), names one or a limb, or is an editor's own
        phrasing of ``entry``."""
        if self.scope is None or self._editors_words(text, entry):
            return False
        words = normalize.strip_fillers(normalize.clean(text)).split()
        if not words or _refers_back(words) or any(w in normalize.BODY_WORDS for w in words):
            return False
        unknown: dict[str, str] = {}
        toks = self.content_tokens(text, unknown)
        if any(t in self._conditions for t in toks):
            return False
        said = set(normalize.content_tokens(normalize.strip_fillers(normalize.clean(text))))
        # A clipped word is the word itself ("physio", "meds"): its token
        # begins with what was said.
        said.update(t for s, t in self.said_units(text)
                    if " " not in s and len(c := normalize.stem(s)) >= 3 and t.startswith(c))
        return self.scope.synonyms_only(toks, said, unknown)

    def names_other_kind(self, text: str) -> bool:
        """Whether ``text`` names a kind of disorder (a word, then one of the
        "disorder" group: disorder, disease, condition, illness...) that the
        content never names, and none of the content's diseases: "what are
        mood disorders" was read Coping Strategies in full (its "mood" folds
        onto depression and feelings), "where can i find support for people
        with alcohol use disorder" Community Support; WordNet names neither
        (health_subjects.py). The kinds the content names come from the
        loaded content (``_kinds``), so a page added about one makes it ours.
        Not "this disorder", "my son's condition" (function words and
        possessives say whose, not which kind), nor "is it a genetic
        disorder" (it is ours, asked what kind)."""
        words = normalize.clean(text).split()
        if not any(w in _DISORDER_WORDS for w in words) or _refers_back(words):
            # "is it a genetic disorder", "is this a lifelong condition" ask
            # what kind ours is.
            return False
        if any(t in self._diseases for t in normalize.tokens(text)):
            return False
        # A word of the conditions' own names ("chronic" of chronic spasms:
        # "living with a chronic illness") is no other kind either.
        return any(normalize.stem(before) not in self._kinds | self._names
                   for before in _before_disorder(words))

    def asks_beyond_name(self, text: str, cleaned: str | None = None) -> bool:
        """Whether ``text`` names nothing but a condition (``CONDITION_NAMES``:
        "ms", "multiple sclerosis", "als"; or ``NAMES_TOO``: "chronic
        spasms", "a neuromuscular disorder") and asks something else about it
        than what it is: "what helps ms", "how do you get als", "what is good
        for myasthenia gravis", "my husband has chronic spasms, what do I do",
        "what can we do about ms", "my husband has ms, what now". The
        condition name says whose condition; what is asked lies in words the
        matcher does not score ("helps", "get", "good for", "do") or in words
        that name nothing the content is about ("now": not in ``subjects``),
        so the entry the name reaches (the section that lists the
        conditions) is reached by the name alone and does not answer it.
        Not "what is ms", "what does als mean", "tell me about ms", "what do
        you know about ms" or the name alone, which ask what the condition
        is; nor "why do i get spasms", whose "why" asks for causes.
        ``cleaned``: ``text`` prepared (``normalize.prepare``), when the
        caller has it already."""
        if cleaned is None:
            cleaned = normalize.prepare(text)
        unknown: dict[str, str] = {}
        toks = [t for t, _ in self._repair(cleaned.split(), unknown)]
        if not any(t in self._names for t in toks):
            return False
        # "why did i get ms": the why asks a cause of the disease, which the
        # section describing it does not give (nor does any entry: the
        # causes given are of the conditions in general).
        why_of = (self._why in toks and any(t in self._diseases for t in toks)
                  and not scope.WHY_FOR.search(cleaned))
        if any(t not in self._names and not (why_of and t == self._why)
               and not self._names_nothing(t, unknown) for t in toks):
            return False
        words = cleaned.split()
        padded = f" {cleaned} "
        if _defined_asked(cleaned) is not None or any(
                f" {asked} " in padded for asked in _WHAT_IS_IT) or any(
                w == "about" and (i == 0 or words[i - 1] not in _DO_ABOUT)
                for i, w in enumerate(words)):
            return False
        return why_of or any(normalize.is_function_word(w) for w in words)

    def _definitions_last(self, cands: list[Candidate], cleaned: str) -> list[Candidate]:
        """``cands`` with the entries that say what the question's condition
        is (``_definitions``: the section that lists the conditions, for
        "chronic spasms" or "ms") put last, when another entry scores an
        offer: a question that asks more than what it is ("my husband has
        chronic spasms, what do I do") is offered first what else the
        content has on it ("Can lifestyle changes help manage chronic
        spasms?"), not the description."""
        toks = {t for t, _ in self._repair(cleaned.split())}
        defines = [any(d <= toks and h in toks
                       for d, h in self._items[self._index[c.entry.id]].defines)
                   for c in cands]
        if not any(defines) or not any(
                not d and c.score >= self.confirm_threshold
                for c, d in zip(cands, defines, strict=True)):
            return cands
        return ([c for c, d in zip(cands, defines, strict=True) if not d]
                + [c for c, d in zip(cands, defines, strict=True) if d])

    def _names_nothing(self, tok: str, unknown: dict[str, str]) -> bool:
        """Whether the content token ``tok`` names nothing a question could be
        about beside a condition's name: a content word that is no subject
        (``subjects``), or an everyday word the content never uses ("now",
        as common as ``scope.RARITY_FREE`` allows); not a question word
        ("why" asks for causes). ``unknown``: token -> word, for the words the
        content does not know (filled by ``_repair``)."""
        if tok in self._question_tokens or tok == OFF_TOPIC_TOKEN:
            return False
        if tok in self._postings:
            return tok not in self.subjects
        word = unknown.get(tok)
        return word is not None and self.rarity(word) < scope.RARITY_FREE

    def _repaired(self, text: str, noise: set[str]) -> str:
        """``text`` with each word of ``noise`` replaced by the content word it
        sounds like (``sounds_like``), or left out when none is close."""
        words = (self.sounds_like(w) if w in noise else w
                 for w in normalize.prepare(text).split())
        return " ".join(w for w in words if w)

    def rank(self, text: str, limit: int = 5) -> list[Candidate]:
        """Entries ranked for ``text``, best first, with 0-100 scores."""
        cleaned = normalize.prepare(text)
        toks = manner_asked.without_manner(cleaned, self._repair(cleaned.split()))
        if not toks:
            return self._rank_bare(cleaned)[:limit]
        coverage = self._coverage(toks, fold_share.shares(
            self.said_units(text), self._postings, self._own_stems) if fold_share.ON else None)
        if not coverage:
            return []
        kind = self._preferred_kind(cleaned)
        # "is there any X": also the FAQ asking "is there ..." (see _ANY_THERE).
        any_there = cleaned.split()[:3] in _ANY_THERE
        asked = frozenset(_defined_asked(cleaned) or ())
        short = sorted(coverage, key=coverage.__getitem__, reverse=True)[:SHORTLIST]
        base: dict[int, float] = {}
        for idx in short:
            cov = min(coverage[idx], 1.0)
            phrase = self._phrase_similarity(cleaned, self._items[idx]) / 100.0
            # Phrase similarity can lift a covered question but never rescue
            # one whose words the entry does not explain.
            base[idx] = 100.0 * ((1 - PHRASE_SHARE) * cov + PHRASE_SHARE * phrase * cov**0.5)
        shaped = {idx for idx in short if self._items[idx].entry.kind == kind or (
            any_there and self._items[idx].phrases[0].split()[:2] in _THERE)}
        scored = []
        # Entries put first by the question's shape over a sibling on the
        # same topic, or as the entry defining what is asked: settled (by
        # entry id, unique in a knowledge base; its place is ``_index``'s).
        settled: dict[str, tuple[bool, bool]] = {}
        for idx in short:
            score = shape = base[idx]
            if idx in shaped and score >= self.confirm_threshold:
                cap = shape_topic.bonus_cap(idx, base, shaped, self._topics, CLOSE_MARGIN)
                score = shape = max(score, min(100.0, score + SHAPE_BONUS,
                                               100.0 if cap is None else cap))
            if (asked and score >= self.confirm_threshold
                    and any(asked <= d and h in asked for d, h in self._items[idx].defines)):
                score = min(100.0, score + DEFINITION_BONUS)
            settled[self._items[idx].entry.id] = (shape > base[idx], score > shape)
            scored.append(Candidate(self._items[idx].entry, round(score, 1)))
        scored.sort(key=lambda c: c.score, reverse=True)

        def bonus_decides(first: Candidate, second: Candidate) -> bool:
            shaped_i, defined_i = settled[first.entry.id]
            shaped_j, defined_j = settled[second.entry.id]
            i, j = self._index[first.entry.id], self._index[second.entry.id]
            return ((defined_i and not defined_j)
                    or (shaped_i and not shaped_j and self._topics.same(i, j))
                    # Harm, paying or a cause asked of a thing: the words
                    # that ask it ("insurance", "worse") carry the first,
                    # the thing's own line the second ("will insurance pay
                    # for my wheelchair": Community Support, then Assistive
                    # Devices); _saying_first orders such offers.
                    or asked_not_said.asks_harm(text) or asked_not_said.asks_paying(text)
                    or asked_not_said.asks_cause(text))

        # Two entries scored nearly alike: the one whose own lines the
        # question is worded like first (close_phrase.py, session 37).
        scored = close_phrase.reorder(
            scored, lambda c: self._items[self._index[c.entry.id]].phrases, cleaned,
            CLOSE_MARGIN, self.confirm_threshold, SURE_SCORE, bonus_decides)
        return scored[:limit]

    def match(self, text: str, doubtful: bool = False, heard: bool = False,
              sure: Collection[str] = ()) -> MatchResult:
        """The outcome for ``text`` (see ``_match``), then offered rather
        than read where no entry answers what is asked: the asker's own
        state judged, a choice between two, a cause of a thing no offered
        entry speaks of (offer_rather.py, session 28)."""
        result = offer_rather.decide(self, self._match(text, doubtful, heard, sure), text)
        # Declined, and asked of one relative: the same asked of oneself,
        # offered only (as_own.py, session 35).
        result = as_own.retry(result, text, lambda own: offer_rather.decide(
            self, self._match(own, doubtful, heard, sure), own), self.scope is not None)
        # Declined on its score alone, and the scope model sure it is ours:
        # matched again from a lower score, offered only (sure_ours.py,
        # session 36).
        return sure_ours.retry(self, result, text, lambda: offer_rather.decide(
            self, self._match(text, doubtful, heard, sure, floor=sure_ours.FLOOR), text))

    def _match(self, text: str, doubtful: bool = False, heard: bool = False,
               sure: Collection[str] = (), floor: float | None = None) -> MatchResult:
        """The outcome for ``text``; ``doubtful`` text (words a recognizer was
        unsure of) is never answered outright, only offered with "Did you mean".

        ``heard``: the words came from a recognizer. A word no dictionary
        knows is then taken for a mishearing, not for another subject: it is
        read as the content word it sounds like (``sounds_like``) or left
        out, and the question is only ever offered, never answered.
        Typed text keeps every word (a disease the content does not cover is
        often a word no general dictionary has), and so does heard speech for
        the words in ``sure``, those the recognizer heard surely (see
        ``misheard_words``).

        ``floor``: the score an entry needs to be offered, in place of the
        confirm threshold (sure_ours.py)."""
        query = text
        noise = self.misheard_words(text, sure) if heard else set()
        if noise:
            text, doubtful = self._repaired(text, noise), True
        misheard = bool(noise)
        # "my mother has MS, what do I do": the mother is who is asked about,
        # not a question of heredity (voice/matching/teller.py).
        told = teller.without_teller(text)
        cands = self.rank(told)
        own = self.written_for(text)
        if own is not None:
            # Word for word a line the editor or a caregiver wrote for one
            # entry: what they meant it to answer, though its words are
            # everyday ones ("what is it like living with this", "where do i
            # start": declined by the scope check, or offered with a sibling,
            # for 20 of the shipped content's 497 lines before). Doubtful
            # speech is still only offered.
            cands = [Candidate(own, 100.0), *(c for c in cands if c.entry is not own)]
            return MatchResult(query, "confirm" if doubtful else "answer", cands, misheard)
        own = self.written_for(told) if told != text else None
        if own is not None:
            # A telling and then what the editor wrote for one entry in other
            # words ("my husband was just diagnosed with als what now": the
            # Introduction's "where do i start"; teller.py): offered, the
            # words were not the editor's (declined before, branch scope24b).
            cands = [Candidate(own, 100.0), *(c for c in cands if c.entry is not own)]
            return MatchResult(query, "confirm", cands, misheard)
        medicine = self._our_medicine_asked(text, cands)
        if medicine is not None:
            # Whether one of our medicines harms ("does baclofen have side
            # effects", "is baclofen addictive"): declined before (41.5, or
            # the scope model's "addictive" outweighing "baclofen") where "what
            # are the side effects of baclofen" was offered; the entry that
            # names it is offered, never read (session 26, branch scope29).
            return MatchResult(query, "confirm",
                               [medicine, *(c for c in cands if c is not medicine)], misheard)
        thing = asked_of_thing.offer(self, text, cands)
        if thing is not None:
            # "does botox have side effects": the thing's entry offered, the
            # line declined whole before (asked_of_thing.py, session 27).
            return MatchResult(query, "confirm", thing, misheard)
        if not cands or cands[0].score < (self.confirm_threshold if floor is None else floor):
            return MatchResult(query, "no_match", cands, misheard)
        text = told
        slack = scope.DOUBTFUL_SLACK if doubtful else 0.0
        # Prepared once for the checks below that read the words as prepared.
        cleaned = normalize.prepare(text)
        if not self.is_ours(text, slack) and not (
                self.part_of_it_slack and _asks_if_part_of_it(cleaned)
                and self.is_ours(text, slack + PART_OF_IT_SLACK)):
            # Not about the content: declined without naming the nearest entry.
            return MatchResult(query, "no_match", [], misheard)
        generic_words = self.require_distinctive and self.generic_only(text, cands[0].entry)
        synonyms_only = self.require_said and self.synonyms_only(text, cands[0].entry)
        # Part of the scope decision: off without the scope check (the
        # benchmark's "without" column).
        other_kind = (self.require_kind and self.scope is not None
                      and self.names_other_kind(text))
        # What is asked about is a word the content never uses, reached only
        # through a generic word folded onto one of its words ("is it ok to
        # drink alcohol": drink -> hydration; unknown_object.py, session 25).
        unknown_thing = unknown_things.unknown_object(self, text) is not None
        # ... or the subject of a yes/no question about what it does ("does
        # alcohol make spasms worse": unknown_subject.py, session 26).
        unknown_thing = unknown_thing or (self.require_known_subject and unknown_subject(
            self, text) is not None)
        # ... or what a person is said to have ("how do i look after someone
        # with a broken leg" read the caring entry in full: what_they_have.py,
        # session 31).
        unknown_thing = unknown_thing or unknown_had(self, text) is not None
        if unknown_thing and unknown_things.DECLINE:
            return MatchResult(query, "no_match", [], misheard)
        if money_only(self, text, cands[0].entry):
            # Money, or a household account, and nothing of care named ("what
            # is my health insurance", "what's my current electric bill"):
            # money_only.py, session 28.
            return MatchResult(query, "no_match", [], misheard)
        if amount_for_anyone(self, text, cands[0].entry):
            # An amount asked for anyone of a kind ("how much water should a
            # child drink"): amount_for_anyone.py, session 29.
            return MatchResult(query, "no_match", [], misheard)
        if about_you(self, text, cands[0].entry):
            # The assistant itself asked about ("who is your manager", "how
            # is the ai doing"): about_you.py, session 29.
            return MatchResult(query, "no_match", [], misheard)
        if cause_unsaid(self, text, cands[0].entry):
            # A cause asked of a thing no sentence of the content gives a
            # cause of ("what causes depression" was offered Coping
            # Strategies): cause_unsaid.py, session 34.
            return MatchResult(query, "no_match", [], misheard)
        if done_to_unknown(self, text, cands[0].entry) is not None:
            # A common verb of the content's done to a thing it never names
            # ("how do i manage my anger" was offered Treatment Approaches):
            # done_to_unknown.py, session 36.
            return MatchResult(query, "no_match", [], misheard)
        if nothing_named(self, text, cands[0].entry) is not None:
            # No word naming a subject of the content, and a word it never
            # uses ("i feel guilty about my fathers death" was offered
            # Coping Strategies): nothing_named.py, session 37.
            return MatchResult(query, "no_match", [], misheard)
        if others_wellbeing(self, text, cands[0].entry, query) is not None:
            # A child's or a friend's sleep, mood, stress or diet, nothing of
            # the content's conditions named ("my daughter finds it difficult
            # to fall asleep" was offered Impact on Daily Life):
            # others_wellbeing.py, session 40.
            return MatchResult(query, "no_match", [], misheard)
        if wellbeing_apart(self, text, cands[0].entry) is not None:
            # Only everyday wellbeing subjects, tied as the content never ties
            # them or asked of a health matter it does not cover ("i am unable
            # to sleep at night because of stress" was offered Impact on Daily
            # Life): wellbeing_apart.py, session 41.
            return MatchResult(query, "no_match", [], misheard)
        if other_kind and other_kind_declined(self, text):
            # A kind of disorder the content never names ("what are mood
            # disorders" was offered Coping Strategies): other_kind_declined.py.
            return MatchResult(query, "no_match", [], misheard)
        generic = generic_words or synonyms_only or other_kind or unknown_thing
        # A condition named and something else asked about it ("what helps
        # ms"): the entry that describes the condition was reached by the
        # name alone. Offered, never read in full as if it answered.
        beyond_name = self.require_asked and self.asks_beyond_name(text, cleaned)
        if beyond_name:
            cands = self._definitions_last(cands, cleaned)
        if generic_words and (synonyms_only or not self.generic_step_down
                              or (self.require_who and teller.helps_relative(query))):
            # Both weak signs at once: two steps down, so an answer is declined
            # too ("how do i get over a fear of flying"). Or only generic words
            # make it ours, declined outright (trial, generic_step_down False).
            # Or a relative is helped with what generic words carry: what
            # they are helped with carries the line on its own (scope22), so
            # "how do i help my son with exam stress" is declined as "how can
            # i ..." was; one step down offered it or not by 2 points of the
            # phrase score (74.2 answers, 72.2 is close to the lifestyle FAQ;
            # session 23).
            return MatchResult(query, "no_match", [], misheard)
        top = cands[0].score
        close = len(cands) > 1 and top - cands[1].score < CLOSE_MARGIN
        # A question the entry explains completely is answered even when a
        # sibling entry (an FAQ and its article section) scores nearly as well,
        # but not when an entry of the same kind is sure too: "is neuromuscular
        # disorders" (Whisper's "is there a cure for ..." with its unsure
        # words left out) explains three FAQs alike (100, 99.9, 99.9) and
        # answering one is a guess. Tuning half: 1 of 130 right answers
        # becomes an offer ("i'd like to know about medication", 100 against
        # alternative therapies' 100; since answered again, as a line the
        # content has for Medication: written_for); held-out unchanged.
        rival = any(c.entry.kind == cands[0].entry.kind and c.score >= SURE_SCORE
                    for c in cands[1:])
        if (not doubtful and top >= self.answer_threshold
                and (not close or (top >= SURE_SCORE and not rival))
                and (not self.require_subject or self.names_subject(text)
                     or self._editors_words(text, cands[0].entry))):
            if generic or beyond_name:  # one step down: offered, not answered
                return MatchResult(query, "confirm", cands, misheard)
            if nothing_asked(self, text, cands[0].entry):
                # A place asked of a thing reached through a synonym, or no
                # question, in generic words ("where should i go for dinner",
                # "i need a life" were read in full): offered, not read
                # (nothing_asked.py, session 30).
                return MatchResult(query, "confirm", cands, misheard)
            if (self.require_amount and (scope.asks_amount_not_given(text, cands[0].entry.answer)
                                         or scope.asks_why_not_given(text, cands[0].entry.answer)
                                         or scope.asks_why_of_not_given(
                                             text, cands[0].entry.answer, self._diseases))
                    and not self._editors_words(text, cands[0].entry)):
                # An amount asked that the entry does not give ("how much
                # vitamin d should i take"): offered, not read (branch scope20);
                # a "why" it gives no cause for, the same (session 22).
                return MatchResult(query, "confirm", cands, misheard)
            if self.effect_of_medicine(text):
                # What one of our medicines does, a symptom the content never
                # names: offered, not read (session 25, branch scope27).
                return MatchResult(query, "confirm", cands, misheard)
            if self._asked_not_said(text, cands[0].entry):
                # Whether a thing harms or who pays, and the entry never
                # speaks of it ("does exercise make spasms worse" was read
                # the lifestyle FAQ's "Yes, regular exercise ... reduce"):
                # offered, an entry that speaks of it first (session 26,
                # branch scope29).
                return MatchResult(query, "confirm", self._saying_first(text, cands), misheard)
            if (self.require_who and teller.asks_who_gets(text)
                    and not self._editors_words(text, cands[0].entry)):
                # Whether children (women, older people) get it: the content
                # never says; offered, not read (branch scope22).
                return MatchResult(query, "confirm", cands, misheard)
            if (self.require_who and teller.helps_with_own(query)
                    and not self._editors_words(query, cands[0].entry)):
                # A relative helped with a thing of theirs ("help my dad with
                # his computer"): offered, not read (branch scope23).
                return MatchResult(query, "confirm", cands, misheard)
            if (self.require_who and teller.supports_untold(query)
                    and not self._editors_words(query, cands[0].entry)):
                # How to support a person, nothing told of what they have
                # ("how do i support her"): read as caring for them, the
                # caring entry is offered (it was read Community Support
                # in full; session 24, branch scope25).
                return MatchResult(query, "confirm", cands, misheard)
            if self.require_who and teller.tells_relative(query):
                # How to tell a relative ("what should i say to my daughter
                # about her dad's ms"): no entry says how; offered, not read
                # (session 26, branch scope28).
                return MatchResult(query, "confirm", cands, misheard)
            if (self.require_who and teller.only_told(query)
                    and not self._editors_words(query, cands[0].entry)):
                # Only told that someone was diagnosed ("i was diagnosed"):
                # a statement; offered, the user says what they want to know
                # (it was read Diagnosis and Medical Evaluations in full;
                # branch scope24b).
                return MatchResult(query, "confirm", cands, misheard)
            return MatchResult(query, "answer", cands)
        if generic:  # an offer made of generic words only: declined
            return MatchResult(query, "no_match", [], misheard)
        if ((self.require_asked_said and asked_not_said.asks_cause(text)
                and not asked_not_said.says_it(text, cands[0].entry.answer))
                or self._asked_not_said(text, cands[0].entry)):
            # A cause asked: an offered entry that gives one first ("what
            # causes cramps at night" offered Impact on Daily Life, which
            # says cramps disturb sleep, not why; session 27, branch scope30).
            # Harm or paying asked, as the answer level orders it above: "can
            # too much exercise make spasms worse" offers The Role of
            # Exercise first, also when shape_topic's cap has made it a
            # near tie with the lifestyle FAQ (tests/test_scope29_matching.py).
            cands = self._saying_first(text, cands)
        return MatchResult(query, "confirm", cands, misheard)
