"""Trouble with the hands in everyday tasks, told or asked: "I can't hold a
cup", "I can't button my shirt", "what can help me hold a pen", "is there a
gadget for opening jars", "my hand shakes when I write".

The people this assistant is for live with exactly this, and each line was
declined ("I don't have an answer for that"; session 35, `voice ask`). The
content has no entry on aids for the hands, but it does say that these
conditions make fine motor skills hard (Impact on Daily Life) and names the
therapy that keeps function (Physical Therapy). The user hears that and who
can suggest aids, then those entries are offered, never read unasked.
Only when the matcher declined the line (questions.py): "i keep dropping
things" is the early-signs FAQ's own phrasing and stays its.

Not taken: a thing held or opened that is no task of the hands ("hold a
meeting", "open a bank account", "can't hold a conversation", "hold on"),
nor food not kept down ("cant hold anything down": Question Doctors'
tuning half).
And, asked what can help (session 46, typed): "my husband has als hes
lost the use of his hands what can help" was offered the early-signs FAQ,
"my wife has ms and keeps dropping things what can help" read it in full:
it lists signs, and says nothing of what helps. Those meet the hands reply
whatever the matcher found (``help_asked``). "my dad keeps dropping
things", told, was offered the hereditary FAQ first ("dad"), where "my
husband keeps dropping things" found the early-signs FAQ: ``dropping_told``
lets questions.py offer that first (offer_set_aside.py).
Pure: text in, True or False out.
"""

from __future__ import annotations

import re

from voice.matching.normalize import clean

_CANT = (r"(?:can not|cannot|can t|could not|couldn t|unable to|struggle to|struggling to|"
         r"struggles to|hard to|difficult to|trouble|difficulty|problems?|"
         r"help(?: me| him| her| them)?(?: to)?|easier to|aids? (?:for|to)|"
         r"gadgets? (?:for|to)|tools? (?:for|to)|no longer|not able to)")
#: A task of the hands and what it is done to.
_TASK = (r"(?:hold|holding|grip|gripping|grasp|grasping|pick up|picking up|button|buttoning|"
         r"do up|doing up|undo|open|opening|write|writing|type|typing|cut|cutting|tie|tying|"
         r"use|using|lift|lifting|turn|turning|unscrew|unscrewing|pour|pouring|"
         r"brush|brushing|shave|shaving)")
_THING = (r"(?:a |the |my |his |her |their )?(?:cup|cups|mug|mugs|glass|glasses|pen|pens|pencil|"
          r"fork|forks|knife|knives|spoon|spoons|cutlery|utensils|buttons?|shirt|laces|shoelaces|"
          r"zip|zips|zipper|jar|jars|bottle|bottles|tin|tins|can|cans|lid|lids|tap|taps|key|keys|"
          r"door handle|handles?|phone|mouse|keyboard|toothbrush|hairbrush|comb|razor|things|"
          r"anything|a kettle|kettle|plate|plates|cards|coins|money)")
_HANDS_TASK = re.compile(
    rf"\b{_CANT} (?:\w+ ){{0,2}}?{_TASK} (?:\w+ ){{0,2}}?{_THING}\b"
    # "my hand shakes when I write", "my fingers are so weak and clumsy".
    r"|\b(?:my|his|her|their) (?:hand|hands|fingers|grip) (?:is |are |keeps |keep |get |gets |"
    r"feel |feels |have got |has got |went |go |goes |so |very |really |too |always |now )*"
    r"(?:shake|shakes|shaking|shaky|tremble|trembles|trembling|weak|weaker|clumsy|stiff|"
    r"useless|won t work|will not work|do not work|does not work|curl|curling|cramp|cramping)\b"
    # "cramps in my hands when i write" was declined plainly (session 45,
    # typed): the task named after the hands.
    r"|\b(?:cramps?|cramping|spasms?|shaking|shakes|pain|aches?|stiffness) in (?:my|his|her|their) "
    r"(?:hand|hands|fingers|wrist|wrists) (?:when|while|if) (?:i|he|she|they) (?:try to )?"
    r"(?:write|writes|writing|type|types|typing|hold|holds|holding|grip|grips|eat|eats|eating|"
    r"sew|sews|sewing|knit|knits|knitting|draw|draws|drawing|use)\b"
    # "aids for the hands", "kitchen gadgets for weak hands".
    r"|\b(?:aids?|gadgets?|tools?|equipment|devices?|utensils|cutlery) (?:\w+ ){0,3}?"
    r"(?:for|with) (?:\w+ ){0,2}?(?:hands|hand|grip|fingers|arthritis)\b")
#: Held or opened things that are no task of the hands.
_NOT = re.compile(r"\b(?:hold|holding|keep|keeping) (?:\w+ ){0,2}down\b"  # nausea
                  r"|\b(?:hold|holding) (?:a |the )?(?:meeting|conversation|breath|job|"
                  r"thought|grudge|position|on|still)\b|\bopen (?:a |an |the )?(?:bank|account|"
                  r"business|shop|app|file|link|website|tab)\b|\buse (?:the |a )?(?:toilet|"
                  r"bathroom|app|phone app|computer program)\b")


#: Things dropped, or the hands' use lost: told of the hands without a task.
_DROPPING = (r"(?:keep|keeps|keep on|keeps on|always|is always|am always|are always|is|am|are|"
             r"has started|have started|started|s|m) (?:dropping|dropped) (?:things|stuff|"
             r"everything|cups|(?:my|his|her|their) (?:cup|cups|mug|fork|knife|spoon|pen|"
             r"phone|drink|tea|coffee|keys))\b")
_LOST_USE = (r"\b(?:lost|losing|lose|has no|have no|got no) (?:the )?(?:use of|strength in|"
             r"(?:the )?grip (?:in|of)|feeling in) (?:my|his|her|their) (?:hands?|fingers|arms?)\b")
_TOLD = re.compile(rf"\b{_DROPPING}|{_LOST_USE}")
#: What can help asked after the trouble is told.
_HELP = re.compile(r"\b(?:what|anything|something) (?:can|could|would|will|might) help\b"
                   r"|\bwhat (?:helps|would help)\b|\bis there anything (?:that )?(?:can|could|"
                   r"would|will|to) help\b|\bwhat (?:can|could|should) (?:i|we|he|she|they) "
                   r"(?:do|try|use|get)\b")
_DROPPING_ALONE = re.compile(rf"^(?:and |so |but )?(?:my|his|her|their|our) (?:\w+ )?\w+ "
                             rf"{_DROPPING}(?: all the time| a lot| lately| now)?$")


def help_asked(text: str) -> bool:
    """Whether ``text`` tells of hands that drop things, have lost their
    use or struggle with a task, and asks what can help."""
    cleaned = clean(text)
    return bool((_TOLD.search(cleaned) or hands_task(text)) and _HELP.search(cleaned)
                and not _NOT.search(cleaned))


def dropping_told(text: str) -> bool:
    """Whether ``text`` is only someone's dropping things, told: "my dad
    keeps dropping things"."""
    return bool(_DROPPING_ALONE.fullmatch(clean(text).rstrip(" ?.!")))


def hands_task(text: str) -> bool:
    """Whether ``text`` tells of, or asks about, trouble with the hands in
    an everyday task."""
    cleaned = clean(text)
    return bool(_HANDS_TASK.search(cleaned) and not _NOT.search(cleaned))
