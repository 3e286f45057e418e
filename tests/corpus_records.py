"""A few hundred JSONL-style records for the engine tests (datatrove, Dask), built from fixtures."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from conftest import FIXTURES, seed_paths

SITES = FIXTURES / "sites"


def site_pages() -> list[tuple[str, str, dict[str, Any]]]:
    """(site, text, truth) for every page of the generated site corpus."""
    pages = []
    for site_dir in sorted(p for p in SITES.iterdir() if p.is_dir()):
        truth = json.loads((site_dir / "truth.json").read_text(encoding="utf-8"))
        for name, t in sorted(truth.items()):
            pages.append((site_dir.name, (site_dir / name).read_text(encoding="utf-8"), t))
    return pages


def records() -> list[dict[str, Any]]:
    """Articles from three sites (each page in three paragraph orders), the seeds, and non-articles.

    Site pages carry a URL on the site's host (half of them with ``www.``); the seeds carry an
    explicit "site" field; non-articles are chrome-only pages and short notices.
    """
    rng = random.Random(7)
    out: list[dict[str, Any]] = []
    for n, (site, text, truth) in enumerate(site_pages()):
        host = f"www.{site}" if n % 2 else site
        above = text.partition(f"\n{truth['headline']}\n")[0]
        chrome_top = [line for line in above.splitlines() if line.strip()]
        chrome_bottom = truth["chrome"][len(chrome_top) :]
        for variant in range(3):
            body = list(truth["body"])
            if variant == 1:
                body = [body[0], *reversed(body[1:])]
            elif variant == 2:
                rest = body[1:]
                rng.shuffle(rest)
                body = [body[0], *rest]
            page = "\n".join([*chrome_top, "", truth["headline"], "", "\n\n".join(body), "", *chrome_bottom]) + "\n"
            out.append({"id": f"{site}-{n:03d}-{variant}", "url": f"https://{host}/story/{n}/{variant}", "text": page})
        out.append(
            {
                "id": f"{site}-{n:03d}-chrome",
                "url": f"https://{host}/tag/{n}",
                "text": "\n".join(truth["chrome"]) + "\n",
            }
        )
    out.extend(
        {"id": f"seed-{path.stem}", "site": "seeds.example", "text": path.read_text(encoding="utf-8")}
        for path in seed_paths()
    )
    out.extend(
        {"id": f"notice-{n:02d}", "text": f"Page {n} of the archive is not available right now.", "lang": "en"}
        for n in range(20)
    )
    return out


def write_shards(records_: list[dict[str, Any]], folder: Path, shards: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(shards):
        with (folder / f"part-{k:02d}.jsonl").open("w", encoding="utf-8") as f:
            for rec in records_[k::shards]:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
