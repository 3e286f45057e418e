"""Duplicates (DUP001): later copies of long runs of kept blocks; (DUP003) a recurring label."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from typing import Final

from cleaner.model import Block, Verdict
from cleaner.patterns import LABEL_LINE
from cleaner.rules import by_code

#: DUP001: a repeated run needs this many consecutive kept blocks and words to be a second copy
#: (a weekly meal plan repeats runs of up to ~190 words; a dumped article copy, 1,500 and more).
#: Calibrated on the dev benchmark, 2026-11-23.
DUP_MIN_BLOCKS: Final = 3
DUP_MIN_WORDS: Final = 300
#: ... and this share of all kept words: a copy of the article is a large part of what is kept,
#: a plan's repeated day (HTML extraction joins its lines into longer runs) a small one.
DUP_MIN_SHARE: Final = 0.25


def drop_repeated_runs(blocks: tuple[Block, ...], verdicts: list[Verdict]) -> None:
    """DUP001: drop later copies of long runs of kept blocks (in place; linear: every block is
    compared at most DUP_MIN_BLOCKS times unless it joins a run, which is then skipped)."""
    kept = [v.index for v in verdicts if v.label == "keep"]
    texts = [blocks[i].text for i in kept]
    first: dict[str, int] = {}
    info = by_code("DUP001")
    least = max(DUP_MIN_WORDS, DUP_MIN_SHARE * sum(blocks[i].features.words for i in kept))
    p = 0
    while p < len(texts):
        j = first.get(texts[p])
        if j is not None:
            n = 0
            while p + n < len(texts) and j + n < p and texts[p + n] == texts[j + n]:
                n += 1
            if n >= DUP_MIN_BLOCKS:
                if sum(blocks[kept[k]].features.words for k in range(p, p + n)) >= least:
                    for k in range(p, p + n):
                        verdicts[kept[k]] = Verdict(kept[k], "drop", info.code, info.name, info.kind)
                for k in range(p, p + n):
                    first.setdefault(texts[k], k)
                p += n
                continue
        first.setdefault(texts[p], p)
        p += 1


#: DUP003: a label line of letters only, this many words at most (a template's label between
#: every paragraph of a dump), standing at least this many times on the page.
#: Calibrated on the dev6 learning set and the dev benchmark, 2026-12-08.
LABEL_MIN_WORDS: Final = 2
LABEL_MAX_WORDS: Final = 4
LABEL_MIN_COPIES: Final = 4
#: ... with two copies next to each other, and at least half its copies touching a kept paragraph
#: of this many words: the label sits between the article's paragraphs, not in a list of short
#: lines (a song's refrain).
LABEL_PROSE_WORDS: Final = 20


def _is_label(block: Block) -> bool:
    return LABEL_MIN_WORDS <= block.features.words <= LABEL_MAX_WORDS and LABEL_LINE.match(block.text) is not None


def drop_repeated_labels(blocks: tuple[Block, ...], verdicts: list[Verdict]) -> None:
    """DUP003: drop a short letters-only label that recurs between the kept paragraphs (in place).

    Only when two of its copies stand next to each other (a section heading that recurs in
    every part of a listicle always has its section below it), and no other such kept label
    stands twice: two or more recurring labels (a dialogue's
    speaker names, a table's column values) are the page's own text."""
    kept = [v.index for v in verdicts if v.label == "keep"]
    counts = Counter(b.text for b in blocks if _is_label(b))
    kept_labels = {blocks[i].text for i in kept}
    recurring = [t for t, n in counts.items() if n >= LABEL_MIN_COPIES and t in kept_labels]
    others = [t for t, n in counts.items() if n >= 2 and t in kept_labels]
    if len(recurring) != 1 or len(others) != 1:
        return
    label = recurring[0]
    if not any(a.text == label == b.text for a, b in pairwise(blocks)):
        return
    places = [k for k, i in enumerate(kept) if blocks[i].text == label]
    touching = 0
    for k in places:
        near = [kept[j] for j in (k - 1, k + 1) if 0 <= j < len(kept)]
        if any(blocks[i].features.words >= LABEL_PROSE_WORDS for i in near):
            touching += 1
    if 2 * touching < len(places):
        return
    info = by_code("DUP003")
    for k in places:
        verdicts[kept[k]] = Verdict(kept[k], "drop", info.code, info.name, info.kind)
