"""cleaner.io: decoding, binary sniffing and atomic writes."""

from __future__ import annotations

import codecs
import gzip
import os
import stat
import unicodedata
from pathlib import Path

import pytest

from cleaner.io import (
    DecodeError,
    atomic_write,
    bom_encoding,
    decode,
    looks_binary,
    open_atomic_output,
    open_binary_lines,
    read_text,
    to_output,
)
from conftest import seed_paths

UNDECODABLE = bytes(range(0x80, 0x100)) * 4


def test_decode_utf8_exact() -> None:
    text = seed_paths()[0].read_text(encoding="utf-8")
    assert decode(text.encode("utf-8")) == text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_decode_bom(encoding: str) -> None:
    text = "Zürich – “quoted” text\nsecond line\n"
    data = text.encode(encoding)
    assert bom_encoding(data) is not None
    assert not looks_binary(data)
    assert decode(data) == text


def test_decode_bom_wins_over_utf8_guess() -> None:
    data = codecs.BOM_UTF8 + "naïve".encode()
    assert decode(data) == "naïve"


def test_decode_legacy_encoding_detected() -> None:
    text = "Le café était fermé à cause de la grève, a déclaré le maire mercredi.\n" * 3
    data = text.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode(data) == text


def test_decode_undecodable_raises_with_name_and_reason() -> None:
    with pytest.raises(DecodeError) as info:
        decode(UNDECODABLE, name="bad.txt")
    assert info.value.name == "bad.txt"
    assert "bad.txt" in str(info.value)
    assert "UTF-8" in info.value.reason


def test_decode_binary_raises() -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", name="img.txt")


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (b"", False),
        (b"plain text\n", False),
        (b"tab\tand\r\nform\x0cfeed", False),
        (b"abc\x00def", True),
        (bytes(range(1, 32)) * 10, True),
        ("ünïcödé".encode("utf-16"), False),
    ],
)
def test_looks_binary(data: bytes, binary: bool) -> None:
    assert looks_binary(data) is binary


def test_read_text_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(UNDECODABLE)
    with pytest.raises(DecodeError, match=r"bad\.txt"):
        read_text(bad)
    good = tmp_path / "good.txt"
    good.write_text("hello\n", encoding="utf-8")
    assert read_text(good) == "hello\n"


def test_atomic_write_nfc_keeps_mode_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    decomposed = unicodedata.normalize("NFD", "Café\n")
    atomic_write(target, decomposed)
    assert target.read_bytes() == "Café\n".encode()
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_atomic_write_new_file_uses_umask(tmp_path: Path) -> None:
    target = tmp_path / "new.txt"
    atomic_write(target, "x\n")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_atomic_write_failure_keeps_original(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("original\n", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        atomic_write(target, "lone surrogate \ud800")
    assert target.read_text(encoding="utf-8") == "original\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_to_output_is_nfc() -> None:
    assert to_output(unicodedata.normalize("NFD", "é")) == "é"


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz"])
def test_stream_round_trip(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with open_atomic_output(str(path)) as out:
        out.write(b'{"a": 1}\n{"a": 2}\n')
    with open_binary_lines(str(path)) as f:
        assert list(f) == [b'{"a": 1}\n', b'{"a": 2}\n']
    if name.endswith(".gz"):
        assert gzip.decompress(path.read_bytes()).count(b"\n") == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_atomic_output_failure_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    with pytest.raises(RuntimeError), open_atomic_output(str(path)) as out:
        out.write(b"partial\n")
        raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


def test_zst_needs_zstandard(tmp_path: Path) -> None:
    try:
        import zstandard  # noqa: F401
    except ImportError:
        with pytest.raises(DecodeError, match="pip install zstandard"), open_binary_lines(str(tmp_path / "x.zst")):
            pass
    else:
        path = tmp_path / "x.jsonl.zst"
        with open_atomic_output(str(path)) as out:
            out.write(b'{"a": 1}\n')
        with open_binary_lines(str(path)) as f:
            assert list(f) == [b'{"a": 1}\n']
