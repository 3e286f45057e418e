"""Negative cases: real article text that looks like noise must come out unchanged.

Each fixtures/negative/*.txt file is an article in the canonical form (headline, blank line,
paragraphs separated by blank lines), full of sentences that mention advertisements, cookies,
shares, comments, photos or sources. Cleaning it must keep every paragraph and remove nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from conftest import FIXTURES

NEGATIVE = FIXTURES / "negative"

#: Negative cases the cleaner still gets wrong: strict xfail, so a fix forces promotion.
KNOWN_FAILURES: dict[str, str] = {}


def _params() -> list[object]:
    out: list[object] = []
    for path in sorted(NEGATIVE.glob("*.txt")):
        marks = []
        if path.stem in KNOWN_FAILURES:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[path.stem]))
        out.append(pytest.param(path, id=path.stem, marks=marks))
    return out


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


@pytest.mark.parametrize("path", _params())
def test_negative_case_is_unchanged(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    article = cleaner.clean(text)
    removed = [(r.rule, r.text) for r in article.removed]
    assert not removed, f"removed from a real article: {removed}"
    assert article.status == "unchanged"
    expected = _paragraphs(text)
    assert article.headline == expected[0]
    assert _paragraphs(article.text) == expected
    assert article.text == text


def test_there_are_negative_cases() -> None:
    assert len(list(NEGATIVE.glob("*.txt"))) >= 6
