"""No rule knows a seed's story: the rule sources must not contain the seeds' proper nouns.

The list of names is built from the seed pages and their gold: capitalised words that are not
lowercase entries of an English dictionary (Webster's 2nd, from `english-words`; proper nouns
are capitalised there) and never occur in lowercase in the seeds, minus the generic vocabulary of
the noise kinds (wire agencies, social networks, page-furniture words) that rules may name, plus
a fixed list of the seeds' people, places and site brands.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from english_words import get_english_words_set

from conftest import FIXTURES, ROOT, SEEDS

RULE_SOURCES = sorted([*(ROOT / "src" / "cleaner" / "rules").glob("*.py"), ROOT / "src" / "cleaner" / "patterns.py"])

#: Names from the seeds' stories and sites, matched as case-insensitive substrings.
FIXED = (
    "truthusa",
    "st_telegram",
    "selanewebst",
    "kremlin",
    "peskov",
    "putin",
    "kim jong",
    "pyongyang",
    "vladivostok",
    "shoigu",
    "matsegora",
    "degtyarev",
    "kishida",
)

#: Generic vocabulary of the noise kinds that a rule may legitimately name: wire agencies and
#: photo services (credits, captions), social networks and apps (share widgets, promos), and
#: page-furniture words and calendar names; "georgia" is a CSS font family and "john" the
#: placeholder first name of "John Smith/AFP" style credits.
GENERIC = frozenset(
    """
    reuters afp ap getty images bloomberg xinhua tass yonhap kyodo epa dpa upi kcna ria sputnik
    telegram whatsapp facebook twitter linkedin youtube instagram tiktok reddit pinterest google
    email print tweet share home news world asia live comments recent popular related stories
    source link cover photo advertisment advertisement sponsored trending read more topic ie
    georgia john
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    """.split()
)

CAPITALISED = re.compile(r"\b[A-Z][A-Za-z]{2,}\b")
LOWER = re.compile(r"\b[a-z][a-z]{2,}\b")


def _seed_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for gold in sorted((FIXTURES / "seeds").glob("*.gold.json")):
        data = json.loads(gold.read_text(encoding="utf-8"))
        texts.append(str(data.get("headline") or ""))
        texts.extend(data.get("body", []))
        texts.extend(str(n.get("text", "")) for n in data.get("noise", []))
    return texts


def seed_proper_nouns() -> frozenset[str]:
    """Capitalised seed words that are not common words (never seen lowercase) nor generic."""
    texts = _seed_texts()
    lower = {w for t in texts for w in LOWER.findall(t)}
    lower |= {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}
    names = {w.lower() for t in texts for w in CAPITALISED.findall(t)}
    return frozenset(n for n in names if n not in lower and n not in GENERIC)


def _hits(path: Path, names: frozenset[str]) -> list[str]:
    found: list[str] = []
    words = re.compile(r"\b(" + "|".join(sorted(map(re.escape, names))) + r")\b", re.IGNORECASE)
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        low = line.lower()
        bad = {f for f in FIXED if f in low}
        bad.update(m.group(1).lower() for m in words.finditer(line))
        if bad:
            rel = path.relative_to(ROOT)
            found.append(f"{rel}:{no}: {', '.join(sorted(bad))}: {line.strip()}")
    return found


def test_the_name_list_is_built_from_the_seeds() -> None:
    names = seed_proper_nouns()
    assert len(names) >= 30
    # the people and places of the stories are found by the extraction itself
    assert {"peskov", "pyongyang", "shoigu"} <= names


#: Sources that still copy seed wording: strict xfail, so removing it forces promotion.
KNOWN_FAILURES: dict[str, str] = {}


def _params() -> list[object]:
    return [
        pytest.param(
            p,
            id=p.name,
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[p.name])] if p.name in KNOWN_FAILURES else [],
        )
        for p in RULE_SOURCES
    ]


@pytest.mark.parametrize("path", _params())
def test_rule_source_has_no_seed_names(path: Path) -> None:
    hits = _hits(path, seed_proper_nouns())
    assert not hits, "rule source names the seeds' stories or sites:\n" + "\n".join(hits)
