#!/usr/bin/env python3
"""Clean JSONL shards with a Dask bag: `cleaner.clean_record` is the whole integration.

    python examples/dask_example.py 'data/*.jsonl' out/ --workers 4

Each input line is a JSON object with a "text" field; each output line is the same record with
the text cleaned and the article fields added (see `cleaner.clean_record`). The same map works
on a distributed cluster: create a `dask.distributed.Client` first and drop `scheduler=`.

Needs: pip install 'dask[bag]'
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import dask.bag as db

from cleaner import clean_record


def clean_bag(bag: db.Bag, text_field: str = "text") -> db.Bag:
    """Records in, cleaned records out (lazy)."""
    return bag.map(clean_record, text_field=text_field)


def clean_records(records: list[dict[str, Any]], *, partitions: int = 2, workers: int = 2) -> list[dict[str, Any]]:
    """Clean in-memory records in `workers` local processes (order kept)."""
    bag = db.from_sequence(records, npartitions=partitions)
    result: list[dict[str, Any]] = clean_bag(bag).compute(scheduler="processes", num_workers=workers)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("inputs", help="glob of JSONL files, e.g. 'data/*.jsonl'")
    parser.add_argument("output_dir", type=Path)
    parser.add_argument("--workers", type=int, default=2, help="local worker processes (default 2)")
    args = parser.parse_args(argv)
    args.output_dir.mkdir(parents=True, exist_ok=True)
    bag = db.read_text(args.inputs).map(json.loads)
    out = clean_bag(bag).map(lambda rec: json.dumps(rec, ensure_ascii=False))
    out.to_textfiles(str(args.output_dir / "*.jsonl"), scheduler="processes", num_workers=args.workers)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
