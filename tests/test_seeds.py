"""The five seeds against their gold (fixtures/seeds/*.gold.json, copied from the hand-over)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import cleaner
from conftest import seed_gold, seed_paths

TOKEN = re.compile(r"\w+")


def _f1(pred: str, gold: str) -> float:
    p, g = Counter(TOKEN.findall(pred.casefold())), Counter(TOKEN.findall(gold.casefold()))
    tp = sum((p & g).values())
    if not tp:
        return 0.0
    prec, rec = tp / sum(p.values()), tp / sum(g.values())
    return 2 * prec * rec / (prec + rec)


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.stem)
def test_seed_matches_gold(path: Path) -> None:
    gold = seed_gold(path)
    article = cleaner.clean(path.read_text(encoding="utf-8"))
    assert article.headline == gold["headline"]
    assert article.dateline == gold["dateline"]
    assert _f1("\n\n".join(article.body), "\n\n".join(gold["body"])) >= 0.99


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.stem)
def test_seed_noise_removed_with_kind(path: Path) -> None:
    gold = seed_gold(path)
    article = cleaner.clean(path.read_text(encoding="utf-8"))
    body = "\n".join(article.body)
    for noise in gold["noise"]:
        for line in noise["text"].split("\n"):
            if not line.strip():
                continue
            assert line not in article.body and (len(line) < 20 or line not in body), line
            assert any(line.strip() in r.text and r.kind == noise["kind"] for r in article.removed), (
                noise["kind"],
                line,
            )
