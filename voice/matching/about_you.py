"""A line about the assistant itself: who it works for, what it enjoys,
whether it is a robot, how it is doing.

Such a line says "you" (or "your", "the ai") of the listener, and its only
words of the content are said of the listener: "who is your manager" read
Treatment Approaches in full ("manager" -> manage), "how do i activate you"
The Role of Exercise, "how is the ai doing" and "i would like to know if you
are a robot" Technological Innovations, "what does life mean to you" Impact
on Daily Life, "do you have a way you like to be referred to" the
when-to-seek-help FAQ ("referred" -> doctor). CLINC150's small talk
(requests people wrote for an assistant) is mostly of this kind; the fixed
phrasings of conversation/said_freely.py meet the tuning half's lines (113
of 176) far better than the held-out half's (46 of 198), and what they miss
reaches the matcher. The generic-words check leaves "you" alone on purpose
(a request to the assistant, "what topics do you cover", is ours).

The "you" of a health question is someone in general, and the question
names a thing of the content besides: "how do you manage spasms", "does the
condition make you tired", "how do leg braces help you walk", "is this
something you are born with". And a request to the assistant ("what can you
tell me about diet", "what would you recommend for cramps", "can i ask you
about botox") asks about what follows, not about the listener.

So a line is about the listener when, fillers and request openers gone
(``normalize.strip_fillers``: "can you tell me", "do you know"), a word
says the listener that is not in a request ("would you recommend", "can
you explain") nor the "how do you" of doing something, and nothing else of
the content is named: no word refers back to the condition ("does it mess
with your sleep"), no condition or limb is named, and no unit said of
anything but the listener is distinctive of the content
(``scope.DISTINCTIVE_AT``, the generic-words check's measure). Said of the
listener: the word a "you" is the object of ("activate you", "treating
you", "mean to you"), the words a "your" owns ("your manager"), what "you
are" is said to be ("a robot"), and the assistant's own names ("ai",
"assistant", "robot"). An editor's own phrasing is never declined.

Pure: reads the matcher's units and the scope model's measure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from voice.matching import normalize, scope

if TYPE_CHECKING:
    from voice.content.model import Entry
    from voice.matching.matcher import Matcher

#: False turns the check off (for measuring).
ON = True
#: Words that say the listener.
YOU = frozenset("you u ya yourself".split())
YOUR = frozenset("your ur yours".split())
#: What a user calls the assistant by ("hi ai", "how is the ai doing",
#: "are you a robot"); said_freely.py's names, and the kinds of thing it is.
NAMES = frozenset(
    "ai assistant bot chatbot robot computer machine program programme device alexa siri "
    "artificial intelligence".split())
#: Of ``NAMES``, those a user calls the assistant by, first or last in a line.
CALLED = frozenset("ai assistant chatbot bot alexa siri".split())
#: Determiners that make one of ``NAMES`` the assistant itself ("this ai",
#: "the ai"), not a kind of technology ("can a robot suit help me walk",
#: "how does ai help doctors").
THE = frozenset("the this your".split())
#: Verbs of a request to the assistant: "can you explain", "would you
#: recommend", "do you have anything on diet", "what do you think of botox".
REQUEST_VERBS = frozenset(
    """tell say explain recap summarise summarize describe repeat read list give show help
    suggest recommend advise know cover offer have find talk speak go send provide answer
    think mean""".split())
#: Auxiliaries before a request's "you" ("would you", "do you").
AUXILIARIES = frozenset("would will do did".split())
#: "can you ...": a request ("can you explain") or what anyone can do ("can
#: you still work", "can you get help with the cost of care"), never the
#: listener asked about.
ABILITY = frozenset("can could may might".split())
#: "how do you manage spasms": how one does it, the generic "you".
HOW = "how"
#: "you are a robot", "are you human": what the listener is said to be.
BEING = frozenset("are were am is be".split())


def _request(words: list[str], i: int) -> bool:
    """Whether the "you" at ``i`` is the one asked to do something ("can you
    explain", "would you please recommend") or the generic one of "how do you
    ..." (how one does it)."""
    before = words[max(0, i - 2):i]
    after = [w for w in words[i + 1:i + 3] if w != "please"]
    if before[-1:] and before[-1] in ABILITY:
        return True
    if before[-1:] and before[-1] in AUXILIARIES:
        if after[:1] and after[0] in REQUEST_VERBS:
            return True
        if len(before) == 2 and before[0] == HOW:
            return True
    # "can i ask you", "i ask you": asked to answer.
    return before[-1:] == ["ask"]


def _listener_words(words: list[str]) -> tuple[bool, set[int]]:
    """Whether the listener is spoken of (not only asked to do something),
    and the positions of the words said of the listener."""
    of_listener: set[int] = set()
    spoken_of = False
    for i, w in enumerate(words):
        if w in NAMES and (i == 0 or words[i - 1] in THE or i == len(words) - 1):
            of_listener.add(i)
            # "this ai", and a name the user calls it by first or last ("ai,
            # shut up", "what do i call you, ai"); not "what about robots
            # and ai", nor "robot suits, are they any good".
            spoken_of = spoken_of or (i > 0 and words[i - 1] in THE) or (
                w in CALLED and (i == 0 or words[i - 1] not in ("and", "or")))
            continue
        if w in YOUR:
            # What "your" owns stays a word of the question: "can stress
            # make your spasms worse" asks about anyone's spasms.
            spoken_of = True
            continue
        if w not in YOU or _request(words, i):
            continue
        spoken_of = True
        # The verb it is the object of ("activate you", "mean to you").
        j = i - 1
        if j >= 0 and words[j] in ("to", "for", "with", "about"):
            j -= 1
        if j >= 0 and not normalize.is_function_word(words[j]):
            of_listener.add(j)
        # What it is said to be ("you are a robot", "are you human").
        k = i + 1
        if k < len(words) and words[k] in BEING:
            k += 1
        elif not (i > 0 and words[i - 1] in BEING):
            continue
        while k < len(words) and words[k] in ("a", "an", "real", "not"):
            k += 1
        of_listener.update(_predicate(words, k))
    return spoken_of, of_listener


def _predicate(words: list[str], i: int) -> set[int]:
    """The positions from ``i`` up to the next function word: what "you are"
    is said to be ("you are a robot", "you are an artificial intelligence
    being")."""
    out: set[int] = set()
    for k in range(i, len(words)):
        if normalize.is_function_word(words[k]) and words[k] not in NAMES:
            break
        out.add(k)
    return out


def about_you(matcher: Matcher, text: str, entry: Entry) -> bool:
    """Whether ``text`` is about the assistant itself and names nothing
    else of the content (see the module's doc)."""
    if not ON or matcher.scope is None or matcher._editors_words(text, entry):
        return False
    words = normalize.strip_fillers(normalize.clean(text)).split()
    spoken_of, of_listener = _listener_words(words)
    if not spoken_of:
        return False
    if any(w in scope.REFERRING or w in normalize.BODY_WORDS for w in words):
        return False
    units = matcher.said_units(" ".join(w for i, w in enumerate(words) if i not in of_listener))
    return not (any(t in matcher._conditions for _, t in units)
                or matcher.scope.any_distinctive(units))
