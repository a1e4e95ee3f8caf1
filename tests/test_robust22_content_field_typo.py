"""A misspelt field name in a content file ("Also askd:", "Keywrods:") is
reported with its file, line and the field meant, not read aloud.

Found driving `voice text --content`: an entry with "Also askd:" and
"Keywrods:" was loaded without a word, and "Shall I go on?" then read
"Also askd: - where do I find you - what is your address" and
"Keywrods: address, location" to the listener as the answer.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from voice.content.loader import load_knowledge, parse_markdown
from voice.errors import ContentInvalid

from .conftest import CONTENT

ROOT = Path(__file__).resolve().parent.parent

ENTRY = """# FAQ

## Where is the clinic?

The clinic is at 1 Main Street.

{label}
- where do I find you
"""


@pytest.mark.parametrize(("label", "meant"), [
    ("Also askd:", "Also asked:"), ("Also ask:", "Also asked:"),
    ("alsoasked:", "Also asked:"), ("Keywrods: address", "Keywords:"),
    ("Key words: address", "Keywords:"),
])
def test_a_misspelt_field_is_named_with_its_line(label: str, meant: str) -> None:
    with pytest.raises(ContentInvalid) as caught:
        parse_markdown(ENTRY.format(label=label), "clinic.md")
    message = str(caught.value)
    assert message.startswith("clinic.md:7: ") and f"did you mean '{meant}'" in message, message


@pytest.mark.parametrize("label", ["Also see: the leaflet.", "Note: it opens at nine.",
                                   "Also called: the day centre."])
def test_answer_text_with_a_colon_stays_answer_text(label: str) -> None:
    text = ENTRY.format(label=label).replace("- where do I find you\n", "")
    entry, = parse_markdown(text, "clinic.md")
    assert label in entry.answer


def test_the_shipped_content_still_loads() -> None:
    assert len(load_knowledge([CONTENT]).entries) > 20


def test_voice_text_leaves_the_file_out_and_says_where(tmp_path: Path) -> None:
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "clinic.md").write_text(ENTRY.format(label="Also askd:"))
    env = dict(os.environ, XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run(
        [sys.executable, "-m", "voice", "text", "--no-speak", "--content", str(CONTENT),
         "--content", str(folder)],
        input="where is the clinic\nyes\ncan these disorders be cured\n", capture_output=True,
        text=True, timeout=120, env=env, cwd=ROOT,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    said = done.stdout + done.stderr
    assert "Also askd" in said and "clinic.md:7" in said and "did you mean 'Also asked:'" in said
    assert "- where do I find you" not in done.stdout, done.stdout
    assert "cure" in done.stdout.splitlines()[-1], done.stdout
