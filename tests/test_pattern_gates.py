"""Cheap tests tried before a pattern on every block (a first character, a length, a word list,
ASCII digits): each is a necessary condition of its pattern, so the answer must be the pattern's
own on any text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import features, headline, patterns
from cleaner.features import ANY_STOPWORDS
from cleaner.model import Block
from cleaner.patterns import CONSENT_CONTROL, DIGIT, PROGRAM_LINE, TABLE_NUMBER_CELL
from cleaner.registry import DocView
from cleaner.rules.chrome import browser_warning
from cleaner.smooth import consent, teasers, threads

#: Characters that each pattern reads: figures and their marks, code marks, separators of the
#: consent words, cases that fold to ASCII letters ("ſ", "K", "İ"), non-ASCII digits.
_ALPHABET = "aAbBcCeEkKsSiIoOlLpPtTyY09 ,&/:|().-;{}=#$>%+\n\t\u017f\u212a\u0130\u0131\u0663\uff11\u00e9"

_CONSENT_WORDS = st.lists(
    st.sampled_from([*patterns.CONSENT_CONTROL_WORDS, "Accept", "ALL", "coOkies", "foo", "\u017fhare", "\u0130n"]),
    min_size=1,
    max_size=14,
)
_SEPARATORS = st.text(alphabet=" ,&/:|().-\n", min_size=1, max_size=4)


def _number_cell_pattern(text: str) -> bool:
    return TABLE_NUMBER_CELL.match(text) is not None


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=30))
def test_number_cell_is_the_pattern(text: str) -> None:
    assert patterns.number_cell(text) == _number_cell_pattern(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=30))
def test_program_line_is_the_pattern(text: str) -> None:
    assert patterns.program_line(text) == (PROGRAM_LINE.search(text) is not None)


@settings(max_examples=500, deadline=None)
@given(_CONSENT_WORDS, st.lists(_SEPARATORS, min_size=14, max_size=14), st.booleans())
def test_consent_control_shape_is_the_pattern(words: list[str], seps: list[str], trailing: bool) -> None:
    text = "".join(w + s for w, s in zip(words, seps, strict=False))
    if not trailing:
        text = text.rstrip(" ,&/:|().-\n") or text
    assert consent._control_shape(text) == (CONSENT_CONTROL.match(text) is not None)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_consent_control_shape_is_the_pattern_on_any_text(text: str) -> None:
    assert consent._control_shape(text) == (CONSENT_CONTROL.match(text) is not None)


@pytest.mark.parametrize(
    "text",
    ["Accept All Cookies", "accept,all", "I agree", "Confirm My Choices", "accept\n", "Harbour", "ab", ""],
)
def test_consent_control_shape_examples(text: str) -> None:
    assert consent._control_shape(text) == (CONSENT_CONTROL.match(text) is not None)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_meta_key_digits_are_the_patterns(text: str) -> None:
    lowered = text.lower()
    if lowered.isascii():
        assert lowered.translate(threads._ASCII_DIGITS) == DIGIT.sub("0", lowered)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=20))
def test_no_item_number_or_post_number_opens_with_a_letter(text: str) -> None:
    # `lists.enumerations` skips blocks that open with a letter, `threads._meta_key` those that
    # do not open with "#"
    if text[:1].isalpha():
        assert patterns.ENUM_NUMBER.match(text) is None
    if text[:1] != "#":
        assert patterns.POST_ORDINAL.match(text) is None


def _chrome_pattern(text: str) -> bool:
    return patterns.HEAD_CHROME.search(text) is not None or patterns.HEAD_FOOTER.search(text) is not None


#: Pieces of the two patterns' literals, their neighbours and look-alikes.
_CHROME_TOKENS = [
    *patterns.HEAD_CHROME_NEEDLES,
    *patterns.HEAD_CHROME_OPENINGS,
    "Share", "SHARE", "this", "on", "via", " ", "  ", "\t", ":", "|", "3", "12", "min", "minute", "mins", ".",
    "Reading", "time", "of", "in", "a", "new", "window", "tab", "links", "out", "up", "AP", "AFP", "Reuters",
    "Getty Images", "]", "images", "press", "writer", "reporter", "editorial", "all", "rights", "terms of use",
    "privacy policy", "example.com", "500k", "+", "$1,799", "Save", "demo", "free", "started", "sales", "us",
    "trial", "14-day", "30 days", "your", "story", "article", "is", "available", "only", "exclusive",
    "\u00bb", "\u203a", "\u00a9", "\u20ac", "\u017f", "\u212a", "\u0130", "harbour", "Plan", "x",
]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_CHROME_TOKENS), max_size=12))
def test_head_chrome_is_the_patterns(tokens: list[str]) -> None:
    text = "".join(tokens)
    assert patterns.head_chrome(text) == _chrome_pattern(text)
    spaced = " ".join(tokens)
    assert patterns.head_chrome(spaced) == _chrome_pattern(spaced)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_head_chrome_is_the_patterns_on_any_text(text: str) -> None:
    assert patterns.head_chrome(text) == _chrome_pattern(text)


def _content_words_by_pattern(text: str) -> frozenset[str]:
    words = (w.lower() for w in patterns.WORD.findall(text))
    return frozenset(w for w in words if (len(w) >= 3 or w.isdigit()) and w not in ANY_STOPWORDS)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aAbZz09_ .,'-\t\n!?@#$%^&*()[]{}<>/\\|~`\x00\x7f", max_size=60), st.integers(0, 130))
def test_content_words_on_ascii_are_the_patterns(text: str, run: int) -> None:
    text += "ab1_" * (run // 4)  # a word longer than `WORD` takes (100 characters) now and then
    assert text.isascii()
    assert headline.content_words(text) == _content_words_by_pattern(text)


@pytest.mark.parametrize("text", ["The Harbour Plan", "THE HARBOUR", "The 3 harbour_plans", "x" * 250, "don't stop"])
def test_content_words_examples(text: str) -> None:
    assert headline.content_words(text) == _content_words_by_pattern(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aAbBzZ '?!.:-\u2013\u2014\u2019\u00e9\u00c9", max_size=80))
def test_teaser_glue_gates_are_the_patterns(text: str) -> None:
    glue = patterns.TEASER_GLUE.search(text, 0, teasers._GLUE_REACH) is not None
    if text[: teasers._GLUE_REACH].isascii():
        assert teasers._glued(text) == glue
    elif glue:
        assert teasers._glued(text)
    head = text[: teasers._DATELINE_REACH]
    if patterns.TEASER_DATELINE_GLUE.search(text, 0, teasers._DATELINE_REACH) is not None:
        assert ":" in head or "\u2013" in head or "\u2014" in head


_BROWSER_TOKENS = [
    "IE", "ie", "11", "Internet Explorer", "is", "not", "be", "supported", "no longer", "outdated", "upgrade",
    "your", "web", "browser", "out of date", "update", "does not support", "doesn't support",
    "is not compatible", "on", "use", "another", "modern", "for the", "best", "optimal", "experience",
    "please", "enable", "JavaScript", "javascript is", "disabled", "this site", "requires", "police", "died",
    "field", "the", "harbour", ".", ",", "\u017f", "\u0130",
]  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_BROWSER_TOKENS), min_size=1, max_size=12))
def test_browser_warning_gate_is_the_pattern(tokens: list[str]) -> None:
    text = " ".join(tokens)
    block = Block(0, 0, len(text), text, 0, True, 0, features.compute(text, features.STOPWORDS["en"]))
    fires = bool(browser_warning.func(block, DocView((block,), 0, "en")))
    assert fires == (block.features.words <= 40 and patterns.BROWSER_WARNING.search(text) is not None)
