"""cleaner.html.clean_html: HTML pages through trafilatura and the text rules."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from typing import Any

import pytest

pytest.importorskip("trafilatura")
pytest.importorskip("bs4")

import cleaner
from cleaner.html import (
    HTML_IGNORE,
    STUB_WORDS,
    clean_html,
    combine,
    drop_markup,
    extract,
    html_config,
    main_paragraphs,
    metadata,
)

PARAGRAPHS = (
    "The city council voted on Tuesday to expand the bus network into three new districts, "
    "a plan that officials say will cut commuting times for about forty thousand residents.",
    "The expansion will be paid for by a regional transport grant and a small increase in parking "
    "fees, according to the budget documents released after the vote.",
    "Opponents argued that the money would be better spent on repairing existing roads, but the "
    "measure passed by a comfortable margin after a long debate that ran late into the evening.",
    "Construction of the new stops is expected to begin in the spring, and the first routes should "
    "open before the end of next year if the contracts are signed on schedule.",
)


def page(body: str, title: str = "Council approves bus network expansion") -> str:
    return textwrap.dedent(
        f"""\
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>{title} | The Daily Example</title>
        <meta property="article:published_time" content="2024-03-05T09:00:00Z"></head>
        <body>
        <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
        <article>
        <h1>{title}</h1>
        {body}
        </article>
        <footer><p>About us</p><p>Contact</p></footer>
        </body></html>
        """
    )


def paragraphs_html(extra: dict[int, str] | None = None) -> str:
    parts = []
    for i, text in enumerate(PARAGRAPHS):
        parts.append(f"<p>{text}</p>")
        if extra and i in extra:
            parts.append(extra[i])
    return "\n".join(parts)


def test_headline_body_and_date_from_a_simple_page() -> None:
    article = clean_html(page(paragraphs_html()))
    assert article.status != "not_an_article"
    assert article.headline == "Council approves bus network expansion"
    assert article.body == PARAGRAPHS
    assert article.date == "2024-03-05"


def test_the_title_is_not_repeated_in_the_body() -> None:
    article = clean_html(page(paragraphs_html()))
    assert all(p != article.headline for p in article.body)
    assert not any("The Daily Example" in p for p in article.body)


def test_noise_left_in_by_trafilatura_is_removed_by_the_text_rules() -> None:
    noise = {
        0: "<p>Advertisement</p>",
        1: "<p>Share this article on Facebook, Twitter and WhatsApp</p>",
        2: "<p>A bus waits at the central station in the city on Monday. (Photo: Jane Doe/Reuters)</p>",
    }
    expected_kind = {
        "Advertisement": "advert_marker",
        "Share this article on Facebook, Twitter and WhatsApp": "share_widget",
        "A bus waits at the central station in the city on Monday. (Photo: Jane Doe/Reuters)": "caption",
    }
    html = page(paragraphs_html(noise))
    text, _, _ = extract(html)
    left_in = [snippet for snippet in expected_kind if snippet in text.splitlines()]
    # the test is only meaningful while trafilatura leaves this noise in
    assert len(left_in) >= 2, f"trafilatura now removes this noise itself; only {left_in} left in"
    article = clean_html(html)
    assert article.body == PARAGRAPHS
    removed = {r.text: r.kind for r in article.removed}
    for snippet in left_in:
        assert removed.get(snippet) == expected_kind[snippet]


def test_removal_offsets_point_into_the_extracted_text() -> None:
    html = page(paragraphs_html({0: "<p>Advertisement</p>"}))
    text, _, _ = extract(html)
    article = clean_html(html)
    assert article.removed
    for r in article.removed:
        assert text[r.start : r.end] == r.text


def test_a_page_without_an_article_is_not_an_article() -> None:
    html = (
        "<html><head><title>Login</title></head>"
        "<body><form><input name=user><button>Sign in</button></form></body></html>"
    )
    article = clean_html(html)
    assert article.status == "not_an_article"


def test_empty_and_malformed_html_does_not_crash() -> None:
    for html in ("", "   ", "<html><body><p>Unclosed <b>tags <div><p>and more", "<<<>>>&&&;", "\x00\x01 binary junk"):
        article = clean_html(html)
        assert isinstance(article, cleaner.Article)
    broken = page(paragraphs_html()).replace("</p>", "").replace("</article>", "")
    article = clean_html(broken)
    assert article.status != "not_an_article"
    assert "commuting times" in " ".join(article.body)


def test_non_str_input_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="decode the page first"):
        clean_html(b"<html></html>")  # type: ignore[arg-type]


def test_user_config_is_kept_and_context_rules_are_off() -> None:
    cfg = html_config(cleaner.Config(ignore=("ADV001",)))
    assert cfg.ignore[0] == "ADV001"
    assert set(HTML_IGNORE) <= set(cfg.ignore)
    with_adverts = clean_html(
        page(paragraphs_html({0: "<p>Advertisement</p>"})), config=cleaner.Config(ignore=("ADV",))
    )
    assert "Advertisement" in with_adverts.body


def test_combine_restores_what_the_default_pass_kept_inside_the_article() -> None:
    a, b, c = PARAGRAPHS[:3]
    default = ["Menu", a, "$ make install", b, "A short line", c, "Related: other stories"]
    precise = [a, b, c]
    # inside the article every default-only paragraph comes back (a command, a list item);
    # before the first and after the last shared paragraph nothing does
    assert combine(precise, default) == [a, "$ make install", b, "A short line", c]
    assert combine([a, c], default) == [a, "$ make install", b, "A short line", c]
    # a precise pass that collapsed to a stub gives way to the default pass
    assert combine(["Menu"], default) == default
    assert combine([], default) == default


def test_combine_leaves_out_links_to_other_stories_in_capitals() -> None:
    a, b, c = PARAGRAPHS[:3]
    default = [a, "MAYOR OPENS THE NEW BRIDGE AFTER TWO YEARS", b, "WATCH LIVE", c]
    assert combine([a, b, c], default) == [a, b, "WATCH LIVE", c]
    # a two-word heading in capitals is kept
    assert combine([a, c], [a, "KEY POINTS", c]) == [a, "KEY POINTS", c]


def test_combine_takes_the_default_side_where_it_kept_far_more() -> None:
    # a forum thread: the precise pass kept the question and a closing line, the default pass
    # the answers in its place
    a, b, c, d = PARAGRAPHS
    default = [a, b, c, d, "Thanks, that fixed it."]
    precise = [a, "Best regards", "Thanks, that fixed it."]
    assert combine(precise, default) == default
    # where the two sides are alike in size, the precise pass's version stays
    assert combine([a, "Best regards from all of us at the office, see you soon.", d], [a, b, d]) == [
        a,
        "Best regards from all of us at the office, see you soon.",
        d,
    ]


def passes(monkeypatch: pytest.MonkeyPatch, html: str) -> list[dict[str, object]]:
    """The options of every trafilatura pass `extract(html)` runs."""
    import trafilatura

    calls: list[dict[str, object]] = []
    real = trafilatura.bare_extraction

    def spy(tree: object, **options: Any) -> Any:
        calls.append(options)
        return real(tree, **options)

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)
    extract(html)
    return calls


def pass_options(calls: list[dict[str, object]]) -> list[tuple[object, object, object]]:
    return [(c.get("favor_precision"), c.get("favor_recall"), c.get("fast")) for c in calls]


PRECISE, DEFAULT, RECALL = (True, None, True), (None, None, None), (None, True, True)


def test_an_article_takes_a_precise_a_default_and_a_recall_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    long_body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS * 3)
    assert pass_options(passes(monkeypatch, page(long_body))) == [PRECISE, DEFAULT, RECALL]
    assert len(" ".join(PARAGRAPHS).split()) >= STUB_WORDS
    assert pass_options(passes(monkeypatch, page(paragraphs_html()))) == [PRECISE, DEFAULT, RECALL]


def test_a_stub_is_extracted_again_with_the_fallbacks(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = passes(monkeypatch, page("<p>Read the full story in our app.</p>"))
    assert pass_options(calls) == [PRECISE, (True, None, None), DEFAULT, RECALL]


def fake_passes(monkeypatch: pytest.MonkeyPatch, results: dict[tuple[object, object, object], list[str]]) -> None:
    """Make every trafilatura pass of `main_paragraphs` return the paragraphs given for its options."""
    import cleaner.html

    def fake(tree: object, **options: bool) -> list[str]:
        key = (options.get("favor_precision"), options.get("favor_recall"), options.get("fast"))
        return results[PRECISE if key == (True, None, None) else key]  # a short page: precise again

    monkeypatch.setattr(cleaner.html, "_extraction", fake)


def test_list_items_only_the_recall_pass_kept_are_put_back(monkeypatch: pytest.MonkeyPatch) -> None:
    # a how-to whose steps both the precise and the default pass dropped; the teaser after the
    # article, which only the recall pass kept, stays out
    a, b, c = PARAGRAPHS[:3]
    steps = ["- Unscrew the cover plate.", "- Pull out the old switch.", "- Connect the new one."]
    article = [a, b, c]
    fake_passes(monkeypatch, {PRECISE: article, DEFAULT: article, RECALL: [a, b, *steps, c, "More how-tos"]})
    assert main_paragraphs(None) == [a, b, *steps, c]


def test_a_side_part_the_precise_pass_kept_gives_way_to_the_default_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    # the precise pass kept an FAQ box; trafilatura's own extractor in recall mode found the
    # article, three times longer, and the default pass agrees with it
    faq = ["Questions? We have answers.", "Is the plan available in every state? Not yet, but soon."]
    article = [*PARAGRAPHS, *PARAGRAPHS[:2]]
    fake_passes(monkeypatch, {PRECISE: faq, DEFAULT: [*article, "Share this"], RECALL: article})
    assert main_paragraphs(None) == [*article, "Share this"]


def test_forum_answers_the_precise_pass_dropped_are_put_back(monkeypatch: pytest.MonkeyPatch) -> None:
    # the precise pass kept a sign-off where the default pass kept the last two answers
    question, answer_1, answer_2, answer_3 = PARAGRAPHS
    default = ["Forum index", question, answer_1, answer_2, answer_3, "Thanks, that fixed it."]
    fake_passes(
        monkeypatch,
        {PRECISE: [question, answer_1, "Best regards", "Thanks, that fixed it."], DEFAULT: default, RECALL: default},
    )
    assert main_paragraphs(None) == default[1:]


def test_title_and_date_as_trafilatura_finds_them() -> None:
    import trafilatura
    from trafilatura.metadata import extract_metadata

    pages = [
        page(paragraphs_html()),
        page(paragraphs_html(), title="Caf&eacute;s &amp; bars   reopen"),
        "<html><head><title>Only a title tag</title></head><body><h1>One heading</h1><p>Text.</p></body></html>",
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "From JSON-LD",'
        ' "datePublished": "2023-01-02"}</script></head><body><p>Text.</p></body></html>',
    ]
    for html in pages:
        tree = trafilatura.load_html(html)
        full = extract_metadata(trafilatura.load_html(html))
        assert metadata(tree) == (full.title or None, full.date or None)


def test_drop_markup_keeps_text_tails_and_json_ld() -> None:
    import trafilatura

    tree = trafilatura.load_html(
        "<html><head><style>p {}</style><script type='application/ld+json'>{}</script></head>"
        "<body><p>One <script>var x;</script>two<svg><text>chart</text></svg> three</p>"
        "<noscript>enable js</noscript><meta itemprop='x' content='y'>tail</body></html>"
    )
    assert tree is not None
    drop_markup(tree)
    assert tree.xpath("string(//body)") == "One two threetail"
    assert [s.get("type") for s in tree.iter("script")] == ["application/ld+json"]
    assert not list(tree.iter("style", "svg", "noscript", "meta"))


def test_extract_is_repeatable_and_starts_with_the_title() -> None:
    html = page(paragraphs_html())
    text, title, date = extract(html)
    assert extract(html) == (text, title, date)
    assert title == "Council approves bus network expansion"
    assert text.startswith(f"{title}\n\n")
    assert text.endswith(f"{PARAGRAPHS[-1]}\n")


def test_import_cleaner_does_not_import_trafilatura() -> None:
    code = (
        "import sys, cleaner; cleaner.clean('x'); "
        "print(sorted(m for m in ('trafilatura', 'lxml', 'bs4') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_missing_trafilatura_gives_an_install_hint() -> None:
    code = textwrap.dedent(
        """
        import sys
        sys.modules["trafilatura"] = None  # makes `import trafilatura` raise ImportError
        from cleaner.html import clean_html
        try:
            clean_html("<p>x</p>")
        except ImportError as e:
            print(e)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pip install cleaner[html]" in out.stdout


def test_the_visible_h1_beats_a_search_title_of_the_same_story() -> None:
    from cleaner.html import bare_title

    seo = "Guide to Harbour Dredging in 2024 | The Harbour Times"
    h1 = "Guide to harbour dredging in 2025: the northern channel"
    places = (("og:title", seo), ("twitter:title", seo), ("h1", h1), ("title", seo))
    # three meta places agree on a search-engine title; the heading over the article words the
    # same story differently: it is the title as published
    assert bare_title(seo, places) == h1
    # a logo heading with the site's name shares no words with the story's title: not the title
    logo = (("og:title", seo), ("twitter:title", seo), ("h1", "Coastal Media Group"), ("title", seo))
    assert bare_title(seo, logo) == seo
    # nor does a tagline heading that the other places end with ("Title - Tagline")
    tagline = "News of the Harbour Coast"
    story = "Dredging plan splits the harbour board"
    framed = f"{story} - {tagline}"
    places2 = (("og:title", framed), ("h1", tagline), ("title", framed))
    assert bare_title(framed, places2) != tagline


def test_a_site_name_suffix_that_no_place_shows_bare_is_cut_when_it_is_the_site_name() -> None:
    from cleaner.html import less_site_name

    title = "Council approves bus network expansion"
    full = f"{title} | The Daily Example"
    # no <h1>: every title place carries the suffix; og:site_name names the site
    html = textwrap.dedent(
        f"""\
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>{full}</title>
        <meta property="og:title" content="{full}">
        <meta property="og:site_name" content="The Daily Example"></head>
        <body><article>{paragraphs_html()}</article></body></html>
        """
    )
    assert clean_html(html).headline == title
    # a suffix that is not the site's name stays (a title's own " - " part, a section name)
    assert less_site_name(f"{title} - Part 2", ("The Daily Example",)) == f"{title} - Part 2"
    assert less_site_name(full, ()) == full
    # nothing is left but the site name, or one word: kept as it is
    assert less_site_name("News | The Daily Example", ("The Daily Example",)) == "News | The Daily Example"
