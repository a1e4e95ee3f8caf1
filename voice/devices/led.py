"""The status LED: shows at a glance what the assistant is doing.

For someone who cannot hear well, or in a noisy room, the LED answers "may I
speak now?": solid means listening. Every state looks different on a plain
LED as well as on a PWM (dimmable) one, so the light is never ambiguous.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from voice.errors import DeviceUnavailable

LedState = Literal["off", "asleep", "listening", "thinking", "speaking", "error"]


@dataclass(frozen=True)
class Pattern:
    """How one state looks; on/off times in seconds, both 0 for a steady light."""

    on: float
    """Seconds lit per cycle (or the fade-in time when ``pulse``)."""
    off: float
    """Seconds dark per cycle (or the fade-out time when ``pulse``)."""
    level: float = 1.0
    """Brightness of a steady light, 0 (off) to 1."""
    pulse: bool = False
    """Fade in and out instead of blinking (PWM LEDs only)."""


#: Plain LED. Listening is the only steady light, so it cannot be mistaken.
PLAIN: dict[LedState, Pattern] = {
    "off": Pattern(0, 0, level=0.0),
    # A short flash every 3 s: "alive, waiting for the button", not "broken".
    "asleep": Pattern(0.1, 2.9),
    "listening": Pattern(0, 0, level=1.0),
    "thinking": Pattern(0.1, 0.1),
    "speaking": Pattern(0.8, 0.8),
    # Long on, short off: clearly not the quick blink of thinking.
    "error": Pattern(1.5, 0.25),
}

#: PWM LED: speaking becomes a slow breathing pulse.
PWM: dict[LedState, Pattern] = {**PLAIN, "speaking": Pattern(1.0, 1.0, pulse=True)}


class StatusLed:
    """An LED between ``pin`` and GND through a resistor (330 ohm)."""

    def __init__(self, pin: int, *, pwm: bool = False, pin_factory: Any = None) -> None:
        from gpiozero import LED, PWMLED
        from gpiozero.exc import GPIOZeroError

        from voice.devices.push_to_talk import default_pin_factory

        factory = pin_factory if pin_factory is not None else default_pin_factory()
        self.pin = pin
        self.pwm = pwm
        self.patterns = PWM if pwm else PLAIN
        try:
            self._led: Any = (
                PWMLED(pin, pin_factory=factory) if pwm else LED(pin, pin_factory=factory)
            )
        except (GPIOZeroError, OSError, ValueError) as e:
            raise DeviceUnavailable(
                f"The status light on GPIO {pin} could not be set up ({e}). "
                "Check the pin number, or run without --led."
            ) from e
        self.state: LedState = "off"
        self._led.off()

    def show(self, state: LedState) -> None:
        """Switch to ``state`` (cheap and idempotent: call it at every change)."""
        if state == self.state:
            return
        p = self.patterns[state]
        self.state = state
        if p.on == 0 and p.off == 0:
            if self.pwm:
                self._led.value = p.level
            elif p.level > 0:
                self._led.on()
            else:
                self._led.off()
        elif p.pulse:
            self._led.pulse(fade_in_time=p.on, fade_out_time=p.off, background=True)
        else:
            self._led.blink(on_time=p.on, off_time=p.off, background=True)

    @property
    def value(self) -> float:
        """Brightness right now, 0 to 1."""
        return float(self._led.value)

    def close(self) -> None:
        try:
            self._led.off()
        finally:
            self._led.close()

    def __enter__(self) -> StatusLed:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
