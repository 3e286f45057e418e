"""atheris fuzz harness for `cleaner.clean()` (and `cleaner.html.clean_html()` when importable).

    pip install atheris
    python fuzz/fuzz_clean.py -max_total_time=600            # ten minutes
    python fuzz/fuzz_clean.py corpus/ -max_total_time=3600   # keep a growing corpus

Each input is decoded three ways (UTF-8 with replacement, UTF-8 with surrogateescape so that
lone surrogates reach `clean()`, and Latin-1) and cleaned; the harness asserts the safety
guarantees of the README: no exception, encodable NFC output, removal spans that point at
their text in the input. A crash or an assertion is reported by libFuzzer with the input
saved as crash-*; `-timeout=20` turns a hang into a reported crash too.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Callable
from typing import Any

import atheris

with atheris.instrument_imports():
    import cleaner

    clean_html: Callable[[str], Any] | None
    try:
        from cleaner.html import clean_html
    except ImportError:  # the HTML extra (trafilatura) is not installed
        clean_html = None


def _check(article: cleaner.Article, text: str) -> None:
    for part in (article.headline, article.dateline, *article.body):
        if part is None:
            continue
        part.encode("utf-8")
        assert unicodedata.is_normalized("NFC", part), repr(part[:80])
    article.text.encode("utf-8")
    for r in article.removed:
        assert 0 <= r.start <= r.end <= len(text), (r.start, r.end, len(text))


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 3)
    raw = fdp.ConsumeBytes(fdp.remaining_bytes())
    if mode == 0:
        text = raw.decode("utf-8", errors="replace")
    elif mode == 1:
        text = raw.decode("utf-8", errors="surrogateescape")
    elif mode == 2:
        text = raw.decode("latin-1")
    else:
        text = raw.decode("utf-16", errors="replace")
    article = cleaner.clean(text)
    _check(article, text)
    for r in article.removed:
        assert r.text == text[r.start : r.end]
    if clean_html is not None and mode == 0:
        html_article = clean_html(text)
        _check(html_article, html_article.text)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
