"""Money asked about with nothing of health care named: the asker's own
bills, pay, insurance plan, credit or taxes.

The content's only money matter is help with the costs of care (Community
Support: charities, "we can't afford the treatment who can help"), so the
synonym fold ``money`` (insurance, pay, paying, afford ...) is one of its
words. A line that says money and nothing else of ours was offered that
entry: "what is my health insurance", "what benefits does my insurance
have", "what are they paying me at work right now" (CLINC150 tuning half,
session 28). And a line about a household account, a word the content
never uses ("bill", "income", "credit", "taxes"), was carried by whatever
other word a synonym folds onto the content: "what's my current electric
bill" offered Neuromodulation ("electric" -> stimulation).

Such a line is declined when no other unit it says is distinctive of the
content (``scope.DISTINCTIVE_AT``, the generic-words check's measure): the
treatment, device or support named ("does insurance cover physio", "will
insurance pay for my wheelchair", "are there charities that help with
costs" keep their entry), care itself (``CARE_WORDS``) or, said as such, a
word of an entry's title ("how do i raise money for research"). Nor when
help is asked ("is there financial help", "who can help with the cost":
help with costs is the content's matter) or the line refers back to the
condition ("can i afford it", "does insurance cover it"), nor an editor's
own phrasing. With an account word none of those exemptions hold but a
distinctive unit, and that one said as the content says it, not reached
through a fold ("i need help to pay my electric bill": "electric" is no
treatment of one's bill).

Pure: reads the matcher's units and the scope model's measure.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from voice.matching import normalize, scope

if TYPE_CHECKING:
    from voice.content.model import Entry
    from voice.matching.matcher import Matcher

#: False turns the check off (for measuring).
ON = True
#: The fold the content's money words share (synonyms.py).
MONEY = "money"
#: Household accounts and money records: what a person asks a banking or
#: home assistant about. Only those the loaded content never uses count
#: (the shipped content uses none of them).
ACCOUNT_WORDS = frozenset(
    """bill bills billing income salary salaries wage wages paycheck paycheque payday
    credit debit tax taxes budget spending mortgage rent loan loans debt debts
    invoice refund pension""".split())


#: Asking for help: with money, the content's matter (Community Support).
HELP_WORDS = frozenset("help helps helping helped".split())
#: Care itself, said as such: a word of the content's (caregiving, "the
#: cost of care") too common in English to be distinctive of it (0.55,
#: against ``scope.DISTINCTIVE_AT`` 2.25), so it counts here by name: "is
#: there help with the cost of care" and "can i get help paying for care"
#: (probes written here) were declined without it.
CARE_WORDS = frozenset("care caring carer carers".split())


def _said_as_such(said: str, token: str, content_stems: Collection[str]) -> bool:
    """Whether a unit is a word the content uses ("cost", as its "costs"),
    or a clipped form of one ("physio"), not a synonym folded onto it
    ("insurance")."""
    stem = normalize.stem(said)
    return " " not in said and (stem in content_stems
                                or (len(stem) >= 3 and token.startswith(stem)))


def _refers_back(words: list[str], money: set[str]) -> bool:
    """Whether a word of ``words`` may stand for the condition or its care
    ("can i afford it", "does insurance cover it"); not one that is the
    money word's determiner ("this insurance"). With an account word said,
    "it" is the account ("how much would it be"), so the caller does not
    ask."""
    return any(w in scope.REFERRING and not (words[i + 1:i + 2] and words[i + 1] in money)
               for i, w in enumerate(words))


def money_only(matcher: Matcher, text: str, entry: Entry) -> bool:
    """Whether ``text`` asks about money, or a household account, and names
    nothing else of the content (see the module's doc)."""
    if not ON or matcher.scope is None or matcher._editors_words(text, entry):
        return False
    words = normalize.strip_fillers(normalize.clean(text)).split()
    units = matcher.said_units(text)
    account = any(w in ACCOUNT_WORDS and w not in matcher.content_words for w in words)
    money = {s for s, t in units if t == MONEY}
    if not money and not account:
        return False
    # Help with money is the content's own matter ("is there financial
    # help", "can anyone help me pay for treatment"): only a household
    # account makes such a line the asker's own affairs ("i need help to
    # pay my electric bill").
    if not account and (_refers_back(words, money) or any(w in HELP_WORDS for w in words)):
        return False
    for s, t in units:
        if t == MONEY or s in ACCOUNT_WORDS:
            continue
        if s in CARE_WORDS:
            return False
        said_as_such = _said_as_such(s, t, matcher.content_stems)
        # A word of an entry's title, said as such, says what is asked of the
        # content ("how do i raise money for research", inscope17-tuning;
        # the generic-words check's rule): not of a household account.
        if not account and said_as_such and t in matcher.title_tokens:
            return False
        d = matcher.scope.distinctiveness(t, s)
        if d is not None and d >= scope.DISTINCTIVE_AT and (not account or said_as_such):
            return False
    return True
