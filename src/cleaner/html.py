"""Clean an article given as HTML: extract the main text with trafilatura, then run the text rules.

`clean_html(html)` is `clean()` for HTML input. trafilatura finds the main content, title and
date; the text rules then remove what it leaves in (captions, "Advertisement", share lines,
newsletter boxes, author bios). This module needs the optional dependencies
(``pip install cleaner[html]``); they are imported only when `clean_html` is called, so
``import cleaner`` never imports trafilatura or lxml.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Final

from cleaner.config import DEFAULT, Config
from cleaner.model import Article, Removal
from cleaner.patterns import DATELINE, TIMEOUT
from cleaner.pipeline import clean
from cleaner.rules import by_code

_INSTALL_HINT: Final = "pip install cleaner[html]"
#: As in `clean()`: a dateline is split off only when more than this many characters follow it.
DATELINE_MIN_REST: Final = 20

#: trafilatura options used by `clean_html`. Measured on the dev benchmark (181 pages, see
#: benchmarks/README.md): `favor_precision`/`favor_recall` both lower the macro F1 of the
#: combined pipeline, `include_tables=True` (the default) keeps tables that are part of the
#: body, and `deduplicate` only matters across documents.
TRAFILATURA_OPTIONS: Final[dict[str, Any]] = {
    "include_comments": False,
    "include_tables": True,
    "favor_precision": False,
    "favor_recall": False,
    "with_metadata": True,
}

#: Rules that are not run on trafilatura's output. Its output is already the main content, so
#: the context rules that look for the main content in a whole-page dump (CTX001 drops text
#: outside the densest run of prose, CTX002 drops short lines next to noise) only remove real
#: paragraphs here: short one-line paragraphs, subheadings and list items.
HTML_IGNORE: Final[tuple[str, ...]] = ("CTX001", "CTX002")

#: Elements whose text is never visible (used by the fallback when trafilatura finds nothing).
_INVISIBLE: Final = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")


def html_config(config: Config | None = None) -> Config:
    """The text-rule configuration used on extracted text: `config` with the `HTML_IGNORE` rules off."""
    base = config or DEFAULT
    extra = tuple(code for code in HTML_IGNORE if code not in base.ignore)
    return dataclasses.replace(base, ignore=(*base.ignore, *extra)) if extra else base


def extract(html: str) -> tuple[str, str | None, str | None]:
    """The text `clean_html` cleans, with the page title and date (ISO) that trafilatura found.

    The text is the title line (when there is a title), a blank line, and the extracted
    paragraphs separated by blank lines. When trafilatura extracts nothing, the page's visible
    text (beautifulsoup4) is used instead.
    """
    if not isinstance(html, str):
        raise TypeError(
            f"clean_html() takes str, not {type(html).__name__}; decode the page first, "
            "for example with data.decode('utf-8', errors='replace')."
        )
    trafilatura = _require("trafilatura")
    title: str | None = None
    date: str | None = None
    body = ""
    if html.strip():
        doc = trafilatura.bare_extraction(html, **TRAFILATURA_OPTIONS)
        if doc is not None:
            data: dict[str, Any] = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
            title = _clean_line(data.get("title"))
            date = _clean_line(data.get("date"))
            body = data.get("text") or ""
        if not body.strip():
            body = visible_text(html)
    paragraphs = [" ".join(line.split()) for line in body.splitlines()]
    parts = [p for p in paragraphs if p]
    if title:
        parts.insert(0, title)
    return ("\n\n".join(parts) + "\n" if parts else ""), title, date


def visible_text(html: str) -> str:
    """The page's visible text, one block of text per line (beautifulsoup4, stdlib parser)."""
    bs4 = _require("bs4")
    soup = bs4.BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(_INVISIBLE):
        tag.decompose()
    text: str = soup.get_text("\n")
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def clean_html(html: str, *, config: Config | None = None) -> Article:
    """Clean one article page given as HTML.

    trafilatura (`TRAFILATURA_OPTIONS`) extracts the title, the date and the main text; the
    text to clean is the title line, a blank line, then the extracted paragraphs separated by
    blank lines (see `extract`). `cleaner.clean` then runs on that text with `config`, minus
    the context rules in `HTML_IGNORE`: trafilatura has already found the main content, and
    those rules, built to find it in a whole-page dump, would drop short real paragraphs of
    it. The other rules remove what trafilatura leaves in: captions, "Advertisement" markers,
    share lines, newsletter boxes, author bios.

    When the text rules find no headline, trafilatura's title is used; when they find no date,
    trafilatura's date is used. **Removal offsets** (`Article.removed[i].start/end`) and repair
    offsets refer to the extracted text returned by `extract(html)[0]`, not to the HTML.

    Raises `ImportError` when trafilatura (or, for pages where it finds nothing,
    beautifulsoup4) is not installed, and `TypeError` for non-`str` input.
    """
    text, title, date = extract(html)
    return finish(text, clean(text, config=html_config(config)), title, date)


def finish(text: str, article: Article, title: str | None, date: str | None) -> Article:
    """Fill in what the text rules left open from trafilatura's metadata.

    `article` is `clean(text)` for the text built by `extract`, whose first line is `title`.
    The text rules only take a kept first line as the headline when a context rule marked it
    as outside the body, and those are off for HTML (`HTML_IGNORE`), so the title line is
    promoted here: it becomes the headline, copies of it at the top of the body are removed
    as duplicate headlines (rule HDL001), and a dateline that now opens the body is split
    off as `clean()` does. A date trafilatura found fills `date` when the text had none.
    """
    if article.status == "not_an_article":
        return article
    changes: dict[str, Any] = {}
    if article.headline is None and title:
        changes.update(_promote_title(text, article, title))
    if article.date is None and date:
        changes["date"] = date
    return dataclasses.replace(article, **changes) if changes else article


def _promote_title(text: str, article: Article, title: str) -> dict[str, Any]:
    body = list(article.body)
    removed = list(article.removed)
    if body and body[0] == title and article.dateline is None:
        body.pop(0)
    else:
        # A rule removed (part of) the title line; it is the headline, not noise.
        at_title = [r for r in removed if r.start == 0 and r.end <= len(title)]
        if not at_title:
            return {"headline": title}
        removed = [r for r in removed if r not in at_title]
    pos = len(title)
    hdl = by_code("HDL001")
    key = title.casefold()
    while body and body[0].casefold() == key:
        start = text.find(body[0], pos)
        if start < 0:
            break
        pos = start + len(body[0])
        removed.append(Removal(hdl.code, hdl.name, hdl.kind, start, pos, body.pop(0)))
    changes: dict[str, Any] = {"headline": title, "body": tuple(body), "removed": tuple(sorted(removed, key=_start))}
    if body and article.dateline is None:
        m = DATELINE.match(body[0], timeout=TIMEOUT)
        if m is not None and len(body[0]) > m.end() + DATELINE_MIN_REST:
            changes["dateline"] = m.group("dl")
            body[0] = body[0][m.end() :]
            changes["body"] = tuple(body)
    if not body:
        return {"headline": title}
    if removed and article.status == "unchanged":
        changes["status"] = "cleaned"
    return changes


def _start(r: Removal) -> int:
    return r.start


def _clean_line(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    line = " ".join(value.split())
    return line or None


def _require(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise ImportError(
            f"cleaner.html needs the optional package {module!r}, which is not installed; "
            f"install it with: {_INSTALL_HINT}"
        ) from e
