"""The project's quality benchmark: body token P/R/F1 on the dev set and the seeds, with a ratchet.

Run from the repository root (see benchmarks/README.md):

    .venv/bin/python -m benchmarks.quality                  # all modes, table + results/quality.json
    .venv/bin/python -m benchmarks.quality --worst 10       # also the 10 weakest pages per mode
    .venv/bin/python -m benchmarks.quality --check          # exit 1 if a metric is below its floor
    .venv/bin/python -m benchmarks.quality --update-floors  # raise floors to the current values

Modes: `text` (`cleaner.clean` on the dev set's text dumps), `html` (`cleaner.html.clean_html` on
the dev set's original pages; needs the `html` extra) and `seeds` (`cleaner.clean` on seeds/, gold
in fixtures/seeds/). `text2` and `html2` score the same two cleaners on the second development set,
benchmarks/dev2/ (documentation, forums, code, tables, long pages); they run only when asked for
(`--mode text2 --mode html2`) and write no results file unless `--json` is given; `text3` and
`html3` do the same on the third, benchmarks/dev3/ (news and blog articles of other sites). Scores are
computed with `benchmarks.metrics`, a copy of the shared scoring harness's metrics, so they equal
the harness's numbers for the same outputs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import math
import os
import platform
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Final

if __package__ in (None, ""):  # run as a script: python benchmarks/quality.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.metrics import as_text, score_doc, summarize, tokens

ROOT: Final = Path(__file__).resolve().parent.parent
DEV: Final = ROOT / "benchmarks" / "dev"
DEV2: Final = ROOT / "benchmarks" / "dev2"
#: `text3`/`html3` score this folder; `CLEANER_BENCH_DEV3=DIR` points them at another set in the same
#: layout (a held-out set built by `scripts/build_dev4.py` or `scripts/build_dev5.py`; never with `--update-floors`).
DEV3: Final = Path(os.environ.get("CLEANER_BENCH_DEV3") or ROOT / "benchmarks" / "dev3")
SEEDS: Final = ROOT / "seeds"
SEED_GOLD: Final = ROOT / "fixtures" / "seeds"
FLOORS: Final = ROOT / "benchmarks" / "floors.json"
RESULTS: Final = ROOT / "benchmarks" / "results" / "quality.json"
MODES: Final = ("text", "html", "seeds")
#: Modes on the second development set: run only when named, never by default.
EXTRA_MODES: Final = ("text2", "html2", "text3", "html3")
#: The corpus of each mode that does not score the news dev set.
CORPUS_OF: Final = {"text2": "dev2", "html2": "dev2", "text3": "dev3", "html3": "dev3"}
ALL_MODES: Final = MODES + EXTRA_MODES
HTML_MODES: Final = frozenset({"html", "html2", "html3"})

#: Reference rows: the dev set (181 pages) scored by the shared harness (shared/bench/evaluate.py,
#: shared/bench/baselines.py), as reported in the issue: (name, input, macro P, R, F1, lost, MB/s).
BASELINES: Final[tuple[tuple[str, str, float, float, float, int, float | None], ...]] = (
    ("identity", "text", 0.482, 0.999, 0.613, 0, None),
    ("trafilatura", "text", 0.508, 0.995, 0.637, 2, 1.3),
    ("jusText", "text", 0.631, 0.776, 0.668, 50, 1.4),
    ("trafilatura 2.3.1", "html", 0.947, 0.983, 0.959, 8, 7.3),
    ("readability-lxml", "html", 0.943, 0.984, 0.960, 9, 5.5),
    ("newspaper4k", "html", 0.954, 0.929, 0.935, 34, 1.9),
    ("goose3", "html", 0.913, 0.840, 0.858, 52, 2.2),
    ("resiliparse", "html", 0.840, 0.989, 0.898, 7, 112.0),
)

#: Gated metrics: (name, direction). "min" metrics may not fall below their floor, "max" metrics
#: may not rise above their ceiling. Floats are stored rounded towards the safe side (4 places).
GATED: Final[tuple[tuple[str, str], ...]] = (
    ("macro_f1", "min"),
    ("micro_f1", "min"),
    ("lost_body", "max"),
    ("empty", "max"),
    ("errors", "max"),
    ("headline_exact", "min"),
    ("dateline_exact", "min"),
    ("noise_leaked", "max"),
)
_PLACES: Final = 4


@dataclass(frozen=True)
class Doc:
    id: str
    input: Path
    gold: Path


def corpus(mode: str) -> list[Doc]:
    """The documents of one mode, sorted by id."""
    if mode == "seeds":
        docs = [Doc(p.stem, p, SEED_GOLD / f"{p.stem}.gold.json") for p in sorted(SEEDS.glob("*.txt"))]
    elif mode in ALL_MODES:
        suffix = ".html" if mode in HTML_MODES else ".txt"
        where = {"dev2": DEV2, "dev3": DEV3}.get(CORPUS_OF.get(mode, "dev"), DEV)
        docs = [
            Doc(g.name[: -len(".gold.json")], where / (g.name[: -len(".gold.json")] + suffix), g)
            for g in sorted(where.glob("*.gold.json"))
        ]
    else:
        raise ValueError(f"Unknown mode {mode!r}; use one of {', '.join(ALL_MODES)}.")
    missing = [str(d.input.relative_to(ROOT)) for d in docs if not d.input.is_file() or not d.gold.is_file()]
    if not docs or missing:
        raise FileNotFoundError(
            f"The {mode} corpus is incomplete: {len(docs)} documents, missing {', '.join(missing[:5]) or 'all'}. "
            "Restore benchmarks/dev, benchmarks/dev2, benchmarks/dev3, seeds/ and fixtures/seeds/ from git."
        )
    return docs


def digest(mode: str) -> str:
    """sha256 over the names and bytes of every input and gold file of a mode's corpus."""
    h = hashlib.sha256()
    for doc in corpus(mode):
        for path in (doc.input, doc.gold):
            h.update(path.name.encode("utf-8") + b"\0")
            h.update(path.read_bytes())
            h.update(b"\0")
    return h.hexdigest()


def _cleaner(mode: str) -> Callable[[str], Any]:
    if mode in HTML_MODES:
        from cleaner.html import clean_html

        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
        return clean_html
    from cleaner import clean

    return clean


def _score(mode: str, doc: Doc) -> tuple[dict[str, Any], float, int]:
    """(per-document row, seconds inside the cleaner, input bytes)."""
    fn = _cleaner(mode)
    text = doc.input.read_text(encoding="utf-8", errors="replace")
    gold: dict[str, Any] = json.loads(doc.gold.read_text(encoding="utf-8"))
    error = None
    t0 = time.perf_counter()
    try:
        article = fn(text)
    except Exception as e:  # a failing cleaner is scored as empty and reported, not fatal
        article, error = None, f"{type(e).__name__}: {e}"
    seconds = time.perf_counter() - t0
    body = "\n\n".join(article.body) if article is not None else ""
    headline = article.headline if article is not None else None
    dateline = article.dateline if article is not None else None
    row = score_doc(doc.id, gold, body, headline, dateline, error)
    if article is not None:
        row["status"] = article.status
        row["removed_by"] = dict(Counter(r.rule for r in article.removed))
        row["lost_tokens_by_rule"] = _loss_by_rule(gold, body, headline, dateline, article.removed)
    return row, seconds, len(text.encode("utf-8"))


def _loss_by_rule(
    gold: dict[str, Any], body: str, headline: str | None, dateline: str | None, removed: Sequence[Any]
) -> dict[str, int]:
    """Gold body tokens missing from the output, credited to the removals that contain them (in order)."""
    missing = tokens(as_text(gold.get("body")) or "") - tokens(body)
    missing -= tokens(" ".join(x for x in (headline, dateline) if x))
    out: Counter[str] = Counter()
    for r in removed:
        if not missing:
            break
        hit = tokens(r.text) & missing
        if hit:
            out[r.rule] += sum(hit.values())
            missing -= hit
    return dict(out)


def _score_star(args: tuple[str, Doc]) -> tuple[dict[str, Any], float, int]:
    return _score(*args)


def run(mode: str, *, jobs: int = 1, only: Sequence[str] = ()) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Score one mode: (summary, per-document rows). `only` restricts to these document ids."""
    docs = corpus(mode)
    if only:
        wanted = set(only)
        docs = [d for d in docs if d.id in wanted]
        if not docs:
            raise ValueError(f"None of the requested document ids is in the {mode} corpus.")
    work = [(mode, d) for d in docs]
    if jobs > 1 and len(work) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(_score_star, work, chunksize=4))
    else:
        results = [_score_star(w) for w in work]
    rows = [r for r, _, _ in results]
    seconds = sum(s for _, s, _ in results)
    in_bytes = sum(b for _, _, b in results)
    errors = sum("error" in r for r in rows)
    name = "cleaner.html:clean_html" if mode in HTML_MODES else "cleaner:clean"
    summary = summarize(
        rows,
        name=name,
        input_kind="html" if mode in HTML_MODES else "text",
        seconds=seconds,
        in_bytes=in_bytes,
        errors=errors,
    )
    summary["mode"] = mode
    summary["corpus"] = "seeds" if mode == "seeds" else CORPUS_OF.get(mode, "dev")
    summary["jobs"] = jobs
    loss: Counter[str] = Counter()
    for r in rows:
        loss.update(r.get("lost_tokens_by_rule", {}))
    summary["lost_tokens_by_rule"] = dict(loss.most_common())
    return summary, rows


def gated_values(summary: dict[str, Any]) -> dict[str, float | int]:
    """The gated metrics of a summary (headline/dateline only where the gold has them)."""
    values: dict[str, float | int] = {
        "macro_f1": summary["macro"]["f1"],
        "micro_f1": summary["micro"]["f1"],
        "lost_body": summary["lost_body"],
        "empty": summary["empty"],
        "errors": summary["errors"],
    }
    if summary["headline"]["exact"] is not None:
        values["headline_exact"] = summary["headline"]["exact"]
    if summary["dateline"]["exact"] is not None:
        values["dateline_exact"] = summary["dateline"]["exact"]
    if summary["noise"]["total"]:
        values["noise_leaked"] = summary["noise"]["leaked"]
    return values


def _direction(metric: str) -> str:
    return dict(GATED)[metric]


def _safe(metric: str, value: float | int) -> float | int:
    """Round a measured value towards the safe side, so that the same run always passes its own floor."""
    if isinstance(value, int):
        return value
    scale = 10**_PLACES
    return (math.floor if _direction(metric) == "min" else math.ceil)(value * scale) / scale


def _fails(metric: str, value: float | int, bound: float | int) -> bool:
    eps = 1e-12
    return value < bound - eps if _direction(metric) == "min" else value > bound + eps


def load_floors(path: Path = FLOORS) -> dict[str, Any]:
    if not path.is_file():
        return {"modes": {}}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def check(mode: str, summary: dict[str, Any], floors: dict[str, Any]) -> list[str]:
    """Failures of one mode against its floors (empty list: passes). A mode without floors fails."""
    entry = floors.get("modes", {}).get(mode)
    if entry is None:
        return [f"{mode}: no floors recorded; run `python -m benchmarks.quality --mode {mode} --update-floors`."]
    problems = []
    current = digest(mode)
    if entry.get("digest") != current:
        problems.append(
            f"{mode}: the corpus changed (sha256 {current[:12]}, floors were set on {str(entry.get('digest'))[:12]}); "
            "review the new numbers and re-baseline with --update-floors --allow-regression."
        )
    values = gated_values(summary)
    for metric, bound in entry["floors"].items():
        if metric not in values:
            problems.append(f"{mode}: {metric} has a floor but was not measured.")
        elif _fails(metric, values[metric], bound):
            word = "below its floor" if _direction(metric) == "min" else "above its ceiling"
            problems.append(f"{mode}: {metric} = {_fmt(values[metric], '.4f')} is {word} {_fmt(bound, '.4f')}.")
    return problems


def update_floors(
    summaries: dict[str, dict[str, Any]], floors: dict[str, Any], *, allow_regression: bool
) -> tuple[dict[str, Any], list[str], list[str]]:
    """New floors from current summaries: (floors, changes, refused). Floors only tighten unless allowed."""
    new = json.loads(json.dumps(floors))
    new.setdefault("modes", {})
    changes: list[str] = []
    refused: list[str] = []
    for mode, summary in summaries.items():
        current_digest = digest(mode)
        entry = new["modes"].get(mode)
        values = {m: _safe(m, v) for m, v in gated_values(summary).items()}
        if entry is not None and entry.get("digest") != current_digest:
            if not allow_regression:
                refused.append(f"{mode}: the corpus changed since the floors were set; pass --allow-regression.")
                continue
            entry = None
        if entry is None:
            new["modes"][mode] = {"digest": current_digest, "docs": summary["docs"], "floors": values}
            changes.append(f"{mode}: floors set to {_fmt_all(values)}")
            continue
        bounds = entry["floors"]
        for metric, value in values.items():
            old = bounds.get(metric)
            if old is None:
                bounds[metric] = value
                changes.append(f"{mode}: {metric} floor set to {_fmt(value, '.4f')}")
            elif _fails(metric, value, old):
                if allow_regression:
                    bounds[metric] = value
                    changes.append(
                        f"{mode}: {metric} floor LOWERED {_fmt(old, '.4f')} -> {_fmt(value, '.4f')} (allowed)"
                    )
                else:
                    refused.append(
                        f"{mode}: {metric} = {_fmt(value, '.4f')} would loosen its floor {_fmt(old, '.4f')}."
                    )
            elif value != old:
                bounds[metric] = value
                changes.append(f"{mode}: {metric} floor raised {_fmt(old, '.4f')} -> {_fmt(value, '.4f')}")
        entry["docs"] = summary["docs"]
    for mode in HTML_MODES & summaries.keys():
        new["modes"][mode]["trafilatura"] = _version("trafilatura")
    return new, changes, refused


def _version(pkg: str) -> str:
    try:
        return version(pkg)
    except PackageNotFoundError:
        return "not installed"


def _fmt(v: float | int | None, spec: str = ".3f") -> str:
    if v is None:
        return "-"
    return str(v) if isinstance(v, int) else format(v, spec if abs(v) >= 1e-3 or v == 0 else ".2e")


def _fmt_all(values: dict[str, float | int]) -> str:
    return ", ".join(f"{k}={_fmt(v, '.4f')}" for k, v in values.items())


def print_table(summaries: Sequence[dict[str, Any]], out: Any = sys.stdout) -> None:
    """One table: our modes (as the harness prints them) and the reference baselines."""
    hdr = (
        f"{'cleaner':34} {'in':4} {'docs':>4} {'P':>6} {'R':>6} {'F1':>6} {'±':>5} {'microF1':>7} {'lost':>4} "
        f"{'empty':>5} {'err':>3} {'head':>5} {'dline':>5} {'leak':>7} {'sec':>7} {'MB/s':>7}"
    )
    print(hdr, file=out)
    print("-" * len(hdr), file=out)
    for s in summaries:
        leak = f"{s['noise']['leaked']}/{s['noise']['total']}" if s["noise"]["total"] else "-"
        name = f"{s['callable']} [{s['corpus']}]"
        print(
            f"{name[:34]:34} {s['input']:4} {s['docs']:>4} {_fmt(s['macro']['p']):>6} {_fmt(s['macro']['r']):>6} "
            f"{_fmt(s['macro']['f1']):>6} {_fmt(s['macro']['f1_stderr']):>5} {_fmt(s['micro']['f1']):>7} "
            f"{s['lost_body']:>4} {s['empty']:>5} {s['errors']:>3} {_fmt(s['headline']['exact'], '.2f'):>5} "
            f"{_fmt(s['dateline']['exact'], '.2f'):>5} {leak:>7} {s['seconds']:>7.2f} {_fmt(s['mb_per_s'], '.2f'):>7}",
            file=out,
        )
    print("reference, dev set (181 pages), measured by the shared harness (shared/bench/evaluate.py):", file=out)
    for name, kind, p, r, f1, lost, mbs in BASELINES:
        print(
            f"{'  ' + name:34} {kind:4} {181:>4} {p:>6.3f} {r:>6.3f} {f1:>6.3f} {'-':>5} {'-':>7} {lost:>4} "
            f"{'-':>5} {'-':>3} {'-':>5} {'-':>5} {'-':>7} {'-':>7} {_fmt(mbs, '.1f'):>7}",
            file=out,
        )


def print_worst(mode: str, rows: Sequence[dict[str, Any]], n: int, out: Any = sys.stdout) -> None:
    print(f"\n{mode}: the {n} lowest-F1 documents", file=out)
    for row in sorted(rows, key=lambda x: (x["f1"], x["id"]))[:n]:
        lost = ", ".join(
            f"{k} {v}" for k, v in sorted(row.get("lost_tokens_by_rule", {}).items(), key=lambda kv: -kv[1])
        )
        print(
            f"  {row['id']:22} P={row['p']:.3f} R={row['r']:.3f} F1={row['f1']:.3f} {row.get('status', '')}"
            + (f"  gold tokens removed by: {lost}" if lost else "")
            + (f"  {row['error']}" if "error" in row else ""),
            file=out,
        )


def _html_available() -> bool:
    try:
        import bs4  # noqa: F401
        import trafilatura  # noqa: F401
    except ImportError:
        return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.quality",
        description="Score cleaner on the dev set and the seeds; gate the numbers against benchmarks/floors.json.",
    )
    ap.add_argument(
        "--mode",
        action="append",
        choices=ALL_MODES,
        help="a mode to run (repeatable; default: text, html, seeds; text2/html2, text3/html3: dev2, dev3)",
    )
    ap.add_argument("--worst", type=int, default=0, metavar="N", help="list the N lowest-F1 documents per mode")
    ap.add_argument("--check", action="store_true", help="exit 1 if any gated metric is past its floor")
    ap.add_argument("--update-floors", action="store_true", help="raise the floors to the current values")
    ap.add_argument("--allow-regression", action="store_true", help="let --update-floors lower floors")
    ap.add_argument(
        "--json",
        type=Path,
        default=None,
        help=f"results file (default: {RESULTS.relative_to(ROOT)}; none when only text2/html2/text3/html3 run)",
    )
    ap.add_argument("--no-write", action="store_true", help="do not write the results file")
    ap.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (timings are summed per document)")
    args = ap.parse_args(argv)
    if os.environ.get("CLEANER_BENCH_DEV3") and (args.update_floors or args.check):
        ap.error("CLEANER_BENCH_DEV3 points text3/html3 at another set: its numbers have no floors")

    modes = list(dict.fromkeys(args.mode or MODES))
    if args.json is None:
        if all(m in EXTRA_MODES for m in modes):
            args.no_write = True
        args.json = RESULTS
    if HTML_MODES & set(modes) and not _html_available():
        if args.mode:
            print("html mode needs the html extra: pip install cleaner[html]", file=sys.stderr)
            return 2
        print(
            "# html mode skipped: trafilatura/beautifulsoup4 not installed (pip install cleaner[html])", file=sys.stderr
        )
        modes = [m for m in modes if m not in HTML_MODES]

    summaries: dict[str, dict[str, Any]] = {}
    per_doc: dict[str, list[dict[str, Any]]] = {}
    for mode in modes:
        summary, rows = run(mode, jobs=args.jobs)
        summaries[mode], per_doc[mode] = summary, rows
        print(
            f"# {mode}: macro F1 {summary['macro']['f1']:.4f}, lost {summary['lost_body']}, {summary['seconds']:.2f}s",
            file=sys.stderr,
            flush=True,
        )

    print()
    print_table(list(summaries.values()))
    for mode in modes:
        if args.worst:
            print_worst(mode, per_doc[mode], args.worst)
            top = list(summaries[mode]["lost_tokens_by_rule"].items())[:8]
            if top:
                print(f"  {mode}: gold tokens removed, by rule: " + ", ".join(f"{k} {v}" for k, v in top))

    if not args.no_write:
        payload = {
            "generated_by": "python -m benchmarks.quality",
            "versions": {
                "python": platform.python_version(),
                "cleaner": _version("cleaner"),
                "trafilatura": _version("trafilatura"),
            },
            "digests": {mode: digest(mode) for mode in modes},
            "summaries": list(summaries.values()),
            "baselines": [
                {
                    "name": n,
                    "input": k,
                    "macro": {"p": p, "r": r, "f1": f},
                    "lost_body": lost,
                    "mb_per_s": mbs,
                    "source": "shared harness, dev set, from the issue",
                }
                for n, k, p, r, f, lost, mbs in BASELINES
            ],
            "per_doc": per_doc,
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    status = 0
    floors = load_floors()
    if args.update_floors:
        new, changes, refused = update_floors(summaries, floors, allow_regression=args.allow_regression)
        for line in changes:
            print(f"floors: {line}")
        if refused:
            for line in refused:
                print(f"floors: refused: {line}", file=sys.stderr)
            print("floors: nothing written; fix the regression or pass --allow-regression.", file=sys.stderr)
            return 1
        FLOORS.write_text(json.dumps(new, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        floors = new
    if args.check:
        problems: list[str] = []
        for mode in modes:
            recorded = floors.get("modes", {}).get(mode, {}).get("trafilatura")
            if mode in HTML_MODES and recorded and recorded != _version("trafilatura"):
                print(
                    f"# {mode}: floors were measured with trafilatura {recorded}, this is "
                    f"{_version('trafilatura')}; {mode} not gated.",
                    file=sys.stderr,
                )
                continue
            problems += check(mode, summaries[mode], floors)
        for line in problems:
            print(f"FAIL {line}", file=sys.stderr)
        if problems:
            status = 1
        else:
            print(f"floors: all gated metrics hold for {', '.join(modes)}.")
    return status


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
