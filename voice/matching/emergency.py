"""Recognises words of an emergency, before any FAQ matching.

Deliberately broad: saying "call emergency services" to someone who did not
need it costs little; missing a real emergency costs a great deal. Patterns
work on cleaned text (lower case, contractions expanded), so "can't breathe",
"cannot breathe" and "can not breathe" are one pattern.
"""

from __future__ import annotations

import re

from voice.matching.normalize import clean
from voice.matching.relatives import RELATIVE

_PATTERNS = [
    r"\b(can not|could not|cant|unable to|hard to|struggling to|trouble|difficulty) breath",
    r"\bnot breathing\b",
    # Whisper writes a spoken "short of breath" as "short on breath" at times.
    r"\bshort(ness)? (of|on) breath\b",
    r"\b(chest|heart) (pain|pains|hurts|is hurting|pressure)\b",
    r"\bpain in (my|the|his|her) chest\b",
    r"\bheart attack\b",
    r"\b(choking|choke|chocking)\b",
    r"\bhaving a (stroke|seizure|fit)\b",
    r"\b(seizure|seizures|convulsing|convulsions) (now|right now|started)\b",
    r"\b(suicid\w*|kill (my|him|her)self|end (my|it all|my life)|want to die|self harm)\b",
    r"\b(overdose|overdosed|poisoned)\b",
    r"\b(unconscious|passed out|fainted|collapsed|not responding|unresponsive)\b",
    r"\b(severe|heavy) bleeding\b",
    # Not the name of a contraceptive ("had an emergency contraceptive pill
    # after sex, can i be pregnant"): two of 201 people's questions to
    # iCliniq (tests/data/icliniq-tuning.tsv's half, session 33) were told
    # to call an emergency number for it.
    r"\bemergency\b(?! (contraceptive|contraception))",
    r"\b(ambulance|nine one one|911|999|112)\b",
    # "call nine one one" heard as "call nine one" (Whisper, espeak-ng en-us).
    r"\bcall nine one\b",
    r"\b(can not|cannot|can't) (swallow|move) (at all|anything)\b",
    r"\b(i|he|she) (fell|has fallen|have fallen)( down| over)?( and)?( i| he| she)? "
    r"(can not|cannot) get up\b",
    # Someone who says they cannot get up, as a statement ("I'm falling and I
    # can't get up", "she felt and can't get up": Whisper's spellings of a
    # fall), not as a question ("why can't I get up in the morning").
    r"\b(i|he|she|and) can not get up( again| off the floor)?$",
    # "I've fallen", "she has fallen down", or just "he fell over".
    r"\b(i|he|she) (have|has) fallen\b",
    r"^(i|he|she) (just )?fell( down| over)?$",
    # Said by a caregiver in the words of what they see, not the names of it
    # (found using `voice text`: each of these was declined, and "I took too
    # many pills" was offered the entry on medication).
    r"\bstopped breathing\b",
    r"\b(he|she|they|him|her|husband|wife|partner|mother|mum|mom|father|dad|son|daughter"
    r"|child|baby) (will not|would not|does not|did not|is not|can not) (wake|waking) up\b",
    r"\b(took|taken|swallowed|ate) "
    r"(too many|too much(?! time)|a (whole )?(bottle|box|pack|packet) of)\b",
    # "I took all my baclofen", "he's swallowed all his tablets": offered the
    # entry on medication, or declined (session 35, `voice ask`). Not a
    # day's doses taken: "I took all my pills this morning", "as prescribed".
    r"\b(took|taken|swallowed|ate) (all|the whole lot|the rest) of (my|his|her|their|the|your) "
    r"(pills|tablets|medicine|medicines|medication|medications|meds|baclofen|tizanidine|"
    r"painkillers|sleeping pills)\b(?! (this|today|tonight|yesterday|as|on time|at)\b)"
    r"|\b(took|taken|swallowed|ate) all (my|his|her|their|the|your) "
    r"(pills|tablets|medicine|medicines|medication|medications|meds|baclofen|tizanidine|"
    r"painkillers|sleeping pills)\b(?! (this|today|tonight|yesterday|as|on time|at)\b)",
    r"\b(lips|face|skin|fingers|fingertips)( are| is)? (turning|turned|going|gone|are|is) blue\b",
    r"\b(face|mouth|smile) (is )?(drooping|droops|drooped|dropping)\b",
    r"\bbleeding (a lot|heavily|badly|so much|everywhere|will not stop|does not stop)\b",
    r"\b(will not|does not|can not) stop bleeding\b",
    r"\bthroat (is )?(closing|swelling|swollen|closed)\b",
    # A fall, or a cry for help, said as it happens ("help me I fell", "she
    # fell and hit her head"): each was declined. A fall in a question ("I
    # fell last year and broke my hip, can exercise help") is still no emergency.
    r"\bhelp\b.*\b(i|he|she) (fell|have fallen|has fallen)\b",
    r"\b(i|he|she) (fell|have fallen|has fallen)\b.*\bhelp (me|us)( please)?$",
    r"\b(fell|fallen)\b.*\b(hit (my|his|her) head|is bleeding|am bleeding|can not move)\b",
    r"\b(fell|fallen) down the stairs$",
    r"\bhit (my|his|her) head\b",
    r"^(please )?(somebody|someone|anybody|anyone) help( me| us)?( please)?$",
    r"^(please )?help( me)?( please)?( help( me)?( please)?)+$",
    r"\b(he|she|they|husband|wife|partner|mother|mum|mom|father|dad|son|daughter|child"
    r"|baby) (is|are) not moving\b",
    r"\b(he|she|baby|child) (is|is turning|turned|went|has gone) blue\b",
    r"\b(i am|he is|she is) dying\b(?! to)",
    r"^(i|he|she) (can not|cannot) move$",
    r"\bchest (is |feels )?(tight|tightness)\b",
]
_SAID_OTHERWISE = [
    # Session 10 (`voice text`): said in other words, each was declined or
    # met as a feeling ("I can't feel my arm and my face is numb": "Thank
    # you for telling me how you feel"). None of the lines of tests/data's
    # sets is taken (tests/test_journeys10_emergencies.py, counted only).
    r"\b(can not|could not) (catch|get) (my|his|her|their) breath\b",
    r"\b(i am|he is|she is|he's|she's|they are|keeps|kept) gasping\b",
    r"\bgasping for (air|breath)\b",
    r"\b(he is|she is|he's|she's|they are|baby is|child is) fitting\b",
    r"\b(gone|went|is going) (all )?floppy\b",
    r"\b(he|she|they|husband|wife|partner|mother|mum|mom|father|dad|son|daughter|child|baby) "
    r"(will not|does not|is not|can not) (respond|answer me)\b(?! to)",
    r"\bstuck in (my|his|her|their) (throat|windpipe)\b",
    # Not a hair or a beard going grey.
    r"(?<!hair )(?<!beard )(?<!hair)(?<!beard)\b(is|are|'s|has|have|and) "
    r"(turning|turned|going|gone) (grey|gray)\b",
    # The signs of a stroke as seen: one side of the face fallen, speech
    # slurred all at once, the face and an arm or leg numb or weak (not
    # asked as a question: "why is my face numb and my arm weak").
    # "side on": Whisper's hearing of espeak-ng's "one side of my face has dropped".
    r"\bside (of|on) (my|his|her|their) face\b.*\b(dropped|drooped|drooping|droops|fallen)\b",
    r"\b(slurred|slurring) (suddenly|all of a sudden)\b|\bsuddenly (slurred|slurring)\b",
    r"^(?!(what|why|how|is|are|can|could|does|do|should|when|will|would)\b)(?=.*\bface\b)"
    r"(?=.*\b(arm|leg)\b)(?=.*\b(numb|can not feel|is weak|went weak|gone weak)\b)",
]
#: Myasthenia gravis: breathing muscles failing, told as it happens (and any
#: crisis said to be happening: Whisper heard "a myostatic crisis", and "a my
#: hispanic crisis": up to CRISIS_WORDS words before it). Kept apart from
#: the lists so that only this pattern takes the count (the word "crisis" in
#: another pattern must not make it a format string).
#: Also a crisis said to be what is seen ("I think this is a myasthenic
#: crisis", "it could be a crisis": not emergencies before, session 37,
#: typed) and the two words cried alone.
_CRISIS_HAPPENING = (r"\b(having|is in|am in|is having|am having|(this|it|that) (is|could be|"
                     r"might be|may be|must be|looks like|seems like|sounds like)) a "
                     r"(\w+ ){0,%d}crisis\b|^(help )?(a )?myasthenic crisis( help)?$")
_CAREGIVER_SAID = [
    # Session 12 (`voice text`): a caregiver telling what they see, each
    # declined or answered from the content before. clean() expands "he's"
    # to "he has" before "been" ("he has been seizing"), else "he is"
    # (normalize._HE_HAS); "'s" stays for a name's ("John's turning blue").
    # None of the lines of tests/data's sets nor of the content is taken
    # (tests/test_polish12_emergencies.py, counted only).
    r"\b(he|she|they|baby|child)('s| is| are|'s been| has been| keeps| started) "
    r"(seizing|convulsing)\b(?! up)",
    r"\b(is|'s|are) having (convulsions|a convulsion|seizures|fits)( now| right now| again)?$",
    # Session 41 (`voice ask`): "she's had a seizure" was declined plainly.
    # Just now, not "had a seizure last year": "has had", "just had".
    r"\b(he|she|they|i|baby|child|my \w+)( has| have|'s|'ve)( just)? had (a |another )"
    r"(seizure|convulsion)\b(?! (last|in|years|months|weeks|before|as a|when))",
    r"\b(he|she|they|i|baby|child|my \w+) just had (a |another )(seizure|convulsion)\b",
    r"\b(seizure|fit|convulsion|shaking|jerking)s? (will not|would not|does not|is not|can not) "
    r"stop\b",
    r"\b(he|she)('s| is) (shaking|jerking|twitching) (all over|and (will|would|can) not stop)\b",
    r"\b(he|she|they|baby|child)('s| is| are) not (waking|conscious)\b",
    r"\b(he|she|they|baby|child) (will not|would not) wake\b",
    r"\b(can not|could not) (wake|rouse) (him|her|them)\b",
    r"\b(he|she|baby|child)('s| has| is)( turning| turned| gone| going)? blue\b",
    r"\b(barely|hardly) breathing\b|\bbreathing (has )?stopped\b",
    r"\b(his|her|their) breathing is (very |really )?(shallow|funny|strange|weird|noisy)\b",
    r"\b(he|she)('s| is) breathing (funny|strange|weird|shallow|oddly)\b",
    r"\b(he|she|baby|child)('s| has| is)? (gone|went|going) limp\b",
    r"\b(fell|fallen)\b.*\bhurt (my|his|her) head\b",
    r"\b(fell|fallen) and hurt (himself|herself|myself)$",
    r"\b(can not|could not) get (up )?off the floor\b",
    r"\b(i|he|she)('s| is| am|'m)? stuck on the floor\b",
    # Whisper's hearing of espeak-ng's "she won't respond" (en, en+f3; he too).
    r"^(he|she) went to respond$",
]
#: Not asked: a line that does not start as a question does ("what is a
#: stroke", "can baclofen cause an allergic reaction" stay questions).
_TOLD = (r"^(?!(what|whats|why|how|is|are|can|could|does|do|did|should|when|will|would|where"
         r"|which|who)\b)")
#: The one list of how relatives are named (relatives.py), and the pronouns.
_RELATIVE = rf"(he|she|they|baby|{RELATIVE})"
_SEEN_SESSION46 = [
    # Session 46 (`voice ask`, typed as a carer or patient says what is
    # happening): each of these was declined plainly, or offered an entry
    # ("i feel like i'm going to pass out": the hereditary FAQ; "i stopped
    # my baclofen suddenly and im hallucinating": Medication). Counted over
    # every line of tests/data (held-out files by count only): none taken
    # but the emergencies' own file (tests/test_session46_emergencies.py).
    # Someone blue, named as a relative ("my wife is blue"; "he is blue"
    # was one already). Not "feeling blue".
    rf"\b{_RELATIVE}('s| is| has)( turning| turned| gone| going| is going| is turning)? blue\b",
    # Breathing failing, told (myasthenia gravis, ALS): "my breathing is
    # getting worse with mg" was declined.
    _TOLD + r".*\b(my|his|her|their) (breathing|breath) (is |has )?(getting|got|gone|become|"
    r"becoming) (worse|weaker|harder|bad|very bad|shallow|shallower)\b",
    _TOLD + r".*\b(can|could) (hardly|barely) (breathe|breath|swallow)\b",
    # Help wanted now, in other words than "help" ("i need a doctor now";
    # "i need help now" is the help command's, with the emergency number
    # first: tests/test_journeys6_help.py).
    r"\bneeds? (a doctor|an ambulance|a paramedic|medical help|urgent help) "
    r"(now|right now|urgently|immediately|quickly|fast)\b",
    # A stroke's signs told, or thought to have happened.
    _TOLD + r"(?=.*\b(slurred|slurring)\b)(?=.*\b(arm|leg|face|hand|side)\b)"
    r"(?=.*\b(numb|weak|drooping|dropped|droopy|can not (feel|move|lift)))",
    r"\bi think (he|she|they|i|my \w+) (has had|had|is having|have had|has|might have had) "
    r"a (stroke|mini stroke|heart attack)\b",
    _TOLD + r".*\bsudden(ly)? (i |he |she |they )?(can not|could not) "
    r"(speak|talk|see|stand|walk)\b",
    _TOLD + r".*\b(can not|could not) (speak|talk|see|stand|walk) (all of a )?sudden(ly)?\b",
    _TOLD + r".*\b(have|has|'ve|'s) (suddenly|all of a sudden) (gone|went|become|got) "
    r"(weak|numb|floppy|paralysed|paralyzed)\b",
    # Lost, not "losing sight in my left eye?" over years (a forum question).
    _TOLD + r".*\b(suddenly )?lost (the |my |his |her |all )?(sight|vision) (in|of) "
    r"(one|my|his|her|the|both)\b",
    # About to faint or collapse.
    _TOLD + r".*\b(going to|about to|gonna) (pass out|faint|black out|collapse)\b",
    # Hallucinating now (delirium; or stopping baclofen all at once, whose
    # withdrawal the content does not cover and which is dangerous).
    _TOLD + r".*\b(i am|he is|she is|they are|keeps|keep) (hallucinating|seeing things that are "
    r"not there)\b",
    _TOLD + r".*\bstopped (my|his|her|their|the) (baclofen|tizanidine)\b.*\b(suddenly|all at "
    r"once|hallucinat\w*|seiz\w*|fever|confused|fitting)\b",
    # The headache of a bleed in the brain.
    r"\b(worst|worse) headache (of|in) (my|his|her|their) life\b",
    _TOLD + r".*\bsudden(ly)? (severe|terrible|awful|excruciating|really bad|very bad) headache\b",
    r"\bthunderclap headache\b",
    # Fever with confusion, a stiff neck or drowsiness.
    _TOLD + r"(?=.*\b(fever|temperature)\b)(?=.*\b(confused|stiff neck|drowsy|floppy|"
    r"will not wake|can not wake|rash that)\b)",
    # Swelling of the airway, an allergic reaction happening.
    _TOLD + r".*\b(my|his|her|their) (face|tongue|lips|lip|throat|mouth) (is |are )?"
    r"(swelling|swollen|swelled|puffing)( up)?\b",
    r"\b(having|is having|am having|has|had) (an )?(allergic reaction|anaphylactic|anaphylaxis)\b"
    r"(?! (to|before|last|in|years|months|weeks|once|as a|when))",
    r"^(help )?(anaphylaxis|anaphylactic shock)( help)?$",
    _TOLD + r".*\bthroat (feels |is )?(tight|tightening|closing up)\b",
    # Injured now: a broken hip or leg, a bad burn or cut, bleeding from the
    # head. Not a break told as the past of a question ("I fell last year and
    # broke my hip, can exercise help").
    _TOLD + r".*\b(broke|broken|has broken|have broken|has broke) (my|his|her) (hip|leg|neck|"
    r"back|thigh)\b(?!.*\b(last|ago|years|months|before|once|can|could|should|will|would|what"
    r"|how|why|is it|does)\b)",
    r"\b(burned|burnt|cut|scalded) (myself|himself|herself|themselves) (badly|really badly|"
    r"very badly)\b|\bbadly (burned|burnt|scalded)\b",
    r"\bbleeding from (my|his|her|their|the) (head|ear|ears|mouth)\b",
    # Asked to be taken to hospital now (normalize.clean reads "a&e", "the
    # er" and "casualty" as "hospital"): "take me to a&e" was offered the FAQ
    # on when to seek attention.
    r"^(please )?(take|get|drive) (me|him|her|us) to (the )?hospital( now| please| quickly"
    r"| right now)*$",
    # Something swallowed and stuck ("stuck in my throat" was one already).
    r"\bswallowed (something|a \w+)\b.*\bstuck\b",
    # Heart: the pain that spreads into the left arm.
    _TOLD + r".*\bpain (down|in|into|spreading to|spreading down|going down) (my|his|her) "
    r"left arm\b",
    # Myasthenia gravis: the head fallen and swallowing or breathing failing.
    r"(?=.*\b(can not|cannot|unable to|struggling to) (lift|hold up|hold) (my|his|her|their) "
    r"head\b)(?=.*\b(swallow|breath))",
]

#: Words allowed between "having a" and "crisis": Whisper tiny.en heard
#: espeak-ng's "my husband is having a myasthenic crisis" as "... having a my
#: hispanic crisis" (AVX-512 EPYC, AVX2 path) and "... a myostatic crisis"
#: (AVX2 EPYC). 2 changes none of tests/data's 10,350 typed lines (every set,
#: held out too, counted only: no line has "crisis"). Spoken, the same
#: transcripts classified with 1 and 2 (scripts/tune_emergency_vocab.py
#: --calm 30 --crisis-words 2, 2026-12-03, AVX2 path): four crises told as
#: they happen in six espeak-ng conditions 14 -> 21 of 24 heard as
#: emergencies, emergencies-tuning.txt 161 -> 161 of 174, non-emergencies
#: taken for one 0 -> 0 of 327.
CRISIS_WORDS = 2


def _compile(crisis_words: int) -> re.Pattern[str]:
    crisis = _CRISIS_HAPPENING % crisis_words
    return re.compile(
        "|".join(f"(?:{p})" for p in [*_PATTERNS, *_SAID_OTHERWISE, crisis, *_CAREGIVER_SAID,
                                      *_SEEN_SESSION46]))


_RE = _compile(CRISIS_WORDS)


#: An utterance this short with "breathe" in it is taken for "I can't
#: breathe": spoken, that phrase is mostly heard as "breathe", "on breathe" or
#: "tell to breathe" (espeak-ng voices through PocketSphinx), its "can't" lost
#: (89b851a). No typed line of tests/data/*.tsv has "breathe", so no set
#: weighs a false alarm at any length; one costs little.
SHORT_BREATHE_WORDS = 4


def is_emergency(text: str) -> bool:
    """True when ``text`` contains words of an emergency."""
    cleaned = clean(text)
    words = cleaned.split()
    if "breathe" in words and len(words) <= SHORT_BREATHE_WORDS:
        return True
    return _RE.search(cleaned) is not None
