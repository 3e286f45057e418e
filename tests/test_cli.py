"""The `cleaner` command, end to end: a real process on temporary copies of the seeds.

Most tests start `python -m cleaner` as a subprocess; the few that need to hide an optional
module (cleaner.report, cleaner.templates, cleaner.html) call `cli.main` in-process.
"""

from __future__ import annotations

import gzip
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import cleaner
from cleaner import cli
from cleaner.io import to_output
from conftest import seed_paths

UNDECODABLE = bytes(range(0x80, 0x100)) * 4
EXPLAIN_LINE = re.compile(r'^(?P<path>.+):(?P<line>\d+):(?P<col>\d+) (?P<code>[A-Z]{3}\d{3}) (?P<kind>[a-z_]+) "(.*)"$')


def run(
    *args: str | Path, cwd: Path, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    environ = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    environ.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "cleaner", *map(str, args)],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=environ,
        timeout=120,
        check=False,
    )


def call(
    *args: str | Path, cwd: Path, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """`run` in this process (much faster): the same result object, from `cli.main`."""
    assert env is None, "use run() to change the environment"
    argv = [str(a) for a in args]
    saved = sys.stdin, sys.stdout, sys.stderr, Path.cwd()
    stdout, stderr = io.TextIOWrapper(io.BytesIO(), "utf-8"), io.TextIOWrapper(io.BytesIO(), "utf-8")
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin or b""), "utf-8")
    sys.stdout, sys.stderr = stdout, stderr
    try:
        os.chdir(cwd)
        try:
            code = cli.main(argv)
        except SystemExit as e:  # argparse usage errors and --help
            code = e.code if isinstance(e.code, int) else 2
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved[:3]
        os.chdir(saved[3])
    stdout.flush()
    stderr.flush()
    return subprocess.CompletedProcess(
        argv,
        code,
        stdout.buffer.getvalue(),  # type: ignore[attr-defined]
        stderr.buffer.getvalue(),  # type: ignore[attr-defined]
    )


def out(proc: subprocess.CompletedProcess[bytes]) -> str:
    return proc.stdout.decode("utf-8")


def err(proc: subprocess.CompletedProcess[bytes]) -> str:
    return proc.stderr.decode("utf-8")


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file under `directory` with its bytes (temporary files would show up here)."""
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def cleaned(text: str, config: cleaner.Config | None = None) -> str:
    article = cleaner.clean(text, config=config)
    return text if article.status == "not_an_article" else to_output(article.text)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A writable copy of the seeds in tmp_path/corpus."""
    directory = tmp_path / "corpus"
    directory.mkdir()
    for p in seed_paths():
        target = directory / p.name
        shutil.copyfile(p, target)
        target.chmod(0o644)
    return directory


# --- In-place cleaning, --check, --diff, second run -------------------------------------------


def test_readme_diff_command_writes_nothing(corpus: Path) -> None:
    before = snapshot(corpus)
    proc = run("--diff", corpus.name, cwd=corpus.parent)
    assert proc.returncode == 0, err(proc)
    assert snapshot(corpus) == before
    for p in seed_paths():
        assert f"--- {corpus.name}/{p.name}" in out(proc)
        assert f"+++ {corpus.name}/{p.name}" in out(proc)
    assert "5 files would be cleaned" in err(proc)


def test_fix_in_place_then_second_run_changes_nothing(corpus: Path) -> None:
    originals = snapshot(corpus)
    proc = run(corpus, cwd=corpus.parent)
    assert proc.returncode == 1, err(proc)
    for name, data in originals.items():
        assert f"Fixing {corpus / name}" in err(proc)
        assert (corpus / name).read_text(encoding="utf-8") == cleaned(data.decode("utf-8"))
    assert "5 files cleaned, 0 left unchanged." in err(proc)
    assert proc.stdout == b""
    assert sorted(snapshot(corpus)) == sorted(originals), "a temporary file was left behind"

    after = snapshot(corpus)
    again = run(corpus, cwd=corpus.parent)
    assert again.returncode == 0, err(again)
    assert snapshot(corpus) == after
    assert "Fixing" not in err(again)
    assert "0 files cleaned, 5 left unchanged." in err(again)


def test_check_writes_nothing_and_exits_1(corpus: Path) -> None:
    before = snapshot(corpus)
    proc = run("--check", corpus, cwd=corpus.parent)
    assert proc.returncode == 1
    assert snapshot(corpus) == before
    assert err(proc).count("Would fix") == len(before)
    assert run(corpus, "-q", cwd=corpus.parent).returncode == 1
    clean_run = run("--check", corpus, cwd=corpus.parent)
    assert clean_run.returncode == 0
    assert "0 files would be cleaned, 5 left unchanged." in err(clean_run)


def test_diff_with_check_exits_1_and_the_diff_applies(corpus: Path) -> None:
    path = corpus / seed_paths()[0].name
    original = path.read_text(encoding="utf-8")
    proc = run("--diff", "--check", path.name, cwd=corpus)
    assert proc.returncode == 1
    assert path.read_text(encoding="utf-8") == original
    removed = [line[1:] for line in out(proc).splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in out(proc).splitlines() if line.startswith("+") and not line.startswith("+++")]
    kept = cleaned(original).splitlines()
    assert removed and all(line in original.splitlines() for line in removed)
    assert all(line in kept for line in added)


def test_quiet_prints_nothing(corpus: Path) -> None:
    proc = call("-q", corpus, cwd=corpus.parent)
    assert proc.returncode == 1
    assert proc.stderr == b""
    assert proc.stdout == b""


def test_single_file_argument_is_cleaned_whatever_its_extension(tmp_path: Path) -> None:
    path = tmp_path / "article.md"
    text = seed_paths()[1].read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    assert call(path.name, cwd=tmp_path).returncode == 1
    assert path.read_text(encoding="utf-8") == cleaned(text)


# --- stdin / stdout ----------------------------------------------------------------------------


def test_stdin_to_stdout(tmp_path: Path) -> None:
    text = seed_paths()[2].read_text(encoding="utf-8")
    proc = run("-", cwd=tmp_path, stdin=text.encode("utf-8"))
    assert proc.returncode == 0, err(proc)
    assert out(proc) == cleaned(text)
    check = run("--check", "-", cwd=tmp_path, stdin=text.encode("utf-8"))
    assert check.returncode == 1
    assert check.stdout == b""
    stable = run("--check", "-", cwd=tmp_path, stdin=proc.stdout)
    assert stable.returncode == 0


def test_stdin_diff_and_json(tmp_path: Path) -> None:
    text = seed_paths()[0].read_text(encoding="utf-8")
    diff = run("--diff", "-", cwd=tmp_path, stdin=text.encode("utf-8"))
    assert diff.returncode == 0
    assert out(diff).startswith("--- <stdin>\n+++ <stdin>\n")
    js = run("--format", "json", "-", cwd=tmp_path, stdin=text.encode("utf-8"))
    assert json.loads(js.stdout) == cleaner.clean(text).to_dict()


def test_stdin_undecodable_is_an_input_error(tmp_path: Path) -> None:
    proc = run("-", cwd=tmp_path, stdin=UNDECODABLE)
    assert proc.returncode == 2
    assert proc.stdout == b""
    assert "<stdin>" in err(proc)


def test_stdin_cannot_be_mixed_with_paths(corpus: Path) -> None:
    proc = run("-", corpus, cwd=corpus.parent)
    assert proc.returncode == 2
    assert "cannot be mixed" in err(proc)


# --- JSON output and --explain -----------------------------------------------------------------


def test_format_json_single_file(corpus: Path) -> None:
    path = corpus / seed_paths()[0].name
    before = path.read_bytes()
    proc = run("--format", "json", path.name, cwd=corpus)
    assert proc.returncode == 0
    assert path.read_bytes() == before
    data = json.loads(proc.stdout)
    expected = cleaner.clean(before.decode("utf-8"))
    assert data == {"path": path.name, **expected.to_dict()}
    assert {"headline", "dateline", "date", "body", "removed"} <= data.keys()
    codes = {r.code for r in cleaner.RULES}
    text = before.decode("utf-8")
    for removal in data["removed"]:
        assert removal["rule"] in codes
        assert text[removal["start"] : removal["end"]] == removal["text"]


def test_format_json_directory_is_a_list_and_jsonl_a_line_per_file(corpus: Path) -> None:
    proc = call("--format", "json", corpus.name, cwd=corpus.parent)
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    assert [Path(d["path"]).name for d in data] == [p.name for p in seed_paths()]
    lines = call("--format", "jsonl", corpus.name, cwd=corpus.parent)
    records = [json.loads(line) for line in lines.stdout.splitlines()]
    assert records == data


def test_explain_points_at_each_removal(corpus: Path) -> None:
    path = corpus / seed_paths()[0].name
    text = path.read_text(encoding="utf-8")
    article = cleaner.clean(text)
    proc = run("--explain", "--check", path.name, cwd=corpus)
    assert proc.returncode == 1
    lines = out(proc).splitlines()
    assert len(lines) == len(article.removed)
    source_lines = text.splitlines(keepends=True)
    for line, removal in zip(lines, article.removed, strict=True):
        m = EXPLAIN_LINE.match(line)
        assert m, line
        assert m["path"] == path.name
        assert (m["code"], m["kind"]) == (removal.rule, removal.kind)
        row, col = int(m["line"]), int(m["col"])
        assert sum(map(len, source_lines[: row - 1])) + col - 1 == removal.start
    assert "\x1b[" not in out(proc), "no colour when stdout is not a terminal"
    report_only = call("--explain", path.name, cwd=corpus)
    assert report_only.returncode == 0
    assert out(report_only) == out(proc)
    assert path.read_text(encoding="utf-8") == text, "--explain writes nothing"


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize("no_color", [False, True])
def test_explain_colour_only_on_a_terminal_without_no_color(corpus: Path, no_color: bool) -> None:
    import pty

    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    if no_color:
        env["NO_COLOR"] = "1"
    proc = subprocess.run(
        [sys.executable, "-m", "cleaner", "--explain", "--check", seed_paths()[0].name],
        cwd=corpus,
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env=env,
        timeout=120,
        check=False,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    text = b"".join(chunks).decode("utf-8")
    assert proc.returncode == 1
    assert seed_paths()[0].name in text
    assert ("\x1b[" in text) is not no_color


def test_excerpt_is_one_line_and_shortened() -> None:
    assert cli.excerpt("a\n b   c") == "a b c"
    long = "word " * 40
    short = cli.excerpt(long)
    assert len(short) <= cli.EXCERPT_CHARS and short.endswith("…")


def test_statistics_counts_every_removal(corpus: Path) -> None:
    proc = call("--statistics", "--check", corpus.name, cwd=corpus.parent)
    total = sum(len(cleaner.clean(p.read_text(encoding="utf-8")).removed) for p in seed_paths())
    counts = [int(line.split()[0]) for line in out(proc).splitlines()]
    assert sum(counts) == total


# --- Rule selection and configuration ----------------------------------------------------------


def _removed_rules(proc: subprocess.CompletedProcess[bytes]) -> set[str]:
    return {r["rule"] for r in json.loads(proc.stdout)["removed"]}


def _kinds(proc: subprocess.CompletedProcess[bytes]) -> set[str]:
    return {r["kind"] for r in json.loads(proc.stdout)["removed"]}


def test_select_and_ignore_by_code_prefix_and_kind(corpus: Path) -> None:
    name = seed_paths()[0].name
    everything = call("--format", "json", name, cwd=corpus)
    rules = _removed_rules(everything)
    kind = sorted(_kinds(everything))[0]
    one = sorted(rules)[0]
    selected = call("--format", "json", "--select", one, name, cwd=corpus)
    assert _removed_rules(selected) <= {one}
    ignored = call("--format", "json", "--ignore", f"{kind},{one[:3]}", name, cwd=corpus)
    assert kind not in _kinds(ignored)
    assert not any(code.startswith(one[:3]) for code in _removed_rules(ignored))


def test_unknown_selector_is_a_usage_error(corpus: Path) -> None:
    proc = call("--select", "NOPE999", corpus, cwd=corpus.parent)
    assert proc.returncode == 2
    assert "NOPE999" in err(proc) and "cleaner rules" in err(proc)


def _toml_list(values: list[str]) -> str:
    return "[" + ", ".join(json.dumps(v) for v in values) + "]"


def test_pyproject_is_found_walking_up_and_flags_override_it(corpus: Path) -> None:
    name = seed_paths()[0].name
    kinds = sorted(_kinds(call("--format", "json", name, cwd=corpus)))
    (corpus.parent / "pyproject.toml").write_text(
        f"[project]\nname = 'x'\n\n[tool.cleaner]\nignore = {_toml_list(kinds[:1])}\n", encoding="utf-8"
    )
    nested = corpus / "deeper" / "still"
    nested.mkdir(parents=True)
    proc = call("--format", "json", f"../../{name}", cwd=nested)
    assert proc.returncode == 0, err(proc)
    assert kinds[0] not in _kinds(proc)
    assert set(kinds[1:]) <= _kinds(proc)
    overridden = call("--format", "json", "--ignore", kinds[1], f"../../{name}", cwd=nested)
    assert kinds[0] in _kinds(overridden)
    assert kinds[1] not in _kinds(overridden)


def test_config_file_patterns_and_min_body_words(corpus: Path) -> None:
    path = corpus / seed_paths()[1].name
    text = cleaned(path.read_text(encoding="utf-8"))
    parts = text.rstrip("\n").split("\n\n")
    marker = "Zq-marker 4711 for the test"
    parts.insert(2, marker)
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    config = corpus.parent / "cleaner.toml"
    config.write_text('patterns = { promo = ["Zq-marker \\\\d+ .*"] }\n', encoding="utf-8")
    proc = call("--config", config, "--format", "json", path.name, cwd=corpus)
    assert proc.returncode == 0, err(proc)
    user = [r for r in json.loads(proc.stdout)["removed"] if r["rule"] == "USR001"]
    assert [(r["kind"], r["text"]) for r in user] == [("promo", marker)]

    config.write_text("min-body-words = 1000000\n", encoding="utf-8")
    before = snapshot(corpus)
    strict = call("--config", config, corpus, cwd=corpus.parent)
    assert strict.returncode == 0
    assert snapshot(corpus) == before
    assert err(strict).count("not an article;") == len(before)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("select = [", "is not valid TOML"),
        ("selekt = ['CSS']", "unknown key 'selekt'"),
        ("preview = 'yes'", "preview must be true or false"),
        ("min-body-words = -3", "min-body-words must be an integer"),
        ("patterns = { nonsense_kind = 'x' }", "Unknown kind"),
        ("patterns = ['(unclosed']", "does not compile"),
    ],
)
def test_bad_configuration_is_a_usage_error(corpus: Path, content: str, message: str) -> None:
    config = corpus.parent / "bad.toml"
    config.write_text(content + "\n", encoding="utf-8")
    before = snapshot(corpus)
    proc = call("--config", config, corpus, cwd=corpus.parent)
    assert proc.returncode == 2
    assert message in err(proc)
    assert str(config) in err(proc)
    assert snapshot(corpus) == before


def test_missing_config_file_and_missing_path(corpus: Path) -> None:
    proc = call("--config", "nowhere.toml", corpus, cwd=corpus.parent)
    assert proc.returncode == 2 and "nowhere.toml" in err(proc)
    proc = call("no/such/file.txt", cwd=corpus.parent)
    assert proc.returncode == 2 and "no/such/file.txt" in err(proc)


def test_include_and_exclude_globs(corpus: Path) -> None:
    seeds = seed_paths()
    (corpus / seeds[0].name).rename(corpus / "page.md")
    sub = corpus / "skipme"
    sub.mkdir()
    shutil.copyfile(seeds[0], sub / "x.txt")
    hidden = corpus / ".hidden"
    hidden.mkdir()
    shutil.copyfile(seeds[0], hidden / "y.txt")
    proc = call("--check", "--exclude", "skipme", corpus.name, cwd=corpus.parent)
    assert err(proc).count("Would fix") == len(seeds) - 1
    assert "page.md" not in err(proc) and "skipme" not in err(proc) and ".hidden" not in err(proc)
    (corpus.parent / "pyproject.toml").write_text(
        "[tool.cleaner]\ninclude = ['*.md']\nexclude = ['00*']\n", encoding="utf-8"
    )
    configured = call("--check", corpus.name, cwd=corpus.parent)
    assert err(configured).count("Would fix") == 1 and "page.md" in err(configured)
    flags = call("--check", "--include", "*.txt,*.md", "--exclude", "skipme", corpus.name, cwd=corpus.parent)
    assert err(flags).count("Would fix") == len(seeds)


# --- Safety: files that must never be rewritten ------------------------------------------------


def test_binary_undecodable_empty_and_short_files_are_untouched(corpus: Path) -> None:
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (corpus / "latin.txt").write_bytes(UNDECODABLE)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blank.txt").write_bytes(b"\n\n  \n")
    (corpus / "short.txt").write_bytes(b"A line.\r\nAnother line, not an article.\r\n")
    untouched = {
        n: (corpus / n).read_bytes() for n in ("binary.txt", "latin.txt", "empty.txt", "blank.txt", "short.txt")
    }
    proc = run(corpus.name, cwd=corpus.parent)
    assert proc.returncode == 2, "binary and undecodable inputs are input errors"
    for name, data in untouched.items():
        assert (corpus / name).read_bytes() == data, name
    stderr = err(proc)
    assert re.search(r"binary\.txt: looks like a binary file", stderr)
    assert re.search(r"latin\.txt: is not valid UTF-8", stderr)
    assert "empty.txt: is empty" in stderr
    assert "short.txt: not an article; left unchanged." in stderr
    assert stderr.count("Fixing") == len(seed_paths()), "the other files are still cleaned"
    assert "4 skipped" in stderr


def test_only_empty_or_short_files_exit_0(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "short.txt").write_text("Too short to be an article.\n", encoding="utf-8")
    proc = call(".", cwd=tmp_path)
    assert proc.returncode == 0
    assert (tmp_path / "short.txt").read_text(encoding="utf-8") == "Too short to be an article.\n"


def test_file_mode_is_kept(corpus: Path) -> None:
    path = corpus / seed_paths()[0].name
    path.chmod(0o600)
    assert call(path.name, cwd=corpus).returncode == 1
    assert path.stat().st_mode & 0o777 == 0o600


def test_legacy_encoding_is_rewritten_as_utf8(tmp_path: Path) -> None:
    text = seed_paths()[3].read_text(encoding="utf-8")
    legacy = text.replace("’", "'").replace("“", '"').replace("”", '"').replace("–", "-").replace("—", "-")
    legacy += "\nLe café était fermé, a déclaré le maire à la presse mercredi.\n"
    path = tmp_path / "legacy.txt"
    path.write_bytes(legacy.encode("cp1252"))
    assert call(path.name, cwd=tmp_path).returncode == 1
    assert path.read_text(encoding="utf-8") == cleaned(legacy)


def test_keep_removed_records_restorable_spans(corpus: Path) -> None:
    originals = {p.name: p.read_text(encoding="utf-8") for p in corpus.iterdir()}
    log = corpus.parent / "removed.jsonl"
    assert call("--keep-removed", log, corpus.name, cwd=corpus.parent).returncode == 1
    rows = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    expected = sum(len(cleaner.clean(t).removed) for t in originals.values())
    assert len(rows) == expected
    for row in rows:
        assert set(row) == {"path", "rule", "kind", "start", "end", "text"}
        assert originals[Path(row["path"]).name][row["start"] : row["end"]] == row["text"]
    assert call("--keep-removed", log, corpus.name, cwd=corpus.parent).returncode == 0
    assert len(log.read_text(encoding="utf-8").splitlines()) == expected, "nothing appended when nothing changed"


# --- Parallel runs -----------------------------------------------------------------------------


def _many(directory: Path, copies: int) -> None:
    for k in range(copies):
        for p in seed_paths():
            target = directory / f"{k:02d}_{p.name}"
            shutil.copyfile(p, target)
            target.chmod(0o644)


def test_jobs_2_equals_jobs_1_byte_for_byte(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    for d in (one, two):
        d.mkdir()
        _many(d, 3)
    a = run("--jobs", "1", "--explain", "one", cwd=tmp_path)
    b = run("--jobs", "2", "--explain", "two", cwd=tmp_path)
    assert a.returncode == b.returncode == 0
    assert out(a) and out(a).replace("one/", "") == out(b).replace("two/", "")
    a = run("--jobs", "1", "one", cwd=tmp_path)
    b = run("--jobs", "2", "two", cwd=tmp_path)
    assert a.returncode == b.returncode == 1
    assert snapshot(one) == snapshot(two)
    assert err(a).count("Fixing") == 3 * len(seed_paths())
    assert err(a).replace("one/", "") == err(b).replace("two/", "")
    assert "\r" not in err(b), "no progress bar when stderr is not a terminal"


def test_jobs_2_slim_results_report_and_log_as_jobs_1(tmp_path: Path) -> None:
    """Worker processes send back a `Brief` of each article (`Settings.slim`): the statistics,
    the removal log, the diff and the unsure or not-an-article notes are those of --jobs 1."""
    one, two = tmp_path / "one", tmp_path / "two"
    for d in (one, two):
        d.mkdir()
        _many(d, 2)
        (d / "short.txt").write_text("Share this:\nA short line.\n", encoding="utf-8")
        (d / "menu.txt").write_text("Home\nNews\nSport\nContact us\n", encoding="utf-8")
    for flags in (["--check", "--statistics"], ["--diff"]):
        a = run("--jobs", "1", *flags, "one", cwd=tmp_path)
        b = run("--jobs", "2", *flags, "two", cwd=tmp_path)
        assert a.returncode == b.returncode
        assert out(a) and out(a).replace("one/", "") == out(b).replace("two/", ""), flags
        assert err(a).replace("one/", "") == err(b).replace("two/", ""), flags
    a = run("--jobs", "1", "--keep-removed", "a.jsonl", "--statistics", "one", cwd=tmp_path)
    b = run("--jobs", "2", "--keep-removed", "b.jsonl", "--statistics", "two", cwd=tmp_path)
    assert a.returncode == b.returncode == 1
    assert out(a) == out(b)
    logged = (tmp_path / "a.jsonl").read_text(encoding="utf-8")
    assert logged and logged.replace('"one/', '"') == (tmp_path / "b.jsonl").read_text(encoding="utf-8").replace(
        '"two/', '"'
    )
    assert snapshot(one) == snapshot(two)


def test_slim_file_results_carry_what_the_command_uses(tmp_path: Path) -> None:
    import pickle

    from cleaner.batch import FileTask, Settings, clean_file, init_worker
    from cleaner.brief import Brief

    page = tmp_path / "page.txt"
    shutil.copyfile(seed_paths()[0], page)
    try:
        init_worker(Settings(cleaner.Config()))
        whole = clean_file(FileTask(str(page)))
        init_worker(Settings(cleaner.Config(), slim=True))
        slim = clean_file(FileTask(str(page)))
    finally:
        init_worker(Settings(cleaner.Config()))
    assert isinstance(whole.article, cleaner.Article) and isinstance(slim.article, Brief)
    assert (slim.task, slim.outcome, slim.original, slim.output) == (
        whole.task,
        whole.outcome,
        whole.original,
        whole.output,
    )
    assert slim.article.messages == whole.article.messages
    assert [tuple(r) for r in slim.article.removed] == [
        (r.rule, r.name, r.kind, r.start, r.end, r.text) for r in whole.article.removed
    ]
    assert [r.text for r in slim.article.removed] == [r.text for r in whole.article.removed]
    assert len(pickle.dumps(slim)) < len(pickle.dumps(whole)) * 0.75


# --- Subcommands -------------------------------------------------------------------------------


def test_rules_lists_the_registry(tmp_path: Path) -> None:
    proc = run("rules", cwd=tmp_path)
    assert proc.returncode == 0
    lines = out(proc).splitlines()
    assert len(lines) == len(cleaner.RULES)
    for line, rule in zip(lines, cleaner.RULES, strict=True):
        assert line.split()[:3] == [rule.code, rule.kind, rule.name]
    js = run("rules", "--format", "json", cwd=tmp_path)
    assert [r["code"] for r in json.loads(js.stdout)] == [r.code for r in cleaner.RULES]


def test_rule_prints_doc_and_examples(tmp_path: Path) -> None:
    rule = next(r for r in cleaner.RULES if r.noise and r.keep and r.doc)
    proc = call("rule", rule.code.lower(), cwd=tmp_path)
    assert proc.returncode == 0
    text = out(proc)
    assert text.startswith(f"# {rule.code} {rule.name}")
    assert rule.summary in text and rule.doc in text
    assert all(example in text for example in (*rule.noise, *rule.keep))
    missing = call("rule", "ZZZ999", cwd=tmp_path)
    assert missing.returncode == 2 and "ZZZ999" in err(missing)


def test_report_dispatches_to_cleaner_report(tmp_path: Path) -> None:
    pytest.importorskip("cleaner.report")
    proc = run("report", "--help", cwd=tmp_path)
    assert proc.returncode == 0
    assert "cleaner report" in out(proc)


@pytest.mark.parametrize(
    ("module", "argv", "message"),
    [
        ("cleaner.report", ["report"], "cleaner.report module is missing"),
        ("cleaner.templates", ["--learn-site-templates", "."], "cleaner.templates module is missing"),
        ("cleaner.templates", ["--templates", "t.idx", "."], "cleaner.templates module is missing"),
    ],
)
def test_missing_optional_module_exits_2(
    corpus: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    module: str,
    argv: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(corpus)
    monkeypatch.setitem(sys.modules, module, None)
    before = snapshot(corpus)
    assert cli.main(argv) == 2
    assert message in capsys.readouterr().err
    assert snapshot(corpus) == before


# --- Usage errors and exit codes ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "Give files or directories"),
        (["--jobs", "0", "."], "--jobs must be 1 or more"),
        (["--save-templates", "x", "."], "--save-templates needs --learn-site-templates"),
        (["--learn-site-templates", "--templates", "x", "."], "not both"),
        (["--jsonl", "in.jsonl", "."], "drop the PATH arguments"),
        (["--jsonl", "in.jsonl", "--check"], "--check works on files"),
        (["--output", "x.jsonl", "."], "--output only applies with --jsonl"),
        (["--html-to-text", "--format", "json", "."], "cannot be combined"),
        (["--no-such-flag", "."], "unrecognized arguments"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, argv: list[str], message: str) -> None:
    proc = call(*argv, cwd=tmp_path)
    assert proc.returncode == 2
    assert message in err(proc)


def test_version(tmp_path: Path) -> None:
    proc = run("--version", cwd=tmp_path)
    assert proc.returncode == 0 and cleaner.__version__ in out(proc)


def test_empty_directory_is_nothing_to_do(tmp_path: Path) -> None:
    proc = call(".", cwd=tmp_path)
    assert proc.returncode == 0 and "No files to clean" in err(proc)


# --- JSONL corpus mode -------------------------------------------------------------------------


def _records(copies: int = 1) -> list[dict[str, Any]]:
    base: list[dict[str, Any]] = []
    for i, p in enumerate(seed_paths()):
        base.append(
            {
                "id": i,
                "url": f"https://www.site{i % 2}.example/news/{i}",
                "text": p.read_text(encoding="utf-8"),
                "meta": {"lang": "en", "tags": ["a", "b"], "score": 0.5},
            }
        )
    base.append({"id": "no-text", "body": "a record without the text field"})
    base.append({"id": "short", "text": "Just a line."})
    base.append({"id": "number", "text": 42})
    return [dict(r, copy=k) for k in range(copies) for r in base]


def _write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)


def _expected_jsonl(records: list[dict[str, Any]], text_field: str = "text") -> bytes:
    return "".join(json.dumps(cleaner.clean_record(r, text_field), ensure_ascii=False) + "\n" for r in records).encode(
        "utf-8"
    )


def test_jsonl_round_trip_keeps_every_field(tmp_path: Path) -> None:
    records = _records()
    _write_jsonl(tmp_path / "in.jsonl", records)
    proc = run("--jsonl", "in.jsonl", "-o", "out.jsonl", cwd=tmp_path)
    assert proc.returncode == 0, err(proc)
    assert (tmp_path / "out.jsonl").read_bytes() == _expected_jsonl(records)
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    for before, after in zip(records, rows, strict=True):
        assert {k: v for k, v in after.items() if k in before and k != "text"} == {
            k: v for k, v in before.items() if k != "text"
        }
    assert "8 records: 5 cleaned, 0 unchanged, 1 not an article, 2 skipped" in err(proc)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def test_jsonl_text_field_gzip_and_stdin_stdout(tmp_path: Path) -> None:
    records = [{"content": r.pop("text"), **r} if "text" in r else r for r in _records()]
    _write_jsonl(tmp_path / "in.jsonl.gz", records)
    proc = run("--jsonl", "in.jsonl.gz", "-o", "out.jsonl.gz", "--text-field", "content", cwd=tmp_path)
    assert proc.returncode == 0, err(proc)
    assert gzip.decompress((tmp_path / "out.jsonl.gz").read_bytes()) == _expected_jsonl(records, "content")
    plain = gzip.decompress((tmp_path / "in.jsonl.gz").read_bytes())
    piped = run("--jsonl", "-", "--text-field", "content", cwd=tmp_path, stdin=plain)
    assert piped.returncode == 0
    assert piped.stdout == _expected_jsonl(records, "content")


def test_jsonl_jobs_2_equals_jobs_1(tmp_path: Path) -> None:
    # 200 records, several chunks per worker; a few real articles among short non-articles keep it fast.
    seeds = _records()
    records = [seeds[(k // 40) % len(seeds)] if k % 40 == 0 else {"id": k, "text": f"Line {k}."} for k in range(200)]
    _write_jsonl(tmp_path / "in.jsonl", records)
    a = run("--jsonl", "in.jsonl", "-o", "a.jsonl", "--jobs", "1", cwd=tmp_path)
    b = run("--jsonl", "in.jsonl", "-o", "b.jsonl", "--jobs", "2", cwd=tmp_path)
    assert a.returncode == b.returncode == 0
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes() == _expected_jsonl(records)


def test_jsonl_bad_lines_are_reported_and_passed_through(tmp_path: Path) -> None:
    records = _records()
    good = _expected_jsonl(records).splitlines(keepends=True)
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines.insert(2, "{not json")
    lines.insert(4, "[1, 2]")
    lines.insert(5, "")
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = call("--jsonl", "in.jsonl", "-o", "out.jsonl", cwd=tmp_path)
    assert proc.returncode == 2
    assert "in.jsonl:3: is not valid JSON" in err(proc)
    assert "in.jsonl:5: holds a JSON list, not an object" in err(proc)
    good.insert(2, b"{not json\n")
    good.insert(4, b"[1, 2]\n")
    assert (tmp_path / "out.jsonl").read_bytes() == b"".join(good)
    assert "2 failed (passed through unchanged)" in err(proc)


def test_jsonl_output_must_differ_from_input(tmp_path: Path) -> None:
    _write_jsonl(tmp_path / "in.jsonl", _records())
    before = (tmp_path / "in.jsonl").read_bytes()
    proc = call("--jsonl", "in.jsonl", "-o", "in.jsonl", cwd=tmp_path)
    assert proc.returncode == 2
    assert (tmp_path / "in.jsonl").read_bytes() == before
    assert call("--jsonl", "missing.jsonl", cwd=tmp_path).returncode == 2


# --- HTML files --------------------------------------------------------------------------------


def _html_page(text: str) -> str:
    """An HTML page around an article's text, with site furniture that is not article text."""
    headline, *paragraphs = cleaned(text).rstrip("\n").split("\n\n")
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    return (
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>"
        + html.escape(headline)
        + "</title></head><body>\n<nav><a href='/'>Home</a> <a href='/a'>Section A</a></nav>\n"
        + f"<article><h1>{html.escape(headline)}</h1>\n{body}</article>\n"
        + "<footer><a href='/terms'>Terms</a></footer></body></html>\n"
    )


@pytest.fixture
def html_dir(tmp_path: Path) -> Path:
    pytest.importorskip("cleaner.html")
    pytest.importorskip("trafilatura")
    directory = tmp_path / "pages"
    directory.mkdir()
    for p in seed_paths()[:2]:
        (directory / f"{p.stem}.html").write_text(_html_page(p.read_text(encoding="utf-8")), encoding="utf-8")
    return directory


def test_html_is_skipped_without_the_flag(html_dir: Path) -> None:
    before = snapshot(html_dir)
    proc = call(".", cwd=html_dir)
    assert proc.returncode == 0
    assert snapshot(html_dir) == before
    assert err(proc).count("HTML page skipped; use --html-to-text") == 2


def test_html_to_text_writes_txt_beside_and_keeps_the_html(html_dir: Path) -> None:
    from cleaner.html import clean_html

    before = snapshot(html_dir)
    proc = run("--html-to-text", ".", cwd=html_dir)
    assert proc.returncode == 1, err(proc)
    for name, data in before.items():
        assert (html_dir / name).read_bytes() == data
        txt = html_dir / name.replace(".html", ".txt")
        written = txt.read_text(encoding="utf-8")
        assert written == to_output(cleaner.clean(clean_html(data.decode("utf-8")).text).text)
        assert f"Fixing {txt.name}" in err(proc)
    again = run("--html-to-text", ".", cwd=html_dir)
    assert again.returncode == 0, err(again)
    assert "0 files cleaned, 2 left unchanged" in err(again)
    # the written text is a fixed point of the text hook: committing it changes nothing
    check = run("--check", *(p.name for p in html_dir.glob("*.txt")), cwd=html_dir)
    assert check.returncode == 0, err(check)


def test_html_json_output_and_sniffed_html_is_never_overwritten(html_dir: Path) -> None:
    page = sorted(html_dir.iterdir())[0]
    proc = call("--format", "json", page.name, cwd=html_dir)
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["body"]
    disguised = html_dir / "disguised.txt"
    disguised.write_bytes(page.read_bytes())
    for argv in (["disguised.txt"], ["--html-to-text", "disguised.txt"]):
        res = call(*argv, cwd=html_dir)
        assert res.returncode == 0
        assert disguised.read_bytes() == page.read_bytes()
        assert "disguised.txt" in err(res)


def test_html_without_html_support_exits_2(
    html_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(html_dir)
    monkeypatch.setitem(sys.modules, "cleaner.html", None)
    before = snapshot(html_dir)
    assert cli.main(["--html-to-text", "."]) == 2
    assert "cleaner.html" in capsys.readouterr().err
    assert snapshot(html_dir) == before


# --- Site templates ----------------------------------------------------------------------------


def _template_line(site: str) -> str:
    return f"{site.title()} Quill Harbor reader services"


def _site_pages(root: Path) -> Iterator[tuple[str, Path, str]]:
    """Two site folders; every page of a site carries the site's template line mid-article."""
    for site in ("alpha", "beta"):
        folder = root / site
        folder.mkdir(parents=True)
        for p in seed_paths():
            parts = cleaned(p.read_text(encoding="utf-8")).rstrip("\n").split("\n\n")
            parts.insert(3, _template_line(site))
            page = folder / p.name
            page.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
            yield site, page, _template_line(site)


def test_learn_save_and_load_site_templates(tmp_path: Path) -> None:
    pytest.importorskip("cleaner.templates")
    pages = list(_site_pages(tmp_path / "a"))
    plain = run("--check", "a", cwd=tmp_path)
    assert plain.returncode == 0, "without templates the template line is kept"
    proc = run("--learn-site-templates", "--save-templates", "t.idx", "--keep-removed", "kept.jsonl", "a", cwd=tmp_path)
    assert proc.returncode == 1, err(proc)
    assert (tmp_path / "t.idx").is_file()
    for _site, page, line in pages:
        assert line not in page.read_text(encoding="utf-8")
    kept = [json.loads(x) for x in (tmp_path / "kept.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {(r["rule"], r["kind"]) for r in kept} == {("TPL001", "site_template")}

    fresh = list(_site_pages(tmp_path / "b"))
    loaded = call("--templates", "t.idx", "--check", "--diff", "b/alpha", cwd=tmp_path)
    assert loaded.returncode == 1
    assert out(loaded).count(f"-{fresh[0][2]}\n") == len(seed_paths())


def test_jsonl_learn_site_templates_by_url_host(tmp_path: Path) -> None:
    pytest.importorskip("cleaner.templates")
    records = [
        {"url": f"https://www.{site}.example/story/{page.stem}", "text": page.read_text(encoding="utf-8")}
        for site, page, _line in _site_pages(tmp_path / "pages")
    ]
    _write_jsonl(tmp_path / "in.jsonl", records)
    proc = call("--jsonl", "in.jsonl", "-o", "out.jsonl", "--url-field", "url", "--learn-site-templates", cwd=tmp_path)
    assert proc.returncode == 0, err(proc)
    rows = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all("site_template" in r["removed_kinds"] for r in rows)
    assert not any(_template_line(s) in r["text"] for r in rows for s in ("alpha", "beta"))
    assert call("--jsonl", "-", "--learn-site-templates", cwd=tmp_path).returncode == 2


# --- Internals the command relies on -------------------------------------------------------------


def _square(x: int) -> int:
    return x * x


def test_ordered_map_keeps_order_and_does_not_read_ahead_without_bound() -> None:
    import itertools

    from cleaner.batch import Settings, ordered_map

    read = 0

    def endless() -> Iterator[int]:
        nonlocal read
        for i in itertools.count():
            read = i + 1
            yield i

    results = ordered_map(_square, endless(), Settings(cleaner.Config()), jobs=2, chunksize=4)
    first = list(itertools.islice(results, 50))
    results.close()  # type: ignore[attr-defined]
    assert first == [i * i for i in range(50)]
    assert read <= 50 + 2 * 4 * 4 + 4, "the input is fed through a bounded window"


def test_progress_draws_only_on_a_terminal_after_a_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaner.batch import Progress

    class FakeTerminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    quick = Progress(10, "files", enabled=True)
    quick.update()
    quick.close()
    assert terminal.getvalue() == "", "short runs stay silent"
    monkeypatch.setattr(Progress, "DELAY", 0.0)
    monkeypatch.setattr(Progress, "INTERVAL", 0.0)
    slow = Progress(10, "files", enabled=True)
    slow.update(5)
    slow.close()
    assert "5/10 files" in terminal.getvalue()
    assert terminal.getvalue().endswith("\r\x1b[K")
    drawn = terminal.getvalue()
    silenced = Progress(10, "files", enabled=False)  # --quiet
    silenced.update(5)
    silenced.close()
    assert terminal.getvalue() == drawn


def test_python_310_without_tomli_explains_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.cleaner]\nignore = ['CSS']\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(seed_paths()[0].read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "version_info", (3, 10, 14, "final", 0))
    monkeypatch.setitem(sys.modules, "tomli", None)
    assert cli.main(["--check", "a.txt"]) == 2
    assert "pip install tomli" in capsys.readouterr().err


def test_a_crash_on_one_file_leaves_it_untouched_and_exits_2(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import cleaner.pipeline

    real = cleaner.pipeline.clean
    victim = seed_paths()[1].read_text(encoding="utf-8")

    def flaky(text: str, *, config: cleaner.Config | None = None) -> cleaner.Article:
        if text == victim:
            raise RuntimeError("simulated bug")
        return real(text, config=config)

    monkeypatch.setattr(cleaner.pipeline, "clean", flaky)
    before = snapshot(corpus)
    proc = call("--jobs", "1", corpus.name, cwd=corpus.parent)
    assert proc.returncode == 2
    assert "RuntimeError: simulated bug" in err(proc) and seed_paths()[1].name in err(proc)
    assert snapshot(corpus)[seed_paths()[1].name] == before[seed_paths()[1].name]
    assert err(proc).count("Fixing") == len(before) - 1
