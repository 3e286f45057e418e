"""Stages 3 and 4: classify blocks with the line rules, then settle them by context.

Classification gives each block at most one rule hit (repeated lines of a page are judged
once). Smoothing then, in linear passes over the blocks,

1. marks runs of teaser cards (REL003) and the lists under widget and related-links headings
   (CTX003);
2. gives every block a prose class from its features (good / near / short / bad), in the
   manner of jusText (by shape alone for languages without a stop-word list, where a line that
   ends in an ideographic comma continues a sentence);
3. cuts off a reader-comment thread after the article (CTX004);
4. finds the main content: the contiguous run of blocks with the highest total score
   (Kadane's algorithm), with isolated and truncated prose damped and the lines of an enumerated
   list (items numbered 1, 2, 3…: a ranking, a standings table) or of a data table dumped one
   cell a line (rows of figures, names and notes) scored like prose; the run then
   bridges short gaps to full paragraphs, follows a list its last line announces with a colon,
   takes in an enumerated list that starts at or just after its end, and the tail of lines up to
   a mark that closes the article (share bar, author bio) or a tail written in full sentences;
   blocks outside it are page furniture (CTX001);
5. settles short and weak blocks inside the run by their nearest confident neighbours on the
   left and on the right, found with two sweeps that look through adverts and credits (CTX002).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from cleaner.model import Block, Features, Hit, Verdict
from cleaner.patterns import (
    ENUM_NUMBER,
    LETTERS,
    SENTENCE_END,
    TABLE_NUMBER_CELL,
    TEASER_DATELINE_GLUE,
    TEASER_GLUE,
    TITLE_SMALL_WORDS,
    UNCASED_LETTERS,
    timeout_for,
)
from cleaner.registry import SECOND_HALF, DocView, RuleInfo, RuleSet
from cleaner.rules import by_code

ProseClass = Literal["good", "near", "short", "bad", "noise", "weak"]

# Prose classes. Calibrated on the dev benchmark, 2026-11-23; change together with the scores.
#: Stop-word density of running prose (share of words that are function words).
GOOD_STOP_DENSITY: Final = 0.22
NEAR_STOP_DENSITY: Final = 0.12
#: A block this long with prose density is good even without a sentence end.
GOOD_CHARS: Final = 150
#: A block with a sentence end and prose density is good from this length.
GOOD_SENTENCE_CHARS: Final = 50
SHORT_WORDS: Final = 4
#: A long block with fewer sentence ends than one per this many words is a run-on list of
#: links (a menu dumped on one line), not prose.
RUN_ON_WORDS_PER_SENTENCE: Final = 45
RUN_ON_MIN_WORDS: Final = 40
SHORT_CHARS: Final = 60

# Scores of the main-content run (per block).
NEAR_WEIGHT: Final = 0.5
SHORT_PENALTY: Final = 20.0
BAD_WEIGHT: Final = 0.4
BAD_PENALTY: Final = 12.0
NOISE_WEIGHT: Final = 0.6
NOISE_PENALTY: Final = 35.0
WEAK_PENALTY: Final = 15.0
#: A related-links or widget heading parts the article from what follows more firmly than other
#: noise: the main run crosses one only for a good stretch of prose. Calibrated on the dev benchmark
#: 2026-11-24 (gains from 100 to 200, recall drops from 300).
HEADING_PENALTY: Final = 150.0
#: A style sheet dumped into the text is markup, not furniture beside the article: each of its
#: blocks costs this little, whatever its length, so a stylesheet between two parts of an article
#: does not split it. Calibrated on the dev benchmark 2026-11-24 (same results from 5 to 20; at
#: 35 one page splits again).
CSS_PENALTY: Final = 10.0

#: A list item under a widget heading: short, or not a full sentence of prose.
LIST_ITEM_MAX_WORDS: Final = 25

#: A full sentence this long ends a widget list: the list items are titles, not sentences.
LIST_END_SENTENCE_WORDS: Final = 8
#: A list announced by a colon at the end of the main run ("Tour dates:") is followed for at most
#: this many blocks.
COLON_LIST_MAX_ITEMS: Final = 80

#: Noise that interrupts running text without ending it: a subheading next to one is still body.
_TRANSPARENT_KINDS: Final = frozenset({"advert_marker", "caption", "credit", "css", "promo"})

_HEADING_CODES: Final = frozenset({"REL001", "WID001"})


@dataclass(frozen=True, slots=True)
class Smoothed:
    verdicts: tuple[Verdict, ...]
    region: tuple[int, int] | None


def classify(
    blocks: tuple[Block, ...],
    rules: RuleSet,
    language: str,
    seen: dict[tuple[str, bool, bool, str], Hit | None] | None = None,
) -> tuple[tuple[Hit | None, ...], tuple[str, ...]]:
    """Each block's deciding hit: the first strong rule that fires, else the first weak one.

    A rule whose pattern times out on a block is skipped for that block and reported in the
    returned messages, never allowed to hang the run. `seen` holds verdicts already found for a
    line in the same situation (this page, or an earlier pass over the same page).
    """
    hits: list[Hit | None] = []
    messages: list[str] = []
    if seen is None:
        seen = {}
    last = len(blocks) - 1
    for i, block in enumerate(blocks):
        # `DocView.cache_key()` written out: most blocks are looked up, so no view is built for them
        key = (block.text, block.piece > 0, (i / last if last > 0 else 0.0) >= SECOND_HALF, language)
        if key in seen:
            hits.append(seen[key])
            continue
        view = DocView(blocks, i, language)
        timed_out = len(messages)
        weak: Hit | None = None
        found: Hit | None = None
        text = block.text
        for info in rules.candidates(text, block.features.words, timeout_for(text)):
            try:
                fired = info.func(block, view)
            except TimeoutError:
                messages.append(f"{info.code} skipped on block {i}: its pattern timed out.")
                continue
            if fired:
                hit = Hit(info.code, info.name, info.kind, info.strength)
                if info.strength == "strong":
                    found = hit
                    break
                if weak is None:
                    weak = hit
        hits.append(found or weak)
        if len(messages) == timed_out:  # a skipped rule is retried on the next copy
            seen[key] = found or weak
    return tuple(hits), tuple(messages)


#: Below this median stop-word density of sentence blocks, the page's language has no stop-word
#: list (Japanese, Indonesian…): prose is then recognised by shape alone.
FALLBACK_DENSITY: Final = 0.1
FALLBACK_SHORT_CHARS: Final = 40
FALLBACK_MAX_TITLE_RATIO: Final = 0.5
#: A page whose letters are mostly without case is in a dense script (CJK): its
#: length thresholds shrink by this factor.
UNCASED_SCRIPT_SHARE: Final = 0.5
DENSE_SCRIPT_SCALE: Final = 0.35
#: The script is judged on at most this many characters from the top of the page.
SCRIPT_SAMPLE_CHARS: Final = 200_000


#: In the shape-only fallback, a line that ends with an ideographic comma or semicolon is a
#: sentence broken over lines (near prose), not a menu item. Full-width marks only: a Latin comma
#: also ends the lines of CSS selector lists. Calibrated on the dev benchmark 2026-11-25 (fires
#: on one page, where every such line is body).
_CLAUSE_MARKS: Final = ("、", "，", "；")


def fallback_scale(blocks: tuple[Block, ...]) -> float | None:
    """None when stop words tell prose from furniture on this page; else the length scale of the
    shape-only fallback: 1.0 for a cased script we have no stop words for (Indonesian…), and
    DENSE_SCRIPT_SCALE for scripts without case and spaces (CJK), whose characters
    each carry about a word."""
    sample = "".join(b.text for b in blocks[:400])[:SCRIPT_SAMPLE_CHARS]
    uncased = len(sample) - len(UNCASED_LETTERS.sub("", sample, timeout=timeout_for(sample)))
    if uncased:  # without uncased letters the share is 0: the page's letters need no count
        letters = len(sample) - len(LETTERS.sub("", sample, timeout=timeout_for(sample)))
        if letters and uncased >= UNCASED_SCRIPT_SHARE * letters:
            return DENSE_SCRIPT_SCALE
    dens = sorted(b.features.stop_density for b in blocks if b.features.chars >= 80 and b.features.ends_sentence)
    return 1.0 if dens and dens[len(dens) // 2] < FALLBACK_DENSITY else None


def prose_class(f: Features, fallback: float | None = None) -> ProseClass:
    """The jusText-style class of a block from its features alone (or its shape, in fallback)."""
    if fallback is not None:
        if f.chars < FALLBACK_SHORT_CHARS * fallback:
            return "short"
        if f.title_ratio > FALLBACK_MAX_TITLE_RATIO or f.bullet:
            return "bad"
        if f.chars >= GOOD_CHARS * fallback or (f.ends_sentence and f.chars >= GOOD_SENTENCE_CHARS * fallback):
            return "good"
        return "near" if f.ends_sentence else "bad"
    if f.words < SHORT_WORDS:
        return "short"
    if (
        f.words >= RUN_ON_MIN_WORDS
        and f.sentence_marks * RUN_ON_WORDS_PER_SENTENCE < f.words
        and f.stop_density < GOOD_STOP_DENSITY
    ):
        return "bad"
    dense = f.stop_density >= GOOD_STOP_DENSITY
    if dense and (f.chars >= GOOD_CHARS or (f.ends_sentence and f.chars >= GOOD_SENTENCE_CHARS)):
        return "good"
    if f.stop_density >= NEAR_STOP_DENSITY and (f.ends_sentence or f.chars >= GOOD_CHARS):
        return "near"
    if f.chars < SHORT_CHARS:
        return "short"
    return "bad"


def _block_class(block: Block, fallback: float | None) -> ProseClass:
    """`prose_class`, except that in the fallback a line ending in mid-sentence (an ideographic
    comma: the rest of the sentence is on the next line) is near prose, not a menu item."""
    cls = prose_class(block.features, fallback)
    if cls == "bad" and fallback is not None and block.text.endswith(_CLAUSE_MARKS):
        return "near"
    return cls


def _score(cls: ProseClass, f: Features) -> float:
    if cls == "good":
        return float(f.chars)
    if cls == "near":
        return f.chars * NEAR_WEIGHT
    if cls == "short":
        return -SHORT_PENALTY
    if cls == "bad":
        return -(f.chars * BAD_WEIGHT + BAD_PENALTY)
    if cls == "weak":
        return -WEAK_PENALTY
    return -(f.chars * NOISE_WEIGHT + NOISE_PENALTY)


#: A prose block with no prose block directly before or after it (a teaser's summary between
#: titles and dates) counts for this share of its length; so does one cut short with "...".
ISOLATED_WEIGHT: Final = 0.4
TRUNCATED_WEIGHT: Final = 0.3
ISOLATION_REACH: Final = 2


def _damp_isolated(
    scores: list[float], classes: list[ProseClass], blocks: tuple[Block, ...], see_through: list[bool]
) -> None:
    """Lower the score of prose blocks with no other prose nearby (local list, in place).

    "Nearby" is within ISOLATION_REACH blocks, not counting see-through markers (adverts,
    credits): a paragraph between two subheadings is not isolated, a teaser's summary between
    its title, author and date lines is.
    """
    n = len(scores)
    order = [i for i in range(n) if not see_through[i]]
    prose = [classes[i] in ("good", "near") for i in order]
    for k, i in enumerate(order):
        if not prose[k]:
            continue
        if blocks[i].text.endswith(("...", "…")):
            scores[i] *= TRUNCATED_WEIGHT
        elif not any(
            prose[j] for j in range(max(0, k - ISOLATION_REACH), min(len(order), k + ISOLATION_REACH + 1)) if j != k
        ):
            scores[i] *= ISOLATED_WEIGHT


def _best_run(scores: list[float]) -> tuple[int, int] | None:
    """Kadane: the contiguous run [start, end) with the highest positive sum."""
    best, best_span = 0.0, None
    run, run_start = 0.0, 0
    for i, s in enumerate(scores):
        if run <= 0:
            run, run_start = s, i
        else:
            run += s
        if run > best:
            best, best_span = run, (run_start, i + 1)
    return best_span


#: After the main run, a long prose block separated from it by at most this many blocks (an
#: inline related-links box, an advert, a video player's captions) still belongs to the article.
#: It is a full paragraph: at least BRIDGE_MIN_WORDS words, good prose or near prose that ends a
#: sentence (a paragraph of event names and dates is near). Near paragraphs calibrated on the
#: dev benchmark 2026-11-25 (one page gained, none changed otherwise).
BRIDGE_MAX_GAP: Final = 3
BRIDGE_MIN_WORDS: Final = 25


def _bridge_gaps(blocks: tuple[Block, ...], classes: list[ProseClass], lo: int, hi: int, cut: int) -> int:
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


def _extend_colon_list(blocks: tuple[Block, ...], classes: list[ProseClass], lo: int, hi: int, cut: int) -> int:
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


def _extend_closed_tail(
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


#: An enumerated list (a ranking, a standings table, numbered stages of a calendar) has at least
#: this many items numbered 1, 2, 3… with at most ENUM_MAX_GAP other blocks between two items.
#: Calibrated on the dev benchmark 2026-11-24: "most read" boxes of five numbered links stay out.
ENUM_MIN_ITEMS: Final = 6
ENUM_MAX_GAP: Final = 2
#: The main run takes in an enumerated list that starts at most this many blocks after it.
ENUM_ATTACH_GAP: Final = 3


def _enumerations(blocks: tuple[Block, ...], hits: list[Hit | None]) -> list[tuple[int, int]]:
    """Spans [first, last + 1) of enumerated lists: items numbered from 1 in steps of one.

    Only blocks without a strong hit count as items, so that a numbered "most read" box under a
    widget heading is not one.
    """
    spans: list[tuple[int, int]] = []
    first = last = -1
    count = expected = 0
    for i, block in enumerate(blocks):
        h = hits[i]
        if (h is not None and h.strength == "strong") or block.features.words < 2:
            continue
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
    if TABLE_NUMBER_CELL.match(block.text, timeout=timeout_for(block.text)) is not None:
        return "9"
    if block.features.ends_sentence:
        return "s"
    return "w" if block.features.words <= TABLE_LABEL_WORDS else "l"


def _tables(blocks: tuple[Block, ...], hits: list[Hit | None]) -> list[tuple[int, int]]:
    """Spans [first, last + 1) of data tables: runs of blocks whose cell shapes repeat with a
    period of TABLE_PERIODS blocks (one pass per period: linear)."""
    shapes = [_cell_shape(b, h) for b, h in zip(blocks, hits, strict=True)]
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


def _teaser_runs(blocks: tuple[Block, ...], hits: list[Hit | None], rules: RuleSet) -> None:
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


def _widget_lists(blocks: tuple[Block, ...], hits: list[Hit | None], rules: RuleSet) -> None:
    """CTX003: mark the items under a widget heading with the heading's kind (in place, local list)."""
    if not rules.enabled("CTX003"):
        return
    active: str | None = None
    for i, block in enumerate(blocks):
        hit = hits[i]
        if hit is not None:
            if hit.code in _HEADING_CODES:
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


#: A comment thread needs at least this many comment meta lines after its start.
MIN_COMMENT_METAS: Final = 2
#: A comment's meta line: who wrote it ("Name says:") or when ("2 days ago at 07:52 am").
_COMMENT_META_CODES: Final = frozenset({"COM002", "DAT002"})


def _comment_thread_start(blocks: tuple[Block, ...], classes: list[ProseClass], hits: list[Hit | None]) -> int:
    """CTX004: index of the first comment marker after body text that opens a real thread."""
    meta = [_is_comment_meta(blocks, hits, i) for i in range(len(hits))]
    metas_after = [0] * (len(hits) + 1)
    for i in range(len(hits) - 1, -1, -1):
        metas_after[i] = metas_after[i + 1] + meta[i]
    seen_body = False
    for i, h in enumerate(hits):
        if classes[i] == "good":
            seen_body = True
        elif seen_body and (meta[i] or (h is not None and h.code == "COM001")) and metas_after[i] >= MIN_COMMENT_METAS:
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


def smooth(blocks: tuple[Block, ...], hits_in: tuple[Hit | None, ...], rules: RuleSet) -> Smoothed:
    """Settle every block to keep or drop (pure; linear in the number of blocks)."""
    hits = list(hits_in)
    _teaser_runs(blocks, hits, rules)
    _widget_lists(blocks, hits, rules)
    fallback = fallback_scale(blocks)
    classes: list[ProseClass] = []
    for block, hit in zip(blocks, hits, strict=False):
        if hit is not None:
            classes.append("noise" if hit.strength == "strong" else "weak")
        else:
            classes.append(_block_class(block, fallback))
    see_through = [
        c == "noise" and h is not None and h.kind in _TRANSPARENT_KINDS for c, h in zip(classes, hits, strict=True)
    ]
    cut = _comment_thread_start(blocks, classes, hits) if rules.enabled("CTX004") else len(blocks)
    scores = [_score(c, b.features) for c, b in zip(classes[:cut], blocks[:cut], strict=True)]
    for i, h in enumerate(hits[:cut]):
        if h is not None and h.code in _HEADING_CODES:
            scores[i] -= HEADING_PENALTY
        elif h is not None and h.kind == "css" and classes[i] == "noise":
            scores[i] = -CSS_PENALTY
    _damp_isolated(scores, classes, blocks, see_through)
    enumerations = _enumerations(blocks, hits) + _tables(blocks, hits)
    listed = [False] * len(blocks)
    for a, b in enumerations:
        for i in range(a, b):
            if classes[i] != "noise":
                listed[i] = True
                if i < cut:
                    scores[i] = blocks[i].features.chars * NEAR_WEIGHT
    region = _best_run(scores)
    lo, hi = region if region else (0, 0)
    hi = _bridge_gaps(blocks, classes, lo, hi, cut)
    run_end = hi
    hi = _extend_colon_list(blocks, classes, lo, hi, cut)
    for a, b in enumerations:
        if hi > lo and lo <= a <= hi + ENUM_ATTACH_GAP and hi < b <= cut:
            hi = b
    hi = _extend_closed_tail(blocks, classes, hits, lo, hi, cut)

    # nearest confident neighbour on each side, inside the region (two linear sweeps); markers
    # dropped in the middle of running text (adverts, captions, credits) are looked through
    confident = ("good", "near", "noise")
    left: list[str] = ["edge"] * len(blocks)
    right: list[str] = ["edge"] * len(blocks)
    last = "edge"
    for i in range(lo, hi):
        left[i] = last
        if classes[i] in confident and not see_through[i]:
            last = classes[i]
    last = "edge"
    for i in range(hi - 1, lo - 1, -1):
        right[i] = last
        if classes[i] in confident and not see_through[i]:
            last = classes[i]

    ctx4: RuleInfo = by_code("CTX004")
    ctx1: RuleInfo = by_code("CTX001")
    ctx2: RuleInfo = by_code("CTX002")
    verdicts: list[Verdict] = []
    for i, (cls, hit) in enumerate(zip(classes, hits, strict=False)):
        if hit is not None and cls == "noise":
            verdicts.append(Verdict(i, "drop", hit.code, hit.name, hit.kind))
        elif i >= cut:
            verdicts.append(Verdict(i, "drop", ctx4.code, ctx4.name, hit.kind if hit else ctx4.kind))
        elif not lo <= i < hi:
            if rules.enabled(ctx1.code):
                verdicts.append(Verdict(i, "drop", ctx1.code, ctx1.name, hit.kind if hit else ctx1.kind))
            else:
                verdicts.append(Verdict(i, "keep", "", "", ""))
        elif cls in ("good", "near") or run_end <= i < hi or listed[i]:
            verdicts.append(Verdict(i, "keep", "", "", ""))
        else:
            body_both = left[i] in ("good", "near") and right[i] in ("good", "near")
            if body_both:
                verdicts.append(Verdict(i, "keep", "", "", ""))
            elif hit is not None:
                verdicts.append(Verdict(i, "drop", hit.code, hit.name, hit.kind))
            elif rules.enabled(ctx2.code):
                verdicts.append(Verdict(i, "drop", ctx2.code, ctx2.name, ctx2.kind))
            else:
                verdicts.append(Verdict(i, "keep", "", "", ""))
    if rules.enabled("DUP001"):
        _drop_repeated_runs(blocks, verdicts)
    return Smoothed(tuple(verdicts), region)


#: DUP001: a repeated run needs this many consecutive kept blocks and words to be a second copy
#: (a weekly meal plan repeats runs of up to ~190 words; a dumped article copy, 1,500 and more).
#: Calibrated on the dev benchmark, 2026-11-23.
DUP_MIN_BLOCKS: Final = 3
DUP_MIN_WORDS: Final = 300
#: ... and this share of all kept words: a copy of the article is a large part of what is kept,
#: a plan's repeated day (HTML extraction joins its lines into longer runs) a small one.
DUP_MIN_SHARE: Final = 0.25


def _drop_repeated_runs(blocks: tuple[Block, ...], verdicts: list[Verdict]) -> None:
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
