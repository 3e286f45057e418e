"""The audit trail accounts for every character: nothing leaves the input without a record.

For any input, headline + dateline + body paragraphs + removed spans + repairs cover every
non-whitespace character of the normalized input, and

* each body paragraph (and the headline and dateline) is a substring of the normalized input,
  found in order, except that a space may stand for a line break that a recorded repair covers
  (the lines of a wrapped paragraph joined by GLU007);
* `removed[i].text == input[start:end]`; spans are in order and do not overlap.

The only characters allowed outside all of them are the dash of a dateline separator
("MOSCOW – ...", rewritten as " – " by `Article.text`). Inputs: the seed pages, with generated
noise lines and hostile characters inserted by hypothesis.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cleaner
from cleaner.normalize import Text, normalize
from conftest import ROOT, seed_paths

SEEDS: tuple[str, ...] = tuple(p.read_text(encoding="utf-8") for p in seed_paths())
DATELINE_GLUE = set(" \t–—-")


def uncovered(text: str, article: cleaner.Article) -> list[tuple[int, str]]:
    """Positions of normalized non-whitespace characters that no part of the article accounts for.

    Also asserts the structural invariants of the audit trail on the way.
    """
    norm: Text = normalize(text)
    t = norm.text
    removed_orig = [(r.start, r.end) for r in article.removed]
    for r in article.removed:
        assert 0 <= r.start <= r.end <= len(text)
        assert r.text == text[r.start : r.end], f"{r.rule} text does not match input[{r.start}:{r.end}]"
    for (_, e1), (s2, _) in itertools.pairwise(removed_orig):
        assert e1 <= s2, f"removed spans overlap or are out of order: {removed_orig}"
    if article.status == "not_an_article":
        # the body is the input's lines, unchanged and in order
        lines = [line.strip() for line in t.split("\n") if line.strip()]
        assert list(article.body) == lines
        return []

    covered = bytearray(len(t))
    # removed spans and repairs are in original offsets: map every normalized position back
    orig_cover = bytearray(len(text) + 1)
    for s, e in removed_orig:
        orig_cover[s:e] = b"\x01" * (e - s)
    for rep in article.repairs:
        orig_cover[rep.start : rep.end] = b"\x01" * (rep.end - rep.start)
    for p in range(len(t)):
        o = norm.to_original(p)
        if o < len(text) and orig_cover[o]:
            covered[p] = 1

    def in_removed(start: int) -> bool:
        return bool(covered[start])

    def locate(part: str, cursor: int) -> tuple[int, int]:
        """The first occurrence at or after `cursor` that is not inside a removed span, and its
        length: as it is, or with a space standing for a line break of the input (the line
        breaks of a wrapped paragraph joined by GLU007) where a recorded repair covers it."""
        at = t.find(part, cursor)
        while at >= 0 and in_removed(at) and all(covered[at : at + len(part)]):
            at = t.find(part, at + 1)
        if at >= 0:
            return at, len(part)
        joined = re.compile(r"(?:[ \t]+\n?[ \t]*|\n[ \t]*)".join(map(re.escape, part.split(" "))))
        m = joined.search(t, cursor)
        assert m is not None, f"{part[:80]!r} is not a substring of the normalized input (after {cursor})"
        breaks = [p for p in range(m.start(), m.end()) if t[p] == "\n"]
        assert all(covered[p] for p in breaks), f"{part[:80]!r} joins input lines without a repair"
        return m.start(), m.end() - m.start()

    cursor = 0
    parts: list[str] = []
    if article.headline:
        parts.append(article.headline)
    if article.dateline:
        parts.append(article.dateline)
    parts.extend(article.body)
    last_end = 0
    for i, part in enumerate(parts):
        at, size = locate(part, cursor)
        if article.dateline and part == article.body[0] and i == len(parts) - len(article.body):
            # between dateline and first paragraph only the separator may stand
            gap = t[last_end:at]
            assert set(gap) <= DATELINE_GLUE, f"dateline separator {gap!r}"
            covered[last_end:at] = b"\x01" * (at - last_end)
        covered[at : at + size] = b"\x01" * size
        cursor = last_end = at + size
    return [(p, t[p]) for p in range(len(t)) if not covered[p] and not t[p].isspace()]


def check_coverage(text: str) -> cleaner.Article:
    article = cleaner.clean(text)
    missing = uncovered(text, article)
    assert not missing, f"{len(missing)} characters unaccounted for, first at {missing[0][0]}: " + repr(
        normalize(text).text[missing[0][0] : missing[0][0] + 60]
    )
    return article


def test_the_check_catches_a_lost_paragraph_or_removal() -> None:
    text = SEEDS[0]
    article = cleaner.clean(text)
    assert not uncovered(text, article)
    lost_para = dataclasses.replace(article, body=article.body[:-2] + article.body[-1:])
    assert uncovered(text, lost_para)
    biggest = max(article.removed, key=lambda r: len(r.text.strip()))
    lost_removal = dataclasses.replace(article, removed=tuple(r for r in article.removed if r is not biggest))
    assert uncovered(text, lost_removal)


def test_seeds_are_fully_accounted_for() -> None:
    for text in SEEDS:
        article = check_coverage(text)
        assert article.status == "cleaned"


NOISE_LINES = [
    "Advertisement",
    "- Advertisement -",
    "Share on Facebook",
    "Share this article",
    "Read more: Something else happened somewhere",
    "Related Stories",
    "Sunday, May 19, 2024",
    "Updated: 2024-05-19 10:30",
    "Home > World > Asia",
    "© 2024 Example Media. All rights reserved.",
    "We use cookies to improve your experience. Accept all cookies",
    "Subscribe to our newsletter",
    "Follow us on Telegram",
    ".promo-box { display: none; margin: 0 auto; }",
    "font-family: Georgia, serif;",
    "}",
    "var googletag = googletag || {};",
    "By Jane Doe and John Smith",
    "Photo: Reuters",
    "(Jane Doe/AFP via Getty Images)",
    "Most Popular",
    "Comments (12)",
    "REUTERS",
    "Your browser is out of date. Please upgrade for the best experience.",
]
WORDS = st.sampled_from(
    "the of and to in a is that for on was said with he as it by at from his an were are which "
    "Moscow Kremlin Putin Kim talks visit Monday ministry officials report".split()
)
GENERATED_LINE = st.one_of(
    st.sampled_from(NOISE_LINES),
    st.lists(WORDS, min_size=1, max_size=40).map(lambda ws: " ".join(ws).capitalize() + "."),
    st.lists(WORDS, min_size=1, max_size=6).map(" ".join),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=30),
)


@given(
    st.sampled_from(SEEDS),
    st.lists(st.tuples(st.floats(0, 1), GENERATED_LINE), max_size=8),
    st.sampled_from(["\n", "\r\n", "\n\n"]),
)
def test_every_character_is_accounted_for(seed: str, inserts: list[tuple[float, str]], eol: str) -> None:
    lines = seed.split("\n")
    for where, line in inserts:
        lines.insert(int(where * len(lines)), line)
    check_coverage(eol.join(lines))


@given(st.lists(GENERATED_LINE, max_size=60), st.sampled_from(["\n", "\n\n"]))
def test_generated_pages_are_accounted_for(lines: list[str], eol: str) -> None:
    check_coverage(eol.join(lines))


@given(st.sampled_from(SEEDS), st.data())
def test_glued_paragraphs_are_accounted_for(seed: str, data: Any) -> None:
    # remove some paragraph breaks so that the segmenter has to cut glued lines (repairs)
    paras = seed.split("\n\n")
    glue = data.draw(st.lists(st.booleans(), min_size=len(paras) - 1, max_size=len(paras) - 1))
    text = paras[0]
    for p, g in zip(paras[1:], glue, strict=True):
        text += ("" if g else "\n\n") + p
    check_coverage(text)


DEV = ROOT / "benchmarks" / "dev"
#: Every sixth dev page (about 30 real crawled pages) keeps CI fast; all 181 passed when written.
DEV_SAMPLE = sorted(DEV.glob("*.txt"))[::6] if DEV.is_dir() else []


@pytest.mark.skipif(not DEV_SAMPLE, reason="benchmarks/dev is not in this checkout")
@pytest.mark.parametrize("path", DEV_SAMPLE, ids=lambda p: p.stem)
def test_dev_pages_are_accounted_for(path: Path) -> None:
    check_coverage(path.read_text(encoding="utf-8"))
