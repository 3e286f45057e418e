"""Cost of hostile input, as ratios: prints a table and writes benchmarks/results/adversarial.json.

For each adversarial shape (one long line of a single character, alternating case, glued words,
a page with a 100,000-character line of punctuation, many short lines; and HTML pages run
through `cleaner.html.clean_html()`: one element with 200,000 attributes, many empty elements)
the time per MB is compared with the time per MB of `cleaner.clean()` on the seed pages. Goal:
no shape above 20x.

Cost growth: `clean()` on 1x, 4x, 16x and 64x a seed page, joined by blank lines. Goal: linear,
i.e. the time per MB at 64x within 1.5x of 1x.

    python benchmarks/adversarial.py              # 2 MB per shape
    python benchmarks/adversarial.py --mb 10      # the 10 MB sizes of the safety tests

Timings are printed, never asserted; each input runs in a child process with a time limit so
that a super-linear shape is reported as "> limit" instead of stalling the run.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import cleaner

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
RESULTS = ROOT / "benchmarks" / "results"

GOAL_RATIO = 20.0
GOAL_GROWTH = 1.5


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _page_with_line(char: str, size: int) -> str:
    seed = SEEDS[0].read_text(encoding="utf-8")
    return seed.replace("\n\n", "\n\n" + char * 100_000 + "\n\n", 1)


SHAPES: dict[str, Callable[[int], str]] = {
    "a*N": lambda n: "a" * n,
    "space*N": lambda n: " " * n,
    "{*N": lambda n: "{" * n,
    ";*N": lambda n: ";" * n,
    ".*N": lambda n: "." * n,
    "-*N": lambda n: "-" * n,
    "aA*N": lambda n: _repeat("aA", n),
    "glued words": lambda n: _repeat("WordwordWord.Next", n),
    "prose, one line": lambda n: _repeat("The minister said on Monday that the talks would continue. ", n),
    "credit parens": lambda n: _repeat("(A/B ", n),
    "short lines (3 B)": lambda n: _repeat("ab\n", n),
    "prose lines (60 B)": lambda n: _repeat("The minister said on Monday that the talks would continue.\n", n),
    "page + 100k '{'": lambda n: _page_with_line("{", n),
    "page + 100k ';'": lambda n: _page_with_line(";", n),
    "page + 100k '-'": lambda n: _page_with_line("-", n),
    "page + 100k '.'": lambda n: _page_with_line(".", n),
}


def _seed_html() -> str:
    text = SEEDS[0].read_text(encoding="utf-8")
    title, *paragraphs = [p for p in text.split("\n\n") if p.strip()]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>{title}</title></head><body>{{}}<article>{body}</article></body></html>"


def _html_attributes(n: int) -> str:
    # one element with n distinct attributes before the article: libxml2's duplicate check is
    # quadratic in them (200,000: 3.2 MB, over 120 s before cleaner.html.bound_markup)
    return _seed_html().replace("{}", "<div " + " ".join(f'a{i}="v"' for i in range(n)) + ">x</div>", 1)


#: HTML pages, cleaned with `cleaner.html.clean_html` (needs the html extra); same goal per MB.
HTML_SHAPES: dict[str, Callable[[int], str]] = {
    "html: 200k attributes": lambda n: _html_attributes(200_000),  # fixed size, as in issue 15
    "html: <p></p>*N": lambda n: _seed_html().replace("{}", "<p></p>" * (n // 7), 1),
}


def _mb(text: str) -> float:
    return len(text.encode("utf-8")) / 1e6


def _time_shape(name: str, size: int, conn: Any) -> None:
    if name in HTML_SHAPES:
        from cleaner.html import clean_html

        clean_html(_seed_html().replace("{}", "", 1))  # imports and first-call costs
        text = HTML_SHAPES[name](size)
        t0 = time.perf_counter()
        clean_html(text)
    else:
        text = SHAPES[name](size)
        t0 = time.perf_counter()
        cleaner.clean(text)
    conn.send((time.perf_counter() - t0, _mb(text)))


def measure(name: str, size: int, limit: float) -> tuple[float | None, float]:
    """(seconds or None when over `limit`, MB) of clean() on one shape, in a child process."""
    ctx: Any = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_time_shape, args=(name, size, child), daemon=True)
    proc.start()
    child.close()
    try:
        if parent.poll(limit):
            seconds, size_mb = parent.recv()
            return float(seconds), float(size_mb)
        return None, size / 1e6
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)


def seeds_s_per_mb(rounds: int = 3) -> float:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    cleaner.clean(texts[0])
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for t in texts:
            cleaner.clean(t)
        best = min(best, time.perf_counter() - t0)
    return best / sum(_mb(t) for t in texts)


def growth(factors: Sequence[int] = (1, 4, 16, 64)) -> dict[str, dict[str, float]]:
    doc = SEEDS[0].read_text(encoding="utf-8")
    rows: dict[str, dict[str, float]] = {}
    base = 0.0
    for k in factors:
        text = "\n\n".join([doc] * k)
        reps = max(1, 64 // k)
        t0 = time.perf_counter()
        for _ in range(reps):
            cleaner.clean(text)
        per_mb = (time.perf_counter() - t0) / reps / _mb(text)
        base = base or per_mb
        rows[f"{k}x"] = {"mb": round(_mb(text), 3), "s_per_mb": round(per_mb, 4), "vs_1x": round(per_mb / base, 2)}
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=2.0, help="size of each adversarial input in MB (default 2)")
    ap.add_argument("--limit", type=float, default=120.0, help="seconds after which a shape counts as too slow")
    ap.add_argument("--only", default="", help="comma list of shape names")
    ap.add_argument("-o", "--output", type=Path, default=RESULTS / "adversarial.json")
    args = ap.parse_args(argv)
    size = int(args.mb * 1e6)
    base = seeds_s_per_mb()
    print(f"seeds: {base:.4f} s/MB ({1 / base:.3f} MB/s)")
    print(f"{'shape':22s} {'MB':>6s} {'s':>8s} {'s/MB':>8s} {'x seeds':>8s}  goal <= {GOAL_RATIO:.0f}x")
    rows: dict[str, dict[str, Any]] = {}
    names = [n for n in [*SHAPES, *HTML_SHAPES] if not args.only or n in args.only.split(",")]
    for name in names:
        seconds, size_mb = measure(name, size, args.limit)
        retried = False
        if seconds is None:
            # over the limit: measure a tenth of the size so that the table still shows a ratio
            seconds, size_mb = measure(name, size // 10, args.limit)
            retried = True
        if seconds is None:
            rows[name] = {"mb": round(size_mb, 3), "seconds": None, "ratio": None, "ok": False}
            print(f"{name:22s} {size_mb:6.2f} {'>' + str(int(args.limit)):>8s} {'-':>8s} {'-':>8s}  OVER LIMIT")
            continue
        per_mb = seconds / size_mb
        ratio = per_mb / base
        ok = ratio <= GOAL_RATIO
        rows[name] = {
            "mb": round(size_mb, 3),
            "seconds": round(seconds, 3),
            "s_per_mb": round(per_mb, 4),
            "ratio": round(ratio, 2),
            "ok": ok and not retried,
            "over_limit_at_full_size": retried,
        }
        verdict = "ok" if ok else "OVER GOAL"
        if retried:
            verdict += f" (at {size_mb:.2f} MB; full size over {args.limit:.0f} s)"
        print(f"{name:22s} {size_mb:6.2f} {seconds:8.2f} {per_mb:8.3f} {ratio:8.1f}  {verdict}")
    print("cost growth (seed 0 repeated):")
    grow = growth()
    for k, row in grow.items():
        print(f"  {k:>4s} {row['mb']:7.3f} MB {row['s_per_mb']:8.4f} s/MB  {row['vs_1x']:5.2f}x of 1x")
    linear = grow["64x"]["vs_1x"] <= GOAL_GROWTH
    print(f"linear (64x within {GOAL_GROWTH}x of 1x): {linear}")
    result = {
        "seeds_s_per_mb": round(base, 4),
        "size_mb": args.mb,
        "goal_ratio": GOAL_RATIO,
        "shapes": rows,
        "growth": grow,
        "growth_goal": GOAL_GROWTH,
        "growth_linear": linear,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
