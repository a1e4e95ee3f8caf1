"""The big push-to-talk button on a Raspberry Pi (gpiozero).

The gesture rules live in ``voice.devices.gestures`` (pure, unit-tested);
this module only feeds them real edges and runs their deadlines on a timer
thread. The pin factory is passed in (gpiozero style), so tests drive the real
``gpiozero.Button`` through ``MockFactory`` pins.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from voice.devices.gestures import ButtonEvent, EventName, Gestures, GestureTiming, Mode
from voice.errors import DeviceUnavailable

EventCallback = Callable[[ButtonEvent], None]

NO_GPIO_MESSAGE = (
    "No GPIO here: use --gpio only on a Raspberry Pi; using the keyboard instead."
)


class GestureDriver:
    """Feeds a ``Gestures`` machine from any thread and fires its deadlines on time.

    ``on_event`` is called from the button's or the timer's thread, one event
    at a time and in order; it should be quick (put the event on a queue).
    """

    def __init__(
        self,
        gestures: Gestures,
        on_event: EventCallback,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.gestures = gestures
        self._on_event = on_event
        self._clock = clock
        # Re-entrant: on_event may call listening_ended() from the same thread.
        self._cond = threading.Condition(threading.RLock())
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="ptt-timer", daemon=True)
        self._thread.start()

    def press(self) -> None:
        with self._cond:
            self._deliver(self.gestures.press(self._clock()))
            self._cond.notify()

    def release(self) -> None:
        with self._cond:
            self._deliver(self.gestures.release(self._clock()))
            self._cond.notify()

    def poll(self) -> None:
        """Fire whatever is due now, in the caller's thread (tests with a fake clock)."""
        with self._cond:
            self._deliver(self.gestures.tick(self._clock()))
            self._cond.notify()

    def emit(self, name: EventName) -> None:
        """Send an event that needs no gesture (a dedicated key, end of input)."""
        with self._cond:
            self._deliver([ButtonEvent(name, self._clock())])

    def listening_ended(self) -> None:
        with self._cond:
            self.gestures.listening_ended()

    @property
    def listening(self) -> bool:
        with self._cond:
            return self.gestures.listening

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify()
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout=2)

    def _deliver(self, events: list[ButtonEvent]) -> None:
        for event in events:
            self._on_event(event)

    def _run(self) -> None:
        with self._cond:
            while not self._closed:
                due = self.gestures.next_deadline()
                if due is None:
                    self._cond.wait()
                    continue
                wait = due - self._clock()
                if wait > 0:
                    self._cond.wait(timeout=wait)
                    continue
                self._deliver(self.gestures.tick(self._clock()))


def default_pin_factory() -> Any:
    """gpiozero's own choice (honours GPIOZERO_PIN_FACTORY=mock).

    Raises DeviceUnavailable with NO_GPIO_MESSAGE when this is not a Pi.
    """
    try:
        from gpiozero import Device
    except ImportError as e:
        raise DeviceUnavailable(NO_GPIO_MESSAGE) from e
    if Device.pin_factory is not None:
        return Device.pin_factory
    import warnings

    with warnings.catch_warnings():
        # gpiozero warns once per backend it falls back from; the one-line
        # message below says all the user needs.
        warnings.simplefilter("ignore")
        try:
            factory = Device._default_pin_factory()
        except Exception as e:  # BadPinFactory, ImportError, OSError from a backend
            raise DeviceUnavailable(NO_GPIO_MESSAGE) from e
    Device.pin_factory = factory
    return factory


class PushToTalk:
    """A button between ``pin`` and GND (internal pull-up) that emits ButtonEvents."""

    def __init__(
        self,
        pin: int,
        on_event: EventCallback,
        *,
        mode: Mode = "toggle",
        timing: GestureTiming | None = None,
        pin_factory: Any = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        from gpiozero import Button
        from gpiozero.exc import GPIOZeroError

        self.pin = pin
        self.mode: Mode = mode
        self._driver = GestureDriver(Gestures(mode, timing), on_event, clock)
        factory = pin_factory if pin_factory is not None else default_pin_factory()
        try:
            # bounce_time=None on purpose: the gesture filter debounces
            # without dropping edges (see voice.devices.gestures).
            self._button = Button(pin, pull_up=True, bounce_time=None, pin_factory=factory)
        except (GPIOZeroError, OSError, ValueError) as e:
            self._driver.close()
            raise DeviceUnavailable(
                f"The button on GPIO {pin} could not be set up ({e}). "
                "Check the pin number, or run without --gpio to use the keyboard."
            ) from e
        self._button.when_pressed = self._pressed
        self._button.when_released = self._released

    def _pressed(self) -> None:
        self._driver.press()

    def _released(self) -> None:
        self._driver.release()

    @property
    def is_pressed(self) -> bool:
        return bool(self._button.is_pressed)

    @property
    def listening(self) -> bool:
        return self._driver.listening

    def poll(self) -> None:
        """Fire whatever is due now (the timer thread does this by itself)."""
        self._driver.poll()

    def listening_ended(self) -> None:
        """Tell the button the capture stopped on its own (silence, limit, error)."""
        self._driver.listening_ended()

    def close(self) -> None:
        self._button.when_pressed = None
        self._button.when_released = None
        self._button.close()
        self._driver.close()

    def __enter__(self) -> PushToTalk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
