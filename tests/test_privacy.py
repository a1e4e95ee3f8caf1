"""Privacy statements are true: checked against what is kept on disk.

voice.privacy.KEPT is the one list of what the assistant keeps between runs.
The first test runs the real commands that keep things (listening, which
learns the voice; `voice adapt`; a spoken "slower") and checks that every
file they leave is in that list. The others check that every privacy
statement (README, docs, the systemd unit, `voice doctor`, the spoken
notice) says what the list holds and claims nothing it contradicts.
A feature that keeps something new adds a row to KEPT; this test then fails
until the statements say so.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from voice.cli.notices import LEARNING_SPOKEN
from voice.privacy import KEPT, summary
from voice.speech_in.pocketsphinx.learning import KEEP
from voice.speech_in.select import LEARNING_LINE

REPO = Path(__file__).resolve().parent.parent


def section(text: str, heading: str) -> str:
    """The Markdown section under ``heading`` (up to the next heading of any level)."""
    at = text.index(heading)
    rest = text[at + len(heading):]
    end = re.search(r"^#", rest, flags=re.M)
    return rest[: end.start()] if end else rest


def unit_file_privacy() -> str:
    lines = (REPO / "scripts" / "voice.service").read_text().splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("# Privacy"))
    block = []
    for ln in lines[start:]:
        if not ln.startswith("#"):
            break
        block.append(ln.lstrip("# "))
    return " ".join(block)


#: Every written privacy statement: each must name what is kept as sound.
STATEMENTS = {
    "README.md": lambda: section((REPO / "README.md").read_text(), "## Privacy"),
    "docs/privacy.md": lambda: (REPO / "docs" / "privacy.md").read_text(),
    "docs/raspberry-pi.md": lambda: section((REPO / "docs" / "raspberry-pi.md").read_text(),
                                            "## Privacy"),
    "scripts/voice.service": unit_file_privacy,
    "voice doctor": summary,
}

#: Claims that would be false while anything in KEPT holds the user's voice.
FALSE_CLAIMS = [
    r"keeps? no recordings?",
    r"no recordings? (?:is|are) (?:ever )?(?:kept|stored|saved)",
    r"(?:nothing|no audio) is (?:ever )?(?:kept|stored|saved|recorded)",
    r"never (?:records|keeps|stores|saves)",
    r"(?:does not|doesn't|won't|will not) (?:keep|store|save) (?:any )?(?:recordings?|audio)",
]

#: Where statements may be made: every text a user or caregiver reads.
ALL_TEXTS = ["README.md", *(f"docs/{p.name}" for p in (REPO / "docs").glob("*.md")),
             "scripts/voice.service", "config.example.toml", "content/README.md"]


def flat(text: str) -> str:
    return " ".join(text.replace("`", "").split())


@pytest.mark.parametrize("name", list(STATEMENTS))
def test_each_statement_says_what_is_kept_as_sound(name: str) -> None:
    text = flat(STATEMENTS[name]())
    for kept in KEPT:
        if kept.voice:
            assert kept.where.rstrip("/") in text, f"{name} does not say {kept.where} is kept"
    assert f"last {KEEP} questions" in text, f"{name} does not say how many questions"
    assert "voice adapt --reset" in text, f"{name} does not say how to delete them"


@pytest.mark.parametrize("name", ALL_TEXTS)
def test_no_text_claims_nothing_is_kept(name: str) -> None:
    text = flat((REPO / name).read_text()).lower()
    for claim in FALSE_CLAIMS:
        found = re.search(claim, text)
        assert found is None, f"{name}: '{found.group(0)}' is false: see voice/privacy.py"


def test_the_spoken_and_printed_notices_give_the_same_number() -> None:
    assert f"last {KEEP} questions" in LEARNING_SPOKEN
    assert f"last {KEEP} questions" in LEARNING_LINE


def files_under(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


@pytest.mark.audio
def test_what_the_commands_leave_on_disk_is_all_in_the_table(
        virtual_mic: Any, tmp_path: Path) -> None:
    state, cache, config = tmp_path / "state", tmp_path / "cache", tmp_path / "config"
    env = dict(virtual_mic.env, XDG_STATE_HOME=str(state), XDG_CACHE_HOME=str(cache),
               XDG_CONFIG_HOME=str(config), HOME=str(tmp_path / "home"))
    env.pop("VOICE_CONFIG", None)

    def voice(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        done = subprocess.run([sys.executable, "-m", "voice", *args], cwd=REPO, env=env,
                              input=stdin, capture_output=True, text=True, timeout=180)
        assert done.returncode == 0, done.stderr
        return done

    # `voice adapt` from recordings, as a caregiver makes them.
    sentences = voice("adapt", "--list").stdout.splitlines()[:5]
    folder = tmp_path / "read"
    folder.mkdir()
    for i, text in enumerate(sentences):
        subprocess.run(["espeak-ng", "-w", str(folder / f"s{i}.wav"), text], check=True)
        (folder / f"s{i}.txt").write_text(text + "\n")
    voice("adapt", "--from-dir", str(folder))

    # One spoken question, heard through the microphone (listening learns from it).
    question = tmp_path / "question.wav"
    subprocess.run(["espeak-ng", "-w", str(question), "is there a cure for spasms"], check=True)
    proc = subprocess.Popen([sys.executable, "-m", "voice", "listen", "--once", "--json",
                             "--no-cues", "--no-speak", "--recognizer", "pocketsphinx",
                             "--silence-timeout", "1"],
                            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            if line.startswith("Listening..."):
                break
        time.sleep(0.3)
        virtual_mic.play(question)
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()

    # A voice setting changed by voice.
    voice("text", "--no-speak", stdin="slower\nquit\n")

    kept = files_under(state / "voice")
    assert kept, "nothing was kept at all: the commands above did not run as meant"
    covered = [k.where for k in KEPT]
    stray = [f for f in kept
             if not any(f == w or (w.endswith("/") and f.startswith(w)) for w in covered)]
    assert stray == [], f"kept but in no privacy statement: add them to voice/privacy.py: {stray}"
    # Each kind of recording the statements name was really made here.
    for k in KEPT:
        if k.voice:
            assert any(f.startswith(k.where) and f.endswith(".wav") for f in kept), k.where
    # Outside the state folder: no recording, and no settings file was written
    # (config/pulse/ is the sound server's client cookie, not the assistant's).
    assert not [p for p in cache.rglob("*") if p.suffix in (".wav", ".raw")]
    assert not (config / "voice").exists()
    assert not (tmp_path / "home").exists() or not [
        p for p in (tmp_path / "home").rglob("*.wav")]


def test_the_table_is_what_the_code_uses() -> None:
    """The rows' paths are the ones the code writes to (not a stale copy)."""
    from voice.cli.notices import told_path
    from voice.config import user_state_dir
    from voice.conversation.personal_store import default_path as phrasings_path
    from voice.services.question_log import log_path, marker_path
    from voice.speech_in.own_voice import results_path
    from voice.speech_in.pocketsphinx.adaptation import (
        default_enrolment_dir,
        default_transform_path,
    )
    from voice.speech_in.pocketsphinx.learning import default_folder
    from voice.speech_out.settings_store import default_path

    state = user_state_dir()
    written = {default_folder(), default_enrolment_dir(), default_transform_path(),
               default_path(), told_path(), log_path(), marker_path(),
               phrasings_path(), results_path()}
    assert {(state / k.where) for k in KEPT} == written
    assert os.path.commonpath([str(p) for p in written]) == str(state)
