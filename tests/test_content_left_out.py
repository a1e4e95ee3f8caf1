"""A content file with a mistake is left out, said, and read again once fixed:
the assistant keeps answering from the rest (a clinic's file with a typo used
to stop it, and on a Pi speak the error every few seconds)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from voice.app import build_assistant
from voice.cli.main import build_parser
from voice.cli.options import config_from_args
from voice.content.loader import load_knowledge
from voice.errors import ContentInvalid

from .conftest import CONTENT, REPO

BROKEN = ("# FAQ\n\n## Who runs the Tuesday swimming group?\n\nAlso asked:\n"
          "- who leads the swimming\nMary Jones runs it.\n")
FIXED = "# FAQ\n\n## Who runs the Tuesday swimming group?\n\nMary Jones runs it.\n"


def content_with_a_broken_file(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    for md in CONTENT.glob("*.md"):
        if md.name != "README.md":
            shutil.copy(md, folder / md.name)
    (folder / "zz-swimming.md").write_text(BROKEN, encoding="utf-8")
    return folder


def test_loading_leaves_out_only_the_broken_file(tmp_path: Path) -> None:
    folder = content_with_a_broken_file(tmp_path)
    with pytest.raises(ContentInvalid):
        load_knowledge([folder])
    kb = load_knowledge([folder], forgiving=True)
    assert len(kb.entries) == len(load_knowledge([CONTENT]).entries)
    assert kb.left_out == (str(folder / "zz-swimming.md"),)
    assert kb.problems == (f"{folder / 'zz-swimming.md'}:7: under 'Also asked:' each way of "
                           "asking goes on its own line starting with '- '. Leave a blank "
                           "line before the answer.",)
    # Nothing usable at all is still an error.
    with pytest.raises(ContentInvalid):
        load_knowledge([folder / "zz-swimming.md", tmp_path / "missing"], forgiving=True)


def test_the_assistant_answers_says_why_and_names_the_line(tmp_path: Path) -> None:
    folder = content_with_a_broken_file(tmp_path)
    spoken = tmp_path / "spoken"
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_STATE_HOME=str(tmp_path / "state"))
    done = subprocess.run([sys.executable, "-m", "voice", "text", "--json", "--content",
                           str(folder), "--speak-to", str(spoken)],
                          input="is there a cure\n", cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert f"voice: {folder / 'zz-swimming.md'}:7: under 'Also asked:'" in done.stderr
    assert "Some of my content has a mistake, so I have left that file out" in done.stderr
    assert json.loads(done.stdout.splitlines()[-1])["outcome"] == "answer"
    assert len(list(spoken.glob("*.wav"))) == 2  # the notice, then the answer


def test_the_file_is_read_again_once_fixed(tmp_path: Path) -> None:
    folder = content_with_a_broken_file(tmp_path)
    args = build_parser().parse_args(["text", "--no-speak", "--content", str(folder)])
    assistant = build_assistant(config_from_args(args, forgiving=True), args, persist=False,
                                forgiving=True)
    assert assistant.handle_text("who runs the tuesday swimming group")["outcome"] != "answer"
    swimming = folder / "zz-swimming.md"
    swimming.write_text(FIXED, encoding="utf-8")  # edited in place, as in a text editor
    stat = swimming.stat()
    os.utime(swimming, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    reply = assistant.handle_text("who runs the tuesday swimming group")
    assert reply["outcome"] == "answer" and "Mary Jones" in reply["say"]


def test_a_fix_in_another_file_is_used_while_one_stays_broken(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`voice listen`/`text`/`ptt` read the content again strictly: a file
    left out at start made every later change fail ("The content was
    changed, but: ...zz-swimming.md...") so a caregiver's fix to faq.md was
    not used until the swimming file was fixed too. Now as `voice serve`
    (tests/test_serve_reload.py): the rest is read again, each mistake told once."""
    folder = content_with_a_broken_file(tmp_path)
    args = build_parser().parse_args(["text", "--no-speak", "--content", str(folder)])
    assistant = build_assistant(config_from_args(args, forgiving=True), args, persist=False,
                                forgiving=True)
    capsys.readouterr()
    faq = folder / "faq.md"
    faq.write_text(faq.read_text(encoding="utf-8").replace(
        "While no universal cure exists", "Ask Dr Smith. While no universal cure exists"),
        encoding="utf-8")
    stat = faq.stat()
    os.utime(faq, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    reply = assistant.handle_text("is there a cure for neuromuscular disorders")
    assert reply["outcome"] == "answer" and "Ask Dr Smith" in reply["say"]
    assert "zz-swimming.md" not in capsys.readouterr().err, "told at start, not again"
    # The left-out file is still watched: fixed in place, it is read again.
    swimming = folder / "zz-swimming.md"
    swimming.write_text(FIXED, encoding="utf-8")
    stat = swimming.stat()
    os.utime(swimming, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    reply = assistant.handle_text("who runs the tuesday swimming group")
    assert reply["outcome"] == "answer" and "Mary Jones" in reply["say"]
