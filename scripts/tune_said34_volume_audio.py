#!/usr/bin/env python3
"""Lever measured by branch said34: a spoken line heard as no command,
re-scored against the audio as a few volume phrasings ("louder", "turn the
volume down", ...) with Whisper's forced pass (rescoring.AudioScorer.fits),
taken as that command when the best phrasing fits within a margin of what
was heard.

Pass 1 (``--decode SET``) speaks / reads each clip, decodes it as the app
does, and writes one JSON line per clip (heard text, the command the app
finds, the fits of the heard text and of every phrasing, the ms the fits
took) to ``--out``. Pass 2 (``--score FILE ...``) reads those lines and
prints, for each margin, the commands met and the clips turned into a
volume command wrongly. Counts only with ``--counts``.

Sets: ``volume-tuning`` / ``volume-heldout`` (the phrasings below, every
other one; six voices), ``said`` (tests/test_said_freely.py's first list,
six voices: said33's tuning set), ``real-tuning`` / ``real-heldout``
(tests/data/real: commands, digits, stop_words, requests, health_speech,
sentences; halves as scripts/real_speech.py splits them), ``oos-tuning``
(tests/data/tuning.tsv lines, en-us: questions that must stay questions).

    nice -n 10 python scripts/tune_said34_volume_audio.py --decode volume-tuning --out /tmp/x.jsonl
    python scripts/tune_said34_volume_audio.py --score /tmp/x.jsonl [--show]
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from voice.conversation.volume_by_audio import READINGS  # noqa: E402  (the phrasings scored)

#: Volume requests as a tired user says them (written by us; every other
#: one tuning, the rest held out). Only those typed as the command count.
VOLUME: tuple[tuple[str, str], ...] = (
    ("turn the volume up", "louder"), ("turn the volume down", "quieter"),
    ("volume up please", "louder"), ("volume down please", "quieter"),
    ("can you turn the volume up", "louder"), ("can you turn the volume down", "quieter"),
    ("raise the volume", "louder"), ("lower the volume", "quieter"),
    ("increase the volume", "louder"), ("decrease the volume", "quieter"),
    ("turn up the volume", "louder"), ("turn down the volume", "quieter"),
    ("louder please", "louder"), ("quieter please", "quieter"),
    ("more volume", "louder"), ("less volume", "quieter"),
    ("please raise the volume", "louder"), ("please lower the volume", "quieter"),
    ("could you turn the volume up a bit", "louder"),
    ("could you turn the volume down a bit", "quieter"),
    ("volume up", "louder"), ("volume down", "quieter"),
    ("pump up the volume", "louder"), ("reduce the volume", "quieter"),
)


def _said_freely() -> list[tuple[str, str]]:
    tree = ast.parse((REPO / "tests" / "test_said_freely.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "parametrize"
                and isinstance(node.args[0], ast.Tuple)):
            return [tuple(ast.literal_eval(e)) for e in node.args[1].elts]  # type: ignore
    raise SystemExit("no parametrize list found")


def _real(half: str) -> Iterator[tuple[str, str, Path]]:
    from real_speech import half as half_of

    base = REPO / "tests" / "data" / "real"
    for wav in sorted(base.glob("*/*.wav")):
        if wav.parent.name in ("wake",) or half_of(wav) != half:
            continue
        yield wav.stem, "", wav


def clips(name: str, tmp: Path) -> Iterator[tuple[str, str, str, object]]:
    """(said, expected command or "", voice, AudioClip) of set ``name``."""
    from make_spoken_questions import Variant, speak_many

    from voice.audio.clip import read_wav
    from voice.conversation.commands import find_command

    voices = (Variant("en-us"), Variant("en"), Variant("en+f3"),
              Variant("slt", synth="flite"), Variant("rms", synth="flite"),
              Variant("cmu_us_slt_arctic_hts", synth="festival"))
    if name.startswith("volume") or name == "said":
        if name == "said":
            items = _said_freely()
        else:
            items = list(VOLUME[0 if name == "volume-tuning" else 1::2])
        items = [(s, c) for s, c in items if find_command(s) == c]
        for v in voices:
            for (said, command), wav in zip(items, speak_many([s for s, _ in items], v),
                                             strict=True):
                yield said, command, v.name, read_wav(wav)
    elif name.startswith("real-"):
        for said, command, wav in _real("held-out" if name == "real-heldout" else "tuning"):
            yield said, command, "real", read_wav(wav)
    elif name == "oos-tuning":
        tsv = (REPO / "tests/data/tuning.tsv").read_text().splitlines()
        lines = [ln.split("\t")[0] for ln in tsv if ln.strip() and not ln.startswith("#")]
        v = Variant("en-us")
        for said, wav in zip(lines, speak_many(lines, v), strict=True):
            yield said, "", v.name, read_wav(wav)
    else:
        raise SystemExit(f"no set {name}")


def decode(name: str, out: Path) -> None:
    from benchmark_audio import pad

    from voice.content.loader import load_knowledge
    from voice.conversation import volume_by_audio
    from voice.conversation.commands import find_command
    from voice.conversation.heard import understood
    from voice.matching.matcher import Matcher
    from voice.models.manifest import WHISPER_MODEL
    from voice.speech_in.whisper import WhisperRecognizer
    from voice.speech_in.whisper.rescoring import scorer_of

    volume_by_audio.ON = False  # the app's path without the lever: pass 2 applies it
    kb = load_knowledge([REPO / "content"])
    matcher = Matcher(kb)
    rec = WhisperRecognizer(REPO / "models" / WHISPER_MODEL, kb)
    texts = list(READINGS)
    with out.open("w", encoding="utf-8") as f:
        for said, command, voice, clip in clips(name, Path("/tmp")):
            clip = pad(clip)  # type: ignore[arg-type]
            heard = rec.transcribe(clip)
            text, _ = understood(heard, matcher)
            found = find_command(text)
            scorer = scorer_of(heard)
            row: dict[str, object] = {
                "set": name, "said": said, "expect": command, "voice": voice,
                "seconds": round(len(clip.samples) / clip.rate, 2),
                "heard": heard.text, "kept": text, "found": found,
                "entry": bool(matcher.match(text).entry) if text else False}
            if scorer is not None and heard.text:
                t0 = time.process_time()
                fits = scorer.fits([clean_heard(heard.text), *texts])
                row["ms"] = round(1000 * (time.process_time() - t0), 1)
                row["heard_fit"] = [fits[0].nats, fits[0].tokens]
                row["fits"] = {t: [x.nats, x.tokens] for t, x in zip(texts, fits[1:], strict=True)}
            f.write(json.dumps(row) + "\n")
            f.flush()


def timing(name: str) -> None:
    """Wall-clock ms of ``understood`` with the lever on, less with it off,
    on the clips of ``name`` where it scored the audio (the app's own call)."""
    from benchmark_audio import pad

    from voice.content.loader import load_knowledge
    from voice.conversation import volume_by_audio
    from voice.conversation.heard import understood
    from voice.matching.matcher import Matcher
    from voice.models.manifest import WHISPER_MODEL
    from voice.speech_in.whisper import WhisperRecognizer
    from voice.speech_in.whisper.rescoring import scorer_of

    kb = load_knowledge([REPO / "content"])
    matcher = Matcher(kb)
    rec = WhisperRecognizer(REPO / "models" / WHISPER_MODEL, kb)
    extra: list[float] = []
    for _said, _command, _voice, clip in clips(name, Path("/tmp")):
        heard = rec.transcribe(pad(clip))  # type: ignore[arg-type]
        times = {}
        for on in (False, True):
            volume_by_audio.ON = on
            scorer = scorer_of(heard)
            if scorer is not None:
                scorer._cut = None  # the cut encoding is made afresh each time
            t0 = time.perf_counter()
            understood(heard, matcher)
            times[on] = time.perf_counter() - t0
        ran = volume_by_audio.ON and scorer_of(heard) is not None
        if ran and times[True] - times[False] > 0.005:
            extra.append(1000 * (times[True] - times[False]))
    extra.sort()
    if extra:
        print(f"{name}: the lever scored {len(extra)} clips, + median {extra[len(extra) // 2]:.0f} "
              f"ms, p95 {extra[int(len(extra) * 0.95)]:.0f} ms, max {extra[-1]:.0f} ms wall clock")


def clean_heard(text: str) -> str:
    from voice.matching.normalize import clean

    return clean(text)


def _declined(rows: list[dict[str, object]]) -> list[bool]:
    """Whether the app would decline each row's kept words (no entry
    answered or offered): the only lines the lever may act on."""
    from voice.content.loader import load_knowledge
    from voice.matching.matcher import Matcher

    matcher = Matcher(load_knowledge([REPO / "content"]))
    return [not r["kept"] or matcher.match(str(r["kept"]), heard=True).outcome == "no_match"
            for r in rows]


def taken(r: dict, declined: bool, margin: float, apart: float, max_seconds: float,
          max_words: int) -> tuple[str | None, str]:
    """The command the app would take with the lever at ``margin`` and
    ``apart`` (volume_by_audio.MARGIN, APART), and the reading that made it
    ("" when the lever did not act)."""
    if (r["found"] is not None or not r.get("fits") or r["seconds"] > max_seconds
            or len(str(r["heard"]).split()) > max_words or not declined):
        return r["found"], ""
    fits = {t: f[0] for t, f in r["fits"].items()}
    best = max(fits, key=lambda t: fits[t])
    other = max(f for t, f in fits.items() if READINGS[t] != READINGS[best])
    if fits[best] >= r["heard_fit"][0] - margin and fits[best] >= other + apart:
        return READINGS[best], best
    return r["found"], ""


def score(paths: list[str], margins: list[float], aparts: list[float], show: bool,
          counts: bool, max_seconds: float, max_words: int) -> None:
    rows = [json.loads(line) for p in paths for line in Path(p).read_text().splitlines()]
    declined = _declined(rows)
    print(f"{len(rows)} clips: {sum(1 for r in rows if r['expect'])} commands, "
          f"{sum(1 for r in rows if not r['expect'])} other speech")
    for margin, apart in ((m, a) for a in aparts for m in margins):
        met = before = lost = wrong_cmd = wrong = acted = 0
        lines = []
        for r, d in zip(rows, declined, strict=True):
            took, reading = taken(r, d, margin, apart, max_seconds, max_words)
            acted += bool(reading)
            if reading:
                lines.append(f"  {r['voice']:<22} {r['said']!r} heard {r['heard']!r} -> "
                             f"{reading!r} ({r['fits'][reading][0]:.1f} vs "
                             f"{r['heard_fit'][0]:.1f})")
            if r["expect"]:
                before += r["found"] == r["expect"]
                met += took == r["expect"]
                lost += r["found"] == r["expect"] and took != r["expect"]
                wrong_cmd += bool(reading) and took != r["expect"]
            elif reading:
                wrong += 1
        print(f"margin {margin} apart {apart}: acted on {acted}; commands met {before} -> {met} "
              f"(lost {lost}, made another command {wrong_cmd}); other speech made a "
              f"volume command: {wrong}")
        if show and not counts:
            print("\n".join(lines))
    ms = sorted(r["ms"] for r in rows if "ms" in r)
    if ms:
        print(f"fits of {len(READINGS) + 1} texts: median {ms[len(ms) // 2]} ms, "
              f"p95 {ms[int(len(ms) * 0.95)]} ms of CPU over {len(ms)} clips")
    # The clips the app scores at all (the lever's gate passed): what it costs.
    gated = sorted(r["ms"] for r, d in zip(rows, declined, strict=True)
                   if "ms" in r and taken(r, d, 1e9, -1e9, max_seconds, max_words)[1])
    if gated:
        print(f"scored by the lever (no command, declined, short): {len(gated)} of "
              f"{len(rows)} clips, median {gated[len(gated) // 2]} ms, "
              f"p95 {gated[int(len(gated) * 0.95)]} ms of CPU")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--decode")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--timing", help="wall-clock cost of the lever on this set")
    ap.add_argument("--score", nargs="*")
    ap.add_argument("--margins", default="0,1,2,3,4,6")
    ap.add_argument("--aparts", default="0,4")
    ap.add_argument("--max-seconds", type=float, default=4.0)
    ap.add_argument("--max-words", type=int, default=6)
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--counts", action="store_true", help="counts only (held-out)")
    args = ap.parse_args()
    if args.decode:
        decode(args.decode, args.out)
    if args.timing:
        timing(args.timing)
    if args.score:
        score(args.score, [float(m) for m in args.margins.split(",")],
              [float(a) for a in args.aparts.split(",")], args.show,
              args.counts, args.max_seconds, args.max_words)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
