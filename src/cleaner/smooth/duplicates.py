"""Duplicates (DUP001): later copies of long runs of kept blocks."""

from __future__ import annotations

from typing import Final

from cleaner.model import Block, Verdict
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
