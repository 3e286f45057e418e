"""ADV, PRM, PAY: advertisement markers, promotions and paywall notices."""

from __future__ import annotations

from cleaner.model import Block
from cleaner.patterns import (
    ACCOUNT_UI,
    ADVERT,
    EMBED_CONSENT,
    EMBED_PLACEHOLDER,
    PAYWALL,
    PROMO,
    PROMO_OFFER,
    SIGNUP_FORM,
    found,
    timeout_for,
)
from cleaner.registry import DocView, rule

#: A promotion is a short call to action; longer blocks that mention an app are body text.
#: Calibrated on the seeds and the dev benchmark, 2026-11-23.
PROMO_MAX_WORDS = 40
#: The longest marker, "This advertisement has not loaded yet, but your article continues below."
ADVERT_MAX_WORDS = 12


@rule(
    code="ADV001",
    gate=ADVERT,
    max_words=ADVERT_MAX_WORDS,
    name="advert-marker",
    kind="advert_marker",
    noise=[
        "- Advertisement -",
        "ADVERTISEMENT",
        "Sponsored",
        "Story continues below advertisement",
        "Anzeige",
        "Advertisement 4",
        "Story continues below",
        "This ad has not loaded yet, but your story continues below.",
    ],
    keep=[
        "The advertisement campaign cost $2m, officials said.",
        "Sponsored by the ministry, the study found no link.",
        "The story continues below the waterline, where divers found the wreck.",
        "The advertisement has not loaded on older phones, the agency admitted on Friday.",
    ],
)
def advert_marker(block: Block, doc: DocView) -> bool:
    """A standalone advertisement placeholder line.

    ## What it removes
    Lines that only say that an advert stands here: "- Advertisement -", "ADVERTISEMENT",
    "Sponsored", "Story continues below advertisement", "Anzeige", "Publicité", and misspellings
    such as "Advertisment"; a numbered slot ("Advertisement 2"), and the placeholder of a slot
    whose script has not run ("This ad has not loaded yet, but your story continues below").

    ## Why is it noise?
    The advert itself was an image or a script; the label is all that is left in a text dump.

    ## Limitations
    Only whole lines are removed; a body sentence that mentions an advertisement is kept.
    """
    if block.features.words > ADVERT_MAX_WORDS:
        return False
    return ADVERT.match(block.text, timeout=timeout_for(block.text)) is not None


@rule(
    code="PRM001",
    key_match=(PROMO_OFFER,),
    key_search=(PROMO,),
    max_words=PROMO_MAX_WORDS,
    name="channel-promo",
    kind="promo",
    noise=[
        "Join our Telegram channel and get the latest breaking news delivered to you.",
        "Follow us on WhatsApp for daily updates.",
        "Sign up for our newsletter to get the best stories every morning.",
        "Download our app for breaking news alerts.",
    ],
    keep=[
        "The group used a Telegram channel to coordinate the protests, police said.",
        "Investigators say the suspects had downloaded the app months before the attack and "
        "used it to talk with each other, according to court documents released on Monday.",
        "Get a new project going with the make-demo-app starter: run the command for your shell.",
    ],
)
def channel_promo(block: Block, doc: DocView) -> bool:
    """A call to join a channel, follow an account, get an app or sign up for a newsletter.

    ## What it removes
    Short promotional lines such as "Join our Telegram channel…", "Follow us on WhatsApp",
    "Sign up for our newsletter", "Download our app".

    ## Why is it noise?
    They advertise the publisher, not the story.

    ## Limitations
    The line must be short and addressed to the reader (our/us/the latest...), so reporting
    about a channel or an app is kept. The channel word must stand alone: inside a hyphenated
    or dotted name ("make-demo-app", "channel.js") it names a piece of software that a
    documentation page tells the reader to get, not the publisher's app.
    """
    f = block.features
    if f.words > PROMO_MAX_WORDS:
        return False
    text = block.text
    if PROMO_OFFER.match(text, timeout=timeout_for(text)) is not None:
        return True
    m = PROMO.search(text, timeout=timeout_for(text))
    if m is None:
        return False
    head = text[: m.start() + 1].lower()
    # addressed to the reader: imperative at the start of the line
    return m.start() <= 3 or head.startswith(("click", "tap", "please", "to get", "for the latest", "be the first"))


@rule(
    code="PAY001",
    gate=PAYWALL,
    max_words=30,
    name="paywall-notice",
    kind="paywall",
    noise=[
        "Subscribe to continue reading",
        "Already a subscriber? Sign in",
        "This article is for subscribers only.",
        "You have reached your free article limit.",
        "THIS STORY IS RESERVED FOR MEMBERS",
        "Register / Log in to unlock more stories",
        "Create an account or log in to keep reading on any device.",
    ],
    keep=["Readers who subscribe to continue reading at home were surveyed by the institute last year."],
)
def paywall(block: Block, doc: DocView) -> bool:
    """A paywall or registration notice.

    ## What it removes
    "Subscribe to continue reading", "Already a subscriber? Sign in", "This content is for
    subscribers only", "You have reached your article limit".

    ## Why is it noise?
    Site furniture shown to non-subscribers; it is not part of the story.
    """
    return block.features.words <= 30 and PAYWALL.match(block.text, timeout=timeout_for(block.text)) is not None


@rule(
    code="PRM002",
    needles=(
        "unsubscribe",
        "spam",
        "subscribed",
        "activation link",
        "opt-in",
        "newsletter",
        "by sign",
        "by subscribing",
        "by registering",
        "by submitting",
        "no thanks",
        "no, thanks",
        "no thank",
    ),
    max_words=PROMO_MAX_WORDS,
    name="signup-form",
    kind="promo",
    noise=[
        "No spam, we promise. You can unsubscribe at any time and we'll never share your details.",
        "You have successfully subscribed. Thank you!",
        "We have sent an activation link to your inbox: click it to confirm.",
        "Please tick the opt-in box to confirm that you want to subscribe.",
        "By subscribing, you agree to our Privacy Policy.",
        "Subscribe No thanks",
    ],
    keep=[
        "The company said customers could unsubscribe from the service, but many found it hard.",
        "Spam filters caught most of the messages, the researchers found.",
    ],
)
def signup_form(block: Block, doc: DocView) -> bool:
    """The notes of a newsletter sign-up box: reassurance, confirmation and consent lines.

    ## What it removes
    "No spam, we promise. You can unsubscribe at any time", "You have successfully subscribed",
    "We have sent an activation link to your inbox", "Please tick the opt-in box",
    "By subscribing, you agree to our Privacy Policy", "Subscribe No thanks".

    ## Why is it noise?
    A sign-up form of the publisher, not the story; its button and field labels survive in a
    text dump.

    ## Limitations
    Short lines only; reporting about a service's subscriptions is kept.
    """
    return block.features.words <= PROMO_MAX_WORDS and found(SIGNUP_FORM, block.text)


#: An account form's control or prompt is a few words ("Forgot your password?", "Create an
#: account", "Only signed-in users can comment."); longer lines are sentences that may be body.
#: Calibrated on the dev sets and the dev6 learning set 2026-12-08.
ACCOUNT_MAX_WORDS = 8


_ONLY_WORDS = ("nur", "only", "seul", "solo", "alleen")
_CODE_CHARS = frozenset("()[]{}=_<>;'\"`$#/\\→←")


def _account_control(block: Block) -> bool | None:
    """None: no account-form line; True: its label opens with the control's words ("Forgot
    password?" is "Passwort vergessen?", "Create an account", "Only registered users…");
    False: they stand later in it ("Jetzt registrieren", "No password prompt")."""
    text = block.text
    # a control's label is capitalised and has no code in it: "def login():", "git checkout
    # feature-login" and "error = 'Invalid password'" are lines of a listing
    label = text.lstrip("*•- ")
    if block.features.words > ACCOUNT_MAX_WORDS or not label[:1].isupper() or _CODE_CHARS.intersection(label):
        return None
    m = ACCOUNT_UI.search(text, timeout=timeout_for(text))
    if m is None:
        return None
    # a sentence: only the "only registered users can comment" notice (the pattern's second branch)
    if text.rstrip().endswith(".") and not m.group(0).lower().startswith(_ONLY_WORDS):
        return None
    return m.start() == len(text) - len(label)


@rule(
    code="ACC001",
    key_search=(ACCOUNT_UI,),
    max_words=ACCOUNT_MAX_WORDS,
    name="account-form",
    kind="nav",
    noise=[
        "Create an account",
        "Konto erstellen",
        "Mot de passe oublié ?",
        "Only signed-in readers can comment.",
        "Push-Benachrichtigungen aktivieren",
    ],
    keep=[
        "The hackers stole every customer password stored on the server, the company said.",
        "Millions of accounts were exposed after the sign-in page was left unprotected for weeks.",
        "Passwords",
        "Forgot your password?",
    ],
)
def account_form(block: Block, doc: DocView) -> bool:
    """A control or prompt of a reader-account form or a push-notification prompt.

    ## What it removes
    Short lines of the sign-in, registration and password forms that a comment section or a
    metered paywall renders under the article, opening with the control's words ("Sign In or
    Create an Account", "Registrieren", "Mot de passe oublié ?", "Only signed-in users can
    comment."), and the browser push-notification prompt ("Push notifications"), in English,
    German, French, Spanish, Italian, Dutch, Polish, the Nordic languages and more.

    ## Why is it noise?
    They are the site's forms, not the article: the dump kept the labels of their fields and
    buttons, which read as a stack of short lines after the story. Like a menu's links (kind
    `nav`, not `promo`), they part the article from what stands beyond them: the short lines
    next to them are not looked through as body.

    ## Limitations
    Lines of up to ACCOUNT_MAX_WORDS words only, capitalised, without code characters, and not
    a whole sentence that merely mentions an account or password: a line that ends with a full
    stop must be the "only registered users can comment" notice. A line whose control words
    come later ("Forgot your password?", "No password prompt") is ACC002's, a weak hint.
    """
    return _account_control(block) is True


@rule(
    code="ACC002",
    key_search=(ACCOUNT_UI,),
    max_words=ACCOUNT_MAX_WORDS,
    name="account-form-line",
    kind="nav",
    strength="weak",
    noise=["Forgot your password?", "Jetzt kostenlos registrieren", "Neues Passwort erstellen"],
    keep=[
        "Readers who sign in with a bank card will pay less, the operator said.",
        "Create an account",
        "def check_password(user):",
    ],
)
def account_form_line(block: Block, doc: DocView) -> bool:
    """A short line that names an account-form control after a word or two of its own.

    ## What it removes
    Lines such as "Forgot your password?", "Jetzt registrieren" or "Neues Passwort erstellen"
    when they are not part of the article around them: a weak hint, dropped only outside the
    article's prose or between two dropped blocks.

    ## Why is it noise?
    They are the labels of a sign-in or registration form's buttons and fields. The same words
    also make short list items in an article about computer security ("No password login"),
    so the line is only a hint: kept when body prose stands on both sides.
    """
    return _account_control(block) is False


#: An embed's consent sentence is one or two sentences; a longer block is an article about privacy.
EMBED_MAX_WORDS = 40


@rule(
    code="EMB001",
    key_match=(EMBED_PLACEHOLDER,),
    key_search=(EMBED_CONSENT,),
    max_words=EMBED_MAX_WORDS,
    name="embed-placeholder",
    kind="advert_marker",
    noise=[
        "External content not available",
        "Allow video content",
        "Externen Inhalt laden",
        "I agree that the external content is displayed to me.",
        "Your privacy settings prevent the external content from being shown here.",
        "Personal data may be passed to third-party platforms, see our privacy notice.",
    ],
    keep=[
        "The ministry said external content on school websites had been checked.",
        "The video failed to win an award, but it drew a million viewers.",
        "The regulator fined the firm for sending personal data to partners without consent, "
        "and ordered it to delete the records within a month.",
    ],
)
def embed_placeholder(block: Block, doc: DocView) -> bool:
    """The stand-in of an embedded player or third-party box that the dump did not load.

    ## What it removes
    The title and button of an embed ("External content not available", "Allow video
    content", "Change privacy settings"), and its consent sentence: a line of at most `EMBED_MAX_WORDS` words
    that names the external content and what showing it does ("I agree that the external
    content is displayed"), or says that personal data may go to third-party platforms.
    English and German wording.

    ## Why is it noise?
    The embed (a video, a chart, a post) is not in the dump; only the box that asks to load
    it is, repeated at every embed of the article.

    ## Limitations
    Whole lines only; a sentence of the article about external content or personal data
    without the consent wording stays. A player's load error ("This video has failed to load",
    "Try refreshing your browser") is left in: removing it inside a metered wall's box split
    the article's main run on two learning pages, which lost their lead and headline.
    """
    if block.features.words > EMBED_MAX_WORDS:
        return False
    t = timeout_for(block.text)
    if EMBED_PLACEHOLDER.match(block.text, timeout=t) is not None:
        return True
    return EMBED_CONSENT.search(block.text, timeout=t) is not None


RULES = (advert_marker, paywall, channel_promo, signup_form, account_form, account_form_line, embed_placeholder)
