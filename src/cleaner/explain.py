"""Human-readable accounts of what `clean()` did, and a replay of its edits.

`explain()` renders an `Article`'s audit trail as one line per removal and per repair, in the
order they occur in the input, in the style of a linter (``line:col CODE ...``).

`replay()` rebuilds the canonical text from the *original input* using only the spans the
`Article` records. It exists to check the audit trail: if replaying the recorded removals and
repairs does not give `article.text`, some edit went unrecorded (the "never invents text,
never drops text silently" property).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Final

import regex

from cleaner.model import DATELINE_SEPARATOR, Article
from cleaner.normalize import normalize

#: Longest excerpt of removed or repaired text shown in one `explain()` line (characters).
EXCERPT_CHARS: Final = 60

_LINE_BREAK: Final = regex.compile(r"\r\n|\r|\n")
#: The separators `assemble` accepts after a dateline; the canonical text always writes
#: `DATELINE_SEPARATOR`. Mirrors the tail of `patterns.DATELINE`.
_DATELINE_TAIL: Final = regex.compile(r"\s(?:[–—-]{1,2})\s(?=\S)|:\s(?=\S)")


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """`text` on one line, quoted, cut to `limit` characters with a trailing ellipsis."""
    flat = text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r").replace("\n", "\\n")
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return f'"{flat}"'


def line_starts(source: str) -> tuple[int, ...]:
    """Offsets at which each line of `source` starts (LF, CRLF and lone CR all end a line)."""
    return (0, *(m.end() for m in _LINE_BREAK.finditer(source)))


def position(starts: Sequence[int], offset: int) -> tuple[int, int]:
    """1-based (line, column) of `offset`, given the `line_starts` of its text."""
    line = bisect.bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1


def explain(article: Article, source: str | None = None) -> str:
    """One line per removal and per repair, in input order.

    Removals read ``line:col CODE kind "excerpt…"`` and repairs
    ``line:col CODE name "before" -> "after"``. With `source` (the original input the article
    was cleaned from) the location is a 1-based line and column; without it, the location is
    ``@offset`` into that input. Returns an empty string when nothing was removed or repaired.
    """
    starts = line_starts(source) if source is not None else None

    def where(offset: int) -> str:
        if starts is None:
            return f"@{offset}"
        line, col = position(starts, offset)
        return f"{line}:{col}"

    entries = [(r.start, 0, f"{where(r.start)} {r.rule} {r.kind} {excerpt(r.text)}") for r in article.removed]
    for p in article.repairs:
        line = f"{where(p.start)} {p.rule} {p.name} {excerpt(p.before)} -> {excerpt(p.after)}"
        entries.append((p.start, 1, line))
    entries.sort(key=lambda e: (e[0], e[1]))
    return "".join(f"{text}\n" for _, _, text in entries)


def headline_reason(article: Article) -> str | None:
    """Why the headline is what it is, on one line: the winner's score and features (each with
    its contribution to the score) and the runner-up with its score; None without a scoring."""
    why = article.headline_why
    if why is None:
        return None
    parts = ", ".join(f"{name} {value:+.2f}" for name, value in why.features)
    chosen = excerpt(article.headline) if article.headline is not None else "none (best score too low)"
    line = f"headline {chosen} score {why.score:.2f} ({parts})"
    if why.runner_up is not None and why.runner_up_score is not None:
        line += f"; runner-up {excerpt(why.runner_up)} {why.runner_up_score:.2f}"
    return f"{line}; {why.candidates} candidates"


def replay(source: str, article: Article) -> str:
    """Rebuild `article.text` from `source` using only the recorded spans.

    The rules of the replay, which are the contract between `clean()` and its audit trail:

    * every `Removal` span is cut out and counts as a block boundary (a line break);
    * every `Repair` span is replaced by its `after` text;
    * the rest goes through the same stage-1 normalization as `clean()`, and each non-empty
      line, stripped, is one paragraph; the first is the headline when the article has one;
    * the first body paragraph's dateline separator is written as the canonical
      ``DATELINE – `` (the only edit that is implied by `article.dateline` rather than
      recorded as a span).

    For a `not_an_article` result there are no edits, so the replay is the normalized input,
    one paragraph per non-empty line, which is what `clean()` returns in that case.
    """
    edits = sorted(
        [(r.start, r.end, "\n") for r in article.removed] + [(p.start, p.end, p.after) for p in article.repairs],
        key=lambda e: (e[0], e[1]),
    )
    pieces: list[str] = []
    pos = 0
    for start, end, replacement in edits:
        start = max(start, pos)
        pieces.append(source[pos:start])
        pieces.append(replacement)
        pos = max(pos, end)
    pieces.append(source[pos:])
    text = normalize("".join(pieces)).text
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    first_body = 1 if article.headline else 0
    if article.dateline and len(paragraphs) > first_body:
        para = paragraphs[first_body]
        if para.startswith(article.dateline):
            m = _DATELINE_TAIL.match(para, len(article.dateline))
            if m is not None:
                paragraphs[first_body] = article.dateline + DATELINE_SEPARATOR + para[m.end() :]
    return "\n\n".join(paragraphs) + "\n" if paragraphs else ""
