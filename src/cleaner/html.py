"""Clean an article given as HTML: extract the main text with trafilatura, then run the text rules.

`clean_html(html)` is `clean()` for HTML input. trafilatura finds the main content, title and
date; the text rules then remove what it leaves in (captions, "Advertisement", share lines,
newsletter boxes, author bios). This module needs the optional dependencies
(``pip install cleaner[html]``); they are imported only when `clean_html` is called, so
``import cleaner`` never imports trafilatura or lxml.
"""

from __future__ import annotations

import dataclasses
import difflib
import html as html_entities
from typing import Any, Final

from cleaner.config import DEFAULT, Config
from cleaner.model import Article, Removal
from cleaner.patterns import DATELINE, timeout_for
from cleaner.pipeline import clean
from cleaner.rules import by_code

_INSTALL_HINT: Final = "pip install cleaner[html]"
#: As in `clean()`: a dateline is split off only when more than this many characters follow it.
DATELINE_MIN_REST: Final = 20

#: trafilatura options of every extraction pass (see `extract`).
TRAFILATURA_OPTIONS: Final[dict[str, Any]] = {"include_comments": False, "include_tables": True}

#: A fast precise pass that keeps at least this many words has found the article: it is used
#: alone. Shorter extractions get a second opinion from the default pass (see `extract`).
SHORT_WORDS: Final = 250
#: A fast precise pass that keeps fewer words than this is a stub or a miss: it runs again
#: with trafilatura's fallbacks (readability, jusText), see `extract`.
STUB_WORDS: Final = 100

#: When the precise pass keeps less than this share of the default pass's words, it has cut the
#: article down to a stub and the default pass is used alone.
PRECISE_MIN_SHARE: Final = 0.2
#: A paragraph only the default pass kept, between paragraphs both passes kept, is restored when
#: it reads as prose: at least this many words, ending like a sentence, not all capitals.
RESTORE_MIN_WORDS: Final = 10
_SENTENCE_END: Final = (".", "!", "?", '"', "”", "»", ")", "。", "！", "？")

#: Rules that are not run on trafilatura's output, and why:
#: * CTX001, CTX002: trafilatura's output is already the main content; these context rules,
#:   built to find it in a whole-page dump, only drop real short paragraphs, subheadings and
#:   list items here (dev set: macro F1 0.941 with them, 0.962 without, single pass).
#: * NAV001: glued menus ("HomeWorldNews") are an artefact of text dumps that glue inline
#:   elements; trafilatura separates them, and the rule misfires on unspaced scripts (Japanese).
#: * LEG001, LEG003: page-footer copyright lines and site disclaimers never reach the text
#:   rules (trafilatura drops footers); the ones left are inside the article element, such as
#:   a wire service's notice closing a syndicated story ("may not be published, broadcast,
#:   rewritten or redistributed"), which the benchmark's annotators count as body. On the dev
#:   set LEG003 fires on one HTML page, on that notice (lost 8 -> 9 with it).
HTML_IGNORE: Final[tuple[str, ...]] = ("CTX001", "CTX002", "NAV001", "LEG001", "LEG003")

#: Elements whose text is never visible (used by the fallback when trafilatura finds nothing).
_INVISIBLE: Final = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")


def html_config(config: Config | None = None) -> Config:
    """The text-rule configuration used on extracted text: `config` with the `HTML_IGNORE` rules off."""
    base = config or DEFAULT
    extra = tuple(code for code in HTML_IGNORE if code not in base.ignore)
    return dataclasses.replace(base, ignore=(*base.ignore, *extra)) if extra else base


def extract(html: str) -> tuple[str, str | None, str | None]:
    """The text `clean_html` cleans, with the page title and date (ISO) that trafilatura found.

    The page is parsed once (`trafilatura.load_html`). The title and date are read from that
    tree (`metadata`); then the markup that holds no text is dropped (`drop_markup`) and the
    main text comes from one to three trafilatura passes on the tree (`main_paragraphs`):

    * a fast precise pass (``favor_precision=True, fast=True``: trafilatura's own extractor,
      without the readability/jusText comparison), which drops related-link lists, comment and
      newsletter blocks, but sometimes a paragraph inside the article too. When it keeps at
      least `SHORT_WORDS` words, it is the text;
    * a shorter result is merged with a fast default pass (`combine`): a paragraph only the
      default pass kept is put back when it lies between paragraphs both passes kept and reads
      as prose (`RESTORE_MIN_WORDS`), and when the precise pass keeps less than
      `PRECISE_MIN_SHARE` of the default pass's words, the default pass is used alone;
    * below `STUB_WORDS` words the precise pass has missed the article (it kept a teaser, a
      caption, a login box): it runs again with trafilatura's fallbacks (``fast=False``:
      readability and jusText may replace its own extraction). When that finds `SHORT_WORDS`
      words, they are the text; else it is merged with a default pass with the fallbacks too.

    When trafilatura extracts nothing, the page's visible text (beautifulsoup4) is used instead,
    without title and date.

    The text is the title line (when there is a title), a blank line, and the extracted
    paragraphs separated by blank lines.
    """
    if not isinstance(html, str):
        raise TypeError(
            f"clean_html() takes str, not {type(html).__name__}; decode the page first, "
            "for example with data.decode('utf-8', errors='replace')."
        )
    trafilatura = _require("trafilatura")
    title: str | None = None
    date: str | None = None
    paragraphs: list[str] = []
    tree = trafilatura.load_html(html) if html.strip() else None
    if tree is not None:
        title, date = metadata(tree)
        if title:
            title = bare_title(title, title_places(tree))
        drop_markup(tree)
        paragraphs = main_paragraphs(tree)
        if not paragraphs:
            title = date = None
    if not paragraphs and html.strip():
        paragraphs = _split(visible_text(html))
    parts = [title, *paragraphs] if title else paragraphs
    return ("\n\n".join(parts) + "\n" if parts else ""), title, date


#: A title place this much shorter than trafilatura's title is the title less a site name.
SITE_AFFIX_MAX_CHARS: Final = 60


def title_places(tree: Any) -> tuple[tuple[str, str], ...]:
    """The page's own title places as (tag, text): og:title, twitter:title, the ``<h1>``
    headings and ``<title>``, each text on one line."""
    found: list[tuple[str, str | None]] = []
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or "").lower()
        if key in ("og:title", "twitter:title"):
            found.append((key, _clean_line(element.get("content"))))
    for tag in ("h1", "title"):
        found.extend((tag, _clean_line(" ".join(element.itertext()))) for element in tree.iter(tag))
    return tuple((tag, text) for tag, text in found if text)


#: The heading the reader sees outweighs a social card's title when the places disagree.
H1_VOTE: Final = 1.5
#: Another title replaces trafilatura's only when places agree on it (a lone ``<h1>`` may be a
#: site name or a dialog's heading).
MIN_VOTES: Final = 2.0


_FOLD: Final = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


def _key(text: str) -> str:
    return " ".join(text.translate(_FOLD).casefold().split())


def _covers(longer: str, shorter: str) -> bool:
    """`longer` is `shorter` plus a short affix (a site name, shorter than the title itself)."""
    extra = len(longer) - len(shorter)
    if not 0 < extra <= min(SITE_AFFIX_MAX_CHARS, len(shorter)):
        return False
    return longer.startswith(shorter) or longer.endswith(shorter)


def bare_title(title: str, places: tuple[tuple[str, str], ...]) -> str:
    """The title the page's title places agree on most (the ``<h1>`` weighing `H1_VOTE`), less
    a site name only where a place shows it without one ("Title | Site" beside an ``<h1>``
    "Title"); trafilatura's `title` on a tie or when no two places agree on another."""
    usable = [(tag, text) for tag, text in places if len(text.split()) >= 2]
    options = [title, *(text for _, text in usable)]
    # each place votes once: a page repeats a dialog's heading in several hidden h1 elements
    voters = list(dict.fromkeys((H1_VOTE if tag == "h1" else 1.0, _key(text)) for tag, text in usable))

    def votes(k: str) -> float:
        return sum(w for w, other in voters if other == k or _covers(other, k))

    best, best_votes = title, votes(_key(title))
    for option in options[1:]:
        k = _key(option)
        v = votes(k)
        if v >= MIN_VOTES and (v > best_votes or (v == best_votes and _covers(_key(best), k))):
            best, best_votes = option, v
    return best


def main_paragraphs(tree: Any) -> list[str]:
    """The article's paragraphs from a page parsed by `trafilatura.load_html` (see `extract`).

    Every pass works on its own copy of `tree` (trafilatura copies a tree it is given), so the
    parse is shared and `tree` is left as it was.
    """
    precise = _extraction(tree, favor_precision=True, fast=True)
    words = _words(precise)
    if STUB_WORDS <= words < SHORT_WORDS:
        return combine(precise, _extraction(tree, fast=True))
    if words < STUB_WORDS:
        precise = _extraction(tree, favor_precision=True)
        if _words(precise) < SHORT_WORDS:
            return combine(precise, _extraction(tree))
    return precise


def drop_markup(tree: Any) -> None:
    """Remove from `tree`, in place, the elements that hold no text of the page (`_MARKUP`).

    trafilatura deletes them itself before it looks for the main text, but only after the
    stages that scan the whole page (its pruning XPaths over the raw tree, readability), which
    then run faster on a smaller tree. JSON-LD scripts stay: trafilatura reads them (a forum
    thread's posts, an article body in its baseline extraction). Text after an element (its
    tail) is kept, as trafilatura does.
    """
    for element in list(tree.iter(*_MARKUP)):
        if element.tag == "script" and element.get("type") == "application/ld+json":
            continue
        if element.getparent() is not None:
            element.drop_tree()


#: Elements that never hold text of the page and that trafilatura deletes (or strips) before
#: extracting the main text.
_MARKUP: Final = ("script", "style", "svg", "link", "meta", "noscript")


def _extraction(tree: Any, **options: bool) -> list[str]:
    trafilatura = _require("trafilatura")
    return _paragraphs(trafilatura.bare_extraction(tree, **options, **TRAFILATURA_OPTIONS))


def metadata(tree: Any) -> tuple[str | None, str | None]:
    """The page title and date (ISO) as trafilatura's metadata extraction finds them.

    The same steps and order as `trafilatura.metadata.extract_metadata` for these two fields
    (meta tags, then JSON-LD, then the page's headings and ``<title>``; the date by htmldate
    with trafilatura's date settings and the page URL), without the fields `clean_html` does
    not use (author, sitename, categories, tags, licence), which cost more than the two
    together. Nothing in `tree` is changed.
    """
    meta = _require("trafilatura.metadata")
    settings = _require("trafilatura.settings")
    htmldate = _require("htmldate")
    found = meta.examine_meta(tree)
    if not found.title:  # JSON-LD only fills in a title the meta tags did not give
        found = meta.extract_meta_json(tree, found)
    title = found.title or meta.extract_title(tree)
    url = found.url or meta.extract_url(tree, None)
    extensive = settings.DEFAULT_CONFIG.getboolean("DEFAULT", "EXTENSIVE_DATE_SEARCH")
    date = htmldate.find_date(tree, **{**settings.set_date_params(extensive), "url": url})
    return _trimmed(title), _trimmed(date)


def _trimmed(value: object) -> str | None:
    """A metadata field as trafilatura's ``Document.clean_and_trim`` leaves it, on one line."""
    if not isinstance(value, str):
        return None
    if len(value) > _MAX_FIELD:
        value = value[: _MAX_FIELD - 1] + "…"
    utils = _require("trafilatura.utils")
    return _clean_line(utils.line_processing(html_entities.unescape(value)))


#: trafilatura cuts metadata fields longer than this (``Document.clean_and_trim``).
_MAX_FIELD: Final = 10_000


def combine(precise: list[str], default: list[str]) -> list[str]:
    """Merge the paragraphs of trafilatura's precise and default passes (see `extract`)."""
    if not precise or _words(precise) < PRECISE_MIN_SHARE * _words(default):
        return default
    ops = difflib.SequenceMatcher(None, default, precise, autojunk=False).get_opcodes()
    shared = [k for k, op in enumerate(ops) if op[0] == "equal"]
    out: list[str] = []
    for k, (op, i1, i2, j1, j2) in enumerate(ops):
        if op == "equal":
            out.extend(default[i1:i2])
        elif op == "delete":
            if shared and shared[0] < k < shared[-1]:
                out.extend(p for p in default[i1:i2] if _prose(p))
        else:
            out.extend(precise[j1:j2])
    return out


def _paragraphs(doc: Any) -> list[str]:
    return _split(doc.text or "") if doc is not None else []


def _split(text: str) -> list[str]:
    return [line for line in (" ".join(raw.split()) for raw in text.splitlines()) if line]


def _words(paragraphs: list[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def _prose(paragraph: str) -> bool:
    return len(paragraph.split()) >= RESTORE_MIN_WORDS and paragraph.endswith(_SENTENCE_END) and not paragraph.isupper()


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

    trafilatura extracts the title, the date and the main text (one fast pass, a second
    opinion for short extractions, see `extract`); the text to clean is the title line, a
    blank line, then the extracted paragraphs separated by blank lines. `cleaner.clean` then
    runs on that text with `config` minus the rules in `HTML_IGNORE` (the context rules
    CTX001/CTX002, which would drop short real paragraphs of content trafilatura has already
    found, NAV001, LEG001 and LEG003; the reasons are by `HTML_IGNORE`). The other
    rules remove what trafilatura leaves in: captions, "Advertisement" markers, share lines,
    newsletter boxes, author bios. On the dev benchmark this scores macro body F1 0.976 with
    8 lost pages, against 0.959 and 8 for trafilatura alone (benchmarks/README.md).

    When the text rules find no headline, trafilatura's title is used; when they find no date,
    trafilatura's date is used. **Removal offsets** (`Article.removed[i].start/end`) and repair
    offsets refer to the extracted text returned by `extract(html)[0]`, not to the HTML.

    Raises `ImportError` when trafilatura (or, for pages where it finds nothing,
    beautifulsoup4) is not installed, and `TypeError` for non-`str` input.
    """
    text, title, date = extract(html)
    cfg = dataclasses.replace(html_config(config), title_hint=title)
    return finish(text, clean(text, config=cfg), title, date)


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
        m = DATELINE.match(body[0], timeout=timeout_for(body[0]))
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
