"""CAP, CRD, SRC, BIO, BYL: captions, credits, source links, author bios and bylines."""

from __future__ import annotations

from cleaner.model import Block
from cleaner.patterns import (
    AGENCY_LINE,
    AGENCY_SPLIT,
    BIO_FIRST_PERSON,
    BIO_HEADING,
    BIO_INTRO,
    BIO_THIRD_PERSON,
    BYLINE,
    BYLINE_RANGE,
    CAPTION_TOGGLE,
    COLLAPSED_TEXT,
    CONTRIBUTED,
    CREDIT_PAREN,
    PHOTO_CREDIT,
    SOURCE_CREDIT,
    SOURCE_LINK,
    timeout_for,
)
from cleaner.prefilter import ASCII_CASE_SPECIALS, words_key
from cleaner.registry import DocView, rule

#: Captions are one or two sentences; calibrated on the seeds and dev benchmark 2026-11-23.
CAPTION_MAX_WORDS = 90
BIO_MAX_WORDS = 200
#: Well-known wire agencies that credit a story or photo with their name alone.
_AGENCIES = frozenset("REUTERS AFP AP DPA EFE ANSA TASS XINHUA BLOOMBERG UPI IANS PTI ANI AAP KYODO YONHAP EPA".split())
#: Words of a stock-photo credit line ("Getty Images", "AP Photo", "iStockphoto").
_PHOTO_WORDS = frozenset(
    "getty images image photo photos foto file pool handout shutterstock istock istockphoto alamy "
    "corbis wireimage filmmagic via courtesy".split()
)


@rule(
    code="CAP001",
    key_search=(CREDIT_PAREN,),
    max_words=CAPTION_MAX_WORDS,
    name="photo-caption",
    kind="caption",
    noise=[
        "The minister arrives for talks in Brussels, Belgium, on May 2, 2023. (John Smith/AFP via Getty Images)",
        "Firefighters battle the blaze on Tuesday. (Photo: AP)",
        "Delegates attend the opening session in Geneva. (Jane Doe/Reuters)",
        "Fans wait outside the stadium before the final on Sunday. (Photo: Jane Doe/Daily Courier) less",
    ],
    keep=[
        "The law was passed in 2019 (and/or amended later), the court said.",
        "Sales rose 5% in the quarter (year on year).",
    ],
)
def photo_caption(block: Block, doc: DocView) -> bool:
    """A photo caption: a sentence that ends with a photo credit in parentheses.

    ## What it removes
    "Leaders attend a reception in the capital on April 25, 2019. (Name/Agency via Getty Images)",
    also when the caption was glued into a paragraph (it is split off first), and when the
    credit is followed by the "less" link of a caption that can be collapsed (CAP002 takes its
    collapsed copy).

    ## Why is it noise?
    The caption describes an image the text dump no longer shows.

    ## Limitations
    The parenthesis must look like a credit: a slash between capitalised names, "via", a credit
    word or an agency name.
    """
    text = block.text
    toggle = CAPTION_TOGGLE.search(text, timeout=timeout_for(text))
    if toggle is not None:  # an expanded caption's "less" link after its credit
        text = text[: toggle.start()]
    if block.features.words > CAPTION_MAX_WORDS or not text.rstrip(". ").endswith(")"):
        return False
    return CREDIT_PAREN.search(text, timeout=timeout_for(text)) is not None


@rule(
    code="CAP002",
    key_search=(COLLAPSED_TEXT,),
    max_words=CAPTION_MAX_WORDS,
    name="collapsed-caption",
    kind="caption",
    noise=[
        "Two volunteers carry sandbags along the river bank on Friday morning. The town ... more",
        "A crowd waits outside the old theatre before the doors open, as the … Show more",
    ],
    keep=[
        "The band played for an hour ... and more.",
        "Prices rose again in May, and then some more.",
        "He wanted more... more.",
    ],
)
def collapsed_caption(block: Block, doc: DocView) -> bool:
    """A caption shown collapsed: cut off mid-sentence with an ellipsis and its "more" toggle.

    ## What it removes
    "Two volunteers carry sandbags along the river bank on Friday morning. The town ... more":
    the short form of an expandable caption, which the dump holds next to the full caption (and
    that one ends with its "less" toggle after the credit, which CAP001 takes).

    ## Why is it noise?
    A copy of a caption cut short for display, with the label of the button that expands it.

    ## Limitations
    Only an ellipsis right after a word and followed by "more" or "Show more" at the very end
    of the line counts ("... and more." is prose). A teaser's summary cut off the same way is
    taken too; it is page furniture as well.
    """
    text = block.text
    return COLLAPSED_TEXT.search(text, timeout=timeout_for(text)) is not None


@rule(
    code="CRD001",
    gate=PHOTO_CREDIT,
    max_words=10,
    name="photo-credit-line",
    kind="credit",
    noise=[
        "Cover photo: REUTERS",
        "Photo: AFP",
        "Image credit: Getty Images",
        "Main image: Jane Doe/Agency",
        "Image copyright Jane Doe",
    ],
    keep=["Picture this: a city without cars.", "Photo: the minister, smiling, shook hands with everyone in the room."],
)
def photo_credit(block: Block, doc: DocView) -> bool:
    """A photo or image credit line.

    ## What it removes
    "Cover photo: REUTERS", "Photo: AFP", "Image credit: Getty Images".

    ## Why is it noise?
    It credits an image that is not in the text.
    """
    return block.features.words <= 10 and PHOTO_CREDIT.match(block.text, timeout=timeout_for(block.text)) is not None


@rule(
    code="CRD002",
    # a token that names an agency or a photo word (`str.upper()`/`lower()` may also make one
    # of a few non-ASCII letters), or an agency line
    key=words_key(sorted({*(a.lower() for a in _AGENCIES), *_PHOTO_WORDS})) + "|[" + ASCII_CASE_SPECIALS + "]",
    key_match=(AGENCY_LINE,),
    max_words=6,
    name="agency-credit",
    kind="credit",
    noise=["REUTERS, AFP", "AFP", "Reuters/AP", "(AFP)", "Getty Images", "AP Photo"],
    keep=["NISSAN SENTRA", "NATO", "UNESCO"],
)
def agency_credit(block: Block, doc: DocView) -> bool:
    """Wire-agency credits on their own, such as a trailing "REUTERS, AFP".

    ## What it removes
    A short line (or the tail of a paragraph, split off first) naming only news agencies.

    ## Why is it noise?
    It credits the sources of the story; it is not the story.

    ## Limitations
    A single capitalised word is removed only when it is a well-known agency, so section titles
    and acronyms on their own line are kept.
    """
    text = block.text.strip()
    if block.features.words > 6:
        return False
    tokens = [t for t in AGENCY_SPLIT.split(text) if t and t.lower() != "and"]
    if tokens and all(t.upper() in _AGENCIES for t in tokens):
        return True
    low = [t.lower() for t in tokens]
    if tokens and any(t in _PHOTO_WORDS for t in low) and all(t in _PHOTO_WORDS or t.upper() in _AGENCIES for t in low):
        return True
    return len(tokens) >= 2 and AGENCY_LINE.match(text, timeout=timeout_for(text)) is not None and block.piece > 0


@rule(
    code="CRD003",
    gate=SOURCE_CREDIT,
    max_words=8,
    name="source-credit",
    kind="credit",
    noise=["Source: with agencies", "Sources: AFP, Reuters", "Quelle: dpa"],
    keep=["Source: a senior official told reporters on Monday that the talks had stalled again."],
)
def source_credit(block: Block, doc: DocView) -> bool:
    """A short "Source: …" credit line.

    ## What it removes
    "Source: with agencies", "Sources: AFP, Reuters" under a story.

    ## Why is it noise?
    An attribution of the whole story, not part of it.

    ## Limitations
    Only short lines; a real paragraph that starts with "Source:" is kept.
    """
    return block.features.words <= 8 and SOURCE_CREDIT.match(block.text, timeout=timeout_for(block.text)) is not None


@rule(
    code="CRD004",
    key_match=(CONTRIBUTED,),
    max_words=30,
    name="contributed-to-report",
    kind="credit",
    noise=[
        "The Associated Press contributed to this report.",
        "Additional reporting by Jane Doe in Paris",
        "The Associated Press contributed to this story.",
    ],
    keep=["Reuters contributed to the investigation by publishing leaked documents in 2019 and 2020."],
)
def contributed(block: Block, doc: DocView) -> bool:
    """A reporting credit: "X contributed to this report.", "Additional reporting by X".

    ## What it removes
    The closing credit line that names contributing reporters or agencies.

    ## Why is it noise?
    It credits the reporting, it is not part of the article's text.
    """
    if block.features.words > 30:
        return False
    low = block.text.lower()
    if "contributed" not in low and " by " not in low and "agencies" not in low and "wires" not in low:
        return False
    return CONTRIBUTED.match(block.text, timeout=timeout_for(block.text)) is not None


@rule(
    code="SRC001",
    gate=SOURCE_LINK,
    max_words=6,
    name="source-link",
    kind="source_link",
    noise=["Source link", "Read the full article", "View original article", "Source"],
    keep=["Source of the leak remains unknown.", "Original plans were scrapped."],
)
def source_link(block: Block, doc: DocView) -> bool:
    """The label of a link to the original story.

    ## What it removes
    "Source link", "Read the full article", "View original article" — aggregator sites put them
    under copied stories.

    ## Why is it noise?
    It is a link label, not text of the article.
    """
    return block.features.words <= 6 and SOURCE_LINK.match(block.text, timeout=timeout_for(block.text)) is not None


@rule(
    code="BIO001",
    key_match=(BIO_FIRST_PERSON,),
    max_words=BIO_MAX_WORDS,
    name="first-person-bio",
    kind="author_bio",
    noise=[
        "I'm Jane, the author behind the Daily Planet blog. My aim is to give you honest news.",
        "Hi, I am Sam Lee, a freelance writer who covers science and technology.",
    ],
    keep=[
        "I'm not the author of this proposal, the senator said.",
        "I am told the writer of the letter has left the country, the officer said.",
    ],
)
def first_person_bio(block: Block, doc: DocView) -> bool:
    """An author's first-person self-description ("I'm X, the author behind …").

    ## What it removes
    Bio boxes written in the first person in which the site's author introduces themselves.

    ## Why is it noise?
    It is about the site's author, repeated under every story.

    ## Limitations
    A name must follow "I'm"/"I am" and a writer word must come soon after, so quotes such as
    "I'm not the author of this proposal" are kept.
    """
    text = block.text
    if text[:1] not in "IiHh" or block.features.words > BIO_MAX_WORDS:
        return False
    if BIO_FIRST_PERSON.match(text, timeout=timeout_for(text)) is None:
        return False
    after = BIO_INTRO.sub("", text, count=1)
    return after[:1].isupper()


@rule(
    code="BIO002",
    key_match=(BIO_THIRD_PERSON, BIO_HEADING),
    max_words=BIO_MAX_WORDS,
    name="third-person-bio",
    kind="author_bio",
    noise=[
        "Jane Doe is a senior reporter covering energy and climate. She previously worked in Lagos.",
        "About the author: Sam Lee is a freelance writer based in Berlin.",
    ],
    keep=["Officials said the program was a success and would be extended to five more cities next year."],
)
def third_person_bio(block: Block, doc: DocView) -> bool:
    """An author bio in the third person near the end of the page ("X is a reporter covering …").

    ## What it removes
    Short bio paragraphs after the article: "Jane Doe is a senior reporter covering energy."

    ## Why is it noise?
    It describes the writer, not the news.

    ## Limitations
    Only in the second half of the page and only when the block starts with the name, so a
    profile sentence inside a story's opening paragraphs is kept.
    """
    if block.features.words > BIO_MAX_WORDS or not doc.second_half:
        return False
    return (
        BIO_THIRD_PERSON.match(block.text, timeout=timeout_for(block.text)) is not None
        or BIO_HEADING.match(block.text) is not None
    )


@rule(
    code="BYL001",
    gate=BYLINE,
    max_words=14,
    name="byline",
    kind="byline",
    noise=[
        "By Jane Doe",
        "By Joseph SmithNovember 19, 2019, 07:47 PM EST",
        "By Anna Schmidt and Tom Lee, Reuters",
        "Posted by Sam Lee on November 19, 2019, 6:21 AM EST",
    ],
    keep=[
        "By Monday, the deal was done.",
        "By the end of the year the company had 40 stores.",
        "Von Hamburg bis Kiel: Die Fähren fahren wieder",
    ],
)
def byline(block: Block, doc: DocView) -> bool:
    """A byline: "By Name" on its own line, often glued to a date.

    ## What it removes
    The author line above or below the article.

    ## Why is it noise?
    Metadata about the article, not its text.
    """
    f = block.features
    t = block.text
    return (
        f.words <= 14
        and not f.ends_sentence
        and BYLINE.match(t, timeout=timeout_for(t)) is not None
        and BYLINE_RANGE.match(t, timeout=timeout_for(t)) is None
    )


RULES = (
    photo_caption,
    collapsed_caption,
    photo_credit,
    agency_credit,
    source_credit,
    contributed,
    source_link,
    first_person_bio,
    third_person_bio,
    byline,
)
