"""Content and settings files saved on Windows (session 23, branch robust24):
a byte-order mark before the text, and a Windows-1252 "é"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from voice import config as config_mod
from voice.content.loader import load_knowledge
from voice.errors import ConfigInvalid

from .conftest import CONTENT

CLINIC = "# FAQ\r\n\r\n## What is the clinic phone number?\r\n\r\nCall 555 0100, ask for Renée.\r\n"


def _content(tmp_path: Path, data: bytes) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    (folder / "clinic.md").write_bytes(data)
    return folder


def test_a_content_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    """Notepad's "UTF-8" (before 2019): the file was left out with
    "clinic.md:1: text outside an entry", its first line "# FAQ" looking right."""
    kb = load_knowledge([_content(tmp_path, b"\xef\xbb\xbf" + CLINIC.encode())], forgiving=True)
    assert kb.problems == ()
    assert kb.by_id("what-is-the-clinic-phone-number").answer == "Call 555 0100, ask for Renée."


def test_a_content_file_not_in_utf8_names_the_line(tmp_path: Path) -> None:
    """It named "byte 70", which no editor shows."""
    folder = _content(tmp_path, CLINIC.encode("cp1252"))
    kb = load_knowledge([folder], forgiving=True)
    assert kb.problems == (f"{folder / 'clinic.md'}:5: not UTF-8 text (after 'Call 555 0100, "
                           "ask for Ren'). Save the file as UTF-8 (in Notepad: Save as, "
                           "Encoding: UTF-8).",)


def test_a_settings_file_not_in_utf8_names_the_line(tmp_path: Path) -> None:
    settings = tmp_path / "config.toml"
    settings.write_bytes('[speech_out]\nrate = 120\nvoice = "en-gb"  # for Renée\n'
                         .encode("cp1252"))
    with pytest.raises(ConfigInvalid) as caught:
        config_mod.read_file(settings)
    assert caught.value.message == (f"{settings}, line 3: not a text file (it is not UTF-8, "
                                    "after 'voice = \"en-gb\"  # for Ren'); save it as UTF-8")
