"""The real gpiozero Button through MockFactory pins (a real pin factory).

Edges are stamped with a fake clock so the gestures do not depend on how
fast this machine runs; one test uses the real clock to show the timer
thread fires a decision on its own.
"""

from __future__ import annotations

import queue
import time
from collections.abc import Iterator

import pytest
from gpiozero.pins.mock import MockFactory

from voice.devices.gestures import ButtonEvent, GestureTiming
from voice.devices.push_to_talk import PushToTalk
from voice.errors import DeviceUnavailable

PIN = 17


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def factory() -> Iterator[MockFactory]:
    f = MockFactory()
    yield f
    f.reset()


def drain(q: queue.Queue[ButtonEvent]) -> list[str]:
    out = []
    while not q.empty():
        out.append(q.get_nowait().name)
    return out


def test_button_press_starts_and_press_again_stops(factory: MockFactory) -> None:
    clock, q = FakeClock(), queue.Queue[ButtonEvent]()
    with PushToTalk(PIN, q.put, pin_factory=factory, clock=clock) as ptt:
        pin = factory.pin(PIN)
        assert not ptt.is_pressed  # pull-up: idle pin reads high
        pin.drive_low()
        assert ptt.is_pressed
        clock.now += 0.2
        ptt.poll()
        pin.drive_high()
        assert drain(q) == []  # still inside the double-press window
        clock.now += 0.5
        ptt.poll()
        assert drain(q) == ["start_listening"]
        assert ptt.listening
        clock.now += 3
        pin.drive_low()
        clock.now += 0.1
        ptt.poll()
        assert drain(q) == ["stop_listening"]
        pin.drive_high()


def test_button_double_press_repeats(factory: MockFactory) -> None:
    clock, q = FakeClock(), queue.Queue[ButtonEvent]()
    with PushToTalk(PIN, q.put, pin_factory=factory, clock=clock) as ptt:
        pin = factory.pin(PIN)
        for _ in range(2):
            pin.drive_low()
            clock.now += 0.15
            ptt.poll()
            pin.drive_high()
            clock.now += 0.15
            ptt.poll()
        clock.now += 2
        ptt.poll()
        assert drain(q) == ["repeat"]


def test_button_long_press_stops_speaking(factory: MockFactory) -> None:
    clock, q = FakeClock(), queue.Queue[ButtonEvent]()
    with PushToTalk(PIN, q.put, pin_factory=factory, clock=clock) as ptt:
        pin = factory.pin(PIN)
        pin.drive_low()
        clock.now += 1.6
        ptt.poll()
        assert drain(q) == ["stop_speaking"]
        pin.drive_high()
        clock.now += 2
        ptt.poll()
        assert drain(q) == []


def test_button_chatter_is_ignored(factory: MockFactory) -> None:
    clock, q = FakeClock(), queue.Queue[ButtonEvent]()
    with PushToTalk(PIN, q.put, pin_factory=factory, clock=clock) as ptt:
        pin = factory.pin(PIN)
        for _ in range(8):
            pin.drive_low()
            clock.now += 0.02
            pin.drive_high()
            clock.now += 0.03
        clock.now += 3
        ptt.poll()
        assert drain(q) == []


def test_button_hold_mode(factory: MockFactory) -> None:
    clock, q = FakeClock(), queue.Queue[ButtonEvent]()
    with PushToTalk(PIN, q.put, mode="hold", pin_factory=factory, clock=clock) as ptt:
        pin = factory.pin(PIN)
        pin.drive_low()
        clock.now += 0.1
        ptt.poll()
        assert drain(q) == ["start_listening"]
        clock.now += 3
        pin.drive_high()
        clock.now += 0.1
        ptt.poll()
        assert drain(q) == ["stop_listening"]


def test_timer_thread_decides_without_polling(factory: MockFactory) -> None:
    q = queue.Queue[ButtonEvent]()
    timing = GestureTiming(double_press=0.3, long_press=1.0)
    with PushToTalk(PIN, q.put, pin_factory=factory, timing=timing):
        pin = factory.pin(PIN)
        t0 = time.monotonic()
        pin.drive_low()
        pin.drive_high()
        pin.drive_low()  # a bounce: the contact settles pressed...
        time.sleep(0.12)
        pin.drive_high()  # ...then a 120 ms press
        event = q.get(timeout=3)
        assert event.name == "start_listening"
        # Generous bound: decided at 0.3 s, allow a loaded 2-core machine.
        assert 0.29 <= time.monotonic() - t0 < 1.5


def test_pin_in_use_is_a_spoken_error(factory: MockFactory) -> None:
    q = queue.Queue[ButtonEvent]()
    with PushToTalk(PIN, q.put, pin_factory=factory):
        with pytest.raises(DeviceUnavailable) as err:
            PushToTalk(PIN, q.put, pin_factory=factory)
        assert "GPIO 17" in err.value.message and "keyboard" in err.value.message


def test_close_releases_the_pin(factory: MockFactory) -> None:
    q = queue.Queue[ButtonEvent]()
    PushToTalk(PIN, q.put, pin_factory=factory).close()
    PushToTalk(PIN, q.put, pin_factory=factory).close()  # would raise if still reserved
