"""Words people use for the same thing, folded onto one token.

People rarely say what an article's title says: "tablets" for medication,
"meals" for diet, "physio" for physical therapy. Both the content and the
question are folded the same way, so a synonym here helps every entry that
uses any word of its group. Per-entry wording belongs in the content files
("Also asked", "Keywords"); this table is for plain English equivalence.
"""

from __future__ import annotations

#: canonical word -> words that mean the same here.
GROUPS: dict[str, tuple[str, ...]] = {
    "medication": ("medicine", "medicines", "medications", "drug", "drugs", "pill", "pills",
                   "tablet", "tablets", "prescription", "prescriptions", "meds",
                   "medicated", "pharmaceutical"),
    "diet": ("food", "foods", "eat", "eating", "meal", "meals", "nutrition", "nutritional",
             "nutrient", "nutrients", "cook", "cooking", "supplement", "supplements",
             "dietary", "menu"),
    "hereditary": ("genetic", "genetically", "gene", "genes", "inherited", "inherit",
                   "inheritance", "heredity", "hereditery", "familial", "born"),
    "family": ("families", "son", "daughter", "children", "child", "kids", "kid", "parents",
               "parent", "grandchildren", "relatives", "siblings"),
    "cure": ("cured", "curable", "cures", "heal", "healed", "healing", "fix", "recover",
             "recovery", "rid", "remission"),
    "doctor": ("physician", "gp", "doc", "doctors", "clinician", "appointment", "hospital"),
    "sign": ("signs", "symptom", "symptoms", "warning", "indication", "indications"),
    "physiotherapy": ("physio", "physiotherapist", "physiotherapists", "physios"),
    "exercise": ("exercises", "exercising", "workout", "workouts", "sport", "sports",
                 "fitness", "swim", "swimming"),
    "cope": ("coping", "deal", "dealing", "handle", "handling", "manage emotionally"),
    "caregiver": ("caregivers", "carer", "carers", "caring", "husband", "wife", "partner",
                  "spouse", "mother", "father", "mum", "mom", "dad", "caretaker"),
    "device": ("devices", "equipment", "aid", "aids", "walker", "cane", "crutches",
               "scooter", "gear"),
    "technology": ("technologies", "tech", "gadget", "gadgets", "robot", "robots", "robotic",
                   "computer", "computers", "app", "apps", "high tech"),
    "research": ("study", "studies", "scientist", "scientists", "researchers", "researcher",
                 "trial", "trials", "experiment", "experiments", "science"),
    "breakthrough": ("breakthroughs", "hope", "hopeful", "promising", "exciting", "progress",
                     "advance", "advances"),
    "cause": ("causes", "caused", "causing", "trigger", "triggers", "triggered", "reason",
              "reasons"),
    "spasm": ("spasms", "cramp", "cramps", "cramping", "twitch", "twitches", "twitching",
              "jerk", "jerks", "jerking", "contraction", "contractions", "spasming"),
    "diagnosis": ("diagnose", "diagnosed", "diagnosing", "diagnostic", "diagnostics",
                  "test", "tests", "testing", "tested", "scan", "scans", "neurology"),
    "group": ("groups", "community", "communities", "charity", "charities", "organisation",
              "organisations", "organization", "organizations", "nonprofit", "nonprofits",
              "foundation", "foundations", "club", "clubs", "people like me"),
    "sleep": ("sleeping", "insomnia", "asleep", "night", "nights", "tired", "tiredness",
              "fatigue", "exhausted", "exhaustion"),
    "lifestyle": ("habit", "habits", "routine", "routines", "way of life"),
    "hydration": ("drink", "drinking", "fluid", "fluids", "water", "hydrate", "hydrated"),
    "alternative": ("natural", "remedy", "remedies", "holistic", "complementary", "herbal",
                    "acupuncturist", "massages"),
    "footwear": ("shoe", "shoes", "boots", "boot", "insoles"),
    "stress": ("stressed", "stressful", "anxiety", "anxious", "tension", "tense", "nervous"),
    "mood": ("positive", "sad", "sadness", "depression", "depressed", "lonely",
             "loneliness", "isolated", "isolation", "alone", "emotional", "emotions",
             "feelings", "upset"),
    "money": ("cost", "costs", "pay", "paying", "afford", "expensive", "funding", "financial",
              "insurance"),
    "stretch": ("stretches", "stretching", "stretched", "flexibility", "flexible", "supple"),
    "weakness": ("weak", "weaker", "weaken", "weakened", "dropping", "clumsy", "clumsiness"),
    "daily": ("everyday", "day to day", "daily life", "chores", "housework"),
    "job": ("career", "employment", "office"),
    "stimulation": ("stimulator", "stimulators", "stimulate", "stimulating", "magnetic"),
    # Gene therapy is a treatment under research, not heredity: kept apart from "genes".
    "genetherapy": ("gene therapy", "gene therapies"),
    "disorder": ("disorders", "disease", "diseases", "condition", "conditions", "illness",
                 "illnesses", "sickness"),
    "treatment": ("treatments", "treat", "treated", "treating", "therapies"),
}


WORDS: dict[str, str] = {
    w: canonical for canonical, ws in GROUPS.items() for w in ws if " " not in w
}
PHRASES: dict[str, str] = {
    w: canonical for canonical, ws in GROUPS.items() for w in ws if " " in w
}


def fold(text: str) -> str:
    """Cleaned text with every synonym replaced by its group's word."""
    padded = f" {text} "
    for phrase, canonical in PHRASES.items():
        padded = padded.replace(f" {phrase} ", f" {canonical} ")
    return " ".join(WORDS.get(w, w) for w in padded.split())
