"""The naive scraper-style HTML -> text dumps that made the benchmark `.txt` files.

Copied from the team's shared harness, `shared/bench/render.py` (internal tooling, MIT-style
terms, like `benchmarks/metrics.py`), so that `benchmarks/shapes.py` runs without `../shared`.
Only type hints and names were changed; the output is byte-identical (``--render`` in
`benchmarks/shapes.py` imports the harness's own copy instead, to check that).

- `dump_blocks`: block elements start a new line (a blank line with ``blank_between``),
  whitespace inside a text node collapses to one space; ``<style>``/``<pre>`` are kept
  verbatim, line by line.
- `dump_textcontent`: the DOM's ``textContent`` of ``<body>``: every text node as it is, so the
  page source's own line breaks (hard-wrapped paragraphs, stylesheets) stay in the text.
"""

from __future__ import annotations

import re
from typing import Any

BLOCK_TAGS = frozenset(
    """address article aside blockquote body center dd details dialog dir div dl dt fieldset
    figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html legend li
    listing main menu nav noscript ol optgroup option p plaintext pre section select summary
    table tbody td tfoot th thead tr ul caption label button""".split()
)
# never produce text from these (script is what a scraper strips; the rest carry no text)
SKIP_TAGS = frozenset("script template head title meta link base iframe object embed param source track".split())

_WS = re.compile(r"\s+")
_SPACES = re.compile(r"[ \t\f\v\u00a0\u200b]+")
BR = "\x00BR\x00"  # block boundary marker


def _tag(el: Any) -> str | None:
    t = el.tag
    if not isinstance(t, str):  # comment / processing instruction
        return None
    return t.lower().split("}")[-1]


def _tidy(text: str, blank_between: bool) -> str:
    """Strip lines, collapse runs of spaces, collapse whitespace-only lines."""
    out: list[str] = []
    blank = False
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        if not line:
            blank = True
            continue
        if blank and out and blank_between:
            out.append("")
        blank = False
        out.append(line)
    return "\n".join(out) + "\n"


def _add_text(s: str, parts: list[str], glue: bool = True) -> None:
    if glue and not s.strip():
        return  # whitespace-only node between tags: dropped, so inline siblings glue
    parts.append(_WS.sub(" ", s))


def _blocks_walk(el: Any, parts: list[str], glue: bool = True) -> None:
    tag = _tag(el)
    if tag is None:  # comment/PI: no text, but its tail belongs to the parent
        return
    if tag in SKIP_TAGS or (not glue and tag in ("style", "noscript")):
        return
    if tag == "br":
        parts.append(BR)
        return
    if tag in ("style", "pre", "textarea", "listing", "plaintext", "xmp"):
        # kept verbatim, line by line (CSS from inline <style> blocks shows up as text)
        parts.append(BR)
        parts.append("".join(el.itertext()).replace("\r", "").replace("\n", BR))
        parts.append(BR)
        return
    block = tag in BLOCK_TAGS
    if block:
        parts.append(BR)
    if el.text:
        _add_text(el.text, parts, glue)
    for child in el:
        _blocks_walk(child, parts, glue)
        if child.tail:
            _add_text(child.tail, parts, glue)
    if block:
        parts.append(BR)


def dump_blocks(root: Any, blank_between: bool) -> str:
    body = root.find(".//body")
    if body is None:
        body = root
    parts: list[str] = []
    _blocks_walk(body, parts)
    text = "".join(parts)
    sep = "\n\n" if blank_between else "\n"
    text = re.sub(r"(?:\x00BR\x00)+", sep, text)
    return _tidy(text, blank_between=True)


def _textcontent(el: Any, parts: list[str]) -> None:
    tag = _tag(el)
    if tag is not None and tag not in SKIP_TAGS:
        if el.text:
            parts.append(el.text)
        for child in el:
            _textcontent(child, parts)
            if child.tail:
                parts.append(child.tail)


def dump_textcontent(root: Any) -> str:
    body = root.find(".//body")
    if body is None:
        body = root
    parts: list[str] = []
    _textcontent(body, parts)
    return _tidy("".join(parts).replace("\r", "\n"), blank_between=True)
