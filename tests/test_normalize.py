"""`normalize` skips its edit scan where a few `in` tests show the scan could find nothing but
single characters: the result must be exactly what the full `EDITS` scan gives."""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import normalize as stage
from cleaner.normalize import Text, normalize

#: Every character `EDITS` acts on, line ends and blanks, and some plain and accented text.
ALPHABET = st.sampled_from(
    [
        *("a", "B", "é", "e\u0301", "—", "x y.", " ", "\t", "\n", "\r", "\r\n", "  \n"),
        *("\u00a0", "\u2007", "\u202f", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\ud800", "\udfff"),
    ]
)


def _full_scan(text: str) -> Text:
    with mock.patch.object(stage, "_edits", stage.EDITS.finditer):
        return normalize(text)


@settings(max_examples=400)
@given(st.lists(ALPHABET, max_size=40).map("".join))
def test_shortcut_gives_the_full_scans_result(text: str) -> None:
    assert normalize(text) == _full_scan(text)


def test_shortcut_cases() -> None:
    for text in (
        "",
        "plain ascii\nlines\n",
        "ascii with trailing blank \nnext",
        "tab at end\t",
        "crlf\r\nline",
        "no-break\u00a0space, accented é, and a zero width\u200b joiner",
        "blank then zero width \u200b\nline",
        "lone \ud800 surrogate",
        "e\u0301 decomposed",
    ):
        assert normalize(text) == _full_scan(text), text
    assert normalize("plain\ntext\n").text == "plain\ntext\n"
    assert normalize("a\u00a0b\u200bc").text == "a bc"
