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
import sys

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


def _editing() -> bool:
    """Turn on line editing (GNU readline) for `input()`: the arrows move
    along the line and Up brings back an earlier question, as in a shell;
    False when there is no readline. History stays in memory only: typed
    questions are never written to a file (docs/privacy.md)."""
    try:
        import readline
    except ImportError:  # a Python built without it: plain lines
        return False
    # Tab must not list file names (readline's default completion): a
    # shaky hand hits it by mistake. It types a space (typed_line).
    readline.parse_and_bind("tab: tab-insert")
    # Bracketed paste wraps the prompt in escape codes some screen readers
    # read out; a pasted question works without it.
    readline.parse_and_bind("set enable-bracketed-paste off")
    return True


class LineReader:
    """Typed lines from stdin, edited at a terminal.

    ``input()`` edits only when stdin *and* stdout are terminals; otherwise
    (piped input, or output to a file) the line is read as it comes and the
    prompt goes to stderr, never into the output a script reads.
    """

    def __init__(self, prompt: str) -> None:
        self.prompt = prompt
        self.interactive = sys.stdin.isatty()
        self.editing = self.interactive and sys.stdout.isatty() and _editing()

    def read(self) -> str | None:
        """The next line as meant (typed_line), or None at the end of input."""
        if self.editing:
            try:
                return typed_line(input(self.prompt))
            except EOFError:
                return None
        if self.interactive:
            print(self.prompt, end="", file=sys.stderr, flush=True)
        line = sys.stdin.readline()
        return typed_line(line.rstrip("\n")) if line else None
