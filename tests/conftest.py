"""Shared fixtures: real content, and a real virtual microphone.

The virtual microphone is PulseAudio with a null sink whose monitor is the
default source (see MACHINE-NOTES): whatever is played into the sink is what
sounddevice records, exactly as from a microphone.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

# Whisper tiny.en hears some test clips on a knife edge, and CTranslate2's
# int8 arithmetic differs by CPU: it uses Intel MKL on Intel CPUs and oneDNN
# elsewhere, with AVX-512 where the CPU has it. The same clip was heard
# "tell me you are seeking" on an AVX-512 Xeon and "tell me on your note" on
# an AVX2 EPYC (2026-12-02). So every test process (and the `voice` processes
# the tests start, which inherit this) takes the one path every x86-64 CI
# machine has; the assistant itself keeps CTranslate2's own choice.
# CT2_FORCE_CPU_ISA picks CTranslate2's own kernels only: oneDNN, which does
# the int8 matrix products, chooses its own and took AVX-512 VNNI on an
# AVX-512 EPYC (Zen 4), where "do genes play a part" was heard "food is played
# apart" (mean word probability 0.38) instead of as on the AVX2 EPYC; with
# ONEDNN_MAX_CPU_ISA=AVX2 three of the four tests that differed there agree.
if os.uname().machine in ("x86_64", "AMD64"):
    os.environ.setdefault("CT2_USE_MKL", "0")
    os.environ.setdefault("CT2_FORCE_CPU_ISA", "AVX2")
    os.environ.setdefault("ONEDNN_MAX_CPU_ISA", "AVX2")

from voice.audio.virtual_mic import (
    VirtualMic,
    missing_tools,
    private_runtime_dir,
    running_virtual_mic,
    stop_server,
)
from voice.speech_out.synth import Pyttsx3Synth

if TYPE_CHECKING:
    from voice.content.model import KnowledgeBase
    from voice.conversation.reply import Reply
    from voice.matching.matcher import Matcher
    from voice.speech_in.base import Recognizer
    from voice.speech_in.whisper import WhisperRecognizer

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
DATA = Path(__file__).resolve().parent / "data"

#: Lead-in added each time a live test asks again (VirtualMic.play): a third
#: of Whisper's 20 ms encoder frame (10 ms mel hops, stride 2). Whisper hears
#: one clip differently by where it falls on those frames: with the new page's
#: prompt, espeak-ng's "baclofen pump" led by 0..312 samples of silence (16 kHz,
#: every 8th) was "baclofen pump" at 26 of 40 offsets and "that's open pump",
#: "how close in pump" or "back low famp pump" at 48..144 and 280, every 320
#: samples again. Replays through the virtual microphone start at nearly the
#: same point of those frames each time, so asking again replayed the same
#: mishearing (CI: "how close in pump" twice running). A third of a frame
#: (107 samples) apart, the three asks cover the frame: at most one falls in
#: a stretch narrower than that (this one: 96 to 111 samples wide)
#: (docs/mic-drift.md, scripts/whisper_offset_map.py, scripts/mic_drift_probe.py).
ASK_AGAIN_SHIFT = 0.020 / 3


@pytest.fixture(scope="session", autouse=True)
def _private_sound_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A private runtime folder for the whole run, so a sound server the
    assistant starts for itself (voice.audio.sound_server) is the tests' own,
    never the user's, and is stopped when the tests end; so is one started by
    a test that gave a command its own empty runtime folder under the tests'
    temporary folder."""
    with private_runtime_dir() as runtime:
        yield
        for pid, folder in sound_servers():
            if folder.startswith((str(runtime), str(tmp_path_factory.getbasetemp()))):
                stop_server({**os.environ, "XDG_RUNTIME_DIR": folder})
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)  # still there: it was ours anyway


def sound_servers() -> list[tuple[int, str]]:
    """(pid, XDG_RUNTIME_DIR) of each PulseAudio daemon this user runs."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if (proc / "comm").read_text().strip() != "pulseaudio":
                continue
            env = (proc / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        for item in env:
            if item.startswith(b"XDG_RUNTIME_DIR="):
                found.append((int(proc.name), item.split(b"=", 1)[1].decode()))
    return found


@pytest.fixture(autouse=True)
def _private_state(tmp_path_factory: pytest.TempPathFactory,
                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test its own state folder: a voice learned while listening (or
    adapted on this machine) must never change what another test hears."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))


@pytest.fixture(scope="session")
def virtual_mic() -> Iterator[VirtualMic]:
    missing = missing_tools()
    if missing:
        pytest.fail(f"{', '.join(missing)} missing: run scripts/install.sh --dev")
    with running_virtual_mic() as mic:
        yield mic


@pytest.fixture(scope="module")
def synth() -> Iterator[Pyttsx3Synth]:
    """The pyttsx3 synthesiser child process, shared by a module's tests."""
    s = Pyttsx3Synth()
    s.start()
    yield s
    s.close()


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory: pytest.TempPathFactory,
                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the per-user settings and config of the person running the tests untouched."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    """The shipped content (a module's own ``kb`` fixture takes precedence)."""
    from voice.content.loader import load_knowledge

    return load_knowledge([REPO / "content"])


@pytest.fixture(scope="module")
def whisper_tiny(kb: KnowledgeBase) -> Any:
    """The real Whisper tiny.en recognizer over ``kb``, from models/."""
    from voice.models.manifest import WHISPER_MODEL
    from voice.speech_in.whisper import WhisperRecognizer

    return WhisperRecognizer(REPO / "models" / WHISPER_MODEL, kb)


@pytest.fixture(scope="module")
def matcher(kb: KnowledgeBase) -> Matcher:
    """The matcher over ``kb`` (a module's own ``matcher`` fixture takes precedence)."""
    from voice.matching.matcher import Matcher

    return Matcher(kb)


@pytest.fixture(scope="module")
def typed(kb: KnowledgeBase, matcher: Matcher) -> Callable[[str], Reply]:
    """A line typed to a fresh conversation, as `voice text` answers it."""
    from voice.conversation.conversation import Conversation

    return lambda text: Conversation(kb, matcher=matcher).respond(text)


@pytest.fixture(scope="module")
def rec(kb: KnowledgeBase) -> WhisperRecognizer:
    """Whisper tiny.en from models/, prompted with ``kb``: one per test module."""
    from voice.models.manifest import WHISPER_MODEL
    from voice.speech_in.whisper import WhisperRecognizer

    return WhisperRecognizer(REPO / "models" / WHISPER_MODEL, kb)


@pytest.fixture(scope="module")
def default_engine() -> Recognizer:
    """The recognizer the assistant chooses by default (Whisper, installed by
    scripts/install.sh), as `voice listen` loads it: one per test module."""
    from voice.config import Config
    from voice.speech_in.select import load_recognizer

    said: list[str] = []
    rec = load_recognizer(Config(content_dirs=(str(REPO / "content"),)), said.append)
    assert rec.name == "whisper", said  # the default, installed by scripts/install.sh
    return rec


def offered_id(reply: dict[str, object]) -> str | None:
    """The id of the entry a `voice text --json` reply answered or offered."""
    match = reply.get("match") or {}
    assert isinstance(match, dict)
    return match.get("id")


def voice_text_replies(lines: list[str], tmp_path: Path) -> list[dict[str, Any]]:
    """Type ``lines`` into a real `voice text --json --no-speak` with private
    settings and state; its JSON replies, after checking it ended cleanly."""
    import json
    import subprocess
    import sys

    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "voice", "text", "--json", "--no-speak"],
                          input="\n".join(lines) + "\n", cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    return [json.loads(x) for x in done.stdout.splitlines() if x.startswith("{")]


def every_typed_line() -> list[str]:
    """Every line of every typed set under tests/data (.tsv and .txt, held
    out too: to be counted, never read one by one), its first column."""
    lines = [line.split("\t")[0].strip()
             for f in (*DATA.rglob("*.tsv"), *DATA.rglob("*.txt"))
             for line in f.read_text(encoding="utf-8", errors="replace").splitlines()]
    lines = [t for t in lines if t and not t.startswith("#")]
    assert len(lines) > 9000
    return lines


def every_question_line(kb: KnowledgeBase) -> list[str]:
    """Every line of tests/data's question sets (held out too: to be counted,
    never read one by one) and every "Also asked" phrasing of ``kb``: what a
    new phrase rule must leave as it was."""
    paths = [*sorted(DATA.glob("*.tsv")), *sorted(DATA.glob("*-tuning.txt"))]
    lines = [row.split("\t")[0] for p in paths
             for row in p.read_text(encoding="utf-8").splitlines()
             if row.strip() and not row.startswith("#")]
    return lines + [p for e in kb.entries for p in e.phrasings]


@pytest.fixture(scope="module")
def okay_nabu_detector() -> Any:
    """`voice listen`'s "okay nabu" detector as engine.py loads it: the real
    microWakeWord model with the Whisper confirmer checking its spots (sure
    ones too), keeping its events; one per test module."""
    from voice.speech_in.wake.confirm import load_confirmer
    from voice.speech_in.wake.micro import load_micro

    confirmer = load_confirmer("okay nabu")
    assert confirmer is not None  # scripts/install.sh installs the Whisper model
    return load_micro("okay nabu", confirmer=confirmer, keep=True)


@pytest.fixture(scope="module")
def bench() -> Any:
    """scripts/benchmark_wake.py as a module (the wake tests run its mixtures
    and measures; a file of their own may define another ``bench``)."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(
        "benchmark_wake", REPO / "scripts" / "benchmark_wake.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["benchmark_wake"] = module
    spec.loader.exec_module(module)
    return module
