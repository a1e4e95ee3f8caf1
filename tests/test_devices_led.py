"""The status LED on MockFactory pins: plain (on/off) and PWM."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from gpiozero.pins.mock import MockFactory, MockPWMPin

from voice.devices.led import PLAIN, PWM, StatusLed
from voice.errors import DeviceUnavailable

PIN = 27


@pytest.fixture
def plain() -> Iterator[MockFactory]:
    f = MockFactory()
    yield f
    f.reset()


@pytest.fixture
def pwm() -> Iterator[MockFactory]:
    f = MockFactory(pin_class=MockPWMPin)
    yield f
    f.reset()


def test_every_state_looks_different() -> None:
    for table in (PLAIN, PWM):
        assert len(set(table.values())) == len(table)
    # Listening is the one steady light: "speak now" cannot be mistaken.
    steady = [s for s, p in PLAIN.items() if p.on == 0 and p.off == 0 and p.level > 0]
    assert steady == ["listening"]


def test_listening_is_on_and_off_is_off(plain: MockFactory) -> None:
    with StatusLed(PIN, pin_factory=plain) as led:
        pin = plain.pin(PIN)
        assert pin.state is False
        led.show("listening")
        assert pin.state is True
        led.show("off")
        assert pin.state is False


def test_thinking_blinks_fast(plain: MockFactory) -> None:
    with StatusLed(PIN, pin_factory=plain) as led:
        pin = plain.pin(PIN)
        pin.clear_states()
        led.show("thinking")
        time.sleep(0.65)
        led.show("off")
        changes = [s.state for s in pin.states[1:]]
        # At 0.1 s on / 0.1 s off there are several flashes in 0.65 s.
        assert changes.count(True) >= 2 and changes.count(False) >= 2


def test_asleep_is_a_short_flash_then_dark(plain: MockFactory) -> None:
    with StatusLed(PIN, pin_factory=plain) as led:
        pin = plain.pin(PIN)
        led.show("asleep")
        time.sleep(0.4)
        assert pin.state is False  # the 0.1 s flash is over, 2.9 s of dark follow
        assert any(s.state is True for s in pin.states)


def test_pwm_speaking_pulses_through_levels(pwm: MockFactory) -> None:
    with StatusLed(PIN, pwm=True, pin_factory=pwm) as led:
        pin = pwm.pin(PIN)
        led.show("listening")
        assert pin.state == 1.0
        pin.clear_states()
        led.show("speaking")
        time.sleep(0.5)
        levels = {round(s.state, 2) for s in pin.states}
        assert len(levels) > 5 and any(0 < v < 1 for v in levels)
    assert pin.state == 0  # closed: the light goes out


def test_show_is_idempotent(plain: MockFactory) -> None:
    with StatusLed(PIN, pin_factory=plain) as led:
        pin = plain.pin(PIN)
        led.show("listening")
        n = len(pin.states)
        led.show("listening")
        assert len(pin.states) == n and led.state == "listening"


def test_pwm_led_on_a_plain_pin_is_a_clear_error(plain: MockFactory) -> None:
    with pytest.raises(DeviceUnavailable) as err:
        StatusLed(PIN, pwm=True, pin_factory=plain)
    assert "GPIO 27" in err.value.message
