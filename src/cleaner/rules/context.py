"""CTX, BRC002, HDL001: rules that decide from a block's neighbours, not from its text alone.

Their logic lives in `cleaner.smooth` (main content and context sweeps) and `cleaner.assemble`
(headline); they are registered here so that every removal names a documented rule, can be
selected or ignored, and has examples the tests run. Their examples are whole documents: a
`noise` example must make the rule fire, a `keep` example must not.
"""

from __future__ import annotations

from cleaner.registry import rule

_ARTICLE = (
    "The council approved the new budget on Tuesday after a long debate that lasted well into "
    "the night, officials said.\n\n"
    "The plan raises spending on schools and roads by four percent and cuts the deficit, the "
    "finance minister told reporters after the vote.\n\n"
    "Opposition members said the cuts would hurt the poorest families and promised to fight "
    "the measures when they come up for review next year.\n"
)


#: A first paragraph long enough to count as prose even when a site repeats it on every page.
_LONG_FIRST = (
    "The regional council, which meets every second Tuesday in the old town hall, publishes the "
    "minutes of each session on its website within a week, as the law has required since 2009.\n\n"
)


@rule(
    code="CTX001",
    name="outside-main-content",
    kind="boilerplate",
    scope="context",
    noise=["Weather\nSports\nLocal Teams\nMarkets Today\n\n" + _ARTICLE],
    keep=[_ARTICLE],
)
def outside_main_content() -> None:
    """A block outside the densest run of prose: page furniture around the article.

    ## What it removes
    Menus, footers, sidebars and lists that come before or after the article's main run of
    prose, found as the highest-scoring contiguous run of blocks (prose scores by its length,
    link-like and noise blocks score below zero; a single linear pass, as in Kadane's algorithm).

    ## Why is it noise?
    A news page is one run of prose surrounded by navigation; what lies outside that run is not
    the story.

    ## Limitations
    A second block of prose far from the first (a long comment thread, an unrelated teaser) is
    judged by the same scores and can be kept or dropped wrongly.
    """


@rule(
    code="CTX002",
    name="short-near-noise",
    kind="boilerplate",
    scope="context",
    noise=[
        _ARTICLE.replace("\n\nOpposition", "\n\nShare this:\n\nWeather alerts\n\nOpposition")
        + "\nThe mayor said she would sign the budget into law on Friday and thanked the council "
        "members for their long hours of work on the plan.\n"
    ],
    keep=["Budget passes after long night\n\n" + _ARTICLE.replace("\n\nOpposition", "\n\nA fight ahead\n\nOpposition")],
)
def short_near_noise() -> None:
    """A short or link-like block whose nearest confident neighbour is noise.

    ## What it removes
    Short lines that sit between noise blocks or at the edge of the article next to noise.

    ## Why is it noise?
    A short line says little by itself; its neighbours tell what it is (jusText's context
    revision). A short line between two body paragraphs is kept as a subheading.
    """


@rule(
    code="CTX003",
    name="widget-list",
    kind="related_links",
    scope="context",
    noise=[
        _ARTICLE + "\nMore On This Topic\n\nCity weighs new tax on rideshare trips\n\nWhy the mayor's race matters\n"
    ],
    keep=[_ARTICLE],
)
def widget_list() -> None:
    """The list of links under a related-links, widget or comments heading.

    ## What it removes
    The headline-like lines that follow "More On This Topic", "Most Popular" and similar
    headings, up to the next block of prose. Each removal takes the kind of its heading.

    ## Why is it noise?
    Those lines are titles of other pages.
    """


@rule(
    code="CTX004",
    name="comment-thread",
    kind="comments_widget",
    scope="context",
    noise=[
        _ARTICLE
        + "\n3 responses to “Budget passes”\n\nreaderone says:\nMay 2, 2019 at 5:23 pm\n\n"
        + "This is the worst budget I have seen in years and the council knows it very well.\n\n"
        + "readertwo says:\nMay 2, 2019 at 6:01 pm\n\n"
        + "I disagree with the first comment because the schools really needed the money this time.\n",
        _ARTICLE
        + "\nTop Comments\n\nreaderone\n2 days ago at 07:52 am\n\n"
        + "This is the worst budget I have seen in years and the council knows it very well.\n\n"
        + "readertwo\n2 days ago at 08:10 am\n\n"
        + "I disagree with the first comment because the schools really needed the money this time.\n",
    ],
    keep=[
        _ARTICLE,
        "Weather Today\n\nSunny spells later in the day with a light breeze from the west.\n1 hour ago\n\n"
        + "Harbour Works Begin On Monday\n2 hours ago\n\n"
        + _ARTICLE,
    ],
)
def comment_thread() -> None:
    """A reader-comment thread after the article.

    ## What it removes
    Everything from the first comment marker after the article (a comments heading or a
    comment's meta line) to the end of the page, when at least two comment meta lines follow
    it — the comments themselves, which are prose and would otherwise pass for body. A meta
    line names the writer ("readerone says:") or is an age stamp ("2 days ago at 07:52 am",
    DAT002) right under a user name of at most three words; a listed story's age stamp, under
    its title, is not one. A comment is written between the first two meta lines: a box of
    teasers with "Name | May 2, 2025" under each title (titles, no sentences) opens no thread.

    ## Why is it noise?
    Comments are written by readers, not by the article's author.

    ## Limitations
    The article must come first; a page whose comments come before the story keeps them.
    """


@rule(
    code="REL003",
    name="teaser-cards",
    kind="related_links",
    scope="context",
    noise=[
        _ARTICLE
        + "\nCouncil Approves New Harbour BudgetThe city council voted on Tuesday to fund the harbour.\n"
        + "Schools Brace For Winter StormsDistricts across the region said they would close early.\n"
        + "Local Team Wins Title In OvertimeThe home side scored twice in the final minutes to win.\n",
        _ARTICLE
        + "\nPort strike enters its third week as talks stallROTTERDAM: Dock workers rejected the offer.\n"
        + "Rail fares to rise again in spring, operators sayLONDON: Fares will go up by four percent.\n",
    ],
    keep=[_ARTICLE.replace("\n\nOpposition", "\n\nA Fight AheadOpposition")],
)
def teaser_cards() -> None:
    """A run of teaser cards: another article's title glued to its summary.

    ## What it removes
    Blocks such as "Council Approves Harbour BudgetThe city council voted on Tuesday to…" or
    "Port strike enters its third week as talks stallROTTERDAM: Dock workers…" (a title glued
    to the upper-case dateline of its summary) when another such block stands within three
    blocks: lists of links to other stories whose title and summary were separate elements that
    the dump glued together.

    ## Why is it noise?
    They advertise other articles of the site.

    ## Limitations
    A single glued title is left alone: one subheading glued to its paragraph looks the same, a
    run of them does not.
    """


_FEED = (
    "Sport\n\n10:45\n\nLocal club signs two young players for the new season\n\nSport\n\n10:45\n\n"
    "Local club signs two young players for the new season\n\nWeather\n\n09:30\n\n"
    "Storm warning issued for the coast until Friday evening\n\nWeather\n\n09:30\n\n"
    "Storm warning issued for the coast until Friday evening\n"
)


@rule(
    code="REL004",
    name="teaser-feed",
    kind="related_links",
    scope="context",
    noise=[_ARTICLE + "\n" + _FEED],
    keep=[
        _ARTICLE + "\nThe vote is final.\n\nSource\n\nThe vote is final.\n\nIt took a day.\n\nSource\n\n"
        "It took a day.\n",
        _ARTICLE + "\nThe harbour at dawn, seen from the hill\n\nPhoto\n\nThe harbour at dawn, seen from the hill\n"
        "\nPhoto\n\nThe harbour at dawn, seen from the hill\n",
        "Budget passes after long night\n\nBudget passes after long night\n\n" + _ARTICLE,
    ],
)
def teaser_feed() -> None:
    """A feed of other articles whose every title stands twice, a few blocks apart.

    ## What it removes
    Runs such as "Sport / 10:45 / Club signs two players / Sport / 10:45 / Club signs two
    players / Weather / 09:30 / Storm warning…": a list of teasers where each card's title was
    dumped twice (its image's text and its link), with its section label and time between. At
    least two such repeated titles in a row make a feed; each copy is removed, and the labels
    and times left between them go with the run around them.

    ## Why is it noise?
    They advertise other articles of the site. The shape (a title, then the same title again
    within three blocks, repeated card after card) is the same in every language.

    ## Limitations
    One repeated title (a headline or caption the page shows twice) is left to the headline
    rules; repeated sentences that end with a full stop (examples, quotes), copies next to each
    other (a question shown twice by an FAQ), repeated figures (a table's cells) and lines with
    code signs (a query log that repeats each statement) are not titles. A feed whose titles
    stand once each is REL003's or the main run's.
    """


_FORM = (
    "Sign in\n\nPlease sign in with the email address you used when you registered, so that your "
    "comments appear under your name on every story you read.\n\nPassword\n\n"
    "Log in\n\nWe will send you a link to confirm your address before you can write your first "
    "comment, and the link is valid for one day after it was sent.\n\nCreate an account\n\n"
    "If you do not receive the message within ten minutes, check your spam folder and the address "
    "you typed, then ask for a new link or contact our help desk.\n\nSign up\n"
)


@rule(
    code="CTX006",
    name="account-form-tail",
    kind="nav",
    scope="context",
    noise=[
        _LONG_FIRST
        + _ARTICLE
        + "\nThe finance minister said the new schools would open in two years and that the roads "
        "programme would begin in the spring, once the contracts had been signed by the regions.\n\n"
        "Teachers' unions welcomed the extra money but warned that it would not cover the cost of "
        "hiring the staff the new buildings need, and asked the council to meet them next month.\n\n" + _FORM
    ],
    keep=[
        _ARTICLE + "\nReaders asked how to sign in to the new service.\n\nLog in\n\nThe page opens.\n",
        "Log in\n\nSign up\n\nLog in\n\nSign up\n\n" + _ARTICLE,
    ],
)
def account_form_tail() -> None:
    """A reader-account form after the article: its controls and the sentences between them.

    ## What it removes
    Everything from the first control of a sign-in, registration or password-reset form
    (ACC001: "Log in", "Create an account", "Anmelden", "Mot de passe oublié ?") to the end of
    the main run, when at least four such controls stand within thirty blocks and the run has
    a hundred and fifty words of prose before them: the form's instructions ("We will send you a link
    to confirm your address…"), which read as prose, go with its buttons.

    ## Why is it noise?
    A comment section's or a paywall's account form is the site's, not the story's. Its
    sentences are written prose, so on their own they would pass for body and keep the
    main run going past the article.

    ## Limitations
    Only inside the main run and after the article's own prose: a header's "Log in / Sign up"
    menu above the story is left to the other rules, and two or three controls are no form.
    """


@rule(
    code="BRC002",
    name="fused-breadcrumb",
    kind="breadcrumb",
    scope="context",
    noise=["HomeLocal PoliticsBudget passes after long night\n\nBudget passes after long night\n\n" + _ARTICLE],
    keep=["Budget passes after long night\n\n" + _ARTICLE],
)
def fused_breadcrumb() -> None:
    """A breadcrumb glued to the headline: "HomeLocal PoliticsHeadline…".

    ## What it removes
    A line that ends with the headline and starts with a short navigation trail; the headline
    is taken from the line that repeats it cleanly.

    ## Why is it noise?
    The trail is navigation, and the headline is kept once, as the headline.
    """


@rule(
    code="HDL001",
    name="duplicate-headline",
    kind="duplicate_headline",
    scope="context",
    noise=["Budget passes after long night | Example News\n\nBudget passes after long night\n\n" + _ARTICLE],
    keep=["Budget passes after long night\n\n" + _ARTICLE],
)
def duplicate_headline() -> None:
    """Another copy of the headline, such as the page title with a " | Site" suffix.

    ## What it removes
    Lines equal to the headline, or the headline plus a site-name suffix.

    ## Why is it noise?
    The headline is reported once, in `Article.headline`.
    """


@rule(
    code="DLN001",
    name="lead-before-dateline",
    kind="boilerplate",
    scope="context",
    status="stable",
    noise=[
        "Workers unload crates at the port on Monday.\n\n"
        "ROTTERDAM (Reuters) - Dock workers rejected the latest pay offer on Tuesday and said the "
        "strike would go on, union leaders told reporters outside the port authority.\n\n" + _ARTICLE
    ],
    keep=[
        "ROTTERDAM (Reuters) - Dock workers rejected the latest pay offer on Tuesday and said the "
        "strike would go on, union leaders told reporters outside the port authority.\n\n" + _ARTICLE,
        "DEAR ABBY: My neighbour borrows my tools and never returns them.\n\n" + _ARTICLE,
    ],
)
def lead_before_dateline() -> None:
    """Short lines that the main-content run took in above the story's wire dateline.

    ## What it removes
    A photo caption, a promo line or a summary that stands between the headline and the first
    paragraph when that paragraph opens with a wire dateline ("PARIS (Reuters) -",
    "FRESNO, Calif. (AP) —", "LAGOS:"): a wire story starts at its dateline.

    ## Why is it noise?
    They belong to the page around the story (a picture's caption, a teaser), not to its text.

    ## Limitations
    Only a few short blocks are removed this way; a long stretch of prose before a dateline is
    kept.
    """


@rule(
    code="USR001",
    name="user-pattern",
    kind="custom",
    scope="context",
    noise=["Promoted by Example Corp\n\n" + _ARTICLE],
    keep=[_ARTICLE],
)
def user_pattern() -> None:
    """A line matching one of the configuration's own patterns (`Config.patterns`).

    ## What it removes
    Whole lines that match a `(kind, regex)` pair you configured, reported with that kind. The
    examples run with the pattern `^Promoted by .{0,80}$` (kind `promo`).

    ## Why is it noise?
    You said so: site-specific furniture that no general rule should know about.
    """


@rule(
    code="TPL001",
    name="site-template",
    kind="site_template",
    scope="context",
    noise=["Example News: all the news that fits\n\n" + _ARTICLE],
    keep=[_LONG_FIRST + _ARTICLE],
)
def site_template() -> None:
    """A line repeated across many pages of the same site (learned from the corpus).

    ## What it removes
    Menus, footers, newsletter boxes and copyright lines that a `TemplateIndex` learned from
    other pages of the same site (`cleaner --learn-site-templates`). The examples run with an
    index that has seen the first line on many pages (a long sentence of prose in the `keep`
    example, which is kept).

    ## Why is it noise?
    Text that is the same on every page of a site is the site's template, not the article.

    ## Limitations
    Lines that look like body prose are kept even when repeated (quoted boilerplate paragraphs
    of press releases, for example).
    """


#: Six distinct paragraphs of about 60 words: a whole article that a dump can carry twice.
_LONG_ARTICLE = "".join(
    f"In the {place} district, the council said on Tuesday that {n} new schools would open by the "
    f"end of the year, and that the money for them would come from the budget approved after the "
    f"long debate. Parents in {place} welcomed the plan, but teachers asked how the {n} schools "
    f"would be staffed when the city already struggles to fill the posts it has.\n\n"
    for place, n in (("north", 3), ("south", 4), ("east", 5), ("west", 6), ("harbour", 7), ("hill", 8))
)


@rule(
    code="DUP001",
    name="repeated-article-copy",
    kind="duplicate_text",
    scope="context",
    noise=[_LONG_ARTICLE + "Share this:\n\n" + _LONG_ARTICLE],
    keep=[
        _LONG_ARTICLE,
        "What do you cook at home?\n\nPasta, mostly, with whatever is in the garden that week.\n\n"
        "What do you cook at home?\n\nSoup in winter and salads in summer, and bread every day.\n",
    ],
)
def repeated_article_copy() -> None:
    """A second copy of a long stretch of the article.

    ## What it removes
    A run of at least `DUP_MIN_BLOCKS` consecutive kept blocks, `DUP_MIN_WORDS` words or more
    and at least a quarter of all kept words, that repeats an earlier run block for block: the
    article a second time, as dumps of pages with an AMP, print or `<noscript>` copy carry it.
    The first copy is kept.

    ## Why is it noise?
    The page shows the article once; the copy doubles every word of it.

    ## Limitations
    Only exact, long repeats in the same order; a question repeated before each answer of an
    interview, or a line that recurs in a weekly plan, is kept.
    """


#: A made-up forum thread of four numbered posts; the third repeats the first's question.
_QUESTION = (
    "Has anyone here fitted a wood stove in a narrowboat, and how did you keep the cabin from getting too hot at night?"
)
_THREAD = (
    "Stove in a small cabin\n\n#1\n\nriverfern\n\nPosts: 12\n\n" + _QUESTION + "\n\nReply\n\n"
    "#2\n\nlockkeeper\n\nPosts: 431\n\nWe fitted a small one two winters ago. Keep the damper half "
    "closed after dark and the cabin stays pleasant until morning.\n\nReply\n\n"
    "#3\n\nwillowbank\n\nPosts: 87\n\nQuote from riverfern\n\n" + _QUESTION + "\n\n"
    "Ours is oversized for the boat, so we burn small logs and leave the front hatch open a crack "
    "when it gets stuffy.\n\nReply\n\n"
    "#4\n\nriverfern\n\nPosts: 13\n\nThank you both, the damper advice is exactly what I needed "
    "and I will try the smaller logs as well.\n\nReply\n"
)


@rule(
    code="DUP002",
    name="quoted-post-copy",
    kind="duplicate_text",
    scope="context",
    noise=[_THREAD],
    keep=[
        _THREAD.replace("Quote from riverfern\n\n" + _QUESTION + "\n\n", ""),
        _THREAD.replace("Quote from riverfern", "riverfern said:"),
        _LONG_ARTICLE + _LONG_ARTICLE.split("\n\n")[0] + "\n",
    ],
)
def quoted_post_copy() -> None:
    """A later copy of a post's paragraph inside a forum thread: a quote, a reply preview, a
    signature.

    ## What it removes
    Inside a main run that covers a thread of posts (found by its repeated post meta, as
    `smooth/threads.py` finds it), a kept paragraph of at least `QUOTE_MIN_WORDS` words that
    repeats an earlier kept paragraph of the run word for word: a quote box ("Quote from
    Name", "Originally posted by Name") or a preview of the post a reply answers, and the later
    paragraphs of a post quoted whole. The first copy is kept.

    ## Why is it noise?
    The thread says each of these paragraphs once, as a post; the copies double its words.

    ## Limitations
    Only whole paragraphs repeated exactly: a quote of part of a paragraph stays, and so does a
    short reply or signature line that recurs (under `QUOTE_MIN_WORDS` words). The paragraph
    right under a quote header ("Name said:", at most `QUOTE_HEADER_REACH` blocks above) is
    kept: the line a reply answers, which thread transcriptions usually keep with the reply.
    An article's main run (no thread) is left as it is.
    """


#: A made-up article whose dump carries a template label between its paragraphs.
_LABELLED = "Library hours grow in four towns\n\n" + "".join(
    f"Story body\n\nThe {town} library will stay open until nine on weekdays from next month, the "
    f"council said, after {n} hundred residents signed a letter asking for longer hours during the "
    f"exam season and the winter.\n\n"
    for town, n in (("river", 3), ("valley", 4), ("harbour", 5), ("market", 6))
).replace("Story body\n\nThe harbour", "Story body\n\nStory body\n\nThe harbour")


@rule(
    code="DUP003",
    name="repeated-label",
    kind="duplicate_text",
    scope="context",
    noise=[_LABELLED],
    keep=[
        _LABELLED.replace("Story body\n\n", "", 2),
        _LABELLED.replace("Story body\n\nStory body", "Story body"),
        "".join(
            f"Anna Berg\n\nWhat did the {t} plan change for you, and who paid for the new rooms?\n\n"
            f"Tom Lind\n\nThe {t} plan gave us two more rooms, and the county paid for most of them "
            f"after a long debate.\n\n"
            for t in ("first", "second", "third", "fourth")
        ),
    ],
)
def repeated_label() -> None:
    """A short label line that recurs between the article's paragraphs.

    ## What it removes
    A kept line of `LABEL_MIN_WORDS` to `LABEL_MAX_WORDS` words, letters only (no digits, no
    punctuation), that stands at least `LABEL_MIN_COPIES` times on the page, twice in a row
    somewhere (nothing between two copies), at least half of its kept copies next to a kept
    paragraph of `LABEL_PROSE_WORDS` words or more: a page template's label ("Story body") that
    a dump repeats above every paragraph or ad slot. All copies go.

    ## Why is it noise?
    The label names the container, not the text; the article says nothing four times over.

    ## Limitations
    A section heading that recurs in every part of a listicle ("What to pack") stays: its copies
    never stand next to each other. Only when no other such label stands twice among the kept
    lines: two or more recurring labels are a dialogue's speaker names or a table's values, and
    stay. A recurring label with a digit or punctuation ("Step 1", "Q:") is left to other
    rules, and so is a refrain between short lines.
    """


#: A made-up article with a metered wall's offer box between its paragraphs.
_OFFER_PARA = (
    "The ferry between the two islands will run every hour from May, the operator said on "
    "Monday, after a summer of queues that left some passengers waiting half a day.\n\n"
)
_OFFER = (
    "Ferry timetable doubles for the summer\n\n"
    + _OFFER_PARA
    + "Subscribe now to read every story from the islands.\n\n* Every story from the islands, on any device.\n"
    "* The evening edition as a page-by-page replica.\n* Crosswords and quizzes every day.\n\n"
    + _OFFER_PARA.replace("two islands", "harbour towns")
)


@rule(
    code="PAY002",
    name="paywall-offer-list",
    kind="paywall",
    scope="context",
    noise=[_OFFER],
    keep=[
        _OFFER.replace("Subscribe now to read every story from the islands.", "What changes in May"),
    ],
)
def paywall_offer_list() -> None:
    """The bulleted benefits of a subscription offer, right under its paywall or promo line.

    ## What it removes
    `OFFER_MIN_ITEMS` to `OFFER_MAX_ITEMS` kept bullet lines that follow, with nothing between,
    a line dropped as a paywall notice (PAY001), a subscription or channel promo (PRM001) or an
    account-form control (ACC001): the list of what a subscription gives ("every story on any
    device", "the daily puzzles"), which a metered wall puts inside the article.

    ## Why is it noise?
    The list sells access to the page; the prompt above it is already removed as noise.

    ## Limitations
    Only a bulleted list right under the prompt; an offer in numbered or unmarked lines stays,
    and so does a longer list, which is more likely the article's own. Any language, but the
    prompt must have been found by the English and multilingual patterns of those rules.
    """


_SLIDES = "".join(
    f"{k} of 6\n\nOn day {k} of the festival the crowds filled the old square, where local groups played "
    "on a small stage until late in the evening and the food stalls stayed open.\n\n"
    for k in range(1, 7)
)


@rule(
    code="CTX005",
    name="gallery-slides",
    kind="caption",
    scope="context",
    noise=[_ARTICLE + "\n" + _SLIDES],
    keep=[_ARTICLE + "\n1 of 6\n\n" + _ARTICLE.replace("council", "assembly")],
)
def gallery_slides() -> None:
    """The caption paragraphs of a slideshow: the blocks between its "3 of 12" counters.

    ## What it removes
    With at least `GALLERY_MIN_SLIDES` counter lines on the page (NAV004), the unlabelled blocks
    between two consecutive counters (at most `SLIDE_MAX_BLOCKS`), and as many after the last.

    ## Why is it noise?
    A slideshow dumped as text is a run of caption paragraphs written in sentences; fifty of
    them outweigh the article beside them, and the main run would keep the slideshow instead.

    ## Limitations
    A page that is only a slideshow loses its captions; a single counter under a lead photo
    marks nothing.
    """


_DIALOG = (
    "Privacy Preference Center\n\n"
    "When you visit any website, it may store or retrieve information on your browser, mostly in "
    "the form of cookies. You can choose not to allow some types of cookies.\n\n"
    "Strictly Necessary Cookies\n\nAlways Active\n\n"
    "These cookies are necessary for the website to function and cannot be switched off.\n\n"
    "Targeting Cookies\n\n"
    "These cookies may be set through our site by our advertising partners.\n\n"
    "Reject All\n\nConfirm My Choices\n"
)

#: An article about cookie banners: consent prose in the reporter's voice and no buttons.
_ABOUT_COOKIES = (
    "Regulators order websites to simplify cookie banners\n\n"
    "Data protection regulators said on Monday that websites must offer a button to reject all "
    "cookies that is as easy to find as the one to accept them, after a year-long review.\n\n"
    "The review found that many sites hid the option to refuse tracking behind several menus, "
    "and that visitors who wanted to withdraw their consent often could not find the setting.\n\n"
    "Advertising groups said the rules would cut the revenue of small publishers, which rely on "
    "personalised advertising, while consumer groups welcomed the decision.\n\n"
    "Sites have six months to change their banners before the regulators begin checking them.\n"
)


@rule(
    code="CKE002",
    name="consent-dialog",
    kind="cookie_notice",
    scope="context",
    noise=[_ARTICLE + "\n" + _DIALOG],
    keep=[_ABOUT_COOKIES, _ARTICLE],
)
def consent_dialog() -> None:
    """A cookie-consent dialog or preference center: its buttons, cookie headings and the prose between.

    ## What it removes
    A run of blocks made of consent controls ("Accept All", "Reject All", "Confirm My Choices",
    "Show details"), cookie category headings ("Strictly Necessary Cookies", "Always Active",
    "Targeting Cookies") and the dialog's own explanation ("it may store or retrieve information on
    your browser", "These cookies allow us to...", "We and our partners store and/or access
    information on a device"). Sentences of the dialog with no such phrase join the run when they
    sit between two of its blocks (at most `GAP_MAX_BLOCKS` in a row). A single long block holding
    at least `GLUED_MIN_SIGNALS` distinct consent phrases and the word "cookie" is the whole
    dialog glued into one paragraph.

    ## Why is it noise?
    A preference center dumped at the end of a page is several long paragraphs of prose; scored
    as prose it can outweigh the article, and the page's body becomes the cookie text.

    ## Limitations
    A run needs at least `MIN_CONTROLS` standalone controls or headings and `MIN_ANCHORS` blocks
    in all, so an article about cookie banners (prose only, in the reporter's voice) is kept; a
    dialog dumped without any of its buttons is left to CKE001 and the main-run scoring. Blocks
    longer than `DIALOG_MAX_CHARS` (a whole page on one line) are not searched. A how-to page whose
    short headings are made only of consent words ("Reject All Cookies") next to paragraphs about
    cookies could be taken for a dialog.
    """


RULES = (
    outside_main_content,
    short_near_noise,
    widget_list,
    comment_thread,
    teaser_cards,
    teaser_feed,
    account_form_tail,
    fused_breadcrumb,
    duplicate_headline,
    lead_before_dateline,
    user_pattern,
    site_template,
    repeated_article_copy,
    quoted_post_copy,
    repeated_label,
    paywall_offer_list,
    gallery_slides,
    consent_dialog,
)
