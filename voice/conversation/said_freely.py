"""Commands said in a person's own words ("i want you to talk more slowly",
"lower volume", "i missed that, say it again", "thanks for the help", "hi
ai", "who programmed you"), which the fixed phrasings of commands.py miss.

Found with CLINC150 (tests/data/clinc-tuning.tsv), requests people wrote
for an assistant: of its tuning half's 176 lines of this kind (greetings,
thanks, goodbyes, volume, speed, stop, repeat, yes, "that's wrong", the
assistant itself, what can I ask) 12 were met by the fitting command (113
with this module); the
rest were declined as off the subject, offered an entry ("what company made
this ai": "Did you mean: Technological Innovations in Treatment?"), or
answered in full ("hi ai" read Technological Innovations, "hey how's life"
Impact on Daily Life). A user who cannot find the button and says "lower
volume" was told "I don't have an answer for that".

Each pattern is matched whole against the cleaned line (contractions
expanded, punctuation removed), so a question that goes on past the command
("can you speak more slowly about diet") is never taken for one; none of
tests/data's in-scope lines is taken (tests/test_said_freely.py).
"""

from __future__ import annotations

import re

from voice.matching.normalize import clean

#: A name the user calls the assistant by, before or after what they say
#: ("ai, stop talking", "what's your age alexa"); dropped before matching.
_CALLED = r"(?:ai|assistant|computer|robot|alexa|siri|google|jarvis)"
_LEAD = re.compile(rf"^(?:(?:hey|ok|okay|oh) )?{_CALLED} ")
_TAIL = re.compile(rf"(?<!\bthe)(?<!\bthis)(?<!\ban) (?:{_CALLED}|please|thanks|thank you)$"
                   r"|(?<!\bname) for me$")
_PLEASE = re.compile(r"^(?:please|ok|okay|so|well|oh|um|uh|hey) ")

#: The assistant's own speaking, as its subject ("you talk", "your voice").
_YOU_SPEAK = (r"(?:(?:can|could|would|will|do|did|i (?:want|need|would like))? ?you"
              r"(?: are| to| could| can| would| will)?"
              r" (?:talk|speak|read|go|say)\w*|your (?:voice|speech|speaking|talking|reading"
              r"|pace|words)(?: speed)?(?: is)?)")
_SLOW = r"(?:slow|slowly|slower)"
_FAST = r"(?:fast|quick|quickly|faster|quicker|rapid|rapidly)"
_TOO = r"(?:(?:a (?:bit|little) |way |much )?(?:too|to|so|very|really) )"
#: Whisper tiny.en writes "the ai" as "the eye" (flite and festival voices,
#: 9 of 18 spoken clips of "...ask the ai" / "...made this ai":
#: scripts/spoken_said_freely.py).
_ASKED = r"(?: you| the ai| the eye)"
_POLITE = r"(?:(?:please |can you |could you |would you |will you |may you |can i |i want to )*)"

_PATTERNS: tuple[tuple[str, str], ...] = (
    # Speed: "you talk too slow", "i want you to talk more slowly", "can i
    # speed up your voice", "your voice speed is too slow, please increase it".
    ("slower", rf"{_POLITE}(?:not so (?:fast|quick|quickly)"
               rf"|{_YOU_SPEAK} (?:{_TOO}{_FAST}|(?:a (?:bit|little) )?(?:more )?(?:slowly|slower))"
               r"|slow (?:down )?(?:your|the) (?:voice|speech|speaking|talking|reading)"
               r"(?: down)?)"),
    ("faster", rf"{_POLITE}(?:{_YOU_SPEAK} (?:{_TOO}{_SLOW}(?:ly)?(?: please)?(?: increase it)?"
               rf"|(?:a (?:bit|little) )?(?:more )?(?:quickly|faster))"
               r"|speed (?:up )?(?:your|the) (?:voice|speech|speaking|talking|reading)"
               r"(?: pattern| speed)?(?: up)?)"),
    # Loudness: "lower volume", "please raise the volume", "the speaker
    # volume needs to be increased". No number: it has no volume scale.
    ("louder", r"(?:please |can you |could you |would you |will you |go ahead and )*"
               r"(?:(?:turn|put|pump|bring|raise|increase|boost)(?: up)? (?:the |your |my )?"
               r"(?:speaker |sound |voice )?volume(?: up)?(?: a (?:bit|little))?(?: more)?"
               r"|(?:the |your )?(?:speaker |sound )?volume (?:needs|has|ought) to (?:be )?"
               r"(?:increased|raised|turned up|higher|louder)"
               r"|(?:higher|more|louder|raise|increase) (?:the )?volume"
               r"|i (?:can not|cannot|could not) (?:quite |really |hardly |barely )?hear"
               r"(?: you| that| it| what you (?:said|say))?(?: very well| well| properly| clearly"
               r"| at all)?)"),
    ("quieter", r"(?:please |can you |could you |would you |will you |go ahead and )*"
                r"(?:(?:turn|put|bring|lower|decrease|reduce)(?: down)? (?:the |your |my )?"
                r"(?:speaker |sound |voice )?volume(?: down)?(?: a (?:bit|little))?"
                r"|(?:the |your )?(?:speaker |sound )?volume (?:needs|has|ought) to (?:be )?"
                r"(?:decreased|lowered|reduced|turned down|lower|quieter)"
                r"|(?:lower|less|reduce|decrease) (?:the )?volume"
                r"|(?:it is|that is|you are) (?:much |way |a bit |far |a little )?too loud)"),
    # A moment, or from the start, in other words.
    ("pause", r"(?:hang on|hold on|wait) (?:a )?(?:sec|second|minute|moment|bit|tick)"),
    ("restart", r"(?:go )?back to the (?:start|beginning)"),
    # Stop: "ai, stop talking", "halt that immediately", "no more talking",
    # "i don't want you to speak any more for now". Whisper writes "ai, stop
    # talking" as "(hey) i stopped talking" (espeak-ng en, festival:
    # scripts/spoken_said_freely.py); stopping costs a user nothing.
    ("stop", r"(?:please )?(?:(?:stop|halt|quit|cease)(?: (?:talking|speaking|reading|it|that|this"
             r"|now|immediately|right now|already))*|no more (?:talking|reading|speaking)"
             r"|(?:hey )?i stopped (?:talking|speaking|reading)"
             r"|i do not want you to (?:speak|talk|read)(?: any ?more)?(?: for now)?"
             r"|abort(?: it| that| this)?)"),
    # Say it again: "i missed that, say it again", "i did not hear what you said".
    ("repeat", rf"{_POLITE}(?:i (?:am going to |will )?need you to (?:please )?)?"
               r"(?:(?:please )?(?:repeat|say) (?:that|it|this|what you said)(?: again)?"
               r"(?: question| answer| one more time| once more| please)*"
               r"|i (?:missed|did not (?:hear|get|catch)) (?:that|it|what you said)"
               r"(?: (?:say|repeat) (?:it|that)(?: again)?)?"
               # "i missed that": "i missed matt / my" (espeak-ng); the rest says it.
               r"|i missed \w+ (?:say|repeat) (?:it|that)(?: again)?"
               r"|(?:what|pardon|sorry) (?:did you say|was that)(?: again)?|sorry what"
               r"|(?:please )?(?:repeat|say) (?:the|that) (?:last (?:bit|part|sentence|line)"
               r"|answer|question)(?: again)?|say the last (?:bit|part|sentence) again)"),
    # Thanks: "thanks for the help", "i appreciate that", "you're the best,
    # thanks so much". A question after it ("thanks, what about diet")
    # is no match: the pattern must take the whole line.
    ("thanks", r"(?:(?:thank you|thanks|thank u|many thanks|special thanks)(?: so much| very much"
               r"| a lot| a bunch)?(?: to you)?(?: for (?:the |your |all (?:the |your )?)?"
               r"(?:help|helping|answer|answers|response|information|info|time|chat"
               r"|chatting(?: with me)?|talking(?: with me| to me)?|that|this|everything)"
               r"(?: response)?)?"
               r"|i (?:really )?appreciate (?:it|that|this|you|your help|the help|you doing that"
               r"|your time)"
               r"|you are (?:the best|very kind|so kind|so nice|great|wonderful|very helpful"
               r"|so helpful|a star)(?: thanks?(?: you)?(?: so much)?)?"
               r"|(?:that|this) (?:was|is) (?:very |really |so )?(?:helpful|useful|kind of you)"
               r"|it was (?:very |really |so )?(?:good|great|nice|lovely) (?:to )?"
               r"(?:talk|speak|chat)\w* (?:to|with) you)"),
    # Goodbye: "have a good day, bye", "i must say goodbye", "goodbye, ai assistant".
    ("sleep", r"(?:(?:ok|okay|well|right|thanks?|thank you)(?: for (?:chatting|talking|the help)"
              r"(?: with me)?)? )?(?:(?:have a (?:good|nice|great) (?:day|night|evening) )?"
              r"(?:good ?bye|bye(?: bye)?)(?: for now| then)?"
              r"|i (?:must|have to|need to|am going to) (?:say good ?bye|go)(?: now)?"
              r"|i am saying good ?bye(?: now)?|(?:talk to|see) you (?:later|soon|tomorrow)"
              r"|that is (?:all|it) for (?:now|today|tonight))"
              r"(?: (?:helpful )?(?:ai|assistant|device|friend|for now))*"),
    # Greetings and "how are you": answered as "hello" is.
    ("greet", r"(?:(?:hi|hello|hey|hiya|howdy|good (?:morning|afternoon|evening|day))"
              # "hi ai" written "hi i", "hi guys", "hi hi" (espeak-ng, flite).
              r"(?: there| everyone| friend| you| guys| i| hi)?"
              r"|(?:(?:hi|hello|hey) )?(?:how (?:are|is|have) (?:you|things|life|your day)"
              r"(?: been)?(?: doing| going)?(?: with you| today| alright| well)?"
              r"|are you (?:doing )?(?:well|ok|okay|alright|all right|good)(?: today| right now)?"
              r"|what is up|how is it going)"
              r"|(?:it is )?(?:good|nice|great|lovely) to (?:see|meet|hear) you(?: again)?)"),
    # The assistant itself: who made it, is it a person, where it is from,
    # its age, its name, who it works for. Answered as "who are you" is.
    ("about", r"(?:can you |could you )?(?:tell me |let me know "
              r"|i (?:would like|want|need) to know |may i know )?"
              r"(?:(?:who (?:made|makes|created|built|programmed|designed|developed|wrote"
              r"|compiled|crafted|fabricated|owns)|which company (?:made|built|designed|owns)"
              r"|what company (?:made|built|designed|owns))"
              r" (?:you|this(?: ai| eye| assistant| thing| program| app| device)?)"
              r"|who is (?:the creator of|the maker of|responsible for) (?:you|this(?: ai"
              r"| assistant)?)"
              r"|(?:who|what) (?:is|was) (?:the (?:full )?name of )?your (?:maker|creator|boss"
              r"|employer|owner)(?: name)?"
              r"|(?:what is|what was|what would be|tell me|may i ask|may i have"
              r"|i would like to know|i want to know)(?: what is)? your (?:current )?"
              r"(?:age|name|given name|birthplace|date of birth)(?: again)?"
              r"|how old (?:are you|will you be)(?: this year)?(?: again)?"
              r"|(?:tell me )?who your (?:maker|creator|boss|employer|owner) (?:is|was)"
              r"|who do you (?:work for|take orders from)|who is the person you work for"
              r"|(?:can you tell me |tell me )?(?:now )?if you are (?:a |an )?(?:real )?"
              r"(?:person|human|bot|robot|computer|machine|ai)"
              r"|are you (?:a |an )?(?:real )?(?:person|human|human being|bot|robot|computer"
              r"|machine|ai|artificial intelligence)(?: or (?:a |an )?(?:real )?(?:person|human"
              r"|human being|bot|robot|computer|machine|ai|artificial intelligence|not))?"
              r"|where (?:are|were) you (?:originally )?(?:from|born|made|built)(?: originally)?"
              r"(?: if i may ask| before coming here)?|where is your birthplace"
              r"|where do you come from(?: originally)?|where did you grow up"
              r"|(?:can you tell me |tell me )?(?:how old are you|how old you are)"
              r"|when were you (?:born|made|built)|what is your (?:age|name|given name)"
              r"|what are you called|what should i call you|do you have a name"
              r"|(?:when|what place|where) (?:were you|you were) (?:born|made|built)(?: at| in)?"
              r"|where is your family from|for what person do you work)"),
    # What can I ask: "what types of things can i ask the ai", "what are
    # you able to help me with", "which types of questions can i ask you".
    ("help", r"(?:can you tell me )?(?:what (?:types?|kinds?|sorts?) of (?:things|questions) "
             rf"(?:can|could|should) i ask{_ASKED}?|which (?:types of |kinds of )?"
             rf"questions (?:can|could|should) i ask{_ASKED}?"
             rf"|what (?:(?:can|could|should) i|i (?:can|could|should)) ask{_ASKED}?"
             r"|what (?:things )?(?:are you able to|can you) help (?:me )?with"
             r"|what is the sort of thing i should ask)"),
    # "That's wrong" in other words, after an answer: "that's incorrect",
    # "that isn't correct", "that's totally wrong".
    ("wrong", r"(?:no )?(?:that|it) (?:is|was) (?:totally |completely |just |all )?"
              r"(?:incorrect|not correct|not right|false|wrong|not what i (?:asked|meant|wanted))"),
    # Yes, said at length: "yes, that is right", "yes you are correct".
    ("yes", r"(?:yes|yeah|yep|yup|correct|exactly|absolutely|definitely|indeed|roger that)"
            r"(?: (?:that is|it is|you are|that was|you got it) (?:right|correct|it|true"
            r"|the one))?(?: (?:please|thank you|thanks|exactly|that one))*"),
)
_COMPILED = tuple((name, re.compile(pattern)) for name, pattern in _PATTERNS)


def _plain(text: str) -> str:
    line = clean(text)
    for _ in range(2):
        line = _PLEASE.sub("", line)
        line = _LEAD.sub("", line)
        line = _TAIL.sub("", line)
    return line


def command_of(text: str) -> str | None:
    """The command ``text`` says in its own words, or None."""
    line = _plain(text)
    if not line:
        return None
    for name, pattern in _COMPILED:
        if pattern.fullmatch(line):
            return name
    return None
