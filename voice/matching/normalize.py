"""Turns what people say (or what a recognizer heard) into matchable tokens.

Speech transcripts have fillers ("um", "can you tell me"), contractions and
word-form noise; typed questions have punctuation and capitals. Both end up as
the same stemmed content tokens here.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("english")

_CONTRACTIONS = {
    "what's": "what is", "whats": "what is", "where's": "where is", "who's": "who is",
    "how's": "how is", "it's": "it is", "that's": "that is", "there's": "there is",
    "can't": "can not", "cannot": "can not", "won't": "will not", "don't": "do not",
    "doesn't": "does not", "isn't": "is not", "aren't": "are not", "i'm": "i am",
    "i've": "i have", "i'd": "i would", "i'll": "i will", "you're": "you are",
    "let's": "let us", "couldn't": "could not", "wouldn't": "would not",
    "shouldn't": "should not", "didn't": "did not",
    # Typed without the apostrophe (recognizers and quick typists do).
    "dont": "do not", "doesnt": "does not", "didnt": "did not", "isnt": "is not",
    "arent": "are not", "cant": "can not", "couldnt": "could not", "wouldnt": "would not",
    "shouldnt": "should not", "ive": "i have", "im": "i am", "youre": "you are",
    "thats": "that is", "theres": "there is",
    # "he wont go to physio" (session 45, typed): "wont", a habit, is all but
    # never meant.
    "wont": "will not",
    # Session 24 (robust25, scripts/robust25_contractions.py): left as they
    # were, "what're the signs" was declined where "what are the signs" was
    # answered (100 of 1,704 tuning pairs, typed or heard, differed; 8 after).
    # Not "you've": as "you have" it cost benchmark.py's everyday requests
    # without the scope check 3 of 2,024 (89.2% -> 89.0%; counts only).
    "what're": "what are", "hasn't": "has not", "haven't": "have not",
    "hadn't": "had not", "wasn't": "was not", "weren't": "were not",
    # "he's" and "she's" are expanded by the word after them (_HE_HAS, in
    # clean()): "he's been seizing" is "he has been", "he's dying" "he is".
    "they're": "they are", "we're": "we are",
    "we've": "we have", "they've": "they have",
    "should've": "should have", "could've": "could have", "would've": "would have",
    "you'll": "you will", "it'll": "it will", "they'll": "they will",
    "we'll": "we will", "he'll": "he will", "she'll": "she will",
    "he'd": "he would", "she'd": "she would", "they'd": "they would",
    "we'd": "we would", "you'd": "you would", "why's": "why is", "when's": "when is",
    "here's": "here is", "how'd": "how did", "what'd": "what did", "ain't": "is not",
    "mustn't": "must not", "needn't": "need not", "shan't": "shall not",
}

#: Openers and hesitations that carry no meaning; removed as whole phrases.
FILLER_PHRASES = (
    "can you tell me", "could you tell me", "would you tell me", "please tell me",
    "tell me", "i want to know", "i would like to know", "i wanted to know",
    "i was wondering", "i wonder", "do you know", "you know", "i mean", "kind of",
    "sort of", "let me know", "i need to know", "explain to me", "talk to me about",
    "tell us", "can you explain", "could you explain",
    # "can I ask you about X" asks about X.
    "can i ask you about", "could i ask you about", "can i ask about", "could i ask about",
    "i want to ask about", "i wanted to ask about", "i want to ask you about",
    # "do genes play a part": the idiom says "matter", not games or roles.
    "play a part", "play any part", "play a role", "play any role",
    # When something happens says nothing about what is asked ("I'm anxious
    # all the time"), and "time" alone is an everyday request word.
    "all the time", "at the moment", "these days", "nowadays", "lately", "any more",
    "anymore", "at all",
    # "why did i get spasms in the first place" asks why, not about first
    # signs (scope16, inscope5-tuning.tsv: offered the early-signs FAQ).
    "in the first place",
    # Where the asker heard of something ("I saw robot legs on the news").
    "on the news", "in the news", "on the radio", "on the telly", "on tv", "on television",
    "in the paper", "in the papers",
)
FILLER_WORDS = frozenset(
    "um umm uh uhh er erm ah hmm mm like so well okay ok please hey hi hello oh "
    "actually basically just really anyway right".split()
)

#: Function words: they say how something is asked, not what.
STOPWORDS = frozenset(
    """a an the and or but if then of to in on at by for with from into about as is are was
    were be been being am do does did doing have has had having can could would should will
    shall may might must i me my mine we us our you your he him his she her it its they
    them their this that these those what which who whom whose where how there here
    any some all more most much many very too also not no yes get got go going
    tell say said know thing things anything something lot lots way ways one ones
    kind sort bit need want like help take taking make makes making get gets getting
    keep keeps give gives find use using used put let try seem come comes happen happens
    happening up out off over down on after before ever still always never often again
    already yet even only own other others same such each every both either neither than
    else good best bad really mean means meant matter matters point stuff
    wants wanted needs needed tries tried trying helps helped helping uses seems seemed
    happened anybody anyone somebody someone
    since until while during though although unless necessary""".split()
)
# "necessary" is "need" said as an adjective: "is medication necessary for
# ms" was declined (38.1) where "do i need medication for ms" was offered
# Medication (session 44, a forum question's tuning half).
#: Partners are who is asked about, not what: "my wife has MS, can she swim" is
#: about exercise. (Parents and children stay content words: they say heredity.)
#: "patient" too: "ms patient, is medication necessary" (a forum question's
#: tuning half, session 44).
PEOPLE_WORDS = frozenset("wife husband partner spouse boyfriend girlfriend patient "
                         "patients".split())
#: Where in the body, not what: "my legs are stiff every morning" asks about
#: stiffness, "my legs been numb for days" about numbness that lasts. The
#: content never names limbs, so as unknown words they pulled such questions
#: out of scope. "calf" was missing while "calves" was there: "cramp in my
#: calf" and "spasms in my calf" were declined, "cramp in my leg" offered;
#: "how do i stretch my hamstrings" declined, "... my legs" answered
#: (session 44, typed).
BODY_WORDS = frozenset("legs leg arms arm limbs limb thighs thigh calves calf hamstrings "
                       "hamstring".split())
# "help" is a stopword because nearly every entry helps with something; it
# made "how can I help" questions look in-scope for unrelated entries.

#: "he's" and "she's" (and typed without the apostrophe, not words of
#: their own) before these words are "he has", before any other "he is":
#: "he's been seizing for five minutes" is "he has been seizing", "she's
#: fallen" "she has fallen" (an emergency that was missed), "he's dying" and
#: "he's not moving" "he is" (both missed too, tests/test_journey26_emergencies.py).
_HE_SHE = {"he's": "he", "she's": "she", "hes": "he", "shes": "she"}
_HE_HAS = frozenset(
    "been got gotten had gone fallen taken done lost stopped started turned swallowed "
    "eaten broken hit hurt cut".split())
#: The same, for persons_own.py ("my son's been diagnosed").
HE_HAS = _HE_HAS

_NON_WORD = re.compile(r"[^a-z0-9' ]+")
_WHAT_IS_MEAN = re.compile(r"^what is ((?:\S+ ){0,3}?\S+) mean$")


#: The hospital's emergency department by its everyday names: "should i go
#: to a&e" was declined plainly where "... to the hospital" was answered the
#: FAQ on when to seek attention, and "the er" lost "er" as a hesitation
#: ("I only heard 'should i go to the'", session 46, `voice ask`). Not
#: "emergency room": the word "emergency" is an emergency's (emergency.py).
#: "the er" only where it ends the line or a clause, not "the er, best one".
_HOSPITAL_NAMED = re.compile(
    r"\b(?:a and e|a e|a n e|urgent care|casualty)\b"
    r"|\bthe er\b(?=$| (?:or|now|tonight|today|right|then|for|with|about|if|because|again)\b)")
#: The UK's non-emergency line, asked of as calling a doctor is.
_LINE_111 = re.compile(r"\b(call|ring|phone|dial|try) 111\b")


def clean(text: str) -> str:
    """Lower-case words with contractions expanded and punctuation removed."""
    text = text.lower().replace("’", "'")
    text = _NON_WORD.sub(" ", text)
    said = text.split()
    words = [_CONTRACTIONS.get(w, w) for w in said]
    for i, w in enumerate(said):
        if w in _HE_SHE:
            verb = "has" if i + 1 < len(said) and said[i + 1] in _HE_HAS else "is"
            words[i] = f"{_HE_SHE[w]} {verb}"
    cleaned = " ".join(w.strip("'") for w in words if w.strip("'"))
    cleaned = _LINE_111.sub(r"\1 the doctor", _HOSPITAL_NAMED.sub("hospital", cleaned))
    # "what's X mean" is "what does X mean": as "what is X mean" it was
    # offered where "what does neuromuscular mean" was answered.
    return _WHAT_IS_MEAN.sub(r"what does \1 mean", cleaned)


def strip_fillers(text: str) -> str:
    """``clean`` text without fillers ("um", "can you tell me")."""
    padded = f" {text} "
    for phrase in FILLER_PHRASES:
        padded = padded.replace(f" {phrase} ", " ")
    return " ".join(w for w in padded.split() if w not in FILLER_WORDS)


#: Snowball conflates these with unrelated words ("medication" and "medical"
#: both become "medic"), which made a medication question look like one about
#: seeing a doctor.
_STEM_OVERRIDES = {
    "medication": "medicat", "medications": "medicat", "medicated": "medicat",
    "medicine": "medicin", "medicines": "medicin",
}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _STEM_OVERRIDES.get(word) or str(_STEMMER.stemWord(word))


def is_function_word(word: str) -> bool:
    """True for a word that says how something is asked, not what."""
    return (word in STOPWORDS or word in FILLER_WORDS or word in PEOPLE_WORDS
            or word in BODY_WORDS)


def content_tokens(text: str) -> list[str]:
    """Stemmed content words of already-cleaned text."""
    return [stem(w) for w in text.split() if not is_function_word(w)]


#: "mg" said as the name of myasthenia gravis: "is there a cure for mg",
#: "how is mg treated", "what is mg" were declined plainly where "... for
#: myasthenia" was answered (session 45, typed); people with it call it MG.
#: Not milligrams: after a number ("10 mg", "ten mg"), "how many", "per",
#: or before "of", "a day", a dose or a tablet. Nor a road or a car of that
#: name ("how is the traffic in MG road?", NLU-Evaluation-Data's tuning
#: half, was read as myasthenia).
_MG_NAMED = re.compile(
    r"(?<![0-9] )(?<!\bone )(?<!\btwo )(?<!\bfive )(?<!\bten )(?<!\bmany )(?<!\bmuch )"
    r"(?<!\bper )(?<!\bhalf )(?<!\bfifty )(?<!\btwenty )(?<!\bhundred )(?<!\bthousand )"
    r"\bmg\b(?! (?:of|a day|per|daily|dose|doses|dosage|tablets?|pills?|capsules?|twice|once|"
    r"three times|each|every|in the|at night|in the morning|injection|injections|at a time|"
    r"is too|too|max|maximum|or|and \d|road|motor|motors|car|cars))")


_MND = re.compile(r"\bmnd\b")


def mg_named(cleaned: str) -> str:
    """``cleaned`` with "mg" as the condition's name written out, and "mnd"
    ("what is mnd" was declined plainly, where "what is motor neurone
    disease" is an "Also asked" line: session 46, typed)."""
    words = cleaned.split()
    if "mnd" in words:
        cleaned = _MND.sub("motor neurone disease", cleaned)
    return _MG_NAMED.sub("myasthenia gravis", cleaned) if "mg" in words else cleaned


@lru_cache(maxsize=65536)
def prepare(text: str) -> str:
    """Raw text to cleaned words without fillers, synonyms folded.

    Cached: a matcher and its scope model prepare every content text again
    when they are built (after a content change, and for each question of
    scripts/tune_ranking.py --leave-one-out), and a question is prepared
    several times while it is matched. Building both for the shipped content
    took 0.24 + 0.20 s before, 0.03 + 0.09 s with the cache (mean of 5,
    loaded machine)."""
    from voice.matching.persons_own import persons_own
    from voice.matching.synonyms import fold

    return fold(strip_fillers(persons_own(mg_named(clean(text)))))


def tokens(text: str) -> list[str]:
    """Stemmed content words of raw text."""
    return content_tokens(prepare(text))


#: "-able" and "-ible" make an adjective of a verb that keeps the verb's
#: subject: "treatable" is about treating, "curable" about curing,
#: "manageable" about managing. Snowball (the stemmer above) leaves the
#: suffix on ("treatabl"), so "is it treatable or curable" read "treatable"
#: as a rare word of another subject, and the question was declined.
_ABLE_SUFFIXES = ("able", "ible")
#: Negating prefixes: "incurable", "untreatable" ask about the same subject.
_NEGATING_PREFIXES = ("un", "in", "non")


def able_bases(word: str) -> list[str]:
    """The verbs an "-able"/"-ible" adjective may be made from, likeliest
    first ("treatable" -> treat; "curable" -> cure; "controllable" ->
    control; "reliable" -> rely; "untreatable" -> treat, before "untreat";
    "incurable" -> cure, before "incur"), or [] for another
    word. Only candidates: the matcher keeps one only when the content
    uses it (Matcher._repair), so "table" or "capable" never become a
    content word by accident."""
    for suffix in _ABLE_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            break
    else:
        return []
    out: list[str] = []
    # The bare verb first: "incurable" is "not curable", not something
    # "incur" makes; "incur" is English, and a content that used it would
    # have taken "incurable" for it. The matcher keeps the first candidate
    # the content uses, so a word whose "in-" is no negation ("inflatable")
    # still reads as its whole verb unless the content uses the bare one.
    stems = [base[len(p):] for p in _NEGATING_PREFIXES
             if base.startswith(p) and len(base) - len(p) >= 3] + [base]
    for b in stems:
        out += [b, b + "e"]
        if len(b) >= 2 and b[-1] == b[-2]:
            out.append(b[:-1])  # "controllable"
        if b.endswith("i"):
            out.append(b[:-1] + "y")  # "reliable"
    return out
