"""A typed line as the user meant it: without what the terminal put in.

`voice text` reads the terminal's lines as they come, so an arrow key
pressed (to go back a word, or for the last question as in a shell) arrives
as an escape sequence: "\\x1b[A" was answered "I only heard '[A'", and
"\\x1b[A\\x1b[Acan these disorders be cured" was declined as not covered
(found using `voice text`). Such sequences and other control characters are
removed before the line is answered.
"""

from __future__ import annotations

import re

#: A terminal's escape sequences: CSI ("\x1b[A", "\x1b[1;5D", "\x1b[3~"),
#: SS3 ("\x1bOA", sent by arrows in application mode), and any other
#: two-character escape ("\x1bb", Alt+b).
_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|O.|.)?")
#: Other control characters (C0 but tab, DEL, C1): never part of a question.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def typed_line(raw: str) -> str:
    """``raw`` without escape sequences and control characters; a tab
    counts as a space."""
    return _CONTROL.sub("", _ESCAPE.sub("", raw)).replace("\t", " ")
