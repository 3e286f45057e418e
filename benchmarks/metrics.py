"""Scoring metrics for the quality benchmark, identical to the shared scoring harness.

The logic is copied from the team's internal scoring tool, `shared/bench/evaluate.py` (internal
tooling, MIT-style terms), so that the numbers printed by `benchmarks/quality.py` equal the ones
that harness prints for the same outputs; `tests/test_benchmark_gate.py` checks that they agree
whenever `../shared` is present. Only type hints and names were changed; do not "improve" the
formulas here without changing the harness too.

Per document:
  body      token precision / recall / F1: tokens are regex ``\\w+`` matches of the casefolded
            text (Unicode), compared as multisets. Empty prediction vs non-empty gold:
            P = R = F1 = 0; both empty: 1.
  lost      body recall < 0.9.
  headline  exact match after `norm_line` (NFKC, curly quotes and dashes folded to ASCII,
            casefold, whitespace collapsed), over documents whose gold has a headline; also
            headline token F1.
  dateline  exact match (same normalisation) over documents whose gold has a "dateline" key.
  noise     labelled noise snippets of the gold (seeds) that survive in the output (`leaked`).
Over documents: macro = mean of the per-document values; micro = from summed token counts.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

TOKEN = re.compile(r"\w+")

#: Per-document recall below this counts the document as "lost body".
LOST_RECALL = 0.9


def tokens(text: str) -> Counter[str]:
    """The multiset of casefolded ``\\w+`` tokens of `text`."""
    return Counter(TOKEN.findall(text.casefold()))


_FOLD = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "−": "-",
        "\u00a0": " ",
    }
)


def norm_line(s: str | None) -> str:
    """Normalise a line for exact comparison (headline, dateline, noise snippets)."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", s).translate(_FOLD).casefold()
    return " ".join(s.split())


def prf(pred: Counter[str], gold: Counter[str]) -> tuple[float, float, float, int, int, int]:
    """(precision, recall, F1, true-positive tokens, predicted tokens, gold tokens)."""
    tp = sum((pred & gold).values())
    np_, ng = sum(pred.values()), sum(gold.values())
    if np_ == 0 and ng == 0:
        return 1.0, 1.0, 1.0, 0, 0, 0
    p = tp / np_ if np_ else 0.0
    r = tp / ng if ng else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp, np_, ng


def as_text(x: Any) -> str | None:
    """A str, a sequence of paragraphs (str, objects with `.text`, dicts with "text"), or None as text."""
    if x is None:
        return None
    if isinstance(x, str):
        return x
    if isinstance(x, (list, tuple)):
        parts = []
        for item in x:
            t = item if isinstance(item, str) else getattr(item, "text", None)
            if t is None and isinstance(item, dict):
                t = item.get("text")
            parts.append(str(t if t is not None else item))
        return "\n\n".join(parts)
    t = getattr(x, "text", None)
    return t if isinstance(t, str) else str(x)


def unpack(result: Any) -> tuple[str, str | None, str | None]:
    """A cleaner's result (str, dict, object with body/headline/dateline, or None) -> (body, headline, dateline)."""
    if result is None:
        return "", None, None
    if isinstance(result, str):
        return result, None, None
    get: Callable[[str], Any]
    if isinstance(result, dict):
        get = result.get
    else:

        def get(k: str, _r: Any = result) -> Any:
            return getattr(_r, k, None)

    return as_text(get("body")) or "", as_text(get("headline")), as_text(get("dateline"))


def leaked(noise: str, body: str, headline: str | None) -> bool:
    """A labelled noise snippet survives in the output: as a whole line/paragraph of the body (or the
    headline), or, for snippets of 20+ characters, anywhere inside the body."""
    n = norm_line(noise)
    if not n:
        return False
    lines = {norm_line(x) for x in body.splitlines()} | {norm_line(headline)}
    return n in lines or (len(n) >= 20 and n in norm_line(body))


def score_doc(
    doc_id: str,
    gold: Mapping[str, Any],
    body: str,
    headline: str | None,
    dateline: str | None,
    error: str | None = None,
) -> dict[str, Any]:
    """One per-document row, with the same keys and values as the harness's `run_one` rows."""
    gold_body = as_text(gold.get("body")) or ""
    p, r, f, tp, np_, ng = prf(tokens(body), tokens(gold_body))
    row: dict[str, Any] = {
        "id": doc_id,
        "p": p,
        "r": r,
        "f1": f,
        "tp": tp,
        "pred_tokens": np_,
        "gold_tokens": ng,
        "empty": not body.strip(),
    }
    if error:
        row["error"] = error
    gh = gold.get("headline")
    if gh:
        row["headline_match"] = norm_line(headline) == norm_line(gh)
        row["headline_f1"] = prf(tokens(headline or ""), tokens(gh))[2]
        row["headline_pred"] = headline
    if "dateline" in gold:
        row["dateline_match"] = norm_line(dateline) == norm_line(gold.get("dateline"))
    if gold.get("noise"):
        row["noise_total"] = len(gold["noise"])
        row["noise_leaked"] = [n["kind"] for n in gold["noise"] if leaked(n["text"], body, headline)]
    return row


def summarize(
    rows: Sequence[Mapping[str, Any]],
    *,
    name: str,
    input_kind: str,
    seconds: float,
    in_bytes: int,
    errors: int,
) -> dict[str, Any]:
    """The harness's summary of per-document rows (macro/micro P/R/F1, lost, empty, headline, ...)."""
    n = len(rows)
    if n == 0:
        raise ValueError("Cannot summarize zero documents; check that the corpus directory holds *.gold.json files.")

    def mean(k: str) -> float:
        return float(sum(x[k] for x in rows)) / n

    tp = sum(x["tp"] for x in rows)
    npred = sum(x["pred_tokens"] for x in rows)
    ngold = sum(x["gold_tokens"] for x in rows)
    mp = tp / npred if npred else 0.0
    mr = tp / ngold if ngold else 0.0
    hl = [x for x in rows if "headline_match" in x]
    dl = [x for x in rows if "dateline_match" in x]
    f1s = [x["f1"] for x in rows]
    sd = math.sqrt(sum((v - mean("f1")) ** 2 for v in f1s) / (n - 1)) if n > 1 else 0.0
    return {
        "callable": name,
        "input": input_kind,
        "docs": n,
        "macro": {"p": mean("p"), "r": mean("r"), "f1": mean("f1"), "f1_stderr": sd / math.sqrt(n)},
        "micro": {"p": mp, "r": mr, "f1": 2 * mp * mr / (mp + mr) if mp + mr else 0.0},
        "lost_body": sum(x["r"] < LOST_RECALL for x in rows),
        "empty": sum(x["empty"] for x in rows),
        "errors": errors,
        "headline": {
            "docs": len(hl),
            "exact": (sum(x["headline_match"] for x in hl) / len(hl)) if hl else None,
            "token_f1": (sum(x["headline_f1"] for x in hl) / len(hl)) if hl else None,
        },
        "dateline": {"docs": len(dl), "exact": (sum(x["dateline_match"] for x in dl) / len(dl)) if dl else None},
        "noise": {
            "total": sum(x.get("noise_total", 0) for x in rows),
            "leaked": sum(len(x.get("noise_leaked", ())) for x in rows),
            "leaked_kinds": dict(Counter(k for x in rows for k in x.get("noise_leaked", ()))),
        },
        "seconds": seconds,
        "input_mb": in_bytes / 1e6,
        "mb_per_s": (in_bytes / 1e6 / seconds) if seconds > 0 else None,
    }
