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
    """Why espeak-ng cannot speak with ``voice``, with the nearest names and
    the commands that list them all in the words ``voice --voice`` and the
    settings file use (voices.voice_problem, voices.nearest_voices: at most
    three names); None when it can (or when espeak-ng cannot be asked). The
    page showed its own nearest name and the whole list of English voices
    before: a paragraph where one name was wanted, and a second way to say it."""
    problem = voices.voice_problem(voice)
    if problem is None or not problem[1]:
        return None  # a voice for another language exists: the hint says English
    # The page refuses the voice rather than speaking in FALLBACK, so only the
    # hint after "so I will speak in en-us; " is the assistant's own words.
    said = f"so I will speak in {voices.FALLBACK}; "
    hint = problem[0].rpartition(said)[2] if said in problem[0] else problem[0]
    return (f"espeak-ng has no voice '{voice.strip()}', so the assistant would speak in "
            f"{voices.FALLBACK}; {hint}")


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
