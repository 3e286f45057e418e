"""Comment threads (CTX004): where a reader-comment thread after the article starts."""

from __future__ import annotations

from typing import Final

from cleaner.model import Block, Hit
from cleaner.smooth.scoring import ProseClass

#: A comment thread needs at least this many comment meta lines after its start.
MIN_COMMENT_METAS: Final = 2
#: A comment's meta line: who wrote it ("Name says:"), who and when ("Jo Park · May 2, 2021"),
#: or when ("2 days ago at 07:52 am").
_COMMENT_META_CODES: Final = frozenset({"COM002", "COM004", "DAT002"})
#: A comment widget's heading or controls ("Comments", "View comments (27)") may open a thread.
_THREAD_OPENER_CODES: Final = frozenset({"COM001", "COM005"})


def comment_thread_start(blocks: tuple[Block, ...], classes: list[ProseClass], hits: list[Hit | None]) -> int:
    """CTX004: index of the first comment marker after body text that opens a real thread."""
    meta = [_is_comment_meta(blocks, hits, i) for i in range(len(hits))]
    metas_after = [0] * (len(hits) + 1)
    for i in range(len(hits) - 1, -1, -1):
        metas_after[i] = metas_after[i + 1] + meta[i]
    seen_body = False
    for i, h in enumerate(hits):
        if classes[i] == "good":
            seen_body = True
        elif (
            seen_body
            and metas_after[i] >= MIN_COMMENT_METAS
            and (meta[i] or (h is not None and h.code in _THREAD_OPENER_CODES))
        ):
            return i
    return len(hits)


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
