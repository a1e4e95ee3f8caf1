"""Symptoms of these conditions the content does not cover: the bladder and
bowels, memory and thinking, tiredness (fatigue), a new symptom, and
periods.

Each is among the commonest in MS, and each was met with "Sorry, I don't
have an answer for that" or an unrelated offer (session 40, `voice ask`):
"does ms cause bladder problems", "I need to pee all the time", "can ms
affect memory" (offered Impact on Daily Life, which names no memory),
"fatigue is the worst part, what helps". Now the symptom is said not
covered, with who can help; nothing is offered unless the content names it
(fatigue: Impact on Daily Life's "muscle fatigue", offered only with the
conditions named, so "what causes chronic fatigue syndrome" stays declined).

Of anyone: these words have no sense outside health here, and a line the
matcher offered with one of them was offered an entry that does not name
it. Only a line the matcher does not answer is asked (questions.matched).

Pure: text in, a topic or None out (through not_covered.py).
"""

from __future__ import annotations

import re

from voice.conversation.conditions_named import NAMED
from voice.conversation.uncovered_topic import ANY_LINE, Topic

_BLADDER = re.compile(
    r"\b(?:bladder|bowels?|incontinen\w*|continence|urinary|urinat\w*|constipat\w*|"
    r"(?:pee|peeing|wee|weeing) (?:a lot|all the time|so often|too often|at night)|"
    r"need to (?:pee|wee)|leak(?:ing|s)? urine|"
    # "my dad has ms and keeps wetting himself" was offered Recognizing
    # Chronic Spasms (session 45, typed).
    r"(?:wet|wets|wetting|pee|pees|peeing|wee|wees|weeing) (?:myself|himself|herself|themselves|"
    r"the bed))\b")

#: Dizziness: "can ms make you dizzy", "why do i feel dizzy" were declined
#: plainly (session 45, typed); the content names neither dizziness nor
#: vertigo (its "loss of coordination" is the early-signs FAQ's, and "i have
#: no balance" keeps that offer: balance is not taken here).
_DIZZY = re.compile(r"\b(?:dizzy|dizziness|vertigo|light ?headed|lightheadedness|giddy|"
                    r"(?:the )?room (?:is )?spinning)\b")

#: Not a device's memory ("memory card", "memory stick") nor a mattress's.
_MEMORY = re.compile(r"\b(?:memory(?! (?:card|cards|stick|sticks|foam))|forgetful\w*|"
                     r"forget(?:ting)? things|brain fog|cognitive|cognition|concentrat\w*)\b")

_FATIGUE = re.compile(r"\b(?:fatigue|fatigued)\b")

#: A symptom new to the person or changing: "new symptoms", "i have a new
#: symptom" were offered What recent breakthroughs offer hope ("new"), "what
#: do i do about new symptoms" declined (session 43, `voice ask`). Telling
#: their doctor or nurse is the way forward; the FAQ on when spasms need a
#: doctor is offered.
#: Only one's own (or theirs who are looked after): "what are the new
#: symptoms of covid" is no question of ours.
_NEW = r"(?:new|different|unusual|strange|odd|changing)"
_NEW_SYMPTOM = re.compile(
    rf"^(?:(?:i|he|she|they|we|my \w+) (?:have|has|ve|got|have got|has got|am having|is having|"
    rf"are having|noticed|have noticed|keep getting|keeps getting|am getting|is getting) )?"
    rf"(?:a |some )?{_NEW} symptoms?$"
    rf"|\bwhat (?:do|should|can) (?:i|we) do (?:about|with) (?:a |these |my |his |her |their )?"
    rf"{_NEW} symptoms?\b"
    r"|\b(?:my|his|her|their) symptoms? (?:are|is|have|has|keep) (?:changing|changed|"
    r"different)\b")

#: Periods and their pain: "period cramps" was offered the FAQ on when
#: spasms need a doctor, "menstrual cramps" declined plainly (session 44,
#: `voice ask`). Not "a period of time", "over a period of weeks".
_PERIODS = re.compile(
    r"\b(?:menstrual|menstruation|menstruating|premenstrual|pms)\b"
    r"|\bperiods? (?:cramps?|cramping|pains?)\b"
    r"|\b(?:my|her|their|during (?:my|her|their|a)|before (?:my|her|their|a)|on (?:my|her|their)) "
    r"periods?\b(?! of\b)")

#: Spasms or stiffness worse at a time of day: "why are my spasms worse in
#: the morning", "... in the evening" were declined plainly (session 45,
#: typed). The content does not say why they change through the day; what
#: helps spasms is offered. Said only when the matcher found nothing
#: (``content_word``): "why are my spasms worse at night" keeps Impact on
#: Daily Life (sleep), "she gets really stiff in the mornings" the stiffness
#: told.
_WHEN_OF_DAY = (r"(?:in the (?:morning|mornings|evening|evenings|afternoon|afternoons)|"
                r"first thing(?: in the morning)?|at night|in the night|at the end of the day|"
                r"later in the day|by the evening|by the end of the day|"
                r"when (?:i|he|she|they|we) (?:wake|wakes|wake up|wakes up|get up|gets up))")
_TIME_OF_DAY = re.compile(
    rf"\b(?:spasms?|cramps?|cramping|stiffness|stiff|spasticity|(?:{NAMED}) symptoms)\b"
    r"(?: \w+){0,3}? (?:worse|better|worst|stiffer|tighter|so bad|bad|stronger|more frequent)"
    rf"(?: \w+){{0,2}}? {_WHEN_OF_DAY}\b")
#: Carers' matters the content never names (session 45, typed, each
#: declined plainly): "my husband has als and is losing weight", "my mum
#: has ms and her legs are swollen" (with the conditions named), "my wife has
#: ms and she has pressure sores" (of anyone: no other sense).
_WEIGHT = re.compile(
    r"\b(?:losing|lost|lose|loses|dropping|dropped) (?:so much |a lot of |too much |some |more )?"
    r"weight|weight loss|(?:getting|got|become|so|very|too) (?:thin|thinner|skinny)|"
    r"(?:gaining|gained|put on|putting on|puts on) (?:so much |a lot of |too much |some )?weight|"
    r"weight gain\b")
_SWELLING = re.compile(
    r"\b(?:swollen|puffy) (?:legs?|ankles?|feet|foot|hands?|fingers)\b"
    r"|\b(?:legs?|ankles?|feet|foot|hands?|fingers) (?:are |is |keep |keeps |get |gets |have "
    r"been |has been |are getting |is getting )?(?:\w+ )?(?:swollen|swelling|puffy|swell)\b"
    r"|\bswelling (?:in|of) (?:his|her|my|their|the) (?:legs?|ankles?|feet|foot|hands?)\b"
    r"|\b(?:oedema|edema)\b")
_PRESSURE_SORES = re.compile(
    r"\b(?:pressure (?:sores?|ulcers?|areas?|injur\w*|marks?)|bed ?sores?)\b")
OTHER_SYMPTOMS: tuple[tuple[re.Pattern[str], Topic], ...] = (
    (_BLADDER,
     Topic("bladder",
           "What I know doesn't cover bladder or bowel problems. Please tell your doctor or "
           "nurse about them; they, or a continence nurse, can help.",
           anyone=True)),
    (_DIZZY,
     Topic("dizziness",
           "What I know doesn't cover dizziness. Please tell your doctor or nurse about it; if "
           "it comes on suddenly with weakness, trouble speaking or a bad headache, call your "
           "local emergency number now, such as 911, 112 or 999.", anyone=True)),
    (_MEMORY,
     Topic("memory",
           "What I know doesn't cover memory, concentration or thinking. Please tell your "
           "doctor or nurse about changes you notice; they can help.", anyone=True)),
    (_FATIGUE,
     Topic("fatigue",
           "What I know says these conditions often bring muscle fatigue, but not what helps "
           "tiredness. Your doctor, nurse or an occupational therapist can help you find ways "
           "to save your energy.",
           ("how will this affect my everyday life",),
           "What I know does say how these conditions affect daily life.", anyone=True,
           content_word=True)),
    (_PERIODS,
     Topic("periods",
           "What I know doesn't cover periods or period pain. A doctor, nurse or pharmacist "
           "can help with that.", anyone=True)),
    (_TIME_OF_DAY,
     Topic("time of day",
           "What I know doesn't say why symptoms such as spasms or stiffness change with the "
           "time of day. "
           "Noting when they are worse can help your doctor, nurse or physiotherapist find "
           "what helps.",
           ("what can i do myself to reduce spasms",),
           "What I know does say what helps spasms.", anyone=True, offered_with=ANY_LINE,
           content_word=True)),
    (_WEIGHT,
     Topic("weight",
           "What I know doesn't cover weight loss or gain. Please tell the doctor or nurse "
           "about it; a dietitian can help with eating enough.")),
    (_SWELLING,
     Topic("swelling",
           "What I know doesn't cover swelling. Please tell the doctor or nurse about it; if "
           "a leg is suddenly swollen, red or painful, or comes with breathlessness, call your "
           "local emergency number now, such as 911, 112 or 999.")),
    (_PRESSURE_SORES,
     Topic("pressure sores",
           "What I know doesn't cover pressure sores or skin care. Please tell the nurse soon "
           "about red or broken skin; an occupational therapist can suggest cushions or "
           "mattresses that ease pressure.", anyone=True)),
    (_NEW_SYMPTOM,
     Topic("new symptom",
           "A new or changing symptom is worth telling your doctor or nurse about soon. If it "
           "came on suddenly or is severe, call your local emergency number.",
           ("when should someone seek medical attention for muscle spasms",),
           "What I know does say when spasms need a doctor.", anyone=True,
           near_answers=False, offered_with=ANY_LINE)),
)
