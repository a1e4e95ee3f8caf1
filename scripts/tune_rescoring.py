#!/usr/bin/env python3
"""Measure rescoring candidate entries by the audio (forced-text scoring), on
tuning clips only.

For every ``--stride``-th in-scope clip of tests/data/tuning.tsv in the six
benchmark conditions, the Whisper engine decodes it as the assistant does;
then each entry's question text (its title, as the matcher knows it) is
scored against the SAME encoder output with CTranslate2's
``Whisper.align`` (``text_token_probs`` of the title's tokens and the end of
text; no prompt; the encoder output cut to the speech, which made 26 titles
cost 0.12-0.2 s instead of 1.2-1.5 s with the full 30 s window). Prints how
often the best-scored title is the right entry, and what reordering the
matcher's first three candidates by that score would fix and break.

    .venv/bin/python scripts/tune_rescoring.py --stride 8
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import _heard, _match, pad  # noqa: E402
from make_spoken_questions import BENCHMARK_VARIANTS as V  # noqa: E402
from make_spoken_questions import speak  # noqa: E402

from voice.audio.clip import read_wav  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.speech_in.pocketsphinx.corpus import read_labelled  # noqa: E402


def main() -> int:
    import ctranslate2

    from voice.speech_in.whisper.engine import WhisperRecognizer

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stride", type=int, default=8)
    args = ap.parse_args()
    kb = load_knowledge([REPO / "content"])
    matcher = Matcher(kb)
    rec = WhisperRecognizer(REPO / "models" / "whisper-tiny.en", kb)
    dec = rec._decoder
    tok, m = dec._tokenizer, dec._model
    stash: dict[str, Any] = {}
    encode = dec.encode

    # The engine passes the window's length (decoder.QUESTION_WINDOW_S): kept.
    def keep(audio: np.ndarray, seconds: float = 30.0) -> Any:
        stash["e"], stash["n"] = encode(audio, seconds), len(audio)
        return stash["e"]

    dec.encode = keep  # type: ignore[method-assign]
    ids = [e.id for e in kb.entries]
    texts = [[*tok.encode(" " + e.title), tok.eot] for e in kb.entries]
    start = m.get_prompt(tok, [], without_timestamps=True)
    n = top1 = right = in_top3 = fixes = breaks = 0
    k = -1
    for v in V:
        for q in read_labelled(REPO / "tests" / "data" / "tuning.tsv"):
            k += 1
            if not q.expected or k % args.stride:
                continue
            stash.clear()
            t = rec.transcribe(pad(read_wav(speak(q.text, v))))
            if "e" not in stash:
                continue
            frames = min(stash["n"] // 160, 3000)
            cut = frames // 2 + 25
            enc = ctranslate2.StorageView.from_array(
                np.ascontiguousarray(np.asarray(stash["e"])[:, :cut]))
            score = {i: float(np.mean(np.log(np.maximum(
                m.model.align(enc, start, [x], [min(frames, 2 * cut)])[0].text_token_probs,
                1e-9)))) for i, x in zip(ids, texts, strict=True)}
            want = q.expected.split("|")
            r = _match(matcher, _heard(t))
            ok = r.outcome != "no_match" and r.entry is not None and r.entry.id in want
            cands = [c.entry.id for c in r.candidates][:3]
            n += 1
            top1 += max(score, key=lambda i: score[i]) in want
            right += ok
            in_top3 += any(c in want for c in cands)
            if cands:
                best = max(cands, key=lambda i: score[i])
                fixes += best in want and not ok
                breaks += ok and best not in want
    print(f"{n} in-scope tuning clips: best-scored title right {top1}; matcher right {right}, "
          f"right entry among its first 3 candidates {in_top3}; reordering those by the "
          f"audio's score fixes {fixes}, breaks {breaks}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
