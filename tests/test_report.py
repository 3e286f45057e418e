"""The review report (`cleaner.report`) parsed back with BeautifulSoup, plus `cleaner.explain`."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from hypothesis import given
from hypothesis import strategies as st

from cleaner import KINDS, Article, Removal, clean
from cleaner.explain import excerpt, explain, line_starts, position, replay
from cleaner.report import _JS, KIND_COLOURS, main, marked_source, render
from conftest import ROOT, seed_paths

DEV = ROOT / "benchmarks" / "dev"
DEV_PAGES = sorted(DEV.glob("*.txt"))[:4]

HOSTILE_LINES = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "Share this: <a href='javascript:alert(3)' onclick=\"alert(4)\">Facebook</a>",
    "</pre></section><script>document.title='pwned'</script>",
)


def _hostile() -> str:
    """A real seed article with markup injected as headline, noise lines and body text."""
    seed = seed_paths()[0].read_text(encoding="utf-8")
    lines = seed.split("\n")
    lines.insert(0, HOSTILE_LINES[0])
    lines.insert(3, HOSTILE_LINES[2])
    lines.insert(6, f"The suspect typed {HOSTILE_LINES[1]} into the form, investigators said on Monday.")
    lines.append(HOSTILE_LINES[3])
    return "\n".join(lines)


def _inputs() -> list[tuple[str, str]]:
    items = [(p.name, p.read_text(encoding="utf-8")) for p in seed_paths()]
    items += [(f"dev/{p.name}", p.read_text(encoding="utf-8")) for p in DEV_PAGES]
    seed = seed_paths()[1].read_text(encoding="utf-8")
    items.append(("crlf-and-nbsp.txt", seed.replace("\n", "\r\n").replace(" the ", "\u00a0the ", 3)))
    items.append(("too-short.txt", "Just a line.\nAnd another.\n"))
    items.append(('evil"><script>alert(5)</script>.txt', _hostile()))
    return items


@pytest.fixture(scope="module")
def cleaned() -> list[tuple[str, str, Article]]:
    return [(name, text, clean(text)) for name, text in _inputs()]


@pytest.fixture(scope="module")
def soup(cleaned: list[tuple[str, str, Article]]) -> BeautifulSoup:
    return BeautifulSoup(render(cleaned), "html.parser")


def _section(soup: BeautifulSoup, name: str) -> Tag:
    found = [s for s in soup.select("section.doc") if s.get("data-name") == name]
    assert len(found) == 1, name
    return found[0]


def _is_marker(node: object) -> bool:
    parent = getattr(node, "parent", None)
    return isinstance(parent, Tag) and "repair-mark" in (parent.get("class") or [])


def _original_text(pre: Tag) -> str:
    """The text of the original pane without the repair markers (which are not input text)."""
    return "".join(str(n) for n in pre.descendants if isinstance(n, str) and not _is_marker(n))


def test_inputs_exercise_removals_and_repairs(cleaned: list[tuple[str, str, Article]]) -> None:
    assert sum(len(a.removed) for _, _, a in cleaned) > 50
    assert any(a.repairs for _, _, a in cleaned)
    assert {a.status for _, _, a in cleaned} >= {"cleaned", "not_an_article"}


def test_every_removed_span_is_marked_in_place(soup: BeautifulSoup, cleaned: list[tuple[str, str, Article]]) -> None:
    for name, source, article in cleaned:
        section = _section(soup, name)
        spans = section.select("pre.source del.rm")
        assert len(spans) == len(article.removed), name
        for span, removal in zip(spans, sorted(article.removed, key=lambda r: r.start), strict=True):
            assert span.get_text() == source[removal.start : removal.end] == removal.text
            assert span["data-kind"] == removal.kind
            assert span["data-rule"] == removal.rule
            assert span["title"] == f"{removal.rule} {removal.name}"


def test_original_text_is_shown_whole(soup: BeautifulSoup, cleaned: list[tuple[str, str, Article]]) -> None:
    for name, source, article in cleaned:
        pre = _section(soup, name).select_one("pre.source")
        assert pre is not None
        assert _original_text(pre) == source, name
        assert len(pre.select("ins.repair-mark")) == len(article.repairs)


def test_cleaned_article_is_intact(soup: BeautifulSoup, cleaned: list[tuple[str, str, Article]]) -> None:
    for name, _, article in cleaned:
        section = _section(soup, name)
        paragraphs = [p.get_text() for p in section.select("article.clean .body p")]
        assert paragraphs == list(article.body), name
        headline = section.select_one("article.clean .headline")
        assert (headline.get_text() if headline else None) == article.headline
        dateline = section.select_one("article.clean .dateline")
        assert (dateline.get_text() if dateline else None) == article.dateline
        assert section["data-status"] == article.status


def test_hostile_input_is_escaped(soup: BeautifulSoup, cleaned: list[tuple[str, str, Article]]) -> None:
    scripts = soup.find_all("script")
    assert len(scripts) == 1
    assert scripts[0].string == _JS
    assert soup.find("img") is None
    assert soup.find("a") is None
    for tag in soup.find_all(True):
        assert not [a for a in tag.attrs if a.lower().startswith("on")], tag.name
    name, source, _ = cleaned[-1]
    section = _section(soup, name)
    assert section.h2 is not None and section.h2.get_text().startswith(name)
    pre = section.select_one("pre.source")
    assert pre is not None
    shown = pre.get_text()
    for line in HOSTILE_LINES:
        assert line in shown
    assert "<script>" in source


def test_counts_per_kind_equal_the_articles(soup: BeautifulSoup, cleaned: list[tuple[str, str, Article]]) -> None:
    total: Counter[str] = Counter()
    for name, _, article in cleaned:
        expected = Counter(r.kind for r in article.removed)
        total += expected
        section = _section(soup, name)
        table = {
            str(row["data-kind"]): int(row.select_one("td.n").get_text())  # type: ignore[union-attr]
            for row in section.select("table.kinds tr")
        }
        assert table == dict(expected), name
        count = section.select_one(".doc-count")
        assert count is not None and int(count.get_text()) == len(article.removed)
    legend = {str(c["data-kind"]): int(c.get_text()) for c in soup.select("ul.legend .kind-count")}
    assert {k: n for k, n in legend.items() if n} == dict(total)
    assert set(KINDS) <= set(legend)
    shown = soup.select_one("#shown-count")
    assert shown is not None and int(shown.get_text()) == sum(total.values())


def test_filters_list_every_kind_and_rule(soup: BeautifulSoup, cleaned: list[tuple[str, str, Article]]) -> None:
    kinds = {str(b["value"]) for b in soup.select("input.kind-filter")}
    rules = {str(o["value"]) for o in soup.select("#rule-filter option")} - {""}
    assert {r.kind for _, _, a in cleaned for r in a.removed} <= kinds
    assert rules == {r.rule for _, _, a in cleaned for r in a.removed}
    assert soup.select_one("input#search[type=search]") is not None


def test_page_is_self_contained(cleaned: list[tuple[str, str, Article]]) -> None:
    page = render(cleaned)
    soup = BeautifulSoup(page, "html.parser")
    assert soup.find("link") is None
    assert not soup.find_all(src=True)
    assert not soup.find_all(href=True)
    assert "http://" not in _JS and "https://" not in _JS
    assert "@import" not in page and "url(" not in page


def test_every_kind_has_its_own_colour() -> None:
    assert set(KINDS) <= set(KIND_COLOURS)
    colours = [KIND_COLOURS[k] for k in KINDS]
    assert len(set(colours)) == len(colours)


def test_unknown_kind_and_overlapping_spans_are_still_marked() -> None:
    source = "alpha beta gamma delta\n"
    article = Article(
        headline=None,
        dateline=None,
        body=("alpha",),
        removed=(
            Removal("ZZZ001", "made-up", 'odd"kind', 6, 16, source[6:16]),
            Removal("ZZZ002", "inner", "css", 11, 16, source[11:16]),
        ),
    )
    marked = BeautifulSoup(marked_source(source, article), "html.parser")
    spans = marked.select("del.rm")
    assert [s["data-rule"] for s in spans] == ["ZZZ001", "ZZZ002"]
    assert spans[0]["data-kind"] == 'odd"kind'
    assert marked.get_text() == source


@given(st.text(max_size=400))
def test_render_escapes_any_text(text: str) -> None:
    soup = BeautifulSoup(render([("doc.txt", text, clean(text))]), "html.parser")
    assert len(soup.find_all("script")) == 1
    pre = soup.select_one("pre.source")
    assert pre is not None
    assert _original_text(pre) == text


# --- explain / replay ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [*seed_paths(), *DEV_PAGES], ids=lambda p: p.name)
def test_replay_rebuilds_the_article_text(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    article = clean(source)
    assert replay(source, article) == article.text


def test_replay_of_not_an_article_is_the_text() -> None:
    source = "Only a line.\r\nAnd\u00a0another.\n"
    article = clean(source)
    assert article.status == "not_an_article"
    assert replay(source, article) == article.text == "Only a line.\n\nAnd another.\n"


def test_explain_lines_point_at_the_removed_text() -> None:
    source = seed_paths()[0].read_text(encoding="utf-8")
    article = clean(source)
    out = explain(article, source).splitlines()
    assert len(out) == len(article.removed) + len(article.repairs)
    assert out[0].startswith('1:1 DAT001 page_date "')
    starts = line_starts(source)
    removals = sorted(article.removed, key=lambda r: r.start)
    for line, removal in zip([o for o in out if " -> " not in o], removals, strict=True):
        loc, code, kind, quoted = line.split(" ", 3)
        row, col = (int(x) for x in loc.split(":"))
        assert starts[row - 1] + col - 1 == removal.start
        assert (code, kind) == (removal.rule, removal.kind)
        assert quoted == excerpt(removal.text)


def test_explain_without_source_uses_offsets() -> None:
    source = seed_paths()[1].read_text(encoding="utf-8")
    article = clean(source)
    out = explain(article).splitlines()
    assert all(line.startswith("@") for line in out)
    assert any(' GLU001 glued-sentences "" -> ' in line for line in out)
    assert explain(clean("Just a line.\n")) == ""


def test_position_and_excerpt() -> None:
    starts = line_starts("ab\r\ncd\ref\ngh")
    assert [position(starts, o) for o in (0, 4, 7, 10, 11)] == [(1, 1), (2, 1), (3, 1), (4, 1), (4, 2)]
    assert excerpt('say "hi"\nthere') == '"say \\"hi\\"\\nthere"'
    long = excerpt("word " * 40, limit=20)
    assert long.endswith('…"') and len(long) <= 22


# --- command line -----------------------------------------------------------------------------------


def test_main_writes_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out" / "report.html"
    assert main([str(ROOT / "seeds"), "-o", str(out)]) == 0
    soup = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    assert len(soup.select("section.doc")) == len(seed_paths())
    assert "Wrote" in capsys.readouterr().out
    assert [p.name for p in out.parent.iterdir()] == ["report.html"]


def test_main_select_limits_the_rules(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert main([str(seed_paths()[0]), "-o", str(out), "--select", "CSS"]) == 0
    soup = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    codes = {str(s["data-rule"]) for s in soup.select("del.rm")}
    assert codes and all(c.startswith("CSS") or c.startswith("HDL") or c.startswith("BRC") for c in codes)


def test_main_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.html"
    assert main([str(tmp_path / "missing"), "-o", str(out)]) == 2
    assert not out.exists()
    assert main(["--no-such-option"]) == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main([str(empty), "-o", str(out)]) == 2
    (empty / "binary.txt").write_bytes(b"\x00\x01\x02")
    (empty / "ok.txt").write_text(seed_paths()[0].read_text(encoding="utf-8"), encoding="utf-8")
    assert main([str(empty), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "binary.txt" in err and "no such file" in err
    soup = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    assert [s["data-name"] for s in soup.select("section.doc")] == [str(empty / "ok.txt")]
