"""Compiled patterns kept on disk between runs, so that start-up does not re-parse every regex.

`regex` parses a pattern in Python (`regex._regex_core`), which costs 0.3-6 ms per pattern of
`cleaner.patterns` and about 65 ms for all of them plus the rule gates: most of a small run of
the `cleaner` command. A compiled `regex.Pattern` pickles as its generated code (the module's
own `copyreg` support), and unpickling it skips the parser: about 30 µs a pattern.

`compile(pattern, flags)` returns the pattern from the cache file when it holds it, and compiles
it otherwise; `save()` writes the file when something was compiled that it lacked. The file is
keyed by the `regex` version and the Python cache tag, lives in `$CLEANER_CACHE_DIR`, else
`$XDG_CACHE_HOME/cleaner`, else `~/.cache/cleaner`, and is replaced atomically. It is an
optimisation only: a missing, unreadable, stale or corrupt file means compiling as before, and
an unwritable directory means not saving. `CLEANER_CACHE_DIR=""` (empty) turns it off. Loading
accepts nothing but `regex` patterns (a restricted unpickler), and each entry is looked up by
its exact source, flags and `regex.DEFAULT_VERSION`, so a pattern edited in the source is
simply compiled anew.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import regex

try:  # the C unpickler alone: importing the `pickle` module would cost start-up ~2 ms more
    from _pickle import Unpickler, UnpicklingError
except ImportError:  # pragma: no cover - a Python without the C accelerator
    from pickle import Unpickler, UnpicklingError

#: Entries kept in the file beyond the ones a process used (old pattern versions, other rule
#: selections' gates); past this the file is rewritten with the used ones only.
MAX_ENTRIES = 512

_Key = tuple[str, int, int]

_cache: dict[_Key, regex.Pattern[str]] | None = None
_used: set[_Key] = set()
_dirty = False


class _PatternUnpickler(Unpickler):
    """Unpickles only `regex` patterns (their reduce function) and plain containers."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("regex._regex", "compile"):
            return super().find_class(module, name)
        raise UnpicklingError(f"{module}.{name} is not allowed in the pattern cache")


def cache_path() -> str | None:
    """Where the cache file is, or None when caching is turned off."""
    root = os.environ.get("CLEANER_CACHE_DIR")
    if root is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        root = os.path.join(base, "cleaner")
    elif not root:
        return None
    return os.path.join(root, f"patterns-{regex.__version__}-{sys.implementation.cache_tag}.pickle")


def _load() -> dict[_Key, regex.Pattern[str]]:
    path = cache_path()
    if path is None:
        return {}
    try:
        with open(path, "rb") as f:
            data = _PatternUnpickler(f).load()
    except Exception:  # any unreadable or foreign file: compile as if there were none
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, tuple) and isinstance(v, regex.Pattern)}


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`regex.compile(pattern, flags)`, from the cache file when it holds the pattern."""
    global _cache, _dirty
    if _cache is None:
        _cache = _load()
    key = (pattern, int(flags), int(regex.DEFAULT_VERSION))
    _used.add(key)
    found = _cache.get(key)
    if found is None:
        found = regex.compile(pattern, flags)
        _cache[key] = found
        _dirty = True
    return found


def save() -> None:
    """Write the cache file if patterns were compiled that it lacked; never raises on I/O."""
    global _dirty
    if not _dirty or _cache is None:
        return
    _dirty = False
    path = cache_path()
    if path is None:
        return
    import pickle

    entries = _cache if len(_cache) <= MAX_ENTRIES else {k: v for k, v in _cache.items() if k in _used}
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as f:
            pickle.dump(entries, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError):
        import contextlib

        with contextlib.suppress(OSError):
            os.unlink(tmp)
