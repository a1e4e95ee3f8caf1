"""Practical matters of living with the conditions that the content does not
cover: benefits, whether a condition counts as a disability, getting care
or a referral where one lives, telling children or family, what to ask the
doctor, help at home and getting a carer, whom to call when worried,
occupational therapy, where to find more, single foods and diets, pastimes,
and how common the conditions are.

Each was met with "Sorry, I don't have an answer for that" (session 40,
`voice ask`): "what benefits can I claim", "how do I explain my illness to
my kids", "what should I ask my doctor", "what is occupational therapy", "can I get
help at home", "who can I call at night if I am worried".
They are what a person newly diagnosed, or their carer, asks early; a
plain "no answer" does not even say the question was heard. Now each is
said not covered, with who can help, and the content's nearest entry
offered where it has one (never read unasked).

Pure: text in, a topic or None out (through not_covered.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from voice.conversation.conditions_named import NAMED
from voice.conversation.uncovered_topic import ANY_LINE, Topic
from voice.matching.relatives import RELATIVE

#: Claiming money for a disability or for caring, not a job's or a bank's
#: benefits: CLINC150's money lines are declined by money_only.py, and
#: "what benefits does exercise have" asks the content's own question.
_BENEFITS = re.compile(
    r"\b(?:claim(?:ing)?|apply(?:ing)? for|entitled to|eligible for) (?:any |some |the )?"
    r"(?:benefits?|allowances?|disability (?:benefits?|payments?))\b"
    r"|\bbenefits? (?:i|we|he|she|they|you) (?:can|could|might|may) (?:claim|apply for|"
    r"be entitled to)\b"
    # "what benefits can i get" was offered the physiotherapy FAQ (session
    # 43, `voice ask`); not "what benefits can i get from exercise".
    r"|\bwhat benefits (?:can|could|might|may) (?:i|we|he|she|they) (?:claim|apply for|get|"
    r"receive)\b(?! from| out of| by| with)"
    r"|\b(?:disability|sickness|carer s|carers|carer) (?:benefits?|allowances?|payments?|"
    r"living allowance)\b"
    r"|\b(?:ssdi|social security disability)\b"
    # "are there grants for equipment" was declined plainly (session 44,
    # `voice ask`).
    r"|\b(?:grants?|funding|financial help|financial support|help with the cost) (?:for|towards|"
    r"to buy|to pay for|of) (?:a |an |the |some |my |his |her )?(?:mobility |home |disability |"
    r"special |new |electric |powered )?(?:equipment|wheelchairs?|adaptations|aids|"
    r"stair ?lifts?|scooters?|hoists?|walkers?)\b")

#: Telling someone close about the condition: "how do I explain my illness
#: to my kids", "how do I tell my family I have ms". Only with the
#: condition named (not_covered's ``_OURS``): "how do I tell my boss I'm
#: leaving" is not ours.
_TELLING = re.compile(
    r"\b(?:tell|telling|explain|explaining|talk to|talking to|talk with|break (?:it|the news) "
    r"to)\b(?: \w+){0,4}? (?:kids|children|child|son|daughter|family|friends|partner|wife|"
    r"husband|boss|employer|colleagues|grandchildren|grandkids|parents|teenagers?)\b")

#: Children or family frightened by, or not understanding, the condition:
#: "my kids are scared", "my kids dont understand my ms" were declined
#: plainly (session 46, typed). The whole line, so "my kids are scared of
#: the dark" is not this; of anyone (told to this assistant, it is the
#: condition they fear).
_FAMILY = (r"(?:kids|children|child|son|daughter|sons|daughters|grandchildren|grandkids|family|"
           r"teenagers?)")
_CHILDREN_AFRAID = re.compile(
    rf"^(?:(?:and|but|so|um|er) )*(?:my|our|his|her) {_FAMILY} (?:are|is|re|s|seem|seems|get|"
    r"gets|have been|has been|keep|keeps|are getting|is getting) (?:so |really |very |a bit |"
    r"quite |getting |all )*(?:scared|frightened|afraid|worried|upset|anxious|confused|"
    r"crying|struggling)"
    r"(?: (?:about|of|by) (?:it|this|all this|my (?:ms|als|mg|illness|condition|diagnosis)|"
    r"(?:his|her) (?:ms|als|mg|illness|condition|diagnosis)|what is happening|what s happening|"
    r"what is going on|what s going on))?$"
    rf"|^(?:(?:and|but|so|um|er) )*(?:my|our|his|her) {_FAMILY} (?:do not|don t|does not|"
    r"doesn t|can t|cannot|can not) (?:really )?(?:understand|get)(?: (?:it|this|what is "
    r"happening|what s happening|my (?:ms|als|mg|illness|condition|diagnosis)|(?:his|her) "
    r"(?:ms|als|mg|illness|condition|diagnosis)))?$")

#: Work and telling an employer: "should i tell my employer" was declined
#: plainly, "should i tell my boss i have ms" told the family topic's "how
#: to tell children or family" (session 42, `voice ask`). The whole line
#: asking whether to tell them is taken of anyone (``_WORK_ASKED``); staying
#: in or giving up work only with the conditions named (``_WORK``).
_WORK_ASKED = re.compile(
    r"^(?:(?:so|and|but|um|er) )*(?:should|do|must|shall|would|when should|how do|how should|"
    r"how can) (?:i|we|he|she) (?:tell|inform|let) (?:(?:my|his|her|our|the) (?:boss|employer|"
    r"manager|line manager|work|workplace|colleagues|coworkers|hr)"
    # "should i tell people at work" was declined plainly (session 45).
    r"|(?:people|anyone|everyone|them|my colleagues|my friends) (?:at|from) (?:work|my work|"
    r"the office|my job))(?: know)?"
    r"(?: (?:about (?:it|this|my condition|my diagnosis|my illness)|i have it|i am ill))?$")
_WORK = re.compile(
    r"\b(?:tell|telling|inform|informing) (?:my|his|her|our|the) (?:boss|employer|manager|"
    r"line manager|workplace|colleagues|coworkers|hr)\b"
    r"|\b(?:keep|carry on|continue|stay in|go back to|return to|give up|stop|quit|lose) "
    r"(?:working|work|my job|his job|her job|their job)\b"
    r"|\b(?:employer|employers)\b")

_WORK_TOPIC = Topic("work",
                    "What I know doesn't cover work, or what to tell an employer. An "
                    "occupational therapist, a social worker or a charity for the condition "
                    "can help you think it through.",
                    ("will it affect my job",),
                    "What I know does say how these conditions can affect work and daily "
                    "life.")

#: A person who will not take help or an aid: "he won't accept help", "she
#: refuses to use her walker" were declined plainly (session 42, `voice
#: ask`); "my husband won't use his wheelchair" was read Assistive Devices
#: in full, which says what a wheelchair does, not how to help him take it.
#: ``clean`` has already written "won't" as "will not".
_AID = (r"(?:help|any help|support|care|carers?|a carer|the carers|(?:my|his|her|their|a|the) "
        r"(?:walker|walking frame|frame|wheelchair|stick|cane|walking stick|scooter|rollator|"
        r"hoist|aids?|equipment|splint|brace))")
_REFUSES_HELP = re.compile(
    rf"\b(?:he|she|my (?:\w+ )?{RELATIVE}|my patient) (?:will not|refuses to|refused to|"
    r"keeps refusing to|does not want to|do not want to|does not want|do not want) (?:accept |"
    rf"use |take |have |let (?:me|us) )?{_AID}\b"
    # "my brother has ms and he wont go to physio" was read the physiotherapy
    # FAQ in full (session 45, typed): it says what physio does, not how to
    # help someone who will not go.
    rf"|\b(?:he|she|my (?:\w+ )?{RELATIVE}|my patient)(?: \w+)?? (?:will not|refuses to|refused "
    r"to|keeps refusing to|does not want to|do not want to|never wants to|is not willing to) "
    r"(?:go to|go for|see|do|try|attend|keep up|bother with) (?:the |his |her |their |any |a )?"
    r"(?:physio|physiotherapy|physiotherapist|physical therapy|exercises?|stretches|therapy|"
    r"doctor|gp|neurologist|nurse|appointments?|clinic|hospital|gym)\b"
    # "my brother is in denial about his ms" was offered the hereditary FAQ
    # first ("brother"; session 46, typed).
    rf"|\b(?:he|she|my (?:\w+ )?{RELATIVE}|my patient) (?:is|s|seems|seems to be|has been|"
    r"keeps being) (?:still |completely |totally |really |just |a bit |so )?in denial\b")

#: A thing asked to cure the condition: "can diet cure ms", "can surgery
#: cure it" were declined plainly, "can exercise cure als" offered The Role
#: of Exercise alone (session 42, `voice ask`). The cure FAQ says what is
#: known; asked only when the matcher did not answer ("can anything cure
#: ms" is that FAQ's, answered).
_CURED_BY = re.compile(
    r"\b(?:can|could|will|would|does|do|might) (?!it |this |they |there |anything |anyone |"
    r"nothing |someone |you |i |we |he |she )(?:\w+ ){1,3}?(?:cure|cures|heal|heals|reverse|"
    rf"reverses|get rid of) (?:it|this|my condition|the condition|these conditions|these "
    rf"disorders|neuromuscular disorders|spasms|my spasms|mg|my ms|my als|{NAMED})\b")

#: Getting ready for an appointment: "what should I ask my doctor", "what
#: questions should I ask the neurologist" (offered Diagnosis with nothing
#: said of the questions).
_DOCTOR_QUESTIONS = re.compile(
    r"\bwhat (?:questions? )?(?:should|can|could|do|must|shall) (?:i|we) (?:ask|tell|say to) "
    r"(?:my|the|our|his|her|a) (?:doctor|gp|neurologist|nurse|consultant|specialist|physio|"
    r"physiotherapist)\b"
    r"|\bquestions? (?:to ask |for )(?:my|the|our|his|her|a) (?:doctor|gp|neurologist|nurse|"
    r"consultant|specialist)\b"
    r"|\bprepare (?:for|myself for) (?:my|the|an|our|his|her) (?:appointment|doctor s "
    r"appointment|neurologist appointment|consultation|next appointment)\b")

#: An appointment or a diagnosis ahead, and what happens: "i have a neuro
#: appointment next week what will they do", "my gp thinks i might have ms
#: what happens next", "how long does it take to get diagnosed with als"
#: were declined plainly (session 46, typed). Diagnosis and Medical
#: Evaluations says which tests neurologists use; not what each visit
#: holds, nor how long it takes.
_WHAT_NEXT = (r"(?=.*\b(?:what (?:will|do|would|does|might|should|can) (?:they|he|she|i|we|the "
              r"\w+) (?:do|expect|ask|test|check|look for)|what happens|what will happen|what to "
              r"expect|what (?:now|next)|what do i do|what should i do)\b)")
_APPOINTMENT = re.compile(
    r"\b(?:neuro|neurology|neurologist|neurologists|specialist|consultant|emg|nerve conduction)"
    rf"(?: \w+)? (?:appointment|appt|referral|clinic|visit|test)s?\b{_WHAT_NEXT}"
    rf"|\b(?:referred|a referral) to (?:a |the )?(?:neuro|neurology|neurologist)\b{_WHAT_NEXT}"
    rf"|\b(?:might|may|could|probably|think i) (?:have|have got|has|has got) (?:{NAMED}|mg)\b"
    rf"{_WHAT_NEXT}"
    r"|\bhow long (?:does it|will it|did it|can it|do they) (?:usually |normally )?take to "
    r"(?:get )?(?:a )?diagnos\w*")

#: Whether tiredness is usual with the conditions: "is it normal to be so
#: tired with ms" was declined plainly (session 46, typed); Impact on Daily
#: Life says these conditions often bring muscle fatigue. Only when the
#: matcher found nothing (``content_word``), with a condition named.
_TIRED_NORMAL = re.compile(
    r"\bis it (?:normal|common|usual|expected) (?:for (?:me|him|her|people|someone|us) )?to "
    r"(?:be|feel|get) (?:so |this |very |really |always |constantly |that )*(?:tired|exhausted|"
    r"fatigued|worn out|drained|wiped out)\b")

#: Help at home for a person: "can I get help at home" was declined
#: plainly. Not equipment that helps at home (Assistive Devices), nor
#: respite: a keyword of Coping Strategies (carers looking after themselves).
_HOME_CARE = re.compile(
    r"\b(?:(?:get|getting|need|needs|needing|want|find|arrange|any|some|more|extra) "
    r"(?:\w+ )?help at home|home help|care at home|home care|carers? (?:to )?(?:come|coming) "
    r"(?:in|to the house|home)|care package)\b"
    # "help at home" said alone, "who can help me at home": declined plainly
    # (session 43, `voice ask`).
    r"|^(?:i need |we need )?help at home$"
    r"|\bwho (?:can|could|will|would) help (?:me|us|him|her|them|my \w+) at home\b")

#: Getting a paid carer: "can i get a carer" was read Coping Strategies in
#: full ("A strong support system and mental resilience are essential",
#: session 44, `voice ask`), which says nothing of getting one. Said even
#: over an answer.
_GET_A_CARER = re.compile(
    r"\b(?:can|could|how do|how can|where can|where do|should) (?:i|we|he|she|they) (?:get|find|"
    r"have|hire|pay for|afford|apply for|arrange) (?:a |some |an )?(?:paid )?(?:carer|carers|"
    r"caregiver|caregivers|care worker|care workers|home help|personal assistant|home care)\b")

#: An everyday pastime asked as allowed: "is gardening ok", "can i still
#: garden" were declined plainly (session 43, `voice ask`). The content
#: names hobbies (Coping Strategies) and gentle activities (The Role of
#: Exercise) but no pastime one by one. The pastime alone, or asked with
#: "still" (not_covered's ``_CHANGED``): "can i cook chicken in the oven"
#: is not this.
_PASTIME = (r"(?:garden|gardening|do the garden|do gardening|knit|knitting|sew|"
            r"sewing|dance|dancing|cycle|cycling|ride a bike|go cycling|fish|fishing|go fishing|"
            r"play golf|golf|bowling|go bowling|paint|painting|play the piano|play music|"
            r"do housework|housework|do the housework|do crafts|crafts|walk the dog|"
            r"walking the dog|play with the grandchildren)")
_PASTIMES = re.compile(
    rf"^(?:is|are) {_PASTIME} (?:ok|okay|alright|all right|safe|good for (?:me|him|her|them)|"
    # "is cycling good" was declined plainly (session 44, `voice ask`).
    r"still ok|still okay|allowed|good|a good idea|good exercise|good for (?:spasms|my spasms|"
    r"ms|als|mg|people with ms|stiffness))$"
    rf"|\b(?:can|could|should|will) (?:i|he|she|we|they|my \w+) still {_PASTIME}\b"
    rf"|^(?:is it )?(?:ok|okay|alright|all right|safe) (?:for (?:me|him|her|them) )?to (?:still )?"
    rf"{_PASTIME}$")

#: Whom to call when worried, out of hours: "who can I call at night if I
#: am worried" was declined plainly. Only with worry, night or illness
#: said: "who can I call to fix my car" is not this.
_WHO_TO_CALL = re.compile(
    r"\bwho (?:can|should|do|could) (?:i|we) (?:call|ring|phone|contact|talk to)\b"
    r"(?=.*\b(?:worried|worry|worrying|at night|out of hours|weekend|unwell|ill|sick|gets? "
    r"worse|getting worse|emergency|scared)\b)")

_OCCUPATIONAL = re.compile(r"\boccupational therap(?:y|ist|ists|ies)\b")

#: The conditions by name, for the two topics below.
_CONDITIONS = (rf"(?:it|this|mg|{NAMED}|my condition|these conditions|these disorders|spasms|"
               r"chronic spasms|neuromuscular (?:disorders?|diseases?|conditions?))")

#: More to read: "where can I find more information" was declined plainly
#: (session 41, `voice ask`). Only the whole line, or "about" one of the
#: conditions: "more information about flights" is not this.
_MORE_INFO = re.compile(
    r"^(?:(?:so|and|ok|okay|please) )*(?:where|how) (?:can|could|do|should|would|might) "
    r"(?:i|we) (?:find|get|read|learn|look for|go for|find out)(?: out)? (?:some )?more"
    r"(?: information| info| help| advice| reliable information)?"
    rf"(?: (?:about|on) {_CONDITIONS})?$")

#: How common the conditions are: "how many people have als" was offered
#: Community Support first (session 41, `voice ask`); the Introduction says
#: only "millions worldwide", no figure for any one condition.
_HOW_COMMON = re.compile(
    rf"\bhow (?:common|rare|widespread|prevalent) (?:is|are) {_CONDITIONS}\b"
    r"|\bhow many people (?:in the world |worldwide )?(?:have|get|are affected by|live with|"
    rf"suffer from|are diagnosed with|develop|have got) {_CONDITIONS}\b"
    rf"|^(?:is|are) {_CONDITIONS} (?:very |really )?(?:rare|common)$")

#: Whether a condition counts as a disability: "is ms a disability", "is ms
#: classed as a disability", "am i disabled" met the plain "I don't have an
#: answer" (session 44, `voice ask`). The law where one lives decides it.
#: Only the whole question of whether it counts, so "what disability aids
#: are there" and "disabled parking" stay the matcher's.
_DISABILITY = re.compile(
    rf"^(?:(?:so|and|but|um|er|tell me) )*(?:is|are|does|do|would|will) {_CONDITIONS} "
    r"(?:really |still )?(?:count(?:ed)? as|classed as|class as|considered|considered as|"
    r"qualify as|classified as|seen as|a|an)? ?(?:a |an )?(?:disability|disabilities|"
    r"disabling condition|recogni[sz]ed disability)$"
    r"|^(?:(?:so|and|but|um|er) )*(?:am i|is (?:he|she|my \w+)|are we|are they|would i be|would "
    r"(?:he|she) be) (?:now |then |legally |officially )?(?:classed as |classified as |considered |"
    r"counted as |registered )?disabled(?: now| then| with (?:it|this|" + NAMED + r"))?$")

#: Getting care where one lives: "how do i get a second opinion", "my gp
#: doesn't listen", "can i get physio on the nhs" met the plain "I don't
#: have an answer" (session 44, `voice ask`). The physiotherapy FAQ is
#: offered when physio is named.
_SERVICES = re.compile(
    r"\bsecond opinion\b"
    r"|\b(?:get|getting|ask for|asking for|need|want) (?:a )?referr(?:al|ed)\b"
    r"|\bon the nhs\b"
    r"|\b(?:physio|physiotherapy|physical therapy|wheelchairs?|equipment) (?:for free|free of "
    r"charge|covered by (?:my |the )?insurance|on (?:my |the )?insurance)\b")
#: Finding a physiotherapist: "how do i find a physio" was read the
#: physiotherapy FAQ in full (session 45, typed), which says what physio
#: does, not how to get it; "can i get physio on the nhs" got who can help.
#: Said even over an answer, the physiotherapy FAQ offered.
_PHYSIO_WORDS = (r"(?:a |an |to |some |my |his |her |our |a good |a local |an nhs |nhs |private )?"
                 r"(?:physio|physios|physiotherapy|physiotherapists?|physical therapy|"
                 r"physical therapists?|neuro physio|neurophysio|neuro physiotherapy)"
                 r"(?: (?:near me|nearby|locally|near (?:here|us|where i live)|in my area|"
                 r"who knows about (?:ms|als|mg|spasms|neurological conditions)))?$")
_FIND_PHYSIO = re.compile(
    r"\b(?:how (?:do|can|could|would|should|shall) (?:i|we|you|he|she|they|one) "
    r"(?:go (?:to|about) )?|how to |(?:i|we) (?:need|want) to )"
    r"(?:find|finding|get|getting|see|get to see|get (?:him |her |them |me |us )?referred to|"
    r"be referred to|access|get hold of|book|arrange|look for|go for) "
    rf"{_PHYSIO_WORDS}"
    # Not "where can i get physio": answered, a guard since session 36
    # (tests/test_scope36_nothing_asked.py), as "where can i get a
    # wheelchair" is.
    r"|\b(?:where (?:do|can|could|would|should|shall) (?:i|we|you|he|she|they|one) |where to )"
    rf"(?:find|see|look for|go for) {_PHYSIO_WORDS}")
#: Not listened to by one's doctor: "the doctor won't take me seriously" was
#: read the FAQ on when spasms need a doctor in full (session 45, typed),
#: where "my gp doesn't listen" got who can help. Said even over an answer:
#: no entry speaks of a doctor who does not listen. Doctors in general too
#: ("doctors don't believe me").
_NOT_LISTENED = re.compile(
    r"\b(?:(?:my|the|our|his|her) (?:gp|doctor|neurologist|consultant|specialist|nurse)s?|"
    r"(?:the )?(?:doctors|gps|neurologists|specialists)) "
    r"(?:just |still |really )?(?:doesn t|does not|do not|don t|won t|will not|never|isn t|"
    r"is not|aren t|are not|refuse to|refuses to|wouldn t|would not) (?:listen|listening|"
    r"take (?:me|us|him|her|them|it|this|my symptoms) seriously|believe (?:me|us|him|her|them)|"
    r"taking (?:me|us|him|her|them|it|this|my symptoms) seriously)\b")
#: An aid the content does not name: "what's a standing frame", "what is a
#: perching stool" were declined plainly, "what is a hoist", "do i need a
#: hoist" read Assistive Devices in full, which names wheelchairs, braces
#: and footwear only (session 45, typed). Said even over an answer; an aid
#: the content names (its keywords: "mobility scooter", "rollator") stays
#: answered (not_covered.said_over_answer). Words with no other sense here:
#: of anyone.
_AID_NAMED = re.compile(
    r"\b(?:standing frames?|stand(?:ing)? aids?|hoists?|ceiling hoists?|riser recliners?"
    r"(?: chairs?)?|rise and recline chairs?|riser chairs?|commodes?|perching stools?|"
    r"afos?|ankle foot orthos[ie]s|profiling beds?|hospital beds? (?:at|for) home|"
    r"slide sheets?|sliding sheets?|transfer boards?|sliding boards?|power ?chairs?|"
    r"shower chairs?|shower stools?|shower seats?|"
    r"bath lifts?|bath boards?|bath seats?|grab rails?|grab bars?|raised toilet seats?|"
    r"toilet frames?|pressure cushions?|pressure mattress(?:es)?|wheelchair ramps?|"
    r"stair ?lifts?)\b")
_PHYSIO = re.compile(r"\b(?:physio|physiotherapy|physiotherapist|physical therapy|physical "
                     r"therapist)\b")

#: A single food or diet: "should i avoid gluten", "can i eat meat" met
#: the plain "I don't have an answer", "is fasting good for ms" was offered
#: what MS is (session 44, `voice ask`). Dietary Adjustments speaks of
#: minerals and water, not of one food; it is offered with spasms or the
#: conditions named. Coffee and alcohol are not_covered.py's own topics.
_FOOD = (r"(?:gluten|dairy|milk|cheese|eggs|meat|red meat|fish|sugar|sweets|chocolate|bananas?|"
         r"tonic water|fruit|vegetables|bread|wheat|carbs|carbohydrates|processed food|junk food|"
         r"spicy food|fried food|fasting|intermittent fasting|keto|a keto diet|the keto diet|"
         r"a ketogenic diet|a vegan diet|a vegetarian diet|going vegan|being vegan|"
         r"being vegetarian|the paleo diet|a paleo diet|the swank diet|the wahls diet)")
_FOOD_OURS = re.compile(rf"\b(?:{NAMED}|spasms?|cramps?|cramping|stiffness|spasticity|"
                        r"my muscles|neuromuscular)\b")
_FOOD_ASKED = re.compile(
    rf"\b(?:should|do|must|shall) (?:i|we|he|she|they) (?:avoid|cut out|stop eating|give up|"
    rf"eat more|eat less|try) {_FOOD}\b"
    rf"|\b(?:can|may|could|should) (?:i|we|he|she|they) (?:still )?(?:eat|have|drink) {_FOOD}\b"
    rf"|^(?:is|are) {_FOOD} (?:good|bad|ok|okay|safe|healthy|harmful|helpful)\b")

_HOME_CARE_TOPIC = Topic(
    "home care",
    "What I know doesn't cover help or care at home. Your doctor, a social worker, or a charity "
    "for the condition can tell you what help is available where you live.",
    ("are there organizations that help",),
    "What I know does say that charities and support groups can help.", anyone=True)

#: Getting care or a referral where one lives: "can i get physio on the
#: nhs" (_SERVICES) and, said over an answer, how to find a physio
#: (_FIND_PHYSIO).
_SERVICES_TOPIC = Topic(
    "services",
    "What I know doesn't cover how to get care or referrals where you live. You can "
    "ask your doctor for a referral or a second opinion, and a patients' advice service "
    "or a charity for the condition can help you.",
    ("what role does physical therapy play in managing these conditions",),
    "What I know does say what physiotherapy can do.", anyone=True,
    offered_with=_PHYSIO)

LIVING_TOPICS: tuple[tuple[re.Pattern[str], Topic], ...] = (
    (_FOOD_ASKED,
     Topic("food",
           "What I know says a balanced diet, with enough minerals such as magnesium and "
           "vitamin D and enough water, helps the muscles, but not about single foods or "
           "diets. A doctor or dietitian can advise you.",
           ("what should i eat",),
           "What I know does say what helps in the diet.", anyone=True,
           # Offered only with spasms or the conditions named: "is red meat
           # bad for you", "are eggs bad for your cholesterol" (health
           # tuning lines) are told, offered nothing.
           offered_with=_FOOD_OURS)),
    (_SERVICES, _SERVICES_TOPIC),
    # No entry says how to find one: said first over the matcher's offer too
    # ("where can i find a physiotherapist near me").
    (_FIND_PHYSIO, replace(_SERVICES_TOPIC, over_answer=True, rest_answers=False,
                           near_answers=False)),
    (_NOT_LISTENED,
     Topic("services",
           "What I know doesn't cover how to get care or referrals where you live. You can "
           "ask your doctor for a referral or a second opinion, and a patients' advice service "
           "or a charity for the condition can help you.", anyone=True, near_answers=False,
           over_answer=True)),
    (_AID_NAMED,
     Topic("aid named",
           "What I know doesn't describe each aid one by one. An occupational therapist or "
           "physiotherapist can tell you whether it would help, and how to get one.",
           ("how do assistive devices improve mobility",),
           "What I know does say how aids such as braces and wheelchairs help.",
           anyone=True, offered_with=ANY_LINE, over_answer=True)),
    (_DISABILITY,
     Topic("disability",
           "What I know doesn't say whether a condition counts as a disability: that depends "
           "on the law where you live. A social worker, an advice service, or a charity for "
           "the condition can tell you, and what help you may be entitled to.",
           ("is there financial help",),
           "What I know does say that charities and foundations can help with treatment "
           "costs.", anyone=True, offered_with=ANY_LINE)),
    (_BENEFITS,
     Topic("benefits",
           "What I know doesn't cover benefits or money matters, which differ from place to "
           "place. A social worker, an advice service, or a charity for the condition can "
           "tell you what you may be entitled to.",
           ("is there financial help",),
           "What I know does say that charities and foundations can help with treatment "
           "costs.", anyone=True, offered_with=ANY_LINE)),
    (_CURED_BY,
     Topic("cured by",
           "What I know says there is no universal cure yet, though treatments help manage "
           "these conditions.",
           ("is there a cure for neuromuscular disorders",),
           "It says what is known about a cure.", anyone=True, offered_with=ANY_LINE)),
    (_WORK_ASKED, replace(_WORK_TOPIC, anyone=True, offered_with=ANY_LINE)),
    (_WORK, _WORK_TOPIC),
    (_REFUSES_HELP,
     Topic("refusing help",
           "That's hard, and many carers meet it. What I know doesn't cover it. Their nurse, "
           "an occupational therapist or a carers' support group can help you both talk it "
           "through.",
           ("how can family help",),
           "What I know does say how carers can help and look after themselves.",
           anyone=True, near_answers=False, offered_with=ANY_LINE, over_answer=True,
           # What is left is who they are ("my brother has ms and"), which
           # the matcher takes: the refusal is what is asked.
           rest_answers=False)),
    (_CHILDREN_AFRAID,
     Topic("telling others",
           "It's hard when those close to you are frightened or don't understand. What I know "
           "doesn't cover how to talk with children or family about the condition. Your "
           "nurse, a counsellor, or a charity for the condition can help with what to say.",
           ("how can family help",),
           "What I know does say how support from family and others helps.", anyone=True,
           offered_with=ANY_LINE)),
    (_TELLING,
     Topic("telling others",
           "What I know doesn't cover how to tell children or family about the condition. "
           "Your nurse, a counsellor, or a charity for the condition can help with what to "
           "say.",
           ("how can family help",),
           "What I know does say how support from family and others helps.")),
    (_TIRED_NORMAL,
     Topic("tired",
           "What I know says people with these conditions often struggle with muscle fatigue, "
           "but it can't say what is usual for you. Tell your doctor or nurse if it is new or "
           "getting worse.",
           ("how will this affect my everyday life",),
           "What I know does say how these conditions affect daily life.", content_word=True)),
    (_APPOINTMENT,
     Topic("appointment",
           "What I know says neurologists use tests such as electromyography, nerve "
           "conduction studies and genetic testing to find out what is wrong. It doesn't say "
           "what each visit holds or how long it takes; the clinic or your doctor can tell "
           "you what to expect.",
           ("how are neuromuscular disorders diagnosed",),
           "", anyone=True, offered_with=ANY_LINE)),
    (_DOCTOR_QUESTIONS,
     Topic("doctor's questions",
           "What I know doesn't have a list of questions for the doctor. It can help to write "
           "your questions down before the appointment, with the changes you have noticed "
           "and the medicines you take.",
           ("how are neuromuscular disorders diagnosed",
            "when should someone seek medical attention for muscle spasms"),
           "What I know does say how these conditions are diagnosed, and when to see a "
           "doctor.", anyone=True, near_answers=False, offered_with=ANY_LINE)),
    (_PASTIMES,
     Topic("pastimes",
           "What I know doesn't speak of each hobby. It does say that hobbies and gentle "
           "activity help, and that swimming, yoga and tai chi are good without straining the "
           "muscles. A physiotherapist or occupational therapist can suggest ways to keep "
           "doing what you enjoy.",
           ("what exercise is good for me",),
           "What I know does say which activities help.", anyone=True, offered_with=ANY_LINE,
           near_answers=False)),
    (_GET_A_CARER, replace(_HOME_CARE_TOPIC, offered_with=ANY_LINE, over_answer=True,
                           near_answers=False)),
    # Said only when the matcher found nothing: "what equipment can help at
    # home" is offered Assistive Devices (scope47's tuning line,
    # tests/test_scope47_close_phrase.py).
    (_HOME_CARE, replace(_HOME_CARE_TOPIC, content_word=True)),
    (_WHO_TO_CALL,
     Topic("who to call",
           "If someone is in danger or very unwell, call your local emergency number now, "
           "such as 911, 112 or 999. Otherwise your doctor's surgery, or the nurse for the "
           "condition, can tell you whom to call out of hours.",
           ("when should someone seek medical attention for muscle spasms",),
           "What I know does say when to see a doctor.", anyone=True, near_answers=False,
           offered_with=ANY_LINE)),
    (_OCCUPATIONAL,
     Topic("occupational therapy",
           "Occupational therapy helps people keep doing everyday things, at home and at "
           "work, with new ways of doing them, aids, and changes to the home. What I know "
           "doesn't go into it. Your doctor or nurse can refer you to an occupational "
           "therapist.",
           ("how do assistive devices improve mobility",
            "what role does physical therapy play in managing these conditions"),
           "What I know does say how physical therapy and aids help.", anyone=True,
           offered_with=ANY_LINE)),
    (_MORE_INFO,
     Topic("more information",
           "What I know is one article, kept on this device. Your doctor or nurse, or a "
           "charity for the condition, can point you to more information you can trust.",
           ("are there organizations that help",),
           "What I know does say how charities and support groups help.", anyone=True,
           offered_with=ANY_LINE)),
    (_HOW_COMMON,
     Topic("how common",
           "What I know says only that chronic spasms and neuromuscular disorders affect "
           "millions of people worldwide; it gives no figures for each condition.",
           anyone=True, near_answers=False)),
)
