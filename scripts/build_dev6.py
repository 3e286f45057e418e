"""Build development sets of news articles from many publishers: fundus's parser test pages.

The source is github.com/flairNLP/fundus (MIT License), `tests/resources/parser/test_data/<country>/`:
for each of ~240 news publishers in ~40 countries, one or more saved article pages
(`<Publisher>_<yyyy>_<mm>_<dd>.html.gz`) and `<Publisher>.json`, the article as the project's
hand-written parser for that site extracts it and its tests check it (title, and the body as a
summary plus sections of subheadings and paragraphs). Those are hand-checked gold bodies and
titles of many sites the project has never seen, in many languages: what the headline stage
needs to learn from.

Each page is written in the dev set's layout (`<id>.html`, `<id>.txt` in one of the shared
harness's dump styles, `<id>.gold.json`). Publishers are split by a salted hash of their name into
two halves: `learn` (tune on it) and `held` (scored at the end of a session, never read or tuned
on). Neither is committed; rebuild them with

    python scripts/build_dev6.py --source /path/to/fundus --render /path/to/shared/bench/render.py --out /tmp/dev6

which writes `/tmp/dev6/learn` and `/tmp/dev6/held`. Score a half with
`CLEANER_BENCH_DEV3=/tmp/dev6/learn python -m benchmarks.quality --mode text3 --mode html3`.

Gold: the body is the summary, then each section's subheadings and paragraphs, one paragraph per
blank-line-separated block. `headline` is the parser's title only where it is a whole line of the
dump and one of the page's own title places agrees (as in `build_dev3.py`); `dateline` is an
upper-case wire dateline ("CITY -", "CITY (Agency) -" or "CITY:", a place of at most three words)
opening the body's first or second paragraph, else null. Dropped (counted in MANIFEST.json): pages
whose version cannot be matched to a gold version, bodies under 300 characters, and pages where
more than 10% of the gold body's tokens are absent from the dump.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SOURCE_REPO = "flairNLP/fundus"
SOURCE_COMMIT = "18da6e53592f99cf0ac5770dc63d6ba99ba63ae8"  # the snapshot the sets were built from
SALT = "dev6"
MIN_BODY = 300

#: The dev2/dev3 builders' checks and dump helpers, loaded by build_dev3's own loader (run as a
#: script, this file's folder is on sys.path).
import build_dev3 as dev3  # noqa: E402

dev2 = dev3.dev2


#: A wire dateline: a place in capitals of at most three words (a longer capitals run is a kicker,
#: "THE STATE OF PLAY -"), an optional region and agency, then a dash or a colon.
_WIRE_DATELINE = re.compile(
    r"^([A-Z][A-Z.'’-]{1,20}(?: [A-Z][A-Z.'’-]{1,20}){0,2}(?:, [A-Z][A-Za-z. ]{1,20})?(?: \([A-Za-z. ]{2,30}\))?)"
    r"(?:\s*[—–-]\s|:\s)"
)


def gold_body(article: dict[str, Any]) -> str:
    """The article body of a fundus test case: summary, then each section's headings and paragraphs."""
    body = article.get("body") or {}
    parts: list[str] = list(body.get("summary") or [])
    for section in body.get("sections") or []:
        parts.extend(section.get("headline") or [])
        parts.extend(section.get("paragraphs") or [])
    return "\n\n".join(dev2._norm(p) for p in parts if p and p.strip())


def cases(data: Path) -> list[dict[str, Any]]:
    """One row per saved page: its publisher, file, URL and gold version (or why it is dropped)."""
    rows: list[dict[str, Any]] = []
    for country in sorted(p for p in data.iterdir() if p.is_dir()):
        info_path = country / "meta.info"
        info = json.loads(info_path.read_text(encoding="utf-8")) if info_path.exists() else {}
        for gold_path in sorted(country.glob("*.json")):
            publisher = gold_path.stem
            pages = sorted(country.glob(f"{publisher}_*.html.gz"))
            versions = json.loads(gold_path.read_text(encoding="utf-8"))
            keys = sorted(versions, key=lambda k: int(k.lstrip("Vv") or 0) if k.lstrip("Vv").isdigit() else 0)
            for i, page in enumerate(pages):
                row: dict[str, Any] = {
                    "fid": f"{country.name}/{page.name}",
                    "publisher": f"{country.name}/{publisher}",
                    "url": (info.get(page.name) or {}).get("url", ""),
                }
                if len(pages) != len(keys):
                    row["drop"] = "pages and gold versions do not pair up"
                else:
                    row["version"] = keys[i]
                rows.append(row)
    return rows


def write_page(args: tuple[str, str, dict[str, Any]]) -> dict[str, Any]:
    data, out, row = args
    assert dev2._RENDER is not None
    country, name = row["fid"].split("/")
    raw = gzip.decompress((Path(data) / country / name).read_bytes())
    html = raw.decode("utf-8", errors="replace")
    stem = name.split("_")[0]
    article = json.loads((Path(data) / country / f"{stem}.json").read_text(encoding="utf-8"))[row["version"]]
    body = gold_body(article)
    if len(body) < MIN_BODY:
        return {**row, "drop": "gold body under 300 characters"}
    pid = hashlib.sha256(raw).hexdigest()[:16]
    converter = dev2._RENDER.choose_converter(pid)
    dump = dev2._RENDER.naive_dump(html, converter)
    gold_tokens = dev2._tokens(body)
    have = dev2._tokens(dump)
    n = sum(gold_tokens.values())
    absent = round(sum((gold_tokens - have).values()) / n, 4) if n else 1.0
    if absent > dev2.MAX_ABSENT:
        return {**row, "drop": "gold not found in the page"}
    title = article.get("title")
    headline = dev2.headline_line(title, dump)
    if headline is not None:
        places = {dev3._fold(x) for x in dev3.title_places(html)}
        if dev3._fold(headline) not in places:
            headline = None
    dateline = None
    for para in body.split("\n\n")[:2]:  # a summary (deck) may come before the dateline's paragraph
        if m := _WIRE_DATELINE.match(para[:300]):
            dateline = m.group(1).strip()
            break
    gold = {
        "id": pid,
        "body": body,
        "headline": headline,
        "dateline": dateline,
        "author": ", ".join(article.get("authors") or []) or None,
        "date": article.get("publishing_date") or None,
        "title_parser": title or None,
        "page_type": "article",
        "kind": "article",
        "gold_absent_share": absent,
        "source": SOURCE_REPO,
        "source_license": "MIT",
        "original_name": f"tests/resources/parser/test_data/{row['fid']}",
        "gold_version": row["version"],
        "url": row["url"],
        "converter": converter,
        "headline_source": "the site parser's title, a whole line of the dump that a title place agrees with",
    }
    (Path(out) / f"{pid}.html").write_text(html, encoding="utf-8")
    (Path(out) / f"{pid}.txt").write_text(dump, encoding="utf-8")
    (Path(out) / f"{pid}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return {**row, "id": pid, "converter": converter, "headline": headline, "dateline": gold["dateline"]}


def half(publisher: str) -> str:
    return "learn" if int(hashlib.sha256((SALT + publisher).encode()).hexdigest(), 16) % 2 == 0 else "held"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--source", type=Path, required=True, help="checkout (or git archive) of flairNLP/fundus")
    ap.add_argument("--render", type=Path, required=True, help="path to the shared harness's render.py")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("-j", "--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    data = args.source / "tests" / "resources" / "parser" / "test_data"
    rows = cases(data)
    for name in ("learn", "held"):
        dev2.clear_out(args.out / name)
    todo = [r for r in rows if "drop" not in r]
    with ProcessPoolExecutor(args.jobs, initializer=dev2._init, initargs=(str(args.render),)) as pool:
        jobs = [(str(data), str(args.out / half(r["publisher"])), r) for r in todo]
        done = list(pool.map(write_page, jobs, chunksize=4))
    by_fid = {r["fid"]: r for r in done}
    rows = [by_fid.get(r["fid"], r) for r in rows]
    for name in ("learn", "held"):
        mine = [r for r in rows if half(r["publisher"]) == name]
        pages = [r for r in mine if "drop" not in r]
        manifest: dict[str, Any] = {
            "source": SOURCE_REPO,
            "source_license": "MIT",
            "source_commit": SOURCE_COMMIT,
            "half": name,
            "source_pages": len(mine),
            "publishers": len({r["publisher"] for r in pages}),
            "pages": len(pages),
            "dropped": dict(Counter(r["drop"] for r in mine if "drop" in r).most_common()),
            "countries": dict(Counter(r["fid"].split("/")[0] for r in pages).most_common()),
            "converters": dict(sorted(Counter(r["converter"] for r in pages).items())),
            "headlines": sum(r["headline"] is not None for r in pages),
            "datelines": sum(r["dateline"] is not None for r in pages),
            "ids": sorted(r["id"] for r in pages),
            "source_ids": {r["id"]: r["fid"] for r in sorted(pages, key=lambda r: r["id"])},
        }
        (args.out / name / "MANIFEST.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        print(name, json.dumps({k: v for k, v in manifest.items() if k not in ("ids", "source_ids")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
