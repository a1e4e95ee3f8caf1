"""Someone the user cares for told as low in mood: "he's been really down
since he was diagnosed", "my mum is very low", "my wife cries a lot".

Typed into `voice ask` (session 42), the first was read Diagnosis and
Medical Evaluations in full (on "diagnosed"), the second offered Physical
Therapy (its "low impact"), the third declined plainly. feelings.py meets
the user's own mood ("I feel low"); this is a carer telling of another's.
Met with a kind word, who can help, the emergency advice should they
speak of harming themselves, and the coping entry offered
(kind_offers.HELPING_OFFERS), never an entry read unasked.

Only a person close to the user (he, she, my husband ...), a low-mood word
of feelings.MOOD_WORDS' kind, and nothing asked after it of something
else: "my son is sad his team lost" names what about, and is left alone.
Pure: text in, True or False out.
"""

from __future__ import annotations

import re

from voice.matching.normalize import clean
from voice.matching.relatives import RELATIVE

_PERSON = rf"(?:he|she|my (?:\w+ )?{RELATIVE}|my patient|the person i care for)"
_DEGREE = (r"(?:(?:so|very|really|quite|a bit|a little|always|often|more and more|getting|"
           r"feeling|seems|seeming|constantly|just|pretty|terribly|awfully) )*")
#: Low mood as a carer tells it of someone.
_LOW = (r"(?:down|low|depressed|sad|miserable|tearful|withdrawn|anxious|so anxious|"
        r"not (?:himself|herself|themselves)|in low spirits|in a dark place|hopeless|"
        r"struggling emotionally|very emotional|emotional)")
#: Said after the mood: since the diagnosis, lately, all the time ...
_WHEN = (r"(?: (?:since (?:the|his|her|their) diagnosis|since (?:he|she|they) (?:was|were|got) "
         r"diagnosed|since (?:the|his|her) (?:news|illness|condition|ms|als|mg)|lately|recently|"
         r"these days|all the time|a lot|at the moment|most days|every day|since then|"
         r"and i do not know what to do|and i do not know how to help))*")
#: Their condition told first: "my husband has ms and hes really depressed"
#: was read Coping Strategies in full (session 45, typed).
_TOLD_FIRST = (rf"(?:{_PERSON} (?:has|has got|had|was diagnosed with|is living with|lives with) "
               r"(?:\w+ ){1,3}?(?:and|but|so) )")
_SOMEONE_LOW = re.compile(
    r"^(?:(?:so|and|but|well|i think|i feel like|i am worried|i am worried that|i worry) )*"
    rf"{_TOLD_FIRST}?"
    rf"{_PERSON} (?:is|has been|seems|gets|feels|is getting|is feeling|has become|keeps being) "
    rf"{_DEGREE}{_LOW}{_WHEN}$"
    rf"|^{_TOLD_FIRST}(?:is|has been|seems|gets|feels|is getting|is feeling|has become) "
    rf"{_DEGREE}{_LOW}{_WHEN}$"
    rf"|^(?:(?:so|and|but|well) )*{_PERSON} (?:cries|keeps crying|has been crying|is crying|"
    rf"cries all the time|is always crying|will not stop crying){_WHEN}$")


def someone_low(text: str) -> bool:
    """Whether ``text`` tells that someone the user cares for is low."""
    return _SOMEONE_LOW.search(clean(text).rstrip(" ?.!")) is not None
