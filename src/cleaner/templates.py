"""Corpus memory: lines that repeat across many pages of one site are that site's template.

Menus, footers, "share this" rows, newsletter boxes and copyright lines are printed on every
page of a site. Seen one page at a time they can look like anything; counted over a site's
pages they stand out. `TemplateIndex` does that counting (a first pass over the corpus) and
answers the pipeline's question `is_template(line, site)` (the second pass)::

    index = TemplateIndex.learn((site, text) for site, text in corpus)
    article = cleaner.clean(text, config=Config(templates=index, site=site))

How lines are counted
    Every document is cut into the same blocks the pipeline classifies (normalize + segment),
    so a line is learned in exactly the form in which it is looked up. A block is normalised
    (NFC, casefold, runs of whitespace to one space, every decimal digit to ``0``, so
    "© 2023" and "© 2024" are one line) and fingerprinted with an 8-byte BLAKE2b. A
    fingerprint counts at most once per document: its count is the number of the site's
    documents that contain it.

When a line is a template
    When it was seen in at least `min_docs` documents of the site, unless it reads like body
    prose (`looks_like_prose`: at least `PROSE_MIN_WORDS` words with sentence punctuation).
    Long quoted paragraphs that really are boilerplate are rarer than long body sentences
    that a site repeats (a standard closing paragraph, a correction), so those are kept.

Bounded memory, order independence
    Each site holds exact counts in a dict until it has `max_lines` distinct fingerprints.
    Past that the site's counts are folded into a count-min sketch (`sketch_depth` rows of
    `sketch_width` counters) and further documents are added to the sketch. A count-min
    sketch is linear, so folding an exact table gives the same sketch as building the sketch
    from the start: the final state depends only on the *set* of documents, never on their
    order or on how they were split into shards and merged (`merge`). A sketch never
    under-counts; it over-counts by about `increments / sketch_width` per row, and
    `stats()` reports that load. Keep a site's load well below `min_docs` (raise
    `sketch_width`, or shard the corpus by site) or sketched sites will call rare lines
    templates. Memory is at most ``max_lines`` entries or ``4 × sketch_depth × sketch_width``
    bytes per site; sites are never evicted, so for web-scale corpora partition by site.
"""

from __future__ import annotations

import hashlib
import json
import re
import struct
import unicodedata
from array import array
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

__all__ = [
    "FORMAT_VERSION",
    "MIN_DOCS",
    "PROSE_MIN_WORDS",
    "TemplateCounter",
    "TemplateIndex",
    "fingerprint",
    "looks_like_prose",
    "normalize_line",
    "site_from_url",
    "site_key",
    "units",
]

#: Default number of a site's documents a line must appear in to count as template.
MIN_DOCS = 5
#: A line with at least this many words and sentence punctuation is body prose, never template.
PROSE_MIN_WORDS = 25
#: Default cap on a site's exact table before it is folded into a count-min sketch.
MAX_LINES = 200_000
SKETCH_WIDTH = 1 << 20
SKETCH_DEPTH = 4

FORMAT_VERSION = 1
_MAGIC = b"CLEANER-TPL\n"
_HEAD = struct.Struct("<HI")  # version, header length
_CHECK = 16  # BLAKE2b digest size of the trailing checksum
_U32_MAX = 0xFFFFFFFF

_DIGIT = re.compile(r"\d")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*(?:\s|$)")


def normalize_line(line: str) -> str:
    """The form a line is counted in: NFC, casefolded, whitespace collapsed, digits as ``0``."""
    text = unicodedata.normalize("NFC", line).casefold()
    text = _SPACE.sub(" ", text).strip()
    return _DIGIT.sub("0", text)


def fingerprint(line: str) -> int:
    """The 8-byte BLAKE2b fingerprint of `normalize_line(line)`, as an unsigned int."""
    digest = hashlib.blake2b(normalize_line(line).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def looks_like_prose(line: str) -> bool:
    """True for a line that reads like body text: many words and a sentence ending inside or at the end."""
    if len(_WORD.findall(line)) < PROSE_MIN_WORDS:
        return False
    return _SENTENCE_END.search(line.strip()) is not None


def site_key(site: str | None) -> str | None:
    """The canonical form of a site name: stripped, casefolded, without a leading ``www.``.

    An empty name is no site (None); all documents without a site are counted together.
    """
    if site is None:
        return None
    key = site.strip().casefold()
    if key.startswith("www."):
        key = key[4:]
    return key or None


def site_from_url(url: str | None) -> str | None:
    """The site of a URL: its host name (port and ``www.`` dropped), or None if it has none."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    return site_key(host)


def units(text: str) -> list[str]:
    """The blocks of `text` exactly as the pipeline will show them to `is_template`."""
    from cleaner.config import DEFAULT
    from cleaner.normalize import normalize
    from cleaner.segment import segment

    return [block.text for block in segment(normalize(text), DEFAULT.ruleset()).blocks]


def _doc_fingerprints(text: str) -> set[int]:
    return {fingerprint(u) for u in units(text)}


def _sketch_slots(fp: int, width: int, depth: int) -> Iterator[int]:
    # Kirsch–Mitzenmacher double hashing over the two 32-bit halves of the fingerprint. Widths
    # are powers of two, so `slot mod smaller width` is the slot in a folded sketch.
    h1, h2 = fp & _U32_MAX, (fp >> 32) | 1
    for row in range(depth):
        yield row * width + ((h1 + row * h2) & (width - 1))


@dataclass(frozen=True, slots=True)
class _Site:
    """One site's counts: exact (`table`) or sketched (`sketch`), and its document count."""

    docs: int
    table: Mapping[int, int] | None
    sketch: array[int] | None
    increments: int

    def count(self, fp: int, width: int, depth: int) -> int:
        if self.table is not None:
            return self.table.get(fp, 0)
        assert self.sketch is not None
        return min(self.sketch[s] for s in _sketch_slots(fp, width, depth))


class _MutableSite:
    __slots__ = ("docs", "increments", "sketch", "table")

    def __init__(self) -> None:
        self.docs = 0
        self.increments = 0
        self.table: dict[int, int] | None = {}
        self.sketch: array[int] | None = None

    def add_counts(self, counts: Mapping[int, int], width: int, depth: int, cap: int) -> None:
        if self.table is not None:
            table = self.table
            for fp, n in counts.items():
                table[fp] = table.get(fp, 0) + n
            if len(table) > cap:
                self.fold(width, depth)
            return
        assert self.sketch is not None
        sketch = self.sketch
        for fp, n in counts.items():
            for s in _sketch_slots(fp, width, depth):
                sketch[s] = min(sketch[s] + n, _U32_MAX)

    def add_sketch(self, other: array[int]) -> None:
        assert self.sketch is not None
        sketch = self.sketch
        for i, n in enumerate(other):
            if n:
                sketch[i] = min(sketch[i] + n, _U32_MAX)

    def fold(self, width: int, depth: int) -> None:
        assert self.table is not None
        table, self.table = self.table, None
        self.sketch = array("I", bytes(4 * width * depth))
        self.add_counts(table, width, depth, 0)

    def freeze(self) -> _Site:
        table = dict(sorted(self.table.items())) if self.table is not None else None
        sketch = array("I", self.sketch) if self.sketch is not None else None
        return _Site(self.docs, table, sketch, self.increments)


class TemplateCounter:
    """The mutable first pass: add documents one at a time, then `freeze()` a `TemplateIndex`.

    Use it where documents stream past (a datatrove step, a Spark partition); for an iterable
    at hand `TemplateIndex.learn` does the same in one call.
    """

    def __init__(
        self,
        *,
        min_docs: int = MIN_DOCS,
        max_lines: int = MAX_LINES,
        sketch_width: int = SKETCH_WIDTH,
        sketch_depth: int = SKETCH_DEPTH,
    ) -> None:
        _check_params(min_docs, max_lines, sketch_width, sketch_depth)
        self.min_docs = min_docs
        self.max_lines = max_lines
        self.sketch_width = sketch_width
        self.sketch_depth = sketch_depth
        self._sites: dict[str | None, _MutableSite] = {}

    def add(self, site: str | None, text: str) -> None:
        """Count the lines of one document of `site` (each distinct line once)."""
        if not isinstance(text, str):
            raise TypeError(f"TemplateCounter.add() takes the document text as str, not {type(text).__name__}.")
        fps = _doc_fingerprints(text)
        entry = self._site(site_key(site))
        entry.docs += 1
        entry.increments += len(fps)
        entry.add_counts(dict.fromkeys(fps, 1), self.sketch_width, self.sketch_depth, self.max_lines)

    def add_index(self, index: TemplateIndex) -> None:
        """Add the counts of an index learned elsewhere (same parameters)."""
        _check_compatible(self._params(), index._params(), "merge")
        for key, site in index._sites.items():
            entry = self._site(key)
            entry.docs += site.docs
            entry.increments += site.increments
            if site.table is not None:
                entry.add_counts(site.table, self.sketch_width, self.sketch_depth, self.max_lines)
            else:
                assert site.sketch is not None
                if entry.table is not None:
                    entry.fold(self.sketch_width, self.sketch_depth)
                entry.add_sketch(site.sketch)

    def freeze(self) -> TemplateIndex:
        """The immutable index of everything added so far."""
        sites = {key: self._sites[key].freeze() for key in sorted(self._sites, key=_site_order)}
        return TemplateIndex._make(self._params(), sites)

    def _site(self, key: str | None) -> _MutableSite:
        entry = self._sites.get(key)
        if entry is None:
            entry = self._sites[key] = _MutableSite()
        return entry

    def _params(self) -> tuple[int, int, int, int]:
        return (self.min_docs, self.max_lines, self.sketch_width, self.sketch_depth)


class TemplateIndex:
    """Immutable per-site counts of normalised line fingerprints; see the module docstring.

    Two indexes are equal when they hold the same counts with the same parameters, whatever
    the order in which their documents were added.
    """

    __slots__ = ("_min_docs", "_params_", "_sites")

    _params_: tuple[int, int, int, int]
    _sites: Mapping[str | None, _Site]
    _min_docs: int

    def __init__(self) -> None:
        raise TypeError("Build a TemplateIndex with TemplateIndex.learn(), TemplateCounter or TemplateIndex.load().")

    @classmethod
    def _make(cls, params: tuple[int, int, int, int], sites: Mapping[str | None, _Site]) -> TemplateIndex:
        self = object.__new__(cls)
        object.__setattr__(self, "_params_", params)
        object.__setattr__(self, "_sites", sites)
        object.__setattr__(self, "_min_docs", params[0])
        return self

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("TemplateIndex is immutable; build a new one with merge() or TemplateCounter.")

    def __reduce__(self) -> tuple[Any, tuple[bytes]]:
        return (TemplateIndex.from_bytes, (self.to_bytes(),))

    # -- building ---------------------------------------------------------------------------

    @classmethod
    def learn(
        cls,
        pairs: Iterable[tuple[str | None, str]],
        *,
        min_docs: int = MIN_DOCS,
        max_lines: int = MAX_LINES,
        sketch_width: int = SKETCH_WIDTH,
        sketch_depth: int = SKETCH_DEPTH,
    ) -> TemplateIndex:
        """Count the lines of `(site, text)` documents; a line in >= `min_docs` of a site's documents is template."""
        counter = TemplateCounter(
            min_docs=min_docs, max_lines=max_lines, sketch_width=sketch_width, sketch_depth=sketch_depth
        )
        for site, text in pairs:
            counter.add(site, text)
        return counter.freeze()

    @classmethod
    def empty(cls, *, min_docs: int = MIN_DOCS) -> TemplateIndex:
        """An index with no documents (every `is_template` answer is False)."""
        return cls.learn((), min_docs=min_docs)

    def merge(self, *others: TemplateIndex) -> TemplateIndex:
        """The index of all documents of `self` and `others` (for counting in shards).

        Raises ValueError if the indexes were built with different parameters.
        """
        min_docs, max_lines, width, depth = self._params_
        counter = TemplateCounter(min_docs=min_docs, max_lines=max_lines, sketch_width=width, sketch_depth=depth)
        counter.add_index(self)
        for other in others:
            if not isinstance(other, TemplateIndex):
                raise TypeError(f"TemplateIndex.merge() takes TemplateIndex objects, not {type(other).__name__}.")
            counter.add_index(other)
        return counter.freeze()

    # -- querying ---------------------------------------------------------------------------

    @property
    def min_docs(self) -> int:
        return self._min_docs

    @property
    def sites(self) -> tuple[str | None, ...]:
        return tuple(self._sites)

    def count(self, line: str, site: str | None) -> int:
        """In how many of the site's documents the line was seen (an upper bound for a sketched site)."""
        entry = self._sites.get(site_key(site))
        if entry is None:
            return 0
        _, _, width, depth = self._params_
        return entry.count(fingerprint(line), width, depth)

    def is_template(self, line: str, site: str | None) -> bool:
        """True if `line` is part of `site`'s template: seen in >= `min_docs` of its documents, and not prose."""
        entry = self._sites.get(site_key(site))
        if entry is None or entry.docs < self._min_docs:
            return False
        _, _, width, depth = self._params_
        return entry.count(fingerprint(line), width, depth) >= self._min_docs and not looks_like_prose(line)

    def stats(self) -> dict[str, Any]:
        """Counts for reports: documents, distinct and template fingerprints per site, sketch load."""
        min_docs, max_lines, width, depth = self._params_
        per_site: dict[str, dict[str, Any]] = {}
        for key, site in self._sites.items():
            row: dict[str, Any] = {"documents": site.docs, "line_occurrences": site.increments}
            if site.table is not None:
                row["mode"] = "exact"
                row["fingerprints"] = len(site.table)
                row["template_fingerprints"] = sum(1 for n in site.table.values() if n >= min_docs)
            else:
                row["mode"] = "sketch"
                row["sketch_load"] = round(site.increments / width, 4)
            per_site["" if key is None else key] = row
        return {
            "version": FORMAT_VERSION,
            "min_docs": min_docs,
            "max_lines": max_lines,
            "sketch_width": width,
            "sketch_depth": depth,
            "sites": len(self._sites),
            "documents": sum(s.docs for s in self._sites.values()),
            "template_fingerprints": sum(r.get("template_fingerprints", 0) for r in per_site.values()),
            "per_site": per_site,
        }

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TemplateIndex):
            return NotImplemented
        return self._params_ == other._params_ and self._sites == other._sites

    def __hash__(self) -> int:
        return hash(self.to_bytes())

    def __repr__(self) -> str:
        docs = sum(s.docs for s in self._sites.values())
        return f"TemplateIndex(sites={len(self._sites)}, documents={docs}, min_docs={self._min_docs})"

    def _params(self) -> tuple[int, int, int, int]:
        return self._params_

    # -- files ------------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        """The file form: magic, version, JSON header, little-endian arrays, BLAKE2b checksum.

        The same index always gives the same bytes.
        """
        min_docs, max_lines, width, depth = self._params_
        header_sites: list[dict[str, Any]] = []
        payload: list[bytes] = []
        for key, site in self._sites.items():
            if site.table is not None:
                fps = array("Q", site.table.keys())
                counts = array("I", site.table.values())
                header_sites.append(
                    {"site": key, "docs": site.docs, "occurrences": site.increments, "mode": "exact", "n": len(fps)}
                )
                payload += [_le(fps), _le(counts)]
            else:
                assert site.sketch is not None
                header_sites.append({"site": key, "docs": site.docs, "occurrences": site.increments, "mode": "sketch"})
                payload.append(_le(site.sketch))
        header = json.dumps(
            {
                "min_docs": min_docs,
                "max_lines": max_lines,
                "sketch_width": width,
                "sketch_depth": depth,
                "sites": header_sites,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8")
        body = b"".join([_MAGIC, _HEAD.pack(FORMAT_VERSION, len(header)), header, *payload])
        return body + hashlib.blake2b(body, digest_size=_CHECK).digest()

    @classmethod
    def from_bytes(cls, data: bytes, *, source: str = "the data") -> TemplateIndex:
        """Read the form written by `to_bytes`; raises ValueError naming what is wrong."""
        if not data.startswith(_MAGIC):
            raise ValueError(f"{source} is not a cleaner template index (it does not start with {_MAGIC!r}).")
        if len(data) < len(_MAGIC) + _HEAD.size + _CHECK:
            raise ValueError(f"{source} is truncated: a template index file has a header and a checksum.")
        body, check = data[:-_CHECK], data[-_CHECK:]
        version, header_len = _HEAD.unpack_from(body, len(_MAGIC))
        if version != FORMAT_VERSION:
            raise ValueError(
                f"{source} is a template index of format version {version}; this cleaner reads version "
                f"{FORMAT_VERSION}. Learn the index again with this version."
            )
        if hashlib.blake2b(body, digest_size=_CHECK).digest() != check:
            raise ValueError(f"{source} is damaged: its checksum does not match its contents.")
        pos = len(_MAGIC) + _HEAD.size
        try:
            header = json.loads(body[pos : pos + header_len].decode("utf-8"))
            params = (
                int(header["min_docs"]),
                int(header["max_lines"]),
                int(header["sketch_width"]),
                int(header["sketch_depth"]),
            )
            _check_params(*params)
            pos += header_len
            sites: dict[str | None, _Site] = {}
            for row in header["sites"]:
                key = row["site"]
                if key is not None and not isinstance(key, str):
                    raise ValueError("a site name is not a string")
                if row["mode"] == "exact":
                    n = int(row["n"])
                    fps, pos = _read(body, pos, "Q", n)
                    counts, pos = _read(body, pos, "I", n)
                    table = dict(zip(fps, counts, strict=True))
                    sites[key] = _Site(int(row["docs"]), table, None, int(row["occurrences"]))
                elif row["mode"] == "sketch":
                    sketch, pos = _read(body, pos, "I", params[2] * params[3])
                    sites[key] = _Site(int(row["docs"]), None, sketch, int(row["occurrences"]))
                else:
                    raise ValueError(f"unknown site mode {row['mode']!r}")
            if pos != len(body):
                raise ValueError("there are bytes after the last site")
        except (KeyError, TypeError, ValueError, UnicodeDecodeError, struct.error) as e:
            raise ValueError(f"{source} is not a valid template index: {e}.") from e
        return cls._make(params, sites)

    def save(self, path: str | Path) -> None:
        """Write the index to `path` (see `to_bytes`)."""
        Path(path).write_bytes(self.to_bytes())

    @classmethod
    def load(cls, path: str | Path) -> TemplateIndex:
        """Read an index written by `save`; raises ValueError if the file is not a valid index."""
        p = Path(path)
        try:
            data = p.read_bytes()
        except FileNotFoundError:
            raise FileNotFoundError(f"Template index file {str(p)!r} does not exist.") from None
        return cls.from_bytes(data, source=f"Template index file {str(p)!r}")


def _le(values: array[int]) -> bytes:
    if struct.pack("=H", 1) != struct.pack("<H", 1):  # pragma: no cover - big-endian hosts
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def _read(body: bytes, pos: int, code: str, n: int) -> tuple[array[int], int]:
    out = array(code)
    if out.itemsize != {"Q": 8, "I": 4}[code]:  # pragma: no cover - exotic platforms
        raise ValueError(f"this platform's array({code!r}) has an unexpected item size")
    end = pos + n * out.itemsize
    if n < 0 or end > len(body):
        raise ValueError("the file ends inside a site's counts")
    out.frombytes(body[pos:end])
    if struct.pack("=H", 1) != struct.pack("<H", 1):  # pragma: no cover - big-endian hosts
        out.byteswap()
    return out, end


def _site_order(key: str | None) -> tuple[int, str]:
    return (0, "") if key is None else (1, key)


def _check_params(min_docs: int, max_lines: int, width: int, depth: int) -> None:
    if min_docs < 1:
        raise ValueError(f"min_docs must be at least 1, not {min_docs}.")
    if max_lines < 0:
        raise ValueError(f"max_lines must not be negative, not {max_lines}.")
    if width < 1 or width & (width - 1):
        raise ValueError(f"sketch_width must be a power of two, not {width}.")
    if not 1 <= depth <= 16:
        raise ValueError(f"sketch_depth must be between 1 and 16, not {depth}.")


def _check_compatible(a: tuple[int, int, int, int], b: tuple[int, int, int, int], what: str) -> None:
    if a != b:
        names = ("min_docs", "max_lines", "sketch_width", "sketch_depth")
        diff = ", ".join(f"{n} {x} vs {y}" for n, x, y in zip(names, a, b, strict=True) if x != y)
        raise ValueError(f"Cannot {what} template indexes built with different parameters ({diff}).")
