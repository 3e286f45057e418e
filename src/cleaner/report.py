"""`cleaner report`: one self-contained HTML page to review what `clean()` removed.

For every document the page shows the cleaned article (headline, dateline, date, body) next to
the *original* text, in which every removed span is struck through and coloured by its kind,
with a ``CODE name`` tooltip. A legend with per-kind counts doubles as a kind filter; a select
filters by rule code and a search box filters documents. The page needs no network: the CSS
and the (plain) JavaScript are inline, and every piece of input is HTML-escaped, so a document
that contains ``<script>`` shows as text.

Corpus owners use it to review a pre-commit change or a new rule before trusting it::

    cleaner report corpus/ -o report.html
"""

from __future__ import annotations

import argparse
import html
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from cleaner.config import Config
from cleaner.explain import line_starts, position
from cleaner.io import DecodeError, read_text
from cleaner.model import KINDS, Article
from cleaner.pipeline import clean
from cleaner.rules import by_code

#: One fixed colour per kind, so a kind looks the same in every report. Checked by the tests to
#: cover `KINDS` with distinct values.
KIND_COLOURS: Final[dict[str, str]] = {
    "page_date": "#8c564b",
    "breadcrumb": "#9467bd",
    "css": "#6f6f6f",
    "advert_marker": "#d62728",
    "share_widget": "#1f77b4",
    "related_links": "#e6730b",
    "promo": "#d6339c",
    "author_bio": "#2ca02c",
    "browser_warning": "#a6a600",
    "caption": "#0fa3b1",
    "credit": "#0b6e69",
    "source_link": "#5a5fcf",
    "comments_widget": "#393b79",
    "widget_heading": "#b5651d",
    "nav": "#637939",
    "cookie_notice": "#843c39",
    "paywall": "#c2185b",
    "byline": "#3182bd",
    "legal": "#a55194",
    "boilerplate": "#4d4d4d",
    "custom": "#e6550d",
    "duplicate_headline": "#31a354",
    "site_template": "#756bb1",
    "duplicate_text": "#bcbd22",
}
#: Colour of a kind outside `KINDS` (a user pattern's kind from a newer version, say).
OTHER_COLOUR: Final = "#999999"
#: Marker shown in the original text where a repair inserts a paragraph break.
PARAGRAPH_MARK: Final = "¶"

EXIT_OK: Final = 0
EXIT_ERROR: Final = 2


def _e(text: str) -> str:
    """Escape text for an element's content or a double-quoted attribute."""
    return html.escape(text, quote=True)


#: Unicode categories shown as `\uXXXX` escapes in file names: controls (Cc), format characters
#: (Cf: the bidi embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069, marks such
#: as U+200F, zero-width characters) and line / paragraph separators. A name such as
#: "invoice\u202etxt.exe" would otherwise display reversed ("Trojan Source", CVE-2021-42574).
HIDDEN_CATEGORIES: Final = frozenset({"Cc", "Cf", "Zl", "Zp"})


def display_name(name: str) -> str:
    """A file name as it is safe to show: bytes that are not UTF-8 (which Python keeps as lone
    surrogates) as `\\xNN`, and invisible or reordering characters as `\\uXXXX`."""
    import unicodedata

    text = os.fsencode(name).decode("utf-8", "backslashreplace") if _has_surrogate(name) else name
    return "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) in HIDDEN_CATEGORIES else c for c in text)


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= c <= "\udfff" for c in text)


def colour(kind: str) -> str:
    """The fixed colour of `kind` (a grey for kinds outside `KINDS`)."""
    return KIND_COLOURS.get(kind, OTHER_COLOUR)


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {alpha})"


def _rule_summary(code: str) -> str:
    try:
        return by_code(code).summary
    except KeyError:
        return ""


@dataclass(frozen=True, slots=True)
class _Mark:
    """One edit to show in the original text: a removal or a repair."""

    start: int
    end: int
    order: int
    html_open: str
    html_close: str
    marker: str


def _marks(article: Article) -> list[_Mark]:
    marks: list[_Mark] = []
    for r in article.removed:
        attrs = f'class="rm" data-kind="{_e(r.kind)}" data-rule="{_e(r.rule)}" title="{_e(r.rule)} {_e(r.name)}"'
        marks.append(_Mark(r.start, r.end, 0, f"<del {attrs}>", "</del>", ""))
    for p in article.repairs:
        title = f"{p.rule} {p.name}: {p.before!r} becomes {p.after!r}"
        shown = PARAGRAPH_MARK if p.after.strip() == "" else p.after
        attrs = f'data-rule="{_e(p.rule)}" title="{_e(title)}"'
        marks.append(
            _Mark(
                p.start,
                p.end,
                1,
                f'<span class="repair" {attrs}>',
                "</span>",
                f'<ins class="repair-mark" {attrs}>{_e(shown)}</ins>',
            )
        )
    marks.sort(key=lambda m: (m.start, m.order, m.end))
    return marks


def marked_source(source: str, article: Article) -> str:
    """`source`, escaped, with each removal wrapped in a ``<del class="rm">`` element.

    Removals carry ``data-kind``, ``data-rule`` and a ``CODE name`` title; a repair wraps the
    text it replaces in ``<span class="repair">`` and adds an ``<ins class="repair-mark">``
    (a pilcrow for an inserted paragraph break). Overlapping spans are clipped, never dropped:
    a span fully covered by an earlier one still appears, empty, so every removal is counted.
    """
    out: list[str] = []
    pos = 0
    for m in _marks(article):
        start = min(max(m.start, pos), len(source))
        end = min(max(m.end, start), len(source))
        out.append(_e(source[pos:start]))
        out.append(f"{m.html_open}{_e(source[start:end])}{m.html_close}{m.marker}")
        pos = end
    out.append(_e(source[pos:]))
    return "".join(out)


_CSS: Final = """
:root { color-scheme: light; --ink: #1d1d1f; --muted: #6b6b70; --line: #d9d9de; --paper: #fbfbfc; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  background: #f2f2f5; }
header.top { position: sticky; top: 0; z-index: 2; background: #fff; border-bottom: 1px solid var(--line);
  padding: .6rem 1.2rem .4rem; }
h1 { font-size: 1.25rem; margin: 0 0 .2rem; }
.summary { margin: 0 0 .4rem; color: var(--muted); }
.summary b { color: var(--ink); }
.controls { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin-bottom: .4rem; }
.controls input[type=search] { min-width: 18rem; padding: .25rem .5rem; font: inherit; }
.controls select, .controls button { font: inherit; padding: .15rem .4rem; }
ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem .4rem; margin: 0; padding: 0; }
ul.legend li { border: 1px solid var(--line); border-radius: 999px; padding: 0 .55rem 0 .3rem;
  background: #fff; font-size: .85rem; }
ul.legend li.empty { opacity: .45; }
ul.legend label { cursor: pointer; display: inline-flex; align-items: center; gap: .3rem; }
.swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 3px; background: var(--c); }
.kind-count { font-variant-numeric: tabular-nums; font-weight: 600; }
main { padding: 1rem 1.2rem 3rem; }
section.doc { background: #fff; border: 1px solid var(--line); border-radius: 8px; margin: 0 0 1.2rem;
  padding: .8rem 1rem; }
section.doc.hidden { display: none; }
section.doc > h2 { font-size: 1rem; margin: 0 0 .6rem; font-family: ui-monospace, Menlo, Consolas, monospace;
  word-break: break-all; }
.status { font: 600 .75rem system-ui, sans-serif; padding: .05rem .45rem; border-radius: 999px;
  margin-left: .4rem; vertical-align: middle; }
.status-cleaned { background: #e3f4e6; color: #1b6b2a; }
.status-unchanged { background: #eef; color: #334; }
.status-not_an_article { background: #fde8e8; color: #8a1c1c; }
.doc-stats { font: .8rem system-ui, sans-serif; color: var(--muted); margin-left: .4rem; }
.cols { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; }
@media (max-width: 900px) { .cols { grid-template-columns: 1fr; } }
.cols h3.pane { font-size: .75rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted);
  margin: 0 0 .3rem; }
article.clean .headline { font-size: 1.2rem; margin: 0 0 .2rem; }
article.clean .meta { color: var(--muted); margin: 0 0 .5rem; font-size: .9rem; }
article.clean .dateline { font-weight: 700; color: var(--ink); }
article.clean .body p { margin: 0 0 .6rem; }
.messages { color: #8a5a00; font-size: .85rem; }
pre.source { white-space: pre-wrap; word-wrap: break-word; margin: 0; padding: .6rem; background: var(--paper);
  border: 1px solid var(--line); border-radius: 6px; font: 13px/1.55 ui-monospace, Menlo, Consolas, monospace;
  max-height: 42rem; overflow: auto; }
del.rm { text-decoration: line-through; text-decoration-color: var(--c); text-decoration-thickness: 2px;
  color: var(--c); background: var(--bg); border-radius: 2px; }
del.rm.off { text-decoration: none; color: inherit; background: none; }
body.hide-removed del.rm:not(.off) { display: none; }
.repair { background: #fff3bf; }
ins.repair-mark { text-decoration: none; color: #b08900; font-weight: 700; }
table.kinds, table.audit { border-collapse: collapse; font-size: .85rem; margin: .6rem 0 0; }
table.kinds td, table.audit td, table.audit th { border-top: 1px solid var(--line); padding: .15rem .5rem;
  text-align: left; vertical-align: top; }
table.kinds td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.audit code { white-space: pre-wrap; word-break: break-word; }
details { margin-top: .5rem; }
summary { cursor: pointer; color: var(--muted); }
"""

_JS: Final = """
(function () {
  "use strict";
  var docs = Array.prototype.slice.call(document.querySelectorAll("section.doc"));
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input.kind-filter"));
  var rule = document.getElementById("rule-filter");
  var search = document.getElementById("search");
  var hide = document.getElementById("hide-removed");
  var haystacks = docs.map(function (d) { return d.textContent.toLowerCase(); });

  function apply() {
    var kinds = {};
    boxes.forEach(function (b) { if (b.checked) { kinds[b.value] = true; } });
    var code = rule.value;
    var query = search.value.trim().toLowerCase();
    var perKind = {};
    var shown = 0;
    var docsShown = 0;
    docs.forEach(function (doc, i) {
      var visible = query === "" || haystacks[i].indexOf(query) !== -1;
      doc.classList.toggle("hidden", !visible);
      var n = 0;
      doc.querySelectorAll("del.rm").forEach(function (span) {
        var kind = span.getAttribute("data-kind");
        var on = kinds[kind] === true && (code === "" || span.getAttribute("data-rule") === code);
        span.classList.toggle("off", !on);
        if (on && visible) {
          n += 1;
          perKind[kind] = (perKind[kind] || 0) + 1;
        }
      });
      doc.querySelector(".doc-count").textContent = String(n);
      if (visible) {
        docsShown += 1;
        shown += n;
      }
    });
    document.querySelectorAll("ul.legend .kind-count").forEach(function (c) {
      c.textContent = String(perKind[c.getAttribute("data-kind")] || 0);
    });
    document.getElementById("shown-count").textContent = String(shown);
    document.getElementById("docs-shown").textContent = String(docsShown);
  }

  function setAll(value) {
    boxes.forEach(function (b) { b.checked = value; });
    apply();
  }

  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  rule.addEventListener("change", apply);
  search.addEventListener("input", apply);
  hide.addEventListener("change", function () {
    document.body.classList.toggle("hide-removed", hide.checked);
  });
  document.getElementById("all-kinds").addEventListener("click", function () { setAll(true); });
  document.getElementById("no-kinds").addEventListener("click", function () { setAll(false); });
  apply();
}());
"""


def _kind_css(kinds: Sequence[str]) -> str:
    # only identifier-like kinds go into the stylesheet; anything else keeps the fallback grey
    safe = [k for k in kinds if k.isidentifier()]
    lines = [f'[data-kind="{k}"] {{ --c: {colour(k)}; --bg: {_rgba(colour(k), 0.13)}; }}' for k in safe]
    lines.insert(0, f"[data-kind] {{ --c: {OTHER_COLOUR}; --bg: {_rgba(OTHER_COLOUR, 0.13)}; }}")
    return "\n".join(lines)


def _render_article(article: Article) -> str:
    out = ['<article class="clean">', '<h3 class="pane">Cleaned article</h3>']
    if article.headline is not None:
        out.append(f'<h4 class="headline">{_e(article.headline)}</h4>')
    meta = []
    if article.dateline:
        meta.append(f'<span class="dateline">{_e(article.dateline)}</span>')
    if article.date:
        meta.append(f'<time datetime="{_e(article.date)}">{_e(article.date)}</time>')
    if article.language:
        meta.append(f'<span class="language">language: {_e(article.language)}</span>')
    if meta:
        out.append(f'<p class="meta">{" · ".join(meta)}</p>')
    out.append('<div class="body">')
    out.extend(f"<p>{_e(p)}</p>" for p in article.body)
    out.append("</div>")
    out.extend(f'<p class="messages">{_e(m)}</p>' for m in article.messages)
    out.append("</article>")
    return "\n".join(out)


def _render_audit(source: str, article: Article) -> str:
    if not article.removed and not article.repairs:
        return ""
    starts = line_starts(source)
    rows: list[tuple[int, str]] = []
    for r in article.removed:
        line, col = position(starts, r.start)
        rows.append(
            (
                r.start,
                f'<tr data-kind="{_e(r.kind)}" data-rule="{_e(r.rule)}"><td>{line}:{col}</td>'
                f"<td><b>{_e(r.rule)}</b> {_e(r.name)}</td>"
                f'<td><span class="swatch"></span> {_e(r.kind)}</td>'
                f"<td>{_e(_rule_summary(r.rule))}</td><td><code>{_e(r.text)}</code></td></tr>",
            )
        )
    for p in article.repairs:
        line, col = position(starts, p.start)
        rows.append(
            (
                p.start,
                f'<tr class="repair-row" data-rule="{_e(p.rule)}"><td>{line}:{col}</td>'
                f"<td><b>{_e(p.rule)}</b> {_e(p.name)}</td><td>repair</td>"
                f"<td>{_e(_rule_summary(p.rule))}</td>"
                f"<td><code>{_e(repr(p.before))} → {_e(repr(p.after))}</code></td></tr>",
            )
        )
    rows.sort(key=lambda r: r[0])
    head = "<tr><th>at</th><th>rule</th><th>kind</th><th>why</th><th>text</th></tr>"
    return (
        f"<details><summary>Audit trail: {len(article.removed)} removals, {len(article.repairs)} repairs"
        f'</summary><table class="audit">{head}{"".join(r for _, r in rows)}</table></details>'
    )


def _render_doc(number: int, name: str, source: str, article: Article) -> str:
    counts = Counter(r.kind for r in article.removed)
    kind_rows = "".join(
        f'<tr data-kind="{_e(k)}"><td><span class="swatch"></span> {_e(k)}</td><td class="n">{n}</td></tr>'
        for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    kinds_table = f'<table class="kinds">{kind_rows}</table>' if kind_rows else ""
    status = _e(article.status)
    return (
        f'<section class="doc" id="doc-{number}" data-name="{_e(name)}" data-status="{status}" '
        f'data-removals="{len(article.removed)}">\n'
        f'<h2>{_e(name)}<span class="status status-{status}">{status}</span>'
        f'<span class="doc-stats"><span class="doc-count">{len(article.removed)}</span> of '
        f"{len(article.removed)} removals shown · {len(article.repairs)} repairs</span></h2>\n"
        f'<div class="cols">\n{_render_article(article)}\n'
        f'<div class="original"><h3 class="pane">Original, removals struck through</h3>'
        f'<pre class="source">{marked_source(source, article)}</pre>{kinds_table}</div>\n</div>\n'
        f"{_render_audit(source, article)}\n</section>"
    )


def render(items: Sequence[tuple[str, str, Article]], *, title: str = "cleaner report") -> str:
    """One self-contained HTML page for `(name, original text, article)` triples.

    The page loads nothing from the network. Every name, text and rule field is escaped.
    """
    totals = Counter(r.kind for _, _, a in items for r in a.removed)
    rules = Counter((r.rule, r.name) for _, _, a in items for r in a.removed)
    n_removed = sum(totals.values())
    n_repairs = sum(len(a.repairs) for _, _, a in items)
    kinds = list(KINDS) + sorted(k for k in totals if k not in KINDS)

    legend = "\n".join(
        f'<li data-kind="{_e(k)}" class="{"" if totals[k] else "empty"}"><label>'
        f'<input type="checkbox" class="kind-filter" value="{_e(k)}" checked>'
        f'<span class="swatch"></span>{_e(k)} <span class="kind-count" data-kind="{_e(k)}">{totals[k]}</span>'
        f"</label></li>"
        for k in kinds
    )
    options = "".join(
        f'<option value="{_e(code)}">{_e(code)} {_e(name)} ({n})</option>' for (code, name), n in sorted(rules.items())
    )
    docs = "\n".join(_render_doc(i, name, source, art) for i, (name, source, art) in enumerate(items, 1))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="cleaner report">
<title>{_e(title)}</title>
<style>{_CSS}
{_kind_css(kinds)}
</style>
</head>
<body>
<header class="top">
<h1>{_e(title)}</h1>
<p class="summary"><b id="docs-shown">{len(items)}</b> of <b id="doc-total">{len(items)}</b> documents ·
<b id="shown-count">{n_removed}</b> of <b id="removal-total">{n_removed}</b> removals shown ·
<b id="repair-total">{n_repairs}</b> repairs</p>
<div class="controls">
<input type="search" id="search" placeholder="Search documents…" aria-label="Search documents">
<label>Rule <select id="rule-filter"><option value="">all rules</option>{options}</select></label>
<span><button type="button" id="all-kinds">All kinds</button>
<button type="button" id="no-kinds">No kinds</button></span>
<label><input type="checkbox" id="hide-removed"> Hide removed text</label>
</div>
<ul class="legend" id="legend">
{legend}
</ul>
</header>
<main>
{docs}
</main>
<script>{_JS}</script>
</body>
</html>
"""


# --- command line -------------------------------------------------------------------------------


def _txt_files(paths: Sequence[str]) -> Iterator[Path]:
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from sorted(x for x in path.rglob("*.txt") if x.is_file())
        else:
            yield path


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file in the same folder and `os.replace`.

    Unlike `cleaner.io.atomic_write` the text is written as it is (no NFC), so the page shows
    the original input character for character.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        tmp_path = Path(tmp)
        tmp_path.chmod(_umask_mode())  # as `open()` would create it; mkstemp makes it 0600
        tmp_path.replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="cleaner report",
        description="Clean .txt files and write one self-contained HTML page showing every removal.",
    )
    ap.add_argument("paths", nargs="+", metavar="PATH", help="files, or directories searched for *.txt")
    ap.add_argument("-o", "--output", default="report.html", help="the HTML file to write (default: report.html)")
    ap.add_argument("--select", default=None, help="comma-separated rule codes, prefixes or kinds to run")
    ap.add_argument("--ignore", default=None, help="comma-separated rule codes, prefixes or kinds to skip")
    ap.add_argument("--preview", action="store_true", help="also run preview rules")
    ap.add_argument("--title", default="cleaner report", help="the page title")
    return ap


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(",") if v.strip())


def main(argv: Sequence[str]) -> int:
    """Run ``cleaner report PATH... -o report.html``.

    Exit status 0 when the report was written with every file; 2 for a usage error, a missing
    path, no input files, or a file that could not be read (it is named on stderr; the report
    is still written with the others, so a review never silently skips a file).
    """
    try:
        args = _parser().parse_args(list(argv))
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else EXIT_ERROR
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        shown = ", ".join(display_name(p) for p in missing)
        print(f"cleaner report: no such file or directory: {shown}", file=sys.stderr)
        return EXIT_ERROR
    try:
        config = Config(select=_split(args.select) or ("ALL",), ignore=_split(args.ignore), preview=args.preview)
    except ValueError as e:
        print(f"cleaner report: {e}", file=sys.stderr)
        return EXIT_ERROR
    output = Path(args.output)
    items: list[tuple[str, str, Article]] = []
    failed = 0
    for path in _txt_files(args.paths):
        if path.resolve() == output.resolve():
            continue
        try:
            source = read_text(path)
        except DecodeError as e:
            print(f"cleaner report: skipped {display_name(e.name)}: {e.reason}", file=sys.stderr)
            failed += 1
            continue
        except OSError as e:
            print(f"cleaner report: skipped {display_name(str(path))}: {e.strerror or e}.", file=sys.stderr)
            failed += 1
            continue
        items.append((display_name(str(path)), source, clean(source, config=config)))
    if not items and not failed:
        print("cleaner report: no .txt files found in the given paths.", file=sys.stderr)
        return EXIT_ERROR
    try:
        write_atomic(output, render(items, title=args.title))
    except OSError as e:
        print(f"cleaner report: could not write {display_name(str(output))}: {e.strerror or e}", file=sys.stderr)
        return EXIT_ERROR
    removed = sum(len(a.removed) for _, _, a in items)
    print(f"Wrote {display_name(str(output))}: {len(items)} documents, {removed} removals.")
    return EXIT_ERROR if failed else EXIT_OK
