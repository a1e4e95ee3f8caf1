"""The slow retry's windows writing the phrase over and over (session 41,
branch tvwake51; docs/wake-word.md).

The slow retry (confirm.SLOW_RETRY, RETRY_UNDER) decodes a weak spot's
windows made 1.6 times faster, after the prompt "Okay Nabu.". On reading
that has a real "okay" in it, tiny.en can then echo the prompt in a loop:
fresh seed 422's en-029+m4 at 423.09 s ("... for Monday afternoon. Okay,
...") came out "Okay Nabu. Okay Nabu. Okay Nabu. Okay." at -0.46 on the
3.5 s window made faster, over its floor (-0.7), and woke it (the peak
check then passed "Okay, not easy." at 1.24 under the 2.1 margin); seed
421's en-us+m3 at 754.7 s wrote "Okay Nabu, Nabu, Nabu, Nabu." there. The
phrase said once comes out once: no slow window of the recorded tuning
draws (81, 83, 85, 87, 94-99, 101-109; the phrases woken through the retry) wrote its
last word twice. A phrase slow enough to need the retry (the slowest,
espeak-ng at 85-90 wpm, about 1.6 s) fits at most twice into the 3.5 s
window, so a real "Okay Nabu, okay Nabu" said twice is left alone.

Such a window does not count, and the spot is refused outright: neither
the cleaned re-check (cleaned.py, micro.py) nor the shifted one
(confirm.SHIFT_RETRY) hears it again. Refusing only the window, seed 422's
spot went on to the cleaned re-check, whose copy wrote "Okay Nabu." on
every prompted window (-0.68 on the 3.5 s one, over its floor) and woke
(peak "Okay, now I'm gonna see if..." at 1.82).
"""

from __future__ import annotations

import re
from collections.abc import Collection

#: On (measured: the seed 422 spot refused live, no tuning phrase lost;
#: docs/wake-word.md "Session 41 (branch tvwake51)"). ``benchmark_wake.py
#: --repeat-guard off``: without it.
REPEAT_GUARD = True
#: A slow window writing the last word this many times or more does not
#: count: seed 422's false wake wrote it 3 times, seed 421's 4; a phrase
#: said twice fits (see above), three times does not.
REPEATS = 3

_WORD = re.compile(r"[a-z]+")


def repeated(text: str, last_words: Collection[str], times: int = REPEATS) -> bool:
    """Whether ``text`` (a prompted decode) has one of ``last_words`` (the
    phrase's last word's spellings) ``times`` times or more."""
    return sum(word in last_words for word in _WORD.findall(text.lower())) >= times
