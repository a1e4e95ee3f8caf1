"""Write the wake benchmark's pinned sentence list (tests/data/wake-sentences/).

Run: ``.venv/bin/python scripts/pin_wake_sentences.py [--commit C] [--out F]``

scripts/benchmark_wake.py draws everything it reads aloud (speech not
addressed to it, the TV talk under the phrase, the "okay" sentences) from
one list of sentences, by index. That list was gathered from content/*.md,
the recognizer's everyday.txt and tests/data/*.tsv at run time, so an edit
to any of them (content/README.md, merged in session 24) redrew every draw
and seed and made figures incomparable across sessions. The benchmark now
reads the list this script wrote once, checked by its digest
(benchmark_wake.PINNED_SHA256); re-pinning redraws everything, so do it
only on purpose and say so with the figures.

The list is gathered as benchmark_wake.py gathered it, from the files as
they were at ``--commit`` (git show, nothing checked out): each line of the
output is a sentence, and a line ``@ FILE`` names the source of those after it.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "tests" / "data" / "wake-sentences" / "sentences.tab"
EVERYDAY = "voice/speech_in/pocketsphinx/everyday.txt"


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True,
                          check=True).stdout


def gathered(commit: str) -> list[tuple[str, str]]:
    """(source file, sentence) as benchmark_wake.py's sentences() gathered them
    up to session 24, from the files at ``commit``."""
    files = _git("ls-tree", "-r", "--name-only", commit).splitlines()
    out: list[tuple[str, str]] = []
    for md in sorted(f for f in files if re.fullmatch(r"content/[^/]*\.md", f)):
        for line in _git("show", f"{commit}:{md}").splitlines():
            line = re.sub(r"[#*`>|_\[\]()]", " ", line).strip(" -")
            if line and not line.startswith("<!--") and "-->" not in line:
                out.extend((md, s.strip()) for s in re.split(r"(?<=[.?!])\s+", line)
                           if s.strip())
    out += [(EVERYDAY, ln.strip()) for ln in _git("show", f"{commit}:{EVERYDAY}").splitlines()
            if ln.strip() and not ln.startswith("#")]
    for tsv in sorted(f for f in files if re.fullmatch(r"tests/data/[^/]*\.tsv", f)):
        for ln in _git("show", f"{commit}:{tsv}").splitlines():
            if ln.strip() and not ln.startswith("#"):
                out.append((tsv, ln.split("\t")[0].strip()))
    return out


def digest(sentences: list[str]) -> str:
    """What benchmark_wake.PINNED_SHA256 holds: the sentences, one a line."""
    return hashlib.sha256("\n".join(sentences).encode("utf-8")).hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--commit", default="HEAD")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    rows = gathered(args.commit)
    commit = _git("rev-parse", args.commit).strip()
    head = [f"# The wake benchmark's sentences (scripts/pin_wake_sentences.py), gathered from"
            f" the files at commit {commit}",
            "# (content/*.md, " + EVERYDAY + ", tests/data/*.tsv first column):"
            " one sentence a line, in the order drawn from;",
            "# a line '@ FILE' names the source of the lines after it.",
            f"# sha256 of the sentences, one a line: {digest([s for _, s in rows])}"]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    lines, source = list(head), ""
    for src, sentence in rows:
        if src != source:
            lines.append(f"@ {src}")
            source = src
        lines.append(sentence)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} sentences -> {args.out}; sha256 {digest([s for _, s in rows])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
