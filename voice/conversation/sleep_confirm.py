"""A lone "bye" heard is asked about before the assistant goes to sleep.

Whisper tiny.en wrote flite's slt voice saying "hi ai" as "bye", at a word
probability of 0.97 (branch said34; said33 found it first): a greeting put
the assistant to sleep, and everything the user said next but "wake up"
was met with silence. The word's probability cannot tell the two apart
(the six voices' real "bye" was heard at 0.46-0.97), and the audio check
cannot either (Whisper chose "bye" as the likeliest reading of that
audio). So a lone "bye" from the microphone is confirmed: "Did you say
goodbye? ..." A user who said it says "yes" (or "bye" again) and it
sleeps; one who said something else is heard again, and a silence leaves
it listening for the wake phrase as after any reply. Typed, and said at
any greater length ("goodbye", "bye bye", "that's all for today"), it
sleeps at once as before.
"""

from __future__ import annotations

from voice.matching.normalize import clean

#: Heard lines that are confirmed before sleeping; False-y turns it off.
ON = True

#: What a lone "bye" may have been: one short word, which Whisper also
#: writes for "hi ai" (flite slt) and wrote for a real speaker's "five"
#: (with "Goodbye" in a short-reply prompt; docs/speech-in.md).
_LONE = frozenset({"bye"})


def needs_asking(text: str, heard: bool) -> bool:
    """Whether ``text``, taken for "sleep", is asked about first."""
    return ON and heard and clean(text) in _LONE
