"""The sentences a recognizer is adapted to: our content, our commands, and
everyday talk that is NOT about our content.

The out-of-scope sentences matter as much as the in-scope ones: a language
model that only knows health questions forces "what's the weather like" into
health words, and the matcher then answers a question nobody asked.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from voice.content.model import KnowledgeBase
from voice.speech_in.pocketsphinx.lexicon import words_of

#: What a user says to steer the conversation (kept in step with the
#: conversation core's commands; extra phrases here cost nothing).
COMMAND_PHRASES: tuple[str, ...] = (
    "repeat", "repeat that", "say that again", "say it again", "again please",
    "slower", "speak slower", "slower please", "faster", "speak faster",
    "louder", "speak louder", "quieter", "softer", "stop", "stop talking", "be quiet",
    "more", "tell me more", "go on", "continue", "next", "help", "i need help",
    "what can i ask", "what can i ask you", "what do you know about", "list topics",
    "list the topics", "what are the topics", "yes", "yes please", "no", "no thanks",
    "no thank you", "the first one", "the second one", "the third one", "first", "second",
    "third", "go back", "back", "previous", "goodbye", "bye", "stop listening",
    "wake up", "what", "sorry", "pardon", "i didn't understand", "cancel", "never mind",
    "thank you", "thanks", "okay", "start again", "menu",
    "give me more time", "wait longer", "you cut me off", "let me finish",
    "don't wait so long", "answer sooner",
)

#: Words of an emergency, as people say them (each one is_emergency()). Without
#: them the language model had no "breathe", "chest" or "ambulance": spoken
#: "I can't breathe" came out as "not really", "chest pain" as "does brain",
#: and the emergency advice, which must come first, was never given.
EMERGENCY_PHRASES: tuple[str, ...] = (
    "i can't breathe", "i cannot breathe", "he can't breathe", "she can't breathe",
    "i can't breathe properly", "help me i can't breathe", "i'm having trouble breathing",
    "i have difficulty breathing", "it's hard to breathe", "i'm struggling to breathe",
    "he's not breathing", "she's not breathing", "i'm short of breath",
    "shortness of breath", "chest pain", "i have chest pain", "i'm having chest pain",
    "my chest hurts", "pain in my chest", "chest pressure", "heart attack",
    "i think i'm having a heart attack", "i'm choking", "he's choking", "she's choking",
    "i'm having a stroke", "i think i'm having a stroke", "i'm having a seizure",
    "he's having a seizure", "she's having a seizure", "i want to die",
    "i want to kill myself", "i feel suicidal", "i want to end my life",
    "i took an overdose", "i've been poisoned", "he's unconscious", "she's unconscious",
    "he passed out", "she passed out", "i fainted", "he collapsed", "she collapsed",
    "he's not responding", "she's unresponsive", "severe bleeding", "heavy bleeding",
    "this is an emergency", "it's an emergency", "call an ambulance",
    "call nine one one", "i can't swallow at all", "i can't move at all",
    "i fell and can't get up", "i have fallen and cannot get up",
)

#: Everyday talk outside our content, one sentence a line (see the module
#: docstring and the file's own header). Shipped inside the package.
EVERYDAY_FILE = Path(__file__).with_name("everyday.txt")


def read_sentences(path: str | Path) -> tuple[str, ...]:
    """The lines of a sentence file; blank lines and '#' comments skipped."""
    out = []
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


#: Everyday requests outside our content, so the language model has somewhere
#: to put them. Generic on purpose: none of our content's words.
OUT_OF_SCOPE_SENTENCES: tuple[str, ...] = read_sentences(EVERYDAY_FILE)


@dataclass(frozen=True)
class Corpus:
    """Sentences to build a language model from, one per line, lower-case words."""

    in_scope: tuple[str, ...]
    """Entry titles, phrasings, keywords, tuning questions and answer sentences."""
    commands: tuple[str, ...]
    """Conversation commands."""
    out_of_scope: tuple[str, ...]
    """Everyday talk that no entry answers."""

    def lines(self) -> list[str]:
        """Every sentence, normalised; the order is stable so hashes are too."""
        out = []
        for sentence in (*self.in_scope, *self.commands, *self.out_of_scope):
            words = words_of(sentence)
            if words:
                out.append(" ".join(words))
        return out

    def vocabulary(self) -> list[str]:
        """Sorted distinct words of every sentence."""
        return sorted({w for line in self.lines() for w in line.split()})


def _sentences(text: str) -> list[str]:
    """Split answer prose into sentences (good enough for LM counts)."""
    parts: list[str] = []
    for para in text.split("\n"):
        chunk = ""
        for ch in para:
            chunk += ch
            if ch in ".!?;:":
                parts.append(chunk)
                chunk = ""
        parts.append(chunk)
    return [p.strip() for p in parts if p.strip()]


#: How often a question-like line counts against one answer sentence: people
#: ask in question words, and answers only add vocabulary.
QUESTION_WEIGHT = 3
#: Commands are short, so the language model needs them often to hear them at all.
COMMAND_WEIGHT = 8
#: Emergencies count like everyday talk. Measured on espeak-ng speech (ten
#: emergencies in four voices; held-out questions in en-us and en): weight 2
#: heard 17 of 40 emergencies (1 of 40 without them), and held-out questions
#: stayed as before (136 of 232 right entry, 41 of 46 out of scope declined),
#: 2 of 278 heard as an emergency. Weight 8 heard 21 of 40 but cost 3 right
#: entries, and nudged other words' confidences across the sure-word limits.
EMERGENCY_WEIGHT = 2
#: Topic numbers ("number seven") count less than commands: there are many
#: of them, and each is said less often.
CHOICE_WEIGHT = 2
#: Everyday talk counts twice: measured on the tuning questions (six espeak-ng
#: conditions, language model without the fold's questions), weight 2 against
#: 1 declined 83 % of out-of-scope questions instead of 81 %, right entry 45.9 %
#: instead of 45.7 %.
EVERYDAY_WEIGHT = 2


def build_corpus(
    kb: KnowledgeBase | None,
    extra_questions: Iterable[str] = (),
    *,
    include_answers: bool = True,
) -> Corpus:
    """The corpus for ``kb``, plus extra in-scope questions when a caller has them.

    The assistant itself passes none: every way of asking it knows is in the
    content's phrasings, and the everyday talk is in ``everyday.txt``.
    """
    questions: list[str] = []
    prose: list[str] = []
    if kb is not None:
        for e in kb.entries:
            questions.append(e.title)
            if e.parent:
                questions.append(e.parent)
            questions.extend(e.phrasings)
            questions.extend(e.keywords)
            # Short questions made from titles, as users say them.
            questions.append(f"tell me about {e.title}")
            questions.append(f"what about {e.title}")
            if include_answers:
                prose.extend(_sentences(e.answer))
    questions.extend(extra_questions)
    in_scope = tuple(q for q in questions for _ in range(QUESTION_WEIGHT)) + tuple(prose)
    everyday = tuple(s for s in OUT_OF_SCOPE_SENTENCES for _ in range(EVERYDAY_WEIGHT))
    commands = command_phrases()
    commands += tuple(p for p in EMERGENCY_PHRASES for _ in range(EMERGENCY_WEIGHT))
    if kb is not None:
        from voice.conversation.choices import spoken_choices

        numbers = spoken_choices(len(kb.entries))
        commands += tuple(p for p in numbers for _ in range(CHOICE_WEIGHT))
    return Corpus(in_scope, commands, everyday)


def command_phrases() -> tuple[str, ...]:
    """Every phrasing the conversation understands as a command, weighted like a question.

    Taken from the conversation core itself, so a command it accepts can
    always be recognised ("quit" once came out as "will it").
    """
    from voice.conversation.commands import PHRASINGS

    phrases = dict.fromkeys((*COMMAND_PHRASES, *(p for ps in PHRASINGS.values() for p in ps)))
    return tuple(p for p in phrases for _ in range(COMMAND_WEIGHT))


@dataclass(frozen=True)
class LabelledQuestion:
    """One line of tests/data/tuning.tsv or heldout.tsv."""

    text: str
    """The question as a person would say it."""
    expected: str | None
    """Id of the entry that answers it; None for out-of-scope ("-")."""


def read_labelled(path: str | Path) -> list[LabelledQuestion]:
    """Read a question<TAB>entry-id file; blank lines and '#' comments skipped."""
    out: list[LabelledQuestion] = []
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        text, _, expected = line.partition("\t")
        expected = expected.strip()
        out.append(LabelledQuestion(text.strip(), None if expected in ("", "-") else expected))
    return out


def labelled_texts(items: Sequence[LabelledQuestion]) -> list[str]:
    return [q.text for q in items]
