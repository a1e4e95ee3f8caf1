"""Who has the condition, told before the question: "my mother has MS,
what do I do", "my son was diagnosed with ALS, where do we start".

The family words fold to "family" (synonyms.py), the word that carries
"Are neuromuscular disorders hereditary?": matched whole, such a line was
offered the hereditary FAQ first ("my mother has MS, what do I do", "my son
has MS, what should we do", branch scope18's brief), though the family
member is only the person asked about. So the family word of such a telling
is left out of what is matched, unless the line asks whether someone else
will get it ("my dad has ms, will i get it too", "could my kids get it":
inheritance asked in words the matcher does not score). A family word
anywhere else in the line ("is it in the family", "could my kids get it")
still counts. Pure: text in, text out.
"""

from __future__ import annotations

import re

from voice.matching import synonyms

#: The family words that fold to "family" (synonyms.py), as people name a
#: relative (singular: "my parents have ms" is not one person told about).
_FAMILY = tuple(w for w in synonyms.GROUPS["family"]
                if w in ("son", "daughter", "child", "kid", "mother", "father", "mum",
                         "mom", "dad", "brother", "sister", "grandson", "granddaughter",
                         "parent"))
#: Kin the synonym table does not fold, told about the same way: "nan" and
#: "grandad" are rare in general English, so as unknown words they declined
#: "my nan has ms, what do i do" (offered the section on the conditions for
#: "my mother has ..."), and "grandmother", "uncle" drew "my uncle has
#: chronic spasms, what can we do" to that section, not the lifestyle FAQ
#: "my mother has ..." is offered (branch scope19: a caregiver gets the same
#: offer whatever relative they name). Partners are function words already
#: (normalize.PEOPLE_WORDS).
_KIN = ("nan", "nana", "nanna", "gran", "granny", "grandma", "grandmother", "grandad",
        "granddad", "grandpa", "grandfather", "aunt", "auntie", "aunty", "uncle", "cousin",
        "friend", "neighbour", "neighbor", "stepdad", "stepmum", "stepmom", "stepson",
        "stepdaughter", "niece", "nephew")
#: "my mum's got ms", "my dad's been diagnosed with als": the "'s" is
#: "has" (branch scope19: "my mum's got ms" was not seen as a telling, and
#: "mum's" stayed a word of the line).
_TELLING = re.compile(
    r"\b(?:my|our)(?: [a-z']+){0,2}?( (?:" + "|".join(_FAMILY + _KIN) + r")"
    r"(?:(?= (?:has|had|have|has got|got|was diagnosed|has been diagnosed|is living with|"
    r"lives with|suffers from|is suffering from|is diagnosed)\b)"
    r"|['\u2019]s(?= (?:got|been diagnosed|living with|suffering from)\b)))",
    re.IGNORECASE)
#: Why a relative got it: "why did my mum get ms" asks the cause, the
#: relative is who has it; matched whole, "family" (mum) drew Impact on
#: Daily Life's "family life" first (session 23). Not "why does it run in
#: my family" (no relative named after "why did my").
_WHY_THEY = re.compile(
    r"\bwhy (?:did|does|do|has|have|would|is|was) (?:my|our)( (?:"
    + "|".join(_FAMILY + _KIN) + r"))\b", re.IGNORECASE)
#: A relative the asker helps: "how can i help my son with exam stress"
#: was offered Coping Strategies, the son's "family" carrying it, though
#: exam stress is nothing of ours (branch scope22). The relative is who is
#: helped, as a told relative is who has it; what they are helped with
#: must be ours on its own ("how can i help my dad cope" still is).
_HELPED = re.compile(
    r"\b(?:help|helps|helping|support|supporting|comfort|reassure|encourage)"
    r" (?:my|our)( (?:" + "|".join(_FAMILY + _KIN) + r"))\b",
    re.IGNORECASE)
#: The line asks whether someone else gets it: inheritance, in words the
#: matcher does not score ("will i get it too", "am i at risk", "could my
#: kids get it"). Not "get help", "get around", "get better".
_ASKS_RISK = re.compile(
    r"\b(?:i|we|me|us|my \w+|our \w+|they|he|she)\b(?: \w+){0,2}? "
    r"(?:get|gets|getting|catch|develop|inherit|inherited|pass|passed|be at risk|at risk|"
    r"have it|have this|have that|end up with)\b(?! (?:help|around|better|support|about|out))",
    re.IGNORECASE)


#: Helping a relative with their condition is caring for them: "help my
#: son with his ms" was offered the section that lists the conditions (the
#: name alone carried it), where "how do i care for my son with ms" is
#: answered Coping Strategies for Individuals and Caregivers (issue 14's
#: brief, branch scope23). Only the conditions' names, not a symptom: "how
#: can i help my dad with his spasms" asks what helps spasms (the lifestyle
#: FAQ).
_CONDITION = (r"(?:his |her |their |the |this |that )?(?:ms|als|mnd|multiple sclerosis|"
              r"myasthenia(?: gravis)?|motor neurone disease|motor neuron disease|"
              r"lou gehrig'?s(?: disease)?|neuromuscular (?:disorder|disease|condition)|"
              r"condition|illness|disease|diagnosis)")
#: Partners are function words (normalize.PEOPLE_WORDS), never left out,
#: but helped and cared for as a relative is.
_PARTNERS = ("husband", "wife", "partner", "boyfriend", "girlfriend", "fiance", "fiancee")
_HELPED_WITH_CONDITION = re.compile(
    r"\b(?:help|helps|helping|support|supporting)"
    r" (?:my|our) (?:" + "|".join(_FAMILY + _KIN + _PARTNERS) + r")"
    r" (?:to )?(?:cope |live |deal )?(?:with|through) (" + _CONDITION + r")\b",
    re.IGNORECASE)
#: What a relative is supported with carries the line on its own, as with
#: "help" (scope22's rule): "support" is a content word of its own (support
#: groups, "a strong support system"), so "support my brother with exam
#: stress" was read Coping Strategies in full, where "how can i help my son
#: with exam stress" is declined. With "with" after the relative the
#: supporting is read as helping; said as a request ("support my brother
#: with ...") it is read as the question "how do i help ..." it is, so the
#: generic-words check asks it (branch scope23).
_SUPPORTED = re.compile(
    r"\b(?:support|supporting|comfort|reassure|encourage)(?= (?:my|our) (?:"
    + "|".join(_FAMILY + _KIN + _PARTNERS) + r") (?:with|through)\b)", re.IGNORECASE)
_REQUEST = re.compile(
    r"^(?:please )?(?:help|support|comfort|reassure|encourage) (?:my|our) (?:"
    + "|".join(_FAMILY + _KIN + _PARTNERS) + r") (?:with|through)\b", re.IGNORECASE)


#: Supporting a person is caring for them: "how do i support her" and
#: "how can i support my wife" were read Community Support and Awareness in
#: full, whose "support" is a noun (support groups, "where can i get
#: support"); the content's own line for the verb is Coping Strategies'
#: "how can I support someone with this", and its "how do i care for
#: someone with this" says it in the words the matcher scores (session 24,
#: branch scope25). Only before a person: a pronoun, "someone" or a
#: relative or partner; not "support a charity", "support groups".
_SUPPORTS_PERSON = re.compile(
    r"\b(?:support|supporting)(?= (?:him|her|them|someone|somebody|(?:my|our) (?:"
    + "|".join(_FAMILY + _KIN + _PARTNERS) + r"))\b)", re.IGNORECASE)


#: Who is told about: the asker, a relative or a partner.
_WHO = (r"(?:i|we|he|she|they|(?:my|our) (?:" + "|".join(_FAMILY + _KIN + _PARTNERS)
        + r"))")
#: Being diagnosed is a telling of who has the condition, as "has" is: "my
#: wife was diagnosed, how can i help her" was read Diagnosis and Medical
#: Evaluations in full ("diagnosed" folds to "diagnosis"), though the
#: caregiver asks how to help (session 23, branch scope24b). "With" a
#: thing not among the conditions ("diagnosed with diabetes") is no telling
#: of ours: left as it is, for the scope check to decline.
_DIAGNOSED = re.compile(
    r"\b" + _WHO + r"(?:'s|'m|'ve| is| was| were| am| has| have| had| got| get| just)*"
    r"(?: (?:just|recently|newly|only just|finally))?(?: been| got| gotten| being)?"
    r" diagnosed\b(?: with (" + _CONDITION + r")\b|(?! with\b))",
    re.IGNORECASE)
#: A relative or partner told to have one of the conditions ("my brother has
#: MS"); partners are not in ``_TELLING`` (they are function words).
_HAS = re.compile(
    r"\b(?:my|our) (?:" + "|".join(_FAMILY + _KIN + _PARTNERS) + r")"
    r"(?: has got| has| got|'s got| is living with| lives with| suffers from|"
    r" is suffering from| has been living with) (" + _CONDITION + r")\b", re.IGNORECASE)
#: How to help the one told about, said with a pronoun at the end of the
#: line: "how can i help her", "what can i do to help him", "something that
#: can help him" (MeQSum: "my brother has MS Im searching for something
#: that can help him" was offered the section describing the conditions,
#: the name alone carrying it; branch scope24's note). Helping them with a
#: thing named after the pronoun ("help her with her spasms") asks what
#: helps that thing: not matched. A sentence after it may ask the same
#: again, with nothing named ("Can you please let me know if there is
#: something that can help", the MeQSum line's second sentence); not one
#: that names what with ("anything for his spasms that can help").
_HELP_THEM = re.compile(
    r"\b(?:help|support|care for|look after|comfort)(?: (?:him|her|them))"
    r"(?: (?:cope|out|more|best|now|at home|through (?:this|it)|with (?:this|it|that)"
    r"|live with (?:this|it)|deal with (?:this|it)))?[\s?.!]*"
    r"(?:$|[.?!]\s*(?=(?![^.?!]*\b(?:for|with|about|on|in) (?:his|her|their|the|this|these|"
    r"that|those|a|an|my)\b)[^.?!]*\b(?:something|anything)\b[^.?!]*\bhelps?\b"
    r"(?: (?:him|her|them))?[\s?.!]*$))",
    re.IGNORECASE)


_ASKER = re.compile(r"(?:i|we)\b", re.IGNORECASE)


def cared_for(text: str) -> str | None:
    """"how do i care for them with <the condition>" when ``text`` tells who
    has the condition (has it, was diagnosed with it) and then asks how to
    help them ("my wife was diagnosed, how can i help her"); None otherwise.
    A telling of the asker ("i was diagnosed ... how can i help him") is
    not one: who is helped is someone else."""
    told = _told(text)
    if told is not None and told.re is _DIAGNOSED and _ASKER.match(told.group(0)):
        told = None
    if told is None:
        return None
    helped = _HELP_THEM.search(text, told.end())
    if helped is None or _ASKS_RISK.search(text, told.end()):
        return None
    return f"how do i care for them with {told.group(1) or 'this'}"


#: When it was: "i was diagnosed with myasthenia gravis yesterday" was
#: declined ("yesterday" is rare in the content's words and weighs as a
#: subject would), where "i was diagnosed with myasthenia gravis" is offered.
#: Only right after a telling of being diagnosed ("last week": synonyms.py).
_WHEN = re.compile(
    r"(?<=diagnosed)((?: with [a-z' ]+?)?) (?:yesterday|today|this (?:morning|afternoon|week|"
    r"month|year)|(?:a|one|two|three|a few|a couple of|\d+) (?:days?|weeks?|months?|years?)"
    r" ago)\b", re.IGNORECASE)
#: "what now" after a telling asks where to begin: "my husband was just
#: diagnosed with als what now" was declined ("what now" alone finds
#: nothing), where the Introduction has "where do i start" (session 23,
#: branch scope24b).
#: "What should I do" after a telling asks the same: "i was diagnosed with
#: ms, what should i do" was offered Diagnosis and Medical Evaluations ("i
#: was diagnosed, what should i do" read it in full), though nothing asks
#: how it is diagnosed; the Introduction is written for where to begin
#: (session 24, branch scope25). Only at the end of the line: "what should
#: i do about my spasms" asks what helps them.
_WHAT_NOW = re.compile(
    r"^[\s,.;:-]*(?:so |and |but )?(?:what now|now what|what next|what do (?:i|we) do now|"
    r"what happens now|what happens next|what should (?:i|we) do now|"
    r"what (?:should|do|can|must) (?:i|we) do(?: next| first| now)?|"
    r"what (?:do|should) (?:i|we) (?:need to )?know)[\s?.!]*$",
    re.IGNORECASE)
#: Nothing but the telling: "i was diagnosed", "my son was diagnosed with
#: ms" (punctuation and "so", "and" at the end left out).
_ONLY = re.compile(r"^[\s,.;:!-]*(?:(?:so|and|now|well|today|yesterday)[\s,.;:!-]*)*$",
                   re.IGNORECASE)


#: Relatives as people name those they tell ("my children", "my kids",
#: "my family"): the singular ones above and their plurals.
_TOLD_ONES = _FAMILY + _KIN + _PARTNERS + (
    "children", "kids", "family", "sons", "daughters", "parents", "grandchildren",
    "grandkids", "friends", "relatives")
#: A relative who is told or spoken to: "how do i explain my illness to my
#: children" was offered the hereditary FAQ ("children" folds onto family,
#: that FAQ's word), "how do i tell my family" too, though the relative is
#: only who hears it, as a told relative is only who has it (session 26,
#: branch scope28). The verbs of telling are a closed class of grammar's
#: kind; the relative word is left out of what is matched, as in a
#: telling. Not when the line asks whether they will get it ("how do i
#: tell my kids they might get it": ``_ASKS_RISK``).
_TOLD_TO = re.compile(
    r"\b(?:tell|telling|explain|explaining|to) (?:my|our)( (?:" + "|".join(_TOLD_ONES) + r"))\b",
    re.IGNORECASE)
#: ... said with a verb of telling somewhere in the line ("explain my
#: illness to my children", "talk to my kids about it"); "can i pass it to
#: my children" has none, and its children are whom it passes to.
_TELLS_OF_IT = re.compile(r"\b(?:tell|telling|explain\w*|talk\w*|speak\w*|say|saying|"
                          r"break\w*|describe\w*)\b", re.IGNORECASE)


def tells_relative(text: str) -> bool:
    """Whether ``text`` asks how to tell a relative ("how do i explain my
    illness to my children", "what should i say to my daughter"): no entry
    says how, so the line is never answered outright (``Matcher.match``);
    without the relative, "what should i say to my daughter about her dad's
    ms" was read the section on the conditions in full."""
    return (_TELLS_OF_IT.search(text) is not None and _TOLD_TO.search(text) is not None
            and not _ASKS_RISK.search(text))


def _told(text: str) -> re.Match[str] | None:
    """The first telling of who has one of the conditions or was diagnosed."""
    return _HAS.search(text) or _DIAGNOSED.search(text)


def only_told(text: str) -> bool:
    """Whether ``text`` only tells that someone was diagnosed ("i was
    diagnosed", "my wife was diagnosed with ms") and asks nothing: a
    statement, not a question. Read in full, "i was diagnosed" was answered
    Diagnosis and Medical Evaluations; offered, the user says what they
    want to know."""
    text = _WHEN.sub(r"\1", text)
    told = _DIAGNOSED.search(text)
    return (told is not None and _ONLY.match(text[:told.start()]) is not None
            and _ONLY.match(text[told.end():]) is not None)


#: A relative who helps, not who has it: "how can my family help me", "what
#: can my kids do to help" were read the hereditary FAQ in full (session
#: 32: "family" and "kids" are words of heredity there, and "help" is in
#: every entry). A relative helping is a carer: "how can my carer help me"
#: was already answered with Coping Strategies.
_HELPER = re.compile(
    r"\b((?:how|what) (?:can|could|should|do|does|would|might|will) (?:my|our) )"
    r"(?:(?:" + "|".join(_FAMILY + _KIN + _PARTNERS) + r")s?|family|families|relatives|"
    r"children|loved ones|people)"
    r"(?= (?:best |really )?(?:help|support|assist|do to help|do for me|do to support)\b)",
    re.IGNORECASE)


def without_teller(text: str) -> str:
    """``text`` without the family word of a telling of who has the
    condition ("my mother has MS, what do I do" -> "my has MS, what do I
    do"); as it is when it tells none, or asks whether someone else will get
    it. A relative helped with their condition is cared for ("help my son
    with his ms" -> "care for them with his ms")."""
    text = _WHEN.sub(r"\1", text)
    text = _HELPER.sub(r"\1carer", text)
    caring = cared_for(text)
    if caring is not None:
        return caring
    told_now = _told(text)
    if told_now is not None and _WHAT_NOW.match(text[told_now.end():]):
        return "where do i start"
    if _REQUEST.match(text):
        text = f"how do i {text}"
    text = _SUPPORTED.sub("help", text)
    cared = _HELPED_WITH_CONDITION.search(text)
    if cared is not None and not _ASKS_RISK.search(text, cared.end()):
        return f"{text[:cared.start()]}care for them with {cared.group(1)}{text[cared.end():]}"
    text = _SUPPORTS_PERSON.sub("care for", text)
    why = _WHY_THEY.search(text)
    if why is not None:
        return text[:why.start(1)] + text[why.end(1):]
    told = _TELLING.search(text) or _HELPED.search(text)
    if told is None and _TELLS_OF_IT.search(text):
        told = _TOLD_TO.search(text)
    if told is None or _ASKS_RISK.search(text, told.end()):
        return text
    return text[:told.start(1)] + text[told.end(1):]


#: A relative helped with a thing of their own: "how do i help my dad with
#: his computer" was read Technological Innovations in Treatment in full
#: ("computer" is a word of its group), "help my mum with her housework"
#: Impact on Daily Life (branch scope23). What is theirs is often an
#: everyday task the content explains only by chance; offered, never read
#: unasked. Their condition is cared for (``_HELPED_WITH_CONDITION``).
_HELPED_WITH_OWN = re.compile(
    r"\b(?:help|helps|helping|support|supporting|comfort|reassure|encourage)"
    r" (?:my|our) (?:" + "|".join(_FAMILY + _KIN + _PARTNERS) + r")"
    r" (?:with|through) (?:his|her|their) ", re.IGNORECASE)


def supports_untold(text: str) -> bool:
    """Whether ``text`` asks how to support a person ("how do i support
    her", "how can i support my wife") with nothing told of what they have:
    read as caring for them (``_SUPPORTS_PERSON``), the words were not the
    editor's and nothing says the person has a condition of ours, so the
    caring entry is offered, not read in full. Told ("my wife has ms, how do
    i support her") or named ("support my husband with ms"), it is caring
    for them with it, answered as before."""
    if _SUPPORTS_PERSON.search(text) is None or cared_for(_WHEN.sub(r"\1", text)) is not None:
        return False
    return _HELPED_WITH_CONDITION.search(_SUPPORTED.sub("help", text)) is None


def helps_relative(text: str) -> bool:
    """Whether ``text`` asks how to help (support, comfort...) a relative:
    "how do i help my son with exam stress"."""
    return _HELPED.search(text) is not None or _HELPED_WITH_OWN.search(text) is not None


def helps_with_own(text: str) -> bool:
    """Whether ``text`` asks how to help a relative with a thing of theirs
    that is not their condition ("how do i help my dad with his computer";
    not "help my son with his ms")."""
    return (_HELPED_WITH_OWN.search(text) is not None
            and _HELPED_WITH_CONDITION.search(text) is None)


#: People named as a group by age or sex, not as one's own ("my children"):
#: the content says nothing of who gets these disorders by age or sex.
_PEOPLE = ("children|child|kids|kid|babies|baby|toddlers|teenagers|teens|young people|"
           "younger people|young adults|women|men|girls|boys|older people|old people|"
           "elderly people|the elderly|adults|pensioners")
#: "can children get it", "do kids get ms", "can a child have als", "are
#: women affected": whether such a group gets it. Read in full, "can
#: children get it" was answered the hereditary FAQ (its "can my children
#: get it", heredity; branch scope22), which does not say.
_ASKS_WHO_GETS = re.compile(
    r"\b(?:can|could|do|does|will|would|are|is|may|might) (?:a |an )?(?:" + _PEOPLE + r")"
    r"(?: \w+)?? (?:get|gets|have|has|develop|catch|be affected|be diagnosed|suffer|"
    r"affected|diagnosed|at risk)\b",
    re.IGNORECASE)


def asks_who_gets(text: str) -> bool:
    """Whether ``text`` asks whether a group of people by age or sex gets
    the condition ("can children get it"), not one's own ("can my children
    get it", which asks heredity)."""
    return _ASKS_WHO_GETS.search(text) is not None
