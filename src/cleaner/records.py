"""`clean_record`: the one record-level transformation shared by the CLI's JSONL mode, the
datatrove step and any other engine (Dask, Spark). Picklable, dependency-free, pure.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cleaner.config import Config
from cleaner.model import Article
from cleaner.pipeline import clean


def clean_record(
    record: Mapping[str, Any], text_field: str = "text", *, config: Config | None = None
) -> dict[str, Any]:
    """Return a new record with `text_field` cleaned and the article's metadata added.

    Every other field is kept as it is. Added fields: `headline`, `dateline`, `date`,
    `removed_kinds` (list of kinds, first-seen order), `cleaner_status`. A record that is not an
    article, or whose result is not confident, keeps its text unchanged (`cleaner_status` says
    "not_an_article" or "unsure"). A record without
    the field, or whose field is not a string, is returned unchanged with
    `cleaner_status` "skipped".
    """
    out = dict(record)
    text = record.get(text_field)
    if not isinstance(text, str):
        out["cleaner_status"] = "skipped"
        return out
    article = clean(text, config=config)
    if accepted(article):
        out[text_field] = article.text
    out.update(article_fields(article))
    return out


def accepted(article: Article) -> bool:
    """Whether the cleaned text should replace the input: an article, and a confident one."""
    return article.status != "not_an_article" and article.confident


def article_fields(article: Article) -> dict[str, Any]:
    """The metadata fields `clean_record` adds for an article (shared by the engine adapters)."""
    return {
        "headline": article.headline,
        "dateline": article.dateline,
        "date": article.date,
        "removed_kinds": list(article.removed_kinds),
        "cleaner_status": article.status if article.confident or article.status == "not_an_article" else "unsure",
    }
