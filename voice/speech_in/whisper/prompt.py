"""Whisper's initial prompt: the content's FAQ questions.

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

from collections.abc import Callable

from voice.content.model import KnowledgeBase

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


def build_prompt(kb: KnowledgeBase | None, count_tokens: Callable[[str], int],
                 limit: int = MAX_PROMPT_TOKENS) -> str:
    """The prompt for ``kb`` within ``limit`` tokens (``count_tokens`` counts
    them with the model's own tokenizer); empty without content."""
    if kb is None:
        return ""
    kept: list[str] = []
    for line in _lines(kb):
        trial = " ".join([*kept, line])
        if count_tokens(" " + trial) > limit:
            continue  # a shorter line further on may still fit
        kept.append(line)
    return " ".join(kept)
