"""The prefilter's safety and yield on the whole dev set (issue 14).

* every line rule that fires on a dev line (alone or as a piece in the second half of a page)
  has its key found in that line: no miss, or the prefilter would change an output;
* `clean()` gives identical `to_dict()` on every dev page and seed with the prefilter on and off;
* candidates per judged line with the prefilter on and off, rule firings per line, and the key
  set's precision (firings per candidate).

    python -m benchmarks.prefilter_check            # prints a summary; exit 1 on a miss or a diff

`tests/test_prefilter.py` runs the same checks on a sample.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import cleaner
from cleaner.config import DEFAULT
from cleaner.normalize import normalize
from cleaner.patterns import SPLIT_HINT
from cleaner.registry import SECOND_HALF, DocView, RuleSet
from cleaner.segment import segment

ROOT = Path(__file__).resolve().parent.parent


def _pages() -> list[Path]:
    return sorted((ROOT / "benchmarks" / "dev").glob("*.txt"))


def line_stats(texts: list[str], rules: RuleSet | None = None) -> dict[str, Any]:
    """Candidates per judged line with the prefilter on and off, firings, misses."""
    rules = rules or DEFAULT.ruleset()
    pf = rules.lazy.force(rules.line_rules)
    lines = on = off = fired = keyed = 0
    misses: list[tuple[str, str]] = []
    for text in texts:
        seg = segment(normalize(text), rules)
        blocks = seg.blocks
        last = len(blocks) - 1
        seen: set[tuple[str, bool, bool]] = set()
        for i, block in enumerate(blocks):
            key = (block.text, block.piece > 0, (i / last if last > 0 else 0.0) >= SECOND_HALF)
            if key in seen:
                continue
            seen.add(key)
            lines += 1
            view = DocView(blocks, i, seg.language)
            words = block.features.words
            offered = rules.candidates(block.text, words) if pf is not None else ()
            found = pf.match(block.text) if pf is not None else None
            keyed += bool(found)
            on += len(offered)
            every = rules.gated_candidates(block.text, words)
            off += len(every)
            for r in rules.line_rules:
                if r.func(block, view):
                    fired += 1
                    if pf is not None and found is not None and rules.line_rules.index(r) not in found:
                        misses.append((r.code, block.text[:100]))
    return {
        "judged_lines": lines,
        "candidates_per_line_on": round(on / lines, 3) if pf is not None else None,
        "candidates_per_line_off": round(off / lines, 3),
        "firings_per_line": round(fired / lines, 3),
        "lines_with_a_key_match": round(keyed / lines, 3) if pf is not None else None,
        "key_precision": round(fired / on, 3) if on else None,
        "misses": misses,
    }


def split_stats(texts: list[str], rules: RuleSet | None = None) -> dict[str, Any]:
    """The split rules' key set on every distinct line: hinted lines, candidates per hinted line,
    and cuts that a rule makes where its key is not found (misses: must be none)."""
    rules = rules or DEFAULT.ruleset()
    pf = rules.split_lazy.force(rules.split_rules)
    lines = hinted = offered = 0
    misses: list[tuple[str, str]] = []
    seen: set[str] = set()
    for text in texts:
        for line in normalize(text).text.split("\n"):
            line = line.strip()
            if not line or line in seen:
                continue
            seen.add(line)
            lines += 1
            if SPLIT_HINT.search(line) is None:
                continue
            hinted += 1
            found = pf.match(line) if pf is not None else None
            offered += len(found) if found is not None else len(rules.split_rules)
            for i, r in enumerate(rules.split_rules):
                cut = any(0 < p < len(line) for p in r.splitter(line))
                if cut and found is not None and i not in found:
                    misses.append((r.code, line[:100]))
    return {
        "distinct_lines": lines,
        "hinted_lines": hinted,
        "split_candidates_per_hinted_line": round(offered / hinted, 3) if hinted else None,
        "split_rules": len(rules.split_rules),
        "split_misses": misses,
    }


def same_output(texts: list[str], rules: RuleSet | None = None) -> list[int]:
    """Indices of the texts whose `to_dict()` differs with the prefilter on and off."""
    rules = rules or DEFAULT.ruleset()
    saved = rules.lazy.built, rules.split_lazy.built
    try:
        rules.lazy.off()
        rules.split_lazy.off()
        off = [cleaner.clean(t).to_dict() for t in texts]
        rules.lazy.force(rules.line_rules)
        rules.split_lazy.force(rules.split_rules)
        on = [cleaner.clean(t).to_dict() for t in texts]
    finally:
        rules.lazy.built, rules.split_lazy.built = saved
    return [i for i, (a, b) in enumerate(zip(off, on, strict=True)) if a != b]


def main() -> int:
    paths = _pages()
    texts = [p.read_text(encoding="utf-8") for p in paths]
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    stats = line_stats(texts)
    for k, v in stats.items():
        print(f"{k}: {v if k != 'misses' else len(v)}")
    for code, text in stats["misses"][:20]:
        print(f"  MISS {code}: {text!r}")
    splits = split_stats(texts)
    for k, v in splits.items():
        print(f"{k}: {v if k != 'split_misses' else len(v)}")
    for code, text in splits["split_misses"][:20]:
        print(f"  MISS {code}: {text!r}")
    diff = same_output(texts + seeds)
    print(f"pages with a different output (prefilter on vs off): {len(diff)} of {len(texts) + len(seeds)}")
    for i in diff[:10]:
        print(f"  {(paths + sorted((ROOT / 'seeds').glob('*.txt')))[i].name}")
    return 1 if stats["misses"] or splits["split_misses"] or diff else 0


if __name__ == "__main__":
    sys.exit(main())
