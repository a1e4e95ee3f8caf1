"""Record what Whisper tiny.en heard for spoken clips, as the tests read it
back (tests/data/heard/*.json): the text, the mean word probability and each
word's probability and Whisper's alternatives, with the request, the voice and the CPU path it was
heard on.

Which way tiny.en hears a knife-edge clip differs by CPU (tests/conftest.py),
so a test of a rule applied to what was heard (voice/conversation/heard.py)
reads a recorded hearing instead of decoding the clip again. Run it the way
the tests run (CT2_USE_MKL=0 CT2_FORCE_CPU_ISA=AVX2 ONEDNN_MAX_CPU_ISA=AVX2);
without ONEDNN_MAX_CPU_ISA an AVX-512 CPU hears some clips another way,
which is worth recording too.

    .venv/bin/python scripts/record_hearings.py "what causes mouth ulcers" 2 4
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from benchmark_audio import pad  # type: ignore[import-not-found, unused-ignore]  # noqa: E402
from make_spoken_questions import (  # type: ignore[import-not-found, unused-ignore]  # noqa: E402
    BENCHMARK_VARIANTS,
    Variant,
)

from voice.audio.clip import read_wav  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.models.manifest import WHISPER_MODEL  # noqa: E402
from voice.speech_in.whisper import WhisperRecognizer  # noqa: E402


def cpu_path() -> str:
    """The CPU and the instruction sets CTranslate2 and oneDNN were held to."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    isa = ",".join(f"{k}={os.environ[k]}" for k in
                   ("CT2_USE_MKL", "CT2_FORCE_CPU_ISA", "ONEDNN_MAX_CPU_ISA") if k in os.environ)
    return f"{model} ({isa or 'default ISA'})"


def variant_of(voice: int | dict[str, Any]) -> Variant:
    """A recorded hearing's voice: an index of BENCHMARK_VARIANTS, or the
    fields of a ``Variant`` ({"voice": "rms", "synth": "flite"})."""
    return BENCHMARK_VARIANTS[voice] if isinstance(voice, int) else Variant(**voice)


def main() -> None:
    from make_spoken_questions import speak  # type: ignore[import-not-found, unused-ignore]

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("request")
    ap.add_argument("variants", nargs="+",
                    help="indexes of BENCHMARK_VARIANTS, or a voice as VOICE[:SYNTH] (rms:flite)")
    args = ap.parse_args()
    rec = WhisperRecognizer(REPO / "models" / WHISPER_MODEL, load_knowledge([REPO / "content"]))
    for v in args.variants:
        voice: int | dict[str, Any] = int(v) if v.isdigit() else dict(
            zip(("voice", "synth"), v.split(":"), strict=False))
        said = rec.transcribe(pad(read_wav(speak(args.request, variant_of(voice)))))
        print(json.dumps({
            "said": args.request, "voice": voice, "cpu": cpu_path(), "text": said.text,
            "confidence": round(said.confidence or 0.0, 4),
            "words": [[w, round(c, 4)] for w, c in said.words],
            "alternatives": said.alternatives,
        }))


if __name__ == "__main__":
    main()
