"""Spectral gating in numpy: a stationary noise gate in the manner of the
``noisereduce`` package (Sainburg et al.), measured in front of Whisper by
branch hear24 (scripts/tune_denoise.py ``--variants raw,gate``; docs/speech-in.md,
"Session 23 (branch hear24)").

Per frequency bin, the noise's level is the mean and spread (in dB) of the
utterance's quietest frames; a bin of a frame passes when it lies more than
``n_std`` spreads above that mean, and is turned down by ``prop`` otherwise.
The pass/stop mask is smoothed over ``freq_hz`` and ``time_ms`` so the gate
does not leave musical noise. Unlike the spectral subtraction of
tune_decoding.py (a Wiener-style gain from a noise power estimate), nothing
above the threshold is touched.
"""

from __future__ import annotations

import numpy as np

RATE = 16000
N_FFT = 512  # 32 ms
HOP = 128  # 8 ms


def _triangle(half: int) -> np.ndarray:
    w = np.concatenate([np.arange(1, half + 2), np.arange(half, 0, -1)]).astype(np.float64)
    return w / w.sum()


def _smooth(mask: np.ndarray, t_half: int, f_half: int) -> np.ndarray:
    """``mask`` (frames x bins) convolved with a triangle along each axis."""
    out = mask
    for axis, half in ((0, t_half), (1, f_half)):
        if half <= 0:
            continue
        w = _triangle(half)
        padded = np.pad(out, [(half, half) if a == axis else (0, 0) for a in range(2)],
                        mode="edge")
        acc = np.zeros_like(out)
        n = out.shape[axis]
        for k, wk in enumerate(w):
            acc += wk * (padded[k : k + n] if axis == 0 else padded[:, k : k + n])
        out = acc
    return out


def gate(samples: np.ndarray, n_std: float = 1.5, prop: float = 1.0, quiet: float = 0.2,
         freq_hz: float = 500.0, time_ms: float = 50.0) -> np.ndarray:
    """int16 ``samples`` (16 kHz mono) with stationary noise gated out;
    unchanged when too short or digitally silent to learn the noise from."""
    x = samples.astype(np.float64) / 32768.0
    if len(x) < N_FFT * 4:
        return samples
    window = np.hanning(N_FFT + 1)[:-1]
    pad = np.concatenate([np.zeros(N_FFT), x, np.zeros(N_FFT)])
    frames = 1 + (len(pad) - N_FFT) // HOP
    idx = np.arange(N_FFT)[None, :] + HOP * np.arange(frames)[:, None]
    spec = np.fft.rfft(pad[idx] * window, axis=1)
    power = np.abs(spec) ** 2
    energy = power.sum(axis=1)
    live = np.flatnonzero(energy > 1e-10)  # digital silence says nothing of the noise
    if len(live) < 16:
        return samples
    quietest = live[np.argsort(energy[live])[: max(8, int(quiet * len(live)))]]
    db = 10.0 * np.log10(power + 1e-20)
    threshold = db[quietest].mean(axis=0) + n_std * db[quietest].std(axis=0)
    mask = (db > threshold[None, :]).astype(np.float64)
    mask = _smooth(mask, int(time_ms / 1000 * RATE / HOP / 2),
                   int(freq_hz / (RATE / N_FFT) / 2))
    gain = 1.0 - prop * (1.0 - mask)
    out = np.fft.irfft(spec * gain, n=N_FFT, axis=1) * window
    y = np.zeros(len(pad))
    norm = np.zeros(len(pad))
    for i in range(frames):  # overlap-add
        y[i * HOP : i * HOP + N_FFT] += out[i]
        norm[i * HOP : i * HOP + N_FFT] += window ** 2
    y = y / np.maximum(norm, 1e-8)
    return np.clip(y[N_FFT : N_FFT + len(x)] * 32768.0, -32768, 32767).astype(np.int16)
