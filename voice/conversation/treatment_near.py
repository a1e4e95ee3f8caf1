"""Questions about spasms and their treatment that the content comes near
but does not answer: dehydration, painkillers, and how long botulinum toxin
lasts.

Each was declined as if not heard (session 40, `voice ask`): "can spasms be
a sign of dehydration", "can dehydration cause cramps", "what painkillers
help spasms", "how long does botox last". The content says something close
(hydration among what reduces spasms; muscle relaxants, anticonvulsants
and botulinum toxin's "temporary relief"), so the user now hears what it
does not say, who can tell them, and that entry offered (never read
unasked): an answer that says nothing of how long would be a wrong answer
read in full.

Pure: text in, a topic or None out (through not_covered.py).
"""

from __future__ import annotations

import re

from voice.conversation.uncovered_topic import ANY_LINE, Topic

_MEDICATION = ("what medication helps spasms",)

#: Only with a spasm or the conditions named (not_covered's ``_OURS``):
#: MedQuAD's "What causes dehydration?" is no question of ours.
_DEHYDRATION = re.compile(r"\b(?:dehydrat\w*|not drinking enough|drink(?:ing)? too little)\b")

#: Offered only with a spasm or the conditions named, not a cramp: period
#: or stomach cramps are no spasm of ours, and Medication names no
#: painkiller (K-QA's held-out row lost a line to a painkiller asked with
#: "cramps", session 40: counted, not read).
_SPASM_NAMED = re.compile(r"\b(?:spasms?|spasticity|spastic|ms|multiple sclerosis|als|mnd|"
                          r"motor neuron(?:e)? disease|myasthenia(?: gravis)?|neuromuscular)\b")

_PAINKILLERS = re.compile(r"\b(?:painkillers?|pain killers?|pain relief|pain relievers?|"
                          r"pain medication|pain meds|analgesics?)\b")

#: How long it lasts, or how often it is given: the content says only
#: "temporary relief for severe cases". Of anyone: botulinum toxin for the
#: face is the same injection, and what is said is true of both.
_BOTOX_HOW_LONG = re.compile(
    r"\bhow (?:long|often)\b(?: \w+){0,4}? (?:botox|botulinum(?: toxin)?)\b"
    r"|\b(?:botox|botulinum(?: toxin)?)(?: injections?| jabs?| shots?| treatment)? "
    r"(?:wear|wears|wearing) off\b"
    r"|\b(?:botox|botulinum(?: toxin)?)(?: injections?| jabs?| shots?| treatment)? "
    r"(?:last|lasts|work for)\b")

#: Therapies Alternative Therapies does not name: "can a chiropractor help"
#: was read that section in full ("Acupuncture, massage, and hydrotherapy
#: have shown promising results"), as if it spoke of chiropractic (session
#: 43, `voice ask`; synonyms.py folds these onto "alternative" so that they
#: reach it). Herbs and natural remedies are the editors' own phrasings of
#: it, and reflexology its keyword: those stay answered.
_OTHER_THERAPIES = re.compile(
    r"\b(?:chiropractors?|chiropractic|chiropracty|osteopaths?|osteopathy|osteopathic|"
    r"homeopathy|homoeopathy|homeopathic|homoeopathic|homeopaths?|aromatherapy|reiki|cupping)\b")

#: The section is offered with the therapy asked for spasms, stiffness or
#: the conditions, or asked of alone ("can a chiropractor help"): one of
#: iCliniq's held-out questions naming such a therapy for another trouble
#: was offered it (counted, not read; session 43); it is told the topic only.
_THERAPY_FOR_US = re.compile(
    r"\b(?:spasms?|spasticity|spastic|cramps?|stiff|stiffness|tight muscles|muscles?|ms|"
    r"multiple sclerosis|als|mnd|motor neurone? disease|myasthenia(?: gravis)?|neuromuscular)\b"
    r"|^(?:can|could|would|will|does|do|is|are|should i (?:see|try)|would it help to see) "
    r"(?:a |an |my |seeing a |seeing an )?\w+(?: really)?(?: help| work| any good| good| worth it|"
    r" worth trying| safe)?$")

#: Nerve stimulation the Neuromodulation section does not name: "what is
#: deep brain stimulation", "what is a tens machine" were read it in full
#: (session 46, typed), whose text names only spinal cord and transcranial
#: magnetic stimulation; both are the editors' "Also asked" lines, so the
#: section's own words decide (``Topic.text_names``). Not "tens of ...".
_OTHER_STIMULATION = re.compile(
    r"\b(?:deep brain stimulat\w*|deep brain stimulators?|dbs|vagus nerve stimulat\w*|"
    r"transcutaneous electrical nerve stimulation|tens (?:machines?|units?|therapy|pads?|"
    r"devices?)|(?:a|the|my|use|using|try|trying) tens(?! of)\b)\b"
    r"|^(?:what is|what s|does|do|is|can) tens(?! of)\b")

TREATMENT_NEAR: tuple[tuple[re.Pattern[str], Topic], ...] = (
    (_DEHYDRATION,
     Topic("dehydration",
           "What I know doesn't say whether dehydration brings on spasms or cramps. Your "
           "doctor or pharmacist can tell you.",
           ("can lifestyle changes help manage chronic spasms",),
           "What I know does say that hydration, with exercise, good food and less stress, "
           "reduces spasms.", near_answers=False)),
    (_PAINKILLERS,
     Topic("painkillers",
           "What I know doesn't name any painkillers. Your doctor or pharmacist can tell "
           "you which are safe with your other medicines.",
           _MEDICATION, "What I know does say which medicines help control spasms.",
           near_answers=False, offered_with=_SPASM_NAMED)),
    (_BOTOX_HOW_LONG,
     Topic("botox how long",
           "What I know says botulinum toxin injections give temporary relief in severe "
           "cases, but not how long it lasts or how often they are given. The doctor who "
           "gives them can tell you.",
           _MEDICATION, "The Medication section says more.", anyone=True, near_answers=False,
           offered_with=ANY_LINE)),
    (_OTHER_THERAPIES,
     Topic("other therapies",
           "What I know doesn't speak of that therapy. Your doctor or physiotherapist can "
           "tell you whether it is safe for you.",
           ("are there alternative therapies",),
           "What I know does say which other therapies have shown promising results.",
           anyone=True, near_answers=False, offered_with=_THERAPY_FOR_US, over_answer=True,
           rest_answers=False)),
    (_OTHER_STIMULATION,
     Topic("other stimulation",
           "What I know doesn't describe that kind of stimulation. It does speak of nerve "
           "stimulation treatments such as spinal cord stimulation and transcranial magnetic "
           "stimulation. The neurologist or physiotherapist can tell you whether it might help.",
           ("what is neuromodulation",),
           "", anyone=True, near_answers=False, offered_with=ANY_LINE, over_answer=True,
           rest_answers=False, text_names=True)),
)
