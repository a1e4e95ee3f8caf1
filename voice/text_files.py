"""The text files people edit by hand (settings, content), read as they are
saved on the machines they are edited on.

Windows Notepad (before 2019) and PowerShell 5 save "UTF-8" with a
byte-order mark before the text: TOML does not allow one and Markdown
headings did not match, so a file that looked right was refused at line 1
("clinic.md:1: text outside an entry" above "# FAQ"). An editor set to
Windows-1252 saves "Renée" as one byte that is not UTF-8; the message named
the byte's offset, which no editor shows, and not its line.
"""

from __future__ import annotations

from pathlib import Path

#: How much of the line before a byte that is not UTF-8 is quoted.
SHOWN_BEFORE = 30


class NotUtf8(ValueError):
    """A file that is not UTF-8 text, with where it stops being so."""

    def __init__(self, line: int, before: str) -> None:
        super().__init__(f"line {line}")
        self.line = line
        """The line (from 1) of the first byte that is not UTF-8."""
        self.before = before
        """The text just before it on that line, to find it by."""

    def where(self) -> str:
        return f"after '{self.before}'" if self.before.strip() else "at the start of the line"


def read_text(path: Path) -> str:
    """The file's text, without a byte-order mark; OSError as ``read_bytes``,
    NotUtf8 for a file that is not UTF-8."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        start = raw.rfind(b"\n", 0, e.start) + 1
        before = raw[max(start, e.start - SHOWN_BEFORE):e.start].decode("utf-8", "replace")
        raise NotUtf8(raw.count(b"\n", 0, e.start) + 1, before.lstrip("\ufeff")) from e
