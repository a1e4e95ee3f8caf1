#!/usr/bin/env python3
"""Benchmark of the assistant: prints figures, asserts nothing.

    .venv/bin/python scripts/benchmark.py            # matching (text)
    .venv/bin/python scripts/benchmark.py --all      # + spoken questions, speech out

Matching is measured on tests/data/heldout.tsv, a set never used for tuning,
against two baselines: rapidfuzz.process.extractOne over the titles, and
plain BM25 over title and body.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from rapidfuzz import fuzz, process  # noqa: E402

from voice.content.loader import load_knowledge  # noqa: E402
from voice.content.model import Entry, KnowledgeBase  # noqa: E402
from voice.matching import normalize  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.matching.scope import ScopeModel  # noqa: E402

DATA = REPO / "tests" / "data"
#: A guess: the entry id, or None for "declined".
Guess = Callable[[str], "str | None"]


def labelled(name: str) -> list[tuple[str, set[str] | None]]:
    rows: list[tuple[str, set[str] | None]] = []
    for line in (DATA / name).read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        q, expected = line.split("\t")[:2]
        rows.append((q, None if expected == "-" else set(expected.split("|"))))
    return rows


def score(guess: Guess, rows: list[tuple[str, set[str] | None]]) -> tuple[float, float, int, int]:
    inscope = [(q, e) for q, e in rows if e is not None]
    oos = [q for q, e in rows if e is None]
    right = sum(1 for q, e in inscope if guess(q) in e)
    declined = sum(1 for q in oos if guess(q) is None)
    return (100 * right / len(inscope), 100 * declined / len(oos) if oos else 0.0,
            len(inscope), len(oos))


def ours(matcher: Matcher) -> Guess:
    def guess(q: str) -> str | None:
        r = matcher.match(q)
        return r.entry.id if r.outcome != "no_match" and r.entry else None
    return guess


def ours_strict(matcher: Matcher) -> Guess:
    def guess(q: str) -> str | None:
        r = matcher.match(q)
        return r.entry.id if r.outcome == "answer" and r.entry else None
    return guess


def offered_rate(matcher: Matcher, rows: list[tuple[str, set[str] | None]]) -> float:
    """Share of in-scope questions whose right entry is answered or offered by name."""
    inscope = [(q, e) for q, e in rows if e is not None]
    hits = 0
    for q, e in inscope:
        r = matcher.match(q)
        shown = [r.entry] if r.outcome == "answer" else r.offered if r.outcome == "confirm" else []
        hits += any(x is not None and x.id in e for x in shown)
    return 100 * hits / len(inscope)


def leave_one_out(kb: KnowledgeBase, rows: list[tuple[str, set[str] | None]]) -> float:
    """Tuning questions matched with their own phrasing taken out of the content."""
    inscope = [(q, e) for q, e in rows if e is not None]
    right = 0
    for q, e in inscope:
        entries = tuple(
            dataclasses.replace(x, phrasings=tuple(p for p in x.phrasings if p.lower() != q))
            for x in kb.entries
        )
        r = Matcher(KnowledgeBase(entries)).match(q)
        right += r.outcome != "no_match" and r.entry is not None and r.entry.id in e
    return 100 * right / len(inscope)


def extract_one_titles(kb: KnowledgeBase, cutoff: float = 60.0) -> Guess:
    titles = [e.title for e in kb.entries]

    def guess(q: str) -> str | None:
        hit = process.extractOne(q, titles, scorer=fuzz.WRatio, score_cutoff=cutoff)
        return kb.entries[hit[2]].id if hit else None
    return guess


def bm25(kb: KnowledgeBase) -> Guess:
    from rank_bm25 import BM25Okapi

    docs = [normalize.tokens(f"{e.title} {e.answer}") for e in kb.entries]
    index = BM25Okapi(docs)

    def guess(q: str) -> str | None:
        toks = normalize.tokens(q)
        if not toks:
            return None
        scores = index.get_scores(toks)
        best = max(range(len(scores)), key=scores.__getitem__)
        return kb.entries[best].id if scores[best] > 0 else None
    return guess


def per_question_ms(fn: Callable[[str], object], questions: list[str], repeat: int = 5) -> float:
    fn(questions[0])
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        for q in questions:
            fn(q)
        runs.append((time.perf_counter() - t) / len(questions) * 1000)
    return statistics.median(runs)


def synthetic_kb(kb: KnowledgeBase, n: int, seed: int = 7) -> KnowledgeBase:
    """The real entries plus generated ones built from real and invented words."""
    rng = random.Random(seed)
    words = sorted({w for e in kb.entries for w in normalize.clean(e.answer).split()})
    invented = ["".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3))
                for _ in range(4000)]
    pool = words + invented
    extra = []
    for i in range(n - len(kb.entries)):
        title = " ".join(rng.choice(pool) for _ in range(rng.randint(2, 6))).capitalize()
        body = " ".join(rng.choice(pool) for _ in range(rng.randint(20, 60))) + "."
        extra.append(Entry(id=f"gen-{i}", kind="section", title=f"{title} {i}", answer=body,
                           keywords=tuple(rng.sample(pool, 3))))
    return KnowledgeBase(kb.entries + tuple(extra))


def text_benchmark() -> None:
    kb = load_knowledge([REPO / "content"])
    t = time.perf_counter()
    matcher = Matcher(kb)
    build_ms = (time.perf_counter() - t) * 1000
    heldout, tuning = labelled("heldout.tsv"), labelled("tuning.tsv")
    print("== Matching (text) ==")
    print(f"entries: {len(kb.entries)}; index built in {build_ms:.1f} ms")
    header = f"{'method':44} {'set':8} {'in-scope top-1':>15} {'out-of-scope declined':>22}"
    print(header)
    methods: list[tuple[str, Guess]] = [
        ("ours (answer or confirm with right entry)", ours(matcher)),
        ("ours, strict (answered outright)", ours_strict(matcher)),
        ("baseline: rapidfuzz extractOne titles>=60", extract_one_titles(kb)),
        ("baseline: BM25 title+body", bm25(kb)),
    ]
    for name, guess in methods:
        for set_name, rows in (("held-out", heldout), ("tuning", tuning)):
            acc, rej, n_in, n_out = score(guess, rows)
            print(f"{name:44} {set_name:8} {acc:14.1f}% {rej:21.1f}%   (n={n_in}+{n_out})")
    print(f"held-out, right entry answered or offered in 'Did you mean': "
          f"{offered_rate(matcher, heldout):.1f}%")
    print(f"tuning, leave-one-out (own phrasing removed from the content): "
          f"{leave_one_out(kb, tuning):.1f}%")
    questions = [q for q, _ in heldout]
    print(f"marginal cost, ours: {per_question_ms(matcher.match, questions):.3f} ms/question")
    print(f"marginal cost, extractOne: "
          f"{per_question_ms(extract_one_titles(kb), questions):.3f} ms/question")
    print(f"marginal cost, BM25: {per_question_ms(bm25(kb), questions):.3f} ms/question")
    big = synthetic_kb(kb, 10_000)
    t = time.perf_counter()
    big_matcher = Matcher(big)
    big_build = time.perf_counter() - t
    big_ms = per_question_ms(big_matcher.match, questions, repeat=3)
    acc, rej, _, _ = score(ours(big_matcher), heldout)
    big_plain = Matcher(big, check_scope=False)
    acc0, rej0, _, _ = score(ours(big_plain), heldout)
    # The generated entries are random words: they flatten the content's word
    # model, so the scope check declines more there than with real content.
    print(f"10,000 entries: {big_ms:.2f} ms/question (index built in {big_build:.1f} s); "
          f"held-out top-1 {acc:.1f}%, declined {rej:.1f}% (without the scope check, "
          f"which random generated entries defeat: {acc0:.1f}%, {rej0:.1f}%)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process so far: {rss:.0f} MB")


def _set(name: str) -> list[str]:
    return [line.split("\t")[0] for line in (DATA / name).read_text().splitlines()
            if line.strip() and not line.startswith("#")]


def _taken(matcher: Matcher, questions: list[str]) -> int:
    """Questions the conversation answers or offers ("Did you mean ...?"); a
    request that is a voice command ("stop", "louder") is not taken."""
    return _taken_answered(matcher, questions)[0]


def _taken_answered(matcher: Matcher, questions: list[str]) -> tuple[int, int]:
    """As ``_taken``, and how many of them were answered outright: for a
    question that is not ours, a wrong answer read in full (the worst
    failure, issue 14's brief for scope14 asks for it on every set)."""
    from voice.conversation.conversation import Conversation

    taken = answered = 0
    for q in questions:
        reply = Conversation(matcher.kb, matcher=matcher).respond(q)
        taken += reply.outcome in ("answer", "confirm")
        answered += reply.outcome == "answer"
    return taken, answered


def _answered_wrong(matcher: Matcher, rows: Sequence[tuple[str, set[str] | None]]) -> int:
    """Questions answered outright with an entry that is not theirs (any entry,
    for a question that is out of scope)."""
    wrong = 0
    for q, e in rows:
        r = matcher.match(q)
        wrong += (r.outcome == "answer" and r.entry is not None
                  and (e is None or r.entry.id not in e))
    return wrong


def ours_by_others(checked: Matcher, plain: Matcher, name: str) -> str:
    """Questions written by others about the content's own conditions
    (MedQuAD, scripts/make_medquad_ours_sets.py): how many the conversation
    takes (answers or offers), how many of those with a type the content
    answers get their entry answered or offered, and how many are answered
    outright with another entry; with the scope check and without."""
    rows = [line.split("\t") for line in (DATA / name).read_text().splitlines()
            if line.strip() and not line.startswith("#")]
    typed = [(q, set(e.split("|"))) for q, e, _ in rows if e != "*"]
    parts = []
    for m in (checked, plain):
        taken = _taken(m, [q for q, _, _ in rows])
        right = offered_rate(m, [(q, e) for q, e in typed]) * len(typed) / 100
        parts.append(f"taken {taken}/{len(rows)}, right entry {right:.0f}/{len(typed)}, "
                     f"answered outright with a wrong entry {_answered_wrong(m, typed)}")
    half = "tuning" if "tuning" in name else "held-out"
    return (f"MedQuAD about our conditions, {half}: {parts[0]} (without the check: "
            f"{parts[1]})")


def scope_benchmark(classifier: bool = False, health_subjects: bool = True,
                    generic: bool = True, generic_decline: bool = False) -> None:
    """Declining what is not ours, on sets written by others (tests/data/README.md);
    ``classifier``: the scope check with the classifier tried on branch
    scope-clf (trained on the tuning sets by scripts/train_scope_classifier.py;
    not shipped, see docs/out-of-scope.md); ``health_subjects``: False turns
    off the health-subject check of branch health-vocab (as before it);
    ``generic``: False turns off the generic-words check of branch scope8
    (``Matcher.generic_only``, which steps such a question down: an answer
    offered, an offer declined); ``generic_decline``: the trial that
    declines it outright instead."""
    kb = load_knowledge([REPO / "content"])
    checked, plain = Matcher(kb), Matcher(kb, check_scope=False)
    if classifier:
        sys.path.insert(0, str(REPO / "scripts"))
        import train_scope_classifier

        checked = Matcher(kb, scope_model=ScopeModel(kb, classifier=train_scope_classifier.build()))
    assert checked.scope is not None
    if not health_subjects:
        checked.scope.subjects = None
    checked.require_distinctive = generic
    checked.generic_step_down = not generic_decline
    print("== Out of scope (declined = neither answered nor offered) =="
          + (" [with the scope classifier]" if classifier else "")
          + ("" if health_subjects else " [without the health-subject check]")
          + ("" if generic else " [without the generic-words check]")
          + (" [generic words: declined outright]" if generic_decline else ""))
    print(f"{'set':52} {'with scope check':>17} {'without':>9}  target  "
          "[answered outright, i.e. wrong: with / without]")
    targets = {"foreign-heldout.tsv": 98.0, "clinc-heldout.tsv": 98.0,
               "health-heldout2.tsv": 97.0, "medquad-heldout.tsv": 97.0}
    for name, what in (
        ("foreign-heldout.tsv", "everyday requests (NLU-Evaluation-Data)"),
        ("foreign-tuning.tsv", "everyday requests (NLU-Evaluation-Data)"),
        # A second corpus by others (session 28), which feeds no word model:
        # scripts/make_clinc_sets.py.
        ("clinc-heldout.tsv", "everyday requests (CLINC150)"),
        ("clinc-tuning.tsv", "everyday requests (CLINC150)"),
        # The fresh held-out set, written before any tuning against it; the
        # first one had been looked at and is used for tuning since
        # (tests/data/README.md).
        ("health-heldout2.tsv", "uncovered health questions (fresh)"),
        ("health-heldout.tsv", "uncovered health questions (old; looked at)"),
        ("health-tuning.tsv", "uncovered health questions"),
        ("medquad-heldout.tsv", "uncovered health questions (MedQuAD)"),
        ("medquad-tuning.tsv", "uncovered health questions (MedQuAD)"),
        # Patients' own questions (K-QA, branch health-decline), and more of
        # ours written for tuning only.
        ("kqa-heldout.tsv", "uncovered health questions (K-QA patients)"),
        ("kqa-tuning.tsv", "uncovered health questions (K-QA patients)"),
        ("health-tuning2.tsv", "uncovered health questions (ours, more)"),
        # A third set of ours (branch topic-about), many made of the content's
        # own words (exercise, diet, water, sleep, stress, tablets, children).
        ("health-heldout3.tsv", "uncovered health questions (ours, third)"),
        ("health-tuning3.tsv", "uncovered health questions (ours, third)"),
        # A fourth (branch health-vocab), written without reading any held-out
        # set (near-duplicates of them dropped unread).
        ("health-heldout4.tsv", "uncovered health questions (ours, fourth)"),
        ("health-tuning4.tsv", "uncovered health questions (ours, fourth)"),
        # People's questions about COVID-19 (COVID-Q, branch scope9): search
        # suggestions, Quora, health agencies' FAQs; split by class.
        ("covidq-heldout.tsv", "uncovered health questions (COVID-Q)"),
        ("covidq-tuning.tsv", "uncovered health questions (COVID-Q)"),
        # A fifth (branch scope16), written in one go with near-duplicates of
        # every held-out set dropped unread: the never-run held-out half, as
        # the earlier held-out halves had been run by every session.
        ("health-heldout5.tsv", "uncovered health questions (ours, fifth)"),
        ("health-tuning5.tsv", "uncovered health questions (ours, fifth)"),
        # A sixth (branch scope17), written in one go, near-duplicates of
        # every set dropped unread (tests/data/README.md).
        ("health-heldout17.tsv", "uncovered health questions (ours, sixth)"),
        ("health-tuning17.tsv", "uncovered health questions (ours, sixth)"),
        # People's own questions to two websites where doctors answer
        # (session 33, branch scope39; scripts/make_forum_sets.py), which feed
        # no word model.
        ("qdoctors-heldout.tsv", "uncovered health questions (Question Doctors)"),
        ("qdoctors-tuning.tsv", "uncovered health questions (Question Doctors)"),
        ("icliniq-heldout.tsv", "uncovered health questions (iCliniq)"),
        ("icliniq-tuning.tsv", "uncovered health questions (iCliniq)"),
        # People's own questions to therapists (Counsel Chat, session 36,
        # branch scope45; scripts/make_counsel_sets.py): anger, trauma,
        # grief, addiction, self-esteem; no word model counts them.
        ("counsel/counsel-heldout.tsv", "uncovered health questions (Counsel Chat)"),
        ("counsel/counsel-tuning.tsv", "uncovered health questions (Counsel Chat)"),
        # Questions TruthfulQA's authors wrote to catch false beliefs
        # (session 44; scripts/make_truthfulqa_sets.py): health and
        # nutrition, and every other subject (law, history, weather...); no
        # word model counts them.
        ("truthfulqa/truthfulqa-health-heldout.tsv", "uncovered health questions (TruthfulQA)"),
        ("truthfulqa/truthfulqa-health-tuning.tsv", "uncovered health questions (TruthfulQA)"),
        ("truthfulqa/truthfulqa-general-heldout.tsv", "general questions (TruthfulQA)"),
        ("truthfulqa/truthfulqa-general-tuning.tsv", "general questions (TruthfulQA)"),
    ):
        qs = _set(name)
        half = ("tuning" if name == "health-heldout.tsv" or "heldout" not in name
                else "held-out")
        taken, answered = _taken_answered(checked, qs)
        taken0, answered0 = _taken_answered(plain, qs)
        with_ = 100 * (1 - taken / len(qs))
        without = 100 * (1 - taken0 / len(qs))
        target = f">= {targets[name]:.0f}%" if name in targets else ""
        print(f"{what + ', ' + half:52} {with_:16.1f}% {without:8.1f}%  {target}  (n={len(qs)})"
              f"  [answered {answered} / {answered0}]")
    dev = labelled("dev.tsv")
    heldout = labelled("heldout.tsv")
    for label, rows, target in (("dev.tsv", dev, ">= 97% declined"),
                                ("heldout.tsv", heldout, "in-scope >= 96%"),
                                # In-scope questions written in one go on
                                # branch scope16, never run before it.
                                ("inscope5-heldout.tsv", labelled("inscope5-heldout.tsv"),
                                 "fresh, held-out"),
                                ("inscope5-tuning.tsv", labelled("inscope5-tuning.tsv"),
                                 "fresh, tuning"),
                                # Caregivers' colloquial questions, branch scope17.
                                ("inscope17-heldout.tsv", labelled("inscope17-heldout.tsv"),
                                 "fresh, held-out"),
                                ("inscope17-tuning.tsv", labelled("inscope17-tuning.tsv"),
                                 "fresh, tuning"),
                                # Consumers' own questions to the NLM (MeQSum),
                                # labelled by hand, session 23 (branch scope24).
                                ("meqsum-heldout.tsv", labelled("meqsum-heldout.tsv"),
                                 "people's own, held-out"),
                                ("meqsum-tuning.tsv", labelled("meqsum-tuning.tsv"),
                                 "people's own, tuning"),
                                # People's questions to doctors' websites about
                                # our subjects and their neighbours, labelled
                                # by a helper reading only content/ (session
                                # 44; scripts/make_forum_ours_sets.py).
                                ("forum/forum-ours-heldout.tsv",
                                 labelled("forum/forum-ours-heldout.tsv"),
                                 "people's own, held-out"),
                                ("forum/forum-ours-tuning.tsv",
                                 labelled("forum/forum-ours-tuning.tsv"),
                                 "people's own, tuning")):
        a, r, n_in, n_out = score(ours(checked), rows)
        a0, r0, _, _ = score(ours(plain), rows)
        declined = (f"out of scope declined {r:.1f}% (without {r0:.1f}%)" if n_out
                    else "no out-of-scope lines")
        print(f"{label}: in-scope right entry {a:.1f}% ({a * n_in / 100:.0f}; without "
              f"{a0:.1f}%), "
              f"{declined}  [{target}]  (n={n_in}+{n_out})"
              f"  [answered outright with a wrong entry: {_answered_wrong(checked, rows)} / "
              f"{_answered_wrong(plain, rows)}]")
    for name in ("medquad-ours-tuning.tsv", "medquad-ours-heldout.tsv"):
        print(ours_by_others(checked, plain, name))
    questions = _set("foreign-heldout.tsv")[:500] + [q for q, _ in heldout]
    assert checked.scope is not None
    model = checked.scope
    checked.is_ours(questions[0])  # reads the general-English model once
    toks: list[tuple[list[str], dict[str, str], str]] = []
    for q in questions:
        unknown: dict[str, str] = {}
        toks.append((checked.content_tokens(q, unknown), unknown, normalize.prepare(q)))
    scope_ms = per_question_ms(lambda i: model.is_ours(*toks[int(i)]),
                               [str(i) for i in range(len(toks))])
    subjects = model.subjects
    subjects_ms = (per_question_ms(subjects.uncovered, questions) if subjects is not None
                   else 0.0)
    print(f"scope check: {scope_ms:.3f} ms/question alone (500 held-out requests and "
          f"heldout.tsv), health subjects {subjects_ms:.3f} ms; whole match "
          f"{per_question_ms(checked.match, questions, repeat=3):.3f} ms/question with it, "
          f"{per_question_ms(plain.match, questions, repeat=3):.3f} ms without "
          f"(target <= 1 ms; machine shared by several developers)")


#: CLINC150 intents that are a command of ours said in other words, and the
#: commands that meet each (voice/conversation/said_freely.py).
SAID_TO_IT: dict[str, set[str]] = {
    "greeting": {"greet", "wake"}, "goodbye": {"sleep", "thanks"}, "thank_you": {"thanks"},
    "who_made_you": {"about"}, "are_you_a_bot": {"about"}, "where_are_you_from": {"about"},
    "how_old_are_you": {"about"}, "what_is_your_name": {"about"},
    "who_do_you_work_for": {"about"}, "what_can_i_ask_you": {"help", "topics"},
    "cancel": {"stop", "never_mind"}, "change_speed": {"slower", "faster"},
    "change_volume": {"louder", "quieter", "usual_volume"}, "yes": {"yes"},
    "no": {"no", "wrong"}, "repeat": {"repeat"},
}


#: NLU-Evaluation-Data intents that are a command of ours (muting is
#: stopping its speech; voice/conversation/said_loosely.py).
NLU_TO_IT: dict[str, set[str]] = {
    "audio_volume_up": {"louder"}, "audio_volume_down": {"quieter"},
    "audio_volume_mute": {"quieter", "stop"}, "general_repeat": {"repeat", "restart"},
    "general_commandstop": {"stop", "never_mind", "sleep", "exit"},
    "general_praise": {"thanks"},
    # Session 31 (scope37): a yes, a no or a "does not matter" said to the
    # assistant is ours too ("yeah that is correct" -> yes, "no, it is not
    # what i wanted" -> wrong, "does not matter" -> never_mind: counted as
    # other requests taken before). NLU's affirmations are mostly said of
    # the answer just given ("you have done it correctly"), so "thanks" fits.
    "general_affirm": {"yes", "thanks"}, "general_negate": {"no", "wrong"},
    "general_dontcare": {"never_mind"},
}


#: Requests for a reminder or an alarm: "I can't set reminders or alarms"
#: (the "remind" command, session 35) is what they should get, not a
#: command taken by mistake. Counted apart.
REMINDING = frozenset({"reminder", "reminder_update", "alarm", "alarm_set", "calendar_set"})


def said_to_it_benchmark() -> None:
    """Requests people wrote for an assistant that are ours as commands
    (greetings, thanks, volume, speed, stop, repeat, "who made you"): how
    many meet the fitting command; and how many other requests are taken
    for a command at all."""
    from voice.conversation.commands import find_command

    for corpus, stem, wanted in (("CLINC150", "clinc", SAID_TO_IT),
                                 ("NLU-Evaluation-Data", "foreign", NLU_TO_IT)):
        print(f"== Commands in people's own words ({corpus}) ==")
        for half in ("held-out", "tuning"):
            name = f"{stem}-{'heldout' if half == 'held-out' else 'tuning'}.tsv"
            rows = [line.split("\t") for line in (DATA / name).read_text().splitlines()
                    if line.strip() and not line.startswith("#")]
            kinds = [(q, wanted[i]) for q, i in rows if i in wanted]
            fitting = sum(find_command(q) in want for q, want in kinds)
            said = [(find_command(q), i) for q, i in rows if i not in wanted]
            other = sum(c is not None and not (c == "remind" and i in REMINDING)
                        for c, i in said)
            declined = sum(c == "remind" and i in REMINDING for c, i in said)
            print(f"{half:9} fitting command {fitting}/{len(kinds)} "
                  f"({100 * fitting / len(kinds):.1f}%); other requests taken for a command "
                  f"{other}/{len(rows) - len(kinds)}; reminders and alarms told it can't "
                  f"set them {declined}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--all", action="store_true", help="also spoken questions and speech out")
    parser.add_argument("--audio", action="store_true", help="also spoken questions")
    parser.add_argument("--speech-out", action="store_true", help="also speech output")
    parser.add_argument("--scope-classifier", action="store_true",
                        help="out of scope: with the classifier tried and dropped (scope-clf)")
    parser.add_argument("--no-health-subjects", action="store_true",
                        help="out of scope: without the health-subject check (branch health-vocab)")
    parser.add_argument("--no-generic-check", action="store_true",
                        help="out of scope: without the generic-words check (branch scope8)")
    parser.add_argument("--generic-decline", action="store_true",
                        help="out of scope: the generic-words check declines outright instead "
                             "of stepping down (trial, branch scope8)")
    parser.add_argument("--scope-only", action="store_true",
                        help="only the out-of-scope section (skips the matching section)")
    args = parser.parse_args()
    if not args.scope_only:
        text_benchmark()
        print()
    scope_benchmark(args.scope_classifier, not args.no_health_subjects,
                    not args.no_generic_check, args.generic_decline)
    print()
    said_to_it_benchmark()
    sys.path.insert(0, str(REPO / "scripts"))
    if args.all or args.audio:
        print()
        import benchmark_audio

        benchmark_audio.main([])
    if args.all or args.speech_out:
        print()
        import benchmark_speech_out

        benchmark_speech_out.run_speech_out_benchmark()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
