"""Parallel, order-keeping work for the command line: clean files and JSONL records.

The worker functions are module-level so a process pool can import them under any start
method; the run settings reach each worker once, through the pool initializer, instead of with
every task. Results always come back in input order (`Pool.imap` with a chunk size), and the
input is fed through a bounded window so a corpus of any size runs in constant memory.

`multiprocessing` and `json` are imported where they are used: a run on a few files needs
neither, and they cost a small run's start-up about 10 ms.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

from cleaner.config import Config
from cleaner.io import DEFAULT_MAX_BYTES, DecodeError, Refused, decode, read_regular, to_output
from cleaner.model import Article
from cleaner.records import clean_record

if TYPE_CHECKING:
    from cleaner.brief import Brief

T = TypeVar("T")
R = TypeVar("R")

Outcome = Literal["changed", "unchanged", "not_an_article", "unsure", "skipped"]

#: Records per task sent to a worker in JSONL mode; big enough to amortise the pipe, small
#: enough to keep every worker busy near the end of a file.
JSONL_CHUNKSIZE = 64
#: Files per task in file mode (files are larger than records).
FILE_CHUNKSIZE = 4
#: Tasks in flight per worker and chunk: bounds memory however large the input is.
WINDOW_CHUNKS = 4


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a worker needs, sent once per worker process."""

    config: Config
    text_field: str = "text"
    site_field: str | None = None
    url_field: str | None = None
    #: Files longer than this are refused (`--max-bytes`): a file swapped for a bigger one or a
    #: FIFO between the command's check and the worker's read is still not read unbounded.
    max_bytes: int = DEFAULT_MAX_BYTES
    #: Send back a `Brief` instead of the whole `Article` (see `FileResult`): set when results
    #: cross a process boundary and the parent only reports and writes (no JSON, no --explain).
    slim: bool = False


@dataclass(frozen=True, slots=True)
class FileTask:
    """One file to clean. `html` files are cleaned with `cleaner.html.clean_html`."""

    path: str
    html: bool = False
    site: str | None = None


@dataclass(frozen=True, slots=True)
class FileResult:
    """What cleaning one file gave; nothing has been written yet.

    `original` is the decoded input (for HTML: the current content of the `.txt` target, or
    ""), `output` the text to write (None when there is nothing to write), `reason` says why a
    file was skipped. `article` is the whole result, or only its `Brief` when the settings ask
    for slim results (a worker process sending it to a parent that needs no more).
    """

    task: FileTask
    outcome: Outcome
    original: str | None = None
    output: str | None = None
    article: Article | Brief | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class LineResult:
    """One JSONL input line: the output line (bytes, newline included; None for a blank line).

    When `error` is set the line could not be cleaned and `line` is the input line unchanged.
    """

    lineno: int
    line: bytes | None
    status: str
    kinds: tuple[str, ...] = ()
    error: str | None = None


_SETTINGS: Settings | None = None


def init_worker(settings: Settings) -> None:
    """Pool initializer: keep the run settings for the worker functions."""
    global _SETTINGS
    _SETTINGS = settings


def _settings() -> Settings:
    if _SETTINGS is None:  # pragma: no cover - a programming error, not a user error
        raise RuntimeError("init_worker() must run before the worker functions are called.")
    return _SETTINGS


def html_target(path: Path) -> Path:
    """Where `--html-to-text` writes the text of an HTML file: `name.txt` beside it."""
    return path.with_suffix(".txt")


def clean_file(task: FileTask) -> FileResult:
    """Read, decode and clean one file (worker function; writes nothing)."""
    result = _clean_file(task)
    if _settings().slim and isinstance(result.article, Article):
        from cleaner.brief import Brief  # only workers of a parallel run make one

        return dataclasses.replace(result, article=Brief.of(result.article))
    return result


def _clean_file(task: FileTask) -> FileResult:
    config = _settings().config
    if task.site is not None:
        config = dataclasses.replace(config, site=task.site)
    path = Path(task.path)
    try:
        data, _ = read_regular(path, max_bytes=_settings().max_bytes)
    except Refused as e:
        return FileResult(task, "skipped", reason=str(e))
    except OSError as e:
        return FileResult(task, "skipped", reason=f"cannot be read ({e.strerror or e}).")
    if not data.strip():
        return FileResult(task, "skipped", reason="is empty; it was left untouched.")
    try:
        text = decode(data, name=task.path)
    except DecodeError as e:
        return FileResult(task, "skipped", reason=e.reason)
    try:
        if task.html:
            return _clean_html(task, text, config)
        article = _clean_text(text, config)
    except ImportError as e:
        return FileResult(task, "skipped", reason=f"needs the HTML extra ({e}); run `pip install 'cleaner[html]'`.")
    except Exception as e:  # a bug must not stop the other files; the file is left as it is
        return FileResult(task, "skipped", reason=f"could not be cleaned ({_describe(e)}); please report this bug.")
    if article.status == "not_an_article":
        return FileResult(task, "not_an_article", original=text, article=article)
    if not article.confident:
        return FileResult(task, "unsure", original=text, article=article)
    output = to_output(article.text)
    outcome: Outcome = "unchanged" if output == text else "changed"
    return FileResult(task, outcome, original=text, output=output, article=article)


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def _clean_text(text: str, config: Config) -> Article:
    from cleaner.pipeline import clean

    return clean(text, config=config)


def _clean_html(task: FileTask, text: str, config: Config) -> FileResult:
    from cleaner.html import clean_html  # type: ignore[import-not-found,unused-ignore]

    article: Article = clean_html(text, config=config)
    if article.status == "not_an_article":
        return FileResult(task, "not_an_article", original="", article=article)
    if not article.confident:
        return FileResult(task, "unsure", original="", article=article)
    target = html_target(Path(task.path))
    try:
        existing = decode(target.read_bytes(), name=str(target)) if target.exists() else ""
    except (OSError, DecodeError):
        existing = ""
    # the .txt is what the text hook will see on the next commit: write the text cleaner's fixed
    # point of the HTML result, so the hook never rewrites it (HTML mode runs fewer context rules)
    output = to_output(_clean_text(article.text, config).text)
    outcome: Outcome = "unchanged" if output == existing else "changed"
    return FileResult(task, outcome, original=existing, output=output, article=article)


def site_of(record: dict[str, object], settings: Settings) -> str | None:
    """The site a record belongs to: `site_field`, else the host of `url_field`, else None."""
    if settings.site_field is not None:
        value = record.get(settings.site_field)
        return str(value) if value is not None else None
    if settings.url_field is not None:
        url = record.get(settings.url_field)
        if isinstance(url, str):
            return _host(url)
    return None


def _host(url: str) -> str | None:
    # The template index's own notion of a site when it is installed, so every engine agrees.
    try:
        from cleaner.templates import site_from_url  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        from urllib.parse import urlsplit

        try:
            return urlsplit(url).hostname
        except ValueError:
            return None
    host: str | None = site_from_url(url)
    return host


def clean_line(item: tuple[int, bytes]) -> LineResult:
    """Clean one JSONL line with `cleaner.clean_record` (worker function).

    A line that cannot be cleaned and written back as JSON (not JSON, not an object, a lone
    surrogate escape such as `"\\ud800"` in any field, a number JSON cannot hold such as `NaN` or
    `1e400`, a bug) comes back unchanged, with status "error" and the reason: one bad record
    never stops the corpus, and nothing is lost.
    """
    import json

    lineno, raw = item
    settings = _settings()
    if not raw.strip():
        return LineResult(lineno, None, "blank")
    try:
        record = json.loads(raw, parse_constant=_no_constant)
    except ValueError as e:  # JSONDecodeError, UnicodeDecodeError, NaN / Infinity
        return _passed_through(lineno, raw, f"is not valid JSON ({e}).")
    except RecursionError:
        return _passed_through(lineno, raw, "is nested too deeply to read.")
    if not isinstance(record, dict):
        return _passed_through(lineno, raw, f"holds a JSON {type(record).__name__}, not an object.")
    config = settings.config
    site = site_of(record, settings)
    if site is not None:
        config = _with_site(config, site)
    try:
        out = clean_record(record, settings.text_field, config=config)
    except Exception as e:  # a bug must not stop the corpus; the record is reported and kept as it is
        return _passed_through(lineno, raw, f"could not be cleaned ({_describe(e)}); please report this bug.")
    try:
        line = (json.dumps(out, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return _passed_through(lineno, raw, 'holds a lone surrogate escape (such as "\\ud800"), which is not text.')
    except ValueError:
        return _passed_through(lineno, raw, "holds a number JSON cannot write back (NaN or Infinity).")
    except RecursionError:
        return _passed_through(lineno, raw, "is nested too deeply to write back.")
    return LineResult(lineno, line, str(out.get("cleaner_status")), tuple(out.get("removed_kinds") or ()))


def _no_constant(name: str) -> float:
    # NaN and Infinity are not JSON (RFC 8259); Python's parser accepts them unless told not to
    raise ValueError(f"{name} is not a JSON value")


def _passed_through(lineno: int, raw: bytes, reason: str) -> LineResult:
    """The input line as it was (newline-terminated), reported as an error."""
    line = raw if raw.endswith(b"\n") else raw + b"\n"
    return LineResult(lineno, line, "error", error=reason)


_SITE_CONFIGS: dict[tuple[int, str], Config] = {}


def _with_site(config: Config, site: str) -> Config:
    # One Config per site and worker: replace() re-validates the patterns, too slow per record.
    key = (id(config), site)
    found = _SITE_CONFIGS.get(key)
    if found is None:
        if len(_SITE_CONFIGS) > 4096:
            _SITE_CONFIGS.clear()
        found = _SITE_CONFIGS[key] = dataclasses.replace(config, site=site)
    return found


def default_jobs() -> int:
    """All the cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def ordered_map(
    func: Callable[[T], R],
    items: Iterable[T],
    settings: Settings,
    *,
    jobs: int,
    chunksize: int,
) -> Iterator[R]:
    """`map(func, items)` over `jobs` worker processes, results in input order.

    With `jobs == 1` everything runs in this process. Otherwise at most
    `jobs * chunksize * WINDOW_CHUNKS` items are in flight, so memory stays constant however
    long `items` is.
    """
    if jobs <= 1:
        init_worker(settings)
        yield from map(func, items)
        return
    import multiprocessing

    window = threading.BoundedSemaphore(max(1, jobs * chunksize * WINDOW_CHUNKS))
    stop = threading.Event()

    def feed() -> Iterator[T]:
        # Runs in the pool's task-handler thread: waits for room in the window.
        for item in items:
            while not window.acquire(timeout=0.1):
                if stop.is_set():
                    return
            if stop.is_set():
                return
            yield item

    pool = multiprocessing.get_context().Pool(jobs, initializer=init_worker, initargs=(settings,))
    try:
        for result in pool.imap(func, feed(), chunksize=chunksize):
            window.release()
            yield result
        pool.close()
    finally:
        stop.set()
        pool.terminate()
        pool.join()


class Progress:
    """A tiny progress line on stderr, drawn only on a terminal and only for long runs."""

    #: Nothing is drawn during the first `DELAY` seconds, so short runs stay silent.
    DELAY = 1.0
    INTERVAL = 0.1

    def __init__(self, total: int | None, unit: str, *, enabled: bool) -> None:
        self.total = total
        self.unit = unit
        self.enabled = enabled and sys.stderr.isatty()
        self.count = 0
        self.start = time.monotonic()
        self.last = 0.0
        self.drawn = False

    def update(self, n: int = 1) -> None:
        self.count += n
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.start < self.DELAY or now - self.last < self.INTERVAL:
            return
        self.last = now
        rate = self.count / max(now - self.start, 1e-9)
        if self.total:
            done = self.count / self.total
            bar = "#" * int(done * 30)
            line = f"[{bar:<30}] {self.count}/{self.total} {self.unit} ({rate:.0f}/s)"
        else:
            line = f"{self.count} {self.unit} ({rate:.0f}/s)"
        sys.stderr.write(f"\r{line}\x1b[K")
        sys.stderr.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
