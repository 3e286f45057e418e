#!/usr/bin/env python3
"""Throughput of `clean_record` with 1 and 2 local workers, and the scaling ratio.

    python benchmarks/distributed.py                 # process pool, and datatrove if installed
    python benchmarks/distributed.py --docs 4000 --engines pool

Two engines: a plain `multiprocessing` pool mapping `cleaner.clean_record` (the cost of
cleaning alone, pool start excluded), and the datatrove example pipeline end to end (JSONL
read, clean, JSONL write, executor start included). The corpus is the seed pages and the
generated site pages, repeated to `--docs` records. Prints a table and writes
benchmarks/results/distributed.json.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import multiprocessing
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from cleaner import __version__, clean_record

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "distributed.json"


def corpus(n: int) -> list[dict[str, Any]]:
    """`n` records cycling over the seeds and the site fixture pages."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "sites").glob("*/*.txt"))]
    if not texts:
        raise SystemExit("No seed or fixture pages found; run from a checkout of the repository.")
    return [{"id": f"doc-{i:06d}", "text": texts[i % len(texts)]} for i in range(n)]


def _timed_clean(record: dict[str, Any]) -> float:
    start = time.process_time()
    clean_record(record)
    return time.process_time() - start


def run_pool(records: list[dict[str, Any]], workers: int) -> float:
    """Seconds to clean `records` with a pool of `workers` processes (pool start excluded)."""
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(workers) as pool:
        pool.map(clean_record, records[: workers * 4], chunksize=1)  # warm up: imports, rule compilation
        start = time.perf_counter()
        pool.map(clean_record, records, chunksize=16)
        return time.perf_counter() - start


def cpu_rate(records: list[dict[str, Any]]) -> float:
    """Documents per CPU-second of one process: the per-core rate, whatever else the machine runs."""
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        pool.map(clean_record, records[:4])
        cpu = sum(pool.map(_timed_clean, records, chunksize=16))
    return len(records) / cpu


def run_datatrove(records: list[dict[str, Any]], workers: int) -> float:
    """Seconds for the example datatrove pipeline, `workers` tasks at once (executor start included)."""
    spec = importlib.util.spec_from_file_location("datatrove_pipeline", ROOT / "examples" / "datatrove_pipeline.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        (base / "in").mkdir()
        shards = 4
        for k in range(shards):
            with (base / "in" / f"part-{k}.jsonl").open("w", encoding="utf-8") as f:
                f.writelines(json.dumps(r) + "\n" for r in records[k::shards])
        executor = module.build_executor(
            base / "in", base / "out", logging_dir=base / "logs", tasks=shards, workers=workers
        )
        start = time.perf_counter()
        executor.run()
        return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="records per run (default 2000)")
    parser.add_argument("--engines", default="pool,datatrove", help="comma-separated: pool, datatrove")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    records = corpus(args.docs)
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    runners = {"pool": run_pool, "datatrove": run_datatrove}
    results: dict[str, Any] = {}
    for engine in engines:
        if engine not in runners:
            raise SystemExit(f"Unknown engine {engine!r}; use pool or datatrove.")
        if engine == "datatrove" and importlib.util.find_spec("datatrove") is None:
            print("datatrove is not installed; skipping it (pip install 'cleaner[datatrove]').", file=sys.stderr)
            continue
        row: dict[str, Any] = {}
        for workers in (1, 2):
            seconds = runners[engine](records, workers)
            row[f"docs_per_s_{workers}_workers"] = round(len(records) / seconds, 1)
            print(
                f"{engine:10s} {workers} worker(s): {len(records)} docs in {seconds:.2f} s = "
                f"{len(records) / seconds:.0f} docs/s"
            )
        row["scaling_2_over_1"] = round(row["docs_per_s_2_workers"] / row["docs_per_s_1_workers"], 2)
        print(f"{engine:10s} scaling 2/1 workers: {row['scaling_2_over_1']:.2f}")
        results[engine] = row
    mean_chars = sum(len(r["text"]) for r in records) / len(records)
    report = {
        "cleaner_version": __version__,
        "date": time.strftime("%Y-%m-%d"),
        "python": platform.python_version(),
        "cpu_count": os.cpu_count(),
        "load_average_at_end": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "documents": len(records),
        "mean_chars_per_document": round(mean_chars),
        "engines": results,
    }
    rate = cpu_rate(records)
    print(f"per core (documents per CPU-second): {rate:.0f} docs/s")
    report["per_core_docs_per_cpu_s"] = round(rate, 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"Wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
