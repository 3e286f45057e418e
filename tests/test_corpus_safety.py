"""JSONL corpus mode on hostile corpora: one bad record never stops a run, a corrupt stream is a clear error."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import seed_paths

SRC = Path(__file__).resolve().parent.parent / "src"

#: Enough to be an article, too little to be sure of (as in test_confidence): status "unsure".
UNSURE = (
    "Harbour budget approved\n\n"
    "Menu\nSearch\n\n"
    "The council approved the harbour budget after a short debate on Tuesday evening in the town hall.\n\n"
    "Work on the quays starts in May, officials said.\n\n"
    "Share this:\n"
)


def _cleaner(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])),
        "CLEANER_CACHE_DIR": "",
    }
    return subprocess.run(
        [sys.executable, "-m", "cleaner", *args],
        cwd=cwd,
        input=None if stdin is None else stdin.decode("latin-1"),
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def _corpus() -> list[bytes]:
    """Raw JSONL lines: good records around hostile ones (escapes written by hand, as a crawler would)."""
    text = json.dumps(seed_paths()[0].read_text(encoding="utf-8"))
    return [
        f'{{"id": 1, "text": {text}}}\n'.encode(),
        f'{{"id": 2, "title": "\\ud800", "text": {text}}}\n'.encode(),  # lone surrogate in another field
        b'{"id": 3, "text": "Headline\\n\\nBroken \\udfff escape in a short page."}\n',  # kept: not an article
        f'{{"id": 4, "score": NaN, "text": {text}}}\n'.encode(),  # not JSON: NaN
        f'{{"id": 5, "big": 1e400, "text": {text}}}\n'.encode(),  # JSON, but a float would turn it into Infinity
        f'{{"id": 6, "text": {json.dumps(UNSURE)}}}\n'.encode(),
        f'{{"id": 7, "text": {text}}}\n'.encode(),
    ]


def _strict(line: str) -> object:
    def refuse(name: str) -> None:
        raise ValueError(name)

    return json.loads(line, parse_constant=refuse)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_lone_surrogate_or_nan_record_does_not_abort_the_run(tmp_path: Path, jobs: str) -> None:
    lines = _corpus()
    (tmp_path / "in.jsonl").write_bytes(b"".join(lines))
    done = _cleaner("--jsonl", "in.jsonl", "-o", "out.jsonl", "-j", jobs, cwd=tmp_path)
    assert "Traceback" not in done.stderr
    assert done.returncode == 2, done.stderr  # some records could not be cleaned: an input error
    out = (tmp_path / "out.jsonl").read_bytes().splitlines(keepends=True)
    assert len(out) == len(lines)
    assert "in.jsonl:2: holds a lone surrogate" in done.stderr
    assert "in.jsonl:3: holds a lone surrogate" in done.stderr
    assert "in.jsonl:4: is not valid JSON (NaN" in done.stderr
    assert "in.jsonl:5: holds a number JSON cannot write back" in done.stderr
    for k in (1, 2, 3, 4):  # per-record errors: the line as it was
        assert out[k] == lines[k]
    for k in (0, 6):
        assert json.loads(out[k])["cleaner_status"] == "cleaned"
    assert json.loads(out[5])["cleaner_status"] == "unsure"
    # NaN and Infinity are never produced: every line this run wrote itself is strict JSON
    for before, after in zip(lines, out, strict=True):
        if after != before:
            _strict(after.decode("utf-8"))
    assert "7 records: 2 cleaned, 0 unchanged" in done.stderr
    assert "1 unsure (text kept), 4 failed (passed through unchanged)" in done.stderr
    assert "4 lines of in.jsonl could not be cleaned and were passed through unchanged" in done.stderr


def test_a_surrogate_in_the_text_field_is_cleaned_or_passed_through(tmp_path: Path) -> None:
    lines = _corpus()
    done = _cleaner("--jsonl", "-", cwd=tmp_path, stdin=lines[2])
    assert "Traceback" not in done.stderr
    assert done.stdout.encode("latin-1") == lines[2] or json.loads(done.stdout)["id"] == 3


def _flipped(data: bytes) -> bytes:
    b = bytearray(data)
    for i in (len(b) // 2, len(b) // 2 + 1, len(b) // 2 + 7):
        b[i] ^= 0x5A
    return bytes(b)


@pytest.mark.parametrize("damage", [_flipped, lambda data: data[: len(data) // 2]], ids=["bit-flipped", "truncated"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_corrupt_gzip_is_a_clear_error_with_exit_2(tmp_path: Path, damage: object, jobs: str) -> None:
    lines = [_corpus()[0]] * 4 + [_corpus()[6]] * 4
    assert callable(damage)
    (tmp_path / "in.jsonl.gz").write_bytes(damage(gzip.compress(b"".join(lines), mtime=0)))
    done = _cleaner("--jsonl", "in.jsonl.gz", "-o", "out.jsonl", "-j", jobs, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "in.jsonl.gz: the compressed data is corrupt" in done.stderr
    assert "out.jsonl was not written" in done.stderr
    assert not (tmp_path / "out.jsonl").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl.gz"]  # no temporary file left


def test_a_corrupt_gzip_in_the_template_pass_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "in.jsonl.gz").write_bytes(_flipped(gzip.compress(b"".join(_corpus()[:1] * 8), mtime=0)))
    done = _cleaner("--jsonl", "in.jsonl.gz", "--learn-site-templates", "--url-field", "url", cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "the compressed data is corrupt" in done.stderr
