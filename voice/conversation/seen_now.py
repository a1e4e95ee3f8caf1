"""A worrying sign told as it is seen now: "he can't swallow properly",
"she's confused", "he is in a lot of pain", "I can't swallow", "my wife is
slurring her words".

A caregiver beside someone, or the user, describing what is happening: in
`voice text` (session 25) these were declined ("I don't have an answer for
that"), three in a row reading out the topic list, or "I can't swallow" was
read the early-signs FAQ in full, as if it were a question about signs.
Trouble swallowing, sudden confusion or drowsiness, slurred speech, severe
pain and sudden weakness can be urgent in these conditions (a myasthenic
crisis begins with swallowing and weakness). The content cannot judge a
symptom, so the user hears when to call for help at once and to tell the
doctor or nurse, and then the FAQ on when to seek medical attention is
offered (kind_offers.py, ``SEEN_NOW_OFFERS``), never read unasked.

Taken only when a person (I, he, she, my wife...) is said to have the sign
now, in a statement, not a question ("can ms make it hard to swallow",
"why do I feel confused"). Emergencies ("I can't breathe", "he can't
swallow at all") are emergency.py's and are checked first.
Pure: text in, True or False out.
"""

from __future__ import annotations

import re

from voice.conversation.conditions_named import NAMED
from voice.matching.normalize import clean

_WHO = (r"(?:i|i am|i m|he|he is|he s|he has|she|she is|she s|she has|they|they are|they re|"
        r"my (?:\w+ )?\w+|my (?:\w+ )?\w+ is|my (?:\w+ )?\w+ s|my (?:\w+ )?\w+ has)")
#: A limb or side a person may suddenly not move or feel ("my legs", "her
#: left arm", "the right side of my body").
_LIMB = (r"(?:(?:my|his|her|their|the) )?(?:left |right )?(?:arms?|legs?|hands?|feet|foot|"
         r"fingers|face|side|side of (?:my|his|her|their) (?:body|face))")
_VERY = r"(?:very |really |so |suddenly |all of a sudden |quite |a bit |a little |getting )*"
#: Whose speech or eyelids: "my", "his", "my husband's" (clean() keeps "'s"
#: on a name or a noun).
_WHOSE = r"(?:my|his|her|their|my (?:\w+ )?\w+(?: s|'s))"
#: When, said after a sign: "sometimes", "today", "in the evening".
_WHEN = (r"(?:sometimes|at times|today|now|lately|recently|these days|all the time|"
         r"in the evening|in the evenings|by the evening|at night|when (?:i|he|she) (?:am|is) "
         r"tired)")
#: What a told sign is had with: "have", "get", "keep getting", "'ve got".
_HAVE = (r"(?:have|has|get|gets|am getting|is getting|are getting|keep getting|keeps getting|"
         r"have got|has got|ve got|s got|am having|is having|are having|have started getting|"
         r"have started having|started getting|started having|have noticed|noticed)")
#: Tiredness a sign comes with: myasthenia's weakness grows with use.
_TIRED = (r"(?:when (?:i|he|she|they) (?:am|is|are|m|s|re|get|gets) (?:tired|exhausted)|"
          r"if (?:i|he|she|they) (?:am|is|are|m|s|re) tired)")
_LATE_IN_DAY = (r"(?:(?:at|by|towards|toward|near) the end of the day|as the day goes on|"
                r"later in the day|in the afternoons?)")
_WALKING = (r"(?:(?:when|while|as) (?:i|he|she|they) walks?|when walking|while walking|"
            r"on the stairs|on the carpet)")
_SIGN = re.compile("|".join([
    # swallowing: "he can't swallow (properly)", "she is struggling to swallow"
    rf"^{_WHO} (?:just |now |suddenly |all of a sudden )?(?:can t|can not|cannot|could not|"
    r"couldn t|is not able to|is unable to|am unable to|are unable to|unable to) "
    # "he can't swallow his food" was declined plainly (session 39, typed).
    r"(?:swallow(?: (?:his|her|my|their) (?:food|drinks?|water|meals?)| food| anything)?|"
    r"eat or drink|hold (?:his|her|my|their) head up|"
    r"stand up|stand|walk|get up|"
    r"lift (?:his|her|my|their) arms?(?: (?:above|over) (?:his|her|my|their) head)?|"
    r"talk properly|speak properly|"
    r"speak|talk|"
    # Session 32: "I can't move my legs", "she suddenly can't feel her
    # arm" were declined or offered Coping Strategies; sudden weakness or
    # numbness of a limb or one side is a sign of a relapse or a stroke.
    rf"(?:move|feel|use) {_LIMB})"
    r"(?: properly| anymore| any more| now| today| at the moment| all of a sudden)?$",
    rf"^{_WHO} (?:struggling|finding it hard|having trouble|having difficulty) (?:to )?"
    r"(?:swallow|swallowing|breathe|breathing|walk|walking|stand|standing|talk|talking|speak|"
    r"speaking)(?: properly| now| today)?$",
    # confusion, drowsiness, slurred speech
    rf"^{_WHO} {_VERY}(?:confused|disoriented|drowsy|not making sense|slurring|slurring "
    r"(?:his|her|my|their) words|not himself|not herself|hard to wake|very sleepy|"
    r"very weak|weak all over|too weak to (?:stand|walk|get up))"
    r"(?: and (?:drowsy|confused|sleepy|weak|disoriented|slurring(?: (?:his|her|my|their) "
    r"words)?))?(?: today| now| at the moment)?$",
    # Choking or coughing at meals (session 33, typed): "he chokes when he
    # eats", "she coughs when she drinks" were declined as off the subject;
    # a swallowing problem, as "he can't swallow properly" above. Choking
    # now ("he is choking", "I keep choking on my food") is emergency.py's.
    rf"^{_WHO} (?:keeps |keep |often |always |sometimes |tends to )?"
    r"(?:chokes?|choking|coughs?|coughing|splutters?|spluttering|gags?|gagging) "
    r"(?:when|while|whenever|every time) (?:(?:he|she|i|they|we) )?"
    r"(?:eats?|eating|drinks?|drinking|swallows?|swallowing|has (?:a drink|food|a meal)"
    r"|have (?:a drink|food|a meal))(?: (?:anything|something|food|water|liquids?|now))?$",
    # Speech slurred, or eyelids drooping, told (session 34, `voice ask`:
    # "my speech is slurred sometimes", "his speech is getting slurred",
    # "my eyelids droop" were declined): signs to tell a doctor about, and
    # at once when sudden (a stroke; a myasthenic weakness).
    rf"^{_WHOSE} (?:speech|voice|words|talking) (?:is|are|has been|have been|s|seems|seem|"
    rf"sounds|sound|keeps getting|is getting|are getting|has got|has gotten|went|goes) "
    rf"{_VERY}(?:slurred|slurring|slurry|garbled|muddled|unclear)(?: {_WHEN})?$",
    rf"^{_WHOSE} (?:eyelids?|eye lids?|eyes) (?:keep |keeps |are |is |have started |"
    r"has started |have been |has been |start to |starts to )?(?:droop|droops|drooping|drooped|"
    rf"to droop)(?: {_WHEN})?$",
    # The signs myasthenia and MS are known by, told (session 38, typed: "I
    # have double vision", "I drag my left foot", "I have trouble chewing",
    # "my voice fades when I talk", "I can't lift my arms above my head"
    # were declined, "I get tired chewing" met as a feeling). Each is one
    # to tell the doctor about, and at once when it comes on suddenly.
    rf"^{_WHO} {_HAVE} (?:some |a bit of |bad |terrible )?(?:double vision|blurred vision|"
    rf"blurry vision|foot drop|a dropped foot|a drop foot)(?: {_WHEN}| {_TIRED})?$",
    rf"^{_WHO} (?:keep |keeps |am |is |are |have been |has been |keep on )?seeing "
    rf"(?:double|two of everything|things double)(?: {_WHEN}| {_TIRED})?$",
    rf"^{_WHOSE} (?:vision|eyesight|sight) (?:is|s|has been|keeps going|goes|went|has gone|"
    rf"is going|seems|gets|is getting|has got) {_VERY}(?:blurry|blurred|double|fuzzy|"
    rf"worse)(?: {_WHEN}| {_TIRED})?$",
    rf"^{_WHO} (?:keep |keeps |have started to |has started to |started to |seem to |"
    r"seems to |am |is |are )?(?:drag|drags|dragging) (?:my|his|her|their|one) (?:left |right )?"
    rf"(?:foot|feet|leg|legs)(?: {_WALKING})?$",
    rf"^{_WHOSE} (?:left |right )?(?:foot|feet|toes?) (?:drags?|is dragging|are dragging|"
    r"keeps? catching|catch(?:es)?|is catching|keeps? tripping me|drops?|flops?)"
    rf"(?: on (?:the )?\w+)?(?: {_WALKING})?$",
    rf"^{_WHO} (?:have |has |am having |is having |are having |get |gets )?(?:trouble|"
    r"difficulty|problems) (?:with )?chewing(?: (?:food|my food|his food|her food|meat))?"
    rf"(?: {_WHEN})?$",
    rf"^{_WHO} (?:get|gets|getting|am getting|is getting) {_VERY}(?:tired|weak) (?:when |while )?"
    r"(?:chewing|(?:i|he|she|they) chews?|eating)$",
    rf"^{_WHOSE} (?:jaw|jaws|face) (?:gets|get|is|are|goes|go|feels|feel|is getting) {_VERY}"
    rf"(?:tired|weak)(?: when (?:i|he|she|they) chews?| when chewing| when eating| {_WHEN})?$",
    rf"^{_WHOSE} (?:voice|speech) (?:fades|is fading|keeps fading|gets weak|gets weaker|goes weak|"
    r"is getting weak|is getting weaker|gets quiet|gets quieter|is getting quieter|goes quiet|"
    r"goes nasal|sounds nasal|is nasal|is going nasal)(?: when (?:i|he|she|they) talks?"
    rf"| {_WHEN}| {_LATE_IN_DAY})?$",
    rf"^{_WHOSE} arms (?:get|gets|go|feel|are getting) {_VERY}(?:tired|weak|heavy) "
    r"(?:when|while) (?:i|he|she|they) (?:brush|brushes|comb|combs|wash|washes|dry|dries) "
    r"(?:my|his|her|their) hair$",
    # Numbness and a relapse, told (session 39, typed): "my legs suddenly
    # went numb" was offered the FAQ on seeing a doctor with nothing said,
    # "I think I'm having a relapse" declined plainly.
    rf"^{_WHOSE} (?:left |right )?(?:arms?|legs?|hands?|feet|foot|face|fingers|toes|side) "
    r"(?:have |has |just )?(?:suddenly |all of a sudden )?(?:went|gone|go|goes|is|are|feels?|"
    rf"keeps? going|is going|are going|have gone|has gone) {_VERY}(?:numb|dead|tingly)"
    rf"(?: {_WHEN})?$",
    # Tingling told by where it is felt (session 46, typed): "tingling in my
    # hands", "pins and needles in my fingers" were declined plainly, where
    # "tingling in my feet" was offered the FAQ on seeing a doctor.
    # "I feel tingling in my hands" stays a feeling told (journeys10).
    rf"^(?:(?:{_WHO}) {_HAVE} )?"
    r"(?:some |a lot of |constant |bad |this |a )?(?:tingling|tingles|pins and needles|"
    r"numbness|a numb feeling|a tingly feeling) (?:in|on) (?:my|his|her|their|both) "
    r"(?:left |right )?(?:hands?|fingers|fingertips|arms?|legs?|feet|foot|toes|face|lips)"
    r"(?: and (?:my |his |her |their )?(?:hands?|fingers|fingertips|arms?|legs?|feet|foot|"
    rf"toes|face|lips))?(?: {_WHEN}| all the time| a lot)?$",
    r"^(?:i think |i believe |i m afraid |i am afraid |i m worried |i am worried |maybe |"
    rf"perhaps )?{_WHO} (?:having|going through|in the middle of|in|starting|getting) (?:a |an )?"
    r"(?:relapse|flare|flare up|flareup|ms relapse|ms flare|ms attack|attack of ms)"
    rf"(?: {_WHEN})?$",
    # pain: "he is in a lot of pain", "she's in agony"
    rf"^{_WHO} in {_VERY}(?:a lot of |so much |terrible |awful |severe |bad )?(?:pain|agony)"
    r"(?: today| now| at the moment| all the time)?$",
]))

#: Legs or arms weak or heavy, and tripping, told (session 45, typed: "i
#: have ms and my legs feel heavy", "my legs feel like jelly", "i keep
#: tripping" were read the early-signs FAQ in full, which lists signs and
#: says nothing to one who has them now). A sign to tell the doctor about,
#: and at once when sudden (a relapse, a stroke, a myasthenic weakness).
#: The early-signs FAQ the matcher found is offered first
#: (kind_offers.WEAKNESS_OFFERS), then when to see a doctor.
_WEAKNESS = re.compile("|".join([
    rf"^{_WHOSE} (?:left |right )?(?:arms?|legs?|feet|foot|knees?|body) (?:feel|feels|are|is|"
    r"have been|has been|are feeling|is feeling|keep feeling|keeps feeling|go|goes|keep going|"
    r"keeps going|are going|is going|get|gets|are getting|is getting|have gone|has gone|went|re|"
    rf"s) {_VERY}(?:heavy|heavier|weak|weaker|wobbly|shaky|like jelly|like lead|jelly|"
    r"like they (?:will|are going to|re going to|might) give way)"
    rf"(?: {_WHEN}| {_TIRED}| {_WALKING}| {_LATE_IN_DAY})?$",
    rf"^{_WHOSE} (?:left |right )?(?:legs?|knees?) (?:keep |keeps |have started to |"
    r"has started to |sometimes |often |just )?(?:give way|gives way|giving way|gave way|"
    r"buckle|buckles|buckling|buckled|give out|gives out|giving out|gave out)"
    rf"(?: on (?:me|him|her|them))?(?: {_WHEN}| {_WALKING})?$",
    rf"^{_WHO} (?:keep |keeps |keep on |keeps on |am |is |are |have been |has been |always |"
    r"often |have started |has started |started )?(?:tripping|stumbling)(?: up| over)?"
    r"(?: (?:my|his|her|their) (?:own )?feet| over (?:things|nothing|everything))?"
    rf"(?: a lot| all the time)?(?: {_WHEN}| {_WALKING})?$",
    rf"^{_WHO} (?:trip|trips|stumble|stumbles) (?:up |over )?(?:a lot|all the time|"
    r"over (?:my|his|her|their) (?:own )?feet|over (?:things|nothing|everything))"
    rf"(?: {_WHEN}| {_WALKING})?$",
]))

#: "I'm confused" said to the assistant is about what it said (and "I'm a
#: bit confused about the treatments" a question): only someone else's
#: confusion is taken.
_NOT_FOLLOWING = re.compile(r"^(?:i am|i m|i) (?:\w+ )*confused\b")


#: The condition told before the sign: "i have ms and", "my husband has als
#: and".
_CONDITION_FIRST = re.compile(
    r"^(?:i|he|she|they|my (?:\w+ )?\w+) (?:have|has|have got|has got|ve got|s got|"
    rf"was diagnosed with|has been diagnosed with|have been diagnosed with|lives with|"
    rf"live with|is living with|am living with) (?:{NAMED}|mg) (?:and|so|but) ")


def _said(text: str) -> str:
    """``text`` cleaned, without the words said before a sign ("so")."""
    words = clean(text).rstrip(" .!").split()
    while words and words[0] in ("and", "so", "but", "um", "er", "help", "oh", "please"):
        words.pop(0)
    return " ".join(words)


#: A sign told, then whether it is one of the conditions asked: "my muscles
#: twitch all the time is it als" was offered Dietary Adjustments first
#: (session 46, typed). No entry can tell whose condition it is: the
#: caution, then the early-signs FAQ and the one on seeing a doctor
#: (kind_offers.WEAKNESS_OFFERS). Only a statement before it ("i", "my",
#: "he", "she"), and only the conditions' names after it.
_IS_IT_THE_CONDITION = re.compile(
    r"^(?:i|i m|i am|i ve|i have|i keep|my|he|he s|she|she s|they|his|her|our) (?:\w+ ){1,14}?"
    r"(?:is (?:it|that|this)|could (?:it|that|this) be|might (?:it|that|this) be|"
    r"does (?:it|that|this) mean (?:i|he|she|they|my \w+) (?:have|has|ve got|s got|got)|"
    r"do i have|have i got|has (?:he|she) got|does (?:he|she) have|am i getting)"
    r"(?: (?:a sign of|signs of|the start of|early|a symptom of))? "
    rf"(?:{NAMED}|mg)$")


def asks_if_it_is_the_condition(text: str) -> bool:
    """Whether ``text`` tells a sign and asks whether it is one of the
    conditions (``_IS_IT_THE_CONDITION``)."""
    return bool(_IS_IT_THE_CONDITION.search(_said(text).rstrip(" ?")))


def sign_seen_now(text: str) -> bool:
    """Whether ``text`` tells of a worrying sign someone has now."""
    said = _said(text)
    if _NOT_FOLLOWING.search(said):
        return False
    return bool(_SIGN.search(said)) or weakness_seen_now(text)


def weakness_seen_now(text: str) -> bool:
    """Whether ``text`` tells of weak or heavy limbs, or tripping
    (``_WEAKNESS``). "i have ms and my legs feel heavy": the condition told
    first says whose sign it is (session 45, typed). Only for these: "my mum
    has mg and her eyes droop" keeps the eyes topic (session 45's test)."""
    return bool(_WEAKNESS.search(_CONDITION_FIRST.sub("", _said(text))))
