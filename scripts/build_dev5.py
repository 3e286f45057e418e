"""Build a second held-out check set (not committed): the source's LARGE pages (HTML over 300 KB).

The committed sets (dev2, dev3) and the first held-out set (dev4) leave out every page whose HTML is
over 300,000 bytes, so the heavy pages typical of today's sites (inline stylesheets and scripts,
mega-menus, long documents) were never seen. This set takes, in the same stable pseudo-random order
as dev4, up to 200 of exactly those pages (HTML up to 3 MB), with the same checks, dump styles and
headline gold. Measured at the end of a session, never tuned on.

    python scripts/build_dev5.py --source /path/to/checkout --render /path/to/shared/bench/render.py --out /tmp/dev5
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

SMALL = 300_000
LARGE = 3_000_000

_spec = importlib.util.spec_from_file_location("build_dev4", Path(__file__).resolve().parent / "build_dev4.py")
assert _spec is not None and _spec.loader is not None
dev4 = importlib.util.module_from_spec(_spec)
sys.modules["build_dev4"] = dev4
_spec.loader.exec_module(dev4)


def _small(row: dict[str, Any]) -> str | None:
    return "small page (dev2/dev3/dev4's pool)" if row.get("html_bytes", 0) <= SMALL else None


def main(argv: list[str] | None = None) -> int:
    dev4.dev2.MAX_HTML_BYTES = LARGE  # workers are forked after this, so they see it
    return dev4.build(argv, __doc__ or "", "dev5", _small)


if __name__ == "__main__":
    sys.exit(main())
