"""`features.compute` takes byte counts instead of the patterns on ASCII text (and on text whose
only non-ASCII characters are common punctuation): the answers must be the patterns' own."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import features

#: Characters where the byte counts could go wrong: word characters of each case, digits, marks,
#: closers, every ASCII space, the stand-in punctuation, and letters that send a text to the
#: patterns (accented, Greek, Cyrillic).
_ALPHABET = (
    "aAbBzZ09_ .!?)]'\"\n\r\t\x0b\x0c\x1c,;:-*o#(["
    "\u2019\u201d\u00bb\u201c\u2018\u00ab\u2014\u2013\u2026\u2022\u00b7\u25aa\u25ba\u00a0"
    "\u00a9\u20ac\u00a3\u00b0\u2122\u00b6\u00e9\u03a3\u0436\u3002\uff01"
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60), st.sampled_from(sorted(features.STOPWORDS)))
def test_compute_equals_the_patterns(text: str, language: str) -> None:
    stops = features.STOPWORDS[language]
    assert features.compute(text, stops) == features.measure(text, stops)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_compute_equals_the_patterns_on_any_text(text: str) -> None:
    stops = features.STOPWORDS["en"]
    assert features.compute(text, stops) == features.measure(text, stops)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "a" * 100,
        "a" * 101 + " the",
        "x" * 250,
        ". " * 80,
        "abCdeFg hiJk",  # glue points one character apart
        "He said so.” Then… “No!” (AP) ",
        "1. First item",
        "» Next story",
        "o not a bullet",
        "– dash",
        "The U.S. and the U.N.",
        "ΟΔΟΣ ΚΑΙ the end",
    ],
)
def test_compute_equals_the_patterns_on_edges(text: str) -> None:
    for stops in features.STOPWORDS.values():
        assert features.compute(text, stops) == features.measure(text, stops)


def test_custom_stop_words_take_the_patterns() -> None:
    stops = frozenset({"foo"})
    assert features.compute("foo bar Foo", stops).stopwords == 2
