"""The running assistant picks up content and settings changed meanwhile,
and keeps the question log only when it is turned on (and says so once)."""

from __future__ import annotations

import argparse
import os
import shutil
import time
from pathlib import Path

import pytest

from voice import config as config_mod
from voice.app import Assistant, build_assistant
from voice.cli.options import config_from_args
from voice.content.loader import load_knowledge
from voice.services import question_log
from voice.services.caregiver.content_store import EntryForm, add_phrasing, save_entry

from .conftest import CONTENT

NEW_PHRASING = "will the shaking ever stop for good"
ENTRY = "is-there-a-cure-for-neuromuscular-disorders"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    shutil.copytree(CONTENT, tmp_path / "content")
    return tmp_path / "content"


def settings(content: Path, extra: str = "") -> Path:
    path = config_mod.user_config_dir() / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'[content]\ndirs = ["{content}"]\n{extra}')
    # Modification times have a coarse grain on some file systems: make the
    # change visible even when it lands in the same tick.
    later = time.time() + 2
    os.utime(path, (later, later))
    return path


def assistant(capsys: pytest.CaptureFixture[str] | None = None) -> Assistant:
    args = argparse.Namespace(config=None, content=None, no_speak=True, speak_to=None)
    return build_assistant(config_from_args(args), args, json_lines=True, persist=False)


def test_new_phrasing_is_answered_without_a_restart(content: Path) -> None:
    settings(content)
    a = assistant()
    assert a.handle_text(NEW_PHRASING)["outcome"] != "answer"
    kb = load_knowledge([content])
    assert add_phrasing(kb, kb.by_id(ENTRY), NEW_PHRASING) == {}
    reply = a.handle_text(NEW_PHRASING)
    assert reply["outcome"] == "answer" and reply["match"]["id"] == ENTRY


def test_a_new_entry_is_answered_without_a_restart(content: Path) -> None:
    settings(content)
    a = assistant()
    kb = load_knowledge([content])
    form = EntryForm(title="Where is the clinic?", answer="At 1 Main Street.",
                     phrasings=["what is the clinic's address"], file=str(content / "faq.md"))
    assert save_entry(kb, form, None) == {}
    reply = a.handle_text("where is the clinic")
    assert reply["outcome"] == "answer" and reply["answer"] == "At 1 Main Street."


def test_a_broken_content_change_keeps_the_old_answers(
        content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings(content)
    a = assistant()
    faq = content / "faq.md"
    faq.write_text(faq.read_text() + "\n## An entry without an answer\n")
    reply = a.handle_text("is there a cure")
    assert reply["outcome"] == "answer" and reply["match"]["id"] == ENTRY
    assert "has no answer text" in capsys.readouterr().err


def test_rate_from_the_settings_file_is_used_at_the_next_question(content: Path) -> None:
    settings(content)
    a = assistant()
    assert a.handle_text("is there a cure")["rate"] == 150
    settings(content, "[speech_out]\nrate = 110\n")
    assert a.handle_text("is there a cure")["rate"] == 110


def test_a_new_rate_does_not_wake_a_sleeping_assistant(content: Path) -> None:
    settings(content)
    a = assistant()
    a.handle_text("goodbye")
    settings(content, "[speech_out]\nrate = 110\n")
    reply = a.handle_text("is there a cure")
    assert reply["asleep"] and reply["say"] == ""
    assert a.handle_text("wake up")["rate"] == 110


def test_a_broken_settings_change_keeps_the_old_settings(
        content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings(content, "[speech_out]\nrate = 120\n")
    a = assistant()
    settings(content, "[speech_out]\nrate = 9999\n")
    assert a.handle_text("is there a cure")["rate"] == 120
    assert "rate" in capsys.readouterr().err


def test_no_log_by_default(content: Path) -> None:
    settings(content)
    a = assistant()
    a.handle_text("is it catching")
    assert not question_log.log_path().exists()
    assert not question_log.marker_path().exists()


def test_log_turned_on_is_said_once_and_keeps_questions_not_commands(
        content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings(content)
    a = assistant()
    a.handle_text("is there a cure")
    settings(content, "[questions]\nlog = true\n")
    a.handle_text("is it catching")
    a.handle_text("slower")
    a.handle_text("is there a cure")
    err = capsys.readouterr().err
    assert err.count(question_log.ANNOUNCEMENT) == 1
    logged = question_log.read()
    assert [q.text for q in logged] == ["is it catching", "is there a cure"]
    assert logged[1].outcome == "answer" and logged[1].entry_id == ENTRY
    # A new assistant (a restart) does not say it again...
    assistant().handle_text("is there a cure")
    assert question_log.ANNOUNCEMENT not in capsys.readouterr().err
    # ...but turning it off and on again does.
    settings(content, "[questions]\nlog = false\n")
    b = assistant()
    b.handle_text("is there a cure")
    settings(content, "[questions]\nlog = true\n")
    b.handle_text("is there a cure")
    assert question_log.ANNOUNCEMENT in capsys.readouterr().err


def test_a_hearing_with_nothing_to_match_is_logged_as_heard_and_silence_not_at_all(
        content: Path) -> None:
    # heard.py leaves nothing to match of "what causes my othelosis" (the
    # unsure last word left out cut it off): the caregiver sees what was heard.
    settings(content, "[questions]\nlog = true\n")
    a = assistant()
    a.handle_text("", transcript="what causes my othelosis", heard=True)
    a.handle_text("", transcript="", heard=True)
    logged = question_log.read()
    assert [(q.text, q.outcome) for q in logged] == [("what causes my othelosis", "no_match")]


def test_old_questions_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    now = time.time()
    question_log.record(question_log.LoggedQuestion(now - 31 * 86400, "old", "no_match"), path)
    question_log.record(question_log.LoggedQuestion(now, "new", "no_match"), path)
    assert [q.text for q in question_log.read(path, days=None)] == ["new"]
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_a_content_change_is_used_while_the_settings_file_has_a_mistake(
        content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One reload for every command (content_reload.ContentReload): a
    settings file saved with a mistake keeps the settings from before, as
    `voice serve` does, and no longer keeps a content change from being used."""
    settings(content, "[speech_out]\nrate = 120\n")
    a = assistant()
    settings(content, "[speech_out]\nrate = 9999\n")
    kb = load_knowledge([content])
    assert add_phrasing(kb, kb.by_id(ENTRY), NEW_PHRASING) == {}
    for _ in range(2):
        reply = a.handle_text(NEW_PHRASING)
        assert reply["outcome"] == "answer" and reply["rate"] == 120
    assert capsys.readouterr().err.count("The settings were changed, but:") == 1, "told once"
