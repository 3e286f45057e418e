"""Teaser cards (REL003): a title glued to its summary, repeated within a few blocks."""

from __future__ import annotations

from typing import Final

from cleaner.model import Block, Hit
from cleaner.patterns import SENTENCE_END, TEASER_DATELINE_GLUE, TEASER_GLUE, TITLE_SMALL_WORDS, timeout_for
from cleaner.registry import RuleSet

#: A teaser's title is a few capitalised words; calibrated on the dev benchmark 2026-11-23.
TEASER_TITLE_WORDS: Final = (3, 20)
TEASER_TITLE_CAPITALISED: Final = 0.6
TEASER_NEIGHBOURHOOD: Final = 3
#: A title glued to a summary's upper-case dateline may be a whole sentence-case headline.
TEASER_DATELINE_TITLE_MAX_WORDS: Final = 30


def _teaser_shape(block: Block) -> bool:
    """A capitalised title glued with no separator to a sentence that follows it."""
    text = block.text
    if block.features.words < 8:
        return False
    d = TEASER_DATELINE_GLUE.search(text, 0, 250, timeout=timeout_for(text))
    if d is not None:
        title = text[: d.start()]
        # a sentence-case title: no sentence ends inside it
        words = len(title.split())
        if TEASER_TITLE_WORDS[0] <= words <= TEASER_DATELINE_TITLE_MAX_WORDS and SENTENCE_END.search(title) is None:
            return True
    m = TEASER_GLUE.search(text, 0, 200, timeout=timeout_for(text))
    if m is None:
        return False
    head = text[: m.start()].split()
    if not TEASER_TITLE_WORDS[0] <= len(head) <= TEASER_TITLE_WORDS[1]:
        return False
    if any(w.endswith((".", "!")) for w in head[:-1]):
        return False
    # a title in Title Case: its only lowercase words are short function words
    if any(w[:1].islower() and w.lower() not in TITLE_SMALL_WORDS for w in head):
        return False
    capitalised = sum(1 for w in head if w[:1].isupper() or not w[:1].isalpha())
    return capitalised >= TEASER_TITLE_CAPITALISED * len(head) and len(text) - m.start() >= 20


def teaser_runs(blocks: tuple[Block, ...], hits: list[Hit | None], rules: RuleSet) -> None:
    """REL003: teaser-shaped blocks with another one within a few blocks (local list, in place)."""
    if not rules.enabled("REL003"):
        return
    shaped = [hits[i] is None and _teaser_shape(b) for i, b in enumerate(blocks)]
    recent = -(10**9)
    marked: list[int] = []
    for i, s in enumerate(shaped):
        if not s:
            continue
        if i - recent <= TEASER_NEIGHBOURHOOD:
            marked.extend((recent, i))
        recent = i
    for i in marked:
        hits[i] = Hit("REL003", "teaser-cards", "related_links", "strong")
