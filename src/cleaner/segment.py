"""Stage 2: cut the normalized text into blocks.

A block is one non-empty line, or a piece of one: lines are split where sentences or a caption
credit were glued together with no separator ("...eastern Russia.When asked"), where a related
links heading is glued behind a sentence, and before a trailing agency credit ("... .” REUTERS,
AFP"). Each split point is found by a `split` rule of the registry; the pieces keep their offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cleaner import features, wrap
from cleaner.features import Pre
from cleaner.model import Block, Features, Hit, new_block
from cleaner.normalize import Text
from cleaner.patterns import (
    CSS_BRACE_END,
    GLUED_WIRE_DATELINE,
    SENTENCE_START,
    SOFT_GLUE,
    SPLIT_HINT,
    WORD,
    WORD_PAIR,
    timeout_for,
)
from cleaner.registry import RuleSet

#: Lines longer than this are not searched for glue points (a 10 MB line is data, not prose).
MAX_SPLIT_LINE: int = 200_000
#: Lines at least this long are also cut at sentence starts, glue points and CSS braces, so that
#: a whole page dumped on one line can be judged piece by piece. Kept neighbours are joined again.
#: Calibrated on the dev benchmark (textcontent dumps), 2026-11-23.
SOFT_SPLIT_MIN_CHARS: int = 1000
#: A run of this many characters without a blank is data (an inlined image or font, a token of
#: a minified script), not words glued together: no soft cut is made inside it, so a data URI
#: stays one block (labelled once, charged once) instead of a hundred pieces that cut the
#: article in two. Glued words in a one-line page dump ("…Read moreRelated") are far shorter.
MAX_GLUED_TOKEN: int = 200
#: The language is guessed from the stop words among the first this many characters of a page.
LANGUAGE_SAMPLE: int = 200_000
#: The rule that joins the lines of hard-wrapped paragraphs (see `cleaner.wrap`).
WRAP_CODE: str = "GLU007"
#: Blanks around a line end that the normalize stage drops or strips (trailing spaces, no-break
#: spaces, zero-width characters): a joined line break takes them in.
_DROPPED_BLANKS: str = " \t\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff"


@dataclass(frozen=True, slots=True)
class Cut:
    """A split point inside a line, and the split rule that made it (none for a soft cut)."""

    pos: int
    code: str
    name: str
    soft: bool = False


@dataclass(frozen=True, slots=True)
class Memo:
    """Results of pure per-line work, shared by the passes of one `clean()` call.

    `clean()` cleans its own output again until it is stable, and the output's lines are mostly
    lines of the input: their split points, features and verdicts are looked up, not recomputed.
    Every entry is keyed by everything its value depends on, so a hit is exactly what working it out again
    would give. One memo lives for one call (and one rule set); nothing is kept between calls.
    """

    cuts: dict[str, tuple[Cut, ...]] = field(default_factory=dict)
    #: The features of each piece, by the page's language (then by the piece's text).
    features: dict[str, dict[str, Features]] = field(default_factory=dict)
    #: The language-free measures of each piece (`features.premeasure`).
    pre: dict[str, Pre] = field(default_factory=dict)
    verdicts: dict[tuple[str, bool, bool, str], Hit | None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Join:
    """A line break inside a hard-wrapped paragraph that became a space: the span of the original
    input it covers (the line end and the blanks around it)."""

    start: int
    end: int
    #: The index of the block the joined lines form.
    block: int


@dataclass(frozen=True, slots=True)
class Segmented:
    blocks: tuple[Block, ...]
    cuts: tuple[Cut, ...]
    language: str
    #: Line breaks joined inside wrapped paragraphs (see `cleaner.wrap`), in input order.
    joins: tuple[Join, ...] = ()


def segment(text: Text, rules: RuleSet, memo: Memo | None = None) -> Segmented:
    """Split `text` into blocks (pure; `memo` only saves repeated work)."""
    memo = memo or Memo()
    split_memo = memo.cuts
    raw: list[tuple[int, int, int, bool, int, bool]] = []  # start, end, line, gap_before, piece, joined
    cuts: list[Cut] = []
    # per non-blank line: index of its first piece in `raw`, its indentation, whether it is one piece
    line_first: list[int] = []
    indents: list[int] = []
    whole_line: list[bool] = []
    in_word = False  # a cut inside a word (between two word characters)
    chunks: list[str] = []  # the text of each piece in `raw`
    pos = 0
    gap = True
    split_get = split_memo.get
    for line_no, line in enumerate(text.text.split("\n")):
        start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped:
            gap = True
            continue
        lead = len(line) - len(line.lstrip())
        start += lead
        size = len(stripped)
        if size > MAX_SPLIT_LINE:
            points: tuple[Cut, ...] = ()
        else:
            known = split_get(stripped)
            if known is None:
                known = split_memo[stripped] = _split_points(stripped, rules)
            points = known
        line_first.append(len(raw))
        indents.append(lead)
        if not points:  # most lines: one piece
            whole_line.append(True)
            raw.append((start, start + size, line_no, gap, 0, False))
            chunks.append(stripped)
            gap = False
            continue
        whole_line.append(False)
        if not in_word:
            in_word = any(WORD_PAIR.match(stripped, cut.pos - 1) is not None for cut in points)
        prev = 0
        soft_before = False
        piece = 0
        for cut in [*points, Cut(size, "", "")]:
            chunk = stripped[prev : cut.pos]
            inner = chunk.strip()
            if inner:
                s = start + prev + (len(chunk) - len(chunk.lstrip()))
                raw.append((s, s + len(inner), line_no, gap if piece == 0 else False, piece, soft_before and piece > 0))
                chunks.append(inner)
                piece += 1
            if cut.code:
                cuts.append(Cut(start + cut.pos, cut.code, cut.name))
            soft_before = cut.soft
            prev = cut.pos
        gap = False
    # every piece is measured once (repeated lines, menus, are looked up), and the language is
    # guessed from the stop words its measure found, as from the page's text itself where both
    # read the same words: every piece starts and ends outside a word, the page fits the sample
    pre = memo.pre
    whole = text.text
    pieces: list[Pre] = []
    pre_get = pre.get
    for chunk in chunks:
        found_pre = pre_get(chunk)
        if found_pre is None:
            found_pre = pre[chunk] = features.premeasure(chunk)
        pieces.append(found_pre)
    if in_word or len(whole) > LANGUAGE_SAMPLE or not all(p.exact for p in pieces):
        language = features.guess_language(WORD.findall(whole[:LANGUAGE_SAMPLE].lower()))
    else:
        language = features.guess_language_of(pieces)
    stops = features.STOPWORDS[language]
    measured = memo.features.setdefault(language, {})
    measured_get = measured.get

    def measure(chunk: str) -> Features:
        known = pre.get(chunk)
        if known is None:
            known = pre[chunk] = features.premeasure(chunk)
        found = measured[chunk] = features.finish(known, stops)
        return found

    joins: list[Join] = []
    runs_on = (
        wrap.joins(
            [chunks[i] for i in line_first],
            indents,
            wrap.line_gaps([raw[i][3] for i in line_first]),
            whole_line,
            stops,
        )
        if rules.enabled(WRAP_CODE) and len(line_first) > 1
        else []
    )
    if not any(runs_on):
        blocks = tuple(
            new_block(i, s, e, t, ln, g, p, measured_get(t) or measure(t), j)
            for i, ((s, e, ln, g, p, j), t) in enumerate(zip(raw, chunks, strict=True))
        )
        return Segmented(blocks, tuple(cuts), language)
    # the lines of a wrapped paragraph (each one piece) become one block, its text joined by spaces
    merged: list[tuple[int, int, int, bool, int, bool]] = []
    texts: list[str] = []
    k = 0
    for i, (row, t) in enumerate(zip(raw, chunks, strict=True)):
        if k < len(line_first) and line_first[k] == i:
            k += 1
            if k >= 2 and runs_on[k - 2] and merged:
                last = merged[-1]
                joins.append(_join(text, last[1], row[0], len(merged) - 1))
                merged[-1] = (last[0], row[1], *last[2:])
                texts[-1] = f"{texts[-1]} {t}"
                continue
        merged.append(row)
        texts.append(t)
    blocks = tuple(
        new_block(i, s, e, t, ln, g, p, measured_get(t) or measure(t), j)
        for i, ((s, e, ln, g, p, j), t) in enumerate(zip(merged, texts, strict=True))
    )
    return Segmented(blocks, tuple(cuts), language, tuple(joins))


def _join(text: Text, end: int, start: int, block: int) -> Join:
    """The line break between normalized offsets `end` and `start`, as a span of the original
    input that takes in the blanks the normalize stage dropped around it."""
    s, e = text.to_original(end), text.to_original(start)
    original = text.original
    while s > 0 and original[s - 1] in _DROPPED_BLANKS:
        s -= 1
    return Join(s, e, block)


def _split_points(line: str, rules: RuleSet) -> tuple[Cut, ...]:
    found: dict[int, Cut] = {}
    hinted = SPLIT_HINT.search(line, timeout=timeout_for(line)) is not None
    for info in rules.split_candidates(line) if hinted else ():
        for p in info.splitter(line):
            if 0 < p < len(line) and p not in found:
                found[p] = Cut(p, info.code, info.name)
    if len(line) >= SOFT_SPLIT_MIN_CHARS:
        for p in _soft_points(line):
            if 0 < p < len(line) and p not in found:
                found[p] = Cut(p, "", "", soft=True)
    return tuple(found[p] for p in sorted(found))


def _in_long_token(line: str, pos: int) -> bool:
    """Whether `pos` lies inside a run of at least MAX_GLUED_TOKEN characters without a blank
    (each look is bounded by MAX_GLUED_TOKEN characters on each side)."""
    lo, hi = max(0, pos - MAX_GLUED_TOKEN), min(len(line), pos + MAX_GLUED_TOKEN)
    start = max(line.rfind(" ", lo, pos), line.rfind("\t", lo, pos)) + 1 or lo
    ends = [e for e in (line.find(" ", pos, hi), line.find("\t", pos, hi)) if e >= 0]
    return (min(ends) if ends else hi) - start >= MAX_GLUED_TOKEN


def _soft_points(line: str) -> list[int]:
    points = [m.end() for m in SENTENCE_START.finditer(line, timeout=timeout_for(line))]
    glued = (m.start() for m in SOFT_GLUE.finditer(line, timeout=timeout_for(line)))
    points += [p for p in glued if not _in_long_token(line, p)]
    points += [m.end() for m in CSS_BRACE_END.finditer(line, timeout=timeout_for(line))]
    if "(" in line:
        points += [m.start() for m in GLUED_WIRE_DATELINE.finditer(line, timeout=timeout_for(line))]
    return points
