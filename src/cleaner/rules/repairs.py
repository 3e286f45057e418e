"""GLU: split points where separate elements were glued into one line.

Split rules do not remove anything; they cut a line into blocks that the other rules then judge.
Where both sides of a cut stay in the body, the cut becomes a paragraph break recorded as a
`Repair`.
"""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.patterns import (
    CREDIT_PAREN,
    CREDIT_PAREN_INLINE,
    GLUED_AFTER_CREDIT,
    GLUED_RELATED,
    GLUED_SENTENCE,
    GLUED_TITLE,
    QUALIFIED_NAME,
    SENTENCE_START,
    TIMEOUT,
    TITLE_SMALL_WORDS,
    TRAILING_AGENCY,
    timeout_for,
)
from cleaner.registry import rule


@rule(
    code="GLU001",
    name="glued-sentences",
    kind="repair",
    scope="split",
    key_search=[GLUED_SENTENCE],
    noise=[
        "in eastern Russia.When asked about it, he declined.",
        "“We have nothing to say.”The ministry never said so.",
    ],
    keep=[
        "The U.S. and the U.N. met on Sept. 5 at 3.5 p.m.",
        "See e.g. the report at example.com/News.",
        "Install Acme.Logging.Http, then call builder.Services.AddClient() once.",
    ],
)
def glued_sentences(line: str) -> Iterator[int]:
    """Paragraphs glued with no space: "…eastern Russia.When asked…".

    ## What it removes
    Nothing: it inserts a paragraph break where a sentence end is directly followed by a
    capitalised word.

    ## Why is it noise?
    The separator was lost when the page was dumped; without it headings, captions and related
    links glue onto body paragraphs and cannot be judged alone.

    ## Limitations
    No split after initials ("U.S."), single-letter abbreviations, numbers ("3.5"), inside
    URLs or inside a qualified name or member call of a program ("Acme.Logging.Http",
    "client.Send("); and none before an opening quote, which often starts a quoted sentence in
    running text.
    """
    for m in GLUED_SENTENCE.finditer(line, timeout=timeout_for(line)):
        if not _in_qualified_name(line, m.start()):
            yield m.start()


#: The token around a cut is looked at up to this many characters on each side.
_TOKEN_REACH = 100


def _in_qualified_name(line: str, pos: int) -> bool:
    """Whether `pos` lies in a token (a run of non-blanks) that is a qualified name or a member
    call of a program ("Acme.Logging.Http", "builder.Services.AddClient(", "os.Getenv(")."""
    lo = line.rfind(" ", max(0, pos - _TOKEN_REACH), pos) + 1 or max(0, pos - _TOKEN_REACH)
    hi = line.find(" ", pos, pos + _TOKEN_REACH)
    token = line[lo : hi if hi >= 0 else pos + _TOKEN_REACH]
    return QUALIFIED_NAME.search(token) is not None


@rule(
    code="GLU002",
    name="glued-after-credit",
    kind="repair",
    scope="split",
    key_search=[GLUED_AFTER_CREDIT],
    noise=["on April 25, 2019. (Jane Doe/Agency via Getty Images)Next Heading In late July"],
    keep=["He left (briefly) Then came back."],
)
def glued_after_credit(line: str) -> Iterator[int]:
    """A caption's credit parenthesis glued to the next heading: "(…/Getty Images)Heading".

    ## What it removes
    Nothing: it cuts after a closing parenthesis directly followed by a capitalised word, when
    the parenthesis looks like a photo credit.

    ## Why is it noise?
    The caption and the next element were separate on the page.
    """
    for m in GLUED_AFTER_CREDIT.finditer(line, timeout=timeout_for(line)):
        start = line.rfind("(", 0, m.start())
        if start >= 0 and CREDIT_PAREN.search(line[start : m.start()], timeout=TIMEOUT):
            yield m.start()


@rule(
    code="GLU003",
    name="glued-related-heading",
    kind="repair",
    scope="split",
    key_search=[GLUED_RELATED],
    noise=["It was never on the agenda.Related Stories"],
    keep=["Related stories appeared later in the week."],
)
def glued_related(line: str) -> Iterator[int]:
    """A related-links heading glued behind the last sentence of a paragraph.

    ## What it removes
    Nothing: it cuts before "Related Stories", "Read more" and the like when they follow a
    sentence end with no separator; REL001 then judges the piece.

    ## Why is it noise?
    The heading was a separate element of the page.
    """
    for m in GLUED_RELATED.finditer(line, timeout=timeout_for(line)):
        yield m.start()


@rule(
    code="GLU004",
    name="trailing-agency-credit",
    kind="repair",
    scope="split",
    key_search=[TRAILING_AGENCY],
    noise=["“We will act as appropriate.” REUTERS, AFP", "The talks ended on Monday. AP"],
    keep=["The talks involved the U.S. FBI", "He joined NATO and the EU."],
)
def trailing_agency(line: str) -> Iterator[int]:
    """Wire-agency names after a paragraph's last sentence ("… appropriate.” REUTERS, AFP").

    ## What it removes
    Nothing: it cuts the capitalised tail off so that CRD002 can judge it alone.

    ## Why is it noise?
    The credit was a separate element below the story.
    """
    m = TRAILING_AGENCY.search(line, timeout=timeout_for(line))
    if m is not None:
        yield m.end()


#: How far back from a credit parenthesis the caption sentence may start (characters).
CAPTION_MAX_CHARS = 600


@rule(
    code="GLU005",
    name="inline-caption",
    kind="repair",
    scope="split",
    key_search=[CREDIT_PAREN_INLINE],
    noise=[
        "He left on Monday. Leaders attend a parade in the capital on July 27, 2023. (Agency via Reuters)",
        "It was late. Officials meet in Geneva. (Jane Doe/AFP)Next Heading",
    ],
    keep=["The law was passed in 2019 (and/or amended later), the court said."],
)
def inline_caption(line: str) -> Iterator[int]:
    """A photo caption that follows the previous sentence of a paragraph with only a space.

    ## What it removes
    Nothing: it cuts before the sentence that ends with a photo-credit parenthesis, so that the
    caption rule CAP001 can judge it alone.

    ## Why is it noise?
    The caption was a separate element under an image.
    """
    for m in CREDIT_PAREN_INLINE.finditer(line, timeout=timeout_for(line)):
        lo = max(0, m.start() - CAPTION_MAX_CHARS)
        # the caption's own sentence ends just before the parenthesis: look before that end
        window = line[lo : max(lo, m.start() - 3)]
        starts = [s.end() for s in SENTENCE_START.finditer(window, timeout=timeout_for(window))]
        if starts:
            yield lo + starts[-1]


#: A glued heading is a title of this many words, of which at least GLUED_TITLE_CAPITALISED are
#: capitalised and the others short function words. Calibrated on the dev benchmark 2026-11-25
#: (the teaser-title bounds of REL003).
GLUED_TITLE_WORDS = (3, 20)
GLUED_TITLE_CAPITALISED = 0.6


@rule(
    code="GLU006",
    name="glued-inline-heading",
    kind="repair",
    scope="split",
    key_search=[GLUED_TITLE],
    noise=[
        "He was sentenced last Thursday.Help Shape the Future of Public Transit in the CityNow that "
        "his trial has ended, prosecutors released the footage.",
        "The jury took only minutes.9-Month-Old's Life Support Order ExtendedWebb still faces charges.",
    ],
    keep=[
        "He was sentenced last Thursday.Prosecutors released the footage on Monday.",
        "She spoke on Monday.The new YouTube series starts in May.",
        "Watch the video.New Episodes Every Week on YouTube",
    ],
)
def glued_inline_heading(line: str) -> Iterator[int]:
    """A heading glued between two sentences of a dumped page: "…Thursday.Help Shape the Future
    of TransitNow that his trial…".

    ## What it removes
    Nothing: it cuts between a capitalised title that follows a sentence end with no separator
    and the sentence glued behind it. GLU001 cuts before the title; this cut after it makes the
    title a paragraph of its own in the output, so that cleaning the output again does not read
    the title and the paragraph behind it as one teaser card (REL003).

    ## Why is it noise?
    The heading (an inline related link, a subheading) was a separate element of the page; the
    dump lost every separator around it.

    ## Limitations
    Titles in Title Case only (lowercase words other than short function words rule it out),
    and the glued sentence must start with a capitalised word followed by a lowercase one.
    """
    for m in GLUED_TITLE.finditer(line, timeout=timeout_for(line)):
        words = m.group("title").split()
        if not GLUED_TITLE_WORDS[0] <= len(words) <= GLUED_TITLE_WORDS[1]:
            continue
        if any(w[:1].islower() and w.lower() not in TITLE_SMALL_WORDS for w in words):
            continue
        if sum(1 for w in words if not w[:1].islower()) >= GLUED_TITLE_CAPITALISED * len(words):
            yield m.end()


_WRAPPED = (
    "Library to stay open late\n\n"
    "The committee met on Tuesday to review a proposal, which would\n"
    "extend the opening hours of the central library until ten in the\n"
    "evening on weekdays, and agreed to put it to the full council at\n"
    "its next meeting in the spring, the chair told reporters.\n\n"
    "Members said the longer hours would cost little because the staff\n"
    "who close the building at night are already paid for the evening\n"
    "shift, and that students had asked for the change for many years.\n"
)

_VERSE = (
    "Harbour Song\n\n"
    "The tide comes in across the stones at night\n"
    "And carries every lantern of the bay\n"
    "Beyond the quay where fishing boats are tied\n"
    "And no one sees the morning come to stay\n"
)


@rule(
    code="GLU007",
    name="wrapped-lines",
    kind="repair",
    scope="join",
    noise=[_WRAPPED],
    keep=[_VERSE],
)
def wrapped_lines() -> None:
    """Lines of one paragraph broken at a fixed width (hard-wrapped prose), joined again.

    ## What it removes
    Nothing: it joins the lines of a hard-wrapped paragraph into one block and records each
    joined line break as a repair that turns it into a space. A break is joined where the lines
    around it end close to one wrap width (30 to 160 characters), the line is full (the next
    line's first word would not have fitted on it), the text runs on (no sentence end, or the
    next line does not stand alone) and the next line mostly starts in lower case where a line
    runs on (prose, not verse or a list); never at a code line, a list item, a table row, a
    comment line or a change of indentation. A blank line ends a paragraph, except on a page that
    has one after every line (a dump that spaces every line out, those of a `<pre>` block too),
    where it parts nothing. The logic is in `cleaner.wrap`.

    ## Why is it noise?
    The text of a `<pre>` element or of source-formatted HTML breaks every paragraph into lines of
    40-100 characters. Judged one by one, such lines look like a menu (no sentence end, a few
    words each), and a table of contents or a handful of short lines outscore the article.

    ## Limitations
    A paragraph whose lines break before the width is reached (one sentence a line, verse) is left
    as it is; so is a break before a capitalised word where nearby lines start with capitals, and
    a word hyphenated across two lines keeps its hyphen and the space.
    """


RULES = (
    glued_sentences,
    glued_after_credit,
    glued_related,
    trailing_agency,
    inline_caption,
    glued_inline_heading,
    wrapped_lines,
)
