"""The command-line contract, run as a user runs it (a real subprocess)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from .conftest import REPO


def voice(*args: str, stdin: str | None = None, env: dict[str, str] | None = None,
          timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "voice", *args], input=stdin, capture_output=True, text=True,
        timeout=timeout, cwd=REPO, env=env or os.environ.copy(),
    )


def test_ask_prints_the_answer() -> None:
    result = voice("ask", "--no-speak", "can these disorders be cured?")
    assert result.returncode == 0, result.stderr
    assert "While no universal cure exists" in result.stdout
    assert "not medical advice" in result.stdout


def test_ask_json_batch_keeps_order_and_contract() -> None:
    questions = ["can these disorders be cured?", "who won the football", "", "I can't breathe",
                 "devices", "what should I eat"]
    result = voice("ask", "--json", "--no-speak", stdin="\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["query"] for r in rows] == questions
    assert [r["outcome"] for r in rows] == [
        "answer", "no_match", "no_match", "emergency", "confirm", "answer"]
    first = rows[0]
    assert first["match"] == {
        "id": "is-there-a-cure-for-neuromuscular-disorders", "kind": "faq",
        "title": "Is there a cure for neuromuscular disorders?"}
    assert 0 <= first["score"] <= 100 and first["answer"] in first["say"]
    assert all({"id", "title", "score"} <= set(a) for a in first["alternatives"])
    assert rows[1]["match"] is None and rows[1]["answer"] is None
    # Each question is its own session: every answer carries the note.
    assert rows[5]["say"].startswith("Here is some general health information")


def test_text_json_conversation() -> None:
    lines = ["is it hereditary", "slower", "louder", "repeat", "goodbye", "hello?",
             "wake up", "quit", "never read"]
    result = voice("text", "--json", "--no-speak", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["input"] for r in rows] == lines[:-1], "stops at quit"
    assert rows[1]["rate"] == rows[0]["rate"] - 25
    assert rows[2]["volume"] > rows[1]["volume"]
    assert rows[3]["say"] == rows[0]["say"]
    assert rows[5]["say"] == "" and rows[5]["asleep"]
    assert {"input", "outcome", "say", "match", "rate", "volume"} <= set(rows[0])


def test_topics() -> None:
    result = voice("topics")
    assert result.returncode == 0
    # Numbered as "list topics" reads them: the number chooses the topic.
    assert "21. Is there a cure for neuromuscular disorders?" in result.stdout
    assert " 7.   Medication" in result.stdout
    chosen = voice("ask", "--json", "--no-speak", "number 21")
    assert json.loads(chosen.stdout)["match"]["title"] == (
        "Is there a cure for neuromuscular disorders?")


def test_a_topic_number_spoken_chooses_that_topic(tmp_path: Path) -> None:
    # Real espeak-ng speech through PocketSphinx, whose language model is
    # taught the topic numbers ("number three" is a few words, not a question).
    said = tmp_path / "three.wav"
    subprocess.run(["espeak-ng", "-w", str(said), "number three"], check=True, timeout=30)
    result = voice("ask", "--json", "--no-speak", "--recognizer", "pocketsphinx", "--audio",
                   str(said))
    row = json.loads(result.stdout)
    assert row["transcript"] == "number three"
    assert row["outcome"] == "answer" and row["match"]["id"] == json.loads(
        voice("topics", "--json").stdout)[2]["id"]


def test_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text("## Title with no answer\n")
    for args in (["ask", "--no-speak", "--content", str(bad), "x"],
                 ["ask", "--no-speak", "--content", str(tmp_path / "missing"), "x"],
                 ["ask", "--no-speak"]):
        result = voice(*args)
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert "bad.md:1" in voice("topics", "--content", str(bad)).stderr


def test_bad_config_names_the_key(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("[speech_out]\nvolume = 3\n")
    result = voice("ask", "--no-speak", "--config", str(cfg), "cure")
    assert result.returncode == 2 and "speech_out.volume" in result.stderr


def test_bare_voice_without_a_microphone_falls_back_to_typing(tmp_path: Path) -> None:
    env = dict(os.environ, PULSE_SERVER=f"unix:{tmp_path}/no-such-socket")
    result = voice("--no-speak", stdin="is it genetic\nquit\n", env=env)
    assert result.returncode == 0, result.stderr
    assert "can't find a microphone" in result.stderr
    assert "genetic component" in result.stdout


def test_ask_speak_to_writes_the_spoken_reply(tmp_path: Path) -> None:
    import wave

    out = tmp_path / "spoken"
    result = voice("ask", "--json", "--speak-to", str(out), "is there a cure")
    assert result.returncode == 0, result.stderr
    say = json.loads(result.stdout)["say"]
    (wav,) = sorted(out.glob("*.wav"))
    with wave.open(str(wav)) as w:
        seconds = w.getnframes() / w.getframerate()
    words = len(say.split())
    # espeak-ng at 150 words a minute: the whole reply, not a fragment of it.
    assert words / 150 * 60 * 0.6 < seconds < words / 150 * 60 * 1.6


def test_text_speak_to_numbers_every_reply(tmp_path: Path) -> None:
    out = tmp_path / "spoken"
    result = voice("text", "--speak-to", str(out), stdin="hello\nis it genetic\nslower\nrepeat\n")
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.glob("*.wav"))
    assert names == ["0001.wav", "0002.wav", "0003.wav", "0004.wav"]


def test_button_timing_comes_from_the_settings_file(tmp_path: Path) -> None:
    from voice import config

    cfg_file = tmp_path / "c.toml"
    cfg_file.write_text("[ptt]\nlong_press = 2.5\ndouble_press = 0.8\npwm_led = true\n")
    cfg = config.load(cfg_file)
    assert (cfg.long_press, cfg.double_press, cfg.pwm_led) == (2.5, 0.8, True)
    cfg_file.write_text("[ptt]\nlong_press = 0.5\ndouble_press = 0.8\n")
    result = voice("ptt", "--config", str(cfg_file), "--no-speak")
    # The button still works, with the usual timing, and the mistake is said
    # (tests/test_config_mistakes.py); `voice config` refuses it.
    assert result.returncode == 0 and "ptt.long_press" in result.stderr
    assert "using the usual values" in result.stderr
    assert voice("config", "--config", str(cfg_file)).returncode == 2


def test_hands_free_modes_speak_a_fatal_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text("## A title\n")
    out = tmp_path / "spoken"
    no_server = dict(os.environ, PULSE_SERVER=f"unix:{tmp_path}/no-such-socket")
    result = voice("listen", "--once", "--content", str(bad), "--speak-to", str(out),
                   env=no_server)
    assert result.returncode == 2
    assert "microphone" in result.stderr or "bad.md:1" in result.stderr
    (wav,) = out.glob("*.wav")
    assert wav.stat().st_size > 10_000, "the error was spoken, not just printed"
    # Scripting commands only print.
    quiet = tmp_path / "quiet"
    assert voice("ask", "--content", str(bad), "--speak-to", str(quiet), "x").returncode == 2
    assert not list(quiet.glob("*.wav"))


def test_ask_audio_transcribes_each_file_once_loaded(tmp_path: Path) -> None:
    question = tmp_path / "cure.wav"
    subprocess.run(
        ["espeak-ng", "-w", str(question), "is there a cure for neuromuscular disorders"],
        check=True, timeout=30,
    )
    # Any rate and channel count: resampled on the way in.
    stereo = tmp_path / "eat-44k-stereo.wav"
    plain = tmp_path / "eat.wav"
    subprocess.run(["espeak-ng", "-w", str(plain), "what should I eat"], check=True, timeout=30)
    # -R: sox dithers at random otherwise, and that alone moved PocketSphinx's
    # word posteriors enough to drop "eat" once in a CI run.
    subprocess.run(["sox", "-R", str(plain), "-r", "44100", "-c", "2", str(stereo)], check=True)
    silence = tmp_path / "silence.wav"
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", "-b", "16", str(silence),
                    "trim", "0", "2"], check=True)
    broken = tmp_path / "broken.wav"
    broken.write_bytes(b"not a wav at all")
    result = voice("ask", "--json", "--no-speak", "--recognizer", "pocketsphinx", "--audio",
                   str(question), str(broken), str(stereo), str(silence))
    assert result.returncode == 2, "one file could not be read"
    assert "broken.wav" in result.stderr and "Traceback" not in result.stderr
    # One object per file, in order, each naming its file: a script reading
    # the lines stays in step even past a file that could not be used.
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["file"] for r in rows] == [str(question), str(broken), str(stereo), str(silence)]
    assert rows[0]["match"]["id"] == "is-there-a-cure-for-neuromuscular-disorders"
    assert "cure" in rows[0]["transcript"]
    assert "not a WAV file" in rows[1]["error"] and "outcome" not in rows[1]
    # The words are what resampling must keep; whether "eat" is sure enough to
    # match is the posterior cut-off's business (tests/test_heard_query.py).
    assert rows[2]["transcript"].endswith("eat")
    assert rows[3]["transcript"] == "" and rows[3]["outcome"] == "no_match"
    assert "Using PocketSphinx" in result.stderr


def test_a_doubtfully_heard_question_is_offered_not_answered(tmp_path: Path) -> None:
    # Real espeak-ng speech that PocketSphinx mishears with no content word
    # it is sure of ("whats behind all these spasms" -> "what's the the all the
    # stress"): typed, those words are answered outright (with a wrong entry);
    # heard, they are only offered.
    wavs = []
    for i, question in enumerate(("whats behind all these spasms", "is there a charity for als")):
        wavs.append(tmp_path / f"q{i}.wav")
        subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(wavs[-1]), question],
                       check=True, timeout=30)
    heard = voice("ask", "--json", "--no-speak", "--recognizer", "pocketsphinx", "--audio",
                  *map(str, wavs))
    rows = [json.loads(line) for line in heard.stdout.splitlines()]
    assert [r["outcome"] for r in rows] == ["confirm", "confirm"]
    assert all(r["say"].startswith("Did you mean") for r in rows)
    typed = voice("ask", "--json", "--no-speak", stdin="\n".join(r["query"] for r in rows))
    # The second ("is there als") is now offered typed too: a condition's name
    # alone, asked more than "what is it" (scope16, Matcher.asks_beyond_name).
    assert [json.loads(line)["outcome"] for line in typed.stdout.splitlines()] == [
        "answer", "confirm"]


def test_an_unusable_audio_file_is_one_line_with_the_way_forward(tmp_path: Path) -> None:
    spoken = tmp_path / "eat.wav"
    subprocess.run(["espeak-ng", "-w", str(spoken), "what should I eat"], check=True, timeout=30)
    floats = tmp_path / "floats.wav"
    subprocess.run(["sox", str(spoken), "-e", "floating-point", "-b", "32", str(floats)],
                   check=True)
    flac = tmp_path / "eat.flac"
    subprocess.run(["sox", str(spoken), str(flac)], check=True)
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    result = voice("ask", "--json", "--no-speak", "--recognizer", "pocketsphinx", "--audio",
                   str(floats), str(flac), str(empty))
    assert result.returncode == 2
    assert [json.loads(line)["file"] for line in result.stdout.splitlines()] == [
        str(floats), str(flac), str(empty)]
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("voice: ")]
    assert len(lines) == 3 and "Traceback" not in result.stderr
    # A WAV of floats is a WAV: say what is wrong with it, not "unknown format: 3".
    assert "only 16-bit PCM WAV files are supported" in lines[0]
    assert "not a WAV file." in lines[1] and "not a WAV file." in lines[2]
    assert not any("()" in ln or "RIFF" in ln for ln in lines)
    # Each says how to make a file that works, and that command does.
    assert all("sox " in ln for ln in lines)
    converted = tmp_path / "floats-16bit.wav"
    subprocess.run(["sox", str(floats), "-b", "16", str(converted)], check=True)
    assert voice("ask", "--json", "--no-speak", "--recognizer", "pocketsphinx", "--audio",
                 str(converted)).returncode == 0


def test_a_spoken_i_cannot_breathe_gets_the_emergency_advice(tmp_path: Path) -> None:
    # PocketSphinx mostly hears espeak-ng's "I can't breathe" as "breathe" or
    # "on breathe": the "can't" is lost, the emergency must not be.
    wavs = []
    for voice_name in ("en-us", "en", "en-us+m3"):
        wavs.append(tmp_path / f"{voice_name}.wav")
        subprocess.run(["espeak-ng", "-v", voice_name, "-w", str(wavs[-1]), "I can't breathe"],
                       check=True, timeout=30)
    heard = voice("ask", "--json", "--no-speak", "--recognizer", "pocketsphinx", "--audio",
                  *map(str, wavs))
    rows = [json.loads(line) for line in heard.stdout.splitlines()]
    assert [r["outcome"] for r in rows] == ["emergency"] * 3, [r["transcript"] for r in rows]
