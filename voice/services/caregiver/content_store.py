"""Editing one content entry in its Markdown file.

An entry is the lines from its heading to the next heading; an edit replaces
just those lines, so the rest of the file (other entries, comments) stays as
it was. The new file is checked by the same loader the assistant uses at
start-up, merged with every other content file, before it replaces the old
one: written to a temporary file, then renamed over it (never half-written),
after a copy of the old one is put in the folder's ``.backups``.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from voice.content.loader import _COMMENT, _HEADING, load_knowledge, slugify
from voice.content.model import Entry, KnowledgeBase
from voice.errors import ContentInvalid
from voice.text_files import read_text

#: Backups kept per content folder; the oldest go first.
KEEP_BACKUPS = 20

_META_START = re.compile(r"^(id|keywords|also asked)\s*:", re.IGNORECASE)
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")

#: One save at a time: the page serves several requests at once.
_saving = threading.Lock()


@dataclass
class EntryForm:
    """An entry as the page edits it."""

    title: str = ""
    answer: str = ""
    phrasings: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    entry_id: str = ""
    file: str = ""
    version: str = ""
    """Digest of the file when the form was shown: a file changed since is not overwritten."""

    @classmethod
    def of(cls, entry: Entry) -> EntryForm:
        file, _ = split_source(entry.source)
        return cls(title=entry.title, answer=entry.answer, phrasings=list(entry.phrasings),
                   keywords=list(entry.keywords),
                   entry_id=entry.id if entry.id != slugify(entry.title) else "",
                   file=file, version=file_version(Path(file)))

    @classmethod
    def from_form(cls, form: dict[str, str]) -> EntryForm:
        def lines(text: str) -> list[str]:
            return [ln.strip().lstrip("-*").strip() for ln in text.splitlines() if ln.strip()]

        return cls(
            title=" ".join(form.get("title", "").split()),
            answer=form.get("answer", "").replace("\r\n", "\n").strip(),
            phrasings=[p for p in lines(form.get("phrasings", "")) if p],
            keywords=[k.strip() for k in form.get("keywords", "").split(",") if k.strip()],
            entry_id=form.get("entry_id", "").strip(),
            file=form.get("file", ""),
            version=form.get("version", ""),
        )


def split_source(source: str) -> tuple[str, int]:
    file, _, line = source.rpartition(":")
    return file, int(line)


def file_version(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except OSError:
        return ""


def check_fields(form: EntryForm) -> dict[str, str]:
    """Mistakes the Markdown could not even hold, by field."""
    errors: dict[str, str] = {}
    if not form.title:
        errors["title"] = "The title (or question) is needed."
    elif form.title.startswith("#") or "<!--" in form.title:
        errors["title"] = "The title may not start with '#' or contain '<!--'."
    if not form.answer:
        errors["answer"] = "The answer text is needed: it is what is read aloud."
    else:
        for line in form.answer.splitlines():
            if line.strip().startswith("#") or _META_START.match(line.strip()):
                errors["answer"] = (f"A line of the answer may not start with '#', 'Id:', "
                                    f"'Keywords:' or 'Also asked:' (the line "
                                    f"'{line.strip()[:40]}').")
                break
        if "<!--" in form.answer:
            errors["answer"] = "The answer may not contain '<!--'."
    for p in form.phrasings:
        if p.startswith("#") or "<!--" in p:
            errors["phrasings"] = f"A way of asking may not start with '#' or contain '<!--' ({p})."
    if any("," in k for k in form.keywords) or any("<!--" in k for k in form.keywords):
        errors["keywords"] = "Keywords are separated by commas."
    if form.entry_id and not _ID.fullmatch(form.entry_id):
        errors["entry_id"] = "An id is lower-case letters, digits and dashes."
    return errors


def render_entry(form: EntryForm, level: int = 2) -> list[str]:
    """The entry's Markdown lines, in the format of content/README.md."""
    lines = [f"{'#' * level} {form.title}", ""]
    paragraphs = [" ".join(ln.strip() for ln in p.splitlines() if ln.strip())
                  for p in re.split(r"\n\s*\n", form.answer)]
    for p in paragraphs:
        if p:
            lines += [p, ""]
    if form.phrasings:
        lines += ["Also asked:", *(f"- {p}" for p in form.phrasings), ""]
    if form.keywords:
        lines += [f"Keywords: {', '.join(form.keywords)}", ""]
    if form.entry_id and form.entry_id != slugify(form.title):
        lines += [f"Id: {form.entry_id}", ""]
    return lines


def _block(lines: list[str], start: int) -> tuple[int, int]:
    """Index range [start, end) of the entry whose heading is line ``start`` (0-based)."""
    blanked = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), "\n".join(lines))
    plain = blanked.split("\n")
    end = start + 1
    while end < len(plain) and not _HEADING.match(plain[end].strip()):
        end += 1
    return start, end


def _comments(lines: list[str]) -> list[str]:
    """Editors' comments inside an entry, kept when the entry is rewritten."""
    return [m.group(0) for m in _COMMENT.finditer("\n".join(lines))]


def new_text(form: EntryForm, original: Entry | None) -> str:
    """The file's whole text with the entry replaced (or added at the end)."""
    path = Path(form.file)
    text = read_text(path)  # as the loader reads it: a byte-order mark dropped
    lines = text.split("\n")
    if original is None:
        while lines and not lines[-1].strip():
            lines.pop()
        return "\n".join([*lines, "", *render_entry(form)]).rstrip("\n") + "\n"
    _, line = split_source(original.source)
    start, end = _block(lines, line - 1)
    level = 3 if original.parent is not None else 2
    block = render_entry(form, level)
    kept = _comments(lines[start:end])
    if kept:
        block += [*kept, ""]
    return "\n".join([*lines[:start], *block, *lines[end:]]).rstrip("\n") + "\n"


def _field_of(message: str) -> str:
    if "title" in message:
        return "title"
    if "the id" in message or "an id" in message.lower():
        return "entry_id"
    if "answer text" in message:
        return "answer"
    if "Also asked" in message:
        return "phrasings"
    return "form"


def save_entry(kb: KnowledgeBase, form: EntryForm, original: Entry | None) -> dict[str, str]:
    """Save ``form``; {} when saved, else errors by field and nothing changed."""
    errors = check_fields(form)
    if form.file not in kb.files:
        errors["file"] = "Choose one of the content files."
    if errors:
        return errors
    path = Path(form.file)
    with _saving:
        if original is not None and form.version != file_version(path):
            return {"form": "The file was changed by someone else since this page was opened. "
                            "Nothing was saved: open the entry again and redo the change."}
        try:
            return _check_and_replace(kb, path, new_text(form, original))
        except (OSError, UnicodeError) as e:
            return {"form": f"{path}: could not be saved ({e}). Nothing was changed."}


def _check_and_replace(kb: KnowledgeBase, path: Path, text: str) -> dict[str, str]:
    # The temporary file is in the same folder (so the rename is atomic) and
    # does not end in .md (so nothing reads it as content meanwhile).
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        shutil.copymode(path, tmp)
        files = [str(tmp) if f == str(path) else f for f in kb.files]
        try:
            load_knowledge(files)
        except ContentInvalid as e:
            message = e.message.replace(str(tmp), str(path))
            return {_field_of(message): message}
        backup(path)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return {}


def backup(path: Path) -> Path:
    folder = path.parent / ".backups"
    folder.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-{stamp}-{time.time_ns() % 1_000_000:06d}{path.suffix}.bak"
    shutil.copy2(path, target)
    old = sorted(folder.glob(f"{path.stem}-*{path.suffix}.bak"))
    for stale in old[:-KEEP_BACKUPS]:
        stale.unlink(missing_ok=True)
    return target


def add_phrasing(kb: KnowledgeBase, entry: Entry, phrasing: str) -> dict[str, str]:
    """Add one way of asking to ``entry`` (nothing when it is already there)."""
    phrasing = " ".join(phrasing.split())
    if not phrasing:
        return {"form": "The question is empty."}
    form = EntryForm.of(entry)
    if phrasing.casefold() in (p.casefold() for p in form.phrasings):
        return {}
    form.phrasings.append(phrasing)
    return save_entry(kb, form, entry)
