"""Frozen run configuration: which rules, extra user patterns, thresholds, corpus templates."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Protocol

import regex

from cleaner.model import KINDS
from cleaner.registry import RuleSet, select


class TemplateLookup(Protocol):
    """What the pipeline needs of a corpus-level template index (see `cleaner.templates`)."""

    def is_template(self, line: str, site: str | None) -> bool: ...


#: Below this many words of body the input is not treated as an article and is left unchanged.
#: Calibrated on the seeds and the dev benchmark, 2026-11-23.
MIN_BODY_WORDS = 20


@dataclass(frozen=True, slots=True)
class Config:
    """How to clean.

    * `select` / `ignore`: rule codes, code prefixes ("CSS", "CTX"), kinds ("promo") or names,
      as ruff's select/ignore. `("ALL",)` selects every stable rule.
    * `preview`: also run rules whose status is "preview".
    * `patterns`: extra whole-line patterns of your own, as `(kind, regex)` pairs; a line that
      matches is removed with rule `USR001` and that kind.
    * `min_body_words`: less body than this and the input is reported `not_an_article` and
      returned unchanged.
    * `templates` / `site`: a corpus template index (lines repeated across a site's pages) and
      the site this document belongs to.
    * `title_hint`: the document's title as another source gives it (HTML mode passes
      trafilatura's title): one strong piece of evidence for the headline stage, not the answer.
    """

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    preview: bool = False
    patterns: tuple[tuple[str, str], ...] = ()
    min_body_words: int = MIN_BODY_WORDS
    templates: TemplateLookup | None = field(default=None, compare=False, hash=False)
    site: str | None = None
    title_hint: str | None = None

    def __post_init__(self) -> None:
        for kind, pattern in self.patterns:
            if kind not in KINDS and kind != "custom":
                raise ValueError(f"Unknown kind {kind!r} in patterns; use one of {', '.join(KINDS)} or 'custom'.")
            try:
                regex.compile(pattern)
            except regex.error as e:
                raise ValueError(f"Pattern {pattern!r} does not compile: {e}. Fix it in your configuration.") from e

    def ruleset(self) -> RuleSet:
        """The selected rules (cached per selection)."""
        return _ruleset(self.select, self.ignore, self.preview)

    def compiled_patterns(self) -> tuple[tuple[str, regex.Pattern[str]], ...]:
        return _compile(self.patterns)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Config:
        """Build from a `[tool.cleaner]` table (keys with dashes or underscores)."""
        known = {f.name for f in fields(cls)} - {"templates"}
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            name = key.replace("-", "_")
            if name not in known:
                continue
            if name in ("select", "ignore"):
                kwargs[name] = (value,) if isinstance(value, str) else tuple(value)
            elif name == "patterns":
                if isinstance(value, Mapping):
                    kwargs[name] = tuple(
                        (str(k), str(v)) for k, vs in value.items() for v in ([vs] if isinstance(vs, str) else vs)
                    )
                else:
                    kwargs[name] = tuple(("custom", str(v)) for v in value)
            else:
                kwargs[name] = value
        return cls(**kwargs)


@functools.lru_cache(maxsize=64)
def _ruleset(sel: tuple[str, ...], ign: tuple[str, ...], preview: bool) -> RuleSet:
    from cleaner.rules import RULES

    return select(RULES, sel, ign, preview=preview)


@functools.lru_cache(maxsize=64)
def _compile(patterns: tuple[tuple[str, str], ...]) -> tuple[tuple[str, regex.Pattern[str]], ...]:
    return tuple((kind, regex.compile(p, regex.IGNORECASE | regex.VERSION1)) for kind, p in patterns)


DEFAULT = Config()
