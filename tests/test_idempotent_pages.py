"""Cleaning is a fixed point on every benchmark page: `clean(clean(x).text).text == clean(x).text`.

The pre-commit hook relies on it (a file it wrote must not be rewritten on the next commit),
and `clean()` now returns after one pass when that pass changed nothing, so the property is
checked here on real crawled pages, every page of dev, dev2 and dev3, not only on the seeds
(`test_properties.py`). A page whose output still changed after `MAX_PASSES` is flagged
`confident=False` by `clean()` and is allowed here only with that flag.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from conftest import ROOT

PAGES = sorted(p for d in ("dev", "dev2", "dev3") for p in (ROOT / "benchmarks" / d).glob("*.txt"))


@pytest.mark.skipif(not PAGES, reason="the benchmark pages are not in this checkout")
@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_cleaning_is_a_fixed_point(path: Path) -> None:
    first = cleaner.clean(path.read_text(encoding="utf-8", errors="replace"))
    again = cleaner.clean(first.text)
    if again.text != first.text:
        assert not first.confident, "the output changes when cleaned again, and clean() did not flag it"


def test_a_fixed_point_is_returned_after_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaner import pipeline

    text = cleaner.clean(sorted((ROOT / "seeds").glob("*.txt"))[0].read_text(encoding="utf-8")).text
    calls: list[str] = []
    real = pipeline._clean_once

    def counting(*args: object, **kwargs: object) -> object:
        calls.append("pass")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "_clean_once", counting)
    assert cleaner.clean(text).text == text
    assert len(calls) == 1
