"""Dump `clean(text).to_dict()` for every text page of the benchmarks, the seeds and the fixtures
(and `clean_html()` on a sample of the dev HTML) to one JSON file, or compare with an earlier dump.

Speed work must not change any output: dump at the base commit, then compare after each change.

    python -m benchmarks.same_output --write /tmp/base.json [--html-every 6]
    python -m benchmarks.same_output --compare /tmp/base.json      # exit 1 on any difference
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _text_files() -> list[Path]:
    files: list[Path] = []
    for d in ("benchmarks/dev", "benchmarks/dev2", "benchmarks/dev3"):
        files += sorted((ROOT / d).glob("*.txt"))
    files += sorted((ROOT / "seeds").glob("*.txt"))
    files += sorted((ROOT / "fixtures").rglob("*.txt"))
    return files


def _html_files(every: int) -> list[Path]:
    files: list[Path] = []
    for d in ("benchmarks/dev", "benchmarks/dev2"):
        files += sorted((ROOT / d).glob("*.html"))[::every]
    return files


def dump(html_every: int) -> dict[str, Any]:
    import cleaner

    out: dict[str, Any] = {}
    for p in _text_files():
        text = p.read_text(encoding="utf-8", errors="replace")
        out[f"text:{p.relative_to(ROOT)}"] = cleaner.clean(text).to_dict()
    if html_every > 0:
        from cleaner.html import clean_html

        for p in _html_files(html_every):
            html = p.read_text(encoding="utf-8", errors="replace")
            out[f"html:{p.relative_to(ROOT)}"] = clean_html(html).to_dict()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", type=Path)
    ap.add_argument("--compare", type=Path)
    ap.add_argument("--html-every", type=int, default=6, help="every Nth HTML page (0: none)")
    args = ap.parse_args(argv)
    got = dump(args.html_every)
    if args.write:
        args.write.write_text(json.dumps(got, ensure_ascii=False, sort_keys=True, indent=0), encoding="utf-8")
        print(f"wrote {len(got)} outputs to {args.write}")
    if args.compare:
        base = json.loads(args.compare.read_text(encoding="utf-8"))
        got = json.loads(json.dumps(got, ensure_ascii=False))
        diff = sorted(k for k in base.keys() | got.keys() if base.get(k) != got.get(k))
        for k in diff[:20]:
            print("DIFF", k)
        print(f"{len(diff)} differences in {len(base)} outputs")
        return 1 if diff else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
