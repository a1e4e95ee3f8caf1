"""A thing asked about that the content never names, reached only through a
generic word the synonym table folds onto one of the content's words: "is it
ok to drink alcohol", "is it ok to drink beer", "is drinking alcohol bad for
spasms".

"drink" folds to "hydration" (synonyms.py), the lifestyle FAQ's word, and
those lines were read that FAQ in full, whose answer begins "Yes, regular
exercise, balanced nutrition, hydration ...": heard, "yes, it's OK to drink
beer". The content never mentions alcohol, beer, coffee or tea; what is
asked about is the word after the verb, and the verb only says what is done
with it. So when a word the synonym table folds onto a content token, and
which is not distinctive of the content (``scope.DISTINCTIVE_AT``: "drink"
1.6, "eat" 1.9, against "spasm" 4.8), stands as a verb and is followed, with at most a
determiner or a quantifier between, by a word the content does not know
(``Matcher.content_tokens``' unknown words: not repaired to a content word,
no number), the line asks about that word, and no entry answers it.
``Matcher.match`` then declines the line (``DECLINE``) or steps it one step
down, as it does a line carried by generic words (scope.py).

Pure: reads the matcher's tokens and the scope model's distinctiveness.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from voice.matching import normalize, scope, synonyms

if TYPE_CHECKING:
    from voice.matching.matcher import Matcher

#: Grammar words that may stand between the verb and what it acts on:
#: "drink a beer", "drink too much alcohol", "eat lots of sugar" (a closed
#: class, like the stop words; not "with", "is", "every": "my legs are
#: tight every morning", "the test with the needles" (dev.tsv, in scope)
#: fold "tight" and "test" onto content words, and the word after them is
#: no object of theirs).
BEFORE_OBJECT = frozenset("a an the some any more much many less few little lot lots of too"
                          .split())

#: Words after which a word is a verb ("to drink", "can i drink", "should
#: we eat"): "to", subject pronouns, modals and auxiliaries (a closed class).
#: A folded word elsewhere is a noun or an adjective whose next word is no
#: object of it: "my son reckons ...", "my father refuses to ...", "i feel
#: sad constantly", "cramps at night naturally" (probes written in the
#: style of inscope17's relatives; a first version reached them, and one
#: inscope17 held-out line was lost, counts only).
_BEFORE_VERB = frozenset(
    "to i you we they he she can could should would will may might must do does did not "
    "dont don't cant can't never always also still".split())

#: Pronouns standing for a thing named elsewhere, which the content's
#: tokens do not drop ("ours" in "what online forums are there for
#: families like ours", inscope17-tuning: "families" folds onto family, and
#: the line was declined): they say whose, not what is asked about.
_PRONOUNS = frozenset("mine yours his hers ours theirs myself yourself himself herself "
                      "ourselves yourselves themselves itself everyone everybody everything "
                      "anyone anybody anything someone somebody something enough".split())
#: Units of time, a measure and no object: "how much should i drink a day"
#: (a probe; declined before by another check, it stays so).
_TIME_UNITS = frozenset("day days week weeks month months year years hour hours minute minutes "
                        "night nights morning mornings evening evenings time times".split())

#: Unknown words that name no thing asked about (branch scope28 reads them
#: too: unknown_subject.py, ``Matcher.effect_of_medicine``).
NO_OBJECT = _PRONOUNS | _TIME_UNITS

#: What such a line gets: True declines it, False steps it one step down
#: (an answer is offered, an offer declined). On the tuning halves
#: (scripts/tune_scope18.py --dump, 4,805 lines) both leave every line as it
#: was: the rule reaches 35 lines, none in scope, each declined before by
#: another check. On the lead's lines they differ: one step down still
#: offered the lifestyle FAQ for 7 of 8 ("is it ok to drink beer" -> "Did
#: you mean: Can lifestyle changes help ...?", whose yes reads "Yes, regular
#: exercise ..."). The word carrying the line is both generic and reached
#: through a synonym, the two signs that decline outright together
#: (scope.SYNONYMS_ONLY_STEP_DOWN); so declined. docs/out-of-scope.md,
#: "Session 25 (branch drink27)".
DECLINE = True


def _generic_fold(word: str, model: scope.ScopeModel) -> bool:
    """Whether ``word`` is one the synonym table folds onto a content token
    that it does not make distinctive of the content ("drink" ->
    hydration), so that it carries no match of its own."""
    folded = synonyms.WORDS.get(word)
    if folded is None:
        return False
    for tok in normalize.content_tokens(folded):
        d = model.distinctiveness(tok, word)
        if d is not None and d < scope.DISTINCTIVE_AT:
            return True
    return False


def as_verb(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` stands where a verb does: after "to", a subject
    pronoun, a modal or an auxiliary, or as an "-ing" form ("is drinking
    alcohol bad for spasms")."""
    return words[i].endswith("ing") or (i > 0 and words[i - 1] in _BEFORE_VERB)


def unknown_object(matcher: Matcher, text: str) -> str | None:
    """The word ``text`` asks about when it is one the content never uses,
    put after a generic word folded onto a content word ("alcohol" in "is
    it ok to drink alcohol"); None otherwise, and always without a scope
    model."""
    model = matcher.scope
    if model is None:
        return None
    unknown: dict[str, str] = {}
    matcher.content_tokens(text, unknown)
    strange = {w for w in unknown.values()
               if not scope.is_number(w) and w not in NO_OBJECT}
    if not strange:
        return None
    words = normalize.strip_fillers(normalize.clean(text)).split()
    for i, word in enumerate(words):
        if not as_verb(words, i) or not _generic_fold(word, model):
            continue
        j = i + 1
        while j < len(words) and words[j] in BEFORE_OBJECT:
            j += 1
        if (j < len(words) and words[j] in strange and not words[j].endswith("ly")
                and not modifies_ours(matcher, words, j, strange)):
            return words[j]
    return None


def modifies_ours(matcher: Matcher, words: list[str], j: int, strange: set[str]) -> bool:
    """Whether the unknown words from ``words[j]`` on only describe a word
    the content uses, which follows them: "afford private physio" is about
    physio (inscope17-tuning: "we cannot afford private physio, is it still
    worth doing stretches ourselves"; the rule reached it, already declined),
    "eat cheap pakistani food" about food."""
    k = j
    while k < len(words) and words[k] in strange:
        k += 1
    return (k < len(words) and not normalize.is_function_word(words[k])
            and matcher.is_content_word(words[k]))
