"""The wake check's windows disagreeing about the phrase (session 38, branch wake48).

The floors (confirm.py) take a spot when any one prompted window says the
phrase surely enough; the windows overlap (the 3.5 s one holds both short
ones), so when one says "Okay Nabu." and the others, over the same audio,
clearly heard something else, the prompt most likely talked that one into
it. Fresh seed 409's two false wakes were of this kind, each from a path
earlier sessions shipped (docs/wake-word.md, "Session 38 (branch wake48)"):

* a fairly sure spot (0.71) whose short window wrote "Okay Nabu." -0.18
  while the 3.5 s window, over the same words and after the same prompt,
  wrote "I'd like to hear the last order and spoken again." at -0.21:
  :func:`long_says_otherwise`;
* a spot only the louder copy made, whose 3.5 s window wrote "Okay Nabu."
  at -0.69 (its floor -0.7) while both short windows at the network's peak
  heard none of the phrase's words, prompted ("3 to 4.", "How do you treat
  a bird?") nor unprompted ("three top world half", which passed the peak check as a
  phrase under TV talk would): :func:`phrase_on_long_only`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

#: Whether a short window's "Okay Nabu." counts when the 3.5 s window
#: around it heard other words surely (:func:`long_says_otherwise`). On:
#: it refuses seed 409's fairly sure false wake and no woken spot of tuning
#: draws 85, 87 or their real people (96 + 32 phrases, replayed by
#: scripts/wake_window_disagree.py); under TV talk the 3.5 s window's own
#: words come out at -0.91 to -1.3, under the floor it asks. Fresh seed 410
#: and held-out draw 2461: docs/wake-word.md, "Session 38 (branch wake48)".
LONG_AGREE = True
#: Whether a weak spot the 3.5 s window alone passed needs one of the
#: phrase's words in a short window's decode too (:func:`phrase_on_long_only`).
#: On: seed 409's louder-copy false wake; the same tuning phrases, none lost.
SHORT_AGREE = True

_WORD = re.compile(r"[a-z]+")


def phrase_words(confirmation: Any, spellings: Sequence[str]) -> frozenset[str]:
    """Every word the check spells the phrase with: its first and last words,
    the last word's halves ("na", "boo"), and the words of tiny.en's own
    spellings (confirm.SPELLINGS: "now", "nah", "move")."""
    words = set(confirmation.first_words | confirmation.last_words)
    words |= {w for pair in confirmation.last_pairs for w in pair}
    words |= {w for s in spellings for w in _WORD.findall(s.lower())}
    return frozenset(words)


def _none_of(text: str, words: frozenset[str]) -> bool:
    return not any(w in words for w in _WORD.findall(text.lower()))


def long_says_otherwise(text: str, avg_logprob: float, words: frozenset[str],
                        floor: float) -> bool:
    """Whether the 3.5 s window's prompted decode (``text``, ``avg_logprob``)
    heard other words as surely as its floor asks of the phrase (``floor``,
    confirm.SURE_LOGPROB) and none of the phrase's ``words``
    (:func:`phrase_words`): a short window inside it saying the phrase is
    then not believed (:data:`LONG_AGREE`)."""
    return avg_logprob >= floor and _none_of(text, words)


def phrase_on_long_only(short_texts: Sequence[str], words: frozenset[str]) -> bool:
    """Whether none of the short windows' decodes (``short_texts``: prompted
    and unprompted, plain or with the speech band raised) has any of the
    phrase's ``words`` (:func:`phrase_words`): a spot the 3.5 s window alone
    passed is then not believed (:data:`SHORT_AGREE`). Phrases the network
    was sure of had short windows that missed "okay" but kept a piece of
    "nabu" ("Nabu.", "Uh, boo.", "Now move what is..."; tuning draws 85, 87)."""
    return all(_none_of(t, words) for t in short_texts)
