#!/usr/bin/env python3
"""Benchmark plots for docs/benchmarks.md (matplotlib, PNG).

    .venv/bin/pip install -e '.[docs,html]'
    .venv/bin/python benchmarks/plot.py            # writes docs/img/*.png and docs/img/plots.json

Three figures:

* ``quality_vs_speed.png``: body F1 (macro, token level) against throughput (MB/s of input) for
  `cleaner` in text and HTML mode and for each baseline. `cleaner`'s numbers come from
  benchmarks/results/quality.json and speed.json when they exist (written by
  benchmarks/quality.py); otherwise this script measures them on the dev set itself, with the
  same scoring code (benchmarks/metrics.py). The baselines are the dev-set numbers measured with
  the shared harness (`BASELINES`).
* ``removals_by_kind.png``: how many spans `clean()` removes per kind on the dev set.
* ``cost_per_mb.png``: milliseconds per MB of input against document size, per dev document
  (text mode): a flat cloud means the cost is linear in the input.

Every number a figure shows is also written to docs/img/plots.json and printed as Markdown, so
the page can state them.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.lines import Line2D

ROOT: Final = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import metrics  # noqa: E402

from cleaner import KINDS, Article, clean  # noqa: E402
from cleaner.report import KIND_COLOURS, colour  # noqa: E402

RESULTS: Final = ROOT / "benchmarks" / "results"
OUT: Final = ROOT / "docs" / "img"
DEV_DIRS: Final = (ROOT / "benchmarks" / "dev", ROOT.parent / "shared" / "benchmark" / "dev")


@dataclass(frozen=True)
class Point:
    name: str
    mode: str  # "text" or "html"
    f1: float
    mb_per_s: float | None
    source: str


#: Dev-set baselines (181 pages), measured with the shared scoring harness. Identity has no
#: meaningful throughput (it does nothing), so it is drawn as a reference line.
BASELINES: Final = (
    Point("identity", "text", 0.613, None, "harness"),
    Point("trafilatura", "text", 0.637, 1.3, "harness"),
    Point("jusText", "text", 0.668, 1.4, "harness"),
    Point("trafilatura", "html", 0.959, 7.3, "harness"),
    Point("readability-lxml", "html", 0.960, 5.5, "harness"),
    Point("newspaper4k", "html", 0.935, 1.9, "harness"),
    Point("goose3", "html", 0.858, 2.2, "harness"),
    Point("resiliparse", "html", 0.898, 112.0, "harness"),
)


#: Label placement (points) where the default would overlap a neighbour's label.
LABEL_OFFSETS: Final[dict[tuple[str, str], tuple[int, int]]] = {
    ("readability-lxml", "html"): (-7, -12),
    ("newspaper4k", "html"): (-7, -12),
    ("jusText", "text"): (7, 4),
    ("trafilatura", "text"): (7, -12),
}
LEFT_LABELS: Final = frozenset({("readability-lxml", "html"), ("newspaper4k", "html")})


def dev_dir() -> Path:
    for d in DEV_DIRS:
        if any(d.glob("*.gold.json")):
            return d
    raise SystemExit("No dev set found in benchmarks/dev or ../shared/benchmark/dev.")


def _summaries(data: Any) -> Iterator[dict[str, Any]]:
    """Every dict in `data` that looks like a harness summary (has macro F1)."""
    if isinstance(data, dict):
        macro = data.get("macro")
        if isinstance(macro, dict) and isinstance(macro.get("f1"), int | float):
            yield data
        for value in data.values():
            yield from _summaries(value)
    elif isinstance(data, list):
        for value in data:
            yield from _summaries(value)


def _mode(summary: dict[str, Any]) -> str | None:
    text = " ".join(str(summary.get(k, "")) for k in ("input", "mode", "callable", "name")).lower()
    if "html" in text:
        return "html"
    if "text" in text or "txt" in text or "cleaner:clean" in text:
        return "text"
    return None


def _speed(mode: str) -> float | None:
    """cleaner's own MB/s for `mode` ("text" or "html") from benchmarks/speed.py's results.

    Read by exact key (`<mode>_mode.mb_per_s`): the file also holds other throughputs (the
    tokenising floor, trafilatura) that must not be mistaken for cleaner's.
    """
    path = RESULTS / "speed.json"
    if not path.exists():
        return None
    section = json.loads(path.read_text(encoding="utf-8")).get(f"{mode}_mode")
    value = (section.get("mb_per_s") or section.get(f"clean_{mode}_mb_per_s")) if isinstance(section, dict) else None
    return float(value) if isinstance(value, int | float) else None


def recorded_points() -> dict[str, Point]:
    """`cleaner`'s text/HTML points from benchmarks/results/quality.json (+ speed.json), if any."""
    path = RESULTS / "quality.json"
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    points: dict[str, Point] = {}
    for s in _summaries(data):
        mode = _mode(s)
        if mode is None or mode in points or "baseline" in str(s.get("callable", "")).lower():
            continue
        if s.get("docs") not in (None, 181) and s.get("docs", 0) < 100:
            continue  # the seeds, not the dev set
        mbps = _speed(mode) or s.get("mb_per_s")
        points[mode] = Point("cleaner", mode, float(s["macro"]["f1"]), mbps, str(path.relative_to(ROOT)))
    return points


def _timed(func: Callable[[str], Article], text: str, repeat: int) -> tuple[Article, float]:
    best = float("inf")
    result: Article | None = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = func(text)
        best = min(best, time.perf_counter() - t0)
    assert result is not None
    return result, best


@dataclass(frozen=True)
class Run:
    point: Point
    articles: list[Article]
    sizes: list[int]
    seconds: list[float]


def measure(mode: str, directory: Path, repeat: int) -> Run:
    """Clean every dev document in `mode` and score it with benchmarks/metrics.py."""
    if mode == "html":
        from cleaner.html import clean_html

        func: Callable[[str], Article] = clean_html
        suffix = ".html"
    else:
        func, suffix = clean, ".txt"
    rows, articles, sizes, seconds = [], [], [], []
    for gold_path in sorted(directory.glob("*.gold.json")):
        doc_id = gold_path.name.removesuffix(".gold.json")
        text = (directory / f"{doc_id}{suffix}").read_text(encoding="utf-8")
        article, secs = _timed(func, text, repeat)
        body, headline, dateline = metrics.unpack(article)
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        rows.append(metrics.score_doc(doc_id, gold, body, headline, dateline))
        articles.append(article)
        sizes.append(len(text.encode("utf-8")))
        seconds.append(secs)
    summary = metrics.summarize(
        rows, name=f"cleaner ({mode})", input_kind=mode, seconds=sum(seconds), in_bytes=sum(sizes), errors=0
    )
    point = Point("cleaner", mode, summary["macro"]["f1"], summary["mb_per_s"], "measured by benchmarks/plot.py")
    return Run(point, articles, sizes, seconds)


def plot_quality(points: list[Point], path: Path) -> None:
    fig, ax = plt.subplots(figsize=(8, 5), dpi=120)
    identity = next(p for p in points if p.name == "identity")
    ax.axhline(identity.f1, color="#999999", linestyle="--", linewidth=1)
    ax.text(
        0.01,
        identity.f1 + 0.006,
        f"identity (no cleaning) {identity.f1:.3f}",
        transform=ax.get_yaxis_transform(),
        color="#666666",
        fontsize=8,
    )
    for p in points:
        if p.mb_per_s is None:
            continue
        ours = p.name == "cleaner"
        marker = ("*" if ours else "s") if p.mode == "html" else ("*" if ours else "o")
        face = "#d62728" if ours else ("#1f77b4" if p.mode == "html" else "#ff7f0e")
        ax.scatter(p.mb_per_s, p.f1, s=260 if ours else 60, marker=marker, color=face, edgecolor="black", linewidth=0.5)
        ax.annotate(
            f"{p.name} ({p.mode}) {p.f1:.3f}",
            (p.mb_per_s, p.f1),
            textcoords="offset points",
            xytext=LABEL_OFFSETS.get((p.name, p.mode), (7, 4)),
            ha="right" if (p.name, p.mode) in LEFT_LABELS else "left",
            fontsize=8,
            fontweight="bold" if ours else "normal",
        )
    ax.set_xscale("log")
    speeds = [p.mb_per_s for p in points if p.mb_per_s]
    ax.set_xlim(min(speeds) / 3, max(speeds) * 4)
    ax.set_ylim(0.55, 1.0)
    ax.set_xlabel("throughput, MB of input per second (log scale, one core)")
    ax.set_ylabel("body F1 (macro, token level)")
    ax.set_title("Dev set (181 pages): quality against speed")
    handles = [
        Line2D([], [], marker="*", color="#d62728", linestyle="", markersize=12, label="cleaner"),
        Line2D([], [], marker="s", color="#1f77b4", linestyle="", label="baseline on HTML"),
        Line2D([], [], marker="o", color="#ff7f0e", linestyle="", label="baseline on the text dump"),
    ]
    ax.legend(handles=handles, loc="lower right", fontsize=8)
    ax.grid(True, which="both", alpha=0.25)
    fig.tight_layout()
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)


def plot_kinds(counts: Counter[str], path: Path) -> None:
    kinds = [k for k in sorted(counts, key=lambda k: (counts[k], k)) if counts[k]]
    fig, ax = plt.subplots(figsize=(8, 0.32 * len(kinds) + 1.2), dpi=120)
    bars = ax.barh(kinds, [counts[k] for k in kinds], color=[colour(k) for k in kinds])
    ax.bar_label(bars, padding=3, fontsize=8)
    ax.set_xscale("log")
    ax.set_xlabel("removed spans (text mode, log scale)")
    ax.set_title(f"Removals by kind on the dev set ({sum(counts.values())} spans)")
    ax.set_xlim(1, max(counts.values()) * 3)
    fig.tight_layout()
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)


def plot_cost(sizes: list[int], seconds: list[float], path: Path) -> dict[str, float]:
    kb = [s / 1e3 for s in sizes]
    ms_per_mb = [sec * 1e3 / (s / 1e6) for s, sec in zip(sizes, seconds, strict=True)]
    median = statistics.median(ms_per_mb)
    fig, ax = plt.subplots(figsize=(8, 4.5), dpi=120)
    ax.scatter(kb, ms_per_mb, s=14, alpha=0.7, color="#1f77b4", edgecolor="none")
    ax.axhline(median, color="#d62728", linewidth=1)
    ax.text(min(kb), median * 1.08, f"median {median:.0f} ms/MB", color="#d62728", fontsize=8)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("document size, kB (log scale)")
    ax.set_ylabel("cost, ms per MB of input (log scale)")
    ax.set_title("clean() cost per MB against document size (dev set, text mode, best of 3)")
    ax.grid(True, which="both", alpha=0.25)
    fig.tight_layout()
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)
    small = [m for s, m in zip(sizes, ms_per_mb, strict=True) if s < 5_000]
    large = [m for s, m in zip(sizes, ms_per_mb, strict=True) if s >= 20_000]
    return {
        "median_ms_per_mb": median,
        "median_ms_per_mb_under_5kB": statistics.median(small) if small else float("nan"),
        "median_ms_per_mb_over_20kB": statistics.median(large) if large else float("nan"),
        "docs": len(sizes),
        "min_kB": min(kb),
        "max_kB": max(kb),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--out", type=Path, default=OUT, help="where the PNGs and plots.json go")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs per document (best is kept)")
    ap.add_argument("--no-html", action="store_true", help="skip measuring HTML mode")
    args = ap.parse_args(argv)
    directory = dev_dir()
    args.out.mkdir(parents=True, exist_ok=True)

    text_run = measure("text", directory, args.repeat)
    recorded = recorded_points()
    ours = {"text": recorded.get("text", text_run.point)}
    if "html" in recorded:
        ours["html"] = recorded["html"]
    elif not args.no_html:
        try:
            ours["html"] = measure("html", directory, 1).point
        except ImportError as e:
            print(f"HTML mode not measured ({e}); install cleaner[html].", file=sys.stderr)
    points = [*BASELINES, *ours.values()]
    plot_quality(points, args.out / "quality_vs_speed.png")

    counts = Counter(r.kind for a in text_run.articles for r in a.removed)
    plot_kinds(counts, args.out / "removals_by_kind.png")
    cost = plot_cost(text_run.sizes, text_run.seconds, args.out / "cost_per_mb.png")

    numbers = {
        "dev_set": str(directory.relative_to(ROOT.parent)) if directory.is_relative_to(ROOT.parent) else str(directory),
        "quality_vs_speed": [
            {
                "name": p.name,
                "mode": p.mode,
                "f1": round(p.f1, 3),
                "mb_per_s": p.mb_per_s and round(p.mb_per_s, 2),
                "source": p.source,
            }
            for p in points
        ],
        "removals_by_kind": {k: counts[k] for k in KINDS if counts[k]}
        | {k: n for k, n in counts.items() if k not in KIND_COLOURS},
        "cost_per_mb": {k: round(v, 2) if isinstance(v, float) else v for k, v in cost.items()},
    }
    (args.out / "plots.json").write_text(json.dumps(numbers, indent=2) + "\n", encoding="utf-8")
    print("| system | input | body F1 | MB/s | source |\n| --- | --- | --- | --- | --- |")
    for p in points:
        speed = f"{p.mb_per_s:.1f}" if p.mb_per_s else "–"
        print(f"| {p.name} | {p.mode} | {p.f1:.3f} | {speed} | {p.source} |")
    print("\n| kind | removed spans |\n| --- | --- |")
    for k, n in counts.most_common():
        print(f"| {k} | {n} |")
    print("\n" + json.dumps(numbers["cost_per_mb"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
