"""Which espeak-ng voices exist, so a misspelt ``--voice`` is said, not ignored.

espeak-ng falls back to its default voice for a name it does not know, and
so did the assistant, silently: ``--voice klingon`` spoke en-us without a
word. Now the user is told, in one line, which voices there are.
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
        for n in (language, name, file, file.rsplit("/", 1)[-1]):
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
    english = ", ".join(lang for lang in languages if lang.split("-", 1)[0] == "en")
    base, _, variant = voice.strip().lower().partition("+")
    language = names.get(base)
    if language is None or (variant and variant not in variants):
        return (f"I don't know the voice '{voice}', so I will speak in {FALLBACK}. "
                f"English voices: {english} ('espeak-ng --voices' lists all "
                f"{len(languages)}; add +f3 or +m3 for another speaker)."), True
    if language.split("-", 1)[0] != "en":
        return (f"The voice '{voice}' is for the language '{language}', but my answers are "
                f"in English, so they may be hard to follow. English voices: {english}."), False
    return None


def checked_voice(settings: VoiceSettings, notify: Callable[[str], None]) -> VoiceSettings:
    """``settings`` with a voice espeak-ng has. A problem is told through
    ``notify``; an unknown voice is replaced by FALLBACK (espeak-ng would
    silently use its default), a known one in another language is kept."""
    problem = voice_problem(settings.voice)
    if problem is None:
        return settings
    message, unusable = problem
    notify(message)
    return replace(settings, voice=FALLBACK) if unusable else settings
