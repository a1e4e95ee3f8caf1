"""Learning the user's own ways of asking, as conversation transcripts:
pure (Conversation), typed (`voice text` run twice, as the user runs it), and
spoken (espeak-ng through the virtual microphone into `voice listen`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from voice.content.loader import load_knowledge
from voice.content.model import KnowledgeBase
from voice.conversation import Conversation
from voice.conversation.personal import PersonalPhrasings
from voice.conversation.personal_store import load_phrasings, save_phrasings

from .conftest import ASK_AGAIN_SHIFT, CONTENT

REPO = Path(__file__).resolve().parent.parent
#: A colloquial question (tests/data/dev.tsv style) the matcher offers, not answers.
COLLOQUIAL = "what exactly is a spasm"
MEANT = "recognizing-chronic-spasms-and-neuromuscular-disorders"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge([CONTENT])


def talk(conv: Conversation, *lines: str) -> list[tuple[str, str | None, str | None]]:
    """(outcome, entry id, learned) of each reply."""
    out: list[tuple[str, str | None, str | None]] = []
    for line in lines:
        r = conv.respond(line)
        out.append((r.outcome, r.match.id if r.match else None, r.learned))
    return out


def test_confirmed_words_are_answered_outright_next_time(kb: KnowledgeBase) -> None:
    conv = Conversation(kb)
    assert talk(conv, COLLOQUIAL, "yes", COLLOQUIAL, "um, what exactly is a spasm?") == [
        ("confirm", MEANT, None),
        ("answer", MEANT, "added"),
        ("answer", MEANT, "used"),
        ("answer", MEANT, "used"),  # nearly the same words
    ]
    assert [(p.words, p.entry_id) for p in conv.phrasings.items] == [(COLLOQUIAL, MEANT)]


def test_without_the_learning_the_same_words_are_only_offered(kb: KnowledgeBase) -> None:
    conv = Conversation(kb)
    assert talk(conv, COLLOQUIAL, "no", COLLOQUIAL)[2] == ("confirm", MEANT, None)
    assert len(conv.phrasings) == 0


def test_choosing_the_second_offer_learns_that_one(kb: KnowledgeBase) -> None:
    conv = Conversation(kb)
    first = conv.respond(COLLOQUIAL)
    assert len(first.alternatives) >= 1 and "the second one" in first.say
    second = conv.respond("the second one")
    assert second.outcome == "answer" and second.learned == "added"
    again = conv.respond(COLLOQUIAL)
    assert (again.outcome, again.match, again.learned) == ("answer", second.match, "used")


def test_thats_wrong_removes_the_phrasing(kb: KnowledgeBase) -> None:
    conv = Conversation(kb)
    talk(conv, COLLOQUIAL, "yes", COLLOQUIAL)
    wrong = conv.respond("that's wrong")
    assert (wrong.outcome, wrong.learned) == ("command", "removed")
    assert "won't take 'what exactly is a spasm' to mean that again" in wrong.say
    assert len(conv.phrasings) == 0
    assert talk(conv, COLLOQUIAL) == [("confirm", MEANT, None)]


def test_never_learned_from_emergencies_commands_or_declined_questions(
    kb: KnowledgeBase,
) -> None:
    conv = Conversation(kb)
    talk(conv, "I can't breathe", "yes", "slower", "yes", "what's the weather like", "yes",
         "let's play a game of chess", "yes", "list topics", "one")
    assert len(conv.phrasings) == 0


def test_forget_what_you_learned_asks_for_a_yes_first(kb: KnowledgeBase) -> None:
    conv = Conversation(kb)
    nothing = conv.respond("forget what you learned")
    assert "haven't learned any" in nothing.say
    talk(conv, COLLOQUIAL, "yes")
    ask = conv.respond("forget what you learned")
    assert ask.command == "forget" and "Shall I forget them all?" in ask.say
    assert len(conv.phrasings) == 1
    assert "keep them" in conv.respond("no").say
    assert len(conv.phrasings) == 1
    conv.respond("please forget what you have learned")
    done = conv.respond("yes")
    assert done.learned == "cleared" and len(conv.phrasings) == 0
    # Anything else after the question leaves them alone and is answered.
    talk(conv, COLLOQUIAL, "yes")
    conv.respond("forget what you learned")
    assert conv.respond("I can't breathe").outcome == "emergency"
    assert conv.respond("yes").learned is None and len(conv.phrasings) == 1


def test_emergencies_come_before_learned_words(kb: KnowledgeBase) -> None:
    phrasings = PersonalPhrasings()
    phrasings.learn("I can't breathe", MEANT)  # as if a file said so
    conv = Conversation(kb, phrasings=phrasings)
    assert conv.respond("I can't breathe").outcome == "emergency"


def test_the_number_kept_is_capped() -> None:
    phrasings = PersonalPhrasings(limit=3)
    for n in ("one", "two", "three", "four"):
        phrasings.learn(f"what about spasms number {n}", MEANT)
    assert [p.words.split()[-1] for p in phrasings.items] == ["two", "three", "four"]


def test_store_round_trip_and_damaged_file_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "phrasings.json"
    phrasings = PersonalPhrasings()
    phrasings.learn(COLLOQUIAL, MEANT, "2026-12-01")
    assert save_phrasings(phrasings, path) is None
    loaded, problem = load_phrasings(path)
    assert problem is None and loaded.items == phrasings.items
    path.write_text('{"phrasings": [{"words": 3}]}')
    loaded, problem = load_phrasings(path)
    assert len(loaded) == 0 and problem is not None and "\n" not in problem
    assert not path.exists() and (tmp_path / "phrasings.json.damaged").exists()


# -- as the user runs it --------------------------------------------------------


def _env(tmp_path: Path) -> dict[str, str]:
    return dict(os.environ, XDG_STATE_HOME=str(tmp_path / "state"),
                XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_CACHE_HOME=str(tmp_path / "cache"))


def voice(tmp_path: Path, *args: str, lines: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "voice", *args], input=lines, cwd=REPO,
                          env=_env(tmp_path), capture_output=True, text=True, timeout=120)


def replies(proc: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


def test_voice_text_learns_keeps_lists_and_forgets(tmp_path: Path) -> None:
    first = voice(tmp_path, "text", "--no-speak", "--json", lines=f"{COLLOQUIAL}\nyes\n")
    assert [(r["outcome"], r["learned"]) for r in replies(first)] == [
        ("confirm", None), ("answer", "added")]
    # A new run: the phrasing was kept beside the voice settings.
    second = voice(tmp_path, "text", "--no-speak", "--json", lines=f"{COLLOQUIAL}\n")
    (again,) = replies(second)
    assert (again["outcome"], again["match"]["id"], again["learned"]) == ("answer", MEANT, "used")
    assert (tmp_path / "state" / "voice" / "phrasings.json").exists()

    listed = voice(tmp_path, "phrases")
    assert f'1. "{COLLOQUIAL}" -> Recognizing Chronic Spasms' in listed.stdout
    doctor_line = [line for line in voice(tmp_path, "doctor").stdout.splitlines()
                   if "Your ways of asking" in line]
    assert doctor_line and "1 learned, kept on this device only" in doctor_line[0]

    assert voice(tmp_path, "phrases", "--forget", "1").stdout.startswith("Forgot 1:")
    assert "No ways of asking learned yet" in voice(tmp_path, "phrases").stdout

    # Said by voice (here typed): asks first, then forgets them all.
    voice(tmp_path, "text", "--no-speak", lines=f"{COLLOQUIAL}\nyes\n")
    spoken = voice(tmp_path, "text", "--no-speak", "--json",
                   lines="forget what you learned\nyes\n")
    assert [r["learned"] for r in replies(spoken)] == [None, "cleared"]
    assert "No ways of asking learned yet" in voice(tmp_path, "phrases").stdout


def test_damaged_file_is_one_line_and_the_assistant_goes_on(tmp_path: Path) -> None:
    state = tmp_path / "state" / "voice"
    state.mkdir(parents=True)
    (state / "phrasings.json").write_text("{ this is not json")
    proc = voice(tmp_path, "text", "--no-speak", "--json", lines=f"{COLLOQUIAL}\nyes\n")
    assert proc.returncode == 0
    assert "Traceback" not in proc.stderr
    damaged = [line for line in proc.stderr.splitlines() if "could not be read" in line]
    assert len(damaged) == 1 and "phrasings.json.damaged" in damaged[0]
    assert [r["outcome"] for r in replies(proc)] == ["confirm", "answer"]
    assert (state / "phrasings.json.damaged").exists()
    assert json.loads((state / "phrasings.json").read_text())["phrasings"][0]["words"] == COLLOQUIAL


def test_listening_learns_what_the_user_confirmed(virtual_mic: Any, tmp_path: Path) -> None:
    """Spoken through the live path: offered, "yes", then answered outright."""
    try:
        from tests.test_listen import read_until, spoken, start_listen, wait_for_ready
    except ImportError:
        from test_listen import (  # type: ignore[no-redef, import-not-found]
            read_until,
            spoken,
            start_listen,
            wait_for_ready,
        )
    # "multiple sclerosis", not "M S": Whisper heard espeak-ng's spelt letters
    # by where the clip fell on its 20 ms frames ("from ms", "and ms", "and
    # then we'll"; CI: "my wife and will ..."), and the learned phrasing did
    # not cover all of them: 325 of 380 (learned, asked again) offset pairs
    # found. Spelt out: offered at 20 of 20 offsets, 400 of 400 pairs found
    # (scripts/learned_phrasing_offsets.py, docs/mic-drift.md).
    question = spoken("my wife has multiple sclerosis, will exercise make her worse",
                      "learn-question.wav")
    yes = spoken("yes", "learn-yes.wav")
    # Whisper, the default: PocketSphinx heard espeak-ng's question too
    # variously ("what can exercise make worse", answered outright; "what does
    # a exercise that one") for an offer to come reliably.
    proc = start_listen(virtual_mic, "--json", "--recognizer", "whisper", "--no-speak",
                        "--no-cues", "--no-wake", "--silence-timeout", "1.0", tmp_path=tmp_path)
    assert proc.stdout is not None
    got: list[dict[str, Any]] = []

    def say(wav: Path, lead_in: float = 0.0) -> dict[str, Any]:
        wait_for_ready(proc)
        virtual_mic.play(wav, lead_in=lead_in)
        assert proc.stdout is not None
        reply: dict[str, Any] = json.loads(proc.stdout.readline())
        return reply

    try:
        # The recognizer hears espeak-ng's colloquial question a little
        # differently each time; as a user would, ask again once if it was
        # not offered. What follows must then hold exactly.
        first = say(question)
        got.append(first if first["outcome"] == "confirm" else say(question))
        got.append(say(yes))
        # Asked again, it may be heard too differently for the learned
        # phrasing ("my wife and will exercise make the worst" after "my wife
        # has ms ..."; CI heard it so twice running): a user would ask again.
        # Whisper's hearing follows where the clip falls on its 20 ms frames
        # (scripts/whisper_offset_map.py, 20 offsets: "my wife from ms ..." 14,
        # "... and ms ..." 4, found as one phrasing; "... and ms will exus i
        # ..." 1 and "my wife and then we'll ..." 1, not), and a replay lands
        # near the same offset: each further ask starts a third of a frame
        # later, as a person's never starts on the same millisecond.
        tries = [say(question)]
        while tries[-1].get("learned") != "used" and len(tries) < 3:
            tries.append(say(question, lead_in=len(tries) * ASK_AGAIN_SHIFT))
        got.append(tries[-1])
        read_until(proc, "Listening...")
        proc.terminate()
        proc.communicate(timeout=15)
    finally:
        proc.kill()
    offered, confirmed, again = got
    assert offered["outcome"] == "confirm", offered
    assert (confirmed["outcome"], confirmed["learned"]) == ("answer", "added")
    assert (again["outcome"], again["learned"]) == ("answer", "used"), (
        offered["query"], [t["query"] for t in tries])
    # Even heard differently, it was never answered with another entry.
    for heard in tries:
        assert (heard["outcome"] != "answer"
                or heard["match"]["id"] == offered["match"]["id"]), heard
    assert again["match"]["id"] == confirmed["match"]["id"] == offered["match"]["id"]
    kept = json.loads((tmp_path / "state" / "voice" / "phrasings.json").read_text())
    assert kept["phrasings"][0]["words"] == offered["query"]


def test_heard_again_with_other_small_words_is_the_same_phrasing() -> None:
    phrasings = PersonalPhrasings()
    phrasings.learn("what does will exercise that one", "physical-therapy")
    for heard in ("what does a exercise", "what does exercise make", "what exercise make",
                  "what does exercise"):
        assert phrasings.find(heard) is not None, heard
    for other in ("what does a spasm", "is exercise good for stiffness", "exercise"):
        assert phrasings.find(other) is None, other


def test_heard_again_with_a_content_word_bent_is_the_same_phrasing() -> None:
    """CI heard espeak-ng's question twice as "... make her worse" / "... the worst"."""
    phrasings = PersonalPhrasings()
    phrasings.learn("my wife has ms will exercise make her worse", "exercise")
    assert phrasings.find("my wife from ms will exercise make the worst") is not None
    # Other content words are other questions, however alike the rest.
    for other in ("my wife has ms will walking make her worse",
                  "my wife has ms will diet make her worse",
                  "my wife has ms will exercise make her better"):
        assert phrasings.find(other) is None, other
