"""Lists and tables: enumerated lists and data tables dumped one cell a line (article content
that scores like a menu), and the lists under widget and related-links headings (CTX003)."""

from __future__ import annotations

from typing import Final

from cleaner.model import Block, Hit
from cleaner.patterns import ENUM_NUMBER, number_cell, timeout_for
from cleaner.registry import RuleSet

#: A list item under a widget heading: short, or not a full sentence of prose.
LIST_ITEM_MAX_WORDS: Final = 25

#: A full sentence this long ends a widget list: the list items are titles, not sentences.
LIST_END_SENTENCE_WORDS: Final = 8

HEADING_CODES: Final = frozenset({"REL001", "WID001"})


#: An enumerated list (a ranking, a standings table, numbered stages of a calendar) has at least
#: this many items numbered 1, 2, 3… with at most ENUM_MAX_GAP other blocks between two items.
#: Calibrated on the dev benchmark 2026-11-24: "most read" boxes of five numbered links stay out.
ENUM_MIN_ITEMS: Final = 6
ENUM_MAX_GAP: Final = 2
#: The main run takes in an enumerated list that starts at most this many blocks after it.
ENUM_ATTACH_GAP: Final = 3


def enumerations(blocks: tuple[Block, ...], hits: list[Hit | None]) -> list[tuple[int, int]]:
    """Spans [first, last + 1) of enumerated lists: items numbered from 1 in steps of one.

    Only blocks without a strong hit count as items, so that a numbered "most read" box under a
    widget heading is not one.
    """
    spans: list[tuple[int, int]] = []
    first = last = -1
    count = expected = 0
    for i, block in enumerate(blocks):
        h = hits[i]
        if (h is not None and h.strength == "strong") or block.features.words < 2 or block.text[:1].isalpha():
            continue  # (a number, "#" or a blank opens an item: never a letter)
        m = ENUM_NUMBER.match(block.text, timeout=timeout_for(block.text))
        if m is None:
            continue
        n = int(m.group(1))
        if n == expected and i - last <= ENUM_MAX_GAP + 1:
            count, expected, last = count + 1, n + 1, i
            continue
        if count >= ENUM_MIN_ITEMS:
            spans.append((first, last + 1))
        first = last = i
        count, expected = (1, 2) if n == 1 else (0, -1)
    if count >= ENUM_MIN_ITEMS:
        spans.append((first, last + 1))
    return spans


#: A data table dumped one cell a line repeats the shapes of its cells row after row: rows of
#: TABLE_PERIODS cells, at least TABLE_MIN_ROWS of them, each with at least TABLE_MIN_FIGURES
#: cells that hold only a figure and cells of two other shapes (a name and a sentence of notes).
#: Its lines score like an enumerated list's. Calibrated on the dev benchmark 2026-11-25: fires on
#: the stats tables of one article and nowhere else; standings (figures and names only) and
#: teaser lists (one count a row) stay out.
TABLE_PERIODS: Final = range(3, 9)
TABLE_MIN_ROWS: Final = 4
TABLE_MIN_FIGURES: Final = 2
TABLE_MIN_SHAPES: Final = 3
#: A cell of at most this many words that does not end a sentence is a name or a label.
TABLE_LABEL_WORDS: Final = 6


def _cell_shape(block: Block, hit: Hit | None) -> str:
    """One letter for the shape of a block as a table cell; "x" for a labelled block (no cell)."""
    if hit is not None and hit.strength == "strong":
        return "x"
    if number_cell(block.text):
        return "9"
    if block.features.ends_sentence:
        return "s"
    return "w" if block.features.words <= TABLE_LABEL_WORDS else "l"


def tables(blocks: tuple[Block, ...], hits: list[Hit | None]) -> list[tuple[int, int]]:
    """Spans [first, last + 1) of data tables: runs of blocks whose cell shapes repeat with a
    period of TABLE_PERIODS blocks (one pass per period: linear)."""
    # a cell's shape is a function of its text and of whether its hit is strong: repeated lines
    # are shaped once
    known: dict[tuple[str, bool], str] = {}
    shapes: list[str] = []
    for b, h in zip(blocks, hits, strict=True):
        key = (b.text, h is not None and h.strength == "strong")
        shape = known.get(key)
        if shape is None:
            shape = known[key] = _cell_shape(b, h)
        shapes.append(shape)
    n = len(shapes)
    spans: list[tuple[int, int]] = []
    for period in TABLE_PERIODS:
        i = period
        while i < n:
            if shapes[i] == "x" or shapes[i] != shapes[i - period]:
                i += 1
                continue
            j = i
            while j < n and shapes[j] != "x" and shapes[j] == shapes[j - period]:
                j += 1
            first = i - period
            row = shapes[first:i]
            if (
                (j - first) // period >= TABLE_MIN_ROWS
                and row.count("9") >= TABLE_MIN_FIGURES
                and len(set(row)) >= TABLE_MIN_SHAPES
            ):
                spans.append((first, j))
            i = j + 1
    return spans


def widget_lists(blocks: tuple[Block, ...], hits: list[Hit | None], rules: RuleSet) -> None:
    """CTX003: mark the items under a widget heading with the heading's kind (in place, local list)."""
    if not rules.enabled("CTX003"):
        return
    active: str | None = None
    for i, block in enumerate(blocks):
        hit = hits[i]
        if hit is not None:
            if hit.code in HEADING_CODES:
                active = hit.kind
            continue
        if active is None:
            continue
        f = block.features
        prose = f.words > LIST_ITEM_MAX_WORDS or (
            f.ends_sentence and f.sentence_marks >= 1 and f.words >= LIST_END_SENTENCE_WORDS
        )
        if prose:
            active = None
            continue
        hits[i] = Hit("CTX003", "widget-list", active, "strong")
