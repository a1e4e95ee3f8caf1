"""Everything the assistant says in its own words (not content).

Every message names the way forward, because the user may not see a screen.
"""

from __future__ import annotations

DISCLAIMER = "Here is some general health information, not medical advice."
EMERGENCY = (
    "This sounds like it could be an emergency. Please call your local emergency number "
    "now, such as 911, 112 or 999, or ask someone near you to call. "
    "I can only give general information."
)
#: Said first to a question about the conditions in general that holds an
#: emergency's words ("can MS cause chest pain"): the question is then
#: answered (voice/matching/emergency_in_general.py).
IF_HAPPENING_NOW = ("If this is happening to someone now, please call your local emergency "
                    "number, such as 911, 112 or 999.")
GO_ON = "Shall I go on?"
CHOOSE_BY_NUMBER = "Say a topic's number to hear it, or ask me a question."
MORE_TOPICS = "Say a topic's number to hear it, or say 'more' for more topics."
TOPICS_INTRO = "You can ask me about:"
STILL_NOT_FOUND = "I'm sorry, I still couldn't find an answer."
NOTHING_TO_REPEAT = "I haven't said anything yet. Ask me a question, or say 'help'."
STOPPED = "Stopped."
#: Said when an answer was stopped by a "stop" whose full decode also read as
#: an emergency, on the emergency prompt's decode alone
#: (voice/audio/barge_in.py STOP_OR_EMERGENCY): not the whole advice to
#: someone who said "stop", but the one word that gets it at once.
STOPPED_MAYBE_EMERGENCY = "Stopped. If you need emergency help, say 'emergency'."
_IN_OTHER_WORDS = "Please ask again in other words, or say 'list topics'."
ASK_AGAIN = f"All right. {_IN_OTHER_WORDS}"
SORRY = "Sorry about that."
SORRY_ASK_AGAIN = f"{SORRY} {_IN_OTHER_WORDS}"
DIDNT_CATCH = "Sorry, I didn't catch that."
#: Said to "maybe" or "I don't know" after an offer (yes_no.unsure).
THAT_IS_ALL_RIGHT = "That's all right."
#: ... to "Shall I go on?".
GO_ON_OR_ASK = "Say 'go on' to hear the rest, or ask me something else."
#: Answering one line failed in a way no rule foresaw (a bug): said instead of
#: the program ending with a traceback, which left a hands-free user in silence
#: with the assistant gone (voice/turn_failure.py).
TURN_FAILED = ("Sorry, something went wrong on my side with that question. "
               "Please ask it again, perhaps in other words, or say 'help'.")
WHAT_ELSE = "All right. What else would you like to know?"
#: "Never mind": nothing more is asked of a user who let it drop.
NEVER_MIND = "All right. Ask me whenever you're ready."
#: "What does that mean?" of an answer: it can only read what the content says.
SIMPLER = ("I'm sorry, I can only read it as it is written. Say 'repeat slower' to hear it "
           "again more slowly, or ask your doctor or nurse to explain it.")
#: "Is there a shorter version?": it cannot shorten, but it reads a part at
#: a time and can be stopped.
SHORTER = ("I'm sorry, I can only read it as it is written, but I read it a part at a time. "
           "Say 'stop' when you have heard enough, or 'go on' for the next part.")
NO_MORE = "That's all I have on that. What else would you like to know?"
#: "Go on" before any answer (right after "help", say): "That's all I have
#: on that" spoke of an answer never given.
#: "What did I ask?" before any question (voice/conversation/what_heard.py).
NOTHING_ASKED_YET = "You haven't asked me anything yet. Ask me a question, or say 'help'."
#: A tired user asking to stop (voice/conversation/resting.py): kind, short,
#: then quiet as after "go to sleep".
REST = "Of course. Rest well. I'll stay quiet now. Say 'wake up' when you need me."
NOTHING_READ_YET = "I haven't read you an answer yet. Ask me a question, or say 'list topics'."
#: "Tell me more" after a whole answer, with a near entry to offer.
ALL_ON_THAT = "That's all I have on that."
NOTHING_BEFORE = "There is no earlier answer to go back to. Ask me a question."
SLEEP = "Goodbye. I'll stay quiet now. Say 'wake up' when you need me."
#: A lone "bye" heard (voice/conversation/sleep_confirm.py): Whisper also
#: writes it for "hi ai". Yes sleeps; anything else is heard as usual.
CONFIRM_SLEEP = ("Did you say goodbye? Say yes and I'll stay quiet, "
                 "or ask me a question.")
STILL_LISTENING = "All right, I'm still listening. What would you like to know?"
WAKE = "I'm listening. What would you like to know?"
ALREADY_AWAKE = "I'm here and listening. What would you like to know?"
#: "Hello" from a first-time user who does not know what to ask: the way
#: to find out is named (session 10).
GREETING = ("Hello. Ask me a question about chronic spasms or neuromuscular disorders, "
            "or say 'help' to hear what you can ask.")
WELCOME = "You're welcome. Ask me anything else, or say 'goodbye'."
#: Said to a "yes", "okay" or "thanks" with nothing waiting, or to a command
#: with nothing to act on ("go back" before a second answer): they carry
#: nothing to hear again, so "repeat" after them says the answer before
#: them ("ok", then "repeat" said "All right. What else would you like to
#: know?" again; "go back", then "what was that again" said "There is no
#: earlier answer to go back to"; found typing in session 45).
#: "Great", "that helps" after an answer (small_turns.py): said so, and the
#: way forward, not the long decline (session 46, typed).
GLAD_IT_HELPED = "Glad that helped. Ask me another question whenever you like."
#: "I'll ask my doctor", "worth a try" (small_turns.py).
GOOD_PLAN = "That sounds like a good idea. Ask me another question whenever you like."
#: "Hmm", "I see", "got it" after an answer (small_turns.py).
ASK_ANOTHER = "All right. Ask me another question whenever you like."
#: "Great", "hmm" before any answer (small_turns.py).
ASK_WHENEVER = ("All right. Ask me a question whenever you like, or say 'help' to hear "
                "what you can ask.")
#: "Sorry, I'm slow", "sorry about that" (small_turns.py).
NO_RUSH = "That's all right, take your time. I'm listening."
#: "My carer is typing for me" (small_turns.py): nothing asked yet.
TYPING_FOR = "Thank you for telling me. Ask me a question whenever you're ready."
NOT_REPEATED = frozenset({WHAT_ELSE, WELCOME, NOTHING_BEFORE, NOTHING_READ_YET,
                          NOTHING_TO_REPEAT, GLAD_IT_HELPED, ASK_ANOTHER, ASK_WHENEVER,
                          NO_RUSH, TYPING_FOR, GOOD_PLAN})
EXIT = "Goodbye."
CANNOT_CALL = (
    "I can't make phone calls. If you need help now, please call your local emergency "
    "number, such as 911, 112 or 999, or ask someone near you to call for you."
)
#: Asked the time, the date or the weather (small_turns.py): declined
#: plainly before, as a question off the subject (session 46, typed).
CANNOT_TELL_TIME = (
    "I can't tell you the time, the date or the weather: I only read out health information "
    "about chronic spasms and neuromuscular disorders. What would you like to know?"
)
#: Asked to set a reminder or an alarm (commands._REMIND): it has no clock.
CANNOT_REMIND = (
    "I can't set reminders or alarms. A phone, a pill box with an alarm, or someone you "
    "trust can remind you. What would you like to know?"
)
ABOUT_ME = (
    "I'm not a doctor or a nurse. I read out general health information about chronic "
    "spasms and neuromuscular disorders; it is not medical advice. For advice about your "
    "own health, please ask your doctor or nurse. What would you like to know?"
)
#: Asked where its answers come from ("can I trust you?"): true whatever the
#: content folder holds, since every answer is an entry's own text read as
#: written (voice/content) and nothing is looked up at run time.
SOURCE = (
    "I read out, word for word, the health information stored on this device: an article "
    "on chronic spasms and neuromuscular disorders, and anything your caregiver or clinic "
    "added. I don't search the internet and I don't make up answers, and what I know may "
    "not include the newest research. It is general "
    "information, not medical advice: for advice about your own health, please ask your "
    "doctor or nurse. What would you like to know?"
)
#: "Wait", "hold on": quiet, and how to go on (a tired user asking for a moment).
PAUSED_WITH_MORE = "All right, I'll wait. Say 'go on' when you're ready for the rest."
PAUSED = "All right, I'll wait. Ask me when you're ready."
#: Asked what it keeps ("what do you keep about me?", "are you recording
#: me?"). Must stay true to voice/privacy.py's KEPT (tests/test_journeys9_privacy.py):
#: the recordings are kept only while PocketSphinx learns the voice, hence "may".
PRIVACY = (
    "Everything stays on this device: nothing you say or type is sent anywhere. To get "
    "used to your voice I may keep the last 60 questions you asked aloud, as sound and "
    "words; 'voice adapt --reset' deletes them. I also keep the ways of asking that you "
    "confirmed with a yes, which you can delete by saying 'forget what you learned', and "
    "the speech rate, volume, voice and pause you chose. Only if a caregiver turned on the "
    "question log are your questions' words kept, for 30 days. What would you like to know?"
)


#: Asked whether it needs the internet ("do you work without internet").
#: True at run time: tests/test_whisper_cli.py holds a spoken answer to no socket.
OFFLINE = (
    "I don't need the internet: I hear you, find the answer and speak on this device, and "
    "nothing you say or type is sent anywhere. What would you like to know?"
)


def join_or(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + ", or " + items[-1]


def _spoken_title(title: str) -> str:
    return title.rstrip("?.!")


def topic_count(n: int) -> str:
    """Said before the list to "how many topics are there"."""
    return f"I know about {n} topic{'s' if n != 1 else ''}."


def did_you_mean(titles: list[str]) -> str:
    if len(titles) == 1:
        return f"Did you mean: {_spoken_title(titles[0])}? Please say yes or no."
    return (
        f"Did you mean: {_spoken_title(titles[0])}; or: {_spoken_title(titles[1])}? "
        "Say 'the first one', 'the second one', or no."
    )


#: After an offer made to a question that broke off on "and", "or",
#: "because"...: the rest can still be said (it is joined to the words heard).
OR_SAY_THE_REST = "Or say the rest of your question."


def did_you_mean_again(titles: list[str]) -> str:
    return f"{DIDNT_CATCH} {did_you_mean(titles)}"


# -- someone saying how they feel (voice/conversation/feelings.py) ------------
#: Said to a line of distress ("I can't go on", "I feel hopeless") before anything else.
DISTRESS = ("I'm so sorry you're feeling like this. You don't have to face it alone: please "
            "tell someone you trust how you feel, or your doctor or nurse. If you might harm "
            "yourself, call your local emergency number now, such as 911, 112 or 999.")
SORRY_TO_HEAR = "I'm sorry to hear that."
THANKS_FOR_TELLING = "Thank you for telling me how you feel."
GLAD = "I'm glad to hear that. What would you like to know?"
#: Said after a feeling when no entry fits it.
FEELING_WAY_FORWARD = ("I can read you general information about living with these "
                       "conditions, and about coping. Say 'list topics' to hear what I know, "
                       "or ask me a question.")


# -- a fear about one's own future (voice/conversation/worries.py) -----------
#: Said to "will I die from this", "is it fatal", "will it get worse": the
#: content is general information and cannot tell one person their future,
#: so no claim about it is made, only who can talk it through.
WORRY = ("That's a hard thing to be wondering about. I can't tell what will happen to you: "
         "I only have general health information. Your doctor or nurse can talk it "
         "through with you.")
#: The same, said of someone else ("is there still hope for my son", "how long
#: has he got"): "what will happen to you" spoke to the wrong person
#: (session 34, `voice ask`).
WORRY_OTHER = ("That's a hard thing to be wondering about. I can't tell what will happen to "
               "anyone in particular: I only have general health information. Their doctor "
               "or nurse can talk it through with you.")
#: Said to "is it contagious", "can I catch it from my wife": the content
#: does not say, so no claim is made either way; it was declined with "I
#: don't have an answer for that" (session 10).
WORRY_CONTAGION = ("That's an understandable thing to ask. What I know doesn't say whether it "
                   "can pass from one person to another, so please ask your doctor or nurse.")


#: Said to "my son has spasms at night, what helps" (conversation/at_night.py)
#: before the entries on what helps spasms are offered.
#: Said to "how can I stop my legs jumping" when nothing matched
#: (conversation/at_night.py): the entries on what helps spasms follow.
SPASM_HELPS = ("What I know doesn't put it in those words, but it does say what helps "
               "spasms.")
AT_NIGHT = ("Spasms at night are hard to live with. What I know doesn't say what helps at "
            "night in particular, but it does say what helps spasms.")

#: A spasm happening now (voice/conversation/right_now.py): the content has
#: no first aid, so when to get help at once comes first.
RIGHT_NOW = ("I'm sorry, that sounds hard. If it is very severe, does not ease, or comes with "
             "trouble breathing or swallowing, call your local emergency number now. What I "
             "know has no first aid for a spasm, but it does say what helps spasms.")


#: A fall asked about or told (voice/conversation/falls.py): the content has
#: no entry on falls, so when to get help comes first.
FALLS_SAFETY = ("Falls can be serious. If someone has fallen and is hurt, has hit their head, "
                "or can't get up, call your local emergency number now, such as 911, 112 or "
                "999.")
FALLS = (f"{FALLS_SAFETY} What I know doesn't cover falls themselves, but it does say what "
         "helps with walking and strength.")


#: A diagnosis told, nothing asked (on_behalf.diagnosis_told): news met
#: kindly, then what helps offered (kind_offers.DIAGNOSIS_OFFERS).
DIAGNOSIS_NEWS = ("I'm sorry to hear that. A new diagnosis is a lot to take in. I have general "
                  "information about these conditions, how they are treated, and coping with "
                  "them, for the person and for carers.")
DIAGNOSIS_TOLD = ("Thank you for telling me. I have general information about these "
                  "conditions, how they are treated, and coping with them, for the person and "
                  "for carers.")


#: A spasm told in everyday words (voice/conversation/spasm_told.py): the
#: content cannot say what it is for them, but says what spasms are.
SPASM_TOLD = ("Muscles that jump, twitch, lock or curl up by themselves can be spasms, though I "
              "can't judge symptoms; please tell the doctor or nurse. What I know does say "
              "what spasms are and what helps them.")
#: The same, for stiffness told ("she gets really stiff in the mornings").
STIFF_TOLD = ("Stiff muscles can come with spasms and these conditions, though I can't judge "
              "symptoms; please tell the doctor or nurse. What I know does say what spasms "
              "are and what helps them.")


#: Trouble with the hands in everyday tasks (voice/conversation/hands.py):
#: the content says these conditions make fine motor skills hard (Impact on
#: Daily Life), and has no entry on aids for the hands.
#: A carer asking how to help the person they look after
#: (voice/conversation/helping_someone.py).
HELPING = ("Being there for someone with these conditions matters a great deal. What I know "
           "has a part on coping, for the person and for those who care for them.")
#: Someone the user cares for told as low (voice/conversation/someone_low.py):
#: the kind word, who can help, and the emergency advice in case they speak
#: of harming themselves, before the coping entry is offered.
SOMEONE_LOW = ("It's hard to see someone you care for struggling like this. Their doctor or "
               "nurse can help, so do tell them. If they talk of harming themselves, call your "
               "local emergency number now, such as 911, 112 or 999. What I know has a part on "
               "coping, for the person and for those who care for them.")
HANDS = ("Many people with these conditions find tasks with their hands hard. What I know "
         "doesn't cover aids for the hands; an occupational therapist can suggest ones that "
         "help. It does say how these conditions affect everyday tasks, and what therapy "
         "helps.")


#: A worrying sign told as it is seen (voice/conversation/seen_now.py): the
#: content cannot judge a symptom, so when to get help comes first.
SEEN_NOW = ("I can't judge symptoms. If this came on suddenly, is getting worse, or comes with "
            "trouble breathing or swallowing, call your local emergency number now, such as "
            "911, 112 or 999. Otherwise, please tell the doctor or nurse soon.")


#: Asked whether someone's condition is the asker's fault (worries.py,
#: ``_BLAME``): the content names genes, nerve damage and the immune system
#: among many causes, and nothing a relative did.
WORRY_BLAME = ("Many parents and families ask this, and it's a heavy thing to carry. What I "
               "know says these conditions come from many things, such as genes, nerve damage "
               "and the immune system; it says nothing of anyone being to blame. Their doctor "
               "can talk it through with you.")


def worry_words(kind: str, of_other: bool = False) -> str:
    """The kind word for a worry of ``kind`` (voice/conversation/worries.py),
    ``of_other``: about someone else's future, not the speaker's."""
    if kind == "contagion":
        return WORRY_CONTAGION
    if kind == "blame":
        return WORRY_BLAME
    return WORRY_OTHER if of_other else WORRY


#: Asked what to do with one's own medicines ("should I stop taking my
#: baclofen", voice/conversation/own_medicine.py): only a prescriber can
#: say, and taking too much is an emergency.
#: Asked to change the wake phrase (commands.asks_to_change_the_wake_phrase).
WAKE_PHRASE_SET = ("I can't change my wake phrase by voice. It can be changed on the "
                   "caregiver's page, or in my settings file, by you or whoever looks after "
                   "this device.")
#: A medicine prescribed, or about to be, told (own_medicine.told_prescribed).
PRESCRIBED = ("Your doctor, nurse or pharmacist is the one to ask about a medicine you are "
              "given: how to take it, and what to look out for. The leaflet that comes with it "
              "says so too.")
OWN_MEDICINE = ("I can't advise anyone on their own medicines. Please don't start, stop or "
                "change a medicine, or its dose, without asking your doctor, nurse or "
                "pharmacist first. If someone has taken too much, or feels very unwell, call "
                "your local emergency number now.")
def read_already(title: str, sentence: str | None, nothing_more: bool) -> str:
    """Another question answered by the section just read ("what is ms",
    then "what is als"): said so, with ``sentence``, the one of it naming
    what was asked; read again only on "yes"."""
    said = f" On that it says: {sentence}" if sentence else ""
    more = " I have nothing more on it." if sentence and nothing_more else ""
    return (f"That's in the part I just read, {_spoken_title(title)}.{said}{more} "
            "Shall I read it again? Please say yes or no.")


def same_for_another(title: str, named: str) -> str:
    """The question before, asked again of the condition ``named`` ("can ms
    be cured", then "what about als"), answered by the section just read:
    said so, read again only on "yes"."""
    # Letters said as letters: "what about als" is answered of "ALS".
    name = named.upper() if len(named) <= 3 else named
    # Not "it speaks of them together": a caregiver's own entry may not.
    return (f"For {name}, what I have is the part I just read, {_spoken_title(title)}. "
            "Shall I read it again? Please say yes or no.")


#: Said to "how long does diagnosis take" when the entry offered names no
#: span of time (voice/conversation/how_long.py).
NO_TIMES = "What I know doesn't say how long that takes."
#: Said to "how do I take my pills" (own_medicine.asks_how_to_take).
HOW_TO_TAKE = ("I can't say how anyone should take their own medicines: the label and the "
               "leaflet say how and when, and your pharmacist, doctor or nurse can go through "
               "it with you. If someone has taken too much, or feels very unwell, call your "
               "local emergency number now.")
#: Said after WORRY when no entry can be offered.
WORRY_WAY_FORWARD = "Say 'list topics' to hear what I know, or ask me a question."
#: "What else can help?" after an answer (what_else_helps.py): the others.
ELSE_HELPS = "What I know also says what helps in other ways."
ALL_HELPS_READ = "I've read you everything I know about what helps."
#: "Is it safe?" after an answer (is_it_safe.py).
IF_SAFE = ("What I know doesn't say what is safe for you. Your doctor, nurse or pharmacist can "
           "tell you; they know you and your medicines.")


#: Feeling words said back as "you're feeling ...": "I feel useless" was met
#: with "I'm sorry you're useless.", "I feel bad" with "I'm sorry you're
#: bad." (session 33, found through people's questions to iCliniq and
#: Question Doctors): said of a person, these judge them.
SAY_FEELING = frozenset(
    "bad awful terrible horrible dreadful rubbish useless helpless weak guilty ashamed "
    "lost "
    # "I'm sorry you're down." / "you're low." (session 33, typed): not how
    # anyone says it.
    "down low "
    # "I'm sorry you're alone." (session 34, `voice ask` "I feel alone"): it
    # is the feeling the person told, not a fact about them.
    "alone isolated worthless trapped".split())


def sorry_you_are(word: str) -> str:
    """"I'm sorry you're tired.", "I'm sorry you're feeling bad."; ``word``
    "" for none said."""
    if not word:
        return SORRY_TO_HEAR
    return f"I'm sorry you're feeling {word}." if word in SAY_FEELING else \
        f"I'm sorry you're {word}."


def also_asked(title: str) -> str:
    """The second question of a line, matched on its own: offered at the end
    of the answer to the first, never read unasked."""
    return f"You also asked about {_spoken_title(title)}: say yes to hear it."


def would_you_like(titles: list[str]) -> str:
    """An entry offered after a feeling: asked as an offer, answered as
    "Did you mean ...?" is (yes, no, the first one, the second one)."""
    if len(titles) == 1:
        return f"Would you like to hear about: {_spoken_title(titles[0])}? Please say yes or no."
    return (
        f"Would you like to hear about: {_spoken_title(titles[0])}; or: "
        f"{_spoken_title(titles[1])}? Say 'the first one', 'the second one', or no."
    )


#: Declining a line clearly in another language (conversation/language.py).
ONLY_ENGLISH = ("Sorry, I only understand English. Please ask your question in English, "
                "or say 'help' to hear what you can ask.")


#: A line that breaks off mid-sentence ("what is the", conversation/unfinished.py):
#: a user who tired, or let go of the button, is asked to finish it, not told
#: the question was off the subject.
def only_heard(words: str) -> str:
    return f"I only heard '{words}'. What would you like to know about?"


#: No answer to a long question: several things asked at once, or a story
#: around the question. "I don't have an answer for that in what I know"
#: told a caregiver asking about cramps, diet and exercise in one breath
#: that none of it was covered.
NOT_FOLLOWED = ("Sorry, I couldn't follow all of that. Please ask one thing at a time, in a "
                "few words, or say 'help'.")
TOO_MUCH_AT_ONCE = ("Sorry, I couldn't find one answer to all of that. Please ask one thing "
                    "at a time, in a few words.")


def not_understood(suggestions: list[str], heard_nothing: bool, unclear: bool = False,
                   long: bool = False) -> str:
    """No answer found. ``unclear``: the words were heard unsurely, so the
    question may well be one we answer; saying it is off our subject would
    tell a user who asked about their spasms that they had not."""
    if heard_nothing and long:
        # A long stretch of speech with no words made out of it: "say it
        # again" would bring the same again.
        return NOT_FOLLOWED
    if heard_nothing:
        return f"{DIDNT_CATCH} Please say it again, or say 'help'."
    head = (
        "Sorry, I didn't catch that clearly. Please ask again in a few words."
        if unclear else TOO_MUCH_AT_ONCE if long else
        # Not "I can only answer questions about ...": a question about a
        # neuromuscular disorder the content does not cover ("the outlook for
        # ALS", "muscular dystrophy") is declined too, and must not be told it
        # was off the subject.
        "Sorry, I don't have an answer for that in what I know. I can answer "
        "questions about chronic spasms and neuromuscular disorders that my "
        "article covers."
    )
    if not suggestions:
        return f"{head} Say 'help' to hear what you can ask."
    examples = join_or([_spoken_title(t) for t in suggestions])
    return f"{head} For example, you can ask: {examples}. Or say 'list topics'."


#: The same "no answer" twice running (session 10: "what's the weather",
#: then "play some music"): the second time without the examples just
#: heard: 17 words instead of 51 (about 7 s instead of 20 at 150 a minute).
NO_ANSWER_AGAIN = ("Sorry, I don't have an answer for that either. Say 'list topics' to hear "
                   "what I know.")
UNCLEAR_AGAIN = ("Sorry, I still didn't catch that clearly. Please try again in a few words, "
                 "or say 'list topics'.")
#: How the two replies above begin when said in full.
_NO_ANSWER_HEAD = "Sorry, I don't have an answer for that in what I know."
_UNCLEAR_HEAD = "Sorry, I didn't catch that clearly."


def not_understood_again(say: str, before: str) -> str:
    """``say``, or its short form when ``before`` (the reply just said)
    began the same way: the examples and the way forward were just heard."""
    for head, short in ((_NO_ANSWER_HEAD, NO_ANSWER_AGAIN), (_UNCLEAR_HEAD, UNCLEAR_AGAIN)):
        if say.startswith(head) and before.startswith(head):
            return short
    return say


def topic_list(titles: list[str], first: int = 1) -> str:
    """``titles`` with their numbers, counting from ``first``: "1, Introduction; 2, ..."."""
    return "; ".join(f"{n}, {_spoken_title(t)}" for n, t in enumerate(titles, first)) + "."


def list_topics_first() -> str:
    return ("To choose a topic by its number, first say 'list topics', and I will read "
            "them with their numbers.")


def no_such_topic(number: int, count: int) -> str:
    return (f"There is no topic {number}. The topics go from 1 to {count}. "
            "Say a number in that range, or say 'list topics'.")


#: Said first when "help" is asked for as a person would ("I need help",
#: "help me", "I need help now"): those got only the list of commands, and
#: someone in trouble who does not use an emergency word must hear first
#: where to get help.
URGENT_HELP_FIRST = ("If you need help urgently, please call your local emergency number, "
                     "such as 911, 112 or 999, or ask someone near you.")


def help_text(examples: list[str]) -> str:
    ask = join_or([_spoken_title(t) for t in examples])
    return (
        "Ask me a question about chronic spasms and neuromuscular disorders, for example: "
        f"{ask}. You can also say: repeat, start again, slower, faster, louder, quieter, stop, "
        "more, that is wrong, go back, give me more time, use a different voice, list topics, "
        "next topic, or goodbye."
    )


#: After a change of rate or volume, and at their limits, the way forward:
#: "This is as loud as I can speak." alone left a user who said "louder"
#: four times with nothing to say next.
_HEAR_AGAIN = "Say 'repeat' to hear that again."
_AT_LIMIT = "Say 'repeat' to hear my last answer, or ask me a question."


def rate_changed(command: str, changed: bool) -> str:
    if not changed:
        return ("This is the slowest I can speak. " if command == "slower"
                else "This is the fastest I can speak. ") + _AT_LIMIT
    return ("All right, I'll speak more slowly. Say 'repeat' to hear that again."
            if command == "slower"
            else "All right, I'll speak faster. Say 'repeat' to hear that again.")


def volume_changed(command: str, changed: bool) -> str:
    if not changed:
        return ("This is as loud as I can speak. " if command == "louder"
                else "This is as quiet as I can speak. ") + _AT_LIMIT
    return ("All right, I'll speak louder. " if command == "louder"
            else "All right, I'll speak more quietly. ") + _HEAR_AGAIN



def usual_changed(command: str, changed: bool) -> str:
    """"Normal speed", "normal volume", "back to normal"."""
    what = {"usual_rate": "speed", "usual_volume": "volume"}.get(command,
                                                                 "voice, speed and volume")
    if not changed:
        return f"This is already my usual {what}. " + _AT_LIMIT
    return f"All right, back to my usual {what}. " + _HEAR_AGAIN

def voice_changed(command: str, changed: bool) -> str:
    """"Use a different voice", "use a woman's voice" (voice_choice.py)."""
    what = {"voice_female": "a woman's voice", "voice_male": "a man's voice"}.get(
        command, "a different voice")
    if not changed:
        return (f"I'm already using {what}. Say 'use a different voice' for another, or "
                "'back to normal' for my usual one.")
    return (f"All right, this is {what}. Say 'use a different voice' to change it again, or "
            "'back to normal' for my usual one.")


#: "Next topic" / "previous topic" (voice/conversation/next_topic.py).
NO_TOPIC_READ = ("I haven't read a topic yet. Say 'list topics' to hear them with their "
                 "numbers, or ask me a question.")
LAST_TOPIC = ("That was the last topic. Say 'previous topic' to go back, 'list topics' to hear "
              "them all, or ask me a question.")
FIRST_TOPIC = ("That was the first topic. Say 'next topic' to go on, 'list topics' to hear "
               "them all, or ask me a question.")


def topic_named(number: int, title: str) -> str:
    return f"Topic {number}, {title}."


def several_changed(how: list[str], others: list[str], waits: list[str]) -> str:
    """Several changes asked in one line ("slower and louder",
    voice/conversation/several_commands.py): the changes made in one
    sentence ("All right, I'll speak more slowly and louder."), then each
    other line without its way forward, then one way forward at the end."""
    lines = []
    if how:
        joined = how[0] if len(how) == 1 else ", ".join(how[:-1]) + " and " + how[-1]
        lines.append(f"All right, I'll speak {joined}.")
    tails = (_HEAR_AGAIN, _AT_LIMIT)
    for line in others:
        for tail in tails:
            line = line.removesuffix(tail)
        lines.append(line.strip())
    changed = bool(how) or any(line.startswith("All right") for line in others)
    if waits:
        # One "All right" is enough: "All right, I'll speak more slowly.
        # I'll wait longer for you: ..."
        for wait in waits:
            if lines and wait.startswith("All right, "):
                wait = wait.removeprefix("All right, ")
                wait = wait[0].upper() + wait[1:]
            lines.append(wait)
    else:
        lines.append(_HEAR_AGAIN if changed else _AT_LIMIT)
    return " ".join(lines)


def _seconds(value: float) -> str:
    whole = int(value) if float(value).is_integer() else value
    return f"{whole} second" + ("" if whole == 1 else "s")


def wait_changed(command: str, changed: bool, wait: float) -> str:
    """"Give me more time" (wait_longer), "don't wait so long" (wait_less).
    A user who was cut off has lost the question: each says to ask again."""
    quiet = f"{_seconds(wait)} of quiet"
    if command == "wait_longer":
        if not changed:
            return f"This is the longest I wait: {quiet} ends a question. Please ask it again."
        return (f"All right, I'll wait longer for you: {quiet} now ends a question. "
                "Please ask it again.")
    if not changed:
        return f"This is the shortest I wait: {quiet} ends a question. What would you like to know?"
    return (f"All right, I'll answer sooner: {quiet} now ends a question. "
            "Say 'give me more time' if I cut you off.")


# -- the user's own ways of asking (voice/conversation/personal.py) -----------
NOTHING_LEARNED = "I haven't learned any of your ways of asking yet. What would you like to know?"
KEPT_LEARNED = "All right, I'll keep them. What would you like to know?"
FORGOT_ALL = "Done. I've forgotten every way of asking you taught me."


def forgot_phrasing(words: str) -> str:
    return (f"{SORRY} I won't take '{words}' to mean that again. "
            f"{_IN_OTHER_WORDS}")


def confirm_forget(count: int) -> str:
    what = "one way of asking" if count == 1 else f"{count} ways of asking"
    return (f"You taught me {what}. Shall I forget them all? "
            "Say yes to forget, or no to keep them.")
