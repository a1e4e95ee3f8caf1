"""Button gestures as a pure state machine: timestamps in, events out.

Nothing here touches a pin, a thread or a clock: the caller passes the time of
every edge and calls ``tick(now)`` when ``next_deadline()`` has passed. That
keeps every timing rule unit-testable with made-up timestamps.

The rules (why, for people with spasms, tremor or weak fingers):

* Chatter filter: the contact state must stay the same for ``min_stable``
  seconds (80 ms) before it counts. A tremor or a spasm on the button makes a
  burst of very short presses; such a burst counts as NOTHING, not as one
  press, because a burst that counted would start a question nobody asked, or
  turn one press into a "double press" that repeats the last answer. Gaps in a
  real hold (the finger slips for 30 ms) are bridged, so a shaky hold is still
  one hold. gpiozero's own ``bounce_time`` is not used: it drops edges, and a
  dropped release would leave the assistant listening for ever.
* Toggle mode (the default): a press starts listening, a press while listening
  stops it (silence stops it too: the capture side reports that with
  ``listening_ended()``). A start is only decided ``double_press`` seconds
  after the press, because a second press within that time means "repeat the
  last answer" instead. Holding for ``long_press`` seconds means "stop
  speaking" and fires while still held, so the user feels it work.
* Hold mode: listen while the button is held. A tap shorter than ``tap_max``
  is not a question (it becomes ``cancel_listening``, which also silences the
  assistant), and two taps within ``double_press`` repeat the last answer. A
  long press is simply a long question here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Mode = Literal["toggle", "hold"]
EventName = Literal[
    "start_listening", "stop_listening", "cancel_listening", "stop_speaking", "repeat", "quit"
]


@dataclass(frozen=True)
class GestureTiming:
    """How long each gesture takes; all in seconds, all adjustable."""

    long_press: float = 1.5
    """Holding this long (toggle mode) means "stop speaking"."""
    double_press: float = 0.6
    """A second press this soon after the first means "repeat the last answer"."""
    min_stable: float = 0.08
    """The contact must stay put this long to count (tremor and bounce filter); 0 disables."""
    tap_max: float = 0.4
    """Hold mode: a press shorter than this is a tap, not a question."""

    def __post_init__(self) -> None:
        for name in ("long_press", "double_press", "min_stable", "tap_max"):
            value = getattr(self, name)
            if not 0 <= value <= 30:
                raise ValueError(f"{name} must be between 0 and 30 seconds, not {value}")
        if self.long_press <= self.double_press:
            raise ValueError("long_press must be longer than double_press")


@dataclass(frozen=True)
class ButtonEvent:
    """What a gesture means to the assistant."""

    name: EventName
    """start_listening, stop_listening, cancel_listening, stop_speaking, repeat, or quit
    (only from the keyboard: the input ended or the user asked to quit)."""
    at: float
    """When the gesture was complete (the caller's clock, seconds)."""


# Gesture states; module constants keep the transitions readable.
_IDLE = "idle"  # button up, nothing pending
_DOWN = "down"  # toggle: first press held, not yet long
_UP = "up"  # toggle: first press released, waiting for a possible second press
_HOLDING = "holding"  # hold mode: listening while held
_SPENT = "spent"  # the press already meant something; its release means nothing


class Gestures:
    """Turns press/release timestamps into ``ButtonEvent``s.

    Call ``press(t)``, ``release(t)`` for raw contact edges and ``tick(now)``
    whenever ``next_deadline()`` has passed; each returns the events now due.
    """

    def __init__(self, mode: Mode = "toggle", timing: GestureTiming | None = None) -> None:
        if mode not in ("toggle", "hold"):
            raise ValueError(f"mode must be toggle or hold, not {mode!r}")
        self.mode: Mode = mode
        self.timing = timing or GestureTiming()
        self.listening = False
        """True between start_listening and its stop/cancel (or ``listening_ended``)."""
        self._raw = False  # contact state as last reported
        self._raw_at = 0.0  # when it last changed
        self._logical = False  # contact state after the chatter filter
        self._state = _IDLE
        self._pressed_at = 0.0  # when the current/last logical press began
        self._released_at = 0.0
        self._last_tap_at: float | None = None  # hold mode: start of the last tap

    # -- raw input -------------------------------------------------------

    def press(self, t: float) -> list[ButtonEvent]:
        return self._edge(True, t)

    def release(self, t: float) -> list[ButtonEvent]:
        return self._edge(False, t)

    def _edge(self, down: bool, t: float) -> list[ButtonEvent]:
        events = self.tick(t)
        if down == self._raw:
            return events  # a repeated report (e.g. key auto-repeat) changes nothing
        self._raw, self._raw_at = down, t
        if self.timing.min_stable == 0:
            events += self._logical_edge(down, t)
        return events

    def listening_ended(self) -> None:
        """The capture stopped on its own (silence, length limit, error)."""
        self.listening = False
        if self._state == _HOLDING:
            self._state = _SPENT

    # -- time ------------------------------------------------------------

    def next_deadline(self) -> float | None:
        """The time at which ``tick`` has something to do, or None."""
        filt = self._filter_deadline()
        gest = self._gesture_deadline()
        if filt is not None and (gest is None or self._raw_at <= gest):
            # An edge that happened before the gesture deadline must be settled
            # first: a second press at 0.55 s is a double press even though the
            # filter only confirms it at 0.63 s.
            return filt
        return gest

    def tick(self, now: float) -> list[ButtonEvent]:
        events: list[ButtonEvent] = []
        while True:
            due = self.next_deadline()
            if due is None or due > now:
                return events
            if due == self._filter_deadline():
                events += self._logical_edge(self._raw, self._raw_at)
            else:
                events += self._gesture_timeout(due)

    def _filter_deadline(self) -> float | None:
        if self._raw == self._logical:
            return None
        return self._raw_at + self.timing.min_stable

    def _gesture_deadline(self) -> float | None:
        if self._state == _DOWN:
            return self._pressed_at + self.timing.long_press
        if self._state == _UP:
            return max(self._pressed_at + self.timing.double_press, self._released_at)
        return None

    # -- gestures ----------------------------------------------------------

    def _logical_edge(self, down: bool, t: float) -> list[ButtonEvent]:
        self._logical = down
        if self.mode == "hold":
            return self._hold_edge(down, t)
        return self._toggle_edge(down, t)

    def _toggle_edge(self, down: bool, t: float) -> list[ButtonEvent]:
        if down:
            if self._state == _UP:
                self._state = _SPENT
                return [ButtonEvent("repeat", t)]
            if self.listening:
                # Stopping must not wait for a double-press window: the user is
                # done talking and expects an answer now.
                self.listening = False
                self._state = _SPENT
                return [ButtonEvent("stop_listening", t)]
            self._state, self._pressed_at = _DOWN, t
            return []
        if self._state == _DOWN:
            self._state, self._released_at = _UP, t
            if t >= self._pressed_at + self.timing.double_press:
                return self._gesture_timeout(t)
            return []
        if self._state == _SPENT:
            self._state = _IDLE
        return []

    def _gesture_timeout(self, t: float) -> list[ButtonEvent]:
        if self._state == _DOWN:
            self._state = _SPENT
            return [ButtonEvent("stop_speaking", t)]
        if self._state == _UP:
            self._state = _IDLE
            self.listening = True
            return [ButtonEvent("start_listening", t)]
        return []

    def _hold_edge(self, down: bool, t: float) -> list[ButtonEvent]:
        if down:
            last_tap = self._last_tap_at
            self._last_tap_at = None
            if last_tap is not None and t - last_tap <= self.timing.double_press:
                self._state = _SPENT
                return [ButtonEvent("repeat", t)]
            self._state, self._pressed_at = _HOLDING, t
            self.listening = True
            return [ButtonEvent("start_listening", t)]
        if self._state == _HOLDING:
            self._state = _IDLE
            self.listening = False
            if t - self._pressed_at < self.timing.tap_max:
                self._last_tap_at = self._pressed_at
                return [ButtonEvent("cancel_listening", t)]
            return [ButtonEvent("stop_listening", t)]
        self._state = _IDLE
        return []
