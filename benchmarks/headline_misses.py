"""List the text-mode headline misses of a corpus, with why the stage chose what it chose.

    python -m benchmarks.headline_misses --mode text --mode text2 --mode text3 [-j 2] [--json FILE]

For every page whose gold has a headline and whose predicted headline differs: the gold, the
prediction, the winner's features, the runner-up, and where the gold line stands (its block,
distance to the body, its verdict, its candidate score and features when it was a candidate).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from benchmarks.metrics import norm_line
from benchmarks.quality import Doc, corpus


def _inspect(doc: Doc) -> dict[str, Any] | None:
    import cleaner
    from cleaner import headline as hs
    from cleaner.normalize import normalize
    from cleaner.pipeline import _extra_hits
    from cleaner.segment import Memo, segment
    from cleaner.smooth import classify, smooth

    gold = json.loads(doc.gold.read_text(encoding="utf-8"))
    gh = gold.get("headline")
    if not gh:
        return None
    text = doc.input.read_text(encoding="utf-8", errors="replace")
    art = cleaner.clean(text)
    if norm_line(art.headline) == norm_line(gh):
        return {"id": doc.id, "ok": True}
    cfg = cleaner.config.DEFAULT
    rules = cfg.ruleset()
    norm = normalize(text)
    memo = Memo()
    seg = segment(norm, rules, memo)
    hits, _ = classify(seg.blocks, rules, seg.language, memo.verdicts)
    hits = _extra_hits(seg.blocks, hits, cfg)
    sm = smooth(seg.blocks, hits, rules)
    blocks = seg.blocks
    verdicts = list(sm.verdicts)
    kept = [v.index for v in verdicts if v.label == "keep"]
    out: dict[str, Any] = {"id": doc.id, "ok": False, "gold": gh, "pred": art.headline}
    why = art.headline_why
    out["why"] = why.to_dict() if why else None
    if not kept:
        out["note"] = "no body"
        return out
    first_body = kept[0]
    ranked = hs.rank(blocks, verdicts, first_body, kept, cfg.title_hint)
    g = norm_line(gh)
    gi = [b.index for b in blocks if norm_line(b.text) == g]
    gpart = [b.index for b in blocks if g and g in norm_line(b.text)] if not gi else []
    out["first_body"] = first_body
    out["n_blocks"] = len(blocks)
    out["gold_at"] = gi
    out["gold_in"] = gpart[:5]
    places = []
    for i in gi or gpart[:3]:
        v = verdicts[i]
        c = next((c for c in ranked if c.index == i), None)
        places.append(
            {
                "i": i,
                "dist": first_body - i,
                "verdict": f"{v.label}:{v.code}:{v.name}",
                "score": round(c.score, 2) if c else None,
                "rank": ranked.index(c) if c else None,
                "features": {k: round(x * hs.WEIGHTS[k], 2) for k, x in c.features.items() if x} if c else None,
            }
        )
    out["places"] = places
    if ranked:
        w = ranked[0]
        out["winner"] = {
            "i": w.index,
            "text": w.text,
            "dist": first_body - w.index,
            "verdict": f"{verdicts[w.index].label}:{verdicts[w.index].code}",
            "score": round(w.score, 2),
            "features": {k: round(x * hs.WEIGHTS[k], 2) for k, x in w.features.items() if x},
        }
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", action="append", default=[])
    ap.add_argument("-j", type=int, default=1)
    ap.add_argument("--json")
    ap.add_argument("--only", action="append", default=[])
    a = ap.parse_args(argv)
    allrows: dict[str, list[dict[str, Any]]] = {}
    for mode in a.mode or ["text"]:
        docs = corpus(mode)
        if a.only:
            docs = [d for d in docs if any(d.id.startswith(o) for o in a.only)]
        if a.j > 1:
            with ProcessPoolExecutor(a.j) as pool:
                rows = [r for r in pool.map(_inspect, docs, chunksize=4) if r]
        else:
            rows = [r for r in map(_inspect, docs) if r]
        allrows[mode] = rows
        ok = sum(r["ok"] for r in rows)
        print(f"== {mode}: {ok}/{len(rows)} ({ok / max(1, len(rows)):.3f})")
        for r in rows:
            if r["ok"]:
                continue
            print(f"-- {r['id'][:8]}  gold: {r['gold']!r}")
            print(f"   pred: {r['pred']!r}")
            w = r.get("winner")
            if w:
                print(f"   win  [{w['i']} d{w['dist']} {w['verdict']}] {w['score']} {w['features']}")
            for p in r.get("places", []):
                print(f"   gold [{p['i']} d{p['dist']} {p['verdict']}] rank {p['rank']} {p['score']} {p['features']}")
            if not r.get("places"):
                print(f"   gold not a line (fb {r.get('first_body')}) {r.get('note', '')}")
    if a.json:
        Path(a.json).write_text(json.dumps(allrows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
