"""Compiled patterns kept on disk between runs, so that start-up does not re-parse every regex.

`regex` parses a pattern in Python (`regex._regex_core`), which costs 0.3-6 ms per pattern of
`cleaner.patterns` and about 65 ms for all of them plus the rule gates: most of a small run of
the `cleaner` command. A compiled `regex.Pattern` pickles as its generated code (the module's
own `copyreg` support), and unpickling it skips the parser: about 30 µs a pattern.

Compiled code is handed to the C engine as it is, and code that was tampered with can crash or
hang it, so the cache trusts nothing it did not write itself:

* **Where.** `$CLEANER_CACHE_DIR`, else `$XDG_CACHE_HOME/cleaner`, else `~/.cache/cleaner`;
  `CLEANER_CACHE_DIR=""` (empty) turns the cache off. The directory itself (not a symlink) must
  be owned by the effective user and have no group or other permission bits (0700). A directory
  of the user's that others cannot write but can read (an older 0755 one) is tightened to 0700
  when saving; one that others can write, or that belongs to someone else, is neither read nor
  written.
* **Reading.** The file is opened relative to that directory with `O_NOFOLLOW | O_NONBLOCK`
  (no symlink, a FIFO does not block), then `fstat`: a regular file, owned by the user, not
  group or world writable, at most `MAX_BYTES`. It must start with `MAGIC` and a BLAKE2b digest
  of the rest (a torn or bit-flipped file is refused before any of it is unpickled); the rest
  is unpickled by an unpickler that accepts nothing but `regex` patterns. Each entry is looked
  up by its exact source, flags and `regex.DEFAULT_VERSION` in a file named by the `regex`
  version and the Python cache tag, and is used only if its `.pattern` is that source and its
  `.flags` are what `regex.compile` gives those flags; otherwise the pattern is compiled.
* **Writing.** Only `save()` writes, and only the `cleaner` command calls it (once, at the end
  of a run that compiled a pattern the file lacked); `import cleaner`, `clean()` and the other
  library entry points read the cache but never write it. The new file is created in the same
  directory under a random name with `O_CREAT | O_EXCL | O_NOFOLLOW`, mode 0600, then
  `os.replace`d over the old one, so a planted symlink is never followed and a reader never sees
  a partial file.

Any failure (missing, foreign, unreadable, oversized, corrupt or stale file, unwritable
directory) means compiling as if there were no cache; nothing here raises or blocks. A file
refused for its content is replaced by the next save.
"""

from __future__ import annotations

import os
import stat
import sys
from typing import Any

import regex

try:  # the C unpickler alone: importing the `pickle` module would cost start-up ~2 ms more
    from _pickle import Unpickler, UnpicklingError
except ImportError:  # pragma: no cover - a Python without the C accelerator
    from pickle import Unpickler, UnpicklingError

try:  # the builtin hash module alone: `hashlib` loads OpenSSL (~5 ms of start-up)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

#: Entries kept in the file beyond the ones a process used (old pattern versions, other rule
#: selections' gates); past this the file is rewritten with the used ones only.
MAX_ENTRIES = 512

#: Largest cache file read. Calibration: all patterns plus the default gates make ~55 KB
#: (`regex` 2026.11, 71 entries), so MAX_ENTRIES entries of the largest kind stay well below
#: 4 MB; anything bigger is not a file this module wrote and is not read at all.
MAX_BYTES = 4 * 1024 * 1024

#: First bytes of a cache file; the format number changes when the layout does.
MAGIC = b"cleaner pattern cache 2\n"
#: Length of the BLAKE2b digest that follows MAGIC and covers the rest of the file.
DIGEST_SIZE = 32

_Key = tuple[str, int, int]

_cache: dict[_Key, regex.Pattern[str]] | None = None
_used: set[_Key] = set()
_dirty = False
#: `regex.compile("", flags).flags` by flags: the implied bits (UNICODE, the version, FULLCASE).
_implied: dict[int, int] = {}


class _PatternUnpickler(Unpickler):
    """Unpickles only `regex` patterns (their reduce function) and plain containers."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("regex._regex", "compile"):
            return super().find_class(module, name)
        raise UnpicklingError(f"{module}.{name} is not allowed in the pattern cache")


#: The safe opening of the file needs POSIX: `O_NOFOLLOW`, `O_DIRECTORY`, `dir_fd`, file owners.
#: Elsewhere (Windows) there is no cache, and start-up compiles every pattern.
SUPPORTED = (
    all(hasattr(os, name) for name in ("O_NOFOLLOW", "O_DIRECTORY", "O_NONBLOCK", "O_CLOEXEC", "geteuid"))
    and {os.open, os.rename, os.unlink} <= os.supports_dir_fd  # os.replace is os.rename here
)


def cache_dir() -> str | None:
    """The cache directory, or None when caching is turned off (or not supported here)."""
    if not SUPPORTED:
        return None
    root = os.environ.get("CLEANER_CACHE_DIR")
    if root is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        return os.path.join(base, "cleaner")
    return root or None


def file_name() -> str:
    """The cache file's name inside `cache_dir()`: one per `regex` version and Python."""
    return f"patterns-{regex.__version__}-{sys.implementation.cache_tag}.cache"


def cache_path() -> str | None:
    """Where the cache file is, or None when caching is turned off."""
    root = cache_dir()
    return None if root is None else os.path.join(root, file_name())


def _digest(payload: bytes) -> bytes:
    return blake2b(payload, digest_size=DIGEST_SIZE).digest()


def _private_dir(st: os.stat_result) -> bool:
    """A directory of the effective user's that nobody else may read or write (0700)."""
    return stat.S_ISDIR(st.st_mode) and st.st_uid == os.geteuid() and not st.st_mode & 0o077


def _open_dir(root: str) -> int | None:
    """A descriptor of `root` when it is a private directory (not a symlink); else None."""
    try:
        fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        if _private_dir(os.fstat(fd)):
            return fd
    except OSError:
        pass
    os.close(fd)
    return None


def _read(root: str) -> bytes | None:
    """The cache file's verified payload, or None when there is none to trust."""
    dir_fd = _open_dir(root)
    if dir_fd is None:
        return None
    try:
        fd = os.open(file_name(), os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, dir_fd=dir_fd)
    except OSError:
        return None
    finally:
        os.close(dir_fd)
    try:
        st = os.fstat(fd)
        if (
            not stat.S_ISREG(st.st_mode)
            or st.st_uid != os.geteuid()
            or st.st_mode & 0o022
            or not len(MAGIC) + DIGEST_SIZE < st.st_size <= MAX_BYTES
        ):
            return None
        chunks = []
        left = st.st_size + 1  # one byte more: a file that grew since fstat is refused
        while left > 0:
            chunk = os.read(fd, left)
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError:
        return None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    start = len(MAGIC) + DIGEST_SIZE
    digest, payload = data[len(MAGIC) : start], data[start:]
    if len(data) != st.st_size or data[: len(MAGIC)] != MAGIC or _digest(payload) != digest:
        return None
    return payload


def _load() -> dict[_Key, regex.Pattern[str]]:
    root = cache_dir()
    payload = None if root is None else _read(root)
    if payload is None:
        return {}
    import io

    try:
        data = _PatternUnpickler(io.BytesIO(payload)).load()
    except Exception:  # a foreign or stale file: compile as if there were none
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        k: v
        for k, v in data.items()
        if isinstance(k, tuple)
        and len(k) == 3
        and isinstance(k[0], str)
        and type(k[1]) is int
        and type(k[2]) is int
        and isinstance(v, regex.Pattern)
    }


def _flags_of(flags: int) -> int:
    """The `.flags` a pattern compiled with `flags` has (no global inline flags in the source)."""
    found = _implied.get(flags)
    if found is None:
        found = _implied[flags] = regex.compile("", flags).flags
    return found


def _verified(found: regex.Pattern[str] | None, pattern: str, flags: int) -> bool:
    return found is not None and found.pattern == pattern and found.flags == _flags_of(flags)


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`regex.compile(pattern, flags)`, from the cache file when it holds the pattern."""
    global _cache, _dirty
    if _cache is None:
        _cache = _load()
    flags = int(flags)
    key = (pattern, flags, int(regex.DEFAULT_VERSION))
    found = _cache.get(key)
    if found is not None and _verified(found, pattern, flags):
        _used.add(key)
        return found
    _cache.pop(key, None)
    found = regex.compile(pattern, flags)
    if _verified(found, pattern, flags):  # one with global inline flags would never verify: not kept
        _cache[key] = found
        _used.add(key)
        _dirty = True
    return found


def _prepare_dir(root: str) -> int | None:
    """Create the cache directory (0700) if needed; a descriptor of it when it is safe to write."""
    try:
        os.makedirs(root, mode=0o700, exist_ok=True)
        st = os.lstat(root)
        if stat.S_ISDIR(st.st_mode) and st.st_uid == os.geteuid() and st.st_mode & 0o077 and not st.st_mode & 0o022:
            os.chmod(root, 0o700)  # ours, readable by others but writable by nobody else: tighten
    except OSError:
        return None
    return _open_dir(root)


def _write(entries: dict[_Key, regex.Pattern[str]]) -> bool:
    """Write `entries` as the cache file; True when it was written. Never raises on I/O."""
    root = cache_dir()
    if root is None:
        return False
    import pickle

    try:
        payload = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return False
    data = MAGIC + _digest(payload) + payload
    if len(data) > MAX_BYTES:
        return False
    dir_fd = _prepare_dir(root)
    if dir_fd is None:
        return False
    tmp = f".{file_name()}.{os.urandom(8).hex()}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600, dir_fd=dir_fd)
    except OSError:
        os.close(dir_fd)
        return False
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, file_name(), src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
        return True
    except OSError:
        import contextlib

        with contextlib.suppress(OSError):
            os.unlink(tmp, dir_fd=dir_fd)
        return False
    finally:
        os.close(dir_fd)


def save() -> None:
    """Write the cache file if patterns were compiled that it lacked; never raises on I/O.

    The `cleaner` command calls this once at the end of a run; nothing else in the package does.
    """
    global _dirty
    if not _dirty or _cache is None:
        return
    _dirty = False
    entries = _cache if len(_cache) <= MAX_ENTRIES else {k: v for k, v in _cache.items() if k in _used}
    _write(entries)
