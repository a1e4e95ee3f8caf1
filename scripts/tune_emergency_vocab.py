#!/usr/bin/env python3
"""Does a short emergency vocabulary at the end of Whisper's content prompt
make tiny.en hear the emergencies it missed, without hurting the rest?

Session 10 (docs/user-journeys.md): espeak-ng's "he's gasping" was heard "he's
casting", "she's fitting" "she's fiving", "he won't respond" "he won't risk
harm". This appends ``VOCABULARY`` to the content prompt (``--vocab``) and
measures, tuning sets only, through the real engine (``transcribe``: content
decode, short-reply and emergency decodes as the assistant runs them):

- the session's emergencies in benchmark_audio's six espeak-ng conditions:
  heard as an emergency (voice/matching/emergency.py);
- tests/data/emergencies-tuning.txt and the non-emergencies of
  tune_short_replies.py ``--emergencies`` (tuning questions, command
  phrasings, the real tuning half, sox noises);
- with ``--questions N``: N espeak-ng tuning.tsv questions, right entry
  answered (tune_short_replies.py ``--questions``).

Result (2026-12-02, tuning sets only): not adopted; figures in docs/speech-in.md,
"An emergency vocabulary in the prompt: tried, not adopted".

    nice -n 10 .venv/bin/python scripts/tune_emergency_vocab.py [--vocab] [--calm 30] \
        [--questions 60]
    nice -n 10 .venv/bin/python scripts/tune_emergency_vocab.py --paired --questions 60
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

import tune_short_replies as tsr  # noqa: E402

from voice.app import query_of  # noqa: E402
from voice.config import Config  # noqa: E402
from voice.speech_in.select import load_recognizer  # noqa: E402

#: The vocabulary tried (the brief's words).
VOCABULARY = "Gasping, fitting, seizure, not responding, can't breathe."

#: Emergencies said in session 10's words (typed, they are emergencies).
SAID = ("he's gasping", "she's gasping", "she's fitting", "he's fitting",
        "he won't respond", "she won't respond", "he's not responding")


#: A myasthenic crisis told as it happens (branch hear13, --crisis-words).
CRISES = ("my husband is having a myasthenic crisis", "she is having a myasthenic crisis",
          "my wife is in a myasthenic crisis", "he's having a myasthenic crisis")


def calm_and_urgent(rec: object, n_questions: int, crisis_words: int | None = None) -> None:
    """tune_short_replies.emergencies' sets through the engine as it is only
    (that function also runs it without its emergency decode: twice the time).
    ``crisis_words``: also count each transcript with emergency.py's "having
    a ... crisis" allowing one word and this many (the same transcripts), with
    CRISES in the six conditions among the emergencies."""
    import subprocess
    import tempfile

    from benchmark_audio import pad
    from make_spoken_questions import BENCHMARK_VARIANTS as variants
    from make_spoken_questions import speak
    from real_speech import half, padded, real_clips

    from voice.audio.clip import read_wav
    from voice.conversation.commands import PHRASINGS
    from voice.matching.emergency import is_emergency
    from voice.speech_in.pocketsphinx.corpus import read_labelled

    said = [line.strip() for line in tsr.TUNING_EMERGENCIES.read_text(encoding="utf-8")
            .splitlines() if line.strip() and not line.startswith("#")]
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
    if crisis_words is not None:
        _crisis_words(rec, urgent, calm, variants, crisis_words)
        return
    heard = sum(is_emergency(query_of(rec.transcribe(c))) for _, c in urgent)  # type: ignore[attr-defined]
    false = []
    for t, c in calm:
        text = query_of(rec.transcribe(c))  # type: ignore[attr-defined]
        if is_emergency(text):
            false.append(f"{t!r} -> {text!r}")
    print(f"emergencies-tuning.txt heard as one {heard}/{len(urgent)} = "
          f"{heard / len(urgent):.1%}; non-emergencies heard as one {len(false)}/{len(calm)}"
          + (f" ({'; '.join(false)})" if false else ""), flush=True)


def _crisis_words(rec: object, urgent: Sequence[tuple[str, object]],
                  calm: Sequence[tuple[str, object]],
                  variants: object, n: int) -> None:
    """calm_and_urgent's sets, and CRISES, each transcript classified with one
    word and with ``n`` words allowed before "crisis"."""
    from benchmark_audio import pad
    from make_spoken_questions import speak

    from voice.audio.clip import read_wav
    from voice.matching import emergency

    one, more = emergency._compile(1), emergency._compile(n)

    def both(text: str) -> tuple[bool, bool]:
        cleaned = emergency.clean(text)
        if "breathe" in cleaned.split() and len(cleaned.split()) <= emergency.SHORT_BREATHE_WORDS:
            return True, True
        return one.search(cleaned) is not None, more.search(cleaned) is not None

    crises = [(t, pad(read_wav(speak(t, v)))) for t in CRISES for v in variants]  # type: ignore[attr-defined]
    for label, clips, want in (("crises (CRISES, six conditions)", crises, True),
                               ("emergencies-tuning.txt", urgent, True),
                               ("non-emergencies", calm, False)):
        counts = [0, 0]
        changed = []
        for t, c in clips:
            text = query_of(rec.transcribe(c))  # type: ignore[attr-defined]
            got = both(text)
            counts[0] += got[0] == want
            counts[1] += got[1] == want
            if got[0] != got[1]:
                changed.append(f"{t!r} -> {text!r}")
        print(f"{label}: classified right, 1 word -> {n}: {counts[0]} -> {counts[1]} of "
              f"{len(clips)}" + (f" (changed: {'; '.join(changed)})" if changed else ""),
              flush=True)


def paired(rec: object, n_questions: int) -> None:
    """The content decode alone, with and without the vocabulary, on the same
    encoding of each clip (one encode, two decodes: a third of the engine's
    cost): emergencies-tuning.txt heard as one; tuning questions (espeak-ng,
    both benchmark voices) right entry answered; the real tuning half's
    commands and digits heard right; non-emergencies heard as one; how many
    transcripts changed."""
    import numpy as np
    from benchmark_audio import pad
    from make_spoken_questions import BENCHMARK_VARIANTS as variants
    from make_spoken_questions import speak
    from real_speech import half, is_heard_right, padded, real_clips

    from voice.app import is_doubtful
    from voice.audio.clip import AudioClip, read_wav
    from voice.content.loader import load_knowledge
    from voice.conversation.commands import PHRASINGS
    from voice.matching.emergency import is_emergency
    from voice.matching.matcher import Matcher
    from voice.speech_in.base import Transcript
    from voice.speech_in.pocketsphinx.corpus import read_labelled
    from voice.speech_in.whisper.guard import heard_from

    dec = rec._decoder  # type: ignore[attr-defined]
    old = dec.prompt_tokens(rec.prompt)  # type: ignore[attr-defined]
    new = dec.prompt_tokens(f"{rec.prompt} {VOCABULARY}")  # type: ignore[attr-defined]
    matcher = Matcher(load_knowledge([REPO / "content"]))

    def heard(clip: AudioClip) -> tuple[Transcript, Transcript]:
        speech = tsr.gated(np.asarray(clip.samples, dtype=np.int16))
        audio = speech.astype(np.float32) / 32768.0
        enc = dec.encode(audio)
        out = []
        for toks in (old, new):
            h = heard_from([dec.generate(enc, len(audio), toks)])
            out.append(Transcript(h.text, "whisper", words=h.words))
        return out[0], out[1]

    said = [line.strip() for line in tsr.TUNING_EMERGENCIES.read_text(encoding="utf-8")
            .splitlines() if line.strip() and not line.startswith("#")]
    tally: dict[str, list[int]] = {}
    changed = 0

    def count(key: str, before: bool, after: bool) -> None:
        tally.setdefault(key, [0, 0, 0])
        tally[key][0] += before
        tally[key][1] += after
        tally[key][2] += 1

    for t in [*SAID, *said]:
        for v in variants:
            b, a = heard(pad(read_wav(speak(t, v))))
            changed += b.text != a.text
            key = "session 10's emergencies" if t in SAID else "emergencies-tuning.txt"
            count(key, is_emergency(query_of(b)), is_emergency(query_of(a)))
    print(f"after emergencies: {tally}", flush=True)
    for i, q in enumerate(read_labelled(REPO / "tests" / "data" / "tuning.tsv")[:n_questions]):
        b, a = heard(pad(read_wav(speak(q.text, variants[i % 2]))))
        changed += b.text != a.text
        exp = set(q.expected.split("|")) if q.expected else set()
        oks = []
        for tr in (b, a):
            r = matcher.match(query_of(tr), doubtful=is_doubtful(tr))
            entry = r.entry.id if r.entry is not None else None
            oks.append((r.outcome == "answer" and entry in exp) if exp else r.outcome != "answer")
            if is_emergency(query_of(tr)):
                print(f"  question heard as an emergency: {q.text!r} -> {tr.text!r}")
        count("tuning questions right", oks[0], oks[1])
        count("questions heard as an emergency", is_emergency(query_of(b)),
              is_emergency(query_of(a)))
    print(f"after questions: {tally}", flush=True)
    phrasings = [p for ps in PHRASINGS.values() for p in ps][::2]
    for i, p in enumerate(phrasings):
        b, a = heard(pad(read_wav(speak(p, variants[i % 6]))))
        changed += b.text != a.text
        count("command phrasings heard as an emergency", is_emergency(query_of(b)),
              is_emergency(query_of(a)))
        count("command phrasings heard as said", tsr.acts_on(query_of(b)) and
              query_of(b) == p.lower(), tsr.acts_on(query_of(a)) and query_of(a) == p.lower())
    for c in real_clips():
        if c.set == "sentences" or half(c.path) != "tuning":
            continue
        b, a = heard(padded(c.path))
        changed += b.text != a.text
        if c.set in ("digits", "commands"):
            count(f"real {c.set} (tuning half) heard right", is_heard_right(c, query_of(b)),
                  is_heard_right(c, query_of(a)))
        count("real tuning half heard as an emergency", is_emergency(query_of(b)),
              is_emergency(query_of(a)))
    for key, (n_before, n_after, n) in tally.items():
        print(f"{key}: {n_before}/{n} -> {n_after}/{n}")
    print(f"transcripts changed by the vocabulary: {changed}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--paired", action="store_true",
                    help="instead: the content decode with and without VOCABULARY, same encodings")
    ap.add_argument("--vocab", action="store_true", help="append VOCABULARY to the content prompt")
    ap.add_argument("--questions", type=int, default=0, help="also N espeak-ng tuning questions")
    ap.add_argument("--emergency-prompt", default=None,
                    help="instead of emergencies.EMERGENCY_PROMPT for the engine's emergency "
                         "decode (session 12: the prompt with and without SAID's words)")
    ap.add_argument("--calm", type=int, default=-1,
                    help="also emergencies-tuning.txt and the non-emergencies of "
                         "tune_short_replies --emergencies, with CALM tuning questions among them")
    ap.add_argument("--crisis-words", type=int, default=None,
                    help="instead: --calm's sets and CRISES, each transcript counted with "
                         "emergency.py's 'having a ... crisis' allowing 1 word and this many")
    args = ap.parse_args()
    from benchmark_audio import pad
    from make_spoken_questions import BENCHMARK_VARIANTS, speak

    from voice.audio.clip import read_wav
    from voice.matching.emergency import is_emergency

    rec = load_recognizer(Config(content_dirs=(str(REPO / "content"),)), lambda _s: None)
    if args.paired:
        paired(rec, args.questions or 60)
        return
    if args.emergency_prompt is not None:
        dec = rec._decoder  # type: ignore[attr-defined]
        rec._emergency_prompt = dec.prompt_tokens(args.emergency_prompt)  # type: ignore[attr-defined]
        print(f"emergency prompt: {args.emergency_prompt!r}", flush=True)
    if args.vocab:
        rec.prompt = f"{rec.prompt} {VOCABULARY}"  # type: ignore[attr-defined]
        rec._decoder.set_prompt(rec.prompt)  # type: ignore[attr-defined]
    print(f"prompt ({'with' if args.vocab else 'without'} the vocabulary): "
          f"...{rec.prompt[-90:]!r}", flush=True)  # type: ignore[attr-defined]
    if args.crisis_words is not None:
        calm_and_urgent(rec, max(args.calm, 0), args.crisis_words)
        return
    heard = 0
    for text in SAID:
        got = []
        for v in BENCHMARK_VARIANTS:
            t = query_of(rec.transcribe(pad(read_wav(speak(text, v)))))
            ok = is_emergency(t)
            heard += ok
            got.append(f"{t!r}{' EMERGENCY' if ok else ''}")
        print(f"{text!r}: " + "; ".join(got), flush=True)
    n = len(SAID) * len(BENCHMARK_VARIANTS)
    print(f"session 10's emergencies heard as one: {heard}/{n}", flush=True)
    if args.calm >= 0:
        calm_and_urgent(rec, args.calm)
    if args.questions:
        tsr.questions(rec, args.questions, False)


if __name__ == "__main__":
    main()
