#!/usr/bin/env python3
"""Clean a folder of JSONL shards with datatrove: JsonlReader → ArticleCleaner → JsonlWriter.

    python examples/datatrove_pipeline.py IN_DIR OUT_DIR --tasks 4 --workers 2
    python examples/datatrove_pipeline.py IN_DIR OUT_DIR --site-templates   # two-stage pass

Every input line is a JSON object with at least "text" (and ideally "id"); its other fields
end up in the output's "metadata" next to the article fields ArticleCleaner adds. With
`--site-templates` a first stage counts each site's repeated lines (site from the "site" field
or the host of "url") into OUT_DIR/templates/, and the cleaning stage removes them too.
Logs and per-step stats (stats.json) go to --logging-dir.

Needs: pip install 'cleaner[datatrove]'
"""

from __future__ import annotations

import argparse
from pathlib import Path

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from cleaner.integrations.datatrove import ArticleCleaner, TemplateCounterStep
from cleaner.templates import MIN_DOCS


def build_executor(
    input_dir: str | Path,
    output_dir: str | Path,
    *,
    logging_dir: str | Path,
    tasks: int = 2,
    workers: int = -1,
    drop_non_articles: bool = False,
    site_templates: bool = False,
    min_docs: int = MIN_DOCS,
    start_method: str = "forkserver",
) -> LocalPipelineExecutor:
    """The cleaning executor; with `site_templates` it depends on a template-counting executor."""
    output_dir, logging_dir = Path(output_dir), Path(logging_dir)
    counting = None
    templates = None
    if site_templates:
        templates = str(output_dir / "templates")
        counting = LocalPipelineExecutor(
            pipeline=[
                JsonlReader(str(input_dir), glob_pattern="*.jsonl*"),
                TemplateCounterStep(templates, min_docs=min_docs),
            ],
            tasks=tasks,
            workers=workers,
            logging_dir=str(logging_dir / "templates"),
            start_method=start_method,
        )
    return LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(input_dir), glob_pattern="*.jsonl*"),
            ArticleCleaner(drop_non_articles=drop_non_articles, templates=templates),
            JsonlWriter(str(output_dir / "articles"), output_filename="${rank}.jsonl", compression=None),
        ],
        tasks=tasks,
        workers=workers,
        logging_dir=str(logging_dir / "clean"),
        depends=counting,
        start_method=start_method,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("input_dir", help="folder of *.jsonl / *.jsonl.gz shards")
    parser.add_argument("output_dir", help="where articles/ (and templates/) are written")
    parser.add_argument("--logging-dir", default=None, help="logs and stats (default: OUTPUT_DIR/logs)")
    parser.add_argument("--tasks", type=int, default=2, help="number of tasks, i.e. output shards (default 2)")
    parser.add_argument("--workers", type=int, default=-1, help="tasks run at once (default: all)")
    parser.add_argument("--drop-non-articles", action="store_true", help="leave out pages that are not articles")
    parser.add_argument("--site-templates", action="store_true", help="count and remove each site's repeated lines")
    parser.add_argument("--min-docs", type=int, default=MIN_DOCS, help="pages a line must be on to be template")
    args = parser.parse_args(argv)
    if args.tasks < 1:
        parser.error("--tasks must be at least 1.")
    executor = build_executor(
        args.input_dir,
        args.output_dir,
        logging_dir=args.logging_dir or Path(args.output_dir) / "logs",
        tasks=args.tasks,
        workers=args.workers,
        drop_non_articles=args.drop_non_articles,
        site_templates=args.site_templates,
        min_docs=args.min_docs,
    )
    executor.run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
