"""The wake phrase said again at the start of a question.

The recognizer hears a woken utterance from where the phrase ended
(listening.py), so "okay nabu, what should I eat" reaches it as "what should
I eat". A user who is not sure it woke says the phrase twice ("okay nabu,
okay nabu, what should I eat"), or says it out of habit in the follow-up
window: the recognizer then hears the phrase, and it would be matched as
part of the question. Every whole phrase at the start is dropped here, with
the spellings Whisper gives it that the confirmation already takes for it
(confirm.py: "ok nabu", "okay naboo", "okay na boo"...), and a few more it
writes for the phrase's last word after the content's prompt
(:data:`MORE_LAST_WORDS`). Only the whole phrase: "okay" alone is a reply,
and "okay now ..." or "okay never mind ..." are kept.
"""

from __future__ import annotations

from dataclasses import replace

from voice.speech_in.base import Transcript
from voice.speech_in.wake.confirm import CONFIRMATIONS
from voice.speech_in.wake.spotter import phrase_words

#: Spellings of "nabu" by the recognizer (prompted with the content, not
#: with the phrase as the confirmation is) heard right after "okay", beyond
#: confirm.py's: the phrase said twice (espeak-ng en-us, en+m3 and en-gb at
#: 150 wpm, 2026-12-01) came out "ok abu", "okay armu", "okay arbu". None is
#: an English word, so no question loses a word of its own to them; real
#: people's second phrase came out "okay naboo" (3 of 4 recordings,
#: tests/data/real/wake) and "okay never" (kept: "okay never mind").
MORE_LAST_WORDS: dict[str, frozenset[str]] = {
    "okay nabu": frozenset({"abu", "armu", "arbu"}),
}


def _phrase_at(words: list[str], i: int, phrase: list[str]) -> int:
    """How many words the phrase takes at ``words[i]`` (0: it is not there)."""
    n = len(phrase)
    if n and words[i:i + n] == phrase:
        return n
    c = CONFIRMATIONS.get(" ".join(phrase))
    if c is None or i + 1 >= len(words) or words[i] not in c.first_words:
        return 0
    if words[i + 1] in c.last_words | MORE_LAST_WORDS.get(" ".join(phrase), frozenset()):
        return 2
    return 3 if tuple(words[i + 1:i + 3]) in c.last_pairs else 0


def leading_phrases(text: str, phrase: str) -> int:
    """How many words at the start of ``text`` are the phrase, said once or more."""
    words, target = text.split(), phrase_words(phrase)
    start = 0
    while start < len(words) and (taken := _phrase_at(words, start, target)):
        start += taken
    return start


def without_leading_phrase(heard: Transcript, phrase: str) -> Transcript:
    """``heard`` without the phrase(s) it starts with (itself when there are none)."""
    drop = leading_phrases(heard.text, phrase)
    if not drop:
        return heard
    words = heard.words[drop:] if len(heard.words) == len(heard.text.split()) else heard.words
    others = [" ".join(a.split()[leading_phrases(a, phrase):]) for a in heard.alternatives]
    return replace(heard, text=" ".join(heard.text.split()[drop:]), words=words,
                   alternatives=[a for a in others if a])
