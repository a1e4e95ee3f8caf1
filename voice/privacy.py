"""What the assistant keeps on disk: the one table every privacy statement
is checked against (tests/test_privacy.py).

Nothing is sent anywhere: everything runs offline. What stays on this device
between runs is exactly what :data:`KEPT` lists; a feature that keeps
something new adds its row here, and the test then asks every privacy
statement (README, docs/privacy.md, scripts/voice.service, ``voice doctor``)
to say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Kept:
    """One thing kept on disk between runs."""

    where: str
    """Its path under the per-user state folder (``~/.local/state/voice``);
    a folder ends with "/"."""
    what: str
    """What it is, in words a user understands (for ``voice doctor``);
    ``{keep}`` is the number of questions learning keeps."""
    voice: bool
    """It holds recordings of the user's voice."""
    words: bool
    """It holds what the user said (or typed), as text."""
    removed_by: str
    """How the user deletes it or stops it being kept."""


#: Everything kept between runs, in the per-user state folder. Add a row for
#: anything new that is kept, here only.
KEPT: tuple[Kept, ...] = (
    Kept("adaptation/learned/",
         "the last {keep} questions heard while listening (sound and recognised words), "
         "and the voice adaptation learned from them",
         voice=True, words=True,
         removed_by="'voice adapt --reset' deletes them; [speech_in] learn_voice = false "
                    "stops keeping them"),
    Kept("adaptation/enrolled/",
         "the sentences read for 'voice adapt' (sound and words)",
         voice=True, words=True,
         removed_by="'voice adapt --reset' deletes them; [speech_in] learn_voice = false "
                    "stops keeping them"),
    Kept("adaptation/mllr_matrix",
         "the voice adaptation made by 'voice adapt' (numbers, no sound)",
         voice=False, words=False, removed_by="'voice adapt --reset' deletes it"),
    Kept("adaptation/engines.json",
         "how well each speech recognizer heard the sentences read for 'voice adapt' "
         "(word error rates, no sound and no words)",
         voice=False, words=False, removed_by="'voice adapt --reset' deletes it"),
    Kept("voice-settings.json",
         "the speech rate, volume and voice, and the pause that ends a question, "
         "chosen by voice ('slower', 'louder', 'give me more time')",
         voice=False, words=False, removed_by="delete the file"),
    Kept("phrasings.json",
         "the ways of asking learned from the user (the words of a 'Did you mean ...?' "
         "answered yes), at most 200",
         voice=False, words=True,
         removed_by="'voice phrases --forget', or saying 'forget what you learned'"),
    Kept("questions.jsonl",
         "the questions asked and what became of them (words only, 30 days), only when a "
         "caregiver turned the question log on ([questions] log; off by default)",
         voice=False, words=True,
         removed_by="the Questions page's delete button, or [questions] log = false"),
    Kept("questions-announced",
         "that the user was told, once, that the question log is on",
         voice=False, words=False, removed_by="delete the file"),
    Kept("told.json",
         "which one-time hints were already said",
         voice=False, words=False, removed_by="delete the file"),
)

def describe(kept: Kept) -> str:
    """``kept.what`` with the numbers in force filled in."""
    from voice.speech_in.pocketsphinx.learning import KEEP

    return kept.what.format(keep=KEEP)


def state_folder() -> Path:
    from voice.config import user_state_dir

    return user_state_dir()


def summary() -> str:
    """One line for ``voice doctor``: what is kept, and that nothing leaves."""
    state = state_folder()
    parts = [f"{describe(k)} in {state / k.where}" for k in KEPT if k.voice]
    return ("nothing is sent anywhere; recordings of your voice kept on this device: "
            + "; ".join(parts)
            + ". No other recording is kept. 'voice adapt --reset' deletes them")
