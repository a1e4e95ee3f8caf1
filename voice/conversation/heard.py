"""From what a recognizer heard to the words the matcher reads: the words it
is sure of, whether the hearing is doubtful (offered, never answered
outright), and Whisper's alternatives and sound-alike readings when it is.
The one path for spoken questions: the app, the Wyoming server, the Whisper
engine (which searches alternatives only for doubtful hearings) and the
benchmarks all use it."""

from __future__ import annotations

import re
import threading
import weakref

from voice.conversation.choices import find_choice
from voice.conversation.commands import find_command
from voice.conversation.noun_heard import noun_read
from voice.conversation.unfinished import is_unfinished
from voice.conversation.volume_by_audio import volume_heard
from voice.matching import normalize
from voice.matching.emergency import is_emergency
from voice.matching.matcher import Matcher
from voice.matching.normalize import is_function_word
from voice.speech_in.base import Transcript

#: Words the recognizer is less sure of than this are left out of the question
#: the matcher sees. Measured on the tuning questions, spoken in six
#: conditions by a language model that had not seen them (two halves): right
#: entry 47.3 % -> 45.9 %, spoken out-of-scope questions declined 62.5 % ->
#: 77.1 %. A misheard word is what turns "is it going to rain" into an
#: answer about brain stimulation.
SURE_WORD = 0.2


def query_of(heard: Transcript) -> str:
    """The words of ``heard`` to match, leaving out those the engine doubts.

    Commands, emergencies and topic numbers are read from every word: "stop"
    or "I can't breathe" must never be dropped for a low score, and a doubted
    "number" would leave a bare number.
    """
    if is_emergency(heard.text) or find_command(heard.text) or find_choice(heard.text):
        return heard.text
    sure_at = sure_word_for(heard.engine)
    sure = heard.sure_text(sure_at)
    if _turned_to_yes(heard, sure, sure_at):
        return heard.text
    return sure


#: A negation left out for being heard unsurely turns a reply around:
#: "that's incorrect", heard "nothing(unsure) correct" (branch said33, en+f3),
#: left "correct", a yes, and the entry just offered was read to a user who
#: had said it was wrong. Such a yes (or "the second one") is not taken: the
#: whole hearing is matched, no command, and met with "didn't catch that".
_NEGATIONS = frozenset({"no", "not", "nothing", "never", "none", "nope", "nah", "neither",
                        "incorrect", "wrong", "dont", "isnt", "in"})
_READS_AN_OFFER = frozenset({"yes", "second"})


def _turned_to_yes(heard: Transcript, sure: str, sure_at: float) -> bool:
    """Whether ``sure`` (the words of ``heard`` heard at ``sure_at`` or
    more) says yes only because a negation was left out (see _NEGATIONS)."""
    left_out = {x for w, c in heard.words if c < sure_at for x in normalize.clean(w).split()}
    return bool(left_out & _NEGATIONS) and find_command(sure) in _READS_AN_OFFER


#: A spoken question is answered outright only when at least one of its
#: content words was heard at least this surely; otherwise the best entry is
#: offered ("Did you mean ...?"). Measured on tests/data/dev.tsv (colloquial
#: questions, never in the language model) spoken in the six benchmark
#: conditions: of the questions the matcher would answer outright, 68 were
#: the right entry and 77 a wrong one; with this check 44 right and 25 wrong
#: are answered, the other 24 right ones are offered first, and spoken
#: out-of-scope questions answered outright fall from 13 to 5 of 180.
#: A wrong answer read in full costs a tired user far more than a "yes".
SURE_ANSWER = 0.9


#: Whisper's alternative hypotheses (speech_in/whisper/alternatives.py) are
#: tried only when what it heard is doubtful (is_doubtful). "what's the
#: football score", heard surely and right, was offered neuromodulation from
#: the alternative "what's neuromodulation". Tuning clips (docs/benchmarks.md,
#: "Alternatives when nothing matches"): out-of-scope tuning.tsv clips offered
#: an entry 2 of 192 -> 0, right entries gained 23 -> 14 of 390.
ALTERNATIVES_WHEN_DOUBTFUL = True


#: The words Whisper's prompt (whisper/prompt.py: the content's FAQ questions)
#: says most often, three times each: "... neuromuscular disorders?". Whisper
#: writes them over other words that start alike, fairly surely ("what are
#: nerve stimulators" heard "what are neuromuscular(0.87) disorders(0.96)",
#: read in full as the entry on recognising the disorders; "are there natural
#: remedies" heard "are neuromuscular(0.80) disorders(0.51)"), while said they
#: are heard at 0.95-1.00 (once 0.85, itself a copy for "neurology").
#: The shipped content's; the conversation uses its own content's
#: (prompt_copied_words: the words in whisper/prompt.REPEATED_IN of the
#: prompt's sentences), so edited content keeps the check.
PROMPT_COPIED = frozenset({"neuromuscular", "disorders"})
#: A hearing with one of PROMPT_COPIED below this is doubtful: offered, never
#: read in full. Every tuning clip in the transcript cache (1,356: espeak-ng
#: tuning.tsv and dev.tsv even in six conditions, health-tuning, foreign-tuning,
#: the natural voices' tuning halves; 702 in scope, 654 out of scope;
#: docs/speech-in.md "Session 31"): answered outright with a wrong entry 4 -> 2,
#: right entries 555 -> 555 (one of them offered instead of read), out of
#: scope the same; 0.8 gives 4 -> 3, and "spasms" (said twice in the prompt)
#: added turns 13 right answers into offers for one wrong one more. None
#: turns it off.
PROMPT_COPIED_BELOW: float | None = 0.9


def _prompt_copied(heard: Transcript, copied: frozenset[str]) -> bool:
    """Whether Whisper wrote one of ``copied`` less surely than PROMPT_COPIED_BELOW."""
    return (PROMPT_COPIED_BELOW is not None and heard.engine == "whisper" and any(
        c < PROMPT_COPIED_BELOW and w.lower().strip(".,?!") in copied
        for w, c in heard.words))


#: The prompt's repeated words per matcher (a new matcher comes with new
#: content: live_updates), from whisper/prompt.repeated_words.
_repeated_lock = threading.Lock()
_repeated: weakref.WeakKeyDictionary[Matcher, frozenset[str]] = weakref.WeakKeyDictionary()


def prompt_copied_words(matcher: Matcher) -> frozenset[str]:
    """PROMPT_COPIED as ``matcher``'s content makes it: the words its Whisper
    prompt repeats (whisper/prompt.repeated_words), so a caregiver's edited
    content keeps the check."""
    from voice.speech_in.whisper.prompt import repeated_words

    with _repeated_lock:
        words = _repeated.get(matcher)
    if words is None:
        words = repeated_words(matcher.kb)
        with _repeated_lock:
            _repeated[matcher] = words
    return words


def is_doubtful(heard: Transcript, copied: frozenset[str] = PROMPT_COPIED) -> bool:
    """True when no content word of ``heard`` was heard surely (see SURE_ANSWER),
    or (Whisper) a word that is not a function word was barely heard (UNHEARD_WORD),
    or a word the prompt repeats was written less than surely (``copied``: the
    shipped content's PROMPT_COPIED unless the content's own is given).

    An engine without word confidences is taken at its word.
    """
    if not heard.words:
        return False
    if _prompt_copied(heard, copied):
        # Maybe the prompt's own words written over what was said: offered only.
        return True
    sure = sure_answer_for(heard.engine)
    if heard.engine == "whisper" and any(
        c < _whisper_unheard_word() and not is_function_word(w) for w, c in heard.words
    ):
        # A word left out of the question was barely heard: it may have named
        # what is asked about ("what causes [migraines]"), so the rest is offered.
        return True
    return not any(c >= sure and not is_function_word(w) for w, c in heard.words)


#: A half sentence heard ("how do I ...") is the conversation's to have
#: finished (voice/conversation/unfinished.py): the audio's choice among our
#: questions (``checked_by_audio``, ``asked_by_audio``) is only a guess at
#: the rest. With ASKED_CLOSEST_MARGIN = 1.0, espeak-ng's "how do I", heard
#: right, was offered "Causes and Risk Factors" instead of being asked to be
#: finished (tests/test_polish12_unfinished_joined.py fails without it).
#: No other outcome moves: scripts/tune_spoken_oos.py --compare / --heldout
#: --constant HALF_SENTENCE_ASKED --floors 1 (2026-12-03, counts only): every
#: tuning and held-out set the same (espeak-ng held-out 516/696 right, 129/138
#: out of scope declined). False turns it off.
HALF_SENTENCE_ASKED = True


def understood(heard: Transcript, matcher: Matcher) -> tuple[str, bool]:
    """What to match of ``heard``, and whether it is doubtful (offered, never
    answered outright): the words the engine is sure of (``query_of``), or,
    when those were heard doubtfully and match no entry, Whisper's best other
    guess for the same audio (see ALTERNATIVES_WHEN_DOUBTFUL). The one path
    for spoken questions, in the app and in the Wyoming server alike.

    When all that matches nothing, a reading of heard words as a rare content
    word they sound like is offered if the audio carries it as well as what
    was heard (``checked_by_audio``), else the content's own question the
    audio carries best (``asked_by_audio``)."""
    other = other_subject_heard(heard, matcher)
    if other is not None:
        return other, True
    text, doubtful = _understood(heard, matcher)
    if not heard.words or (HALF_SENTENCE_ASKED and is_unfinished(heard.text)):
        return text, doubtful
    checked = checked_by_audio(heard, text, doubtful, matcher)
    if checked is not None:
        text, doubtful = checked, True
    else:
        asked = asked_by_audio(heard, text, doubtful, matcher)
        if asked is not None:
            text, doubtful = asked, True
    if not doubtful and carried_by_unsure_folds(heard, text, matcher):
        doubtful = True
    whole = whole_over_offer(heard, text, doubtful, matcher)
    if whole is not None:
        return whole, True
    # "lower volume" heard "lower my wound": declined, so read from the audio.
    volume = volume_heard(heard, text, matcher)
    if volume is not None:
        return volume, False
    return text, doubtful


#: When what is matched of a hearing (the words heard surely, after the
#: repairs above) would only be offered ("Did you mean ...?"), and every word
#: Whisper wrote, the unsure ones put back, would be offered another entry
#: with a higher score (at least sound_alike.OFFER_SCORE), that entry is
#: offered instead. A word left out for being heard below SURE_WORD is often
#: what was said and what the question is about: "will she ever be rid(0.17)
#: of it" offered coping, with "rid" the cure entry; "can a
#: physiotherapy(0.16) make me stronger" offered exercise. It swaps one offer
#: for another: nothing is answered outright from it, and a declined hearing
#: is not touched, nor a hearing with a word no dictionary knows (the
#: repairs above read those). Tuning halves (scripts/tune_hear30_second_reading.py,
#: session 27): espeak-ng rotate 1 (230 clips, this engine's hearings) wrong
#: offers turned right 3 (1 colloquial), right offers lost 0; espeak-ng every
#: condition, older cached hearings (896 clips, `--rotate 0 --cached-only
#: --no-audio --seed whisper-ebe0edee30bfde20.jsonl`): turned right 4 (1
#: colloquial), wrong to another wrong 1, right lost 0. Out-of-scope
#: declines cannot move (an offer stays an offer). Held out, once
#: (scripts/split_spoken_misses.py --rotate 1 --heldout, 207 clips): no clip
#: changes. False turns it off.
WHOLE_OVER_OFFER = True


def whole_over_offer(heard: Transcript, text: str, doubtful: bool,
                     matcher: Matcher) -> str | None:
    """Every word of ``heard`` as written, to offer instead of ``text`` (see
    WHOLE_OVER_OFFER), or None."""
    if (not WHOLE_OVER_OFFER or heard.engine != "whisper" or not heard.words
            or normalize.clean(heard.text) == normalize.clean(text)):
        return None
    from voice.matching.sound_alike import OFFER_SCORE
    from voice.speech_in.whisper.alternatives import acts_on_its_own

    if acts_on_its_own(heard.text):
        return None
    sure = surely_heard(heard)
    if matcher.misheard_words(heard.text, sure):
        # A word no dictionary knows is a mishearing: the repairs above read
        # it ("backliffin" -> baclofen, tests/test_heard_repair.py); the whole
        # hearing would only leave it out.
        return None
    mine = matcher.match(text, doubtful=doubtful, heard=True, sure=sure)
    if mine.outcome != "confirm" or mine.entry is None:
        return None
    whole = matcher.match(heard.text, doubtful=True, heard=True, sure=sure)
    if (whole.outcome == "no_match" or whole.entry is None or whole.entry.id == mine.entry.id
            or whole.score <= mine.score or whole.score < OFFER_SCORE):
        return None
    return heard.text


#: A spoken line whose every content word reaches the content only through
#: a synonym (the heard word is not the content's own: "shoes" for its
#: "footwear", "pills" for "medication", "deal" for "cope") is answered
#: outright only when one of those words was heard at least this surely;
#: otherwise it is offered. Such a line is content-poor: one everyday word
#: heard a little unsurely stands for the whole question, and a mishearing
#: lands on a broad synonym group easily ("where can i buy cheap shoes"
#: heard "where can i keep(0.56) shoes(0.53)" was read Assistive Devices in
#: full; "what helps sunburn peel less" heard "what help someone deal(0.50)
#: with" Coping Strategies). Tuning halves (hear24's hearings of the 560
#: out-of-scope and 538 in-scope espeak-ng tuning clips;
#: scripts/tune_folded_sure.py, session 24): out of scope answered outright
#: -> offered at 0.55: 2 of 4, right answers made offers 0 of 271; at 0.6: 3
#: of 4 and 1 ("what sports can i do", sport at 0.573, "pills" at 0.573); at
#: 0.65: 3 and 4. Nothing else moves. None turns it off.
FOLDED_SURE: float | None = 0.55


def carried_by_unsure_folds(heard: Transcript, text: str, matcher: Matcher) -> bool:
    """Whether Whisper's ``heard`` would be answered outright from ``text``
    though every word of it that carries content reaches the content through
    a synonym only, none heard at FOLDED_SURE or more: offered instead."""
    if FOLDED_SURE is None or heard.engine != "whisper" or not heard.words:
        return False
    carriers = [(word, c) for word, c in heard.words if normalize.tokens(word)]
    if not carriers or any(c >= FOLDED_SURE or not _folded(word) for word, c in carriers):
        return False
    return matcher.match(text, heard=True, sure=surely_heard(heard)).outcome == "answer"


def _folded(word: str) -> bool:
    """Whether ``word`` reaches the content's words only through a synonym
    (synonyms.py): its folded tokens are not its own stems."""
    own = normalize.content_tokens(normalize.strip_fillers(normalize.clean(word)))
    return normalize.tokens(word) != own


#: When Whisper's next likeliest hearing of a doubtful utterance (its first
#: alternative, whisper/alternatives.py) names a health subject the content
#: never mentions (health_subjects.py; not a part of the body, which our
#: questions name too), that hearing is matched instead, and declined as
#: another subject: the person most likely asked about it. Whisper, prompted
#: with the content's questions, seldom spells a subject we do not cover in
#: its first hearing ("what causes morning sickness" heard "what causes
#: moreening sickness", offered the causes of spasms; "what should i put on a
#: bee sting" heard "... on a me(0.12) sting", offered assistive devices),
#: but its beam does. Only the first alternative: a later one named
#: "infection" for "what injections are used" and "diabetes" for "what are
#: researchers studying", both offered their right entry. Tuning halves
#: (scripts/tune_spoken_oos.py --compare --constant OTHER_SUBJECT --floors 1,
#: 2026-12-03): out of scope declined health-tuning 149 -> 151 of 158, every
#: other set and every in-scope outcome the same. **Off**: held out, once,
#: with UNSPELT_SUBJECT (tune_spoken_oos.py --heldout --constant
#: OTHER_SUBJECT,UNSPELT_SUBJECT --floors 0.3), espeak-ng out of scope
#: declined 129 -> 129 of 138 and right entry 367 -> 365 of 506: no gain
#: for two right entries lost. docs/speech-in.md ("Declined on Whisper's own
#: evidence: tried, not adopted"). True turns it on.
OTHER_SUBJECT: bool | None = False


def other_subject_heard(heard: Transcript, matcher: Matcher) -> str | None:
    """Whisper's first alternative of ``heard`` when it names a health
    subject the content never mentions (see OTHER_SUBJECT), else None.
    Commands, topic numbers and emergencies are never touched."""
    if (not OTHER_SUBJECT or heard.engine != "whisper" or not heard.alternatives
            or matcher.scope is None or matcher.scope.subjects is None):
        return None
    from voice.matching.health_subjects import CARRIED
    from voice.speech_in.whisper.alternatives import acts_on_its_own

    if acts_on_its_own(heard.text):
        return None
    first = heard.alternatives[0]
    named = {cat for _, cat in matcher.scope.subjects.uncovered(first)}
    return first if named - CARRIED else None


#: How far (nats, natural log) below what Whisper heard a sound-alike reading
#: of it (``sound_alike.heard_readings``: "acute puncture" read as
#: acupuncture) may score against the same audio (whisper/rescoring.py) and
#: still be offered ("Did you mean ...?"), when what was heard matches
#: nothing. None turns the check off. Tuning halves (scripts/
#: tune_heard_again.py, 2026-12-02): the right readings scored -1.65 to
#: +3.11 against what was heard, every wrong one -6.1 or less ("tell me a
#: joke" -> "tell managing" -14.7); margins 2 to 6 changed the same clips:
#: natural voices tuning.tsv 240 -> 244 of 260 right, espeak-ng 615 -> 616 of
#: 780, answered or offered wrong and every out-of-scope set unchanged.
#: docs/benchmarks.md ("Readings checked by the audio").
AUDIO_MARGIN: float | None = 3.0


def checked_by_audio(heard: Transcript, text: str, doubtful: bool,
                     matcher: Matcher) -> str | None:
    """A sound-alike reading of ``heard`` to offer instead of ``text`` (what
    would be matched), or None: only when ``text`` matches no entry, the
    engine kept the audio (``rescoring.scorer_of``), ``heard`` does not act on
    its own (command, topic number, emergency), the reading matches an entry
    at ``sound_alike.OFFER_SCORE`` or more, and the audio scores it at most
    AUDIO_MARGIN below what was heard. To be offered only.

    When all that still matches nothing, the content's own question the
    audio carries best may be offered instead (``asked_by_audio``)."""
    from voice.matching import sound_alike
    from voice.speech_in.whisper.alternatives import acts_on_its_own
    from voice.speech_in.whisper.rescoring import scorer_of

    scorer = scorer_of(heard)
    if scorer is None or AUDIO_MARGIN is None or acts_on_its_own(heard.text):
        return None
    sure = surely_heard(heard)
    if matcher.match(text, doubtful=doubtful, heard=True, sure=sure).outcome != "no_match":
        return None
    readings = []
    for reading in sound_alike.heard_readings(heard.words, matcher):
        got = matcher.match(reading, doubtful=True, heard=True, sure=sure)
        if got.outcome != "no_match" and got.score >= sound_alike.OFFER_SCORE:
            readings.append(reading)
    if not readings:
        return None
    said, *scores = scorer.loglik([heard.text, *readings])
    best = max(range(len(readings)), key=lambda i: scores[i])
    return readings[best] if scores[best] >= said - AUDIO_MARGIN else None


#: When what Whisper heard matches nothing (after every repair above), the
#: content's own questions (FAQ questions, every entry's "Also asked"
#: phrasings) whose sound keys are most like what was heard are scored
#: against the audio (rescoring.py ``AudioScorer.fits``, the speech's frames
#: only), and the best is offered ("Did you mean ...?") when it scores at
#: most this far below what was heard (nats per token, the end of text
#: counted). None turns it off. Tuning halves (scripts/tune_phrasing_audio.py,
#: 2026-12-02; docs/benchmarks.md "The content's own questions, checked by
#: the audio"): of 843 declined clips (219 in scope), 0.5 offers 34 the right
#: entry (espeak-ng tuning.tsv 28, dev.tsv even 1, natural tuning.tsv 5), 1 a
#: wrong one and 2 of 624 out-of-scope clips an entry (two foreign requests;
#: no health question); 0.3: 24 / 0 / 2; 0.8: 43 / 2 / 7.
ASKED_MARGIN: float | None = 0.5
#: "per-token" compares the mean log-probabilities per token; "total" their
#: sums, which favour short texts: at every margin it offered many more
#: out-of-scope clips (total 0: 28 right, 10 out of scope offered).
ASKED_RULE = "per-token"
#: A wider margin (nats per token) for the content's question that is both
#: the closest to what was heard by sound key and the one the audio carries
#: best: two measures agreeing. Tuning halves (scripts/tune_spoken_oos.py
#: --compare --constant ASKED_CLOSEST_MARGIN --floors 0.8,1.0,1.3, 2026-12-03,
#: AMD EPYC; 478 in-scope and 394 out-of-scope clips in the cache): right
#: entry +1 / +2 / +3, out of scope declined the same / the same / -1 ("phone
#: my son" heard "don't mind son", -1.18), offered wrong +1 at 1.3. Held out,
#: once, 1.0: espeak-ng right entry 509 -> 516 of 696, answered wrong 11 ->
#: 11, offered wrong 60 -> 60, out of scope declined 129 -> 129 of 138;
#: natural voices and both colloquial sets unchanged. None: ASKED_MARGIN
#: alone. docs/speech-in.md ("Branch hear14").
ASKED_CLOSEST_MARGIN: float | None = 1.0
#: How many question texts, closest by sound key first, are scored: the
#: right entry's question is among the first 10 for 162 of the 219 declined
#: in-scope clips (20: 187), and 20 offered 4 more out-of-scope clips at 0.5
#: for 2 more right ones. 11 texts cost 0.1 s (``AudioScorer.fits``).
ASKED_TOP = 10
#: The content's question is offered only when Whisper heard the utterance at
#: least this surely (the mean probability of its words,
#: ``Transcript.confidence``): below it what was heard carries too little of
#: what was said for the audio's choice among our questions to mean much,
#: and the request is declined instead. Tuning halves (scripts/
#: tune_spoken_oos.py --compare, 2026-12-02, AMD EPYC; 485 in-scope and 401
#: out-of-scope clips decoded): the step's right offers came from hearings at
#: 0.16 and 0.44-0.84, its wrong offer at 0.14, its two offers to
#: out-of-scope requests at 0.16 and 0.32; 0.4 declines both of those and the
#: wrong offer for one right offer lost. None turns the floor off.
#: docs/benchmarks.md ("branch hear11").
ASKED_FLOOR: float | None = 0.4


def asked_by_audio(heard: Transcript, text: str, doubtful: bool,
                   matcher: Matcher) -> str | None:
    """The content's own question to offer for ``heard`` (see ASKED_MARGIN),
    or None: only when ``text`` (what would be matched) matches no entry, the
    engine kept the audio, and ``heard`` does not act on its own (command,
    topic number, emergency)."""
    from voice.speech_in.whisper.alternatives import acts_on_its_own
    from voice.speech_in.whisper.rescoring import scorer_of

    scorer = scorer_of(heard)
    if (scorer is None or ASKED_MARGIN is None or heard.engine != "whisper"
            or acts_on_its_own(heard.text)):
        return None
    if ASKED_FLOOR is not None and (heard.confidence or 0.0) < ASKED_FLOOR:
        return None  # too unsure a hearing to choose among our questions by
    sure = surely_heard(heard)
    if matcher.match(text, doubtful=doubtful, heard=True, sure=sure).outcome != "no_match":
        return None
    candidates = closest_questions(heard.text, matcher, ASKED_TOP)
    if not candidates:
        return None
    said, *fits = scorer.fits([heard.text, *candidates])
    if ASKED_RULE == "total":
        rel = [f.nats - said.nats for f in fits]
    else:
        rel = [f.per_token - said.per_token for f in fits]
    best = max(range(len(candidates)), key=lambda i: rel[i])
    if best == 0 and ASKED_CLOSEST_MARGIN is not None:
        return candidates[0] if rel[0] >= -max(ASKED_MARGIN, ASKED_CLOSEST_MARGIN) else None
    return candidates[best] if rel[best] >= -ASKED_MARGIN else None


def question_texts(matcher: Matcher) -> dict[str, str]:
    """The content's own questions, as heard text is written (lower case, no
    punctuation), each with its entry's id: every FAQ question and every
    entry's "Also asked" phrasing. The first entry keeps a text two share."""
    return _questions_of(matcher)[0]


def is_contents_question(text: str, matcher: Matcher) -> bool:
    """Whether ``text``, written as heard text is, is one of the content's
    own questions (``question_texts``): an FAQ question, or an "Also asked"
    line an editor or a caregiver added."""
    return " ".join(_WORD.findall(text.lower())) in _questions_of(matcher)[0]


def closest_questions(text: str, matcher: Matcher, n: int) -> list[str]:
    """The ``n`` question texts (``question_texts``) whose sound keys are most
    like ``text``'s (``sound_alike.key`` of every word, joined: a misheard
    question loses its word boundaries first), closest first."""
    from rapidfuzz import fuzz, process

    keys = _questions_of(matcher)[1]
    heard = _text_key(text)
    if not heard:
        return []
    found = process.extract(heard, keys, scorer=fuzz.ratio, limit=n)
    return [q for _, _, q in found]


def _questions_of(matcher: Matcher) -> tuple[dict[str, str], dict[str, str]]:
    """``question_texts`` and each text's sound key, made once for the
    matcher's content (again when its content changes)."""
    kb = matcher.kb
    with _questions_lock:
        known = _questions.get(matcher)
        if known is not None and known[0] is kb:
            return known[1], known[2]
    texts: dict[str, str] = {}
    for e in kb.entries:
        for q in ((e.title,) if e.kind == "faq" else ()) + tuple(e.phrasings):
            words = " ".join(_WORD.findall(q.lower()))
            if words:
                texts.setdefault(words, e.id)
    keys = {q: _text_key(q) for q in texts}
    with _questions_lock:
        _questions[matcher] = (kb, texts, keys)
    return texts, keys


def _text_key(text: str) -> str:
    from voice.matching.sound_alike import key

    return "".join(key(w) for w in _WORD.findall(text.lower()))


_WORD = re.compile(r"[a-z0-9']+(?:-[a-z0-9']+)*")
_questions_lock = threading.Lock()
_questions: weakref.WeakKeyDictionary[
    Matcher, tuple[object, dict[str, str], dict[str, str]]] = weakref.WeakKeyDictionary()


def _understood(heard: Transcript, matcher: Matcher) -> tuple[str, bool]:
    text, doubtful = query_of(heard), is_doubtful(heard, prompt_copied_words(matcher))
    ours = matcher.is_content_word
    noun = noun_read(text, ours) if noun_read(heard.text, ours) is not None else None
    if noun is not None:
        # "wrong with my nervous", "what is else": the noun meant ("nerves",
        # "als"), offered only (voice/conversation/noun_heard.py). Read in
        # every word written too, so that "my nervous system" with "system"
        # unsure is not read.
        text, doubtful = noun, True
    if heard.alternatives and (doubtful or not ALTERNATIVES_WHEN_DOUBTFUL):
        from voice.speech_in.whisper.alternatives import offered_alternative

        alt = offered_alternative(heard, text, doubtful, matcher)
        if alt is None and doubtful:
            alt = agreed_alternative(heard, text, matcher)
        if alt is not None:
            return alt, True
    elif not doubtful and SURE_ALTERNATIVES_AGREE is not None:
        alt = unmatched_agreed(heard, text, matcher)
        if alt is not None:
            return alt, True
    if doubtful and heard.words:
        # Misheard words read as the content words they sound like ("grab
        # is" -> gravis), offered only (voice/matching/sound_alike.py).
        from voice.matching.sound_alike import offered_reading

        alike = offered_reading(heard.words, text, matcher, sure_word_for(heard.engine),
                                surely_heard(heard))
        if alike is not None:
            return alike, True
    if heard.words:
        repaired = _repaired_or_kept(heard, text, matcher)
        if repaired is not None:
            return repaired, True
    return _without_lost_subject(heard, text, matcher), doubtful


#: Whisper's other hearings of a doubtful utterance (whisper/alternatives.py)
#: that agree among themselves on another entry than what was heard: when
#: what was heard would be offered one entry and at least this many of the
#: alternatives would each be offered one other entry, all the same, at
#: ``confidence.OFFER_SCORE`` or more (and more than what was heard scores),
#: that entry is offered instead ("would a walking frame help me get about"
#: heard "what are working frame help me get them out", offered daily life;
#: its three alternatives "will the walking frame help me ..." all offer
#: assistive devices at 96). It only swaps one offer for another: nothing
#: is answered outright from it. Tuning halves (scripts/tune_spoken_oos.py
#: --seed <main's cache> --compare --constant ALTERNATIVES_AGREE --floors
#: 1,2,3, 2026-12-03): right entry tuning.tsv 138 -> 139 of 166 and dev.tsv
#: even 180 -> 182 of 318 (1: one more, a phrasing the content holds word
#: for word), out of scope the same. Held out, once, with
#: SURE_ALTERNATIVES_AGREE (scripts/tune_hear15.py --heldout): espeak-ng
#: 516 -> 520 of 696, natural voices 199 -> 202 of 232, answered wrong and
#: out of scope declined unchanged (docs/speech-in.md, "Branch hear15").
#: None turns it off.
ALTERNATIVES_AGREE: int | None = 2


def agreed_alternative(heard: Transcript, text: str, matcher: Matcher) -> str | None:
    """The alternative of ``heard`` to offer instead of ``text`` (what would
    be matched of it) when the alternatives agree on another entry (see
    ALTERNATIVES_AGREE), else None."""
    if ALTERNATIVES_AGREE is None or len(heard.alternatives) < ALTERNATIVES_AGREE:
        return None
    from voice.speech_in.whisper.alternatives import acts_on_its_own
    from voice.speech_in.whisper.confidence import OFFER_SCORE

    if acts_on_its_own(heard.text):
        return None
    mine = matcher.match(text, doubtful=True, heard=True)
    if mine.outcome != "confirm" or mine.entry is None:
        return None
    votes: dict[str, list[str]] = {}
    for alt in heard.alternatives:
        r = matcher.match(alt, doubtful=True, heard=True)
        if r.outcome == "no_match" or r.entry is None or not r.candidates:
            continue
        if r.entry.id == mine.entry.id:
            return None  # an alternative backs what was heard
        if r.candidates[0].score >= max(OFFER_SCORE, mine.score + 1e-9):
            votes.setdefault(r.entry.id, []).append(alt)
    agreed = [alts for alts in votes.values() if len(alts) >= ALTERNATIVES_AGREE]
    return agreed[0][0] if len(agreed) == 1 else None


#: A question heard surely that matches nothing: Whisper's other hearings of
#: it (searched only then) are read, and an entry that at least this many of
#: them would each be offered at ``confidence.OFFER_SCORE`` or more is
#: offered, never answered. Tuning clips heard surely and declined (88 in
#: scope, 95 out; scripts/tune_hear15.py --beam-rule None,1,2,3): 1: 6 right
#: and 1 wrong offered, 2: 3 and 1, 3: 2 and 0; no out-of-scope request
#: offered at any (with SURE_ALTERNATIVES_BELOW). Costs a beam search (159 ms
#: of CPU against 1,013 ms for the decode) for such questions only. None
#: turns it off.
SURE_ALTERNATIVES_AGREE: int | None = 2

#: ... and only when a word of it that is not a function word was heard less
#: surely than this: a question heard surely word for word that matches
#: nothing is most likely about something else ("how do i treat a sunburn",
#: heard right, its beam's "how do i treat us on burn" and "... a sonburn"
#: offering treatments).
SURE_ALTERNATIVES_BELOW = 0.5


def unmatched_agreed(heard: Transcript, text: str, matcher: Matcher) -> str | None:
    """The alternative of ``heard`` (heard surely) to offer when ``text``
    matches nothing and its alternatives agree on one entry (see
    SURE_ALTERNATIVES_AGREE), else None."""
    if SURE_ALTERNATIVES_AGREE is None or heard.engine != "whisper" or not heard.words:
        return None
    from voice.speech_in.whisper.alternatives import acts_on_its_own
    from voice.speech_in.whisper.confidence import OFFER_SCORE

    if acts_on_its_own(heard.text) or not any(
            p < SURE_ALTERNATIVES_BELOW and not is_function_word(w) for w, p in heard.words):
        return None
    if matcher.match(text, doubtful=False, heard=True).outcome != "no_match":
        return None
    alternatives = heard.alternatives
    if not alternatives:  # searched only now, that nothing matched
        search = getattr(getattr(heard, "scorer", None), "alternatives", None)
        alternatives = list(search(heard.text)) if search is not None else []
    votes: dict[str, list[str]] = {}
    for alt in alternatives:
        r = matcher.match(alt, doubtful=True, heard=True)
        if (r.outcome != "no_match" and r.entry is not None and r.candidates
                and r.candidates[0].score >= OFFER_SCORE):
            votes.setdefault(r.entry.id, []).append(alt)
    agreed = [alts for alts in votes.values() if len(alts) >= SURE_ALTERNATIVES_AGREE]
    return agreed[0][0] if len(agreed) == 1 else None


#: The words of a hearing to match (``query_of``) that break off mid-sentence
#: only because barely heard words were left out ("what causes my [brain]",
#: "how long do my [more young men]") lost what was asked about: nothing is
#: offered or answered from them. They match nothing, so the checks by the
#: audio (``checked_by_audio``, ``asked_by_audio``) may still offer one of the
#: content's questions; else the request is declined as not caught ("Sorry, I
#: didn't catch that. Please say it again"). A line the user broke off
#: themselves is the conversation's (voice/conversation/unfinished.py).
#: Tuning halves (scripts/tune_spoken_oos.py --compare --constant
#: LOST_SUBJECT --floors 1, 2026-12-02, AMD EPYC; 317 in-scope and 391
#: out-of-scope clips decoded): out of scope declined, dev.tsv even 44 -> 46
#: of 48, health-tuning 146 -> 149 of 158 (answered outright 3 -> 2); every
#: in-scope outcome the same (right entry 248 of 317). Held out, once: out of
#: scope declined espeak-ng 129 -> 129 of 138, natural voices 45 -> 46 of 46;
#: right entry 367 -> 366 of 506 espeak-ng clips. docs/speech-in.md ("A
#: hearing that lost its subject"). False turns it off.
LOST_SUBJECT = True


#: The last word Whisper heard is no English word and was heard less surely
#: than this: what was asked about is a word Whisper could not spell, though
#: the content's subjects are spelt in its prompt, so what is left lost its
#: subject (as LOST_SUBJECT): nothing is offered or answered from it.
#: "restaurant order status" heard "rest run disorders tangus(0.17)" was
#: answered outright with whether neuromuscular disorders are hereditary;
#: "how do i treat conjunctivitis" heard "... treat conductingitis(0.17)"
#: and "book a taxi" heard "welcome to toxie(0.22)" were offered treatments
#: and medication. A non-word inside the hearing is left as it was ("how
#: will the neurolocus(0.19) test me" was answered right), and the steps
#: before it (alternatives, sound-alike readings, repairs) still come first.
#: Tuning halves (scripts/tune_spoken_oos.py --compare --constant
#: UNSPELT_SUBJECT --floors 0.2,0.3,0.4,0.5, 2026-12-03): out of scope
#: declined (tuning.tsv, health-tuning, foreign-tuning) 0.2: +2, 0.3: +3
#: (94 -> 95 of 96, 151 -> 152 of 158, 90 -> 91 of 92; answered outright 1
#: -> 0), every in-scope outcome the same; 0.4 also declines a wrong offer
#: ("what's called in pasms(0.34)"); 0.5 loses a right offer ("what exactly
#: is this pasm(0.45)"). In-scope last non-words: 0.22 (taken by an
#: alternative first), 0.45, 0.51. **Off** (None): held out, once, with
#: OTHER_SUBJECT, no more declined and two right entries lost (see there).
UNSPELT_SUBJECT: float | None = None


def _without_lost_subject(heard: Transcript, text: str, matcher: Matcher) -> str:
    """``text`` (the words of ``heard`` to match), or "" when leaving out
    barely heard words cut it off mid-sentence (see LOST_SUBJECT) or left out
    its last word, a non-word (see UNSPELT_SUBJECT)."""
    if heard.engine != "whisper" or not heard.words or text != query_of(heard):
        return text
    from voice.conversation.unfinished import is_unfinished
    from voice.speech_in.whisper.alternatives import acts_on_its_own

    if acts_on_its_own(heard.text):
        return text
    if (LOST_SUBJECT and text != heard.text and is_unfinished(text)
            and not is_unfinished(heard.text)):
        return ""
    if UNSPELT_SUBJECT is not None and matcher.scope is not None:
        last, sure = heard.words[-1]
        english = matcher.scope.english
        if sure < UNSPELT_SUBJECT and not all(
                english.knows(t) for t in normalize.clean(last).split()):
            return ""
    return text


#: A word Whisper heard right but below its sure-word threshold is put back,
#: for an offer only, when without it the question matches nothing, it is an
#: English word (no mishearing into a non-word), it was heard at least
#: UNHEARD_WORD surely (below that the question is doubtful anyway and the
#: sound-alike reading restores rare content words), and with it the question
#: names a subject (Matcher.names_subject): "what gear(0.16) is there to help
#: me move about" became "what is there to help me move about", declined,
#: where the words as heard are offered the assistive-devices entry.
#: Tuning halves, Whisper (2026-12-02, docs/benchmarks.md "Repairs of what was
#: heard"): espeak-ng right entry tuning.tsv 587 -> 588 of 780, dev.tsv even
#: 181 -> 183 of 318 (offered a wrong entry 56 -> 57, 29 -> 30; none more answered
#: wrong), out-of-scope declined unchanged in every set (with no
#: floor: one uncovered health question and one foreign request offered an
#: entry). Whisper only: measured on its word probabilities. Set False to
#: measure without it.
KEEP_DOUBTED_SUBJECT = True


def _repaired_or_kept(heard: Transcript, text: str, matcher: Matcher) -> str | None:
    """What to offer instead of ``text`` (the words the engine is sure of):
    a heard non-word read as the content word it sounds like
    (``sound_alike.repaired_non_words``), or a doubted English word put back
    when it makes the question name a subject (KEEP_DOUBTED_SUBJECT); None
    to keep ``text``. Both are offered, never answered outright."""
    from voice.matching.sound_alike import repaired_non_words

    sure = surely_heard(heard)
    fixed = repaired_non_words(heard.words, text, matcher, sure)
    if fixed is not None and matcher.match(fixed, doubtful=True, heard=True,
                                           sure=sure).outcome != "no_match":
        return fixed
    if not KEEP_DOUBTED_SUBJECT or matcher.scope is None or heard.engine != "whisper":
        return None
    sure_word, floor = sure_word_for(heard.engine), _whisper_unheard_word()
    english = matcher.scope.english
    kept = [w for w, c in heard.words
            if c >= sure_word or (c >= floor and all(
                english.knows(t) for t in normalize.clean(w).split()))]
    if len(kept) == len([w for w, c in heard.words if c >= sure_word]):
        return None  # nothing put back
    fuller = " ".join(kept)
    if (matcher.names_subject(text) or not matcher.names_subject(fuller)
            or matcher.match(text, doubtful=True, heard=True, sure=sure).outcome != "no_match"):
        return None
    got = matcher.match(fuller, doubtful=True, heard=True, sure=sure)
    return fuller if got.outcome != "no_match" else None


def surely_heard(heard: Transcript) -> frozenset[str]:
    """The words of ``heard`` the engine is sure of enough to keep even when no
    dictionary knows them (Whisper's SURE_UNKNOWN_WORD): "appendicitis" heard
    surely names another subject, not a mishearing (Matcher.match). Other
    engines write only words of their dictionaries: none."""
    if heard.engine != "whisper":
        return frozenset()
    from voice.speech_in.whisper.confidence import SURE_UNKNOWN_WORD

    return frozenset(w for w, c in heard.words if c >= SURE_UNKNOWN_WORD)


def _whisper_unheard_word() -> float:
    from voice.speech_in.whisper.confidence import UNHEARD_WORD

    return UNHEARD_WORD


def sure_word_for(engine: str) -> float:
    """SURE_WORD on ``engine``'s confidence scale (Whisper's own, measured)."""
    if engine == "whisper":
        from voice.speech_in.whisper.confidence import SURE_WORD as WHISPER_SURE_WORD

        return WHISPER_SURE_WORD
    return SURE_WORD


def sure_answer_for(engine: str) -> float:
    """SURE_ANSWER on ``engine``'s confidence scale (Whisper's own, measured)."""
    if engine == "whisper":
        from voice.speech_in.whisper.confidence import SURE_ANSWER as WHISPER_SURE_ANSWER

        return WHISPER_SURE_ANSWER
    return SURE_ANSWER
