"""The conversation: text in, replies out.

Pure logic in the spirit of hassil's ``recognize``: no audio, no files, no
clock, no globals. Everything the user can do by voice is decided here, so the
whole behaviour is tested as transcripts (tests/test_conversation.py).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace

from voice.content.model import Entry, KnowledgeBase
from voice.conversation import how_long, phrases
from voice.conversation.at_night import asks_what_helps_at_night
from voice.conversation.choices import Choice, find_choice
from voice.conversation.commands import find_command
from voice.conversation.feelings import Feeling, feeling_of, is_question
from voice.conversation.heard import is_contents_question
from voice.conversation.how_long import asks_how_long, says_a_time, without_how_long
from voice.conversation.language import looks_not_english
from voice.conversation.on_behalf import asked_for
from voice.conversation.own_medicine import (
    asks_about_own_medicine,
    asks_how_to_take,
    names_a_spasm_medicine,
)
from voice.conversation.personal import PersonalPhrasings, Phrasing
from voice.conversation.reply import Reply
from voice.conversation.right_now import spasm_happening_now
from voice.conversation.same_section import mentioned_elsewhere, naming_sentence
from voice.conversation.second_question import second_question
from voice.conversation.seen_now import sign_seen_now
from voice.conversation.speech_parts import parts
from voice.conversation.subject import asks_of_it, subject_of, with_subject
from voice.conversation.unfinished import (
    cut_short,
    finished,
    guesses_the_subject,
    heard_part,
    is_unfinished,
    points_at_nothing,
    trails_off,
)
from voice.conversation.worries import Worry, worry_of
from voice.matching import teller
from voice.matching.emergency import is_emergency
from voice.matching.matcher import Candidate, Matcher, MatchResult
from voice.matching.normalize import clean
from voice.matching.spelling import Speller, typed_match
from voice.speech_out.base import VoiceSettings

#: Words a minute per "slower" / "faster": from the default 150, three
#: "slower" reach RATE_MIN and five "faster" RATE_MAX. Chosen in the first
#: version (8c68b79), not measured against listeners.
RATE_STEP = 25
#: espeak-ng speaks no slower than 80: a 12-word sentence took 7.29 s at
#: -s 60 and at -s 80 (espeak-ng -w, then soxi -D). 260 is the first
#: version's choice, not measured.
RATE_MIN, RATE_MAX = 80, 260
#: A step and the quietest a voice command goes: the first version's choice
#: (8c68b79), not measured (no sound card here to hear it on).
VOLUME_STEP = 0.15
VOLUME_MIN, VOLUME_MAX = 0.2, 1.0
#: After this many misunderstandings in a row, the list of topics is offered.
#: The first version's choice (8c68b79), not measured.
FAILURES_BEFORE_TOPICS = 2
#: Topics named per part when listing them, so a part stays short to hear;
#: the first version's choice (8c68b79), not measured.
TOPICS_PER_PART = 6
#: Lowest score of the runner-up worth offering after "that's wrong". Chosen
#: with the feature (9798ecf), not measured: the tuning halves have too few
#: wrong answers to choose it (typed 0, spoken tuning 2 of 484 clips:
#: docs/benchmarks.md "Constants and their measurements").
OTHER_FLOOR = 25.0
#: Times "Did you mean ...?" is asked again when the reply is not understood.
#: A "yes" misheard must not throw the offer away, but a user who has moved on
#: must not be held in it either. Chosen with the feature (692dc92), not measured.
OFFER_REPEATS = 1
#: Words beyond which a question with no answer is taken to ask several
#: things at once (phrases.TOO_MUCH_AT_ONCE). Only the words of a no-answer
#: change; 40 of the 9,324 lines of the question sets in tests/data are
#: longer; the ramble that showed it (docs/user-journeys.md) had 45 words.
LONG_QUESTION_WORDS = 20
#: Words from which a half sentence said to a "Did you mean ...?" is taken
#: for a new question begun ("how do I", "what is the"), not the offer asked
#: again: a shorter one may be a "yes" misheard ("is the", "yes the"). Not
#: measured: the shortest half sentences of tests/test_scope11_unfinished.py.
OFFERED_HALF_WORDS = 3
#: Words from which a whole line said to a "Did you mean ...?" that matches
#: nothing is taken for a new question, declined as any other, not met with
#: "Sorry, I didn't catch that" and the offer again: "what is the weather
#: tomorrow" said after "how much magnesium should I take" was offered was
#: told it was not caught (session 20, found using `voice text`). A "yes"
#: or "no" misheard is shorter: Whisper's hearings of real people's one-word
#: clips (tests/data/real/digits, 100 clips under four prompts,
#: `scripts/tune_short_replies.py --half all --show`) run to four words at
#: most ("the neuromuscular disorders are" for a "zero").
OFFERED_NEW_QUESTION_WORDS = 5
#: Asked of the content for a line of distress that names nothing it covers:
#: its entry on coping is offered (the shipped content: Coping Strategies).
DISTRESS_OFFER = "how can i cope"
#: Asked of the content for a fear about one's future (conversation/worries.py):
#: the entries offered after the kind word (the shipped content: the cure FAQ
#: and Treatment Approaches for Long-Term Management; for a wheelchair, the
#: assistive devices FAQ first).
WORRY_OFFERS = {
    "outlook": ("is there a cure", "how are these conditions managed in the long term"),
    "mobility": ("how do assistive devices improve mobility", "is there a cure"),
    # "Is it contagious": the content does not say; what it says of where
    # these disorders come from is offered (the hereditary FAQ, Causes and
    # Risk Factors).
    "contagion": ("are neuromuscular disorders hereditary", "what causes neuromuscular disorders"),
    # "What will my life be like": Impact on Daily Life, then Coping Strategies.
    "life": ("how will my life change", "how can i cope"),
}
#: Asked of the content after a question about one's own medicines
#: (conversation/own_medicine.py), when the line is about the content at all:
#: its entry on medication (the shipped content: Medication).
OWN_MEDICINE_OFFERS = ("what medication helps spasms",)
#: Asked of the content for "what helps spasms at night" (conversation/at_night.py):
#: it has no entry on the night, so its entries on what helps spasms are
#: offered (the shipped content: the lifestyle FAQ and Medication).
AT_NIGHT_OFFERS = ("what can i do myself to reduce spasms", "what medication helps spasms")


#: Asked of the content for a spasm happening now (conversation/right_now.py):
#: what helps spasms, then when to see a doctor (the shipped content: the
#: lifestyle FAQ and the FAQ on seeking medical attention).
RIGHT_NOW_OFFERS = ("what can i do myself to reduce spasms", "when should i see a doctor")
#: Asked of the content after a worrying sign told as it is seen ("he can't
#: swallow properly", conversation/seen_now.py): when to seek medical attention.
SEEN_NOW_OFFERS = ("when should i see a doctor",)


#: Titles of an article's frame, never offered as an example of what to ask
#: after a declined question: near it only by its generic words.
STRUCTURAL_TITLES = frozenset({"introduction", "conclusion", "summary", "overview", "abstract",
                               "references", "foreword", "preface", "conclusions"})
#: First words of a question a user could ask as it stands.
QUESTION_OPENERS = frozenset("what how why when which who can could is are do does will "
                             "should".split())


#: Words that make "help" a person's call for help ("I need help", "help
#: me", "please help") rather than a question about using the assistant.
_CALL_WORDS = frozenset({"need", "me", "please", "now", "somebody", "someone", "get"})


#: Commands after "I only heard 'what is the'" that say it again, slower or
#: louder: the half sentence still waits for its rest.
_KEEP_UNFINISHED = frozenset({"repeat", "slower", "louder", "again_slower", "again_louder"})

#: Command words a half question can end with: "what helps with spasms and"
#: + "sleep" is a question about sleep, not "go to sleep".
_ALSO_A_SUBJECT = frozenset({"sleep"})


def _finishes_part(text: str, command: str) -> bool:
    """``text``, said after a half question ("... and"), is its last word,
    though also a command ("sleep")."""
    return command == "sleep" and clean(text) in _ALSO_A_SUBJECT


def _asks_for_help(text: str) -> bool:
    words = clean(text).split()
    # Also "help!" / "HELP!!!": cried, not asked (Whisper writes a shouted
    # "help" with "!"); "HELP!!!" typed got only the list of commands (found
    # using `voice text`, tests/test_robust22_help_cry.py).
    return "help" in words and (bool(set(words) & _CALL_WORDS) or "!" in text)


def _towards(value: float, step: float, low: float, high: float) -> float:
    """``value`` moved by ``step``, kept within ``low``..``high``, but never
    moved the other way: the settings file allows a rate of 60-400 and a
    volume of 0.0-1.0, so "slower" at 60 set 80 (faster, while it said "more
    slowly") and "quieter" at 0.1 set 0.2."""
    moved = min(high, max(low, value + step))
    return moved if (moved - value) * step > 0 else value


@dataclass
class _State:
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
    #: same entry is told so (Conversation._read_already).
    read_for: str = ""
    #: The half sentence the user was just asked to finish ("what is the"):
    #: the next line, when it is the rest ("spasticity"), is joined to it.
    unfinished: str = ""
    #: The thing the last question that named one was about ("spasms",
    #: "MS", "baclofen"): a follow-up's "it" may stand for it
    #: (voice/conversation/subject.py).
    subject: str = ""


class Conversation:
    """One user's session with the assistant."""

    def __init__(
        self,
        kb: KnowledgeBase,
        matcher: Matcher | None = None,
        settings: VoiceSettings | None = None,
        paged: bool = True,
        phrasings: PersonalPhrasings | None = None,
        usual: VoiceSettings | None = None,
    ) -> None:
        self.kb = kb
        #: The rate and volume "normal speed" / "normal volume" go back to:
        #: the settings file's (or the defaults), not the user's spoken changes.
        self.usual = usual or settings or VoiceSettings()
        #: The user's own ways of asking, learned from "Did you mean ...?" "Yes".
        self.phrasings = phrasings if phrasings is not None else PersonalPhrasings()
        #: Offer long answers in parts ("Shall I go on?"); off for one-shot answers.
        self.paged = paged
        self.matcher = matcher or Matcher(kb)
        self._s = _State(settings or VoiceSettings())
        #: Corrects typos in typed questions (built on the first one).
        self._speller: Speller | None = None

    @property
    def settings(self) -> VoiceSettings:
        return self._s.settings

    @property
    def asleep(self) -> bool:
        return self._s.asleep

    @property
    def speller(self) -> Speller:
        """The typo corrector for the current matcher (content may be reloaded)."""
        if self._speller is None or self._speller.matcher is not self.matcher:
            self._speller = Speller(self.matcher)
        return self._speller

    @property
    def asks_yes_no(self) -> bool:
        """The last reply asked a yes/no question ("Did you mean ...?", "Shall I go on?")."""
        return bool(self._s.offered or self._s.pending_parts)

    @property
    def last_say(self) -> str:
        return self._s.last_say

    # -- the one entry point ----------------------------------------------

    def respond(self, text: str, doubtful: bool = False, heard: bool = False,
                sure: Collection[str] = (), long_speech: bool = False) -> Reply:
        """The assistant's reply to one utterance or typed line.

        ``doubtful``: the recognizer was unsure of the words, so a question is
        offered ("Did you mean ...?") rather than answered outright.
        ``heard``: the words came from a recognizer, not the keyboard (a word
        no dictionary knows is then a mishearing, see Matcher.match), except
        the words in ``sure``, heard surely (they may name another subject).
        ``long_speech``: a long stretch of speech was heard; when no words
        came of it, asking to "say it again" would bring the same again.
        """
        text = text.strip()
        # "Forget what you learned?" is answered by the very next utterance only.
        forget_asked, self._s.confirm_forget = self._s.confirm_forget, False
        # "I only heard 'what is the'" is answered by the very next line too.
        unfinished, self._s.unfinished = self._s.unfinished, ""
        if is_emergency(text):
            # Before anything else, even asleep: this must never be missed.
            s = self._s
            s.asleep = False
            # What was asked before is dropped: "yes" after the advice read a
            # diet answer offered before it in full, and "no" was taken for
            # "that's wrong" about the answer before it ("Sorry about that.
            # Did you mean ...?"; found by branch robust22). Unread parts
            # are kept for "go on".
            self._set_aside()
            s.offered, s.second, s.second_offered, s.others = [], None, None, []
            return self._reply(text, "emergency", phrases.EMERGENCY, stop_speaking=True)
        asked = forget_asked or self.asks_yes_no
        command = find_command(text, yes_no_asked=asked) if text else None
        if self._s.asleep:
            if command == "wake":
                self._s.asleep = False
                return self._reply(text, "command", phrases.WAKE, command="wake")
            if command == "exit":
                return self._reply(text, "command", phrases.EXIT, command="exit", exit=True)
            if command == "help" and _asks_for_help(text):
                # "I need help" said to a sleeping assistant was met with
                # silence: a call for help wakes it, told where help is first.
                self._s.asleep = False
                return self._command(text, command)
            return self._reply(text, "command", "", command="asleep", remember=False)
        if not any(c.isalnum() for c in text):
            # Nothing, or only punctuation or emoji ("...", "???"): no words to
            # answer, so not "I don't have an answer for that" either.
            # The half sentence still waits for its rest: a quiet "cope" heard
            # too unsurely to keep (flite, Whisper) is said again.
            self._s.unfinished = unfinished
            return self._not_understood(text, heard_nothing=True, long=long_speech)
        if forget_asked:
            if command == "yes":
                self.phrasings.clear()
                return self._reply(text, "command", phrases.FORGOT_ALL, command="forget",
                                   learned="cleared")
            if command == "no":
                return self._reply(text, "command", phrases.KEPT_LEARNED, command="no")
        if command and unfinished and _finishes_part(text, command):
            # "what helps with spasms and" offered, then "sleep": the rest of
            # the question, not "go to sleep" (session 25: a hand that let go
            # of the button at "and" sent the assistant to sleep).
            command = None
        if command:
            if command in _KEEP_UNFINISHED:
                # "What?" or "slower" to "I only heard 'what is the'": it is
                # said again, and the rest said next is still joined to it.
                self._s.unfinished = unfinished
            return self._command(text, command)
        choice = find_choice(text, zero=True)
        if choice is not None:
            return self._choose(text, choice)
        if unfinished:
            text = self._joined(unfinished, text, doubtful, heard, sure)
        return self._question(text, doubtful, heard, sure)

    def _joined(self, part: str, rest: str, doubtful: bool, heard: bool,
                sure: Collection[str]) -> str:
        """The line to answer after "I only heard '``part``'": ``rest``
        joined to it ("what is the" + "spasticity"), unless ``rest`` is a
        question of its own, or the joined line finds nothing where ``rest``
        alone does ("how do I" + "eat well": the subject is in the rest)."""
        joined = finished(part, rest)
        if joined is None:
            return rest
        if (self._match(joined, doubtful, heard, sure).outcome == "no_match"
                and self._match(rest, doubtful, heard, sure).outcome != "no_match"):
            return rest
        return joined

    def stop(self) -> None:
        """The user stopped speech another way (a long button press)."""
        self._set_aside()

    def use_settings(self, settings: VoiceSettings, usual: VoiceSettings | None = None) -> None:
        """New rate, volume or voice from the settings file (the caregiver's
        page), used from the next reply; the conversation goes on as it was.
        ``usual``: the file's own rate and volume, for "normal speed"."""
        self._s.settings = settings
        if usual is not None:
            self.usual = usual

    # -- questions --------------------------------------------------------

    def _question(self, text: str, doubtful: bool = False, heard: bool = False,
                  sure: Collection[str] = ()) -> Reply:
        # The thing this line names becomes the subject; its pointer, if it
        # has one, stands for the subject before it ("what helps it").
        subject = self._s.subject
        self._s.subject = subject_of(text, self.matcher) or subject
        felt = feeling_of(text)
        worry = worry_of(text) if felt is None or felt.tone != "distress" else None
        if worry is not None and is_contents_question(text, self.matcher):
            # The content asks it in these words (a caregiver added "is it
            # contagious" to an entry from the question log): its answer.
            worry = None
        if worry is not None:
            # Before a feeling ("I'm scared I will die"): the fear is answered.
            return self._worry(text, worry)
        if sign_seen_now(text) and not is_contents_question(text, self.matcher):
            # "he can't swallow properly", "she's confused": when to call for
            # help, then when to seek medical attention offered (seen_now.py).
            return self._offer_what_helps(text, SEEN_NOW_OFFERS, phrases.SEEN_NOW, "seen_now")
        how_to_take = asks_how_to_take(text, heard)
        if ((asks_about_own_medicine(text) or how_to_take)
                and len(text.split()) <= LONG_QUESTION_WORDS
                and not is_contents_question(text, self.matcher)):
            # Before a feeling too ("I'm worried, should I stop my tablets"):
            # what to do first, then at most an offer (own_medicine.py). Not
            # in a ramble ("... whether the doctor should change her
            # medication or whether ..." told for minutes): asked to say one
            # thing at a time, as before (tests/test_robust22_ramble.py).
            return self._own_medicine(text, self._match(text, doubtful, heard, sure),
                                      phrases.HOW_TO_TAKE if how_to_take else phrases.OWN_MEDICINE)
        if felt is not None:
            # Before the learned phrasings too: a feeling is never read an
            # answer unasked (and offers made to one are not learned).
            return self._feeling(text, felt, self._match(text, doubtful, heard, sure))
        learned = self.phrasings.find(text)
        entry = self._entry(learned.entry_id) if learned is not None else None
        if learned is not None and entry is not None:
            # The user told us what these words mean: answered outright, even
            # when heard unsurely, since the same words were heard before.
            return self._answer(text, entry, phrasing=learned)
        if (asks_what_helps_at_night(text, self.matcher)
                and not is_contents_question(text, self.matcher)):
            return self._at_night(text)
        if (spasm_happening_now(text, self.matcher)
                and not is_contents_question(text, self.matcher)):
            return self._right_now(text)
        if (((not self._s.history and guesses_the_subject(text)) or cut_short(text))
                and not is_contents_question(text, self.matcher)):
            # "what causes that" with nothing answered yet, or "what causes
            # the": a guess at what was meant, offered, never read in full;
            # asked to be finished when nothing matches
            # (unfinished.POINTER_QUESTIONS, CUT_SHORT_OFFERED).
            doubtful = True
        result = self._match(text, doubtful, heard, sure)
        result = self._asked_for(text, result, doubtful, heard, sure)
        # The words learned on "yes" or unlearned on "that's wrong": not a
        # follow-up's, whose pointer stood for this conversation's subject.
        words = text
        taken = self._about_subject(text, result, subject, doubtful, heard, sure)
        if taken is not None:
            words, result = "", taken
        if (how_long.REMATCH and result.outcome != "no_match" and asks_how_long(text)
                and not is_contents_question(text, self.matcher)):
            timed = self._how_long(text, subject if taken is not None else "", doubtful, heard,
                                   sure)
            if timed is not None:
                return timed
            if result.entry is None or how_long.pulled_by_long(result.entry.title):
                # Only "long" carried it to the long-term entry: declined, as
                # the line without it is ("how long will it take to get to
                # work", NLU-Evaluation-Data's tuning half).
                return self._not_understood(text, result=result, unclear=doubtful,
                                            typed=not heard)
            # Nothing without "long", but the whole line found another entry:
            # offered, never read ("how long should I wait before seeing a
            # doctor": the FAQ on seeking medical attention, as before the
            # rematch; tests/test_scope23_matching.py).
            result = replace(result, outcome="confirm")
        if (result.outcome == "answer" and result.entry is not None
                and self._just_read(result.entry, text)):
            return self._read_already(text, result.entry)
        if result.outcome == "answer" and result.entry is not None:
            reply = self._answer(text, result.entry, result)
            self._s.answer_words, self._s.read_for = words, text
            return self._also_asked(text, result.entry, reply, heard, sure)
        if result.outcome == "confirm":
            self._s.offered = result.offered
            self._s.offer_words = words
            self._s.offer_repeats, self._s.offer_score = 0, result.score
            self._s.pending_parts = []
            self._s.failures = 0
            say = phrases.did_you_mean([e.title for e in result.offered])
            if trails_off(text):
                # "what helps with spasms and": a guess at what was meant is
                # offered, and the rest, said next, is joined to the words
                # heard (as after "I only heard 'what is the'"). A spasm or a
                # tired hand lets go of the button at "and"; push to talk
                # does not wait for the rest as `voice listen` does.
                self._s.unfinished = heard_part(text)
                say = f"{say} {phrases.OR_SAY_THE_REST}"
            return self._reply(
                text, "confirm", say,
                match=result.entry, score=result.score, alternatives=result.candidates[1:],
            )
        return self._not_understood(text, result=result, unclear=doubtful or result.misheard,
                                    typed=not heard)

    def _just_read(self, entry: Entry, text: str) -> bool:
        """``entry`` is the one read last, and ``text`` is another question
        than the one that read it ("what is ms", then "what is als")."""
        s = self._s
        return bool(s.history) and s.history[-1].id == entry.id \
            and clean(text) != clean(s.read_for)

    def _read_already(self, text: str, entry: Entry) -> Reply:
        """A new question answered by the section just read: "what is ms",
        "what is als", "what is myasthenia gravis" read the same section
        (Recognizing ..., which names all three in one sentence) three times
        running (session 24). Said so, with the sentence that names what
        was asked, and read again only on "yes" (voice/conversation/same_section.py)."""
        subject = subject_of(text, self.matcher)
        others = [e.answer for e in self.kb.entries if e.id != entry.id]
        said = naming_sentence(entry.answer, subject)
        more = bool(subject) and mentioned_elsewhere(subject, others)
        s = self._s
        s.offered = s.kind_offered = [entry]
        s.offer_words, s.offer_repeats, s.offer_score = "", 0, 100.0
        s.pending_parts, s.failures = [], 0
        return self._reply(text, "confirm", phrases.read_already(entry.title, said, not more),
                           match=entry, score=100.0, stop_speaking=True)

    def _how_long(self, text: str, subject: str, doubtful: bool, heard: bool,
                  sure: Collection[str]) -> Reply | None:
        """"How long does diagnosis take": matched without "long" (a word of
        the long-term management entry, voice/conversation/how_long.py), what
        that finds offered, never read; said first when it gives no times.
        ``subject``: the conversation's, for a pointer ("how long does it last").
        None when the line without "long" finds nothing."""
        line = without_how_long(text)
        if subject:
            line = with_subject(line, subject) or line
        got = self._match(line, doubtful, heard, (*sure, *clean(subject).split()))
        if got.outcome == "no_match" or got.entry is None:
            return None  # the line as said stands, offered (Conversation._question)
        offered = got.offered or [got.entry]
        if any(says_a_time(e.answer) for e in offered):
            self._s.offered, self._s.offer_words = offered, ""
            self._s.offer_repeats, self._s.offer_score = 0, got.score
            self._s.pending_parts, self._s.failures = [], 0
            return self._reply(text, "confirm", phrases.did_you_mean([e.title for e in offered]),
                               match=got.entry, score=got.score, alternatives=got.candidates[1:])
        self._s.pending_parts, self._s.failures = [], 0
        return self._kindly_offer(text, phrases.NO_TIMES, offered, got.entry, got.score,
                                  phrases.WORRY_WAY_FORWARD, "how_long", stop_speaking=True,
                                  alternatives=got.candidates[1:])

    def _about_subject(self, text: str, result: MatchResult, subject: str, doubtful: bool,
                       heard: bool, sure: Collection[str]) -> MatchResult | None:
        """A follow-up whose pointer stands for the conversation's subject
        ("what causes spasms", then "what helps it"), which finds nothing as
        said: what the line with the subject in the pointer's place finds
        (voice/conversation/subject.py), offered ("Did you mean ...?"), never
        read in full: the pointer may stand for something else. None: the
        line as said stands (an answer or an offer it has is kept)."""
        if result.outcome != "no_match":
            return None
        line = with_subject(text, subject)
        if line is None or not asks_of_it(text, self.matcher):
            return None
        got = self._match(line, doubtful, heard, (*sure, *clean(subject).split()))
        if got.outcome == "no_match" or got.entry is None:
            return None
        return replace(got, outcome="confirm")

    def _asked_for(self, text: str, result: MatchResult, doubtful: bool, heard: bool,
                   sure: Collection[str]) -> MatchResult:
        """A question told first who has the condition ("my husband has MS,
        what can he do for his spasms"): the question is matched on its own
        (voice/conversation/on_behalf.py). When it finds nothing, the whole
        line's answer is only offered: what it found may be the telling's."""
        rest = asked_for(text)
        if rest is None or (result.outcome == "answer" and teller.cared_for(text) is not None):
            # Told who has it, then asked how to help them ("my mum has been
            # diagnosed with ms, how do i support her"): the whole line asks
            # how to care for them (voice/matching/teller.py); "how do i
            # support her" alone was read Community Support in full.
            return result
        own = self._match(rest, doubtful, heard, sure)
        if own.outcome == "answer" and heard and result.outcome == "confirm":
            # Spoken, no surer than the whole line: Whisper heard espeak-ng's
            # "my wife has multiple sclerosis, will exercise make her worse"
            # as "... make the worse" at 10 of 20 offsets (offered whole,
            # answered after the telling); its entry is offered first.
            return replace(own, outcome="confirm")
        if own.outcome in ("answer", "confirm") and own.entry is not None:
            return own
        if result.outcome == "answer" and result.entry is not None:
            return replace(result, outcome="confirm")
        return result

    def _also_asked(self, text: str, entry: Entry, reply: Reply, heard: bool,
                    sure: Collection[str]) -> Reply:
        """``reply`` answered one question of a line that asks two: the
        second is matched on its own and, when it surely means another
        entry, offered at the end of the answer (voice/conversation/second_question.py)."""
        split = second_question(text)
        if split is None:
            return reply
        # The second part first; when the whole line was answered with the
        # second part's entry ("what are the early signs and when should
        # someone seek medical attention"), the first part is the unanswered one.
        for part in (split[1], split[0]):
            result = self._match(part, False, heard, sure)
            # Sure enough to offer: what the matcher would answer or ask "Did
            # you mean" about ("how are spasms treated" is the latter, two
            # close entries). The offer names its title and is read only on
            # "yes", so its first entry is offered, as "Did you mean" would.
            if result.outcome not in ("answer", "confirm") or result.entry is None:
                return reply
            if result.entry.id != entry.id:
                self._s.second = result.entry
                return reply if self._s.pending_parts else self._offer_second(reply)
        return reply

    def _offer_second(self, reply: Reply, say: str = "") -> Reply:
        """The held second question offered after ``say`` (default: the reply's)."""
        s = self._s
        entry, s.second = s.second, None
        if entry is None:
            return reply
        s.offered, s.offer_words, s.second_offered = [entry], "", entry
        s.offer_repeats, s.offer_score = 0, 100.0
        s.last_say = f"{say or reply.say} {phrases.also_asked(entry.title)}"
        return replace(reply, say=s.last_say)

    def _match(self, text: str, doubtful: bool, heard: bool,
               sure: Collection[str]) -> MatchResult:
        if heard:
            return self.matcher.match(text, doubtful=doubtful, heard=heard, sure=sure)
        # Typed: a word no dictionary knows is a typo, corrected and offered.
        return typed_match(self.matcher, self.speller, text, doubtful)

    def _feeling(self, text: str, felt: Feeling, result: MatchResult) -> Reply:
        """Someone said how they feel: a kind word first, then the entry that
        fits offered, never read unasked (voice/conversation/feelings.py)."""
        s = self._s
        s.pending_parts = []
        s.failures = 0
        if felt.tone == "good":
            s.offered = []
            return self._reply(text, "command", phrases.GLAD, command="feeling")
        kind = (phrases.DISTRESS if felt.tone == "distress" else
                phrases.THANKS_FOR_TELLING if felt.tone == "said" else
                phrases.sorry_you_are(felt.word))
        if felt.tone == "distress" and (result.outcome == "no_match" or result.entry is None):
            # "I can't go on" names nothing the content covers; what it has
            # on coping is the nearest help it can offer.
            result = self.matcher.match(DISTRESS_OFFER)
        found = result.outcome != "no_match" and result.entry is not None
        return self._kindly_offer(
            text, kind, result.offered if found else [], result.entry, result.score,
            phrases.FEELING_WAY_FORWARD, "feeling", felt.tone == "distress",
            alternatives=result.candidates[1:])

    def _worry(self, text: str, worry: Worry) -> Reply:
        """A fear about one's own future: a kind word, who can talk it
        through, then the nearest entries offered, never read unasked."""
        return self._offer_what_helps(text, WORRY_OFFERS[worry.kind],
                                      phrases.worry_words(worry.kind), "worry")

    def _right_now(self, text: str) -> Reply:
        """A spasm happening now: when to call for help at once, then what
        the content says helps, offered (voice/conversation/right_now.py)."""
        return self._offer_what_helps(text, RIGHT_NOW_OFFERS, phrases.RIGHT_NOW, "right_now")

    def _own_medicine(self, text: str, result: MatchResult, kind: str) -> Reply:
        """Asked what to do with one's own medicines: ask the prescriber
        first, then the entry on medication offered when the line is about
        the content's at all: the matcher takes it, names that entry among
        its near misses ("should I stop my medication"), or the line names a
        medicine for spasms ("should I stop my baclofen"). "What if I miss a
        contraceptive pill", an uncovered health question, is offered
        nothing. Not said over what is being read, as no question is."""
        offered = self._entries_answering(OWN_MEDICINE_OFFERS)
        near = {c.entry.id for c in result.candidates[:1]}
        ours = (result.outcome in ("answer", "confirm") or names_a_spasm_medicine(text)
                or any(e.id in near for e in offered))
        return self._offer_entries(text, offered if ours else [], kind,
                                   "own_medicine", stop_speaking=False)

    def _at_night(self, text: str) -> Reply:
        """What helps spasms at night: the content has no entry on the night
        ("night" pulled Impact on Daily Life, read in full), so its entries
        on what helps spasms are offered (voice/conversation/at_night.py)."""
        return self._offer_what_helps(text, AT_NIGHT_OFFERS, phrases.AT_NIGHT, "at_night")

    def _offer_what_helps(self, text: str, queries: Sequence[str], kind: str,
                          command: str) -> Reply:
        """``kind`` (a kind word), then the entries the content answers
        ``queries`` with, offered (never read unasked)."""
        return self._offer_entries(text, self._entries_answering(queries), kind, command)

    def _entries_answering(self, queries: Sequence[str]) -> list[Entry]:
        """The entries the content answers ``queries`` with, each once."""
        entries: list[Entry] = []
        for query in queries:
            result = self.matcher.match(query)
            if result.outcome == "answer" and result.entry is not None \
                    and result.entry not in entries:
                entries.append(result.entry)
        return entries

    def _offer_entries(self, text: str, offered: list[Entry], kind: str, command: str,
                       stop_speaking: bool = True) -> Reply:
        """``kind``, then ``offered`` (none: the way forward), a fresh start
        for what was pending."""
        self._s.pending_parts = []
        self._s.failures = 0
        return self._kindly_offer(text, kind, offered, offered[0] if offered else None, 100.0,
                                  phrases.WORRY_WAY_FORWARD, command, stop_speaking)

    def _kindly_offer(self, text: str, kind: str, offered: list[Entry], match: Entry | None,
                      score: float, way_forward: str, command: str, stop_speaking: bool,
                      alternatives: Sequence[Candidate] = ()) -> Reply:
        """``kind`` (a kind word) then ``offered`` named ("Would you like to
        hear ...?"), never read unasked; without an entry to offer, ``kind``
        then ``way_forward``. A feeling or a worry: not learned on "yes", so
        the same words next time are met kindly again."""
        s = self._s
        s.offered = s.kind_offered = offered
        if not offered:
            return self._reply(text, "command", f"{kind} {way_forward}", command=command,
                               stop_speaking=stop_speaking)
        s.offer_words = ""
        s.offer_repeats, s.offer_score = 0, score
        return self._reply(
            text, "confirm", f"{kind} {phrases.would_you_like([e.title for e in offered])}",
            match=match, score=score, alternatives=list(alternatives),
            stop_speaking=stop_speaking,
        )

    def _entry(self, entry_id: str) -> Entry | None:
        for entry in self.kb.entries:
            if entry.id == entry_id:
                return entry
        return None

    def _learn(self, chosen: Entry) -> str | None:
        """The words of the offer the user just confirmed become theirs for ``chosen``."""
        words, self._s.offer_words = self._s.offer_words, ""
        if words and self.phrasings.learn(words, chosen.id):
            return "added"
        return None

    def _answer(self, text: str, entry: Entry, result: MatchResult | None = None,
                others: list[Entry] | None = None, phrasing: Phrasing | None = None,
                learned: str | None = None) -> Reply:
        s = self._s
        s.offered = []
        s.offer_words, s.answer_words = "", ""
        s.answered_phrasing = phrasing
        s.read_for = ""
        if others is None and result is not None:
            others = [c.entry for c in result.candidates[1:] if c.score >= OTHER_FLOOR]
        # One runner-up: after a wrong answer, a second guess at most.
        s.others = (others or [])[:1]
        s.failures = 0
        s.history.append(entry)
        s.second = None
        chunks = parts(entry.answer) if self.paged else [entry.answer]
        s.pending_parts, s.pending_entry = chunks[1:], entry
        s.stopped_parts = []
        s.pending_prompt = phrases.GO_ON
        say = chunks[0] if chunks else entry.answer
        if not s.disclaimer_given:
            say = f"{phrases.DISCLAIMER} {say}"
            s.disclaimer_given = True
        if s.pending_parts:
            say = f"{say} {phrases.GO_ON}"
        return self._reply(
            text, "answer", say, match=entry, answer=entry.answer,
            score=result.score if result else 100.0,
            alternatives=result.candidates[1:] if result else [],
            more=bool(s.pending_parts), stop_speaking=True,
            learned="used" if phrasing is not None else learned,
        )

    def _not_understood(
        self, text: str, result: MatchResult | None = None, heard_nothing: bool = False,
        unclear: bool = False, long: bool = False, typed: bool = False,
    ) -> Reply:
        s = self._s
        if not heard_nothing and looks_not_english(text):
            # "I don't have an answer", with English examples, would not be
            # understood either; saying why lets someone find help.
            s.offered = []
            return self._reply(text, "no_match", phrases.ONLY_ENGLISH)
        if not heard_nothing and (is_unfinished(text) or (
                not s.history and points_at_nothing(text))) and (
                not s.offered or len(text.split()) >= OFFERED_HALF_WORDS) and (
                # A ramble trailing off ("... and") is not quoted back: 750
                # words pasted into `voice text` were read back in full
                # (tests/test_robust22_ramble.py); it is too much at once.
                len(text.split()) <= LONG_QUESTION_WORDS):
            # "what is the": the user stopped mid-sentence (tired, or let go
            # of the button); asked to finish, not told it is off the subject,
            # and not counted as a misunderstanding. Also when heard unsurely:
            # Whisper hears a short "how do I" with low confidence, and what
            # is quoted is what was heard. Before a "Did you mean" is asked
            # again: "how do I" said to it is a new question begun, not "I
            # didn't catch that" (found using `voice text`), when long
            # enough not to be a misheard "yes" ("is the").
            s.offered = []
            s.unfinished = heard_part(text)
            return self._reply(text, "no_match", phrases.only_heard(s.unfinished),
                               alternatives=result.candidates if result else [])
        if (s.offered and s.offer_repeats < OFFER_REPEATS and not long
                and (heard_nothing or len(text.split()) < OFFERED_NEW_QUESTION_WORDS)
                and not (typed and len(text.split()) >= OFFERED_HALF_WORDS
                         and is_question(text))):
            # Typed, "what time is it" is no "yes" misheard: a new question,
            # declined as any other (session 24, `voice text`: it was met
            # with "Sorry, I didn't catch that. Did you mean ...?").
            return self._offer_again(text)
        s.failures += 1
        s.offered = []
        if s.failures > FAILURES_BEFORE_TOPICS:
            s.failures = 0
            return self._topics(text, outcome="no_match", prefix=phrases.STILL_NOT_FOUND)
        suggestions = self._suggestions(result)
        say = phrases.not_understood(suggestions, heard_nothing, unclear,
                                     long=long or len(text.split()) > LONG_QUESTION_WORDS)
        say = phrases.not_understood_again(say, s.last_say)
        return self._reply(
            text, "no_match", say,
            alternatives=result.candidates if result else [],
        )

    def _offer_again(self, text: str) -> Reply:
        """ "Sorry, I didn't catch that. Did you mean ...?" once more."""
        s = self._s
        s.offer_repeats += 1
        return self._reply(
            text, "confirm", phrases.did_you_mean_again([e.title for e in s.offered]),
            match=s.offered[0], score=s.offer_score,
        )

    def _suggestions(self, result: MatchResult | None) -> list[str]:
        """Two or three topics to suggest: near misses first, then common questions."""
        titles: list[str] = []
        if result:
            near = (self._askable(c.entry) for c in result.candidates[:2] if c.score >= 25)
            titles = list(dict.fromkeys(q for q in near if q))
        for entry in self.kb.entries:
            if len(titles) >= 2:
                break
            if entry.kind == "faq" and entry.title not in titles:
                titles.append(entry.title)
        return titles[:2]

    def _askable(self, entry: Entry) -> str | None:
        """A question a user could ask to hear ``entry``, as an example: an
        FAQ's own title; for a section, the first of its "Also asked"
        questions this content answers with it ("Conclusion", "Introduction"
        or "Medication" said as "you can ask: Conclusion" told nobody what to
        say; session 24, `voice text`). None: the section is the article's
        frame (STRUCTURAL_TITLES) or none of its questions is answered with it."""
        if entry.kind == "faq":
            return entry.title
        if entry.title.strip().lower() in STRUCTURAL_TITLES:
            return None
        for asked in entry.phrasings:
            if asked.split()[0].lower() not in QUESTION_OPENERS:
                continue
            got = self.matcher.match(asked)
            if got.outcome == "answer" and got.entry is not None and got.entry.id == entry.id:
                return asked[0].upper() + asked[1:]
        return None

    # -- choosing by number -----------------------------------------------

    def _choose(self, text: str, choice: Choice) -> Reply:
        s = self._s
        if s.offered and not choice.led and 1 <= choice.number <= len(s.offered):
            # "Did you mean A; or B?" answered with "one" or "two".
            chosen = s.offered[choice.number - 1]
            return self._answer(text, chosen, others=[e for e in s.offered if e != chosen],
                                learned=self._learn(chosen))
        if (s.offered and not choice.led and not s.numbered
                and s.offer_repeats < OFFER_REPEATS):
            # "zero" or "3" to "Did you mean A; or B?": neither, so the offer
            # is asked again with how to answer it (before: "first say 'list
            # topics'", as if nothing had been asked).
            return self._offer_again(text)
        if choice.led or s.numbered:
            entries = self.kb.entries
            if 1 <= choice.number <= len(entries):
                return self._answer(text, entries[choice.number - 1])
            return self._reply(text, "no_match", phrases.no_such_topic(choice.number,
                                                                         len(entries)))
        # A bare number with nothing to choose from: perhaps a misheard
        # question, perhaps a choice too early. Either way, say how.
        return self._reply(text, "no_match", phrases.list_topics_first())

    # -- commands ---------------------------------------------------------

    def _command(self, text: str, command: str) -> Reply:
        s = self._s
        if command == "repeat":
            say = s.last_say or phrases.NOTHING_TO_REPEAT
            return self._reply(text, "command", say, command=command, stop_speaking=True)
        if command == "restart":
            return self._restart(text)
        if command in ("again_slower", "again_louder"):
            self._command(text, "slower" if command == "again_slower" else "louder")
            say = s.last_say or phrases.NOTHING_TO_REPEAT
            return self._reply(text, "command", say, command=command, stop_speaking=True)
        if command in ("slower", "faster"):
            step = -RATE_STEP if command == "slower" else RATE_STEP
            rate = int(_towards(s.settings.rate, step, RATE_MIN, RATE_MAX))
            changed = rate != s.settings.rate
            s.settings = replace(s.settings, rate=rate)
            say = phrases.rate_changed(command, changed)
            return self._reply(text, "command", say, command=command, remember=False)
        if command in ("louder", "quieter"):
            vstep = VOLUME_STEP if command == "louder" else -VOLUME_STEP
            volume = round(_towards(s.settings.volume, vstep, VOLUME_MIN, VOLUME_MAX), 2)
            changed = volume != s.settings.volume
            s.settings = replace(s.settings, volume=volume)
            say = phrases.volume_changed(command, changed)
            return self._reply(text, "command", say, command=command, remember=False)
        if command in ("usual_rate", "usual_volume", "usual_voice"):
            rate = self.usual.rate if command != "usual_volume" else s.settings.rate
            volume = self.usual.volume if command != "usual_rate" else s.settings.volume
            changed = (rate, volume) != (s.settings.rate, s.settings.volume)
            s.settings = replace(s.settings, rate=rate, volume=volume)
            say = phrases.usual_changed(command, changed)
            return self._reply(text, "command", say, command=command, remember=False)
        if command == "stop":
            self._set_aside()
            return self._reply(
                text, "command", phrases.STOPPED, command=command, stop_speaking=True,
                remember=False,
            )
        if command == "pause":
            self._set_aside()
            say = phrases.PAUSED_WITH_MORE if s.stopped_parts else phrases.PAUSED
            return self._reply(text, "command", say, command=command, stop_speaking=True,
                               remember=False)
        if command == "privacy":
            return self._reply(text, "command", phrases.PRIVACY, command=command,
                               stop_speaking=True)
        if command in ("yes", "second", "more"):
            return self._yes(text, command)
        if command == "forget":
            if not len(self.phrasings):
                return self._reply(text, "command", phrases.NOTHING_LEARNED, command=command)
            s.confirm_forget = True
            return self._reply(text, "command", phrases.confirm_forget(len(self.phrasings)),
                               command=command)
        if command in ("no", "wrong"):
            if command == "wrong" and s.answered_phrasing is not None:
                # The answer came from a phrasing the user taught: it was wrong.
                gone, s.answered_phrasing = s.answered_phrasing, None
                self.phrasings.forget(gone)
                s.pending_parts = []
                return self._reply(text, "command", phrases.forgot_phrasing(gone.words),
                                   command=command, stop_speaking=True, learned="removed")
            if command == "wrong" and s.offered and s.offered == [s.second_offered]:
                # "That's wrong" to "You also asked about X": the answer just
                # read was wrong, as after any answer (the runner-up is offered).
                s.offered, s.second_offered = [], None
            if s.offered:
                # Declining the offered second question is not a wrong guess;
                # nor is declining what was offered after a feeling, a worry
                # or "tell me more" (no words of theirs were guessed at):
                # "ask again in other words" told them they had asked wrongly.
                say = (phrases.WHAT_ELSE if s.offered == [s.second_offered]
                       or s.offered is s.kind_offered else phrases.ASK_AGAIN)
                s.offered, s.second_offered = [], None
                return self._reply(text, "command", say, command=command)
            if s.pending_parts and command == "no":
                # "Shall I go on?" "No.": the answer was right, just long enough.
                self._set_aside()
                reply = self._reply(text, "command", phrases.WHAT_ELSE, command=command)
                if s.second is not None:
                    # The second question of the line is still unanswered.
                    return self._offer_second(reply, "All right.")
                return reply
            if s.others:
                return self._wrong(text, command)
            if command == "wrong":
                s.pending_parts = []
                return self._reply(text, "command", phrases.SORRY_ASK_AGAIN, command=command,
                                   stop_speaking=True)
            return self._reply(text, "command", phrases.WHAT_ELSE, command=command)
        if command == "help":
            say = phrases.help_text(self._examples())
            if _asks_for_help(text):
                say = f"{phrases.URGENT_HELP_FIRST} {say}"
            return self._reply(text, "command", say, command=command, stop_speaking=True)
        if command == "topics":
            # "how many topics are there": the number first (session 25:
            # declined, "you can ask: ..." two titles).
            asked_how_many = clean(text).startswith("how many")
            return self._topics(text, prefix=phrases.topic_count(len(self.kb.entries))
                                if asked_how_many else "")
        if command == "back":
            if len(s.history) >= 2:
                s.history.pop()
                previous = s.history.pop()
                return self._answer(text, previous)
            return self._reply(text, "command", phrases.NOTHING_BEFORE, command=command)
        if command == "sleep":
            s.asleep = True
            s.pending_parts, s.offered = [], []
            return self._reply(text, "command", phrases.SLEEP, command=command,
                               stop_speaking=True)
        if command == "wake":
            return self._reply(text, "command", phrases.ALREADY_AWAKE, command=command)
        if command == "greet":
            return self._reply(text, "command", phrases.GREETING, command=command)
        if command == "thanks":
            return self._reply(text, "command", phrases.WELCOME, command=command)
        if command == "exit":
            return self._reply(text, "command", phrases.EXIT, command="exit", exit=True,
                               stop_speaking=True)
        if command == "about":
            return self._reply(text, "command", phrases.ABOUT_ME, command=command)
        if command == "source":
            return self._reply(text, "command", phrases.SOURCE, command=command)
        if command == "never_mind":
            # Let drop: the offer and the "Shall I go on?" with it ("go on"
            # still reads the rest), not counted as a misunderstanding.
            self._set_aside()
            s.offered, s.second, s.failures = [], None, 0
            return self._reply(text, "command", phrases.NEVER_MIND, command=command,
                               stop_speaking=True, remember=False)
        if command == "simpler":
            say = phrases.SIMPLER if s.history else phrases.NOTHING_READ_YET
            return self._reply(text, "command", say, command=command, stop_speaking=True)
        if command == "call":
            return self._reply(text, "command", phrases.CANNOT_CALL, command=command,
                               stop_speaking=True)
        raise ValueError(f"unhandled command {command}")

    def _restart(self, text: str) -> Reply:
        """"Start again": what was being read, from its first part."""
        s = self._s
        if s.pending_entry is None and s.numbered:
            return self._topics(text)
        if s.history:
            others = s.others
            return self._answer(text, s.history.pop(), others=others)
        return self._reply(text, "command", phrases.NOTHING_TO_REPEAT, command="restart")

    def _wrong(self, text: str, command: str) -> Reply:
        """The answer just given was not what was asked: offer the runner-up."""
        s = self._s
        s.offered, s.others, s.pending_parts = s.others, [], []
        s.offer_repeats, s.offer_score = 0, 0.0
        # If the runner-up is what was meant, the question's words mean it.
        s.offer_words, s.answer_words = s.answer_words, ""
        titles = [e.title for e in s.offered]
        return self._reply(
            text, "confirm", f"{phrases.SORRY} {phrases.did_you_mean(titles)}",
            match=s.offered[0], command=command, stop_speaking=True,
        )

    def _set_aside(self) -> None:
        """Stopped: the unread parts are kept for a later "go on"."""
        s = self._s
        if s.pending_parts:
            s.stopped_parts = s.pending_parts
        s.pending_parts = []

    def _yes(self, text: str, command: str) -> Reply:
        s = self._s
        if s.offered:
            index = 1 if command == "second" else 0
            if index < len(s.offered):
                chosen = s.offered[index]
                return self._answer(text, chosen, others=[e for e in s.offered if e != chosen],
                                    learned=self._learn(chosen))
        if command == "more" and not s.pending_parts and s.stopped_parts:
            s.pending_parts, s.stopped_parts = s.stopped_parts, []
        if s.pending_parts:
            chunk = s.pending_parts.pop(0)
            say = f"{chunk} {s.pending_prompt}" if s.pending_parts else chunk
            entry = s.pending_entry
            reply = self._reply(
                text, "answer" if entry else "command", say, match=entry,
                answer=entry.answer if entry else None, score=100.0 if entry else 0.0,
                command=None if entry else command, more=bool(s.pending_parts),
            )
            if entry is not None and not s.pending_parts and s.second is not None:
                return self._offer_second(reply)
            return reply
        if command == "more" and s.others and s.history:
            # "Tell me more" after the whole answer: the nearest other entry
            # is offered, not "That's all" (it never read unasked).
            s.offered, s.others = s.others, []
            s.kind_offered = s.offered
            s.offer_repeats, s.offer_score, s.offer_words = 0, 0.0, ""
            titles = [e.title for e in s.offered]
            return self._reply(
                text, "confirm", f"{phrases.ALL_ON_THAT} {phrases.would_you_like(titles)}",
                match=s.offered[0], command=command,
            )
        if command == "more" and not s.history:
            return self._reply(text, "command", phrases.NOTHING_READ_YET, command=command)
        if command == "more":
            # Not remembered: "go on" once too often, then "repeat", said
            # "That's all I have on that" again instead of the answer's last
            # part (found using voice text).
            return self._reply(text, "command", phrases.NO_MORE, command=command,
                               remember=False)
        return self._reply(text, "command", phrases.WHAT_ELSE, command=command)

    def _topics(self, text: str, outcome: str = "command", prefix: str = "") -> Reply:
        s = self._s
        titles = [e.title for e in self.kb.entries]
        starts = range(0, len(titles), TOPICS_PER_PART)
        spoken = [phrases.topic_list(titles[i : i + TOPICS_PER_PART], i + 1) for i in starts]
        spoken[-1] = f"{spoken[-1]} {phrases.CHOOSE_BY_NUMBER}"
        s.pending_parts, s.pending_entry = spoken[1:], None
        s.stopped_parts = []
        s.pending_prompt = phrases.MORE_TOPICS
        s.offered = []
        s.numbered = True
        say = f"{prefix} {phrases.TOPICS_INTRO} {spoken[0]}".strip()
        if s.pending_parts:
            say = f"{say} {phrases.MORE_TOPICS}"
        return self._reply(
            text, "no_match" if outcome == "no_match" else "command", say,
            command=None if outcome == "no_match" else "topics", more=bool(s.pending_parts),
        )

    def _examples(self) -> list[str]:
        return [e.title for e in self.kb.entries if e.kind == "faq"][:2] or [
            e.title for e in self.kb.entries[:2]
        ]

    # -- building replies -------------------------------------------------

    def _reply(self, text: str, outcome: str, say: str, *, remember: bool = True,
               **fields: object) -> Reply:
        if remember and say:
            self._s.last_say = say
        reply = Reply(
            input=text, outcome=outcome, say=say,  # type: ignore[arg-type]
            settings=self._s.settings, asleep=self._s.asleep, **fields,  # type: ignore[arg-type]
        )
        return reply
