""""mg" is myasthenia gravis unless it is milligrams (session 45), nor a road
or a car of that name: "how is the traffic in MG road?" (NLU-Evaluation-
Data's tuning half) was read "how is the traffic in myasthenia gravis road",
which fed the condition's name into the everyday model's counts."""

from __future__ import annotations

import pytest

from voice.matching.normalize import clean, mg_named


@pytest.mark.parametrize("said", ["how is the traffic in MG road?",
                                  "is the mg motors showroom open", "book an mg car service"])
def test_a_road_or_a_car_keeps_its_name(said: str) -> None:
    assert "myasthenia" not in mg_named(clean(said))


def test_the_condition_is_still_named() -> None:
    assert "myasthenia gravis" in mg_named(clean("my mum has mg and her eyes droop"))
