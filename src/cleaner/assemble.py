"""Stage 5: headline, dateline, body, date and the audit trail, built into an `Article`."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Final

from cleaner import dates
from cleaner.config import Config
from cleaner.model import Article, Block, Removal, Repair, Status, Verdict
from cleaner.normalize import Text
from cleaner.patterns import DATELINE, HOME_PREFIX, timeout_for
from cleaner.registry import RuleSet
from cleaner.rules import by_code
from cleaner.segment import WRAP_CODE, Segmented
from cleaner.smooth import Smoothed

#: The result is `confident` only with this much body, at least one full sentence of this many
#: words, and no rule skipped; otherwise the CLI leaves the file as it is and says so.
CONFIDENT_MIN_WORDS: Final = 40
CONFIDENT_SENTENCE_WORDS: Final = 12
#: Removing this share of the input while keeping a short body is the signature of a wrong main
#: run (measured on the dev benchmark 2026-11-23: flags 10% of pages, among them all 4 whose
#: main run was the wrong one).
UNSURE_REMOVED_SHARE: Final = 0.8
UNSURE_BODY_WORDS: Final = 300
#: How far above the first body block a headline is looked for (blocks).
HEADLINE_WINDOW: Final = 12
HEADLINE_MAX_WORDS: Final = 30
HEADLINE_MAX_CHARS: Final = 250
#: A fused breadcrumb's prefix ("HomeLocal Politics") is short.
BREADCRUMB_MAX_PREFIX: Final = 60
#: Site-name suffixes of a page title: "Headline | Site", "Headline - Site".
TITLE_SEPARATORS: Final = (" | ", " - ", " – ", " — ", " :: ", " · ")
SITE_SUFFIX_MAX_WORDS: Final = 6
#: Hits that do not stop a block from being the headline: it was only outside the body.
_HEADLINE_OK_CODES: Final = frozenset({"", "CTX001", "CTX002", "NAV002"})


def _title_like(block: Block) -> bool:
    f = block.features
    text = block.text
    if not 2 <= f.words <= HEADLINE_MAX_WORDS or f.chars > HEADLINE_MAX_CHARS or block.piece:
        return False
    if text.endswith((".", ":", ",", ";")) and not text.endswith("..."):
        return False
    return any(c.isupper() for c in text[:3]) and f.digit_ratio < 0.3 and not f.bullet


def _strip_site_suffix(text: str) -> str:
    for sep in TITLE_SEPARATORS:
        head, found, tail = text.rpartition(sep)
        if found and head and len(tail.split()) <= SITE_SUFFIX_MAX_WORDS and len(head.split()) >= 3:
            return head.strip()
    return text


def choose_headline(blocks: tuple[Block, ...], verdicts: tuple[Verdict, ...], first_body: int) -> int | None:
    """Index of the headline block: a title-like line above the body, preferring one the page repeats."""
    lo = max(0, first_body - HEADLINE_WINDOW)
    candidates = [
        i
        for i in range(first_body - 1, lo - 1, -1)
        if verdicts[i].code in _HEADLINE_OK_CODES and _title_like(blocks[i])
    ]
    if not candidates:
        return None
    texts = [b.text for b in blocks[max(0, lo - HEADLINE_WINDOW) : first_body]]
    for i in candidates:
        t = blocks[i].text
        if sum(1 for x in texts if x != t and x.endswith(t) and len(x) - len(t) <= BREADCRUMB_MAX_PREFIX) >= 1:
            return i
    return candidates[0]


def assemble(
    text: Text, seg: Segmented, sm: Smoothed, rules: RuleSet, config: Config, messages: tuple[str, ...] = ()
) -> Article:
    blocks = seg.blocks
    verdicts = list(sm.verdicts)
    kept = [v.index for v in verdicts if v.label == "keep"]
    body_words = sum(blocks[i].features.words for i in kept)
    if not kept or body_words < config.min_body_words:
        return _not_an_article(text, seg, messages)

    first_body = kept[0]
    head_i = choose_headline(blocks, tuple(verdicts), first_body)
    if head_i is None and not rules.enabled("CTX001") and len(kept) >= 2 and _title_like(blocks[first_body]):
        # without the main-content rule nothing is dropped above the body, so a title-like
        # first block followed by more body is the headline (HTML mode runs this way)
        head_i = first_body
    headline: str | None = None
    if head_i is not None:
        headline = _strip_site_suffix(blocks[head_i].text)
        verdicts[head_i] = Verdict(head_i, "keep", "HEAD", "headline", "")
        verdicts = _drop_headline_copies(blocks, verdicts, head_i, headline, rules)
        kept = [v.index for v in verdicts if v.label == "keep" and v.code != "HEAD"]
        if not kept:
            return _not_an_article(text, seg, messages)

    date = None
    for v in verdicts[: kept[0]]:
        if v.code == "DAT001":
            date = dates.to_iso(blocks[v.index].text)
            if date:
                break

    body = _paragraphs(text, blocks, kept)
    dateline = None
    m = DATELINE.match(body[0], timeout=timeout_for(body[0]))
    if m is not None and len(body[0]) > m.end() + 20:
        dateline = m.group("dl")
        body[0] = body[0][m.end() :]

    removed = tuple(_removal(text, blocks[v.index], v) for v in verdicts if v.label == "drop")
    if head_i is not None and headline is not None and headline != blocks[head_i].text:
        b = blocks[head_i]
        cut = b.start + len(headline)
        tail = b.text[len(headline) :]
        start, end = text.to_original(cut + len(tail) - len(tail.lstrip())), text.to_original(b.end)
        hdl = by_code("HDL001")
        removed = tuple(
            sorted(
                (*removed, Removal(hdl.code, hdl.name, hdl.kind, start, end, text.original[start:end])),
                key=lambda r: r.start,
            )
        )
    repairs = _repairs(text, seg, set(kept))
    status: Status = "cleaned" if removed or repairs else "unchanged"
    words = sum(len(p.split()) for p in body)
    removed_share = _nonspace(r.text for r in removed) / max(1, _nonspace((text.original,)))
    confident = (
        words >= CONFIDENT_MIN_WORDS
        and any(blocks[i].features.ends_sentence and blocks[i].features.words >= CONFIDENT_SENTENCE_WORDS for i in kept)
        and not (removed_share >= UNSURE_REMOVED_SHARE and words < UNSURE_BODY_WORDS)
        and not messages
    )
    if not confident and not messages:
        messages = (
            f"Little clear article text was found ({words} words of body, {removed_share:.0%} of the "
            "input removed); check the result.",
        )
    return Article(
        headline=headline,
        dateline=dateline,
        body=tuple(body),
        date=date,
        removed=removed,
        repairs=repairs,
        status=status,
        confident=confident,
        language=seg.language,
        messages=messages,
    )


def _paragraphs(text: Text, blocks: tuple[Block, ...], kept: list[int]) -> list[str]:
    """Kept blocks as paragraphs; soft-cut neighbours of one line are joined with what stood between."""
    out: list[list[str]] = []
    prev = -2
    for i in kept:
        b = blocks[i]
        if b.joined and prev == i - 1 and out:
            out[-1] += (text.text[blocks[prev].end : b.start], b.text)
        else:
            out.append([b.text])
        prev = i
    return ["".join(parts) for parts in out]


def _nonspace(texts: Iterable[str]) -> int:
    return sum(len(t) - t.count(" ") - t.count("\n") - t.count("\t") for t in texts)


def _drop_headline_copies(
    blocks: tuple[Block, ...], verdicts: list[Verdict], head_i: int, headline: str, rules: RuleSet
) -> list[Verdict]:
    hdl, brc = by_code("HDL001"), by_code("BRC002")
    out = list(verdicts)
    for i, b in enumerate(blocks):
        if i == head_i or b.piece:
            continue
        t = b.text
        if rules.enabled(hdl.code) and (t == headline or _strip_site_suffix(t) == headline):
            out[i] = Verdict(i, "drop", hdl.code, hdl.name, hdl.kind)
        elif (
            rules.enabled(brc.code)
            and t.endswith(headline)
            and 0 < len(t) - len(headline) <= BREADCRUMB_MAX_PREFIX
            and (HOME_PREFIX.match(t) is not None or verdicts[i].label == "drop")
        ):
            out[i] = Verdict(i, "drop", brc.code, brc.name, brc.kind)
    return out


def _removal(text: Text, block: Block, v: Verdict) -> Removal:
    start, end = text.to_original(block.start), text.to_original(block.end)
    return Removal(v.code, v.name, v.kind, start, end, text.original[start:end])


def _repairs(text: Text, seg: Segmented, kept: set[int]) -> tuple[Repair, ...]:
    """A cut between two kept pieces of one line is a paragraph break inserted into the body."""
    starts = [b.start for b in seg.blocks]
    out: list[Repair] = []
    for cut in seg.cuts:
        # the piece after the cut starts at the cut or just after the spaces there
        after = bisect.bisect_left(starts, cut.pos)
        if after >= len(starts) or starts[after] > cut.pos + 3 or after == 0:
            continue
        before = after - 1
        if before in kept and after in kept and seg.blocks[before].line == seg.blocks[after].line:
            s = text.to_original(seg.blocks[before].end)
            e = text.to_original(seg.blocks[after].start)
            out.append(Repair(cut.code, by_code(cut.code).name, s, e, text.original[s:e], "\n\n"))
    if seg.joins:
        # a line break joined inside a kept wrapped paragraph (GLU007) became a space
        glu = by_code(WRAP_CODE)
        out.extend(
            Repair(glu.code, glu.name, j.start, j.end, text.original[j.start : j.end], " ")
            for j in seg.joins
            if j.block in kept
        )
        out.sort(key=lambda r: r.start)
    return tuple(out)


def _not_an_article(text: Text, seg: Segmented, messages: tuple[str, ...]) -> Article:
    paragraphs = tuple(line.strip() for line in text.text.split("\n") if line.strip())
    return Article(
        headline=None,
        dateline=None,
        body=paragraphs,
        status="not_an_article",
        confident=False,
        language=seg.language,
        messages=(*messages, "Too little article text was found; the input is left as it is."),
    )
