from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

import cleaner
from conftest import ROOT
from corpus_records import records, write_shards

pytest.importorskip("dask.bag")


def example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dask_example", ROOT / "examples" / "dask_example.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dask_bag_equals_clean_record_in_one_process() -> None:
    recs = records()
    out = example().clean_records(recs, partitions=4, workers=2)
    expected = [cleaner.clean_record(rec) for rec in recs]
    assert {r["id"]: r for r in out} == {r["id"]: r for r in expected}
    assert sum(r["cleaner_status"] == "cleaned" for r in out) >= 200


def test_dask_example_files(tmp_path: Path) -> None:
    recs = records()[::10]
    write_shards(recs, tmp_path / "in", shards=2)
    assert example().main([str(tmp_path / "in" / "*.jsonl"), str(tmp_path / "out"), "--workers", "2"]) == 0
    rows = [json.loads(line) for p in sorted((tmp_path / "out").glob("*.jsonl")) for line in p.read_text().splitlines()]
    assert {r["id"]: r for r in rows} == {r["id"]: cleaner.clean_record(r) for r in recs}
