"""Settings: one TOML file, checked once at start-up.

Precedence, lowest first: built-in defaults, the per-user file
(``$XDG_CONFIG_HOME/voice/config.toml``), a file given with ``--config`` (or
``$VOICE_CONFIG``), then command-line flags. ``Config.sources`` remembers where
each value came from so ``voice config`` can show it.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from voice.config_toml import toml_mistake
from voice.errors import ConfigInvalid
from voice.text_files import NotUtf8, read_text

REPO_ROOT = Path(__file__).resolve().parent.parent


def user_config_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "voice"


def user_state_dir() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "voice"


def default_models_dir() -> Path:
    env = os.environ.get("VOICE_MODELS_DIR")
    return Path(env) if env else REPO_ROOT / "models"


@dataclass(frozen=True)
class Config:
    """Every setting in force. Keys in TOML are ``section.name``."""

    content_dirs: tuple[str, ...] = (str(REPO_ROOT / "content"),)
    """[content] dirs: folders (or files) of Markdown entries, merged."""
    answer_threshold: float = 72.0
    """[matching] answer_threshold: score at or above which an entry is answered outright."""
    confirm_threshold: float = 45.0
    """[matching] confirm_threshold: score at or above which "Did you mean ...?" is asked."""
    recognizer: str = "auto"
    """[speech_in] recognizer: whisper, vosk, pocketsphinx or auto."""
    model: str = ""
    """[speech_in] model: path of a Vosk model folder; empty means look in models/."""
    adaptation: bool = True
    """[speech_in] adaptation: use the adaptation to the user's voice made by
    ``voice adapt`` (PocketSphinx only); false ignores it."""
    learn_voice: bool = True
    """[speech_in] learn_voice: get used to the user's voice from what it hears
    (keeps the last 60 questions' audio, and the sentences read for 'voice
    adapt', in the user's state folder); false: off, and nothing is kept."""
    input_device: str = ""
    """[audio] input_device: part of the microphone's name; empty for the default."""
    output_device: str = ""
    """[audio] output_device: part of the speaker's name; empty for the default."""
    silence_timeout: float = 2.0
    """[audio] silence_timeout: seconds of silence that end a question (generous: people pause)."""
    start_timeout: float = 15.0
    """[audio] start_timeout: seconds to wait for speech to begin before saying so."""
    unfinished_wait: float = 6.0
    """[audio] unfinished_wait: after a question heard ending on "and", "or",
    "but", "because" (a slow speaker's pause mid-question), seconds to wait
    for the rest before answering the part heard; 0 answers at once. The
    rest is taken as one question with it. 6: a pause of up to about 8 s in
    all (with silence_timeout's 2), beyond the 3 to 5 s pauses that split
    one question into two or three turns (docs/loose-ends.md, session 23)."""
    max_utterance: float = 30.0
    """[audio] max_utterance: longest question in seconds."""
    rate: int = 150
    """[speech_out] rate: words per minute."""
    volume: float = 0.9
    """[speech_out] volume: 0.0 to 1.0."""
    voice: str = "en-us"
    """[speech_out] voice: espeak-ng voice name."""
    mode: str = "toggle"
    """[ptt] mode: toggle (press to start and stop) or hold."""
    button_pin: int | None = None
    """[ptt] button_pin: GPIO number of the button; none for keyboard."""
    led_pin: int | None = None
    """[ptt] led_pin: GPIO number of the status LED; none for no LED."""
    pwm_led: bool = False
    """[ptt] pwm_led: the status LED can be dimmed (PWM), so it pulses while speaking."""
    long_press: float = 1.5
    """[ptt] long_press: seconds a press is held to stop the speech."""
    double_press: float = 0.6
    """[ptt] double_press: two presses within this many seconds repeat the last answer."""
    question_log: bool = False
    """[questions] log: keep the questions asked (30 days, on this device) for the
    caregiver's page; off by default, and turning it on is said aloud once."""
    wake_word: bool = True
    """[listen] wake_word: 'voice listen' answers only after the wake phrase
    (or within follow_up seconds of its last reply); false answers everything.
    On by default since its unsure spots are checked by Whisper: measured
    (scripts/benchmark_wake.py --half held --seed 18 --minutes 600) "okay nabu"
    caught 43 of 48 held-out espeak-ng phrases and 16 of 16 real clips,
    and woke 0 times in 9.07 h of speech not addressed to it (docs/wake-word.md)."""
    wake_phrase: str = "okay nabu"
    """[listen] wake_phrase: the words that wake it. "okay nabu" (the default),
    "hey jarvis", "hey mycroft", "alexa": heard by a neural model (0 false wakes
    in 10 h, scripts/benchmark_wake.py); any other common English words: by
    PocketSphinx (0.9 false wakes an hour; docs/wake-word.md)."""
    follow_up: float = 8.0
    """[listen] follow_up: seconds after a reply in which no wake phrase is needed."""
    unaddressed_emergencies: bool = True
    """[listen] unaddressed_emergencies: with the wake phrase on, a short cry of an
    emergency said without it ("help, I can't breathe") still gets the emergency
    advice; false leaves all unaddressed talk unanswered. On by default, since
    someone in distress forgets the phrase: measured (scripts/benchmark_unaddressed.py,
    held out) 235 of 336 espeak-ng cries caught, 40 of 112 under TV talk, and
    1 needless advice in 1.21 h of speech not addressed to it, 0 in 502 real
    people's utterances (docs/wake-word.md). A household the TV sets off can
    turn it off here."""
    barge_in: bool = True
    """[listen] barge_in: while 'voice listen' reads an answer, "stop" (or the wake
    phrase) said aloud stops it (echo cancellation + the microWakeWord "stop" model
    and Whisper; docs/wake-word.md). On by default: measured
    (scripts/benchmark_barge_in.py --answers all --stops 20) it never stopped
    itself in 26 answers and caught 20 of 20 "stop"s, 17 within 300 ms."""
    stop_check: str = "hiss"
    """[listen] stop_check: "hiss" (the default): the "stop" model's word counts at
    once only with the hiss of its /s/, so someone's "no" in the room does not
    cut the answer off; a "stop" with no /s/ heard is still caught by Whisper,
    a little later. "off": the model alone, quicker for a weak /s/ but stopped by
    "no" too. Measured on real people (scripts/benchmark_stop_word.py, tuning
    half): "hiss" took 38 of 45 "stop"s at once and 0 of 21 "no"/"go"/"right",
    "off" 44 of 45 and 8 of 21; held out, once: 39 of 45 and 2 of 27 against 44
    of 45 and 18 of 27 (docs/wake-word.md)."""
    sources: dict[str, str] = field(default_factory=dict, compare=False)
    """Where each value came from (key -> "default", a file path, or "command line")."""
    problems: tuple[str, ...] = field(default=(), compare=False)
    """Mistakes in a settings file that were set aside (``load(forgiving=True)``):
    one line each; the setting keeps its default."""


#: TOML key -> Config field, with the type a value must have.
KEYS: dict[str, tuple[str, type | tuple[type, ...]]] = {
    "content.dirs": ("content_dirs", list),
    "matching.answer_threshold": ("answer_threshold", (int, float)),
    "matching.confirm_threshold": ("confirm_threshold", (int, float)),
    "speech_in.recognizer": ("recognizer", str),
    "speech_in.model": ("model", str),
    "speech_in.adaptation": ("adaptation", bool),
    "speech_in.learn_voice": ("learn_voice", bool),
    "audio.input_device": ("input_device", str),
    "audio.output_device": ("output_device", str),
    "audio.silence_timeout": ("silence_timeout", (int, float)),
    "audio.start_timeout": ("start_timeout", (int, float)),
    "audio.unfinished_wait": ("unfinished_wait", (int, float)),
    "audio.max_utterance": ("max_utterance", (int, float)),
    "speech_out.rate": ("rate", int),
    "speech_out.volume": ("volume", (int, float)),
    "speech_out.voice": ("voice", str),
    "ptt.mode": ("mode", str),
    "ptt.button_pin": ("button_pin", int),
    "ptt.led_pin": ("led_pin", int),
    "ptt.pwm_led": ("pwm_led", bool),
    "ptt.long_press": ("long_press", (int, float)),
    "ptt.double_press": ("double_press", (int, float)),
    "questions.log": ("question_log", bool),
    "listen.wake_word": ("wake_word", bool),
    "listen.wake_phrase": ("wake_phrase", str),
    "listen.follow_up": ("follow_up", (int, float)),
    "listen.unaddressed_emergencies": ("unaddressed_emergencies", bool),
    "listen.barge_in": ("barge_in", bool),
    "listen.stop_check": ("stop_check", str),
}
#: The values of listen.stop_check (voice/speech_in/wake/stop_word.py): "hiss"
#: (the /s/ check, the default) or "off" (the model alone: a weak /s/ is
#: stopped at once, but so is someone else's "no" in the room).
STOP_CHECKS = ("hiss", "off")
FIELD_TO_KEY = {f: k for k, (f, _) in KEYS.items()}


def _flatten(data: dict[str, Any], where: str) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for section, body in data.items():
        if not isinstance(body, dict):
            raise ConfigInvalid(f"{where}: '{section}' must be a [section], not a value")
        for name, value in body.items():
            flat[f"{section}.{name}"] = value
    return flat


def _nearest(word: str, choices: list[str]) -> str | None:
    """The valid name closest to a misspelt ``word``, if any is close enough."""
    import difflib

    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return close[0] if close else None


def _lines_of(text: str) -> dict[str, int]:
    """Line numbers (from 1) of each ``[section]`` and ``section.name`` in a TOML text.

    tomllib keeps no positions, and a message must name the line to fix.
    Plain ``name = value`` lines under ``[section]`` headers are all the
    settings file uses; anything fancier simply gets no line number.
    """
    import re

    found: dict[str, int] = {}
    section = ""
    for number, line in enumerate(text.splitlines(), start=1):
        header = re.match(r"\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$", line)
        if header:
            section = header.group(1).strip().strip('"\'')
            found.setdefault(f"[{section}]", number)
            continue
        key = re.match(r"\s*([A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*')\s*=", line)
        if key:
            found.setdefault(f"{section}.{key.group(1).strip(chr(34) + chr(39))}", number)
    return found


def _mistakes(data: dict[str, Any], where: str, lines: dict[str, int]) -> tuple[
        dict[str, Any], list[str]]:
    """Checked values of a parsed settings file, and one line per mistake in it.

    Every mistake is reported at once, each with its line and, for a
    misspelt name, the nearest valid one: fixing a file one error per start
    would wear out a caregiver.
    """
    sections = sorted({k.split(".", 1)[0] for k in KEYS})
    values: dict[str, Any] = {}
    problems: list[str] = []

    def at(mark: str) -> str:
        line = lines.get(mark)
        return f"{where}, line {line}" if line else where

    for section, body in data.items():
        if not isinstance(body, dict):
            problems.append(f"{at(f'.{section}')}: '{section}' must be a [section] "
                            f"with settings under it, not a value")
            continue
        known_section = section in sections
        if not known_section:
            near = _nearest(section, sections)
            hint = f"did you mean [{near}]?" if near else f"the sections are {', '.join(sections)}"
            problems.append(f"{at(f'[{section}]')}: unknown section [{section}]; {hint}")
        # Names are checked against the section meant, so "rat" under a
        # misspelt [speech_outt] still gets "did you mean 'rate'?".
        meant = section if known_section else (_nearest(section, sections) or section)
        names = sorted(k.split(".", 1)[1] for k in KEYS if k.startswith(f"{meant}."))
        for name, value in body.items():
            key = f"{section}.{name}"
            if f"{meant}.{name}" not in KEYS:
                near = _nearest(name, names)
                home = [k for k in KEYS if k.endswith(f".{name}")]
                if home:
                    hint = f"it belongs in [{home[0].split('.', 1)[0]}]"
                elif near:
                    hint = f"did you mean '{near}'?"
                elif far := _nearest(name, [k.split(".", 1)[1] for k in KEYS]):
                    # "silence_timeut" under [speech_in] was told the four names
                    # of [speech_in]; it is a misspelt [audio] silence_timeout.
                    far_home = next(k for k in KEYS if k.endswith(f".{far}")).split(".", 1)[0]
                    hint = f"did you mean '{far}' in [{far_home}]?"
                elif names:
                    hint = f"the settings in [{meant}] are {', '.join(names)}"
                else:
                    hint = "see config.example.toml for every setting"
                problems.append(f"{at(key)}: unknown setting '{name}'; {hint}")
                continue
            if not known_section:
                continue  # already reported: the section name is wrong
            try:
                values[KEYS[key][0]] = _check(key, value, at(key), base=Path(where).parent)
            except ConfigInvalid as e:
                problems.append(e.message)
                continue
            if key == "content.dirs":
                found, missing = _content_found(values.pop("content_dirs"), value, at(key))
                problems.extend(missing)
                if found:
                    values["content_dirs"] = found
    return values, problems


def _content_found(paths: tuple[str, ...], written: list[str], where: str) -> tuple[
        tuple[str, ...], list[str]]:
    """The folders of a settings file's [content] dirs that are there, and a
    line for each that is not, with the nearest folder beside it.

    A folder not found stopped every command (exit 2, said aloud by `voice
    listen`, and under systemd said again every 5 s); a settings mistake is
    set aside instead: with none of them found, the shipped content answers.
    """
    found: list[str] = []
    missing: list[str] = []
    for path, as_written in zip(paths, written, strict=True):
        # A relative folder not beside the file is still looked for where the
        # command was started: that is where it was taken from until now
        # (the Pi's service starts in the repository), and a file written
        # for that must keep its content.
        there = next((p for p in (Path(path), Path.cwd() / as_written) if p.exists()), None)
        if there is not None:
            found.append(str(there.resolve()))
            continue
        looked = "" if os.path.isabs(as_written) else f" (looked for {path})"
        missing.append(f"{where}: content folder '{as_written}' not found{looked}; "
                       f"{_nearest_folder(Path(path))}")
    return tuple(found), missing


def _nearest_folder(path: Path) -> str:
    """'did you mean ...?' with the folder beside ``path`` spelled most like
    it, else where the shipped content is."""
    try:
        beside = [p.name for p in path.parent.iterdir() if p.is_dir() or p.suffix == ".md"]
    except OSError:
        beside = []
    near = _nearest(path.name, beside)
    if near:
        return f"did you mean '{path.parent / near}'?"
    return f"the shipped content is in {Config.content_dirs[0]}"


def _has_type(value: Any, typ: type | tuple[type, ...]) -> bool:
    # A separate function so the checker does not narrow ``value`` to object.
    if typ is bool:
        return isinstance(value, bool)
    return not isinstance(value, bool) and isinstance(value, typ)


#: How a value's type is named in a message.
_TYPE_WORDS: dict[type | tuple[type, ...], str] = {
    int: "a whole number", (int, float): "a number", str: "text in quotes",
    bool: "true or false", list: "a list such as [\"content\"]",
}


def _check(key: str, value: Any, where: str, base: Path | None = None) -> Any:
    """The value of ``key`` as the assistant uses it; ConfigInvalid saying what
    is wrong. ``base``: the folder of the settings file the value is from, for
    relative content folders (None: the command line's, the working folder)."""
    if key not in KEYS:
        known = ", ".join(sorted(KEYS))
        raise ConfigInvalid(f"{where}: unknown setting '{key}'. Known settings: {known}")
    name, typ = KEYS[key]
    if not _has_type(value, typ):
        raise ConfigInvalid(f"{where}: '{key}' must be {_TYPE_WORDS.get(typ, 'another type')}, "
                            f"not {value!r}")
    if name == "content_dirs":
        if not value or not all(isinstance(v, str) for v in value):
            raise ConfigInvalid(f"{where}: 'content.dirs' must be a non-empty list of paths")
        # From the settings file's folder, as config.example.toml says. It was
        # tested on ``where``, which has carried the line number ("config.toml,
        # line 2") since messages named lines, so every relative folder was
        # taken from whatever folder the command was started in.
        base = base if base is not None else Path.cwd()
        return tuple(str((base / v).resolve()) if not os.path.isabs(v) else v for v in value)
    if name == "recognizer" and value not in ("auto", "whisper", "vosk", "pocketsphinx"):
        raise ConfigInvalid(
            f"{where}: 'speech_in.recognizer' must be auto, whisper, vosk or pocketsphinx")
    if name == "mode" and value not in ("toggle", "hold"):
        raise ConfigInvalid(f"{where}: 'ptt.mode' must be toggle or hold")
    if name == "volume" and not 0.0 <= float(value) <= 1.0:
        raise ConfigInvalid(f"{where}: 'speech_out.volume' must be between 0.0 and 1.0")
    if name == "rate" and not 60 <= value <= 400:
        raise ConfigInvalid(f"{where}: 'speech_out.rate' must be between 60 and 400 words a minute")
    if name in ("long_press", "double_press") and not 0.05 <= value <= 10:
        raise ConfigInvalid(f"{where}: '{key}' must be a number of seconds between 0.05 and 10")
    if name in ("silence_timeout", "start_timeout", "max_utterance") and not 0 < value <= 600:
        raise ConfigInvalid(f"{where}: '{key}' must be a number of seconds between 0 and 600")
    if name == "unfinished_wait" and not 0 <= value <= 60:
        raise ConfigInvalid(f"{where}: '{key}' must be a number of seconds between 0 and 60")
    if name in ("answer_threshold", "confirm_threshold") and not 0 <= value <= 100:
        raise ConfigInvalid(f"{where}: '{key}' must be between 0 and 100")
    if name == "follow_up" and not 0 <= value <= 600:
        raise ConfigInvalid(f"{where}: '{key}' must be a number of seconds between 0 and 600")
    if name == "wake_phrase" and not value.strip():
        # Say what is listened for meanwhile: the line alone left a user who
        # cannot fix the file wondering whether anything wakes it now.
        raise ConfigInvalid(f"{where}: 'listen.wake_phrase' must have at least one word; "
                            f"'{Config.wake_phrase}' is used until it has one")
    if name == "stop_check" and value not in STOP_CHECKS:
        near = _nearest(value, list(STOP_CHECKS)) or STOP_CHECKS[0]
        raise ConfigInvalid(f"{where}: 'listen.stop_check' must be hiss or off, "
                            f"not {value!r}; did you mean '{near}'?")
    if name in ("button_pin", "led_pin") and not 0 <= value <= 53:
        raise ConfigInvalid(f"{where}: '{key}' must be a GPIO number between 0 and 53")
    return float(value) if typ == (int, float) else value


#: Said after a line that is not valid TOML.
NOT_READ = ("the rest of this file was not read, so the usual settings are used "
            "until that line is fixed")


def settings_text(path: Path) -> str:
    """The text of a settings file. A byte-order mark before it (Windows
    Notepad's "UTF-8" before 2019, PowerShell 5's ``Out-File -Encoding utf8``)
    is dropped: TOML does not allow one, and the whole file was refused with
    "line 1: [speech_out]  <- not valid TOML", a line that looks right.
    NotUtf8 (voice/text_files.py) for a file that is not UTF-8."""
    return read_text(path)


def read_file(path: Path) -> dict[str, Any]:
    """Checked values of one TOML file, keyed by Config field name.

    Raises ConfigInvalid listing every mistake, one line each (file, line,
    what is wrong and the nearest valid name).
    """
    try:
        text = settings_text(path)
    except OSError as e:
        raise ConfigInvalid(f"{path}: cannot read the settings file ({e.strerror})") from e
    except NotUtf8 as e:
        raise ConfigInvalid(f"{path}, line {e.line}: not a text file (it is not UTF-8, "
                            f"{e.where()}); save it as UTF-8") from e
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        # The line as written, not only its number (voice/config_toml.py).
        # tomllib stops at the first broken line, so none of the file's other
        # lines is used or checked: said, or a caregiver took that line for
        # the only one to fix and met the next mistake only after fixing it.
        raise ConfigInvalid(f"{toml_mistake(path, text, e)}; {NOT_READ}") from e
    values, problems = _mistakes(data, str(path), _lines_of(text))
    if problems:
        raise ConfigInvalid("\n".join(problems), values)
    return values


def _set_at(sources: dict[str, str], *names: str) -> str:
    """"file, line N: " for two settings that disagree: the first of ``names``
    a settings file set, at its line there; "" when only flags set them.
    Such a line named neither file nor line, so a caregiver had to guess
    which file, of two, to open."""
    for name in names:
        where = sources.get(name, "default")
        if where in ("default", "command line"):
            continue
        try:
            line = _lines_of(settings_text(Path(where))).get(FIELD_TO_KEY[name])
        except (OSError, NotUtf8):
            line = None
        return f"{where}, line {line}: " if line else f"{where}: "
    return ""


def load(
    path: str | Path | None = None, overrides: dict[str, Any] | None = None,
    forgiving: bool = False,
) -> Config:
    """Defaults, then the user file, then ``path``, then ``overrides`` (field names).

    ``forgiving`` (the assistant itself, which must keep running for someone
    who cannot fix a file): a mistake in a settings file is set aside in
    ``Config.problems`` and that setting keeps its default, instead of
    raising ConfigInvalid; the file's other settings are used."""
    cfg = Config()
    sources = {f.name: "default" for f in fields(Config)
               if f.name not in ("sources", "problems")}
    layers: list[tuple[str, dict[str, Any]]] = []
    problems: list[str] = []

    def read(p: Path) -> dict[str, Any]:
        try:
            return read_file(p)
        except ConfigInvalid as e:
            if not forgiving:
                raise
            problems.extend(e.message.splitlines())
            return dict(e.values)

    user_file = user_config_dir() / "config.toml"
    if user_file.is_file():
        layers.append((str(user_file), read(user_file)))
    explicit = path or os.environ.get("VOICE_CONFIG")
    if explicit:
        p = Path(explicit)
        if not p.is_file():
            raise ConfigInvalid(f"{p}: settings file not found")
        layers.append((str(p), read(p)))
    if overrides:
        checked = {}
        for name, value in overrides.items():
            if value is None:
                continue
            key = FIELD_TO_KEY[name]
            if name == "content_dirs":
                value = list(value)
            checked[name] = _check(key, value, "command line")
        layers.append(("command line", checked))
    for where, values in layers:
        cfg = replace(cfg, **values)
        for name in values:
            sources[name] = where
    if cfg.double_press >= cfg.long_press:
        said = (f"{_set_at(sources, 'double_press', 'long_press')}'ptt.long_press' must be "
                f"longer than 'ptt.double_press'")
        if not forgiving:
            raise ConfigInvalid(said)
        problems.append(said)
        cfg = replace(cfg, long_press=Config.long_press, double_press=Config.double_press)
        sources.update(long_press="default", double_press="default")
    if cfg.confirm_threshold > cfg.answer_threshold:
        said = (f"{_set_at(sources, 'confirm_threshold', 'answer_threshold')}"
                f"'matching.confirm_threshold' must not be above 'matching.answer_threshold'")
        if not forgiving:
            raise ConfigInvalid(said)
        problems.append(said)
        cfg = replace(cfg, answer_threshold=Config.answer_threshold,
                      confirm_threshold=Config.confirm_threshold)
        sources.update(answer_threshold="default", confirm_threshold="default")
    return replace(cfg, sources=sources, problems=tuple(problems))
