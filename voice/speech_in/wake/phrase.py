"""The wake phrase in force, and whether a phrase can be listened for."""

from __future__ import annotations

from typing import Any, Literal

from voice.speech_in.wake.spotter import phrase_words

#: Heard by its neural model (micro.py), its unsure spots checked by Whisper
#: (confirm.py): on the held-out half of benchmark_wake.py 43 of 48 espeak-ng
#: phrases and 16 of 16 real clips, 0 false wakes in 9.07 h (the network
#: alone: 30 of 48 and 12 of 16, 0 false wakes), where "hey assistant" (PocketSphinx) caught 34 of
#: 48 and woke 0.9 times an hour; "hey jarvis" caught 18 of 48 and woke on a
#: real reader's "he dropped a handful into her lap".
DEFAULT_WAKE_PHRASE = "okay nabu"


def unknown_words(phrase: str) -> list[str]:
    """Words of ``phrase`` the pronouncing dictionary lacks (cannot be spotted)."""
    import pocketsphinx

    d = pocketsphinx.Decoder(samprate=16000, logfn="/dev/null", lm=None)
    return [w for w in phrase_words(phrase) if not d.lookup_word(w)]


#: What ``voice doctor`` says of a cry said without the phrase
#: (``[listen] unaddressed_emergencies``, listening.py / unaddressed.py): a
#: caregiver choosing the setting must see which is in force.
CRIES_HEARD = ("a short cry of an emergency said without it gets the emergency advice "
               "([listen] unaddressed_emergencies)")
CRIES_NOT_HEARD = ("an emergency said without it is not listened for "
                   "([listen] unaddressed_emergencies = false)")


def cries_summary(cfg: Any) -> str:
    """Whether an emergency said without the wake phrase is listened for."""
    return CRIES_HEARD if cfg.unaddressed_emergencies else CRIES_NOT_HEARD


def wake_summary(cfg: Any) -> tuple[Literal["ok", "warn", "FAIL"], str, str]:
    """(status, what is in force, fix) for ``voice doctor``."""
    follow = f"follow-ups without it for {cfg.follow_up:g} s after a reply"
    cries = cries_summary(cfg)
    if not cfg.wake_word:
        return ("ok", "off: 'voice listen' answers everything it hears "
                "(push-to-talk never needs one)", "")
    from voice.speech_in.wake.engine import FALLBACK_PHRASE, spottable
    from voice.speech_in.wake.micro import micro_model_for, model_problem

    model = micro_model_for(cfg.wake_phrase)
    if model is not None:
        problem = model_problem(model)
        if problem is None:
            from voice.speech_in.wake.confirm import CONFIRMATIONS

            checked = (", its unsure spots checked by Whisper"
                       if model.phrase in CONFIRMATIONS else "")
            return ("ok", f"on in 'voice listen': say '{model.phrase}' first, heard by its "
                    f"neural model ({model.file.name}, every byte verified{checked}); "
                    f"{follow} (push-to-talk never needs it); {cries}", "")
        fallback = cfg.wake_phrase if spottable(cfg.wake_phrase) else FALLBACK_PHRASE
        return ("warn", f"the model for '{model.phrase}' cannot be used ({problem}): "
                f"PocketSphinx listens for '{fallback}' instead; {cries}",
                "run scripts/install.sh again")
    missing = unknown_words(cfg.wake_phrase)
    if missing:
        return ("FAIL", f"'{cfg.wake_phrase}' has words I cannot listen for: "
                f"{', '.join(missing)}", "choose common English words for [listen] wake_phrase")
    return ("ok", f"on in 'voice listen': say '{cfg.wake_phrase}' first, heard by PocketSphinx "
            f"keyword spotting; {follow} (push-to-talk never needs it); {cries}", "")
