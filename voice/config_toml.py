"""A settings file that is not valid TOML, said with the line as written.

tomllib names only the line and column ("Invalid value (at line 3, column
8)"): a user had to count lines in an editor to find ``rate = fast``
(session 10, `voice text`, `voice config`). The line is echoed, trimmed,
with a hint for the everyday mistakes where one is cheap to give:

    settings.toml, line 3: rate = fast  <- not valid TOML (a text value needs quotes: rate = "fast")

Pure: the file's text and tomllib's error in, one line out.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

_AT_LINE = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_AT_END = re.compile(r"\s*\(at end of document\)$")
#: ``name = value`` with a bare word or words for the value (tomllib: "Invalid value").
_BARE = re.compile(r"^(?P<key>[A-Za-z0-9_.\-]+)\s*=\s*(?P<value>[^\"'\[{#\s][^#]*?)\s*(?:#.*)?$")
_NO_EQUALS = re.compile(r"^(?P<key>[A-Za-z0-9_.\-]+)\s+(?P<value>[^=]+?)\s*$")
#: A line longer than this is cut in the message (a pasted paragraph).
MAX_SHOWN = 80


def _hint(reason: str, line: str) -> str:
    """A plain-words hint for ``line`` and tomllib's ``reason``; "" when none is cheap."""
    if reason.startswith("Invalid value"):
        bare = _BARE.match(line)
        if bare:
            return f'a text value needs quotes: {bare["key"]} = "{bare["value"]}"'
        if re.match(r"^[A-Za-z0-9_.\-]+\s*=\s*$", line):
            return "a value is missing after '='"
    if reason.startswith("Expected '=' after a key"):
        no_eq = _NO_EQUALS.match(line)
        if no_eq:
            return f"a setting needs '=': {no_eq['key']} = {no_eq['value']}"
        return "a setting needs '=' between its name and its value"
    if reason.startswith(("Unterminated string", "Illegal character '\\n'")):
        return "a text value needs a closing quote"
    if reason.startswith("Expected ']' at the end of a table declaration"):
        return "a section name needs a closing ']'"
    if reason.startswith("Cannot declare") and "twice" in reason:
        return "this section is already in the file; put its settings under the first one"
    if reason.startswith("Cannot overwrite a value"):
        return "this setting is already in the file"
    return ""


def toml_mistake(path: Path | str, text: str, error: tomllib.TOMLDecodeError) -> str:
    """One line for ``error`` in ``path``: the line as written (trimmed), then
    what is wrong; tomllib's own words when no hint fits."""
    reason = str(error)
    lines = text.splitlines()
    number: int | None = None
    at = _AT_LINE.search(reason)
    if at:
        number, reason = int(at.group(1)), reason[:at.start()]
    elif _AT_END.search(reason):
        reason = reason[:_AT_END.search(reason).start()]  # type: ignore[union-attr]
        # At the end of the document: the last line that says something.
        filled = [i for i, line in enumerate(lines, 1) if line.strip()]
        number = filled[-1] if filled else None
    shown = lines[number - 1].strip() if number is not None and 0 < number <= len(lines) else ""
    if not shown:
        return f"{path}: not valid TOML ({error})"
    hint = _hint(reason, shown)
    if len(shown) > MAX_SHOWN:
        shown = shown[:MAX_SHOWN - 3] + "..."
    return f"{path}, line {number}: {shown}  <- not valid TOML ({hint or reason})"
