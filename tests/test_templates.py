from __future__ import annotations

import importlib.util
import json
import pickle
import struct
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cleaner
from cleaner.templates import (
    FORMAT_VERSION,
    TemplateCounter,
    TemplateIndex,
    fingerprint,
    looks_like_prose,
    normalize_line,
    site_from_url,
    site_key,
)
from conftest import FIXTURES, ROOT

SITES = FIXTURES / "sites"

# -- the generated site corpus --------------------------------------------------------------


@cache
def corpus() -> tuple[tuple[str, str, str, dict[str, Any]], ...]:
    """(site, page name, text, truth) for every fixture page."""
    out = []
    for site_dir in sorted(p for p in SITES.iterdir() if p.is_dir()):
        truth = json.loads((site_dir / "truth.json").read_text(encoding="utf-8"))
        for name, t in sorted(truth.items()):
            out.append((site_dir.name, name, (site_dir / name).read_text(encoding="utf-8"), t))
    return tuple(out)


@cache
def corpus_index() -> TemplateIndex:
    return TemplateIndex.learn((site, text) for site, _, text, _ in corpus())


def test_fixture_corpus_shape() -> None:
    pages = corpus()
    per_site: dict[str, int] = {}
    for site, *_ in pages:
        per_site[site] = per_site.get(site, 0) + 1
    assert len(per_site) == 3
    assert min(per_site.values()) >= 20
    body_lines = [line for *_, t in pages for line in [t["headline"], *t["body"]]]
    assert len(body_lines) == len(set(body_lines)), "a body line repeats across pages"


def test_fixture_files_match_generator() -> None:
    spec = importlib.util.spec_from_file_location("make_site_fixtures", ROOT / "scripts" / "make_site_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    assert module.main(["--check"]) == 0


def test_learned_templates_remove_every_chrome_line_and_no_body_line() -> None:
    index = corpus_index()
    for site, name, text, truth in corpus():
        article = cleaner.clean(text, config=cleaner.Config(templates=index, site=site))
        kept = set(article.text.splitlines())
        removed = {r.text.strip() for r in article.removed}
        for line in truth["chrome"]:
            assert line.strip() not in kept, f"{site}/{name}: chrome line kept: {line!r}"
            assert line.strip() in removed, f"{site}/{name}: chrome line not accounted for: {line!r}"
        assert article.headline == truth["headline"], f"{site}/{name}"
        for line in truth["body"]:
            assert line in kept, f"{site}/{name}: body line lost: {line[:60]!r}"
        assert article.status == "cleaned"


def test_templates_are_what_removes_the_chrome() -> None:
    """Chrome that single-page rules leave in is removed by TPL001.

    The main-content rules (CTX) are switched off on both sides, as the HTML path does: with
    them on, the synthetic pages' chrome sits outside the main run and goes anyway, which would
    make this test say nothing about the index.
    """
    index = corpus_index()
    survived = tpl = 0
    for site, _, text, truth in corpus():
        plain = set(cleaner.clean(text, config=cleaner.Config(ignore=("CTX",))).text.splitlines())
        survived += sum(line.strip() in plain for line in truth["chrome"])
        article = cleaner.clean(text, config=cleaner.Config(templates=index, site=site, ignore=("CTX",)))
        tpl += sum(r.rule == "TPL001" and r.kind == "site_template" for r in article.removed)
    assert survived > 50
    assert tpl >= survived


def test_index_of_one_site_does_not_apply_to_another() -> None:
    index = corpus_index()
    sites = sorted({site for site, *_ in corpus()})
    for site, _, text, truth in corpus()[::4]:
        other = next(s for s in sites if s != site)
        article = cleaner.clean(text, config=cleaner.Config(templates=index, site=other))
        assert not any(r.rule == "TPL001" for r in article.removed)
        assert not cleaner.clean(text, config=cleaner.Config(templates=index, site=None)).removed_kinds.count(
            "site_template"
        )
        assert truth["chrome"]


def test_stats_report_the_sites() -> None:
    stats = corpus_index().stats()
    assert stats["sites"] == 3
    assert stats["documents"] == len(corpus())
    assert stats["version"] == FORMAT_VERSION
    for row in stats["per_site"].values():
        assert row["mode"] == "exact"
        assert 5 <= row["template_fingerprints"] < row["fingerprints"]


# -- normalisation and the prose guard ------------------------------------------------------


def test_normalize_line() -> None:
    assert normalize_line("  Copyright\t2024   ACME  ") == "copyright 0000 acme"
    assert normalize_line("Cafe\u0301 MENU") == normalize_line("Café menu")
    assert fingerprint("© 2023 Example") == fingerprint("©  2019 EXAMPLE")
    assert fingerprint("Sign in") != fingerprint("Sign up")
    assert 0 <= fingerprint("x") < 2**64


def test_prose_guard() -> None:
    long_sentence = " ".join(["word"] * 30) + "."
    assert looks_like_prose(long_sentence)
    assert not looks_like_prose(" ".join(["word"] * 30))  # a long menu row has no sentence ending
    assert not looks_like_prose("Subscribe to our newsletter.")


def test_repeated_prose_is_never_a_template() -> None:
    prose = (
        "The council said on Monday that it would review the plan again next year, after residents and "
        "shop owners complained that the works had taken far longer than anyone had been told."
    )
    docs = [("s", f"Menu bar\n\nStory number {i} is short.\n\n{prose}\n") for i in range(6)]
    index = TemplateIndex.learn(docs)
    assert index.count(prose, "s") == 6
    assert not index.is_template(prose, "s")
    assert index.is_template("Menu bar", "s")
    assert index.is_template("Story number 7 is short.", "s")  # digits normalised


def test_each_line_counts_once_per_document() -> None:
    index = TemplateIndex.learn([("s", "Follow us\n" * 10)] * 4, min_docs=5)
    assert index.count("Follow us", "s") == 4
    assert not index.is_template("Follow us", "s")
    assert TemplateIndex.learn([("s", "Follow us\n")] * 5, min_docs=5).is_template("follow  US", "s")


def test_site_names() -> None:
    assert site_key(" WWW.Example.org ") == "example.org"
    assert site_key("") is None
    assert site_from_url("https://www.example.org:8080/a/b?c") == "example.org"
    assert site_from_url("example.org/path") == "example.org"
    assert site_from_url(None) is None
    index = TemplateIndex.learn([("www.example.org", "Top menu\n")] * 5)
    assert index.is_template("Top menu", "EXAMPLE.org")


# -- order independence, merging, bounded memory --------------------------------------------

LINES = (
    "Home | News | Sport",
    "Share this:",
    "Sign up for our newsletter",
    "© 2024 Example Media",
    "Advertisement",
    "The mayor opened the new bridge on Monday.",
    "Residents said the works had taken too long.",
    "Read more",
)

docs_strategy = st.lists(
    st.tuples(
        st.sampled_from(["a.example", "b.example", None]),
        st.lists(st.sampled_from(LINES), min_size=1, max_size=6).map(lambda ls: "\n".join(ls) + "\n"),
    ),
    min_size=1,
    max_size=10,
)

SMALL = {"min_docs": 2, "max_lines": 3, "sketch_width": 64, "sketch_depth": 3}


@given(st.data())
def test_learning_is_order_independent(data: st.DataObject) -> None:
    docs = data.draw(docs_strategy)
    shuffled = data.draw(st.permutations(docs))
    for params in ({"min_docs": 2}, SMALL):
        a = TemplateIndex.learn(docs, **params)
        b = TemplateIndex.learn(shuffled, **params)
        assert a == b
        assert a.to_bytes() == b.to_bytes()


@given(st.data())
def test_merge_equals_learning_everything(data: st.DataObject) -> None:
    docs = data.draw(docs_strategy)
    cut = data.draw(st.integers(0, len(docs)))
    for params in ({"min_docs": 2}, SMALL):
        whole = TemplateIndex.learn(docs, **params)
        left = TemplateIndex.learn(docs[:cut], **params)
        right = TemplateIndex.learn(docs[cut:], **params)
        assert left.merge(right) == whole
        assert right.merge(left).to_bytes() == whole.to_bytes()


@given(docs_strategy)
def test_sketch_never_undercounts(docs: list[tuple[str | None, str]]) -> None:
    exact = TemplateIndex.learn(docs, min_docs=2)
    sketched = TemplateIndex.learn(docs, **SMALL)  # type: ignore[arg-type]
    for site in exact.sites:
        for line in LINES:
            assert sketched.count(line, site) >= exact.count(line, site)


def test_sites_past_the_cap_are_sketched_and_still_answer() -> None:
    docs = [
        ("big", f"Top menu\nFooter line\nUnique body line number {chr(65 + i)}{chr(97 + i)} here.\n") for i in range(8)
    ]
    index = TemplateIndex.learn(docs, min_docs=5, max_lines=4, sketch_width=1024, sketch_depth=4)
    row = index.stats()["per_site"]["big"]
    assert row["mode"] == "sketch"
    assert row["sketch_load"] > 0
    assert index.is_template("Top menu", "big")
    assert index.is_template("Footer line", "big")
    assert not index.is_template("Unique body line number Aa here.", "big")


def test_merge_rejects_different_parameters() -> None:
    a = TemplateIndex.learn([("s", "x\n")], min_docs=3)
    b = TemplateIndex.learn([("s", "x\n")], min_docs=4)
    with pytest.raises(ValueError, match="different parameters"):
        a.merge(b)


def test_counter_snapshot_is_not_changed_by_later_adds() -> None:
    counter = TemplateCounter(min_docs=1, max_lines=1, sketch_width=16, sketch_depth=2)
    counter.add("s", "one\ntwo\n")
    snapshot = counter.freeze()
    before = snapshot.to_bytes()
    counter.add("s", "one\nthree\n")
    assert snapshot.to_bytes() == before
    with pytest.raises(TypeError, match="str"):
        counter.add("s", b"bytes")  # type: ignore[arg-type]


# -- files and pickling ---------------------------------------------------------------------


def test_save_load_round_trip(tmp_path: Path) -> None:
    index = corpus_index()
    path = tmp_path / "templates.bin"
    index.save(path)
    loaded = TemplateIndex.load(path)
    assert loaded == index
    assert loaded.stats() == index.stats()
    assert path.stat().st_size < 20_000
    sketched = TemplateIndex.learn([("s", "a\nb\nc\n")] * 3, **SMALL)  # type: ignore[arg-type]
    sketched.save(path)
    assert TemplateIndex.load(path) == sketched


def test_load_rejects_bad_files(tmp_path: Path) -> None:
    good = corpus_index().to_bytes()
    path = tmp_path / "t.bin"
    cases = {
        b"{}": "is not a cleaner template index",
        good[:20]: "truncated",
        good[:-1] + bytes([good[-1] ^ 1]): "checksum",
        good[:12] + struct.pack("<H", 99) + good[14:]: "format version 99",
    }
    for data, message in cases.items():
        path.write_bytes(data)
        with pytest.raises(ValueError, match=message):
            TemplateIndex.load(path)
    with pytest.raises(FileNotFoundError, match="does not exist"):
        TemplateIndex.load(tmp_path / "missing.bin")


def test_index_is_immutable_and_picklable() -> None:
    index = corpus_index()
    with pytest.raises(AttributeError, match="immutable"):
        index._min_docs = 1  # type: ignore[misc]
    with pytest.raises(TypeError, match="learn"):
        TemplateIndex()
    assert pickle.loads(pickle.dumps(index)) == index
    assert hash(index) == hash(pickle.loads(pickle.dumps(index)))
    assert TemplateIndex.empty().stats()["documents"] == 0
