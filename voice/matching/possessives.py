"""An editor's line said of one's own: "does stress make my spasms worse".

The lifestyle FAQ's editors wrote "does stress make spasms worse" for it,
and that line is answered; "does stress make my spasms worse" was only
offered (asked_not_said.py: its answer never says "worse", and the
exemption for the editors' own words needs them word for word). A
possessive the user adds before a thing the editor's line names ("my
spasms", "his cramps") says whose it is, not what is asked: the general
answer the editors chose is the answer for one's own too (session 27,
branch typed30).

Only added, never left out: "can children get it" is not the editors' "can
my children get it" (whether children get it, which the content never says,
against whether they inherit it: teller.asks_who_gets). Pure: text in, text
out.
"""

from __future__ import annotations

#: Off for measuring: the editors' words only word for word.
ON = True
#: Words that say whose a thing is, before it ("our" is read as "my" by the
#: key of the editors' lines, Matcher's ``_written_key``).
POSSESSIVES = frozenset("my his her their your".split())


def without_possessives(key: str) -> str | None:
    """``key`` (the key of a line, ``Matcher._written_key``) without the
    words that say whose, or None when it has none."""
    if not ON:
        return None
    words = key.split()
    kept = [w for w in words if w not in POSSESSIVES]
    return " ".join(kept) if kept and len(kept) < len(words) else None
