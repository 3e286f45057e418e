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


# --- the language guess from measured pieces ---------------------------------------------------

_WORDS = [
    *sorted({w for stops in features.STOPWORDS.values() for w in stops})[::7],
    "The",
    "DER",
    "Σ",
    "ΟΔΟΣ",
    "İstanbul",
    "news",
    "Related",
    "x" * 120,
]


def _reference_language(text: str) -> str:
    from cleaner.patterns import WORD

    return features.guess_language(WORD.findall(text[:200_000].lower()))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(
            st.one_of(st.sampled_from(_WORDS), st.sampled_from([".", ". ", "’", "—", "(AP)", "é", "\u00a0"])),
            max_size=12,
        ).map(" ".join),
        max_size=12,
    ).map("\n".join)
)
def test_segment_guesses_the_language_of_the_whole_text(text: str) -> None:
    """Guessed from the stop words each piece's measure found, the language is the one the
    page's whole text gives (the pieces fall back to it where they could read differently)."""
    import cleaner
    from cleaner.normalize import normalize
    from cleaner.registry import select
    from cleaner.segment import segment

    norm = normalize(text)
    assert segment(norm, select(cleaner.RULES)).language == _reference_language(norm.text)


def test_segment_language_with_a_cut_inside_a_word() -> None:
    import cleaner
    from cleaner.normalize import normalize
    from cleaner.registry import select
    from cleaner.segment import segment

    # a glued heading cut from the sentence behind it inside one token ("ExtendedWebb")
    text = "The jury took only minutes.9-Month-Old's Life Support Order ExtendedWebb still faces charges."
    norm = normalize(text)
    assert segment(norm, select(cleaner.RULES)).language == _reference_language(norm.text)
