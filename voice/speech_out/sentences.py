"""Cut an answer into speakable pieces.

Long answers are spoken piece by piece so the first piece plays while the next
is synthesised: the listener hears something quickly and ``stop()`` never has
to wait for a long synthesis. Pure text in, text out.
"""

from __future__ import annotations

import html
import re

#: Pieces longer than this many words are cut again at commas/semicolons, so the
#: first sound of a long first sentence is not delayed by its whole synthesis.
MAX_WORDS = 28

# Abbreviations whose full stop does not end a sentence (lower case, no dot).
_ABBREVIATIONS = frozenset(
    {"dr", "mr", "mrs", "ms", "prof", "st", "e.g", "i.e", "etc", "vs", "approx", "no", "fig"}
)

# Markdown that espeak-ng would otherwise read out ("asterisk", "hash").
# Also what a caregiver types beside it (session 24): espeak-ng read "<b>ring</b>"
# as "b ring slash b", "https://..." as "h t t p s colon slash slash ...",
# "~~" as "tilde tilde" and "&amp;" as "and amp" (espeak-ng -x). Speech only:
# the text shown stays as typed.
_MARKUP = [
    (re.compile(r"<(?:https?://|mailto:)([^<>\s]+)>"), r"\1"),  # <https://x.org> -> x.org
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links/images -> their text
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"<br\s*/?>", re.IGNORECASE), " "),
    (re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>"), ""),  # <b>, </a>, <span ...>
    (re.compile(r"\b(?:https?://|mailto:)(?=\S)", re.IGNORECASE), ""),  # the site's name only
    (re.compile(r"~~"), ""),
    # A list's items joined into one line by the loader ("* card * list"):
    # a pause between them, as " - " gives, not two words run together.
    (re.compile(r"(?<=\S)[ \t]+[*+][ \t]+(?=\S)"), " - "),
    (re.compile(r"`+"), ""),
    (re.compile(r"(\*\*|__|\*|(?<!\w)_(?=\w)|(?<=\w)_(?!\w))"), ""),
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]*", re.MULTILINE), ""),
    (re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", re.MULTILINE), ""),
    (re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE), ""),
]

_END = re.compile(r"([.!?]+[\"')\]]*)\s+")
_SOFT = re.compile(r"(?<=[,;:])\s+")


def clean_markup(text: str) -> str:
    """Text without the Markdown marks a speech engine would read aloud."""
    for pattern, repl in _MARKUP:
        text = pattern.sub(repl, text)
    return html.unescape(text)  # "&amp;" -> "&", "&eacute;" -> "é"


def _hard_split(block: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for m in _END.finditer(block):
        before = block[start : m.start(1)]
        last_word = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
        if m.group(1) == "." and (last_word in _ABBREVIATIONS or len(last_word) == 1):
            continue  # "Dr. Smith", "J. Smith": not the end of a sentence
        pieces.append(block[start : m.end(1)].strip())
        start = m.end()
    tail = block[start:].strip()
    if tail:
        pieces.append(tail)
    return pieces


def _soft_split(sentence: str) -> list[str]:
    if len(sentence.split()) <= MAX_WORDS:
        return [sentence]
    out: list[str] = []
    current = ""
    for part in _SOFT.split(sentence):
        candidate = f"{current} {part}".strip()
        if current and len(candidate.split()) > MAX_WORDS:
            out.append(current)
            current = part
        else:
            current = candidate
    if current:
        out.append(current)
    return out


def split_sentences(text: str) -> list[str]:
    """Speakable pieces of ``text`` in order; empty for blank text.

    Paragraphs and list items (line breaks) always end a piece, so a list is
    read as a list and not as one breathless sentence.
    """
    pieces: list[str] = []
    for block in re.split(r"\n\s*\n", clean_markup_keep_lines(text)):
        block = " ".join(block.split())
        if not block:
            continue
        for sentence in _hard_split(block):
            pieces.extend(_soft_split(sentence))
    return [p for p in pieces if any(ch.isalnum() for ch in p)]


def clean_markup_keep_lines(text: str) -> str:
    """Like :func:`clean_markup` but keeps list items on their own lines.

    List markers are needed to find item boundaries, so they are removed only
    after each item has been separated by a blank line.
    """
    text = re.sub(r"\n(?=[ \t]*(?:[-*+]|\d+[.)])[ \t])", "\n\n", text)
    text = re.sub(r"^([ \t]{0,3}#{1,6}[ \t].*)$", r"\n\1\n", text, flags=re.MULTILINE)
    return clean_markup(text)
