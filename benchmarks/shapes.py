"""Page-shape stress check: does the body survive when the same page comes in another shape?

Takes the HTML pages of `benchmarks/dev`, `dev2` and `dev3`, transforms each page's HTML while
its gold body (`.gold.json`) stays the same, dumps the result as a scraper would
(`benchmarks/dumps.py`, the harness's dump styles), cleans it with `cleaner.clean` and scores
the body against the gold with `benchmarks/metrics.py`. Every shape is compared with the
untransformed page in the same dump style (`base`), page by page, so the table shows what the
shape costs and nothing else.

Shapes (each deterministic: the random choices are seeded by ``--seed``, set, page and shape):

- ``wrap``: source-formatted HTML: every ``<p>``/``<li>`` on lines of its own, its text
  hard-wrapped with newlines at a width of 40-100 characters (one width per page). Only
  whitespace changes; the textContent dump keeps the line breaks, the block dump does not.
- ``css_mid``: a ``<style>`` block of 30-150 lines of made-up CSS (selectors, declarations,
  ``@media`` blocks, comments, some minified lines) between two body paragraphs (the middle
  ones of the page's paragraphs found in the gold body).
- ``css_top``: such a block as the first child of ``<body>``.
- ``pre``: every body paragraph (a ``<p>`` whose text is in the gold body) as a ``<pre>`` on
  lines of its own, hard-wrapped at 40-100 characters, so both dumps keep the line breaks.

Run from the repository root::

    python -m benchmarks.shapes -j 1                 # all pages, all shapes, textcontent+blocks
    python -m benchmarks.shapes --limit 40 --worst 10
    python -m benchmarks.shapes --shape wrap --dump textcontent --write-dir /tmp/shapes

``--write-dir`` writes every dump as ``<set>/<id>.<shape>.<dump>.txt`` to look at with
``cleaner --explain``. Nothing here asserts timings.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import random
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import lxml.etree
import lxml.html

from benchmarks import dumps
from benchmarks.metrics import LOST_RECALL, as_text, score_doc

ROOT: Final = Path(__file__).resolve().parent.parent
SETS: Final = {
    "dev": ROOT / "benchmarks" / "dev",
    "dev2": ROOT / "benchmarks" / "dev2",
    "dev3": ROOT / "benchmarks" / "dev3",
}
SHAPES: Final = ("wrap", "css_mid", "css_top", "pre")
DUMPS: Final = ("textcontent", "blocks", "blocks-spaced")
#: A shape "drops" a page when its body recall falls this much below the untransformed page's.
DROP: Final = 0.05


@dataclass(frozen=True)
class Page:
    set: str
    id: str
    html: Path
    gold: Path


def pages(sets: Sequence[str], limit: int | None, only: Sequence[str] = ()) -> list[Page]:
    """The pages of the sets; with `limit`, that many per set, in a stable hashed order."""
    out: list[Page] = []
    for name in sets:
        where = SETS[name]
        found = [
            Page(name, g.name[: -len(".gold.json")], where / (g.name[: -len(".gold.json")] + ".html"), g)
            for g in sorted(where.glob("*.gold.json"))
        ]
        found = [p for p in found if p.html.is_file() and (not only or p.id in only)]
        found.sort(key=lambda p: hashlib.sha256(p.id.encode()).hexdigest())
        out.extend(found[:limit] if limit else found)
    return out


# ---------------------------------------------------------------------------------------------
# transforms
# ---------------------------------------------------------------------------------------------


def _squash(s: str) -> str:
    return " ".join(s.split())


#: Marks the boundary between two text nodes in `_wrap_element`: it takes no column and is
#: neither a space nor part of a word's width.
_NODE: Final = "\x00"


def _wrap_words(text: str, col: int, width: int) -> tuple[str, int]:
    """`text` with its whitespace runs collapsed to one space, or a newline where the line would
    pass `width`; `col` is the column the text starts at. Returns the text and the end column.
    `_NODE` marks are kept where they are and take no column."""
    out: list[str] = []
    pos = 0
    n = len(text)
    while pos < n:
        c = text[pos]
        if c == _NODE:
            out.append(c)
            pos += 1
        elif c.isspace():
            end = pos
            marks = ""
            while end < n and (text[end].isspace() or text[end] == _NODE):
                marks += text[end] if text[end] == _NODE else ""
                end += 1
            word_end = end
            while word_end < n and not text[word_end].isspace():
                word_end += 1
            word = len(text[end:word_end].replace(_NODE, ""))
            if col > 0 and word and col + 1 + word > width:
                out.append("\n" + marks)
                col = 0
            else:
                out.append(" " + marks)
                col += 1
            pos = end
        else:
            end = pos
            while end < n and not text[end].isspace():
                end += 1
            out.append(text[pos:end])
            col += len(text[pos:end].replace(_NODE, ""))
            pos = end
    return "".join(out), col


def _wrap_element(el: Any, width: int) -> None:
    """Hard-wrap the text inside `el` (its text, its descendants' text and tails) as one stream,
    so that a line may break before an inline element as well as inside a text node, and put the
    element on lines of its own, as a source formatter does (a line break after the start tag
    and after the end tag)."""
    slots: list[tuple[Any, str]] = []

    def walk(node: Any) -> None:
        if isinstance(node.tag, str):
            slots.append((node, "text"))
        for child in node:
            walk(child)
            slots.append((child, "tail"))

    walk(el)
    pieces = [getattr(node, attr) or "" for node, attr in slots]
    wrapped, _ = _wrap_words(_NODE.join(pieces), 0, width)
    for (node, attr), piece in zip(slots, wrapped.split(_NODE), strict=True):
        if getattr(node, attr) is not None or piece:
            setattr(node, attr, piece)
    el.text = "\n" + (el.text or "")
    el.tail = "\n" + (el.tail or "")


def _outermost(els: Sequence[Any]) -> list[Any]:
    chosen = set(els)
    return [el for el in els if not any(a in chosen for a in el.iterancestors())]


def _body_paragraphs(root: Any, gold_body: str) -> list[Any]:
    """The `<p>` elements whose text (30+ characters) is part of the gold body, in page order."""
    gold = _squash(gold_body)
    found = []
    for el in root.iter("p"):
        text = _squash(el.text_content())
        if len(text) >= 30 and text in gold:
            found.append(el)
    return _outermost(found)


_SELECTORS: Final = (
    ".card",
    ".card__title",
    ".teaser-grid",
    "#site-footer",
    ".nav-list > li",
    ".btn-primary:hover",
    ".media-frame img",
    "article .lede",
    ".sidebar .widget",
    "ul.tag-cloud li a",
    ".promo-box",
    "header.masthead",
    ".byline span",
    "figure.wide figcaption",
    ".pager a.next",
    "#cookie-bar",
    ".grid-3col",
    ".icon-share::before",
    "table.data td",
    ".author-card .avatar",
    "blockquote.pull",
)
_PROPERTIES: Final = (
    ("color", ("#333", "#1a1a1a", "rgba(0, 0, 0, 0.6)", "inherit", "#c0392b")),
    ("margin", ("0 auto", "0", "12px 0 24px", "1.5rem 0")),
    ("padding", ("0", "8px 16px", "0.75em 1em", "4px")),
    ("font-family", ('"Helvetica Neue", Arial, sans-serif', "Georgia, serif", "inherit")),
    ("font-size", ("14px", "1.125rem", "0.875em", "22px")),
    ("line-height", ("1.4", "1.6", "24px", "normal")),
    ("display", ("block", "flex", "none", "inline-block", "grid")),
    ("background", ("#fff", "transparent", "url(/img/bg-pattern.png) repeat-x", "#f5f5f0")),
    ("border-bottom", ("1px solid #ddd", "none", "2px dotted #999")),
    ("text-transform", ("uppercase", "none")),
    ("grid-template-columns", ("repeat(3, 1fr)", "1fr 2fr")),
    ("transition", ("opacity .2s ease-in-out", "all 0.3s")),
    ("z-index", ("10", "999", "1")),
    ("width", ("100%", "320px", "calc(100% - 40px)")),
)
_COMMENTS: Final = (
    "/* layout */",
    "/* typography */",
    "/* ---- cards ---- */",
    "/* mobile overrides */",
    "/* print */",
)


def _css(rng: random.Random, lines: int) -> str:
    """About `lines` lines of made-up but realistic CSS."""
    out: list[str] = []
    while len(out) < lines:
        r = rng.random()
        if r < 0.1:
            out.append(rng.choice(_COMMENTS))
        elif r < 0.2:
            decls = "".join(f"{p}:{rng.choice(v)};" for p, v in rng.sample(_PROPERTIES, 3))
            out.append(f"{rng.choice(_SELECTORS)}{{{decls}}}")
        elif r < 0.3:
            out.append(f"@media (max-width: {rng.choice((480, 640, 768, 1024))}px) {{")
            for _ in range(rng.randint(1, 3)):
                out.append(f"  {rng.choice(_SELECTORS)} {{")
                for p, v in rng.sample(_PROPERTIES, rng.randint(1, 3)):
                    out.append(f"    {p}: {rng.choice(v)};")
                out.append("  }")
            out.append("}")
        else:
            sel = rng.choice(_SELECTORS)
            if rng.random() < 0.3:
                sel = f"{sel},\n{rng.choice(_SELECTORS)}"
            out.append(f"{sel} {{")
            for p, v in rng.sample(_PROPERTIES, rng.randint(1, 5)):
                out.append(f"  {p}: {rng.choice(v)};")
            out.append("}")
    return "\n" + "\n".join(out) + "\n"


def _style(rng: random.Random) -> Any:
    el = lxml.html.Element("style")
    el.text = _css(rng, rng.randint(30, 150))
    el.tail = "\n"
    return el


def transform(shape: str, root: Any, gold_body: str, rng: random.Random) -> bool:
    """Apply `shape` to the parsed page in place; False when the page has nothing to apply it to."""
    if shape == "wrap":
        width = rng.randint(40, 100)
        els = _outermost(list(root.iter("p", "li")))
        for el in els:
            _wrap_element(el, width)
        return bool(els)
    if shape == "css_top":
        body = root.find(".//body")
        if body is None:
            return False
        body.insert(0, _style(rng))
        return True
    paragraphs = _body_paragraphs(root, gold_body)
    if shape == "css_mid":
        if len(paragraphs) < 2:
            return False
        paragraphs[len(paragraphs) // 2 - 1].addnext(_style(rng))
        return True
    if shape == "pre":
        if not paragraphs:
            return False
        width = rng.randint(40, 100)
        for p in paragraphs:
            pre = lxml.html.Element("pre")
            wrapped, _ = _wrap_words(_squash(p.text_content()), 0, width)
            pre.text = f"\n{wrapped}\n"
            pre.tail = "\n" + (p.tail or "")
            p.getparent().replace(p, pre)
        return True
    raise ValueError(f"Unknown shape {shape!r}; use one of {', '.join(SHAPES)}.")


# ---------------------------------------------------------------------------------------------
# dump, clean, score
# ---------------------------------------------------------------------------------------------


def _dumper(render: str | None) -> Any:
    if not render:
        return dumps
    spec = importlib.util.spec_from_file_location("shapes_render", render)
    if spec is None or spec.loader is None:
        raise SystemExit(f"Cannot import {render}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dump(module: Any, root: Any, style: str) -> str:
    if style == "textcontent":
        return str(module.dump_textcontent(root))
    if style in ("blocks", "blocks-spaced"):
        return str(module.dump_blocks(root, blank_between=style == "blocks-spaced"))
    raise ValueError(f"Unknown dump {style!r}; use one of {', '.join(DUMPS)}.")


@dataclass(frozen=True)
class Job:
    page: Page
    shapes: tuple[str, ...]
    dumps: tuple[str, ...]
    seed: int
    render: str | None
    write_dir: str | None


def _parse(html: str) -> Any:
    return lxml.html.document_fromstring(html)


def run_page(job: Job) -> list[dict[str, Any]]:
    """Rows (set, id, shape, dump, p, r, f1, ...) of one page: `base` and each applicable shape."""
    from cleaner import clean

    page = job.page
    html = page.html.read_text(encoding="utf-8", errors="replace")
    gold: dict[str, Any] = json.loads(page.gold.read_text(encoding="utf-8"))
    gold_body = as_text(gold.get("body")) or ""
    module = _dumper(job.render)
    rows: list[dict[str, Any]] = []
    for shape in ("base", *job.shapes):
        try:
            root = _parse(html)
        except (lxml.etree.ParserError, ValueError):
            return rows
        if shape != "base":
            rng = random.Random(f"{job.seed}:{page.set}:{page.id}:{shape}")
            if not transform(shape, root, gold_body, rng):
                continue
        for style in job.dumps:
            text = dump(module, root, style)
            if job.write_dir:
                out = Path(job.write_dir) / page.set / f"{page.id}.{shape}.{style}.txt"
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_text(text, encoding="utf-8")
            error = None
            try:
                article = clean(text)
                body, headline, dateline = "\n\n".join(article.body), article.headline, article.dateline
            except Exception as e:  # scored as empty and reported, not fatal
                body, headline, dateline, error = "", None, None, f"{type(e).__name__}: {e}"
            row = score_doc(page.id, gold, body, headline, dateline, error)
            row.update(set=page.set, shape=shape, dump=style)
            rows.append(row)
    return rows


def summarize(rows: Sequence[dict[str, Any]], shapes: Sequence[str], styles: Sequence[str]) -> list[dict[str, Any]]:
    """Per (shape, dump): pages, mean F1/recall, lost, and the change against `base` on the same pages."""
    base = {(r["set"], r["id"], r["dump"]): r for r in rows if r["shape"] == "base"}
    table: list[dict[str, Any]] = []
    for shape in ("base", *shapes):
        for style in styles:
            sel = [r for r in rows if r["shape"] == shape and r["dump"] == style]
            if not sel:
                continue
            pairs = [(r, base[(r["set"], r["id"], style)]) for r in sel]
            n = len(sel)
            table.append(
                {
                    "shape": shape,
                    "dump": style,
                    "pages": n,
                    "f1": sum(r["f1"] for r in sel) / n,
                    "r": sum(r["r"] for r in sel) / n,
                    "lost": sum(r["r"] < LOST_RECALL for r in sel),
                    "d_f1": sum(r["f1"] - b["f1"] for r, b in pairs) / n,
                    "d_r": sum(r["r"] - b["r"] for r, b in pairs) / n,
                    "newly_lost": sum(r["r"] < LOST_RECALL <= b["r"] for r, b in pairs),
                    "dropped": sum(r["r"] < b["r"] - DROP for r, b in pairs),
                    "gained": sum(r["r"] > b["r"] + DROP for r, b in pairs),
                }
            )
    return table


def print_table(table: Sequence[dict[str, Any]], out: Any = sys.stdout) -> None:
    head = (
        f"{'shape':<8} {'dump':<13} {'pages':>5} {'F1':>6} {'R':>6} {'lost':>5} "
        f"{'dF1':>7} {'dR':>7} {'new lost':>8} {'dropped':>7} {'gained':>6}"
    )
    print(head, file=out)
    print("-" * len(head), file=out)
    for t in table:
        print(
            f"{t['shape']:<8} {t['dump']:<13} {t['pages']:>5} {t['f1']:>6.3f} {t['r']:>6.3f} {t['lost']:>5} "
            f"{t['d_f1']:>+7.3f} {t['d_r']:>+7.3f} {t['newly_lost']:>8} {t['dropped']:>7} {t['gained']:>6}",
            file=out,
        )


def print_worst(rows: Sequence[dict[str, Any]], n: int, out: Any = sys.stdout) -> None:
    base = {(r["set"], r["id"], r["dump"]): r for r in rows if r["shape"] == "base"}
    drops = [(base[(r["set"], r["id"], r["dump"])]["r"] - r["r"], r) for r in rows if r["shape"] != "base"]
    drops.sort(key=lambda x: (-x[0], x[1]["set"], x[1]["id"], x[1]["shape"], x[1]["dump"]))
    print(f"\nlargest recall drops against the untransformed page (top {n}):", file=out)
    for d, r in drops[:n]:
        if d <= 0:
            break
        print(
            f"  {r['set']:<5} {r['id']}  {r['shape']:<8} {r['dump']:<13} R {r['r']:.3f} ({-d:+.3f})  F1 {r['f1']:.3f}",
            file=out,
        )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.shapes", description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", action="append", choices=tuple(SETS), help="page sets (repeatable; default all)")
    ap.add_argument("--shape", action="append", choices=SHAPES, help="shapes (repeatable; default all)")
    ap.add_argument("--dump", action="append", choices=DUMPS, help="dump styles (default textcontent and blocks)")
    ap.add_argument("--limit", type=int, default=None, help="at most N pages per set (a stable hashed sample)")
    ap.add_argument("--only", action="append", default=[], help="only this page id (repeatable)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("--worst", type=int, default=0, help="list the N largest recall drops")
    ap.add_argument("--json", type=Path, help="write the table and per-page rows here")
    ap.add_argument("--write-dir", help="write every dump here as <set>/<id>.<shape>.<dump>.txt")
    ap.add_argument("--render", help="import the dump functions from this render.py instead of benchmarks/dumps.py")
    args = ap.parse_args(argv)
    shapes = tuple(args.shape or SHAPES)
    styles = tuple(args.dump or ("textcontent", "blocks"))
    jobs = [
        Job(p, shapes, styles, args.seed, args.render, args.write_dir)
        for p in pages(args.set or tuple(SETS), args.limit, args.only)
    ]
    run: Callable[[Job], list[dict[str, Any]]] = run_page
    rows: list[dict[str, Any]] = []
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as ex:
            for got in ex.map(run, jobs, chunksize=4):
                rows.extend(got)
    else:
        for job in jobs:
            rows.extend(run(job))
    table = summarize(rows, shapes, styles)
    print_table(table)
    if args.worst:
        print_worst(rows, args.worst)
    if args.json:
        args.json.write_text(json.dumps({"table": table, "rows": rows}, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
