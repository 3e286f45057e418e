"""Every compiled pattern stays linear on 10 MB single-line adversarial input.

Shapes: one long run of a single character ('a', ' ', '{', ';', '.', '-', ':', '(', '/', digits),
alternating case ('aA'), and glued words without spaces ('WordwordWord.'). Two inputs cover
them in bounded CI time:

* the *gauntlet*: one 10 MB line made of ~0.7 MB runs of every shape, run with `search` and
  `finditer` (a pattern that backtracks super-linearly inside a run of any shape hangs on its
  run, so each shape is exercised without 14 separate 10 MB scans);
* every shape alone at 10 MB with `match` (position 0: how the line rules use the anchored
  patterns on one block).

Each pattern runs in a forked child with a hang detector (`HANG_LIMIT`, 20 s); a linear pattern
finishes in well under a second per pass.
"""

from __future__ import annotations

import functools
import time
from typing import Any

import pytest
import regex

from cleaner import normalize, patterns
from hang_guard import HANG_LIMIT, run_guarded

SIZE = 10_000_000

#: name -> the repeated unit of a 10 MB single-line adversarial shape.
SHAPES: dict[str, str] = {
    "a": "a",
    "space": " ",
    "brace": "{",
    "semicolon": ";",
    "dot": ".",
    "dash": "-",
    "colon": ":",
    "paren": "(",
    "slash": "/",
    "digits": "1",
    "aA": "aA",
    "glued_words": "WordwordWord.",
    "caps_words": "AB CD, ",
    "credit": "(A/B ",
}


def _named_patterns() -> dict[str, regex.Pattern[str]]:
    names = {id(v): k for k, v in vars(patterns).items() if isinstance(v, regex.Pattern)}
    found = {names[id(p)]: p for p in patterns.ALL_PATTERNS}
    found["normalize.EDITS"] = normalize.EDITS
    found["normalize.CHAR_EDITS"] = normalize.CHAR_EDITS
    return found


PATTERNS = _named_patterns()

#: Known super-linear patterns, pinned until the lead fixes them (see the report in the README
#: "Safety" section). A strict xfail turns into a failure as soon as the pattern is fixed.
KNOWN_BAD: dict[str, str] = {}


def gauntlet(size: int = SIZE) -> str:
    run = size // len(SHAPES)
    return "".join((unit * (run // len(unit) + 1))[:run] for unit in SHAPES.values())


def shape(name: str, size: int = SIZE) -> str:
    unit = SHAPES[name]
    return (unit * (size // len(unit) + 1))[:size]


@functools.cache
def _inputs() -> tuple[str, tuple[str, ...]]:
    """The gauntlet and every shape, built once in the parent; forked children share them."""
    return gauntlet(), tuple(shape(n) for n in SHAPES)


def _exercise(name: str) -> dict[str, Any]:
    """In the child: search + finditer over the gauntlet, match on every shape alone."""
    pattern = PATTERNS[name]
    timings: dict[str, float] = {}
    text, shapes = _inputs()
    t0 = time.perf_counter()
    pattern.search(text)
    timings["search"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    count = sum(1 for _ in pattern.finditer(text))
    timings["finditer"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    for one in shapes:
        pattern.match(one)
    timings["match_all_shapes"] = time.perf_counter() - t0
    return {"matches": count, **timings}


def test_the_gauntlet_holds_every_shape() -> None:
    text = gauntlet(1400)
    assert len(text) == 1400
    for unit in SHAPES.values():
        assert unit * 3 in text or unit in text


def test_every_pattern_is_covered() -> None:
    assert len(patterns.ALL_PATTERNS) >= 40
    assert set(PATTERNS) >= {"WORD", "CSS_DECLARATION", "CONTRIBUTED", "DATELINE", "normalize.EDITS"}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=KNOWN_BAD[n], raises=AssertionError))
        if n in KNOWN_BAD
        else n
        for n in sorted(PATTERNS)
    ],
)
def test_pattern_is_linear_on_10mb_line(name: str) -> None:
    # a known-bad pattern only needs long enough to show that it hangs
    limit = 5.0 if name in KNOWN_BAD else HANG_LIMIT
    _inputs()
    result = run_guarded(_exercise, name, limit=limit)
    assert result["matches"] >= 0
    assert set(result) == {"matches", "search", "finditer", "match_all_shapes"}
