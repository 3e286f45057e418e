"""cleaner: turn scraped news pages into clean articles, and account for every removal.

>>> import cleaner
>>> article = cleaner.clean(text)
>>> article.headline, article.dateline, article.body, article.removed
"""

from __future__ import annotations

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
