"""The generated rule docs (docs/rules.md, docs/rules/*.md) match the registry: the drift guard.

If this fails, run `python scripts/gen_rule_docs.py` and commit the result.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

import cleaner
from conftest import ROOT


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_rule_docs", ROOT / "scripts" / "gen_rule_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_rule_docs", module)
    spec.loader.exec_module(module)
    return module


gen = _load_generator()


def test_rule_docs_are_up_to_date() -> None:
    stale = [str(p.relative_to(ROOT)) for p in gen.stale_files()]
    assert not stale, f"stale rule docs {stale}; run `python scripts/gen_rule_docs.py` and commit"


def test_check_mode_passes_on_the_committed_docs(capsys: pytest.CaptureFixture[str]) -> None:
    assert gen.main(["--check"]) == 0
    assert capsys.readouterr().err == ""


def test_rendering_is_deterministic() -> None:
    assert gen.expected_files() == gen.expected_files()


def test_every_rule_has_a_page_and_a_row() -> None:
    files = gen.expected_files()
    index = files[ROOT / "docs" / "rules.md"]
    for info in cleaner.RULES:
        page = files[ROOT / "docs" / "rules" / f"{info.code}-{info.name}.md"]
        assert info.summary in page
        assert "## What it removes" in page and "## Why is it noise?" in page
        assert "## Example" in page and "## Kept" in page
        assert all(example.rstrip("\n") in page for example in (*info.noise, *info.keep))
        assert f"[{info.code}](rules/{info.code}-{info.name}.md)" in index


def test_check_mode_names_stale_and_orphan_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(gen, "ROOT", tmp_path)
    monkeypatch.setattr(gen, "DOCS", tmp_path / "docs")
    monkeypatch.setattr(gen, "RULE_DIR", tmp_path / "docs" / "rules")
    assert gen.main(["--check"]) == 1  # nothing written yet: every file is missing
    assert gen.main([]) == 0
    assert gen.main(["--check"]) == 0
    first = cleaner.RULES[0]
    page = tmp_path / "docs" / "rules" / f"{first.code}-{first.name}.md"
    page.write_text(page.read_text(encoding="utf-8") + "hand edit\n", encoding="utf-8")
    orphan = tmp_path / "docs" / "rules" / "ZZZ999-gone.md"
    orphan.write_text("old\n", encoding="utf-8")
    capsys.readouterr()
    assert gen.main(["--check"]) == 1
    err = capsys.readouterr().err
    assert page.name in err and orphan.name in err
    assert gen.main([]) == 0
    assert not orphan.exists()
    assert gen.main(["--check"]) == 0
