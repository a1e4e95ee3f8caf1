"""A tired user asking to stop ("I'm tired, can we stop", "let's stop for
today", "I need a rest"): met as the rest it asks for, kindly and briefly,
then quiet until "wake up".

Session 26 (`voice text`): "I'm tired, can we stop" was answered, in full,
with Impact on Daily Life (the matcher heard "tired"); "can we stop here",
"let's stop for today", "I need a rest", "I've had enough for now" were
declined as off the subject; "that's enough, I'm exhausted" was met as a
feeling and the assistant kept listening. A question about tiredness ("why
am I always tired", "is fatigue a symptom") or about stopping something
("can we stop the spasms", "I want to stop baclofen") is none of these: the
whole line must be a wish to stop, with nothing after it.
"""

from __future__ import annotations

import re

from voice.matching.normalize import clean

#: When: "stop for today", "enough for now".
_WHEN = r"(?: (?:here|there|now|today|tonight|for now|for today|for tonight|for the day"\
        r"|for a (?:bit|while|moment|minute)))?"

#: When it is put off to: "later", "another day", "tomorrow".
_LATER = r"(?:later|later on|another (?:day|time)|some other time|tomorrow)"

#: A whole line (cleaned: "let's" is "let us", "I've" is "i have") asking to stop.
_STOP = re.compile(
    r"(?:please )?(?:"
    r"(?:can|could|shall|may) we (?:please )?(?:stop|finish|end|pause|rest|take a break"
    r"|have a break)(?: (?:it|this|talking))?"
    r"|let us (?:stop|finish|end|rest|take a break|have a break|call it a day)(?: (?:it|this))?"
    r"|(?:i|we) (?:want|would like|need|have) to (?:stop|rest|finish|take a break"
    r"|have a break|lie down)(?: (?:it|this|talking))?"
    r"|i (?:need|want|would like|could do with|could use) (?:a|some) (?:rest|break|sleep|nap"
    r"|breather)"
    r"|(?:i|we) (?:have )?had enough"
    r"|(?:that is|that will do|that is all|that is it|enough|i am done|i am finished|we are done"
    # "that's enough for today" (session 33, typed): declined as off the subject.
    r"|that is enough|that will be all)"
    r" (?:for now|for today|for tonight|for the day)"
    r"|stop (?:here|there|for now|for today|for tonight|for the day)"
    r"|call it a day"
    # "we can stop now" (session 33, typed): declined as off the subject.
    r"|(?:we|you) can (?:stop|finish|rest)(?: talking)?"
    r"|no more(?: questions)? (?:for now|for today|today|tonight)"
    # Put off (session 31, `voice text`): "can we continue later", "let's
    # carry on another day", "I'll ask you later", "maybe later" were
    # declined as off the subject; "I'm too tired to talk" was offered the
    # Coping entry.
    r"|(?:(?:can|could|shall|may) we|let us) (?:please )?(?:continue|carry on|go on|do this"
    r"|talk|finish)(?: this)? " + _LATER +
    r"|i will (?:ask|talk to) (?:you )?" + _LATER +
    r"|(?:maybe )?(?:another time|another day)|maybe later"
    r"|(?:i am|i feel|i am feeling) (?:too|so|much too) (?:tired|exhausted|worn out|sleepy)"
    r" to (?:talk|listen|go on|carry on|continue|think)(?: (?:now|today|any more|anymore))?"
    r")" + _WHEN + r"(?: (?:please|thanks|thank you|ok|okay))?"
)

#: "I'm tired", "I am so exhausted": said with a stop, it makes the stop a rest.
_TIRED = re.compile(
    r"(?:(?:i am|i feel|i am feeling|feeling|i am getting|getting) )?"
    r"(?:(?:so|very|really|too|a bit|quite|a little|just|getting|now) )*"
    r"(?:tired|exhausted|worn out|sleepy|drained|knackered|wiped out|done in|shattered"
    r"|fatigued|weary)(?: now)?"
)

#: Said with tiredness, a plain stop ("that's enough, I'm exhausted",
#: "I'm tired, stop") is a rest too; alone it stays "stop" (commands.py).
_PLAIN_STOP = re.compile(
    r"(?:ok |okay |so |and )?(?:stop|please stop|stop please|enough|that is enough|i am done"
    r"|we are done|that is all|no more|i cannot do (?:this|any more|anymore))"
)


def wants_to_rest(text: str) -> bool:
    """``text`` asks, as a whole, to stop for now (maybe saying it is tired)."""
    # "lets" typed without its apostrophe ("lets stop for today" was declined).
    line = re.sub(r"^lets ", "let us ", clean(text))
    if _STOP.fullmatch(line):
        return True
    # The tiredness before or after the stop: "i am tired (so) can we stop",
    # "that is enough i am exhausted".
    tired = _TIRED.pattern
    for said in (rf"{tired} (?:and |so |but |now )?(?P<rest>.+)",
                 rf"(?P<rest>.+?) (?:and |because |as )?{tired}"):
        found = re.fullmatch(said, line)
        if found is None:
            continue
        rest = found.group("rest")
        if _STOP.fullmatch(rest) or _PLAIN_STOP.fullmatch(rest):
            return True
    return False
