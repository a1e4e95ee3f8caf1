"""A title (or id) used in two content files: a shipped file (faq.md,
article.md) is kept; of two added files, the one changed most recently is
left out, not the later one by name; the message says which and why.

A clinic's new "a-clinic.md" repeating a title of the shipped "faq.md" used
to leave out faq.md (later by name): every shipped answer lost for one new
entry, with a message pointing at the shipped file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from voice.content.loader import load_knowledge

from .conftest import CONTENT, REPO

CLINIC = ("# FAQ\n\n## Who runs the Tuesday swimming group?\n\nMary Jones runs it.\n\n"
          "## Is there a cure for neuromuscular disorders?\n\nAsk Dr Smith at the clinic.\n")


def content_with_a_new_clinic_file(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    clinic = folder / "a-clinic.md"
    clinic.write_text(CLINIC, encoding="utf-8")
    # Added after the shipped files, as a clinic would (a copy's times are close).
    newest = max(f.stat().st_mtime_ns for f in folder.glob("*.md"))
    os.utime(clinic, ns=(newest + 10**9, newest + 10**9))
    return folder


def faq_line(title: str) -> int:
    lines = (CONTENT / "faq.md").read_text(encoding="utf-8").splitlines()
    return lines.index(f"## {title}") + 1


def test_the_newly_added_file_is_left_out_not_the_shipped_one(tmp_path: Path) -> None:
    folder = content_with_a_new_clinic_file(tmp_path)
    kb = load_knowledge([folder], forgiving=True)
    shipped = load_knowledge([CONTENT])
    assert kb.left_out == (str(folder / "a-clinic.md"),)
    assert [e.id for e in kb.entries] == [e.id for e in shipped.entries]
    title = "Is there a cure for neuromuscular disorders?"
    assert kb.problems == (
        f"{folder / 'a-clinic.md'}:7: the title '{title}' is already used at "
        f"{folder / 'faq.md'}:{faq_line(title)}. Give this entry another title. The other "
        "is a shipped file, so it is kept; this one is left out until then.",)


def test_an_edited_shipped_file_is_still_kept(tmp_path: Path) -> None:
    """The shipped faq.md changed last (a caregiver's edit) is still kept:
    leaving it out loses every shipped answer for one repeated title
    (before, the file changed last was left out, whichever it was)."""
    folder = content_with_a_new_clinic_file(tmp_path)
    faq = folder / "faq.md"
    later = (folder / "a-clinic.md").stat().st_mtime_ns + 10**9
    os.utime(faq, ns=(later, later))
    kb = load_knowledge([folder], forgiving=True)
    assert kb.left_out == (str(folder / "a-clinic.md"),)
    assert kb.problems[0].startswith(f"{folder / 'a-clinic.md'}:7: the title ")


def test_of_two_added_files_the_one_changed_last_is_left_out(tmp_path: Path) -> None:
    folder = content_with_a_new_clinic_file(tmp_path)
    (folder / "a-clinic.md").write_text(CLINIC.split("## Is there")[0], encoding="utf-8")
    other = folder / "b-notes.md"
    other.write_text("# FAQ\n\n## Who runs the Tuesday swimming group?\n\nAsk Ann.\n",
                     encoding="utf-8")
    first = (folder / "a-clinic.md").stat().st_mtime_ns
    os.utime(other, ns=(first - 10**9, first - 10**9))
    kb = load_knowledge([folder], forgiving=True)
    assert kb.left_out == (str(folder / "a-clinic.md"),)
    assert kb.problems[0].endswith("This file was changed more recently, so it is the one "
                                   "left out until then; the other is kept.")


def test_the_cli_line_names_the_new_file_and_keeps_answering(tmp_path: Path) -> None:
    folder = content_with_a_new_clinic_file(tmp_path)
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_STATE_HOME=str(tmp_path / "state"))
    done = subprocess.run([sys.executable, "-m", "voice", "text", "--json", "--no-speak",
                           "--content", str(folder)],
                          input="is there a cure\n", cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (f"voice: {folder / 'a-clinic.md'}:7: the title 'Is there a cure for "
            "neuromuscular disorders?' is already used at") in done.stderr
    assert "The other is a shipped file, so it is kept; this one is left out" in done.stderr
    reply = json.loads(done.stdout.splitlines()[-1])
    assert reply["outcome"] == "answer"
    assert reply["match"]["id"] == "is-there-a-cure-for-neuromuscular-disorders"
    assert "Dr Smith" not in reply["say"]
