#!/usr/bin/env python3
"""Session 23 (branch hear24): rules on the hearing for spoken out-of-scope
requests, tuning halves only.

``--decode`` runs tune_spoken_oos.py's clip loop (its ``--dump``: what was
heard with word probabilities, the app's step and outcome per clip) while
keeping, for every clip it decodes, the content prompt's window as the
decoder saw it: ``no_speech_prob``, ``avg_logprob``, ``compression_ratio``
(``~/.cache/voice/hear24-segments.jsonl``, by WAV name). Nothing of the app
changes.

``--rules DUMP`` reads those dumps and the segment file and prints, for each
candidate rule and threshold, how many out-of-scope clips that get an entry
it would decline and how many in-scope right entries it would lose.

    nice -n 10 python scripts/tune_hear24.py --decode --out-only --dump /tmp/h24-out.jsonl
    nice -n 10 python scripts/tune_hear24.py --decode --in-only --dump /tmp/h24-in.jsonl
    python scripts/tune_hear24.py --rules /tmp/h24-out.jsonl,/tmp/h24-in.jsonl
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

SEGMENTS = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "voice" \
    / "hear24-segments.jsonl"


def _record_segments() -> None:
    """Patch the decoder and the cache so each fresh decode's first window
    (the content prompt's) is written to SEGMENTS under its WAV's name."""
    import benchmark_audio

    import voice.speech_in.whisper.decoder as D

    seen: list[Any] = []
    generate = D.WindowDecoder.generate

    def recording(self: Any, *a: Any, **k: Any) -> Any:
        seg = generate(self, *a, **k)
        seen.append(seg)
        return seg

    D.WindowDecoder.generate = recording  # type: ignore[method-assign]
    transcribe = benchmark_audio.TranscriptCache.transcribe

    def transcribing(self: Any, rec: Any, clip: Any, wav: Path, *a: Any, **k: Any) -> Any:
        seen.clear()
        t = transcribe(self, rec, clip, wav, *a, **k)
        if rec is not None and seen:
            s = seen[0]
            SEGMENTS.parent.mkdir(parents=True, exist_ok=True)
            with SEGMENTS.open("a", encoding="utf-8") as f:
                f.write(json.dumps({"wav": wav.name, "no_speech_prob": s.no_speech_prob,
                                    "avg_logprob": s.avg_logprob,
                                    "compression_ratio": s.compression_ratio,
                                    "text": s.text}) + "\n")
        return t

    benchmark_audio.TranscriptCache.transcribe = transcribing  # type: ignore[method-assign]


def main() -> int:
    if "--decode" in sys.argv:
        sys.argv.remove("--decode")
        _record_segments()
        import tune_spoken_oos

        if "--espeak-only" in sys.argv:  # festival (the natural voices) not installed
            sys.argv.remove("--espeak-only")
            tune_spoken_oos.tuning_clips = lambda *a, **k: []
        return tune_spoken_oos.main()
    if "--rules" in sys.argv:
        from hear24_rules import rules

        return rules(sys.argv[sys.argv.index("--rules") + 1].split(","), SEGMENTS)
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
