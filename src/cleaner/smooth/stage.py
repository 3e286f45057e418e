"""Stage 4: settle every block to keep or drop from the line rules' hits and the page's shape."""

from __future__ import annotations

from dataclasses import dataclass

from cleaner.model import Block, Hit, Verdict, new_verdict
from cleaner.registry import RuleInfo, RuleSet
from cleaner.rules import by_code
from cleaner.smooth.comments import comment_thread_start
from cleaner.smooth.consent import consent_dialogs
from cleaner.smooth.deflists import take_definition_lists
from cleaner.smooth.duplicates import drop_repeated_labels, drop_repeated_runs
from cleaner.smooth.forms import account_form_start
from cleaner.smooth.galleries import gallery_slides
from cleaner.smooth.lists import ENUM_ATTACH_GAP, HEADING_CODES, enumerations, tables, widget_lists
from cleaner.smooth.offers import drop_offer_lists
from cleaner.smooth.quotes import drop_quoted_copies
from cleaner.smooth.runs import content_runs, extend_announced
from cleaner.smooth.scoring import (
    CSS_PENALTY,
    HEADING_PENALTY,
    LEAD_IN_SCORE,
    NEAR_WEIGHT,
    SHORT_PENALTY,
    TRANSPARENT_KINDS,
    ProseClass,
    best_run,
    block_class,
    cap_breaks,
    damp_isolated,
    fallback_scale,
    lead_in,
    score,
)
from cleaner.smooth.tails import (
    COLON_LIST_MAX_ITEMS,
    bridge_gallery,
    bridge_gaps,
    extend_closed_tail,
    extend_colon_list,
)
from cleaner.smooth.teasers import teaser_feeds, teaser_runs
from cleaner.smooth.threads import open_thread, thread_around


@dataclass(frozen=True, slots=True)
class Smoothed:
    verdicts: tuple[Verdict, ...]
    region: tuple[int, int] | None


def smooth(blocks: tuple[Block, ...], hits_in: tuple[Hit | None, ...], rules: RuleSet) -> Smoothed:
    """Settle every block to keep or drop (pure; linear in the number of blocks)."""
    hits = list(hits_in)
    consent_dialogs(blocks, hits, rules)
    teaser_runs(blocks, hits, rules)
    teaser_feeds(blocks, hits, rules)
    gallery_slides(blocks, hits, rules)
    widget_lists(blocks, hits, rules)
    fallback = fallback_scale(blocks, hits)
    classes: list[ProseClass] = []
    # a block's class is a function of its text (its features are too, on one page): repeated
    # lines are classed once
    known: dict[str, ProseClass] = {}
    for block, hit in zip(blocks, hits, strict=False):
        if hit is not None:
            classes.append("noise" if hit.strength == "strong" else "weak")
        else:
            cls = known.get(block.text)
            if cls is None:
                cls = known[block.text] = block_class(block, fallback)
            classes.append(cls)
    see_through = [
        c == "noise" and h is not None and h.kind in TRANSPARENT_KINDS for c, h in zip(classes, hits, strict=True)
    ]
    cut = comment_thread_start(blocks, classes, hits) if rules.enabled("CTX004") else len(blocks)
    listed = [False] * len(blocks)
    runs = content_runs(blocks, classes, hits, cut)
    for run in runs:
        for i in range(run.start, run.end):
            if classes[i] == "noise":  # code taken for a leaked script, a date cell for the page date
                classes[i], hits[i], see_through[i] = "short", None, False
            listed[i] = True
    scores = [score(c, b.features) for c, b in zip(classes[:cut], blocks[:cut], strict=True)]
    if fallback is None:
        for i, c in enumerate(classes[:cut]):
            if c in ("short", "bad") and hits[i] is None and blocks[i].text.endswith(":") and lead_in(blocks[i]):
                scores[i] = LEAD_IN_SCORE
    for i, h in enumerate(hits[:cut]):
        if h is not None and h.code in HEADING_CODES:
            scores[i] -= HEADING_PENALTY
        elif h is not None and h.kind == "css" and classes[i] == "noise":
            # a style sheet is charged once, not line by line
            before = hits[i - 1] if i > 0 else None
            css_before = before is not None and before.kind == "css" and classes[i - 1] == "noise"
            scores[i] = 0.0 if css_before else -CSS_PENALTY
    for run in runs:
        for i in range(run.start, run.end):
            scores[i] = 0.0
        scores[run.start] = -SHORT_PENALTY
    damp_isolated(scores, classes, blocks, see_through, listed)
    spans = enumerations(blocks, hits) + tables(blocks, hits)
    for a, b in spans:
        for i in range(a, b):
            if classes[i] != "noise":
                listed[i] = True
                if i < cut:
                    scores[i] = blocks[i].features.chars * NEAR_WEIGHT
    take_definition_lists(blocks, hits, classes, scores, listed, see_through, cut)
    firm = [h is not None and (h.code in HEADING_CODES or classes[i] == "noise") for i, h in enumerate(hits[:cut])]
    cap_breaks(scores, firm)
    region = best_run(scores)
    thread, beside = thread_around(blocks, hits, classes, *region, cut) if region else (None, None)
    if thread is not None:
        open_thread(thread, blocks, hits, classes, scores, listed)
        region = best_run(scores)
    elif beside is not None and region is not None:
        # records beside the main run that, scored as one stretch, join it are the article's own
        opened, opened_listed = list(scores), list(listed)
        open_thread(beside, blocks, hits, classes, opened, opened_listed)
        joined = best_run(opened)
        if joined is not None and joined[0] <= region[0] and region[1] <= joined[1] and joined != region:
            scores, listed, region = opened, opened_listed, joined
    lo, hi = region if region else (0, 0)
    hi = bridge_gaps(blocks, classes, lo, hi, cut)
    hi = bridge_gallery(blocks, classes, hits, lo, hi, cut)
    run_end = hi
    hi = extend_colon_list(blocks, classes, lo, hi, cut)
    hi = extend_announced(blocks, runs, classes, lo, hi, cut, COLON_LIST_MAX_ITEMS)
    for a, b in spans:
        if hi > lo and lo <= a <= hi + ENUM_ATTACH_GAP and hi < b <= cut:
            hi = b
    hi = extend_closed_tail(blocks, classes, hits, lo, hi, cut)
    form = account_form_start(blocks, hits, classes, lo, hi) if rules.enabled("CTX006") else hi

    # nearest confident neighbour on each side, inside the region (two linear sweeps); markers
    # dropped in the middle of running text (adverts, captions, credits) are looked through
    confident = ("good", "near", "noise")
    left: list[str] = ["edge"] * len(blocks)
    right: list[str] = ["edge"] * len(blocks)
    last = "edge"
    for i in range(lo, hi):
        left[i] = last
        if classes[i] in confident and not see_through[i]:
            last = classes[i]
    last = "edge"
    for i in range(hi - 1, lo - 1, -1):
        right[i] = last
        if classes[i] in confident and not see_through[i]:
            last = classes[i]

    ctx4: RuleInfo = by_code("CTX004")
    ctx1: RuleInfo = by_code("CTX001")
    ctx2: RuleInfo = by_code("CTX002")
    ctx6: RuleInfo = by_code("CTX006")
    ctx1_on, ctx2_on = rules.enabled(ctx1.code), rules.enabled(ctx2.code)
    verdicts: list[Verdict] = []
    for i, (cls, hit) in enumerate(zip(classes, hits, strict=False)):
        if hit is not None and cls == "noise":
            verdicts.append(new_verdict(i, "drop", hit.code, hit.name, hit.kind))
        elif i >= cut:
            verdicts.append(new_verdict(i, "drop", ctx4.code, ctx4.name, hit.kind if hit else ctx4.kind))
        elif form <= i < hi:
            verdicts.append(new_verdict(i, "drop", ctx6.code, ctx6.name, hit.kind if hit else ctx6.kind))
        elif not lo <= i < hi:
            if ctx1_on:
                verdicts.append(new_verdict(i, "drop", ctx1.code, ctx1.name, hit.kind if hit else ctx1.kind))
            else:
                verdicts.append(new_verdict(i, "keep", "", "", ""))
        elif cls in ("good", "near") or run_end <= i < hi or listed[i]:
            verdicts.append(new_verdict(i, "keep", "", "", ""))
        else:
            body_both = left[i] in ("good", "near") and right[i] in ("good", "near")
            if body_both:
                verdicts.append(new_verdict(i, "keep", "", "", ""))
            elif hit is not None:
                verdicts.append(new_verdict(i, "drop", hit.code, hit.name, hit.kind))
            elif ctx2_on:
                verdicts.append(new_verdict(i, "drop", ctx2.code, ctx2.name, ctx2.kind))
            else:
                verdicts.append(new_verdict(i, "keep", "", "", ""))
    if thread is not None and rules.enabled("DUP002"):
        drop_quoted_copies(blocks, verdicts, lo, hi)
    if rules.enabled("DUP001"):
        drop_repeated_runs(blocks, verdicts)
    if rules.enabled("DUP003"):
        drop_repeated_labels(blocks, verdicts)
    if rules.enabled("PAY002"):
        drop_offer_lists(blocks, verdicts)
    return Smoothed(tuple(verdicts), region)
