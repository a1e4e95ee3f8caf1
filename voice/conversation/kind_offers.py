"""Lines met with a kind word, then entries offered, never read unasked: a
feeling, a worry about one's future, one's own medicines, a spasm happening
now, what helps at night, a worrying sign seen now."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from voice.content.model import Entry
from voice.conversation import finding, phrases, replies
from voice.conversation.feelings import MOOD_WORDS, Feeling
from voice.conversation.medicine_elsewhere import other_condition
from voice.conversation.near_medicine import near_is_ours
from voice.conversation.not_covered import Uncovered
from voice.conversation.own_medicine import names_a_spasm_medicine
from voice.conversation.reply import Reply
from voice.conversation.worries import Worry
from voice.matching.matcher import Candidate, MatchResult

if TYPE_CHECKING:
    from voice.conversation.conversation import Conversation

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
    # "My son's got ms, is it my fault": what runs in families, then causes.
    "blame": ("are neuromuscular disorders hereditary", "what causes neuromuscular disorders"),
    # "Is there no more hope": the breakthroughs FAQ, then the cure FAQ.
    "hope": ("what recent breakthroughs offer hope for treatment", "is there a cure"),
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
#: After weak or heavy limbs, or tripping, told (seen_now.weakness_seen_now):
#: the early-signs FAQ the matcher read in full before (it names muscle
#: weakness), then when to see a doctor.
WEAKNESS_OFFERS = ("what are the early signs", "when should i see a doctor")
#: Asked of the content after a fall, asked about or told, that the matcher
#: does not take (conversation/falls.py): what helps with walking (the
#: shipped content: the assistive devices FAQ, and physical therapy).
FALLS_OFFERS = ("what equipment helps with walking", "what is physiotherapy for spasms")
#: Asked of the content after a diagnosis told and nothing asked
#: (on_behalf.diagnosis_told): how it is treated, and coping (the shipped
#: content: Treatment Approaches for Long-Term Management, Coping Strategies
#: for Individuals and Caregivers).
DIAGNOSIS_OFFERS = ("how are these conditions treated", "how can i cope")
#: Asked of the content after a spasm told in everyday words that the matcher
#: does not take (conversation/spasm_told.py): what spasms are, then what
#: helps (the shipped content: Recognizing Chronic Spasms and Neuromuscular
#: Disorders, the lifestyle FAQ).
SPASM_TOLD_OFFERS = ("what are chronic muscle spasms", "what can i do myself to reduce spasms")
#: Asked of the content after trouble with the hands told or asked that the
#: matcher does not take (conversation/hands.py): everyday tasks, then
#: therapy (the shipped content: Impact on Daily Life and Physical Therapy).
HANDS_OFFERS = ("how will this affect my everyday life", "what is physiotherapy for spasms")
#: Asked of the content after a carer asks how to help the person they look
#: after (conversation/helping_someone.py): coping, for both (the shipped
#: content: Coping Strategies for Individuals and Caregivers).
HELPING_OFFERS = ("how can caregivers cope",)


def feeling(talk: Conversation, text: str, felt: Feeling, result: MatchResult) -> Reply:
    """Someone said how they feel: a kind word first, then the entry that
    fits offered, never read unasked (voice/conversation/feelings.py)."""
    s = talk.state
    s.pending_parts = []
    s.failures = 0
    if felt.tone == "good":
        s.offered = []
        return replies.reply(talk, text, "command", phrases.GLAD, command="feeling")
    kind = kind_word(felt)
    if felt.tone == "distress" or felt.coping or felt.word in MOOD_WORDS:
        # "I can't go on" names nothing the content covers; what it has
        # on coping is the nearest help it can offer. Also when the line
        # names a word of another entry: "I hate my life" was offered
        # Impact on Daily Life ("life"), "life is so hard" that and the
        # cure FAQ, "nobody understands me" nothing (session 33): the
        # coping entry first; after a struggle told, the line's own best
        # entry too when it has one. Distress gets the one offer: fewer
        # words to a person in crisis.
        coping = talk.matcher.match(DISTRESS_OFFER)
        own_first = result.outcome != "no_match" and result.entry is coping.entry
        if coping.outcome != "no_match" and coping.entry is not None and not own_first:
            own = [e for e in (result.offered if result.outcome != "no_match" else [])
                   if e is not coping.entry][:1] if felt.tone != "distress" else []
            return kindly_offer(
                talk, text, kind, [coping.entry, *own], coping.entry, coping.score,
                phrases.FEELING_WAY_FORWARD, "feeling", felt.tone == "distress")
    found = result.outcome != "no_match" and result.entry is not None
    return kindly_offer(
        talk, text, kind, result.offered if found else [], result.entry, result.score,
        phrases.FEELING_WAY_FORWARD, "feeling", felt.tone == "distress",
        alternatives=result.candidates[1:])


def kind_word(felt: Feeling) -> str:
    """The kind word a feeling is met with first."""
    return (phrases.DISTRESS if felt.tone == "distress" else
            phrases.THANKS_FOR_TELLING if felt.tone == "said" else
            phrases.sorry_you_are(felt.word))


def told_of_the_body(felt: Feeling) -> bool:
    """Whether ``felt`` is the body's ("i get bad cramps", "i feel awful"),
    not a mood nor distress: what the line names may be a symptom the
    content does not cover, said so after the kind word."""
    return felt.tone in ("low", "said") and not felt.coping and felt.word not in MOOD_WORDS


def worry(talk: Conversation, text: str, worry: Worry) -> Reply:
    """A fear about one's own future: a kind word, who can talk it
    through, then the nearest entries offered, never read unasked."""
    return offer_what_helps(talk, text, WORRY_OFFERS[worry.kind],
                            phrases.worry_words(worry.kind, worry.of_other), "worry")


def diagnosis_told(talk: Conversation, text: str, kind: str) -> Reply:
    """A diagnosis told, nothing asked: a kind word, then what helps
    offered, never read unasked (on_behalf.diagnosis_told)."""
    say = phrases.DIAGNOSIS_NEWS if kind == "news" else phrases.DIAGNOSIS_TOLD
    return offer_what_helps(talk, text, DIAGNOSIS_OFFERS, say, "diagnosis_told")


def right_now(talk: Conversation, text: str) -> Reply:
    """A spasm happening now: when to call for help at once, then what
    the content says helps, offered (voice/conversation/right_now.py)."""
    return offer_what_helps(talk, text, RIGHT_NOW_OFFERS, phrases.RIGHT_NOW, "right_now")


def own_medicine(talk: Conversation, text: str, result: MatchResult, kind: str) -> Reply:
    """Asked what to do with one's own medicines: ask the prescriber
    first, then the entry on medication offered when the line is about
    the content's at all: the matcher takes it, names that entry among
    its near misses ("should I stop my medication"), or the line names a
    medicine for spasms ("should I stop my baclofen"). "What if I miss a
    contraceptive pill", an uncovered health question, is offered
    nothing. Not said over what is being read, as no question is."""
    offered = finding.entries_answering(talk, OWN_MEDICINE_OFFERS)
    near = {c.entry.id for c in result.candidates[:1]}
    # Not the nearest entry when the line names a condition the content
    # never mentions ("when should my baby have the measles jab"):
    # medicine_elsewhere.py, session 38; nor when the scope model says the
    # line is not ours ("i forgot to take my pill this morning, should i
    # take two tonight"): near_medicine.py, session 39.
    ours = (result.outcome in ("answer", "confirm") or names_a_spasm_medicine(text)
            or (any(e.id in near for e in offered) and other_condition(text, talk.matcher) is None
                and near_is_ours(text, talk.matcher, result.misheard)))
    return offer_entries(talk, text, offered if ours else [], kind,
                         "own_medicine", stop_speaking=False)


def at_night(talk: Conversation, text: str) -> Reply:
    """What helps spasms at night: the content has no entry on the night
    ("night" pulled Impact on Daily Life, read in full), so its entries
    on what helps spasms are offered (voice/conversation/at_night.py)."""
    return offer_what_helps(talk, text, AT_NIGHT_OFFERS, phrases.AT_NIGHT, "at_night")


def offer_what_helps(talk: Conversation, text: str, queries: Sequence[str], kind: str,
                     command: str) -> Reply:
    """``kind`` (a kind word), then the entries the content answers
    ``queries`` with, offered (never read unasked). Not the entry just
    read, when another is left: "what about at night", said after the
    lifestyle FAQ was read, was offered it again first (session 39, typed)."""
    entries = finding.entries_answering(talk, queries)
    last = talk.state.history[-1] if talk.state.history else None
    if last in entries and len(entries) > 1:
        entries.remove(last)
    return offer_entries(talk, text, entries, kind, command)


def not_covered(talk: Conversation, text: str, uncovered: Uncovered, near: list[Entry],
                another_subject: bool, first: str = "") -> Reply:
    """An everyday subject the content does not cover, asked with the
    conditions (voice/conversation/not_covered.py): said so, and who can
    tell them, then the nearest entries offered, never read unasked.
    Nothing offered when the topic has no entry near it, when the line does
    not name the conditions, or when it also names a health subject the
    content never mentions ("can I drink alcohol with diabetes and ms"):
    what is near ours is not near that."""
    topic = uncovered.topic
    # ``first``: a kind word said before it, when the line told how the
    # body feels ("i get bad cramps during my period").
    said = f"{first} {topic.say}" if first else topic.say
    # ``near``: the entries answering the topic's offers, found once by
    # the caller (questions.matched), which also weighs the matcher's offer
    # against them.
    offered = [] if another_subject or not uncovered.ours else near
    if not offered:
        # A decline, said with why and who can tell them: "no_match", so the
        # caregiver's question log keeps it among the unanswered (it keeps
        # no commands) and a Wyoming client hears it was not handled. Not
        # counted as a misunderstanding: what was asked was understood.
        talk.state.pending_parts = []
        talk.state.offered = []
        return replies.reply(talk, text, "no_match",
                             f"{said} {phrases.WORRY_WAY_FORWARD}")
    say = f"{said} {topic.lead}" if topic.lead else said
    return offer_entries(talk, text, offered, say, "not_covered")


def offer_entries(talk: Conversation, text: str, offered: list[Entry], kind: str, command: str,
                  stop_speaking: bool = True) -> Reply:
    """``kind``, then ``offered`` (none: the way forward), a fresh start
    for what was pending."""
    talk.state.pending_parts = []
    talk.state.failures = 0
    return kindly_offer(talk, text, kind, offered, offered[0] if offered else None, 100.0,
                        phrases.WORRY_WAY_FORWARD, command, stop_speaking)


def kindly_offer(talk: Conversation, text: str, kind: str, offered: list[Entry],
                 match: Entry | None, score: float, way_forward: str, command: str,
                 stop_speaking: bool, alternatives: Sequence[Candidate] = ()) -> Reply:
    """``kind`` (a kind word) then ``offered`` named ("Would you like to
    hear ...?"), never read unasked; without an entry to offer, ``kind``
    then ``way_forward``. A feeling or a worry: not learned on "yes", so
    the same words next time are met kindly again."""
    s = talk.state
    s.offered = s.kind_offered = offered
    if not offered:
        return replies.reply(talk, text, "command", f"{kind} {way_forward}", command=command,
                             stop_speaking=stop_speaking)
    s.offer_words = ""
    s.offer_repeats, s.offer_score = 0, score
    return replies.reply(
        talk, text, "confirm", f"{kind} {phrases.would_you_like([e.title for e in offered])}",
        match=match, score=score, alternatives=list(alternatives),
        stop_speaking=stop_speaking,
    )

