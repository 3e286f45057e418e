"""Gallery slides (CTX005): the caption paragraphs of a slideshow dumped into the page.

A slideshow of fifty photos dumps fifty caption paragraphs, each under (or over) a counter line
"12 of 50" (NAV004). Each caption is written in sentences, so together they outweigh a short
article beside them and the main run keeps the slideshow instead. The counters show what they
are: the blocks between consecutive counters of one slideshow are its captions.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Final

from cleaner.model import Block, Hit
from cleaner.registry import RuleSet

#: A slideshow has at least this many counters on the page; a single "1 / 8" under a lead photo
#: (as most dev pages have) is not one. Calibrated on the fixtures of tests/test_body_shapes.py;
#: no dev page has more than one counter.
GALLERY_MIN_SLIDES: Final = 4
#: A slide's caption is at most this many blocks between two counters.
SLIDE_MAX_BLOCKS: Final = 3


def _counter(hit: Hit | None) -> bool:
    return hit is not None and hit.code == "NAV004"


def gallery_slides(blocks: tuple[Block, ...], hits: list[Hit | None], rules: RuleSet) -> None:
    """CTX005: mark the unlabelled blocks between the counters of a slideshow as captions (in
    place, local list; linear)."""
    if not rules.enabled("CTX005"):
        return
    counters = [i for i, h in enumerate(hits) if h is not None and _counter(h)]
    if len(counters) < GALLERY_MIN_SLIDES:
        return
    slide = Hit("CTX005", "gallery-slides", "caption", "strong")
    gaps = [b - a - 1 for a, b in pairwise(counters)]
    for (a, b), gap in zip(pairwise(counters), gaps, strict=True):
        if 0 < gap <= SLIDE_MAX_BLOCKS:
            for i in range(a + 1, b):
                if hits[i] is None:
                    hits[i] = slide
    # the last slide's caption follows the last counter, as the others followed theirs
    if gaps and all(0 < g <= SLIDE_MAX_BLOCKS for g in gaps) and counters[-1] + 1 < len(blocks):
        last = min(gaps)
        for i in range(counters[-1] + 1, min(len(blocks), counters[-1] + 1 + last)):
            if hits[i] is None:
                hits[i] = slide
