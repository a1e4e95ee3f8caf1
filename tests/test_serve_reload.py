"""`voice serve` uses a content fix from the next question, without a restart.

A real `voice serve` process, asked with wyoming's own client, its content
folder edited between questions: in a text editor's way (written in place)
and in the caregiver page's way (voice.services.caregiver.content_store,
written aside and renamed over). Before, every answer stayed as at start
until `systemctl restart voice-serve`.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from wyoming.asr import Transcript
from wyoming.client import AsyncTcpClient
from wyoming.handle import Handled

from voice.content.loader import KEPT_EARLIER, load_knowledge

from .conftest import CONTENT, REPO
from .test_serve_command import free_port

QUESTION = "is there a cure for neuromuscular disorders"
OLD = "While no universal cure exists"


async def _ask(port: int, text: str) -> str:
    deadline = time.monotonic() + 90
    while True:  # until the process listens (loading takes a moment)
        try:
            async with AsyncTcpClient("127.0.0.1", port, connect_timeout=5,
                                      read_timeout=30) as c:
                await c.write_event(Transcript(text=text).event())
                event = await c.read_event()
                assert event is not None and Handled.is_type(event.type), event
                return Handled.from_event(event).text or ""
        except ConnectionRefusedError:
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.2)


class Served:
    def __init__(self, folder: Path, tmp_path: Path) -> None:
        self.port = free_port()
        env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"),
                   XDG_STATE_HOME=str(tmp_path / "state"))
        env.pop("VOICE_CONFIG", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "voice", "serve", "--no-asr", "--content", str(folder),
             "--uri", f"tcp://127.0.0.1:{self.port}"],
            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def ask(self, text: str = QUESTION) -> str:
        return asyncio.run(_ask(self.port, text))

    def stop(self) -> str:
        """SIGTERM, as systemd stops it: its stderr."""
        self.proc.send_signal(signal.SIGTERM)
        _, err = self.proc.communicate(timeout=30)
        assert self.proc.returncode == 0, err
        return err


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    return folder


@pytest.fixture
def served(content: Path, tmp_path: Path) -> Iterator[Served]:
    s = Served(content, tmp_path)
    try:
        yield s
    finally:
        s.proc.kill()
        s.proc.wait()


def edit_in_place(file: Path, old: str, new: str) -> None:
    """As a text editor saves: the same file written again."""
    text = file.read_text(encoding="utf-8")
    assert old in text
    with open(file, "w", encoding="utf-8") as f:  # in place: same inode
        f.write(text.replace(old, new, 1))


def test_an_edited_file_is_answered_from_the_next_question_and_a_broken_edit_keeps_the_old(
        served: Served, content: Path) -> None:
    faq = content / "faq.md"
    assert OLD in served.ask()
    edit_in_place(faq, OLD, "The clinic says: no cure yet. " + OLD)
    assert "The clinic says: no cure yet." in served.ask(), "the edit is used, no restart"

    # A half-finished edit: text before the first entry. The file's answers
    # from before stay; the mistake is logged once, however often asked.
    edit_in_place(faq, "# FAQ", "Notes to self\n\n# FAQ")
    for _ in range(3):
        assert "The clinic says: no cure yet." in served.ask()
    # Another file's edit is used meanwhile.
    article = content / "article.md"
    edit_in_place(article, "## Coping Strategies for Individuals and Caregivers\n",
                  "## Coping Strategies for Individuals and Caregivers\n\n"
                  "Ask the Tuesday group about coping.\n")
    assert "Ask the Tuesday group" in served.ask(
        "what are the coping strategies for individuals and caregivers")

    edit_in_place(faq, "Notes to self\n\n# FAQ", "# FAQ")
    edit_in_place(faq, "The clinic says: no cure yet.", "The clinic says: not yet.")
    assert "The clinic says: not yet." in served.ask(), "fixed: read again"
    err = served.stop()

    assert err.count("text outside an entry") == 1, err
    assert f"{faq}:4: text outside an entry" in err
    assert KEPT_EARLIER in err
    assert err.count("the content changed: read again") == 4, err
    assert "Traceback" not in err


def test_a_fix_saved_on_the_caregivers_page_is_used(served: Served, content: Path) -> None:
    from voice.services.caregiver import content_store

    assert OLD in served.ask()
    # The page's own save: checked, written aside, renamed over the old file.
    kb = load_knowledge([content])
    entry = next(e for e in kb.entries if e.title.startswith("Is there a cure"))
    form = content_store.EntryForm.of(entry)
    form.answer = "No cure yet, says the clinic; ask Dr Smith about the new trials."
    assert content_store.save_entry(kb, form, entry) == {}
    assert "ask Dr Smith about the new trials" in served.ask()
    # A new phrasing added on the page answers too.
    kb = load_knowledge([content])
    entry = next(e for e in kb.entries if e.title.startswith("Is there a cure"))
    assert content_store.add_phrasing(kb, entry, "will the twitching go away for good") == {}
    assert "ask Dr Smith" in served.ask("will the twitching go away for good")
    err = served.stop()
    assert "Traceback" not in err


def test_a_new_file_with_a_mistake_is_left_out_and_told_once(
        served: Served, content: Path) -> None:
    assert OLD in served.ask()
    (content / "clinic.md").write_text(
        "# FAQ\n\n## Where is the clinic?\n\nAt 1 Main Street.\n\n### Parking\n", "utf-8")
    for _ in range(2):
        assert OLD in served.ask(), "the other files still answer"
    (content / "clinic.md").write_text(
        "# FAQ\n\n## Where is the clinic?\n\nAt 1 Main Street.\n", "utf-8")
    assert "1 Main Street" in served.ask("where is the clinic")
    err = served.stop()
    assert err.count("clinic.md:7: the entry 'Parking' has no answer text") == 1, err
    assert "Traceback" not in err
