"""Stage 5: headline, dateline, body, date and the audit trail, built into an `Article`."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Final

from cleaner import dates
from cleaner import headline as headline_stage
from cleaner.config import Config
from cleaner.model import Article, Block, Removal, Repair, Status, Verdict
from cleaner.normalize import Text
from cleaner.patterns import DATELINE, HOME_PREFIX, SOURCE_DOMAIN, SPEAKER_LABEL, timeout_for
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
HEADLINE_MAX_WORDS: Final = 30
HEADLINE_MAX_CHARS: Final = 250
#: A fused breadcrumb's prefix ("HomeLocal Politics") is short.
BREADCRUMB_MAX_PREFIX: Final = 60
#: Site-name suffixes of a page title: "Headline | Site", "Headline - Site".
TITLE_SEPARATORS: Final = (" | ", " - ", " – ", " — ", " :: ", " · ")
SITE_SUFFIX_MAX_WORDS: Final = 6


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


def site_suffix_cut(blocks: tuple[Block, ...], head_i: int) -> str:
    """The headline line, less a site-name suffix (or a "(example.com)" source label) only where
    the page shows it as one.

    "Headline | Site" loses " | Site" only when another line of the page is "Headline" alone;
    otherwise the line is the page's own title and is kept verbatim.
    """
    text = blocks[head_i].text
    seps = [sep for sep in TITLE_SEPARATORS if sep in text]
    source = SOURCE_DOMAIN.search(text, timeout=timeout_for(text)) if text.endswith(")") else None
    if not seps and source is None:
        return text
    others = {
        headline_stage.norm(b.text) for b in blocks if b.index != head_i and b.features.chars <= HEADLINE_MAX_CHARS
    }
    if source is not None and headline_stage.norm(text[: source.start()]) in others:
        # a link aggregator's "Title (example.com)" where the page also shows "Title"
        return text[: source.start()]
    for sep in seps:
        head, _found, _tail = text.rpartition(sep)
        if head.strip() and headline_stage.norm(head) in others:
            return head.strip()
    return text


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
    choice = headline_stage.choose(blocks, verdicts, first_body, kept, config.title_hint)
    head_i = choice.index
    if head_i is None and not rules.enabled("CTX001") and len(kept) >= 2 and _title_like(blocks[first_body]):
        # without the main-content rule nothing is dropped above the body, so a title-like
        # first block followed by more body is the headline (HTML mode runs this way)
        head_i = first_body
    headline: str | None = None
    glue_cut = 0
    if head_i is not None:
        own = blocks[head_i].text
        if choice.index == head_i and choice.text and choice.text != own and own.endswith(choice.text):
            # a breadcrumb glued in front of the title ("HomeNewsTitle"): the stage scored the
            # title without it
            glue_cut = len(own) - len(choice.text)
            headline = headline_stage.unmarked(choice.text)
        elif choice.index == head_i and choice.text and choice.text != own and choice.text.endswith(own):
            # a kicker printed on a line of its own over the title, joined to it as the page's
            # heading prints them ("Kicker: Title")
            headline = choice.text
        else:
            headline = headline_stage.unmarked(site_suffix_cut(blocks, head_i))
        verdicts[head_i] = Verdict(head_i, "keep", "HEAD", "headline", "")
        verdicts = _above_headline(verdicts, kept, head_i, rules)
        verdicts = _drop_headline_copies(blocks, verdicts, head_i, headline, rules)
        kept = [v.index for v in verdicts if v.label == "keep" and v.code != "HEAD"]
        if not kept:
            return _not_an_article(text, seg, messages)

    verdicts, kept = _lead_before_dateline(blocks, verdicts, kept, rules)
    date, date_source = article_date(blocks, verdicts, head_i, kept[0])

    body = _paragraphs(text, blocks, kept)
    dateline = None
    cut = dateline_at(body[0])
    if cut and body[0][:cut].rstrip().endswith(":") and _transcript(body):
        cut = 0
    if cut:
        m = DATELINE.match(body[0], timeout=timeout_for(body[0]))
        dateline = m.group("dl") if m is not None else None
        body[0] = body[0][cut:]

    removed = tuple(_removal(text, blocks[v.index], v) for v in verdicts if v.label == "drop")
    if glue_cut and head_i is not None:
        b = blocks[head_i]
        brc = by_code("BRC002")
        start, end = text.to_original(b.start), text.to_original(b.start + glue_cut)
        removed = tuple(
            sorted(
                (*removed, Removal(brc.code, brc.name, brc.kind, start, end, text.original[start:end])),
                key=lambda r: r.start,
            )
        )
    if head_i is not None and headline is not None and headline != blocks[head_i].text[glue_cut:]:
        b = blocks[head_i]
        cut = b.start + glue_cut + len(headline)
        tail = b.text[glue_cut + len(headline) :]
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
        headline_why=choice.why,
        date_source=date_source,
    )


#: The article's date is looked for between the headline and the body, and in lines this close
#: above the headline (or, without a headline, above the body).
DATE_NEAR_HEADLINE: Final = 6
#: A line that dates the article is short (a date, "Published …", a byline with a date).
DATE_LINE_MAX_WORDS: Final = 40


def article_date(
    blocks: tuple[Block, ...], verdicts: list[Verdict], head_i: int | None, first_body: int
) -> tuple[str | None, str | None]:
    """The article's date (ISO) and where it comes from: "article" or "page".

    "article": the first date of a short line by the headline or byline, between the headline
    and the body (a "Published …" date before an "Updated …" one). "page": the page header's
    date line (DAT001, a "today" line), used only when nothing else dates the article.
    """
    anchor = head_i if head_i is not None and head_i < first_body else first_body
    lo = max(0, anchor - DATE_NEAR_HEADLINE)
    hi = first_body
    updated: str | None = None
    for i in range(lo, hi):
        b = blocks[i]
        if i == head_i or verdicts[i].label == "keep" or b.features.words > DATE_LINE_MAX_WORDS:
            continue
        if i < anchor and verdicts[i].code == "DAT001":
            continue  # a date alone above the headline is the page header's "today" line
        found = dates.find(b.text)
        if found is None:
            continue
        iso, is_update = found
        if not is_update:
            return iso, "article"
        updated = updated or iso
    if updated:
        return updated, "article"
    for v in verdicts[:first_body]:
        if v.code == "DAT001":
            page = dates.to_iso(blocks[v.index].text)
            if page:
                return page, "page"
    return None, None


#: A wire dateline is looked for in this many kept blocks from the top of the body.
DATELINE_LOOKAHEAD: Final = 6
#: At most this many words of short lines above a dateline paragraph are dropped (a caption or
#: two, a teaser); more than that is kept as body.
LEAD_MAX_WORDS: Final = 200
#: A paragraph opening with a dateline is a real paragraph: this many characters after it.
DATELINE_MIN_REST: Final = 20


def dateline_at(text: str) -> int:
    """End of the wire dateline (and its separator) that opens `text`, or 0 when there is none."""
    m = DATELINE.match(text, timeout=timeout_for(text))
    if m is None or len(text) <= m.end() + DATELINE_MIN_REST:
        return 0
    return m.end()


#: A transcript: at least this many of the body's first `TRANSCRIPT_LOOK` paragraphs open with a
#: speaker label in capitals ("ANA RUIZ, HOST:"); its first colon opener is a speaker, not a place.
TRANSCRIPT_MIN_LABELS: Final = 3
TRANSCRIPT_LOOK: Final = 30


def _transcript(paragraphs: Iterable[str]) -> bool:
    """Several of the first paragraphs open with a speaker label: an interview or a broadcast
    transcript, where "NAME:" names who speaks."""
    n = 0
    for k, p in enumerate(paragraphs):
        if k >= TRANSCRIPT_LOOK:
            break
        if SPEAKER_LABEL.match(p[:80]) is not None:
            n += 1
            if n >= TRANSCRIPT_MIN_LABELS:
                return True
    return False


def _lead_before_dateline(
    blocks: tuple[Block, ...], verdicts: list[Verdict], kept: list[int], rules: RuleSet
) -> tuple[list[Verdict], list[int]]:
    """Drop the few short blocks kept above the paragraph that opens with a wire dateline."""
    body = [i for i in kept if verdicts[i].code != "HEAD"]
    if not rules.enabled("DLN001") or not body or dateline_at(blocks[body[0]].text):
        return verdicts, kept
    if _transcript(blocks[i].text for i in body):
        return verdicts, kept
    words = 0
    for k, i in enumerate(body[:DATELINE_LOOKAHEAD]):
        if k and not blocks[i].piece and dateline_at(blocks[i].text):
            if words > LEAD_MAX_WORDS:
                break
            dln = by_code("DLN001")
            out = list(verdicts)
            for j in body[:k]:
                out[j] = Verdict(j, "drop", dln.code, dln.name, dln.kind)
            drop = set(body[:k])
            return out, [j for j in kept if j not in drop]
        words += blocks[i].features.words
    return verdicts, kept


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


def _above_headline(verdicts: list[Verdict], kept: list[int], head_i: int, rules: RuleSet) -> list[Verdict]:
    """Drop the blocks the main run kept above a headline found further into the body, under
    the first `headline.BODY_CANDIDATES` blocks (a title with its byline under it: a claim box,
    an advert, a forum's notice that the run took in before the title): they stand outside the
    article, and the article's text keeps the input's order (headline first)."""
    above = [j for j in kept if j < head_i]
    if len(above) < headline_stage.BODY_CANDIDATES or not rules.enabled("CTX001"):
        return verdicts
    ctx = by_code("CTX001")
    out = list(verdicts)
    for j in above:
        out[j] = Verdict(j, "drop", ctx.code, ctx.name, ctx.kind)
    return out


def _drop_headline_copies(
    blocks: tuple[Block, ...], verdicts: list[Verdict], head_i: int, headline: str, rules: RuleSet
) -> list[Verdict]:
    hdl, brc = by_code("HDL001"), by_code("BRC002")
    out = list(verdicts)
    in_body = False
    for i, b in enumerate(blocks):
        if i == head_i or b.piece:
            continue
        t = b.text
        if headline not in t:  # neither a copy nor a breadcrumb-glued copy: the cheap test first
            in_body = in_body or verdicts[i].label == "keep"
            continue
        is_copy = t == headline or _strip_site_suffix(t) == headline
        if verdicts[i].label == "keep" and not is_copy:
            in_body = True
        if is_copy and in_body and verdicts[i].label == "keep":
            continue  # the title quoted inside the story (a teaser box of the article itself)
        if rules.enabled(hdl.code) and is_copy:
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
