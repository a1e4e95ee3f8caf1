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
_SIGN = re.compile("|".join([
    # swallowing: "he can't swallow (properly)", "she is struggling to swallow"
    rf"^{_WHO} (?:just |now |suddenly |all of a sudden )?(?:can t|can not|cannot|could not|"
    r"couldn t|is not able to|is unable to|am unable to|are unable to|unable to) "
    r"(?:swallow|eat or drink|hold (?:his|her|my|their) head up|"
    r"stand up|stand|walk|get up|lift (?:his|her|my|their) arms?|talk properly|speak properly|"
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
    # pain: "he is in a lot of pain", "she's in agony"
    rf"^{_WHO} in {_VERY}(?:a lot of |so much |terrible |awful |severe |bad )?(?:pain|agony)"
    r"(?: today| now| at the moment| all the time)?$",
]))

#: "I'm confused" said to the assistant is about what it said (and "I'm a
#: bit confused about the treatments" a question): only someone else's
#: confusion is taken.
_NOT_FOLLOWING = re.compile(r"^(?:i am|i m|i) (?:\w+ )*confused\b")


def sign_seen_now(text: str) -> bool:
    """Whether ``text`` tells of a worrying sign someone has now."""
    words = clean(text).rstrip(" .!").split()
    while words and words[0] in ("and", "so", "but", "um", "er", "help", "oh", "please"):
        words.pop(0)
    said = " ".join(words)
    if _NOT_FOLLOWING.search(said):
        return False
    return bool(_SIGN.search(said))
