"""A repeated title on a fresh clone: every file has the checkout's time.

The rule used to leave out the file changed last; with equal times it fell
to name order, so a clinic's "a-clinic.md" (before "faq.md" by name) kept
its entry and the shipped faq.md, every shipped answer, was left out.
The shipped files are kept whatever the times.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from voice.content.loader import load_knowledge
from voice.matching.matcher import Matcher

from .conftest import CONTENT
from .test_content_duplicates import CLINIC

CURE = "is-there-a-cure-for-neuromuscular-disorders"


def checked_out(tmp_path: Path, added: str) -> Path:
    """The content folder with ``added``, every file given one time, as a
    fresh `git clone` (or an unpacked archive) leaves them."""
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    (folder / added).write_text(CLINIC, encoding="utf-8")
    now = 1_764_633_600 * 10**9  # 2025-12-02 00:00 UTC, to the nanosecond alike
    for f in folder.iterdir():
        os.utime(f, ns=(now, now))
    assert len({f.stat().st_mtime_ns for f in folder.glob("*.md")}) == 1
    return folder


@pytest.mark.parametrize("added", ["a-clinic.md", "clinic.md", "zz-clinic.md", "FAQ-extra.md"])
def test_equal_times_keep_the_shipped_file_whatever_the_added_files_name(
        tmp_path: Path, added: str) -> None:
    folder = checked_out(tmp_path, added)
    kb = load_knowledge([folder], forgiving=True)
    assert kb.left_out == (str(folder / added),)
    shipped = load_knowledge([CONTENT])
    assert [e.id for e in kb.entries] == [e.id for e in shipped.entries]
    assert kb.problems[0].startswith(f"{folder / added}:7: the title 'Is there a cure")
    assert kb.problems[0].endswith("The other is a shipped file, so it is kept; this one "
                                   "is left out until then.")
    result = Matcher(kb).match("is there a cure for neuromuscular disorders")
    assert result.outcome == "answer" and result.entry is not None
    assert result.entry.id == CURE and "Dr Smith" not in result.entry.answer


def test_a_repeated_id_keeps_the_shipped_file_too(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    (folder / "a-clinic.md").write_text(
        f"# FAQ\n\n## Can the clinic cure it?\n\nAsk Dr Smith.\n\nId: {CURE}\n", "utf-8")
    for f in folder.iterdir():
        os.utime(f, ns=(10**18, 10**18))
    kb = load_knowledge([folder], forgiving=True)
    assert kb.left_out == (str(folder / "a-clinic.md"),)
    assert f"the id '{CURE}' is already used at {folder / 'faq.md'}:" in kb.problems[0]


def test_strict_loading_names_the_added_file(tmp_path: Path) -> None:
    """`voice topics` and the caregiver page's check (not forgiving) point at
    the added file, not at faq.md, with equal times too."""
    from voice.errors import ContentInvalid

    folder = checked_out(tmp_path, "a-clinic.md")
    with pytest.raises(ContentInvalid) as e:
        load_knowledge([folder])
    assert e.value.message.startswith(f"{folder / 'a-clinic.md'}:7: the title ")
