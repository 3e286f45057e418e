from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import cleaner
from cleaner.templates import TemplateIndex, site_from_url, site_key
from conftest import ROOT
from corpus_records import records, write_shards

pytest.importorskip("datatrove")
pytest.importorskip("orjson")

from datatrove.data import Document

from cleaner.integrations.datatrove import (
    ArticleCleaner,
    TemplateCounterStep,
    document_site,
    load_template_shards,
)

ADDED = ("headline", "dateline", "date", "removed_kinds", "cleaner_status")


def example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("datatrove_pipeline", ROOT / "examples" / "datatrove_pipeline.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_output(folder: Path) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            assert row["id"] not in out, f"document {row['id']} written twice"
            out[row["id"]] = row
    return out


def step_stats(logging_dir: Path, step_name: str) -> dict[str, Any]:
    stats = json.loads((logging_dir / "stats.json").read_text(encoding="utf-8"))
    for step in stats:
        if step["name"].endswith(step_name):
            return {k: v["total"] if isinstance(v, dict) else v for k, v in step["stats"].items()}
    raise AssertionError(f"no {step_name} step in {[s['name'] for s in stats]}")


def record_site(rec: dict[str, Any]) -> str | None:
    return site_key(rec["site"]) if "site" in rec else site_from_url(rec.get("url"))


def assert_same(row: dict[str, Any], expected: dict[str, Any]) -> None:
    assert row["text"] == expected["text"], row["id"]
    for key in ADDED:
        assert row["metadata"][key] == expected[key], (row["id"], key)
    for key, value in expected.items():
        if key not in ("id", "text", *ADDED):
            assert row["metadata"][key] == value, (row["id"], key)


def test_pipeline_output_equals_clean_record(tmp_path: Path) -> None:
    recs = records()
    assert len(recs) >= 300
    write_shards(recs, tmp_path / "in", shards=4)
    executor = example().build_executor(tmp_path / "in", tmp_path / "out", logging_dir=tmp_path / "logs", tasks=2)
    executor.run()

    rows = read_output(tmp_path / "out" / "articles")
    expected = {rec["id"]: cleaner.clean_record(rec) for rec in recs}
    assert rows.keys() == expected.keys()
    for doc_id, exp in expected.items():
        assert_same(rows[doc_id], exp)

    stats = step_stats(tmp_path / "logs" / "clean", "Article cleaner")
    statuses = Counter(exp["cleaner_status"] for exp in expected.values())
    assert statuses["not_an_article"] >= 20 and statuses["cleaned"] >= 200
    assert stats["total"] == stats["forwarded"] == len(recs)
    for status, n in statuses.items():
        assert stats[status] == n
    chars: Counter[str] = Counter()
    for rec in recs:
        article = cleaner.clean(rec["text"])
        if article.status != "not_an_article":
            for r in article.removed:
                chars[r.kind] += r.end - r.start
    for kind, n in chars.items():
        assert stats[f"removed_chars_{kind}"] == n, kind
    assert stats["removed_chars"] == sum(chars.values())
    assert len(list((tmp_path / "logs" / "clean" / "completions").iterdir())) == 2


def test_two_stage_site_templates(tmp_path: Path) -> None:
    recs = records()
    write_shards(recs, tmp_path / "in", shards=3)
    executor = example().build_executor(
        tmp_path / "in",
        tmp_path / "out",
        logging_dir=tmp_path / "logs",
        tasks=3,
        workers=2,
        site_templates=True,
        drop_non_articles=True,
        start_method="fork",  # the other test covers the default forkserver; fork starts 3x faster
    )
    executor.run()

    shards = sorted((tmp_path / "out" / "templates").glob("*.tpl"))
    assert len(shards) == 3
    merged = load_template_shards(tmp_path / "out" / "templates")
    single = TemplateIndex.learn((record_site(rec), rec["text"]) for rec in recs)
    assert merged == single  # sharded counting gives the single-process index

    rows = read_output(tmp_path / "out" / "articles")
    expected = {}
    for rec in recs:
        out = cleaner.clean_record(rec, config=cleaner.Config(templates=single, site=record_site(rec)))
        if out["cleaner_status"] != "not_an_article":
            expected[rec["id"]] = out
    assert rows.keys() == expected.keys()
    for doc_id, exp in expected.items():
        assert_same(rows[doc_id], exp)
    with_templates = sum("site_template" in row["metadata"]["removed_kinds"] for row in rows.values())
    assert with_templates >= 150

    stats = step_stats(tmp_path / "logs" / "clean", "Article cleaner")
    dropped = len(recs) - len(expected)
    assert stats["dropped"] == stats["dropped_not_an_article"] == stats["not_an_article"] == dropped > 0
    assert stats["forwarded"] == len(expected)
    assert step_stats(tmp_path / "logs" / "templates", "Site templates")["total"] == len(recs)


def test_steps_in_process() -> None:
    recs = records()[:12]
    docs = [Document(text=r["text"], id=r["id"], metadata={"url": r["url"]}) for r in recs]
    counter = TemplateCounterStep("memory://tpl-test")
    passed = list(counter.run(iter(docs), rank=0))
    assert passed == docs
    index = load_template_shards("memory://tpl-test")
    assert index.stats()["documents"] == 12
    step = ArticleCleaner(templates=index, drop_non_articles=True)
    out = list(step.run(iter(docs)))
    assert {d.metadata["cleaner_status"] for d in out} <= {"cleaned", "unchanged"}
    assert all("headline" in d.metadata for d in out)
    assert step.config_for(out[0]).site == site_from_url(recs[0]["url"])


def test_document_site() -> None:
    doc = Document(text="x", id="1", metadata={"site": "WWW.A.example", "url": "https://b.example/x"})
    assert document_site(doc) == "a.example"
    assert document_site(doc, site_field=None) == "b.example"
    assert document_site(Document(text="x", id="2")) is None


def test_errors_are_clear(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="run the TemplateCounterStep stage"):
        load_template_shards(tmp_path)
    index = TemplateIndex.empty()
    with pytest.raises(ValueError, match="not both"):
        ArticleCleaner(cleaner.Config(templates=index), templates=index)
    with pytest.raises(ValueError, match="power of two"):
        TemplateCounterStep(tmp_path, sketch_width=1000)


def test_importing_cleaner_does_not_import_datatrove() -> None:
    code = "import sys, cleaner, cleaner.integrations; assert 'datatrove' not in sys.modules, 'datatrove imported'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_missing_datatrove_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['datatrove'] = None\n"
        "try:\n    import cleaner.integrations.datatrove\n"
        "except ImportError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert "pip install 'cleaner[datatrove]'" in out
