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
    .venv/bin/python scripts/tune_short_replies.py --commands   # command prompts, tuning sets
    .venv/bin/python scripts/tune_short_replies.py --commands +REQUEST_PROMPT --half held-out

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
from voice.speech_in.whisper.short_replies import (  # noqa: E402
    COMMAND_PROMPT,
    REQUEST_PROMPT,
    SHORT_REPLY_PROMPT,
    is_short,
    surest,
)


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


#: Command phrasings said by espeak-ng to tune the command decode's prompt
#: (``--commands``), with the command each must be heard as: the new ones a
#: tired user says during an answer ("wait", "hold on", "go on"...) and some
#: of every older command. None is in benchmark_audio's SPOKEN_COMMANDS or in
#: HELD_OUT_COMMANDS below, which ``--espeak`` reports once, at the end.
TUNING_COMMANDS = {
    "wait": "pause", "hold on": "pause", "wait a moment": "pause", "just a moment": "pause",
    "hold on a moment": "pause", "one second": "pause", "pause": "pause",
    "give me a minute": "pause",
    "carry on": "more", "keep going": "more", "continue": "more", "go ahead": "more",
    "say that louder": "again_louder", "repeat it louder": "again_louder",
    "again louder": "again_louder", "say that again slower": "again_slower",
    "repeat it slower": "again_slower",
    "are you there": "wake", "are you still there": "wake", "are you listening": "wake",
    "is this private": "privacy", "are you recording me": "privacy",
    "speak slower": "slower", "too fast": "slower", "speak up": "louder", "too quiet": "louder",
    "softer": "quieter", "speak quieter": "quieter", "quicker": "faster",
    "be quiet": "stop", "stop talking": "stop", "pardon": "repeat", "what was that": "repeat",
    "yeah": "yes", "that is right": "yes", "nope": "no", "that is wrong": "wrong",
    "previous": "back", "what topics": "topics", "what can i say": "help",
}
#: Held out from ``--commands``: more of the new commands' phrasings, heard
#: by ``--espeak`` beside benchmark_audio's SPOKEN_COMMANDS.
HELD_OUT_COMMANDS = {
    "hang on": "pause", "one moment": "pause", "wait a second": "pause",
    "hang on a moment": "pause", "say it louder": "again_louder", "can you hear me": "wake",
    "are you still listening": "wake", "is it private": "privacy",
}
#: The command prompts compared by ``--commands`` (the first is the engine's).
#: A name starting with "+" is a further decode after that prompt, beside
#: COMMAND_PROMPT's.
CANDIDATE_PROMPTS = {
    "before": COMMAND_PROMPT,
    "wait hold on": COMMAND_PROMPT + " Wait. Hold on.",
    "wait hold on go on": COMMAND_PROMPT + " Wait. Hold on. Go on.",
    "+wait": "Wait. Hold on. One moment. Go on. Carry on.",
    "+REQUEST_PROMPT": REQUEST_PROMPT,  # chosen
}
# Tried first, on the first two conditions (en-us, en): COMMAND_PROMPT +
# " Wait. Hold on. One moment. Go on. Carry on. Say it louder. Are you
# there?" turned "speak slower" into "speak louder", "softer" into
# "software", "hold on a moment" into "no not a moment"; a further decode
# after "Wait. Hold on. One moment. Go on. Carry on. Say it louder. Are you
# there? Is this private?" turned "speak quieter" into "speak louder".


def engine_heard(rec: object, speech: np.ndarray, prompts: dict[str, list[int]]) -> dict[str, Any]:
    """What the engine (decode_heard) would hear in ``speech`` with each of
    ``prompts`` as its command prompt, from one encoding: the same decodes
    and choices (surest, with_emergency), without the alternatives, which no
    command or number depends on."""
    from voice.speech_in.whisper.emergencies import may_be_emergency, with_emergency

    dec = rec._decoder  # type: ignore[attr-defined]
    audio = speech.astype(np.float32) / 32768.0
    enc = dec.encode(audio)
    content = dec.generate(enc, len(audio), dec.prompt)
    short = is_short(len(audio))
    urgent = may_be_emergency(len(audio))
    digits = dec.generate(enc, len(audio), rec._short_prompt) if short else None  # type: ignore[attr-defined]
    own = dec.generate(enc, len(audio), rec._command_prompt) if short else None  # type: ignore[attr-defined]
    emergency = (dec.generate(enc, len(audio), rec._emergency_prompt)  # type: ignore[attr-defined]
                 if urgent else None)
    out = {}
    for name, toks in prompts.items():
        if not short:
            heard = heard_from([content])
            rest = []
        else:
            assert digits is not None and own is not None
            cmd = dec.generate(enc, len(audio), toks) if name != "before" else own
            extra = [cmd] if name.startswith("+") else []
            first = own if name.startswith("+") else cmd
            heard = surest(content, digits, first, *extra)
            rest = [digits, first, *extra]
        if urgent:
            assert emergency is not None
            heard = with_emergency(heard, [*rest, emergency])
        out[name] = heard
    return out


def commands(rec: object, which: str = "tuning", chosen: str = "") -> None:
    """The command prompts of CANDIDATE_PROMPTS on tuning sets
    (``which`` "tuning"): TUNING_COMMANDS and topic numbers benchmark_audio
    does not say (espeak-ng, six conditions), and the tuning half of real
    people's words (digits, yes/no/stop/right, stop_words' "no", "go",
    "six"...). "held-out": the engine's prompt and ``chosen`` only, on
    benchmark_audio's SPOKEN_COMMANDS and topic numbers, HELD_OUT_COMMANDS
    and the real held-out half; totals only."""
    import benchmark_audio as ba
    from benchmark_audio import pad
    from make_spoken_questions import BENCHMARK_VARIANTS as variants
    from make_spoken_questions import speak
    from real_stop_words import word_clips

    from voice.audio.clip import read_wav
    from voice.content.loader import load_knowledge
    from voice.conversation.choices import find_choice, say_number
    from voice.conversation.commands import find_command

    dec = rec._decoder  # type: ignore[attr-defined]
    held_out = which == "held-out"
    prompts = {n: dec.prompt_tokens(p) for n, p in CANDIDATE_PROMPTS.items()
               if not held_out or n in ("before", chosen)}
    topics = len(load_knowledge([REPO / "content"]).entries)
    # benchmark_audio says 1, 4, 7... (held out); the tuning set the others.
    numbers = ([n for n in range(1, topics + 1) if n % 3 != 1][:12] if not held_out
               else list(range(1, topics + 1, 3)))
    spoken = ({**ba.SPOKEN_COMMANDS, **HELD_OUT_COMMANDS} if held_out else TUNING_COMMANDS)
    said: list[tuple[str, str, Any, np.ndarray]] = []
    digits = "zero one two three four five six seven eight nine".split()
    for c in word_clips():
        if c.half != which or c.word == "sentence":
            continue
        word = c.word
        if c.path.name.startswith("fsdd_"):
            word = digits[int(c.path.name.split("_")[1])]
        want: Any = (digits.index(word) if word in digits else
                     {"yes": "yes", "right": "yes", "no": "no", "stop": "stop"}.get(word))
        said.append((f"real {word if want is None or word not in digits else 'digit'}",
                     word, want, padded(c.path).samples))
    # Bare topic numbers only: the further decode counts for commands only,
    # and a "number N" is checked by tests/test_whisper_short_commands.py
    # (the machine was loaded 15-24 on 2 cores, 2026-12-02).
    for v in variants:
        for t, cmd in spoken.items():
            new = cmd in ("pause", "more", "again_louder", "wake", "privacy") and (
                not held_out or t in HELD_OUT_COMMANDS)
            said.append(("new command" if new else "older command",
                         t, cmd, pad(read_wav(speak(t, v))).samples))
        for n in numbers:
            said.append(("bare number", say_number(n), n,
                         pad(read_wav(speak(say_number(n), v))).samples))
    tally: dict[tuple[str, str], list[int]] = {}
    for i, (kind, text, want, samples) in enumerate(said):
        if i % 50 == 0:
            print(f"  ({i} of {len(said)} clips)", flush=True)
        got = engine_heard(rec, gated(np.asarray(samples, dtype=np.int16)), prompts)
        for name, h in got.items():
            heard = query_of(Transcript(h.text, "whisper", words=h.words))
            command = find_command(heard)
            choice = find_choice(heard)
            acted = command or (choice.number if choice else None)
            if isinstance(want, int) and heard.strip() in ("zero", "0"):
                acted = 0
            row = tally.setdefault((name, kind), [0, 0, 0])
            row[0] += acted == want
            row[1] += acted is not None and acted != want
            row[2] += 1
        # Real tuning clips and anything held out: counted, not listed.
        if (any(g.text != got["before"].text for g in got.values()) and not held_out
                and not kind.startswith("real")):
            print(f"  {kind} {text!r}: " + "; ".join(f"{n}: {g.text!r}"
                                                     for n, g in got.items()), flush=True)
    kinds = list(dict.fromkeys(k for _, k in tally))
    for name in prompts:
        print(f"{name}: " + ", ".join(
            f"{k} {tally[name, k][0]}/{tally[name, k][2]} (wrong {tally[name, k][1]})"
            for k in kinds), flush=True)


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
    ap.add_argument("--commands", nargs="?", const="all", default="", metavar="CHOSEN",
                    help="instead: the command prompts of CANDIDATE_PROMPTS on tuning sets "
                         "(TUNING_COMMANDS and topic numbers by espeak-ng, real tuning half); "
                         "with --half held-out, the engine's and CHOSEN on the held-out sets")
    args = ap.parse_args()
    said: list[str] = []
    rec = load_recognizer(Config(content_dirs=(str(REPO / "content"),)), said.append)
    if args.espeak:
        espeak(rec)
        return
    if args.emergencies:
        emergencies(rec, args.emergencies)
        return
    if args.commands:
        commands(rec, "held-out" if args.half == "held-out" else "tuning", args.commands)
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
