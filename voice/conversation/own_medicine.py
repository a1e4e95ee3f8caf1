"""Asked what to do with one's own medicines: "should I stop taking my
baclofen", "can I double my dose", "what dose should I take", "I missed a
dose", "can I drink alcohol with my medication".

The content is general health information and cannot tell one person to
start, stop or change a medicine. These were declined flatly ("I don't have
an answer for that", session 24 `voice text`) or met with "Did you mean:
Medication?", as if the entry could answer them. Said to a person who may act
on it, they are met with what to do (ask the doctor, nurse or pharmacist
before changing anything; the emergency number after taking too much), and
then the content's entry on medication is offered, never read unasked
(kind_offers.py, like a worry).

Only the speaker's (or someone they look after) own medicines are taken,
with a verb of starting, stopping, changing or dosing them: "what medication
helps spasms" and "does baclofen help" are questions the content answers and
are matched as before, and so is a dose asked with no medicine named ("how
much should I take of it" after "does magnesium help cramps": a follow-up
on the subject before, offered Dietary Adjustments). Emergencies ("I took
too many pills") are checked before this. Pure: text in, bool out.
"""

from __future__ import annotations

import re

from voice.matching.normalize import clean

#: A medicine: the general words, and the medicines people with spasms and
#: these conditions are commonly prescribed (muscle relaxants, anticonvulsants,
#: botulinum toxin, the myasthenia and ALS medicines), so "can I stop my
#: baclofen" is taken as "can I stop my tablets" is.
_NAMED = (
    r"(?:baclofen|tizanidine|gabapentin|pregabalin|diazepam|clonazepam|dantrolene|botox|"
    r"botulinum(?: toxin)?|pyridostigmine|mestinon|riluzole|edaravone|sativex|nabiximols|"
    r"muscle relaxants?|anticonvulsants?)"
)
#: Painkillers bought over the counter: "can I take ibuprofen for cramps",
#: "is paracetamol ok with baclofen" were declined plainly (session 39,
#: typed); whether to take one with one's own medicines is the pharmacist's.
_OTC = (r"(?:ibuprofen|paracetamol|acetaminophen|tylenol|aspirin|naproxen|advil|nurofen|"
        r"codeine|co codamol|cocodamol|painkillers?|pain killers?)")
_MEDICINE = (
    r"(?:medicines?|medications?|meds|pills?|tablets?|capsules?|doses?|dosage|drugs?|"
    r"prescriptions?|injections?|jabs?|patch(?:es)?|prednisolone|prednisone|steroids?|"
    rf"{_OTC}|{_NAMED})"
)
_NAMES_ONE = re.compile(rf"\b{_NAMED}\b")
#: Whose: the speaker's own, or that of someone they look after.
_WHOSE = r"(?:my|his|her|their|our|the|this|that|these|a|an|any|one|another|an extra|extra)"
#: Who takes it.
_WHO = r"(?:i|we|he|she|they|my (?:\w+ )?\w+)"
#: Doing something to one's medicine that only a prescriber can advise on.
_CHANGE = (
    r"(?:stop|stop taking|quit|quit taking|come off|get off|go off|skip|miss|halve|double|"
    r"increase|decrease|reduce|lower|raise|up|cut down(?: on)?|cut back(?: on)?|cut|change|"
    r"switch|swap|adjust|start|start taking|take more|take less|take extra|take another|"
    r"take two|take half|take double|crush|split|drink alcohol with|drink with|mix)"
)

_ASKS = re.compile("|".join([
    # should i stop taking my baclofen; can he double his dose; is it ok to
    # come off my meds; do i need to reduce my tablets
    rf"\b(?:should|can|could|may|must|shall|do|does|is it (?:ok|okay|safe|alright|all right) "
    rf"(?:for (?:me|him|her|us) )?to|would it be (?:ok|okay|safe) to|do (?:i|we) need to|"
    rf"(?:i|we) want to|(?:i|we) am thinking of|i m thinking of|i am going to) "
    rf"(?:{_WHO} )?(?:just )?{_CHANGE} (?:{_WHOSE} )?(?:\w+ )?{_MEDICINE}\b",
    # my husband wants to stop his medication; i want to come off my tablets
    rf"\b{_WHO} (?:want|wants|would like|plan|plans|is going|am going|m going) to "
    rf"{_CHANGE} (?:{_WHOSE} )?(?:\w+ )?{_MEDICINE}\b",
    # what happens if i stop taking my baclofen / miss a dose
    rf"\bwhat (?:happens|will happen|would happen|if) (?:if )?{_WHO} (?:suddenly |just )?"
    rf"(?:{_CHANGE}|forget|forgot|run out of|ran out of) (?:{_WHOSE} )?(?:\w+ )?{_MEDICINE}\b",
    # what dose should i take; how much baclofen should i take; how many
    # tablets can he have
    rf"\b(?:what|which) (?:dose|dosage|amount|strength)(?: of \w+(?: \w+)?)? (?:should|can|"
    rf"do|must|could) {_WHO} (?:take|have|use|give)\b",
    rf"\bhow (?:much|many) (?:\w+ ){{0,2}}{_MEDICINE} (?:should|can|do|must|could) {_WHO} "
    r"(?:take|have|use|give)\b",
    rf"\bhow (?:often|many times a day) (?:should|can|do|must) {_WHO} (?:take|have|use) "
    rf"(?:{_WHOSE} )?(?:\w+ )?{_MEDICINE}\b",
    # i missed a dose; i forgot my tablets; he ran out of his medication;
    # said short by a tired user, "forgot my tablets" and "missed a dose of
    # baclofen" were declined or offered Medication (session 43, `voice ask`)
    rf"^(?:(?:oh|um|er|so|help) )*(?:{_WHO} )?(?:have |has |ve )?(?:missed|forgot|forgotten|"
    rf"skipped|"
    rf"ran out of|run out of) (?:to take )?(?:{_WHOSE} )?(?:\w+ )?{_MEDICINE}\b",
    # can i drink alcohol on baclofen; can i take ibuprofen with my tablets
    rf"\b(?:can|could|should|may) {_WHO} (?:drink|have|take) (?:alcohol|wine|beer|a drink|"
    rf"\w+) (?:with|on|while on|while taking|when taking|alongside) (?:{_WHOSE} )?(?:\w+ )?"
    rf"{_MEDICINE}\b",
    # can i take ibuprofen for my cramps; should he have some paracetamol
    rf"\b(?:can|could|should|may) {_WHO} (?:take|have|use|give (?:him|her|them)) "
    rf"(?:some |an |a )?{_OTC}\b",
    rf"\bis it (?:ok|okay|safe|alright|all right) (?:for (?:me|him|her|us) )?to (?:take|have|"
    rf"give (?:him|her|them)) (?:some |an |a )?{_OTC}\b",
    # is paracetamol ok with baclofen; are painkillers safe with my tablets
    rf"\b(?:is|are) (?:it )?(?:\w+ )?(?:ok|okay|safe|alright|all right|fine) (?:to take )?"
    rf"(?:with|alongside) (?:{_WHOSE} )?(?:\w+ )?{_MEDICINE}\b",
    # can i take my tablets with food (offered Dietary Adjustments, session 46)
    rf"\b(?:can|could|should|may) {_WHO} (?:take|have) (?:{_WHOSE} )?(?:\w+ )?{_MEDICINE} "
    r"(?:with|on|after|before|without) (?:food|an empty stomach|meals?|milk|juice|grapefruit|"
    r"alcohol|a drink|coffee|tea)\b",
    # Someone else's medicine: "can i take my husbands pills", "can i borrow
    # my mums baclofen" (declined plainly, or offered Medication: session 46,
    # `voice ask`); only a prescriber can say, as for one's own.
    rf"\b(?:can|could|may|should|shall) (?:i|he|she|we) (?:take|borrow|use|have|try|share) "
    rf"(?:some of )?(?:my|his|her|our|their|a) (?:\w+ )?(?:\w+'s|\w+s) (?:\w+ )?{_MEDICINE}\b",
    rf"\bgave (?:me|him|her|us) (?:some of )?(?:his|her|their) (?:\w+ )?{_MEDICINE}\b.*"
    r"\b(?:can|could|should|may|is it ok|is it okay|is it safe) (?:i|he|she|we)\b",
    # my baclofen is not working anymore; his tablets have stopped helping
    # "baclofen isnt working anymore" was read Medication in full (session
    # 46, typed): the medicine named first, nobody's said.
    rf"\b(?:(?:my|his|her|their|our) (?:\w+ )?{_MEDICINE}|^{_NAMED}) (?:is not|are not|does not|"
    r"do not|has stopped|have stopped|stopped|no longer|is no longer|are no longer) "
    r"(?:seem to be |seems to be |seem to |seems to )?(?:working|work|works|helping|help|helps)\b",
]))


#: A medicine prescribed or about to be, told ("my neurologist wants to
#: start me on baclofen", "I've been put on tizanidine"): declined as off
#: the subject (session 36, `voice ask`). The prescriber is the one to ask
#: about it; what the content says of medicines is offered.
_PRESCRIBER = (r"(?:doctor|doctors|neurologist|gp|nurse|consultant|specialist|physician|"
               r"ms nurse|team|pharmacist)")
_PRESCRIBED = re.compile("|".join([
    rf"\b(?:my|his|her|their|our|the) (?:\w+ )?{_PRESCRIBER} (?:wants|want|has asked|is going|"
    r"are going|has decided|decided|suggested|suggests|says|said|has said|recommended|"
    r"recommends|thinks|is thinking of|would like) (?:to |that )?(?:(?:me|him|her|us|them) to )?"
    r"(?:i |he |she |we |they )?"
    r"(?:should |will |might |could |must )?(?:start|put|try|go on|begin|take|have) "
    rf"(?:me |him |her |us |them )?(?:on )?(?:{_WHOSE} )?(?:\w+ )?{_MEDICINE}\b",
    rf"\b{_WHO} (?:ve been|have been|has been|was|were|got|am being|m being|is being|are being) "
    rf"(?:put|started|prescribed|given) (?:on )?(?:{_WHOSE} )?(?:\w+ )?{_MEDICINE}\b",
    rf"\b{_WHO} (?:m|am|is|are|just|have just|ve just) (?:starting|started|start) (?:taking |on )?"
    rf"{_NAMED}\b",
    rf"\b(?:my|his|her|their|our|the) (?:\w+ )?{_PRESCRIBER} (?:has |just )?(?:prescribed|gave|"
    rf"has given) (?:me |him |her |us |them )?(?:{_WHOSE} )?(?:\w+ )?{_MEDICINE}\b",
]))


def told_prescribed(text: str) -> bool:
    """``text`` tells of a medicine prescribed to the speaker (or someone
    they look after), or about to be ("my neurologist wants to start me on
    baclofen")."""
    return bool(_PRESCRIBED.search(clean(text)))


#: How or when to take one's own medicine: its label, its leaflet and the
#: pharmacist say, the content cannot ("how do i take my own pills" was read
#: Medication in full; session 25, branch journey26).
_HOW_TO_TAKE = re.compile(
    rf"\b(?:how|when|what time|how often) (?:do|should|must|can|am|is|are|does) {_WHO} "
    rf"(?:supposed to |meant to )?(?:take|have|use|give) (?:{_WHOSE} )?(?:own )?(?:\w+ )?"
    rf"{_MEDICINE}\b")
#: Heard for a medicine: Whisper tiny.en heard espeak-ng's "how do i take my
#: own pills" as "... my own bills" in 5 of 6 voices (scripts/record_hearings.py,
#: tests/data/heard/own-pills.json); nobody takes their bills.
_HEARD_FOR = {"bills": "pills"}


def asks_how_to_take(text: str, heard: bool = False) -> bool:
    """``text`` asks how or when to take one's own medicine ("how do I take
    my pills", "when should he have his baclofen"). ``heard``: from a
    recognizer, whose "bills" after "take" is "pills"."""
    words = clean(text).split()
    if heard:
        words = [_HEARD_FOR.get(w, w) for w in words]
    return bool(_HOW_TO_TAKE.search(" ".join(words)))


def asks_about_own_medicine(text: str) -> bool:
    """``text`` asks what to do with the speaker's own medicines (or theirs
    who are looked after): stopping, changing, dosing, missing, mixing."""
    return bool(_ASKS.search(clean(text)))


def names_a_spasm_medicine(text: str) -> bool:
    """``text`` names a medicine given for spasms or these conditions
    (baclofen, botox, pyridostigmine...), not only "my tablets"."""
    return bool(_NAMES_ONE.search(clean(text)))
