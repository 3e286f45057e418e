"""Speed benchmark of cleaner (issue 5): prints a table and writes benchmarks/results/speed.json.

All measurements run in one process run, on the same dev pages (benchmarks/dev, else
/work/shared/benchmark/dev):

* text mode: MB/s and docs/s of `cleaner.clean()` on the .txt dumps;
* text mode vs trafilatura (issue 14): `clean()` docs/s on the .txt dumps beside `extract()`
  docs/s on the same pages' .html, best of `--text-rounds` alternating rounds, CPU time;
* prefilter (issue 14): docs/s with the rule prefilter off and on (best of `--text-rounds`
  interleaved rounds), each stage's share of `clean()`, candidate rules per judged line with the
  prefilter on and off, firings per line and the keys' precision (the hit rate: lines where
  some key is found), and the split rules' candidates per hinted line;
* HTML mode: MB/s of `cleaner.html.clean_html()` beside trafilatura's own `extract()` on the
  same .html files, interleaved page by page, and the median ratio of their pages/s over
  `--html-rounds` rounds (skipped with a note when either is not importable);
* the tokenising floor: one `regex` `\\w+` findall pass over the same text;
* start-up: `import cleaner`, `cleaner --version` and `cleaner --check` on one small file (warm
  and cold pattern cache) vs `python -c pass` and `python -c "import regex"` (medians of
  interleaved runs), and which heavy modules `cleaner.clean` pulls in;
* scaling: the CLI over N files with `--jobs 1` vs `--jobs 2` (wall time, CPU time of the
  parent and of the workers, bytes pickled per worker result), and `--jsonl` over a JSONL corpus
  of `--jsonl-mb` MB (default 200) with the child's peak RSS;
* cost growth: `clean()` on 1x, 4x, 16x, 64x a document (time per MB should stay flat);
* `--profile`: the top functions by cumulative time of `clean()` over the dev set.

    python benchmarks/speed.py            # full run (200 MB JSONL: takes a while)
    python benchmarks/speed.py --quick    # small JSONL and file counts, for a smoke run

Timing numbers are printed, never asserted.
"""

from __future__ import annotations

import argparse
import compileall
import cProfile
import io
import json
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import regex

import cleaner

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
BIN = Path(sys.executable).parent


def dev_dir() -> Path:
    for d in (ROOT / "benchmarks" / "dev", Path("/work/shared/benchmark/dev")):
        if d.is_dir() and any(d.glob("*.txt")):
            return d
    raise SystemExit("no dev pages found (benchmarks/dev or /work/shared/benchmark/dev)")


def mb(texts: Sequence[str]) -> float:
    return sum(len(t.encode("utf-8", "surrogatepass")) for t in texts) / 1e6


def timed(fn: Callable[[], Any]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def run_all(fn: Callable[[str], Any], texts: Sequence[str]) -> float:
    def go() -> None:
        for t in texts:
            fn(t)

    return timed(go)


def text_mode(texts: list[str]) -> dict[str, Any]:
    size = mb(texts)
    dt = run_all(cleaner.clean, texts)
    word = regex.compile(r"\w+")
    floor_dt = run_all(word.findall, texts)
    return {
        "docs": len(texts),
        "mb": round(size, 3),
        "seconds": round(dt, 3),
        "mb_per_s": round(size / dt, 3),
        "docs_per_s": round(len(texts) / dt, 1),
        "floor_w_plus_mb_per_s": round(size / floor_dt, 2),
        "ratio_to_floor": round((size / floor_dt) / (size / dt), 1),
    }


def text_vs_extract(texts: list[str], htmls: list[str], rounds: int = 3) -> dict[str, Any]:
    """Issue 14's goal: `clean()` on the text dumps beside trafilatura's `extract()` on the same
    pages' HTML, in one run: rounds alternate which side goes first, the best round of each
    side is kept (CPU time of this process, less disturbed by other jobs than wall time)."""
    out: dict[str, Any] = {"docs": len(texts), "rounds": rounds}
    try:
        import trafilatura
    except ImportError:
        out["trafilatura"] = "skipped: trafilatura not importable"
        return out
    for h in htmls[:10]:  # warm up: lazy imports and loaded data
        trafilatura.extract(h)
    sides: dict[str, tuple[Callable[[str], Any], list[str]]] = {
        "clean_text": (cleaner.clean, texts),
        "trafilatura_extract_html": (trafilatura.extract, htmls),
    }
    best: dict[str, float] = {}
    for r in range(rounds):
        for name in list(sides) if r % 2 == 0 else list(sides)[::-1]:
            fn, docs = sides[name]
            t0 = time.process_time()
            for d in docs:
                fn(d)
            dt = time.process_time() - t0
            best[name] = min(best.get(name, dt), dt)
    for name, dt in best.items():
        out[f"{name}_docs_per_s"] = round(len(sides[name][1]) / dt, 1)
    out["clean_text_vs_extract"] = round(best["trafilatura_extract_html"] / best["clean_text"], 2)
    return out


def prefilter_mode(texts: list[str], rounds: int = 3) -> dict[str, Any]:
    """Issue 14: `clean()` with the prefilter off and on (rounds interleaved, best of each), each
    stage's share of `clean()` (all passes), candidates per judged line and the key set's yield."""
    from benchmarks.prefilter_check import line_stats, split_stats
    from cleaner import pipeline
    from cleaner.config import DEFAULT

    rules = DEFAULT.ruleset()
    saved = rules.lazy.built, rules.split_lazy.built
    best: dict[str, float] = {}
    try:
        for r in range(rounds):
            for name in ("off", "on") if r % 2 == 0 else ("on", "off"):
                if name == "on":
                    assert rules.lazy.force(rules.line_rules) is not None, "google-re2 not importable"
                    rules.split_lazy.force(rules.split_rules)
                else:
                    rules.lazy.off()
                    rules.split_lazy.off()
                dt = run_all(cleaner.clean, texts)
                best[name] = min(best.get(name, dt), dt)
        rules.lazy.force(rules.line_rules)
        rules.split_lazy.force(rules.split_rules)
        spent: dict[str, float] = {}
        names = ("normalize", "segment", "classify", "smooth", "assemble")
        originals = {n: getattr(pipeline, n) for n in names}

        def timer(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
            def wrapped(*a: Any, **k: Any) -> Any:
                t0 = time.perf_counter()
                try:
                    return fn(*a, **k)
                finally:
                    spent[name] = spent.get(name, 0.0) + time.perf_counter() - t0

            return wrapped

        for n in names:
            setattr(pipeline, n, timer(n, originals[n]))
        try:
            total = run_all(cleaner.clean, texts)
        finally:
            for n in names:
                setattr(pipeline, n, originals[n])
        shares = {n: round(spent.get(n, 0.0) / total, 3) for n in names}
        shares["other"] = round(1 - sum(shares.values()), 3)
        stats = line_stats(texts, rules)
        splits = split_stats(texts, rules)
    finally:
        rules.lazy.built, rules.split_lazy.built = saved
    return {
        "docs": len(texts),
        "rounds": rounds,
        "prefilter_off_docs_per_s": round(len(texts) / best["off"], 1),
        "prefilter_on_docs_per_s": round(len(texts) / best["on"], 1),
        "speedup": round(best["off"] / best["on"], 2),
        "stage_shares": shares,
        **{k: v for k, v in stats.items() if k != "misses"},
        "missed_firings": len(stats["misses"]),
        **{k: v for k, v in splits.items() if k != "split_misses"},
        "missed_cuts": len(splits["split_misses"]),
    }


def html_mode(htmls: list[str], rounds: int = 3) -> dict[str, Any]:
    """`clean_html()` beside trafilatura's `extract()`, interleaved page by page.

    Each round runs every page through both, one right after the other (which one goes first
    alternates), so a change of load on a shared machine hits both sides alike; the ratio of
    pages/s is taken per round and its median reported (issue 5's goal: at least 0.8).
    """
    size = mb(htmls)
    out: dict[str, Any] = {"docs": len(htmls), "mb": round(size, 3)}
    sides: dict[str, Callable[[str], Any]] = {}
    try:
        import trafilatura
    except ImportError:
        out["trafilatura"] = "skipped: trafilatura not importable"
    else:
        sides["trafilatura_extract"] = trafilatura.extract
    try:
        from cleaner.html import clean_html
    except ImportError as exc:
        out["clean_html"] = f"skipped: cleaner.html not importable ({exc})"
    else:
        sides["clean_html"] = clean_html
    names = list(sides)
    for fn in sides.values():  # warm up: lazy imports and loaded data (date parser, stop lists)
        for h in htmls[:10]:
            fn(h)
    totals: dict[str, list[float]] = {name: [] for name in names}
    for r in range(rounds):
        spent = dict.fromkeys(names, 0.0)
        for i, h in enumerate(htmls):
            for name in names if (i + r) % 2 == 0 else names[::-1]:
                t0 = time.perf_counter()
                sides[name](h)
                spent[name] += time.perf_counter() - t0
        for name in names:
            totals[name].append(spent[name])
    for name in names:
        dt = statistics.median(totals[name])
        out[f"{name}_mb_per_s"] = round(size / dt, 3)
        out[f"{name}_docs_per_s"] = round(len(htmls) / dt, 1)
    if len(names) == 2:
        ratios = [e / c for e, c in zip(totals["trafilatura_extract"], totals["clean_html"], strict=True)]
        out["clean_html_vs_extract"] = round(statistics.median(ratios), 3)
        out["clean_html_vs_extract_rounds"] = [round(x, 3) for x in ratios]
    return out


def median_walls(cmds: dict[str, list[str]], runs: int, cwd: Path, cold: Sequence[str] = ()) -> dict[str, float]:
    """Median wall time of each command over `runs` rounds, the commands interleaved round by
    round so that load from other jobs on the machine falls on all of them alike. Commands named
    in `cold` run with a new, empty pattern cache each time (a first run after installing)."""
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            env = None
            if name in cold:
                env = {**os.environ, "CLEANER_CACHE_DIR": tempfile.mkdtemp(prefix="cleaner-cold-")}
            t0 = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, cwd=cwd, env=env)
            times[name].append(time.perf_counter() - t0)
            if env is not None:
                shutil.rmtree(env["CLEANER_CACHE_DIR"], ignore_errors=True)
    return {name: statistics.median(t) for name, t in times.items()}


def startup(sample: Path, runs: int) -> dict[str, Any]:
    """Start-up against `python -c pass` and `python -c "import regex"` (the floor: cleaning
    needs `regex`). Bytecode is compiled first, as pip does on install (PYTHONDONTWRITEBYTECODE
    would otherwise make every run compile the sources), and the pattern cache is warm except
    for the `cold` run. The commands run in a temporary directory without a pyproject.toml (one
    in the tree is parsed for `[tool.cleaner]`: tomllib costs a few ms more)."""
    exe = str(BIN / "cleaner")
    py = sys.executable
    compileall.compile_dir(str(Path(cleaner.__file__).parent), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "small.txt"
        shutil.copy(sample, small)
        one = [exe, "--check", "-q", str(small)]
        subprocess.run(one, capture_output=True, check=False, cwd=tmp)  # fills the pattern cache
        t = median_walls(
            {
                "pass": [py, "-c", "pass"],
                "regex": [py, "-c", "import regex"],
                "import": [py, "-c", "import cleaner"],
                "import_clean": [py, "-c", "from cleaner import clean"],
                "version": [exe, "--version"],
                "one": one,
                "one_cold": one,
            },
            runs,
            Path(tmp),
            cold=("one_cold",),
        )
    probe = (
        "import sys, cleaner; cleaner.clean('x'); "
        "print(','.join(m for m in ('trafilatura', 'lxml', 'numpy', 'bs4', 'charset_normalizer') if m in sys.modules))"
    )
    heavy = subprocess.run([py, "-c", probe], capture_output=True, text=True, check=True).stdout.strip()
    base = t["pass"]
    return {
        "runs": runs,
        "python_c_pass_s": round(base, 4),
        "python_import_regex_s": round(t["regex"], 4),
        "import_cleaner_s": round(t["import"], 4),
        "from_cleaner_import_clean_s": round(t["import_clean"], 4),
        "cleaner_version_s": round(t["version"], 4),
        "cleaner_one_small_file_s": round(t["one"], 4),
        "cleaner_one_small_file_cold_cache_s": round(t["one_cold"], 4),
        "import_regex_over_python": round(t["regex"] / base, 2),
        "version_over_python": round(t["version"] / base, 2),
        "one_small_file_over_python": round(t["one"] / base, 2),
        "heavy_modules_imported_by_clean": heavy.split(",") if heavy else [],
    }


#: Runs the command in a child process and prints, after it, its exit code and the CPU time
#: (user + system) of the command's own process and of its worker processes (reaped children).
_CPU_LAUNCHER = (
    "import resource, sys\n"
    "from cleaner.cli import main\n"
    "try:\n"
    "    code = main(sys.argv[1:])\n"
    "except SystemExit as e:\n"
    "    code = e.code\n"
    "me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(code, me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime, file=sys.stderr)\n"
)


def result_bytes(txts: list[Path], sample: int = 60) -> dict[str, Any]:
    """Bytes pickled per `FileResult` of `clean_file` (what a worker sends to the parent), whole
    and slim (`Settings.slim`, what `--jobs N` sends), and the parent's cost to load one: both
    independent of the load on the machine."""
    import pickle

    from cleaner.batch import FileTask, Settings, clean_file, init_worker

    out: dict[str, Any] = {"sample_files": min(sample, len(txts))}
    chosen = txts[:: max(1, len(txts) // sample)][:sample]
    for name, slim in (("whole", False), ("slim", True)):
        init_worker(Settings(cleaner.Config(), slim=slim))
        blobs = [pickle.dumps(clean_file(FileTask(str(p))), protocol=pickle.HIGHEST_PROTOCOL) for p in chosen]
        t0 = time.process_time()
        for blob in blobs:
            pickle.loads(blob)
        out[f"{name}_bytes_per_result"] = round(sum(map(len, blobs)) / len(blobs))
        out[f"{name}_load_ms_per_result"] = round((time.process_time() - t0) / len(blobs) * 1000, 3)
    init_worker(Settings(cleaner.Config()))
    return out


def cli_scaling(txts: list[Path], n_files: int) -> dict[str, Any]:
    """`--check` over `n_files` files with `--jobs 1` and `--jobs 2`: wall time, and the CPU time
    of the command's own process (with `--jobs 2`, the parent that receives results) and of its
    workers, which the load of other jobs on the machine does not inflate as it does wall time."""
    out: dict[str, Any] = {"files": n_files}
    with tempfile.TemporaryDirectory() as tmp:
        size = 0
        for i in range(n_files):
            src = txts[i % len(txts)]
            dst = Path(tmp) / f"{i:05d}_{src.name}"
            shutil.copy(src, dst)
            size += dst.stat().st_size
        out["mb"] = round(size / 1e6, 2)
        for jobs in (1, 2):
            t0 = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, "-c", _CPU_LAUNCHER, "--check", "-q", "--jobs", str(jobs), tmp],
                capture_output=True,
                text=True,
                check=False,
            )
            dt = time.perf_counter() - t0
            last = proc.stderr.strip().splitlines()[-1:] or ["?"]
            fields = last[0].split()
            if len(fields) != 3 or fields[0] not in ("0", "1"):
                out[f"jobs{jobs}"] = f"failed: {proc.stderr[-300:]}"
                continue
            out[f"jobs{jobs}_s"] = round(dt, 2)
            out[f"jobs{jobs}_mb_per_s"] = round(size / 1e6 / dt, 3)
            out[f"jobs{jobs}_parent_cpu_s"] = round(float(fields[1]), 2)
            out[f"jobs{jobs}_workers_cpu_s"] = round(float(fields[2]), 2)
    if isinstance(out.get("jobs1_s"), float) and isinstance(out.get("jobs2_s"), float):
        out["speedup_2_jobs"] = round(out["jobs1_s"] / out["jobs2_s"], 2)
    out.update(result_bytes(txts))
    return out


_LAUNCHER = (
    "import os, subprocess, sys\n"
    "p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "err = p.stderr.read()\n"
    "_, status, usage = os.wait4(p.pid, 0)\n"
    "sys.stderr.buffer.write(err[-2000:])\n"
    "print(usage.ru_maxrss, os.waitstatus_to_exitcode(status))\n"
)


def jsonl_run(texts: list[str], target_mb: float, jobs: int) -> dict[str, Any]:
    exe = str(BIN / "cleaner")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus.jsonl"
        written = 0
        n = 0
        with src.open("w", encoding="utf-8") as fh:
            while written < target_mb * 1e6:
                line = json.dumps({"id": n, "text": texts[n % len(texts)]}, ensure_ascii=False) + "\n"
                fh.write(line)
                written += len(line.encode("utf-8"))
                n += 1
        dst = Path(tmp) / "out.jsonl"
        cmd = [exe, "--jsonl", str(src), "-o", str(dst), "--text-field", "text", "-q", "--jobs", str(jobs)]
        t0 = time.perf_counter()
        # Linux keeps the parent's peak RSS in a forked child's ru_maxrss (it is counted before
        # exec): fork the CLI from a tiny launcher process, not from this one, which holds every
        # dev page in memory.
        launched = subprocess.run([sys.executable, "-c", _LAUNCHER, *cmd], capture_output=True, check=False)
        dt = time.perf_counter() - t0
        err = launched.stderr.decode("utf-8", "replace")
        maxrss_kib, code = (int(x) for x in launched.stdout.split())
        out_lines = sum(1 for _ in dst.open(encoding="utf-8")) if dst.exists() else 0
    result: dict[str, Any] = {"records": n, "mb": round(written / 1e6, 1), "jobs": jobs, "exit": code}
    if code not in (0, 1):
        result["error"] = err[-300:]
        return result
    result.update(
        {
            "seconds": round(dt, 2),
            "mb_per_s": round(written / 1e6 / dt, 3),
            # Linux reports KiB; wait4 covers the child (and the workers it waited for)
            "peak_rss_mb": round(maxrss_kib / 1024, 1),
            "records_out": out_lines,
        }
    )
    return result


def growth(doc: str, factors: Sequence[int] = (1, 4, 16, 64)) -> dict[str, Any]:
    rows: dict[str, Any] = {}
    base = None
    for k in factors:
        text = "\n\n".join([doc] * k)
        dt = timed(lambda text=text: cleaner.clean(text))  # type: ignore[misc]
        per_mb = dt / mb([text])
        base = base or per_mb
        rows[f"{k}x"] = {"mb": round(mb([text]), 3), "s_per_mb": round(per_mb, 3), "vs_1x": round(per_mb / base, 2)}
    return rows


def profile(texts: list[str], top: int) -> str:
    prof = cProfile.Profile()
    prof.enable()
    for t in texts:
        cleaner.clean(t)
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(top)
    return buf.getvalue()


def table(results: dict[str, Any]) -> str:
    lines = []
    for section, data in results.items():
        if section in ("profile",):
            continue
        lines.append(f"== {section}")
        if isinstance(data, dict):
            for k, v in data.items():
                lines.append(f"   {k:44s} {v}")
        else:
            lines.append(f"   {data}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small JSONL (5 MB) and 200 files instead of 2,000")
    ap.add_argument("--jsonl-mb", type=float, default=200.0, help="size of the JSONL corpus (default 200)")
    ap.add_argument("--files", type=int, default=2000, help="files for the CLI --jobs run (default 2000)")
    ap.add_argument("--runs", type=int, default=21, help="runs per start-up median")
    ap.add_argument("--profile", action="store_true", help="also print the top functions by cumulative time")
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--html-rounds", type=int, default=3, help="rounds of the interleaved HTML run (default 3)")
    ap.add_argument("--text-rounds", type=int, default=3, help="rounds of the prefilter on/off run (default 3)")
    ap.add_argument(
        "--skip",
        default="",
        help="comma list of sections to skip: text,vs_extract,prefilter,html,startup,cli,jsonl,growth",
    )
    ap.add_argument("-o", "--output", type=Path, default=RESULTS / "speed.json")
    args = ap.parse_args(argv)
    if args.quick:
        args.jsonl_mb = min(args.jsonl_mb, 5.0)
        args.files = min(args.files, 200)
    skip = set(filter(None, args.skip.split(",")))

    d = dev_dir()
    txt_paths = sorted(d.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in txt_paths]
    htmls = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(d.glob("*.html"))]
    results: dict[str, Any] = {
        "env": {
            "python": platform.python_version(),
            "machine": platform.machine(),
            "cpus": os.cpu_count(),
            "dev_dir": str(d),
            "quick": args.quick,
        }
    }
    cleaner.clean(texts[0])  # warm caches (rule selection, compiled patterns)
    if "text" not in skip:
        results["text_mode"] = text_mode(texts)
        print(table({"text_mode": results["text_mode"]}), flush=True)
    if "vs_extract" not in skip:
        results["text_vs_extract"] = text_vs_extract(texts, htmls, args.text_rounds)
        print(table({"text_vs_extract": results["text_vs_extract"]}), flush=True)
    if "prefilter" not in skip:
        results["prefilter"] = prefilter_mode(texts, args.text_rounds)
        print(table({"prefilter": results["prefilter"]}), flush=True)
    if "html" not in skip:
        results["html_mode"] = html_mode(htmls, args.html_rounds)
        print(table({"html_mode": results["html_mode"]}), flush=True)
    if "startup" not in skip:
        small = min(txt_paths, key=lambda p: p.stat().st_size)
        results["startup"] = startup(small, args.runs)
        print(table({"startup": results["startup"]}), flush=True)
    if "growth" not in skip:
        doc = sorted(texts, key=len)[len(texts) // 2]
        results["cost_growth"] = growth(doc)
        print(table({"cost_growth": results["cost_growth"]}), flush=True)
    if "cli" not in skip:
        results["cli_jobs"] = cli_scaling(txt_paths, args.files)
        print(table({"cli_jobs": results["cli_jobs"]}), flush=True)
    if "jsonl" not in skip:
        results["jsonl"] = jsonl_run(texts, args.jsonl_mb, jobs=min(2, os.cpu_count() or 1))
        print(table({"jsonl": results["jsonl"]}), flush=True)
    if args.profile:
        results["profile"] = profile(texts, args.top)
        print(results["profile"])
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
