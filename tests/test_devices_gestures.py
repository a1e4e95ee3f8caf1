"""The gesture state machine, driven with made-up timestamps (no sleeps)."""

from __future__ import annotations

import pytest

from voice.devices.gestures import ButtonEvent, Gestures, GestureTiming


def run(g: Gestures, script: list[tuple[str, float]], until: float) -> list[tuple[str, float]]:
    """Feed ("press"|"release", t) edges, ticking at every deadline, up to ``until``."""
    out: list[ButtonEvent] = []
    for kind, t in script:
        out += g.tick(t)
        out += g.press(t) if kind == "press" else g.release(t)
    out += g.tick(until)
    return [(e.name, round(e.at, 3)) for e in out]


def names(events: list[tuple[str, float]] | list[ButtonEvent]) -> list[str]:
    return [e.name if isinstance(e, ButtonEvent) else e[0] for e in events]


def test_toggle_single_press_starts_after_double_window() -> None:
    g = Gestures("toggle")
    ev = run(g, [("press", 10.0), ("release", 10.2)], until=20)
    # Decided 0.6 s after the press (raw time), not at the 80 ms filter time.
    assert ev == [("start_listening", 10.6)]
    assert g.listening


def test_toggle_nothing_is_decided_before_the_window_closes() -> None:
    g = Gestures("toggle")
    assert g.press(0.0) == [] and g.tick(0.1) == [] and g.release(0.2) == []
    assert g.tick(0.59) == []
    assert g.next_deadline() == pytest.approx(0.6)
    assert [e.name for e in g.tick(0.6)] == ["start_listening"]


def test_toggle_press_while_listening_stops_at_once() -> None:
    g = Gestures("toggle")
    ev = run(g, [("press", 0), ("release", 0.2), ("press", 5.0), ("release", 5.3)], until=20)
    assert ev == [("start_listening", 0.6), ("stop_listening", 5.0)]
    assert not g.listening


def test_toggle_after_silence_the_next_press_starts_again() -> None:
    g = Gestures("toggle")
    run(g, [("press", 0), ("release", 0.2)], until=1)
    g.listening_ended()  # the capture side heard silence
    ev = run(g, [("press", 5.0), ("release", 5.2)], until=20)
    assert names(ev) == ["start_listening"]


def test_toggle_double_press_repeats_and_never_starts() -> None:
    g = Gestures("toggle")
    ev = run(g, [("press", 0), ("release", 0.15), ("press", 0.45), ("release", 0.6)], until=20)
    assert ev == [("repeat", 0.45)]
    assert not g.listening


def test_toggle_second_press_confirmed_after_window_still_counts_as_double() -> None:
    # Pressed again at 0.55 s: the filter confirms it at 0.63 s, after the
    # 0.6 s window, but the press itself was inside the window.
    g = Gestures("toggle")
    ev = run(g, [("press", 0), ("release", 0.2), ("press", 0.55), ("release", 0.8)], until=5)
    assert ev == [("repeat", 0.55)]


def test_toggle_presses_far_apart_are_two_singles() -> None:
    g = Gestures("toggle")
    ev = run(g, [("press", 0), ("release", 0.2), ("press", 0.7), ("release", 0.9)], until=5)
    assert names(ev) == ["start_listening", "stop_listening"]


def test_toggle_long_press_stops_speaking_while_still_held() -> None:
    g = Gestures("toggle")
    assert g.press(0.0) == []
    assert g.tick(1.49) == []
    assert [(e.name, e.at) for e in g.tick(1.5)] == [("stop_speaking", 1.5)]
    assert g.release(3.0) == []  # the release of a long press means nothing
    assert g.tick(10) == []
    assert not g.listening


def test_toggle_slow_release_before_long_press_is_a_single_press() -> None:
    # Released at 1.0 s: past the double window, short of a long press.
    g = Gestures("toggle")
    ev = run(g, [("press", 0), ("release", 1.0)], until=5)
    assert ev == [("start_listening", 1.0)]


def test_configurable_long_press() -> None:
    g = Gestures("toggle", GestureTiming(long_press=3.0))
    ev = run(g, [("press", 0), ("release", 2.0)], until=5)
    assert names(ev) == ["start_listening"]
    ev = run(g, [("press", 10), ("release", 13.5)], until=20)
    assert ev == [("stop_listening", 10.0)]  # it was listening: a press stops first
    ev = run(g, [("press", 30), ("release", 33.5)], until=40)
    assert ev == [("stop_speaking", 33.0)]


def test_tremor_burst_counts_as_nothing() -> None:
    g = Gestures("toggle")
    # Ten 30 ms presses with 30 ms gaps: none lasts the 80 ms filter.
    script: list[tuple[str, float]] = []
    for i in range(10):
        script += [("press", i * 0.06), ("release", i * 0.06 + 0.03)]
    assert run(g, script, until=10) == []
    assert not g.listening


def test_shaky_hold_with_short_gaps_is_one_press() -> None:
    g = Gestures("hold")
    # Held 2 s, but the contact opens for 30 ms twice.
    script = [("press", 0.0), ("release", 0.5), ("press", 0.53),
              ("release", 1.2), ("press", 1.23), ("release", 2.0)]
    ev = run(g, script, until=5)
    assert ev == [("start_listening", 0.0), ("stop_listening", 2.0)]


def test_short_press_after_a_burst_is_still_seen() -> None:
    g = Gestures("toggle")
    script = [("press", 0.0), ("release", 0.02), ("press", 0.04), ("release", 0.06),
              ("press", 2.0), ("release", 2.2)]
    assert names(run(g, script, until=5)) == ["start_listening"]


def test_hold_listens_while_held() -> None:
    g = Gestures("hold")
    ev = run(g, [("press", 1.0), ("release", 4.0)], until=10)
    assert ev == [("start_listening", 1.0), ("stop_listening", 4.0)]


def test_hold_long_question_is_not_a_stop_gesture() -> None:
    g = Gestures("hold")
    ev = run(g, [("press", 0.0), ("release", 12.0)], until=20)
    assert names(ev) == ["start_listening", "stop_listening"]


def test_hold_tap_cancels_and_double_tap_repeats() -> None:
    g = Gestures("hold")
    ev = run(g, [("press", 0.0), ("release", 0.15)], until=0.3)
    assert ev == [("start_listening", 0.0), ("cancel_listening", 0.15)]
    ev = run(g, [("press", 0.4), ("release", 0.55)], until=5)
    assert ev == [("repeat", 0.4)]
    assert not g.listening


def test_hold_listening_ended_while_held_makes_release_silent() -> None:
    g = Gestures("hold")
    assert names(run(g, [("press", 0.0)], until=1)) == ["start_listening"]
    g.listening_ended()  # the 30 s limit was reached while still held
    assert run(g, [("release", 40.0)], until=50) == []


def test_zero_filter_edges_take_effect_at_once() -> None:
    # The keyboard has no contact bounce: a key press is press+release at once.
    g = Gestures("toggle", GestureTiming(min_stable=0))
    assert g.press(0.0) == [] and g.release(0.0) == []
    assert names(g.tick(0.6)) == ["start_listening"]


def test_repeated_reports_of_the_same_state_change_nothing() -> None:
    g = Gestures("hold", GestureTiming(min_stable=0))
    assert names(g.press(0.0)) == ["start_listening"]
    assert g.press(0.5) == [] and g.press(1.0) == []
    assert names(g.release(2.0)) == ["stop_listening"]


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        Gestures("push")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        GestureTiming(long_press=0.5, double_press=0.6)
    with pytest.raises(ValueError):
        GestureTiming(min_stable=-1)
