"""The small turns of a conversation, said between questions by a tired
user: "great", "hmm", "that helps", "what time is it", "speak up, I'm
deaf", "you're useless", "night night" (session 46, typed).

Each was met with the long plain decline ("Sorry, I don't have an answer
for that in what I know. I can answer questions about ...") as if it were
a question off the subject; "night night" read Impact on Daily Life in
full, "i see" offered the FAQ on when to seek medical attention.

Matched whole, on the cleaned line (contractions expanded, punctuation
gone), so no question is taken for one of them. Kept out of commands.py's
PHRASINGS, which are PocketSphinx's language model too: these are the
conversation's, text in and reply out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from voice.conversation import phrases, replies, yes_no
from voice.conversation.reply import Reply
from voice.matching.normalize import clean

if TYPE_CHECKING:
    from voice.conversation.conversation import Conversation

#: Said before or after a small turn and no part of it: "ok great",
#: "great thanks", "oh i see", "cool thanks love".
_LEAD = re.compile(r"^(?:(?:ok|okay|oh|ah|ahh|aw|right|well|yes|yeah|so|wow|ooh|mm|hmm|that"
                   r" is) )+")
_TAIL = re.compile(r"(?: (?:thanks|thank you|ta|cheers|love|dear|then|again|mate|for that"
                   r"|very much|so much|a lot|now))+$")

#: Praise for the answer or the assistant: glad it helped.
_PRAISE = frozenset((
    "great", "cool", "nice", "brilliant", "brill", "ace", "sweet", "lovely", "perfect",
    "awesome", "excellent", "wonderful", "super", "fab", "fabulous", "fantastic", "amazing",
    "marvellous", "superb", "grand", "smashing", "spot on", "nice one", "good one",
    "great stuff", "good stuff", "top notch", "good", "very good", "really good",
    "that is good", "that is great", "that is lovely", "that is perfect", "that is nice",
    "that is brilliant", "that is excellent", "that is useful", "that is very useful",
    "that is really useful", "that is helpful", "that is very helpful",
    "that is really helpful", "that was good", "that was great", "that was lovely",
    "that was perfect", "that was nice", "that was brilliant", "that was useful",
    "that was helpful", "that was very helpful", "that was really helpful",
    "that helps", "that helped", "that helps a lot", "that helped a lot", "that has helped",
    "that really helps", "that really helped", "useful", "very useful", "really useful",
    "helpful", "very helpful", "really helpful", "good to know", "that is good to know",
    "that is clear", "that is very clear", "that makes sense", "makes sense",
    "that is better", "that is much better", "much better", "better",
    "good idea", "that is a good idea", "great idea",
))

#: What they will do about it: "i'll ask my doctor", "worth a try" (which
#: offered the physiotherapy FAQ), "i'll think about it".
_PLAN = frozenset((
    "i will ask my doctor", "i will ask my nurse", "i will ask my gp", "i will ask the doctor",
    "i will talk to my doctor", "i will talk to my nurse", "i will talk to my doctor about it",
    "i will talk to my nurse about it", "i will speak to my doctor", "i will speak to my gp",
    "i will mention it to my doctor", "i will think about it", "i will try that",
    "i will give it a try", "i will give that a try", "i will give it a go", "worth a try",
    "worth a go", "worth trying", "i might try that", "i will try it",
))

#: Heard, and nothing asked: an "all right" and the way forward.
_NOTED = frozenset((
    "hmm", "hm", "hmmm", "mm", "mmm", "mhm", "mm hmm", "i see", "got it", "gotcha",
    "understood", "i understand", "i understand now", "i get it", "i get it now",
    "fair enough", "interesting", "that is interesting", "oh right", "fine", "noted",
    "right then", "okay good", "ok good", "good good", "i know", "i thought so",
    "i did not know that", "i never knew that", "oh dear", "oh well", "fair dos",
    "ok then", "okay then", "right ok", "wow", "really", "seriously", "no way", "blimey",
    "gosh", "goodness", "crikey",
))

#: Thanks in the words people say them ("ta", "cheers love", "bless you").
_THANKS = frozenset((
    "ta", "ta very much", "ta love", "cheers love", "thanks love", "thank you love",
    "thanks dear", "thank you dear", "thanks mate", "cheers mate", "bless you",
    "god bless you", "god bless", "bless", "love you", "i love you", "much appreciated",
    "thank you kindly", "you are a gem", "you are a lifesaver", "you are a life saver",
    "you are brilliant", "you are amazing", "you are awesome", "you are lovely",
    "thanks", "thank you", "cheers", "thanks for your help today", "thank you for today",
    "thanks for today", "good job", "good girl", "good boy", "clever girl", "clever boy",
))

#: A goodnight or a goodbye in everyday words: "night night" read Impact
#: on Daily Life in full.
_GOODBYE = frozenset((
    "night night", "nighty night", "night", "nite", "sleep well", "sleep tight",
    "i am off to bed", "i am going to bed", "off to bed", "time for bed", "bed time",
    "cheerio", "ta ta", "ta ra", "tara", "see ya", "see ya later", "laters", "catch you later",
    "bye for now", "i will talk to you later", "bye", "goodbye", "bye bye", "goodnight",
    "good night", "that is enough for today", "that is enough for now", "i think that is all",
    "i think that is it", "that is all for today", "enough for today",
    "i will speak to you later", "speak later", "talk later",
))

#: Greetings the fixed phrasings miss ("morning", "evening all", "hi love").
_GREETING = frozenset((
    "morning", "evening", "afternoon", "good morning love", "morning love", "morning all",
    "evening all", "afternoon all", "hi love", "hello love", "hiya love", "hiya", "hey love",
    "hello dear", "hi dear", "good morning to you", "good evening to you", "top of the morning",
    "hello hello", "hi hi", "hey hey", "yo",
))

#: Checking it is awake, in words the fixed phrasings miss.
_AWAKE = frozenset(("are you awake", "you awake", "are you still awake", "you there",
                    "still there", "you still there", "anyone there", "hello are you there",
                    "hello anyone there", "are you on", "are you still on", "is it on",
                    "is this on", "is this thing on", "are you working", "are you still working",
                    "hello anyone home", "anyone home", "anybody home", "anybody there"))

#: Who or what it is, in words said_freely.py misses: "is this a doctor"
#: read the FAQ on when to seek medical attention in full.
_ABOUT = re.compile(
    r"(?:is this|is it|is this thing|are you|am i talking to|am i speaking to|is that)"
    r" (?:a |an )?(?:real |proper |qualified |actual )?(?:doctor|nurse|gp|physio|person"
    r"|human|medic|consultant|specialist|robot|machine|computer)(?: or (?:a |an )?(?:real )?"
    r"(?:doctor|nurse|person|human|robot|machine|computer|not))?"
    r"|are you (?:medically )?(?:trained|qualified)|is there (?:a |someone |somebody |anyone )?"
    r"(?:real )?(?:person|human|doctor|nurse)?(?: there| on the other end| listening)")

#: A moment asked for in other words: "i need to think", "brb".
_MOMENT = frozenset(("i need to think", "let me think", "let me think about that",
                     "let me think about it", "i will be right back", "be right back", "brb",
                     "back in a minute", "back in a sec", "back in a moment", "one sec",
                     "just a sec", "just a second", "just a minute", "just a moment",
                     "give me a moment", "give me a second", "i need a minute",
                     "i need a moment", "one minute", "i will be back", "i will be back later",
                     "back soon", "stop talking for a minute", "stop talking for a moment",
                     "stop for a minute", "stop for a moment", "pause for a moment",
                     "pause for a minute", "pause for a second", "pause a moment"))

#: How they are, said back to "how are you": "not bad" was declined.
_WELL = frozenset(("i am fine how are you", "i am good how are you", "fine how are you",
                   "not bad how are you", "i am ok how are you", "i am okay how are you",
                   "fine and you", "good and you", "not bad and you",
                   "not bad", "not too bad", "not so bad", "could be worse", "mustn't grumble",
                   "must not grumble", "can not complain", "cannot complain", "surviving",
                   "getting there", "i am getting there", "not too bad today", "so so"))

#: Asked whether it records or who hears, in words commands._PRIVACY misses.
_PRIVACY = re.compile(
    r"(?:is|are) (?:this|it|that|you|my voice|what i say|our conversation|this conversation)"
    r" being (?:recorded|saved|stored|kept|listened to)"
    r"|is (?:anyone|anybody|someone|somebody) (?:else )?listening(?: to (?:this|me|us|in))?"
    r"|are you (?:listening in|spying on me|watching me)")

#: Done for now, after an answer: "nothing else thanks" was taken for
#: "tell me more" and offered the next entry; "no more questions" declined.
_DONE = frozenset(("nothing else thanks", "nothing else thank you", "no nothing else",
                   "no nothing else thanks", "no more questions", "no more questions thanks",
                   "i have no more questions", "i have no more questions thanks",
                   "no further questions", "that is all my questions", "that is everything",
                   "that is everything thanks", "i am all done", "all done", "all done thanks",
                   "i am finished", "i am finished now"))


def overriding(text: str) -> str | None:
    """A small turn commands.find_command would take for another command
    ("nothing else thanks": "tell me more"), checked before it."""
    said = clean(text).strip()
    return "sleep" if said in _DONE else None

#: The answer before the last, in other words: "the answer before".
_BACK = frozenset(("the answer before", "the answer before that", "go back one",
                   "back one", "the one before that", "the previous one again",
                   "what was the answer before", "what was the previous answer",
                   "repeat the previous answer", "read the previous answer",
                   "read the answer before", "say the previous answer again"))

#: Said again and slower, in other words: "again but slower".
_AGAIN_SLOWER = frozenset(("again but slower", "again slower", "again slowly",
                           "again but slowly", "again but more slowly", "slower this time",
                           "say it again but slower", "say that again but slower",
                           "repeat that but slower", "repeat it but slower",
                           "once more slower", "once more but slower", "slower again please",
                           "one more time slower", "one more time but slower"))

#: Who is typing or speaking ("my carer is typing for me", "i'm typing for
#: my mum"): "my carer is typing for me" read Coping Strategies in full,
#: "i'm typing for my mum" offered the FAQ on heredity. Nothing is asked.
_TYPING_FOR = re.compile(
    r"(?:hello |hi )?(?:(?:my|her|his|their) (?:\w+ )?(?:carer|caregiver|husband|wife|son"
    r"|daughter|partner|mum|mom|mother|dad|father|friend|nurse|helper|sister|brother)"
    r" (?:is|will be) (?:typing|speaking|asking|doing this|talking)(?: for (?:me|him|her|them"
    r"|us))?(?: today| now)?"
    r"|(?:i am|this is) (?:typing|asking|speaking|doing this) for (?:my \w+|him|her|them"
    r"|a friend|someone)(?: today| now)?"
    r"|this is (?:my|her|his|their) (?:\w+ )?(?:carer|caregiver|husband|wife|son|daughter"
    r"|partner|mum|mom|mother|dad|father|friend|nurse|helper|sister|brother)"
    r" (?:typing|speaking|asking|here)"
    r"|i am (?:his|her|their|the) (?:carer|caregiver|helper)(?: today| now)?)")

#: Can't hear it: said with why ("speak up, I'm deaf", "I'm hard of hearing").
_LOUDER = re.compile(
    r"(?:(?:please )?(?:speak|talk) up )?(?:i am|i am a bit|i am a little|i am very|i am quite"
    r"|i am going|i have gone) (?:deaf|hard of hearing)(?: now)?(?: (?:please )?(?:speak|talk)"
    r" up| so (?:speak|talk) up)?"
    r"|(?:please )?(?:speak|talk) up (?:i am|i can not hear|i cannot hear)(?: \w+){0,3}"
    r"|my hearing is (?:bad|poor|not good|not great|terrible|awful)"
    r"|(?:you are|stop|do not|quit) mumbl(?:ing|e)(?: a bit| a little)?"
    r"|i can (?:barely|hardly|not|just about) hear (?:you|that|it|a thing)(?: now)?"
    r"|(?:still|you are still|it is still|that is still) too (?:quiet|soft)"
    r"|(?:a (?:bit|little) |even |much )louder|louder still|still louder"
    r"|you are (?:very|really|so) (?:quiet|soft)")

#: Too fast to follow: "talk slower i can't keep up", "i can't keep up".
_SLOWER = re.compile(
    r"(?:(?:please )?(?:talk|speak|go) (?:slower|more slowly|slowly)|slow down)?"
    r" ?(?:i can not|i cannot|i could not|i can hardly|i can barely) (?:keep up|follow)"
    r"(?: with you)?"
    r"|(?:you are|you were) (?:going|talking|speaking|reading) (?:too|so|way too) (?:fast"
    r"|quick|quickly) for me"
    r"|(?:that was|it was|you were|way|much|still|it is still|that is still|you are still)"
    r" (?:too|so|way too) (?:fast|quick)"
    r"|(?:a (?:bit|little) |even |much )slower|slower still|still slower|slower again"
    r"|(?:please )?(?:speak|talk) (?:clearly|clearer)(?: please)?")

#: Frustration at the answer: "you're useless", "that's rubbish", "you
#: already said that". Taken as "that's wrong" (the runner-up is offered
#: after an answer; otherwise asked in other words).
_FRUSTRATED = re.compile(
    r"(?:you are|this is|that is|that was|it is|this thing is|you are being) (?:so |really "
    r"|completely |totally |absolutely |just |bloody )?(?:useless|rubbish|pointless|no help"
    r"|no good|no use|hopeless|stupid|a waste of time|not listening(?: to me)?|not helping)"
    r"|useless|rubbish|pointless|hopeless|stupid machine|stupid thing|waste of time"
    r"|not helpful|(?:this|that) is not helping|(?:no |nope )?wrong(?: answer| again)?"
    r"|you do not understand(?: me)?"
    r"|you are not understanding(?: me)?|you never understand(?: me)?"
    r"|(?:you|you have) (?:already )?said that(?: already| before)?"
    r"|(?:i|i have) (?:already )?heard that(?: already| before)?"
    r"|i (?:already )?know (?:that|all that|this)(?: already)?"
    r"|(?:that is|it is|this is) the same (?:answer|thing)(?: again| as before)?"
    r"|same (?:answer|thing) again|(?:that|it) is not what i said"
    r"|(?:that|it|you) (?:did not|does not|has not|have not) answer(?:ed)? my question"
    r"|that is not (?:the )?answer(?:ing)? (?:to )?my question")

#: The answer not followed: said again, as "I don't understand" is.
_LOST = frozenset(("you lost me", "you have lost me", "i am lost", "eh", "huh what", "what now",
                   "i did not get that", "i did not follow that", "i did not follow",
                   "i do not follow", "i do not follow you", "read that to me again",
                   "read it to me again", "what was the last bit", "i missed the last bit",
                   "say the last bit again", "what was the end"))

#: Whether it understood them: what it heard is said (what_heard.py).
_UNDERSTOOD_ME = frozenset(("did you get that", "do you understand me", "can you understand me",
                            "did you understand", "did you understand me", "did you hear me",
                            "did you catch that", "do you understand what i am saying"))

#: A lot to take in: the answer is read a part at a time (the "shorter" reply).
_A_LOT = frozenset(("that was a lot", "that is a lot", "that is a lot to take in",
                    "a lot to take in", "too much information", "that is a lot of information",
                    "that was a lot of information", "too much", "that was too much"))

#: Asked to put it more simply: "can you explain that simpler".
_SIMPLER = re.compile(r"(?:can you |could you |please )?explain (?:that|it|this)"
                      r"(?: (?:more )?(?:simply|simpler|more simply|better|again))?(?: please)?")

#: What it can do, in words the help phrasings miss: "tell me what you can
#: do" got "I only heard 'tell me what you can do'".
_HELP = frozenset(("tell me what you can do", "what can you do for me", "what do you do",
                   "what are you able to do", "what are you good for",
                   "what is this thing for", "what does this do", "how can you help me",
                   "how can you help", "what can you help me with", "i need some help",
                   "do you know everything", "what else can you do"))

#: Sorry for being slow: no rush.
_SLOW_USER = re.compile(
    r"(?:sorry )?(?:i am|i am a bit|i am very|i am so|i am being) slow(?: at typing| typing"
    r"| today)?|sorry (?:for|about) (?:being slow|the wait|taking so long|keeping you)"
    r"|sorry (?:i|i just) (?:dozed off|fell asleep|nodded off|drifted off)"
    r"|(?:sorry (?:for|about) (?:the|my) (?:typos|typing|spelling)|excuse my (?:typing|spelling))"
    r"|sorry (?:i am|i am being) (?:slow|so slow)|(?:sorry )?(?:it|typing) takes me (?:a while"
    r"|ages|a long time)|sorry (?:about that|for that)|sorry i am back|sorry i was away")

#: Asked the time, the date, the day or the weather: it has no clock or
#: network use for that (said so, rather than "I don't have an answer").
_CLOCK = re.compile(
    r"(?:(?:can|could) you tell me |do you know |tell me )?"
    r"(?:what (?:is )?(?:the )?time (?:is it|it is)(?: now| please)?"
    r"|what is the time(?: now| please)?|have you got the time|what time is it now"
    r"|what (?:day|date|month|year) (?:is it|it is)(?: today| now)?"
    r"|what is (?:the date|today'?s date|the date today|the day|today)(?: today)?"
    r"|what is the weather(?: like)?(?: today| tomorrow| outside| now)?"
    r"|what is it like outside|is it (?:going to )?(?:rain|raining|snow|snowing|sunny|cold"
    r"|hot|warm)(?: today| tomorrow| outside| later)?"
    r"|what is the temperature(?: outside| today)?|what is the forecast(?: today)?"
    r"|what is the weather forecast(?: today| for today| for tomorrow)?)")


def turn_of(text: str) -> str | None:
    """The small turn ``text`` is, as the command it is carried out by, or None."""
    said = clean(text).strip()
    if not said:
        return None
    plain = _TAIL.sub("", _LEAD.sub("", said)) or said
    for line in dict.fromkeys((said, plain)):
        found = _whole(line)
        if found is not None:
            return found
    return None


def _whole(line: str) -> str | None:
    if line in _PRAISE:
        return "praise"
    if line in _NOTED:
        return "noted"
    if line in _THANKS:
        return "thanks"
    if line in _GOODBYE:
        return "sleep"
    if line in _GREETING:
        return "greet"
    if line in _WELL:
        return "well"
    if line in _DONE:
        return "sleep"
    if line in _LOST:
        return "repeat"
    if line in _PLAN:
        return "plan"
    if line in _UNDERSTOOD_ME:
        return "what_heard"
    if line in _A_LOT:
        return "shorter"
    if line == "how do you know":
        return "source"
    if line in _HELP:
        return "help"
    if line in _AWAKE:
        return "wake"
    if line in _MOMENT:
        return "pause"
    if line in _BACK:
        return "back"
    if line in _AGAIN_SLOWER:
        return "again_slower"
    for pattern, command in ((_CLOCK, "clock"), (_LOUDER, "louder"), (_SLOWER, "slower"),
                             (_FRUSTRATED, "wrong"), (_SIMPLER, "simpler"),
                             (_SLOW_USER, "no_rush"), (_TYPING_FOR, "typing_for"),
                             (_PRIVACY, "privacy"), (_ABOUT, "about")):
        if pattern.fullmatch(line):
            return command
    return None


def acknowledged(talk: Conversation, text: str, command: str) -> Reply:
    """ "Great", "hmm": an offer still waiting is made again (never read on
    a word that did not ask for it), "Shall I go on?" asked again;
    otherwise glad it helped (after an answer), and the way forward."""
    s = talk.state
    if s.offered:
        # Offered again as a choice, without "That's all right" (nothing
        # was declined).
        titles = [e.title for e in s.offered]
        return replies.reply(talk, text, "confirm", phrases.would_you_like(titles),
                             match=s.offered[0], score=s.offer_score, command=command)
    if s.pending_parts:
        return yes_no.unsure(talk, text, command)
    if command == "plan":
        say = phrases.GOOD_PLAN
    elif not s.history:
        say = phrases.ASK_WHENEVER
    elif command == "praise":
        say = phrases.GLAD_IT_HELPED
    else:
        say = phrases.ASK_ANOTHER
    return replies.reply(talk, text, "command", say, command=command)
