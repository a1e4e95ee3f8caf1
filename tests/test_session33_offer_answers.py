"""Answering "Did you mean ...?" in one's own words (session 33,
commands.OFFER_ANSWERS, yes_no.both and yes_no.unsure). Typed into
`voice text`: "yes please read it", "read it", "yes I would", "go on then",
"please" were met with "Sorry, I didn't catch that" and the offer again;
"no, not that one" the same; "both" to two offers and "maybe" / "I don't
know" too. Real `voice text`, and the real Conversation for paging."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation import phrases
from voice.conversation.commands import find_command

from .conftest import voice_text_replies

#: Offered two entries: the lifestyle FAQ, then Causes and Risk Factors.
OFFERED_TWO = "can stress cause spasms"
LIFESTYLE = "Can lifestyle changes help manage chronic spasms?"
CAUSES = "Causes and Risk Factors"


@pytest.mark.parametrize("said", ["yes please read it", "read it", "yes I would",
                                  "go on then", "please", "I'd like that"])
def test_a_yes_in_own_words_reads_the_offer(tmp_path: Path, said: str) -> None:
    offer, reply = voice_text_replies([OFFERED_TWO, said], tmp_path)
    assert offer["outcome"] == "confirm", offer
    assert reply["outcome"] == "answer" and reply["match"]["title"] == LIFESTYLE, reply


def test_no_in_own_words_declines_the_offer(tmp_path: Path) -> None:
    _offer, reply = voice_text_replies([OFFERED_TWO, "no, not that one"], tmp_path)
    assert reply["outcome"] == "command", reply
    assert not reply["say"].startswith(phrases.DIDNT_CATCH), reply


def test_both_reads_the_first_and_offers_the_second(tmp_path: Path) -> None:
    _offer, both, yes = voice_text_replies([OFFERED_TWO, "both", "yes"], tmp_path)
    assert both["match"]["title"] == LIFESTYLE and both["outcome"] == "answer", both
    assert both["say"].endswith(phrases.also_asked(CAUSES)), both
    assert yes["match"]["title"] == CAUSES and yes["outcome"] == "answer", yes


@pytest.mark.parametrize("said", ["maybe", "I don't know"])
def test_unsure_offers_again_without_didnt_catch(tmp_path: Path, said: str) -> None:
    _offer, reply = voice_text_replies([OFFERED_TWO, said], tmp_path)
    assert reply["outcome"] == "confirm", reply
    assert reply["say"].startswith(phrases.THAT_IS_ALL_RIGHT), reply
    assert LIFESTYLE.rstrip("?") in reply["say"] and CAUSES in reply["say"], reply


def test_unsure_to_shall_i_go_on(kb: object) -> None:
    from voice.conversation.conversation import Conversation

    talk = Conversation(kb)  # type: ignore[arg-type]
    first = talk.respond("tell me about technological innovations in treatment")
    assert first.say.endswith(phrases.GO_ON), first.say
    unsure = talk.respond("maybe")
    assert unsure.say == f"{phrases.THAT_IS_ALL_RIGHT} {phrases.GO_ON_OR_ASK}", unsure.say
    rest = talk.respond("go on")
    assert rest.outcome == "answer", rest.say


@pytest.mark.parametrize("said", ["read it", "please", "both", "maybe", "i don't know",
                                  "tell me", "not now"])
def test_only_while_a_yes_or_no_is_asked(said: str) -> None:
    assert find_command(said) is None, said
    assert find_command(said, yes_no_asked=True) is not None, said
