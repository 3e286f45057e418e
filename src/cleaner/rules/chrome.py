"""DAT, BRC, NAV, BRW, CKE, LEG: page chrome around the article."""

from __future__ import annotations

from typing import Final

from cleaner.model import Block
from cleaner.patterns import (
    BREADCRUMB_SEPARATED,
    BROWSER_WARNING,
    BULLET,
    CONSENT_LEAD,
    COOKIE,
    DATE_LINE,
    DISCLAIMER,
    GALLERY_COUNTER,
    GLUE,
    LEGAL,
    PRIVACY_TERM,
    READER,
    RELATIVE_DATE_LINE,
    YEAR,
    found,
    starts,
    timeout_for,
)
from cleaner.registry import DocView, rule

#: A glued menu is short or mostly glue points; calibrated on the seeds and dev set 2026-11-23.
NAV_SHORT_WORDS = 6
NAV_GLUE_PER_WORD = 0.2
#: A line ending in a colon with this share of stop words is a sentence, not a glued menu.
NAV_SENTENCE_STOP_DENSITY = 0.2
#: Signs of code; a menu dumped without separators has none of them.
_CODE_SIGNS = frozenset("(){}=;<>[]")
NAV_MIN_CASED_SHARE = 0.7
COOKIE_MAX_WORDS = 90
COOKIE_LONG_MAX_WORDS = 250
COOKIE_LEAD_CHARS = 40


@rule(
    code="DAT001",
    gate=DATE_LINE,
    max_words=12,
    name="page-date",
    kind="page_date",
    noise=["Sunday, May 19, 2024", "November 20, 2019", "Updated: 2023-09-05 14:02", "19 May 2024"],
    keep=["On May 19, 2024, the court ruled.", "May 2024 was the warmest on record."],
)
def page_date(block: Block, doc: DocView) -> bool:
    """A line holding only a date (the site's "today" or a listing date).

    ## What it removes
    "Sunday, May 19, 2024", "Updated: 2023-09-05 14:02", "19 May 2024". The first such date
    above the article becomes `Article.date` (ISO format).

    ## Why is it noise?
    It is page metadata; the story never reads it as a sentence.
    """
    return block.features.words <= 12 and DATE_LINE.match(block.text, timeout=timeout_for(block.text)) is not None


@rule(
    code="DAT002",
    gate=RELATIVE_DATE_LINE,
    max_words=8,
    name="relative-date",
    kind="page_date",
    noise=["2 days ago", "3 hours ago at 07:52 am", "Posted 1 day ago", "vor 2 Stunden"],
    keep=["2 days ago the river burst its banks.", "Three hours ago nobody knew."],
)
def relative_date(block: Block, doc: DocView) -> bool:
    """A line holding only a post's age: "2 days ago", "3 hours ago at 07:52 am".

    ## What it removes
    The age stamps of listed stories and of reader comments. Several of them after the article
    mark a comment thread for CTX004.

    ## Why is it noise?
    Page metadata; a story never reads its own age as a sentence.
    """
    return block.features.words <= 8 and starts(RELATIVE_DATE_LINE, block.text)


@rule(
    code="NAV004",
    gate=GALLERY_COUNTER,
    max_words=3,
    name="gallery-counter",
    kind="nav",
    noise=["1 / 8", "3 of 12", "1/23"],
    keep=["1 of 8 people said no.", "The vote was 3 of 12."],
)
def gallery_counter(block: Block, doc: DocView) -> bool:
    """A slideshow's position counter on a line of its own: "1 / 8", "3 of 12".

    ## What it removes
    The counter of a photo gallery's controls.

    ## Why is it noise?
    A widget's state, not text.
    """
    return block.features.words <= 3 and starts(GALLERY_COUNTER, block.text)


@rule(
    code="BRC001",
    gate=BREADCRUMB_SEPARATED,
    max_words=16,
    name="breadcrumb-trail",
    kind="breadcrumb",
    noise=["Home > World > Asia", "Home / News / Politics", "Startseite » Politik"],
    keep=["Home is where the heart is, she said.", "Home prices rose / fell in 3 of 5 regions."],
)
def breadcrumb_trail(block: Block, doc: DocView) -> bool:
    """A breadcrumb trail with separators: "Home > World > Asia".

    ## What it removes
    The site-path trail above a story. A trail glued to the headline without separators
    ("HomeLocal PoliticsHeadline…") is handled by the context rule BRC002.

    ## Why is it noise?
    Navigation, not text.
    """
    f = block.features
    return (
        f.words <= 16
        and not f.ends_sentence
        and BREADCRUMB_SEPARATED.match(block.text, timeout=timeout_for(block.text)) is not None
    )


@rule(
    code="NAV001",
    # `features.glue` counts GLUE: two lowercase letters, then an uppercase and a lowercase one
    # (non-ASCII letters all admitted: RE2's Unicode tables are older than `regex`'s)
    key=r"[a-z\x{80}-\x{10FFFF}]{2}[A-Z\x{80}-\x{10FFFF}][a-z\x{80}-\x{10FFFF}]",
    name="glued-menu",
    kind="nav",
    noise=[
        "Get more newsLiveon",
        "HomeBusinessOpinionTechSport",
        "Accept & CloseSite Internationalall editionsLog inRegister",
    ],
    keep=[
        "Why PlayStation sales fell",
        "The iPhone maker said revenue rose.",
        "Kindle for PCの起動キーがKeePassと重なる",
        "setName(newName) {",
        "value={filterText}",
        "Then pass filterText and inStockOnly to ProductTable and SearchBar:",
    ],
)
def glued_menu(block: Block, doc: DocView) -> bool:
    """Menu words glued together with no separator ("Get more newsLiveon").

    ## What it removes
    Navigation bars dumped without separators: the glued words show as a lowercase letter
    directly followed by a capitalised word inside one token.

    ## Why is it noise?
    Menus are lists of links, and gluing shows they were separate elements.

    ## Limitations
    Brand names such as "PlayStation" look the same; a short line is removed only when its *last*
    word is glued, or several are. Lines with signs of code (brackets, `=`, `;`) hold camelCase
    identifiers, not glued menus, and are kept.
    """
    f = block.features
    if f.glue == 0 or f.ends_sentence or not _mostly_cased(block.text):
        return False
    if not _CODE_SIGNS.isdisjoint(block.text):
        return False  # camelCase identifiers in code: "setName(newName) {", "value={filterText}"
    if block.text.endswith(":") and f.stop_density >= NAV_SENTENCE_STOP_DENSITY:
        return False  # a sentence that announces code: "Then pass filterText to SearchBar:"
    if f.glue >= 3 and f.glue >= NAV_GLUE_PER_WORD * f.words:
        return True
    if f.words > NAV_SHORT_WORDS:
        return False
    last = block.text.split()[-1]
    return f.glue >= 2 or GLUE.search(last) is not None


def _mostly_cased(text: str) -> bool:
    """Whether most letters have case: glue points mean nothing in CJK text,
    whose words are not separated by spaces and may embed a Latin brand name."""
    letters = [c for c in text if c.isalpha()]
    cased = sum(1 for c in letters if c.isupper() or c.islower())
    return cased >= NAV_MIN_CASED_SHARE * len(letters)


@rule(
    code="NAV002",
    key_match=(BULLET,),
    max_words=5,
    name="menu-item",
    kind="nav",
    strength="weak",
    noise=["* Home", "o Contact Us", "* Subscribe", "- Sports"],
    keep=["* The ministry said 40 people were hurt in the attack on Monday."],
)
def menu_item(block: Block, doc: DocView) -> bool:
    """A short bulleted item with no sentence in it: a menu entry.

    ## What it removes
    Entries of menus rendered as lists ("* News", "o Local").

    ## Why is it noise?
    Menu entries are links. The rule is weak: inside the article, a short list between body
    paragraphs is kept by context.
    """
    f = block.features
    return f.bullet and f.words <= 5 and not f.ends_sentence


@rule(
    code="NAV003",
    gate=LEGAL,
    max_words=5,
    name="site-link",
    kind="nav",
    noise=["Privacy Policy", "Contact Us", "Skip to main content", "Back to Top", "Log in", "Menu"],
    keep=["Privacy policy changes took effect in May, regulators said."],
)
def site_link(block: Block, doc: DocView) -> bool:
    """A site-wide link on its own line ("Privacy Policy", "Contact Us", "Menu").

    ## What it removes
    Header and footer links and controls.

    ## Why is it noise?
    They are the same on every page of the site and are not part of the article.
    """
    return (
        block.features.words <= 5
        and LEGAL.match(block.text, timeout=timeout_for(block.text)) is not None
        and not block.features.ends_sentence
    )


@rule(
    code="BRW001",
    key_search=(BROWSER_WARNING,),
    max_words=40,
    name="browser-warning",
    kind="browser_warning",
    noise=[
        "IE 11 is not supported. For the best experience please use another browser.",
        "Your browser is out of date. Please update it.",
        "Please enable JavaScript to view this page.",
        "You are using an outdated browser. Some pages may not show as they should.",
        "You're running an old browser, so parts of this page may not work.",
    ],
    keep=[
        "Microsoft retired Internet Explorer in 2022 after 27 years of service.",
        "The survey found that many office workers are using an outdated browser without knowing it.",
    ],
)
def browser_warning(block: Block, doc: DocView) -> bool:
    """A browser-support or JavaScript warning.

    ## What it removes
    "IE 11 is not supported…", "Your browser is out of date", "Please enable JavaScript", "You are
    using an out of date browser" (a forum's banner).

    ## Why is it noise?
    It is addressed to the visitor's software, not part of the story.
    """
    low = block.text.lower()
    if "javascript" not in low:
        old_ie = "ie" in low or "explorer" in low
        browser = "browser" in low
        if not old_ie and not browser:
            return False
        # on ASCII text (lower() is then exact), the words each branch of the pattern needs
        if (
            block.text.isascii()
            and not (old_ie and any(w in low for w in _UNSUPPORTED))
            and not (browser and any(w in low for w in _BROWSER_ASKS))
        ):
            return False
    return (
        block.features.words <= 40 and BROWSER_WARNING.search(block.text, timeout=timeout_for(block.text)) is not None
    )


#: What `BROWSER_WARNING` says of an old Internet Explorer, and of "your browser" (or of "the
#: best experience" in another one).
_UNSUPPORTED: Final = ("supported", "no longer", "outdated", "upgrade")
_BROWSER_ASKS: Final = ("support", "out of date", "outdated", "old", "upgrade", "update", "compatible", "experience")


@rule(
    code="CKE001",
    key_search=(COOKIE,),
    max_words=COOKIE_LONG_MAX_WORDS,
    name="cookie-notice",
    kind="cookie_notice",
    noise=[
        "We use cookies to improve your experience. By continuing to browse you agree.",
        "This website uses cookies. Accept all cookies",
        "Cookie Policy",
        "Out of these cookies, the cookies that are categorized as necessary are stored on your browser.",
    ],
    keep=[
        "“We sold out of cookies by noon,” the baker said.",
        "The bakery uses cookies from a local supplier, the owner said.",
    ],
)
def cookie_notice(block: Block, doc: DocView) -> bool:
    """A cookie-consent notice.

    ## What it removes
    "We use cookies to…", "This website uses cookies", "Accept all cookies", "Cookie Policy".

    ## Why is it noise?
    A legal banner of the site, the same on every page.

    ## Limitations
    The site must be the one using cookies ("we/this site uses cookies") or the text must be a
    consent control, so quotes about baked cookies are kept.
    """
    f = block.features
    if f.words > COOKIE_LONG_MAX_WORDS:
        return False
    if "cookie" not in block.text.lower():
        return False
    m = COOKIE.search(block.text, timeout=timeout_for(block.text))
    # a long consent text is still a notice when it opens with the cookie sentence
    return m is not None and (f.words <= COOKIE_MAX_WORDS or m.start() < COOKIE_LEAD_CHARS)


@rule(
    code="LEG001",
    # starts with a copyright sign or word, or ends with "all rights reserved"
    key=r"(?i)^(?:©|\(c\)|copyr[iIİı]ght)|(?i:all r[iIİı]ghts reserved)[. ]*$",
    max_words=25,
    name="copyright-line",
    kind="legal",
    noise=["© 2019 Example News. All rights reserved", "Copyright 2023 The Daily Planet", "All rights reserved."],
    keep=["Copyright law is changing fast, the lawyers said in a statement on Monday morning."],
)
def copyright_line(block: Block, doc: DocView) -> bool:
    """A copyright or rights line.

    ## What it removes
    "© 2019 Site. All rights reserved", "Copyright 2023 Publisher".

    ## Why is it noise?
    Site footer text.
    """
    f = block.features
    text = block.text
    if f.words > 25:
        return False
    low = text.lower()
    if text.startswith(("©", "(c)", "(C)")) or low.rstrip(". ").endswith("all rights reserved"):
        return True
    # "Copyright 2023 Publisher" names a year or a sign; prose about copyright law does not
    return low.startswith(("copyright ", "copyright©")) and (YEAR.search(text) is not None or "©" in text)


#: A privacy notice is a few sentences; a longer paragraph about data is reporting.
PRIVACY_MAX_WORDS = 80
#: Distinct privacy terms a reader-addressed line needs to count as a notice.
PRIVACY_MIN_TERMS = 2


@rule(
    code="LEG002",
    needles=(
        "personal",
        "privacy",
        "data protection",
        "user agreement",
        "terms",
        "consent",
        "revoke",
        "opt-out",
        "opt out",
        "processing of",
        "third parties",
    ),
    max_words=PRIVACY_MAX_WORDS,
    name="privacy-notice",
    kind="legal",
    noise=[
        "I agree to the processing of my personal data for the purpose of creating an account.",
        "You may revoke this consent at any time, in which case your personal data will be deleted.",
        "We have updated our Privacy Policy to comply with data protection rules; please review your settings.",
        "Registration on or use of this site constitutes acceptance of our User Agreement.",
    ],
    keep=[
        "The regulator said the company had processed personal data without consent.",
        "Critics say the new privacy policy gives the firm too much power, the report said.",
        "I agree with the decision, the mayor said after the vote.",
    ],
)
def privacy_notice(block: Block, doc: DocView) -> bool:
    """A privacy or consent notice of the site, addressed to the reader.

    ## What it removes
    "I agree to the processing of my personal data…", "You may revoke this consent at any
    time…", "Please review our Privacy Policy…", "Use of this site constitutes acceptance of our
    User Agreement".

    ## Why is it noise?
    Legal text of the site's forms and banners, the same on every page.

    ## Limitations
    The line must be the reader agreeing ("I agree to…" with a privacy term), or speak to the
    reader ("you", "your") and name at least two privacy terms; reporting about data protection
    in the third person is kept.
    """
    text = block.text
    if block.features.words > PRIVACY_MAX_WORDS:
        return False
    terms = {m.lower() for m in PRIVACY_TERM.findall(text, timeout=timeout_for(text))}
    if not terms:
        return False
    if CONSENT_LEAD.search(text, timeout=timeout_for(text)) is not None:
        return True
    return len(terms) >= PRIVACY_MIN_TERMS and READER.search(text, timeout=timeout_for(text)) is not None


#: A site's standing disclaimer is a paragraph at most; the article's own text is longer.
DISCLAIMER_MAX_WORDS = 120


@rule(
    code="LEG003",
    needles=(
        "reproduced",
        "diagnose",
        "evaluated by",
        "informational purposes",
        "constitute",
        "consult",
        "broadcast",
        "subject to copyright",
    ),
    max_words=DISCLAIMER_MAX_WORDS,
    name="site-disclaimer",
    kind="legal",
    noise=[
        "These statements have not been evaluated by the Food and Drug Administration. These "
        "products are not intended to diagnose, treat, cure, or prevent any disease.",
        "This material may not be published, broadcast, rewritten, or redistributed.",
        "This document is subject to copyright. Apart from any fair dealing, no part may be "
        "reproduced without the written permission.",
        "The content on this site is for informational purposes only and does not constitute financial advice.",
        "Always consult a doctor before starting a new diet or training plan.",
    ],
    keep=[
        "The agency said the claims had not been checked and urged buyers to be careful.",
        "Doctors told patients to consult a physician if symptoms persisted.",
    ],
)
def site_disclaimer(block: Block, doc: DocView) -> bool:
    """A standing disclaimer of the site: medical, financial or reproduction notices.

    ## What it removes
    "These statements have not been evaluated by the Food and Drug Administration…", "This
    material may not be published, broadcast, rewritten, or redistributed", "…no part may be
    reproduced…", "…for informational purposes only and does not constitute financial advice",
    "…consult a doctor before starting a new diet…".

    ## Why is it noise?
    Legal small print of the site, printed under every article.

    ## Limitations
    Only the set formulas of such notices; reporting about a product's claims is kept.
    """
    return block.features.words <= DISCLAIMER_MAX_WORDS and found(DISCLAIMER, block.text)


RULES = (
    page_date,
    relative_date,
    gallery_counter,
    breadcrumb_trail,
    glued_menu,
    menu_item,
    site_link,
    browser_warning,
    cookie_notice,
    copyright_line,
    privacy_notice,
    site_disclaimer,
)
