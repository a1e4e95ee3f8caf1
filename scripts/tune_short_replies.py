#!/usr/bin/env python3
"""How Whisper should decode short replies (digits, yes / no / stop...).

Every clip of tests/data/real/ digits and commands is trimmed by the same
speech gate the live path uses, encoded once and decoded after each prompt
in ``PROMPTS``; each policy of choosing between those decodes is scored
through the words the assistant acts on. Only the tuning half of the real
sets (``real_speech.half``) is used to choose; ``--half held-out`` reports
the other half once, at the end.

    .venv/bin/python scripts/tune_short_replies.py [--half tuning|held-out|all] [--show]
    .venv/bin/python scripts/tune_short_replies.py --questions 163   # espeak-ng questions
    .venv/bin/python scripts/tune_short_replies.py --espeak   # commands, numbers, emergencies
    .venv/bin/python scripts/tune_short_replies.py --emergencies   # emergency decode, tuning set

``--espeak``'s emergencies are benchmark_audio's SPOKEN_EMERGENCIES: the
held-out set of the emergency decode (voice/speech_in/whisper/emergencies.py),
which was tuned with ``--emergencies`` on tests/data/emergencies-tuning.txt
and on non-emergencies of the tuning sets only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from real_speech import half, is_heard_right, padded, real_clips  # noqa: E402

from voice.app import query_of  # noqa: E402
from voice.config import Config  # noqa: E402
from voice.speech_in.base import Transcript  # noqa: E402
from voice.speech_in.gate import SpeechGate  # noqa: E402
from voice.speech_in.select import load_recognizer  # noqa: E402
from voice.speech_in.whisper.guard import heard_from  # noqa: E402
from voice.speech_in.whisper.short_replies import COMMAND_PROMPT, SHORT_REPLY_PROMPT  # noqa: E402


def gated(samples: np.ndarray) -> np.ndarray:
    g = SpeechGate()
    out = [g.push(samples), g.flush()]
    return np.concatenate(out)


def acts_on(text: str) -> bool:
    """Whether the assistant would act on ``text`` as a command or a number."""
    from voice.conversation.choices import find_choice
    from voice.conversation.commands import find_command

    return bool(find_command(text) or find_choice(text))


def questions(rec: object, n: int, show: bool) -> None:
    """Spoken questions (espeak-ng, both benchmark voices): right entry answered
    with the content prompt alone and with the engine as it is (short ones
    decoded both ways)."""
    from benchmark_whisper import padded as qpad
    from make_spoken_questions import BENCHMARK_VARIANTS, speak

    from voice.app import is_doubtful
    from voice.content.loader import load_knowledge
    from voice.matching.matcher import Matcher
    from voice.speech_in.pocketsphinx.corpus import read_labelled

    matcher = Matcher(load_knowledge([REPO / "content"]))
    dec = rec._decoder  # type: ignore[attr-defined]
    items = [q for q in read_labelled(REPO / "tests" / "data" / "tuning.tsv")][:n]
    tally = {"content": 0, "engine": 0}
    short = changed = 0
    for i, q in enumerate(items):
        clip = qpad(speak(q.text, BENCHMARK_VARIANTS[i % 2]))
        speech = gated(np.asarray(clip.samples, dtype=np.int16))
        audio = speech.astype(np.float32) / 32768.0
        got = {"content": heard_from(dec.decode(audio)),
               "engine": rec.decode_heard(speech)}  # type: ignore[attr-defined]
        short += len(audio) <= 2.0 * 16000
        changed += got["content"].text != got["engine"].text
        for k, h in got.items():
            t = Transcript(h.text, "whisper", words=h.words)
            r = matcher.match(query_of(t), doubtful=is_doubtful(t))
            exp = set(q.expected.split("|")) if q.expected else set()
            entry = r.entry.id if r.entry is not None else None
            ok = (r.outcome == "answer" and entry in exp) if exp else r.outcome != "answer"
            tally[k] += ok
        if show or got["content"].text != got["engine"].text:
            print(f"{len(audio) / 16000:.2f}s {q.text!r}: content {got['content'].text!r} "
                  f"engine {got['engine'].text!r}", flush=True)
    print(f"{len(items)} questions (in-scope: right entry answered; out-of-scope: not "
          f"answered): content prompt only {tally['content']}, engine {tally['engine']}; "
          f"{short} short (<= 2 s gated), {changed} transcripts changed")


def espeak(rec: object) -> None:
    """benchmark_audio's espeak-ng commands, numbers and emergencies, with the
    engine as it is and with every utterance decoded after the content prompt."""
    import benchmark_audio as ba
    from make_spoken_questions import BENCHMARK_VARIANTS as variants

    import voice.speech_in.whisper.engine as engine
    from voice.content.loader import load_knowledge

    topics = len(load_knowledge([REPO / "content"]).entries)
    as_is, urgent = engine.is_short, engine.may_be_emergency
    for label, short in (("with short replies", as_is), ("content prompt only", None)):
        engine.is_short = short or _never
        engine.may_be_emergency = urgent if short else _never
        per = ba._heard_right(rec, topics, variants)
        out = []
        for kind in ("command", "number", "bare number"):
            good = sum(per[v.name, kind][0] for v in variants)
            n = sum(per[v.name, kind][1] for v in variants)
            out.append(f"{kind} {good}/{n} = {good / n:.1%}")
        good, n = ba._emergencies(rec, variants)
        print(f"{label}: " + ", ".join(out) + f", emergencies {good}/{n} = {good / n:.1%}",
              flush=True)
    engine.is_short, engine.may_be_emergency = as_is, urgent


def _never(samples: int, rate: int = 16000) -> bool:
    return False


TUNING_EMERGENCIES = REPO / "tests" / "data" / "emergencies-tuning.txt"


def emergencies(rec: object, n_questions: int) -> None:
    """The emergency decode on tuning sets only: tests/data/emergencies-tuning.txt
    in the six espeak-ng conditions (heard as an emergency), and utterances that
    are not emergencies (tuning questions, command phrasings, the real tuning
    half, sox noises: heard as one), with and without the emergency decode."""
    import subprocess
    import tempfile

    from benchmark_audio import pad
    from make_spoken_questions import BENCHMARK_VARIANTS as variants
    from make_spoken_questions import speak

    import voice.speech_in.whisper.engine as engine
    from voice.audio.clip import read_wav
    from voice.conversation.commands import PHRASINGS
    from voice.matching.emergency import is_emergency
    from voice.speech_in.pocketsphinx.corpus import read_labelled

    said = [line.strip() for line in TUNING_EMERGENCIES.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    urgent = [(t, pad(read_wav(speak(t, v)))) for t in said for v in variants]
    qs = read_labelled(REPO / "tests" / "data" / "tuning.tsv")[:n_questions]
    calm = [(q.text, pad(read_wav(speak(q.text, variants[i % 6])))) for i, q in enumerate(qs)]
    phrasings = [p for ps in PHRASINGS.values() for p in ps][::2]
    calm += [(p, pad(read_wav(speak(p, variants[i % 6])))) for i, p in enumerate(phrasings)]
    calm += [(c.transcript, padded(c.path)) for c in real_clips()
             if c.set != "sentences" and half(c.path) == "tuning"]
    tmp = Path(tempfile.mkdtemp())
    rate = ["-r", "16000", "-b", "16", "-c", "1"]
    for name, synth in {"pink": "synth 2 pinknoise vol 0.3",
                        "white": "synth 1.5 whitenoise vol 0.8", "hum": "synth 2 sine 120 vol 0.5",
                        "breath": "synth 0.6 pinknoise band 1500 1200 fade q 0.15 0.6 0.3 vol 0.4 "
                                  "pad 0.3 0.5"}.items():
        subprocess.run(["sox", "-R", "-n", *rate, str(tmp / f"{name}.wav"), *synth.split()],
                       check=True)
        calm.append((name, read_wav(tmp / f"{name}.wav")))
    calm = [(t, c) for t, c in calm if not is_emergency(t)]
    as_is = engine.may_be_emergency
    for label, flag in (("with the emergency decode", as_is), ("without it", _never)):
        engine.may_be_emergency = flag
        heard = sum(is_emergency(query_of(rec.transcribe(c))) for _, c in urgent)  # type: ignore[attr-defined]
        false = []
        for t, c in calm:
            text = query_of(rec.transcribe(c))  # type: ignore[attr-defined]
            if is_emergency(text):
                false.append(f"{t!r} -> {text!r}")
        print(f"{label}: emergencies heard {heard}/{len(urgent)} = {heard / len(urgent):.1%}; "
              f"non-emergencies heard as one {len(false)}/{len(calm)}"
              + (f" ({'; '.join(false)})" if false else ""), flush=True)
    engine.may_be_emergency = as_is


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", default="tuning", choices=("tuning", "held-out", "all"))
    ap.add_argument("--show", action="store_true", help="print every clip")
    ap.add_argument("--questions", type=int, default=0,
                    help="instead: N espeak-ng questions of tests/data/tuning.tsv, content "
                         "prompt only vs the engine's short-reply choice")
    ap.add_argument("--espeak", action="store_true",
                    help="instead: scripts/benchmark_audio.py's espeak-ng commands, topic "
                         "numbers and emergencies (6 conditions), with and without short replies")
    ap.add_argument("--emergencies", type=int, nargs="?", const=120, default=0,
                    metavar="QUESTIONS",
                    help="instead: the emergency decode on tuning sets only (with QUESTIONS "
                         "tuning questions as non-emergencies; default 120)")
    args = ap.parse_args()
    said: list[str] = []
    rec = load_recognizer(Config(content_dirs=(str(REPO / "content"),)), said.append)
    if args.espeak:
        espeak(rec)
        return
    if args.emergencies:
        emergencies(rec, args.emergencies)
        return
    if args.questions:
        questions(rec, args.questions, args.show)
        return
    dec = rec._decoder  # type: ignore[attr-defined]
    prompts = {"content": dec._prompt_tokens, "none": [],
               "short": dec.prompt_tokens(SHORT_REPLY_PROMPT),
               "command": dec.prompt_tokens(COMMAND_PROMPT)}
    clips = [c for c in real_clips("digits") + real_clips("commands")
             if args.half == "all" or half(c.path) == args.half]
    rows = []
    for c in clips:
        speech = gated(np.asarray(padded(c.path).samples, dtype=np.int16))
        audio = speech.astype(np.float32) / 32768.0
        enc = dec.encode(audio)
        row: dict[str, Any] = {"clip": c, "seconds": len(audio) / 16000}
        for name, toks in prompts.items():
            seg = dec.generate(enc, len(audio), toks)
            h = heard_from([seg])
            t = Transcript(h.text, "whisper", words=h.words)
            row[name] = (h.text, seg.avg_logprob, h.dropped, is_heard_right(c, query_of(t)))
        h = rec.decode_heard(speech)  # type: ignore[attr-defined]
        t = Transcript(h.text, "whisper", words=h.words)
        row["engine"] = (h.text, 0.0, h.dropped, is_heard_right(c, query_of(t)))
        rows.append(row)
        if args.show:
            print(f"{c.path.name:44s} {row['seconds']:.2f}s " + " | ".join(
                f"{n}: {row[n][0]!r} {row[n][1]:.2f}{' DROP' if row[n][2] else ''}"
                f"{' ok' if row[n][3] else ''}" for n in prompts), flush=True)

    def report(label: str, pick: Any) -> None:
        for s in ("digits", "commands"):
            rs = [r for r in rows if r["clip"].set == s]
            ok = sum(pick(r)[3] for r in rs)
            wrong = sum(acts_on(pick(r)[0]) and not pick(r)[3] for r in rs)
            print(f"{label:40s} {s:9s} {ok:3d} of {len(rs):3d} = {ok / max(len(rs), 1):.1%}"
                  f"  (acted on as another command or number: {wrong})")

    for name in prompts:
        report(f"prompt {name}", lambda r, n=name: r[n])
    report("best avg_logprob of content/short",
           lambda r: max((r["content"], r["short"]), key=lambda x: x[1] if x[0] else -99))
    report("best avg_logprob of content/none",
           lambda r: max((r["content"], r["none"]), key=lambda x: x[1] if x[0] else -99))
    report("best avg_logprob of all three",
           lambda r: max((r["content"], r["none"], r["short"]),
                         key=lambda x: x[1] if x[0] else -99))
    report("the engine's choice (decode_heard)",
           lambda r: r["engine"])
    print(f"clips {len(rows)}; speech seconds (gated) min {min(r['seconds'] for r in rows):.2f} "
          f"max {max(r['seconds'] for r in rows):.2f}")


if __name__ == "__main__":
    main()
