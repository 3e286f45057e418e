"""Stage 2: cut the normalized text into blocks.

A block is one non-empty line, or a piece of one: lines are split where sentences or a caption
credit were glued together with no separator ("...eastern Russia.When asked"), where a related
links heading is glued behind a sentence, and before a trailing agency credit ("... .” REUTERS,
AFP"). Each split point is found by a `split` rule of the registry; the pieces keep their offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cleaner import features
from cleaner.model import Block, Features, Hit
from cleaner.normalize import Text
from cleaner.patterns import CSS_BRACE_END, SENTENCE_START, SOFT_GLUE, SPLIT_HINT, WORD, timeout_for
from cleaner.registry import RuleSet

#: Lines longer than this are not searched for glue points (a 10 MB line is data, not prose).
MAX_SPLIT_LINE: int = 200_000
#: Lines at least this long are also cut at sentence starts, glue points and CSS braces, so that
#: a whole page dumped on one line can be judged piece by piece. Kept neighbours are joined again.
#: Calibrated on the dev benchmark (textcontent dumps), 2026-11-23.
SOFT_SPLIT_MIN_CHARS: int = 1000


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
    features: dict[tuple[str, str], Features] = field(default_factory=dict)
    verdicts: dict[tuple[str, bool, bool, str], Hit | None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Segmented:
    blocks: tuple[Block, ...]
    cuts: tuple[Cut, ...]
    language: str


def segment(text: Text, rules: RuleSet, memo: Memo | None = None) -> Segmented:
    """Split `text` into blocks (pure; `memo` only saves repeated work)."""
    memo = memo or Memo()
    split_memo = memo.cuts
    raw: list[tuple[int, int, int, bool, int, bool]] = []  # start, end, line, gap_before, piece, joined
    cuts: list[Cut] = []
    pos = 0
    gap = True
    for line_no, line in enumerate(text.text.split("\n")):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            gap = True
            continue
        lead = len(line) - len(line.lstrip())
        start += lead
        end = start + len(stripped)
        if len(stripped) > MAX_SPLIT_LINE:
            points: tuple[Cut, ...] = ()
        else:
            known = split_memo.get(stripped)
            if known is None:
                known = split_memo[stripped] = _split_points(stripped, rules)
            points = known
        prev = 0
        soft_before = False
        piece = 0
        for cut in [*points, Cut(len(stripped), "", "")]:
            chunk = stripped[prev : cut.pos]
            inner = chunk.strip()
            if inner:
                s = start + prev + (len(chunk) - len(chunk.lstrip()))
                raw.append((s, s + len(inner), line_no, gap if piece == 0 else False, piece, soft_before and piece > 0))
                piece += 1
            if cut.code:
                cuts.append(Cut(start + cut.pos, cut.code, cut.name))
            soft_before = cut.soft
            prev = cut.pos
        gap = False
    sample = text.text[:200_000].lower()
    language = features.guess_language(WORD.findall(sample))
    stops = features.STOPWORDS[language]
    measured = memo.features  # repeated lines (menus) are measured once

    def measure(chunk: str) -> Features:
        key = (language, chunk)
        found = measured.get(key)
        if found is None:
            found = measured[key] = features.compute(chunk, stops)
        return found

    blocks = tuple(
        Block(i, s, e, text.text[s:e], ln, g, p, measure(text.text[s:e]), j)
        for i, (s, e, ln, g, p, j) in enumerate(raw)
    )
    return Segmented(blocks, tuple(cuts), language)


def _split_points(line: str, rules: RuleSet) -> tuple[Cut, ...]:
    found: dict[int, Cut] = {}
    hinted = SPLIT_HINT.search(line, timeout=timeout_for(line)) is not None
    for info in rules.split_rules if hinted else ():
        for p in info.splitter(line):
            if 0 < p < len(line) and p not in found:
                found[p] = Cut(p, info.code, info.name)
    if len(line) >= SOFT_SPLIT_MIN_CHARS:
        for p in _soft_points(line):
            if 0 < p < len(line) and p not in found:
                found[p] = Cut(p, "", "", soft=True)
    return tuple(found[p] for p in sorted(found))


def _soft_points(line: str) -> list[int]:
    points = [m.end() for m in SENTENCE_START.finditer(line, timeout=timeout_for(line))]
    points += [m.start() for m in SOFT_GLUE.finditer(line, timeout=timeout_for(line))]
    points += [m.end() for m in CSS_BRACE_END.finditer(line, timeout=timeout_for(line))]
    return points
