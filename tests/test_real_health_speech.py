"""Real people saying health and body words, and asking everyday questions
(tests/data/real/health_speech/: Common Voice clips, CC0, none recorded by
us): the whole spoken path never answers them outright with an entry.

Through the default engine (Whisper tiny.en, as ``voice`` loads it) and
``Assistant.handle_heard``, as ``scripts/benchmark_real_requests.py --set
health_speech`` runs all 21 clips. None of them is a question the content
answers (no openly licensed real recordings of such questions were found:
tests/data/real/README.md), so each must be declined, or, where the manifest
says so, offered; an outright answer is a wrong answer read aloud. The floor
here is four tuning-half clips (a cough, a ship's doctor and pharmacist among
war dead, "Shall I meet you in the concourse then?", "What's to be done?"), a
few seconds of CPU: each gets its right outcome, and the words said are
mostly heard, so a deaf engine (declining because it heard nothing) fails
too. Checked once by hand: with the scope check switched off
(``Matcher.is_ours`` always true) the two questions are offered "Community
Support and Awareness" and "Treatment Approaches for Long-Term Management",
and this test fails.
"""

from __future__ import annotations

import hashlib
import sys
import wave
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from benchmark_real_requests import (  # noqa: E402
    HEALTH_FOLDER,
    HEALTH_KINDS,
    half_of,
    health_speech,
    is_right,
    reply_to,
)
from real_speech import word_errors  # noqa: E402

from voice.matching.normalize import clean  # noqa: E402

#: The tuning-half clips run through the real model (about 0.5 s each here).
FLOOR = ("cv_519852.wav", "cv_19760367.wav", "cv_17347411.wav", "cv_17618500.wav")


def test_the_clips_are_all_there_labelled_with_their_source_and_halves() -> None:
    clips = health_speech()
    assert len(clips) == 21 and {c.set for c in clips} == set(HEALTH_KINDS)
    assert sorted(p.name for p in HEALTH_FOLDER.glob("*.wav")) == sorted(c.path.name for c in clips)
    for c in clips:
        with wave.open(str(c.path)) as w:
            assert (w.getsampwidth(), w.getnchannels(), w.getframerate()) == (2, 1, 16000)
        # Halves by speaker: the SHA-1 of the Common Voice client id.
        assert c.speaker.startswith("cv:") and c.half == half_of(c.speaker, c.source_path)
        assert c.expect in ("decline", "decline_or_offer") and c.reason and c.transcript
    assert {c.half for c in clips} == {"tuning", "held-out"}
    assert set(FLOOR) <= {c.path.name for c in clips if c.half == "tuning"}
    # The copies of WAV sources are byte for byte (the manifest's source_path
    # names the file in its repository); the mp3 sources were converted.
    lines = (HEALTH_FOLDER / "manifest.tsv").read_text(encoding="utf-8").splitlines()
    assert all(len(line.split("\t")) == 11 for line in lines)
    assert len({hashlib.sha256(c.path.read_bytes()).hexdigest() for c in clips}) == 21
    readme = (HEALTH_FOLDER.parent / "README.md").read_text()
    for words in ("Common Voice", "CC0", "health_speech", "Searched, not usable"):
        assert words in readme


def test_real_health_words_and_questions_are_never_answered_outright(
        default_engine: Any) -> None:
    from voice.content.loader import load_knowledge

    kb = load_knowledge([REPO / "content"])
    chosen = [c for c in health_speech() if c.path.name in FLOOR]
    assert len(chosen) == len(FLOOR)
    errors = words = 0
    for c in chosen:
        text, data = reply_to(kb, default_engine, c.path)
        # The worst failure: a health entry read in full for a cough or a war
        # report; an offer is wrong too unless the manifest allows it.
        assert is_right(c, data["outcome"]), (c.path.name, text, data["outcome"], data["match"])
        e, n = word_errors(clean(c.transcript), clean(text))
        errors, words = errors + e, words + n
    # Heard, not merely silent: WER 0.16 on the whole tuning half (benchmark).
    assert errors <= 0.4 * words, (errors, words)
