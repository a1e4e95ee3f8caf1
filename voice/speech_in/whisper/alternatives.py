"""The decoder's other hypotheses, offered when its best one matches nothing.

Whisper tiny.en often hears a question the matcher can place nowhere ("are
they hereditary" as "our naker man the tammy"): of the tuning questions it
missed, about half left no candidate entry at all, and words never heard
cannot be matched. The greedy decode is only the decoder's first guess, so
an utterance that is not a command, a topic number or an emergency, and
was heard doubtfully (``voice.app.is_doubtful``), is also decoded by a beam
search of width ``HYPOTHESES`` from the same encoding (a decoder pass, not
another encoding) after the same content prompt, and the other texts it
ranks are kept as ``Transcript.alternatives``.

When what was heard matches no entry, the first alternative that the
matcher would offer with a score of at least ``confidence.OFFER_SCORE`` is
offered ("Did you mean ...?"), never answered outright: it is a guess. A
question heard surely stands (voice.conversation.heard.ALTERNATIVES_WHEN_DOUBTFUL).
Silence, noise and anything the guard dropped get no alternatives, nor do
commands, topic numbers and emergencies (their own decodes decide).

Tuned with scripts/tune_alternatives.py on tuning clips only (figures at
the constants and confidence.OFFER_SCORE).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from voice.speech_in.base import Transcript
from voice.speech_in.whisper import confidence
from voice.speech_in.whisper.guard import clean_words

#: Beam width, and hypotheses kept (see confidence.OFFER_SCORE for the measurement).
HYPOTHESES = 5

#: A hypothesis below this length-normalised log-probability is not kept.
#: Tuning clips (see confidence.OFFER_SCORE): no floor gave 24 right entries and 2
#: wrong ones offered; -1.2 23 and 1; -1.0 19 and 1; -0.8 15 and 1.
ALTERNATIVE_LOGPROB = -1.2


def alternatives_of(hypotheses: Sequence[tuple[str, float]], heard: str) -> tuple[str, ...]:
    """The texts of ``hypotheses`` ((text, log-probability), best first) as our
    words, without ``heard`` (what was chosen), repeats and unlikely ones."""
    seen = {heard}
    out: list[str] = []
    for text, logprob in hypotheses:
        words = " ".join(clean_words(text))
        if words and words not in seen and logprob >= ALTERNATIVE_LOGPROB:
            seen.add(words)
            out.append(words)
    return tuple(out)


def acts_on_its_own(text: str) -> bool:
    """A command, a topic number or an emergency: never swapped for a guess."""
    from voice.conversation.choices import find_choice
    from voice.conversation.commands import find_command
    from voice.matching.emergency import is_emergency

    return bool(is_emergency(text) or find_command(text) or find_choice(text))


def offered_alternative(heard: Transcript, query: str, doubtful: bool,
                        matcher: Any) -> str | None:
    """The alternative of ``heard`` to offer in place of ``query`` (what would
    be matched of it), or None: when ``query`` itself has a candidate entry,
    when ``heard`` acts on its own, or when no alternative matches an entry
    well enough (``confidence.OFFER_SCORE``). ``matcher``: a ``voice.matching.Matcher``."""
    if not heard.alternatives or acts_on_its_own(heard.text):
        return None
    if matcher.match(query, doubtful=doubtful, heard=True).outcome != "no_match":
        return None
    for alt in heard.alternatives:
        r = matcher.match(alt, doubtful=True, heard=True)
        best = r.candidates[0].score if r.candidates else 0.0
        if r.outcome != "no_match" and best >= confidence.OFFER_SCORE:
            return alt
    return None
