"""Threads of posts: a forum thread, a Q&A page, a list of reports, each post under the same meta.

A thread dumped as text repeats one unit: the post's meta lines (the poster's name, a date, the
post's number "#4", a "Reply" control, "Posts: 1,046") and then the post's prose. Each post is
a paragraph or two between a dozen short lines, so its prose scores as isolated and the meta
lines cost more than it brings: the main run holds one post, and the others are page furniture.

A thread shows itself by its anchors: lines of one meta shape (a date, a post number, a control,
a short label or count) that recur every few blocks with prose between most of them. When the
main run lies inside such a thread, it is one of its posts, and all of them are the page's
content: the meta lines inside the thread cost nothing, its posts are not damped as isolated,
and its unpunctuated post lines count as prose. A main run outside the thread (an article above
a reader-comment thread, a story between two dated teaser lists) leaves the thread as it is,
unless the thread is a list of records with labelled fields ("Class size: 930", "Acceptance
rate: 14%" under each school of a ranking; "Reported by:" over each cost report) that, scored as
one stretch, joins the main run: the article's own ranking or reports before its conclusion.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise
from typing import Final

from cleaner.model import Block, Hit
from cleaner.patterns import DIGIT, POST_ORDINAL, timeout_for
from cleaner.smooth.lists import HEADING_CODES
from cleaner.smooth.scoring import NEAR_STOP_DENSITY, ProseClass, score

#: A post is at most this many blocks from one anchor to the next (meta lines and prose).
#: Calibrated on the dev sets 2026-12-01: forum posts with a dozen meta lines span 10 to 30.
POST_MAX_BLOCKS: Final = 40
#: A thread has at least this many anchors, with prose between at least THREAD_MIN_POSTS - 1
#: pairs of consecutive anchors and in at least POST_PROSE_SHARE of them.
THREAD_MIN_POSTS: Final = 3
POST_PROSE_SHARE: Final = 0.5
#: A meta line: at most this many words and characters, not a sentence.
META_MAX_WORDS: Final = 5
META_MAX_CHARS: Final = 40
#: A post's line written without a final stop ("i think forums are still some good source of
#: gaining knowledge and not dead") is prose when it has this many words and a prose share of
#: stop words.
POST_LINE_MIN_WORDS: Final = 10
#: A thread anchored by dates or by repeated plain labels only (a byline, a category) may be an
#: article with a teaser list after it in the same shape (title, author, date, summary). There,
#: the main run is one post, or a few: it holds at most this share of the thread's post lines
#: (in characters). Post numbers ("#4"), quote headers ("Name said:"), reply controls and a
#: poster's counts ("Posts: 1,046", "Level 5") anchor a thread whatever the main run holds.
#: Calibrated on the dev sets 2026-12-01.
RUN_MAX_SHARE: Final = 0.5
#: Hits that are a post's meta: who and when ("Jo Park · May 2", "Posted March 5, 2024"), or
#: a quote header ("Name said:").
_WHEN_CODES: Final = frozenset({"COM004", "DAT002"})
_CONTROL_CODES: Final = frozenset({"COM001", "COM005"})
#: Every ASCII digit to "0" (`str.translate`).
_ASCII_DIGITS: Final = str.maketrans("123456789", "000000000")


@dataclass(frozen=True, slots=True)
class Thread:
    """Blocks [start, end) of a thread of `posts` anchored posts."""

    start: int
    end: int
    posts: int


def _meta_key(block: Block, hit: Hit | None) -> str | None:
    """The meta shape of a line (lines of one shape anchor a thread), or None."""
    text = block.text
    if text[:1] == "#" and POST_ORDINAL.match(text, timeout=timeout_for(text)) is not None:
        return "#"
    if hit is not None:
        if hit.kind == "page_date" or hit.code in _WHEN_CODES:
            return "when"
        if hit.code == "COM002":
            return "says"
        if hit.code in _CONTROL_CODES:
            return "control " + text.lower()
        return None
    f = block.features
    if f.words > META_MAX_WORDS or len(text) > META_MAX_CHARS or f.ends_sentence:
        return None
    # counts and stamps differ only in their figures ("Posts: 12", "Posts: 1,046")
    lowered = text.lower()
    if lowered.isascii():  # the only digits there are ASCII ones (`DIGIT` is any digit)
        key = lowered.translate(_ASCII_DIGITS).strip(" ,:|")
    else:
        key = DIGIT.sub("0", lowered, timeout=timeout_for(text)).strip(" ,:|")
    # a field's label on a line of its own ("Reported by:") keeps its colon
    return key + ":" if text.endswith(":") else key


def _forum_key(key: str) -> bool:
    """Whether lines of this meta shape belong to forum posts only (not to a teaser list)."""
    if key in ("#", "says") or key.startswith("control "):
        return True
    return "0" in key and any(c.isalpha() for c in key)


def post_line(block: Block, hit: Hit | None, cls: ProseClass) -> bool:
    """A line of a post: prose, or a long line of running words without a final stop."""
    if cls in ("good", "near"):
        return True
    f = block.features
    return hit is None and cls == "bad" and f.words >= POST_LINE_MIN_WORDS and f.stop_density >= NEAR_STOP_DENSITY


def thread_around(
    blocks: tuple[Block, ...],
    hits: list[Hit | None],
    classes: list[ProseClass],
    lo: int,
    hi: int,
    cut: int,
) -> tuple[Thread | None, Thread | None]:
    """The thread (before `cut`) that holds the main run [lo, hi), if there is one; else the
    largest thread of records with labelled fields ("Posts: 1,046", "Class size: 930") beside
    the main run (linear)."""
    if hi <= lo:
        return None, None
    anchors: defaultdict[str, list[int]] = defaultdict(list)
    for i in range(cut):
        key = _meta_key(blocks[i], hits[i])
        if key is not None:
            anchors[key].append(i)
    is_post = [post_line(blocks[i], hits[i], classes[i]) for i in range(cut)]
    prose_before = [0] * (cut + 1)  # characters of post lines in blocks [0, i)
    for i in range(cut):
        prose_before[i + 1] = prose_before[i] + (blocks[i].features.chars if is_post[i] else 0)
    in_run = prose_before[hi] - prose_before[lo]
    best: tuple[int, Thread] | None = None
    other: tuple[int, Thread] | None = None
    for key, found in anchors.items():
        if len(found) < THREAD_MIN_POSTS:
            continue
        chain: list[int] = []
        for a in (*found, cut + POST_MAX_BLOCKS + 1):
            if chain and a - chain[-1] <= POST_MAX_BLOCKS:
                chain.append(a)
                continue
            thread = _thread(chain, is_post, prose_before, hits, cut)
            chain = [a]
            if thread is None:
                continue
            posts = prose_before[thread.end] - prose_before[thread.start]
            if thread.start <= lo and hi <= thread.end:
                if (_forum_key(key) or in_run <= RUN_MAX_SHARE * posts) and (best is None or posts > best[0]):
                    best = (posts, thread)
            elif (
                _field_key(key)
                and thread.posts >= RECORDS_MIN
                and (thread.end <= lo or hi <= thread.start)
                and (other is None or posts > other[0])
            ):
                other = (posts, thread)
    if best is not None:
        return best[1], None
    return None, (other[1] if other else None)


#: Records beside the main run are a list of at least this many (a ranking of schools, each with
#: "Class size: 930"), not a few repeated totals in a forum post.
RECORDS_MIN: Final = 5


def _field_key(key: str) -> bool:
    """A labelled field with a figure ("posts: 0", "class size: 000"), or a field's label on a line
    of its own ("reported by:"): a record's, not a teaser's."""
    label, colon, value = key.partition(":")
    return bool(colon) and any(c.isalpha() for c in label) and ("0" in value or not value)


def _thread(
    chain: list[int], is_post: list[bool], prose_before: list[int], hits: list[Hit | None], cut: int
) -> Thread | None:
    """The thread that a chain of anchors marks, if enough of its posts hold prose.

    Anchors in a post's header (a date, "#4" above the text) have the text after them: the
    thread ends after the last anchor's text, and starts one post's length before the first
    anchor (earlier posts may lack it: a poster without a rank). Anchors in its footer ("Reply"
    under the text) have it before them: the thread starts at the first anchor's text and ends at
    the last anchor. Either way the thread stops at a widget heading ("Related", "Hot questions")."""
    if len(chain) < THREAD_MIN_POSTS:
        return None
    pairs = [(a, b) for a, b in pairwise(chain) if prose_before[b] > prose_before[a + 1]]
    if len(pairs) < THREAD_MIN_POSTS - 1 or len(pairs) < POST_PROSE_SHARE * (len(chain) - 1):
        return None
    # where the text sits between two anchors: nearer the first (header) or the second (footer)
    lead = trail = 0
    for a, b in pairs:
        first = next(i for i in range(a + 1, b) if is_post[i])
        last = next(i for i in range(b - 1, a, -1) if is_post[i])
        lead += first - a
        trail += b - last
    if lead > trail:
        start = _text_start(is_post, hits, chain[0] - 1, max(0, chain[0] - POST_MAX_BLOCKS - 1))
        return Thread(start, chain[-1] + 1, len(chain))
    # earlier posts whose meta lacks this anchor (a poster with no rank) are in the thread too
    post = sorted(b - a for a, b in pairwise(chain))[(len(chain) - 1) // 2]
    start = max(0, chain[0] - post)
    start = next((i + 1 for i in range(chain[0] - 1, start - 1, -1) if _heading(hits[i])), start)
    end = _text_end(is_post, hits, chain[-1] + 1, min(cut, chain[-1] + POST_MAX_BLOCKS + 1))
    return Thread(start, end, len(chain))


def _text_end(is_post: list[bool], hits: list[Hit | None], i: int, stop: int) -> int:
    """The end of the first stretch of post lines from block i (before `stop` and any heading);
    i itself when there is none."""
    first, seen = i, False
    while i < stop and not _heading(hits[i]):
        if is_post[i]:
            seen = True
        elif seen:
            break
        i += 1
    return i if seen else first


def _text_start(is_post: list[bool], hits: list[Hit | None], i: int, stop: int) -> int:
    """The start of the last stretch of post lines up to block i (after `stop` and any heading);
    i + 1 when there is none."""
    last, seen = i, False
    while i > stop and not _heading(hits[i]):
        if is_post[i]:
            seen = True
        elif seen:
            break
        i -= 1
    return i + 1 if seen else last + 1


def _heading(hit: Hit | None) -> bool:
    return hit is not None and hit.code in HEADING_CODES


def open_thread(
    thread: Thread,
    blocks: tuple[Block, ...],
    hits: list[Hit | None],
    classes: list[ProseClass],
    scores: list[float],
    listed: list[bool],
) -> None:
    """Score the thread as one stretch of content (in place): its post lines as prose, not damped
    as isolated, and the meta lines between them at no cost. Widget headings and their lists keep
    their cost, and so do meta lines before its first post line and after its last: a sentence
    next to the thread is not drawn into it."""
    lines = [i for i in range(thread.start, thread.end) if post_line(blocks[i], hits[i], classes[i])]
    if not lines:
        return
    for i in range(lines[0], lines[-1] + 1):
        h = hits[i]
        if h is not None and (h.code in HEADING_CODES or h.code == "CTX003"):
            continue
        if post_line(blocks[i], h, classes[i]):
            near = classes[i] not in ("good", "near")
            scores[i] = score("near" if near else classes[i], blocks[i].features)
            listed[i] = listed[i] or near
        elif scores[i] < 0:
            scores[i] = 0.0
