"""Quoted copies inside a thread of posts (DUP002): a reply's quote box of an earlier post, a
preview of the post a reply answers.

In a forum thread dumped as text, a reply that quotes an earlier post carries the quoted
paragraph again, word for word, in its quote box ("Quote from Name", "Originally posted by
Name"); some boards print a preview of the post a reply answers. The page shows each of these
paragraphs once as a post and again as furniture of another post: the first copy is the content,
the later ones repeat it. Inside the main run over a thread (`threads.thread_around`), a kept
paragraph of at least `QUOTE_MIN_WORDS` words that is an earlier kept paragraph of the run, word
for word, is dropped, unless a quote header ("Name said:") stands right above it: the line a
reply answers, which transcriptions of a thread usually keep with the reply (on the dev sets,
the gold of four forum pages keeps it and of one page does not; dropping it there lost five
pages' recall). An article's main run is not a thread and is left as it is: a refrain repeated
in a poem, a question repeated before each answer of an interview.
"""

from __future__ import annotations

from typing import Final

from cleaner.model import Block, Verdict
from cleaner.rules import by_code

#: A repeated paragraph of at least this many words is a copy; shorter ones ("Thanks, that
#: worked.", a one-line signature under each post) stay. Calibrated on the dev sets 2026-12-07:
#: at 8 words, signatures and table lines that the gold repeats are dropped too (dev2 lost
#: 40 -> 42); at 20, only quoted and previewed paragraphs.
QUOTE_MIN_WORDS: Final = 20


#: A quote header ("Name said:", COM002) this many blocks above a copy keeps it.
QUOTE_HEADER_REACH: Final = 2


def _quoted(verdicts: list[Verdict], i: int) -> bool:
    """Whether a quote header stands at most QUOTE_HEADER_REACH blocks above block i."""
    return any(verdicts[j].code == "COM002" for j in range(max(0, i - QUOTE_HEADER_REACH), i))


def drop_quoted_copies(blocks: tuple[Block, ...], verdicts: list[Verdict], lo: int, hi: int) -> None:
    """DUP002: drop later copies of kept paragraphs inside the thread's main run [lo, hi) (in
    place; linear: one set lookup per block)."""
    info = by_code("DUP002")
    seen: set[str] = set()
    for i in range(lo, hi):
        block = blocks[i]
        if verdicts[i].label != "keep" or block.features.words < QUOTE_MIN_WORDS:
            continue
        if block.text in seen and not _quoted(verdicts, i):
            verdicts[i] = Verdict(i, "drop", info.code, info.name, info.kind)
        else:
            seen.add(block.text)
