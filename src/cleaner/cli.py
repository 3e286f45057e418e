"""The `cleaner` command: clean files in place, check them, or stream a JSONL corpus.

Conventions follow black and ruff format: `cleaner PATH...` rewrites files and says
`Fixing PATH` on stderr; `--check` and `--diff` write nothing. Exit codes: 0 nothing to do,
1 files changed or would change (what pre-commit expects of a fixer), 2 usage, configuration
or input errors. stdout carries only data (the cleaned text for `-`, diffs, JSON, `--explain`
lines); every message goes to stderr.

Start-up: this module imports only `os` and `sys` at load time; each command imports what it
uses (argparse, pathlib, the pipeline, multiprocessing for `--jobs`...), so `cleaner --version`
loads nothing else and cleaning one file loads nothing it does not need.
"""

from __future__ import annotations

import gc
import os
import sys

from cleaner import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections import Counter
    from collections.abc import Iterable, Iterator, Sequence
    from pathlib import Path
    from types import ModuleType
    from typing import IO, Any, Final

    from cleaner.batch import FileResult, LineResult, Settings
    from cleaner.brief import Brief, Removed
    from cleaner.config import Config
    from cleaner.model import Article, Removal

DEFAULT_INCLUDE: Final = ("*.txt", "*.html", "*.htm")
HTML_SUFFIXES: Final = frozenset({".html", ".htm", ".xhtml"})
SUBCOMMANDS: Final = ("rules", "rule", "report")
#: Keys of `[tool.cleaner]`; the values say which type each one takes.
CONFIG_KEYS: Final = {
    "select": "a list of rule codes, prefixes, names or kinds",
    "ignore": "a list of rule codes, prefixes, names or kinds",
    "preview": "true or false",
    "patterns": "a list of regexes, or a table of kind = regex(es)",
    "min-body-words": "an integer",
    "include": "a list of glob patterns",
    "exclude": "a list of glob patterns",
}
#: Characters of removed text shown by `--explain`.
EXCERPT_CHARS: Final = 60
#: Below this many files per worker, starting processes costs more than it saves.
FILES_PER_WORKER: Final = 2


class UsageError(Exception):
    """A mistake in the command line, the configuration or an input: exit status 2."""


# --- Configuration ---------------------------------------------------------------------------


def _toml() -> ModuleType:
    """`tomllib` (Python 3.11+) or `tomli` on Python 3.10."""
    import importlib

    name = "tomllib" if sys.version_info >= (3, 11) else "tomli"
    try:
        return importlib.import_module(name)
    except ImportError:
        pass
    raise UsageError(
        "Reading TOML configuration needs Python 3.11 or newer, or the tomli package on Python 3.10; "
        "run `pip install tomli`, or pass the options as flags instead."
    )


def _load_toml(path: Path) -> dict[str, Any]:
    toml = _toml()
    try:
        data: dict[str, Any] = toml.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise UsageError(f"{path}: cannot be read ({e.strerror or e}).") from e
    except (UnicodeDecodeError, toml.TOMLDecodeError) as e:
        raise UsageError(f"{path}: is not valid TOML ({e}); fix the file and run again.") from e
    return data


def _tool_table(data: dict[str, Any]) -> dict[str, Any] | None:
    tool = data.get("tool")
    if isinstance(tool, dict) and isinstance(tool.get("cleaner"), dict):
        table: dict[str, Any] = tool["cleaner"]
        return table
    return None


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest `pyproject.toml` with a `[tool.cleaner]` table, walking up from `start`."""
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            table = _tool_table(_load_toml(candidate))
            if table is not None:
                return candidate, table
    return None


def load_config_file(path: Path) -> dict[str, Any]:
    """`--config FILE`: its `[tool.cleaner]` table, or the whole file if it has none."""
    if not path.is_file():
        raise UsageError(f"{path}: no such configuration file; check the --config path.")
    data = _load_toml(path)
    table = _tool_table(data)
    return table if table is not None else data


def _check_table(source: Path, table: dict[str, Any]) -> dict[str, Any]:
    """Validate key names and value types; return the table with dashed key names."""
    out: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("_", "-")
        if name not in CONFIG_KEYS:
            known = ", ".join(CONFIG_KEYS)
            raise UsageError(f"{source}: unknown key {key!r} in [tool.cleaner]; the known keys are {known}.")
        ok: bool
        if name in ("select", "ignore", "include", "exclude"):
            ok = isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))
            if ok and isinstance(value, str):
                value = _comma_list(value)
        elif name == "preview":
            ok = isinstance(value, bool)
        elif name == "min-body-words":
            ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        else:
            ok = isinstance(value, (list, dict))
        if not ok:
            raise UsageError(f"{source}: [tool.cleaner] {key} must be {CONFIG_KEYS[name]}, not {value!r}.")
        out[name] = value
    return out


def _comma_list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _check_selectors(selectors: Iterable[str], option: str) -> None:
    from cleaner.registry import matches
    from cleaner.rules import RULES

    for s in selectors:
        if not any(matches(r, s) for r in RULES):
            raise UsageError(
                f"{option} {s!r} matches no rule; use a code (CSS001), a code prefix (CSS), a rule name "
                "or a kind, and run `cleaner rules` to list them."
            )


class Resolved:
    """The configuration in force: file settings overridden by flags.

    (A plain class rather than a dataclass: `dataclasses` costs `cleaner --version` 15 ms.)
    """

    __slots__ = ("config", "exclude", "include")

    def __init__(self, config: Config, include: tuple[str, ...], exclude: tuple[str, ...]) -> None:
        self.config = config
        self.include = include
        self.exclude = exclude


def resolve(args: argparse.Namespace) -> Resolved:
    """Merge `[tool.cleaner]` (from --config or the nearest pyproject.toml) with the flags."""
    from pathlib import Path

    from cleaner.config import Config

    if args.config is not None:
        source = Path(args.config)
        table = _check_table(source, load_config_file(source))
    else:
        found = find_config(Path.cwd())
        source, table = (found[0], _check_table(*found)) if found else (Path("pyproject.toml"), {})
    if args.select is not None:
        table["select"] = _comma_list(args.select)
    if args.ignore is not None:
        table["ignore"] = _comma_list(args.ignore)
    if args.preview:
        table["preview"] = True
    if args.include:
        table["include"] = [g for arg in args.include for g in _comma_list(arg)]
    if args.exclude:
        table["exclude"] = [g for arg in args.exclude for g in _comma_list(arg)]
    _check_selectors(table.get("select", ()), "--select")
    _check_selectors(table.get("ignore", ()), "--ignore")
    settings = {k: v for k, v in table.items() if k not in ("include", "exclude")}
    try:
        config = Config.from_mapping(settings)
    except (ValueError, TypeError) as e:
        raise UsageError(f"{source}: {e}") from e
    return Resolved(
        config=config,
        include=tuple(table.get("include", DEFAULT_INCLUDE)),
        exclude=tuple(table.get("exclude", ())),
    )


# --- Finding files ---------------------------------------------------------------------------


def _matches(path: Path, globs: Sequence[str]) -> bool:
    import fnmatch

    posix = path.as_posix()
    return any(fnmatch.fnmatch(path.name, g) or fnmatch.fnmatch(posix, g) for g in globs)


def collect(paths: Sequence[str], include: Sequence[str], exclude: Sequence[str]) -> list[Path]:
    """The files to clean, in order; directories are walked (hidden ones skipped) and filtered.

    Files named on the command line are taken as they are (pre-commit has already chosen them);
    `include`/`exclude` apply to what is found inside directories.
    """
    from pathlib import Path

    out: list[Path] = []
    seen: set[Path] = set()
    for arg in paths:
        path = Path(arg)
        if path.is_dir():
            found = [
                p
                for p in _walk(path, exclude)
                if _matches(p.relative_to(path), include) and not _matches(p.relative_to(path), exclude)
            ]
        elif path.exists():
            found = [path]
        else:
            raise UsageError(f"{arg}: no such file or directory; check the path.")
        for p in found:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                out.append(p)
    return out


def _walk(root: Path, exclude: Sequence[str]) -> Iterator[Path]:
    from pathlib import Path

    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and not _matches((here / d).relative_to(root), exclude)
        )
        for name in sorted(filenames):
            p = here / name
            if p.is_file():
                yield p


def sniff_html(head: bytes) -> bool:
    """True when the start of a file is an HTML document, whatever its name."""
    text = head[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not text.startswith(b"<"):
        return False
    return any(tag in text for tag in (b"<!doctype html", b"<html", b"<head", b"<body"))


def is_html(path: Path) -> bool:
    if path.suffix.lower() in HTML_SUFFIXES:
        return True
    from cleaner.io import Refused, read_head

    try:
        # a regular file only (a FIFO put here since it was checked must not hang the run)
        return sniff_html(read_head(path, 1024))
    except (OSError, Refused):
        return False


# --- Output helpers --------------------------------------------------------------------------


class Reporter:
    """Messages on stderr (silenced by --quiet, except errors) and colour decisions for stdout."""

    def __init__(self, *, quiet: bool) -> None:
        self.quiet = quiet
        self.color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")

    def info(self, message: str) -> None:
        if not self.quiet:
            print(printable(message), file=sys.stderr)

    def error(self, message: str) -> None:
        print(f"error: {printable(message)}", file=sys.stderr)


def printable(text: str) -> str:
    """`text` with lone surrogates (bytes of a non-UTF-8 file name or file, kept by
    `surrogateescape`) shown as `\\udcXX`, so printing it never raises."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """Removed text on one line, shortened with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def explain_lines(name: str, source: str, removed: Sequence[Removal], *, color: bool) -> Iterator[str]:
    """`path:line:col CODE kind "excerpt…"` for each removal (offsets into `source`)."""
    import bisect
    import json

    starts = [0] + [i + 1 for i, ch in enumerate(source) if ch == "\n"]
    for r in removed:
        line = bisect.bisect_right(starts, r.start)
        col = r.start - starts[line - 1] + 1
        quoted = json.dumps(excerpt(r.text), ensure_ascii=False)
        if color:
            yield f"\x1b[1m{name}\x1b[0m:{line}:{col} \x1b[1;31m{r.rule}\x1b[0m \x1b[36m{r.kind}\x1b[0m {quoted}"
        else:
            yield f"{name}:{line}:{col} {r.rule} {r.kind} {quoted}"


def _explain_headline(report: Any, name: str, article: Article) -> None:
    """--explain: why the headline was chosen, on stderr (stdout keeps one line per removal)."""
    from cleaner.explain import headline_reason

    reason = headline_reason(article)
    if reason is not None:
        report.info(f"{name}: {reason}")


def unified_diff(before: str, after: str, name: str) -> str:
    import difflib

    lines = difflib.unified_diff(before.splitlines(True), after.splitlines(True), f"{name}", f"{name}")
    text = "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
    return printable(text)


def _json(data: object, indent: int | None = None) -> str:
    """JSON text; all-ASCII (`\\udcXX` escapes) when the data holds lone surrogates, which is
    still valid JSON and gives the same strings back, where UTF-8 output would raise."""
    import json  # only the JSON outputs need it

    text = json.dumps(data, ensure_ascii=False, indent=indent)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(data, ensure_ascii=True, indent=indent)
    return text


def _article_json(article: Article, path: str | None) -> dict[str, Any]:
    data = article.to_dict()
    return {"path": path, **data} if path is not None else data


# --- Subcommands -----------------------------------------------------------------------------


def _help_width() -> int:
    """The width argparse formats help for, `shutil.get_terminal_size().columns - 2`, computed as
    shutil does but without importing it: argparse imports shutil (with bz2, lzma and zlib) for
    this alone, ~2.5 ms of every run's start-up."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 80
    return columns - 2


def _argument_parser(prog: str, description: str, epilog: str | None = None) -> argparse.ArgumentParser:
    import argparse
    import functools

    formatter = functools.partial(argparse.HelpFormatter, width=_help_width())
    return argparse.ArgumentParser(prog=prog, description=description, epilog=epilog, formatter_class=formatter)


def cmd_rules(argv: Sequence[str]) -> int:
    import json

    ap = _argument_parser("cleaner rules", "List every rule: code, kind and name.")
    ap.add_argument("--format", choices=("text", "json"), default="text")
    args = ap.parse_args(argv)
    from cleaner.rules import RULES

    if args.format == "json":
        rows = [
            {"code": r.code, "name": r.name, "kind": r.kind, "status": r.status, "summary": r.summary} for r in RULES
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    kind_width = max(len(r.kind) for r in RULES)
    for r in RULES:
        preview = "  (preview)" if r.status == "preview" else ""
        print(f"{r.code}  {r.kind:<{kind_width}}  {r.name}{preview}")
    return 0


def cmd_rule(argv: Sequence[str]) -> int:
    ap = _argument_parser("cleaner rule", "Show one rule's documentation and examples.")
    ap.add_argument("code", help="a rule code such as CSS001")
    args = ap.parse_args(argv)
    from cleaner.rules import by_code

    try:
        r = by_code(args.code)
    except KeyError as e:
        print(f"error: {e.args[0]}", file=sys.stderr)
        return 2
    out = [f"# {r.code} {r.name}", "", r.summary, "", f"Kind: {r.kind} · scope: {r.scope} · {r.strength} · {r.status}"]
    if r.doc:
        out += ["", r.doc]
    if r.noise:
        out += ["", "## Examples of noise (removed)", ""] + [f"    {x}" for x in r.noise]
    if r.keep:
        out += ["", "## Examples kept", ""] + [f"    {x}" for x in r.keep]
    print("\n".join(out))
    return 0


def cmd_report(argv: Sequence[str]) -> int:
    import importlib

    try:
        module = importlib.import_module("cleaner.report")
    except ModuleNotFoundError as e:
        if e.name != "cleaner.report":
            raise
        print(
            "error: `cleaner report` is not available in this installation (the cleaner.report module is "
            "missing); install a cleaner version that includes it.",
            file=sys.stderr,
        )
        return 2
    return int(module.main(list(argv)))


# --- Argument parsing ------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    ap = _argument_parser(
        "cleaner",
        "Clean scraped news articles in place (headline, dateline, body), or stream a JSONL corpus.",
        (
            "Subcommands: `cleaner rules` lists the rules, `cleaner rule CODE` documents one, "
            "`cleaner report ...` scores runs. Exit status: 0 nothing to do, 1 files changed or would "
            "change, 2 usage, configuration or input error."
        ),
    )
    ap.add_argument("paths", nargs="*", metavar="PATH", help="files or directories to clean; '-' reads stdin")
    mode = ap.add_argument_group("what to do")
    mode.add_argument("--check", action="store_true", help="write nothing; exit 1 if any file would change")
    mode.add_argument("--diff", action="store_true", help="print a unified diff of the changes; write nothing")
    mode.add_argument(
        "--format",
        choices=("text", "json", "jsonl"),
        default="text",
        help="text: clean files in place (default); json/jsonl: print the articles as JSON, write nothing",
    )
    mode.add_argument(
        "--explain", action="store_true", help='print each removal as path:line:col CODE kind "text"; write nothing'
    )
    mode.add_argument("--statistics", action="store_true", help="print how often each rule fired")
    mode.add_argument("-q", "--quiet", action="store_true", help="print no messages except errors")
    mode.add_argument("--keep-removed", metavar="FILE", help="append every removed span to FILE as JSONL")
    mode.add_argument("--html-to-text", action="store_true", help="write NAME.txt beside each HTML file")
    mode.add_argument("-j", "--jobs", type=int, metavar="N", help="worker processes (default: all cores)")
    mode.add_argument(
        "--max-bytes",
        type=byte_size,
        metavar="SIZE",
        help="skip files larger than SIZE (bytes, or with a K, M or G suffix; default 64M)",
    )
    rules = ap.add_argument_group("rules and configuration")
    rules.add_argument("--select", metavar="RULES", help="comma list of rule codes, prefixes, names or kinds")
    rules.add_argument("--ignore", metavar="RULES", help="comma list of rules to switch off")
    rules.add_argument("--preview", action="store_true", help="also run rules in preview")
    rules.add_argument("--config", metavar="FILE", help="read settings from FILE instead of pyproject.toml")
    rules.add_argument("--include", action="append", metavar="GLOB", help="file globs to clean inside directories")
    rules.add_argument("--exclude", action="append", metavar="GLOB", help="file or directory globs to skip")
    corpus = ap.add_argument_group("corpus (JSONL) mode")
    corpus.add_argument("--jsonl", metavar="IN", help="clean records of IN (.jsonl, .jsonl.gz, .jsonl.zst; '-' stdin)")
    corpus.add_argument("-o", "--output", metavar="OUT", help="where cleaned records go (default: stdout)")
    corpus.add_argument("--text-field", default="text", metavar="NAME", help="record field with the text")
    corpus.add_argument("--site-field", metavar="NAME", help="record field naming the site (for templates)")
    corpus.add_argument("--url-field", metavar="NAME", help="record field with the page URL; its host is the site")
    tpl = ap.add_argument_group("site templates")
    tpl.add_argument(
        "--learn-site-templates", action="store_true", help="learn lines repeated across a site's pages, then clean"
    )
    tpl.add_argument("--templates", metavar="FILE", help="load a saved template index")
    tpl.add_argument("--save-templates", metavar="FILE", help="save the learned template index to FILE")
    ap.add_argument("--version", action="version", version=f"cleaner {__version__}")
    return ap


def byte_size(value: str) -> int:
    """`--max-bytes`: a number of bytes, or with a K, M or G suffix (powers of 1024)."""
    import argparse

    text = value.strip().upper().removesuffix("B").removesuffix("I")
    scale = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(text[-1:], 1)
    number = text[:-1] if scale > 1 else text
    if not number.isdigit() or int(number) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a size; write bytes, or 64M, 1G.")
    return int(number) * scale


def max_bytes(args: argparse.Namespace) -> int:
    from cleaner.io import DEFAULT_MAX_BYTES

    return int(args.max_bytes) if args.max_bytes is not None else DEFAULT_MAX_BYTES


def _validate(args: argparse.Namespace) -> None:
    from pathlib import Path

    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be 1 or more.")
    if args.learn_site_templates and args.templates:
        raise UsageError("Use either --learn-site-templates or --templates FILE, not both.")
    if args.save_templates and not args.learn_site_templates:
        raise UsageError("--save-templates needs --learn-site-templates (there is nothing learned to save).")
    if args.jsonl is not None:
        if args.paths:
            raise UsageError("--jsonl takes its input as --jsonl IN; drop the PATH arguments.")
        for flag in ("check", "diff", "explain", "keep_removed", "html_to_text"):
            if getattr(args, flag):
                name = "--" + flag.replace("_", "-")
                raise UsageError(f"{name} works on files, not with --jsonl; drop one of them.")
        if args.learn_site_templates and args.jsonl == "-":
            raise UsageError("--learn-site-templates reads the input twice, so it needs a file, not stdin.")
        if args.output and args.output != "-" and Path(args.output).resolve() == Path(args.jsonl).resolve():
            raise UsageError("--output must differ from the --jsonl input; choose another file name.")
        return
    for flag in ("output", "site_field", "url_field"):
        if getattr(args, flag):
            raise UsageError(f"--{flag.replace('_', '-')} only applies with --jsonl.")
    if not args.paths:
        raise UsageError("Give files or directories to clean, '-' to read stdin, or --jsonl FILE.")
    if "-" in args.paths and len(args.paths) > 1:
        raise UsageError("'-' (stdin) cannot be mixed with other paths.")
    if args.paths == ["-"] and args.learn_site_templates:
        raise UsageError("--learn-site-templates needs files to learn from; use --templates FILE with stdin.")
    if args.html_to_text and args.format != "text":
        raise UsageError("--html-to-text writes files; it cannot be combined with --format json or jsonl.")


# --- Templates -------------------------------------------------------------------------------


def _templates_module() -> ModuleType:
    import importlib

    try:
        return importlib.import_module("cleaner.templates")
    except ModuleNotFoundError as e:
        if e.name != "cleaner.templates":
            raise
        raise UsageError(
            "Site templates are not available in this installation (the cleaner.templates module is "
            "missing); run without --learn-site-templates/--templates, or install a cleaner version "
            "that includes them."
        ) from e


def _with_templates(
    args: argparse.Namespace, config: Config, pairs: Iterable[tuple[str | None, str]], report: Reporter
) -> Config:
    import dataclasses

    if args.templates:
        module = _templates_module()
        try:
            index = module.TemplateIndex.load(args.templates)
        except (OSError, ValueError) as e:
            raise UsageError(f"{args.templates}: cannot load the template index ({e}).") from e
        return dataclasses.replace(config, templates=index)
    if args.learn_site_templates:
        module = _templates_module()
        index = module.TemplateIndex.learn(pairs)
        report.info("Learned site templates from a first pass over the input.")
        if args.save_templates:
            try:
                index.save(args.save_templates)
            except OSError as e:
                raise UsageError(f"{args.save_templates}: cannot save the template index ({e.strerror or e}).") from e
        return dataclasses.replace(config, templates=index)
    return config


def _file_site(path: Path) -> str:
    return path.resolve().parent.name


def _file_pairs(paths: Iterable[Path]) -> Iterator[tuple[str | None, str]]:
    from cleaner.io import DecodeError, read_text

    for p in paths:
        try:
            text = read_text(p)
        except (OSError, DecodeError):
            continue
        yield _file_site(p), text


# --- File mode -------------------------------------------------------------------------------


class Tally:
    """What happened to the files of a run (a plain class, as `Resolved`)."""

    __slots__ = ("changed", "errors", "not_article", "rules", "skipped", "unchanged", "unsure")

    def __init__(self) -> None:
        from collections import Counter

        self.changed = 0
        self.unchanged = 0
        self.not_article = 0
        self.unsure = 0
        self.skipped = 0
        self.errors = 0
        self.rules: Counter[tuple[str, str]] = Counter()


def _html_module_available() -> bool:
    import importlib

    try:
        importlib.import_module("cleaner.html")
    except ModuleNotFoundError as e:
        if e.name != "cleaner.html":
            raise
        return False
    return True


def run_stdin(args: argparse.Namespace, config: Config, report: Reporter) -> int:
    from collections import Counter

    from cleaner.io import DecodeError, Refused, decode, encode_like, to_output
    from cleaner.records import accepted

    limit = max_bytes(args)
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        report.error(f"<stdin> is over the limit of {limit} bytes; raise it with --max-bytes.")
        return 2
    if not data.strip():
        if args.format == "text" and not args.check and not args.diff:
            sys.stdout.buffer.write(data)
        return 0
    try:
        text = decode(data, name="<stdin>")
    except DecodeError as e:
        report.error(str(e))
        return 2
    article: Article
    html = sniff_html(data)
    if html:
        if not _html_module_available():
            raise UsageError("<stdin> is HTML, but HTML support (cleaner.html) is not installed.")
        from cleaner.html import clean_html  # type: ignore[import-not-found,unused-ignore]

        article = clean_html(text, config=config)
        before = ""
    else:
        from cleaner.pipeline import clean

        article = clean(text, config=config)
        before = text
    output = to_output(article.text) if accepted(article) else before
    status = 0
    if article.status == "not_an_article":
        report.info("<stdin>: not an article; left unchanged.")
    elif not article.confident:
        report.info("<stdin>: unsure of the result; left unchanged.")
    if html:
        result, changed = output.encode("utf-8"), output != before
    else:
        # in the input's own form (BOM, line endings, stray bytes), as files are written
        try:
            spans = [(r.start, r.end) for r in article.removed]
            result = encode_like(data, text, output, spans) if accepted(article) else data
        except Refused as e:
            report.error(f"<stdin>: {e} It is passed through unchanged.")
            result, status = data, 2
        changed = result != data
        output = decode(result, name="<stdin>") if changed else before
    if args.explain:
        for line in explain_lines("<stdin>", text, article.removed, color=report.color):
            print(printable(line))
        _explain_headline(report, "<stdin>", article)
    if args.format != "text":
        indent = 2 if args.format == "json" else None
        print(_json(_article_json(article, None), indent=indent))
    elif args.diff:
        sys.stdout.write(unified_diff(before, output, "<stdin>"))
    elif not (args.check or args.explain):
        sys.stdout.buffer.write(result)
    if args.statistics:
        _print_statistics(Counter((r.rule, r.kind) for r in article.removed))
    return status or (1 if args.check and changed else 0)


def run_files(args: argparse.Namespace, resolved: Resolved, report: Reporter) -> int:
    from pathlib import Path

    from cleaner.batch import (
        FILE_CHUNKSIZE,
        FileTask,
        Progress,
        Settings,
        clean_file,
        default_jobs,
        html_target,
        ordered_map,
    )

    paths = collect(args.paths, resolved.include, resolved.exclude)
    if not paths:
        report.info("No files to clean.")
        return 0
    tally = Tally()
    tasks: list[FileTask] = []
    paths = _regular_files(paths, max_bytes(args), report, tally)
    html_paths = [p for p in paths if is_html(p)]
    html_set = set(html_paths)
    printing_json = args.format != "text"
    targets = {html_target(p).resolve() for p in html_paths} if args.html_to_text else set()
    refused = _refused_targets(html_paths, max_bytes(args)) if args.html_to_text else {}
    for p in html_paths:
        if args.html_to_text and html_target(p) == p:
            report.info(f"{p}: looks like HTML; --html-to-text would write over it, so it was skipped.")
            tally.skipped += 1
        elif args.html_to_text and p in refused:
            report.error(f"{p}: {refused[p]}")
            tally.skipped += 1
            tally.errors += 1
        elif not args.html_to_text and not printing_json:
            report.info(f"{p}: HTML page skipped; use --html-to-text to write {html_target(p).name} beside it.")
            tally.skipped += 1
    if html_paths and (args.html_to_text or printing_json) and not _html_module_available():
        raise UsageError(
            f"{html_paths[0]} is HTML, but HTML support (cleaner.html) is not installed; "
            "leave HTML files out or install a cleaner version that includes it."
        )
    use_templates = bool(args.learn_site_templates or args.templates)
    text_paths = [p for p in paths if p not in html_set]
    config = _with_templates(args, resolved.config, _file_pairs(text_paths), report)
    for p in paths:
        if p in html_set:
            if (args.html_to_text and html_target(p) != p and p not in refused) or printing_json:
                tasks.append(FileTask(str(p), html=True, site=_file_site(p) if use_templates else None))
        elif p.resolve() not in targets:
            tasks.append(FileTask(str(p), site=_file_site(p) if use_templates else None))
    jobs = args.jobs or max(1, min(default_jobs(), len(tasks) // FILES_PER_WORKER))
    progress = Progress(len(tasks), "files", enabled=not args.quiet)
    keep: IO[str] | None = None
    articles: list[dict[str, Any]] = []
    try:
        if args.keep_removed and not _dry(args):
            try:
                keep = Path(args.keep_removed).open("a", encoding="utf-8")  # noqa: SIM115 - closed below
            except OSError as e:
                raise UsageError(f"{args.keep_removed}: cannot be opened for appending ({e.strerror or e}).") from e
        # results cross a process boundary: send back only what is reported and written
        slim = jobs > 1 and args.format == "text" and not args.explain
        settings = Settings(config, max_bytes=max_bytes(args), slim=slim)
        for result in ordered_map(clean_file, tasks, settings, jobs=jobs, chunksize=FILE_CHUNKSIZE):
            progress.update()
            _handle(result, args, report, tally, keep, articles)
    finally:
        progress.close()
        if keep is not None:
            keep.close()
    if args.format == "json":
        single = len(args.paths) == 1 and len(articles) == 1 and not Path(args.paths[0]).is_dir()
        print(_json(articles[0] if single else articles, indent=2))
    if args.statistics:
        _print_statistics(tally.rules)
    _summary(args, report, tally)
    if tally.errors:
        return 2
    if tally.changed and (args.check or not _dry(args)):
        return 1
    return 0


def _regular_files(paths: list[Path], limit: int, report: Reporter, tally: Tally) -> list[Path]:
    """The paths that are regular files within the size limit; the others are reported (exit 2)
    and never opened: a FIFO would block the run, `/dev/zero` would fill memory."""
    from cleaner.io import Refused, check_readable

    out: list[Path] = []
    for p in paths:
        try:
            check_readable(p.stat(), max_bytes=limit)
        except Refused as e:
            report.error(f"{p}: {e} It was skipped.")
        except OSError as e:
            report.error(f"{p}: cannot be read ({e.strerror or e}). It was skipped.")
        else:
            out.append(p)
            continue
        tally.skipped += 1
        tally.errors += 1
    return out


def _refused_targets(html_paths: Sequence[Path], limit: int) -> dict[Path, str]:
    """HTML files whose `--html-to-text` target must not be written, with the reason.

    Two pages that map to one text file (`a.html` and `a.htm`) are both refused: neither may
    overwrite what the other wrote. A target that exists but is not a regular file (a FIFO, a
    directory, a device) is refused before anything reads it. (A regular target that exists
    and differs from the page's text is refused when the result is known, in `_handle`.)
    """
    from collections import defaultdict

    from cleaner.batch import html_target
    from cleaner.io import Refused, check_readable

    by_target: defaultdict[Path, list[Path]] = defaultdict(list)
    for p in html_paths:
        if html_target(p) != p:
            by_target[html_target(p).resolve()].append(p)
    refused: dict[Path, str] = {}
    for target, sources in by_target.items():
        if len(sources) > 1:
            names = " and ".join(str(p) for p in sources)
            for p in sources:
                refused[p] = (
                    f"{names} would all be written to {target.name}; none of them was converted. "
                    "Rename one, or convert them one at a time."
                )
            continue
        try:
            check_readable(target.stat(), max_bytes=limit)
        except FileNotFoundError:
            continue
        except (OSError, Refused) as e:
            refused[sources[0]] = f"{target.name} exists and {e} It was not written."
    return refused


def _handle(
    result: FileResult,
    args: argparse.Namespace,
    report: Reporter,
    tally: Tally,
    keep: IO[str] | None,
    articles: list[dict[str, Any]],
) -> None:
    from cleaner.io import DecodeError, Refused, check_rewritable, create_file, rewrite_file

    path = result.task.path
    if result.outcome == "skipped":
        tally.skipped += 1
        if result.reason.startswith("is empty"):
            report.info(f"{path}: {result.reason}")
        else:
            tally.errors += 1
            report.error(f"{path}: {result.reason} It was skipped and left untouched.")
        return
    article = result.article
    assert article is not None
    if args.format == "jsonl":
        print(_json(_article_json(_whole(article), path)))
    elif args.format == "json":
        articles.append(_article_json(_whole(article), path))
    if result.outcome == "not_an_article":
        tally.not_article += 1
        report.info(f"{path}: not an article; left unchanged.")
        return
    if result.outcome == "unsure":
        tally.unsure += 1
        why = " ".join(article.messages) or "too little clear article text was found."
        report.info(f"{path}: unsure of the result, left unchanged: {why}")
        return
    if args.explain and result.original is not None:
        source = result.original if not result.task.html else _extracted_text(path)
        whole = _whole(article)
        for line in explain_lines(path, source, whole.removed, color=report.color):
            print(printable(line))
        _explain_headline(report, path, whole)
    tally.rules.update((r.rule, r.kind) for r in article.removed)
    if result.outcome == "unchanged":
        tally.unchanged += 1
        return
    assert result.output is not None and result.original is not None
    if args.format != "text":
        tally.changed += 1
        return
    try:
        change = _planned_write(result, article, max_bytes(args))
    except Refused as e:
        tally.errors += 1
        report.error(f"{change_target(result)}: {e}")
        return
    except (OSError, DecodeError) as e:
        tally.errors += 1
        report.error(f"{change_target(result)}: cannot be read again ({_reason(e)}); it was left as it was.")
        return
    if change is None:
        tally.unchanged += 1
        return
    tally.changed += 1
    target, data, stamp, after = change
    if args.diff:
        sys.stdout.write(unified_diff(result.original, after, str(target)))
    elif _dry(args):
        report.info(f"Would fix {target}")
    else:
        try:
            if stamp is not None:
                check_rewritable(target, stamp)
            if keep is not None:  # logged first: the removed text can be restored whatever happens next
                for r in article.removed:
                    keep.write(_json({"path": str(target), **_span(r)}) + "\n")
                keep.flush()
            if stamp is None:
                create_file(target, data, mark=result.task.html)
            else:
                rewrite_file(target, data, expect=stamp, mark=result.task.html)
        except Refused as e:
            tally.changed -= 1
            tally.errors += 1
            report.error(f"{target}: {e}")
            return
        except OSError as e:
            tally.changed -= 1
            tally.errors += 1
            report.error(f"{target}: cannot be written ({e.strerror or e}); it was left as it was.")
            return
        report.info(f"Fixing {target}")


def _whole(article: Article | Brief) -> Article:
    """The whole article of a result (JSON output and --explain ask for it: `run_files` sets
    `Settings.slim` only when neither is wanted)."""
    from cleaner.model import Article

    assert isinstance(article, Article), "a slim result reached a command that needs the whole article"
    return article


def change_target(result: FileResult) -> Path:
    """The file a result would be written to: the file itself, or the HTML page's text file."""
    from pathlib import Path

    from cleaner.batch import html_target

    return html_target(Path(result.task.path)) if result.task.html else Path(result.task.path)


def _reason(error: BaseException) -> str:
    return str(getattr(error, "strerror", None) or getattr(error, "reason", None) or error)


def _planned_write(
    result: FileResult, article: Article | Brief, limit: int
) -> tuple[Path, bytes, os.stat_result | None, str] | None:
    """What writing `result` means: (target, bytes, stat of the file read or None for a new
    file, the text as written), or None when the bytes are already there.

    A text file is read again: when its content is no longer what was cleaned, it changed
    during the run and is refused. The output takes the file's form (`encode_like`: BOM, line
    endings, stray bytes), so a file whose bytes would not change is not rewritten. The text of
    an HTML page is a new file; an existing file with other content is replaced only when
    cleaner wrote it and it has not been edited since (`cleaner.io.written_here`: the SHA-256
    recorded in an extended attribute when it was written), else refused.
    """
    from cleaner.io import Refused, decode, encode_like, read_regular, to_output, written_here

    assert result.output is not None and result.original is not None
    target = change_target(result)
    if result.task.html:
        output = to_output(result.output)
        if not os.path.lexists(target):
            return target, output.encode("utf-8"), None, output
        data, stamp = read_regular(target, max_bytes=limit)
        if not written_here(target, data):
            raise Refused(
                f"exists and differs from the text of {result.task.path}, and cleaner did not write it (or it "
                "was edited since), so it was left as it is. Remove it (or move it away) to convert the page."
            )
        if decode(data, name=str(target)) != result.original:
            raise Refused("changed while it was being cleaned; it was left as it is now. Run again to clean it.")
        return target, output.encode("utf-8"), stamp, output
    data, stamp = read_regular(target, max_bytes=limit)
    if decode(data, name=str(target)) != result.original:
        raise Refused("changed while it was being cleaned; it was left as it is now. Run again to clean it.")
    new = encode_like(data, result.original, result.output, [(r.start, r.end) for r in article.removed])
    if new == data:
        return None
    return target, new, stamp, decode(new, name=str(target))


def _span(r: Removal | Removed) -> dict[str, Any]:
    return {"rule": r.rule, "kind": r.kind, "start": r.start, "end": r.end, "text": r.text}


def _extracted_text(path: str) -> str:
    """The text `clean_html` cleaned (its removal offsets refer to it), for --explain."""
    from pathlib import Path

    from cleaner.html import extract  # type: ignore[import-not-found,unused-ignore]
    from cleaner.io import DecodeError, decode

    try:
        text: str = extract(decode(Path(path).read_bytes(), name=path))[0]
    except (OSError, DecodeError):
        return ""
    return text


def _print_statistics(counts: Counter[tuple[str, str]]) -> None:
    for (code, kind), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{n:>8}  {code}  {kind}" if code else f"{n:>8}  {kind}")


def _dry(args: argparse.Namespace) -> bool:
    """Report only, write nothing: --check, --diff, --explain and the JSON formats."""
    return bool(args.check or args.diff or args.explain or args.format != "text")


def _summary(args: argparse.Namespace, report: Reporter, tally: Tally) -> None:
    dry = _dry(args)
    parts = [
        _plural(tally.changed, "file") + (" would be cleaned" if dry else " cleaned"),
        f"{tally.unchanged} left unchanged",
    ]
    if tally.not_article:
        parts.append(f"{tally.not_article} not an article")
    if tally.unsure:
        parts.append(f"{tally.unsure} left unchanged (unsure)")
    if tally.skipped:
        parts.append(f"{tally.skipped} skipped")
    report.info(", ".join(parts) + ".")


# --- JSONL mode ------------------------------------------------------------------------------


def _jsonl_pairs(path: str, text_field: str, settings: Settings) -> Iterator[tuple[str | None, str]]:
    import json

    from cleaner.batch import site_of
    from cleaner.io import open_binary_lines

    with open_binary_lines(path) as f:
        for raw in f:
            try:
                record = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError):
                continue
            if isinstance(record, dict) and isinstance(record.get(text_field), str):
                yield site_of(record, settings), record[text_field]


def run_jsonl(args: argparse.Namespace, resolved: Resolved, report: Reporter) -> int:
    import dataclasses
    from collections import Counter
    from pathlib import Path

    from cleaner.batch import JSONL_CHUNKSIZE, Progress, Settings, clean_line, default_jobs, ordered_map
    from cleaner.io import DecodeError, open_atomic_output, open_binary_lines

    base = Settings(resolved.config, args.text_field, args.site_field, args.url_field)
    if args.jsonl != "-" and not Path(args.jsonl).is_file():
        raise UsageError(f"{args.jsonl}: no such file; check the --jsonl path.")
    statuses: Counter[str] = Counter()
    kinds: Counter[tuple[str, str]] = Counter()
    errors = 0
    last = 0
    progress = Progress(None, "records", enabled=not args.quiet)
    output = args.output or "-"
    try:
        config = _with_templates(args, resolved.config, _jsonl_pairs(args.jsonl, args.text_field, base), report)
        settings = dataclasses.replace(base, config=config)
        jobs = args.jobs or default_jobs()
        with open_binary_lines(args.jsonl) as src, open_atomic_output(output) as out:
            items = enumerate(src, 1)
            for result in ordered_map(clean_line, items, settings, jobs=jobs, chunksize=JSONL_CHUNKSIZE):
                progress.update()
                last = result.lineno
                errors += _handle_line(result, args.jsonl, out, statuses, kinds, report)
    except DecodeError as e:
        raise UsageError(str(e)) from e
    except _stream_errors() as e:  # evaluated when raised: zstandard is imported by then
        name = "<stdin>" if args.jsonl == "-" else args.jsonl
        where = f" after line {last}" if last else ""
        written = "" if output == "-" else f" {output} was not written."
        raise UsageError(f"{name}: the compressed data is corrupt{where} ({_describe_error(e)}).{written}") from e
    except (OSError, EOFError) as e:
        name = getattr(e, "filename", None) or args.jsonl
        raise UsageError(f"{name}: cannot be read or written ({e}); check the file and run again.") from e
    finally:
        progress.close()
    if args.statistics:
        _print_statistics(kinds)
    total = sum(statuses.values())
    parts = [
        f"{statuses[s]} {label}"
        for s, label in _STATUS_LABELS
        if statuses[s] or s in ("cleaned", "unchanged", "unsure", "error")
    ]
    report.info(f"{_plural(total, 'record')}: " + ", ".join(parts) + ".")
    if errors:
        name = "<stdin>" if args.jsonl == "-" else args.jsonl
        verb = "was" if errors == 1 else "were"
        report.error(f"{_plural(errors, 'line')} of {name} could not be cleaned and {verb} passed through unchanged.")
        return 2
    return 0


def _stream_errors() -> tuple[type[BaseException], ...]:
    """What a corrupt compressed stream raises (gzip's zlib.error is no OSError; zstandard's own)."""
    import gzip
    import zlib

    found: list[type[BaseException]] = [zlib.error, gzip.BadGzipFile, EOFError]
    zstd = sys.modules.get("zstandard")
    error = getattr(zstd, "ZstdError", None)
    if isinstance(error, type) and issubclass(error, BaseException):
        found.append(error)
    return tuple(found)


def _describe_error(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


_STATUS_LABELS: Final = (
    ("cleaned", "cleaned"),
    ("unchanged", "unchanged"),
    ("not_an_article", "not an article"),
    ("skipped", "skipped (no text field)"),
    ("unsure", "unsure (text kept)"),
    ("error", "failed (passed through unchanged)"),
)


def _handle_line(
    result: LineResult,
    name: str,
    out: IO[bytes],
    statuses: Counter[str],
    kinds: Counter[tuple[str, str]],
    report: Reporter,
) -> int:
    if result.status == "blank" or result.line is None:
        return 0
    statuses[result.status] += 1
    out.write(result.line)
    if result.error is not None:
        shown = "<stdin>" if name == "-" else name
        report.error(f"{shown}:{result.lineno}: {result.error} The record was passed through unchanged.")
        return 1
    kinds.update(("", k) for k in result.kinds)
    return 0


# --- Entry point -----------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status (0, 1 or 2)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments == ["--version"]:  # the same answer argparse gives, without loading it
        print(f"cleaner {__version__}")
        return 0
    # When this call is the whole process (the `cleaner` command), keep the garbage collector
    # out of start-up: loading the pipeline creates ~10^5 long-lived objects that it would
    # traverse repeatedly while they are made and once more at exit (~5-10 ms of a small run).
    # They are frozen once loaded, and collection runs as usual for the cleaning itself.
    owns_process = argv is None and gc.isenabled()
    if owns_process:
        gc.disable()
    try:
        if arguments and arguments[0] in SUBCOMMANDS:
            command, rest = arguments[0], arguments[1:]
            if command == "rules":
                return cmd_rules(rest)
            if command == "rule":
                return cmd_rule(rest)
            return cmd_report(rest)
        args = build_parser().parse_args(arguments)
        report = Reporter(quiet=args.quiet)
        _validate(args)
        resolved = resolve(args)
        if owns_process:
            import cleaner.batch  # noqa: F401 - the pipeline: the last of start-up's imports

            gc.freeze()
            gc.enable()
        if args.jsonl is not None:
            return run_jsonl(args, resolved, report)
        if args.paths == ["-"]:
            return run_stdin(args, _with_templates(args, resolved.config, (), report), report)
        return run_files(args, resolved, report)
    except UsageError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`cleaner ... | head`): stop quietly, as other filters do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print("Interrupted; files already reported as fixed are complete, the others are untouched.", file=sys.stderr)
        return 130
    finally:
        if owns_process:
            gc.enable()
        _save_pattern_cache()


def _save_pattern_cache() -> None:
    """Write the compiled-pattern cache if this run compiled patterns it lacked (the only writer)."""
    cache = sys.modules.get("cleaner.pattern_cache")
    if cache is not None:
        cache.save()
