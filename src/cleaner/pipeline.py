"""`clean()`: normalize → segment → classify → smooth → assemble. Nothing else lives here."""

from __future__ import annotations

from cleaner.assemble import assemble
from cleaner.config import DEFAULT, Config
from cleaner.model import Article, Block, Hit
from cleaner.normalize import normalize
from cleaner.patterns import TIMEOUT
from cleaner.segment import segment
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
    rules = cfg.ruleset()
    norm = normalize(text)
    seg = segment(norm, rules)
    hits, messages = classify(seg.blocks, rules, seg.language)
    hits = _extra_hits(seg.blocks, hits, cfg)
    sm = smooth(seg.blocks, hits, rules)
    return assemble(norm, seg, sm, rules, cfg, messages)


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
