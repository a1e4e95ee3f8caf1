"""Everyday questions about living with the conditions that the content
does not cover: driving, pregnancy, sex, alcohol and smoking, cannabis,
vaccines, flying, and a named test ("is there a blood test for it").

They are among the first things people with MS or ALS ask, and each was
declined with "I don't have an answer for that", or worse offered an
unrelated entry: "can I drive with ms" was offered Recognizing Chronic
Spasms, "can I fly with ms" the same, "does caffeine affect spasms" Impact on
Daily Life (session 35, `voice ask`). The user now hears that this is not in
what the assistant knows, who can tell them, and, when the content has
something near, that entry offered (never read unasked).

Only taken when the line is about the conditions or the user's own life
with them (a condition named, "it", "still", "anymore": ``_OURS``), so
"can you drive me to the station", "is it safe to drive in snow" or "what
wine goes with fish" stay the matcher's, declined as before.
Pure: text in, a topic or None out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from voice.content.model import Entry
from voice.conversation.conditions_named import NAMED
from voice.conversation.living_topics import LIVING_TOPICS
from voice.conversation.medical_words import MEDICAL_WORDS
from voice.conversation.not_understood import LONG_QUESTION_WORDS
from voice.conversation.other_symptoms import OTHER_SYMPTOMS
from voice.conversation.treatment_near import TREATMENT_NEAR
from voice.conversation.uncovered_topic import ANY_LINE, Topic
from voice.matching.normalize import clean
from voice.matching.relatives import RELATIVE

_ASK = (r"(?:can|could|should|shall|may|will|would|do|does|"
        r"is it (?:safe|ok|okay|alright|all right) to|am i allowed to|are we allowed to|"
        r"allowed to|able to|safe to|still|stop|give up|keep)")
#: Whose condition it is asked with: a condition named, a spasm, its
#: medicines, or "it"/"this" standing for the condition. Entries are offered
#: only then.
_OURS = re.compile(
    rf"\b(?:{NAMED}|"
    r"neuromuscular|spasms?|spasticity|spastic|cramps?|botox|botulinum(?: toxin)?|"
    r"muscle relaxants?|anticonvulsants?|my (?:condition|illness|diagnosis|"
    r"disorder|disease)|these conditions|this condition|baclofen|tizanidine|my medication|"
    r"my medicines?|my tablets|my pills|with it|with this|for it|for this|show it|get it|"
    r"(?:i|he|she|they|you|we) (?:have|has|had) it|"
    # "is it safe to get pregnant with mg" was declined plainly (session
    # 41): "mg" alone is also milligrams.
    r"(?:with|have|has|had|my|his|her) mg|"
    r"pass it on|pass this on|"
    # "can cold weather make it worse" was declined plainly (session 39,
    # typed): "it" is the condition asked of this assistant.
    r"(?:make|makes|making) (?:it|them|my symptoms|the symptoms|symptoms) worse)\b")
#: A change the condition brought ("can I still drive", "not anymore"): the
#: topic is said, but nothing offered: "Will the prednisone affect my son
#: being that Im still breast feeding" (K-QA's tuning half) is no question
#: of ours.
_CHANGED = re.compile(r"\b(?:still|anymore|any more)\b")

#: Relapses and the courses of MS: the content names neither.
_COURSE = Topic("course",
                "What I know doesn't cover relapses or the different types of MS. Your MS "
                "nurse or neurologist can explain them.")

#: Stages: the content names none, nor can it tell anyone theirs.
_STAGE = Topic("stage",
               "What I know doesn't describe stages of these conditions, and I can't tell "
               "which stage anyone is at. The neurologist or specialist nurse can explain "
               "where things stand.")

#: Lifting or moving someone, and the home made safer for them.
_HOME = Topic("home",
              "What I know doesn't cover lifting or moving someone, or changes to the home. An "
              "occupational therapist or physiotherapist can show you safe ways, and suggest "
              "equipment.",
              ("what equipment helps with walking",),
              "What I know does say what equipment helps.")

#: Speech and the aids for it.
_SPEECH = Topic("speech",
                "What I know doesn't cover speech or communication aids. A speech and language "
                "therapist can help, and can suggest aids. If speech is lost suddenly, call your "
                "local emergency number now.", anyone=True)

#: Heat, cold and the weather.
_TEMPERATURE = Topic("temperature",
                     "What I know doesn't cover heat, cold or the weather. Your doctor, nurse or "
                     "physiotherapist can tell you what helps you.")

#: Pain from the conditions: "can ms cause pain", "does als cause pain"
#: were declined plainly (session 44, `voice ask`), though Recognizing
#: Chronic Spasms says they lead to "weakness, stiffness, pain". What it
#: says is offered; how to treat pain it does not say. The content's own
#: word: an entry the matcher offered stays ("do spasms cause pain":
#: Causes and Risk Factors).
_PAIN = re.compile(
    r"\b(?:cause|causes|causing|bring|brings|give|gives|mean|lead to|leads to) "
    r"(?:\w+ ){0,2}?(?:pain|pains|aches|aching)\b"
    r"|\b(?:is|are) (?!botox\b|the injections?\b|injections?\b)\w+(?: \w+)? (?:very |always |"
    r"usually |often |really )?painful\b"
    rf"|\b(?:does|do|will|would) (?:it|this|{NAMED}|spasms|cramps|the spasms|the cramps) hurt\b"
    # "what helps ms pain" was declined plainly (session 46, typed).
    r"|\b(?:what|anything|something) (?:helps?|can help|could help|is good for|is best for) "
    r"(?:with )?(?:\w+ ){0,2}?(?:pain|pains|aches|aching)\b"
    r"|\bhow (?:can|do|could|should) (?:i|we|you|he|she) (?:ease|relieve|manage|treat|help|stop|"
    r"reduce|cope with|deal with) (?:\w+ ){0,2}?(?:pain|pains|aches|aching)\b")

#: Sleep asked after with the conditions: "how can i sleep better with ms"
#: was declined plainly (session 46, typed), where "how can i sleep better"
#: was offered Impact on Daily Life, which says these conditions disrupt
#: sleep. Said only when the matcher found nothing (``content_word``), and
#: not at the end of a ramble of several asks (over LONG_QUESTION_WORDS: "...
#: anything she could eat or any exercise she could do or maybe a medicine
#: that would help her sleep better" is asked one thing at a time,
#: tests/test_journeys6_rambles.py).
_SLEEP = re.compile(
    rf"^(?!(?:\S+ ){{{LONG_QUESTION_WORDS}}})(?=.*(?:"
    r"\b(?:sleep|sleeping) (?:better|well|properly|through the night|at night)\b"
    r"|\b(?:help|helps|helping) (?:me |him |her |them |us |you )?(?:to )?(?:sleep|get to sleep|"
    r"stay asleep)\b"
    r"|\b(?:sleep|sleeping) (?:problems?|issues?|troubles?|difficulties)\b"
    r"|\b(?:trouble|problems?|difficulty) (?:sleeping|getting to sleep|staying asleep)\b"
    r"|\binsomnia\b))")

#: Whether one thing causes a condition: "can stress cause ms", "can an
#: injury cause als", "is ms caused by diet" were declined plainly (session
#: 44, `voice ask`). The content gives the causes of the conditions in
#: general, none of one; that is said, and Causes and Risk Factors offered.
_CAUSE_OF = re.compile(
    rf"\b(?:can|could|does|do|did|will|would|might|may) (?:\w+ ){{1,4}}?(?:cause|trigger|bring on|"
    rf"lead to|give (?:you|me|someone|people)) {NAMED}\b"
    rf"|\b(?:is|are|was|can) {NAMED} (?:be )?(?:caused|triggered|brought on|started) by\b")
_CAUSE_TOPIC = Topic(
    "cause of a condition",
    "What I know doesn't say whether that causes it. It says these conditions come from "
    "nerve damage, genes and problems of the immune system, among other things.",
    ("what causes neuromuscular disorders",),
    "What I know does say what causes them.")

_TOPICS: tuple[tuple[re.Pattern[str], Topic], ...] = (
    (_CAUSE_OF, _CAUSE_TOPIC),
    (_PAIN,
     Topic("pain",
           "What I know says these conditions can bring pain, as well as weakness and "
           "stiffness, but not how to treat it. Your doctor or nurse can help with pain.",
           ("what are chronic muscle spasms",),
           "What I know does say what these conditions bring.", content_word=True)),
    (_SLEEP,
     Topic("sleep",
           "What I know says these conditions can disrupt sleep, but not what helps sleep. "
           "Your doctor or nurse can help, so do tell them if spasms or pain keep you awake.",
           ("how will this affect my everyday life",
            "can lifestyle changes help manage chronic spasms"),
           "What I know does say how they affect daily life, and what reduces spasms.",
           content_word=True)),
    # "can I still drive", "is it safe to drive with ms", "should he stop
    # driving"; not "drive me/us to", "sex drive", "hard drive".
    (re.compile(rf"\b{_ASK} (?:\w+ ){{0,3}}?(?:drive|driving)\b(?! (?:me|us|you|him|her|them)\b)"
                r"|\b(?:driving licen[cs]e|driver s licen[cs]e|behind the wheel)\b"),
     Topic("driving",
           "What I know doesn't cover driving. Please ask the doctor whether it is safe; "
           "they know the person and their medicines.",
           ("how will this affect my everyday life",),
           "What I know does say how these conditions affect daily life.")),
    # "will my baby get it", "can I pass it to my baby": what the hereditary
    # FAQ answers, offered.
    (re.compile(r"\b(?:my|our|the) (?:baby|unborn baby|unborn child)s? (?:\w+ ){0,2}?"
                r"(?:get|gets|inherit|inherits|catch|have|has|be born with)\b"
                r"|\bpass(?:ed|ing)? (?:it |this |ms |als )?(?:on )?to (?:my|our|the) "
                r"(?:baby|unborn baby)\b"),
     Topic("pregnancy",
           "What I know doesn't cover pregnancy or having children. Your doctor or midwife "
           "can talk it through with you.",
           ("are neuromuscular disorders hereditary",),
           "What I know does say whether these disorders run in families.")),
    # "can I get pregnant with ms", "is it safe to have a baby": nothing
    # offered. "i get leg cramps at night when pregnant, anything for that"
    # was offered the hereditary FAQ (tests/test_scope38_intent.py).
    (re.compile(r"\b(?:pregnant|pregnancy|breastfeed|breastfeeding|breast feed|breast feeding|"
                r"conceive|conceiving|fertility|ivf|trying for a baby|start a family|"
                r"my baby|our baby|unborn)\b"
                rf"|\b{_ASK} (?:\w+ ){{0,3}}?(?:have|having) (?:a baby|babies|children|kids|"
                r"another baby|more children|more kids)\b"),
     Topic("pregnancy",
           "What I know doesn't cover pregnancy or having children. Your doctor or midwife "
           "can talk it through with you.")),
    (re.compile(r"\b(?:sex|sexual|sexually|intimacy|intimate|libido|erection|erections|erectile|"
                r"impotence|impotent)\b"),
     Topic("sex",
           "What I know doesn't cover sex and intimacy. Your doctor or nurse can talk it "
           "through with you in confidence.")),
    # Nothing offered: the lifestyle FAQ begins "Yes, regular exercise,
    # balanced nutrition, hydration ...", heard after "is alcohol bad for
    # spasms" as a yes to it (session 25, tests/test_session25_drink27.py).
    (re.compile(r"\b(?:alcohol|alcoholic|beer|beers|wine|booze|liquor|drunk|whisky|whiskey|"
                r"vodka|gin)\b"),
     Topic("alcohol",
           "What I know doesn't cover alcohol. Your doctor or pharmacist can tell you what "
           "is right for you with your medicines.")),
    # Before smoking: "will smoking weed help my ms" is about cannabis. Said
    # over an answer: "is medical marijuana good for spasms" was answered
    # the seek-medical-attention FAQ in full on "medical" (session 42,
    # `voice ask`); the content never names cannabis.
    (re.compile(r"\b(?:(?:medical |medicinal )?(?:cannabis|marijuana|weed(?! killers?\b))|"
                r"cbd|thc|sativex|hemp oil|"
                r"(?:smoke|smoking|smoked|vape|vaping) (?:weed|pot|a joint|joints))\b"),
     Topic("cannabis",
           "What I know doesn't cover cannabis or CBD. Please ask your doctor or pharmacist "
           "before trying it.",
           ("what medication helps spasms", "do alternative therapies help"),
           "What I know does say which medicines and other therapies help.",
           over_answer=True, rest_answers=False)),
    (re.compile(r"\b(?:smoking|smoke|smoker|cigarettes?|cigs|vaping|vape|nicotine)\b"),
     Topic("smoking",
           "What I know doesn't cover smoking. Your doctor, nurse or pharmacist can help "
           "with it.")),
    # "do spasms get worse with age" was read the FAQ on seeking medical
    # attention in full (session 42, `voice ask`): the content never
    # speaks of age, and without "with age" the line is that FAQ's own.
    (re.compile(r"\bwith (?:age|aging|ageing|old age)\b|\b(?:as|when) (?:i|you|we|he|she|"
                r"they|people|one) (?:get|gets|grow|grows|am getting|are getting|is getting) "
                r"older\b"),
     Topic("age",
           "What I know doesn't say how these conditions change with age. Your doctor or "
           "nurse can tell you what to expect.",
           ("when should someone seek medical attention for muscle spasms",),
           "What I know does say when spasms should be checked by a doctor.",
           over_answer=True, rest_answers=False)),
    (re.compile(r"\b(?:caffeine|coffee|coffees|energy drinks?)\b"),
     Topic("caffeine",
           "What I know doesn't cover caffeine. Your doctor or pharmacist can tell you what "
           "is right for you with your medicines.")),
    # Not "jabs" alone: "are the jabs for spasms any good" asks of
    # injections for spasms (dev.tsv: medication).
    (re.compile(r"\b(?:vaccine|vaccines|vaccination|vaccinations|vaccinated|immunisation|"
                r"immunization|(?:flu|covid|covid 19|coronavirus|booster) "
                r"(?:jab|jabs|shot|shots))\b"),
     Topic("vaccines",
           "What I know doesn't cover vaccines. Your doctor or nurse can tell you which are "
           "right for you.")),
    (re.compile(rf"\b{_ASK} (?:\w+ ){{0,3}}?(?:fly|travel)\b"
                r"|\b(?:flying|air travel|go on holiday|go abroad|travel abroad|on a plane)\b"),
     Topic("travel",
           "What I know doesn't cover travel. Your doctor can advise you before you go.",
           ("how will this affect my everyday life", "what equipment helps with walking"),
           "What I know does say how these conditions affect daily life, and what "
           "equipment helps.")),
    # Session 35 (`voice ask`): what people with ALS and their carers ask
    # first, each declined. When to call for help is said where it may be
    # happening now (emergency.py takes "he can't breathe" before this).
    (re.compile(r"\b(?:ventilator|ventilators|ventilation|breathing machine|bipap|bi pap|cpap|"
                r"c pap|niv|breathing support|cough assist|cough machine|"
                r"(?:affect|affects|affecting|weaken|weakens|weakening) (?:my |his |her |their |"
                r"the )?(?:breathing|lungs|breathing muscles|chest muscles)|"
                # "he gets breathless lying down" was declined plainly
                # (session 42, `voice ask`): in ALS a sign for the doctor.
                r"breathless|breathlessness|out of breath|puffed out|winded|"
                # "will he suffocate" was declined plainly (session 45, typed).
                r"suffocat\w*)\b"),
     Topic("breathing",
           "What I know doesn't cover breathing or breathing support. The doctor or the "
           "specialist team can explain it. If someone is struggling to breathe now, call "
           "your local emergency number, such as 911, 112 or 999.", anyone=True)),
    (re.compile(r"\b(?:feeding tubes?|peg tubes?|peg feeding|peg feed|tube fed|tube feeding|"
                # "how do i thicken drinks" was declined plainly (session 45,
                # typed): thickened fluids are for trouble swallowing.
                r"thicken(?:ed|ing)? (?:his |her |their |my |the )?(?:drinks?|fluids?|liquids?|"
                r"water|tea)|thickeners?|thickened fluids|"
                r"rig tube|nasogastric|swallow(?:ing)? (?:my |his |her |their |the )?"
                r"(?:tablets|pills|medicine|medicines|medication|capsules)|"
                r"crush(?:ed|ing)? (?:my |his |her |"
                r"their |the )?(?:tablets|pills)|(?:tablets|pills) be crushed)\b"),
     Topic("swallowing",
           "What I know doesn't cover feeding tubes or help with swallowing. A speech and "
           "language therapist or the doctor can help, and a pharmacist can tell you whether "
           "a medicine comes in another form. Trouble swallowing is worth telling the doctor "
           "about soon.", anyone=True)),
    # "my husband has als, should he get a peg" was declined plainly (session
    # 45, typed): a PEG alone only with the conditions named (a clothes peg).
    (re.compile(r"\b(?:a|the|his|her|my|their) peg\b"),
     Topic("swallowing",
           "What I know doesn't cover feeding tubes or help with swallowing. A speech and "
           "language therapist or the doctor can help, and a pharmacist can tell you whether "
           "a medicine comes in another form. Trouble swallowing is worth telling the doctor "
           "about soon.")),
    # "does ms affect swallowing", "can myasthenia affect swallowing" were
    # declined plainly (session 43, `voice ask`), though the early-signs
    # FAQ names difficulty swallowing. With the conditions named only.
    (re.compile(r"\b(?:swallowing|swallow|swallows)\b"),
     Topic("swallowing affected",
           "What I know names difficulty swallowing among the early signs of these "
           "disorders, but says nothing more about it. Trouble swallowing is worth telling "
           "the doctor about soon; a speech and language therapist can help.",
           ("what are the early signs of neuromuscular disorders",),
           "The FAQ on early signs names it.", near_answers=False)),
    # "how long do spasms last" was declined plainly (session 43, `voice
    # ask`): the content says only that spasms lasting long need a doctor.
    (re.compile(r"\bhow long (?:do|does|will|can|should|would) (?:\w+ ){0,3}?(?:spasms?|cramps?) "
                r"(?:last|go on|take to (?:pass|stop|go|ease|wear off))\b"
                r"|\bhow long (?:is|are) (?:a |the )?(?:spasms?|cramps?) (?:meant|supposed) "
                r"to last\b"),
     Topic("spasm length",
           "What I know doesn't say how long a spasm lasts. It does say that spasms that go on "
           "for a long time, come often, or come with weakness or numbness need a doctor.",
           ("when should someone seek medical attention for muscle spasms",),
           "The FAQ on when to see a doctor says more.", near_answers=False)),
    # "what is a myasthenic crisis", "what are the signs of a myasthenic
    # crisis": offered Recognizing Chronic Spasms (session 37, typed),
    # which names no crisis. Told as happening, it is an emergency
    # (emergency.py) before this.
    (re.compile(r"\b(?:myasthenic|myasthenia gravis|myasthenia|mg) crisis\b|\bcrisis (?:in|with|"
                r"from) (?:myasthenia|mg)\b"),
     Topic("crisis",
           "What I know doesn't cover a myasthenic crisis. If breathing or swallowing gets "
           "hard, or weakness comes on fast, call your local emergency number now, such as "
           "911, 112 or 999. The neurologist can tell you the signs to watch for.",
           anyone=True)),
    # "can ms cause double vision", "does myasthenia affect the eyes",
    # "what is double vision a sign of" were declined plainly, "I'm seeing
    # double" offered the seek-medical FAQ with nothing said (session 38,
    # typed): the eyes are among the first things MS and myasthenia touch,
    # and the content names neither eyes nor sight. Told as seen now ("I
    # have double vision"), seen_now.py's before this.
    (re.compile(r"\b(?:double vision|blurred vision|blurry vision|seeing double|diplopia|"
                r"eyesight|(?:vision|sight|eye) (?:problems?|loss|changes?)|loss of (?:vision|"
                r"sight)|eye muscles?|optic neuritis|ptosis|droopy eyelids?|drooping eyelids?|"
                r"eyelids? droop\w*|"
                # "my mum has mg and her eyes droop" was declined plainly
                # (session 45, typed).
                r"(?:eyes?|eye lids?) (?:keep |keeps |are |is |have started |has started |"
                r"started )?droop\w*|droopy eyes?|drooping eyes?|"
                # "my eye keeps twitching" was declined plainly (session 45).
                r"(?:eye|eyes|eyelid|eyelids|eye lid|eye lids) (?:keeps |keep |is |are |has been |"
                r"have been |won t stop |will not stop )?(?:twitch\w*|flicker\w*|jump\w*)|"
                r"twitch\w* (?:eye|eyes|eyelid|eyelids)|"
                r"(?:affect|affects|affecting|hurt|hurts|damage|damages) "
                r"(?:the|my|his|her|your|their) (?:eyes|eyesight|vision|sight))\b"),
     Topic("eyes",
           "What I know doesn't cover the eyes or eyesight. Please tell your doctor or nurse "
           "about changes in sight; if sight changes suddenly, call your local emergency "
           "number now, such as 911, 112 or 999.", anyone=True)),
    # "what is foot drop" was read the early-signs FAQ, which names no
    # foot (its "i keep dropping things" carried it; session 38, typed):
    # said even over the matcher's answer (``over_answer``).
    (re.compile(r"\b(?:foot drop|drop foot|dropped foot|foot drags?|foot dragging|"
                r"drag(?:s|ging)? (?:my|his|her|their|the|a|one) (?:left |right )?(?:foot|leg))\b"),
     Topic("foot drop",
           "What I know doesn't explain foot drop. A physiotherapist can help, and can "
           "suggest aids such as a brace or splint. It is worth telling your doctor about.",
           ("how do assistive devices improve mobility",),
           "What I know does say how aids such as braces help.", anyone=True,
           # An aid named, or what helps asked: "can orthotics help with foot
           # drop" asks what the devices FAQ answers (inscope5's tuning
           # half), "what can help with drop foot" was offered it too.
           offered_with=re.compile(r"\b(?:orthotics?|orthoses|orthosis|braces?|splints?|"
                                   r"insoles?|footwear|shoes|aids?|devices?|equipment|"
                                   r"help|helps|treat|treatment|treatments|do about)\b"),
           over_answer=True)),
    # "I can't swallow my spit", "she is drooling", "I have too much
    # saliva": declined (session 37, typed). Common in ALS, and the content
    # names only "difficulty swallowing". Not a salivary gland.
    (re.compile(r"\b(?:drool\w*|saliva(?! glands?\b)|salivat\w*|sialorrh\w*|"
                r"swallow(?:ing)? (?:my |his |her |their |your |the )?(?:spit|saliva)|"
                r"(?:my|his|her|their) spit)\b"),
     Topic("saliva",
           "What I know doesn't cover drooling or trouble with saliva. The doctor, the nurse "
           "or a speech and language therapist can help with it. Trouble swallowing is worth "
           "telling the doctor about soon.", anyone=True)),
    (re.compile(r"\b(?:lose|losing|lost) (?:my |his |her |their )?(?:voice|speech|ability to "
                r"speak|ability to talk)|speech therap(?:y|ist)|speech and language|"
                r"communication (?:aids?|devices?|boards?)|eye gaze|voice banking|"
                r"communicate if (?:i|he|she|they) can (?:not|t) (?:speak|talk)|"
                r"(?:can not|cannot|can t|unable to|struggles? to|hard to) (?:speak|talk) "
                r"(?:clearly|properly|anymore|any more|well)|"
                # "how do i communicate with him when he can't talk" was
                # declined plainly, "is there a device that can speak for
                # me" offered the devices FAQ, which names none (session 42).
                r"(?:communicate with (?:him|her|them|my (?:\w+ )?\w+) )?(?:when|if|now|as|"
                r"now that|once) (?:he|she|they|i) (?:can not|cannot|can t|is unable to|are "
                r"unable to|am unable to) (?:speak|talk)|"
                r"(?:device|machine|app|computer|gadget)s? (?:that|which|to) (?:can )?(?:speak|"
                r"talk)s? for\b"),
     _SPEECH),
    # "my voice gets weak when i talk a lot" was declined plainly (session
    # 44, `voice ask`). One's own voice, not "your voice" (the assistant's: a
    # volume command). Said only when the matcher found nothing: "my voice
    # sounds slurred lately, could that be an early sign" keeps the
    # early-signs FAQ offered (tests/test_scope41_participles.py).
    (re.compile(r"\b(?:my|his|her|their) voice (?:gets|is getting|goes|has gone|keeps getting|"
                r"becomes|is|sounds|has got) (?:very |so |really |a bit |more |too |much )?"
                r"(?:weak|weaker|quiet|quieter|faint|fainter|hoarse|croaky|nasal|tired)\b"),
     replace(_SPEECH, content_word=True)),
    (re.compile(r"\b(?:palliative|end of life care|end of life|hospice|hospices|advance "
                r"(?:directive|decision|care plan|care planning)|living will|do not "
                r"resuscitate|dnr|dnacpr)\b"),
     Topic("palliative",
           "What I know doesn't cover palliative or end of life care. The doctor or nurse can "
           "talk it through with you, and help you plan ahead.", anyone=True)),
    # "what is a relapse", "what is primary progressive ms": declined
    # (session 35, `voice ask`). A relapse only when the conditions are
    # named (also of addiction, of cancer); the names of MS's courses anyhow.
    (re.compile(r"\b(?:relapse|relapses|relapsing|flare up|flare ups|flareup|flareups)\b"),
     _COURSE),
    # "what stage is my ms", "what stage of als am i in" were offered
    # Recognizing Chronic Spasms (session 44, `voice ask`), which has no
    # stages; only with the conditions named ("what stage of grief").
    (re.compile(r"\b(?:what|which) (?:stage|phase)s?\b|\bstages? (?:of|in) \w+"
                r"|\bhow many (?:stages|phases)\b|\b(?:early|late|final|last|end) stages?\b"),
     _STAGE),
    (re.compile(r"\b(?:remitting|relapsing remitting|primary progressive|secondary progressive|"
                r"progressive relapsing|rrms|ppms|spms)\b"),
     replace(_COURSE, anyone=True)),
    # "does hot weather make ms worse", "does cold weather make spasms
    # worse", "should I use ice or heat for spasms" were declined, "is heat
    # bad for ms" offered Recognizing Chronic Spasms (session 36, `voice
    # ask`). Not "a cold" (the illness), nor a hot bath (hydrotherapy, the
    # content's own: Alternative Therapies, answered before this is asked).
    (re.compile(r"\b(?:heat|the heat|hot weather|hot days?|heatwaves?|heat waves?|warm weather|"
                r"summer|cold weather|cold days?|in the cold|winter|the weather|weather|"
                r"temperature|temperatures|humidity|humid|ice packs?|icepacks?|ice baths?|"
                r"ice(?! cream| lolly| lollies| skating)|"
                r"cold packs?|cold compress(?:es)?|heat packs?|heat pads?|heating pads?|"
                r"hot water bottles?|saunas?|hot tubs?|getting hot|getting cold|overheating|"
                r"overheat|too hot|too cold)\b"
                # "does the cold make spasms worse" was declined plainly
                # (session 43, `voice ask`); "a cold" is the illness.
                r"|\bthe cold(?= (?:make|makes|making|made|affect|affects|trigger|triggers|bring|"
                r"brings|help|helps|bother|bothers)\b)"),
     _TEMPERATURE),
    # "does cold water help spasms" was read the lifestyle FAQ (session 45,
    # typed: the matcher folds water onto its "hydration"), which says
    # nothing of cold. Said even over an answer; a cold bath stays
    # hydrotherapy's (Alternative Therapies, the content's own).
    (re.compile(r"\b(?:cold|icy|freezing|ice) (?:water|showers?|swims?|swimming|dips?|plunges?|"
                r"plunge pools?)\b|\b(?:wild|open water|sea) swimming\b"),
     replace(_TEMPERATURE, over_answer=True, rest_answers=False)),
    # "do spasms get worse in the heat" was read the FAQ on seeing a doctor
    # in full, "my spasms are worse when its cold" offered it (session 46,
    # typed): it says nothing of the weather. Said even over an answer.
    (re.compile(r"\b(?:worse|better|bad|badly|flare up|flares up|play up|plays up) (?:in|when|"
                r"with|during|if) (?:the )?(?:heat|cold|hot weather|cold weather|winter|summer|"
                r"it s (?:cold|hot|warm)|its (?:cold|hot|warm)|it is (?:cold|hot|warm)|it gets "
                r"(?:cold|hot|warm)|the weather (?:changes|is cold|is hot))\b"),
     replace(_TEMPERATURE, over_answer=True, rest_answers=False)),
    # "should i use heat or ice", "should i put ice on my leg" were declined
    # plainly (session 42, `voice ask`): with no condition named, only heat
    # set against cold, or ice or heat put on the body, is taken.
    (re.compile(r"\b(?:heat|warmth|hot|warm) (?:or|and|vs|versus) (?:ice|cold)\b"
                r"|\b(?:ice|cold) (?:or|and|vs|versus) (?:heat|warmth|hot|warm)\b"
                r"|\b(?:put|use|apply|try|hold) (?:some )?(?:ice|heat|an ice pack|a heat pack) "
                r"(?:on|to|against) (?:my|his|her|their|your|it|the)\b"),
     replace(_TEMPERATURE, anyone=True)),
    # A carer lifting or moving someone, and the home made safer for them:
    # "how do I lift him safely", "how can we make the house safer" were
    # declined (session 36, `voice ask`). Lifting only a person (not
    # weights), of anyone. Not equipment (hoists, stair lifts, grab rails):
    # assistive devices, the content's own.
    (re.compile(r"\b(?:lift|lifting|move|moving|transfer|transferring|carry|carrying|turn|"
                r"turning|get|getting) (?:him|her|them|someone|a person|"
                rf"my (?:\w+ )?(?:{RELATIVE}|patient))(?: \w+){{0,3}}? "
                r"(?:safely|without hurting|out of bed|into bed|in bed|from bed|from the bed|"
                r"onto the|into the|out of the|off the floor|up the stairs|down the stairs)\b"),
     replace(_HOME, anyone=True)),
    # The whole line, a person named: "how do i lift him" was declined
    # plainly (session 44, `voice ask`); not "them" alone ("how do i move
    # them to another folder").
    (re.compile(r"^(?:(?:so|and|but|um|er|please) )*(?:how|what is the best way|what s the best "
                r"way|what is the safest way|what s the safest way) (?:do |can |should |to )?"
                r"(?:i |we )?(?:safely )?(?:lift|move|transfer|turn|reposition|carry) "
                rf"(?:him|her|my (?:\w+ )?(?:{RELATIVE}|patient))(?: up)?(?: safely| properly)?$"),
     replace(_HOME, anyone=True)),
    # Asked after something told: "my husband is in a wheelchair now how do
    # i lift him" was offered Assistive Devices bare (session 46, typed),
    # which says nothing of lifting: the topic said first, then that offer.
    (re.compile(r"\b(?:how|what is the best way|what s the best way|what is the safest way|"
                r"what s the safest way) (?:do |can |should |to )?(?:i |we )?(?:safely )?"
                r"(?:lift|move|transfer|turn|reposition|carry) "
                rf"(?:him|her|my (?:\w+ )?(?:{RELATIVE}|patient))(?: up)?(?: safely| properly)?$"),
     replace(_HOME, anyone=True, near_answers=False, offered_with=ANY_LINE)),
    # Of anyone since session 42: "how can i make the bathroom safer" was
    # declined plainly (`voice ask`); entries are offered only with the
    # conditions named, as before.
    (re.compile(r"\b(?:make|making|keep|keeping) (?:the |our |my |his |her |their )?(?:house|home|"
                r"bathroom|stairs|flat|bedroom|shower|toilet|kitchen) (?:safer|safe|more "
                r"accessible|accessible|easier to use)\b"),
     replace(_HOME, anyone=True)),
    # Getting up from a chair or out of bed as a difficulty, of anyone: "he
    # cant get out of his chair" was declined plainly (session 45, typed).
    # The equipment the content names is offered, as for the stairs.
    (re.compile(r"\b(?:can not|cannot|can t|could not|unable to|struggl\w* to|trouble|"
                r"difficulty|hard to|help (?:me|him|her|them)) (?:get|getting|stand|standing) "
                r"(?:up )?(?:out of|up from|off|from) (?:the|his|her|my|their|a) (?:chair|"
                r"armchair|bed|sofa|couch|settee|toilet|wheelchair)\b"),
     replace(_HOME, anyone=True, offered_with=ANY_LINE)),
    # Stairs and the bathroom as a difficulty, of anyone: "i can't get up the
    # stairs anymore, what can help", "my husband can't manage the stairs",
    # "what can i put in the bathroom to help" were declined plainly
    # (session 43, `voice ask`). A fall on the stairs is an emergency first
    # (emergency.py); a stair lift or grab rails named are equipment, the
    # content's own (Assistive Devices), and are not taken here.
    (re.compile(r"\b(?:get|getting|go|going|walk|walking|climb|climbing|manage|managing|"
                r"cope with|coping with|struggl\w* (?:with|on)|trouble (?:with|on)|"
                r"difficulty (?:with|on)|problems? (?:with|on)|help (?:me|him|her|them) "
                r"(?:get |go |walk )?)(?: up| down| on| with)? (?:the |our |my |his |her )?"
                r"stairs\b(?! ?lifts?)"
                r"|\b(?:stairs|steps) (?:is|are) (?:getting |becoming )?"
                r"(?:too |so |very |really )?(?:hard|difficult|a struggle|impossible)\b"
                r"|\b(?:put|get|fit|have|use) (?:\w+ ){0,2}(?:in|for) the (?:bathroom|shower|"
                r"toilet|bath) to help\b"
                r"|\b(?:help|helps|aids?) (?:\w+ ){0,2}(?:in|for|with) (?:the|using the|getting "
                r"in the|getting out of the) (?:bathroom|shower|toilet|bath)\b"),
     # The equipment the content names is offered: a difficulty is told,
     # and "we are struggling with the stairs" was offered Impact on Daily
     # Life before (tests/test_scope37_what_they_have.py).
     replace(_HOME, anyone=True, offered_with=re.compile(r"\b(?:stairs|steps|bathroom|shower|"
                                                         r"toilet|bath)\b"))),
    # "what are the side effects of baclofen" was offered Medication, which
    # names no side effect; "what are the side effects", after Medication
    # was read, declined (session 36, `voice text`). Said of any medicine.
    # "do muscle relaxants make you sleepy" was offered Medication, which
    # names no such effect (session 42, `voice ask`): an effect a named
    # medicine has on the one taking it is a side effect asked of.
    (re.compile(r"\b(?:side effects?|side affects?|sideeffects?|adverse effects?|"
                r"adverse reactions?)\b"
                r"|\b(?:muscle relaxants?|anticonvulsants?|botox|baclofen|tizanidine|"
                r"(?:the|these|those|my|his|her|spasm|muscle) (?:pills|tablets|medicines?|"
                r"medications?|drugs|injections)) (?:\w+ )?(?:make|makes|made|making|cause|"
                r"causes|give|gives) (?:you|me|him|her|them|people|one|someone) (?:feel )?"
                r"(?:sleepy|drowsy|tired|dizzy|sick|nauseous|weak|confused|constipated|"
                r"put on weight|gain weight|forgetful|wobbly|shaky)\b"),
     Topic("side effects",
           "What I know doesn't list the side effects of medicines. The leaflet that comes "
           "with a medicine lists them, and your pharmacist or doctor can tell you more; tell "
           "them about any you notice.",
           ("what medication helps spasms",),
           "What I know does say which medicines help.", anyone=True, near_answers=False,
           offered_with=re.compile(r"\b(?:muscle relaxants?|anticonvulsants?|botox|"
                                   r"botulinum(?: toxin)?|baclofen|tizanidine|"
                                   r"(?:the|these|those|spasm|muscle) (?:pills|tablets|"
                                   r"medicines?|medications?|drugs|injections))\b"))),
    # "can you recommend a doctor" was answered Treatment Approaches in
    # full (session 41, `voice ask`): no entry names a doctor to go to. Said
    # even over an answer; finding one ("where can I find a neurologist")
    # stays the matcher's.
    (re.compile(r"\b(?:recommend|suggest|know of|know) (?:me )?(?:a |any |some |a good |good |"
                r"the best |a local |a nice )(?:doctors?|gps?|neurologists?|specialists?|"
                r"physios?|physiotherapists?|consultants?|clinics?|hospitals?|nurses?)\b"),
     Topic("finding a doctor",
           "I can't recommend a particular doctor or clinic. Your family doctor can refer you "
           "to a neurologist, a physiotherapist or another specialist.", anyone=True,
           near_answers=False,
           over_answer=True)),
    # The content names its tests (electromyography, nerve conduction,
    # genetic testing), not these: what it says of diagnosis is offered.
    (re.compile(r"\b(?:blood tests?|blood work|mri|mri scans?|ct scan|cat scan|brain scan|"
                r"lumbar puncture|spinal tap|x ray|xray|x rays)\b"),
     # Said of anyone ("do I need a brain scan" was offered Neuromodulation
     # Treatments, session 36), Diagnosis offered only with the conditions.
     Topic("test",
           "What I know doesn't go into that test.",
           ("how are neuromuscular disorders diagnosed",),
           "It does say how these conditions are diagnosed.", anyone=True,
           # "do i need an mri" was told only "that test" (session 41, `voice
           # ask`), while "do i need a scan" is Diagnosis's own line: asking
           # whether one needs a test is asking how one is diagnosed.
           # With the conditions named, offered as before (``_OURS``).
           offered_with=re.compile(
               _OURS.pattern + "|"
               r"\b(?:do|will|would|should|might|must) (?:i|we|he|she|they) (?:need|have to have|"
               r"have to get|get|be sent for) (?:an? |some |any )?(?:mri|mri scan|brain scan|"
               r"ct scan|cat scan|lumbar puncture|spinal tap|blood tests?|blood work)\b"))),
)


@dataclass(frozen=True)
class Uncovered:
    """A topic asked about, and what comes with it."""

    topic: Topic
    #: The cleaned line without the words that named the topic: whether it
    #: names another health subject too ("smoking" is one, and is this
    #: topic's own).
    rest: str
    #: Whether what is near is offered: the line names the conditions (or
    #: the topic's ``offered_with``).
    ours: bool


#: A topic said alone ("driving", "what about alcohol", "pregnancy and ms"):
#: a tired user's whole question to this assistant, declined before
#: (session 35, `voice ask`). Nothing offered: nothing else was said.
_ALONE = re.compile(r"^(?:(?:and|so|ok|okay|what about|how about|tell me about|"
                    r"what do you know about|anything (?:on|about)) )?(?P<word>.+?)"
                    r"(?: (?:and|with|in) (?:ms|als|mnd|spasms|myasthenia))?(?: please)?$")
_ALONE_WORDS = {
    "driving": "driving", "pregnancy": "pregnancy", "being pregnant": "pregnancy",
    "breastfeeding": "pregnancy", "sex": "sex", "alcohol": "alcohol", "drinking alcohol": "alcohol",
    "smoking": "smoking", "caffeine": "caffeine", "coffee": "caffeine", "cannabis": "cannabis",
    "cbd": "cannabis", "cbd oil": "cannabis", "marijuana": "cannabis", "vaccines": "vaccines",
    "vaccination": "vaccines", "travel": "travel", "travelling": "travel", "flying": "travel",
    "breathing": "breathing", "ventilation": "breathing", "speech": "speech",
    "speaking": "speech", "feeding tubes": "swallowing", "palliative care": "palliative",
    "end of life care": "palliative", "relapses": "course", "side effects": "side effects",
    "the side effects": "side effects", "what are the side effects": "side effects",
    "any side effects": "side effects", "are there side effects": "side effects",
    "are there any side effects": "side effects", "does it have side effects": "side effects",
    "do they have side effects": "side effects", "does it have any side effects": "side effects",
    "do they have any side effects": "side effects",
}


#: Each key's topic said alone: the last of a key's topics, the one said of
#: anyone ("pregnancy" alone asks no baby's inheritance).
_BY_KEY = {topic.key: topic for _, topic in _TOPICS}


#: "can i drink coffee", "is it ok to have a beer": declined plainly
#: (session 42, `voice ask`). The whole line asking leave for a drink is
#: this assistant's user's question, of anyone: the topic, nothing offered.
_MAY_I_HAVE = re.compile(
    r"^(?:(?:so|and|but|ok|okay) )*(?:(?:can|may|should|could) i (?:still |ever )?(?:drink|have)|"
    r"is it (?:ok|okay|alright|all right|safe|fine) (?:for me )?to (?:drink|have)) "
    r"(?:a |an |some |the odd |an occasional |any |the occasional )?"
    r"(?P<what>coffee|coffees|cup of coffee|tea|cup of tea|caffeine|beer|beers|pint|wine|"
    r"glass of wine|alcohol|alcoholic drinks?|drink of alcohol)"
    r"(?: (?:now|anymore|any more|at all|sometimes|every day|with my (?:tablets|pills|"
    r"medicines?|medication)))?$")
_CAFFEINE_DRINKS = frozenset(("coffee", "coffees", "cup of coffee", "tea", "cup of tea",
                              "caffeine"))


def _alone(cleaned: str) -> Uncovered | None:
    """A topic's word said alone, if ``cleaned`` is one."""
    asked = _MAY_I_HAVE.fullmatch(cleaned.rstrip(" ?.!"))
    if asked is not None:
        drink = _BY_KEY["caffeine" if asked.group("what") in _CAFFEINE_DRINKS else "alcohol"]
        return Uncovered(drink, "", False)
    found = _ALONE.fullmatch(cleaned.rstrip(" ?.!"))
    key = _ALONE_WORDS.get(found.group("word")) if found is not None else None
    topic = _BY_KEY.get(key) if key is not None else None
    return Uncovered(topic, "", False) if topic is not None else None


def _taken(pattern: re.Pattern[str], topic: Topic, cleaned: str, ours: bool) -> Uncovered:
    """``topic`` as asked in ``cleaned``: the rest of the line, and whether
    its entries are offered (the conditions named, or its ``offered_with``)."""
    offered = ours if topic.offered_with is None else bool(topic.offered_with.search(cleaned))
    return Uncovered(topic, " ".join(pattern.sub(" ", cleaned).split()), offered)


def not_covered(text: str) -> Uncovered | None:
    """The uncovered everyday subject ``text`` asks about with the
    conditions (or, for ``Topic.anyone``, at all), or says alone, if any."""
    cleaned = clean(text)
    alone = _alone(cleaned)
    if alone is not None:
        return alone
    ours = bool(_OURS.search(cleaned))
    asked_of_ours = ours or bool(_CHANGED.search(cleaned))
    for pattern, topic in (*_TOPICS, *MEDICAL_WORDS, *LIVING_TOPICS, *TREATMENT_NEAR,
                           *OTHER_SYMPTOMS):
        if (asked_of_ours or topic.anyone) and pattern.search(cleaned):
            return _taken(pattern, topic, cleaned, ours)
    return None


def said_over_answer(text: str, entry: Entry) -> Uncovered | None:
    """A topic said even over the matcher's answer (``Topic.over_answer``)
    that ``text`` asks about, when ``entry`` (the one answered) does not
    name it anywhere: an entry that does (a page a caregiver added on foot
    drop) is answered."""
    cleaned = clean(text)
    named = clean(" ".join((entry.title, entry.answer, *entry.phrasings, *entry.keywords)))
    text = clean(" ".join((entry.title, entry.answer)))
    ours = bool(_OURS.search(cleaned))
    for pattern, topic in (*_TOPICS, *LIVING_TOPICS, *TREATMENT_NEAR):
        if (topic.over_answer and (ours or topic.anyone) and pattern.search(cleaned)
                and not pattern.search(text if topic.text_names else named)):
            # Offered as ``not_covered`` offers: the foot drop topic offers
            # the devices FAQ only with an aid or help asked of; the
            # cannabis topic what it says of medicines when spasms are named.
            return _taken(pattern, topic, cleaned, ours)
    return None
