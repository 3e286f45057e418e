"""A real `pre-commit run` in a throw-away git repository, with the hook as a local system hook.

The hook runs `<this python> -m cleaner`, so no network and no hook environment is needed. The
first run must fail and rewrite the dirty seeds into their clean form; the second must pass
without touching anything (the written text is a fixed point).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import cleaner
from cleaner.io import to_output
from conftest import ROOT, seed_paths

pytest.importorskip("pre_commit", reason="pre-commit is not installed (it is in the dev extra)")

if shutil.which("git") is None:  # pragma: no cover - CI always has git
    pytest.skip("git is not installed; the pre-commit test needs a git repository", allow_module_level=True)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _pre_commit(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1", "SKIP": ""}
    env.pop("GIT_DIR", None)
    env.pop("GIT_INDEX_FILE", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "articles").mkdir(parents=True)
    _git(repo, "init", "-q")
    _git(repo, "config", "user.name", "Cleaner Test")
    _git(repo, "config", "user.email", "cleaner-test@example.invalid")
    _git(repo, "config", "commit.gpgsign", "false")
    for p in seed_paths():
        shutil.copyfile(p, repo / "articles" / p.name)
    (repo / "notes.md").write_text("Not matched by the hook's files pattern.\n", encoding="utf-8")
    entry = json.dumps(f"{sys.executable} -m cleaner")  # a JSON string is a valid YAML scalar
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        "  - repo: local\n"
        "    hooks:\n"
        "      - id: cleaner\n"
        "        name: cleaner\n"
        f"        entry: {entry}\n"
        "        language: system\n"
        "        types: [text]\n"
        "        files: \\.txt$\n",
        encoding="utf-8",
    )
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "dirty articles")
    return repo


def test_pre_commit_fixes_then_passes(repo: Path, tmp_path: Path) -> None:
    home = tmp_path / "pre-commit-home"
    originals = {p.name: p.read_text(encoding="utf-8") for p in seed_paths()}
    notes = (repo / "notes.md").read_bytes()

    first = _pre_commit(repo, home)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "Failed" in first.stdout
    assert "files were modified by this hook" in first.stdout
    for name, text in originals.items():
        article = cleaner.clean(text)
        assert (repo / "articles" / name).read_text(encoding="utf-8") == to_output(article.text)
    assert (repo / "notes.md").read_bytes() == notes

    _git(repo, "add", ".")
    after = {name: (repo / "articles" / name).read_bytes() for name in originals}
    second = _pre_commit(repo, home)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Passed" in second.stdout
    assert {name: (repo / "articles" / name).read_bytes() for name in originals} == after
    unstaged = subprocess.run(["git", "diff", "--name-only"], cwd=repo, capture_output=True, text=True, check=True)
    assert unstaged.stdout == "", "the second run changed nothing"


def test_hook_manifest_is_valid() -> None:
    from pre_commit.clientlib import load_manifest

    hooks = {hook["id"]: hook for hook in load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))}
    assert set(hooks) == {"cleaner", "cleaner-check"}
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["types"] == ["text"]
        assert hook["entry"].split()[0] == "cleaner"
        assert hook["files"]
    assert hooks["cleaner"]["entry"] == "cleaner"
    assert "--check" in hooks["cleaner-check"]["entry"].split()
