"""Comment threads (CTX004): where a reader-comment thread after the article starts."""

from __future__ import annotations

from typing import Final

from cleaner.model import Block, Hit
from cleaner.smooth.scoring import ProseClass

#: A comment thread needs at least this many comment meta lines after its start.
MIN_COMMENT_METAS: Final = 2
#: A thread's next comment meta line follows its start within this many blocks: a comment count
#: under the headline ("124 Comments", a link down to the thread) starts nothing there.
#: Calibrated on the dev sets 2026-12-01 (threads on dev pages have metas 1 to 8 blocks apart).
THREAD_REACH: Final = 20
#: A comment's meta line: who wrote it ("Name says:"), who and when ("Jo Park · May 2, 2021"),
#: or when ("2 days ago at 07:52 am").
_COMMENT_META_CODES: Final = frozenset({"COM002", "COM004", "DAT002"})
#: A comment widget's heading or controls ("Comments", "View comments (27)") may open a thread.
_THREAD_OPENER_CODES: Final = frozenset({"COM001", "COM005"})


#: A page with at least this many quote headers ("seth wrote:", "PMc said:") is a discussion
#: forum: its replies quote earlier posts, as blog comment threads do not, and the posts are the
#: page's content. Calibrated on both dev sets 2026-12-01: forum threads have 3 to 22 of them,
#: article comment threads none (they write "Name says:" or "Name on <date> said:").
MIN_QUOTE_HEADERS: Final = 3
_QUOTE_VERBS: Final = (" said:", " wrote:")


def _quote_header(block: Block, hit: Hit | None) -> bool:
    """A forum reply's quote header: one user name (after an optional age) and "said:"/"wrote:"."""
    if hit is None or hit.code != "COM002" or not block.text.endswith(_QUOTE_VERBS):
        return False
    name = block.text.rsplit(" ", 1)[0].rpartition(", ")[2]
    return bool(name) and " " not in name


def comment_thread_start(blocks: tuple[Block, ...], classes: list[ProseClass], hits: list[Hit | None]) -> int:
    """CTX004: index of the first comment marker after body text that opens a real thread (none
    on a discussion forum, whose replies are its content)."""
    n = len(hits)
    # (the hit tests that open `_quote_header` and `_is_comment_meta` written out in front of
    # them: most blocks have no hit, and are settled without a call)
    quote_headers = sum(1 for b, h in zip(blocks, hits, strict=True) if h is not None and _quote_header(b, h))
    if quote_headers >= MIN_QUOTE_HEADERS:
        return n
    meta = [h is not None and _is_comment_meta(blocks, hits, i) for i, h in enumerate(hits)]
    metas_after = [0] * (n + 1)
    next_meta = [n + THREAD_REACH + 1] * (n + 1)  # the first meta line after block i
    for i in range(n - 1, -1, -1):
        metas_after[i] = metas_after[i + 1] + meta[i]
        next_meta[i] = i + 1 if i + 1 < n and meta[i + 1] else next_meta[i + 1]
    prose_before = [0] * (n + 1)  # prose blocks in [0, i)
    for i in range(n):
        prose_before[i + 1] = prose_before[i] + (classes[i] in ("good", "near"))
    seen_body = False
    for i, h in enumerate(hits):
        if classes[i] == "good":
            seen_body = True
        elif (
            seen_body
            and metas_after[i] >= MIN_COMMENT_METAS
            and (meta[i] or (h is not None and h.code in _THREAD_OPENER_CODES))
            and next_meta[i] - i <= THREAD_REACH
            and _comment_text(prose_before, next_meta, meta, i, n)
        ):
            return i
    return n


def _comment_text(prose_before: list[int], next_meta: list[int], meta: list[bool], i: int, n: int) -> bool:
    """Whether a comment is written between the first two meta lines from block i: a list of
    teasers under their authors and dates ("Jo Park | July 15, 2025" above each title) has titles
    there, not sentences."""
    first = i if meta[i] else next_meta[i]
    second = next_meta[first] if first < n else n
    return second < n and prose_before[second] > prose_before[first + 1]


#: A comment's author line above its age stamp is a user name of at most this many words.
COMMENT_AUTHOR_MAX_WORDS: Final = 3


def _is_comment_meta(blocks: tuple[Block, ...], hits: list[Hit | None], i: int) -> bool:
    """A "Name says:" line, or an age stamp right under a short user name (a listed story's age
    stamp sits under its title instead)."""
    h = hits[i]
    if h is None or h.code not in _COMMENT_META_CODES:
        return False
    if h.code != "DAT002":
        return True
    above = blocks[i - 1].features if i > 0 else None
    return above is not None and above.words <= COMMENT_AUTHOR_MAX_WORDS and not above.ends_sentence
