"""Build the third development set, benchmarks/dev3/: news and blog articles the other sets lack.

Same source, checks and layout as `scripts/build_dev2.py` (the Web Content Extraction Benchmark,
Apache-2.0), but only pages of the source's type `article` that `benchmarks/dev2/` does not hold:
news stories, magazine pieces and blog posts of 2025-26, from other sites than the news dev set.
It is the unseen-page check for the headline (issue 12) and the body of ordinary articles.

The headline gold is stricter than dev2's: the model-written title counts only where it is a
whole line of the dump **and** one of the page's own title places agrees with it (the `<h1>`,
`og:title`, `twitter:title`, or the `<title>` less a " | Site" / " - Site" part), so two
independent sources name the same line, as in the news dev set.

    python scripts/build_dev3.py --source /path/to/checkout --render /path/to/shared/bench/render.py

Needs lxml and inscriptis (the dump styles); writes benchmarks/dev3/ except README.md and LICENSE.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "dev3"
DEV2_MANIFEST = ROOT / "benchmarks" / "dev2" / "MANIFEST.json"
#: How many article pages to take, and the HTML budget (the repository stays small).
QUOTA = 160
MAX_HTML_BYTES = 300_000
HTML_BUDGET = 20_000_000


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


dev2 = _load("build_dev2", Path(__file__).resolve().parent / "build_dev2.py")
dev2.MAX_HTML_BYTES = MAX_HTML_BYTES


#: dev2's upper-case wire dateline, also with a double hyphen ("NEW YORK (WABC) -- ..."); whitespace
#: is collapsed before matching.
_DATELINE = re.compile(r"^([A-Z][A-Z.'’ -]{1,40}(?:, [A-Z][A-Za-z. ]{1,20})?(?: \([A-Za-z. ]{2,30}\))?) ?(?:—|–|--|-) ")


def title_places(html: str) -> list[str]:
    """The page's own title places, normalised: h1s, og:/twitter: titles, <title> and its site-less part."""
    import lxml.html

    root = lxml.html.document_fromstring(html)
    out: list[str] = [dev2._norm("".join(h1.itertext())) for h1 in root.iter("h1")]
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        if key in ("og:title", "twitter:title"):
            out.append(dev2._norm(meta.get("content") or ""))
    for t in root.iter("title"):
        full = dev2._norm("".join(t.itertext()))
        out.append(full)
        for sep in (" | ", " - ", " – ", " — ", " :: ", " · "):
            if sep in full:
                out.append(full.rsplit(sep, 1)[0].strip())
                out.append(full.split(sep, 1)[0].strip())
    return [x for x in out if x]


def _fold(text: str) -> str:
    return dev2._norm(text).casefold().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')


def write_page(args: tuple[str, str, dict[str, Any]]) -> dict[str, Any]:
    out = args[1]
    page = dev2.write_page(args)
    path = Path(out) / f"{page['id']}.gold.json"
    gold = json.loads(path.read_text(encoding="utf-8"))
    html = (Path(out) / f"{page['id']}.html").read_text(encoding="utf-8")
    if gold["headline"] is not None:
        places = {_fold(x) for x in title_places(html)}
        if _fold(gold["headline"]) not in places:
            gold["headline"] = None
    m = _DATELINE.match(dev2._norm(gold["body"][:300]))
    gold["dateline"] = m.group(1).strip() if m else None
    gold["headline_source"] = "model title, a whole line of the dump that a title place of the page agrees with"
    path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return {**page, "headline": gold["headline"], "dateline": gold["dateline"]}


def main(argv: list[str] | None = None) -> int:
    args, fids = dev2.parse_args(argv, __doc__ or "", OUT)
    in_dev2 = set(json.loads(DEV2_MANIFEST.read_text(encoding="utf-8"))["source_ids"].values())
    with ProcessPoolExecutor(args.jobs, initializer=dev2._init, initargs=(str(args.render),)) as pool:
        rows = list(pool.map(dev2.scan, [(str(args.source), f) for f in fids], chunksize=8))
        dev2.dedupe(rows)
        for r in rows:
            if "drop" in r:
                continue
            if r["type"] != "article":
                r["drop"] = "not an article page"
            elif r["fid"] in in_dev2:
                r["drop"] = "in the second dev set"
        ok = sorted((r for r in rows if "drop" not in r), key=lambda r: hashlib.sha256(r["fid"].encode()).hexdigest())
        chosen: list[dict[str, Any]] = []
        budget = HTML_BUDGET
        for r in ok:
            if len(chosen) >= QUOTA:
                break
            if r["html_bytes"] <= budget:
                chosen.append({**r, "kind": "article"})
                budget -= r["html_bytes"]
        dev2.clear_out(args.out)
        pages = list(pool.map(write_page, [(str(args.source), str(args.out), r) for r in chosen], chunksize=4))
    dropped = Counter(r["drop"] for r in rows if "drop" in r)
    dev2.write_manifest(args.out, rows, pages, dropped)
    return 0


if __name__ == "__main__":
    sys.exit(main())
