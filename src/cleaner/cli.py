"""The `cleaner` command (minimal: see `cleaner --help`)."""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from cleaner import __version__
from cleaner.pipeline import clean


def _files(paths: Sequence[str]) -> Iterator[Path]:
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from sorted(x for x in path.rglob("*.txt") if x.is_file())
        else:
            yield path


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="cleaner", description="Clean scraped news articles in place.")
    ap.add_argument("paths", nargs="*", help="files or directories ('-' for stdin)")
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file would change")
    ap.add_argument("--diff", action="store_true", help="print a unified diff; write nothing")
    ap.add_argument("--format", choices=("text", "json"), default="text")
    ap.add_argument("--version", action="version", version=f"cleaner {__version__}")
    args = ap.parse_args(argv)
    changed = 0
    for path in _files(args.paths):
        original = path.read_text(encoding="utf-8")
        article = clean(original)
        if args.format == "json":
            print(json.dumps(article.to_dict(), ensure_ascii=False))
            continue
        new = article.text if article.status != "not_an_article" else original
        if new == original:
            continue
        changed += 1
        if args.diff:
            sys.stdout.writelines(
                difflib.unified_diff(original.splitlines(True), new.splitlines(True), str(path), str(path))
            )
        elif not args.check:
            path.write_text(new, encoding="utf-8")
            print(f"Fixing {path}")
    return 1 if changed and (args.check or not args.diff) else 0
