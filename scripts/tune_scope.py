#!/usr/bin/env python3
"""Measure the scope check (voice/matching/scope.py) on the tuning halves only,
two-fold: each half of every out-of-scope tuning set is judged against word
models built without it (the everyday model and its sentences from the other
half of foreign-tuning.tsv and of our health questions, plus the
recognizer's everyday sentences; the other-health model from the other half
of medquad-tuning.tsv, split by focus, and of our health questions).

Our health questions for tuning are health-tuning.tsv and the old
health-heldout.tsv, which had been looked at too often to stay held out
(tests/data/README.md); health-heldout2.tsv and every other held-out half are
never read here.

In-scope questions (tests/data/tuning.tsv, tests/data/dev.tsv), which no
word model counts, are judged against the models built from every tuning half.
Prints, per set, how many were declined (out of scope: through the
conversation) or had their right entry answered or offered (in scope: by the
matcher), as scripts/benchmark.py counts them.

    .venv/bin/python scripts/tune_scope.py [--show-lost] [--count-old-heldout]

With ``--classifier`` (branch scope-clf, tried and dropped) the scope model
also carries the classifier of voice/matching/classifier.py, trained without
the fold judged (scripts/train_scope_classifier.py); it learns from the
in-scope sets too, so then they are judged two-fold as well (their word
models from every tuning half). ``--cut``/``--guard`` set its thresholds;
``--classifier-sweep`` prints the figures of several at once.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from voice.content.loader import load_knowledge  # noqa: E402
from voice.conversation.conversation import Conversation  # noqa: E402
from voice.matching import scope  # noqa: E402
from voice.matching.classifier import ScopeClassifier  # noqa: E402
from voice.matching.health_subjects import HealthSubjects, load_terms  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.matching.scope import ScopeModel, count_everyday, everyday_sentences  # noqa: E402

sys.path.insert(0, str(REPO / "scripts"))
import train_scope_classifier  # noqa: E402

DATA = REPO / "tests" / "data"
EVERYDAY_TXT = REPO / "voice" / "speech_in" / "pocketsphinx" / "everyday.txt"
#: Our uncovered health questions used for tuning (see the module's doc).
OUR_HEALTH = ("health-tuning.tsv", "health-heldout.tsv")


def rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in (DATA / name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def fold(key: str) -> int:
    """0 or 1. Not the first byte of the SHA-1 of ``key``: that chose the
    tuning half itself (every tuning question has it even)."""
    return hashlib.sha1(key.lower().encode()).digest()[1] % 2


def lines(path: Path) -> list[str]:
    return [r.split("\t")[0] for r in path.read_text(encoding="utf-8").splitlines()
            if r.strip() and not r.startswith("#")]


class Sets:
    """The tuning sets. ``counted``: which of OUR_HEALTH the word models count
    (the shipped file counts health-tuning.tsv only, see
    scripts/build_everyday_counts.py); all of them are judged."""

    def __init__(self, counted: tuple[str, ...] = OUR_HEALTH[:1],
                 classifier: bool = False) -> None:
        #: Whether the scope models carry the classifier (trained without the
        #: fold judged; then the in-scope sets it learns from are judged
        #: two-fold too).
        self.classifier = classifier
        self.foreign = [r[0] for r in rows("foreign-tuning.tsv")]
        self.health = [r[0] for n in OUR_HEALTH for r in rows(n)]
        self.counted = {r[0] for n in counted for r in rows(n)}
        self.medquad = [(r[0], r[1]) for r in rows("medquad-tuning.tsv")]
        #: K-QA patients' questions (tuning half), split two-fold by diagnosis;
        #: counted in the other-health model only with ``count_kqa``.
        self.kqa = [(r[0], r[1]) for r in rows("kqa-tuning.tsv")]
        self.count_kqa = True
        #: People's questions about COVID-19 (COVID-Q, branch scope9), tuning
        #: half, split two-fold by class; counted in the other-health model
        #: (as shipped) unless ``count_covidq`` is False.
        self.covidq = [(r[0], r[1]) for r in rows("covidq-tuning.tsv")]
        self.count_covidq = True
        #: Our further health questions (branch health-decline): judged only,
        #: never counted, so they say how the rules generalise.
        self.judged_only = [r[0] for r in rows("health-tuning2.tsv")]
        #: A third set of ours (branch topic-about), judged only too; its
        #: held-out half (health-heldout3.tsv) is never read here.
        self.judged_only3 = [r[0] for r in rows("health-tuning3.tsv")]
        #: A fourth (branch health-vocab), judged only; its held-out half
        #: (health-heldout4.tsv) is never read here.
        self.judged_only4 = [r[0] for r in rows("health-tuning4.tsv")]
        #: A fifth (branch scope16), judged only; its held-out half
        #: (health-heldout5.tsv) is never read here.
        self.judged_only5 = [r[0] for r in rows("health-tuning5.tsv")]
        #: Trials (tried and dropped, docs/out-of-scope.md): count the third
        #: set in the other-health model, or in the everyday model as well
        #: ("everyday"; then health-tuning2.tsv too).
        self.count_third = ""
        self.everyday_txt = lines(EVERYDAY_TXT)

    def model(self, kb: object, leave_out: int | None,
              classifier_leave_out: int | None = None) -> ScopeModel:
        """Word models from every tuning half but fold ``leave_out`` (and the
        classifier, when on, without fold ``classifier_leave_out``, or
        ``leave_out`` if that is None)."""
        if classifier_leave_out is None:
            classifier_leave_out = leave_out
        def keep(key: str) -> bool:
            return leave_out is None or fold(key) != leave_out

        foreign = [q for q in self.foreign if keep(q)]
        health = [q for q in self.health if keep(q) and q in self.counted]
        medquad = [q for q, focus in self.medquad if keep(focus)]
        kqa = [q for q, diag in self.kqa if keep(diag)] if self.count_kqa else []
        if self.count_covidq:
            kqa += [q for q, cls in self.covidq if keep(cls)]
        if self.count_third:
            third = [q for q in self.judged_only3 if keep(q)]
            if self.count_third == "everyday":
                third += [q for q in self.judged_only if keep(q)]
                foreign += third
            kqa += third
        everyday = foreign + health + self.everyday_txt
        clf = train_scope_classifier.build(classifier_leave_out) if self.classifier else None
        return ScopeModel(kb, everyday=count_everyday(everyday),  # type: ignore[arg-type]
                          sentences=everyday_sentences(everyday),
                          health=count_everyday(medquad + health + kqa), classifier=clf)


def declined(matcher: Matcher, questions: list[str], lost: list[str] | None = None) -> int:
    n = 0
    for q in questions:
        reply = Conversation(matcher.kb, matcher=matcher).respond(q)
        if reply.outcome in ("answer", "confirm"):
            if lost is not None:
                lost.append(q)
        else:
            n += 1
    return n


def right(matcher: Matcher, labelled: list[list[str]], lost: list[str] | None = None,
          wrong: list[str] | None = None) -> int:
    n = 0
    for q, expected in labelled:
        r = matcher.match(q)  # as scripts/benchmark.py scores in-scope questions
        ok = r.outcome != "no_match" and r.entry is not None and r.entry.id in expected.split("|")
        n += ok
        if not ok and lost is not None:
            lost.append(q)
        if (wrong is not None and r.outcome == "answer" and r.entry is not None
                and r.entry.id not in expected.split("|")):
            wrong.append(q)  # a wrong answer read in full (branch scope11)
    return n


def evaluate(sets: Sets, show_lost: bool | str = False,
             make: Callable[[object, ScopeModel], Matcher] | None = None) -> str:
    kb = load_knowledge([REPO / "content"])
    build = make or (lambda kb, model: Matcher(kb, scope_model=model))  # type: ignore[arg-type]
    out: dict[str, list[int]] = {}
    lost: dict[str, list[str]] = {}
    for k in (0, 1):
        m = build(kb, sets.model(kb, k))
        for name, qs in (("foreign", [q for q in sets.foreign if fold(q) == k]),
                         ("health", [q for q in sets.health if fold(q) == k]),
                         ("medquad", [q for q, f in sets.medquad if fold(f) == k]),
                         ("kqa", [q for q, d in sets.kqa if fold(d) == k]),
                         ("covidq", [q for q, c in sets.covidq if fold(c) == k]),
                         ("health2", [q for q in sets.judged_only if fold(q) == k]),
                         ("health3", [q for q in sets.judged_only3 if fold(q) == k]),
                         ("health4", [q for q in sets.judged_only4 if fold(q) == k]),
                         ("health5", [q for q in sets.judged_only5 if fold(q) == k])):
            acc = out.setdefault(name, [0, 0])
            acc[0] += declined(m, qs, lost.setdefault(name, []))
            acc[1] += len(qs)
    # In-scope sets: no word model counts them, but the classifier learns
    # from them, so with it they are judged two-fold as well.
    parts: list[tuple[int | None, Matcher]] = (
        [(k, build(kb, sets.model(kb, None, k))) for k in (0, 1)] if sets.classifier
        else [(None, build(kb, sets.model(kb, None)))])
    for part, m in parts:
        # inscope5-tuning.tsv (branch scope16): in-scope only, judged, never learnt.
        for name in ("tuning.tsv", "dev.tsv", "inscope5-tuning.tsv"):
            if part is not None and name == "inscope5-tuning.tsv":
                continue
            labelled = [r for r in rows(name)
                        if len(r) > 1 and (part is None or fold(r[0]) == part)]
            ins = [r for r in labelled if r[1] != "-"]
            outs = [r[0] for r in labelled if r[1] == "-"]
            acc = out.setdefault(f"{name} in", [0, 0])
            acc[0] += right(m, ins, lost.setdefault(f"{name} in", []),
                            lost.setdefault(f"{name} answered wrong", []))
            acc[1] += len(ins)
            if outs:
                acc = out.setdefault(f"{name} out", [0, 0])
                acc[0] += declined(m, outs, lost.setdefault(f"{name} out", []))
                acc[1] += len(outs)
    text = "  ".join(f"{k} {a}/{n} ({100 * a / n:.1f}%)" for k, (a, n) in out.items())
    text += "  in scope answered wrong: " + ", ".join(
        f"{name} {len(lost.get(f'{name} answered wrong', []))}"
        for name in ("tuning.tsv", "dev.tsv", "inscope5-tuning.tsv"))
    if show_lost:
        for set_name, qs in lost.items():
            if set_name not in ("medquad", "foreign", "kqa") or show_lost == "all":
                for q in qs:
                    text += f"\n  lost {set_name}: {q}"
    return text


class Record(NamedTuple):
    """One tuning question judged two-fold: ``ok`` (declined, or the right
    entry answered or offered) without any scope check, the word evidence,
    whether the nearest-sentence rule declines it, and the classifier's
    P(ours) from a classifier trained without its fold."""

    ok: bool
    evidence: float
    near: bool
    p: float


def classifier_records(sets: Sets, labelled: tuple[str, ...]) -> dict[str, list[Record]]:
    """Every tuning question judged two-fold (``labelled``: the in-scope sets
    the classifier learns from, judged two-fold too)."""
    from voice.matching import normalize

    kb = load_knowledge([REPO / "content"])
    out: dict[str, list[Record]] = {}
    plain = Matcher(kb, check_scope=False)
    for k in (0, 1):
        model = sets.model(kb, k)
        clf = train_scope_classifier.build(k, labelled)
        m = Matcher(kb, scope_model=model)

        def rec(name: str, q: str, ok: bool, model: ScopeModel = model, m: Matcher = m,
                clf: ScopeClassifier = clf) -> None:
            unknown: dict[str, str] = {}
            ev = model.evidence(m.content_tokens(q, unknown), unknown)
            cleaned = normalize.prepare(q)
            out.setdefault(name, []).append(
                Record(ok, ev, model.nearer_everyday(cleaned), clf.prob(cleaned)))

        for name, qs in (("foreign", [q for q in sets.foreign if fold(q) == k]),
                         ("health", [q for q in sets.health if fold(q) == k]),
                         ("medquad", [q for q, f in sets.medquad if fold(f) == k]),
                         ("kqa", [q for q, d in sets.kqa if fold(d) == k]),
                         ("health2", [q for q in sets.judged_only if fold(q) == k])):
            for q in qs:
                rec(name, q, declined(plain, [q]) == 1)
        for name in ("tuning.tsv", "dev.tsv"):
            for r in rows(name):
                if len(r) > 1 and fold(r[0]) == k:
                    if r[1] == "-":
                        rec(f"{name} out", r[0], declined(plain, [r[0]]) == 1)
                    else:
                        rec(f"{name} in", r[0], right(plain, [r]) == 1)
    return out


def is_ours(r: Record, weight: float, cut: float, guard: float) -> bool:
    """scope.is_ours with the classifier: its log-odds times ``weight`` added
    to the evidence; below ``guard``, declined when P(ours) < ``cut``."""
    logit = math.log(max(r.p, 1e-9) / max(1 - r.p, 1e-9))
    ev = r.evidence + weight * logit
    if ev < 0:
        return False
    if r.evidence < guard and r.p < cut:
        return False
    return ev >= scope.NEAREST_ONLY_BELOW or not r.near


def sweep(records: dict[str, list[Record]], settings: list[tuple[float, float, float]]) -> str:
    """Figures per (weight, cut, guard): an in-scope question right when it
    was right without the check and is ours; an out-of-scope one declined when
    it was declined without the check or is not ours."""
    lines_ = []
    for weight, cut, guard in settings:
        parts = []
        for name, recs in records.items():
            if name.endswith(" in"):
                n = sum(r.ok and is_ours(r, weight, cut, guard) for r in recs)
            else:
                n = sum(r.ok or not is_ours(r, weight, cut, guard) for r in recs)
            parts.append(f"{name} {n}/{len(recs)}")
        lines_.append(f"weight {weight:g} cut {cut:g} guard {guard:g}: " + "  ".join(parts))
    return "\n".join(lines_)


def leave_one_out(configure: Callable[[Matcher], None]) -> str:
    """In-scope questions worded like the held-out ones: each tuning.tsv
    in-scope question asked with its own phrasing taken out of the content,
    and each of the content's "Also asked" phrasings asked without itself
    (branch scope8). Right: the right entry answered or offered, as
    scripts/benchmark.py counts it. Shipped word models (tuning halves only);
    several minutes on a loaded machine."""
    import dataclasses

    from voice.content.model import KnowledgeBase
    from voice.matching.scope import load_everyday, load_health, load_sentences

    kb = load_knowledge([REPO / "content"])
    counts = (load_everyday(), load_sentences(), load_health())
    cases: list[tuple[str, str, set[str], KnowledgeBase]] = []
    for r in rows("tuning.tsv"):
        if len(r) > 1 and r[1] != "-":
            entries = tuple(dataclasses.replace(
                x, phrasings=tuple(p for p in x.phrasings if p.lower() != r[0]))
                for x in kb.entries)
            cases.append(("tuning.tsv without its phrasing", r[0], set(r[1].split("|")),
                          KnowledgeBase(entries)))
    for e in kb.entries:
        for p in e.phrasings:
            entries = tuple(dataclasses.replace(
                x, phrasings=tuple(q for q in x.phrasings if q != p)) if x is e else x
                for x in kb.entries)
            cases.append(("phrasings without themselves", p, {e.id}, KnowledgeBase(entries)))
    out: dict[str, list[int]] = {}
    lost: list[str] = []
    for name, q, expected, smaller in cases:
        m = Matcher(smaller, scope_model=ScopeModel(
            smaller, everyday=counts[0], sentences=counts[1], health=counts[2]))
        configure(m)
        res = m.match(q)
        shown = ([res.entry] if res.outcome == "answer"
                 else res.offered if res.outcome == "confirm" else [])
        ok = any(x is not None and x.id in expected for x in shown)
        acc = out.setdefault(name, [0, 0, 0])
        acc[0] += ok
        acc[1] += 1
        if res.outcome == "answer" and res.entry is not None and res.entry.id not in expected:
            acc[2] += 1  # a wrong answer read in full (branch scope11)
        if not ok:
            lost.append(f"  lost {name}: {q}")
    return ("  ".join(f"{k} {a}/{n} (answered wrong {w})" for k, (a, n, w) in out.items())
            + "\n" + "\n".join(lost))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show-lost", action="store_true",
                    help="list the tuning questions lost (ours and in scope; not the large sets)")
    ap.add_argument("--count-old-heldout", action="store_true",
                    help="the word models also count health-heldout.tsv")
    ap.add_argument("--classifier-sweep", action="store_true",
                    help="two-fold figures with the classifier at several cuts and guards")
    ap.add_argument("--classifier", action="store_true",
                    help="with the classifier (trained without the fold judged; not shipped)")
    ap.add_argument("--no-kqa-counts", action="store_true",
                    help="the other-health model does not count kqa-tuning.tsv (as before)")
    ap.add_argument("--off-topic-names", action="store_true",
                    help="trial (branch scope9, off): an off-topic word brings in the rule of "
                         "scope.SUBJECT_AT")
    ap.add_argument("--no-covidq-counts", action="store_true",
                    help="the other-health model does not count covidq-tuning.tsv (as before "
                         "branch scope9)")
    ap.add_argument("--show-all-lost", action="store_true",
                    help="--show-lost, and the large sets' lost questions too")
    ap.add_argument("--count-third", choices=("", "health", "everyday"), default="",
                    help="trial: count health-tuning3.tsv in the other-health model "
                         "(or in the everyday model too, with health-tuning2.tsv)")
    ap.add_argument("--no-dev", action="store_true",
                    help="the classifier does not learn from dev.tsv")
    ap.add_argument("--cut", type=float, default=scope.CLASSIFIER_CUT,
                    help="the classifier declines below this P(ours)")
    ap.add_argument("--guard", type=float, default=scope.CLASSIFIER_GUARD,
                    help="... when the word evidence is below this")
    ap.add_argument("--health-subjects", default=None, metavar="CATEGORIES",
                    help="the health-subject check with these categories of "
                         "voice/matching/health_subjects.tsv (comma-separated; '' turns it "
                         "off; default: as shipped)")
    ap.add_argument("--generic", choices=("step", "decline", "off"), default="step",
                    help="the generic-words check (branch scope8): one step down (an answer "
                         "offered, an offer declined; shipped), declines (trial), or off")
    ap.add_argument("--nearer-ours", type=float, default=scope.NEARER_OURS_AT, metavar="AT",
                    help="branch scope11: a question of everyday words much like a phrasing "
                         "of the content is ours from this ratio (0: off; default: as shipped)")
    ap.add_argument("--nearer-ours-margin", type=float, default=scope.NEARER_OURS_MARGIN)
    ap.add_argument("--nearer-ours-floor", type=float, default=scope.NEARER_OURS_FLOOR)
    ap.add_argument("--leave-one-out", action="store_true",
                    help="only the in-scope leave-one-out questions (tuning.tsv without its "
                         "phrasing, the content's phrasings without themselves)")
    args = ap.parse_args()
    scope.CLASSIFIER_CUT, scope.CLASSIFIER_GUARD = args.cut, args.guard
    scope.OFF_TOPIC_NAMES = args.off_topic_names
    scope.NEARER_OURS_AT = args.nearer_ours or None
    scope.NEARER_OURS_MARGIN, scope.NEARER_OURS_FLOOR = (args.nearer_ours_margin,
                                                         args.nearer_ours_floor)
    if args.classifier_sweep:
        labelled = ("tuning.tsv",) if args.no_dev else ("tuning.tsv", "dev.tsv")
        recs = classifier_records(Sets(), labelled)
        print(sweep(recs, [(w, c, g) for w in (0.0, 0.25, 0.5, 1.0)
                           for c in (0.0, 0.2, 0.3, 0.4) for g in (3.0,)]))
        return 0
    sets = Sets(OUR_HEALTH if args.count_old_heldout else OUR_HEALTH[:1],
                classifier=args.classifier)
    sets.count_kqa = not args.no_kqa_counts
    sets.count_covidq = not args.no_covidq_counts
    sets.count_third = args.count_third
    make = None
    if args.health_subjects is not None:
        cats = frozenset(c for c in args.health_subjects.split(",") if c)

        def make(kb: object, model: ScopeModel) -> Matcher:
            model.subjects = (HealthSubjects(kb, load_terms(categories=cats))  # type: ignore[arg-type]
                              if cats else None)
            return Matcher(kb, scope_model=model)  # type: ignore[arg-type]
    if args.leave_one_out:
        def configure(m: Matcher) -> None:
            m.require_distinctive = args.generic != "off"
            m.generic_step_down = args.generic == "step"
        print(leave_one_out(configure))
        return 0
    if args.generic != "step":
        inner = make

        def make(kb: object, model: ScopeModel) -> Matcher:
            m = (inner(kb, model) if inner is not None
                 else Matcher(kb, scope_model=model))
            m.require_distinctive = args.generic == "decline"
            m.generic_step_down = False
            return m
    print(evaluate(sets, "all" if args.show_all_lost else args.show_lost, make))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
