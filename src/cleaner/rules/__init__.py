"""The rule registry, complete at import time: every family module's rules, in a fixed order.

Order matters only for ties: when several line rules match a block, the first strong one names
the removal.
"""

from __future__ import annotations

from typing import Final

from cleaner.registry import RuleInfo
from cleaner.rules import ads, attribution, chrome, context, markup, repairs, widgets

RULES: Final[tuple[RuleInfo, ...]] = (
    *repairs.RULES,
    *markup.RULES,
    *ads.RULES,
    *widgets.RULES,
    *attribution.RULES,
    *chrome.RULES,
    *context.RULES,
)


#: Each rule by its code (built once; the pipeline looks rules up by code on every page).
_BY_CODE: Final[dict[str, RuleInfo]] = {r.code: r for r in RULES}


def by_code(code: str) -> RuleInfo:
    """The rule with this code; `KeyError` with a hint if there is none."""
    found = _BY_CODE.get(code) or _BY_CODE.get(code.upper())
    if found is None:
        raise KeyError(f"No rule has code {code!r}; `cleaner rules` lists them.")
    return found


def _check_unique() -> None:
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    if len(set(codes)) != len(codes) or len(set(names)) != len(names):
        raise RuntimeError("Rule codes and names must be unique.")


_check_unique()
