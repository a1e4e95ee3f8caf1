#!/usr/bin/env python3
"""Issue 13, branch hear16: where colloquial questions are lost (typed vs
spoken), and Whisper's initial prompt and decode options measured afresh.

Tuning halves only (tests/data/tuning.tsv and the even dev.tsv questions,
espeak-ng's six conditions; the natural voices' tuning halves, --rotate 2),
every clip through the app's path for speech (benchmark_audio._heard/_match,
``heard.understood``), as tune_hear15.py does.

    # typed right entry of the same lines, against the spoken (cache) one
    .venv/bin/python scripts/tune_hear16.py --typed --seed S [--seed S2]
    # prompts / decode options, every Nth tuning clip, decoded afresh
    .venv/bin/python scripts/tune_hear16.py --variants faq,faq+asked --stride 4
    # real people's requests (none ours) under each variant
    .venv/bin/python scripts/tune_hear16.py --variants faq,faq+asked --real

``--variants`` encodes each clip once and decodes it after each variant's
prompt (and with its decode options) through ``WhisperRecognizer``'s own
path (short replies, emergencies, the beam's alternatives, the audio
checks), kept in ~/.cache/voice/transcripts/hear16-variants-<isa>.jsonl with
the outcome, so a run stopped part way goes on where it stopped. A variant
is ``PROMPT`` or ``PROMPT/OPTION``: PROMPT one of ``PROMPTS``, OPTION one of
``OPTIONS``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import engine_loaders, isa_path, pad, word_errors  # noqa: E402
from tune_hear15 import items, line, outcome, seeded_cache  # noqa: E402

from voice.audio.clip import read_wav  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.content.model import KnowledgeBase  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.speech_in.pocketsphinx.corpus import read_labelled  # noqa: E402
from voice.speech_in.whisper import prompt as P  # noqa: E402

DATA = REPO / "tests" / "data"


# ------------------------------------------------------------ typed vs spoken

def typed(matcher: Matcher, seeds: list[str], kb: Any) -> int:
    """Right entry of each tuning line typed (the matcher as for typed text)
    beside the same lines spoken (the cache, espeak-ng's six conditions)."""
    sets = {"tuning": read_labelled(DATA / "tuning.tsv"),
            "dev-even": read_labelled(DATA / "dev.tsv")[::2]}
    for name, qs in sets.items():
        c: Counter[str] = Counter()
        for q in qs:
            r = matcher.match(q.text)
            exp = q.expected or None
            if exp is None:
                c[{"no_match": "out-declined", "confirm": "out-offered",
                   "answer": "out-answered"}[r.outcome]] += 1
                continue
            if r.outcome == "no_match":
                c["declined"] += 1
                continue
            right = r.entry is not None and r.entry.id in exp.split("|")
            how = "answer" if r.outcome == "answer" else "offer"
            c[f"{'right' if right else 'wrong'}-{how}"] += 1
        print(f"  typed   {name:<9} {line(c)}")
    cache = seeded_cache(kb, seeds)
    spoken: dict[str, Counter[str]] = defaultdict(Counter)
    typed_right: dict[str, set[str]] = defaultdict(set)
    for name, qs in sets.items():
        for q in qs:
            if q.expected:
                r = matcher.match(q.text)
                if r.outcome != "no_match" and r.entry is not None and \
                        r.entry.id in q.expected.split("|"):
                    typed_right[name].add(q.text)
    split: dict[str, Counter[str]] = defaultdict(Counter)
    for name, _cond, expected, said, wav in items("espeak"):
        if wav.name not in cache._known:
            continue
        t = cache.transcribe(None, pad(read_wav(wav)), wav)
        o = outcome(matcher, t, expected)
        spoken[name][o] += 1
        if expected:
            split[name][("typed right" if said in typed_right[name] else "typed missed")
                        + (", spoken right" if o.startswith("right") else ", spoken missed")] += 1
    for name, c in spoken.items():
        print(f"  spoken  {name:<9} {line(c)}")
        print(f"          {dict(sorted(split[name].items()))}")
    return 0


# --------------------------------------------------------------- the prompts

def _clean(line_: str) -> str:
    line_ = " ".join(line_.split())
    line_ = line_[0].upper() + line_[1:] if line_ else line_
    return line_ if not line_ or line_[-1] in ".?!" else line_ + "?"


def _faq(kb: KnowledgeBase) -> list[str]:
    return P._lines(kb)


def _asked_round_robin(kb: KnowledgeBase, first: int = 99) -> list[str]:
    """Each entry's "Also asked" phrasings, one per entry in turn (so every
    entry is named before any is named twice)."""
    lists = [[_clean(p) for p in e.phrasings[:first]] for e in kb.entries]
    out: list[str] = []
    for k in range(max(map(len, lists), default=0)):
        out += [ps[k] for ps in lists if k < len(ps)]
    return out


def _lead(kb: KnowledgeBase) -> list[str]:
    """prompt.lead_sentence: "Questions about ..." from the content's words."""
    lead = P.lead_sentence(kb)
    return [lead] if lead else []


PROMPTS: dict[str, Callable[[KnowledgeBase], list[str]]] = {
    "none": lambda kb: [],
    "faq": _faq,
    "faq-rev": lambda kb: list(reversed(_faq(kb))),
    "faq4": lambda kb: _faq(kb)[:4],
    "lead+faq": lambda kb: [*_lead(kb), *_faq(kb)],
    "faq+asked": lambda kb: [*_faq(kb), *_asked_round_robin(kb)],
    "asked+faq": lambda kb: [*_asked_round_robin(kb, 3), *_faq(kb)],
    "asked": lambda kb: _asked_round_robin(kb),
    "faq+titles": lambda kb: [*_faq(kb), *[_clean(e.title).rstrip("?") + "."
                                           for e in kb.entries if e.kind != "faq"]],
}


def prompt_text(name: str, kb: KnowledgeBase, count: Callable[[str], int]) -> str:
    kept: list[str] = []
    for ln in PROMPTS[name](kb):
        if count(" " + " ".join([*kept, ln])) > P.MAX_PROMPT_TOKENS:
            continue
        kept.append(ln)
    return " ".join(kept)


#: Decode options, passed to CTranslate2's generate for the greedy decode
#: that chooses what was heard (not the beam of alternatives).
OPTIONS: dict[str, dict[str, Any]] = {
    "": {},
    "beam2": {"beam_size": 2},
    "beam2lp": {"beam_size": 2, "length_penalty": 0.6},
    "beam2p2": {"beam_size": 2, "patience": 2.0},
    "noblank": {"suppress_blank": False},
    "rep": {"repetition_penalty": 1.1},
}


class _Model:
    """``m.model`` with ``overrides`` merged into each greedy generate call."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self.overrides: dict[str, Any] = {}

    def generate(self, *a: Any, **kw: Any) -> Any:
        if kw.get("beam_size") == 1 and kw.get("return_no_speech_prob"):
            kw = {**kw, **self.overrides}
        return self._inner.generate(*a, **kw)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def store() -> Path:
    isa = isa_path().replace("=", "-").replace(",", "_") or "default"
    return (Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "voice"
            / "transcripts" / f"hear16-variants-{isa}.jsonl")


def read_store(path: Path | None = None) -> dict[tuple[str, str], dict[str, Any]]:
    """The decodes kept in ``path`` (default: this script's ``store()``)."""
    path = path or store()
    out: dict[tuple[str, str], dict[str, Any]] = {}
    if path.is_file():
        for raw in path.read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(raw)
            except ValueError:
                continue
            out[row["key"], row["wav"]] = row
    return out


class Variants:
    """One recognizer whose prompt and options are switched per variant, the
    encoding of the clip under way shared between variants."""

    def __init__(self, kb: KnowledgeBase, names: list[str]) -> None:
        self.kb = kb
        rec: Any = engine_loaders(kb)["whisper"]()
        self.rec = rec
        dec = rec._decoder
        self.prompts = {n: prompt_text(n.split("/")[0], kb, dec.count_tokens) for n in names}
        self.model = _Model(dec._model.model)
        dec._model.model = self.model
        inner = dec.encode
        memo: dict[str, Any] = {}

        def encode(audio: np.ndarray) -> Any:
            k = hashlib.sha1(np.ascontiguousarray(audio).tobytes()).hexdigest()
            if k not in memo:
                memo.clear()
                memo[k] = inner(audio)
            return memo[k]

        dec.encode = encode

    def key(self, name: str) -> str:
        """The variant's store key: its prompt's text and options (so a
        changed content or definition is decoded afresh)."""
        opt = name.split("/")[1] if "/" in name else ""
        return hashlib.sha1(json.dumps([self.prompts[name], OPTIONS[opt]]).encode()
                            ).hexdigest()[:16]

    def transcribe(self, name: str, wav: Path) -> Any:
        opt = name.split("/")[1] if "/" in name else ""
        self.rec._decoder.set_prompt(self.prompts[name])
        self.model.overrides = OPTIONS[opt]
        return self.rec.transcribe(pad(read_wav(wav)))


def run_variants(kb: KnowledgeBase, matcher: Matcher, names: list[str], voices: str,
                 stride: int, offset: int, limit_seconds: float, show: bool,
                 sets: list[str], out_only: bool = False) -> int:
    v = Variants(kb, names)
    for n in names:
        print(f"{n}: {v.rec._decoder.count_tokens(' ' + v.prompts[n])} tokens: "
              f"{v.prompts[n][:160]!r}...")
    known = read_store()
    todo = [i for i in items(voices) if (not sets or i[0] in sets)
            and not (out_only and i[2] is not None)][offset::stride]
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    errs: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    changed: list[str] = []
    spent: dict[str, list[float]] = defaultdict(list)
    started = time.time()
    for k, (name, cond, expected, said, wav) in enumerate(todo):
        if limit_seconds and time.time() - started > limit_seconds:
            print(f"stopped after {k} of {len(todo)} clips (--limit-seconds)")
            break
        got, heard = [], []
        for n in names:
            row = known.get((v.key(n), wav.name))
            if row is None:
                t0 = time.process_time()
                t = v.transcribe(n, wav)
                o = outcome(matcher, t, expected)
                spent[n].append(time.process_time() - t0)
                row = {"key": v.key(n), "variant": n, "wav": wav.name, "text": t.text,
                       "outcome": o, "set": name, "cond": cond}
                known[row["key"], wav.name] = row
                store().parent.mkdir(parents=True, exist_ok=True)
                with store().open("a", encoding="utf-8") as f:
                    f.write(json.dumps(row) + "\n")
            got.append(row["outcome"])
            heard.append(row["text"])
            for key in ((n, name), (n, "all")):
                counts[key][row["outcome"]] += 1
                e, w = word_errors(said, row["text"])
                errs[key][0] += e
                errs[key][1] += w
        if len(set(got)) > 1:
            changed.append(f"  [{name} {cond}] {said!r}: " + " | ".join(
                f"{n}: {h.strip()!r} {o}" for n, h, o in zip(names, heard, got, strict=True)))
    for n, s in spent.items():
        print(f"{n}: {len(s)} decoded, CPU {np.median(s):.2f} s median per clip "
              "(after the first variant the encoding is shared)")
    for group in dict.fromkeys(g for _, g in counts):
        print(group)
        for n in names:
            if (n, group) in counts:
                print(f"  {n:<18} {line(counts[n, group], tuple(errs[n, group]))}")  # type: ignore[arg-type]
    if show:
        print("clips whose outcome changed:")
        print("\n".join(changed))
    return 0


def run_heldout(kb: KnowledgeBase, matcher: Matcher, names: list[str], stride: int,
                limit_seconds: float) -> int:
    """Held-out totals (run once): every ``stride``-th clip of
    benchmark_audio.py's held-out and colloquial sets (tune_hear15.heldout_clips),
    decoded under each variant. Counts only: no clip is shown or stored with
    its text."""
    from tune_hear15 import heldout_clips

    v = Variants(kb, names)
    # In an order fixed by each WAV's name, not by set, so a run stopped by
    # --limit-seconds has sampled every set alike.
    clips = sorted(heldout_clips(), key=lambda c: hashlib.sha1(c[-1].name.encode()).digest())
    clips = clips[::stride]
    tally: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    started, done = time.time(), 0
    for label, expected, _said, wav in clips:
        if limit_seconds and time.time() - started > limit_seconds:
            break
        done += 1
        for n in names:
            tally[n, label][outcome(matcher, v.transcribe(n, wav), expected)] += 1
    print(f"held out, every {stride}th clip in hash order: {done} of {len(clips)} "
          "decoded, counts only")
    for label in dict.fromkeys(lb for _, lb in tally):
        print(label)
        for n in names:
            print(f"  {n:<18} {line(tally[n, label])}")
    return 0


def run_short(kb: KnowledgeBase, names: list[str], which: str) -> int:
    """Real people's digits and one-word replies (tests/data/real, half
    ``which``) under each variant: heard right, and acted on as another
    command or number (the content decode competes with the short-reply
    decodes for these: whisper/short_replies.py)."""
    from real_speech import half, is_heard_right, padded, real_clips
    from tune_short_replies import acts_on

    from voice.app import query_of

    v = Variants(kb, names)
    clips = [c for c in real_clips("digits") + real_clips("commands")
             if which == "all" or half(c.path) == which]
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for c in clips:
        for n in names:
            v.rec._decoder.set_prompt(v.prompts[n])
            v.model.overrides = OPTIONS[n.split("/")[1] if "/" in n else ""]
            text = query_of(v.rec.transcribe(padded(c.path)))
            ok = int(is_heard_right(c, text))
            t = tally[n, c.set]
            t[0] += ok
            t[1] += int(acts_on(text) and not ok)
            t[2] += 1
    for (n, s), (right, wrong, total) in sorted(tally.items()):
        print(f"  {n:<18} {s:<9} heard right {right}/{total}, acted on as another {wrong}")
    return 0


def run_real(kb: KnowledgeBase, names: list[str], half: str) -> int:
    """Real people's requests and sentences (none about the content; the
    sets of tune_spoken_oos.py --real), each decoded under every variant:
    declined / offered / answered outright, by set and half."""
    import benchmark_real_requests as real

    v = Variants(kb, names)
    clips = [c for c in (*real.requests(), *real.read_sentences(), *real.health_speech())
             if half == "all" or c.half == half]
    tally: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    for c in clips:
        for n in names:
            v.rec._decoder.set_prompt(v.prompts[n])
            v.model.overrides = OPTIONS[n.split("/")[1] if "/" in n else ""]
            said = v.rec.transcribe(real.padded(c.path))
            got = real.assistant(kb).handle_heard(said, source=c.path.name)
            tally[n, c.set, c.half][got["outcome"]] += 1
    print_real_tally(tally, names, len(clips))
    return 0


def print_real_tally(tally: Any, names: Any, clips: int) -> None:
    """Real clips' outcomes per set and half, one column per variant."""
    print(f"{clips} real clips: declined / offered / answered outright (other)")
    for s, h in sorted({(s, h) for _, s, h in tally}):
        parts = []
        for n in names:
            t = tally[n, s, h]
            rest = sum(t.values()) - t["no_match"] - t["confirm"] - t["answer"]
            parts.append(f"{n}: {t['no_match']}/{t['confirm']}/{t['answer']}"
                         + (f" ({rest})" if rest else ""))
        print(f"  {s:<14} {h:<9} " + "  ".join(parts))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--typed", action="store_true")
    ap.add_argument("--seed", action="append", default=[])
    ap.add_argument("--variants", default="")
    ap.add_argument("--voices", choices=("espeak", "natural", "all"), default="all")
    ap.add_argument("--sets", default="", help="only these comma-separated sets")
    ap.add_argument("--stride", type=int, default=4)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--out-only", action="store_true", help="out-of-scope clips only")
    ap.add_argument("--limit-seconds", type=float, default=0.0)
    ap.add_argument("--real", nargs="?", const="tuning", default="",
                    choices=("tuning", "held-out", "all"))
    ap.add_argument("--short", nargs="?", const="tuning", default="",
                    choices=("tuning", "held-out", "all"))
    ap.add_argument("--heldout", action="store_true", help="held-out totals (once)")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    kb = load_knowledge([REPO / "content"])
    matcher = Matcher(kb)
    if args.typed:
        return typed(matcher, args.seed, kb)
    if args.variants and args.heldout:
        return run_heldout(kb, matcher, args.variants.split(","), args.stride,
                           args.limit_seconds)
    if args.variants and args.short:
        return run_short(kb, args.variants.split(","), args.short)
    if args.variants and args.real:
        return run_real(kb, args.variants.split(","), args.real)
    if args.variants:
        return run_variants(kb, matcher, args.variants.split(","), args.voices, args.stride,
                            args.offset, args.limit_seconds, args.show,
                            [s for s in args.sets.split(",") if s], args.out_only)
    ap.print_help()
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
