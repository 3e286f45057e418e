"""Hard-wrapped prose (GLU007, `cleaner.wrap`): wrapped paragraphs are joined, nothing else is.

* property: wrapping a clean article's paragraphs at any width from 40 to 100 characters (blank
  lines between paragraphs, or none as in source-formatted HTML; indented or not; with page
  chrome around or not) leaves the body's words as they were;
* fixtures/wrapped/prose_*.txt (made-up articles, hard-wrapped) come out one paragraph per
  blank-line paragraph, each joined line break recorded as a repair that replays;
* fixtures/wrapped/keep_*.txt (code, verse, lyrics, an address, list items, a table) set between
  wrapped paragraphs are never joined: no line break of theirs is repaired.
"""

from __future__ import annotations

import re
import textwrap
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.explain import replay
from conftest import FIXTURES, seed_paths

WRAPPED = FIXTURES / "wrapped"
PROSE = tuple(sorted(WRAPPED.glob("prose_*.txt")))
KEEP = tuple(sorted(WRAPPED.glob("keep_*.txt")))
HEADLINE = "Library opening hours extended after long debate"
WORD = re.compile(r"\w+")


def words(article: cleaner.Article) -> list[str]:
    return WORD.findall(f"{article.dateline or ''} {' '.join(article.body)}".casefold())


def article_words(article: cleaner.Article) -> list[str]:
    """The words of headline, dateline and body, sorted. With page chrome above it, a line that
    ends no sentence may be taken for the headline on one page, and run on into the paragraph
    before it on the same page with no blank lines: the words stay, their place differs."""
    return sorted(
        WORD.findall(f"{article.headline or ''} {article.dateline or ''} {' '.join(article.body)}".casefold())
    )


def unwrapped(text: str) -> list[str]:
    """The paragraphs of a wrapped text: blank-line blocks with their lines joined by a space."""
    return [" ".join(line.strip() for line in p.splitlines()) for p in text.split("\n\n") if p.strip()]


def article_of(path: Path) -> str:
    """A fixture's paragraphs as a clean article: headline, blank line, one paragraph a line."""
    return "\n\n".join([HEADLINE, *unwrapped(path.read_text(encoding="utf-8"))]) + "\n"


@cache
def cleaned(text: str) -> cleaner.Article:
    return cleaner.clean(text)


SOURCES = tuple(p.read_text(encoding="utf-8") for p in seed_paths()) + tuple(article_of(p) for p in PROSE)


#: Page chrome set around an article: menu lines above it, a share line and footer links below.
CHROME_ABOVE = "Home\nNews\nSign in\n\n"
CHROME_BELOW = "\nShare this article\nTerms of use\nPrivacy policy\n"


def page(head: list[str], body: list[str], width: int | None, sep: str, indent: int, chrome: bool) -> str:
    """The article's paragraphs, hard-wrapped at `width` columns (indentation included; None:
    one line each), with `sep` between them, each line indented, and page chrome around."""
    pad = " " * indent
    if width is None:
        paragraphs = [pad + p.strip() for p in body]
    else:
        paragraphs = [
            textwrap.fill(
                p.strip(),
                width,
                break_long_words=False,
                break_on_hyphens=False,
                initial_indent=pad,
                subsequent_indent=pad,
            )
            for p in body
        ]
    text = "".join(f"{h}\n\n" for h in head) + sep.join(paragraphs) + "\n"
    return f"{CHROME_ABOVE}{text}{CHROME_BELOW}" if chrome else text


@settings(max_examples=60)
@given(
    st.sampled_from(SOURCES),
    st.integers(40, 100),
    st.sampled_from(["\n\n", "\n"]),
    st.sampled_from([0, 2, 4]),
    st.booleans(),
)
def test_wrapping_the_paragraphs_keeps_the_body_words(
    source: str, width: int, sep: str, indent: int, chrome: bool
) -> None:
    """The same page, its paragraphs hard-wrapped at any width from 40 to 100 columns (blank lines
    between paragraphs or none, indented or not, page chrome around or not), keeps the words of
    its body: the page with one line a paragraph is the reference."""
    article = cleaned(source)
    paragraphs = article.text.split("\n\n")
    head, body = (paragraphs[:1], paragraphs[1:]) if article.headline else ([], paragraphs)
    one_line = page(head, body, None, "\n\n", indent, chrome)
    reference = cleaned(one_line)
    if not chrome and not indent:
        assert words(reference) == words(article)
    text = page(head, body, width, sep, indent, chrome)
    again = cleaner.clean(text)
    if chrome:
        assert article_words(again) == article_words(reference)
    else:
        assert words(again) == words(reference)
    # (a headline taken from the middle of the page does not replay in place: not a wrap matter)
    if replay(one_line, reference) == reference.text:
        assert replay(text, again) == again.text


@pytest.mark.parametrize("path", PROSE, ids=lambda p: p.stem)
@pytest.mark.parametrize("sep", ["\n\n", "\n"], ids=["blank-lines", "no-blank-lines"])
def test_wrapped_paragraphs_are_joined(path: Path, sep: str) -> None:
    source = path.read_text(encoding="utf-8")
    text = f"{HEADLINE}\n\n" + sep.join(p.strip("\n") for p in source.split("\n\n")) + "\n"
    article = cleaner.clean(text)
    assert article.headline == HEADLINE
    expected = unwrapped(source)
    if sep == "\n\n":
        assert list(article.body) == expected
    else:
        # without blank lines, a paragraph whose last line is full may run on into the next one
        assert " ".join(article.body) == " ".join(expected)
    assert {r.rule for r in article.repairs} == {"GLU007"}
    assert all(r.before.strip() == "" and r.after == " " for r in article.repairs)
    assert replay(text, article) == article.text
    assert cleaner.clean(article.text).text == article.text


def _line_breaks(text: str, block: str) -> list[int]:
    """Offsets in `text` of the line breaks around and inside `block` (which `text` holds once)."""
    start = text.index(block)
    return [start - 1, *(start + m.start() for m in re.finditer("\n", block))]


@pytest.mark.parametrize("path", KEEP, ids=lambda p: p.stem)
@pytest.mark.parametrize("sep", ["\n\n", "\n"], ids=["blank-lines", "no-blank-lines"])
def test_code_verse_lists_and_tables_are_never_joined(path: Path, sep: str) -> None:
    before, after = (p.read_text(encoding="utf-8").strip("\n") for p in PROSE[:2])
    block = path.read_text(encoding="utf-8").strip("\n")
    text = f"{HEADLINE}\n\n{before}{sep}{block}{sep}{after}\n"
    article = cleaner.clean(text)
    breaks = _line_breaks(text, block)
    joined = [r for r in article.repairs if any(r.start <= b < r.end for b in breaks)]
    assert not joined, f"lines of {path.stem} were joined: {joined}"
    # the wrapped prose around the block is still joined
    assert any(r.rule == "GLU007" for r in article.repairs)
    assert replay(text, article) == article.text


def test_there_are_wrap_fixtures() -> None:
    assert len(PROSE) >= 2
    assert {p.stem for p in KEEP} >= {"keep_code", "keep_poem", "keep_address", "keep_list", "keep_table"}


def _wrap_inputs(text: str) -> tuple[list[str], list[int], list[bool], list[bool]]:
    lines: list[str] = []
    indents: list[int] = []
    gaps: list[bool] = []
    gap = True
    for line in text.split("\n"):
        if not line.strip():
            gap = True
            continue
        lines.append(line.strip())
        indents.append(len(line) - len(line.lstrip()))
        gaps.append(gap)
        gap = False
    return lines, indents, gaps, [True] * len(lines)


@settings(max_examples=60)
@given(
    st.sampled_from([*SOURCES, *(p.read_text(encoding="utf-8") for p in (*PROSE, *KEEP))]),
    st.integers(20, 120),
    st.sampled_from(["\n\n", "\n"]),
)
def test_the_early_exit_changes_no_join(source: str, width: int, sep: str) -> None:
    """`joins` returns early when a cheap upper bound of the line breaks into lower case is below
    MIN_LOWER_STARTS; with the bound taken away it must decide every line break the same."""
    from unittest import mock

    from cleaner import wrap
    from cleaner.features import STOPWORDS

    text = sep.join(textwrap.fill(p, width) for p in unwrapped(source))
    lines, indents, gaps, whole = _wrap_inputs(text)
    expected = wrap.joins(lines, indents, gaps, whole, STOPWORDS["en"])
    with mock.patch.object(wrap, "_lower_starts_at_most", lambda *_: len(lines)):
        assert wrap.joins(lines, indents, gaps, whole, STOPWORDS["en"]) == expected


def spaced(text: str) -> str:
    """`text` as a dump that writes a blank line after every line (a `<pre>` block's lines too)."""
    return "\n\n".join(line for line in text.splitlines() if line.strip()) + "\n"


def test_spaced_dump_wrapped_lines_are_joined() -> None:
    """In a dump with a blank line after every line, blank lines part nothing: the lines of each
    wrapped paragraph are joined across them all the same."""
    sources = [p.read_text(encoding="utf-8") for p in PROSE]
    text = spaced(HEADLINE + "\n\n" + "\n\n".join(sources))
    article = cleaner.clean(text)
    assert article.headline == HEADLINE
    expected = [p for s in sources for p in unwrapped(s)]
    assert " ".join(article.body) == " ".join(expected)
    assert len(article.body) >= len(sources)
    assert {r.rule for r in article.repairs} == {"GLU007"}
    assert replay(text, article) == article.text
    assert cleaner.clean(article.text).text == article.text


@pytest.mark.parametrize("path", KEEP, ids=lambda p: p.stem)
def test_spaced_dump_code_verse_lists_and_tables_are_never_joined(path: Path) -> None:
    before, after = (p.read_text(encoding="utf-8").strip("\n") for p in PROSE[:2])
    block = spaced(path.read_text(encoding="utf-8")).strip("\n")
    text = spaced(f"{HEADLINE}\n{before}\n{after}\n").replace(spaced(after).strip("\n"), f"{block}\n\n{spaced(after)}")
    assert block in text
    article = cleaner.clean(text)
    breaks = _line_breaks(text, block)
    joined = [r for r in article.repairs if any(r.start <= b < r.end for b in breaks)]
    assert not joined, f"lines of {path.stem} were joined: {joined}"
    assert any(r.rule == "GLU007" for r in article.repairs)
    assert replay(text, article) == article.text


def test_line_gaps_only_on_a_uniformly_spaced_page() -> None:
    from cleaner import wrap

    n = wrap.SPACED_MIN_LINES
    assert wrap.line_gaps([True] * n) == [False] * n
    assert wrap.line_gaps([True] * (n - 1)) == [True] * (n - 1)  # too few lines to tell
    mixed = [True, False, False] * n  # paragraphs of three lines with blank lines between them
    assert wrap.line_gaps(mixed) == mixed


#: Made-up results, hard-wrapped at 62 columns as a `<pre>` or source-formatted HTML gives them:
#: figures and names, hardly a function word, yet prose that runs on from line to line.
RESULTS = """\
Northfield (4-1): Tomas Berg 2 goals, 1 assist. Ilse Marten 1
goal. Ravi Okafor 1 goal, 2 assists. Pia Lund 6 saves. Jon
Ekdahl 1 assist.
Eastvale (3-2): Carl Amsel 14 points, 7 rebounds. Nils Ogden
11 points. Rhea Castell 9 points, 4 assists. Femi Adeyemi 6
points. Sara Quist 5 points.
Hillmoor (1-4): Juno Pratt 21 points, 9 rebounds. Ivo Marek 8
points. Lars Wendt 7 points, 3 steals. Tia Moreau 4 points.
Ben Asher 2 points."""


def test_wrapped_results_with_figures_are_joined() -> None:
    """A figure is a plain word ("2 goals"): lines of results wrapped at a width are joined
    although they hold few function words, each paragraph into one block."""
    from cleaner.features import STOPWORDS
    from cleaner.wrap import joins

    lines = RESULTS.split("\n")
    n = len(lines)
    got = joins(lines, [0] * n, [False] * n, [True] * n, STOPWORDS["en"])
    assert got == [True, True, False] * 3


#: A made-up post: a paragraph wrapped at 90 columns, then shell commands (lower case, one after
#: another, at a width of their own), then a paragraph again.
COMMANDS = """\
Most of the family photos sit on an old desktop in the spare room, and for years the only copy
of them was on that one disk. Last winter the fan began to rattle, so I finally set up a nightly
copy to the small server in the hall closet with a cron job that runs these lines:
rsync -a -v --delete photos/ hall:backup/photos/
rsync -a -v --delete letters/ hall:backup/letters/
rsync -a -v --delete recipes/ hall:backup/recipes/
rsync -a -v --delete scans/ hall:backup/scans/
rsync -a -v --delete tax-papers/ hall:backup/tax-papers/
rsync -a -v --delete music/ hall:backup/music/
Once a month I also copy the whole backup folder to a drive that lives at my sister's house, so
that a fire or a burst pipe in our flat would not take every copy of the pictures with it."""


def test_command_lines_neither_join_nor_set_the_width() -> None:
    """Lines with command-line options are code: they are not joined, and their width (shorter
    than the prose's) does not hide the paragraphs' wrapping around them."""
    from cleaner.features import STOPWORDS
    from cleaner.wrap import joins

    lines = COMMANDS.split("\n")
    n = len(lines)
    got = joins(lines, [0] * n, [False] * n, [True] * n, STOPWORDS["en"])
    assert got == [True, True, False] + [False] * 6 + [True, False]
