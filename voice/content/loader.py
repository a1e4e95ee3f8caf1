"""Reads content Markdown files into a KnowledgeBase.

The format is documented in content/README.md. Errors name the file and line,
so a clinic or caregiver editing a file can find the mistake without code.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from voice.content.model import Entry, EntryKind, KnowledgeBase
from voice.errors import ContentInvalid
from voice.text_files import NotUtf8, read_text

_HEADING = re.compile(r"^(#{1,3})(?:\s+(.*?))?\s*#*\s*$")
_META = re.compile(r"^(id|keywords|also asked)\s*:\s*(.*)$", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
#: A line opening with a word or two and a colon ("Also askd:", "Keywrods:")
#: checked against the field names, so a misspelt field is not read aloud
#: as part of the answer ("Also askd: - where do I find you" was, found
#: using `voice text --content`).
_LABEL = re.compile(r"^([A-Za-z][A-Za-z -]{0,15}?)\s*:")
_FIELDS = {"keywords": "Keywords:", "also asked": "Also asked:"}
#: How alike a label must be to a field name to be taken for it misspelt:
#: "also ask" 0.89, "key words" 0.94, "keywrods" 0.88 are caught; answer
#: text such as "Also see:" (0.78) and "Also called:" (0.76) is not.
FIELD_LIKENESS = 0.8
_FAQ_GROUPS = {"faq", "faqs", "questions", "frequently asked questions"}


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass
class _Draft:
    title: str
    kind: EntryKind
    parent: str | None
    where: str
    line: int
    entry_id: str = ""
    paragraphs: list[list[str]] = field(default_factory=lambda: [[]])
    phrasings: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)

    def build(self) -> Entry:
        answer = "\n\n".join(" ".join(p) for p in self.paragraphs if p)
        if not answer:
            raise ContentInvalid(
                f"{self.where}:{self.line}: the entry '{self.title}' has no answer text. "
                "Write the answer under its heading."
            )
        return Entry(
            id=self.entry_id or slugify(self.title),
            kind=self.kind,
            title=self.title,
            answer=answer,
            phrasings=tuple(self.phrasings),
            keywords=tuple(self.keywords),
            parent=self.parent,
            source=f"{self.where}:{self.line}",
        )


def parse_markdown(text: str, where: str) -> list[Entry]:
    """Entries of one file's text; ``where`` names the file in messages."""
    # Comments may span lines; blank them out but keep line numbers right.
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    entries: list[Entry] = []
    kind: EntryKind = "section"
    parent: str | None = None
    draft: _Draft | None = None
    in_also_asked = False

    def close() -> None:
        if draft is not None:
            entries.append(draft.build())

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        heading = _HEADING.match(line)
        if heading:
            level, title = len(heading.group(1)), (heading.group(2) or "").strip()
            if not title:
                raise ContentInvalid(f"{where}:{number}: a heading has no title.")
            close()
            draft, in_also_asked = None, False
            if level == 1:
                kind = "faq" if title.lower() in _FAQ_GROUPS else "section"
                parent = None
                continue
            if level == 2:
                parent_of_this = None
                parent = title
            else:
                if parent is None:
                    raise ContentInvalid(
                        f"{where}:{number}: '### {title}' is a subsection but no '## ' "
                        "section comes before it."
                    )
                parent_of_this = parent
            draft = _Draft(title, kind, parent_of_this, where, number)
            continue
        if not line:
            in_also_asked = False
            if draft is not None and draft.paragraphs[-1]:
                draft.paragraphs.append([])
            continue
        if draft is None:
            raise ContentInvalid(
                f"{where}:{number}: text outside an entry. Start each entry with "
                "'## Title' (or '## Question?' under '# FAQ')."
            )
        meta = _META.match(line)
        if meta:
            key, value = meta.group(1).lower(), meta.group(2).strip()
            if key == "id":
                if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", value):
                    raise ContentInvalid(
                        f"{where}:{number}: an id is lower-case letters, digits and dashes."
                    )
                draft.entry_id = value
            elif key == "keywords":
                draft.keywords.extend(k.strip() for k in value.split(",") if k.strip())
            else:
                in_also_asked = True
                if value:
                    draft.phrasings.append(value)
            continue
        label = _LABEL.match(line)
        near = (difflib.get_close_matches(label.group(1).lower(), _FIELDS, n=1,
                                          cutoff=FIELD_LIKENESS) if label else [])
        if label and near:
            raise ContentInvalid(
                f"{where}:{number}: '{label.group(1)}:' is not a field "
                f"I know; did you mean '{_FIELDS[near[0]]}'? Otherwise it would be read "
                "aloud as part of the answer."
            )
        if in_also_asked:
            if not line.startswith(("-", "*")):
                raise ContentInvalid(
                    f"{where}:{number}: under 'Also asked:' each way of asking goes on its "
                    "own line starting with '- '. Leave a blank line before the answer."
                )
            phrase = line.lstrip("-* ").strip()
            if phrase:
                draft.phrasings.append(phrase)
            continue
        draft.paragraphs[-1].append(line)
    close()
    return entries


def _files_of(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(p for p in path.glob("*.md") if p.name.lower() != "readme.md")
        if not files:
            raise ContentInvalid(f"{path}: no content files (*.md) in this folder.")
        return files
    if path.is_file():
        return [path]
    raise ContentInvalid(f"{path}: content folder or file not found.")


def load_knowledge(paths: Sequence[str | Path], forgiving: bool = False,
                   earlier: KnowledgeBase | None = None) -> KnowledgeBase:
    """Load and merge every content file under ``paths`` (folders or files).

    ``forgiving`` (the assistant itself, which must keep answering for
    someone who cannot fix a file): a file with a mistake, or a folder not
    found, is left out and its problem kept in ``KnowledgeBase.problems``
    instead of raising ContentInvalid; only having no entries at all raises.

    ``earlier`` (content read again while the assistant runs, with
    ``forgiving``): a file that now has a mistake keeps the entries it had
    in ``earlier``, so a half-finished edit never takes its answers away;
    its problem is still listed, with ``KEPT_EARLIER`` added.
    """
    if not paths:
        raise ContentInvalid("No content folder given.")
    read: list[tuple[Path, list[Entry]]] = []
    left_out: list[str] = []
    problems: list[str] = []
    for path in paths:
        try:
            found = _files_of(Path(path))
        except ContentInvalid as e:
            if not forgiving:
                raise
            problems.append(e.message)
            continue
        for file in found:
            try:
                read.append((file, _entries_of(file)))
            except ContentInvalid as e:
                if not forgiving:
                    raise
                before = _entries_from(earlier, file)
                if before:
                    read.append((file, before))
                    problems.append(f"{e.message} {KEPT_EARLIER}")
                else:
                    left_out.append(str(file))
                    problems.append(e.message)
    # A title or id used twice: the shipped files (``SHIPPED_FILES``) are
    # kept whatever their modification times; of the others, the file
    # changed most recently is the one left out, not the later one by name.
    # A clinic's new "a-clinic.md" repeating a title of the shipped "faq.md"
    # used to leave out faq.md, every shipped answer, for one new entry; on
    # a fresh clone every file has the checkout's time, so times alone could
    # not tell which file was added. The message says what to change.
    kept: set[int] = set()
    seen_titles: dict[str, Entry] = {}
    seen_ids: dict[str, Entry] = {}
    for i in sorted(range(len(read)), key=lambda i: (
            not is_shipped(read[i][0]), _changed_at(read[i][0]), i)):
        file, new = read[i]
        try:
            _check_unique(new, seen_titles, seen_ids, forgiving,
                          shipped=is_shipped(file))
        except ContentInvalid as e:
            if not forgiving:
                raise
            before = _entries_from(earlier, file)
            if before and before != new and _unique(before, seen_titles, seen_ids):
                read[i] = (file, before)
                new = before
                problems.append(f"{e.message} {KEPT_EARLIER}")
            else:
                left_out.append(str(file))
                problems.append(e.message)
                continue
        kept.add(i)
        for entry in new:
            seen_titles[entry.title.casefold()] = seen_ids[entry.id] = entry
    files = [str(read[i][0]) for i in sorted(kept)]
    entries = [entry for i in sorted(kept) for entry in read[i][1]]
    if not entries:
        if problems:
            raise ContentInvalid("\n".join(problems))
        raise ContentInvalid(f"{', '.join(files)}: no entries found.")
    return KnowledgeBase(tuple(entries), tuple(files), tuple(left_out), tuple(problems))


#: The content files shipped with the assistant (content/): every shipped
#: answer is in them, so they are kept when another file repeats one of
#: their titles or ids, whatever the files' modification times.
SHIPPED_FILES = frozenset({"article.md", "faq.md"})

#: Added to the problem of a file read again with a mistake (``earlier``).
KEPT_EARLIER = "Its answers from before the change are used until it is fixed."


def is_shipped(file: Path) -> bool:
    """Whether ``file`` is one of the shipped content files (by name: a clinic
    may keep a copy of the content folder elsewhere, ``[content] dirs``)."""
    return file.name.lower() in SHIPPED_FILES


def _entries_from(earlier: KnowledgeBase | None, file: Path) -> list[Entry]:
    """The entries ``earlier`` had from ``file``."""
    if earlier is None:
        return []
    name = str(file)
    return [e for e in earlier.entries if e.source.rpartition(":")[0] == name]


def _unique(entries: list[Entry], seen_titles: dict[str, Entry],
            seen_ids: dict[str, Entry]) -> bool:
    try:
        _check_unique(entries, seen_titles, seen_ids, forgiving=False)
    except ContentInvalid:
        return False
    return True


def _changed_at(file: Path) -> int:
    try:
        return file.stat().st_mtime_ns
    except OSError:
        return 0


def _entries_of(file: Path) -> list[Entry]:
    """The entries of one file; ContentInvalid for the first mistake."""
    try:
        text = read_text(file)
    except NotUtf8 as e:
        raise ContentInvalid(f"{file}:{e.line}: not UTF-8 text ({e.where()}). Save the file "
                             "as UTF-8 (in Notepad: Save as, Encoding: UTF-8).") from e
    except OSError as e:
        raise ContentInvalid(f"{file}: cannot read the file ({e.strerror}).") from e
    return parse_markdown(text, str(file))


def _check_unique(entries: list[Entry], seen_titles: dict[str, Entry],
                  seen_ids: dict[str, Entry], forgiving: bool, shipped: bool = False) -> None:
    """ContentInvalid for the first entry whose title or id is already used
    (by the files kept so far, ``seen_*``, or earlier in its own file);
    ``shipped``: the entries' file is a shipped one (see ``SHIPPED_FILES``)."""
    titles, ids = dict(seen_titles), dict(seen_ids)
    for entry in entries:
        key = entry.title.casefold()
        first = titles.get(key) or ids.get(entry.id)
        if first is not None:
            what = (f"the title '{entry.title}'" if key in titles
                    else f"the id '{entry.id}'")
            fix = ("Give this entry another title" if key in titles
                   else "Give this entry its own 'Id:'")
            same_file = first.source.rsplit(":", 1)[0] == entry.source.rsplit(":", 1)[0]
            first_file = Path(first.source.rsplit(":", 1)[0])
            why = ("" if not forgiving or same_file else
                   " Both are shipped files; this one is left out until then."
                   if shipped else
                   " The other is a shipped file, so it is kept; this one is left out "
                   "until then." if is_shipped(first_file) else
                   " This file was changed more recently, so it is the one left out "
                   "until then; the other is kept.")
            raise ContentInvalid(f"{entry.source}: {what} is already used at {first.source}. "
                                 f"{fix}.{why}")
        titles[key] = ids[entry.id] = entry
