"""What the conversation is about, for a follow-up that points back at it.

"what causes spasms", answered, then "what helps it": the user means "what
helps spasms", but "what helps it" alone names nothing and was told "Sorry,
I don't have an answer for that". The thing a question names (a condition,
a symptom, a medicine or a treatment: "spasms", "MS", "baclofen") is kept as
the subject of the conversation (``subject_of``), and a later question whose
pointer ("it", "them", "its"; "they" for a plural thing) stands for it is also
read with the subject in the pointer's place (``with_subject``). The
conversation decides what to do with the two readings: the line as said
keeps an answer it has; the reading with the subject is only offered unless
both readings agree (follow_ups.about_subject).

A thing is a name of a condition, symptom, medicine or treatment in Princeton
WordNet (voice/matching/health_subjects.tsv, written by others), or a word
of the content's subjects rare in general English ("baclofen", "botox",
"acupuncture"), but not a word that says what is asked about a thing
(``_ASKED``: "causes", "cure", "hereditary"), nor one of the general words
for any condition or treatment ("symptoms", "disorder", "therapy").
"""

from __future__ import annotations

from voice.conversation.unfinished import _COPULA, _NEEDS_VERB, _QUESTION
from voice.matching import normalize, scope
from voice.matching.health_subjects import load_terms
from voice.matching.matcher import Matcher
from voice.matching.normalize import FILLER_WORDS, clean

#: A follow-up that finds nothing as said is offered what it finds with the
#: subject in its pointer's place. scripts/tune_follow_ups.py (branch
#: follow15): tuning half, right entry answered or offered 5 -> 10 of 14
#: follow-ups, answered wrong 1 -> 1 (the same, a rule before this one), 4 of
#: 4 unrelated lines still declined; held-out half (once, counts): right
#: 12 -> 17 of 25, answered wrong 1 -> 1, declined 5 -> 5 of 5; spoken
#: (--spoken, the tuning half in 13 voices, AVX2 path): right 62 -> 111 of
#: 234 clips, answered wrong 8 -> 8; every typed line of tests/data (9,362)
#: said after "what causes spasms", "what is baclofen", "what is ms": no
#: tuning line changes, 2 / 1 / 1 held-out out-of-scope lines declined ->
#: offered (counts only), none answered. False: read alone, as before.
FOLLOW_UPS = True
#: The WordNet categories whose names are things a follow-up points back at.
_THINGS = frozenset({"condition", "symptom", "medicine", "treatment"})
#: General words for any condition, symptom or treatment: they name what is
#: asked ("what are the symptoms of MS"), not which thing.
_GENERAL = frozenset(
    "symptom symptoms sign signs disorder disorders disease diseases condition conditions "
    "illness illnesses problem problems therapy therapies treatment treatments "
    "medicine medicines remedy remedies".split())
#: Words that say what is asked about a thing (its causes, its cure, whether
#: it is hereditary...): never the thing itself, however rare in English.
_ASKED = frozenset(
    "cause causes caused causing trigger triggers risk risks factor factors cure cures cured "
    "curable hereditary genetic inherited diagnosis diagnosed diagnose test tests outlook "
    "prognosis impact effect effects side early recent research breakthrough breakthroughs "
    "advancement advancements innovation innovations role management manage managed "
    "approach approaches option options support awareness cope coping help helps daily "
    "life living recognizing recognising introduction conclusion technological".split())
#: The pointers that may stand for the subject; "its" for its possessive.
#: Not "they", mostly the doctors ("how do they treat it"); not "this" and
#: "that", as often the thing at hand ("who's playing this", of
#: foreign-tuning.tsv's requests, offered Medication after "what is
#: baclofen" when they were taken; "what is this" asked of the assistant);
#: nor "these", "those", which come with their noun.
_POINTERS = frozenset("it them its".split())
#: "they" stands for the subject only when the subject is a plural thing
#: ("what causes spasms", then "are they painful": declined before, session
#: 37) and "they" is asked of directly, right after the opening word ("are
#: they", "do they", "will they"), with no other pointer in the line ("how
#: do they treat it": the doctors). scripts/tune_follow_ups.py --typed:
#: see docs/loose-ends.md, "Session 37 (main)".
_PLURAL_POINTER = "they"
#: Words a question opens with: only a question's pointer is read as the
#: subject ("I'll use it again" said in the room is not asked of it).
_OPENERS = _QUESTION | _NEEDS_VERB | _COPULA
#: A line with one of these is not a follow-up asking about the subject:
#: addressed to the assistant ("can you check that", "will you say that
#: again") or a negation ("don't do that again").
_NOT_ASKED = frozenset("you your not".split())


def _words(text: str) -> list[str]:
    return [w for w in clean(text).split() if w not in FILLER_WORDS]


def _singulars(word: str) -> tuple[str, ...]:
    if word.endswith("ies") and len(word) > 4:
        return (word, word[:-3] + "y")
    if word.endswith("es") and len(word) > 3:
        return (word, word[:-1], word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return (word, word[:-1])
    return (word,)


def _named(words: list[str], i: int) -> int:
    """How many words from ``words[i]`` name a thing (0 if none): the longest
    WordNet name of a thing there, else 1 for a rare word of the content."""
    terms = load_terms()
    for n in range(min(4, len(words) - i), 0, -1):
        head = tuple(words[i:i + n - 1])
        for last in _singulars(words[i + n - 1]):
            hit = terms.names.get((*head, last))
            if (hit is not None and terms.categories[hit[0]] in _THINGS
                    and " ".join(words[i:i + n]) not in _GENERAL):
                return n
    return 0


def subject_of(text: str, matcher: Matcher) -> str:
    """The first thing ``text`` names, as said ("what causes spasms in MS"
    -> "spasms"); "" when it names none ("what are the early signs")."""
    words = _words(text)
    for i, w in enumerate(words):
        if w in _GENERAL or w in _ASKED or w in _POINTERS or normalize.is_function_word(w):
            continue
        n = _named(words, i)
        if n:
            return " ".join(words[i:i + n])
        toks = matcher.content_tokens(w)
        if (len(toks) == 1 and toks[0] in matcher.subjects
                and matcher.rarity(w) >= scope.RARITY_FREE
                and not set(toks) & {normalize.stem(a) for a in _ASKED}):
            return w
    return ""


def _points_back(words: list[str], i: int) -> bool:
    """Whether ``words[i]``, a pointer, points back: not the "it" of "is it
    safe to exercise", "it is best to ...", "what day it is", which stands
    for what follows."""
    after = words[i + 1:i + 4]
    return words[i] != "it" or not (
        (i > 0 and words[i - 1] in _COPULA and after[1:2] == ["to"])
        or (after[:1] == ["is"] and (after[2:3] == ["to"] or len(after) == 1)))


def _plural(subject: str) -> bool:
    """Whether ``subject`` is a thing named in the plural ("spasms",
    "muscle relaxants"; not "ms", "als", "multiple sclerosis")."""
    words = subject.split()
    last = words[-1] if words else ""
    if len(last) <= 3 or not last.endswith("s") or last.endswith("ss"):
        return False
    names = load_terms().names
    return any(names.get((*words[:-1], one)) is not None for one in _singulars(last)[1:])


def _they_points_back(words: list[str], subject: str) -> bool:
    """Whether the "they" of ``words`` ("are they painful") stands for
    ``subject``: right after the opening word, no other pointer, and the
    subject plural."""
    return (len(words) > 2 and words[1] == _PLURAL_POINTER and words[0] in _OPENERS
            and not set(words) & _POINTERS and _plural(subject))


def with_subject(text: str, subject: str) -> str | None:
    """``text`` with its first pointer replaced by ``subject`` ("what helps
    it" + "spasms" -> "what helps spasms"); None when it is no question, has
    no pointer that points back, or FOLLOW_UPS is off."""
    if not FOLLOW_UPS or not subject:
        return None
    words = clean(text).split()  # fillers kept: "is it ok to ..."
    if not words or words[0] not in _OPENERS or set(words) & _NOT_ASKED:
        return None
    for i, w in enumerate(words):
        if w in _POINTERS and _points_back(words, i):
            return " ".join([*words[:i], *subject.split(), *words[i + 1:]])
    if _they_points_back(words, subject):
        return " ".join([words[0], *subject.split(), *words[2:]])
    return None


def asks_of_it(text: str, matcher: Matcher) -> bool:
    """Whether every word of ``text`` that is no function word is one the
    content uses: a follow-up asks something of the subject ("what helps
    it", "is it safe"), not of another thing ("what genre is this", "is it
    ok to give honey to a baby")."""
    return all(matcher.is_content_word(w) for w in clean(text).split()
               if w not in _POINTERS and not normalize.is_function_word(w))
