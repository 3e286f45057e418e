"""`cleaner report` with hostile file names, and the report file's permissions."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from cleaner.report import display_name, main
from conftest import seed_paths

SRC = Path(__file__).resolve().parent.parent / "src"
PAGE = seed_paths()[0].read_bytes()


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(old)


def test_a_non_utf8_file_name_is_reported_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (Path(os.fsdecode(bytes(tmp_path / "docs"))) / os.fsdecode(b"caf\xe9.txt")).write_bytes(PAGE)
    out = tmp_path / "report.html"
    # a real process: stdout is strict UTF-8 there, so printing a lone surrogate would raise too
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run(
        [sys.executable, "-m", "cleaner", "report", "docs", "-o", str(out)],
        cwd=tmp_path,
        capture_output=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    soup = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    names = [s["data-name"] for s in soup.select("section.doc")]
    assert names == [str(Path("docs") / "caf\\xe9.txt")]


def test_bidi_overrides_in_file_names_are_shown_escaped(tmp_path: Path) -> None:
    name = "invoice\u202etxt.exe\u2066\u200f.txt"
    (tmp_path / name).write_bytes(PAGE)
    out = tmp_path / "report.html"
    assert main([str(tmp_path / name), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    for char in "\u202e\u2066\u200f":
        assert char not in page
    soup = BeautifulSoup(page, "html.parser")
    [section] = soup.select("section.doc")
    assert section["data-name"].endswith("invoice\\u202etxt.exe\\u2066\\u200f.txt")
    assert "invoice\\u202etxt.exe" in section.h2.get_text()


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("plain.txt", "plain.txt"),
        ("café.txt", "café.txt"),
        ("a\u202eb", "a\\u202eb"),
        ("tab\there\nnl", "tab\\u0009here\\u000anl"),
        (os.fsdecode(b"x\xff\xfey.txt"), "x\\xff\\xfey.txt"),
    ],
)
def test_display_name(name: str, shown: str) -> None:
    assert display_name(name) == shown


@pytest.mark.usefixtures("umask")
def test_the_report_file_honours_the_umask(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(PAGE)
    out = tmp_path / "report.html"
    assert main([str(tmp_path / "a.txt"), "-o", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640  # 0666 & ~0027, as open() would create it
