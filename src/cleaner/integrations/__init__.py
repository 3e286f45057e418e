"""Adapters for data-processing engines.

Each adapter lives in its own module and imports its engine only when that module is imported,
so `import cleaner` never pulls in an engine:

* `cleaner.integrations.datatrove`: `ArticleCleaner` and `TemplateCounterStep`, datatrove
  pipeline steps (install with ``pip install 'cleaner[datatrove]'``).

Dask, Spark, Ray and plain `multiprocessing` need no adapter: map `cleaner.clean_record`
over records (see docs/distributed.md).
"""
