"""The on-disk cache of compiled patterns (`cleaner.pattern_cache`)."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from cleaner import pattern_cache, patterns

SRC = Path(__file__).resolve().parent.parent / "src"


def _run(code: str, cache_dir: Path | str, **env: str) -> subprocess.CompletedProcess[str]:
    full = {
        **os.environ,
        "CLEANER_CACHE_DIR": str(cache_dir),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])),
        **env,
    }
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=full)


def test_a_second_run_loads_the_patterns_from_the_cache(tmp_path: Path) -> None:
    code = (
        "import regex\n"
        "calls = []\n"
        "real = regex.compile\n"
        "regex.compile = lambda *a, **k: calls.append(a[0]) or real(*a, **k)\n"
        "import cleaner\n"
        "cleaner.clean('Headline\\n\\nSome body text.')\n"
        "print(len(calls))\n"
    )
    first = _run(code, tmp_path)
    assert int(first.stdout) >= len(patterns.ALL_PATTERNS)
    assert list(tmp_path.glob("patterns-*.pickle"))
    second = _run(code, tmp_path)
    assert int(second.stdout) == 0


def test_cached_patterns_are_the_same_patterns(tmp_path: Path) -> None:
    cache = {(p.pattern, p.flags, 0): p for p in patterns.ALL_PATTERNS}
    loaded = pattern_cache._PatternUnpickler(__import__("io").BytesIO(pickle.dumps(cache))).load()
    for p in patterns.ALL_PATTERNS:
        q = loaded[(p.pattern, p.flags, 0)]
        assert q.pattern == p.pattern and q.flags == p.flags and q.groupindex == p.groupindex
        assert q.findall("Read more: The U.S. said.Related Stories ADVERTISEMENT (AP Photo/X) 2024-01-02") == (
            p.findall("Read more: The U.S. said.Related Stories ADVERTISEMENT (AP Photo/X) 2024-01-02")
        )


@pytest.mark.parametrize(
    "content",
    [b"", b"not a pickle", pickle.dumps(["a list"]), pickle.dumps({("x", 0, 0): "not a pattern"})],
    ids=["empty", "garbage", "not-a-dict", "not-patterns"],
)
def test_a_bad_cache_file_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes) -> None:
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    path = pattern_cache.cache_path()
    assert path is not None
    Path(path).write_bytes(content)
    assert pattern_cache._load() == {}


def test_the_cache_file_may_hold_nothing_but_patterns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Evil:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, ("echo pwned",))

    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    path = pattern_cache.cache_path()
    assert path is not None
    Path(path).write_bytes(pickle.dumps({("x", 0, 0): Evil()}))
    assert pattern_cache._load() == {}


def test_an_empty_cache_dir_turns_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEANER_CACHE_DIR", "")
    assert pattern_cache.cache_path() is None
    code = "import cleaner; cleaner.clean('Headline\\n\\nSome body text.')"
    _run(code, "", HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "xdg"))
    assert not list(tmp_path.iterdir())


def test_the_default_cache_dir_follows_xdg(tmp_path: Path) -> None:
    code = "import cleaner; cleaner.clean('Headline\\n\\nSome body text.')"
    full = {k: v for k, v in os.environ.items() if k != "CLEANER_CACHE_DIR"}
    full.update(
        PYTHONPATH=os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])), XDG_CACHE_HOME=str(tmp_path)
    )
    subprocess.run([sys.executable, "-c", code], check=True, env=full)
    assert [p.name for p in (tmp_path / "cleaner").iterdir()] == [
        f"patterns-{regex.__version__}-{sys.implementation.cache_tag}.pickle"
    ]


def test_an_unwritable_cache_dir_is_no_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    out = _run("import cleaner; print(cleaner.clean('Headline\\n\\nSome body text.').status)", blocker / "cache")
    assert out.stdout.strip() in {"cleaned", "unchanged", "not_an_article"}


def test_compile_matches_regex_compile() -> None:
    p = pattern_cache.compile(r"(?P<w>\w{1,5})\s", regex.IGNORECASE)
    assert p.flags & regex.IGNORECASE and p.match("Hello world")["w"] == "Hello"
