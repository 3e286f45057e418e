"""cleaner.html.keep_main_text: HTML mode never loses much of what trafilatura kept."""

from __future__ import annotations

import pytest

pytest.importorskip("trafilatura")
pytest.importorskip("bs4")

from cleaner.html import MAX_RULE_LOSS, MIN_RULE_LOSS_WORDS, clean_html, keep_main_text
from cleaner.model import Article, Removal

TITLE = "Equal-height cards with flexbox"
INTRO = (
    "Card layouts are easy to get wrong when the text inside them grows, so this guide shows a small "
    "stylesheet that keeps every card the same height without fixed sizes."
)
CODE = (
    ".card { display: flex; flex-direction: column; }",
    ".card-body { flex: 1 1 auto; padding: 1rem; }",
    ".card img { width: 100%; height: auto; }",
    ".card-footer { margin-top: auto; border-top: 1px solid #ddd; }",
    ".grid { display: grid; grid-template-columns: repeat(3, 1fr); gap: 1.5rem; }",
    ".card-title { font-size: 1.25rem; line-height: 1.3; margin: 0 0 0.5rem; }",
    ".card-meta { color: #666; font-size: 0.875rem; text-transform: uppercase; }",
    ".card-link { color: inherit; text-decoration: none; }",
    ".card:hover { box-shadow: 0 2px 8px rgba(0, 0, 0, 0.15); }",
    "@media (max-width: 600px) { .grid { grid-template-columns: 1fr; } }",
)
OUTRO = (
    "With these rules the footer of each card sticks to the bottom edge, whatever the length of the "
    "text above it, and the grid keeps its columns aligned on every screen width."
)
PROSE = (
    "The city council voted on Tuesday to expand the bus network into three new districts, "
    "a plan that officials say will cut commuting times for about forty thousand residents.",
    "The expansion will be paid for by a regional transport grant and a small increase in parking "
    "fees, according to the budget documents released after the vote.",
    "Opponents argued that the money would be better spent on repairing existing roads, but the "
    "measure passed by a comfortable margin after a long debate that ran late into the evening.",
    "Construction of the new stops is expected to begin in the spring, and the first routes should "
    "open before the end of next year if the contracts are signed on schedule.",
)


def page(title: str, body_html: str) -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/docs'>Docs</a></nav><article><h1>{title}</h1>{body_html}"
        "</article><footer><p>About us</p></footer></body></html>"
    )


def test_code_the_rules_take_for_a_style_sheet_is_kept_and_flagged() -> None:
    # A tutorial whose code block is CSS: the style-sheet rules would remove it (half of the words).
    html = page(TITLE, f"<p>{INTRO}</p><pre>{chr(10).join(CODE)}</pre><p>{OUTRO}</p>")
    article = clean_html(html)
    assert article.headline == TITLE
    assert article.body == (INTRO, *CODE, OUTRO)
    assert article.confident is False
    assert any("kept unchanged" in m for m in article.messages)
    assert all(r.rule == "HDL001" for r in article.removed)


def test_small_removals_are_applied_as_before() -> None:
    body = (
        "".join(f"<p>{p}</p>" for p in PROSE[:2]) + "<p>Advertisement</p>" + "".join(f"<p>{p}</p>" for p in PROSE[2:])
    )
    article = clean_html(page("Council approves bus network expansion", body))
    assert article.body == PROSE
    assert article.confident is True
    assert "Advertisement" in {r.text for r in article.removed}


def _text(paragraphs: list[str]) -> str:
    return "\n\n".join([TITLE, *paragraphs]) + "\n"


def _words(n: int, tag: str) -> str:
    return " ".join(f"{tag}{i}" for i in range(n)) + "."


@pytest.mark.parametrize(("size", "dropped"), [(40, 1), (40, 2), (20, 2), (20, 3), (20, 4)])
def test_the_threshold_is_a_share_and_a_number_of_main_text_words(size: int, dropped: int) -> None:
    # `size` paragraphs of 25 words each, of which the rules drop the first `dropped`
    paragraphs = [_words(25, f"p{k}w") for k in range(size)]
    text = _text(paragraphs)
    rules = Article(headline=TITLE, dateline=None, body=tuple(paragraphs[dropped:]), status="cleaned")
    out = keep_main_text(text, TITLE, "2024-01-02", rules)
    if dropped / size <= MAX_RULE_LOSS or dropped * 25 <= MIN_RULE_LOSS_WORDS:
        assert out is rules
    else:
        assert out.body == tuple(paragraphs)
        assert out.headline == TITLE
        assert out.confident is False
        assert out.date == "2024-01-02"


def test_the_fallback_accounts_for_every_character() -> None:
    paragraphs = [TITLE, INTRO, *CODE, OUTRO]  # a copy of the title opens the body
    text = _text(paragraphs)
    rules = Article(headline=TITLE, dateline=None, body=(INTRO, OUTRO), status="cleaned")
    out = keep_main_text(text, TITLE, None, rules)
    assert out.body == (INTRO, *CODE, OUTRO)
    assert [r.rule for r in out.removed] == ["HDL001"]
    for r in out.removed:
        assert text[r.start : r.end] == r.text
    covered = "".join([out.headline or "", *out.body, *(r.text for r in out.removed)])
    assert sorted(covered.replace(" ", "")) == sorted(text.replace(" ", "").replace("\n", ""))


def test_a_page_found_not_to_be_an_article_is_left_alone() -> None:
    text = _text([INTRO, OUTRO])
    rules = Article(headline=None, dateline=None, body=(), status="not_an_article", confident=False)
    assert keep_main_text(text, TITLE, None, rules) is rules


def test_the_rules_headline_cut_from_the_title_line_is_kept() -> None:
    title = f"{TITLE} | Example Docs"
    text = "\n\n".join([title, INTRO, *CODE, OUTRO]) + "\n"
    cut = Removal("HDL001", "site_suffix", "headline_suffix", len(TITLE) + 1, len(title), "| Example Docs")
    rules = Article(headline=TITLE, dateline=None, body=(INTRO, OUTRO), removed=(cut,), status="cleaned")
    out = keep_main_text(text, title, None, rules)
    assert out.confident is False
    assert out.headline == TITLE
    assert out.body == (INTRO, *CODE, OUTRO)
    assert out.removed == (cut,)
