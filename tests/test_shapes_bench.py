"""benchmarks/shapes.py: the transforms change the page's shape, never its words, and are seeded."""

from __future__ import annotations

import random
import re
from pathlib import Path

import lxml.html
import pytest
from benchmarks import dumps, shapes

WORD = re.compile(r"\w+")
PAGE = """<html><head><title>t</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<h1>Ferry timetable changes after the harbour works</h1>
<p>The harbour board said on Monday that the <b>evening ferry</b> would leave twenty minutes
earlier from the first of next month, while the quay is rebuilt.</p>
<p>Passengers who hold season tickets will be offered a refund for the weeks of the works, a
spokeswoman for the operator said, adding that the morning crossings stay as they are.</p>
<p>The works are expected to last until the end of the summer, when a wider berth should let two
boats load at the same time.</p>
</body></html>"""
GOLD = (
    "The harbour board said on Monday that the evening ferry would leave twenty minutes earlier from the first of "
    "next month, while the quay is rebuilt.\n\nPassengers who hold season tickets will be offered a refund for the "
    "weeks of the works, a spokeswoman for the operator said, adding that the morning crossings stay as they are.\n\n"
    "The works are expected to last until the end of the summer, when a wider berth should let two boats load at "
    "the same time."
)


def _dump(shape: str, style: str, seed: str = "1") -> str:
    root = lxml.html.document_fromstring(PAGE)
    if shape != "base":
        assert shapes.transform(shape, root, GOLD, random.Random(seed))
    return shapes.dump(dumps, root, style)


@pytest.mark.parametrize("shape", ["wrap", "pre"])
@pytest.mark.parametrize("style", ["textcontent", "blocks"])
def test_wrapping_shapes_keep_the_words(shape: str, style: str) -> None:
    # the shapes put each paragraph on lines of its own: words glued across elements in the
    # textContent dump ("Home" + "World") come apart as in the block dump
    base = _dump("base", "blocks" if shape == "wrap" else style)
    assert WORD.findall(_dump(shape, style)) == WORD.findall(base)


def test_wrap_breaks_lines_in_the_textcontent_dump_only() -> None:
    wrapped = _dump("wrap", "textcontent")
    assert max(len(line) for line in wrapped.splitlines()) <= 100
    assert _dump("wrap", "blocks") == _dump("base", "blocks")


@pytest.mark.parametrize("shape", ["css_mid", "css_top"])
def test_stylesheet_shapes_add_css_lines_only(shape: str) -> None:
    base, styled = _dump("base", "blocks"), _dump(shape, "blocks")
    added = [line for line in styled.splitlines() if line not in base.splitlines()]
    assert 30 <= len(added) <= 200
    assert all(WORD.findall(line) == [] or "{" in line or ":" in line or "," in line or "*" in line for line in added)
    if shape == "css_mid":  # between the first and the second body paragraph of three
        lines = styled.splitlines()
        assert lines.index(added[0]) > next(i for i, x in enumerate(lines) if x.startswith("The harbour"))
        assert lines.index(added[-1]) < next(i for i, x in enumerate(lines) if x.startswith("Passengers"))


def test_transforms_are_seeded() -> None:
    for shape in shapes.SHAPES:
        assert _dump(shape, "textcontent", "a") == _dump(shape, "textcontent", "a")


def test_dumps_match_the_harness_copy() -> None:
    render = Path(__file__).resolve().parents[2] / "shared" / "bench" / "render.py"
    if not render.is_file():
        pytest.skip("../shared is not checked out")
    module = shapes._dumper(str(render))
    for shape in ("base", *shapes.SHAPES):
        root = lxml.html.document_fromstring(PAGE)
        if shape != "base":
            shapes.transform(shape, root, GOLD, random.Random("x"))
        for style in ("textcontent", "blocks", "blocks-spaced"):
            assert shapes.dump(module, root, style) == shapes.dump(dumps, root, style)
