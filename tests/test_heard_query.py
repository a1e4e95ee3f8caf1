"""Which words of a spoken question reach the matcher (voice.app.query_of),
and whether it was heard surely enough to answer outright (voice.app.is_doubtful)."""

from __future__ import annotations

from voice.app import SURE_ANSWER, SURE_WORD, is_doubtful, query_of
from voice.speech_in.base import Transcript


def heard(*words: tuple[str, float]) -> Transcript:
    return Transcript(" ".join(w for w, _ in words), "test", words=tuple(words))


def test_doubted_words_are_left_out() -> None:
    # "is it going to rain", misheard with a doubtful "brain".
    t = heard(("is", 0.9), ("going", 0.6), ("brain", 0.05))
    assert query_of(t) == "is going"


def test_words_exactly_at_the_threshold_are_kept() -> None:
    assert query_of(heard(("acupuncture", SURE_WORD), ("help", 1.0))) == "acupuncture help"


def test_commands_and_emergencies_use_every_word() -> None:
    assert query_of(heard(("stop", 0.01))) == "stop"
    assert query_of(heard(("louder", 0.05), ("please", 0.02))) == "louder please"
    assert query_of(heard(("i", 0.9), ("can't", 0.05), ("breathe", 0.01))) == "i can't breathe"


def test_without_word_confidences_the_whole_text_is_used() -> None:
    assert query_of(Transcript("does acupuncture help", "vosk")) == "does acupuncture help"


def test_all_words_doubted_gives_an_empty_question() -> None:
    # The conversation answers an empty question with "Sorry, I didn't catch that".
    assert query_of(heard(("door", 0.01), ("when", 0.1))) == ""


def test_a_question_with_no_surely_heard_content_word_is_doubtful() -> None:
    # "what tablets the cramps": only function words are sure.
    assert is_doubtful(heard(("what", 0.99), ("tablets", 0.6), ("the", 0.95), ("cramps", 0.4)))


def test_one_surely_heard_content_word_is_enough() -> None:
    assert not is_doubtful(heard(("what", 0.3), ("tablets", SURE_ANSWER), ("cramps", 0.4)))


def test_without_word_confidences_nothing_is_doubtful() -> None:
    assert not is_doubtful(Transcript("could my tablets be giving me cramps", "vosk"))


# -- Whisper: a barely heard word may have named the subject ------------------
# Whisper's transcript of espeak-ng's "what causes migraines" (health-tuning.tsv).
MIGRAINES = Transcript("what causes my ignorance", "whisper", words=(
    ("what", 0.82), ("causes", 0.98), ("my", 0.66), ("ignorance", 0.09)))


def test_a_barely_heard_word_makes_a_whisper_question_doubtful() -> None:
    assert query_of(MIGRAINES) == "what causes my"  # "ignorance" is left out...
    assert is_doubtful(MIGRAINES)  # ...so what is left is not answered outright
    sure = Transcript("what causes spasms", "whisper", words=(
        ("what", 0.82), ("causes", 0.98), ("spasms", 0.9)))
    assert not is_doubtful(sure)


def test_a_barely_heard_function_word_does_not() -> None:
    t = Transcript("what causes the spasms", "whisper", words=(
        ("what", 0.82), ("causes", 0.98), ("the", 0.05), ("spasms", 0.9)))
    assert not is_doubtful(t)


def test_an_uncovered_health_question_half_heard_is_not_answered() -> None:
    from pathlib import Path

    from voice.content.loader import load_knowledge
    from voice.conversation import Conversation

    kb = load_knowledge([Path(__file__).resolve().parent.parent / "content"])
    reply = Conversation(kb).respond(query_of(MIGRAINES), is_doubtful(MIGRAINES), heard=True)
    assert reply.outcome != "answer"


# -- the spoken-question benchmark matches as the app does --------------------


def _benchmark_audio() -> object:
    import sys
    from pathlib import Path

    scripts = str(Path(__file__).resolve().parent.parent / "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    import benchmark_audio  # type: ignore[import-not-found, unused-ignore]

    return benchmark_audio


def test_the_benchmark_matches_speech_as_heard_speech() -> None:
    from pathlib import Path

    from voice.content.loader import load_knowledge
    from voice.matching.matcher import Matcher

    bench = _benchmark_audio()
    matcher = Matcher(load_knowledge([Path(__file__).resolve().parent.parent / "content"]))
    # A word no dictionary knows: a mishearing in speech, another subject typed.
    heard = bench.Heard("is nanakioa for neuromuscular disorders", False)  # type: ignore[attr-defined]
    assert bench._match(matcher, heard).outcome == "confirm"  # type: ignore[attr-defined]


def test_the_benchmark_keeps_what_was_heard(tmp_path: object, monkeypatch: object) -> None:
    from pathlib import Path

    import numpy as np

    from voice.audio.clip import AudioClip

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))  # type: ignore[attr-defined]
    bench = _benchmark_audio()

    class Engine:  # counts decodes; the cache, not recognition, is under test
        name = "whisper"
        calls = 0

        def transcribe(self, clip: AudioClip) -> Transcript:
            Engine.calls += 1
            return Transcript("is there a cure", "whisper", 0.9,
                              words=(("is", 0.9), ("there", 0.8), ("a", 0.7), ("cure", 0.95)))

    clip = AudioClip(np.zeros(1600, dtype=np.int16), 16000, 1)
    wav = Path("0123456789abcdef.wav")
    first = bench.TranscriptCache("whisper").transcribe(Engine(), clip, wav)  # type: ignore[attr-defined]
    again = bench.TranscriptCache("whisper").transcribe(Engine(), clip, wav)  # type: ignore[attr-defined]
    assert Engine.calls == 1
    assert again == first


def _appendicitis(probability: float, engine: str = "whisper") -> Transcript:
    words = (("what", 0.65), ("are", 0.89), ("the", 0.56), ("symptoms", 0.997),
             ("of", 0.76), ("appendicitis", probability))
    return Transcript(" ".join(w for w, _ in words), engine, words=words)


def test_only_words_heard_surely_are_kept_when_no_dictionary_has_them() -> None:
    from voice.app import surely_heard
    from voice.speech_in.whisper.confidence import SURE_UNKNOWN_WORD

    assert "appendicitis" in surely_heard(_appendicitis(0.75))
    assert "appendicitis" not in surely_heard(_appendicitis(SURE_UNKNOWN_WORD - 0.01))
    # Other engines write only their dictionaries' words: nothing to keep.
    assert surely_heard(_appendicitis(0.75, "pocketsphinx")) == frozenset()


def test_a_spoken_question_about_another_subject_heard_surely_is_declined() -> None:
    """Through Assistant.handle_heard, as every spoken mode answers."""
    import io
    from pathlib import Path

    from voice.app import Assistant
    from voice.content.loader import load_knowledge
    from voice.conversation import Conversation

    kb = load_knowledge([Path(__file__).resolve().parent.parent / "content"])
    assistant = Assistant(Conversation(kb), speaker=None, out=io.StringIO())
    assert assistant.handle_heard(_appendicitis(0.75))["outcome"] == "no_match"
    assistant = Assistant(Conversation(kb), speaker=None, out=io.StringIO())
    assert assistant.handle_heard(_appendicitis(0.3))["outcome"] == "confirm"
