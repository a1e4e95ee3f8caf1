"""Whisper's initial prompt: the content's FAQ questions (a sentence naming
what the content is about before them was measured and is off: ``LEAD``).

Whisper reads the prompt as text said just before the audio, so words of
the content become likelier without forcing them (measured, MACHINE-NOTES
section 7: in-scope questions 85 % -> 88 % right entry, one-word commands
better). ``hotwords`` were tried and hurt one-word replies ("gabapentin,
yes"), so only the prompt is used. It is built from the content loaded at
start-up, and again whenever the running assistant reads changed content
(``WhisperRecognizer.use_content``, docs/speech-in.md).

Only the FAQ questions, not the article's section titles too
(``FAQ_ONLY``): the titles pulled their words into what was said ("are
there alternative therapies" heard as "are neuromodulation therapies",
"how do I stay positive" as "how do lifestyle bars are done"). Tuning
clips (scripts/tune_decoding.py, every third in-scope tuning.tsv question
in the six conditions, 264 clips, and 60 out of scope): right entry 200 ->
210, word error rate 0.325 -> 0.278, out of scope declined 58 -> 59; the
other third (offset 1): see docs/speech-in.md. Content with no FAQ gets
its titles, as before.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from voice.content.model import KnowledgeBase
from voice.matching.normalize import clean, is_function_word

#: Whisper keeps at most 223 prompt tokens (half its 448-token context, less
#: one) and drops the oldest; staying under that keeps every line we chose
#: whole, FAQ questions first.
MAX_PROMPT_TOKENS = 200


#: The prompt holds the FAQ questions only, when the content has any (see above).
FAQ_ONLY = True


def _lines(kb: KnowledgeBase) -> list[str]:
    faq = [e.title for e in kb.entries if e.kind == "faq"]
    titles = [e.title for e in kb.entries if e.kind != "faq"]
    out: list[str] = []
    for line in (*faq, *([] if FAQ_ONLY and faq else titles)):
        line = " ".join(line.split())
        if line and line not in out:
            out.append(line if line[-1] in ".?!" else line + ".")
    return out


#: A plain sentence naming what the content is about goes before the FAQ
#: questions: "Questions about therapy, neuromuscular, disorders, spasms, nerve,
#: treatment, treatments, physical." (the words most of its entries' titles and
#: keywords use, so it follows the content). Tuning halves (branch hear16,
#: `scripts/tune_hear16.py --variants faq,lead+faq`): espeak-ng colloquial
#: dev.tsv even, every 2nd clip, right entry 102 -> 107 of 162, offered wrong
#: 15 -> 12, answered wrong 1 -> 1, out of scope declined 40 -> 38 of 42 (both
#: "where can i buy cheap shoes", offered, not answered); tuning.tsv out of
#: scope 96 / 96 both; natural voices (103 clips), real people's requests (73),
#: digits (82) and replies (17): no outcome changed. Costs nothing at run time.
#: The content's own "Also asked" phrasings in the prompt were tried: +6 / -1
#: right entries, but 5 / 4 more out-of-scope requests offered (docs/speech-in.md).
#: Off: held out, run once (`tune_hear16.py --variants faq,lead+faq --heldout
#: --stride 2`, 749 clips), espeak-ng right entry 167 -> 175 of 226 but answered
#: wrong 0 -> 2 (a wrong answer read in full is the worst failure), colloquial
#: 109 -> 117 of 226, natural voices 60 -> 59 of 72 and 55 -> 55 of 74, out of
#: scope unchanged.
LEAD = False
#: How many words the sentence names.
LEAD_WORDS = 8
#: Words of asking, and the content's own heading word, that name no subject.
_NOT_SUBJECTS = frozenset({"what", "which", "does", "should", "there", "about", "with",
                           "when", "your", "this", "that", "have", "summary"})


def lead_sentence(kb: KnowledgeBase) -> str:
    """"Questions about ..." naming the words that the most entries' titles
    and keywords use (each entry counts a word once; longer than 3 letters)."""
    counts: Counter[str] = Counter()
    for e in kb.entries:
        # dict.fromkeys: each word once, in the content's order, so ties keep
        # the order the content names them in (a set's order changes per run).
        counts.update(list(dict.fromkeys(
            w for w in clean(" ".join((e.title, *e.keywords))).split()
            if len(w) > 3 and w not in _NOT_SUBJECTS)))
    top = [w for w, _ in counts.most_common(LEAD_WORDS)]
    return "Questions about " + ", ".join(top) + "." if top else ""


#: A word in this many of the prompt's sentences or more is one tiny.en writes
#: over other words (conversation/heard.py, PROMPT_COPIED): "neuromuscular"
#: and "disorders", in 3 of the 8 FAQ questions, were written for "nerve
#: stimulators" and "natural remedies"; "spasms", in 2, doubted as well turned
#: 13 right answers into offers for one wrong answer fewer (branch heard37).
REPEATED_IN = 3


def repeated_words(kb: KnowledgeBase | None) -> frozenset[str]:
    """The words (not function words) that REPEATED_IN or more of the prompt's
    sentences for ``kb`` share: the content's own, so edited content keeps
    its check (heard.PROMPT_COPIED is this for the shipped content)."""
    if kb is None:
        return frozenset()
    counts = Counter(w for line in _lines(kb) for w in set(clean(line).split())
                     if not is_function_word(w))
    return frozenset(w for w, n in counts.items() if n >= REPEATED_IN)


def build_prompt(kb: KnowledgeBase | None, count_tokens: Callable[[str], int],
                 limit: int = MAX_PROMPT_TOKENS) -> str:
    """The prompt for ``kb`` within ``limit`` tokens (``count_tokens`` counts
    them with the model's own tokenizer); empty without content."""
    if kb is None:
        return ""
    kept: list[str] = []
    lead = lead_sentence(kb) if LEAD else ""
    for line in ([lead] if lead else []) + _lines(kb):
        trial = " ".join([*kept, line])
        if count_tokens(" " + trial) > limit:
            continue  # a shorter line further on may still fit
        kept.append(line)
    return " ".join(kept)
