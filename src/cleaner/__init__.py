"""cleaner: turn scraped news pages into clean articles, and account for every removal.

>>> import cleaner
>>> article = cleaner.clean(text)
>>> article.headline, article.dateline, article.body, article.removed

The names below are imported on first use (PEP 562), so `import cleaner` and the commands that
do not clean (`cleaner --version`, `cleaner --help`) stay fast; `cleaner.clean` loads the
pipeline and its compiled patterns.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs 3 ms (mypy knows the name)

if TYPE_CHECKING:
    from cleaner.config import Config
    from cleaner.model import KINDS, Article, Removal, Repair
    from cleaner.pipeline import clean
    from cleaner.records import clean_record
    from cleaner.registry import RuleInfo
    from cleaner.rules import RULES, by_code

__version__ = "0.1.0"

__all__ = [
    "KINDS",
    "RULES",
    "Article",
    "Config",
    "Removal",
    "Repair",
    "RuleInfo",
    "__version__",
    "by_code",
    "clean",
    "clean_record",
]

#: Where each public name lives.
_EXPORTS: dict[str, str] = {
    "Config": "cleaner.config",
    "KINDS": "cleaner.model",
    "Article": "cleaner.model",
    "Removal": "cleaner.model",
    "Repair": "cleaner.model",
    "clean": "cleaner.pipeline",
    "clean_record": "cleaner.records",
    "RuleInfo": "cleaner.registry",
    "RULES": "cleaner.rules",
    "by_code": "cleaner.rules",
}
#: Submodules that `import cleaner` used to load eagerly: `cleaner.pipeline` and the like stay
#: reachable as attributes after a bare `import cleaner`.
_SUBMODULES: frozenset[str] = frozenset(
    {
        "assemble",
        "config",
        "dates",
        "features",
        "model",
        "normalize",
        "pattern_cache",
        "patterns",
        "pipeline",
        "records",
        "registry",
        "rules",
        "segment",
        "smooth",
    }
)


if not TYPE_CHECKING:  # hidden from mypy, which then still flags a misspelt `cleaner.name`

    def __getattr__(name: str) -> object:
        module = _EXPORTS.get(name)
        if module is not None:
            value: object = getattr(importlib.import_module(module), name)
            globals()[name] = value  # later lookups do not come here again
            return value
        if name in _SUBMODULES:
            return importlib.import_module(f"{__name__}.{name}")
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__, *_SUBMODULES})
