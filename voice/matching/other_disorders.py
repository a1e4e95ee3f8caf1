"""A neuromuscular or spasm-related disorder the content does not name
("can muscular dystrophy be cured", "caring for someone with cerebral
palsy"), and the content's own conditions asked about by name ("what is
als").

Session 32 (branch named38), found by typing: a disorder the article never
names was declined as if off the subject ("Sorry, I don't have an answer
for that in what I know"), though the article's general entries on
neuromuscular disorders (the cure, hereditary, early signs FAQs, Coping
Strategies...) are written for it too. The disorders are data
(other_disorders.tsv, with where the names came from); a form is "unnamed"
only while the content does not contain it (a caregiver may add an entry
on one). ``unnamed_disorder`` finds one in a line and says the line again
with "a neuromuscular disorder" in its place, for the conversation to
match and offer (conversation/unnamed_disorder.py).

The article names multiple sclerosis, ALS and myasthenia gravis once, as
examples ("Studies indicate that disorders like ... contribute
significantly to chronic spasms") and describes none of them.
``named_only`` finds "what is als" and the like, so the answer (the entry
that names them) is read after one line saying so.

Pure: reads the line and the content's text.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path

from voice.content.model import Entry, KnowledgeBase
from voice.matching import normalize

#: Off for measuring.
ON = True
DISORDERS_FILE = Path(__file__).with_name("other_disorders.tsv")
#: Said in the disorder's place: the article's own words for what it
#: covers ("neuromuscular disorders"), singular as a disorder named is.
GENERAL = "a neuromuscular disorder"
#: Said in its place when the line tells who has it ("my mother has
#: parkinsons, how can i help her", "caring for someone with cerebral
#: palsy"): "this condition", as a telling about the content's own
#: conditions is read (teller.py). "A neuromuscular disorder" there drew
#: every FAQ whose title names the disorders: the cure FAQ was offered to
#: "my mother has parkinsons, how can i help her" (98) and "my son has ...
#: what do we do" (90), where "this condition" gives Coping Strategies (90)
#: and the Introduction's "where do i start" (session 32, main).
TOLD = "this condition"
_TOLD_BEFORE = re.compile(r"\b(?:has|have|had|got|with|from|diagnosed with|living with)\s+$")
#: The content's own conditions, named once in the article and described
#: nowhere, as asked about: the name said back <TAB> forms, as in the data
#: file. Checked in content/article.md: "multiple sclerosis, amyotrophic
#: lateral sclerosis (ALS), and myasthenia gravis" is the only sentence
#: naming them; the editors' "Also asked" and "Keywords" add "ms", "motor
#: neurone disease" and "lou gehrig".
NAMED_ONLY: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ALS", ("als", "amyotrophic lateral sclerosis", "motor neurone", "motor neuron",
             "motor neurone disease",
             "motor neuron disease", "lou gehrig's disease", "lou gehrigs disease",
             "lou gehrig's", "lou gehrig")),
    ("multiple sclerosis", ("ms", "multiple sclerosis")),
    ("myasthenia gravis", ("myasthenia gravis", "myasthenia")),
)
#: How a definition is asked ("what is als", "what's ms", "tell me about
#: myasthenia gravis", which strip_fillers leaves as "about ..."), with the
#: name in ``name``.
_WHAT_IS = (
    re.compile(r"^(?:(?:so|and|please|ok|okay)\s+)*(?:what\s+is|what's|whats|what\s+are|about|"
               r"explain|define|what\s+exactly\s+is)\s+(?:an?\s+|the\s+)?(?P<name>.+?)"
               r"(?:\s+(?:disease|exactly|please))?$"),
    re.compile(r"^what\s+(?:an?\s+|the\s+)?(?P<name>.+?)\s+is$"),
    re.compile(r"^what\s+does\s+(?P<name>.+?)\s+(?:mean|stand\s+for)$"),
)


#: What the content's own abbreviations stand for, asked ("what does ms
#: stand for" was only offered Recognizing Chronic Spasms ..., session 33,
#: typed): said first, in the article's own words (each full name is in
#: content/article.md). Not "mg": on a pill box it is milligrams.
ABBREVIATIONS = {"ms": "multiple sclerosis", "als": "amyotrophic lateral sclerosis"}
_STANDS_FOR = re.compile(r"^(?:so |and |ok |okay )?(?:what does (?:the )?(?P<a>[a-z]+) "
                         r"(?:stand for|mean)|what is (?:the )?(?P<b>[a-z]+) short for"
                         r"|what do the letters (?P<c>[a-z]+) (?:stand for|mean))$")


def stands_for(text: str) -> tuple[str, str] | None:
    """The abbreviation asked about and what it stands for ("MS", "multiple
    sclerosis"), or None."""
    if not ON:
        return None
    found = _STANDS_FOR.match(normalize.strip_fillers(normalize.clean(text)).rstrip(" ?.!"))
    if found is None:
        return None
    abbreviation = found.group("a") or found.group("b") or found.group("c")
    full = ABBREVIATIONS.get(abbreviation)
    return (abbreviation.upper(), full) if full else None


@dataclass(frozen=True)
class Disorder:
    """A disorder of the data file."""

    name: str
    """As said back to the user ("muscular dystrophy")."""
    forms: tuple[str, ...]
    """As typed or heard, cleaned ("muscular dystrophies", "duchenne")."""


@dataclass(frozen=True)
class Found:
    """A disorder the content does not name, found in a line."""

    name: str
    """The disorder, as said back."""
    general: str
    """The line said of "a neuromuscular disorder" instead."""


def load(path: Path = DISORDERS_FILE) -> tuple[Disorder, ...]:
    """The disorders of the data file (``#`` lines are comments)."""
    found: list[Disorder] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, forms = line.split("\t")
        found.append(Disorder(name, tuple(f.strip() for f in forms.split("|") if f.strip())))
    return tuple(found)


DISORDERS = load()
_lock = threading.Lock()
#: Per content: each unnamed disorder's name and its pattern.
_unnamed: dict[int, tuple[KnowledgeBase, list[tuple[str, re.Pattern[str]]]]] = {}


def _pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``forms`` as whole words, with a determiner before it and
    "disease", "syndrome" or "disorder" after it taken in."""
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?:\b(?:a|an|the)\s+)?\b(?:{alts})\b"
                      r"(?:\s+(?:disease|diseases|syndrome|disorder|disorders)\b)?")


def _content_text(kb: KnowledgeBase) -> str:
    """Everything the content says, cleaned as a line is."""
    parts = []
    for e in kb.entries:
        parts += [e.title, e.answer, *e.phrasings]
    return f" {normalize.clean(' '.join(parts))} "


def _unnamed_of(kb: KnowledgeBase) -> list[tuple[str, re.Pattern[str]]]:
    """The disorders ``kb`` names in no form, with their patterns (made
    once per content)."""
    with _lock:
        cached = _unnamed.get(id(kb))
        if cached is not None and cached[0] is kb:
            return cached[1]
        text = _content_text(kb)
        made = [(d.name, _pattern(d.forms)) for d in DISORDERS
                if not any(re.search(rf"\b{re.escape(f)}\b", text) for f in d.forms)]
        _unnamed[id(kb)] = (kb, made)
        return made


def unnamed_disorder(text: str, kb: KnowledgeBase) -> Found | None:
    """The first disorder ``text`` names that ``kb`` does not, with the
    line said of a neuromuscular disorder in general; None otherwise."""
    if not ON:
        return None
    cleaned = normalize.clean(text)
    for name, pattern in _unnamed_of(kb):
        if pattern.search(cleaned):
            def said_instead(found: re.Match[str], line: str = cleaned) -> str:
                return TOLD if _TOLD_BEFORE.search(line[:found.start()]) else GENERAL
            general = " ".join(pattern.sub(said_instead, cleaned).split())
            return Found(name, general)
    return None


def named_only(text: str, entry: Entry) -> str | None:
    """The content's condition asked to be described ("what is als"), when
    ``entry``, the answer, names it only in passing (not in its title, in
    one sentence at most); its name as said back, else None."""
    if not ON:
        return None
    # "what is mg": the condition's name written out (normalize.mg_named).
    line = normalize.strip_fillers(normalize.mg_named(normalize.clean(text)))
    asked = next((m for m in (p.match(line) for p in _WHAT_IS) if m is not None), None)
    if asked is None:
        return None
    said = asked.group("name")
    for name, forms in NAMED_ONLY:
        if said not in forms:
            continue
        if any(re.search(rf"\b{re.escape(f)}\b", normalize.clean(entry.title)) for f in forms):
            return None
        sentences = re.split(r"(?<=[.!?])\s+", entry.answer)
        naming = [s for s in sentences
                  if any(re.search(rf"\b{re.escape(f)}\b", normalize.clean(s)) for f in forms)]
        return name if len(naming) <= 1 else None
    return None
