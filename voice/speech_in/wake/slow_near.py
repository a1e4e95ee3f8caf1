"""A lower floor for the slow retry's short windows after a spot the network
was nearly fairly sure of (session 41, branch tvwake51; docs/wake-word.md).
Tried; off.

Under TV talk, tuning draw 103's en-us+m3 at 99 wpm was spotted at 0.384
(under confirm.FAIRLY_SURE 0.4): every prompted window wrote the phrase,
under its floor ("Okay Nabu." -0.75 on the 3.5 s window, -0.67 on a short
one), and the slow retry's faster short windows wrote "Okay Nabu." at -0.47
and -0.52, under the weak spots' short floor (confirm.ALIGNED_LOGPROB -0.3),
so it was missed. Of the 475 spots of recorded speech not addressed to it
that the slow retry acted on (fresh seeds 410, 413-417, 419-423, 425, 426,
about 24 h), the strongest was 0.299: readers' faster short windows write
"Okay Nabu." at -0.32 to -0.55 too (seed 410's en-029+m4 at 0.287, -0.324),
but after weaker spots.
"""

from __future__ import annotations

#: Off: one tuning phrase gained (draw 103), measured on too few hours of
#: speech not addressed to it to spend the false-wake target's margin.
#: ``benchmark_wake.py --slow-near on``: with it.
SLOW_NEAR = False
#: From this strength up (under confirm.FAIRLY_SURE): over every spot the
#: slow retry acted on in the recorded speech not addressed to it (0.299),
#: under draw 103's miss (0.384).
NEAR_SPOT = 0.35
#: ...the faster short windows' floor: under draw 103's -0.467 / -0.521 (one
#: of them suffices), over the readers' plain short windows' -0.60 / -0.62
#: after spots of 0.36 / 0.41 that woke with confirm.STRONG_FLOOR.
NEAR_LOGPROB = -0.55


def floor(strength: float, usual: float) -> float:
    """The slow retry's short floor for a spot of ``strength``: ``usual``
    (confirm.short_floor) or, from :data:`NEAR_SPOT` up, :data:`NEAR_LOGPROB`."""
    return min(usual, NEAR_LOGPROB) if strength >= NEAR_SPOT else usual
