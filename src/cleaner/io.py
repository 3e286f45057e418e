"""Safe file input and output for the command line: decoding, binary sniffing, atomic writes.

Reading never guesses silently and never drops bytes (no ``errors="ignore"``): a byte-order
mark wins, then strict UTF-8, then the charset an HTML page declares, then "UTF-8 but for a few
stray bytes" (kept as `surrogateescape` code points), then `charset_normalizer` detection when
it is installed. Anything else raises `DecodeError` naming the file. Only regular files are read
(`read_regular`), up to a size limit.

Writing goes through a temporary file in the same directory and `os.replace`, so a crash never
leaves a half-written file. `rewrite_file` keeps what the file was: its byte-order mark, line
endings, stray bytes, owner, group and mode; it writes through a symlink to its target and
refuses read-only and hard-linked files and files that changed since they were read.
"""

from __future__ import annotations

import codecs
import contextlib
import importlib
import io
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Iterator, Sequence
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
#: The largest file the command line reads, unless `--max-bytes` says otherwise: generous for
#: any article or page (the dev set's largest HTML page is ~2 MB), small enough that a wrong
#: argument (a disk image, a log) is refused before it fills memory.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
#: Labels WHATWG decodes as windows-1252 (Python's latin-1 and ascii codecs would differ from a
#: browser on 0x80-0x9F).
_WINDOWS_1252_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii"})
#: `<meta charset=...>` or `<meta http-equiv="Content-Type" content="...; charset=...">`, in
#: the first `SNIFF_BYTES` of a page (bounded: no quantifier runs further than 64 bytes).
_META_CHARSET = re.compile(
    rb"""<meta\b[^>]{0,512}?charset\s{0,8}=\s{0,8}["']?\s{0,8}([a-zA-Z0-9_:.\-]{1,64})""", re.IGNORECASE
)
#: The start of an HTML document (after an optional BOM and white space).
_HTML_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s{0,256}<(?:!doctype\s{1,8}html|html|head|body|meta|!--|\?xml)", re.IGNORECASE
)
#: Data with valid multi-byte UTF-8 sequences is read as UTF-8 with stray bytes when it has at
#: most this many stray (undecodable) bytes per valid sequence. A UTF-8 file with one cp1252
#: `\x92` has dozens of sequences per stray byte; a cp1252 file can hold a pair of bytes that
#: happens to be valid UTF-8 (`É’` is C9 92) but then has many more stray bytes (every other
#: accented letter), and is left to charset detection.
MAX_STRAY_PER_SEQUENCE = 1.0
#: Lone surrogates that `surrogateescape` makes of undecodable bytes (U+DC80-U+DCFF).
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")

#: Byte-order marks and the codec that writes text after each (the BOM itself not included).
#: UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOM_CODECS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: The same marks with the codec that reads a whole file, BOM included ("utf-16" drops it).
_BOMS: tuple[tuple[bytes, str], ...] = tuple(
    (bom, "utf-8-sig" if codec == "utf-8" else codec[: -len("-le")]) for bom, codec in _BOM_CODECS
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
    """Decode `data` to `str`: BOM, strict UTF-8, declared charset, UTF-8 with stray bytes, detection.

    In that order:

    1. a byte-order mark names the encoding;
    2. strict UTF-8;
    3. an HTML page's declared charset (`<meta charset>` or the http-equiv content type), decoded
       strictly; a page that declares UTF-8 but has a few bad bytes gets U+FFFD for them (an
       HTML page is never rewritten, only read). Valid UTF-8 beats a declared legacy charset:
       scrapers re-encode pages to UTF-8 and keep the old `<meta>`;
    4. data that holds valid multi-byte UTF-8 sequences and a few bytes that are not UTF-8 (a
       UTF-8 file with one cp1252 `\x92`; see `MAX_STRAY_PER_SEQUENCE`) is UTF-8 with stray bytes: they are decoded with
       `surrogateescape` (U+DC80-U+DCFF), so `encode_like` can write the very same bytes back.
       Guessing another charset would garble every valid sequence (`’` -> `‚Äô`);
    5. `charset_normalizer` detection (windows-1252 wins near-ties).

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
            stray = _utf8_with_stray_bytes(data[len(codecs.BOM_UTF8) :]) if encoding == "utf-8-sig" else None
            if stray is not None:
                return stray
            raise DecodeError(
                name, f"starts with a {encoding} byte-order mark but is not valid {encoding} ({e})."
            ) from e
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e
    declared = declared_charset(data)
    if declared is not None:
        if declared == "utf-8":
            return data.decode("utf-8", errors="replace")
        text = _strict(data, declared)
        if text is not None:
            return text
    stray = _utf8_with_stray_bytes(data)
    if stray is not None:
        return stray
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


def _utf8_with_stray_bytes(data: bytes) -> str | None:
    """`data` decoded as UTF-8 with `surrogateescape`, when it is UTF-8 but for a few stray bytes
    (see `MAX_STRAY_PER_SEQUENCE`); else None."""
    escaped = data.decode("utf-8", errors="surrogateescape")
    sequences = len(_UTF8_MULTIBYTE.findall(data))
    if sequences and len(_ESCAPED_BYTE.findall(escaped)) <= MAX_STRAY_PER_SEQUENCE * sequences:
        return escaped
    return None


def declared_charset(data: bytes) -> str | None:
    """The Python codec of the charset an HTML document declares in its first bytes, if any.

    Only data that starts like an HTML document counts (a text file quoting a `<meta>` tag does
    not declare anything). Labels that WHATWG maps to windows-1252 give "cp1252"; unknown
    labels give None.
    """
    head = data[:SNIFF_BYTES]
    if not _HTML_START.match(head):
        return None
    match = _META_CHARSET.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    if label in _WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


#: One well-formed multi-byte UTF-8 sequence (RFC 3629 table, no overlongs, no surrogates).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


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
    """Read (`read_regular`) and decode (`decode`) a file for reading only; `DecodeError` names
    the file, `Refused` (an `OSError`) says why a FIFO, device or huge file is not read.

    Stray bytes become U+FFFD (as `clean` makes them anyway), so the text can be printed and
    written as UTF-8; offsets are those of `decode`.
    """
    p = Path(path)
    return without_stray_bytes(decode(read_regular(p)[0], name=str(p)))


def without_stray_bytes(text: str) -> str:
    """`text` with the stray bytes of `decode` (U+DC80-U+DCFF) replaced by U+FFFD, one for one."""
    return _ESCAPED_BYTE.sub("\ufffd", text)


class Refused(OSError):
    """A file this tool will not read or rewrite; the message says why and what to do.

    An `OSError`, so callers that report unreadable files report these too."""


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, for messages: "a FIFO", "a directory"..."""
    kinds = (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def check_readable(st: os.stat_result, *, max_bytes: int) -> None:
    """Raise `Refused` unless `st` is a regular file of at most `max_bytes` bytes.

    FIFOs and devices are never opened: reading a FIFO blocks until a writer comes, and
    `/dev/zero` never ends.
    """
    if not stat.S_ISREG(st.st_mode):
        raise Refused(f"is {file_kind(st.st_mode)}, not a regular file; only regular files are read.")
    if st.st_size > max_bytes:
        raise Refused(f"is {st.st_size} bytes, over the limit of {max_bytes}; raise it with --max-bytes to clean it.")


def read_regular(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file and its `stat`, read through one file descriptor.

    The file is opened without blocking (a FIFO put in its place cannot hang the run), checked
    with `check_readable`, and read to at most `max_bytes` (a file that grows past the limit
    while it is read is refused too). Raises `Refused` or `OSError`.
    """
    fd = os.open(path, _READ_FLAGS)
    try:
        st = os.fstat(fd)
        check_readable(st, max_bytes=max_bytes)
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, min(1 << 20, max_bytes + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                raise Refused(f"grew over the limit of {max_bytes} bytes; raise it with --max-bytes to clean it.")
    finally:
        os.close(fd)
    return b"".join(chunks), st


def read_head(path: str | os.PathLike[str], size: int) -> bytes:
    """The first `size` bytes of a regular file (for sniffing); `Refused` for anything else."""
    fd = os.open(path, _READ_FLAGS)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise Refused(f"is {file_kind(st.st_mode)}, not a regular file; only regular files are read.")
        return os.read(fd, size)
    finally:
        os.close(fd)


#: Opening never blocks (a FIFO opened for reading would wait for a writer) and is not inherited.
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def to_output(text: str) -> str:
    """The form every output takes: NFC."""
    return unicodedata.normalize("NFC", text)


#: What may stand for a stray byte in cleaned text: the byte itself (`surrogateescape`) or the
#: U+FFFD that `normalize` makes of it.
_STRAY_OR_REPLACEMENT = re.compile("[\udc80-\udcff\ufffd]")


def newline_of(text: str) -> str:
    """The line ending of `text`'s first line ("\r\n", "\r" or "\n"), as black decides."""
    match = re.search("\r\n|\r|\n", text)
    return match.group() if match else "\n"


def encode_like(original: bytes, source: str, output: str, removed: Sequence[tuple[int, int]] = ()) -> bytes:
    """`output` (cleaned text, "\n" line ends) as bytes in the form of the file it came from.

    `original` is the file's bytes, `source` the text they decoded to (`decode`) and `removed`
    the (start, end) spans of `source` that cleaning removed. Kept: the byte-order mark and its
    encoding (UTF-8, UTF-16 or UTF-32, either byte order), the line ending of the first line,
    and every stray byte of a UTF-8 file outside the removed spans (`decode` read it as a
    surrogate; cleaning made it U+FFFD, and it is put back in order). Text decoded from a
    legacy code page without a BOM is written as UTF-8, as before. Raises `Refused` when the
    stray bytes cannot be put back exactly.
    """
    bom, codec = next(((b, c) for b, c in _BOM_CODECS if original.startswith(b)), (b"", "utf-8"))
    text = to_output(output)
    if _ESCAPED_BYTE.search(source):
        text = _restore_stray_bytes(source, text, removed)
    newline = newline_of(source)
    if newline != "\n" and "\r" not in text:
        text = text.replace("\n", newline)
    try:
        return bom + text.encode(codec, errors="surrogateescape" if codec == "utf-8" else "strict")
    except UnicodeEncodeError as e:
        raise Refused(f"the cleaned text cannot be written back as {codec} ({e.reason}).") from e


def _restore_stray_bytes(source: str, text: str, removed: Sequence[tuple[int, int]]) -> str:
    import bisect

    starts = [start for start, _ in removed]
    kept: list[str] = []
    for match in _STRAY_OR_REPLACEMENT.finditer(source):
        i = bisect.bisect_right(starts, match.start()) - 1
        if i < 0 or match.start() >= removed[i][1]:
            kept.append(match.group())
    slots = text.count("\ufffd")
    if slots != len(kept) or _ESCAPED_BYTE.search(text):
        raise Refused(
            "holds bytes that are not UTF-8, and the cleaned text cannot keep each of them in place; "
            "fix those bytes (or convert the file to UTF-8) and run again."
        )
    pieces = iter(kept)
    return _STRAY_OR_REPLACEMENT.sub(lambda _: next(pieces), text) if kept else text


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino, a.st_size, a.st_mtime_ns) == (b.st_dev, b.st_ino, b.st_size, b.st_mtime_ns)


def check_rewritable(path: str | os.PathLike[str], expect: os.stat_result) -> Path:
    """The real path (symlinks resolved) of a file `rewrite_file` may replace, or `Refused`.

    Refused: a file that is no longer the one read (`expect`: same inode, size and mtime), a
    read-only file (no write bit, or not writable by this process), and a file with more than
    one hard link (replacing it would split the links; the other names would keep the old text).
    """
    real = Path(os.path.realpath(path))
    st = real.stat()
    if not _same_file(st, expect):
        raise Refused("changed while it was being cleaned; it was left as it is now. Run again to clean it.")
    if not stat.S_IMODE(st.st_mode) & 0o222 or not os.access(real, os.W_OK):
        raise Refused(f"is read-only (mode {stat.S_IMODE(st.st_mode):04o}); it was left as it is.")
    if st.st_nlink > 1:
        raise Refused(
            f"has {st.st_nlink} hard links; rewriting it would split them, so it was left as it is. "
            "Clean a copy, or break the links first."
        )
    return real


def _before_replace(path: Path) -> None:
    """Called right before the final check and `os.replace` (tests put an edit here)."""


def rewrite_file(path: str | os.PathLike[str], data: bytes, *, expect: os.stat_result, mark: bool = False) -> None:
    """Replace the content of the regular file `path` by `data`, atomically and faithfully.

    `expect` is the `stat` of the file when it was read. After `check_rewritable`, `data` goes
    to a temporary file beside the real file (through symlinks: the link stays a link), which
    gets the file's owner and group (where this process may set them) and mode, is fsynced,
    and replaces the file with `os.replace` after a last check that the file is still the one
    that was read (an edit made while it was cleaned is never lost: `Refused`). `mark` records
    that this tool wrote the content (`mark_written`).
    """
    import tempfile

    real = check_rewritable(path, expect)
    fd, name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            _copy_owner(f.fileno(), expect)
            if mark:
                mark_written(f.fileno(), data)
            os.fsync(f.fileno())
        tmp.chmod(stat.S_IMODE(expect.st_mode))  # after the owner: chown clears set-id bits
        _before_replace(real)
        if not _same_file(real.stat(), expect):
            raise Refused("changed while it was being cleaned; it was left as it is now. Run again to clean it.")
        tmp.replace(real)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(real.parent)


def _copy_owner(fd: int, st: os.stat_result) -> None:
    """Give the file open as `fd` the owner and group of `st`, as far as this process may."""
    if not hasattr(os, "fchown"):
        return
    try:
        os.fchown(fd, st.st_uid, st.st_gid)
    except OSError:
        # Not root: the owner cannot be given away, but the group can be any of our groups.
        with contextlib.suppress(OSError):
            os.fchown(fd, -1, st.st_gid)


#: The extended attribute that records "this tool wrote this content": the SHA-256 of the bytes
#: written. Set on the `--html-to-text` files; a file whose bytes still hash to it was written
#: by cleaner and not edited since, so a later run may replace it.
WRITTEN_XATTR = "user.cleaner.written"


def _digest(data: bytes) -> bytes:
    import hashlib

    return hashlib.sha256(data).hexdigest().encode("ascii")


def mark_written(fd: int, data: bytes) -> None:
    """Record on the open file `fd` that this tool wrote `data` (best effort: a file system
    without user extended attributes records nothing, and such files are never replaced)."""
    if hasattr(os, "setxattr"):
        with contextlib.suppress(OSError):
            os.setxattr(fd, WRITTEN_XATTR, _digest(data))


def written_here(path: str | os.PathLike[str], data: bytes) -> bool:
    """True when `path`, whose bytes are `data`, was written by this tool and not changed since."""
    if not hasattr(os, "getxattr"):
        return False
    try:
        return bool(os.getxattr(path, WRITTEN_XATTR) == _digest(data))
    except OSError:
        return False


def create_file(path: str | os.PathLike[str], data: bytes, *, mark: bool = False) -> None:
    """Write a new file `path` atomically; `Refused` when anything exists at `path`.

    The data is written to a temporary file and hard-linked to `path`, which fails rather than
    replace a file that appeared meanwhile (on a file system without hard links the new file is
    created with `O_EXCL` and written in place). `mark` records that this tool wrote it.
    """
    import tempfile

    target = Path(path)
    exists = Refused(f"{target.name} already exists and this run did not write it; it was left as it is.")
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            if mark:
                mark_written(f.fileno(), data)
            os.fsync(f.fileno())
        tmp.chmod(_default_mode())
        try:
            os.link(tmp, target)
        except FileExistsError:
            raise exists from None
        except OSError:
            try:
                out = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _default_mode())
            except FileExistsError:
                raise exists from None
            with os.fdopen(out, "wb") as f:
                f.write(data)
                f.flush()
                if mark:
                    mark_written(f.fileno(), data)
                os.fsync(f.fileno())
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(target.parent)


def atomic_write(path: str | os.PathLike[str], text: str) -> None:
    """Write `text` (UTF-8, NFC) to `path` atomically, keeping the file's owner, group and mode.

    A symlink is followed: its target is rewritten and the link stays a link. The data goes to
    a temporary file in the same directory, is flushed and fsynced, and then replaces the file
    with `os.replace`; on any error the temporary file is removed and `path` is left as it was.
    (The command line uses `rewrite_file`, which also refuses read-only, hard-linked and
    changed files.)
    """
    import tempfile

    target = Path(os.path.realpath(path))
    data = to_output(text).encode("utf-8")
    try:
        st: os.stat_result | None = target.stat()
    except FileNotFoundError:
        st = None
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            if st is not None:
                _copy_owner(f.fileno(), st)
            os.fsync(f.fileno())
        tmp.chmod(stat.S_IMODE(st.st_mode) if st is not None else _default_mode())
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
