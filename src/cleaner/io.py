"""Safe file input and output for the command line: decoding, binary sniffing, atomic writes.

Reading never guesses silently and never drops bytes (no ``errors="ignore"``): a byte-order
mark wins, then strict UTF-8, then `charset_normalizer` detection when it is installed. Anything
else raises `DecodeError` naming the file. Writing is always UTF-8 in NFC, through a temporary
file in the same directory and `os.replace`, so a crash never leaves a half-written file.
"""

from __future__ import annotations

import codecs
import contextlib
import importlib
import io
import os
import stat
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, cast

#: How many leading bytes the binary and HTML sniffers look at.
SNIFF_BYTES = 8192
#: Above this share of control bytes (other than tab, newline, carriage return, form feed and
#: escape) a file is treated as binary. Text pages have none; images and archives have many.
CONTROL_SHARE = 0.10

#: Detected encodings within this much "chaos" (charset_normalizer's mess ratio) of the best
#: count as a tie, and a tie goes to `PREFERRED_ENCODINGS`. Checked on French, German and
#: Spanish cp1252 text, where the raw best guess is often a Baltic or Mac code page.
CHAOS_MARGIN = 0.02
#: windows-1252 is what browsers assume for undeclared Western pages (WHATWG Encoding).
PREFERRED_ENCODINGS = ("cp1252",)

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\x1b")


class DecodeError(ValueError):
    """A file (or byte string) that is not text this tool can read safely."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


def bom_encoding(data: bytes) -> str | None:
    """The encoding announced by a byte-order mark at the start of `data`, if any."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: NUL bytes, or a high share of control bytes.

    Only the first `SNIFF_BYTES` are examined. UTF-16 and UTF-32 text with a byte-order mark
    contains NUL bytes but is text, so a BOM means "not binary".
    """
    if bom_encoding(data) is not None:
        return False
    head = data[:SNIFF_BYTES]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if (b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F)
    return controls / len(head) > CONTROL_SHARE


def decode(data: bytes, *, name: str = "<input>") -> str:
    """Decode `data` to `str`: BOM, then strict UTF-8, then charset detection.

    Raises `DecodeError` (with `name` and the reason) for binary data or bytes that no
    encoding explains. The result is exactly the decoded text; it is not normalized.
    """
    if looks_binary(data):
        raise DecodeError(name, "looks like a binary file (NUL or control bytes).")
    encoding = bom_encoding(data)
    if encoding is not None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as e:
            raise DecodeError(
                name, f"starts with a {encoding} byte-order mark but is not valid {encoding} ({e})."
            ) from e
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e
    detected = _detect(data)
    if detected is None:
        raise DecodeError(
            name,
            f"is not valid UTF-8 ({utf8_error.reason} at byte {utf8_error.start})"
            + (
                " and its encoding could not be detected"
                if _charset_normalizer() is not None
                else "; install charset-normalizer to detect other encodings"
            )
            + ". Convert it to UTF-8 and run again.",
        )
    return detected


def _charset_normalizer() -> Any:
    try:
        return importlib.import_module("charset_normalizer")
    except ImportError:
        return None


def _detect(data: bytes) -> str | None:
    module = _charset_normalizer()
    if module is None:
        return None
    matches = list(module.from_bytes(data))
    if not matches:
        return None
    # Near-ties are common on short Western text (cp1252 vs mac_latin2 vs cp1257); prefer the
    # encodings the web actually uses, as browsers do, when one of them is among the near-best.
    floor = min(m.chaos for m in matches) + CHAOS_MARGIN
    near = [m for m in matches if m.chaos <= floor]
    encodings = [e for e in PREFERRED_ENCODINGS if any(e in m.could_be_from_charset for m in near)]
    encodings += [m.encoding for m in matches]
    # Decode ourselves, strictly: never accept a guess that would lose bytes.
    return next((text for text in (_strict(data, e) for e in encodings) if text is not None), None)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def read_text(path: str | os.PathLike[str]) -> str:
    """Read and decode a file (see `decode`); `DecodeError` names the file."""
    p = Path(path)
    return decode(p.read_bytes(), name=str(p))


def to_output(text: str) -> str:
    """The form every output takes: NFC."""
    return unicodedata.normalize("NFC", text)


def atomic_write(path: str | os.PathLike[str], text: str) -> None:
    """Write `text` (UTF-8, NFC) to `path` atomically, keeping the file's permission bits.

    The data goes to a temporary file in the same directory, is flushed and fsynced, and then
    replaces `path` with `os.replace`; on any error the temporary file is removed and `path` is
    left as it was.
    """
    import tempfile  # here, not at the top: a run that writes nothing does not need it

    target = Path(path)
    data = to_output(text).encode("utf-8")
    try:
        mode: int | None = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        tmp.chmod(mode if mode is not None else _default_mode())
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _fsync_dir(directory: Path) -> None:
    # Makes the rename durable on POSIX; directories cannot be opened this way on Windows.
    if sys.platform == "win32":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --- Streams for corpus (JSONL) mode ---------------------------------------------------------


def _zstandard() -> Any:
    try:
        return importlib.import_module("zstandard")
    except ImportError as e:
        raise DecodeError(
            "zstandard", "is needed for .zst files but is not installed; run `pip install zstandard`."
        ) from e


@contextlib.contextmanager
def open_binary_lines(path: str) -> Iterator[IO[bytes]]:
    """Open a (possibly compressed) input for reading bytes; `-` is stdin.

    `.gz` is read with gzip, `.zst` with zstandard when it is importable.
    """
    if path == "-":
        yield sys.stdin.buffer
        return
    if path.endswith(".gz"):
        import gzip

        with gzip.open(path, "rb") as gz:
            yield cast(IO[bytes], gz)
    elif path.endswith(".zst"):
        zstd = _zstandard()
        with Path(path).open("rb") as raw, zstd.ZstdDecompressor().stream_reader(raw) as reader:
            yield io.BufferedReader(reader)
    else:
        with Path(path).open("rb") as f:
            yield f


@contextlib.contextmanager
def open_atomic_output(path: str) -> Iterator[IO[bytes]]:
    """Open an output for writing bytes; `-` is stdout.

    A file is written to a temporary file beside it (compressed by `.gz` / `.zst` suffix) and
    moved into place only when the block finishes without an error.
    """
    if path == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    import tempfile

    target = Path(path)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as raw:
            if path.endswith(".gz"):
                import gzip

                with gzip.GzipFile(filename=target.name, mode="wb", fileobj=raw, mtime=0) as gz:
                    yield cast(IO[bytes], gz)
            elif path.endswith(".zst"):
                zstd = _zstandard()
                with zstd.ZstdCompressor().stream_writer(raw, closefd=False) as writer:
                    yield writer
            else:
                yield raw
            raw.flush()
            os.fsync(raw.fileno())
        tmp.chmod(_default_mode())
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
