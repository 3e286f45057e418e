"""SHR, COM, WID, REL: share buttons, comment widgets, sidebar headings and related links."""

from __future__ import annotations

from cleaner.model import Block
from cleaner.patterns import (
    COMMENT_BYLINE,
    COMMENT_CONTROLS,
    COMMENT_FORM,
    COMMENT_META,
    COMMENTS,
    LETTERS,
    RELATED_HEADING,
    RELATED_INLINE,
    SHARE,
    SOCIAL_NAME,
    WIDGET_HEADING,
    found,
    starts,
    timeout_for,
)
from cleaner.registry import DocView, rule

#: One related link is short; a list of them glued into one block is long but has few sentence
#: ends. Calibrated on the dev benchmark 2026-11-23.
RELATED_LINK_MAX_WORDS = 25
RELATED_LIST_MAX_WORDS = 250
RELATED_WORDS_PER_SENTENCE = 25

#: A row of share buttons glued together is short; calibrated on the dev benchmark 2026-11-23.
SOCIAL_RUN_MAX_CHARS = 260


@rule(
    code="SHR001",
    gate=SHARE,
    max_words=6,
    name="share-prompt",
    kind="share_widget",
    noise=["Share this:", "Share on Facebook", "Tweet", "WhatsApp", "Print this article", "Like this:", "445 shares"],
    keep=["Share prices fell 4% on Monday.", "Facebook said it would appeal the ruling."],
)
def share_prompt(block: Block, doc: DocView) -> bool:
    """A share-button label on a line of its own.

    ## What it removes
    "Share this:", "Share on Facebook", "Tweet", "Email", "Print", "WhatsApp", "Like this:" and the
    like, in several languages.

    ## Why is it noise?
    They are the labels of buttons under or over the article.

    ## Limitations
    Only whole short lines; sentences about shares or social networks are kept.
    """
    return block.features.words <= 6 and SHARE.match(block.text, timeout=timeout_for(block.text)) is not None


@rule(
    code="SHR002",
    needles=(
        "click to",
        "opens in new window",
        "share",
        "facebook",
        "twitter",
        "whatsapp",
        "linkedin",
        "reddit",
        "telegram",
        "pinterest",
        "tumblr",
        "flipboard",
        "messenger",
        "mail",
        "print",
        "tweet",
        "google",
        "stumbleupon",
        "blogger",
        "pocket",
        "copy link",
        "vk",
        "xing",
        "sms",
    ),
    max_words=60,
    name="social-button-run",
    kind="share_widget",
    noise=[
        "Share to TwitterTwitterShare to FacebookFacebookShare to EmailEmail",
        "FacebookTwitterWhatsAppEmail",
        "...PinterestRedditTumblrLinkedInEmail",
    ],
    keep=["Facebook and Twitter both removed the posts after the election, the report said."],
)
def social_run(block: Block, doc: DocView) -> bool:
    """A run of social-network button labels glued into one line.

    ## What it removes
    Lines that consist almost only of network names and share words:
    "Share to FacebookFacebookShare to TwitterTwitter".

    ## Why is it noise?
    A button bar dumped without separators.
    """
    text = block.text
    if len(text) > SOCIAL_RUN_MAX_CHARS:
        return False
    covered = len(text) - len(SOCIAL_NAME.sub("", text, timeout=timeout_for(text)))
    if covered < 10:
        return False
    letters = sum(map(len, LETTERS.findall(text, timeout=timeout_for(text))))
    return letters > 0 and covered >= 0.55 * letters and covered >= 10


@rule(
    code="COM001",
    gate=COMMENTS,
    max_words=8,
    name="comments-widget",
    kind="comments_widget",
    noise=["Comments", "All comments.", "Leave a Reply", "12 Comments", "Join the conversation"],
    keep=["Comments made by the minister angered the opposition."],
)
def comments_widget(block: Block, doc: DocView) -> bool:
    """The heading or a control of a comment section.

    ## What it removes
    "Comments", "All comments.", "Leave a Reply", "Post a comment", "12 Comments", "Cancel reply".

    ## Why is it noise?
    Comment widgets sit under the article; their labels are not part of it.
    """
    return block.features.words <= 8 and COMMENTS.match(block.text, timeout=timeout_for(block.text)) is not None


@rule(
    code="COM002",
    key_search=(COMMENT_META,),
    max_words=16,
    name="comment-meta",
    kind="comments_widget",
    noise=[
        "Jane Doe on September 13, 2018 at 5:23 pm said:",
        "readerone says:",
        "34 responses to “A headline here”",
        "Gartenfreundin sagt:",
        "lecteur42 dit :",
    ],
    keep=["The minister said:", "“We will not give up,” she said: “never.”", "Die Ministerin sagt:", "Via Reddit:"],
)
def comment_meta(block: Block, doc: DocView) -> bool:
    """The meta line of one comment: who wrote it and when ("Name on <date> said:").

    ## What it removes
    Lines that open a reader comment — a name or user name, often a date, and "says:"/"said:"
    or the same word in another language ("sagt:", "dit :", "dice:", "zegt:", "pisze:") —
    and comment-count headings such as "34 responses to “…”".

    ## Why is it noise?
    Reader comments follow the article; they are not part of it. When several such lines
    follow the article, the whole thread is cut off by the context rule CTX004.

    ## Limitations
    A short body line ending in "said:" before a quotation looks the same; it is only removed
    when it has no more than a few words before "said:" and is not a sentence.
    """
    f = block.features
    text = block.text
    if not (text.endswith(":") or text[:1].isdigit()):
        return False
    if f.words > 16 or COMMENT_META.search(text, timeout=timeout_for(text)) is None:
        return False
    if text[:1].isdigit():
        return True
    # "The minister said:" introduces a quote in running text; a comment meta line names
    # a user (glued "namesays:") or carries a date/time.
    return f.digit_ratio > 0 or (f.words <= 2 and not text.lower().startswith(("he ", "she ", "they ", "the ")))


@rule(
    code="WID001",
    gate=WIDGET_HEADING,
    max_words=6,
    name="widget-heading",
    kind="widget_heading",
    noise=["Most Popular", "Recent Comments", "Trending", "Most Read", "Editor's Picks", "Latest News"],
    keep=["Most popular among voters was the tax cut.", "Trending upward, the index closed at a record."],
)
def widget_heading(block: Block, doc: DocView) -> bool:
    """The heading of a sidebar or footer widget.

    ## What it removes
    "Most Popular", "Recent Comments", "Trending", "Most Read", "Editor's Picks", "Latest News",
    "Follow us".

    ## Why is it noise?
    They title lists of other pages, not the article. The list under such a heading is removed by
    the context rule CTX003.
    """
    return block.features.words <= 6 and WIDGET_HEADING.match(block.text, timeout=timeout_for(block.text)) is not None


@rule(
    code="REL001",
    gate=RELATED_HEADING,
    max_words=8,
    name="related-heading",
    kind="related_links",
    noise=[
        "More On This Topic",
        "Related Stories",
        "Read more",
        "You may also like",
        "See also:",
        "Vous aimerez aussi",
        "Das könnte Sie auch interessieren",
        "Você também pode gostar...",
        "Weitere Artikel",
        "Sur le même thème",
        "Artículos relacionados",
    ],
    keep=[
        "Read more carefully, the law says something else.",
        "Related stories of abuse emerged later.",
        "Weitere Artikel des Gesetzes wurden gestrichen.",
    ],
)
def related_heading(block: Block, doc: DocView) -> bool:
    """The heading of a related-links list.

    ## What it removes
    "More On This Topic", "Related Stories", "Read more", "See also", "You may also like",
    "Recommended for you", also glued behind the last sentence of a paragraph (split off first);
    also "you may also like", "related articles" and "more on this topic" in the other languages
    with stop-word lists ("Weitere Artikel", "Sur le même thème", "Artículos relacionados").

    ## Why is it noise?
    It introduces links to other articles. The headline-like lines under it are removed by the
    context rule CTX003.
    """
    return block.features.words <= 8 and RELATED_HEADING.match(block.text, timeout=timeout_for(block.text)) is not None


@rule(
    code="REL002",
    gate=RELATED_INLINE,
    max_words=RELATED_LIST_MAX_WORDS,
    name="related-link-inline",
    kind="related_links",
    noise=[
        "[Related: Ten Things To Watch This Year]",
        "Read more: Why prices keep rising",
        "See also: The new budget",
        "Most read in world news Ten Things To Watch This Year Why Prices Keep Rising Council Weighs "
        "New Tax On Rideshare Trips Local Team Wins Title In Overtime Schools Brace For Winter Storms",
    ],
    keep=[
        "Related: the two cases share a defendant, prosecutors said in a long statement on Monday.",
        "Most popular among voters was the plan to cut taxes. It won in every district. The count "
        "took two days. Officials said the result was clear. Turnout was high in the north. The "
        "opposition conceded on Friday. Analysts expect a quiet session.",
    ],
)
def related_inline(block: Block, doc: DocView) -> bool:
    """A single related link announced inline: "[Related: …]", "Read more: …".

    ## What it removes
    One-line links to another article with their label.

    ## Why is it noise?
    They point away from the article and interrupt it.

    ## Limitations
    The linked title must look like a title (no sentence punctuation inside), so prose that starts
    with "Related:" is kept.
    """
    f = block.features
    if f.words > RELATED_LIST_MAX_WORDS or RELATED_INLINE.match(block.text, timeout=timeout_for(block.text)) is None:
        return False
    if f.words > RELATED_LINK_MAX_WORDS and f.sentence_marks * RELATED_WORDS_PER_SENTENCE >= f.words:
        # longer than one link: only a glued list of titles, not paragraphs of prose
        return False
    # a sentence of prose that merely starts with "Related"/"Most popular" is body
    return not (block.text.rstrip(" ]").endswith(".") and f.sentence_marks >= 1 and f.stop_density > 0.3)


#: A comment form's notes are short; a longer paragraph that mentions comments is text.
COMMENT_FORM_MAX_WORDS = 60


@rule(
    code="COM003",
    needles=("email address", "required fields", "save my name", "notify me", "logged in", "comment", "please be"),
    max_words=COMMENT_FORM_MAX_WORDS,
    name="comment-form",
    kind="comments_widget",
    noise=[
        "Your email address will not be published. Required fields are marked *",
        "Save my name, email, and website in this browser for the next time I comment.",
        "Notify me of follow-up comments by email.",
        "Please be respectful of other readers when you comment.",
        "Comments are subject to our house rules, which you can read here.",
        "Please be mindful of our community rules.",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
    ],
    keep=[
        "The minister's comments are subject to review by the ethics committee, a spokesman said.",
        "Please be careful on the roads tonight, the police said.",
        "Her email address was published on a forum, exposing her to abuse.",
    ],
)
def comment_form(block: Block, doc: DocView) -> bool:
    """The notes of a comment form: what the site tells a reader about to post a comment.

    ## What it removes
    "Your email address will not be published. Required fields are marked *", "Save my name,
    email, and website in this browser…", "Notify me of follow-up comments", "Comments are
    subject to our house rules", "Please be respectful of other readers".

    ## Why is it noise?
    Form furniture under the article; the dump keeps its labels and notes as text.

    ## Limitations
    Only short lines in the voice of a form; an article about a minister's comments or a
    published email address is kept.
    """
    return block.features.words <= COMMENT_FORM_MAX_WORDS and found(COMMENT_FORM, block.text)


#: A comment's byline or a row of its controls is short.
COMMENT_LINE_MAX_WORDS = 16


@rule(
    code="COM004",
    max_words=COMMENT_LINE_MAX_WORDS,
    key_match=(COMMENT_BYLINE,),
    name="comment-byline",
    kind="comments_widget",
    noise=["Jo Park · May 2, 2021 at 9:14 AM", "reader42 | 3 days ago", "M. Chen • 12 March 2020"],
    keep=[
        "The council met on May 2, 2021 to vote on the plan.",
        "Results · May 2, 2021: the turnout was the highest in twenty years.",
        "3 March 2021 | 14 June 2021",
        "By Jane Doe •Dec. 19, 2025",
    ],
)
def comment_byline(block: Block, doc: DocView) -> bool:
    """The byline of one reader comment: a user name, a dot or bar, and when it was posted.

    ## What it removes
    "Jo Park · May 2, 2021 at 9:14 AM", "reader42 | 3 days ago": the line above each comment of
    a thread. Several of them after the article let the context rule CTX004 cut the thread off.

    ## Why is it noise?
    Reader comments follow the article; they are not part of it.

    ## Limitations
    The whole line must be a name of one to four words (starting with a letter) and a date, time
    or age: a sentence that carries a date, or a date range, is kept.
    """
    text = block.text
    # "By Jane Doe • May 2, 2021" is an article's byline (BYL001), not a reader's
    if block.features.words > COMMENT_LINE_MAX_WORDS or text[:3].lower() == "by ":
        return False
    return starts(COMMENT_BYLINE, text)


@rule(
    code="COM005",
    max_words=COMMENT_LINE_MAX_WORDS,
    key_match=(COMMENT_CONTROLS,),
    name="comment-controls",
    kind="comments_widget",
    noise=["* reply", "Reply · Report", "View comments (27)", "Load more comments", "Show 3 more replies"],
    keep=["Reply to the minister's letter came on Monday.", "View from the top of the tower."],
)
def comment_controls(block: Block, doc: DocView) -> bool:
    """The buttons of a comment thread: reply, report, like, and the links that open more comments.

    ## What it removes
    "* reply", "Reply · Report", "View comments (27)", "Load more comments", "Show 3 more replies".

    ## Why is it noise?
    Controls of the comment widget, dumped as text; a reader never reads them as the article.
    """
    return block.features.words <= COMMENT_LINE_MAX_WORDS and starts(COMMENT_CONTROLS, block.text)


RULES = (
    share_prompt,
    social_run,
    comments_widget,
    comment_meta,
    widget_heading,
    related_heading,
    related_inline,
    comment_form,
    comment_byline,
    comment_controls,
)
