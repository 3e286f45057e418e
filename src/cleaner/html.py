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
from collections import Counter
from typing import Any, Final

import regex

from cleaner import pattern_cache
from cleaner.config import DEFAULT, Config
from cleaner.headline import content_words, norm
from cleaner.model import Article, Removal
from cleaner.patterns import DATELINE, WORD, timeout_for
from cleaner.pipeline import clean
from cleaner.rules import by_code

_INSTALL_HINT: Final = "pip install cleaner[html]"
#: As in `clean()`: a dateline is split off only when more than this many characters follow it.
DATELINE_MIN_REST: Final = 20

#: trafilatura options of every extraction pass (see `extract`).
TRAFILATURA_OPTIONS: Final[dict[str, Any]] = {"include_comments": False, "include_tables": True}

#: A fast precise pass that keeps fewer words than this is a stub or a miss: it runs again
#: with trafilatura's fallbacks (readability, jusText), see `extract`.
STUB_WORDS: Final = 100

#: When the precise pass keeps less than this share of the default pass's words, it has cut the
#: article down to a stub and the default pass is used alone.
PRECISE_MIN_SHARE: Final = 0.2
#: ... or less than this share of the fast recall pass's words. The recall pass is trafilatura's
#: own extractor, which reads the same containers as the precise pass: where it finds 2.5 times
#: the words, the precise pass has kept a side part of the page (an FAQ box, a product page's
#: press quotes) instead of the article. The default pass's extra words may come from its
#: readability/jusText fallback, which on a news page can take in every teaser of the page,
#: hence the lower `PRECISE_MIN_SHARE` against it. Calibration (precise/recall word shares):
#: the lowest on benchmarks/dev is 0.05 (a stub, default pass anyway), then 0.61; on dev2 a
#: marketing page, an FAQ-boxed list article and a product page lie between 0.2 and 0.4, where
#: the default pass has the better text (html2 F1 +.006, dev and dev3 unchanged).
RECALL_MIN_SHARE: Final = 0.4
#: A paragraph only the fuller pass kept inside the article is put back unless it is a line of at
#: least this many words all in capitals (`_shouted`): a news site's link to another story.
SHOUTED_MIN_WORDS: Final = 3
#: A stretch of paragraphs where the passes disagree (the precise pass kept other paragraphs than
#: the default pass) is taken from the default pass when it holds more than this many times the
#: precise pass's words there (plus `REPLACE_MIN_WORDS`): the precise pass kept a closing line
#: ("Best regards") where the default pass kept a thread of answers or a document's sections.
REPLACE_MIN_RATIO: Final = 2.0
#: ... and more than twice the precise pass's words by at least this many words.
REPLACE_MIN_WORDS: Final = 10

#: When the text rules would remove more than this share of the words of trafilatura's main text
#: (the extracted paragraphs, title line aside), and more than `MIN_RULE_LOSS_WORDS` words,
#: `clean_html` keeps trafilatura's paragraphs as they are and flags the page (`confident=False`)
#: instead (see `keep_main_text`). Calibrated on both dev sets: on benchmarks/dev (news pages)
#: the rules remove at most 8.2% and at most 39 words of it, and what they remove there is noise
#: (related links, captions, share lines), so no dev page is flagged; on benchmarks/dev2 the pages
#: above 5% and 60 words are mostly code blocks taken for style sheets and forum replies taken for
#: a comment thread: 16 pages flagged, html2 lost 71 -> 66, macro F1 .814 -> .819 (10% flags 11
#: and loses 67; 3% flags 19 and loses 65). Re-checked on the merged passes of issue 13: 3%, 5%
#: and 8% give html2 F1 .867, .867, .867 with 49, 49, 50 lost pages (21, 18, 14 flagged); dev
#: and dev3 unchanged.
MAX_RULE_LOSS: Final = 0.05
#: ... and only when the rules would remove more words than this: three noise lines of a short
#: page (an advert marker, a share line, a caption: ~25 words) are a large share of it but not
#: content; the most the rules remove on a dev page is 39 words.
MIN_RULE_LOSS_WORDS: Final = 60

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
    main text comes from three or four trafilatura passes on the tree (`main_paragraphs`):

    * a fast precise pass (``favor_precision=True, fast=True``: trafilatura's own extractor,
      without the readability/jusText comparison), which drops related-link lists, comment and
      newsletter blocks, but sometimes a paragraph, a code block, a forum answer or a section
      of the article too. Below `STUB_WORDS` words it has missed the article (it kept a teaser,
      a caption, a login box): it runs again with trafilatura's fallbacks (``fast=False``:
      readability and jusText may replace its own extraction);
    * trafilatura's default pass (with its fallbacks: trafilatura alone), which keeps more;
    * the two are merged (`combine`): every paragraph only the default pass kept between
      paragraphs both passes kept is put back (the precise pass drops code lines, list items,
      table cells and answers inside the article; the text rules remove what is noise among
      them) but a line all in capitals (`SHOUTED_MIN_WORDS`); a stretch where the default
      pass kept far more than the precise pass is taken from the default pass
      (`REPLACE_MIN_RATIO`); when the precise pass keeps less than `PRECISE_MIN_SHARE` of the
      default pass's words, or less than `RECALL_MIN_SHARE` of the recall pass's (below), the
      default pass is used alone.
      Paragraphs only the default pass kept before the first or after the last shared one
      (related links, teasers) stay out;
    * the result is merged the same way with a fast recall pass (``favor_recall=True,
      fast=True``), which keeps the short lines both other passes drop inside an article
      (list items, table rows, the lines of a code block, a forum post's one-line answers),
      but never replaces it wholesale (``min_share=0``).

    When trafilatura extracts nothing, the page's visible text (beautifulsoup4) is used instead,
    without title and date.

    The text is the title line (when there is a title), a blank line, and the extracted
    paragraphs separated by blank lines.
    """
    text, title, date, _ = _extract(html)
    return text, title, date


def _extract(html: str) -> tuple[str, str | None, str | None, tuple[str, ...]]:
    """`extract`, and the messages of `bound_markup` (what it cut from the page before parsing)."""
    if not isinstance(html, str):
        raise TypeError(
            f"clean_html() takes str, not {type(html).__name__}; decode the page first, "
            "for example with data.decode('utf-8', errors='replace')."
        )
    trafilatura = _require("trafilatura")
    title: str | None = None
    date: str | None = None
    paragraphs: list[str] = []
    html, messages = bound_markup(html)
    tree = trafilatura.load_html(html) if html.strip() else None
    if tree is not None and _parse_stopped_early():
        messages = (*messages, DEPTH_MESSAGE)
    if tree is not None:
        title, date = metadata(tree)
        if title:
            title = less_site_name(bare_title(title, title_places(tree)), site_names(tree))
        drop_markup(tree)
        paragraphs = main_paragraphs(tree)
        if not paragraphs:
            title = date = None
    if not paragraphs and html.strip():
        paragraphs = _split(visible_text(html))
    parts = [title, *paragraphs] if title else paragraphs
    return ("\n\n".join(parts) + "\n" if parts else ""), title, date, messages


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


def site_names(tree: Any) -> tuple[str, ...]:
    """The names the page gives its site (``og:site_name``, ``application-name``), on one line."""
    names: list[str] = []
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or "").lower()
        if key in ("og:site_name", "application-name"):
            name = _clean_line(element.get("content"))
            if name:
                names.append(name)
    return tuple(names)


#: Separators between a page title and the site's name ("Title | Site", "Title - Site").
SITE_SEPARATORS: Final = (" | ", " - ", " – ", " — ", " :: ", " · ")
#: What is left of the title has at least this many words.
BARE_MIN_WORDS: Final = 2


def less_site_name(title: str, names: tuple[str, ...]) -> str:
    """`title` less a " | Site" suffix that is the site's own name as the page's metadata gives
    it ("How to prune roses | Garden Weekly" with og:site_name "Garden Weekly"). Every page of
    the three development sets whose ``<title>`` ends so has the bare title for its headline."""
    k = _key(title)
    for name in names:
        for sep in SITE_SEPARATORS:
            suffix = _key(sep + name)
            if k.endswith(suffix) and len(title) > len(suffix):
                head = title[: len(title) - len(sep + name)].rstrip()
                if len(head.split()) >= BARE_MIN_WORDS and _key(head + sep + name) == k:
                    return head
    return title


#: The heading the reader sees outweighs a social card's title when the places disagree.
H1_VOTE: Final = 1.5
#: An ``<h1>`` that words the same story as the other title places (at least `SAME_STORY` of its
#: content words in one of them) outweighs all of them together: the page's ``<title>``,
#: og:title and twitter:title often carry a search-engine variant of the title ("Guide to X in
#: 2024 | Site", "Top 11 Tips for 2025 | Site") that the reader never sees, while the heading over
#: the article is the title as published. An ``<h1>`` that shares no words with them (a site's
#: name in a logo heading, a dialog's heading) keeps `H1_VOTE`, and so does one that the other
#: places end with (the site's name or tagline after the title: "Title - Site Tagline").
H1_SAME_STORY_VOTE: Final = 3.5
SAME_STORY: Final = 0.5
#: Another title replaces trafilatura's only when places agree on it (a lone ``<h1>`` may be a
#: site name or a dialog's heading).
MIN_VOTES: Final = 2.0


_FOLD: Final = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


def _key(text: str) -> str:
    """`headline.norm` with curly quotes and dashes folded (title places spell them differently)."""
    return norm(text.translate(_FOLD))


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
    others = [content_words(text) for tag, text in usable if tag != "h1"] + [content_words(title)]
    place_keys = [_key(text) for tag, text in usable if tag != "h1"] + [_key(title)]

    def weight(tag: str, text: str) -> float:
        if tag != "h1":
            return 1.0
        k = _key(text)
        if any(o != k and o.endswith(k) for o in place_keys):
            return H1_VOTE  # the site's name, as the other places end with it ("Title - Site")
        own = content_words(text)
        same = own and any(len(own & other) >= SAME_STORY * len(own) for other in others)
        return H1_SAME_STORY_VOTE if same else H1_VOTE

    voters = list(dict.fromkeys((weight(tag, text), _key(text)) for tag, text in usable))

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
    if _words(precise) < STUB_WORDS:
        precise = _extraction(tree, favor_precision=True)
    default = _extraction(tree)
    recall = _extraction(tree, favor_recall=True, fast=True)
    merged = default if _words(precise) < RECALL_MIN_SHARE * _words(recall) else combine(precise, default)
    return combine(merged, recall, min_share=0.0)


#: Attributes kept on one element; the rest of its start tag is cut before the page is parsed.
#: libxml2 compares each attribute name of an element with the ones before it, so parsing
#: costs the square of an element's count of distinct attribute names (5,000 on one element:
#: 0.1 s; 20,000: 3 s; 200,000, a 3.2 MB page: minutes, with jusText and htmldate slowed down
#: too). Calibration: the most attributes on one element in the 181 dev pages is 64; 256
#: leaves room for any real page and costs libxml2 microseconds.
MAX_ATTRIBUTES: Final = 256

# How HTML tokenizes a start tag's attributes: separators (whitespace, "/"), a name, an optional
# value (quoted or not); no separator is needed after a quoted value (`a="1"b="2"` is two). A
# lone "=" counts as one (libxml2 skips it; counting it only makes a cut come sooner). Every
# quantifier is possessive and bounded: each character is consumed once, whatever the input.
_SEPARATORS: Final = r"[\s/]{0,100000}+"
_NAME_AND_VALUE: Final = (
    r"(?:[^\s/>=]{1,100000}+(?:\s{0,1000}+=\s{0,1000}+"
    r"(?:\"[^\"]{0,10000000}+\"|'[^']{0,10000000}+'|[^\s>]{1,10000000}+))?+|=)"
)
_ATTRIBUTES_UP_TO_MAX: Final = f"(?:{_SEPARATORS}{_NAME_AND_VALUE}){{0,{MAX_ATTRIBUTES}}}+{_SEPARATORS}"
_MANY: Final = "{0,1000000000}+"
#: Everything `bound_markup` may pass over as it is: text, comments, script and style elements
#: (their content is not markup), start tags with at most `MAX_ATTRIBUTES` attributes, and any
#: other "<" (end tags, doctype, a "<" in text). A match stops at the first start tag it cannot
#: take (one with more attributes, or odd text inside) or at the end.
_BENIGN_PATTERN: Final = (
    r"(?:[^<]{1,100000}+"
    r"|<!--(?:[^-]{1,100000}+|-(?!->))" + _MANY + r"(?:-->|\Z)"
    r"|(?i:<script)(?=[\s/>])" + _ATTRIBUTES_UP_TO_MAX + r">(?:[^<]{1,100000}+|<(?!/(?i:script)))" + _MANY + ""
    r"|(?i:<style)(?=[\s/>])" + _ATTRIBUTES_UP_TO_MAX + r">(?:[^<]{1,100000}+|<(?!/(?i:style)))" + _MANY + ""
    r"|<[A-Za-z][^\s/>]{0,100000}+" + _ATTRIBUTES_UP_TO_MAX + r"(?:>|\Z)"
    r"|<(?![A-Za-z]|!--))" + _MANY
)


def _compile_benign() -> Any:
    # Python's own `re` when it has possessive quantifiers (3.11+): on this pattern it is about
    # 4x faster than `regex` (dev pages: 13 against 48 ms/MB, 1.5% of clean_html's time).
    import re

    try:
        return re.compile(_BENIGN_PATTERN)
    except re.error:  # pragma: no cover - Python 3.10
        return regex.compile(_BENIGN_PATTERN)


_BENIGN: Final = _compile_benign()
#: A start tag's opening: "<" and a name.
_START_TAG: Final = pattern_cache.compile(r"<[A-Za-z][^\s/>]{0,100000}+")
#: Attributes of a start tag, each one a capture of group "a" (all of them: `regex` keeps every
#: capture of a repeated group).
_ATTRIBUTES: Final = pattern_cache.compile(f"(?:{_SEPARATORS}(?P<a>{_NAME_AND_VALUE})){{0,{MAX_ATTRIBUTES}}}+")
#: What a tag's attributes cannot start with (a run of 100,000 spaces, say): skipped.
_SKIPPED: Final = pattern_cache.compile(r"[^\s>]{1,100000}+|\s{1,100000}+")
#: Where the text of a script or style element ends.
_RAW_TEXT_END: Final = {name: pattern_cache.compile(f"</{name}", regex.IGNORECASE) for name in ("script", "style")}


def bound_markup(html: str) -> tuple[str, tuple[str, ...]]:
    """`html` with every start tag cut to its first `MAX_ATTRIBUTES` attributes, and a message
    when something was cut (else `html` itself and no message).

    This runs on the string, before any parser sees it, and is linear: one match of
    `_BENIGN_PATTERN` takes the page up to the first start tag with more attributes (on a real
    page: to its end), `_cut_tag` cuts that tag, and the match goes on after it. Depth and
    element count need no bound: trafilatura's cost grows linearly with both
    (benchmarks/adversarial.py); a page deeper than libxml2 reads is flagged after parsing
    (`DEPTH_MESSAGE`).
    """
    pieces: list[str] = []
    copied = dropped = elements = pos = 0
    while True:
        pos = _BENIGN.match(html, pos).end()
        if pos >= len(html):
            break
        cut, tag_end, pos, count = _cut_tag(html, pos)
        if count > MAX_ATTRIBUTES:
            pieces.append(html[copied:cut])
            copied = tag_end
            dropped += count - MAX_ATTRIBUTES
            elements += 1
    if not dropped:
        return html, ()
    pieces.append(html[copied:])
    where = "an element" if elements == 1 else f"{elements} elements"
    cut_words = "attribute was" if dropped == 1 else "attributes were"
    message = (
        f"The page has {where} with more than {MAX_ATTRIBUTES} attributes; "
        f"{dropped} {cut_words} cut before parsing, so the result is not trusted."
    )
    return "".join(pieces), (message,)


def _cut_tag(html: str, lt: int) -> tuple[int, int, int, int]:
    """For the start tag at `lt`: where its first `MAX_ATTRIBUTES` attributes end, where the
    tag ends (its ">"), where to go on (past a script's or style's text) and how many
    attributes it has."""
    end = len(html)
    tag = _START_TAG.match(html, lt)
    if tag is None:  # pragma: no cover - the benign pattern stops only at a start tag
        return lt, lt, lt + 1, 0
    p = cut = tag.end()
    count = 0
    while p < end and html[p] != ">":
        found = _ATTRIBUTES.match(html, p)
        ends = found.ends("a") if found is not None else []
        if found is not None and ends:
            if count < MAX_ATTRIBUTES:
                cut = ends[min(len(ends), MAX_ATTRIBUTES - count) - 1]
            count += len(ends)
            p = found.end()
        else:  # something attributes cannot start with: passed over, as a browser does
            skipped = _SKIPPED.match(html, p)
            p = skipped.end() if skipped is not None else p + 1
    tag_end = p
    raw = _RAW_TEXT_END.get(tag.group()[1:].lower())
    if raw is not None and p < end:
        close = raw.search(html, p)
        p = end if close is None else close.start()
    return cut, tag_end, p, count


#: libxml2 stops parsing a page whose elements nest deeper than 256 (without its "huge" option,
#: which lifts other limits too): everything after that point is missing from the tree.
DEPTH_MESSAGE: Final = (
    "The page nests elements deeper than the HTML parser's limit (256), which stops reading there; "
    "the text after that point is missing, so the result is not trusted."
)


def _parse_stopped_early() -> bool:
    """Whether the last `trafilatura.load_html` hit a libxml2 resource limit (nesting depth).

    Read from the error log of trafilatura's parser, which holds the last parse's errors: free,
    where measuring the tree's depth would cost ~5 ms per MB.
    """
    parser = getattr(_require("trafilatura.utils"), "HTML_PARSER", None)
    log = getattr(parser, "error_log", None)
    if log is None:
        return False
    etree = _require("lxml.etree")
    return bool(log.filter_types([etree.ErrorTypes.ERR_RESOURCE_LIMIT]))


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


def combine(precise: list[str], default: list[str], *, min_share: float = PRECISE_MIN_SHARE) -> list[str]:
    """Merge the paragraphs of a precise and a fuller trafilatura pass (see `extract`); the
    fuller pass alone when the precise one keeps less than `min_share` of its words."""
    if not precise or _words(precise) < min_share * _words(default):
        return default
    ops = difflib.SequenceMatcher(None, default, precise, autojunk=False).get_opcodes()
    shared = [k for k, op in enumerate(ops) if op[0] == "equal"]
    out: list[str] = []
    for k, (op, i1, i2, j1, j2) in enumerate(ops):
        if op == "equal":
            out.extend(default[i1:i2])
        elif op == "delete":
            if shared and shared[0] < k < shared[-1]:
                out.extend(p for p in default[i1:i2] if not _shouted(p))
        elif op == "replace" and _outweighs(default[i1:i2], precise[j1:j2]):
            out.extend(default[i1:i2])
        else:
            out.extend(precise[j1:j2])
    return out


def _shouted(paragraph: str) -> bool:
    """A line of `SHOUTED_MIN_WORDS` or more words all in capitals: between an article's paragraphs
    that is a link to another story or a promo ("CLICK HERE TO GET THE APP"), not a paragraph."""
    return paragraph.isupper() and len(paragraph.split()) >= SHOUTED_MIN_WORDS


def _outweighs(default: list[str], precise: list[str]) -> bool:
    """The default pass's side of a stretch where the passes disagree holds far more words."""
    return _words(default) > REPLACE_MIN_RATIO * _words(precise) + REPLACE_MIN_WORDS


def _paragraphs(doc: Any) -> list[str]:
    return _split(doc.text or "") if doc is not None else []


def _split(text: str) -> list[str]:
    return [line for line in (" ".join(raw.split()) for raw in text.splitlines()) if line]


def _words(paragraphs: list[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


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

    trafilatura extracts the title, the date and the main text (a precise pass merged with
    trafilatura's default pass, see `extract`); the text to clean is the title line, a
    blank line, then the extracted paragraphs separated by blank lines. `cleaner.clean` then
    runs on that text with `config` minus the rules in `HTML_IGNORE` (the context rules
    CTX001/CTX002, which would drop short real paragraphs of content trafilatura has already
    found, NAV001, LEG001 and LEG003; the reasons are by `HTML_IGNORE`). The other
    rules remove what trafilatura leaves in: captions, "Advertisement" markers, share lines,
    newsletter boxes, author bios. On the dev benchmark this scores macro body F1 0.976 with
    8 lost pages, against 0.959 and 8 for trafilatura alone (benchmarks/README.md).

    When the text rules would remove much of trafilatura's main text (`MAX_RULE_LOSS`,
    `MIN_RULE_LOSS_WORDS`), its paragraphs are kept unchanged and the result is flagged
    (`confident=False`) instead: see `keep_main_text`.

    When the text rules find no headline, trafilatura's title is used; when they find no date,
    trafilatura's date is used. **Removal offsets** (`Article.removed[i].start/end`) and repair
    offsets refer to the extracted text returned by `extract(html)[0]`, not to the HTML.

    Raises `ImportError` when trafilatura (or, for pages where it finds nothing,
    beautifulsoup4) is not installed, and `TypeError` for non-`str` input.
    """
    text, title, date, messages = _extract(html)
    cfg = dataclasses.replace(html_config(config), title_hint=title)
    article = keep_main_text(text, title, date, finish(text, clean(text, config=cfg), title, date))
    if messages and article.status != "not_an_article":
        article = dataclasses.replace(article, confident=False, messages=(*article.messages, *messages))
    return article


def keep_main_text(text: str, title: str | None, date: str | None, article: Article) -> Article:
    """`article`, or trafilatura's paragraphs unchanged when the text rules cut too much of them.

    `text` is the extracted text (`extract`), `article` the text rules' result on it (`finish`).
    When the rules' result lacks more than `MAX_RULE_LOSS` of the words of the main text (the
    extracted paragraphs without the title line, counted as a multiset of `patterns.WORD` words)
    and more than `MIN_RULE_LOSS_WORDS` words, the rules have most likely taken real content for
    noise (code for a style sheet, a forum thread for comments): the page keeps every extracted
    paragraph, the headline is the rules' headline when they cut it from the title line, else the
    title as in `finish`, nothing else is removed (but copies of the headline), and the
    result is flagged (`confident=False`, with a message), so callers that apply only confident
    results leave the page alone. An article the rules found not to be one is returned as it is.
    """
    if article.status == "not_an_article":
        return article
    parts = text.split("\n\n")
    main = Counter(w.casefold() for w in WORD.findall("\n".join(parts[1:] if title else parts)))
    total = sum(main.values())
    if not total:
        return article
    kept = Counter(
        w.casefold() for w in WORD.findall("\n".join((*article.body, article.headline or "", article.dateline or "")))
    )
    lost = sum((main - kept).values())
    share = lost / total
    if share <= MAX_RULE_LOSS or lost <= MIN_RULE_LOSS_WORDS:
        return article
    note = (
        f"The text rules would remove {share:.0%} of the main text trafilatura extracted; its "
        "paragraphs are kept unchanged instead; check the result."
    )
    whole = Article(
        headline=None,
        dateline=None,
        body=tuple(p.strip() for p in parts if p.strip()),
        date=article.date,
        status="unchanged",
        confident=False,
        language=article.language,
        messages=(*article.messages, note),
    )
    out = finish(text, whole, title, date)
    if title and article.headline and article.headline != title and out.headline == title:
        # the rules took the title line as the headline less a part ("| Site"): keep that cut
        trim = [r for r in article.removed if r.end <= len(parts[0])]
        if trim and article.headline in title:
            removed = tuple(sorted((*trim, *out.removed), key=_start))
            out = dataclasses.replace(out, headline=article.headline, removed=removed, status="cleaned")
    return dataclasses.replace(out, confident=False)


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
