"""Which espeak-ng voices exist, so a misspelt ``--voice`` is said, not ignored.

espeak-ng falls back to its default voice for a name it does not know, and
so did the assistant, silently: ``--voice klingon`` spoke en-us without a
word. Now the user is told, in one line, the name given, the nearest names
espeak-ng has and the command that lists them all (the whole list of English
voices was printed before: a paragraph where one name was wanted).
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import replace

from voice.speech_out.base import VoiceSettings

#: Spoken when the voice asked for does not exist (the built-in default).
FALLBACK = "en-us"

#: The commands that list the voices (all, and the English ones).
LIST_ALL = "espeak-ng --voices"
LIST_ENGLISH = "espeak-ng --voices=en"

#: At most this many nearest names are offered.
NEAREST = 3

#: rapidfuzz ratio a name needs to be offered as near. At 75 "en-uss" gives
#: en-us, "klingonn" klingon, "en-gb-scotlnd" en-gb-scotland, "enus" en-us and
#: "zzzz" nothing; at 70 "english" gave bengali, at 60 also welsh. A name with
#: none that near gets the voices with one of its words ("english",
#: "scottish", "nyc"); a variant ("f9") is near its kind ("f1".."f5") at 50.
NEAR_SCORE = 75.0
NEAR_VARIANT_SCORE = 50.0


@functools.lru_cache(maxsize=1)
def _listing() -> tuple[dict[str, str], frozenset[str], tuple[str, ...]]:
    """(every name a voice answers to -> its language, variant names,
    languages in espeak-ng's order), names lower case; empty when espeak-ng
    cannot be asked."""
    program = shutil.which("espeak-ng")
    if program is None:
        return {}, frozenset(), ()

    def rows(arg: str) -> list[list[str]]:
        try:
            out = subprocess.run([program, arg], capture_output=True, text=True,
                                 timeout=10).stdout
        except (OSError, subprocess.SubprocessError):
            return []
        return [line.split() for line in out.splitlines()[1:] if len(line.split()) >= 5]

    names: dict[str, str] = {}
    languages: list[str] = []
    for row in rows("--voices"):
        language, name, file = row[1], row[3], row[4]
        languages.append(language)
        # espeak-ng lists "English (America)" as English_(America), and takes
        # only the spaced form.
        for n in (language, name.replace("_", " ").strip(), file, file.rsplit("/", 1)[-1]):
            names.setdefault(n.lower(), language)
    variants = {n.lower() for row in rows("--voices=variant")
                for n in (row[3], row[4].rsplit("/", 1)[-1])}
    return names, frozenset(variants), tuple(languages)


def voice_problem(voice: str) -> tuple[str, bool] | None:
    """What is wrong with ``voice`` for English answers, in one line, and
    whether it cannot be used at all; None when nothing is (or when
    espeak-ng cannot be asked: then espeak-ng itself decides)."""
    names, variants, languages = _listing()
    if not names:
        return None
    base, _, variant = voice.strip().lower().partition("+")
    language = names.get(base)
    if language is None or (variant and variant not in variants):
        near = nearest_voices(voice)
        hint = (f"did you mean {' or '.join(repr(n) for n in near)}?" if near
                else "no voice has a name like it.")
        return (f"I don't know the voice '{voice.strip()}', so I will speak in {FALLBACK}; "
                f"{hint} List them with: {LIST_ENGLISH} (English) or {LIST_ALL} (all "
                f"{len(languages)})."), True
    if language.split("-", 1)[0] != "en":
        return (f"The voice '{voice}' is for the language '{language}', but my answers are "
                f"in English, so they may be hard to follow. List the English voices with: "
                f"{LIST_ENGLISH}"), False
    return None


def nearest_voices(voice: str) -> list[str]:
    """Up to NEAREST voice names espeak-ng has that are spelt most like
    ``voice`` (one per voice, English first on a tie); a known voice with
    a misspelt variant ("en-us+f9") gets that voice's nearest variants."""
    from rapidfuzz import fuzz, process, utils

    names, variants, _ = _listing()
    base, _, variant = voice.strip().lower().partition("+")
    if base in names:
        found = process.extract(variant, sorted(variants), scorer=fuzz.ratio,
                                limit=NEAREST, score_cutoff=NEAR_VARIANT_SCORE)
        return [f"{base}+{v}" for v, _, _ in found]
    # Language codes and voice names, English first; file paths ("gmw/en-us")
    # are not offered.
    choices = sorted((n for n in names if "/" not in n),
                     key=lambda n: names[n].split("-", 1)[0] != "en")
    found = process.extract(base, choices, scorer=fuzz.ratio, limit=None,
                            score_cutoff=NEAR_SCORE)
    if not found:  # a word of a voice's name: "english", "scottish"
        found = process.extract(base, choices, scorer=fuzz.token_set_ratio, limit=None,
                                processor=utils.default_process, score_cutoff=100)
    near: list[str] = []
    said: set[str] = set()
    for name, _, _ in sorted(found, key=lambda f: -f[1]):  # stable: English first on a tie
        if names[name] not in said:
            said.add(names[name])
            # "english (caribbean)" is offered as its code, en-029: no quotes to get wrong.
            offered = names[name] if " " in name else name
            near.append(f"{offered}+{variant}" if variant in variants else offered)
    return near[:NEAREST]


def checked_voice(settings: VoiceSettings, notify: Callable[[str], None],
                  where: str | None = None) -> VoiceSettings:
    """``settings`` with a voice espeak-ng has. A problem is told through
    ``notify``, after ``where`` the voice was set (a settings file's path and
    line) when given; an unknown voice is replaced by FALLBACK (espeak-ng
    would silently use its default), a known one in another language is kept."""
    problem = voice_problem(settings.voice)
    if problem is None:
        return settings
    message, unusable = problem
    notify(f"{where}: {message}" if where else message)
    return replace(settings, voice=FALLBACK) if unusable else settings


def where_set(source: str) -> str | None:
    """"<file>, line <n>" when the voice came from the settings file
    ``source`` (a ``Config.sources`` value), so a caregiver knows which line
    to fix; None for the default, the command line or a choice made by voice."""
    from pathlib import Path

    from voice.config import _lines_of

    if source in ("default", "command line") or not Path(source).is_file():
        return None
    try:
        line = _lines_of(Path(source).read_text(encoding="utf-8")).get("speech_out.voice")
    except (OSError, UnicodeDecodeError):
        line = None
    return f"{source}, line {line}" if line else source
