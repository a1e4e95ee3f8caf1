"""A line that finds nothing: the half sentence asked to be finished, the
offer asked again, another language named, or near topics suggested (the
list of topics after a few misunderstandings in a row)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from voice.content.model import Entry
from voice.conversation import listing, phrases, replies
from voice.conversation.feelings import is_question
from voice.conversation.language import looks_not_english
from voice.conversation.reply import Reply
from voice.conversation.unfinished import heard_part, is_unfinished, points_at_nothing
from voice.matching.matcher import MatchResult

if TYPE_CHECKING:
    from voice.conversation.conversation import Conversation

#: After this many misunderstandings in a row, the list of topics is offered.
#: The first version's choice (8c68b79), not measured.
FAILURES_BEFORE_TOPICS = 2
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
#: Titles of an article's frame, never offered as an example of what to ask
#: after a declined question: near it only by its generic words.
STRUCTURAL_TITLES = frozenset({"introduction", "conclusion", "summary", "overview", "abstract",
                               "references", "foreword", "preface", "conclusions"})
#: First words of a question a user could ask as it stands.
QUESTION_OPENERS = frozenset("what how why when which who can could is are do does will "
                             "should".split())


def not_understood(
    talk: Conversation, text: str, result: MatchResult | None = None,
    heard_nothing: bool = False, unclear: bool = False, long: bool = False, typed: bool = False,
) -> Reply:
    """Nothing found for ``text`` (or nothing heard): what is said instead."""
    s = talk.state
    if not heard_nothing and looks_not_english(text):
        # "I don't have an answer", with English examples, would not be
        # understood either; saying why lets someone find help.
        s.offered = []
        return replies.reply(talk, text, "no_match", phrases.ONLY_ENGLISH)
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
        return replies.reply(talk, text, "no_match", phrases.only_heard(s.unfinished),
                             alternatives=result.candidates if result else [])
    if (s.offered and s.offer_repeats < OFFER_REPEATS and not long
            and (heard_nothing or len(text.split()) < OFFERED_NEW_QUESTION_WORDS)
            and not (typed and len(text.split()) >= OFFERED_HALF_WORDS
                     and is_question(text))):
        # Typed, "what time is it" is no "yes" misheard: a new question,
        # declined as any other (session 24, `voice text`: it was met
        # with "Sorry, I didn't catch that. Did you mean ...?").
        return offer_again(talk, text)
    s.failures += 1
    s.offered = []
    if s.failures > FAILURES_BEFORE_TOPICS:
        s.failures = 0
        return listing.topics(talk, text, outcome="no_match", prefix=phrases.STILL_NOT_FOUND)
    suggestions = suggested_titles(talk, result)
    say = phrases.not_understood(suggestions, heard_nothing, unclear,
                                 long=long or len(text.split()) > LONG_QUESTION_WORDS)
    say = phrases.not_understood_again(say, s.last_say)
    return replies.reply(
        talk, text, "no_match", say,
        alternatives=result.candidates if result else [],
    )


def offer_again(talk: Conversation, text: str) -> Reply:
    """ "Sorry, I didn't catch that. Did you mean ...?" once more."""
    s = talk.state
    s.offer_repeats += 1
    return replies.reply(
        talk, text, "confirm", phrases.did_you_mean_again([e.title for e in s.offered]),
        match=s.offered[0], score=s.offer_score,
    )


def suggested_titles(talk: Conversation, result: MatchResult | None) -> list[str]:
    """Two or three topics to suggest: near misses first, then common questions."""
    titles: list[str] = []
    if result:
        near = (askable(talk, c.entry) for c in result.candidates[:2] if c.score >= 25)
        titles = list(dict.fromkeys(q for q in near if q))
    for entry in talk.kb.entries:
        if len(titles) >= 2:
            break
        if entry.kind == "faq" and entry.title not in titles:
            titles.append(entry.title)
    return titles[:2]


def askable(talk: Conversation, entry: Entry) -> str | None:
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
        got = talk.matcher.match(asked)
        if got.outcome == "answer" and got.entry is not None and got.entry.id == entry.id:
            return asked[0].upper() + asked[1:]
    return None

