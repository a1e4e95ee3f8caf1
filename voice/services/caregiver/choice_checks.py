"""Voice names and wake phrases the assistant can really use, checked when
the caregiver saves them, each refusal naming the nearest valid choice.

The page took any words: a misspelt voice ("en-uss") was printed by the
assistant and espeak-ng's default voice spoke; a wake phrase with a word
PocketSphinx lacks ("hey blorf") made ``voice listen`` fall back to "okay
nabu" (tests/test_listen_wake_phrase_unusable.py). Both checks are the
assistant's own: voice/speech_out/voices.py and voice/speech_in/wake/.
"""

from __future__ import annotations

import difflib
import functools

from voice.speech_out import voices

#: The wake phrases with a neural model (voice/speech_in/wake/micro.py).
NEURAL_PHRASES_HINT = "'okay nabu' (heard best), 'hey jarvis', 'hey mycroft', 'alexa'"


def voice_refusal(voice: str) -> str | None:
    """Why espeak-ng cannot speak with ``voice``, naming the nearest voice it
    has; None when it can (or when espeak-ng cannot be asked)."""
    problem = voices.voice_problem(voice)
    if problem is None or not problem[1]:
        return None  # a voice for another language exists: the hint says English
    names, variants, languages = voices._listing()
    english = ", ".join(lang for lang in languages if lang.split("-", 1)[0] == "en")
    base, _, variant = voice.strip().lower().partition("+")
    if base in names:
        close = difflib.get_close_matches(variant, sorted(variants), n=1, cutoff=0.0)
        near = f"{base}+{close[0]}" if close else base
    else:
        # English voices first: the answers are in English.
        ordered = sorted(names, key=lambda n: names[n].split("-", 1)[0] != "en")
        close = difflib.get_close_matches(base, ordered, n=1, cutoff=0.5)
        near = close[0] if close else voices.FALLBACK
        if variant and variant in variants:
            near = f"{near}+{variant}"
    return (f"espeak-ng has no voice '{voice.strip()}'; did you mean '{near}'? "
            f"English voices: {english} (add +f3 or +m3 for another speaker).")


def wake_phrase_refusal(phrase: str) -> str | None:
    """Why ``voice listen`` could not listen for ``phrase`` (it would listen
    for 'okay nabu' instead), naming the nearest phrase it can; None when it
    can. The same test as ``voice listen``: a neural model for the phrase,
    else every word in PocketSphinx's dictionary."""
    from voice.speech_in.wake.engine import engine_for, spottable
    from voice.speech_in.wake.micro import MODELS
    from voice.speech_in.wake.phrase import DEFAULT_WAKE_PHRASE, unknown_words
    from voice.speech_in.wake.spotter import phrase_words

    words = phrase_words(phrase)
    if words and (engine_for(phrase) == "micro" or spottable(phrase)):
        return None
    said = " ".join(words)
    close = difflib.get_close_matches(said, list(MODELS), n=1, cutoff=0.6) if said else []
    missing = unknown_words(phrase) if words else []
    if close:
        near = close[0]
    else:
        fixed = [_nearest_word(w) if w in missing else w for w in words]
        near = " ".join(w for w in fixed if w) if fixed and all(fixed) else DEFAULT_WAKE_PHRASE
        if near != DEFAULT_WAKE_PHRASE and not spottable(near):
            near = DEFAULT_WAKE_PHRASE
    what = (f"'{missing[0]}' is not a word I can listen for" if missing
            else "it has no words I can listen for")
    return (f"{what}, so the assistant would listen for '{DEFAULT_WAKE_PHRASE}' instead; "
            f"did you mean '{near}'? Choose {NEURAL_PHRASES_HINT}, or common English words.")


@functools.lru_cache(maxsize=1)
def _dictionary_words() -> tuple[str, ...]:
    """PocketSphinx's dictionary words in order (empty without it): the
    nearest is the first best, whatever the set's order."""
    from voice.matching.spelling import english_words

    return tuple(sorted(english_words()))


def _nearest_word(word: str) -> str | None:
    """The dictionary word spelled most like ``word`` (ratio >= 75), if any."""
    from rapidfuzz import fuzz, process

    found = process.extractOne(word, _dictionary_words(), scorer=fuzz.ratio, score_cutoff=75)
    return str(found[0]) if found else None
