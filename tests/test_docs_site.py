"""The documentation site builds with `mkdocs build --strict`, and every rule has its page in it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import RULES
from conftest import ROOT

pytest.importorskip("mkdocs", reason="mkdocs is not installed (pip install -e '.[docs]')")
pytest.importorskip("material", reason="mkdocs-material is not installed (pip install -e '.[docs]')")
pytest.importorskip("mkdocstrings_handlers.python", reason="mkdocstrings[python] is not installed")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}"
    # mkdocs leaves nothing in the docs folder, but a stray cache would end up in the next build
    shutil.rmtree(ROOT / "docs" / "__pycache__", ignore_errors=True)
    return out


def test_every_nav_page_is_built(site: Path) -> None:
    for page in ("quickstart", "api", "cli", "pre-commit", "corpus", "distributed", "safety", "architecture"):
        assert (site / page / "index.html").is_file(), page
    for page in ("writing-a-rule", "rules", "benchmarks", "performance"):
        assert (site / page / "index.html").is_file(), page


def test_api_page_is_generated_from_docstrings(site: Path) -> None:
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    for name in ("clean", "Article", "Removal", "Repair", "Config", "explain", "replay", "render"):
        assert f'id="cleaner.{name}"' in api or f"cleaner.explain.{name}" in api or f"cleaner.report.{name}" in api
    assert "Pure: the same input and config always give the same" in api


def test_every_rule_has_a_page_in_the_nav(site: Path) -> None:
    index = (site / "index.html").read_text(encoding="utf-8")
    for rule in RULES:
        pages = list((site / "rules").glob(f"{rule.code}-*/index.html"))
        assert len(pages) == 1, rule.code
        assert f"rules/{pages[0].parent.name}/" in index, f"{rule.code} is not in the site navigation"


def test_benchmark_images_are_in_the_site(site: Path) -> None:
    page = (site / "benchmarks" / "index.html").read_text(encoding="utf-8")
    for image in ("quality_vs_speed.png", "removals_by_kind.png", "cost_per_mb.png"):
        assert (site / "img" / image).is_file()
        assert image in page
