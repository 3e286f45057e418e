"""`clean()` never raises, never hangs and always gives encodable NFC text, whatever the input.

Hostile input: arbitrary Unicode including lone surrogates, NUL and other control characters,
right-to-left and combining marks, broken decodings (truncated UTF-8, UTF-16 with BOM read as
UTF-8 or Latin-1, Latin-1 mojibake), pathological lines of one punctuation character, 10 MB on
one line and a million short lines. The big inputs run in a forked child under a hang detector
(`hang_guard.HANG_LIMIT`, 20 s per input); everything else runs in-process.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cleaner
from cleaner.normalize import REPLACEMENT_CHARACTER, normalize
from conftest import seed_paths
from hang_guard import run_guarded

SEED = seed_paths()[0].read_text(encoding="utf-8")
STATUSES = {"cleaned", "unchanged", "not_an_article"}


def _is_surrogate(c: str) -> bool:
    return "\ud800" <= c <= "\udfff"


def check(article: cleaner.Article, text: str) -> None:
    """Output invariants that hold for any input."""
    assert article.status in STATUSES
    parts = [p for p in (article.headline, article.dateline, *article.body) if p is not None]
    for part in parts:
        assert not any(_is_surrogate(c) for c in part), f"lone surrogate in output {part[:80]!r}"
        part.encode("utf-8")  # raises on anything that is not valid Unicode scalar values
        assert unicodedata.is_normalized("NFC", part), f"output not NFC: {part[:80]!r}"
    article.text.encode("utf-8")
    assert unicodedata.is_normalized("NFC", article.text)
    for r in article.removed:
        assert 0 <= r.start <= r.end <= len(text)
        assert r.text == text[r.start : r.end]
    json.dumps(article.to_dict())  # ensure_ascii escapes whatever is left in removed texts


def clean_and_check(text: str) -> cleaner.Article:
    article = cleaner.clean(text)
    check(article, text)
    return article


# --- arbitrary Unicode -----------------------------------------------------------------------

ANY_CHAR = st.one_of(
    st.characters(),
    st.integers(0xD800, 0xDFFF).map(chr),  # lone surrogates (st.characters() leaves them out)
    st.sampled_from("\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\u2028\u2029\u200e\u200f\u202a\u202e\u2066\u2069"),
    st.sampled_from("\u0301\u0308\u0327\u034f\u0591\u05b0\u064b\u0e31\u20dd\u1100\u1161\u11a8"),
    st.sampled_from("\r\n\t \u00a0\u200b\ufeff"),
)


@given(st.text())
def test_any_text_never_raises(text: str) -> None:
    clean_and_check(text)


@given(st.text(ANY_CHAR, max_size=400))
def test_any_code_point_never_raises(text: str) -> None:
    clean_and_check(text)


@given(st.lists(st.text(ANY_CHAR, max_size=6), min_size=1, max_size=12), st.randoms(use_true_random=False))
def test_hostile_characters_inside_a_real_page(inserts: list[str], rnd: Any) -> None:
    text = SEED
    for piece in inserts:
        at = rnd.randrange(len(text) + 1)
        text = text[:at] + piece + text[at:]
    clean_and_check(text)


def test_lone_surrogates_become_replacement_characters() -> None:
    text = SEED.replace("Kremlin", "Krem\ud800lin", 3).replace("Putin", "Pu\udfffin")
    article = clean_and_check(text)
    assert article.status == "cleaned"
    body = "\n".join(article.body)
    assert f"Krem{REPLACEMENT_CHARACTER}lin" in body or f"Pu{REPLACEMENT_CHARACTER}in" in body
    norm = normalize("a\udc80b")
    assert norm.text == f"a{REPLACEMENT_CHARACTER}b"
    assert [norm.to_original(i) for i in range(4)] == [0, 1, 2, 3]


def test_nfc_output_from_decomposed_input() -> None:
    accented = SEED.replace("Kremlin", "Krémlin (Ångström, naïve, Đà Nẵng)")
    decomposed = unicodedata.normalize("NFD", accented)
    assert decomposed != accented
    article = clean_and_check(decomposed)
    assert article.body == cleaner.clean(accented).body
    assert "Krémlin" in "\n".join(article.body)


# --- fixed hostile inputs --------------------------------------------------------------------


def _mojibake(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def _cp1252(text: str) -> str:
    return text.encode("utf-8").decode("cp1252", errors="replace")


HOSTILE: dict[str, str] = {
    "empty": "",
    "only_newlines": "\n" * 1000,
    "nul_bytes": SEED.replace(" ", "\x00", 200),
    "nul_only": "\x00" * 10_000,
    "control_chars": "".join(chr(c) for c in range(32)) * 50 + SEED,
    "c1_controls": SEED.replace("e", "\x85", 100).replace("a", "\x9b", 50),
    "rtl_marks": SEED.replace(" ", " \u202e", 300).replace(".", ".\u200f"),
    "arabic_hebrew": ("مرحبا بكم في الأخبار. " * 40 + "\n" + "שלום עולם, זה מאמר. " * 40 + "\n") * 5,
    "combining_storm": "a" + "\u0301" * 50_000 + "\n" + SEED,
    "zalgo": "".join(c + "\u0300\u0316\u0334" * 5 for c in SEED[:3000]),
    "cr_only": SEED.replace("\n", "\r"),
    "crlf": SEED.replace("\n", "\r\n"),
    "bom_everywhere": "\ufeff" + SEED.replace("\n", "\n\ufeff"),
    "lone_surrogates": SEED.replace("a", "\ud800", 50).replace("o", "\udc00", 50),
    "surrogate_pairs_unjoined": "\ud83d\ude00 " * 500 + SEED,
    "truncated_utf8_replace": (SEED.encode("utf-8")[:-1] + "é".encode()[:1]).decode("utf-8", errors="replace"),
    "truncated_utf8_surrogateescape": (SEED.encode("utf-8")[: len(SEED) // 2] + b"\xe2\x80").decode(
        "utf-8", errors="surrogateescape"
    ),
    "utf16_bom_read_as_utf8": ("\ufeff" + SEED).encode("utf-16").decode("utf-8", errors="replace"),
    "utf16_bom_read_as_latin1": ("\ufeff" + SEED).encode("utf-16").decode("latin-1"),
    "utf16_truncated": ("\ufeff" + SEED).encode("utf-16")[:-1].decode("utf-16", errors="replace"),
    "latin1_mojibake": _mojibake(SEED + " café “quoted” – naïve"),
    "cp1252_mojibake": _cp1252(SEED + " café “quoted” – naïve"),
    "double_mojibake": _mojibake(_mojibake(SEED)),
    "private_use_and_nonchars": "\ue000\uf8ff\ufffe\uffff\U0010ffff " * 200 + SEED,
    "astral": "𝕿𝖍𝖊 𝖓𝖊𝖜𝖘 🗞️👍🏽 " * 300 + SEED,
}
for _ch in "{;-.":
    HOSTILE[f"line_of_100k_{_ch}"] = _ch * 100_000
    HOSTILE[f"page_with_100k_{_ch}"] = SEED.replace("\n\n", "\n\n" + _ch * 100_000 + "\n\n", 1)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input(name: str) -> None:
    clean_and_check(HOSTILE[name])


def test_real_page_survives_mojibake_free_damage() -> None:
    # the article is still found with NUL bytes and RTL marks sprinkled between its words
    for name in ("rtl_marks", "crlf", "cr_only", "bom_everywhere"):
        article = clean_and_check(HOSTILE[name])
        assert article.status == "cleaned", name


# --- big inputs, under the hang detector ------------------------------------------------------


def _big(kind: str) -> dict[str, Any]:
    """Built and cleaned in the child, so nothing big crosses the pipe."""
    if kind == "one_line_10mb_glued":
        text = ("WordwordWord.Next" * 600_000)[:10_000_000]
    elif kind == "one_line_10mb_prose":
        text = ("The minister said on Monday that the talks would continue. " * 170_000)[:10_000_000]
    elif kind == "million_short_lines":
        text = "ab\n" * 1_000_000
    elif kind == "50k_short_lines":
        text = "ab\n" * 50_000
    else:
        raise ValueError(kind)
    article = cleaner.clean(text)
    check(article, text)
    return {"status": article.status, "chars": len(text)}


@pytest.mark.parametrize(
    "kind",
    [
        "one_line_10mb_glued",
        "one_line_10mb_prose",
        "50k_short_lines",
        "million_short_lines",
    ],
)
def test_big_input_finishes(kind: str) -> None:
    # a generous limit: this is a hang detector, and a million blocks take ~10 s on a 2-core machine
    result = run_guarded(_big, kind, limit=60)
    assert result["status"] in STATUSES
    assert result["chars"] >= 150_000
