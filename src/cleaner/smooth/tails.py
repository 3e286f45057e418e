"""Tails and bridges: how the main run grows past its end over short gaps to full paragraphs,
over a photo gallery to the paragraph after it, a list its last line announces with a colon, and
the tail of lines up to a mark that closes the article."""

from __future__ import annotations

from typing import Final

from cleaner.model import Block, Features, Hit
from cleaner.smooth.scoring import RUN_ON_MIN_WORDS, RUN_ON_WORDS_PER_SENTENCE, SHORT_WORDS, ProseClass

#: A list announced by a colon at the end of the main run ("Tour dates:") is followed for at most
#: this many blocks.
COLON_LIST_MAX_ITEMS: Final = 80

#: After the main run, a long prose block separated from it by at most this many blocks (an
#: inline related-links box, an advert, a video player's captions) still belongs to the article.
#: It is a full paragraph: at least BRIDGE_MIN_WORDS words, good prose or near prose that ends a
#: sentence (a paragraph of event names and dates is near). Near paragraphs calibrated on the
#: dev benchmark 2026-11-25 (one page gained, none changed otherwise).
BRIDGE_MAX_GAP: Final = 3
BRIDGE_MIN_WORDS: Final = 25


def bridge_gaps(blocks: tuple[Block, ...], classes: list[ProseClass], lo: int, hi: int, cut: int) -> int:
    """Grow the main run over short gaps to following paragraphs of full prose."""
    end = hi if hi > lo else cut
    while end < cut:
        window = range(end, min(cut, end + BRIDGE_MAX_GAP + 1))
        nxt = next((j for j in window if classes[j] in ("good", "near")), None)
        if nxt is None:
            break
        b = blocks[nxt]
        prose = classes[nxt] == "good" or (classes[nxt] == "near" and b.features.ends_sentence)
        full = prose and b.features.words >= BRIDGE_MIN_WORDS and not b.text.endswith(("...", "…"))
        if nxt > end and not full:
            break
        end = nxt + 1
    return end if hi > lo else hi


def extend_colon_list(blocks: tuple[Block, ...], classes: list[ProseClass], lo: int, hi: int, cut: int) -> int:
    """Grow the main run over a list that its last block announces with a colon.

    "The tour dates:" followed by short lines is the article's own list, although list items
    score like a menu. The list ends at the first noise block.
    """
    if hi <= lo:
        return hi
    if not blocks[hi - 1].text.endswith(":"):
        # the announcing line may itself be short and just outside the run
        if hi < cut and classes[hi] == "short" and blocks[hi].text.endswith(":"):
            hi += 1
        else:
            return hi
    end = hi
    while end < min(cut, hi + COLON_LIST_MAX_ITEMS) and classes[end] not in ("noise", "weak"):
        end += 1
    return end


#: Marks that close an article: its share bar, the author's bio, the reporting credit. The
#: unlabelled lines between the main run and such a mark are the article's own tail (tour dates,
#: a schedule, a table), which scores like a menu. Calibrated on the dev benchmark 2026-11-24
#: (a heading of related links or a widget closes menus and teaser lists as often as articles).
_ARTICLE_END_CODES: Final = frozenset({"SHR001", "SHR002", "BIO001", "BIO002", "CRD004"})
#: A tail is followed for at most this many blocks.
TAIL_MAX_BLOCKS: Final = 60


def _run_on(f: Features) -> bool:
    """A long line with too few sentence ends for its length: a menu or tag list on one line."""
    return f.words >= RUN_ON_MIN_WORDS and f.sentence_marks * RUN_ON_WORDS_PER_SENTENCE < f.words


#: A tail written in sentences: at least this share of its words are in blocks that end a
#: sentence, and it has at least SENTENCE_TAIL_MIN_WORDS words. Such a tail is the article's
#: own last paragraphs, only too full of names and figures for the stop-word density (match
#: reports, results round-ups), whatever closes it. Calibrated on the dev benchmark 2026-11-25:
#: the prose tails of articles have shares from .95 up; menus, teaser lists and fact boxes stay
#: under .65 (teaser titles and menu items do not end in a full stop).
SENTENCE_TAIL_SHARE: Final = 0.9
SENTENCE_TAIL_MIN_WORDS: Final = 40


def _sentence_tail(blocks: tuple[Block, ...], start: int, end: int) -> bool:
    """Whether blocks [start, end) are running sentences rather than items of a list."""
    words = sentence_words = 0
    for i in range(start, end):
        f = blocks[i].features
        words += f.words
        if f.ends_sentence and f.words >= SHORT_WORDS:
            sentence_words += f.words
    return words >= SENTENCE_TAIL_MIN_WORDS and sentence_words >= SENTENCE_TAIL_SHARE * words


def extend_closed_tail(
    blocks: tuple[Block, ...], classes: list[ProseClass], hits: list[Hit | None], lo: int, hi: int, cut: int
) -> int:
    """Grow the main run over the lines between it and a mark that closes the article.

    The tail is the unlabelled blocks after the run, none of them a run-on line. It is kept when
    an article-end mark follows it, when it is written in sentences (`_sentence_tail`), or when
    the page ends after it and it holds no full paragraph: the page cleaned once ends there, and
    cleaning it again must keep what the first pass kept.
    """
    if hi <= lo:
        return hi
    end = hi
    while (
        end < cut
        and end - hi < TAIL_MAX_BLOCKS
        and classes[end] not in ("noise", "weak")
        and not _run_on(blocks[end].features)
    ):
        end += 1
    if end == hi:
        return hi
    if end == len(blocks):
        return end if all(classes[i] != "good" for i in range(hi, end)) else hi
    if _sentence_tail(blocks, hi, end):
        return end
    # lines of a list are short: a long line before the closer is not one of its items
    if any(blocks[i].features.words >= RUN_ON_MIN_WORDS for i in range(hi, end)):
        return hi
    closer = hits[end]
    return end if closer is not None and closer.code in _ARTICLE_END_CODES else hi


#: A photo gallery dumped between the article's last paragraphs (its captions, credit lines,
#: slide counter and "Close" / "Back to gallery" controls: a dozen lines for one photo, each
#: caption twice when it can be expanded) is crossed for at most this many blocks to the full
#: paragraph after it. Calibrated on the dev benchmark 2026-12-07 (a 14-line gallery before an
#: article's last paragraph; no other page of the three dev sets has such a gap).
GALLERY_MAX_GAP: Final = 16
#: What marks the gap as a gallery: a caption or a credit line, or a slide counter.
_GALLERY_MARK_KINDS: Final = frozenset({"caption", "credit"})
_GALLERY_MARK_CODES: Final = frozenset({"NAV004", "CTX005"})
#: Labels that a gallery's controls get ("1 / 1", "Close"); any other label (a widget heading, a
#: share bar, a related link) means the gap is page furniture, not a gallery.
_GALLERY_CONTROL_CODES: Final = frozenset({"NAV003"})


def bridge_gallery(
    blocks: tuple[Block, ...], classes: list[ProseClass], hits: list[Hit | None], lo: int, hi: int, cut: int
) -> int:
    """Grow the main run over a photo gallery to the full paragraph after it.

    The gap is at most GALLERY_MAX_GAP blocks; it holds at least one caption, credit or counter,
    no other labelled line but a gallery control, and no prose of its own (an unlabelled line is
    short: "Image 1 of 3", "Back to gallery"). The paragraph after it is full prose
    (`BRIDGE_MIN_WORDS` words of good prose ending a sentence).
    """
    if hi <= lo:
        return hi
    end = hi
    while end < cut:
        marked = False
        nxt = None
        for j in range(end, min(cut, end + GALLERY_MAX_GAP + 1)):
            h, cls = hits[j], classes[j]
            if h is not None and cls == "noise":
                if h.kind in _GALLERY_MARK_KINDS or h.code in _GALLERY_MARK_CODES:
                    marked = True
                elif h.code not in _GALLERY_CONTROL_CODES:
                    break
                continue
            f = blocks[j].features
            if h is None and cls == "good" and f.words >= BRIDGE_MIN_WORDS and f.ends_sentence:
                nxt = j
                break
            if cls != "short":
                break
        if nxt is None or not marked:
            break
        end = nxt + 1
    return end
