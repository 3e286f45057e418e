"""Every regular expression of the project, compiled once at import time.

Compiled through `cleaner.pattern_cache`: once the `cleaner` command has saved that cache, a
process loads the compiled code from disk instead of parsing each pattern again.

Rules: use the `regex` module; anchor where possible; bound every repetition (`{0,80}` rather
than `*`), never nest unbounded quantifiers. `tests/test_regex_safety.py` runs each pattern of
`ALL_PATTERNS` against a 10 MB single-line input. Patterns are matched against one block (one
line or a piece of one) unless their comment says otherwise.
"""

from __future__ import annotations

from typing import Final

import regex

from cleaner.pattern_cache import compile as cached

_I = regex.IGNORECASE  # not VERSION1: its full case-folding makes bounded classes ~10^5 times slower
_V = regex.VERSION1

#: Matching timeout (seconds) passed to each search: a backstop that turns a runaway match into
#: a skipped rule rather than a hang. Bounded patterns make it unreachable in practice.
TIMEOUT: Final = 1.0

# (The normalize stage's own edit pattern lives in cleaner.normalize.EDITS.)

# --- segment ----------------------------------------------------------------------------------
WORD: Final = cached(r"\w{1,100}", _V)
#: Two word characters: a cut between them falls inside a word.
WORD_PAIR: Final = cached(r"\w\w", _V)
# A lowercase letter glued to a capitalised word inside one token ("newsLiveon").
GLUE: Final = cached(r"(?<=\p{Ll}{2})\p{Lu}\p{Ll}", _V)
# Any lowercase-to-uppercase step inside a token ("newsRANDY"): soft cut points of long lines;
# not inside a name in parentheses, such as a dateline's agency ("HONOLULU (HarbourNewsNow) -").
SOFT_GLUE: Final = cached(r"(?<=\p{Ll}{2})\p{Lu}(?![\p{L}\d]{0,40}\))", _V)
# A wire dateline with its agency in parentheses inside a long line ("… 4:46 PM HONOLULU,
# Hawaii (HarbourNewsNow) - NASA …"): a page dumped on one line glues it to the byline before it.
# Soft cut point at its start.
GLUED_WIRE_DATELINE: Final = cached(
    r"(?<=\s)\p{Lu}{3,20}(?:\s\p{Lu}{2,20}){0,2}(?:,\s\p{Lu}[\p{L}.]{1,20}(?:\s\p{Lu}[\p{L}.]{1,20})?)?"
    r"\s\(\p{Lu}[\p{L}\d .&-]{1,24}\)\s[–—-]{1,2}\s\p{Lu}",
    _V,
)
SENTENCE_END: Final = cached(r"[.!?…][\"'”’»)\]]{0,3}(?=\s|$)|[。！？]", _V)
BULLET: Final = cached(r"^(?:[*•·▪►»o-]|\d{1,3}[.)])\s", _V)
#: The number that opens an item of an enumerated list or a table row: "1.", "2)", "3 ", "4a ",
#: "#5", "6th:" (not a year: at most three digits).
ENUM_NUMBER: Final = cached(r"^#?\s?(\d{1,3})(?:st|nd|rd|th|[aoºª°])?(?:[.):\-–]|\s)", _V)
#: The marker that opens a list item on its own line ("- ", "• ", "3. ", "(b) ", "iv) "): such a
#: line is never joined to the line before it as wrapped prose (`cleaner.wrap`).
ITEM_START: Final = cached(r"(?:[*•·▪►»◦‣–—-]|\(?(?:\d{1,3}|[A-Za-z]|[ivxlc]{1,6})[.)])\s", _V)
DIGIT: Final = cached(r"\d", _V)
YEAR: Final = cached(r"\b(?:1[89]|20)\d\d\b", _V)

# Cheap test that a line may hold a split point at all (sentence end glued to a letter, a
# parenthesis, or capitals at the end); lines without one skip the split rules.
SPLIT_HINT: Final = cached(r"[.!?][\"”’)\]]{0,2}\p{L}|\(|\p{Lu}{2}\.?\s{0,3}$", _V)
# Splits agency credit lines into their names.
AGENCY_SPLIT: Final = cached(r"[\s,/&()\-–—.]+", _V)

# Glued sentences: a sentence end (not an initial such as "U.S." or an abbreviation such as
# "Sept.") immediately followed by a capitalised word. The look-behind needs two lowercase
# letters or a digit before the mark, so "U.S.A", "e.g.", "Mr.X" and "3.5" never split.
GLUED_SENTENCE: Final = cached(
    r"(?<=(?:\p{Ll}{2}|\d|\p{Ll}[\"”’)\]])[.!?][\"”’)\]]{0,2})(?=\p{Lu}(?:\p{Ll}{1,30}|\p{Lu}[\p{Lu}'’]{1,30})\b)", _V
)
# A qualified name or a member call of a program ("pkg.module.Name", "client.Send(", "obj.Get<T>"):
# two dots between word characters, or a dotted name opening its brackets. Searched in the one
# token (run of non-blanks) around a glued-sentence cut, which is then no cut.
QUALIFIED_NAME: Final = cached(r"\w\.\w{1,80}\.\w|\w\.\w{1,80}[(<]", _V)
# A heading glued on both sides inside a dumped line: a sentence end, then a capitalised title
# with no sentence mark, then with no separator the next sentence's first word and a lowercase
# word ("...last Thursday.Help Shape the Future of TransitNow that his trial has ended").
# Group "title" is the heading; it ends where the glued sentence starts.
GLUED_TITLE: Final = cached(
    r"(?<=(?:\p{Ll}{2}|\d|\p{Ll}[\"”’)\]])[.!?][\"”’)\]]{0,2})"
    r"(?P<title>[\p{Lu}\d][^.!?\n]{8,150}?(?:\p{Ll}{2}|[’'”]))(?=\p{Lu}\p{Ll}{0,20}\s{1,3}\p{Ll})",
    _V,
)
# A line of a program rather than of a menu or a table: a statement end, a brace, an assignment,
# a call (a name glued to its bracket: "parse(line)", not "Comments (27)"), a comment or a prompt
# at its start. "|", "<" and ">" are left out: menus and breadcrumbs use them too.
PROGRAM_LINE: Final = cached(r"^(?://|/\*|\$ |>>> )|[;{}=]|\w\(", _V)
# At a block's start, an item of a list that describes its terms: "term - what it is" or "term:
# what it is" ("* Lock timeout - how long a writer waits", "LogLevel: the lowest level logged"): an
# optional item marker, a term of at most 60 characters with no colon, then a dash between blanks
# or a colon. Group "term" is the term; the description follows the match. The caller checks both
# parts' shapes.
LABELLED_ITEM: Final = cached(
    r"^(?:[*•·▪►»◦‣+o\-–]\s{1,3})?(?P<term>[^\s:][^:\n]{0,60}?)(?:\s{1,3}[-–—]|:)\s{1,3}(?=\S)", _V
)
# A table cell that holds only a figure: "63", "85%", "6-4", "1:27", "(3)".
TABLE_NUMBER_CELL: Final = cached(r"^[\d\s.,:;%+\-/()#]{1,20}$", _V)
#: Lowercase words allowed in a title in Title Case ("Rescue of a Girl in the Park").
TITLE_SMALL_WORDS: Final = frozenset(
    "a an the of in on at to for from by with and or but nor as vs via de la le el du der die das".split()
)
# A credit parenthesis glued to the next sentence: "...(Name/Agency)Next heading".
GLUED_AFTER_CREDIT: Final = cached(r"(?<=\)[\"”’]{0,1})(?=\p{Lu}\p{Ll}{1,30}\b)", _V)
# Trailing agency credit after the last sentence: '... as appropriate.” REUTERS, AFP'.
TRAILING_AGENCY: Final = cached(
    r"(?<=(?:\p{Ll}|\d)[.!?][\"”’]{0,2}|[.!?][\"”’])\s{1,3}"
    r"(?=\p{Lu}{2,12}(?:\s{0,2}(?:,|/|&|and)\s{0,2}\p{Lu}{2,12}){0,4}\s{0,3}$)",
    _V,
)
# Inline related-links heading glued behind a sentence: "...on the agenda.Related Stories".
GLUED_RELATED: Final = cached(r"(?<=[.!?][\"”’]{0,2})(?=(?:related|read more|read also|see also|more on this)\b)", _I)

# --- rules: markup ----------------------------------------------------------------------------
CSS_SELECTOR_OPEN: Final = cached(
    r"^(?:@(?:media|supports|font-face|keyframes)[^{}]{0,200}|[\w\-.#:\[\]=\"'()*>+~, ]{1,300})\{$", _V
)
# A selector token: has a class/id/pseudo/attribute part, or is an HTML element name.
CSS_SELECTOR_TOKEN: Final = cached(
    r"[.#:\[]|^(?:a|p|div|span|body|html|ul|ol|li|h[1-6]|img|table|td|tr|th|section|article|"
    r"header|footer|nav|aside|main|figure|figcaption|button|input|form|label|iframe|\*)$",
    _V,
)
CSS_DECLARATION: Final = cached(
    r"^\s{0,8}(?:[a-z-]{2,40}\s{0,3}:\s{0,3}[^;{}]{1,200};\s{0,3}){1,40}\}?$"
    r"|^\s{0,8}[a-z-]{2,40}\s{0,3}:\s{0,3}[^;{}:]{1,200};?\s{0,3}\}?$",
    _V,
)
CSS_PROPERTY: Final = cached(
    r"\b(?:display|content|border(?:-\w{1,10}){0,2}|height|width|background(?:-\w{1,10})?|"
    r"margin(?:-\w{1,10})?|padding(?:-\w{1,10})?|font(?:-\w{1,10})?|color|position|top|left|"
    r"right|bottom|overflow|line-height|text-\w{1,12}|z-index|opacity|float|max-\w{1,8}|"
    r"min-\w{1,8}|transform|transition|visibility|white-space|vertical-align|box-\w{1,10}|"
    r"flex(?:-\w{1,10})?|align-\w{1,10}|justify-\w{1,10}|cursor|outline|list-style|"
    r"animation(?:-\w{1,10})?|object-\w{1,10}|letter-spacing|grid(?:-\w{1,10}){0,2})\s{0,2}:",
    _V,
)
# The end of a CSS rule inside a long line: "}" followed by more text.
CSS_BRACE_END: Final = cached(r"\}(?=\s{0,3}[^\s}])", _V)
CSS_CLOSE: Final = cached(r"^\s{0,8}\}\s{0,3}$", _V)
CSS_RULE_INLINE: Final = cached(
    # starts only at a word start: inside a word the selector would be retried at every letter
    r"(?<![\w-])[#.]?[\w-]{1,60}(?:[#.:\[][\w\-=\"'\]()]{1,60}){0,8}\s{0,3}\{[^{}]{0,400}:[^{}]{0,400}\}",
    _V,
)
# What is left of a style rule's line once its last rule is taken out: the rest of a descendant
# or grouped selector (".arti-flow .wrap iframe{…}" leaves ".arti-flow .wrap ").
# The selector of one rule of a minified style sheet, cut at its "{": selectors, descendant and
# child combinators, pseudo-classes with arguments, keyframe steps ("45%"), at-rules
# ("@font-face"); "=" and quotes only inside an attribute selector's brackets (so "x = {…}" of
# a program is never a selector).
CSS_RULE_SELECTOR: Final = cached(r"(?:[\w\-.#:*>+~,%@ ()]|\[[^\[\]{}]{0,80}\]){1,300}", _V)
# The opening of a CSS at-rule that wraps other rules on the same line, as minified style sheets
# write it ("@media (max-width:600px){.nav{display:none}}"): its rules are matched by
# CSS_RULE_INLINE once the opening is taken off.
CSS_AT_RULE_OPEN: Final = cached(r"@[\w-]{2,20}[^{};]{0,200}\{", _V)
SELECTOR_REST: Final = cached(r"[\w\s.#,>+~:\[\]=\"'()*-]{0,2000}", _V)
JS_CODE: Final = cached(
    r"^(?:var|let|const|function|window\.|document\.|if\s{0,2}\(|\}\)|\(function|googletag|"
    r"dataLayer|_gaq|\$\(|jQuery)\b.{0,2000}[;{}]\s{0,3}$",
    _V,
)

# Markup that leaked as text: an HTML tag (raw or escaped) with attributes, a shortcode such
# as "[button link=...]" / "[/button]", or a code comment ("/* see gallery_shortcode() */").
MARKUP_TAG: Final = cached(
    r"(?:<|&lt;|&amp;lt;)/?[a-z][a-z0-9]{0,10}(?:\s{1,3}[a-z][\w:-]{0,30}\s{0,2}=\s{0,2}(?:\"[^\"<>]{0,300}\"|'[^'<>]{0,300}'|"
    r"&quot;.{0,300}?&quot;|[^\s>&]{1,100})){0,20}\s{0,3}/?(?:>|&gt;|&amp;gt;)|"
    r"\[/?[a-z][a-z_-]{1,24}(?:\s{1,3}[a-z][\w-]{0,24}=[\"”“'][^\]\"”“']{0,200}[\"”“']){0,10}\s{0,3}\]|"
    r"/\*[^*]{0,300}\*/|"
    # an unrendered placeholder of a client-side widget template: "{* signInForm *}",
    # "{| current_name |}" (the page was dumped before its script filled the form in). Not
    # "{{ x }}" or "{% x %}": tutorials quote those template languages in their code listings.
    r"\{\*[^*]{0,200}\*\}|\{\|[^|]{0,200}\|\}",
    _I,
)

# --- rules: ads and promos --------------------------------------------------------------------
ADVERT: Final = cached(
    r"^[\s\-–—*•|_=~\[(]{0,6}(?:advert\w{0,12}|advertis\w{0,12}|anzeige|werbung|publicit[ée]|"
    r"publicidad|pubblicit[àa]|reclame|реклама|sponsored(?:\s(?:content|post|links?|stories))?|"
    r"paid (?:content|post|partner(?:ship)?)|promoted(?:\s(?:content|stories))?|ads?|"
    r"(?:article|story) continues (?:below|after)(?:(?: this)?(?: the)? ad(?:vertisement)?)?|"
    # the slot's placeholder while its script has not filled it in
    r"(?:this|the) (?:advert\w{0,12}|ad) (?:has not|hasn't|did not|didn't) (?:yet )?loaded?(?: yet)?"
    r"(?:,? but (?:your|the) (?:article|story) continues(?: below)?)?\.?|"
    r"continue reading (?:below|the main story)|scroll to continue(?: with content)?)"
    # a numbered slot: "Advertisement 2"
    r"(?:\s{1,3}\d{1,3})?[\s\-–—*•|_=~\])]{0,6}$",
    _I,
)
#: The channel word stands alone: a word inside a hyphenated or dotted name (a package
#: "create-demo-app", a module "channel.js", a path "/app") names software, not the publisher's app.
PROMO: Final = cached(
    r"\b(?:join|follow|subscribe(?: to)?|sign up(?: for| to)?|download|get|like)\b.{0,80}?"
    r"(?<![-_./@])\b(?:telegram|whatsapp|newsletters?|channel|app|podcast|youtube|instagram|facebook|"
    r"twitter|google news|signal|viber|mailing list|daily (?:brief|digest|email))\b(?![-_./@]\w)",
    _I,
)
PROMO_OFFER: Final = cached(
    r"^(?:click here to subscribe|subscribe (?:now|today|for|to)|sign up (?:now|today|here|for)|"
    r"get (?:the|our) (?:latest|best|top)\b|never miss a\b|stay (?:informed|up to date|updated)\b|"
    r"enter your e-?mail|newsletter\b|download (?:our|the) app|get our app)",
    _I,
)

# --- rules: widgets ---------------------------------------------------------------------------
SHARE: Final = cached(
    r"^(?:share(?: (?:this|on|via|to)(?: \w{1,20}){0,2})?|share this (?:article|story|post|page)|"
    r"click to (?:share on \w{1,20}|email this to a friend|print|tweet)(?: \(opens in new window\))?|"
    r"\d[\d,.]{0,8}k? shares?|"
    r"tweet(?: this)?|pin(?: it)?|e-?mail(?: this)?|print(?: this)?(?: (?:article|page))?|"
    r"copy link|facebook|twitter|whatsapp|linkedin|reddit|telegram|pinterest|tumblr|flipboard|"
    r"messenger|x|sms|like this|likeloading\W{0,3}|like loading\W{0,3}|addthis sharing buttons|"
    r"teilen|partager|compartir|condividi)\s{0,2}:?\s{0,2}$",
    _I,
)
SOCIAL_NAME: Final = cached(
    r"click to (?:share on|email this to a friend|print)|\(opens in new window\)|share (?:to|on|via)|"
    r"facebook|twitter|whatsapp|linkedin|reddit|telegram|pinterest|tumblr|flipboard|messenger|"
    r"e-?mail|print|share|tweet|google\+?|stumbleupon|blogger|pocket|copy link|vk|xing|sms",
    _I,
)
COMMENTS: Final = cached(
    r"^(?:\d{1,6}\s{0,2})?(?:comments?|all comments\.?|show (?:all )?comments|view comments|"
    r"(?:leave|post|add|write) (?:a |your )?(?:comment|reply)|comments? \(\d{1,6}\)|"
    r"join the (?:conversation|discussion)|comments are closed\.?|cancel reply|"
    r"share your thoughts\b.{0,40}|discussion|be the first to comment\.?|"
    r"you must be logged in to post a comment\.?|comment via \w{1,20}|reply|"
    r"commentaires?|kommentare?|comentarios?|commenti)\s{0,2}:?$",
    _I,
)
WIDGET_HEADING: Final = cached(
    r"^(?:most (?:popular|read|viewed|shared|commented|emailed|recent)|recent (?:comments|posts|"
    r"articles|stories|news)|popular(?: (?:posts|stories|articles|now|news))?|trending(?: now| "
    r"(?:stories|news|articles|topics))?|latest(?: (?:news|posts|stories|articles|headlines|"
    r"videos))?|top (?:stories|news|picks|videos)|editor'?s'? picks?|featured(?: (?:posts|"
    r"stories|articles))?|categories|archives|tags|topics|follow us|connect with us|"
    r"we are social\b.{0,40}|popular tags|in (?:other news|case you missed it)|don'?t miss|"
    r"newsletter|more (?:news|videos|stories)|breaking news|what'?s hot|hot topics|"
    r"meistgelesen|les plus lus|lo más leído|più letti)\s{0,2}:?$",
    _I,
)
RELATED_HEADING: Final = cached(
    r"^(?:more on (?:this|the) (?:topic|story|subject)|related(?: (?:stories|articles|posts|"
    r"content|coverage|news|links|reading|topics|videos))?|read (?:more|also|next)|see also|"
    r"also read|further reading|more from [\w .'&-]{1,40}|you (?:may|might|could) also "
    r"(?:like|be interested in|enjoy)|recommended(?: (?:for you|stories|articles|reading))?|"
    r"more stories|more to explore|what to read next|up next|next (?:story|article|post)|"
    r"previous (?:story|article|post)|(?:read|watch) (?:this|these) next|"
    r"lesen sie auch|mehr zum thema|à lire aussi|lire aussi|leer más|te puede interesar|"
    r"leggi anche|veja também|читайте также|"
    # "you may also like" in the languages with stop-word lists
    r"(?:você|voce) (?:também |tambem )?(?:pode|poderá) gostar|(?:también )?te (?:puede|podría) "
    r"(?:gustar|interesar)|vous (?:aimerez|pourriez aimer) aussi|à voir aussi|das könnte sie auch "
    r"interessieren|auch interessant|(?:ti )?potrebbe(?:ro)? (?:interessarti|piacerti)|ook interessant|"
    r"lees ook|"
    # "related articles" and "more on this" in the same languages
    r"passend zum (?:artikel|thema)|weitere (?:artikel|beitr\u00e4ge|nachrichten)(?: zum thema)?|"
    r"\u00e4hnliche (?:artikel|beitr\u00e4ge)|sur le m\u00eame (?:th\u00e8me|sujet)|"
    r"la r\u00e9daction vous (?:conseille|recommande)|"
    r"(?:art\u00edculos|noticias|notas) relacionad[oa]s|articoli correlati|gerelateerde (?:artikelen|berichten)|"
    r"relaterte (?:artikler|saker)|relaterade artiklar|relaterede artikler|leia tamb\u00e9m|"
    r"mais (?:not\u00edcias|artigos)|"
    r"вам (?:может|могут) (?:понравиться|быть интересн\w{1,4})|похожие (?:статьи|новости|"
    r"материалы)|материалы по теме)\s{0,2}(?:\.{3}|…)?\s{0,2}[:»›>]?$",
    _I,
)
# Where a teaser card's title is glued to its summary: "…Student-AthleteA 24-year-old woman…".
#: Runs of letters, and runs of letters without case (CJK, Thai…): their share tells a dense
#: script apart from a cased one.
LETTERS: Final = cached(r"\p{L}+", _V)
UNCASED_LETTERS: Final = cached(r"[\p{Lo}\p{Lm}]+", _V)
TEASER_GLUE: Final = cached(r"(?<=\p{Ll}{3}|[’'”?!])\p{Lu}(?=[\p{Ll} ])", _V)
# A title in sentence case glued to the upper-case dateline that opens its summary
# ("…may soon be deemed statelessWASHINGTON: Expressing concern…").
TEASER_DATELINE_GLUE: Final = cached(
    r"(?<=\p{Ll}{2}|[’'”?!)])(?=\p{Lu}{2,20}(?:[ -]\p{Lu}{2,20}){0,2}\s{0,2}[:–—]\s)", _V
)
RELATED_INLINE: Final = cached(
    r"^\[?\s{0,2}(?:related|see also|read more|read also|also read|more|recommended|lesen sie "
    r"auch|lire aussi|leer más|leggi anche|veja também)\s{0,2}[:|]\s{0,2}.{3,200}\]?$"
    r"|^(?:related (?:articles|stories|posts|news|coverage)|most (?:read|popular|viewed)(?: in [\w ]{1,30})?|"
    r"popular (?:articles|stories|posts)|more (?:stories|news|articles) from [\w ]{1,30})"
    r"\s{0,2}[:|]?\s{0,2}\S.{2,1500}$",
    _I,
)

# --- rules: people and attribution ------------------------------------------------------------
# A credit parenthesis at the end of a caption: "(Name/Agency via Getty Images)", "(KCNA via
# Reuters)", "(Photo: AP)". Needs a slash, "via", a credit word, or a known agency name.
_CREDIT_BODY = (
    # agency names are matched with their own casing, so "(ePA)" or "(ap)" in prose is no credit
    r"\((?:[^()]{0,80}\b(?:via|pool|file|handout|courtesy|(?-i:Getty|GETTY|Reuters|REUTERS|AFP|AP|"
    r"EPA|ANSA|DPA|dpa|EFE|Xinhua|XINHUA|TASS|RIA|KCNA|Yonhap|YONHAP|Shutterstock|Alamy|iStock|"
    r"Bloomberg))\b[^()]{0,80}|"
    r"\p{Lu}[^()/]{0,60}/\s{0,2}\p{Lu}[^()/]{0,60}(?:/\s{0,2}\p{Lu}[^()/]{0,60}){0,3}|"
    r"(?:photo|image|picture|pic|credit|foto|bild|video)s?\s{0,2}(?:credit)?\s{0,2}[:/]"
    r"[^()]{1,80})\)"
)
# A text shown collapsed: cut off with an ellipsis and followed by its "more" toggle.
COLLAPSED_TEXT: Final = cached(r"\w[\w,;:)\"'”’]{0,3}\s{0,2}(?:\.{3}|…)\s{0,2}(?:show\s{1,2})?more\s{0,2}$", _I)
# An expanded caption's collapse toggle may follow the credit: "... (Name/Agency) less".
CAPTION_TOGGLE: Final = cached(r"\s{1,3}(?:(?:show|read|see)\s{1,2})?less\.?\s{0,2}$", _I)
CREDIT_PAREN: Final = cached(_CREDIT_BODY + r"[.\s]{0,3}(?:(?:(?:show|read|see)\s{1,2})?less\.?\s{0,2})?$", _I)
# A credit parenthesis inside a line, at its end or glued to the next capitalised word.
CREDIT_PAREN_INLINE: Final = cached(_CREDIT_BODY + r"(?=\s{0,3}$|\p{Lu})", _I)
# Where a sentence starts inside a paragraph (used to find where an inline caption begins).
SENTENCE_START: Final = cached(r"(?<=(?:\p{Ll}{2}|\d|[\"”’])[.!?][\"”’]{0,2})\s{1,3}(?=[\p{Lu}\"“])", _V)
PHOTO_CREDIT: Final = cached(
    r"^(?:(?:cover|main|top|header|featured|lead|hero|file|title)\s)?"
    r"(?:photo|image|picture|pic|illustration|video|foto|bild|graphic)s?"
    r"(?:\s(?:credit|courtesy|by|source))?s?\s{0,2}[:|/©]\s{0,2}.{1,100}$"
    r"|^(?:credit|photo credit|image credit|image source)\s{0,2}[:|]\s{0,2}.{1,80}$"
    r"|^(?:image|photo|picture) copyright\s{0,2}[:|©]?\s{0,2}.{1,60}$",
    _I,
)
SOURCE_CREDIT: Final = cached(r"^(?:source|sources|quelle|fuente|fonte)\s{0,2}:\s{0,2}.{1,80}$", _I)
CONTRIBUTED: Final = cached(
    r"^[\p{Lu}][\w.,'& -]{0,200}? (?:also )?contributed(?: reporting)?"
    r"(?: to (?:this|the) (?:report|story|article))?\.?$"
    r"|^(?:additional )?reporting by .{2,120}$|^(?:edited|written|compiled) by .{2,80}$"
    r"|^with (?:agencies|wires|inputs from agencies)\.?$",
    _I,
)
AGENCY_LINE: Final = cached(
    r"^\p{Lu}{2,12}(?:\s{0,2}(?:,|/|&|and)\s{0,2}\p{Lu}{2,12}){0,4}\.?$"
    r"|^[-–—(]{1,2}\s{0,2}(?:\p{Lu}{2,12}|reuters|afp|ap)\s{0,2}[-–—)]{0,2}$",
    _V,
)
SOURCE_LINK: Final = cached(
    r"^(?:source|original|read (?:the )?(?:full|original) (?:article|story|post)(?: here)?|"
    r"view (?:the )?original(?: article)?|link to (?:the )?(?:source|original)|go to source|"
    r"via)(?: link| article| url)?\s{0,2}[:»›>]?$",
    _I,
)
BIO_FIRST_PERSON: Final = cached(
    r"^(?:hi,? |hello,? )?(?:i'm|i’m|i am)\s.{0,80}\b(?:author|writer|blogger|journalist|editor|"
    r"founder|reporter|creator|owner|contributor)\b",
    _I,
)
BIO_THIRD_PERSON: Final = cached(
    r"^(?:(?i:about the author)\s{0,2}:?\s{0,2})?\p{Lu}[\p{L}.'-]{1,30}(?: \p{Lu}[\p{L}.'-]{0,30}){0,3}"
    r" (?:is|was|has been|serves as) (?:an? |the )?(?:[\w-]{1,20} ){0,5}(?:writer|reporter|"
    r"journalist|editor|correspondent|contributor|columnist|author|blogger|freelancer|"
    r"producer|analyst)\b",
    _V,
)
# The meta line above one comment: "Name on May 2, 2019 at 5:23 pm said:", "usernamesays:",
# "34 responses to “Title”", "12 thoughts on “Title”".
COMMENT_META: Final = cached(
    r"(?:says|said|wrote|writes|replied|commented"
    # the same comment header in the languages of the dev sets ("Name sagt:", "Name dit :")
    r"|\b(?:sagt|schreibt|schrieb|dit|a \u00e9crit|dice|escribi\u00f3|scrive|ha scritto|zegt|schreef|disse|diz|"
    r"escreveu|s\u00e4ger|skriver|siger|sier|pisze|napisa\u0142a?))\s{0,2}:$"
    r"|^\d{1,5}\s(?:responses?|comments?|thoughts|replies|reactions)\s(?:to|on)\b.{0,200}$",
    _I,
)
# The self-introduction that opens a first-person bio ("Hi, I'm ").
BIO_INTRO: Final = cached(r"^(?:hi,? |hello,? )?(?:i'm|i’m|i am)\s", _I)
BIO_HEADING: Final = cached(r"^(?:about the author|about me|author bio|the author)\s{0,2}:?$", _I)
BYLINE: Final = cached(
    r"^(?i:(?:posted|written|published|reported|story|words|text|photos?) by|by|von|par|por|di|door|от)"
    r"\s{1,3}\p{Lu}[\p{L}.'-]{1,30}(?:\s{1,3}(?:and\s|&\s)?"
    r"\p{Lu}[\p{L}.'-]{0,30}){0,5}\b.{0,80}$",
    _V,
)

# A German "Von X bis Y" ("from X to Y") opens a title or a sentence, not a byline ("Von
# Montag bis Freitag: …", "Von der Küste bis zum Hafen").
BYLINE_RANGE: Final = cached(r"^von\s[^\n]{1,60}?\sbis\s", _I)

# --- rules: page chrome -----------------------------------------------------------------------
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?"
_TIME = (
    r"(?:\s{0,3}(?:at\s|[-–|,@]\s{0,2})?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s{0,2}(?:[ap]\.?m\.?)?"
    r"(?:\s{0,2}[A-Z]{2,5}(?:[+-]\d{1,4})?)?)?"
)
# A post's age on a line of its own: "2 days ago", "3 hours ago at 07:52 am", "vor 2 Stunden".
RELATIVE_DATE_LINE: Final = cached(
    r"^(?:(?:posted|published|updated)\s{1,2})?(?:\d{1,3}|an?|one)\s(?:sec(?:ond)?|min(?:ute)?|hour|hr|day|week|month|"
    r"year)s?\sago"
    + _TIME
    + r"\s{0,3}$|^vor\s\d{1,3}\s(?:sekunden|minuten|stunden|tagen|wochen|monaten|jahren)\s{0,3}$",
    _I,
)
# A slideshow's position counter on a line of its own: "1 / 8", "3 of 12".
#: A forum post's number at the start of its meta line: "#4", "#12" (glued to a date or not).
POST_ORDINAL: Final = cached(r"^#\d{1,5}(?!\d)", _V)
GALLERY_COUNTER: Final = cached(r"^\d{1,3}\s{0,2}(?:/|of|von|de|di|sur|из)\s{0,2}\d{1,3}$", _I)
DATE_LINE: Final = cached(
    rf"^(?:(?:published|updated|posted|last updated|date)\s{{0,2}}(?:on)?\s{{0,2}}:?\s{{0,2}})?"
    rf"(?:{_WEEKDAY},?\s{{1,3}})?(?:"
    rf"(?P<mon>{_MONTH})\s{{1,3}}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s{{1,3}}(?P<year>\d{{4}})|"
    rf"(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\.?\s{{1,3}}(?P<mon2>{_MONTH}),?\s{{1,3}}(?P<year2>\d{{4}})|"
    rf"(?P<y3>\d{{4}})[-/.](?P<m3>\d{{1,2}})[-/.](?P<d3>\d{{1,2}})|"
    rf"(?P<d4>\d{{1,2}})[./](?P<m4>\d{{1,2}})[./](?P<y4>\d{{4}})"
    rf"){_TIME}\s{{0,3}}$",
    _I,
)
BROWSER_WARNING: Final = cached(
    r"(?:\b(?:ie|internet explorer)\s{0,2}\d{0,2}\b.{0,60}\b(?:not (?:be )?supported|no longer|"
    r"outdated|upgrade)|\byour (?:web )?browser\b.{0,80}\b(?:not supported|out of date|outdated|"
    r"upgrade|update|does not support|doesn't support|is not compatible)|\b(?:on|with|use) "
    r"(?:a |another |a different |a modern |a newer )?(?:web )?browser\b.{0,40}(?:optimal|best) "
    r"experience|(?:optimal|best) experience.{0,40}\b(?:another|different|modern|newer|latest) "
    r"(?:web )?browser|\b(?:please )?enable javascript\b|javascript is (?:disabled|required|"
    r"not enabled)|\bthis (?:site|page|website) requires javascript|\byou(?:'re| are) (?:using|running) an? "
    r"(?:out[- ]of[- ]date|outdated|unsupported|old|older) (?:web )?browser\b)",
    _I,
)
COOKIE: Final = cached(
    r"(?:\b(?:we|this (?:web)?site|our (?:web)?site|the (?:web)?site|site) (?:uses?|use) "
    r"(?:\w{1,15} ){0,2}cookies|\bcookie (?:policy|settings|preferences|consent|notice|"
    r"statement)|\baccept (?:all )?cookies|\buse of cookies\b|\bby continuing to (?:use|browse)|"
    r"\bcookies? (?:help|allow) us\b|\bverwendet cookies|\butilise des cookies|"
    r"\butiliza cookies|\butilizza (?:i )?cookie|\bcookies (?:that are )?(?:categori[sz]ed|classified) as\b|"
    r"\bcookies?\b.{0,120}\bstored (?:on|in) your browser\b|\bopt[- ]out of these cookies\b)",
    _I,
)
# The microcopy of a comment form: what a site tells a reader about to post.
COMMENT_FORM: Final = cached(
    r"\bemail address will not be published|\brequired fields are marked|\bsave my name,? e-?mail|"
    r"\bnotify me of (?:follow-?up|new) (?:comments|posts|replies)|\byou must be logged in to (?:post|comment)|"
    r"\b(?:be respectful|community (?:guidelines|standards|rules)).{0,80}\bcomment|"
    r"\bcomment data is processed\b|^comments? (?:are|is) (?:subject to (?:our|the)\b|moderated\b|closed\b)|"
    r"^please be (?:mindful|respectful)\b",
    _I,
)
# The controls and prompts of a reader-account form (sign-in, registration, password) and of a
# browser push-notification prompt, in the UI vocabulary of the languages the dev sets hold. Only
# short lines are tried (ACC001): a sentence about a password leak is body.
ACCOUNT_UI: Final = cached(
    r"(?<![\w-])(?:passwor[dt]|kennwort|mot de passe|contrase\u00f1a|senha|wachtwoord|has\u0142o|l\u00f6senord|"
    r"adgangskode|passord|salasana|heslo|jelsz\u00f3|\u043f\u0430\u0440\u043e\u043b\u044c|"
    r"sign[- ]?in|sign[- ]?up|log[- ]?in|log[- ]?out|anmelden|abmelden|registrieren|einloggen|"
    r"benutzerkonto|nutzerkonto|create (?:an |your )?account|(?:konto|account) (?:erstellen|deaktivieren|l\u00f6schen)|"
    r"se connecter|connectez-vous|s'inscrire|inscrivez-vous|cr\u00e9er (?:un|votre) compte|"
    r"iniciar sesi\u00f3n|inicia sesi\u00f3n|reg\u00edstrate|crear (?:una )?cuenta|accedi|registrati|"
    r"inloggen|registreren|account aanmaken|zaloguj|zarejestruj|logga in|"
    r"push[- ]?(?:benachrichtigung|mitteilung|notification|nachricht)\w{0,4}|browser-push|"
    r"notifications? push|notificaciones push|notifiche push|pushmeldingen|powiadomienia push)\b"
    r"|\b(?:nur|only|seuls?|solo|alleen)\b.{0,40}\b(?:angemeldete|registrierte|eingeloggte|signed[- ]in|"
    r"logged[- ]in|registered|connect\u00e9s|abonn\u00e9s|registrados|registrati|ingelogde)\b.{0,40}"
    r"\b(?:kommentier|comment|coment|reageren|reagieren)",
    _I,
)
# The standing disclaimers of a site: medical, financial and reproduction notices.
DISCLAIMER: Final = cached(
    r"\bno part (?:of this (?:\w{1,15} ){0,2})?may be reproduced\b|\bnot intended to diagnose, treat,? (?:or )?cure\b|"
    r"\bthese statements have not been evaluated by\b|\bfor (?:general )?informational purposes only\b|"
    r"\b(?:does|do|should|shall) not constitute (?:\w{1,15} ){0,2}(?:medical|financial|legal|investment|"
    r"professional|tax) advice\b|\bconsult (?:your|a) (?:physician|doctor|health ?care (?:provider|professional))\b"
    r".{0,80}\bbefore (?:beginning|starting|using)\b|\bmay not be (?:published|reproduced),? broadcast\b|"
    r"^this (?:document|material|content) is subject to copyright\b",
    _I,
)
# The microcopy of a newsletter sign-up box: reassurance, confirmation and consent lines.
SIGNUP_FORM: Final = cached(
    r"\bunsubscribe at any time\b|\bno spam\b|\bsucc?ess?fully subscribed\b|\bactivation link\b|"
    r"\bopt-in box\b|\bsee all newsletters\b|\bcan send me\b.{0,80}\bnewsletter|"
    r"\bby (?:sign(?:ing)? up|subscribing|registering|submitting)\b.{0,60}\byou (?:agree|accept|consent)\b|"
    r"^(?:subscribe|sign up)\s{1,3}no,? thanks?\b",
    _I,
)
# A reader agreeing to the site's terms, or the site addressing the reader about their data.
CONSENT_LEAD: Final = cached(
    r"^i (?:agree|consent|accept)\b|\b(?:use of|registration on) (?:this|our) (?:web)?site constitutes\b",
    _I,
)
PRIVACY_TERM: Final = cached(
    r"\bpersonal (?:data|information|details)\b|\bprivacy (?:policy|notice|statement|settings)\b|"
    r"\bdata (?:protection|privacy)\b|\buser agreement\b|\bterms (?:of (?:use|service)|and conditions)\b|"
    r"\bconsent\b|\brevoke\b|\bopt[- ]out\b|\bprocessing of\b|\bthird parties\b",
    _I,
)
READER: Final = cached(r"\b(?:you|your|yours)\b", _I)
PAYWALL: Final = cached(
    r"^(?:subscribe (?:now )?to (?:continue|keep) reading|to (?:continue|keep) reading,? "
    r"(?:please )?(?:subscribe|sign in|log in|register)|already a (?:subscriber|member)\??"
    r".{0,40}|this (?:article|content|story) is (?:for|only available to|exclusive to) "
    r"(?:subscribers|members)|you(?:'ve| have) reached your (?:free )?(?:article )?limit"
    r"|(?:sign in|log in|register) to (?:continue|read)|premium content|subscribers only"
    r"|unlock (?:this|full) (?:article|access)"
    # a metered wall's box: "This story is reserved for members", "Register / sign in to unlock
    # more stories", "Create an account or log in to keep reading"
    r"|this (?:article|content|story) is reserved for (?:subscribers|members)"
    r"|(?:register|subscribe|sign in|log in)(?:\s{0,2}/\s{0,2}(?:register|sign in|log in))? to unlock\b"
    r"|create an account or (?:sign|log) in to (?:continue|keep)\b).{0,120}$",
    _I,
)
#: DUP003: a label line of letters only, up to six words ("Story body"), nothing else.
LABEL_LINE: Final = cached(r"^\p{L}{1,30}(?: \p{L}{1,30}){0,5}$", _V)
#: EMB001: the stand-in of an embedded player or third-party box that the dump did not load:
#: its title and its button ("External content not available", "Allow video content").
EMBED_PLACEHOLDER: Final = cached(
    r"^(?:"
    r"external content (?:is )?(?:not available|unavailable)|(?:show|load|allow) (?:the )?external content|"
    r"externe[rn]? inhalte? (?:nicht verfügbar|anzeigen|laden|erlauben)|"
    r"(?:youtube|vimeo|video|podcast|audio)-?\s?(?:inhalte?|content) (?:erlauben|anzeigen|laden|allow|show|load)|"
    r"(?:allow|show|load) (?:youtube|vimeo|video|podcast|audio) content|"
    r"(?:privatsphäre|privacy)-?\s?(?:einstellungen|settings) (?:ändern|anpassen|change|manage))"
    r"[\s.,!:]{0,3}$",
    _I,
)
#: ... and its consent sentence: a line that names the external content and what showing it does.
EMBED_CONSENT: Final = cached(
    r"\b(?:externe[nr]? inhalte?|external content)\b.{0,200}?"
    r"\b(?:angezeigt|anzeigen|übermittelt|verhindern|ergänzt|displayed|shown|transmitted|prevent|supplement)"
    r"|\b(?:personenbezogene daten|personal data)\b.{0,60}?\b(?:drittplattformen|third-party platforms)\b",
    _I,
)
LEGAL: Final = cached(
    r"^(?:©|\(c\)|copyright\b|all rights reserved|alle rechte vorbehalten|tous droits "
    r"réservés|todos los derechos reservados).{0,160}$|all rights reserved\.?\s{0,2}$"
    r"|^(?:privacy policy|terms of (?:use|service)|terms (?:&|and) conditions|contact us|about us|"
    r"sitemap|site map|imprint|impressum|accessibility|careers|advertise(?: with us)?|"
    r"log ?in|sign ?in|sign ?up|register|subscribe|log ?out|menu|search|home|skip to "
    r"(?:main )?content|back to top|close|next|previous|loading\W{0,3}|more|open|toggle "
    r"navigation)\s{0,2}$",
    _I,
)
BREADCRUMB_SEPARATED: Final = cached(
    r"^(?:home|start|startseite|accueil|inicio|главная)\s{0,3}(?:[>/»›|→]\s{0,3}[^>/»›|→]{1,60}){1,8}$",
    _I,
)
HOME_PREFIX: Final = cached(r"^(?:home|start|startseite|accueil|inicio)", _I)
# A link aggregator's source label after a title: "Title (example.com)", "Title (blog.example.org)".
# Lower case only: "(ASP.NET)" and "(Node.js)" name what the title is about.
SOURCE_DOMAIN: Final = cached(r"\s\((?:[a-z0-9-]{1,63}\.){1,4}[a-z]{2,12}\)$")

# --- rules: comment threads ------------------------------------------------------------------
# A comment's byline: a user name of one to four words, a dot or bar, and when it was posted
# ("Jo Park · May 2, 2021 at 9:14 AM", "reader42 | 3 days ago").
COMMENT_BYLINE: Final = cached(
    r"^[^\W\d_][\w.'’-]{0,30}(?:\s[^\W\d_][\w.'’-]{0,30}){0,3}\s{0,3}[·•|]\s{0,3}(?:"
    rf"{_MONTH}\s{{1,2}}\d{{1,2}}(?:st|nd|rd|th)?,?\s{{1,2}}\d{{4}}|\d{{1,2}}\.?\s{{1,2}}{_MONTH},?\s{{1,2}}\d{{4}}|"
    r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|(?:\d{1,3}|an?)\s(?:min(?:ute)?|hour|hr|day|week|month|year)s?\sago|"
    r"yesterday|today)" + _TIME + r"\s{0,3}$",
    _I,
)
# The controls of a comment thread: "* reply", "Reply · Report", "View comments (27)",
# "Load more comments", "Show 3 more replies".
COMMENT_CONTROLS: Final = cached(
    r"^[*•·-]?\s{0,2}(?:(?:reply|report|like|flag|quote|permalink|edit|delete)"
    r"(?:\s{0,3}[·•|]\s{0,3}(?:reply|report|like|flag|quote|permalink|edit|delete)){0,5}"
    r"|(?:view|show|load|see|read|hide)\s(?:all\s|more\s|the\s|\d{1,6}\s){0,2}(?:more\s)?(?:comments?|replies)"
    r"(?:\s{0,2}\(\d{1,6}\))?)\s{0,2}$",
    _I,
)

# --- rules: style sheets and encoded data ---------------------------------------------------
# A line of a selector list that continues on the next line: "html,", ".card .title,".
CSS_SELECTOR_LIST_LINE: Final = cached(r"^[\w\-.#:\[\]=\"'()*>+~, ]{1,200},$", _V)
# A data URI: "data:image/png;base64,".
DATA_URI: Final = cached(r"data:[\w.+/-]{1,60}(?:;[\w.=-]{1,60}){0,4};base64,", _V)

# --- assemble ---------------------------------------------------------------------------------
# A wire dateline opening the story: an upper-case place (or "City, Country" in mixed case with
# the region written out: "City, ST –" and "City, Ill. —" open press releases and agate lines),
# an optional ", State" or ", Country" part and an optional "(Agency)", then a dash ("PARIS
# (Reuters) -", "FRESNO, Calif. (AP) —", "BERLIN --") or, after capitals only, a colon ("LAGOS:").
# Column openers and labels in capitals ("DEAR ABBY:", "UPDATE:", "BREAKING NEWS —") are not
# places.
DATELINE: Final = cached(
    r"^(?!(?:DEAR|HI|HELLO|Q|A|P\.?S|NOTE|EDITOR|EDITORS|EDITOR'S|EDITOR’S|UPDATE|UPDATED|BREAKING|WATCH|"
    r"VIDEO|PHOTOS?|EXCLUSIVE|ANALYSIS|OPINION|COMMENTARY|EDITORIAL|CORRECTION|CLARIFICATION|WARNING|"
    r"SPOILERS?|ALERT|LIVE|READ|RELATED|FILE|ICYMI|FACT|REVIEW|INTERVIEW|LETTERS?|FAQ|DISCLAIMER|"
    r"SOURCES?|CREDITS?|MORE|ALSO|WHAT|WHY|HOW|WHO|WHEN|WHERE|TL;?DR|SUMMARY|BACKGROUND|UPDATE\s\d|"
    r"TAKEAWAYS?|KEY\sTAKEAWAYS?|BOTTOM\sLINE|SPOILER|TRANSCRIPT|HOST|ANNOUNCER|NARRATOR|"
    r"ATTENTION|ATENÇÃO|ATENCIÓN|ACHTUNG|ATTENZIONE|IMPORTANT|NOTICE|AVISO|HINWEIS|NB|PLEASE)\b)"
    r"(?P<dl>(?:\p{Lu}[\p{Lu}.'’-]{2,30}(?:[ /]\p{Lu}[\p{Lu}.'’-]{1,30}){0,3}"
    r"(?:,\s\p{Lu}[\p{L}.'’-]{1,30}(?:\s\p{Lu}[\p{L}.'’-]{1,30}){0,2})?"
    r"|\p{Lu}\p{Ll}{1,30}(?:[ -]\p{Lu}\p{Ll}{1,30}){0,2},\s\p{Lu}\p{Ll}{2,30}(?:\s\p{Lu}\p{Ll}{2,30}){0,2})"
    r"(?:\s\((?:\p{Lu}[\w .&-]{1,24})\))?)"
    r"(?:\s(?:[–—-]{1,2})\s(?=\S)|(?<=\p{Lu}\p{Lu}|\)):\s(?=\p{Lu}|[\"“‘\d]))",
    _V,
)

# A transcript's speaker label opening a paragraph: a name in capitals, an optional ", ROLE" or
# "#2", then a colon ("ANA RUIZ, HOST: …", "UNIDENTIFIED PERSON #2: …", "RUIZ: …"). Where several
# paragraphs open like this, a colon opener is a speaker, not a place.
SPEAKER_LABEL: Final = cached(r"^\p{Lu}[\p{Lu}.'’ -]{1,40}(?:,\s\p{Lu}[\p{Lu}.'’ -]{1,30})?(?:\s#\d{1,3})?:\s", _V)

# --- headline ---------------------------------------------------------------------------------
# A CJK character (Han, kana, Hangul): CJK titles are measured in characters, not words.
CJK_CHAR: Final = cached(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]", _V)
# The months' names in the languages of the dev sets' news pages (German, French, Italian,
# Spanish, Portuguese, Dutch, Turkish), written day first: "17. April 2024", "5 gennaio 2025",
# "3 de mayo de 2024", "20 Nisan 2026".
_MONTH_INTL = (
    r"(?:januar|februar|m\u00e4rz|mai|juni|juli|oktober|dezember|janvier|f\u00e9vrier|mars|avril|juin|"
    r"juillet|ao\u00fbt|septembre|octobre|novembre|d\u00e9cembre|gennaio|febbraio|marzo|aprile|maggio|"
    r"giugno|luglio|agosto|settembre|ottobre|dicembre|enero|febrero|abril|mayo|junio|julio|septiembre|"
    r"octubre|noviembre|diciembre|janeiro|fevereiro|mar\u00e7o|maio|junho|julho|setembro|outubro|"
    r"dezembro|januari|februari|maart|mei|augustus|ocak|\u015fubat|mart|nisan|may\u0131s|haziran|"
    r"temmuz|a\u011fustos|eyl\u00fcl|ekim|kas\u0131m|aral\u0131k|april|august|september|november|december)"
)
# A date or time inside a short line: what a date/"Updated …" line under a title holds.
HEAD_DATE: Final = cached(
    rf"\b{_MONTH}\s{{1,3}}\d{{1,2}}(?:st|nd|rd|th)?,?\s{{1,3}}(?:\d{{4}}|at\b)|"
    rf"\b\d{{1,2}}\.?\s{{1,3}}(?:de\s{{1,3}})?{_MONTH_INTL}\s{{1,3}}(?:de\s{{1,3}})?(?:19|20)\d\d\b|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\.?\s{{1,3}}{_MONTH},?\s{{1,3}}\d{{4}}|"
    r"\b\d{1,2}[:.]\d{2}\s{0,2}(?:[ap]\.?m\b|[AP]M\b|(?:[A-Z]{2,4}T|UTC|GMT|IST|ET|PT)\b)|\b\d{1,2}:\d{2}\b|"
    r"\b(?:19|20)\d\d-\d\d-\d\d\b|\b\d{1,2}/\d{1,2}/(?:19|20)?\d\d\b|"
    r"\b\d{1,3}\s(?:sec(?:ond)?|min(?:ute)?|hour|hr|day|week|month)s?\sago\b|"
    r"^(?:updated|published|posted|last (?:modified|updated)|date|veröffentlicht|publié|publicado|pubblicato)\b",
    _I,
)
# Page chrome that is title-shaped: share and UI labels, reading times, counters, photo credits,
# staff labels, handles and addresses. Searched in lines of at most `headline.MAX_CHARS`.
# Written for the engine to fail fast on a long line: the labels at the line's start in one
# group tried at position 0 only, the phrases that start a word behind one `\b`, and the
# trail's separator looked for from its blank (the look-behind asks for the character before it).
HEAD_CHROME: Final = cached(
    r"^(?:share(?:\s(?:this|on|via|all|the|article|story|text|close|link)\b|\s{0,2}$|\s{0,2}[:|])|"
    r"copy\slink|log\s?(?:out|in)\b|sign\s(?:in|up)\b|subscribe\b|menu\b|print\b|e-?mail\b|"
    r"comments?\b|previous\b|next\b|back\sto\b|show\smore\b|read\smore\b|click\b|follow\b|"
    r"related\b|trending\b|advertisement\b|listen\b|skip\sto\b|filed\sunder\b|tags?\s{0,2}:|"
    r"posted\sin\b|categor(?:y|ies)\b|image\scopyright\b|why\syou\scan\b|key\spoints\b|"
    r"(?:video|photos?|images?|gallery|watch|credit|source)s?\s{0,2}(?::|\d|$)|"
    # a photo credit in other languages ("Foto: Ana Ruiz", "Bild: Agentur", "Фото: …")
    r"(?:fotos?|bild|quelle|\u0444\u043e\u0442\u043e)\s{0,2}:|"
    # an FAQ or accordion toggle ("+ What is …?"), a shop's price line ("$1,799 Save $1,369.01")
    # and a call-to-action button ("Get a Personalized Demo")
    r"\+\s|"
    r"[$€£]\s?\d[\d,.]{0,12}\s[^$€£]{0,30}[$€£]\s?\d[\d,.]{0,12}\s{0,2}$|"
    r"(?:get|request|book|schedule|see)\s(?:a\s|your\s|the\s)?(?:free\s|personali[sz]ed\s|live\s)?demo\b|"
    r"(?:start|try)\s(?:your\s|a\s|it\s)?(?:for\s)?free\b|get\sstarted\b|contact\s(?:sales|us)\b|"
    # a trial's button ("Free 14-Day Trial", "Start Trial") and a paywall's notice over the
    # article ("This story is available exclusively to … subscribers")
    r"(?:free\s(?:\d{1,3}[-\s]days?\s)?|start\s(?:your\s|a\s)?(?:\d{1,3}[-\s]days?\s)?)trial\b|"
    r"this\s(?:story|article|content|post)\sis\s(?:only\s)?(?:available|reserved|exclusive)\b)|"
    r"\b(?:\d{1,3}\s{0,2}min(?:ute)?s?\.?\s{0,2}read\b|"
    r"(?:image|photo|slide|picture)\s{0,2}\d{1,3}\s{0,2}(?:of|/)\s{0,2}\d{1,3}\b|"
    r"(?:log|sign)\s?(?:in|out|up)\s{0,3}$|"
    r"(?:getty\simages|shutterstock|associated\spress|courtesy\b|photo\scredit|file\sphoto)|"
    r"credit\s{0,2}(?:\.{2,3}|…|:)|"
    r"(?:unsupported\son\syour\sdevice|in\sa\snew\s(?:window|tab)|external\slinks)\b|"
    r"(?:staff\s(?:writer|report(?:s|er)?)|contributor|correspondent|contributing\swriter|editorial\sstaff|staff)"
    r"\s{0,3}$|"
    # a reading time written out
    r"reading\stime\b)|"
    r"https?://|www\.|@\w|"
    r"/\s{0,2}(?:AP|AFP|Reuters|Getty\sImages?|[A-Z]{2,12})\s{0,3}\]?$|"
    r"(?<=\S)\s[>»›]\s[^>»›]{1,60}\s[>»›]\s",
    _I,
)
# More lines no title is, kept apart from HEAD_CHROME so that each pattern stays fast on a 10 MB
# line: a breadcrumb trail with two spaced slashes ("Services / Advisory / Human Resources"; the
# ">", "»", "›" trails are in HEAD_CHROME), a copyright or legal footer ("1996 - 2023 Site. All
# rights reserved. | Terms of Use"), a call-to-action button naming a site or a count ("Go to
# example.com", "Browse 500k+ datasets").
HEAD_FOOTER: Final = cached(
    r"\S\s/\s[^/]{1,60}\s/\s|\ball\srights\sreserved\b|^(?:©|\(c\)\s)|"
    r"\|\s{0,2}(?:terms\sof\s(?:use|service)|privacy\spolicy|cookie\spolicy)\b|"
    r"^(?:go\sto|visit|browse|explore|shop|view|discover|download)\s(?:[\w-]{1,40}\.(?:com|org|net|io|co|gov|edu|info)\b|"
    r"\d[\d,.]{0,8}\s{0,2}[km]?\+)",
    _I,
)
#: What a line of ASCII text needs (lowercased) for HEAD_CHROME or HEAD_FOOTER to match it: one
#: of these strings anywhere, or one of the openings at its start (the `^` branches). A cheap
#: test tried before the two patterns (`head_chrome`); a branch added to either pattern needs
#: its literal here (tests/test_pattern_gates.py checks the patterns' examples and random lines).
HEAD_CHROME_NEEDLES: Final = (
    # HEAD_CHROME: reading times, slide counters, addresses, handles, credits, trails, staff
    "read", "image", "photo", "slide", "picture", "://", "www.", "@", "log", "sign", "/", "getty",
    "shutterstock", "associated", "courtesy", "file", "credit", "unsupported", "new", "external",
    ">", "staff", "contribut", "correspondent",
    # HEAD_FOOTER: "/" trails (above), "All rights reserved", "| Terms of use"
    "reserved", "|",
)  # fmt: skip
HEAD_CHROME_OPENINGS: Final = (
    # HEAD_CHROME
    "share", "copy", "log", "sign", "subscribe", "menu", "print", "e-mail", "email", "comment",
    "previous", "next", "back", "show", "read", "click", "follow", "related", "trending",
    "advertisement", "listen", "skip", "filed", "tag", "posted", "categor", "image", "why", "key",
    "video", "photo", "gallery", "watch", "credit", "source", "foto", "bild", "quelle", "+", "$",
    "get", "request", "book", "schedule", "see", "start", "try", "contact", "free", "this",
    # HEAD_FOOTER
    "(c)", "go", "visit", "browse", "explore", "shop", "view", "discover", "download",
)  # fmt: skip
# A field label alone on its line, in front of the byline's or the date's value ("By",
# "Author:", "Written by", "Publish date:"; "by" in the languages of `BYLINE`: "von", "par",
# "por", "di", "door", "от"): the line after it is a name or a date, not a title.
HEAD_META_LABEL: Final = cached(
    r"^(?:by|von|par|por|di|door|\u043e\u0442|authors?|written\sby|posted\sby|words\sby|reporter|publish(?:ed)?(?:\s(?:date|on))?|"
    r"date|updated(?:\son)?|last\supdated)\s{0,2}:?\s{0,2}$",
    _I,
)
# A forum thread's header fields under its title ("Thread starter", "Start date"), alone on
# their line or glued to their value ("Thread starterAna", "Start dateMay 4, 2024"): the line
# above them (or above the forum's breadcrumb trail over them) is the thread's title.
HEAD_THREAD_FIELD: Final = cached(r"^(?:thread\s?starter|start\s?date)", _I)
# A table of contents' label alone on its line ("Table of Contents", "In this article", "On
# this page"): the short lines under it are the page's section headings, listed.
HEAD_CONTENTS_LABEL: Final = cached(
    r"^(?:table\s(?:of\s)?contents|contents|in\sthis\s(?:article|post|guide|page|section)|on\sthis\spage|"
    r"jump\sto(?:\ssection)?|article\scontents)\s{0,2}:?$",
    _I,
)
# A product's rating line under its title, what a byline is under an article's ("4.7 out of 5
# stars with 914 reviews", "Rated 4.5/5", "(12) Write a Review", "1,204 ratings", "★★★★☆").
# Searched in short lines only (`headline.RATING_MAX_CHARS`).
HEAD_RATING: Final = cached(
    r"^(?:rated\s{1,2})?\d(?:[.,]\d{1,2})?\s{0,2}(?:out\sof|/)\s{0,2}5\b|"
    r"^\(?\d[\d,.]{0,8}\)?\s{0,2}(?:customer\s|verified\s)?(?:reviews?|ratings?)\s{0,2}\)?$|"
    r"^\(\d[\d,.]{0,8}\)\s{0,2}write\sa\sreview\b|^[★☆]{4,5}",
    _I,
)
# A person's name alone (with an optional ", Title"): a byline without its "By".
HEAD_NAME: Final = cached(
    r"^\p{Lu}[\p{Ll}'’-]{1,20}(?:\s\p{Lu}\.)?(?:\s\p{Lu}[\p{Ll}'’-]{1,20}){1,2}(?:,\s[\p{L} ]{1,40})?$",
    _V,
)
# A calendar date inside a line ("Published: November 19, 2019 at 8:59 pm", "Wed, Nov 20 2019",
# "19 November 2019", "2019-11-19"); group "upd" is set when "Updated"/"Modified" stands just
# before it. Searched in short lines near the headline only.
DATE_IN_LINE: Final = cached(
    r"(?P<upd>(?:updated|modified|edited)\b[^\d]{0,12})?(?:"
    rf"\b(?P<mon>{_MONTH})\s{{1,3}}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s{{1,3}}(?P<year>(?:19|20)\d\d)|"
    rf"\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\.?\s{{1,3}}(?P<mon2>{_MONTH}),?\s{{1,3}}(?P<year2>(?:19|20)\d\d)|"
    r"\b(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d)\b)",
    _I,
)

# A consent dialog's control or heading: a short block made only of consent-control words
# ("Accept All Cookies", "Reject All", "Confirm My Choices", "Strictly Necessary Cookies",
# "Privacy Preference Center", "Apply Cancel"). Matched whole (bounded word count).
CONSENT_CONTROL_WORDS: Final = (
    "accept reject allow deny decline refuse confirm save manage customise customize show hide "
    "apply cancel clear close agree disagree i ok okay all my your our we value choice choices "
    "selection selected setting settings preference preferences details purposes vendors partners "
    "and or only privacy center centre list checkbox label labels always active strictly necessary "
    "essential required performance functional functionality targeting analytic analytics analytical "
    "marketing advertising statistic statistics social media more information options consent cookie "
    "cookies tracking trackers do not sell share personal data opt out in of the to use these "
    "technologies legitimate interest interests unclassified back button toggle on off vendor ad ads "
    "object objection remove view illustrations iab leg switch"
).split()
#: What separates the words of a consent control.
CONSENT_CONTROL_SEPARATORS: Final = " ,&/:|().-"
CONSENT_CONTROL: Final = cached(
    rf"^(?:(?:{'|'.join(CONSENT_CONTROL_WORDS)})(?:[{regex.escape(CONSENT_CONTROL_SEPARATORS)}]{{1,3}}|$)){{1,12}}$",
    _I,
)
# The words that make such a block a consent control rather than a bare "More information".
CONSENT_STRONG: Final = cached(
    r"\b(?:accept|reject|allow|deny|decline|refuse|consent|cookies?|checkbox|vendors|purposes|"
    r"always active|confirm my choices|legitimate interests?|remove objection)\b",
    _I,
)
# The explanatory prose of a consent dialog, in the site's voice: what it stores on "your
# browser/device", what "these cookies" do, "we and our partners", consent and its withdrawal.
CONSENT_PROSE: Final = cached(
    r"\b(?:store|retrieve|access)(?: (?:and/or|and|or) (?:store|retrieve|access))? information "
    r"(?:on|from) (?:your|a|the) (?:browser|device)\b|\bthese (?:cookies|technologies|trackers)\b|"
    r"\bwe and our (?:\d{1,4} )?(?:\w{1,15} )?partners\b|\b(?:withdraw|change|refuse) (?:your |our )?"
    r"(?:consent|preferences|default settings)\b|\bconsent(?:ing)? to (?:our|the use|these|all)\b|"
    r"\bpersonali[sz]ed (?:ads|advertising|content)\b|\b(?:ad|advertising) and content measurement\b|"
    r"\b(?:types|categories) of cookies\b|\bcookies (?:help|allow|enable|are used|may be "
    r"(?:set|used)|collect|are necessary|are required)\b|\btrack(?:s|ing)? (?:visitors|you|users) "
    r"across\b|\bprecise geolocation\b|\bdevice (?:scanning|characteristics)\b|\byour (?:privacy "
    r"preferences|right to privacy|browser|device)\b|\bpartners can use this (?:special )?"
    r"(?:purpose|feature)\b",
    _I,
)

ALL_PATTERNS: Final[tuple[regex.Pattern[str], ...]] = tuple(
    value for value in tuple(globals().values()) if isinstance(value, regex.Pattern)
)

#: Below this length a bounded pattern cannot run long, so the timeout's own fixed cost (a timer
#: per call, about as much as a short match) is not paid; longer texts always get the backstop.
TIMEOUT_MIN_CHARS: Final = 10_000


def timeout_for(text: str) -> float | None:
    """The `timeout=` to pass when matching `text`: the backstop for long texts, none for short."""
    return TIMEOUT if len(text) > TIMEOUT_MIN_CHARS else None


def found(pattern: regex.Pattern[str], text: str) -> bool:
    """Whether `pattern` occurs anywhere in `text` (with the long-text timeout)."""
    return pattern.search(text, timeout=timeout_for(text)) is not None


def starts(pattern: regex.Pattern[str], text: str) -> bool:
    """Whether `pattern` matches at the start of `text` (with the long-text timeout)."""
    return pattern.match(text, timeout=timeout_for(text)) is not None


# Cheap tests that a pattern cannot match, tried before the pattern itself on every block. Each
# is a necessary condition of its pattern, so the answer is the pattern's; a hypothesis test
# checks it (tests/test_pattern_gates.py).

#: TABLE_NUMBER_CELL is at most 20 characters (and `$` may stand before a final line break) and
#: none of them is a letter.
_NUMBER_CELL_MAX: Final = 21
#: PROGRAM_LINE needs one of these characters, or "(" after a word character, or an opening mark.
_PROGRAM_CHARS: Final = frozenset(";{}=(")
_PROGRAM_STARTS: Final = ("//", "/*", "$ ", ">>> ")


def number_cell(text: str) -> bool:
    """`TABLE_NUMBER_CELL` matches `text`: a table cell that holds only a figure."""
    if len(text) > _NUMBER_CELL_MAX or text[:1].isalpha():
        return False
    return TABLE_NUMBER_CELL.match(text, timeout=timeout_for(text)) is not None


def head_chrome(text: str) -> bool:
    """`HEAD_CHROME` or `HEAD_FOOTER` is found in `text` (a line no title is)."""
    if text.isascii():
        lowered = text.lower()
        if not lowered.startswith(HEAD_CHROME_OPENINGS) and not any(n in lowered for n in HEAD_CHROME_NEEDLES):
            return False
    t = timeout_for(text)
    return HEAD_CHROME.search(text, timeout=t) is not None or HEAD_FOOTER.search(text, timeout=t) is not None


def program_line(text: str) -> bool:
    """`PROGRAM_LINE` is found in `text`: a line of a program."""
    if _PROGRAM_CHARS.isdisjoint(text) and not text.startswith(_PROGRAM_STARTS):
        return False
    return PROGRAM_LINE.search(text, timeout=timeout_for(text)) is not None
