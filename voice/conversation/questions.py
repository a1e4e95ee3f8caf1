"""A question, through its rules in order: a worry, a sign seen now, one's
own medicines and a feeling first (kindly met, never read an answer
unasked), then a learned phrasing, the night, a spasm now, a guess at a
half question, and the match itself with its follow-up rules (told who,
the subject, how long, the section just read, a second question)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from voice.conversation import (
    finding,
    follow_ups,
    how_long,
    kind_offers,
    not_understood,
    phrases,
    replies,
    two_part_lines,
    unnamed_disorder,
)
from voice.conversation.another_condition import asked_again, named_again
from voice.conversation.at_night import (
    asked_again_at_night,
    asks_what_helps_a_spasm,
    asks_what_helps_at_night,
    names_another_subject,
    told_at_night,
)
from voice.conversation.duration_said import without_duration
from voice.conversation.falls import about_falls
from voice.conversation.feelings import Feeling, feeling_of
from voice.conversation.hands import hands_task, help_asked
from voice.conversation.heard import is_contents_question
from voice.conversation.helping_someone import asks_how_to_help
from voice.conversation.how_long import asks_how_long
from voice.conversation.is_it_safe import asks_if_safe
from voice.conversation.kind_offers import (
    AT_NIGHT_OFFERS,
    FALLS_OFFERS,
    HANDS_OFFERS,
    HELPING_OFFERS,
    SEEN_NOW_OFFERS,
    SPASM_TOLD_OFFERS,
    WEAKNESS_OFFERS,
)
from voice.conversation.not_covered import not_covered, said_over_answer
from voice.conversation.not_understood import LONG_QUESTION_WORDS
from voice.conversation.offer_set_aside import kinder_offer, safety_first
from voice.conversation.on_behalf import diagnosis_told
from voice.conversation.own_medicine import (
    asks_about_own_medicine,
    asks_how_to_take,
    told_prescribed,
)
from voice.conversation.reply import Reply
from voice.conversation.right_now import spasm_happening_now
from voice.conversation.seen_now import (
    asks_if_it_is_the_condition,
    sign_seen_now,
    weakness_seen_now,
)
from voice.conversation.someone_low import someone_low
from voice.conversation.spasm_told import spasm_told, stiffness_told
from voice.conversation.subject import subject_of
from voice.conversation.unfinished import cut_short, guesses_the_subject, heard_part, trails_off
from voice.conversation.what_else_helps import asks_what_else_helps, what_else_helps
from voice.conversation.worries import worry_of
from voice.matching import body_idioms
from voice.matching.normalize import clean

if TYPE_CHECKING:
    from voice.conversation.conversation import Conversation
    from voice.matching.matcher import MatchResult


@dataclass(frozen=True)
class Line:
    """A question line, as the rules see it."""

    text: str
    """The words said or typed (joined to a half question before them)."""
    doubtful: bool
    """The recognizer was unsure of the words: offered, not answered outright."""
    heard: bool
    """Heard by a recognizer, not typed (a word no dictionary knows is misheard)."""
    sure: Collection[str]
    """Words heard surely (they may name another subject)."""
    felt: Feeling | None
    """How the line says the user feels (feelings.py), if it says."""
    subject: str
    """The conversation's subject before this line, for a pointer ("what helps it")."""


#: A rule: its reply to the line, or None to leave the line to the next rule.
Rule = Callable[["Conversation", Line], "Reply | None"]


def question(talk: Conversation, text: str, doubtful: bool = False, heard: bool = False,
             sure: Collection[str] = ()) -> Reply:
    """A line that is no command and no number: the first of RULES that
    replies, else the line matched (``matched``)."""
    # The thing this line names becomes the subject; its pointer, if it
    # has one, stands for the subject before it ("what helps it").
    subject = talk.state.subject
    talk.state.subject = subject_of(text, talk.matcher) or subject
    line = Line(text, doubtful, heard, sure, feeling_of(text), subject)
    for rule in RULES:
        reply = rule(talk, line)
        if reply is not None:
            return reply
    return matched(talk, line)


def worry(talk: Conversation, line: Line) -> Reply | None:
    """A fear about one's future ("I'm scared I will die"): before a feeling."""
    text, felt = line.text, line.felt
    fear = worry_of(text) if felt is None or felt.tone != "distress" else None
    if fear is not None and is_contents_question(text, talk.matcher):
        # The content asks it in these words (a caregiver added "is it
        # contagious" to an entry from the question log): its answer.
        fear = None
    if fear is not None:
        # Before a feeling ("I'm scared I will die"): the fear is answered.
        return kind_offers.worry(talk, text, fear)
    return None


def seen_now(talk: Conversation, line: Line) -> Reply | None:
    """A worrying sign told as it is seen."""
    text = line.text
    if (asks_if_it_is_the_condition(text) and not_covered(text) is None
                            and not is_contents_question(text, talk.matcher)):
        # "my muscles twitch all the time is it als" was offered Dietary
        # Adjustments (session 46, typed): no entry says whose it is.
        return kind_offers.offer_what_helps(talk, text, WEAKNESS_OFFERS, phrases.SEEN_NOW,
                                            "seen_now")
    if sign_seen_now(text) and not is_contents_question(text, talk.matcher):
        # "he can't swallow properly", "she's confused": when to call for
        # help, then when to seek medical attention offered (seen_now.py).
        # Weak or heavy legs, tripping: the early-signs FAQ first (session
        # 45, typed: it was read in full).
        offers = WEAKNESS_OFFERS if weakness_seen_now(text) else SEEN_NOW_OFFERS
        return kind_offers.offer_what_helps(talk, text, offers, phrases.SEEN_NOW, "seen_now")
    return None


def what_else(talk: Conversation, line: Line) -> Reply | None:
    """"What else can help?" after an answer: the rest of what helps."""
    if talk.state.history and asks_what_else_helps(line.text):
        return what_else_helps(talk, line.text)
    return None


def if_safe(talk: Conversation, line: Line) -> Reply | None:
    """"Is it safe?" after an answer: who can tell them (is_it_safe.py)."""
    if talk.state.history and asks_if_safe(line.text):
        talk.state.offered, talk.state.pending_parts = [], []
        return replies.reply(talk, line.text, "no_match",
                             f"{phrases.IF_SAFE} {phrases.WORRY_WAY_FORWARD}")
    return None


def own_medicine(talk: Conversation, line: Line) -> Reply | None:
    """What to do with one's own medicines, or how to take them."""
    text, doubtful, heard, sure = line.text, line.doubtful, line.heard, line.sure
    how_to_take = asks_how_to_take(text, heard)
    prescribed = not how_to_take and told_prescribed(text)
    if ((asks_about_own_medicine(text) or how_to_take or prescribed)
            and len(text.split()) <= LONG_QUESTION_WORDS
            and not is_contents_question(text, talk.matcher)):
        # Before a feeling too ("I'm worried, should I stop my tablets"):
        # what to do first, then at most an offer (own_medicine.py). Not
        # in a ramble ("... whether the doctor should change her
        # medication or whether ..." told for minutes): asked to say one
        # thing at a time, as before (tests/test_robust22_ramble.py).
        return kind_offers.own_medicine(
            talk, text, finding.match(talk, text, doubtful, heard, sure),
            phrases.HOW_TO_TAKE if how_to_take
            else phrases.PRESCRIBED if prescribed and not asks_about_own_medicine(text)
            else phrases.OWN_MEDICINE)
    return None


def feeling(talk: Conversation, line: Line) -> Reply | None:
    """How the user feels: a kind word, never an answer read unasked."""
    if line.felt is not None:
        # Before the learned phrasings too: a feeling is never read an
        # answer unasked (and offers made to one are not learned).
        result = finding.match(talk, line.text, line.doubtful, line.heard, line.sure)
        if kind_offers.told_of_the_body(line.felt):
            # "i get bad cramps during my period" was met "I'm sorry to hear
            # that" and offered the FAQ on when spasms need a doctor, "i get
            # terrible bladder problems" told only what the assistant knows
            # (session 45, typed): the symptom the content does not cover is
            # said so after the kind word, with who can help, as when asked.
            uncovered = _uncovered(talk, line.text, result,
                                   first=kind_offers.kind_word(line.felt))
            if uncovered is not None:
                return uncovered
        return kind_offers.feeling(talk, line.text, line.felt, result)
    return None


def someone_low_told(talk: Conversation, line: Line) -> Reply | None:
    """Someone the user cares for told as low ("he's been really down since
    he was diagnosed"): a kind word and who can help, the coping entry
    offered, never an entry read unasked (someone_low.py)."""
    if someone_low(line.text) and not is_contents_question(line.text, talk.matcher):
        return kind_offers.offer_what_helps(talk, line.text, HELPING_OFFERS,
                                            phrases.SOMEONE_LOW, "someone_low")
    return None


def told(talk: Conversation, line: Line) -> Reply | None:
    """A diagnosis told, and nothing asked ("my husband has ms", "I was
    diagnosed with ALS today"): news, met kindly (on_behalf.py)."""
    kind = diagnosis_told(line.text)
    if kind is not None and not is_contents_question(line.text, talk.matcher):
        return kind_offers.diagnosis_told(talk, line.text, kind)
    return None


def another_condition(talk: Conversation, line: Line) -> Reply | None:
    """The question before asked again of another condition ("can ms be
    cured", then "what about als"; another_condition.py)."""
    before = talk.state.asked.words if talk.state.asked is not None else ""
    if named_again(before) is not None:
        # "and myasthenia gravis" after "what about als": the question
        # that one asked again.
        before = talk.state.asked_again
    joined = asked_again(line.text, before)
    named = named_again(line.text)
    if joined is None or named is None:
        return None
    talk.state.asked_again = joined
    got = finding.match(talk, joined, line.doubtful, line.heard, line.sure)
    if (got.outcome in ("answer", "confirm") and got.entry is not None
            and follow_ups.just_read(talk, got.entry, line.text)):
        # The entry just read is what the content has for this condition
        # too: said so, read again only on "yes".
        return follow_ups.same_for_another(talk, line.text, got.entry, named)
    # Another entry: offered, never read unasked (as "what about at night").
    return matched(talk, replace(line, text=joined, doubtful=True))


def learned(talk: Conversation, line: Line) -> Reply | None:
    """Words the user taught ("Did you mean ...?" "Yes"): their entry read."""
    taught = talk.phrasings.find(line.text)
    entry = finding.entry_by_id(talk, taught.entry_id) if taught is not None else None
    if taught is not None and entry is not None:
        # The user told us what these words mean: answered outright, even
        # when heard unsurely, since the same words were heard before.
        return replies.answer(talk, line.text, entry, phrasing=taught)
    return None


def at_night(talk: Conversation, line: Line) -> Reply | None:
    """What helps spasms at night (at_night.py)."""
    text = line.text
    if (asks_what_helps_at_night(text, talk.matcher)
            and not is_contents_question(text, talk.matcher)):
        return kind_offers.at_night(talk, text)
    if (told_at_night(text, talk.matcher) and len(text.split()) <= LONG_QUESTION_WORDS
            and not is_contents_question(text, talk.matcher)):
        # "my legs keep jumping at night" was read Impact on Daily Life in
        # full ("night" is sleep to the matcher): met as a spasm told, with
        # its caution, as "my legs lock up at night" is (session 45). Not a
        # long story that tells it among much else: that is asked in a few
        # words (not_understood.py).
        said = phrases.STIFF_TOLD if stiffness_told(text) else phrases.SPASM_TOLD
        return kind_offers.offer_what_helps(talk, text, SPASM_TOLD_OFFERS, said, "spasm_told")
    # "What about at night?" after a question: that question at night.
    # What helps at night is offered as above; anything else asked at
    # night is matched whole and only offered, never read (session 32:
    # after "what causes spasms" it read Impact on Daily Life in full).
    before = talk.state.asked.words if talk.state.asked is not None else ""
    joined = asked_again_at_night(text, before)
    if joined is None:
        return None
    if asks_what_helps_at_night(joined, talk.matcher):
        return kind_offers.at_night(talk, text)
    return matched(talk, replace(line, text=joined, doubtful=True))


def right_now(talk: Conversation, line: Line) -> Reply | None:
    """A spasm happening now (right_now.py)."""
    text = line.text
    if (spasm_happening_now(text, talk.matcher)
            and not is_contents_question(text, talk.matcher)):
        return kind_offers.right_now(talk, text)
    return None


def hands_helped(talk: Conversation, line: Line) -> Reply | None:
    """Hands that drop things or have lost their use, and what can help
    asked (hands.help_asked): the hands reply whatever the matcher found;
    the early-signs FAQ it found lists signs, not what helps (session 46)."""
    if help_asked(line.text) and not is_contents_question(line.text, talk.matcher):
        return kind_offers.offer_what_helps(talk, line.text, HANDS_OFFERS, phrases.HANDS,
                                            "hands")
    return None


#: The rules tried before the matcher, in order; the first that replies
#: wins. A worry, a sign seen now and one's own medicines come before a
#: feeling ("I'm worried, should I stop my tablets"); a feeling before the
#: learned phrasings (never an answer read unasked), and so is a diagnosis
#: told with nothing asked. A disorder the
#: content does not name before the learned phrasings too: its general
#: entry is offered with a line saying so (unnamed_disorder.py), never
#: read outright by an older phrasing.
RULES: tuple[Rule, ...] = (worry, seen_now, own_medicine, feeling, someone_low_told, told,
                           another_condition,
                           unnamed_disorder.unnamed_disorder, learned, at_night, right_now,
                           what_else, if_safe, hands_helped)


#: The reply offer_set_aside.kinder_offer names: what is asked of the
#: content, and the kind word said first.
_KINDER = {"falls": (FALLS_OFFERS, phrases.FALLS),
           "hands": (HANDS_OFFERS, phrases.HANDS),
           "dropping": (WEAKNESS_OFFERS, phrases.SEEN_NOW),
           "helping": (HELPING_OFFERS, phrases.HELPING),
           "spasm_helps": (AT_NIGHT_OFFERS, phrases.SPASM_HELPS),
           "spasm_told": (SPASM_TOLD_OFFERS, phrases.SPASM_TOLD)}


def _uncovered(talk: Conversation, text: str, result: MatchResult,
               first: str = "") -> Reply | None:
    """A subject the content does not cover, asked in ``text``, said so
    with who can help (``first`` said before it), given the matcher's
    ``result``; None when the matcher's answer or offer stands."""
    over = (said_over_answer(text, result.entry)
            if result.outcome == "answer" and result.entry is not None else None)
    if over is not None and (not over.topic.rest_answers
                             or talk.matcher.match(over.rest).outcome == "no_match"):
        # "what is foot drop" was read the early-signs FAQ (session 38,
        # typed): what the content never names is said so, not answered.
        # Not when the rest asks of the content ("can orthotics help with
        # foot drop": Assistive Devices, inscope5's tuning half).
        # Its own offers as when the matcher declined ("is medical
        # marijuana good for spasms": Medication, session 42).
        return kind_offers.not_covered(talk, text, over,
                                       finding.entries_answering(talk, over.topic.offers),
                                       names_another_subject(over.rest, talk.matcher), first)
    uncovered = not_covered(text) if result.outcome != "answer" else None
    near = finding.entries_answering(talk, uncovered.topic.offers) if uncovered else []
    if uncovered is not None and not (result.outcome == "confirm" and (
            (result.entry in near and uncovered.topic.near_answers)
            or uncovered.topic.content_word)):
        # "can I drive with ms" was offered Recognizing Chronic Spasms,
        # "can I get pregnant with ms" declined (session 35, `voice ask`):
        # said not covered, who can tell them, and the nearest entry. An
        # entry of the topic's own offered already stays offered alone:
        # "can my girlfriend's spasms be passed to our baby" asks what the
        # hereditary FAQ answers (inscope17's tuning half).
        return kind_offers.not_covered(talk, text, uncovered, near,
                                       names_another_subject(uncovered.rest, talk.matcher),
                                       first)
    return None


def matched(talk: Conversation, line: Line) -> Reply:
    """The line matched, then its follow-up rules: told who has it, a
    pointer for the subject, how long, the section just read, a second
    question; an answer, an offer, or not understood."""
    text, doubtful, heard, sure, subject = (line.text, line.doubtful, line.heard, line.sure,
                                            line.subject)
    if (((not talk.state.history and guesses_the_subject(text)) or cut_short(text))
            and not is_contents_question(text, talk.matcher)):
        # "what causes that" with nothing answered yet, or "what causes
        # the": a guess at what was meant, offered, never read in full;
        # asked to be finished when nothing matches
        # (unfinished.POINTER_QUESTIONS, CUT_SHORT_OFFERED).
        doubtful = True
    result = finding.match(talk, text, doubtful, heard, sure)
    result = two_part_lines.asked_alone(talk, text, result, doubtful, heard, sure)
    # The words learned on "yes" or unlearned on "that's wrong": not a
    # follow-up's, whose pointer stood for this conversation's subject.
    words = text
    taken = follow_ups.about_subject(talk, text, result, subject, doubtful, heard, sure)
    if taken is not None:
        words, result = "", taken
    background = without_duration(text) if result.outcome == "no_match" else None
    if background is not None:
        # "I've had ms for ten years and my legs are getting stiffer": the
        # span of time outweighed the rest (duration_said.py); what the
        # rest finds is offered, never read.
        got = finding.match(talk, background, doubtful, heard, sure)
        if got.outcome != "no_match" and got.entry is not None:
            words, result = "", replace(got, outcome="confirm")
    if (how_long.REMATCH and result.outcome != "no_match" and asks_how_long(text)
            and not is_contents_question(text, talk.matcher)):
        timed = follow_ups.how_long_offer(talk, text, subject if taken is not None else "",
                                          doubtful, heard, sure)
        if timed is not None:
            return timed
        if result.entry is None or how_long.pulled_by_long(result.entry.title):
            # Only "long" carried it to the long-term entry: declined, as
            # the line without it is ("how long will it take to get to
            # work", NLU-Evaluation-Data's tuning half).
            return not_understood.not_understood(talk, text, result=result, unclear=doubtful,
                                                 typed=not heard)
        # Nothing without "long", but the whole line found another entry:
        # offered, never read ("how long should I wait before seeing a
        # doctor": the FAQ on seeking medical attention, as before the
        # rematch; tests/test_scope23_matching.py).
        result = replace(result, outcome="confirm")
    if (result.outcome == "answer" and result.entry is not None
            and follow_ups.just_read(talk, result.entry, text)):
        return follow_ups.read_already(talk, text, result.entry)
    uncovered_said = _uncovered(talk, text, result)
    if uncovered_said is not None:
        return uncovered_said
    if result.outcome == "answer" and result.entry is not None:
        reply = replies.answer(talk, text, result.entry, result)
        # "what is als": the entry names it only in passing; said first.
        reply = unnamed_disorder.described(talk, text, result.entry, reply)
        reply = unnamed_disorder.spelled_out(talk, text, reply)
        talk.state.answer_words, talk.state.read_for = words, text
        return two_part_lines.also_asked(talk, text, result.entry, reply, heard, sure)
    if result.outcome == "confirm" and body_idioms.said(text):
        # Offered only through a muscle idiom ("my legs lock up at night",
        # body_idioms.py, session 38): a spasm told or what helps one asked
        # keeps the reply it had when the matcher declined it, with its
        # caution (sessions 34, 35: tests/test_session34_spasm_helps.py,
        # test_session35_spasm_told.py).
        if asks_what_helps_a_spasm(text, talk.matcher):
            return kind_offers.offer_what_helps(talk, text, AT_NIGHT_OFFERS,
                                                phrases.SPASM_HELPS, "spasm_helps")
        if spasm_told(text, talk.matcher):
            return kind_offers.offer_what_helps(talk, text, SPASM_TOLD_OFFERS,
                                                phrases.SPASM_TOLD, "spasm_told")
    kinder = kinder_offer(talk, text, result)
    if kinder is not None:
        # "my mum keeps falling" was asked about the hereditary FAQ, "how do
        # I stop a cramp" offered Neuromodulation Treatments (session 39,
        # typed): the reply each gets when nothing matched.
        queries, kind = _KINDER[kinder]
        return kind_offers.offer_what_helps(talk, text, queries, kind, kinder)
    if result.outcome == "confirm":
        talk.state.offered = result.offered
        talk.state.offer_words = words
        talk.state.offer_repeats, talk.state.offer_score = 0, result.score
        talk.state.pending_parts = []
        talk.state.failures = 0
        say = phrases.did_you_mean([e.title for e in result.offered])
        if safety_first(talk, text, result):
            # "what should I do if she falls" offered the devices FAQ bare
            # (session 40, typed): when to get help comes first.
            say = f"{phrases.FALLS_SAFETY} {say}"
        if trails_off(text):
            # "what helps with spasms and": a guess at what was meant is
            # offered, and the rest, said next, is joined to the words
            # heard (as after "I only heard 'what is the'"). A spasm or a
            # tired hand lets go of the button at "and"; push to talk
            # does not wait for the rest as `voice listen` does.
            talk.state.unfinished = heard_part(text)
            say = f"{say} {phrases.OR_SAY_THE_REST}"
        return unnamed_disorder.spelled_out(talk, text, replies.reply(
            talk, text, "confirm", say,
            match=result.entry, score=result.score, alternatives=result.candidates[1:],
        ))
    if asks_what_helps_a_spasm(text, talk.matcher):
        # "how can I stop my legs jumping": declined before (session 34);
        # the entries on what helps spasms offered, as at night.
        return kind_offers.offer_what_helps(talk, text, AT_NIGHT_OFFERS, phrases.SPASM_HELPS,
                                            "spasm_helps")
    falls = about_falls(text)
    if falls and not names_another_subject(clean(text), talk.matcher):
        # "what should I do if I fall", "my husband fell": declined before
        # (session 34); when to get help, then what helps with walking.
        return kind_offers.offer_what_helps(talk, text, FALLS_OFFERS, phrases.FALLS, "falls")
    if (not falls and hands_task(text)
            and not names_another_subject(clean(text), talk.matcher)):
        # "I can't hold a cup", "what can help me hold a pen": declined
        # before (session 35); what the content says of everyday tasks.
        return kind_offers.offer_what_helps(talk, text, HANDS_OFFERS, phrases.HANDS, "hands")
    if not falls and asks_how_to_help(text):
        # "how can I help my husband": declined before (session 36); the
        # entry on coping for the person and their carers offered.
        return kind_offers.offer_what_helps(talk, text, HELPING_OFFERS, phrases.HELPING,
                                            "helping")
    if not falls and spasm_told(text, talk.matcher):
        # "my legs lock up at night", "my toes curl up": declined before
        # (session 35); what spasms are and what helps them offered.
        said = phrases.STIFF_TOLD if stiffness_told(text) else phrases.SPASM_TOLD
        return kind_offers.offer_what_helps(talk, text, SPASM_TOLD_OFFERS, said, "spasm_told")
    declined = not_understood.not_understood(talk, text, result=result,
                                             unclear=doubtful or result.misheard, typed=not heard)
    if falls:
        # A fall with something the content never names ("I fell and broke
        # my wrist"): when to get help, then declined as before.
        declined = replace(declined, say=f"{phrases.FALLS_SAFETY} {declined.say}")
    return declined

