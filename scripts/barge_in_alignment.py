"""Why the echo is cancelled less under load: follow the echo's alignment block by block.

Run: ``.venv/bin/python scripts/barge_in_alignment.py [--answers 4] [--no-whisper]
[--window 0.5] [--save FILE.npz]``

Answers are read in full through a private virtual microphone while barge-in
listens (the stop-word model, its own-voice copy, Whisper's quick look and
full decode, as ``voice listen``), and every block is logged on the way:

* the microphone's blocks: when each arrived, its own timestamp against the
  time barge-in gives it (the first block's stamp plus the samples counted
  since), and PortAudio's input overflow flag;
* the player's blocks: the moment PortAudio says each reaches the speaker
  against the moment the reference assumes (the stream's first block's plus
  the samples played since), and its output underflow flag;
* each microphone block as the canceller got it: the raw block, the
  reference barge-in fetched for it, the cleaned block;
* speexdsp's own resets ("got slapped"), which it writes to stderr.

Offline, per answer and per ``--window`` seconds: the echo's lag in the
microphone against the reference barge-in used (cross-correlation; it
should stay put), and how far the echo was cancelled. A lag that moves
mid-answer is an echo the adaptive filter must learn again.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import numpy as np  # noqa: E402

from voice.audio import barge_in as bi  # noqa: E402

RATE = 16000


def stall(after: float, seconds: float) -> None:
    """Stop this process for ``seconds``, ``after`` seconds from now (a child
    process sends SIGSTOP and SIGCONT): every thread stalls at once, as on a
    machine whose cores are taken, while the sound server plays on."""
    import subprocess

    subprocess.Popen(["sh", "-c", f"sleep {after}; kill -STOP {os.getpid()}; "
                                  f"sleep {seconds}; kill -CONT {os.getpid()}"])


def lag_of(mic: np.ndarray, ref: np.ndarray, most: int) -> tuple[int, float]:
    """The lag (samples, 0..most) at which ``ref`` best explains ``mic``, and
    how clear that peak is (peak / mean)."""
    x, y = mic.astype(np.float64), ref.astype(np.float64)
    n = len(x)
    corr = np.fft.irfft(np.fft.rfft(x, 2 * n) * np.conj(np.fft.rfft(y, 2 * n)), 2 * n)
    w = np.abs(corr[:most])
    k = int(np.argmax(w))
    return k, float(w[k] / (np.mean(w) + 1e-9))


def db(x: np.ndarray) -> float:
    return 10 * float(np.log10(float(np.mean(x.astype(np.float64) ** 2)) + 1.0))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--answers", type=int, default=4)
    ap.add_argument("--first", type=int, default=0, help="the first answer read")
    ap.add_argument("--no-whisper", action="store_true", help="the stop-word model alone")
    ap.add_argument("--window", type=float, default=0.5)
    ap.add_argument("--save", default=None, help="keep the logs in an .npz")
    ap.add_argument("--quiet", action="store_true", help="summaries only")
    ap.add_argument("--stall", type=float, default=0.0, metavar="SECONDS",
                    help="stop this whole process (SIGSTOP) for SECONDS, --stall-at seconds "
                         "into each answer: a loaded machine's stall, on demand")
    ap.add_argument("--stall-at", type=float, default=4.0)
    ap.add_argument("--no-realign", action="store_true",
                    help="barge-in's default: no stall followed, no delay measured again")
    args = ap.parse_args(argv)

    from benchmark_barge_in import SpeexResets, _load, _Talker

    from voice.audio.virtual_mic import running_virtual_mic
    from voice.content.loader import load_knowledge
    from voice.models.manifest import WHISPER_MODEL
    from voice.speech_in.wake.quick_stop import load_quick_stop
    from voice.speech_in.wake.stop_word import load_stop_spotter
    from voice.speech_in.whisper import WhisperRecognizer
    from voice.speech_out import output
    from voice.speech_out.base import VoiceSettings
    from voice.speech_out.synth import default_synth
    from voice.speech_out.tts_speaker import TtsSpeaker

    print(f"load average at the start: {_load()}", flush=True)
    errs = SpeexResets()
    kb = load_knowledge([REPO / "content"])
    answers = [e.answer for e in kb.entries if e.answer.strip()]
    answers = answers[args.first : args.first + args.answers]

    out_log: list[tuple[float, float, int, bool]] = []  # (callback time, dac, frames, underflow)
    orig_cb = output.ClipPlayer._callback

    # Named as ClipPlayer._callback's parameters, so it stands in for it.
    def cb(self: output.ClipPlayer, outdata: np.ndarray, frames: int, _time: Any,
           _status: Any) -> None:
        now = time.monotonic()
        out_log.append((now, now + _time.outputBufferDacTime - _time.currentTime, frames,
                        bool(_status.output_underflow)))
        orig_cb(self, outdata, frames, _time, _status)

    output.ClipPlayer._callback = cb  # type: ignore[method-assign]

    played_log: list[tuple[float, float, int]] = []  # (called, at, samples)
    played_pcm: list[np.ndarray] = []
    from voice.audio.echo import REFERENCE

    orig_played = REFERENCE.played

    def played(block: np.ndarray, at: float) -> None:
        played_log.append((time.monotonic(), at, len(block)))
        if args.save:
            played_pcm.append(np.asarray(block, dtype=np.int16).reshape(-1).copy())
        orig_played(block, at)

    REFERENCE.played = played  # type: ignore[method-assign]

    in_log: list[tuple[float, float, int, bool]] = []  # (arrived, adc, frames, overflow)

    def _open(dev: Any, block_seconds: float, blocks: Any) -> tuple[Any, int]:
        import sounddevice as sd

        def callback(indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
            now = time.monotonic()
            at = now - (time_info.currentTime - time_info.inputBufferAdcTime)
            in_log.append((now, at, frames, bool(status.input_overflow)))
            blocks.put((at, now, indata[:, 0].copy(), bool(status.input_overflow)))

        return sd.InputStream(device=dev.index, samplerate=RATE, channels=1, dtype="int16",
                              blocksize=int(RATE * block_seconds), callback=callback), RATE

    bi._open = _open

    proc_log: list[tuple[float, np.ndarray, np.ndarray, np.ndarray]] = []
    orig_process = bi.BargeIn._process

    def process(self: Any, canceller: Any, pcm: np.ndarray, at: float, talker: Any) -> Any:
        inner = canceller.process

        def spy(mic: np.ndarray, r: np.ndarray) -> np.ndarray:
            clean = inner(mic, r)
            proc_log.append((at, mic.copy(), r.copy(), clean.copy()))
            return clean

        canceller.process = spy
        try:
            return orig_process(self, canceller, pcm, at, talker)
        finally:
            canceller.process = inner

    bi.BargeIn._process = process  # type: ignore[method-assign]

    settings = VoiceSettings()
    spans: list[tuple[float, float]] = []
    with running_virtual_mic():
        output.refresh_devices()
        speaker = TtsSpeaker(default_synth(settings))
        speaker.prepare(settings)
        talker = _Talker(speaker, settings)
        spotter, _ = load_stop_spotter()
        own, _ = load_stop_spotter()
        quick = None if args.no_whisper else load_quick_stop(REPO / "models" / WHISPER_MODEL)
        whisper = None if args.no_whisper else WhisperRecognizer(REPO / "models" / WHISPER_MODEL,
                                                                 kb)
        barge = bi.BargeIn(whisper, quick=quick, spotter=spotter, own_spotter=own)
        barge.keep_figures = True
        if not args.no_realign:
            barge.realign = barge.reference.follow_stalls = True
        for text in answers:
            a = time.monotonic()
            talker.say(text)
            if args.stall:
                stall(args.stall_at, args.stall)
            heard = barge.watch(talker)
            spans.append((a, time.monotonic()))
            if heard:
                print(f"  self-stop: {heard}")
        speaker.close()
    print(f"load average at the end: {_load()}", flush=True)
    report(args, spans, in_log, out_log, proc_log, errs.times, barge)
    if args.save:
        np.savez_compressed(args.save, in_log=np.array(in_log), out_log=np.array(out_log),
                            played_log=np.array(played_log),
                            played=np.concatenate(played_pcm) if played_pcm else np.zeros(0),
                            spans=np.array(spans),
                            at=np.array([p[0] for p in proc_log]),
                            mic=np.concatenate([p[1] for p in proc_log]),
                            ref=np.concatenate([p[2] for p in proc_log]),
                            clean=np.concatenate([p[3] for p in proc_log]),
                            resets=np.array(errs.times))
    return 0


def report(args: Any, spans: list[tuple[float, float]], in_log: list[Any], out_log: list[Any],
           proc_log: list[Any], resets: list[float], barge: Any) -> None:
    most = int(bi.TAIL_SECONDS * RATE)
    all_db: list[float] = []
    for i, (a, b) in enumerate(spans):
        ins = [x for x in in_log if a <= x[0] <= b]
        outs = [x for x in out_log if a <= x[0] <= b]
        blocks = [p for p in proc_log if a - 1 <= p[0] <= b]
        # The microphone: each block's own stamp against first stamp + samples.
        mic_slip = []
        if ins:
            t0, n = ins[0][1], 0
            for _, at, frames, _ in ins:
                mic_slip.append(at - (t0 + n / RATE))
                n += frames
        # The speaker: dac against the stream's first dac + samples (22.05 kHz).
        out_slip = []
        if outs:
            d0, n = outs[0][1], 0
            for _, dac, frames, _ in outs:
                out_slip.append(dac - (d0 + n / 22050))
                n += frames
        gaps = [x[0] - y[0] for x, y in zip(ins[1:], ins, strict=False)]
        ogaps = [x[0] - y[0] for x, y in zip(outs[1:], outs, strict=False)]
        print(f"answer {i + 1}: {b - a:.1f} s; mic blocks {len(ins)}, overflows "
              f"{sum(x[3] for x in ins)}, longest gap between callbacks "
              f"{1000 * max(gaps, default=0):.0f} ms, stamp slip "
              f"{1000 * min(mic_slip, default=0):.0f}..{1000 * max(mic_slip, default=0):.0f} ms; "
              f"speaker blocks {len(outs)}, underflows {sum(x[3] for x in outs)}, longest gap "
              f"{1000 * max(ogaps, default=0):.0f} ms, dac slip "
              f"{1000 * min(out_slip, default=0):.0f}..{1000 * max(out_slip, default=0):.0f} ms; "
              f"speexdsp resets {sum(1 for r in resets if a <= r <= b)}")
        if not blocks:
            continue
        mic = np.concatenate([p[1] for p in blocks])
        ref = np.concatenate([p[2] for p in blocks])
        clean = np.concatenate([p[3] for p in blocks])
        t0 = blocks[0][0]
        w = int(args.window * RATE)
        rows = []
        for k in range(0, len(mic) - w + 1, w):
            m, r, c = mic[k : k + w], ref[k : k + w], clean[k : k + w]
            if db(m) < bi.VOICE_DB or db(r) < bi.VOICE_DB:
                continue
            lag, peak = lag_of(m, r, most)
            cancelled = db(m) - db(c)
            all_db.append(cancelled)
            rows.append((k / RATE, lag / 16, peak, cancelled))
        lags = [r[1] for r in rows if r[2] > bi.ALIGN_PEAK]
        print("  lag of the echo behind the reference used (clear peaks): "
              + (f"{min(lags):.1f}..{max(lags):.1f} ms, median {np.median(lags):.1f}"
                 if lags else "-")
              + f"; cancelled median {np.median([r[3] for r in rows]) if rows else 0:.0f} dB")
        if not args.quiet:
            for s, lag_ms, peak_at, cancelled_db in rows:
                events = []
                at = t0 + s
                for x in ins:
                    if at <= x[1] < at + args.window and x[3]:
                        events.append("OVERFLOW")
                for x in outs:
                    if at <= x[0] < at + args.window and x[3]:
                        events.append("UNDERFLOW")
                for reset in resets:
                    if at <= reset < at + args.window:
                        events.append("RESET")
                print(f"    {s:5.1f} s: lag {lag_ms:6.1f} ms (peak {peak_at:5.1f}), cancelled "
                      f"{cancelled_db:5.1f} dB {' '.join(events)}")
    print(f"all answers: echo cancelled by median {np.median(all_db) if all_db else 0:.0f} dB "
          f"per {args.window} s window; speexdsp resets {len(resets)}; lags at the answers' "
          f"starts and after slips {[lag / 16 for lag in barge.lags]}; the player slipped "
          f"{barge.reference.slips} times ({[round(x, 3) for x in barge.reference.slipped]} s), "
          f"delay measured again {barge.realigned} times; microphone overflows "
          f"{barge.overflows}, its stamps off by up to "
          f"{[round(1000 * x) for x in barge.mic_slips]} ms")


if __name__ == "__main__":
    raise SystemExit(main())
