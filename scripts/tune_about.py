#!/usr/bin/env python3
"""Trials of "what is the question about" on top of the scope check (branch
topic-about, issue 14; tried and dropped, see docs/out-of-scope.md).

Every tuning question is judged two-fold as in scripts/tune_scope.py (word
models built without the fold judged; in-scope sets against models of every
tuning half). A trial only *adds* declines to what the shipped scope check
takes (or, for ``rescue``, only takes back what it declines), so each prints,
per set, how many questions it would newly decline or take, and the in-scope
questions it would lose:

* ``anchor``: a question that neither names the content's subject (a token in
  at least half of the entries: muscle, disorder, neuromuscular, spasm) or a
  token the content uses far more than other health questions (health
  evidence >= A), nor refers to it by a pronoun ("it", "this", "they"...),
  is declined when it says a word the content does not explain (evidence
  <= U, health evidence < H);
* ``asked words``: the same, but a word our users ask with (a token of an
  in-scope question of tuning.tsv or of the content's titles and phrasings:
  "difference", "alright") is never the unexplained one;
* ``frame``: the word after "after/during/while/if/before/without" (and, in
  the wide variant, "in/with/for") names the situation the question is
  about ("after giving birth", "if i smoke", "with a cold"); declined when the
  content does not explain it (evidence <= U);
* ``score``: declined when the matcher's best score is below S and the word
  evidence below E (uncovered questions made of our words match weakly);
* ``lr``: logistic regression (numpy) on 11 scope features (evidence, its
  sums capped by the other-health model, the best carrier, unexplained
  words, the matcher's score, the share of tokens reached through a synonym,
  a pronoun, length), fitted two-fold on the tuning halves, in-scope
  positives from tuning.tsv; declined below P(ours) ``cut``;
* ``rescue``: a question the check declines is taken back when it refers by
  a pronoun, names no subject (no token at or below X) and its evidence is
  at least -S.

No held-out half is read (health-heldout3.tsv, the held-out half of the new
health questions, is measured by scripts/benchmark.py only).

    .venv/bin/python scripts/tune_about.py
"""

from __future__ import annotations

import hashlib
import itertools
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from tune_scope import Sets, fold, rows  # noqa: E402

from voice.content.loader import load_knowledge  # noqa: E402
from voice.conversation.conversation import Conversation  # noqa: E402
from voice.matching import normalize  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402

#: Words that refer back to the condition talked about (a closed class).
PRONOUNS = frozenset("it this these they them that those its he she him her his".split())
HEALTH_SETS = ("health", "health2", "health3")
Rec = dict[str, Any]


def records() -> tuple[list[Rec], dict[str, int], int]:
    kb = load_knowledge([REPO / "content"])
    sets = Sets()
    plain = Matcher(kb, check_scope=False)
    out: list[Rec] = []

    def info(m: Matcher, q: str) -> Rec:
        assert m.scope is not None
        unknown: dict[str, str] = {}
        toks = m.content_tokens(q, unknown)
        said = set(normalize.content_tokens(normalize.strip_fillers(normalize.clean(q))))
        evs = {t: (m.scope.token_evidence(t, unknown.get(t)), m.scope.health_evidence(t),
                   t in said) for t in sorted(set(toks))}
        r = m.match(q)
        return dict(q=q, words=normalize.clean(q).split(), evs=evs, plain=plain.match(q).outcome,
                    top=r.candidates[0].score if r.candidates else 0.0,
                    ev=m.scope.evidence(toks, unknown, said))

    for k in (0, 1):
        m = Matcher(kb, scope_model=sets.model(kb, k))
        for name, qs in (("health", [q for q in sets.health if fold(q) == k]),
                         ("health2", [q for q in sets.judged_only if fold(q) == k]),
                         ("health3", [q for q in sets.judged_only3 if fold(q) == k]),
                         ("medquad", [q for q, f in sets.medquad if fold(f) == k]),
                         ("kqa", [q for q, d in sets.kqa if fold(d) == k]),
                         ("foreign", [q for q in sets.foreign if fold(q) == k])):
            for q in qs:
                taken = Conversation(kb, matcher=m).respond(q).outcome in ("answer", "confirm")
                out.append(info(m, q) | dict(set=name, inscope=False, taken=taken))
    m = Matcher(kb, scope_model=sets.model(kb, None))
    for name in ("tuning.tsv", "dev.tsv"):
        for r in rows(name):
            if len(r) < 2:
                continue
            q = r[0]
            if r[1] == "-":
                taken = Conversation(kb, matcher=m).respond(q).outcome in ("answer", "confirm")
                out.append(info(m, q) | dict(set=f"{name} out", inscope=False, taken=taken))
            else:
                p = m.match(q)
                ok = (p.outcome != "no_match" and p.entry is not None
                      and p.entry.id in r[1].split("|"))
                out.append(info(m, q) | dict(set=f"{name} in", inscope=True, taken=ok))
    df: Counter[str] = Counter()
    for e in kb.entries:
        df.update({t for text in (e.title, *e.phrasings, *e.keywords, e.answer)
                   for t in normalize.tokens(text)})
    return out, dict(df), len(kb.entries)


def report(name: str, declined: list[Rec]) -> str:
    """One line: what a trial newly declines (or takes), and the in-scope losses."""
    c = Counter(r["set"] for r in declined)
    lost = [r["q"] for r in declined if r["inscope"]]
    health = sum(c[s] for s in HEALTH_SETS)
    return (f"{name}: health +{health} ({', '.join(f'{s} {c[s]}' for s in HEALTH_SETS)}), "
            f"medquad {c['medquad']}, kqa {c['kqa']}, foreign {c['foreign']}; "
            f"in scope lost {len(lost)} {lost[:4]}")


def anchor_trial(recs: list[Rec], df: dict[str, int], n: int) -> None:
    for a_at, u_at, h_below in itertools.product((2.0, 2.5, 3.0, 99.0), (-0.5, -1.0, -1.5),
                                                 (0.0, 99.0)):
        def anchored(r: Rec, a_at: float = a_at) -> bool:
            return any(w in PRONOUNS for w in r["words"]) or any(
                (df.get(t, 0) >= n / 2 or h >= a_at) and e > 0 for t, (e, h, _) in r["evs"].items())

        hit = [r for r in recs if r["taken"] and not anchored(r) and any(
            e <= u_at and h < h_below and s for e, h, s in r["evs"].values())]
        print(report(f"anchor A {a_at} U {u_at} H {h_below}", hit))


def asked_words_trial(recs: list[Rec], df: dict[str, int], n: int) -> None:
    """The anchor trial, but a word our users ask with (a token of an in-scope
    question of tuning.tsv, or of a title or phrasing of the content:
    "difference", "alright", "matter") is never the unexplained word."""
    kb = load_knowledge([REPO / "content"])
    asked: set[str] = set()
    for r in rows("tuning.tsv"):
        if len(r) > 1 and r[1] != "-":
            asked.update(normalize.tokens(r[0]))
    for e in kb.entries:
        for text in (e.title, *e.phrasings):
            asked.update(normalize.tokens(text))
    for u_at, h_below, anchor in itertools.product((-0.5, -1.0), (0.0, 99.0), (True, False)):
        def anchored(r: Rec, anchor: bool = anchor) -> bool:
            return anchor and (any(w in PRONOUNS for w in r["words"]) or any(
                df.get(t, 0) >= n / 2 and e > 0 for t, (e, _, _) in r["evs"].items()))

        hit = [r for r in recs if r["taken"] and not anchored(r) and any(
            s and e <= u_at and h < h_below and t not in asked
            for t, (e, h, s) in r["evs"].items())]
        print(report(f"asked words U {u_at} H {h_below} anchor {anchor}", hit))


def frame_heads(r: Rec, preps: set[str]) -> list[str]:
    skip = {"a", "an", "the", "my", "your", "his", "her", "their", "our", "some", "any",
            "i", "you", "we", "they", "he", "she", "it"}
    heads = []
    words = r["words"]
    for i, w in enumerate(words):
        if w in preps:
            for y in words[i + 1:i + 4]:
                toks = [] if y in skip else normalize.tokens(y)
                if toks:
                    heads.append(toks[0])
                    break
    return heads


def frame_trial(recs: list[Rec]) -> None:
    narrow = {"after", "during", "while", "if", "before", "without"}
    wide = narrow | {"in", "with", "for"}
    for preps, u_at in itertools.product((narrow, narrow | {"with"}, wide), (-0.5, -1.0)):
        hit = [r for r in recs if r["taken"] and any(
            t in r["evs"] and r["evs"][t][0] <= u_at for t in frame_heads(r, preps))]
        print(report(f"frame {len(preps)} words U {u_at}", hit))


def score_trial(recs: list[Rec]) -> None:
    for s_below, e_below in itertools.product((50, 55, 60, 65), (1.0, 2.0, 4.0)):
        hit = [r for r in recs if r["taken"] and r["top"] < s_below and r["ev"] < e_below]
        print(report(f"score S {s_below} E {e_below}", hit))


def features(r: Rec) -> list[float]:
    evs = list(r["evs"].values())
    e = [x[0] for x in evs] or [0.0]
    return [r["ev"], sum(e), sum(min(a, h) if a > 0 else a for a, h, _ in evs),
            max([min(a, h) for a, h, s in evs if s] or [-2.0]),
            float(sum(1 for a, h, _ in evs if a <= -1 and h < 0)), min(e), max(e), r["top"] / 100,
            sum(1 for *_, s in evs if not s) / max(1, len(evs)),
            float(any(w in PRONOUNS for w in r["words"])), float(len(evs))]


def lr_trial(recs: list[Rec]) -> None:
    data = [(r, np.array(features(r))) for r in recs if r["taken"] and r["evs"]]
    # Fitted on the tuning halves but our third health set (judged) and dev.tsv.
    fit_on = [(r, f) for r, f in data if r["set"] not in ("health3", "dev.tsv in", "dev.tsv out")]

    def qfold(q: str) -> int:
        return hashlib.sha1(q.lower().encode()).digest()[1] % 2

    for w_pos, cut in itertools.product((3.0, 10.0, 30.0), (0.1, 0.3, 0.5)):
        hit = []
        for k in (0, 1):
            part = [(r, f) for r, f in fit_on if qfold(r["q"]) != k]
            x = np.array([f for _, f in part])
            y = np.array([1.0 if r["inscope"] else 0.0 for r, _ in part])
            mu, sd = x.mean(0), x.std(0) + 1e-9
            xs = np.hstack([(x - mu) / sd, np.ones((len(x), 1))])
            w = np.zeros(xs.shape[1])
            weight = np.where(y == 1, w_pos, 1.0)
            for _ in range(3000):
                p = 1 / (1 + np.exp(-xs @ w))
                w -= 0.5 * (xs.T @ ((p - y) * weight) / len(y) + 1e-2 * w)
            for r, f in data:
                if qfold(r["q"]) == k and 1 / (1 + np.exp(-np.append((f - mu) / sd, 1) @ w)) < cut:
                    hit.append(r)
        print(report(f"lr positive weight {w_pos} cut {cut}", hit))


def rescue_trial(recs: list[Rec]) -> None:
    for x_at, s_slack in itertools.product((-99.0, -4.5, -2.0), (1.0, 2.0, 5.0)):
        got = [r for r in recs if r["plain"] != "no_match" and not r["taken"]
               and any(w in PRONOUNS for w in r["words"])
               and not any(e <= x_at for e, _, _ in r["evs"].values()) and r["ev"] >= -s_slack]
        ins = [r["q"] for r in got if r["inscope"]]
        outs = Counter(r["set"] for r in got if not r["inscope"])
        print(f"rescue X {x_at} S {s_slack}: in scope taken back {len(ins)} {ins[:4]}; "
              f"out of scope newly taken {dict(outs)}")


def main() -> int:
    recs, df, n = records()
    base = Counter(r["set"] for r in recs if not r["inscope"] and not r["taken"])
    total = Counter(r["set"] for r in recs)
    print("shipped check, declined: " + "  ".join(
        f"{s} {base[s]}/{total[s]}" for s in (*HEALTH_SETS, "medquad", "kqa", "foreign")))
    for trial in (lambda: anchor_trial(recs, df, n), lambda: asked_words_trial(recs, df, n),
                  lambda: frame_trial(recs),
                  lambda: score_trial(recs), lambda: lr_trial(recs), lambda: rescue_trial(recs)):
        trial()
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
