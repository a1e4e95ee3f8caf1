"""Medical words for the signs of these conditions that the content never
uses: "what is dysphagia", "what does dysarthria mean", "what are
fasciculations", "what is clonus", "what is a flare", "what is a relapse".

A person newly told one of these words by a neurologist asks what it means;
each was met with "Sorry, I don't have an answer for that" (session 39,
`voice ask`), which does not even say the word was heard. Now the word is
said back with its plain meaning (one line, as "MS stands for multiple
sclerosis"), that the content does not go into it, and who can; where the
content names the sign in plain words (the early-signs FAQ's "difficulty
swallowing"), that entry is offered when the conditions are named.
Taken of anyone: none of these words has an everyday sense.

And the medicines these conditions are treated with that the content never
names ("what about pyridostigmine", "what is riluzole", "is ocrevus good
for ms"): each was declined as if not heard. The name is said back, with
who can tell them about it; nothing offered (the Medication section is about
spasm medicines, not these). Asked what to do with one's own (own_medicine.py)
is taken before this.
"""

from __future__ import annotations

import re

from voice.conversation.conditions_named import NAMED
from voice.conversation.uncovered_topic import ANY_LINE, Topic

_EARLY_SIGNS = ("what are the early signs of neuromuscular disorders",)

#: Medicines for MS, ALS and myasthenia gravis the content never names, as
#: said (a brand and its generic name both), with the name said back.
_MEDICINES = {
    "pyridostigmine": "pyridostigmine", "mestinon": "Mestinon", "riluzole": "riluzole",
    "rilutek": "Rilutek", "edaravone": "edaravone", "radicava": "Radicava",
    "tofersen": "tofersen", "qalsody": "Qalsody", "prednisone": "prednisone",
    "prednisolone": "prednisolone", "ocrelizumab": "ocrelizumab", "ocrevus": "Ocrevus",
    "natalizumab": "natalizumab", "tysabri": "Tysabri", "interferon": "interferon",
    "copaxone": "Copaxone", "glatiramer": "glatiramer", "fingolimod": "fingolimod",
    "gilenya": "Gilenya", "tecfidera": "Tecfidera", "dimethyl fumarate": "dimethyl fumarate",
    "rituximab": "rituximab", "ivig": "IVIG", "immunoglobulin": "immunoglobulin",
    "eculizumab": "eculizumab", "azathioprine": "azathioprine",
    "mycophenolate": "mycophenolate", "fampridine": "fampridine", "ampyra": "Ampyra",
    "amifampridine": "amifampridine", "nuedexta": "Nuedexta", "modafinil": "modafinil",
    "amantadine": "amantadine",
}


#: Treatments that are no tablet, the content never naming them: "what is
#: plasma exchange", "what is a thymectomy", "what are dmts" were declined
#: plainly (session 45, typed). The regex said <TAB> the name said back.
_TREATMENTS = {
    r"plasma exchange|plasmapheresis|plex": "plasma exchange",
    r"thymectomy|thymus (?:removal|surgery|operation)": "thymectomy",
    r"disease modifying (?:therapy|therapies|treatments?|drugs?|medicines?|medications?)|dmts?":
        "disease-modifying therapies",
    r"hsct|stem cell transplants?": "stem cell transplants",
}


#: Medicines for spasms the Medication section does not name, though it
#: names the kinds they are (muscle relaxants, anticonvulsants): "what is
#: tizanidine" was declined plainly (session 46, typed), where "what is
#: baclofen" is an "Also asked" line. The name said back, what the section
#: says of the kind, and the section offered.
#: Those also given for anxiety or nerve pain (diazepam, clonazepam,
#: pregabalin) are offered the section only with spasms or the conditions
#: named: iCliniq's "doctor prescribed ... clonazepam" for anxiety is not
#: ours (tune_fresh47, session 46).
_SPASM_MEDICINES = {
    "tizanidine": "tizanidine", "zanaflex": "Zanaflex", "dantrolene": "dantrolene",
    "methocarbamol": "methocarbamol", "cyclobenzaprine": "cyclobenzaprine",
}
_ALSO_FOR_OTHERS = {"diazepam": "diazepam", "clonazepam": "clonazepam",
                    "pregabalin": "pregabalin"}
_MEDICATION = ("what medication helps spasms",)
_SPASMS_NAMED = re.compile(rf"\b(?:spasms?|spasticity|spastic|cramps?|stiffness|{NAMED}|mg)\b")


def _spasm_medicine(said: str, name: str,
                    offered_with: re.Pattern[str] = ANY_LINE) -> tuple[re.Pattern[str], Topic]:
    return (re.compile(rf"\b{said}\b"),
            Topic(f"spasm medicine {said}",
                  f"What I know doesn't name {name}. It does say that muscle relaxants and "
                  f"anticonvulsants help control spasms. Your doctor, nurse or pharmacist can "
                  f"tell you about {name}, and the leaflet that comes with it says what it is "
                  f"for.", _MEDICATION, "", anyone=True, offered_with=offered_with))


def _treatment(said: str, name: str) -> tuple[re.Pattern[str], Topic]:
    it, is_ = ("them", "they are") if name.endswith("s") else ("it", "it is")
    return (re.compile(rf"\b(?:{said})\b"),
            Topic(f"treatment {name}",
                  f"What I know doesn't go into {name}. The neurologist or specialist nurse can "
                  f"tell you about {it}, and whether {is_} right for you.",
                  anyone=True))


def _medicine(said: str, name: str) -> tuple[re.Pattern[str], Topic]:
    return (re.compile(rf"\b{said}\b"),
            Topic(f"medicine {said}",
                  f"What I know doesn't name {name}. Your doctor, nurse or pharmacist can tell "
                  f"you about it, and the leaflet that comes with it says what it is for.",
                  anyone=True))


MEDICAL_WORDS: tuple[tuple[re.Pattern[str], Topic], ...] = (
    (re.compile(r"\bdysphagia\b"),
     Topic("dysphagia",
           "Dysphagia is the medical word for trouble swallowing. What I know doesn't go "
           "into it. A speech and language therapist or the doctor can help; trouble "
           "swallowing is worth telling the doctor about soon.",
           _EARLY_SIGNS, "What I know does name trouble swallowing as an early sign.",
           anyone=True)),
    (re.compile(r"\bdysarthri\w*\b"),
     Topic("dysarthria",
           "Dysarthria is the medical word for unclear or slurred speech when the muscles "
           "used to speak are weak. What I know doesn't go into it. A speech and language "
           "therapist can help. If speech changes suddenly, call your local emergency number "
           "now.", anyone=True)),
    (re.compile(r"\bfascicul\w*\b"),
     Topic("fasciculations",
           "Fasciculations are the medical word for small muscle twitches under the skin. "
           "What I know doesn't go into them. Your doctor or nurse can tell you more.",
           anyone=True)),
    (re.compile(r"\bclonus\b"),
     Topic("clonus",
           "Clonus is the medical word for a muscle jerking again and again in a rhythm, "
           "often when it is stretched. What I know doesn't go into it. Your doctor or "
           "physiotherapist can tell you more.", anyone=True)),
    # "my ankle keeps bouncing" was declined plainly (session 44, `voice
    # ask`): clonus told in everyday words.
    (re.compile(r"\b(?:ankle|ankles|foot|feet|leg|legs|knee|knees|heel) (?:keeps? |starts? |"
                r"won t stop |will not stop |just )?(?:bouncing|bounces|bounce|jumping up and "
                r"down|jumps up and down|shaking up and down|shakes up and down|going up and "
                r"down|goes up and down)\b"),
     Topic("clonus told",
           "An ankle or leg that bounces by itself, again and again in a rhythm, is often "
           "called clonus. I can't judge symptoms, and what I know doesn't go into it. Your "
           "doctor or physiotherapist can tell you more.", anyone=True,
           content_word=True)),
    # "what is a tremor" and "restless legs" were declined plainly (session
    # 44, `voice ask`): the content names neither. These three are said only
    # when the matcher found nothing (``content_word``): a caregiver's
    # content on tremor keeps its own offer
    # (tests/test_heard37_prompt_copied.py).
    (re.compile(r"\btremors?\b"),
     Topic("tremor",
           "A tremor is shaking a person can't control, often of the hands. What I know "
           "doesn't go into it. Your doctor or nurse can tell you more.", anyone=True,
           content_word=True)),
    (re.compile(r"\brestless legs?(?: syndrome)?\b|\brestless leg syndrome\b"),
     Topic("restless legs",
           "What I know doesn't cover restless legs. It is worth telling your doctor or nurse "
           "about; they can help.", anyone=True,
           content_word=True)),
    # "what is pba", "what is pseudobulbar affect" were declined plainly, "my
    # husband with als is very emotional, laughs and cries for no reason"
    # offered Coping Strategies (session 45, typed).
    (re.compile(r"\b(?:pseudobulbar(?: affect)?|pba|emotional lability|involuntary emotional "
                r"expression)\b"
                r"|\b(?:laugh|laughs|laughing|cry|cries|crying) (?:and|or) "
                r"(?:laugh|laughs|laughing|cry|cries|crying) "
                r"(?:for no reason|uncontrollably|out of nowhere|at the wrong "
                r"times?|without meaning to)\b"),
     Topic("pseudobulbar affect",
           "Laughing or crying that comes suddenly and can't be controlled is often called "
           "pseudobulbar affect. What I know doesn't go into it. Your doctor or nurse can tell "
           "you more; it can be treated.", anyone=True)),
    # "what is a flare", "what are flares", "what is a relapse": an MS
    # relapse in the words people use. Only asked what one is: "solar
    # flare", "flared jeans" are not (nor a relapse of an addiction told).
    (re.compile(r"^(?:(?:and|so|ok|okay) )?what (?:is|are|s) (?:a |an )?(?:ms )?"
                r"(?:flares?(?: ups?)?|relapses?)$"),
     Topic("flare",
           "A flare, or relapse, is when symptoms come back or get worse for a while. What I "
           "know doesn't cover relapses. Your MS nurse or neurologist can explain them.",
           anyone=True)),
    # "whats the difference between spasms and cramps" was declined plainly
    # (session 46, typed): the content says what chronic spasms are, and
    # names cramps only among early signs.
    (re.compile(r"\bdifference (?:between|from) (?:a |an )?(?:spasms?|cramps?|cramping|"
                r"spasticity|twitch(?:es|ing)?) (?:and|or|vs|versus) (?:a |an )?(?:spasms?|"
                r"cramps?|cramping|spasticity|twitch(?:es|ing)?)\b"
                r"|\b(?:is|are) (?:a |an )?(?:spasms?|cramps?) (?:the same (?:thing )?as|"
                r"different (?:from|to)|like) (?:a |an )?(?:spasms?|cramps?)\b"
                r"|\b(?:spasms?|cramps?) (?:vs|versus) (?:spasms?|cramps?)\b"),
     Topic("spasm or cramp",
           "What I know doesn't set out how these differ. It does say that chronic spasms "
           "are muscles tightening by themselves, again and again, and it names frequent "
           "cramps among early signs. Your doctor or physiotherapist can tell you which you "
           "have.", ("what are chronic muscle spasms",), "", anyone=True,
           offered_with=ANY_LINE)),
    *(_medicine(said, name) for said, name in _MEDICINES.items()),
    *(_spasm_medicine(said, name) for said, name in _SPASM_MEDICINES.items()),
    *(_spasm_medicine(said, name, _SPASMS_NAMED) for said, name in _ALSO_FOR_OTHERS.items()),
    *(_treatment(said, name) for said, name in _TREATMENTS.items()),
    # "can ms be slowed down", "what slows als down" were declined plainly
    # (session 45, typed). Recent Advancements says trials look for
    # medicines "aimed at slowing disease progression": offered.
    (re.compile(rf"\b(?:{NAMED}|it|this|the condition|the disease) (?:be |being )?slowed\b"
                rf"|\b(?:slow|slows|slowing) (?:down )?(?:the )?(?:progression of )?"
                rf"(?:{NAMED}|it|this|the condition|the disease)(?: down)?$"
                rf"|\bslow (?:its |the )?progression\b"),
     Topic("slowing",
           "What I know doesn't go into treatments that slow these conditions down. The "
           "neurologist can tell you what is available.",
           ("what is the latest research",),
           "What I know does say that research is looking for medicines that slow them.",
           # Said only when the matcher found nothing: "can exercise slow
           # down ms" keeps what it offers.
           content_word=True)),
)
