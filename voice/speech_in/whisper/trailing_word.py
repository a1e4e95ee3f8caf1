"""The "and" a question trails off on, which Whisper leaves out.

A slow or tired speaker stops in the middle: "what can I eat to help and
..." (docs/loose-ends.md, session 23). Typed, the conversation and voice
listen both see the last "and" (voice.conversation.unfinished.trails_off):
the listener waits ``unfinished_wait`` seconds for the rest, and what it
matches is offered with "Or say the rest of your question". Said aloud,
tiny.en wrote the sentence without it ("what can I eat to help"), and
sometimes as a content word the prompt carries ("can physical therapy help
manage"), so neither started. Measured (session 26, espeak-ng, tuning.tsv's
even half, three voices, 0.8 s of silence after): with " and" said, 57 of 69
clips lost it; with " or", 61 of 69.

The audio decides, as for every repair of what was heard
(rescoring.AudioScorer): the heard text with the word put back at its end
is scored against the speech. Greedy decoding chose the text without it,
so the text with it scores lower; by a few nats when the word was said, by
many when it was not.
"""

from __future__ import annotations

from dataclasses import replace

from voice.speech_in.whisper.alternatives import acts_on_its_own
from voice.speech_in.whisper.guard import Heard
from voice.speech_in.whisper.rescoring import AudioScorer

#: Words a sentence never ends on that Whisper was measured to drop.
TRAILING = ("and", "or", "but")

#: How far (nats, ``fits``) under the heard text a text with a trailing word
#: may score and still be taken. Measured (session 26, scripts/
#: measure_trailing_word.py, tuning.tsv even half, espeak-ng, three voices):
#: the 70 questions said whole scored at most -4.8 with a word put back;
#: at -4.0, 0 of 70 whole questions were taken for unfinished, and 49 of 69
#: said with "and" (12 without this) and 32 of 69 with "or" (8) were heard
#: unfinished.
TRAILS_AT = -4.0

#: Fewer words than this are a reply or a name, not a question broken off.
MIN_WORDS = 2


def trailing_word(words: list[str], scorer: AudioScorer) -> str | None:
    """The word of TRAILING the speaker ended on that the decode left out,
    or None. ``words`` is what was heard, in our lower-case words."""
    if len(words) < MIN_WORDS or words[-1] in TRAILING:
        return None
    heard = " ".join(words)
    fits = scorer.fits([heard, *(f"{heard} {w}" for w in TRAILING)])
    best = max(range(len(TRAILING)), key=lambda i: fits[i + 1].nats)
    if fits[best + 1].nats - fits[0].nats >= TRAILS_AT:
        return TRAILING[best]
    return None


def with_trailing_word(heard: Heard, scorer: AudioScorer) -> Heard:
    """``heard`` with the trailing word the audio carries put back at its end
    (its probability the mean of the words heard, so the "sure word" and
    "doubtful" checks weigh the question as before). A command, a topic
    number or an emergency is left as it is: they act on their own."""
    words = [w for w, _ in heard.words]
    if not words or acts_on_its_own(heard.text):
        return heard
    word = trailing_word(words, scorer)
    if word is None:
        return heard
    mean = sum(p for _, p in heard.words) / len(heard.words)
    return replace(heard, words=(*heard.words, (word, mean)))
