"""Main-run scoring: each block's prose class (jusText-style, or by shape alone for languages
without a stop-word list), its score, the damping of isolated and truncated prose, and the
highest-scoring contiguous run (Kadane)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Literal

from cleaner.model import Block, Features, Hit
from cleaner.patterns import LETTERS, UNCASED_LETTERS, timeout_for

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
#: A break between two stretches of the article (a table, a code listing, a list, a gallery dumped
#: one short line at a time) costs at most this much in all, whatever its length: each of its lines
#: costs its own penalty, so on long documents (specs, long reads, wiki pages) one long break
#: outweighed the prose on one side and the page kept only the other. A break that holds a widget
#: heading (HEADING_PENALTY) or a line a rule took as noise is not capped: that is page furniture
#: between the article and something else, not part of the article. Calibrated on both dev sets
#: 2026-12-01 (dev2 F1 .811 -> .822, lost 64 -> 58, 9 pages better, 4 worse; dev F1 .940 -> .939,
#: one page worse, lost held; capping noise runs too cost dev .004 and 10 pages).
BREAK_CAP: Final = 150.0

#: Noise that interrupts running text without ending it: a subheading next to one is still body.
#: An image's "Source" label is one (2026-12-07: the list lines and the section heading between a
#: paragraph and the label under the next image were dropped as furniture; dev3 +.0002, one page
#: .951 -> .989; dev and dev2 unchanged but for a code page whose gold leaves its examples out).
TRANSPARENT_KINDS: Final = frozenset({"advert_marker", "caption", "credit", "css", "promo", "source_link"})


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


def fallback_scale(blocks: tuple[Block, ...], hits: Sequence[Hit | None] | None = None) -> float | None:
    """None when stop words tell prose from furniture on this page; else the length scale of the
    shape-only fallback: 1.0 for a cased script we have no stop words for (Indonesian…), and
    DENSE_SCRIPT_SCALE for scripts without case and spaces (CJK), whose characters
    each carry about a word.

    Blocks that a rule labelled (`hits`) are left out of both samples: a style sheet's
    declarations end in ";" like sentences and have no stop words, so an English page with one
    would otherwise look like a language without a stop-word list."""
    if hits is not None:
        blocks = tuple(b for b, h in zip(blocks, hits, strict=True) if h is None)
    sample = "".join(b.text for b in blocks[:400])[:SCRIPT_SAMPLE_CHARS]
    # ASCII has no letters without case (`UNCASED_LETTERS` is Lo and Lm)
    uncased = 0 if sample.isascii() else len(sample) - len(UNCASED_LETTERS.sub("", sample, timeout=timeout_for(sample)))
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


#: A sentence that announces what follows with a colon ("To install it, run the following
#: command:") is prose, although it does not end in a sentence mark: at least this many words at
#: running-prose stop-word density. Widget headings that end in a colon ("Our picks:", "Tags:",
#: "Share this article:") are a few words without that density.
LEAD_IN_MIN_WORDS: Final = 6
#: A title-cased line ending in a colon is a heading over a widget ("Popular Guides From Our
#: Editors:"), not a sentence.
LEAD_IN_MAX_TITLE_RATIO: Final = 0.5
#: A lead-in costs nothing in the main run: it is prose, but a promo's "Sign up now to learn:"
#: is one too, and must not draw the run on to the form or list after it. Calibrated on the
#: three dev sets 2026-12-07 (as near prose, dev2 gains .0006 more but a promo list and a form
#: join the body on three pages).
LEAD_IN_SCORE: Final = 0.0


def block_class(block: Block, fallback: float | None) -> ProseClass:
    """`prose_class`, except that in the fallback a line ending in mid-sentence (an ideographic
    comma: the rest of the sentence is on the next line) is near prose, not a menu item."""
    cls = prose_class(block.features, fallback)
    if cls == "bad" and fallback is not None and block.text.endswith(_CLAUSE_MARKS):
        return "near"
    return cls


def lead_in(block: Block) -> bool:
    """A sentence of running prose that ends in a colon ("To install it, run this command:").

    Its class stays what its length makes it (short or bad); only its cost in the main run is
    lifted (`LEAD_IN_SCORE`), so that the command or list it announces and the paragraph after
    them are not cut from the article by it."""
    f = block.features
    return (
        block.text.endswith(":")
        and f.title_ratio <= LEAD_IN_MAX_TITLE_RATIO
        and f.words >= LEAD_IN_MIN_WORDS
        and f.stop_density >= GOOD_STOP_DENSITY
        and f.words < RUN_ON_MIN_WORDS
    )


def score(cls: ProseClass, f: Features) -> float:
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


def damp_isolated(
    scores: list[float],
    classes: list[ProseClass],
    blocks: tuple[Block, ...],
    see_through: list[bool],
    joined: list[bool] | None = None,
) -> None:
    """Lower the score of prose blocks with no other prose nearby (local list, in place).

    "Nearby" is within ISOLATION_REACH blocks, not counting see-through markers (adverts,
    credits): a paragraph between two subheadings is not isolated, a teaser's summary between
    its title, author and date lines is. The lines of a content run (`joined`: code, a table
    between paragraphs) count as prose nearby, but are not damped themselves.
    """
    n = len(scores)
    order = [i for i in range(n) if not see_through[i]]
    prose = [classes[i] in ("good", "near") for i in order]
    near = prose if joined is None else [p or joined[i] for p, i in zip(prose, order, strict=True)]
    for k, i in enumerate(order):
        if not prose[k]:
            continue
        if blocks[i].text.endswith(("...", "…")):
            scores[i] *= TRUNCATED_WEIGHT
        elif not any(
            near[j] for j in range(max(0, k - ISOLATION_REACH), min(len(order), k + ISOLATION_REACH + 1)) if j != k
        ):
            scores[i] *= ISOLATED_WEIGHT


def cap_breaks(scores: list[float], firm: list[bool]) -> None:
    """Scale each run of negative scores between two positive ones to cost at most `BREAK_CAP`.

    `firm[i]` marks a block that parts the article from what follows (a widget heading, a line a
    rule took as noise): a run holding one keeps its full cost. Runs at either end of the page are left as they are.
    """
    n = len(scores)
    i = 0
    while i < n:
        if scores[i] >= 0:
            i += 1
            continue
        j = i
        total = 0.0
        hard = False
        while j < n and scores[j] < 0:
            total += scores[j]
            hard = hard or firm[j]
            j += 1
        if i > 0 and j < n and not hard and total < -BREAK_CAP:
            factor = BREAK_CAP / -total
            for k in range(i, j):
                scores[k] *= factor
        i = j


def best_run(scores: list[float]) -> tuple[int, int] | None:
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
