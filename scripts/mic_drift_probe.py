"""Probe the virtual-microphone recording path: play a WAV, record it with the
assistant's own Microphone, and print how faithful the recording is.

For each trial it prints: the PortAudio callback status flags seen (input
overflow = audio lost), the recorded length against the played length, the
level, the correlation with the played audio after alignment, a residual SNR,
and Whisper's transcript with a prompt that knows "baclofen". ``pactl`` state
(sink/source rates, streams) is printed before the trials.

    .venv/bin/python scripts/mic_drift_probe.py [--trials N] [--text "baclofen pump"]
        [--before-play RATE ...] [--server-env]   # see --help
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from voice.audio.capture import Microphone  # noqa: E402
from voice.audio.clip import AudioClip, read_wav  # noqa: E402


def pactl_state(env: dict[str, str]) -> str:
    out = []
    for args in (["list", "short", "sinks"], ["list", "short", "sources"],
                 ["list", "short", "sink-inputs"], ["list", "short", "source-outputs"]):
        done = subprocess.run(["pactl", *args], env=env, capture_output=True, text=True)
        out.append(f"# pactl {' '.join(args)}\n{done.stdout.strip()}")
    return "\n".join(out)


class StatusLog:
    """Wraps sounddevice.InputStream to count callback status flags."""

    def __init__(self) -> None:
        self.flags: dict[str, int] = {}
        self.blocks = 0
        self.gaps: list[float] = []
        self._last_adc: float | None = None

    def install(self) -> None:
        import sounddevice as sd

        real = sd.InputStream
        log = self

        def wrapped(*args: Any, callback: Any = None, **kw: Any) -> Any:
            def cb(indata: Any, frames: int, t: Any, status: Any) -> None:
                log.blocks += 1
                for name in ("input_overflow", "input_underflow"):
                    if getattr(status, name, False):
                        log.flags[name] = log.flags.get(name, 0) + 1
                callback(indata, frames, t, status)
            return real(*args, callback=cb, **kw)

        sd.InputStream = wrapped


def align(played: np.ndarray, rec: np.ndarray) -> tuple[float, float, int]:
    """(peak normalised correlation, residual SNR dB, lag) of rec against played."""
    a = played.astype(np.float64)
    b = rec.astype(np.float64)
    n = 1 << int(np.ceil(np.log2(len(a) + len(b))))
    xc = np.fft.irfft(np.fft.rfft(b, n) * np.conj(np.fft.rfft(a, n)), n)
    lag = int(np.argmax(np.abs(xc)))
    if lag > n // 2:
        lag -= n
    seg = b[max(0, lag):max(0, lag) + len(a)]
    ref = a[: len(seg)] if lag >= 0 else a[-lag:-lag + len(seg)]
    m = min(len(seg), len(ref))
    seg, ref = seg[:m], ref[:m]
    if m == 0 or not ref.any():
        return 0.0, 0.0, lag
    gain = float(seg @ ref / (ref @ ref))
    resid = seg - gain * ref
    corr = float(seg @ ref / np.sqrt((seg @ seg) * (ref @ ref) + 1e-9))
    snr = 10 * np.log10((gain * gain * (ref @ ref)) / (resid @ resid + 1e-9))
    return corr, float(snr), lag


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--trials", type=int, default=3)
    p.add_argument("--text", default="baclofen pump")
    p.add_argument("--wav", help="play this WAV instead of espeak-ng's --text")
    p.add_argument("--save", help="folder to save each recording into")
    p.add_argument("--no-whisper", action="store_true")
    p.add_argument("--shifts", type=int, default=1,
                   help="play trial i led by (i mod SHIFTS) thirds of Whisper's 20 ms frame")
    p.add_argument("--own-server", action="store_true",
                   help="start a private virtual mic (default: use PULSE_SERVER of this env)")
    args = p.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="probe-"))
    if args.wav:
        wav = Path(args.wav)
    else:
        wav = tmp / "said.wav"
        subprocess.run(["espeak-ng", "-w", str(wav), args.text], check=True)
    played = read_wav(wav).resampled(16000).samples.reshape(-1)

    from contextlib import nullcontext

    from voice.audio.virtual_mic import running_virtual_mic

    ctx: Any = running_virtual_mic() if args.own_server else nullcontext(None)
    with ctx as mic:
        env = mic.env if mic is not None else dict(os.environ)
        print(pactl_state(env))
        log = StatusLog()
        log.install()
        rec_model = None
        if not args.no_whisper:
            from voice.content.loader import load_knowledge
            from voice.models.manifest import WHISPER_MODEL
            from voice.speech_in.whisper import WhisperRecognizer

            content = tmp / "content"
            import shutil

            shutil.copytree(REPO / "content", content)
            (content / "baclofen.md").write_text(
                "# FAQ\n\n## How is an intrathecal baclofen pump refilled?\n\n"
                "A nurse refills the pump through the skin every few months.\n")
            rec_model = WhisperRecognizer(REPO / "models" / WHISPER_MODEL,
                                          load_knowledge([content]))
        micro = Microphone(silence_timeout=1.0, start_timeout=10)
        for i in range(args.trials):
            result: dict[str, Any] = {}
            t = threading.Thread(target=lambda r=result: r.update(u=micro.listen()))
            before = dict(log.flags)
            t.start()
            time.sleep(0.5)
            lead = (i % args.shifts) * 0.020 / 3
            if mic is not None:
                mic.play(wav, lead_in=lead)
            else:
                from voice.audio.virtual_mic import _with_lead_in

                played_wav = _with_lead_in(wav, lead, tmp) if lead else wav
                subprocess.run(["paplay", str(played_wav)], env=env, check=True)
            t.join(30)
            u = result.get("u")
            if u is None:
                print(f"trial {i}: nothing heard")
                continue
            rec = u.clip.samples.reshape(-1)
            corr, snr, lag = align(played, rec)
            new = {k: v - before.get(k, 0) for k, v in log.flags.items()}
            text = rec_model.transcribe(u.clip).text if rec_model else ""
            print(f"trial {i}: lead_in={lead * 1000:.2f}ms flags={new} "
                  f"played={len(played)/16000:.3f}s "
                  f"rec={len(rec)/16000:.3f}s speech={u.speech_end - u.speech_start:.3f}s "
                  f"rms={AudioClip(rec, 16000).rms():.4f} (played "
                  f"{AudioClip(played, 16000).rms():.4f}) corr={corr:.3f} snr={snr:.1f}dB "
                  f"lag={lag} (mod 320: {lag % 320}) heard={text!r}", flush=True)
            if args.save:
                import wave

                Path(args.save).mkdir(parents=True, exist_ok=True)
                with wave.open(str(Path(args.save) / f"rec{i}.wav"), "wb") as w:
                    w.setnchannels(1)
                    w.setsampwidth(2)
                    w.setframerate(16000)
                    w.writeframes(rec.astype("<i2").tobytes())
            time.sleep(0.3)
        print(pactl_state(env))


if __name__ == "__main__":
    main()
