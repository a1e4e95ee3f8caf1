#!/usr/bin/env python3
"""Measure the second opinion (voice/speech_in/second_opinion.py) on the
tuning halves only, through the app's path for speech.

Clips: those of scripts/tune_sound_alike.py (tuning.tsv and the even
questions of dev.tsv in the six conditions, health-tuning.tsv in two voices,
120 foreign-tuning.tsv requests in one); ``--stride N --offset M`` keeps
the in-scope tuning.tsv clips k (counted as scripts/tune_alternatives.py
counts them) with k % N == M; every out-of-scope clip is kept. ``--stride 3
--offset 1`` is tune_decoding.py's check third, whose Whisper transcripts of
the current engine are cached.
Whisper's transcripts come from benchmark_audio's TranscriptCache. Each clip
goes through benchmark_audio._match (query_of, is_doubtful, alternatives,
sound-alike, Matcher.match heard=True); when that declines a doubtful
hearing, PocketSphinx with the content language model decodes the same
padded WAV (cached in ~/.cache/voice/transcripts/second-opinion-*.jsonl) and
each rule (AGREEMENT x OFFER_SCORE x which PocketSphinx words) says whether
its text is offered. Prints, per rule and set: right entry (answered or
offered first), wrong entries offered, out of scope declined; and the
PocketSphinx decode time of the gated clips.

Caveat: tuning.tsv's in-scope questions are "Also asked" lines of the
content, so they are in PocketSphinx's language model word for word (it
flatters the second opinion there); dev.tsv's are not, nor are the
held-out ones.

    .venv/bin/python scripts/tune_second_opinion.py [--stride N --offset M] [--dump]
        [--decoder lm|grammar] [--variants N]
    .venv/bin/python scripts/tune_second_opinion.py --real

``--decoder grammar`` holds PocketSphinx to whole sentences (a JSGF of the
content's questions, commands and everyday sentences) instead of the content
language model; ``--real`` runs the real people's clips (tests/data/real)
instead. Measured and not adopted: docs/benchmarks.md, "A second opinion from
PocketSphinx".
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import TranscriptCache, _heard, _match, pad  # noqa: E402
from tune_sound_alike import clips as tuning_clips  # noqa: E402
from tune_whisper_confidence import _LazyWhisper  # noqa: E402

from voice.app import is_doubtful, query_of  # noqa: E402
from voice.audio.clip import read_wav  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.content.model import KnowledgeBase  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.speech_in.base import Transcript  # noqa: E402
from voice.speech_in.whisper.alternatives import acts_on_its_own  # noqa: E402

# The second opinion itself (kept here, not in voice/: it was measured and not
# adopted; see docs/benchmarks.md).

#: What PocketSphinx heard must match an entry at least this well to be offered.
OFFER_SCORE = 90.0

#: The agreement asked of the two recognizers before an offer:
#: "none": PocketSphinx's match alone; "word": Whisper's text (or one of its
#: alternatives) and PocketSphinx's share a content word; "entry": the entry
#: PocketSphinx's text matches is also a candidate of Whisper's text or of one
#: of its alternatives.
AGREEMENT = "word"


class SecondOpinion:
    """PocketSphinx with the content's language model, decoding whole utterances.

    One decoder, no learning: it only hears what Whisper already heard badly.
    """

    def __init__(self, kb: KnowledgeBase | None) -> None:
        from voice.speech_in.pocketsphinx.corpus import build_corpus
        from voice.speech_in.pocketsphinx.engine import PocketSphinxRecognizer

        self._rec = PocketSphinxRecognizer(build_corpus(kb))

    def hear(self, speech: np.ndarray) -> Transcript:
        """What PocketSphinx heard in 16 kHz mono int16 ``speech`` (already gated)."""
        from voice.audio.clip import RECOGNIZER_RATE, AudioClip

        return self._rec.transcribe(AudioClip(speech, RECOGNIZER_RATE, 1))


def _content_words(text: str) -> set[str]:
    from voice.matching.normalize import tokens

    return set(tokens(text))


def offered_second_opinion(heard: Transcript, second: str, query: str, doubtful: bool,
                           matcher: Any) -> str | None:
    """``second`` (what PocketSphinx heard of the same audio) to offer in place of
    ``query`` (what would be matched of ``heard``), or None.

    Only for a doubtful hearing that is not a command, number or emergency and
    whose ``query`` matches no entry; ``second`` must match an entry at
    ``OFFER_SCORE`` or more and agree with Whisper as ``AGREEMENT`` says."""
    if not second or not doubtful or not heard.words or acts_on_its_own(heard.text):
        return None
    if acts_on_its_own(second):
        return None
    if matcher.match(query, doubtful=doubtful, heard=True).outcome != "no_match":
        return None
    r = matcher.match(second, doubtful=True, heard=True)
    if r.outcome == "no_match" or not r.candidates or r.candidates[0].score < OFFER_SCORE:
        return None
    whisper_texts = [heard.text, *heard.alternatives]
    if AGREEMENT == "word":
        mine = _content_words(second)
        if not any(mine & _content_words(t) for t in whisper_texts):
            return None
    elif AGREEMENT == "entry":
        entry = r.candidates[0].entry.id
        if not any(entry in {c.entry.id for c in
                             matcher.match(t, doubtful=True, heard=True).candidates}
                   for t in whisper_texts):
            return None
    return second


class GrammarOpinion:
    """PocketSphinx held to whole sentences (JSGF): the content's questions
    (titles, "Also asked" phrasings, keywords, "tell me about <title>"), the
    commands and the everyday sentences, so an everyday request has somewhere
    to go; the ``--decoder grammar`` variant."""

    def __init__(self, kb: Any) -> None:
        import pocketsphinx

        from voice.speech_in.pocketsphinx.corpus import build_corpus
        from voice.speech_in.pocketsphinx.engine import RECOGNIZER_RATE, build_adapted_model

        corpus = build_corpus(kb, include_answers=False)
        model = build_adapted_model(build_corpus(kb))
        known = {line.split()[0] for line in model.dict_path.read_text().splitlines() if line}
        sentences = sorted({line for line in corpus.lines()
                            if all(w in known for w in line.split())})
        jsgf = ("#JSGF V1.0;\ngrammar faq;\npublic <s> = " +
                " | ".join(f"( {line} )" for line in sentences) + ";\n")
        self.d = pocketsphinx.Decoder(samprate=RECOGNIZER_RATE, loglevel="FATAL",
                                      dict=str(model.dict_path), dither=True, seed=1)
        self.d.add_jsgf_string("faq", jsgf)
        self.d.activate_search("faq")

    def hear(self, speech: Any) -> Transcript:
        self.d.start_utt()
        self.d.process_raw(speech.tobytes(), no_search=False, full_utt=True)
        self.d.end_utt()
        hyp = self.d.hyp()
        return Transcript(hyp.hypstr if hyp is not None else "", "pocketsphinx")


class SecondCache:
    """PocketSphinx's transcripts of WAVs, keyed by the content and its engine code."""

    def __init__(self, decoder: str = "lm") -> None:
        self.decoder = decoder
        h = hashlib.sha256(decoder.encode())
        for folder in (REPO / "content", REPO / "voice" / "speech_in" / "pocketsphinx"):
            for f in sorted(folder.rglob("*")):
                if f.is_file() and f.suffix in (".md", ".py", ".txt", ".toml"):
                    h.update(f.read_bytes())
        base = Path.home() / ".cache" / "voice" / "transcripts"
        self.path = base / f"second-opinion-{h.hexdigest()[:16]}.jsonl"
        self.known: dict[str, dict[str, Any]] = {}
        if self.path.is_file():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                self.known[row["wav"]] = row
        self.rec: Any = None
        self.kb: Any = None
        self.times: list[float] = []

    def hear(self, wav: Path, clip: Any = None) -> Transcript:
        row = self.known.get(wav.name)
        if row is None:
            from voice.speech_in.gate import SpeechGate
            from voice.speech_in.whisper.engine import _samples16k

            if self.rec is None:
                self.rec = (SecondOpinion(self.kb) if self.decoder == "lm"
                            else GrammarOpinion(self.kb))
            gate = SpeechGate()
            samples = _samples16k(clip if clip is not None else pad(read_wav(wav)))
            speech = gate.push(samples)
            speech = np.concatenate([speech, gate.flush()])
            t0 = time.process_time()
            t = self.rec.hear(speech)
            self.times.append(time.process_time() - t0)
            row = {"wav": wav.name, "text": t.text, "words": [list(w) for w in t.words],
                   "seconds": len(speech) / 16000}
            self.known[wav.name] = row
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as f:
                f.write(json.dumps(row) + "\n")
        return Transcript(row["text"], "pocketsphinx",
                          words=tuple((str(w), float(c)) for w, c in row["words"]))


def real_people(second: SecondCache, matcher: Matcher, kb: Any) -> None:
    global AGREEMENT, OFFER_SCORE
    """Real people (tests/data/real): how many clips reach the second opinion,
    and how many of them each rule offers an entry (a read LibriSpeech
    sentence is out of scope; a digit or a yes/no/stop/right offered an
    entry is a reply lost)."""
    from real_speech import padded, real_clips

    cache, rec = TranscriptCache("whisper"), _LazyWhisper(kb)
    rows = []
    for c in real_clips():
        t = cache.transcribe(rec, padded(c.path), c.path)
        r = _match(matcher, _heard(t))
        gated = (r.outcome == "no_match" and is_doubtful(t) and bool(t.words)
                 and not acts_on_its_own(t.text))
        rows.append((c.set, r.outcome, t, second.hear(c.path, padded(c.path)) if gated else None))
    for label, agreement, score in (("none 80", "none", 80.0), ("none 90", "none", 90.0),
                                    ("word 90", "word", 90.0), ("entry 90", "entry", 90.0)):
        AGREEMENT, OFFER_SCORE = agreement, score
        k: Counter[str] = Counter()
        for name, outcome, t, ps in rows:
            k[f"{name} n"] += 1
            k[f"{name} declined before"] += outcome == "no_match"
            k[f"{name} gated"] += ps is not None
            if ps is not None and offered_second_opinion(
                    t, ps.text, query_of(t), is_doubtful(t), matcher) is not None:
                k[f"{name} offered"] += 1
        print(f"real {label}: " + ", ".join(
            f"{n}: {k[n + ' n']} clips, declined before {k[n + ' declined before']}, "
            f"reach it {k[n + ' gated']}, offered now {k[n + ' offered']}"
            for n in ("digits", "commands", "sentences")), flush=True)


def main() -> int:
    global AGREEMENT, OFFER_SCORE
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stride", type=int, default=1)
    ap.add_argument("--variants", type=int, default=6,
                    help="conditions of tuning.tsv and dev.tsv (max 6)")
    ap.add_argument("--offset", type=int, default=0,
                    help="keep the tuning.tsv clips k with k %% stride == offset")
    ap.add_argument("--decoder", choices=("lm", "grammar"), default="lm",
                    help="PocketSphinx with the content LM, or held to whole sentences (JSGF)")
    ap.add_argument("--real", action="store_true",
                    help="only the real people's clips (tests/data/real)")
    ap.add_argument("--dump", action="store_true", help="print every changed clip")
    args = ap.parse_args()
    kb = load_knowledge([REPO / "content"])
    cache, rec = TranscriptCache("whisper"), _LazyWhisper(kb)
    second = SecondCache(args.decoder)
    second.kb = kb
    matcher = Matcher(kb)
    if args.real:
        real_people(second, matcher, kb)
        return 0
    k = -1
    rows = []
    for name, exp, said, wav in tuning_clips(args.variants):
        if name == "tuning":  # counted as scripts/tune_alternatives.py counts them
            k += 1
            if exp and k % args.stride != args.offset:
                continue
        t = cache.transcribe(rec, pad(read_wav(wav)), wav)
        r = _match(matcher, _heard(t))
        gated = (r.outcome == "no_match" and is_doubtful(t) and bool(t.words)
                 and not acts_on_its_own(t.text))
        ps = second.hear(wav) if gated else None
        rows.append((name, exp, said, t, r, ps))
    n_gated = sum(1 for *_, ps in rows if ps is not None)
    print(f"{len(rows)} clips, {n_gated} on the doubtful no-match path; PocketSphinx "
          f"decoded {len(second.times)} now, CPU {sum(second.times):.1f} s "
          f"(median {sorted(second.times)[len(second.times) // 2] if second.times else 0:.3f} s)",
          flush=True)
    ceiling: Counter[str] = Counter()
    for name, exp, _said, _t, _r, ps in rows:
        if ps is not None and exp:
            ceiling[f"{name} reach"] += 1
            r2 = matcher.match(ps.text, doubtful=True, heard=True)
            ceiling[name] += bool(r2.candidates) and r2.candidates[0].entry.id in exp.split("|")
    print("in-scope clips on that path, and PocketSphinx's first candidate right there "
          "(any score, no agreement): " + "; ".join(
              f"{n} {ceiling[n]} of {ceiling[n + ' reach']}" for n in ("tuning", "dev-even")),
          flush=True)
    rules: list[tuple[str, str, float, str]] = [("before", "none", 0.0, "off")]
    for agreement in ("none", "word", "entry"):
        for score in (80.0, 90.0, 95.0):
            for words in ("all", "sure"):
                rules.append((f"{agreement:<5} {score:g} {words}", agreement, score, words))
    for label, agreement, score, words in rules:
        AGREEMENT, OFFER_SCORE = agreement, score
        c: dict[str, Counter[str]] = defaultdict(Counter)
        for name, exp, said, t, r, ps in rows:
            outcome, entry = r.outcome, (r.entry.id if r.entry else None)
            if ps is not None and words != "off":
                text = ps.text if words == "all" else query_of(ps)
                offer = offered_second_opinion(t, text, query_of(t), is_doubtful(t), matcher)
                if offer is not None:
                    r2 = matcher.match(offer, doubtful=True, heard=True)
                    outcome, entry = r2.outcome, r2.entry.id if r2.entry else None
                    if args.dump and label.startswith("word  90 all"):
                        ok = bool(exp) and entry in (exp or "").split("|")
                        print(f"  {'RIGHT' if ok else 'WRONG'}\t{name}\t{said}\t{t.text}\t"
                              f"{offer}\t{entry}")
            s = c[name]
            if not exp:
                s["n_out"] += 1
                s["declined"] += outcome == "no_match"
                continue
            right = entry is not None and entry in exp.split("|")
            s["n"] += 1
            s["right"] += outcome != "no_match" and right
            s["wrong"] += outcome == "answer" and not right
            s["offered_wrong"] += outcome == "confirm" and not right
        parts = []
        for name, s in c.items():
            if s["n"]:
                parts.append(f"{name} {s['right']}/{s['n']} (ow {s['offered_wrong']}, "
                             f"aw {s['wrong']})")
            if s["n_out"]:
                parts.append(f"{name} out {s['declined']}/{s['n_out']}")
        print(f"{label:<16} " + "; ".join(parts), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
