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
treatment, device, body or support named ("does insurance cover physio",
"will insurance pay for my wheelchair", "are there charities that help
with costs" keep their entry). With an account word, that unit must be
said as the content says it, not reached through a fold ("electric" is no
treatment of one's bill). Not when the line refers back to the condition
("can i afford it") or is an editor's own phrasing, and never when money is
said as the content says it ("who can help with the cost": the content
speaks of costs).

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


def _said_as_such(said: str, token: str, content_words: Collection[str]) -> bool:
    """Whether a unit is a word the content uses ("costs"), or a clipped
    form of one ("physio"), not a synonym folded onto it ("insurance")."""
    stem = normalize.stem(said)
    return said in content_words or (" " not in said and len(stem) >= 3
                                     and token.startswith(stem))


def _refers_back(words: list[str], money: set[str]) -> bool:
    """Whether a word of ``words`` may stand for the condition or its care
    ("can i afford it", "who pays for them"); not one that is the money
    word's determiner ("this insurance"). With an account word said, "it"
    is the account ("how much would it be"), so the caller does not ask."""
    return any(w in scope.REFERRING and words[i + 1:i + 2] != [m]
               for i, w in enumerate(words) for m in (money or {""}))


def money_only(matcher: Matcher, text: str, entry: Entry) -> bool:
    """Whether ``text`` asks about money, or a household account, and names
    nothing else of the content (see the module's doc)."""
    if not ON or matcher.scope is None or matcher._editors_words(text, entry):
        return False
    words = normalize.strip_fillers(normalize.clean(text)).split()
    content_words = matcher.content_words
    units = matcher.said_units(text)
    account = any(w in ACCOUNT_WORDS and w not in content_words for w in words)
    money = [(s, t) for s, t in units if t == MONEY]
    if not account and _refers_back(words, {s for s, _ in money}):
        return False
    if any(_said_as_such(s, t, content_words) for s, t in money):
        return False
    if not money and not account:
        return False
    for s, t in units:
        if t == MONEY or s in ACCOUNT_WORDS:
            continue
        d = matcher.scope.distinctiveness(t, s)
        if d is not None and d >= scope.DISTINCTIVE_AT and (
                not account or _said_as_such(s, t, content_words)):
            return False
    return True
