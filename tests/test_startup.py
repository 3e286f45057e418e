"""Start-up: what `import cleaner` and the command load before they need it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"


def _run(code: str, cache_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full = {
        **os.environ,
        "CLEANER_CACHE_DIR": str(cache_dir),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])),
        **env,
    }
    # run where no pyproject.toml is found above (reading one loads tomllib and datetime)
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=full, cwd=cache_dir.parent
    )


def _modules_after(code: str, cache_dir: Path) -> set[str]:
    out = _run(code + "\nimport sys; print(' '.join(sorted(sys.modules)))", cache_dir)
    return set(out.stdout.split())


def test_version_loads_neither_regex_nor_the_pipeline(tmp_path: Path) -> None:
    code = "from cleaner.cli import main; main(['--version'])"
    loaded = _modules_after(code, tmp_path / "cache")
    assert not loaded & {"regex", "cleaner.pipeline", "cleaner.patterns", "argparse", "dataclasses", "typing"}


def test_help_does_not_load_the_pipeline(tmp_path: Path) -> None:
    code = "from cleaner.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    loaded = _modules_after(code, tmp_path / "cache")
    assert "argparse" in loaded
    assert not loaded & {"regex", "cleaner.pipeline"}


def test_cleaning_one_file_loads_no_pool_json_or_html(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Headline\n\n" + "A sentence of the body that says enough words. " * 10 + "\n", encoding="utf-8")
    code = f"from cleaner.cli import main; main(['--check', '-q', {str(page)!r}])"
    _run(code, tmp_path / "cache")  # the first run fills the pattern cache (and imports pickle to save it)
    loaded = _modules_after(code, tmp_path / "cache")
    assert "cleaner.pipeline" in loaded
    assert not loaded & {"multiprocessing", "json", "tempfile", "gzip", "difflib", "shutil", "pickle", "datetime"}
    assert not loaded & {"charset_normalizer", "trafilatura", "lxml", "numpy"}


def test_bare_import_cleaner_still_reaches_the_api_and_submodules(tmp_path: Path) -> None:
    code = (
        "import cleaner\n"
        "assert 'cleaner.pipeline' not in __import__('sys').modules\n"
        "assert cleaner.clean('x').status == 'not_an_article'\n"
        "assert cleaner.pipeline.clean is cleaner.clean and cleaner.by_code('CSS001').code == 'CSS001'\n"
        "assert set(cleaner.__all__) <= set(dir(cleaner))\n"
        "try:\n    cleaner.nothing_here\nexcept AttributeError:\n    pass\nelse:\n    raise AssertionError\n"
    )
    _run(code, tmp_path / "cache")


@pytest.mark.parametrize("columns", [None, "50", "200", "0", "abc"])
def test_help_width_is_what_argparse_would_use(monkeypatch: pytest.MonkeyPatch, columns: str | None) -> None:
    import shutil

    from cleaner.cli import _help_width

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert _help_width() == shutil.get_terminal_size().columns - 2


def test_main_called_in_process_leaves_the_collector_alone(tmp_path: Path) -> None:
    import gc

    from cleaner.cli import main

    page = tmp_path / "page.txt"
    page.write_text("Headline\n\n" + "A sentence of the body that says enough words. " * 10 + "\n", encoding="utf-8")
    frozen = gc.get_freeze_count()
    main(["--check", "-q", str(page)])
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_the_command_freezes_start_up_objects_and_collects_afterwards(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Headline\n\n" + "A sentence of the body that says enough words. " * 10 + "\n", encoding="utf-8")
    code = (
        "import gc, sys\n"
        "from cleaner.cli import main\n"
        f"sys.argv = ['cleaner', '--check', '-q', {str(page)!r}]\n"
        "main()\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 10_000)\n"
    )
    assert _run(code, tmp_path / "cache").stdout.split() == ["True", "True"]
