"""Words of the everyday requests people make of any voice assistant.

The knowledge base is about chronic spasms and neuromuscular disorders. A
question built on one of these words ("play the radio", "what's the weather",
"phone my son") is about something else even when another of its words
happens to appear in the content, so these words weigh against a match at
full strength instead of counting as merely unknown.
"""

from __future__ import annotations

WORDS = frozenset(
    """weather temperature rain raining snow snowing sunny forecast outside umbrella
    music song songs sing singing radio album band artist playlist
    joke jokes funny laugh riddle story stories poem
    time clock date today tomorrow yesterday tonight weekday calendar alarm timer remind
    reminder schedule news headlines politics president election minister government
    phone ring text message email video
    tv television channel movie movies film films series netflix
    football soccer match score league cricket tennis golf basketball baseball
    recipe bake baking cake bread pancakes pizza restaurant takeaway delivery
    taxi bus car cars flight tyre tire traffic parking petrol fuel
    shop shopping buy price stock stocks market bank
    capital country countries city world population map directions distance
    translate translation spanish french german spelling
    moon planet planets universe space star stars galaxy hole
    lights lamp heating thermostat door lock
    wall paint painting garden knit knitting
    wrote author book novel hamlet shakespeare
    plus minus divided square root math maths calculate
    birthday present gift holiday holidays hotel egg eggs soup station dog dogs cat cats
    pet pets vet puppy puppies kitten kittens password wifi
    clinic clinics""".split()
)

#: Health matters this knowledge base does not cover. Asked with a word it does
#: use ("how do I treat a sunburn", "symptoms of flu"), such a question would
#: otherwise be answered with an unrelated entry; it must be declined instead.
HEALTH_WORDS = frozenset(
    """sunburn sunburnt flu influenza covid coronavirus cough coughing sneeze sneezing
    headache headaches migraine migraines toothache tooth teeth dentist snore snoring
    cholesterol diabetes diabetic cancer asthma eczema rash rashes acne allergy allergies
    hayfever fever throat heartburn indigestion constipation diarrhoea diarrhea vomiting
    pregnant pregnancy menopause vaccine vaccines vaccination measles chickenpox
    heart blood pressure weight obesity overweight hangover sting stings wasp bee insect
    bite bites bruise bruises cream lotion skin hair eyesight glasses hearing ear ears
    earache kidney kidneys liver stomach tummy bladder paracetamol ibuprofen aspirin
    antibiotics antibiotic hiccups hiccup""".split()
)
WORDS = WORDS | HEALTH_WORDS
