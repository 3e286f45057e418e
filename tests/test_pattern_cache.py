"""The on-disk cache of compiled patterns (`cleaner.pattern_cache`): fast, and trusting nothing it did not write."""

from __future__ import annotations

import os
import pickle
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import regex

from cleaner import pattern_cache, patterns
from hang_guard import run_guarded

SRC = Path(__file__).resolve().parent.parent / "src"
PAGE = "Headline\n\n" + "A sentence of the body that says enough words. " * 10 + "\n"
ROOT_ONLY = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")
OTHER_UID = 65534  # nobody


def _run(code: str, cache_dir: Path | str, timeout: float = 60, **env: str) -> subprocess.CompletedProcess[str]:
    full = {
        **os.environ,
        "CLEANER_CACHE_DIR": str(cache_dir),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])),
        **env,
    }
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=full, timeout=timeout
    )


def _cli(page: Path) -> str:
    return f"from cleaner.cli import main; main(['--check', '-q', {str(page)!r}])"


COUNT_COMPILES = (
    "import regex\n"
    "calls = []\n"
    "real = regex.compile\n"
    "regex.compile = lambda *a, **k: calls.append(a[0]) or real(*a, **k)\n"
    "from cleaner.cli import main\n"
    "main(['--check', '-q', {page!r}])\n"
    "print(sum(1 for c in calls if c))\n"  # the empty pattern is how the implied flags are learned
)


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh private cache directory, and this process's in-memory cache reset around the test."""
    root = tmp_path / "cache"
    root.mkdir(mode=0o700)
    root.chmod(0o700)
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(root))
    monkeypatch.setattr(pattern_cache, "_cache", None)
    monkeypatch.setattr(pattern_cache, "_used", set())
    monkeypatch.setattr(pattern_cache, "_dirty", False)
    yield root


def _entries() -> dict[tuple[str, int, int], regex.Pattern[str]]:
    return {(p.pattern, 0, int(regex.DEFAULT_VERSION)): p for p in (regex.compile(r"\w{1,5}"), regex.compile(r"\d"))}


def _good_file(root: Path) -> Path:
    assert pattern_cache._write(_entries())
    path = root / pattern_cache.file_name()
    assert {k: v.pattern for k, v in pattern_cache._load().items()} == {k: k[0] for k in _entries()}  # trusted
    return path


def _plant(path: Path, payload: bytes, mode: int = 0o600) -> None:
    """A file in the cache's own format (valid digest) holding `payload`."""
    path.write_bytes(pattern_cache.MAGIC + pattern_cache._digest(payload) + payload)
    path.chmod(mode)


# --- what the cache is for ---------------------------------------------------------------------


def test_a_second_run_loads_the_patterns_from_the_cache(tmp_path: Path, page: Path) -> None:
    root = tmp_path / "new" / "cache"
    first = _run(COUNT_COMPILES.format(page=str(page)), root)
    assert int(first.stdout) >= len(patterns.ALL_PATTERNS)
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    [file] = root.iterdir()
    assert file.name == pattern_cache.file_name() and stat.S_IMODE(file.stat().st_mode) == 0o600
    second = _run(COUNT_COMPILES.format(page=str(page)), root)
    assert int(second.stdout) == 0


def test_import_and_clean_never_write(tmp_path: Path) -> None:
    root = tmp_path / "cache"
    _run("import cleaner; cleaner.clean('Headline\\n\\nSome body text.'); import cleaner.patterns", root)
    assert not root.exists()


def test_cached_patterns_are_the_same_patterns(cache: Path) -> None:
    entries = {(p.pattern, 0, 0): p for p in patterns.ALL_PATTERNS}
    assert pattern_cache._write(entries)
    loaded = pattern_cache._load()
    for p in patterns.ALL_PATTERNS:
        q = loaded[(p.pattern, 0, 0)]
        assert q.pattern == p.pattern and q.flags == p.flags and q.groupindex == p.groupindex
        text = "Read more: The U.S. said.Related Stories ADVERTISEMENT (AP Photo/X) 2024-01-02"
        assert q.findall(text) == p.findall(text)


def test_compile_matches_regex_compile(cache: Path) -> None:
    p = pattern_cache.compile(r"(?P<w>\w{1,5})\s", regex.IGNORECASE)
    assert p.flags & regex.IGNORECASE and p.match("Hello world")["w"] == "Hello"


def test_an_empty_cache_dir_turns_the_cache_off(tmp_path: Path, page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEANER_CACHE_DIR", "")
    assert pattern_cache.cache_path() is None
    home = tmp_path / "home"
    home.mkdir()
    _run(_cli(page), "", HOME=str(home), XDG_CACHE_HOME=str(home / "xdg"))
    assert not list(home.iterdir())


def test_the_default_cache_dir_follows_xdg(tmp_path: Path, page: Path) -> None:
    full = {k: v for k, v in os.environ.items() if k != "CLEANER_CACHE_DIR"}
    full.update(
        PYTHONPATH=os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])), XDG_CACHE_HOME=str(tmp_path)
    )
    subprocess.run([sys.executable, "-c", _cli(page)], check=True, env=full)
    assert [p.name for p in (tmp_path / "cleaner").iterdir()] == [pattern_cache.file_name()]


def test_an_unwritable_cache_dir_is_no_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    out = _run("import cleaner; print(cleaner.clean('Headline\\n\\nSome body text.').status)", blocker / "cache")
    assert out.stdout.strip() in {"cleaned", "unchanged", "not_an_article"}


# --- a file it did not write is not trusted ------------------------------------------------------


@pytest.mark.parametrize(
    "payload",
    [b"", b"not a pickle", pickle.dumps(["a list"]), pickle.dumps({("x", 0, 0): "not a pattern"})],
    ids=["empty", "garbage", "not-a-dict", "not-patterns"],
)
def test_a_bad_cache_file_is_ignored(cache: Path, payload: bytes) -> None:
    _plant(cache / pattern_cache.file_name(), payload)
    assert pattern_cache._load() == {}


def test_the_cache_file_may_hold_nothing_but_patterns(cache: Path) -> None:
    class Evil:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, ("echo pwned",))

    _plant(cache / pattern_cache.file_name(), pickle.dumps({("x", 0, 0): Evil()}))
    assert pattern_cache._load() == {}


def test_a_wrong_pattern_under_a_key_is_not_used(cache: Path) -> None:
    """A planted entry that maps a pattern's source to a broader pattern, or other flags, is compiled anew."""
    word = r"\w{1,5}"
    version = int(regex.DEFAULT_VERSION)
    planted = {
        (word, 0, version): regex.compile(r"\w{1,5}|[^\n]{1,1000}"),  # another source
        (r"\d", 0, version): regex.compile(r"\d", regex.IGNORECASE),  # other flags
    }
    _plant(cache / pattern_cache.file_name(), pickle.dumps(planted))
    p = pattern_cache.compile(word)
    assert p.pattern == word and p.findall("ab, cd") == ["ab", "cd"]
    d = pattern_cache.compile(r"\d")
    assert not d.flags & regex.IGNORECASE
    pattern_cache.save()  # and the file is repaired
    pattern_cache._cache = None
    assert pattern_cache._load()[(word, 0, version)].pattern == word


def test_a_planted_cache_file_in_a_world_writable_dir_is_not_read(cache: Path) -> None:
    _good_file(cache)
    cache.chmod(0o1777)
    assert pattern_cache._load() == {}
    pattern_cache._cache = None
    pattern_cache.compile(r"\w{1,5}")
    before = (cache / pattern_cache.file_name()).read_bytes()
    pattern_cache.save()  # nor written
    assert (cache / pattern_cache.file_name()).read_bytes() == before


@pytest.mark.parametrize("mode", [0o620, 0o602, 0o666], ids=oct)
def test_a_cache_file_others_may_write_is_not_read(cache: Path, mode: int) -> None:
    path = _good_file(cache)
    path.chmod(mode)
    assert pattern_cache._load() == {}


def test_a_cache_dir_others_may_read_is_not_read_until_tightened(cache: Path) -> None:
    _good_file(cache)
    cache.chmod(0o755)
    assert pattern_cache._load() == {}
    pattern_cache._cache = None
    pattern_cache.compile(r"\w{1,5}")
    pattern_cache.save()
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    assert pattern_cache._load() != {}


@ROOT_ONLY
def test_a_cache_file_of_another_user_is_not_read(cache: Path) -> None:
    path = _good_file(cache)
    os.chown(path, OTHER_UID, OTHER_UID)
    assert pattern_cache._load() == {}


@ROOT_ONLY
def test_a_cache_dir_of_another_user_is_neither_read_nor_written(cache: Path) -> None:
    path = _good_file(cache)
    os.chown(cache, OTHER_UID, OTHER_UID)
    assert pattern_cache._load() == {}
    before = path.read_bytes()
    assert not pattern_cache._write({})
    assert path.read_bytes() == before


def test_a_symlinked_cache_dir_is_not_used(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _good_file(cache)
    link = tmp_path / "link"
    link.symlink_to(cache)
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(link))
    assert pattern_cache._load() == {}


def test_a_symlink_at_the_cache_path_is_not_followed(cache: Path, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.cache"
    _good_file(cache).rename(target)
    victim = tmp_path / "victim"
    victim.write_text("precious", encoding="utf-8")
    (cache / pattern_cache.file_name()).symlink_to(target)
    assert pattern_cache._load() == {}  # not read through the link
    (cache / pattern_cache.file_name()).unlink()
    (cache / pattern_cache.file_name()).symlink_to(victim)
    assert pattern_cache._write(_entries())  # replaces the link itself
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not (cache / pattern_cache.file_name()).is_symlink()


def test_saving_never_follows_a_symlink_at_the_temporary_name(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = tmp_path / "victim"
    victim.write_text("precious", encoding="utf-8")
    path = cache / pattern_cache.file_name()
    # the name a previous version used, and the name this one is made to pick
    Path(f"{path}.{os.getpid()}.tmp").symlink_to(victim)
    monkeypatch.setattr(pattern_cache.os, "urandom", lambda n: b"\0" * n)
    (cache / f".{pattern_cache.file_name()}.{'00' * 8}.tmp").symlink_to(victim)
    pattern_cache.compile(r"\w{1,5}")
    pattern_cache.save()
    assert victim.read_text(encoding="utf-8") == "precious"


def test_a_fifo_at_the_cache_path_does_not_block(tmp_path: Path, page: Path) -> None:
    root = tmp_path / "cache"
    root.mkdir(mode=0o700)
    root.chmod(0o700)
    os.mkfifo(root / pattern_cache.file_name())
    _run(_cli(page), root, timeout=60)  # raised TimeoutExpired when open() waited for a writer
    assert (root / pattern_cache.file_name()).is_file()  # replaced by a real cache file


def test_a_huge_cache_file_is_not_read(cache: Path) -> None:
    path = cache / pattern_cache.file_name()
    _plant(path, pickle.dumps({}))
    with path.open("r+b") as f:
        f.truncate(pattern_cache.MAX_BYTES + 1)  # sparse: costs no disk
    assert run_guarded(pattern_cache._read, str(cache), limit=10) is None


def test_corrupted_compiled_code_is_never_handed_to_the_engine(cache: Path, tmp_path: Path, page: Path) -> None:
    """Three changed bytes in a good file: refused by the digest before unpickling, then repaired."""
    _run(_cli(page), cache)
    path = cache / pattern_cache.file_name()
    data = bytearray(path.read_bytes())
    for i in (len(data) // 3, len(data) // 2, 2 * len(data) // 3):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    assert pattern_cache._read(str(cache)) is None
    _run(_cli(page), cache, timeout=60)
    assert pattern_cache._read(str(cache)) is not None


def test_a_torn_or_foreign_file_is_refused(cache: Path) -> None:
    path = _good_file(cache)
    data = path.read_bytes()
    path.write_bytes(data[:-10])
    assert pattern_cache._read(str(cache)) is None
    path.write_bytes(b"X" + data[1:])
    assert pattern_cache._read(str(cache)) is None
