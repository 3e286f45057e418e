"""Properties over the seed pages, in the manner of black's safety checks.

* cleaning is idempotent on the canonical text;
* the body is made only of input text, in input order;
* every removal's span points at its text in the original input; spans are sorted and disjoint;
* generic noise injected at paragraph boundaries is removed and leaves the body unchanged;
* line-ending and whitespace variants give the same body;
* arbitrary text never raises.

The hypothesis profile (examples, derandomize) comes from tests/conftest.py.
"""

from __future__ import annotations

import re
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.normalize import normalize
from conftest import seed_paths

SEED_TEXTS: tuple[str, ...] = tuple(p.read_text(encoding="utf-8") for p in seed_paths())
WS = re.compile(r"\s+")
DASH = re.compile(r"[-–—]")
#: Where the segmenter may cut a line: after a sentence end or a closing parenthesis.
GLUE_POINT = re.compile(r"(?<=[.!?)”\"])\s*(?=[A-Z“\"(])")


def squash(text: str) -> str:
    return WS.sub(" ", text).strip()


def undash(text: str) -> str:
    """Whitespace squashed and dashes blanked: the dateline separator is rewritten as " – "."""
    return squash(DASH.sub(" ", text))


@cache
def cleaned(text: str) -> cleaner.Article:
    return cleaner.clean(text)


seeds = st.sampled_from(SEED_TEXTS)


# ------------------------------------------------------------------ documents built from seeds


@st.composite
def seed_excerpts(draw: st.DrawFn) -> str:
    """A seed, or a contiguous run of its blank-line paragraphs (still article-like)."""
    text = draw(seeds)
    parts = text.split("\n\n")
    if len(parts) < 6 or draw(st.booleans()):
        return text
    lo = draw(st.integers(0, len(parts) // 3))
    hi = draw(st.integers(len(parts) - len(parts) // 3, len(parts)))
    return "\n\n".join(parts[lo:hi]) + "\n"


@settings(max_examples=20)
@given(seed_excerpts())
def test_idempotent(text: str) -> None:
    once = cleaner.clean(text).text
    assert cleaner.clean(once).text == once


@settings(max_examples=20)
@given(seed_excerpts())
def test_body_is_input_text_in_order(text: str) -> None:
    article = cleaner.clean(text)
    haystack = squash(normalize(text).text)
    pos = 0
    for para in article.body:
        needle = squash(para)
        found = haystack.find(needle, pos)
        assert found >= 0, f"body paragraph not in the input (or out of order): {needle[:80]!r}"
        pos = found + len(needle)


@settings(max_examples=20)
@given(seed_excerpts())
def test_removed_spans_are_valid_sorted_and_disjoint(text: str) -> None:
    article = cleaner.clean(text)
    last_end = 0
    for r in article.removed:
        assert 0 <= r.start <= r.end <= len(text)
        assert text[r.start : r.end] == r.text
        assert r.start >= last_end, f"removal {r} overlaps the previous one or is out of order"
        last_end = r.end
    for rep in article.repairs:
        assert text[rep.start : rep.end] == rep.before


@settings(max_examples=10)
@given(seeds)
def test_headline_and_body_and_removals_account_for_every_line(text: str) -> None:
    """Every non-blank input line is in the headline, the body or a removal."""
    article = cleaner.clean(text)
    kept = undash(article.text)
    removed = undash(" ".join(r.text for r in article.removed))
    for line in normalize(text).text.split("\n"):
        # a line may have been cut at glue points ("…Russia.When"), so check its pieces
        for piece in filter(None, (undash(p) for p in GLUE_POINT.split(line))):
            assert piece in kept or piece in removed, f"{piece[:80]!r} is neither kept nor removed"


# ------------------------------------------------------------------ noise injection

#: Generic instances of each noise kind (never seed wording); each stands alone on its block.
NOISE: tuple[str, ...] = (
    "ADVERTISEMENT",
    "- Advertisement -",
    "Story continues below advertisement",
    "div.promo_card:before {\ncontent: '';\ndisplay: block;\n}",
    ".footer-links { margin: 0; padding: 4px; }",
    "Share this:",
    "Share on Facebook",
    "Join our Telegram channel and get the latest updates delivered to you.",
    "Follow us on WhatsApp for daily updates.",
    "Sign up for our newsletter to get the best stories every morning.",
    "Workers repair a damaged road on Monday. (Jane Doe/Agency via Getty Images)",
    "Leave a Reply",
    "12 Comments",
    "Monday, 4 March 2024",
    "Please enable JavaScript to view this page.",
    "Photo: AFP",
    "We use cookies to improve your experience. By continuing to browse you agree.",
    "Subscribe to continue reading",
)


#: Blocks shorter than this (in words) count as subheadings for the injection property.
SUBHEADING_MAX_WORDS = 12


@st.composite
def injected(draw: st.DrawFn) -> tuple[str, str, list[str]]:
    """A seed with 1-3 noise blocks inserted at blank-line boundaries inside its body."""
    text = draw(seeds)
    body = cleaned(text).body
    sep = "\n\n" if "\n\n" in text else "\n"
    parts = text.split(sep)
    # boundaries strictly inside the body: after a part that holds a body paragraph (not the last)
    inside = [i for i in range(1, len(parts)) if any(squash(b)[:60] in squash(parts[i - 1]) for b in body[:-1])]
    if not inside:
        inside = [len(parts) // 2]
    # never put noise right next to a short block (a subheading): that case is a known failure,
    # pinned by test_subheading_next_to_an_advert_is_kept
    short = {i for i, p in enumerate(parts) if len(p.split()) < SUBHEADING_MAX_WORDS}
    short_next = {i for i in range(len(parts) + 1) if i in short or i - 1 in short}
    inside = [i for i in inside if i not in short_next] or [len(parts)]
    chosen = draw(st.lists(st.sampled_from(inside), min_size=1, max_size=3, unique=True))
    blocks = [draw(st.sampled_from(NOISE)) for _ in chosen]
    for i, block in sorted(zip(chosen, blocks, strict=True), reverse=True):
        parts.insert(i, block)
    return text, sep.join(parts), blocks


@settings(max_examples=25)
@given(injected())
def test_injected_noise_is_removed_and_body_unchanged(case: tuple[str, str, list[str]]) -> None:
    original, noisy, blocks = case
    expected = cleaned(original)
    article = cleaner.clean(noisy)
    assert article.body == expected.body
    assert article.headline == expected.headline
    removed = "\n".join(r.text for r in article.removed)
    for block in blocks:
        for line in block.split("\n"):
            assert line.strip() in removed, f"injected {line!r} is not reported in `removed`"


_SUBHEADED = (
    "City council approves new harbour budget",
    "The city council approved a new budget for the harbour on Tuesday after a debate that lasted "
    "well into the night, officials said.",
    "A decade of waiting",
    "Opposition members said the cuts to other services would hurt the poorest families and "
    "promised to fight the measures when they return for review next year.",
)


@pytest.mark.parametrize("at", [2, 3], ids=["advert-before", "advert-after"])
def test_subheading_next_to_an_advert_is_kept(at: int) -> None:
    parts = list(_SUBHEADED)
    parts.insert(at, "ADVERTISEMENT")
    article = cleaner.clean("\n\n".join(parts) + "\n")
    assert "A decade of waiting" in article.body


# ------------------------------------------------------------------ layout variants


@st.composite
def layout_variants(draw: st.DrawFn) -> tuple[str, str]:
    text = draw(seeds)
    variant = text
    if draw(st.booleans()):
        variant = "\n".join(
            line + draw(st.sampled_from(["", " ", "  ", "\t", " \u00a0"])) for line in variant.split("\n")
        )
    if draw(st.booleans()):
        variant = variant.replace("\n\n", "\n" * draw(st.integers(2, 4)))
    if draw(st.booleans()):
        variant = variant.replace(" the ", "\u00a0the ")
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return text, variant.replace("\n", ending)


@settings(max_examples=25)
@given(layout_variants())
def test_layout_variants_give_the_same_body(case: tuple[str, str]) -> None:
    original, variant = case
    expected = cleaned(original)
    article = cleaner.clean(variant)
    assert article.body == expected.body
    assert article.headline == expected.headline
    assert article.dateline == expected.dateline
    assert article.text == expected.text
    for r in article.removed:
        assert variant[r.start : r.end] == r.text


# ------------------------------------------------------------------ arbitrary input


@settings(max_examples=60)
@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    article = cleaner.clean(text)
    assert isinstance(article, cleaner.Article)
    for r in article.removed:
        assert text[r.start : r.end] == r.text


@settings(max_examples=30)
@given(st.lists(st.sampled_from([*NOISE, "", "\n", "Home > News", "A short line.", "}"]), max_size=12))
def test_noise_only_pages_never_raise(lines: list[str]) -> None:
    text = "\n".join(lines)
    article = cleaner.clean(text)
    assert cleaner.clean(article.text).text == article.text
