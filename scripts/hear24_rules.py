"""Rules on the hearing measured by branch hear24 (scripts/tune_hear24.py --rules).

Each rule declines an entry the app would answer or offer, when one feature
of the hearing lies past a threshold. For every rule and threshold it counts,
over the dumped tuning clips: out-of-scope clips answered or offered that it
declines (gained), in-scope right entries it declines (lost), in-scope wrong
entries it declines (wrong ones caught).

Features: the content prompt's window as the decoder saw it
(``no_speech_prob``, ``avg_logprob``, ``compression_ratio``), the hearing's
word probabilities (mean, lowest, the surest content word), and how much of
the heard text the entry covers (the share of the hearing's content words,
stemmed, that appear in the entry's title, phrasings, keywords or answer).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def _entry_words() -> dict[str, set[str]]:
    from voice.content.loader import load_knowledge
    from voice.matching.normalize import content_tokens, stem

    kb = load_knowledge([REPO / "content"])
    out = {}
    for e in kb.entries:
        text = " ".join([e.title, *e.phrasings, *e.keywords, e.answer, e.parent or ""])
        out[e.id] = {stem(w) for w in content_tokens(text)}
    return out


def features(row: dict[str, Any], seg: dict[str, Any], words: dict[str, set[str]]
             ) -> dict[str, float]:
    from voice.matching.normalize import content_tokens, is_function_word, stem

    probs = [p for _, p in row["words"]] or [0.0]
    content = [p for w, p in row["words"] if not is_function_word(w)] or [0.0]
    matched = [stem(w) for w in content_tokens(row.get("matched") or "")]
    have = words.get(row.get("entry") or "", set())
    heard = [stem(w) for w in content_tokens(row.get("heard") or "")]
    return {
        "no_speech_prob": float(seg.get("no_speech_prob", 0.0)),
        "avg_logprob": float(seg.get("avg_logprob", 0.0)),
        "compression_ratio": float(seg.get("compression_ratio", 1.0)),
        "mean_prob": sum(probs) / len(probs),
        "min_prob": min(probs),
        "surest_content": max(content),
        "coverage_matched": (sum(w in have for w in matched) / len(matched)) if matched else 1.0,
        "coverage_heard": (sum(w in have for w in heard) / len(heard)) if heard else 1.0,
        "words": float(len(row["words"])),
    }


#: (feature, direction): the rule declines when the feature is below (-1) or
#: above (+1) the threshold.
RULES: tuple[tuple[str, int, tuple[float, ...]], ...] = (
    ("no_speech_prob", +1, (0.02, 0.03, 0.05, 0.08, 0.1, 0.15, 0.2, 0.3)),
    ("avg_logprob", -1, (-1.0, -0.8, -0.7, -0.6, -0.5, -0.4, -0.3)),
    ("compression_ratio", -1, (0.6, 0.7, 0.75, 0.8, 0.85, 0.9)),
    ("compression_ratio", +1, (1.2, 1.3, 1.4, 1.5)),
    ("mean_prob", -1, (0.4, 0.5, 0.6, 0.7)),
    ("min_prob", -1, (0.1, 0.2, 0.3)),
    ("surest_content", -1, (0.4, 0.5, 0.6, 0.7)),
    ("coverage_matched", -1, (0.34, 0.5, 0.67, 0.75, 1.0)),
    ("coverage_heard", -1, (0.34, 0.5, 0.67, 0.75, 1.0)),
)


def pairs(taken: list[tuple[dict[str, Any], dict[str, float]]],
          kinds: dict[str, Callable[[str], bool]], best: int = 6) -> None:
    """Two conditions of RULES together (both must hold), those declining 3 or
    more out-of-scope clips, fewest right entries lost first."""
    import itertools

    conds = [(n, s, t) for n, s, ts in RULES for t in ts]
    found = []
    for a, b in itertools.combinations(conds, 2):
        if a[0] == b[0]:
            continue
        hit = [r for r, f in taken
               if (f[a[0]] - a[2]) * a[1] > 0 and (f[b[0]] - b[2]) * b[1] > 0]
        got = [sum(kinds[k](r["outcome"]) for r in hit) for k in ("out", "right", "wrong")]
        if got[0] >= 3:
            found.append((got[1] - 0.5 * got[0], -got[0], got, a, b))
    print("two conditions together: out of scope declined / right lost / wrong caught")
    for _, _, got, a, b in sorted(found)[:best]:
        print(f"  {a[0]} {'<' if a[1] < 0 else '>'} {a[2]:g} and {b[0]} "
              f"{'<' if b[1] < 0 else '>'} {b[2]:g}: +{got[0]}/-{got[1]}/{got[2]}")


def rules(dumps: list[str], segments: Path, show: str = "") -> int:
    seg = {}
    for line in segments.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        seg[r["wav"]] = r
    rows = [json.loads(x) for d in dumps for x in Path(d).read_text().splitlines()]
    words = _entry_words()
    feats = [(r, features(r, seg.get(r["wav"], {}), words)) for r in rows]
    n_out = sum(not r["expected"] for r in rows)
    n_in = len(rows) - n_out
    taken = [(r, f) for r, f in feats if r["outcome"] not in ("declined", "out-declined")]
    kinds: dict[str, Callable[[str], bool]] = {
        "out": lambda o: o.startswith("out-"),
        "right": lambda o: o.startswith("right-"),
        "wrong": lambda o: o.startswith("wrong-"),
    }
    print(f"{len(rows)} clips ({n_in} in scope, {n_out} out); answered or offered: "
          + ", ".join(f"{k} {sum(v(r['outcome']) for r, _ in taken)}" for k, v in kinds.items()))
    print("rule: out of scope declined (of those taken) / right entries lost / wrong caught")
    for name, sign, thresholds in RULES:
        cells = []
        for t in thresholds:
            hit = [r for r, f in taken if (f[name] - t) * sign > 0]
            cells.append(f"{t:g}: +{sum(kinds['out'](r['outcome']) for r in hit)}"
                         f"/-{sum(kinds['right'](r['outcome']) for r in hit)}"
                         f"/{sum(kinds['wrong'](r['outcome']) for r in hit)}")
        print(f"  {name} {'<' if sign < 0 else '>'} " + "  ".join(cells))
    pairs(taken, kinds)
    print("out of scope taken:")
    for r, f in taken:
        if kinds["out"](r["outcome"]) or (show and show in r["outcome"]):
            print(f"  {r['outcome']:<13} {r['said']!r} heard {r['heard']!r} -> {r['entry']} "
                  f"{r['score']:.0f} step {r['step']} "
                  + " ".join(f"{k}={v:.2f}" for k, v in f.items()))
    return 0
