"""`clean()`: normalize → segment → classify → smooth → assemble. Nothing else lives here."""

from __future__ import annotations

import dataclasses

import regex

from cleaner.assemble import assemble
from cleaner.config import DEFAULT, Config
from cleaner.model import Article, Block, Hit, Removal
from cleaner.normalize import Text, normalize
from cleaner.patterns import TIMEOUT
from cleaner.segment import Memo, segment
from cleaner.smooth import classify, smooth

_USER = ("USR001", "user-pattern")
_TEMPLATE = ("TPL001", "site-template")


def clean(text: str, *, config: Config | None = None) -> Article:
    """Clean one scraped article page given as plain text.

    Pure: the same input and config always give the same `Article`, and nothing outside the
    call is read or changed. Raises `TypeError` for non-`str` input (decode bytes first, e.g.
    with `cleaner.io.decode`).
    """
    if not isinstance(text, str):
        raise TypeError(
            f"clean() takes str, not {type(text).__name__}; decode bytes first, "
            "for example with cleaner.io.decode(data)."
        )
    cfg = config or DEFAULT
    memo = Memo()
    article, norm = _clean_once(text, cfg, memo)
    if article.text == text:
        # already a fixed point: a second pass would clean the very same input again (the hook
        # re-run on a cleaned corpus, the commonest case in pre-commit use)
        return article
    for _ in range(MAX_PASSES - 1):
        if article.status == "not_an_article":
            break
        again, _norm = _clean_once(article.text, cfg, memo)
        if again.text == article.text or again.status == "not_an_article":
            return article
        article = _fold(article, again, norm)
    else:
        if article.status != "not_an_article" and _clean_once(article.text, cfg, memo)[0].text != article.text:
            return dataclasses.replace(article, confident=False, messages=(*article.messages, _UNSTABLE))
    return article


#: `clean()` cleans its own output again until it no longer changes: context and position rules
#: see a different page once the noise around a block is gone. At most this many passes.
MAX_PASSES = 3
_UNSTABLE = f"The output still changed after {MAX_PASSES} passes; cleaning it again may remove more."


def _clean_once(text: str, cfg: Config, memo: Memo) -> tuple[Article, Text]:
    rules = cfg.ruleset()
    norm = normalize(text)
    seg = segment(norm, rules, memo)
    hits, messages = classify(seg.blocks, rules, seg.language, memo.verdicts)
    hits = _extra_hits(seg.blocks, hits, cfg)
    sm = smooth(seg.blocks, hits, rules)
    return assemble(norm, seg, sm, rules, cfg, messages), norm


def _fold(first: Article, again: Article, norm: Text) -> Article:
    """`again` (a pass over `first.text`) with its removals moved to the original input's offsets.

    Every removal of the later pass is text of the earlier output, which is text of the
    normalized input; it is found there in order, after the previous one.
    """
    moved: list[Removal] = []
    cursor = 0
    for r in again.removed:
        pos, size = _find(norm.text, r.text, cursor)
        if pos < 0:
            pos, size = _find(norm.text, r.text, 0)
        if pos < 0:
            continue
        cursor = pos + size
        start, end = norm.to_original(pos), norm.to_original(pos + size)
        moved.append(Removal(r.rule, r.name, r.kind, start, end, norm.original[start:end]))
    # a repair inside text that the later pass removed no longer applies
    repairs = tuple(p for p in first.repairs if not any(m.start <= p.start and p.end <= m.end for m in moved))
    return dataclasses.replace(
        again,
        date=first.date or again.date,
        removed=tuple(sorted((*first.removed, *moved), key=lambda r: (r.start, r.end))),
        repairs=repairs,
        confident=first.confident and again.confident,
        language=first.language,
        messages=(*first.messages, *again.messages),
    )


def _find(haystack: str, needle: str, cursor: int) -> tuple[int, int]:
    """Where `needle` (text of an earlier output) stands in `haystack` from `cursor`, and its
    length there: as it is, or with its spaces standing for the line breaks of a wrapped
    paragraph that the earlier pass joined (GLU007). (-1, 0) when it is not there."""
    pos = haystack.find(needle, cursor)
    if pos >= 0 or " " not in needle:
        return pos, len(needle)
    flexible = regex.compile(r"(?:[ \t]++\n?[ \t]*+|\n[ \t]*+)".join(map(regex.escape, needle.split(" "))))
    try:
        m = flexible.search(haystack, cursor, timeout=TIMEOUT)
    except TimeoutError:
        return -1, 0
    return (m.start(), m.end() - m.start()) if m is not None else (-1, 0)


#: Repeated lines this long with sentence punctuation are kept: quoted boilerplate of a press
#: release, for example, is still the article's text.
TEMPLATE_PROSE_WORDS = 25


def _is_prose(block: Block) -> bool:
    f = block.features
    return f.words >= TEMPLATE_PROSE_WORDS and f.sentence_marks >= 1 and f.ends_sentence


def _extra_hits(blocks: tuple[Block, ...], hits: tuple[Hit | None, ...], cfg: Config) -> tuple[Hit | None, ...]:
    patterns = cfg.compiled_patterns()
    templates = cfg.templates
    if not patterns and templates is None:
        return hits
    out = list(hits)
    for i, block in enumerate(blocks):
        current = out[i]
        if current is not None and current.strength == "strong":
            continue
        for kind, pattern in patterns:
            if pattern.fullmatch(block.text, timeout=TIMEOUT):
                out[i] = Hit(*_USER, kind, "strong")
                break
        else:
            if templates is not None and not _is_prose(block) and templates.is_template(block.text, cfg.site):
                out[i] = Hit(*_TEMPLATE, "site_template", "strong")
    return tuple(out)
