"""`voice topics`: what can be asked."""

from __future__ import annotations

import argparse
import json

from voice.cli.options import config_from_args
from voice.content.loader import load_knowledge

NAME = "topics"
HELP = "list what can be asked"
ORDER = 20


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print a JSON list")


def run(args: argparse.Namespace) -> int:
    kb = load_knowledge(config_from_args(args).content_dirs)
    if args.json:
        rows = [{"id": e.id, "kind": e.kind, "title": e.title} for e in kb.entries]
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    # Numbered as "list topics" reads them, so a caregiver can say or type
    # the number; the content's order, under a heading at each change of kind.
    headings = {"faq": "Questions:", "section": "Article sections:"}
    kind = None
    for n, e in enumerate(kb.entries, 1):
        if e.kind != kind:
            kind = e.kind
            print(headings[kind])
        print(f"  {n:>2}. {'  ' if e.parent else ''}{e.title}")
    return 0
