"""Frozen data types shared by every stage of the pipeline.

Every value that crosses a stage boundary is an immutable, slotted dataclass, so a stage can
never change what an earlier stage produced and `clean()` is safe to call from threads and
worker processes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final, Literal

Status = Literal["cleaned", "unchanged", "not_an_article"]
Strength = Literal["strong", "weak"]
Label = Literal["keep", "drop"]
Scope = Literal["line", "split", "context", "join"]

#: The noise vocabulary. The first block is the gold labels' vocabulary; the rest are kinds that
#: only the text path produces (page furniture found by position or by corpus statistics).
KINDS: tuple[str, ...] = (
    "page_date",
    "breadcrumb",
    "css",
    "advert_marker",
    "share_widget",
    "related_links",
    "promo",
    "author_bio",
    "browser_warning",
    "caption",
    "credit",
    "source_link",
    "comments_widget",
    "widget_heading",
    "nav",
    "cookie_notice",
    "paywall",
    "byline",
    "legal",
    "boilerplate",
    "custom",
    "duplicate_headline",
    "site_template",
    "duplicate_text",
)


@dataclass(frozen=True, slots=True)
class Features:
    """Cheap per-block measurements, computed once in the segment stage."""

    chars: int
    words: int
    stopwords: int
    stop_density: float
    ends_sentence: bool
    sentence_marks: int
    title_ratio: float
    glue: int
    digit_ratio: float
    bullet: bool


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of classification: a line of the input, or a piece of one split at a glue point.

    `start`/`end` are offsets into the *normalized* text; `Text.to_original` maps them back.
    """

    index: int
    start: int
    end: int
    text: str
    line: int
    gap_before: bool
    piece: int
    features: Features
    #: True when this block was cut from the previous one only to be judged alone (a sentence of
    #: a very long line): if both are kept they form one paragraph again.
    joined: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule's finding on one block."""

    code: str
    name: str
    kind: str
    strength: Strength


@dataclass(frozen=True, slots=True)
class Verdict:
    """The decision on one block and the rule that made it."""

    index: int
    label: Label
    code: str
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class Removal:
    """Text taken out of the article: which rule, which kind, and where in the original input."""

    rule: str
    name: str
    kind: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "name": self.name,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Repair:
    """A recorded edit that is not a removal, e.g. a paragraph break inserted at a glue point.

    `start`/`end` is the span of the original input that the edit touches (empty for an
    insertion), `before`/`after` the text there before and after the edit.
    """

    rule: str
    name: str
    start: int
    end: int
    before: str
    after: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "name": self.name,
            "start": self.start,
            "end": self.end,
            "before": self.before,
            "after": self.after,
        }


DATELINE_SEPARATOR = " – "


@dataclass(frozen=True, slots=True)
class HeadlineWhy:
    """Why the headline stage chose its headline: the winner's score and the features that made
    it (name, contribution to the score), and the runner-up with its score."""

    score: float
    features: tuple[tuple[str, float], ...]
    runner_up: str | None = None
    runner_up_score: float | None = None
    candidates: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "features": dict(self.features),
            "runner_up": self.runner_up,
            "runner_up_score": self.runner_up_score,
            "candidates": self.candidates,
        }


@dataclass(frozen=True, slots=True)
class Article:
    """The result of cleaning one document.

    `body` holds the paragraphs with the dateline prefix stripped from the first one; `removed`
    accounts for every piece of the input that is not in headline, dateline or body.
    `confident` is False when the result is doubtful (little body, no full sentence, a rule
    skipped on a runaway match, or output that kept changing); `messages` says why.
    """

    headline: str | None
    dateline: str | None
    body: tuple[str, ...]
    date: str | None = None
    removed: tuple[Removal, ...] = ()
    repairs: tuple[Repair, ...] = ()
    status: Status = "cleaned"
    confident: bool = True
    language: str | None = None
    messages: tuple[str, ...] = field(default=())
    #: Why this headline (None when no candidate was scored, e.g. a not-an-article result).
    headline_why: HeadlineWhy | None = None
    #: Where `date` comes from: "article" (a date or Published/Updated line by the headline or
    #: byline), "page" (the page header's date line, used only when nothing else dates the
    #: article), "html" (the HTML page's metadata) or None.
    date_source: str | None = None

    @property
    def text(self) -> str:
        """The canonical file form: headline, blank line, paragraphs separated by blank lines.

        The first paragraph carries the dateline as ``DATELINE – ``. Cleaning this text again
        gives the same text (the pre-commit hook relies on it).
        """
        parts: list[str] = []
        if self.headline:
            parts.append(self.headline)
        body = list(self.body)
        if self.dateline and body:
            body[0] = f"{self.dateline}{DATELINE_SEPARATOR}{body[0]}"
        parts.extend(body)
        return "\n\n".join(parts) + "\n" if parts else ""

    @property
    def removed_kinds(self) -> tuple[str, ...]:
        """The distinct kinds removed, in first-seen order."""
        return tuple(dict.fromkeys(r.kind for r in self.removed))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (lists instead of tuples)."""
        return {
            "headline": self.headline,
            "dateline": self.dateline,
            "date": self.date,
            "date_source": self.date_source,
            "body": list(self.body),
            "status": self.status,
            "confident": self.confident,
            "language": self.language,
            "removed": [r.to_dict() for r in self.removed],
            "repairs": [r.to_dict() for r in self.repairs],
            "messages": list(self.messages),
            "headline_why": self.headline_why.to_dict() if self.headline_why else None,
        }


# Fast constructors for the per-block types. A frozen dataclass's generated `__init__` sets each
# field through `object.__setattr__` (about 2.5 µs for a `Block` on the test machine); these set
# the same slots through their descriptors directly (about a third of that). The result is the
# very same object: same type, fields, equality, hash, and still frozen (tests/test_model_fast.py
# checks each against the class's own constructor). Every field is passed: no defaults.
_new: Final = object.__new__
_B_SET: Final[tuple[Any, ...]] = tuple(getattr(Block, f).__set__ for f in Block.__slots__)
_V_SET: Final[tuple[Any, ...]] = tuple(getattr(Verdict, f).__set__ for f in Verdict.__slots__)
_F_SET: Final[tuple[Any, ...]] = tuple(getattr(Features, f).__set__ for f in Features.__slots__)


def new_block(
    index: int,
    start: int,
    end: int,
    text: str,
    line: int,
    gap_before: bool,
    piece: int,
    features: Features,
    joined: bool,
) -> Block:
    """`Block(index, start, end, text, line, gap_before, piece, features, joined)`, faster."""
    b: Block = _new(Block)
    s0, s1, s2, s3, s4, s5, s6, s7, s8 = _B_SET
    s0(b, index)
    s1(b, start)
    s2(b, end)
    s3(b, text)
    s4(b, line)
    s5(b, gap_before)
    s6(b, piece)
    s7(b, features)
    s8(b, joined)
    return b


def new_verdict(index: int, label: Label, code: str, name: str, kind: str) -> Verdict:
    """`Verdict(index, label, code, name, kind)`, faster."""
    v: Verdict = _new(Verdict)
    s0, s1, s2, s3, s4 = _V_SET
    s0(v, index)
    s1(v, label)
    s2(v, code)
    s3(v, name)
    s4(v, kind)
    return v


def new_features(
    chars: int,
    words: int,
    stopwords: int,
    stop_density: float,
    ends_sentence: bool,
    sentence_marks: int,
    title_ratio: float,
    glue: int,
    digit_ratio: float,
    bullet: bool,
) -> Features:
    """`Features(...)` with every field in order, faster."""
    f: Features = _new(Features)
    s0, s1, s2, s3, s4, s5, s6, s7, s8, s9 = _F_SET
    s0(f, chars)
    s1(f, words)
    s2(f, stopwords)
    s3(f, stop_density)
    s4(f, ends_sentence)
    s5(f, sentence_marks)
    s6(f, title_ratio)
    s7(f, glue)
    s8(f, digit_ratio)
    s9(f, bullet)
    return f
