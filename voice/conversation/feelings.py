"""Someone saying how they feel, not asking a question.

"I feel sad", "I am tired", "I'm scared" name a subject of the content
(sadness and fear: coping; tiredness: fatigue), so the matcher answered them
outright and read a whole section to a sentence that asked nothing. Said to
a person, they are met first with a kind word; then the entry that fits is
offered ("Would you like to hear ...?"), never read unasked.

A line of distress ("I can't go on", "I feel hopeless", "I don't want to be
here any more") is never passed over: it is answered with a kind word and
the advice to tell someone, and to call for help at once if in danger. The
plainest words of danger ("I want to die", "suicidal") are emergencies
already (voice/matching/emergency.py), checked before anything else.

A question about a feeling ("why am I so tired", "I am tired all the time,
is that normal", "I'm scared, what can I do") is a question: matched as
before. Pure: text in, a ``Feeling`` or None out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from voice.matching.normalize import clean

Tone = Literal["distress", "low", "good", "said"]

#: How people say they feel bad; "tired", "scared", "lonely" and the like.
#: Multi-word ones first, so "fed up" is echoed whole.
LOW_WORDS = (
    "fed up", "worn out", "run down", "stressed out", "freaked out", "in pain", "sick and tired",
    # "im a carer and im burnt out" was declined plainly, "i'm knackered"
    # read Impact on Daily Life in full (session 45, typed).
    "burnt out", "burned out", "knackered",
    "sad", "unhappy", "down", "low", "depressed", "miserable", "tearful", "gloomy",
    "tired", "exhausted", "drained", "weary", "fatigued", "shattered", "sleepy",
    "scared", "afraid", "frightened", "terrified", "anxious", "nervous", "worried", "panicky",
    "panicking", "lonely", "alone", "isolated", "stressed", "overwhelmed", "upset", "angry",
    "cross", "frustrated", "annoyed", "helpless", "useless", "ashamed", "embarrassed",
    "guilty", "bored", "confused", "lost", "weak", "awful", "terrible", "bad", "rubbish",
    "horrible", "dreadful", "struggling", "sore", "dizzy", "sick", "ill", "unwell",
)
#: Low moods, met with the coping entry first (kind_offers.feeling; session
#: 33, typed: "i'm feeling low today" got no entry offered). Not tiredness
#: (the fatigue of Impact on Daily Life), fear (worries.py) or signs.
MOOD_WORDS = frozenset({
    "sad", "unhappy", "down", "low", "blue", "depressed", "miserable", "tearful", "gloomy",
    "lonely", "alone", "isolated", "stressed", "stressed out", "overwhelmed", "upset",
    "anxious", "nervous", "worried", "panicky", "panicking", "fed up", "frustrated",
    "helpless", "useless", "burnt out", "burned out",
})
#: How people say they feel well.
GOOD_WORDS = (
    "all right", "happy", "glad", "good", "great", "fine", "okay", "ok", "well", "better",
    "alright", "wonderful", "fantastic", "excellent", "relieved", "calm", "grateful",
)
#: Said before the feeling word ("I am so very tired").
_DEGREE = r"(?:(?:so|very|really|a bit|a little|quite|too|always|just|extremely|totally|" \
          r"completely|pretty|rather|fairly|kind of|sort of|still|getting|feeling|being|" \
          r"constantly|often|sometimes|a lot|more and more|bit|much|so much|even|far) )*"

#: Lines of distress: hopelessness, wanting to give up or not to be here.
_DISTRESS = re.compile("|".join([
    r"\bhopeless\b", r"\bworthless\b", r"\bno hope\b",
    # Said of oneself ("i feel like giving up"), not of a thing ("is a
    # wheelchair giving up", dev.tsv) nor of a habit ("i gave up smoking").
    r"\b(i|i am|i feel like|i want to|i just want to|i have|i might|ready to|close to) "
    r"(just )?(give|giving|given) up$",
    r"\b(give|giving|given|gave) up on (life|everything|myself|living)\b",
    r"\bcan not (go on|carry on|cope|take (it|this|any ?more)|do this any ?more|face)\b",
    r"\b(do not|not) want to (live|be here|go on|carry on|wake up|be alive|exist)\b",
    r"\b(better off|be better) (dead|without me)\b",
    r"\b(wish|wished) (i|that i) (was|were|could be|had) (dead|died|not here|never been born)\b",
    r"\bwish i could (die|disappear|sleep forever|not wake up)\b",
    r"\bwant to (disappear|sleep forever|not wake up)\b",
    r"\b(nothing|no reason|no point) (to live|in living|living|in going on|going on)\b",
    r"\bwhat is the point (of|in) (living|life|anything|going on|it all|trying|carrying on)\b",
    r"\bwhat is the point any ?more\b",
    r"\b(sick|tired) of (living|life|being alive)\b",
    r"\b(had|have had) enough of (life|living|everything|it all)\b",
    r"\b(i am|i have become|i feel like) a burden\b",
    r"\bno one (cares|would care|would miss me)\b",
    r"\bnobody (cares|would care|would miss me)\b",
    # Session 32 (typed): "is life worth living" was declined as off the
    # subject and "i hate my life" offered Impact on Daily Life, where
    # "what's the point of living" got this reply.
    r"\b(is|if) (my )?life (even |still |really )?worth (living|it)\b",
    r"\blife (is not|is no longer|is just not|does not seem) worth (living|it)\b",
    r"\bnot worth living\b",
    r"\bi (really |just )?(hate|cannot stand|can not stand) (my life|living|being alive)\b",
]))

#: Words that open a question or a request. A clause starting with one makes
#: the line a question ("i am tired, is that normal"; "i'm scared, what can i do").
_OPENERS = frozenset(
    "what how why when where which who whom whose can could should would will shall do does "
    "did is are am was were have has any tell help please explain describe give list "
    "recommend suggest".split())
#: A question word used as one inside a statement ("i am tired what can i do"),
#: not as a relative ("scared of what will happen").
_INNER_QUESTION = re.compile(
    r"(?<!\bof )(?<!\babout )\b(what|how|why|when|where|which) (can|could|should|do|does|is|"
    r"are|will|would|to|else)\b|\b(is|are) (that|this|it) (normal|common|usual|ok|okay|"
    r"a sign|serious|part of)\b|\b(should|can|could|do|will) (i|we|he|she|they) \w+")
#: Words before "i feel" that keep the line a statement ("if i feel that way").
_LEADS = r"(?:(?:well|oh|honestly|sometimes|lately|today|tonight|now|right now|just|really|" \
         r"if|when|and|but|i think|i guess|to be honest|some days|most days|at times|" \
         r"these days|every day|all day|still) )*"
_I_FEEL = re.compile(rf"^{_LEADS}(?:i|we) (?:(?:do not|can not|have been|keep|have|always|" \
                     r"often|still|just|really|sometimes|am|) ?)?(?:feel|feeling|felt)\b(.*)$")
_I_AM = re.compile(rf"^{_LEADS}(?:i am|i have been|i get|i am getting|i keep getting|" \
                   rf"i have got|i get so|i have become) (not )?{_DEGREE}(.+)$")
_CANNOT = re.compile(rf"^{_LEADS}i (?:can not|just can not|do not|could not) "
                     r"(?:sleep|stop crying|stop worrying|relax|rest|cope|manage)\b")

#: Life said to be hard ("life is so hard", "everything is a struggle"):
#: met as a low feeling, the coping entry offered; "life is hard" was
#: offered Impact on Daily Life or the cure FAQ (session 32, typed).
#: Session 33 (typed): "everything is so hard with ms" was offered the
#: section on recognizing the disorders, "ms is ruining my life" declined;
#: the condition it is hard with may be named, and the condition may be
#: what ruins it.
_WITH = (r"(?: (?:with|because of) (?:my |the |this |these |all )?(?:ms|als|it|this|spasms|"
         r"cramps|condition|illness|disease|disorder|pain|multiple sclerosis|"
         r"myasthenia(?: gravis)?))?")
_WHEN_SAID = r"(?: (?:now|today|these days|at the moment|lately|right now))?"
_HARD_SAID = (rf"{_LEADS}(?:(?:my )?(?:life|everything|every day|each day|it all) "
              r"(?:is|feels|has been|has become|is getting) (?:just )?(?:so |really |very "
              r"|too |such )?(?:hard|tough|difficult|a struggle|too much|unbearable)"
              rf"{_WITH}{_WHEN_SAID}"
              r"|(?:my )?(?:ms|als|it|this|my condition|this condition|this disease|my illness|"
              r"the spasms|my spasms|the pain) (?:is|has|keeps) (?:ruining|ruined|taking over|"
              r"taken over|destroying|destroyed|wrecking|wrecked) my life"
              # Session 34 (`voice ask`): "I can't do anything anymore" was
              # declined; a loss told, met kindly like a struggle.
              r"|i (?:can not|cannot|can t) do anything(?: for myself| on my own| by myself)?"
              r" (?:any ?more|now|these days)"
              # "i'm at the end of my tether" was declined plainly (session
              # 45, typed): a struggle told, as "life is too much".
              r"|i am (?:just |really |completely )?at (?:the end of my tether|the end of my rope|"
              r"my wits end|my wit s end|my wit's end|breaking point)"
              r"|i (?:can not|cannot|can t) do (?:the things|what) i (?:used to|love|loved)"
              r"(?: do| doing)?(?: any ?more)?)")
_HARD = re.compile(rf"^{_HARD_SAID}$")
#: The same, with help asked after it ("life is hard with ms, what can
#: help" was declined, session 33): still a struggle told first, met kindly,
#: its offer the coping entry (kind_offers.feeling).
_HARD_ASKING = re.compile(
    rf"^{_HARD_SAID}(?: (?:and|so|but))? (?:what can (?:help|i do|we do)|what helps|"
    r"how (?:do|can) i cope|how do i deal with it|what do i do|any advice|can you help(?: me)?|"
    r"what should i do)$")

#: Feeling alone with it: "nobody understands", "no one listens to me", "I
#: have no one to talk to" (session 24, `voice text`: declined as off the
#: subject, and said to a "Would you like ...?" met with "Sorry, I didn't
#: catch that"). A low feeling, met kindly; the coping entry is offered.
_UNHEARD = re.compile(
    rf"^{_LEADS}(?:no one|nobody|noone|not one person) (?:really |ever |even )?"
    r"(?:understands|gets it|gets me|listens|believes me|knows what it is like|knows how it feels"
    r"|knows how i feel|visits|talks to me|has time for me|helps me)"
    # Ending there: "nobody understands spasticity" asks about it.
    r"(?: me| it| us| what i am going through| how i feel| what it is like| to me| me any ?more)?$"
    rf"|^{_LEADS}i (?:have|have got) (?:no one|nobody|noone)(?: to (?:talk to|turn to|help me))?$"
    # Those close not understanding (session 33, typed): "my family doesn't
    # understand" was declined as off the subject.
    rf"|^{_LEADS}(?:my (?:family|friends|husband|wife|partner|kids|children|parents|doctor|boss)"
    r"|people|other people|my own family) (?:just |really |still )?(?:do not|does not|never) "
    r"(?:understand|get it|listen|believe me)(?: me| it| what i am going through| how i feel"
    r"| what it is like| how hard it is)?$"
)


#: A carer with no time or rest of their own: "i look after my dad and i
#: have no time for myself" was declined plainly (session 46, typed). A
#: struggle told; the coping entry (carers looking after themselves, respite)
#: is offered.
_NO_TIME = re.compile(
    rf"^{_LEADS}i (?:have|have got|get|ve got) (?:no|hardly any|never any|not any) "
    r"(?:time (?:for|to) (?:myself|me)|time of my own|me time|life of my own|life any ?more|"
    r"break|breaks|rest|time off)(?: any ?more| at all)?$"
    rf"|^{_LEADS}i (?:never|do not|don t|can never|can not|cannot|can t) (?:get|have) (?:a break|"
    r"any breaks?|any rest|any time (?:for|to) myself|time (?:for|to) myself|time off|a minute "
    r"to myself|a moment to myself)(?: any ?more| at all)?$")


@dataclass(frozen=True)
class Feeling:
    """What the line says of how the speaker feels."""

    tone: Tone
    """distress (hopeless, giving up), low (sad, tired), good (happy,
    better), or said (a feeling, neither word known: "I feel that way")."""
    word: str = ""
    """The feeling word, to say back ("tired", "fed up"); "" for none."""
    coping: bool = False
    """Life told to be hard, or feeling unheard: the coping entry is what
    is offered first, whatever other entry the line's words reach
    (kind_offers.feeling; session 33)."""


def _clauses(text: str) -> list[str]:
    """The line's clauses, cleaned: split at punctuation and "and"/"but"."""
    parts = re.split(r"[,;:.!?\n]+|\s[-–]\s", text)
    out: list[str] = []
    for part in parts:
        out.extend(c for c in re.split(r"\b(?:and|but)\b", clean(part)) if c.strip())
    return [" ".join(c.split()) for c in out]


def is_question(text: str) -> bool:
    """Whether ``text`` asks something: a clause opens with a question or
    request word, or a question is asked inside it."""
    for clause in _clauses(text):
        words = clause.split()
        if words and words[0] in _OPENERS:
            return True
        if _INNER_QUESTION.search(clause):
            return True
    return False


#: Words after a feeling word that make it no feeling ("bad at", "down to").
_NOT_AFTER = frozenset("at to".split())
#: What may follow "i am fine" and keep it a feeling ("i am fine thanks").
_GOOD_TRAILERS = frozenset("thanks thank you today now again thankfully".split())


#: When a feeling is said to be felt, after it: "i feel down at the moment"
#: was thanked for telling ("down at" reads as a place, _NOT_AFTER; session
#: 33, typed).
_FELT_WHEN = re.compile(r" (?:at the moment|right now|just now|at present|these days|today|"
                        r"tonight|lately|recently|all the time|most days|again)$")


def _word_in(rest: str, words: tuple[str, ...]) -> str:
    """The first of ``words`` that ``rest`` starts with (after degree words)."""
    rest = re.sub(rf"^{_DEGREE}", "", rest.strip() + " ").strip()
    rest = _FELT_WHEN.sub("", rest)
    for word in words:
        if rest == word:
            return word
        if rest.startswith(word + " ") and rest[len(word):].split()[0] not in _NOT_AFTER:
            return word
    return ""


def _only(rest: str, word: str) -> bool:
    """Whether ``rest`` says ``word`` and nothing else but thanks and the like."""
    after = re.sub(rf"^{_DEGREE}", "", rest.strip() + " ").strip()[len(word):].split()
    return all(w in _GOOD_TRAILERS for w in after)


#: What is felt in the body, not a feeling: "I feel tingling in my hands",
#: "I can't feel my legs" were thanked "for telling me how you feel"
#: (session 10); now met as something bad ("I'm sorry to hear that").
_SENSATION = re.compile(
    r"^ ?(?:a |some |this |the )?(?:numb|numbness|tingling|tingly|pins(?: and needles)?|pain|pains|"
    r"aches?|aching|cramps?|cramping|twitch\w*|spasms?|stiff|stiffness|burning|throbbing|"
    r"weakness|shaking|trembling|shooting)\b"
    r"|^ ?(?:my|his|her|anything|nothing) (?:\w+ )?(?:legs?|arms?|hands?|feet|foot|face|"
    r"fingers?|toes?|body|muscles?|side|left|right|below|in)\b")


#: Words after a feeling word that keep it said of the speaker ("tired all
#: the time", "scared of falling", "fed up with all this", "sad today",
#: "worried my son has ms": a clause's first word, a pronoun). Any
#: other word makes the feeling word one of a thing ("i'm getting very bad
#: bruising all over", qdoctors-tuning.tsv, was met with "I'm sorry you're
#: bad."; "i am getting sore muscles", "weak legs", "terrible pain"): the
#: tone is kept, the word is not said back ("I'm sorry to hear that.").
_ECHO_AFTER = frozenset(
    "all about of with for by from because since as when whenever while if so too now "
    "today tonight again lately recently sometimes often always most every these this "
    "that in and but or right after before than like nowadays anymore any more a lot "
    "at the moment thanks thank you i my me he she it they we you his her our their there "
    "what how "
    # What is done that tires ("i am worn out looking after him", inscope17-tuning).
    "looking caring waiting trying doing being having going living dealing coping "
    "getting".split())


def _echo(rest: str, word: str) -> str:
    """``word`` when it is said of the speaker in ``rest``, else ""; "sick
    of" is "fed up" ("i am sick of my wheelchair": not "you're sick")."""
    after = re.sub(rf"^{_DEGREE}", "", rest.strip() + " ").strip()[len(word):].split()
    if not after:
        return word
    if word == "sick" and after[0] == "of":
        return "fed up"
    return word if after[0] in _ECHO_AFTER else ""


def _of_clause(clause: str) -> Feeling | None:
    feel = _I_FEEL.match(clause)
    if feel:
        negated = " not " in f" {clause[:feel.start(1)]} "
        rest = feel.group(1)
        rest = re.sub(r"^ (like|as if|as though|that) ", " ", rest)
        if _SENSATION.match(rest):
            return Feeling("low")
        low, good = _word_in(rest, LOW_WORDS), _word_in(rest, GOOD_WORDS)
        if negated:
            # "i do not feel well": low; "i do not feel scared": said.
            return Feeling("low") if good else Feeling("said")
        if low:
            return Feeling("low", _echo(rest, low))
        if good:
            return Feeling("good", good)
        return Feeling("said")
    am = _I_AM.match(clause)
    if am:
        negated = bool(am.group(1))
        rest = am.group(2)
        low, good = _word_in(rest, LOW_WORDS), _word_in(rest, GOOD_WORDS)
        if negated and good:
            return Feeling("low")  # "i am not good", "i am not feeling well"
        if negated and low:
            return Feeling("said")
        if low:
            return Feeling("low", _echo(rest, low))
        if good and _only(rest, good):
            # "i am fine", but not "i am well aware ..." or "i am good at ...".
            return Feeling("good", good)
        return None
    if _CANNOT.match(clause):
        return Feeling("low")
    if _UNHEARD.match(clause) or _NO_TIME.match(clause):
        return Feeling("low", coping=True)
    return None


#: A feeling said on its own, as a tired user with little speech says it
#: ("tired", "so tired", "exhausted", "scared"): each was read an entry in
#: full (Impact on Daily Life, Coping Strategies), where "I'm tired" is met
#: kindly and the entry offered (session 26, `voice text`, journey29). Only
#: words that are feelings and nothing else: not "weak", "dizzy", "sore"
#: (signs), nor "fatigue" (a subject, asked about).
_BARE_WORDS = (
    "worn out", "fed up", "stressed out", "burnt out", "burned out", "knackered", "tired",
    "exhausted", "drained", "weary", "fatigued",
    "shattered", "sleepy", "sad", "unhappy", "depressed", "miserable", "scared", "afraid",
    "frightened", "terrified", "anxious", "nervous", "worried", "lonely", "stressed",
    "overwhelmed", "upset", "frustrated",
)
_BARE = re.compile(rf"{_DEGREE}(?P<word>{'|'.join(_BARE_WORDS)})(?: (?:now|today|tonight))?"
                   # "feeling down" was read Coping Strategies in full (session
                   # 33, typed): "down" and "low" alone are no feeling, after
                   # "feeling" they are.
                   rf"|(?:{_DEGREE})?feeling {_DEGREE}(?P<mood>down|low|blue)"
                   r"(?: (?:now|today|tonight))?")


def feeling_of(text: str) -> Feeling | None:
    """How ``text`` says the speaker feels, or None when it does not say,
    or asks a question (which is matched as one)."""
    cleaned = clean(text)
    if _DISTRESS.search(cleaned):
        return Feeling("distress")
    if _HARD_ASKING.fullmatch(cleaned.rstrip(" .!?")):
        return Feeling("low", "struggling", coping=True)
    if is_question(text):
        return None
    bare = _BARE.fullmatch(cleaned)
    if bare:
        return Feeling("low", bare.group("word") or bare.group("mood"))
    if _HARD.fullmatch(cleaned.rstrip(" .!")):
        return Feeling("low", "struggling", coping=True)
    found = [f for f in map(_of_clause, _clauses(text)) if f is not None]
    if not found:
        return None
    # "i am a carer and i am exhausted": the feeling said, not the rest.
    for tone in ("low", "said", "good"):
        for f in found:
            if f.tone == tone:
                return f
    return None
