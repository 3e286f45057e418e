"""Build a second held-out check set (not committed): the source's LARGE pages (HTML over 300 KB).

The committed sets (dev2, dev3) and the first held-out set (dev4) leave out every page whose HTML is
over 300,000 bytes, so the heavy pages typical of today's sites (inline stylesheets and scripts,
mega-menus, long documents) were never seen. This set takes, in the same stable pseudo-random order
as dev4, up to 200 of exactly those pages (HTML up to 3 MB), with the same checks, dump styles and
headline gold. Measured at the end of a session, never tuned on.

    python scripts/build_dev5.py --source /path/to/checkout --render /path/to/shared/bench/render.py --out /tmp/dev5
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUOTA = 200
SMALL = 300_000
LARGE = 3_000_000

_spec = importlib.util.spec_from_file_location("build_dev3", Path(__file__).resolve().parent / "build_dev3.py")
assert _spec is not None and _spec.loader is not None
dev3 = importlib.util.module_from_spec(_spec)
sys.modules["build_dev3"] = dev3
_spec.loader.exec_module(dev3)
dev2 = dev3.dev2


def main(argv: list[str] | None = None) -> int:
    args, fids = dev2.parse_args(argv, __doc__ or "", Path("dev5"))
    dev2.MAX_HTML_BYTES = LARGE  # workers are forked after this, so they see it
    used: set[str] = set(dev2.READ_OUT)
    for name in ("dev2", "dev3"):
        manifest = json.loads((ROOT / "benchmarks" / name / "MANIFEST.json").read_text(encoding="utf-8"))
        used |= set(manifest["source_ids"].values())
    with ProcessPoolExecutor(args.jobs, initializer=dev2._init, initargs=(str(args.render),)) as pool:
        rows = list(pool.map(dev2.scan, [(str(args.source), f) for f in fids], chunksize=8))
        dev2.dedupe(rows)
        for r in rows:
            if "drop" not in r and r["fid"] in used:
                r["drop"] = "in dev2/dev3"
            elif "drop" not in r and r.get("html_bytes", 0) <= SMALL:
                r["drop"] = "small page (dev2/dev3/dev4's pool)"
        ok = sorted(
            (r for r in rows if "drop" not in r), key=lambda r: hashlib.sha256(("dev5" + r["fid"]).encode()).hexdigest()
        )
        chosen = [{**r, "kind": dev2.kind(r)[0]} for r in ok[:QUOTA]]
        dev2.clear_out(args.out)
        pages = list(pool.map(dev3.write_page, [(str(args.source), str(args.out), r) for r in chosen], chunksize=4))
    dropped = Counter(r["drop"] for r in rows if "drop" in r)
    dev2.write_manifest(args.out, rows, pages, dropped, kinds=dict(Counter(r["kind"] for r in chosen)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
