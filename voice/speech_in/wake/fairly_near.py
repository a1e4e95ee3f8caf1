"""A fairly sure spot just under the short windows' floor, heard again
unprompted (session 39, branch wake49; docs/wake-word.md).

A spot the network is fairly sure of (confirm.FAIRLY_SURE and up, under its
own cutoff) is decided by the floors alone: a prompted window must say the
phrase at confirm.ALIGNED_LOGPROB (-0.3) on a short window. Under TV talk
the short window's "Okay Nabu." comes out just under it: tuning draw 87's
en-us+m3 at 95 wpm (0.43) wrote "Okay Nabu." -0.38 on the 1.8 s window and
"Okay, okay." on the 3.5 s one, and was missed. On the recorded speech not
addressed to it (fresh seeds 410, 413-416, 11.3 h, every prompted window of
every spot decoded) no spot of 0.4 or more had a short window saying the
phrase over -0.53 (n413's en-029+m4 reading, 0.43, -0.528).

Such a spot, the 3.5 s window having heard "okay" too, is not taken on
the floors: it goes to the peak check a weak spot gets (the short windows
decoded unprompted, the likelihood margin, the scrap guard), the check made
for a real "okay" opening a sentence, which is what reading gives there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

#: Off by default until measured live (benchmark_wake.py --fairly-near on).
FAIRLY_NEAR = False
#: The short window's floor for such a spot: over every short window saying
#: the phrase after a 0.4+ spot on 11.3 h of speech not addressed to it
#: (best -0.528, seeds 410, 413-416), under draw 87's miss (-0.379).
NEAR_SHORT_LOGPROB = -0.45


def wanted(decoded: Sequence[Any], says_phrase: Any, has_first_word: Any) -> bool:
    """Whether a fairly sure spot the floors refused (its prompted decodes
    ``decoded``, confirm.Decoded) goes to the peak check: a short window says
    the phrase (``says_phrase``) at :data:`NEAR_SHORT_LOGPROB` or better, and
    the 3.5 s window heard the phrase's first word (``has_first_word``)."""
    long_okay = any(d.kind == "long" and has_first_word(d.text) for d in decoded)
    near = any(d.kind.startswith("short") and d.avg_logprob >= NEAR_SHORT_LOGPROB
               and says_phrase(d.text) for d in decoded)
    return long_okay and near


#: A sure or fairly sure spot whose prompted window wrote "okay", a
#: hesitation and at most one word ("Okay, uh, blue."): tiny.en's hearing
#: of a slow phrase, which the sentence guard (confirm.SENTENCE_GUARD)
#: refuses as "okay" and a sentence. Tuning draw 99's en-us+m3 at 93 wpm
#: over pink noise (0.51 and 0.97, every window "Okay, uh, blue.") was
#: missed so. No spot of the 11.26 h of speech not addressed to it of seeds
#: 410, 413-416 (1925 spots) had such a window; 26 phrase spots of tuning
#: draws 85-99 did. Off: the okay-everyday readers and the okay sentences
#: (a caregiver's "Okay, um, thanks.") were not run with it (time).
OKAY_UH = False

_WORD = re.compile(r"[a-z]+")


def okay_uh_one(text: str, first_words: frozenset[str], hesitations: frozenset[str]) -> bool:
    """Whether ``text`` has the phrase's first word right before a hesitation,
    with at most one other word after it ("Okay, uh, blue.", not "Okay, uh,
    let me call.")."""
    words = _WORD.findall(text.lower())
    for i, word in enumerate(words[:-1]):
        if word in first_words and words[i + 1] in hesitations:
            return len([w for w in words[i + 2:] if w not in hesitations]) <= 1
    return False
