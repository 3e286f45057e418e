"""Definition lists: a short term on a line of its own, then the sentence that describes it, again
and again (an API reference's members and what each does, a command's options, a glossary, the
features of a product with a line on each).

Each term scores like a menu item and each description like a short paragraph, so a dozen pairs
cost more than they bring and the main run stops before them; and the terms of a reference
(`Object.member`, `method()`, a lower-case event name) are what the glued-menu and site-link rules
take for page furniture. A menu has no sentence under each entry, and the entries of a teaser
list are headlines, not terms of a few words: a run of at least `MIN_PAIRS` term/description
pairs is the article's own list. Its terms cost nothing in the main run, its descriptions count
as prose (a one-line description is prose even when it is too short for a paragraph), and the
terms that a menu rule took (`LIFTED_CODES`) are kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from typing import Final

from cleaner.model import Block, Hit
from cleaner.patterns import ITEM_START, LABELLED_ITEM, timeout_for
from cleaner.smooth.scoring import NEAR_WEIGHT, ProseClass

#: A definition list has at least this many term/description pairs, and at least this many
#: different descriptions: a call to action repeated down a page ("Start now" over "No card
#: needed.") is one template, not a list.
MIN_PAIRS: Final = 3
#: A term is at most this many words and characters, and does not end a sentence: "close",
#: "Queue.push()", "-q, --quiet, --silent", "Audit Local SEO". A teaser's headline is longer.
TERM_MAX_WORDS: Final = 5
TERM_MAX_CHARS: Final = 50
#: At most this many terms in a row before a description: a section heading over a term
#: ("Instance methods" over "Queue.push()").
MAX_TERMS_IN_ROW: Final = 2
#: A term starts with a letter, a figure or the sign of an option, a member or a name ("-v",
#: "--quiet", ".then()", "@media", "$HOME", "<dialog>", "::before"); a bracket opens the controls
#: of a form ("( Log out / Change )").
_TERM_STARTS: Final = "-._@$#<:"
#: Item markers of dumps that ITEM_START leaves out (inscriptis writes "+ " and "o " for nested
#: list items). A menu with a blurb under each entry is bulleted; a reference's terms are not.
_MORE_MARKERS: Final = ("+ ", "o ")
#: A description has at least this many words, starts with a capital or a figure and ends a
#: sentence (not with a question: a question is asked, not defined).
DESC_MIN_WORDS: Final = 3
#: A description is not in Title Case (a teaser's headline is).
DESC_MAX_TITLE_RATIO: Final = 0.5
#: The descriptions of a list have at least this many words on average: the prompts of a form or
#: a dialog under its buttons ("Verify your identity.", "Enter the code.") are shorter.
DESC_MEAN_WORDS: Final = 6
#: A description cut short ("...", "…", "[…]") is a teaser's summary, not a definition.
_TRUNCATED: Final = ("...", "…")
_CLOSERS: Final = ")]»”\"' "
#: Rules that take a term of a reference for a menu entry: a camelCase identifier for a glued
#: menu ("Queue.readyState"), a bare word for a site link ("open", "close").
LIFTED_CODES: Final = frozenset({"NAV001", "NAV003"})
#: Calibrated on the three dev sets 2026-12-07: fires on API references, command options, feature
#: lists and articles' subheadings over paragraphs; dev unchanged, dev2 +.0020, dev3 +.0000.


def _term(block: Block, hit: Hit | None) -> bool:
    """A short label on a line of its own; not an item of a bulleted list (a menu's entries with
    a line of blurb under each are bulleted: "+ Product", then what it does)."""
    f = block.features
    if not (1 <= f.words <= TERM_MAX_WORDS and f.chars <= TERM_MAX_CHARS) or f.ends_sentence:
        return False  # most blocks: settled by their features alone
    text = block.text
    return (
        (hit is None or hit.code in LIFTED_CODES)
        and (text[:1].isalnum() or text[:1] in _TERM_STARTS)
        and not text.startswith(_MORE_MARKERS)
        and ITEM_START.match(text, timeout=timeout_for(text)) is None
    )


def _description(block: Block, hit: Hit | None) -> bool:
    f = block.features
    if f.words < DESC_MIN_WORDS or not f.ends_sentence or hit is not None:
        return False
    text = block.text
    return (
        hit is None
        and f.words >= DESC_MIN_WORDS
        and (text[:1].isupper() or text[:1].isdigit())
        and f.ends_sentence
        and not text.rstrip(_CLOSERS).endswith("?")
        and f.title_ratio <= DESC_MAX_TITLE_RATIO
        and not text.rstrip(_CLOSERS).endswith(_TRUNCATED)
    )


def definition_lists(blocks: Sequence[Block], hits: Sequence[Hit | None], cut: int) -> list[tuple[int, int]]:
    """Spans [first term, last description + 1) of definition lists before `cut` (one pass)."""
    spans: list[tuple[int, int]] = []
    # by features alone, what each block may be: 1 a term, 2 a description, 0 neither (cheap)
    shape = [
        1
        if f.words <= TERM_MAX_WORDS and f.chars <= TERM_MAX_CHARS and not f.ends_sentence
        else 2
        if f.ends_sentence and f.words >= DESC_MIN_WORDS
        else 0
        for f in (b.features for b in blocks[:cut])
    ]
    if sum(1 for a, b in pairwise(shape) if a == 1 and b == 2) < MIN_PAIRS:
        return spans  # most pages: not three terms with a description after them
    start = end = -1  # the current list: its first term and the end of its last description
    pairs = descs = words = 0  # its pairs, its descriptions and their words
    seen: set[str] = set()  # its descriptions' texts
    terms = 0  # terms in a row just before block i
    for i in range(cut + 1):
        if i < cut and not shape[i] and start < 0 and not terms:
            continue
        block, hit = (blocks[i], hits[i]) if i < cut else (None, None)
        term = block is not None and shape[i] == 1 and _term(block, hit)
        desc = block is not None and shape[i] == 2 and _description(block, hit)
        if term:
            terms += 1
            if terms <= MAX_TERMS_IN_ROW:
                continue
            # a third label in a row ends the list before it; the last two may open the next one
            terms = MAX_TERMS_IN_ROW
        elif desc and start >= 0 and (end == i or (terms and i - min(terms, MAX_TERMS_IN_ROW) == end)):
            # the list goes on: the next pair, or a description's second paragraph
            pairs += terms > 0
            descs += 1
            words += block.features.words if block is not None else 0
            seen.add(block.text if block is not None else "")
            end, terms = i + 1, 0
            continue
        # the list, if any, ends before block i
        if pairs >= MIN_PAIRS and words >= DESC_MEAN_WORDS * descs and len(seen) >= MIN_PAIRS:
            spans.append((start, end))
        start, end, pairs, descs, words = -1, -1, 0, 0, 0
        seen.clear()
        if desc and terms and block is not None:  # a first pair
            start, end, pairs, descs, words = i - min(terms, MAX_TERMS_IN_ROW), i + 1, 1, 1, block.features.words
            seen.add(block.text)
        if not term:
            terms = 0
    return spans


#: A described item is at most this many words in all: a list's line, not a paragraph that
#: happens to open with "Note:".
ITEM_MAX_WORDS: Final = 40


def _words(text: str) -> list[str]:
    return [w for w in text.split() if any(c.isalpha() for c in w)]


#: Items whose descriptions mostly open with the same two words are one template filled in
#: ("2019 - Member of team A", "2020 - Member of team B"), a listing, not a list that describes.
TEMPLATE_SHARE: Final = 0.5


def _described_item(block: Block, hit: Hit | None) -> tuple[str, str] | None:
    """The term of a list item that describes it on the same line, and its description's first
    two words ("* Lock timeout - how long a writer waits for the lock", "LogLevel: the lowest
    level that is logged"), else None. The
    description is words of running text, not a title ("Apple Watch - Silver Aluminium Case"), a
    source ("What is DNS? - Example Docs") or one word ("Monday: closed")."""
    if (hit is not None and hit.strength == "strong" and hit.code not in LIFTED_CODES) or not (
        DESC_MIN_WORDS < block.features.words <= ITEM_MAX_WORDS
    ):
        return None
    text = block.text
    if ":" not in text and " -" not in text and " –" not in text and " —" not in text:
        return None  # most blocks: no separator at all
    m = LABELLED_ITEM.match(text, timeout=timeout_for(text))
    if m is None:
        return None
    term = m.group("term")
    if not 1 <= len(term.split()) <= TERM_MAX_WORDS or term.endswith((".", "!", "?")):
        return None
    desc = _words(text[m.end() :])
    capitals = sum(1 for w in desc if w[:1].isupper())
    if len(desc) < DESC_MIN_WORDS or capitals > DESC_MAX_TITLE_RATIO * len(desc):
        return None
    return term.casefold(), " ".join(desc[:2]).casefold()


def described_items(blocks: Sequence[Block], hits: Sequence[Hit | None], cut: int) -> list[tuple[int, int]]:
    """Spans of at least MIN_PAIRS described items in a row before `cut`, with as many different
    terms (a shop's "Game - Pack" lines repeat one term)."""
    spans: list[tuple[int, int]] = []
    # blocks that may be items: few on most pages (a separator and a list line's length)
    maybe = [
        i
        for i, b in enumerate(blocks[:cut])
        if DESC_MIN_WORDS < b.features.words <= ITEM_MAX_WORDS
        and (":" in b.text or " -" in b.text or " –" in b.text or " —" in b.text)
    ]
    if len(maybe) < MIN_PAIRS:
        return spans
    start = last = -1  # the current run of items: its first and its last block
    terms: set[str] = set()
    openings: Counter[str] = Counter()
    for i in (*maybe, cut + 1):
        item = _described_item(blocks[i], hits[i]) if i < cut else None
        if item is not None and start >= 0 and i == last + 1:
            terms.add(item[0])
            openings[item[1]] += 1
            last = i
            continue
        size = last + 1 - start
        if start >= 0 and len(terms) >= MIN_PAIRS and openings.most_common(1)[0][1] <= TEMPLATE_SHARE * size:
            spans.append((start, last + 1))
        start = last = -1
        terms.clear()
        openings.clear()
        if item is not None:
            start = last = i
            terms.add(item[0])
            openings[item[1]] += 1
    return spans


def take_definition_lists(
    blocks: Sequence[Block],
    hits: list[Hit | None],
    classes: list[ProseClass],
    scores: list[float],
    listed: list[bool],
    see_through: list[bool],
    cut: int,
) -> None:
    """Score the definition lists before `cut` as the article's (local lists of the smoothing
    stage, in place): descriptions as prose, terms at no cost, every block kept inside the main
    run, and the terms a menu rule took lifted."""
    for a, b in definition_lists(blocks, hits, cut):
        for i in range(a, b):
            if hits[i] is not None:  # a term a menu rule took
                classes[i], hits[i], see_through[i] = "short", None, False
            listed[i] = True
            f = blocks[i].features
            scores[i] = max(scores[i], float(f.chars)) if f.ends_sentence else 0.0
    for a, b in described_items(blocks, hits, cut):
        for i in range(a, b):
            if hits[i] is not None:  # an item a menu rule took
                classes[i], hits[i], see_through[i] = "short", None, False
            listed[i] = True
            scores[i] = max(scores[i], blocks[i].features.chars * NEAR_WEIGHT)
