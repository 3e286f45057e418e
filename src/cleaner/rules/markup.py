"""CSS: markup leftovers, style sheets and scripts that leaked into the text."""

from __future__ import annotations

from cleaner.model import Block
from cleaner.patterns import (
    CSS_AT_RULE_OPEN,
    CSS_CLOSE,
    CSS_DECLARATION,
    CSS_PROPERTY,
    CSS_RULE_INLINE,
    CSS_RULE_SELECTOR,
    CSS_SELECTOR_LIST_LINE,
    CSS_SELECTOR_OPEN,
    CSS_SELECTOR_TOKEN,
    DATA_URI,
    JS_CODE,
    MARKUP_TAG,
    SELECTOR_REST,
    found,
    starts,
    timeout_for,
)
from cleaner.registry import DocView, rule


@rule(
    code="CSS001",
    key=r"\{$",
    name="css-selector-block",
    kind="css",
    noise=["p.promo_box:before {", "a.site-link, a.site-link:hover {", "@media (max-width: 600px) {"],
    keep=["The company {quietly} changed its policy.", "Prices rose: food {up 3%} and fuel."],
)
def css_selector(block: Block, doc: DocView) -> bool:
    """A line that opens a CSS rule: a selector followed by `{`.

    ## What it removes
    Selector lines of a `<style>` block that a scraper dumped as text, such as
    `p.box:before {` or `@media (max-width: 600px) {`.

    ## Why is it noise?
    Style sheets are presentation code; no reader of the article ever saw them as text.

    ## Limitations
    A selector that wraps over several lines is caught line by line by the declaration rule.
    """
    text = block.text
    if block.features.chars >= 400 or not text.endswith("{"):
        return False
    if CSS_SELECTOR_OPEN.match(text, timeout=timeout_for(text)) is None:
        return False
    tokens = text[:-1].replace(",", " ").split()
    return text.startswith("@") or any(CSS_SELECTOR_TOKEN.search(t) for t in tokens)


@rule(
    code="CSS002",
    key_match=(CSS_DECLARATION,),
    name="css-declaration",
    kind="css",
    noise=["display: inline-block;", "margin-left: 0px;", "font-family: Georgia, serif;", "color: #333; }"],
    keep=["Note: the meeting is at noon.", "Time: 10:30 a.m. on Monday, the ministry said."],
)
def css_declaration(block: Block, doc: DocView) -> bool:
    """A line of CSS declarations (`property: value;`).

    ## What it removes
    Declaration lines inside a dumped style sheet: `height: 6px;`, `font-family: Georgia, serif;`.

    ## Why is it noise?
    They are style-sheet code, never shown as text to a reader.

    ## Limitations
    A declaration must end with `;` or `}`, or name a known CSS property, so prose lines with a
    colon ("Note: ...") are kept.
    """
    text = block.text
    if block.features.chars > 600 or ":" not in text:
        return False
    if CSS_DECLARATION.match(text, timeout=timeout_for(text)) is None:
        return False
    return text.rstrip().endswith((";", "}")) or CSS_PROPERTY.search(text, timeout=timeout_for(text)) is not None


@rule(
    code="CSS003",
    key=r"^\}",
    name="css-closing-brace",
    kind="css",
    noise=["}", "  }"],
    keep=["} he wrote, closing the letter.", "{ and }"],
)
def css_close(block: Block, doc: DocView) -> bool:
    """A line holding only a closing brace.

    ## What it removes
    The `}` that ends a dumped CSS or script block.

    ## Why is it noise?
    A lone brace carries no text.
    """
    return block.text.startswith("}") and CSS_CLOSE.match(block.text, timeout=timeout_for(block.text)) is not None


#: A style rule under a long descendant selector covers at least this share of its line.
CSS_MIN_SHARE_WITH_SELECTOR = 0.25


@rule(
    code="CSS004",
    key_search=(CSS_PROPERTY,),
    name="css-inline-rules",
    kind="css",
    noise=[
        ".vjs-playlist { margin-left: 0px; max-width: 300px; }",
        "/* .box .title { color: red; } */",
        ".a { color: red; } .b { top: 0; }",
        ".story-body .promo-slot iframe{min-height:480px;}",
        "@media (max-width:600px){.nav{display:none}.menu a{font-size:12px}}",
        ".item-img>img,.card-img>img{object-fit: contain}",
        "45%{transform:translate(20px,10px)}",
    ],
    keep=[
        "The set {a, b} has two elements: a and b.",
        "He said {sic} that the plan: works; mostly.",
        "style = {'display': 'none', 'color': 'red'}",
    ],
)
def css_inline(block: Block, doc: DocView) -> bool:
    """A line made of whole CSS rules (`selector { property: value; }`).

    ## What it removes
    One-line style rules, including commented-out ones and rules inside an at-rule on the same
    line (`@media …{…}`), as minified style sheets dump them.

    ## Why is it noise?
    Style code, not text.

    ## Limitations
    The rules must cover most of the line; prose that contains a brace is kept.
    """
    if "{" not in block.text:
        return False
    text = block.text.strip("/* ")
    if "}" not in text or CSS_PROPERTY.search(text, timeout=timeout_for(text)) is None:
        return False
    # an at-rule (`@media …{`) wrapping rules on the line: its opening and its closing brace
    inner, opened = CSS_AT_RULE_OPEN.subn("", text, timeout=timeout_for(text)) if "@" in text else (text, 0)
    rest = CSS_RULE_INLINE.sub("", inner, timeout=timeout_for(inner))
    if opened:
        rest = rest.replace("}", "", opened)
    covered = len(text) - len(rest)
    if covered >= 0.6 * len(text) or _all_rules(inner):
        return True
    # a rule whose selector has descendant parts: what is left is only selector text
    return covered >= CSS_MIN_SHARE_WITH_SELECTOR * len(text) and SELECTOR_REST.fullmatch(rest) is not None


#: A line is cut into at most this many rules to be read as a minified style sheet.
MAX_INLINE_RULES = 400


def _all_rules(text: str) -> bool:
    """Whether `text` is nothing but `selector{declarations}` rules, one after another: the rules
    of a minified sheet whose selectors have child combinators, lists or keyframe steps
    (".a>img,.b>img{object-fit:contain}", "45%{transform:none}")."""
    parts = text.rstrip().split("}", MAX_INLINE_RULES)
    if len(parts) < 2 or parts[-1].strip() or "}" in parts[-1]:
        return False
    for part in parts[:-1]:
        selector, brace, declarations = part.partition("{")
        selector = selector.strip()
        if not brace or not selector or ":" not in declarations or "{" in declarations:
            return False
        if CSS_RULE_SELECTOR.fullmatch(selector, timeout=timeout_for(selector)) is None:
            return False
    return True


@rule(
    code="CSS005",
    key_match=(JS_CODE,),
    name="script-code",
    kind="css",
    noise=[
        "var ad_slot = googletag.defineSlot('/1234/top', [728, 90]);",
        "window.dataLayer = window.dataLayer || [];",
        "(function(d, s, id) { var js; })(document, 'script', 'sdk');",
    ],
    keep=["Let it be known that the function of the council is advisory.", "If (as expected) it rains, we stay."],
)
def script_code(block: Block, doc: DocView) -> bool:
    """A line of JavaScript that leaked out of a `<script>` element.

    ## What it removes
    Lines starting with a JavaScript keyword or a well-known tag-manager object and ending in
    `;`, `{` or `}`.

    ## Why is it noise?
    Script code is executed by the browser, not read.
    """
    text = block.text
    return text.endswith((";", "{", "}", "; ", ";}")) and JS_CODE.match(text, timeout=timeout_for(text)) is not None


#: Share of a line that tags and shortcodes must cover for it to be markup, not text.
MARKUP_MIN_SHARE = 0.4


@rule(
    code="CSS006",
    needles=("<", "lt;", "[", "/*", "{*", "{|"),
    name="leaked-markup",
    kind="css",
    noise=[
        '&amp;lt;span data-mce-type="bookmark" style="display: inline-block;" class="mce_SELRES_start"&amp;gt;',
        '<div class="ad-slot" data-id="42"></div>',
        "[button link=”http://example.com/review/” type=”big”] Send us YOUR review[/button]",
        "/* see render_widget() in includes/widgets.php */",
        "{* #loginPanel *} {* userEmail *} {* userPassword *}",
        "{| greeting_text |} {| member_since |}",
        "Joined {| member_joined |} from {| member_town |}",
    ],
    keep=[
        "The court [of appeal] said the ruling stands.",
        "Use <b> for bold text, the guide says, and keep headings short and clear for readers.",
        "The set {1, 2, 3} has three members, and the teacher wrote it on the board twice.",
        "{{ page.title }}",
        "{% for item in basket %}",
    ],
)
def leaked_markup(block: Block, doc: DocView) -> bool:
    """A line mostly made of HTML tags or shortcodes that leaked into the text.

    ## What it removes
    Tags with attributes, raw or HTML-escaped (`&lt;span style=…&gt;`), WordPress-style
    shortcodes (`[button link=…]…[/button]`), code comments (`/* … */`) and unrendered template
    placeholders of client-side widgets (`{* form *}`, `{| field |}`) when they cover a large
    share of the line.

    ## Why is it noise?
    Markup is instructions to the browser or the CMS; a dump that keeps it shows code, not text.

    ## Limitations
    Prose that mentions a tag or puts a word in square brackets is kept: the markup must cover
    at least `MARKUP_MIN_SHARE` of the line. The template syntax of server-side engines
    (`{{ title }}`, `{% for x in y %}`) is kept: a tutorial's code listing quotes it.
    """
    text = block.text
    covered = len(text) - len(MARKUP_TAG.sub("", text, timeout=timeout_for(text)))
    return covered >= MARKUP_MIN_SHARE * len(text)


@rule(
    code="CSS007",
    max_words=12,
    key=r",$",
    name="css-selector-list",
    kind="css",
    noise=["html,", ".card .card-title,", "a:hover, a:focus,", "#main > ul li,"],
    keep=["Paris, London, Rome,", "and then,", "She said: yes, no,"],
)
def css_selector_list(block: Block, doc: DocView) -> bool:
    """A line of a CSS selector list that goes on to the next line (`html,` / `.card .title,`).

    ## What it removes
    The first lines of a selector list that a style sheet writes one selector a line; the last
    line, which opens the rule with `{`, is CSS001's.

    ## Why is it noise?
    Style-sheet code, never shown as text. Left unlabelled, such lines split a style sheet into
    runs that the main run is charged for one by one.

    ## Limitations
    Every selector of the line must have a class, id, pseudo-class or attribute part, or be an
    HTML element name: a line of names ending in a comma is kept.
    """
    text = block.text
    if not text.endswith(",") or not starts(CSS_SELECTOR_LIST_LINE, text):
        return False
    tokens = [t for t in text[:-1].replace(",", " ").split() if t not in _COMBINATORS]
    return bool(tokens) and all(CSS_SELECTOR_TOKEN.search(t) for t in tokens)


_COMBINATORS = frozenset(">+~")
_BASE64_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
#: Encoded data covers at least this share of a line's non-space characters, and a piece of it
#: cut from a long line has at most ENCODED_MAX_WORDS words (split at "/" and "+").
ENCODED_MIN_SHARE = 0.6
ENCODED_MAX_WORDS = 12
#: A base64 token is at least this long and has at least this many lone lowercase letters
#: between capitals, digits or signs ("UhEUgAAA"): encoded bytes mix the cases at random, while
#: brand names and glued menus ("Disney+/Hulu/ESPN+", "TVVideosPhotos") write words, a capital
#: and then lowercase letters. Calibrated on the dev benchmark 2026-12-01 (fires on data URIs
#: only).
BASE64_MIN_CHARS = 12
BASE64_LONE_LOWER = 2


def _base64_token(token: str) -> bool:
    """A whitespace-free token that looks like base64: lowercase letters standing alone."""
    if len(token) < BASE64_MIN_CHARS or not _BASE64_CHARS.issuperset(token):
        return False
    lower = [c.islower() for c in token]
    lone = sum(1 for a, b, c in zip(lower, lower[1:], lower[2:], strict=False) if b and not a and not c)
    return lone >= BASE64_LONE_LOWER


@rule(
    code="CSS008",
    name="encoded-data",
    key=rf"base64,|[A-Za-z0-9+/=]{{{BASE64_MIN_CHARS}}}",  # a data URI, or a long enough base64 token
    kind="css",
    noise=[
        ".logo { background: url(data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAB",
        "AAAANSUhEUgAAADAAAAAwCAYAAABXAvm",
        "HAAAABmJLR0QA/wD/AP+gvae",
    ],
    keep=[
        "The iPhone15 and the Galaxy S24 were both on sale.",
        "Her password was not Secret123, she said.",
        "Checkout51",
        "Twitter0Facebook0LinkedIn0email",
        "Disney+/Hulu/ESPN+ Deal",
        "LIVE TVVideosPhotos",
    ],
)
def encoded_data(block: Block, doc: DocView) -> bool:
    """A data URI or a piece of base64-encoded data (an inlined image or font).

    ## What it removes
    Lines holding `data:…;base64,` and the pieces of a long data URI cut from its line: runs of
    twelve or more letters and digits with no space, with lowercase letters standing alone
    between capitals (`AAAANSUhEUgAAADAAAAAw…`).

    ## Why is it noise?
    An image or font inlined in a style sheet; as text it is thousands of characters of noise,
    and a single such line can outweigh a short article.

    ## Limitations
    A line with a short code or identifier among words is kept: the encoded runs must cover
    `ENCODED_MIN_SHARE` of the line.
    """
    text = block.text
    if "base64," in text and found(DATA_URI, text):
        return True
    if block.features.words > ENCODED_MAX_WORDS:
        return False
    tokens = text.split()
    covered = sum(len(t) for t in tokens if _base64_token(t))
    return covered >= ENCODED_MIN_SHARE * sum(map(len, tokens))


RULES = (
    css_selector,
    css_declaration,
    css_close,
    css_inline,
    script_code,
    leaked_markup,
    css_selector_list,
    encoded_data,
)
