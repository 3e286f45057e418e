"""Hostile HTML is bounded before any parser sees it (`cleaner.html.bound_markup`)."""

from __future__ import annotations

import time

import pytest

pytest.importorskip("trafilatura")

from cleaner.html import DEPTH_MESSAGE, MAX_ATTRIBUTES, bound_markup, clean_html
from conftest import seed_paths
from hang_guard import run_guarded

#: A hostile page may cost at most this many times a seed-sized page (before the bound, the
#: 20,000-attribute page cost ~100x: 0.07 s against 7 s; after it, ~3x). Generous on purpose:
#: a hang detector for super-linear parsing, not a benchmark.
SLOWDOWN_LIMIT = 25


def _seed_page() -> str:
    text = seed_paths()[0].read_text(encoding="utf-8")
    title, *paragraphs = [p for p in text.split("\n\n") if p.strip()]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>{title}</title></head><body><article>{body}</article></body></html>"


def _with_attributes(page: str, n: int, *, glue: str = " ", form: str = 'a{i}="v"') -> str:
    attributes = glue.join(form.format(i=i) for i in range(n))
    return page.replace("<body>", f"<body><div {attributes}>x</div>", 1)


def _timed(page: str) -> tuple[float, tuple[str, ...], bool, tuple[str, ...]]:
    start = time.perf_counter()
    article = clean_html(page)
    return time.perf_counter() - start, article.body, article.confident, article.messages


def _seed_and_hostile(n: int) -> tuple[float, float, bool, bool, tuple[str, ...]]:
    page = _seed_page()
    clean_html(page)  # imports and first-call costs
    seed_s, seed_body, _, _ = min(_timed(page) for _ in range(3))
    hostile_s, body, confident, messages = _timed(_with_attributes(page, n))
    return seed_s, hostile_s, body == seed_body, confident, messages


def test_20k_attributes_on_one_element_cost_about_a_seed_page() -> None:
    seed_s, hostile_s, same_body, confident, messages = run_guarded(_seed_and_hostile, 20_000, limit=120)
    assert hostile_s <= SLOWDOWN_LIMIT * max(seed_s, 0.01), (seed_s, hostile_s)
    assert same_body  # the article is all there
    assert not confident  # but the page was cut, so the result is not applied
    assert any("more than 256 attributes; 19744 attributes were cut" in m for m in messages)


@pytest.mark.parametrize("n", [1, 10, MAX_ATTRIBUTES - 1, MAX_ATTRIBUTES])
def test_a_page_within_the_bound_is_passed_as_it_is(n: int) -> None:
    page = _with_attributes(_seed_page(), n)
    bounded, messages = bound_markup(page)
    assert bounded is page and messages == ()


def test_real_pages_are_passed_as_they_are() -> None:
    pages = [_seed_page()]
    pages.append(
        "<!DOCTYPE html><html><head><!-- a <comment> with <b a b c d e f g> --><style>p > a { x: '<' }</style>"
        '<script>if (a<b && c>d) { s = "<div " + "x ".repeat(999) + ">"; }</script></head>'
        '<body><p title="a > b" data-x=\'<i>\' class=x>t</p><br/><img src=a.png alt="">a < b</body></html>'
    )
    for page in pages:
        bounded, messages = bound_markup(page)
        assert bounded is page and messages == ()


@pytest.mark.parametrize(
    ("glue", "form"),
    [
        (" ", 'a{i}="v"'),  # quoted
        ("", 'a{i}="v"'),  # glued after quoted values, as browsers accept
        (" ", "a{i}"),  # bare names
        ("\n", "a{i}=v"),  # unquoted
        (" = ", "a{i}='>'"),  # stray "=" and ">" inside values
        (" / ", "a{i}"),  # solidus separators
    ],
    ids=["quoted", "glued", "bare", "unquoted", "junk", "solidus"],
)
def test_every_spelling_of_many_attributes_is_cut(glue: str, form: str) -> None:
    page = _with_attributes(_seed_page(), 2_000, glue=glue, form=form)
    bounded, messages = bound_markup(page)
    assert messages and f"more than {MAX_ATTRIBUTES} attributes" in messages[0]
    head, _, rest = bounded.partition("<div ")
    tag, _, after = rest.partition(">x</div>")
    kept = MAX_ATTRIBUTES // 2 if glue.strip() == "=" else MAX_ATTRIBUTES  # a lone "=" is an attribute too
    assert tag.startswith(form.format(i=0)) and form.format(i=kept - 1) in tag
    assert form.format(i=kept + 1) not in tag
    assert head + "<div " not in after and _seed_page().endswith(after)  # nothing else changed


def test_a_script_tag_with_many_attributes_keeps_its_code() -> None:
    code = "if (a<b) { x = '<i " + "y " * 500 + "'; }"
    page = _with_attributes(_seed_page(), 0).replace(
        "<body>", "<body><script " + " ".join(f"a{i}" for i in range(400)) + f">{code}</script>", 1
    )
    bounded, messages = bound_markup(page)
    assert messages and code in bounded and "a399" not in bounded


def _crafted_costs() -> list[float]:
    """bound_markup's own time on 1 MB of shapes made to defeat a tokenizer."""
    shapes = [
        '<p title="' + "<x " * 350_000 + '">y</p>',  # "<" inside a value
        "<div " + "= " * 500_000 + ">",  # lone "=" everywhere
        "<div " + " " * 1_000_000 + "a>",  # a separator run longer than the pattern's bound
        "<a b=c>" * 150_000,  # many small tags
        '<div a="' + "x " * 500_000,  # an unclosed quote
        "<!--" + "<div a b c " * 100_000,  # an unclosed comment
    ]
    out = []
    for html in shapes:
        start = time.perf_counter()
        bound_markup(html)
        out.append(time.perf_counter() - start)
    return out


def test_the_bound_itself_is_linear_on_crafted_markup() -> None:
    costs = run_guarded(_crafted_costs, limit=120)
    # 1 MB each (~0.5 s at most); a quadratic scan of any of them would take minutes (hang detector, not a benchmark)
    assert max(costs) < 30, costs


def test_a_page_nested_deeper_than_the_parser_reads_is_not_trusted() -> None:
    page = _seed_page()
    deep = page.replace("<body>", "<body>" + "<div>" * 300 + "x" + "</div>" * 300, 1)
    article = clean_html(deep)  # libxml2 stops at depth 256: some of the article is missing
    assert not article.confident and DEPTH_MESSAGE in article.messages
    shallow = page.replace("<body>", "<body>" + "<div>" * 200 + "x" + "</div>" * 200, 1)
    article = clean_html(shallow)
    assert article.confident and DEPTH_MESSAGE not in article.messages
    assert article.body == clean_html(page).body
