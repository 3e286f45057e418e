"""What a worker process sends back of an `Article` when the command needs no more (`--jobs N`
in text format without --explain; `cleaner.batch.Settings.slim`).

A module of its own, imported only by workers that make a `Brief` and by a parent that loads
one, so that the start-up of a small run does not pay for creating these classes.
"""

from __future__ import annotations

from typing import NamedTuple

from cleaner.model import Article


class Removed(NamedTuple):
    """One removal as the parent of a worker needs it: the fields of `cleaner.Removal`, as a
    tuple (a frozen slotted dataclass costs ~14 µs to pickle and as much to load; a page has
    about a hundred removals)."""

    rule: str
    name: str
    kind: str
    start: int
    end: int
    text: str


class Brief(NamedTuple):
    """What the command needs of an `Article` to report a file and write it (`Settings.slim`):
    its removals (counted by rule, replayed on the file's bytes, logged by --keep-removed) and
    its messages (why a result is unsure). On dev pages 12.7 KB pickled instead of 19 KB (most
    of it the removed text), and a `FileResult` that carries it loads in 0.34 ms instead of
    1.2 ms."""

    removed: tuple[Removed, ...]
    messages: tuple[str, ...]

    @classmethod
    def of(cls, article: Article) -> Brief:
        return cls(
            tuple(Removed(r.rule, r.name, r.kind, r.start, r.end, r.text) for r in article.removed), article.messages
        )
