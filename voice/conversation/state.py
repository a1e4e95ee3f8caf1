"""What a conversation remembers from one turn to the next."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from voice.content.model import Entry
from voice.conversation import phrases
from voice.conversation.personal import Phrasing
from voice.speech_out.base import VoiceSettings

if TYPE_CHECKING:
    from voice.conversation.what_heard import Asked


@dataclass
class State:
    """What one conversation remembers between turns; the rules read and set it."""

    settings: VoiceSettings
    last_say: str = ""
    offered: list[Entry] = field(default_factory=list)
    pending_parts: list[str] = field(default_factory=list)
    #: Times the current offer was asked again (see OFFER_REPEATS), and its score.
    offer_repeats: int = 0
    offer_score: float = 0.0
    pending_entry: Entry | None = None
    pending_prompt: str = phrases.GO_ON
    history: list[Entry] = field(default_factory=list)
    #: The runners-up of the last answer: offered if the user says it was wrong.
    others: list[Entry] = field(default_factory=list)
    failures: int = 0
    disclaimer_given: bool = False
    asleep: bool = False
    #: The topics were read with their numbers: a bare "seven" now chooses one.
    numbered: bool = False
    #: The words that led to the current offer: learned if the user says yes.
    offer_words: str = ""
    #: The words of the question the matcher answered last (for "that's wrong").
    answer_words: str = ""
    #: The learned phrasing the last answer came from ("that's wrong" removes it).
    answered_phrasing: Phrasing | None = None
    #: "Forget what you learned" was said: waiting for yes or no.
    confirm_forget: bool = False
    #: A lone "bye" was heard and "Did you say goodbye?" asked
    #: (voice/conversation/sleep_confirm.py): waiting for yes or no.
    confirm_sleep: bool = False
    #: The parts not read when the user said "stop" (or "no" to "Shall I go
    #: on?"): "go on" afterwards reads them; it said "That's all I have".
    stopped_parts: list[str] = field(default_factory=list)
    #: The second question of the line just answered ("... and how are they
    #: treated"), matched surely to another entry: offered after the answer's
    #: last part, so "yes" is not taken for "go on".
    second: Entry | None = None
    #: The second question once offered: "no" to it is not "ask again".
    second_offered: Entry | None = None
    #: The entries offered after a feeling, a worry or "tell me more" (this
    #: very list): "no" to them is not "ask again" either.
    kind_offered: list[Entry] = field(default_factory=list)
    #: The words of the question that read the last entry read ("" when it
    #: was read on "yes" or by number): another question answered by the
    #: same entry is told so (follow_ups.read_already).
    read_for: str = ""
    #: The half sentence the user was just asked to finish ("what is the"):
    #: the next line, when it is the rest ("spasticity"), is joined to it.
    unfinished: str = ""
    #: The entries of the offer the last answer was chosen from ("Did you
    #: mean A; or B?" "Yes."): "the other one" then reads another of them
    #: (session 34: it said "What else would you like to know?").
    chosen_among: list[Entry] = field(default_factory=list)
    #: The thing the last question that named one was about ("spasms",
    #: "MS", "baclofen"): a follow-up's "it" may stand for it
    #: (voice/conversation/subject.py).
    subject: str = ""
    #: The question last asked again of another condition ("what about
    #: als" after "can ms be cured": "can als be cured"), so that "and
    #: myasthenia gravis" next asks it again too (another_condition.py).
    asked_again: str = ""
    #: The last question and how it was met, for "what did I ask?"
    #: (voice/conversation/what_heard.py).
    asked: Asked | None = None
