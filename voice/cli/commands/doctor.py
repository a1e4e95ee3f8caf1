"""``voice doctor``: check everything the assistant needs, one line per check.

Each line says what was found and, when something is wrong, what to do. The
exit code is 1 when the voice assistant cannot work at all (no content, no
recognizer, no microphone, or no espeak-ng to speak with), 0 otherwise;
warnings (no Vosk model, no speaker device, not a Raspberry Pi) do not count,
because the assistant still runs around them.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from voice.cli.options import add_recognizer_arguments, config_from_args
from voice.config import Config
from voice.errors import ConfigInvalid, VoiceError

NAME = "doctor"
HELP = "check speech output, microphone, recognizer, content and GPIO; say what to fix"
ORDER = 85

Status = Literal["ok", "warn", "FAIL"]


@dataclass(frozen=True)
class Check:
    """The result of one check, printed as one line."""

    name: str
    """What was checked, e.g. "Microphone"."""
    status: Status
    """ok, warn (the assistant works around it) or FAIL (it cannot work)."""
    detail: str
    """What was found."""
    fix: str = ""
    """What to do about it; empty when nothing is needed."""

    def line(self) -> str:
        text = f"{self.status:<4} {self.name}: {self.detail}"
        return f"{text} -> {self.fix}" if self.fix else text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--input-device", help="part of the microphone's name to look for (default: settings)"
    )
    parser.add_argument(
        "--speak", action="store_true", help="also read the summary aloud with espeak-ng"
    )
    # The same recognizer flags as the listening commands, so "does it work
    # the way I start it" can be asked with the same command line.
    add_recognizer_arguments(parser)


# -- the checks ------------------------------------------------------------


def check_speech_output(cfg: Config) -> Check:
    program = shutil.which("espeak-ng")
    if program is None:
        return Check("Speech output", "FAIL", "espeak-ng is not installed",
                     "sudo apt install espeak-ng (or run scripts/install-pi.sh)")
    from voice.audio.clip import read_wav

    with tempfile.TemporaryDirectory(prefix="voice-doctor-") as tmp:
        wav = Path(tmp) / "test.wav"
        proc = subprocess.run(
            [program, "-v", cfg.voice, "-w", str(wav), "This is a test of my voice."],
            capture_output=True, text=True, timeout=30,
        )
        if proc.returncode != 0 or not wav.is_file():
            why = (proc.stderr.strip().splitlines() or ["no error message"])[0]
            return Check("Speech output", "FAIL", f"espeak-ng could not speak ({why})",
                         f"check the voice name '{cfg.voice}' with: espeak-ng --voices")
        clip = read_wav(wav)
    if clip.duration < 0.5 or clip.rms() == 0:
        return Check("Speech output", "FAIL", "espeak-ng produced no sound",
                     "reinstall espeak-ng: sudo apt install --reinstall espeak-ng")
    return Check("Speech output", "ok",
                 f"espeak-ng spoke a test sentence ({clip.duration:.1f} s, voice {cfg.voice})")


def check_sound_devices(cfg: Config) -> Check:
    from voice.audio import devices

    try:
        found = devices.list_devices()
    except VoiceError as e:
        return Check("Sound system", "FAIL", e.message,
                     "sudo apt install libportaudio2 (or run scripts/install-pi.sh)")
    inputs = [d.name for d in found if d.input_channels]
    outputs = [d.name for d in found if d.output_channels]
    detail = (f"PortAudio lists microphones: {', '.join(inputs) or 'none'}; "
              f"speakers: {', '.join(outputs) or 'none'}")
    if not outputs:
        return Check("Sound system", "warn", detail,
                     "no speaker: answers will only be printed. Plug in a speaker or "
                     "headphones, and check the sound server (pulseaudio) is running")
    return Check("Sound system", "ok", detail)


def check_microphone(cfg: Config) -> Check:
    from voice.audio import devices

    wanted = cfg.input_device
    try:
        dev = devices.find_input_device(wanted)
    except VoiceError as e:
        inputs = [d for d in devices.list_devices() if d.input_channels]
        fix = ("plug in a USB microphone and check the sound server (pulseaudio) is running, "
               "then run 'voice doctor' again; typed questions still work")
        if wanted and inputs:
            fix = ("set [audio] input_device to part of one of those names "
                   "('voice config' shows where it is set now)")
        return Check("Microphone", "FAIL", e.message, fix)
    how = f'matches "{wanted}"' if wanted else "the default"
    try:
        seconds = record_briefly(dev.index, dev.default_rate)
    except Exception as e:  # PortAudio raises its own error type; any failure means the same
        return Check("Microphone", "FAIL", f'"{dev.name}" is listed but could not record ({e})',
                     "check the user is in the 'audio' group (sudo adduser $USER audio, "
                     "then log in again) and that no other program holds the microphone")
    return Check("Microphone", "ok",
                 f'"{dev.name}" ({how}) recorded {seconds:.1f} s at {dev.default_rate} Hz')


def record_briefly(index: int, rate: int, seconds: float = 0.3, timeout: float = 5.0) -> float:
    """Record a moment from the device: being listed does not mean it works.

    A callback stream with a deadline, because a stream whose server died
    stops silently (MACHINE-NOTES) and a blocking wait would hang the doctor.
    """
    import threading

    import sounddevice as sd

    wanted = int(rate * seconds)
    got = [0]
    done = threading.Event()

    def callback(indata: object, frames: int, time_info: object, status: object) -> None:
        got[0] += frames
        if got[0] >= wanted:
            done.set()

    with sd.InputStream(device=index, samplerate=rate, channels=1, dtype="int16",
                        callback=callback):
        if not done.wait(timeout):
            raise TimeoutError(f"no sound arrived within {timeout:.0f} s")
    return got[0] / float(rate)


def check_pocketsphinx() -> Check:
    try:
        import pocketsphinx
    except ImportError:
        return Check("PocketSphinx", "FAIL", "not installed",
                     "run scripts/install-pi.sh again (it installs the Python packages)")
    t0 = time.monotonic()
    try:
        pocketsphinx.Decoder(samprate=16000, logfn="/dev/null")
    except Exception as e:  # the engine reports a broken model with plain errors
        return Check("PocketSphinx", "FAIL", f"its bundled model did not load ({e})",
                     "reinstall: .venv/bin/pip install --force-reinstall pocketsphinx")
    return Check("PocketSphinx", "ok",
                 f"bundled English model loads ({time.monotonic() - t0:.1f} s)")


def check_whisper(cfg: Config) -> Check:
    """The Whisper model's four files against their pinned sizes and SHA-256."""
    from voice.models.store import models_dir
    from voice.speech_in.whisper.model_files import REPAIR, model_folder, model_problem

    folder = model_folder(models_dir(cfg))
    t0 = time.monotonic()
    problem = model_problem(folder)
    if problem:
        status: Status = "ok" if cfg.recognizer in ("vosk", "pocketsphinx") else "warn"
        return Check("Whisper", status, f"{problem} PocketSphinx is used instead"
                     if status == "warn" else problem, REPAIR[0].lower() + REPAIR[1:])
    return Check("Whisper", "ok", f"model in {folder}: every file matches its pinned SHA-256 "
                                  f"({time.monotonic() - t0:.1f} s)")


def check_vosk(cfg: Config, sphinx_ok: bool, whisper_ok: bool = False) -> Check:
    from voice.models.store import installed_models, models_dir

    # Missing Vosk is only a warning when PocketSphinx can stand in.
    missing: Status = "warn" if sphinx_ok and cfg.recognizer != "vosk" else "FAIL"
    used = "Whisper" if whisper_ok and cfg.recognizer in ("auto", "whisper") else "PocketSphinx"
    fallback = f"; {used} will be used" if missing == "warn" else ""
    try:
        import vosk  # noqa: F401
    except ImportError:
        return Check("Vosk", missing, f"the vosk package is not installed{fallback}",
                     "run scripts/install-pi.sh again")
    if cfg.model:
        path = Path(cfg.model).expanduser()
        where = f"{path} (set in [speech_in] model)"
    else:
        root = models_dir(cfg)
        vosk_models = [m for m in installed_models(root) if m.kind == "vosk"]
        # The same rule as voice.speech_in.select: only an English model is used.
        english = [m for m in vosk_models if m.lang.lower().split("-")[0] == "en"]
        if not english:
            others = ", ".join(f"{m.name} ({m.lang or 'language unknown'})" for m in vosk_models)
            found = f" (found only: {others})" if others else ""
            return Check("Vosk", missing, f"no English Vosk model in {root}{found}{fallback}",
                         "for better recognition run: voice models download")
        path, where = english[0].path, str(english[0].path)
    if not path.is_dir():
        return Check("Vosk", missing, f"no Vosk model at {where}{fallback}",
                     "fix the path, or run: voice models download")
    seconds, error = load_vosk_model(path)
    if error:
        return Check("Vosk", missing, f"the model at {where} does not load ({error}){fallback}",
                     "download it again: voice models download --force")
    return Check("Vosk", "ok", f"model at {where} loads ({seconds:.1f} s)")


def load_vosk_model(path: Path, timeout: float = 120) -> tuple[float, str]:
    """(seconds, "") when the model loads, else (seconds, why not).

    In a child process: Vosk aborts the whole process on some broken models
    (MACHINE-NOTES: it segfaults on bad input), and the doctor must finish.
    """
    code = ("import sys, vosk; vosk.SetLogLevel(-1); vosk.Model(sys.argv[1])")
    t0 = time.monotonic()
    try:
        proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                              text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return time.monotonic() - t0, f"still loading after {timeout:.0f} s"
    seconds = time.monotonic() - t0
    if proc.returncode == 0:
        return seconds, ""
    last = (proc.stderr.strip().splitlines() or [f"exit code {proc.returncode}"])[-1]
    return seconds, last[:200]


def _switched_off_by(cfg: Config) -> str:
    """What turned the voice adaptation off, as the user would write it."""
    if cfg.sources.get("adaptation") == "command line":
        return "--no-adaptation"
    return "[speech_in] adaptation = false"


def check_adaptation(cfg: Config) -> Check:
    """Whether PocketSphinx will use an adaptation to the user's voice."""
    from voice.speech_in.pocketsphinx import adaptation as ad

    path = ad.default_transform_path()
    try:
        ad.check_tools()
        tools = ""
    except VoiceError as e:
        tools = e.message
    if not path.exists():
        if tools:
            return Check("Voice adaptation", "warn", f"none made yet; {tools}",
                         "then run 'voice adapt' to teach it your voice")
        return Check("Voice adaptation", "ok", "none made yet",
                     "to be understood better, run 'voice adapt' (about 5 minutes)")
    problem = ad.transform_problem(path)
    if problem:
        # Still a warning when switched off: the next ordinary start meets it.
        off = f" (not used anyway: {_switched_off_by(cfg)})" if not cfg.adaptation else ""
        return Check("Voice adaptation", "warn", problem[0].upper() + problem[1:] + off,
                     "run 'voice adapt' again (or 'voice adapt --reset')")
    if not cfg.adaptation:
        return Check("Voice adaptation", "ok",
                     f"{path} exists but is switched off ({_switched_off_by(cfg)})")
    when = time.strftime("%Y-%m-%d", time.localtime(path.stat().st_mtime))
    return Check("Voice adaptation", "ok",
                 f"in use for PocketSphinx (made {when}, {path})")


def check_learning(cfg: Config) -> Check:
    """Whether listening learns the user's voice, what from, and how far it got."""
    from voice.speech_in.pocketsphinx import adaptation as ad
    from voice.speech_in.pocketsphinx.learning import FIRST_AFTER, VoiceLearner, start_transform

    learner = VoiceLearner()
    kept = len(list(learner.heard_dir.glob("*.txt"))) if learner.heard_dir.is_dir() else 0
    sentences = ad.kept_sentences()
    stored = f"; {kept} recent questions kept in {learner.heard_dir}" if kept else ""
    if sentences:
        stored += (f"; {sentences} sentences from 'voice adapt' kept in "
                   f"{ad.default_enrolment_dir()}")
    if not cfg.adaptation or not cfg.learn_voice:
        by = (_switched_off_by(cfg) if not cfg.adaptation
              else "[speech_in] learn_voice = false")
        return Check("Learning your voice", "ok", f"switched off ({by}){stored}",
                     "'voice adapt --reset' deletes what was kept" if stored else "")
    enrolled = ad.default_transform_path()
    if enrolled.exists() and not sentences:
        # Made before 'voice adapt' kept its sentences: see select._pocketsphinx_for.
        return Check("Learning your voice", "ok",
                     f"off: the adaptation made with 'voice adapt' is used as it is{stored}",
                     "run 'voice adapt' again to go on learning your voice as you speak")
    on_top = " on top of the sentences read for 'voice adapt'" if enrolled.exists() else ""
    if start_transform(enrolled if enrolled.exists() else None,
                       learner.transform) == learner.transform:
        when = time.strftime("%Y-%m-%d %H:%M",
                             time.localtime(learner.transform.stat().st_mtime))
        return Check("Learning your voice", "ok",
                     f"in use (last learned {when}{on_top}){stored}")
    return Check("Learning your voice", "ok",
                 f"{kept} of the {FIRST_AFTER} questions it needs heard so far{on_top}{stored}",
                 "just keep asking" if on_top
                 else "just keep asking; or read sentences once with 'voice adapt'")


def check_phrasings() -> Check:
    """How many ways of asking the assistant learned from the user (kept on this device)."""
    from voice.conversation.personal_store import default_path

    path = default_path()
    if not path.exists():
        return Check("Your ways of asking", "ok", "none learned yet")
    import json

    try:
        count = len(json.loads(path.read_text(encoding="utf-8"))["phrasings"])
    except (OSError, ValueError, KeyError, TypeError) as e:
        return Check("Your ways of asking", "warn", f"{path} is damaged ({e})",
                     "the assistant sets it aside when it starts; nothing else to do")
    return Check("Your ways of asking", "ok",
                 f"{count} learned, kept on this device only in {path}",
                 "'voice phrases' lists them; 'voice phrases --forget' deletes them")


def check_pause(cfg: Config) -> Check:
    """The quiet that ends a spoken question, and where it came from: a
    caregiver asking why it waits so long (or cuts someone off) hears that
    the user chose it by voice ("give me more time": conversation/waiting.py)."""
    from voice.app import voice_settings

    settings, path = voice_settings(cfg, persisted=True)
    if settings.wait != float(cfg.silence_timeout):
        where = f"chosen by voice, kept in {path}"
    elif cfg.sources.get("silence_timeout", "default") == "default":
        where = "the default"
    else:
        where = "from the settings"
    return Check("Pause that ends a question", "ok", f"{settings.wait:g} s of quiet ({where})",
                 "say 'give me more time' or 'don't wait so long' to change it")


def check_recognizer_choice(cfg: Config, sphinx: Check, vosk: Check,
                            whisper: Check | None = None) -> Check:
    usable = {"pocketsphinx": sphinx.status == "ok", "vosk": vosk.status == "ok",
              "whisper": whisper is not None and whisper.detail.startswith("model in")}
    if cfg.recognizer == "auto":
        # As voice.speech_in.select: a Vosk model named in the settings comes first.
        if cfg.model and Path(cfg.model).expanduser().is_dir():
            usable["whisper"] = False
        chosen = ("whisper" if usable["whisper"] else "vosk" if usable["vosk"]
                  else "pocketsphinx" if usable["pocketsphinx"] else "")
    elif cfg.recognizer == "whisper" and not usable["whisper"]:
        chosen = "pocketsphinx" if usable["pocketsphinx"] else ""  # select's fallback
    else:
        chosen = cfg.recognizer if usable[cfg.recognizer] else ""
    measured = ""
    if cfg.recognizer == "auto":
        from voice.speech_in.select import preferred_engine_for_user

        best = preferred_engine_for_user(cfg)  # a damaged file: its own check says so
        if best is not None and usable[best[0]]:
            chosen, measured = best[0], ", measured best for your voice"
    if not chosen:
        return Check("Recognizer", "FAIL",
                     f"'{cfg.recognizer}' cannot be used (see the lines above)",
                     "follow the advice above, or set [speech_in] recognizer = \"auto\"")
    detail = f"{chosen} will be used (setting: {cfg.recognizer}{measured})"
    if chosen == "pocketsphinx":
        from voice.speech_in.pocketsphinx.adaptation import (
            default_transform_path,
            transform_problem,
        )

        path = default_transform_path()
        if path.exists() and not cfg.adaptation:
            detail += f", without your voice adaptation ({_switched_off_by(cfg)})"
        elif path.exists() and not transform_problem(path):
            detail += ", with your voice adaptation"
    return Check("Recognizer", "ok", detail)


def check_own_voice(cfg: Config) -> Check:
    """Which recognizer heard this user best when 'voice adapt' compared them."""
    from voice.speech_in import own_voice

    try:
        result = own_voice.load()
    except own_voice.ResultsDamaged as e:
        return Check("Recognizer for your voice", "warn", str(e), "run 'voice adapt' again")
    if result is None:
        return Check("Recognizer for your voice", "ok", "not measured yet",
                     "run 'voice adapt' to find the recognizer that hears you best")
    return Check("Recognizer for your voice", "ok", own_voice.doctor_detail(result))


def check_content(cfg: Config) -> Check:
    from voice.content.loader import load_knowledge

    try:
        kb = load_knowledge(cfg.content_dirs)
    except VoiceError as e:
        return Check("Content", "FAIL", e.message,
                     "fix the file named above, or point [content] dirs at your content")
    return Check("Content", "ok", f"{len(kb.entries)} entries from {len(kb.files)} files")


def check_gpio(cfg: Config) -> Check:
    from voice.devices.push_to_talk import default_pin_factory

    try:
        factory = default_pin_factory()
    except VoiceError:
        status: Status = "warn" if cfg.button_pin is not None else "ok"
        fix = ("the button setting is ignored here; the keyboard is used instead"
               if cfg.button_pin is not None else "")
        return Check("GPIO", status, "not a Raspberry Pi: keyboard mode", fix)
    name = type(factory).__name__
    pins = ", ".join(
        f"{what} on GPIO {pin}"
        for what, pin in (("button", cfg.button_pin), ("light", cfg.led_pin))
        if pin is not None
    )
    return Check("GPIO", "ok", f"pin factory {name}" + (f"; {pins}" if pins else ""))


def check_wake(cfg: Config) -> Check:
    from voice.speech_in.wake.phrase import wake_summary

    return Check("Wake phrase", *wake_summary(cfg))


def check_stop_word(cfg: Config) -> Check:
    """The "stop" model's two files against their pins, and that it loads."""
    from voice.models.store import models_dir
    from voice.speech_in.wake.stop_word import REPAIR, load_stop_spotter, stop_model_folder

    folder = stop_model_folder(models_dir(cfg))
    spotter, problem = load_stop_spotter(folder)
    if spotter is None:
        return Check("Stop word", "warn" if cfg.barge_in else "ok",
                     f"{problem} Barge-in hears 'stop' with Whisper only, a little later",
                     REPAIR)
    spotter.close()
    return Check("Stop word", "ok", f"model in {folder}: both files match their pinned "
                                    "SHA-256 and it loads; stop_check = "
                                    f"{cfg.stop_check!r}")


def check_stop_priority(cfg: Config) -> Check:
    """Whether the stop path (barge-in's thread, the microphone's and the
    player's) may run at real-time priority while an answer plays
    (voice/audio/priority.py STOP_PATH_RT): without it a busy device can keep
    "stop" waiting; barge-in still works."""
    from voice.audio import priority

    taken, detail = priority.rt_permission()
    if taken or priority.STOP_PATH_RT <= 0:
        return Check("Stop priority", "ok", detail)
    return Check("Stop priority", "warn" if cfg.barge_in else "ok",
                 f"{detail}; 'stop' works, and may be late while the device is busy",
                 "allow it for the audio group: a line '@audio - rtprio 10' in "
                 "/etc/security/limits.d/voice.conf, the user in group audio, then log in "
                 "again (docs/raspberry-pi.md)")


def run_checks(cfg: Config) -> list[Check]:
    """Every check in order; a check that crashes is reported, never raised."""

    def safe(name: str, fn: Callable[[], Check]) -> Check:
        try:
            return fn()
        except VoiceError as e:
            return Check(name, "FAIL", e.message)
        except Exception as e:  # a doctor must finish and report, whatever breaks
            return Check(name, "FAIL", f"the check itself failed ({type(e).__name__}: {e})",
                         "please report this")

    checks = [
        safe("Speech output", lambda: check_speech_output(cfg)),
        safe("Sound system", lambda: check_sound_devices(cfg)),
        safe("Microphone", lambda: check_microphone(cfg)),
    ]
    whisper = safe("Whisper", lambda: check_whisper(cfg))
    sphinx = safe("PocketSphinx", check_pocketsphinx)
    whisper_ok = whisper.detail.startswith("model in")
    vosk = safe("Vosk", lambda: check_vosk(cfg, sphinx.status == "ok", whisper_ok))
    if whisper_ok and cfg.recognizer in ("auto", "whisper") and vosk.status == "warn":
        vosk = Check("Vosk", "ok", vosk.detail)  # not needed while Whisper works
    checks += [whisper, sphinx, vosk, check_recognizer_choice(cfg, sphinx, vosk, whisper)]
    checks.append(safe("Voice adaptation", lambda: check_adaptation(cfg)))
    checks.append(safe("Learning your voice", lambda: check_learning(cfg)))
    checks.append(safe("Recognizer for your voice", lambda: check_own_voice(cfg)))
    checks.append(safe("Content", lambda: check_content(cfg)))
    checks.append(safe("Your ways of asking", check_phrasings))
    checks.append(safe("Pause that ends a question", lambda: check_pause(cfg)))
    checks.append(safe("GPIO", lambda: check_gpio(cfg)))
    checks.append(safe("Privacy", check_privacy))
    checks.append(safe("Wake phrase", lambda: check_wake(cfg)))
    checks.append(safe("Stop word", lambda: check_stop_word(cfg)))
    checks.append(safe("Stop priority", lambda: check_stop_priority(cfg)))
    return checks


def check_privacy() -> Check:
    """What is kept on this device, from the one table (voice.privacy.KEPT)."""
    from voice.privacy import summary

    return Check("Privacy", "ok", summary())


def summary(checks: list[Check]) -> str:
    # Names once each: three settings mistakes are three lines, one name here.
    failed = list(dict.fromkeys(c.name for c in checks if c.status == "FAIL"))
    if failed:
        return (f"{len(failed)} problem{'s' if len(failed) > 1 else ''} to fix: "
                f"{', '.join(failed)}. The lines above say what to do.")
    warned = [c.name for c in checks if c.status == "warn"]
    if warned:
        return f"The assistant can run. Worth a look: {', '.join(warned)}."
    return "Everything the assistant needs is working."


#: The fix after the last settings mistake: the checks are made with the
#: settings the assistant itself runs with (``config.load(forgiving=True)``).
SETTINGS_FIX = ("fix that file; the assistant uses the usual value for each of those, "
                "and so do the checks below")


def settings_failures(message: str, fix: str = SETTINGS_FIX) -> list[Check]:
    """One FAIL line per settings mistake (ConfigInvalid gives one per line).

    A screen reader reads each printed line alone, so a mistake on a bare
    line without "FAIL Settings:" would not say what it is; the fix is said
    once, after the last mistake, rather than repeated to a tired listener.
    """
    mistakes = [m.strip() for m in message.splitlines() if m.strip()] or [message]
    return [Check("Settings", "FAIL", m, fix if i == len(mistakes) - 1 else "")
            for i, m in enumerate(mistakes)]


def run(args: argparse.Namespace) -> int:
    try:
        # As the assistant reads them: one mistake sets aside that setting
        # only. The checks were made with every default instead, so a file
        # with `rat = 120` and `input_device = "USB"` had the default
        # microphone checked while the assistant listened on the USB one.
        cfg = config_from_args(args, forgiving=True)
        config_lines = (settings_failures("\n".join(cfg.problems)) if cfg.problems else
                        [Check("Settings", "ok", "loaded ('voice config' shows them)")])
    except ConfigInvalid as e:
        # Keep going with the defaults: the other checks are still worth having.
        from voice import config as config_mod

        cfg = config_mod.Config()
        config_lines = settings_failures(e.message)
    for check in config_lines:
        print(check.line(), flush=True)
    checks = list(config_lines)
    for check in run_checks(cfg):
        print(check.line(), flush=True)
        checks.append(check)
    text = summary(checks)
    print(text)
    if args.speak and shutil.which("espeak-ng"):
        subprocess.run(["espeak-ng", "-v", cfg.voice, "-s", str(cfg.rate), text],
                       capture_output=True, timeout=60, check=False)
    failed = any(c.status == "FAIL" for c in checks)
    if failed:
        sys.stdout.flush()
    return 1 if failed else 0
