"""A line that stops in the middle of its sentence ("what is the", "how do
I", "can you tell me about"): a user who tires mid-sentence, or lets go of
the button too soon, is asked to finish it, not told the question was off the
subject (phrases.only_heard). Only asked of a line the matcher found nothing
for, so a broken-off question it can still answer ("what are the early signs
of") is answered or offered as before.

Decided from the line's grammar, not from the content: it ends with a word an
English sentence cannot end with (an article, "my", "and"), or it is made
only of the words that open a question and ends where the question's subject
or verb should come ("how do I", "is there", "what about").
"""

from __future__ import annotations

from voice.matching.normalize import FILLER_WORDS, clean

_QUESTION = frozenset("what how why when where which who whose".split())
#: Auxiliaries after which a verb must come ("how do I ..."); "is", "are"...
#: ("how are you", "who is it") can end a question, so they are apart.
_NEEDS_VERB = frozenset(
    "do does did can could should would will shall may might must".split())
_COPULA = frozenset("is are am was were".split())
_SUBJECT = frozenset("i you we they he she".split())
#: Words no English sentence ends with, whatever came before: articles,
#: possessive determiners (not "her", also the object: "how can I help her"),
#: conjunctions.
_NEVER_LAST = frozenset("the a an my your our their its and or but because".split())
#: Words of a question's opening only ("can you tell me about", "I want to
#: know", "what is the"): a line of nothing else names no subject.
_OPENING = (_QUESTION | _NEEDS_VERB | _COPULA | _SUBJECT | _NEVER_LAST
            | frozenset("there it me us tell explain about of for to with on want wanted "
                        "like know wonder wondering ask need".split()))
#: The last word of an opening-only line that leaves it unfinished: a
#: preposition without its object ("what about"), "tell me", "I want to know".
_OPENING_ENDS = frozenset("about of for to with on me know ask".split())


def is_unfinished(text: str) -> bool:
    """True when ``text`` breaks off before its sentence is complete."""
    words = clean(text).split()
    while words and words[0] in FILLER_WORDS:
        words.pop(0)
    while words and words[-1] in FILLER_WORDS:
        # "what is the um": the hesitation is where the user stopped.
        words.pop()
    if not words:
        return False
    last = words[-1]
    if last in _NEVER_LAST:
        # Not a name's letter: "Niemann-Pick disease type A" (MedQuAD).
        return not (last == "a" and text.rstrip(" .?!").endswith(" A"))
    if not all(w in _OPENING for w in words):
        return False
    if words[0] not in _QUESTION | _NEEDS_VERB | _COPULA | {"tell", "explain", "i"}:
        return False
    before = words[-2] if len(words) > 1 else ""
    if last in _NEEDS_VERB or last in _COPULA:
        # "what is", "how can"; not "what do i do", "what can you do".
        return before not in _SUBJECT
    if last in _SUBJECT:
        return before in _NEEDS_VERB  # "how do i", "can you"; not "who are you"
    if last == "there":
        return before in _COPULA and words[0] != "who"  # "is there"; not "who is there"
    if last == "me":
        return before in ("tell", "explain")  # "tell me"; not "why me", "what about me"
    if last in ("know", "ask"):
        return before == "to"  # "i want to know"; not "what can i ask", "do you know"
    # A preposition without its object: "what about", "tell me about"; not
    # "what is it about".
    return last in _OPENING_ENDS and before not in ("it", "this", "that")


#: Whisper tiny.en writes a spoken half sentence's last "the" as "that": of
#: 12 half sentences in 13 voices (6 espeak-ng conditions, 7 natural;
#: scripts/tune_half_heard.py --pointers, 2026-12-03, AVX2 path), "what is
#: the" was heard "what is that" 6 times of 13, "what's the" "what's that" 3,
#: "what is a" "what is that" 1, each declined as off the subject. A bare
#: "what is that" ("what's that") with no answer before it to point at names
#: no subject either, so it is asked to be finished too
#: (``points_at_nothing``; the conversation checks there was no answer):
#: half sentences asked to be finished 55 -> 65 of 156, none answered or
#: offered otherwise. Nothing else is heard so: none of 716 tuning clips
#: (in scope and out, scripts/tune_spoken_oos.py --dump) and none of tests/
#: data's 21,816 typed lines and transcripts is a bare "what is that".
#: Said as such with nothing before it, it is asked to be finished too
#: (heard right in 13 of 13 voices), which points the way as well as "I
#: don't have an answer for that" did. False turns it off.
BARE_POINTER = True


#: A question of "what", one word and a pointer ("what is it", "what causes
#: that", "what helps this"), or an opening whose object is a pointer ("can
#: you tell me about that"), names nothing but the pointer; with no answer
#: before it the pointer points at nothing, and the entry it matches is a
#: guess at what was meant. Said aloud it is often a half sentence as
#: Whisper hears it: "what causes the" was heard "what causes that / there /
#: they" and answered outright with the causes of spasms. So with no answer
#: before it such a line is matched as a doubtful one (the entry offered,
#: "Did you mean ...?", never read in full), and asked to be finished when
#: nothing matches ("what is it", as "what is that" already was); a learned
#: phrasing or one of the content's own questions is answered as before.
#: "what is this" is left out: asked of the assistant itself, the reply
#: naming what it can answer is the answer. Measured (hear14, AVX2 path;
#: scripts/tune_half_heard.py --show, replies recomputed from the hearings):
#: 14 half sentences and pointer questions in 13 voices (182 clips),
#: answered outright 18 -> 3 (with CUT_SHORT_OFFERED), asked to finish 71 ->
#: 106; "what causes the" answered 8 -> 0 of 13. Of tests/data's 9,258 typed
#: lines none changes outcome (scripts/tune_pointers.py), and none of the
#: 1,382 distinct hearings in the transcript cache points at nothing. False
#: turns it off (only the bare "what is that" of BARE_POINTER is left).
POINTER_QUESTIONS = True
_POINTERS = frozenset("that it this".split())
#: "what causes the" was heard "what causes there" (festival's slt voice)
#: and "what causes they" (flite's slt) too: in a line of three, as pointers.
_ALSO_POINTING = frozenset("there they them".split())


def points_at_nothing(text: str) -> bool:
    """``text`` is a bare "what is that" (or "what's that"; BARE_POINTER), or
    (POINTER_QUESTIONS) "what", one word and "it", "that", "this", "there",
    "they" or "them" (not "what is this"), or an opening ending in a preposition with a pointer
    for its object ("tell me about it"): said with no answer before it,
    nothing is named."""
    words = [w for w in clean(text).split() if w not in FILLER_WORDS]
    if words == ["what", "is", "that"]:
        return BARE_POINTER
    if not POINTER_QUESTIONS or len(words) < 2:
        return False
    if len(words) == 3 and words[0] == "what" and words[2] in _POINTERS | _ALSO_POINTING:
        return words[1:] != ["is", "this"]
    if words[-1] not in _POINTERS:
        return False
    # "can you tell me about that", "what about it": an opening that ends
    # where its object should come, with a pointer for the object.
    return words[-2] in _OPENING_ENDS and is_unfinished(" ".join(words[:-1]))


#: A line that stops on a word no sentence ends with (an article, "my",
#: "and": ``_NEVER_LAST``), as "what causes the" broken off, names nothing
#: after it: the entry it matches is a guess, offered ("Did you mean ...?"),
#: never read in full; one that matches nothing is asked to be finished as
#: before. Whisper heard "what causes the" as said in 3 of 13 voices (AVX2
#: path), each answered outright with the causes of spasms. Of tests/data's 9,258
#: typed lines 5 end so (all out of scope) and none changes outcome; of the
#: tuning clips' hearings (scripts/tune_spoken_oos.py --dump) none answered
#: right ends so (scripts/tune_pointers.py --constant CUT_SHORT_OFFERED).
#: False turns it off.
CUT_SHORT_OFFERED = True


#: "it" in a first question names the one thing the assistant is about:
#: "what causes it" is answered with the causes (tests/test_vague_questions.py,
#: an earlier decision), not offered. The pointers Whisper tiny.en made of a
#: broken-off "the" were "that", "there" and "they" (hear14's 182 clips), so
#: those, "this" and "them" are guesses, offered; "it" is not. A line with
#: "it" that matches nothing ("what is it", Whisper's hearing of "what is a")
#: is still asked to be finished (``points_at_nothing``).
_NAMES_THE_SUBJECT = frozenset({"it"})


def guesses_the_subject(text: str) -> bool:
    """``text`` points at nothing (``points_at_nothing``) with a pointer that
    stands for a word not said ("that", "this", "there", "they", "them"), so
    what it matches is a guess: offered, never read in full."""
    words = [w for w in clean(text).split() if w not in FILLER_WORDS]
    return points_at_nothing(text) and words[-1] not in _NAMES_THE_SUBJECT


def cut_short(text: str) -> bool:
    """``text`` breaks off on a word no sentence ends with ("what causes the",
    "is there a cure for my"), so what it matches is offered (CUT_SHORT_OFFERED)."""
    words = [w for w in clean(text).split() if w not in FILLER_WORDS]
    return (CUT_SHORT_OFFERED and bool(words) and words[-1] in _NEVER_LAST
            and is_unfinished(text))


def trails_off(text: str) -> bool:
    """``text`` stops on a word no sentence ends with ("what helps with spasms
    and", "is there a cure or", "... because"): the rest may still come after
    a pause, so a listener waits for it (voice listen's ``unfinished_wait``).
    Not the CUT_SHORT_OFFERED switch: that one is about matching."""
    words = [w for w in clean(text).split() if w not in FILLER_WORDS]
    return bool(words) and words[-1] in _NEVER_LAST and is_unfinished(text)


def heard_part(text: str) -> str:
    """The words as the user gave them, without the punctuation a recognizer
    or typist left at the end ("What is the..." -> "What is the")."""
    words = text.strip().rstrip(" .,;:!?-\u2026").split()
    while len(words) > 1 and clean(words[-1]) in FILLER_WORDS:
        words.pop()  # "what is the um" -> "what is the"
    return " ".join(words).rstrip(" .,;:!?-\u2026")


#: Words a new sentence opens with: said after "I only heard 'what is the'",
#: a line opening so is a question of its own ("what is spasticity", "tell
#: me about diet", "I have cramps"), taken as it is, not joined.
_NEW_SENTENCE = _QUESTION | _NEEDS_VERB | _COPULA | _SUBJECT | frozenset(
    "tell explain please".split())


def finished(part: str, rest: str) -> str | None:
    """``part`` (a half sentence the user was asked to finish) with ``rest``,
    the words said next, as one question ("what is the" + "spasticity" ->
    "what is the spasticity"); None when ``rest`` opens a sentence of its own.
    Words said again at the seam are said once ("what is the" + "the
    medicines"), and a subject after an auxiliary continues it ("how can" +
    "I help my wife")."""
    part_words = part.split()
    if points_at_nothing(part) and len(part_words) > 1:
        # "what is it" + "baclofen": the rest is what the pointer stood for.
        part_words = part_words[:-1]
    rest_words = rest.strip().rstrip(" .?!").split()
    said = [w for w in clean(rest).split() if w not in FILLER_WORDS]
    if not part_words or not said:
        return None
    ends = clean(part).split()[-1:]
    continues = bool(ends) and ends[0] in _NEEDS_VERB | _COPULA and said[0] in _SUBJECT
    if said[0] in _NEW_SENTENCE and not continues:
        return None
    seam = [clean(w) for w in rest_words]
    tail = [clean(w) for w in part_words]
    for k in range(min(len(tail), len(seam)), 0, -1):
        if tail[-k:] == seam[:k]:
            rest_words = rest_words[k:]
            break
    if not rest_words:
        return None
    return " ".join(part_words + rest_words)
