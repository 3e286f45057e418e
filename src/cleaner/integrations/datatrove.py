"""datatrove pipeline steps: clean articles, and count site templates across a corpus.

* `ArticleCleaner` cleans `Document.text` exactly as `cleaner.clean_record` cleans a record's
  text field, stores the article's fields in `Document.metadata` (`headline`, `dateline`,
  `date`, `removed_kinds`, `cleaner_status`, the same keys `clean_record` adds), optionally
  drops documents that are not articles, and counts what it did in the step's stats.
* `TemplateCounterStep` is stage 1 of the two-stage boilerplate pass (CCNet's shape): each task
  counts line fingerprints per site and writes its partial `TemplateIndex` to a folder. Stage 2
  is `ArticleCleaner(templates=<that folder>)`, which merges the partial indexes once per task
  and cleans every document with its site's templates.

A document's site is the metadata value under `site_key` when there is one, else the host of
the URL under `url_key`.

Importing this module imports datatrove; `import cleaner` never does.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections import Counter
from typing import Any

try:
    from datatrove.data import Document, DocumentsPipeline
    from datatrove.io import DataFolder, DataFolderLike, get_datafolder
    from datatrove.pipeline.base import PipelineStep
    from datatrove.pipeline.writers.disk_base import DiskWriter
    from datatrove.utils.typeshelper import StatHints
except ImportError as e:  # pragma: no cover - exercised only without datatrove
    raise ImportError(
        f"cleaner.integrations.datatrove needs datatrove, which could not be imported ({e}). "
        "Install it with: pip install 'cleaner[datatrove]'"
    ) from e

from cleaner.config import DEFAULT, Config
from cleaner.model import Article
from cleaner.pipeline import clean
from cleaner.records import accepted, article_fields
from cleaner.templates import (
    MAX_LINES,
    MIN_DOCS,
    SKETCH_DEPTH,
    SKETCH_WIDTH,
    TemplateCounter,
    TemplateIndex,
    site_from_url,
    site_key,
)

__all__ = ["TEMPLATE_SUFFIX", "ArticleCleaner", "TemplateCounterStep", "document_site", "load_template_shards"]

#: File name ending of the partial indexes `TemplateCounterStep` writes (one per task).
TEMPLATE_SUFFIX = ".tpl"
_CONFIG_CACHE = 4096


def document_site(doc: Document, site_field: str | None = "site", url_field: str | None = "url") -> str | None:
    """The site a document belongs to: `metadata[site_field]`, else the host of `metadata[url_field]`."""
    metadata = doc.metadata
    if site_field:
        value = metadata.get(site_field)
        if isinstance(value, str) and (key := site_key(value)):
            return key
    if url_field:
        url = metadata.get(url_field)
        if isinstance(url, str):
            return site_from_url(url)
    return None


def _folder(folder: DataFolderLike | os.PathLike[str]) -> DataFolder:
    return get_datafolder(os.fspath(folder) if isinstance(folder, os.PathLike) else folder)


def load_template_shards(folder: DataFolderLike | os.PathLike[str]) -> TemplateIndex:
    """Merge every partial index (``*.tpl``) that `TemplateCounterStep` wrote to `folder`."""
    data_folder = _folder(folder)
    names = data_folder.list_files(glob_pattern=f"*{TEMPLATE_SUFFIX}")
    if not names:
        raise FileNotFoundError(
            f"No template index shards (*{TEMPLATE_SUFFIX}) in {data_folder.path!r}; "
            "run the TemplateCounterStep stage before cleaning with templates."
        )
    shards = []
    for name in names:
        with data_folder.open(name, "rb") as f:
            shards.append(TemplateIndex.from_bytes(f.read(), source=f"Template index shard {name!r}"))
    return shards[0].merge(*shards[1:])


class TemplateCounterStep(PipelineStep):  # type: ignore[misc]
    """Stage 1: count each site's line fingerprints; write this task's partial index to `output_folder`.

    Documents pass through unchanged, so the step can sit in front of other steps. The shard of
    task `rank` is ``{rank:05d}.tpl``; every task writes one, even when it saw no documents.
    """

    name = "🧮 Site templates"
    type = "📊 - STATS"

    def __init__(
        self,
        output_folder: DataFolderLike | os.PathLike[str],
        *,
        site_field: str | None = "site",
        url_field: str | None = "url",
        min_docs: int = MIN_DOCS,
        max_lines: int = MAX_LINES,
        sketch_width: int = SKETCH_WIDTH,
        sketch_depth: int = SKETCH_DEPTH,
    ) -> None:
        super().__init__()
        self.output_folder: DataFolder = _folder(output_folder)
        self.site_field = site_field
        self.url_field = url_field
        self.params = {
            "min_docs": min_docs,
            "max_lines": max_lines,
            "sketch_width": sketch_width,
            "sketch_depth": sketch_depth,
        }
        TemplateCounter(**self.params)  # validate the parameters now, not inside a worker

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        counter = TemplateCounter(**self.params)
        for doc in data or ():
            self.stat_update(StatHints.total)
            with self.track_time():
                counter.add(document_site(doc, self.site_field, self.url_field), doc.text)
            yield doc
        index = counter.freeze()
        with self.output_folder.open(f"{rank:05d}{TEMPLATE_SUFFIX}", "wb") as f:
            f.write(index.to_bytes())
        self.stat_update("sites", value=len(index.sites), unit="task")


class ArticleCleaner(PipelineStep):  # type: ignore[misc]
    """Clean each document's text into an article, with `clean_record`'s semantics.

    * `config`: the `cleaner.Config` to clean with (default: every stable rule).
    * `drop_non_articles`: drop documents whose status is "not_an_article" (by default they
      pass with their text unchanged, as `clean_record` leaves them); dropped documents go to
      `exclusion_writer` when one is given.
    * `templates`: a `TemplateIndex`, or the folder `TemplateCounterStep` wrote its shards to
      (merged on first use in each task). Each document is cleaned with its own site
      (`document_site(doc, site_field, url_field)`).

    Stats: ``cleaned`` / ``unchanged`` / ``not_an_article`` (documents by status),
    ``dropped_not_an_article``, ``removed_chars`` and ``removed_chars_<kind>`` (characters of
    the input removed, per kind), besides datatrove's ``total``/``forwarded``/``dropped``.
    """

    name = "🧹 Article cleaner"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        config: Config | None = None,
        *,
        drop_non_articles: bool = False,
        templates: TemplateIndex | DataFolderLike | os.PathLike[str] | None = None,
        site_field: str | None = "site",
        url_field: str | None = "url",
        exclusion_writer: DiskWriter | None = None,
    ) -> None:
        super().__init__()
        self.config = config or DEFAULT
        if templates is not None and self.config.templates is not None:
            raise ValueError("Give templates either in config or as templates=, not both.")
        self.drop_non_articles = drop_non_articles
        self.site_field = site_field
        self.url_field = url_field
        self.exclusion_writer = exclusion_writer
        self.template_folder: DataFolder | None = None
        self._index: TemplateIndex | None = None
        if isinstance(templates, TemplateIndex):
            self._index = templates
        elif templates is not None:
            self.template_folder = _folder(templates)
        self._configs: dict[str | None, Config] = {}

    def templates(self) -> TemplateIndex | None:
        """The template index in use (loaded and merged from the shard folder on first call)."""
        if self._index is None and self.template_folder is not None:
            self._index = load_template_shards(self.template_folder)
        return self._index

    def config_for(self, doc: Document) -> Config:
        """The config for one document: `config` with the templates and the document's site."""
        index = self.templates()
        if index is None and self.config.templates is None:
            return self.config
        site = document_site(doc, self.site_field, self.url_field)
        cfg = self._configs.get(site)
        if cfg is None:
            if len(self._configs) >= _CONFIG_CACHE:
                self._configs.clear()
            changes: dict[str, Any] = {"site": site}
            if index is not None:
                changes["templates"] = index
            cfg = self._configs[site] = dataclasses.replace(self.config, **changes)
        return cfg

    def apply(self, doc: Document, article: Article) -> None:
        """Write `article` into `doc` as `clean_record` writes it into a record, and count it."""
        if accepted(article):
            doc.text = article.text
        doc.metadata.update(article_fields(article))
        self.stat_update(article.status)
        if article.status == "not_an_article":
            return
        chars: Counter[str] = Counter()
        for removal in article.removed:
            chars[removal.kind] += removal.end - removal.start
        for kind, n in sorted(chars.items()):
            self.stat_update(f"removed_chars_{kind}", value=n)
        self.stat_update("removed_chars", value=sum(chars.values()))

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        writer_cm = self.exclusion_writer if self.exclusion_writer is not None else contextlib.nullcontext()
        with writer_cm as writer:
            for doc in data or ():
                self.stat_update(StatHints.total)
                with self.track_time():
                    article = clean(doc.text, config=self.config_for(doc))
                    self.apply(doc, article)
                if self.drop_non_articles and article.status == "not_an_article":
                    self.stat_update(StatHints.dropped, "dropped_not_an_article")
                    if writer is not None:
                        writer.write(doc, rank)
                    continue
                self.stat_update(StatHints.forwarded)
                yield doc
