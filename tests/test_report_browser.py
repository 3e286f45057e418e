"""The review report in a real headless Chromium: the filters change what the page counts.

Needs Debian's `chromium` (``apt-get install -y chromium``; `.ci/run` installs it) and Playwright
for Python (in the `dev` extra). Playwright's own browser download is never used.
"""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cleaner import RULES, clean
from cleaner.report import render
from conftest import seed_paths

CHROMIUM = "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else shutil.which("chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

if CHROMIUM is None:
    pytest.skip("chromium is not installed (apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")


@pytest.fixture(scope="module")
def items() -> list[tuple[str, str, Any]]:
    out = []
    for path in seed_paths():
        text = path.read_text(encoding="utf-8")
        out.append((path.name, text, clean(text)))
    return out


@pytest.fixture(scope="module")
def page(items: list[tuple[str, str, Any]], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    report = tmp_path_factory.mktemp("report") / "report.html"
    report.write_text(render(items), encoding="utf-8")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            pg = browser.new_page(viewport={"width": 1400, "height": 1000})
            requests: list[str] = []
            pg.on("request", lambda r: requests.append(r.url))
            pg.goto(report.as_uri())
            pg.wait_for_load_state("load")
            assert [u for u in requests if not u.startswith("file://")] == []
            yield pg
        finally:
            browser.close()


def _int(page: Any, selector: str) -> int:
    return int(page.inner_text(selector))


def _active(page: Any) -> int:
    """Removed spans still struck through, in documents that are shown (read from the DOM)."""
    n: int = page.evaluate("document.querySelectorAll('section.doc:not(.hidden) del.rm:not(.off)').length")
    return n


def test_kind_filter_changes_the_visible_counts(page: Any, items: list[tuple[str, str, Any]], tmp_path: Path) -> None:
    kinds = Counter(r.kind for _, _, a in items for r in a.removed)
    total = sum(kinds.values())
    assert kinds["css"] > 0
    assert _int(page, "#shown-count") == total == _active(page)
    assert _int(page, "ul.legend .kind-count[data-kind=css]") == kinds["css"]
    first_css = page.locator("del.rm[data-kind=css]").first
    assert first_css.evaluate("e => getComputedStyle(e).textDecorationLine") == "line-through"

    page.uncheck("input.kind-filter[value=css]")
    assert _int(page, "#shown-count") == total - kinds["css"] == _active(page)
    assert _int(page, "ul.legend .kind-count[data-kind=css]") == 0
    assert first_css.evaluate("e => getComputedStyle(e).textDecorationLine") == "none"
    first_doc = items[0][2]
    expected_first = sum(1 for r in first_doc.removed if r.kind != "css")
    assert _int(page, "#doc-1 .doc-count") == expected_first

    # show where the (now unmarked) css lines sit in the original text, next to the marked noise
    first_css.evaluate("e => e.scrollIntoView({block: 'center'})")
    page.evaluate("window.scrollBy(0, -250)")
    shot = tmp_path / "report-css-filtered.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")

    page.click("#no-kinds")
    assert _int(page, "#shown-count") == 0 == _active(page)
    page.click("#all-kinds")
    assert _int(page, "#shown-count") == total


def _rare_word(items: list[tuple[str, str, Any]]) -> str:
    """A word of the first document's body that some other document lacks (and no rule doc has)."""
    docs = "\n".join(r.doc + r.summary for r in RULES).lower()
    for word in items[0][2].body[0].lower().split():
        rare = any(word not in text.lower() for _, text, _ in items[1:])
        if len(word) > 5 and word.isalpha() and word not in docs and rare:
            return word
    raise AssertionError("the seeds have no distinguishing word")


def test_rule_filter_and_search(page: Any, items: list[tuple[str, str, Any]]) -> None:
    rules = Counter(r.rule for _, _, a in items for r in a.removed)
    code, n = rules.most_common(1)[0]
    page.select_option("#rule-filter", code)
    assert _int(page, "#shown-count") == n == _active(page)
    page.select_option("#rule-filter", "")

    query = _rare_word(items)
    matching = [(name, a) for name, text, a in items if query in text.lower()]
    assert 0 < len(matching) < len(items)
    page.fill("#search", query)
    assert _int(page, "#docs-shown") == len(matching)
    assert page.locator("section.doc:not(.hidden)").count() == len(matching)
    assert _int(page, "#shown-count") == sum(len(a.removed) for _, a in matching) == _active(page)
    page.fill("#search", "")
    assert _int(page, "#docs-shown") == len(items)


def test_hide_removed_text(page: Any) -> None:
    span = page.locator("del.rm").first
    assert span.is_visible()
    page.check("#hide-removed")
    assert not span.is_visible()
    page.uncheck("#hide-removed")
    assert span.is_visible()
