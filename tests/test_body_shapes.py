"""Body on page shapes made of short lines, code, tables, stylesheets and competing prose.

Each file of fixtures/shapes/ is a made-up page dump in a real shape, followed by ``# keep``
(lines that must reach the body, or the headline) and ``# drop`` (lines that must not be a body
paragraph). The pages are written for these tests; no line comes from a real page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from conftest import FIXTURES

SHAPES = FIXTURES / "shapes"


def _read(path: Path) -> tuple[str, list[str], list[str]]:
    text = path.read_text(encoding="utf-8")
    page, _, rest = text.partition("\n# keep\n")
    keep, _, drop = rest.partition("# drop\n")
    return page + "\n", [x for x in keep.split("\n") if x], [x for x in drop.split("\n") if x]


@pytest.mark.parametrize("path", sorted(SHAPES.glob("*.txt")), ids=lambda p: p.stem)
def test_shape(path: Path) -> None:
    page, keep, drop = _read(path)
    article = cleaner.clean(page)
    kept = "\n".join((article.headline or "", *article.body))
    missing = [line for line in keep if line not in kept]
    leaked = [line for line in drop if line in article.body]
    assert not missing, f"lost from the body: {missing}"
    assert not leaked, f"kept as body: {leaked}"


#: Pages with a style sheet dumped into them (fixtures/shapes/stylesheet_*.txt): a long sheet at
#: the top, one between two parts of the article, @media blocks, minified one-line sheets, a
#: data-URI line of thousands of characters, two sheets. The sheet is charged once, whatever its
#: length, so the body is the whole article and nothing of the sheet.
STYLESHEETS = sorted(SHAPES.glob("stylesheet_*.txt"))


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: p.stem)
def test_stylesheet_leaves_the_whole_article(path: Path) -> None:
    page, keep, _ = _read(path)
    article = cleaner.clean(page)
    assert list(article.body) == [line for line in keep if line != article.headline]
    assert not [p for p in article.body if "{" in p or "}" in p or "base64" in p]
