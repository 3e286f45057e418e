"""Build a held-out check set (not committed): source pages in neither dev2 nor dev3, every kind.

Same source, checks and dump styles as `scripts/build_dev2.py` and the headline gold of
`scripts/build_dev3.py` (a model-written title that is a whole line of the dump and agrees with one
of the page's own title places). Pages are taken in a stable pseudo-random order (a salted hash of
the source id), up to 200, without the HTML budget of the committed sets. The set is kept out of
the repository on purpose: it is measured at the end of a session, never tuned on.

    python scripts/build_dev4.py --source /path/to/checkout --render /path/to/shared/bench/render.py --out /tmp/dev4

Score it with `benchmarks.quality`'s text3/html3 modes pointed at the folder (see docs/benchmarks.md).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
QUOTA = 200

_spec = importlib.util.spec_from_file_location("build_dev3", Path(__file__).resolve().parent / "build_dev3.py")
assert _spec is not None and _spec.loader is not None
dev3 = importlib.util.module_from_spec(_spec)
sys.modules["build_dev3"] = dev3
_spec.loader.exec_module(dev3)
dev2 = dev3.dev2


def build(argv: list[str] | None, doc: str, name: str, extra_drop: Callable[[dict[str, Any]], str | None]) -> int:
    """Build a held-out set `name`: pages in neither dev2 nor dev3 that `extra_drop` keeps (it returns
    why a page is left out, or None), in a stable pseudo-random order salted with `name`."""
    args, fids = dev2.parse_args(argv, doc, Path(name))
    used: set[str] = set(dev2.READ_OUT)
    for committed in ("dev2", "dev3"):
        manifest = json.loads((ROOT / "benchmarks" / committed / "MANIFEST.json").read_text(encoding="utf-8"))
        used |= set(manifest["source_ids"].values())
    with ProcessPoolExecutor(args.jobs, initializer=dev2._init, initargs=(str(args.render),)) as pool:
        rows = list(pool.map(dev2.scan, [(str(args.source), f) for f in fids], chunksize=8))
        dev2.dedupe(rows)
        for r in rows:
            if "drop" not in r and r["fid"] in used:
                r["drop"] = "in dev2/dev3"
            elif "drop" not in r and (why := extra_drop(r)) is not None:
                r["drop"] = why
        ok = sorted(
            (r for r in rows if "drop" not in r), key=lambda r: hashlib.sha256((name + r["fid"]).encode()).hexdigest()
        )
        chosen = [{**r, "kind": dev2.kind(r)[0]} for r in ok[:QUOTA]]
        dev2.clear_out(args.out)
        pages = list(pool.map(dev3.write_page, [(str(args.source), str(args.out), r) for r in chosen], chunksize=4))
    dropped = Counter(r["drop"] for r in rows if "drop" in r)
    dev2.write_manifest(args.out, rows, pages, dropped, kinds=dict(Counter(r["kind"] for r in chosen)))
    return 0


def main(argv: list[str] | None = None) -> int:
    return build(argv, __doc__ or "", "dev4", lambda row: None)


if __name__ == "__main__":
    sys.exit(main())
