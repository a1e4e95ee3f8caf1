"""Real people asking for things that are not ours, and saying everyday
sentences (tests/data/real/requests/, none of it recorded by us): the whole
spoken path never answers them with an entry.

Through the default engine (Whisper tiny.en, as ``voice`` loads it) and
``Assistant.handle_heard``, as scripts/benchmark_real_requests.py runs every
clip. Measured there: coffee orders declined 17/17 (tuning) and 13/13
(held-out), 96% of the words said heard on the tuning half; phone sentences
declined 37/39 and 40/41, one tuning clip answered outright (a misheard
sentence; docs/benchmarks.md, "Real people asking"), WER 0.12 on the tuning
half. The floor here is two tuning-half clips of each source (a few seconds
of CPU): none answered outright or taken for an emergency, and the words
said mostly heard, so a deaf engine (declining everything because it heard
nothing) fails too.

No openly licensed recordings of real people describing health complaints or
saying emergency words were found (tests/data/real/README.md), so those are
not floored here on real voices.
"""

from __future__ import annotations

import sys
import wave
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from benchmark_real_requests import (  # noqa: E402
    FOLDER,
    half_of,
    reply_to,
    requests,
    words_heard,
)

#: Tuning-half clips run through the real model (about 0.5 s each here).
FLOOR_CLIPS = 4


def test_the_requests_are_all_there_with_their_licences_and_halves() -> None:
    clips = requests()
    assert len(clips) == 110 and {c.set for c in clips} == {"out_of_scope"}
    assert sorted(p.name for p in FOLDER.glob("*.wav")) == sorted(c.path.name for c in clips)
    rate = {"picovoice-s2i": 16000, "wuw-corpus-ii": 8000}
    for c in clips:
        with wave.open(str(c.path)) as w:
            assert (w.getsampwidth(), w.getnchannels(), w.getframerate()) == (2, 1, rate[c.source])
        assert c.said and c.half == half_of(c.speaker, c.source_path), c.path.name
        assert bool(c.transcript) == (c.source == "wuw-corpus-ii"), c.path.name
    for source in rate:
        assert {c.half for c in clips if c.source == source} == {"tuning", "held-out"}
    # One speaker never in both halves where the source names its speakers.
    wuw = [c for c in clips if c.source == "wuw-corpus-ii"]
    assert all(len({c.half for c in wuw if c.speaker == s}) == 1 for s in {c.speaker for c in wuw})
    readme = (FOLDER.parent / "README.md").read_text()
    for words in ("Apache License 2.0", "Picovoice", "CC BY-SA 4.0", "WUW Corpus II"):
        assert words in readme
    assert len(list(FOLDER.glob("LICENSE-*"))) == 2


def test_real_requests_out_of_scope_are_never_answered_outright(default_engine: Any) -> None:
    from voice.content.loader import load_knowledge

    kb = load_knowledge([REPO / "content"])
    tuning = [c for c in requests() if c.half == "tuning"]
    chosen = [c for c in tuning if c.source == "picovoice-s2i"][:FLOOR_CLIPS // 2] \
        + [c for c in tuning if c.source == "wuw-corpus-ii"][:FLOOR_CLIPS // 2]
    heard = words = declined = 0
    for c in chosen:
        text, data = reply_to(kb, default_engine, c.path)
        # The worst failure: a health entry read in full for a coffee order.
        assert data["outcome"] not in ("answer", "emergency"), (c.path.name, text, data["match"])
        declined += data["outcome"] == "no_match"
        h, n = words_heard(c.said, text)
        heard, words = heard + h, words + n
    assert declined >= FLOOR_CLIPS - 1
    # Heard, not merely silent: 91-96 % of the words said heard on the tuning halves.
    assert heard >= 0.7 * words, (heard, words)
