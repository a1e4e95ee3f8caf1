"""Barge-in's figures stay bounded over a long `voice listen` session.

`BargeIn.cancelled_db` took one value per 20 ms microphone block with sound
and `BargeIn.decoded` one record per stretch Whisper looked at, for as long
as the session ran (180,000 values an hour of answers). Only the benchmark
reads them; it asks for every one (``keep_figures``). No sound device and
no model: blocks and stretches fed as the microphone and segmenter would.
"""

from __future__ import annotations

import numpy as np

from voice.audio import barge_in as bi
from voice.audio.barge_in import BargeIn, Stretch
from voice.audio.echo import EchoReference

BLOCK = 320
#: An hour of answers at 20 ms blocks would be 180,000; this is enough to
#: show the growth (well past 2 * FIGURES_KEPT).
BLOCKS = 6 * bi.FIGURES_KEPT


class _Heard:
    text = "the history of the disease"
    words: tuple[tuple[str, float], ...] = ()
    prompted: tuple[str, ...] = ()


class _Confirmer:
    """Hears a sentence in every stretch (talk in the room, not an order)."""

    def decode_heard(self, speech: np.ndarray) -> _Heard:
        return _Heard()


def _echo_blocks(barge: BargeIn, n: int) -> None:
    """``n`` blocks of loud echo that the canceller took out (one figure each)."""
    rng = np.random.default_rng(0)
    mic = rng.normal(0, 3000, BLOCK).astype(np.int16)
    clean = (mic // 100).astype(np.int16)
    at = 0.0
    for _ in range(n):
        assert barge.hear(mic, clean, at) is None
        at += BLOCK / 16000


def _stretches(barge: BargeIn, n: int) -> None:
    audio = np.zeros(8000, np.int16)
    for k in range(n):
        assert barge.judge(Stretch(audio, float(k), k + 0.5, voiced=0.3)) is None


def test_the_echo_figure_stays_bounded_over_a_long_session() -> None:
    barge = BargeIn(None, reference=EchoReference())
    _echo_blocks(barge, BLOCKS)
    assert barge.cancelled_db, "the figure is still taken"
    assert len(barge.cancelled_db) <= 2 * bi.FIGURES_KEPT
    # The newest are the ones kept.
    assert barge.cancelled_db[-1] > 15


def test_the_decoded_stretches_stay_bounded_over_a_long_session() -> None:
    barge = BargeIn(_Confirmer(), reference=EchoReference())
    _stretches(barge, 3 * bi.FIGURES_KEPT)
    for figures in (barge.decoded, barge.heard, barge.decode_seconds):
        assert figures
        assert len(figures) <= 2 * bi.FIGURES_KEPT
    assert barge.refused["not stop"] == 3 * bi.FIGURES_KEPT


def test_the_benchmark_keeps_every_figure() -> None:
    barge = BargeIn(_Confirmer(), reference=EchoReference())
    barge.keep_figures = True
    _echo_blocks(barge, BLOCKS)
    _stretches(barge, 3 * bi.FIGURES_KEPT)
    assert len(barge.cancelled_db) == BLOCKS
    assert len(barge.decoded) == len(barge.heard) == 3 * bi.FIGURES_KEPT
