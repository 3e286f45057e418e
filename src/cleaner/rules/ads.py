"""ADV, PRM, PAY: advertisement markers, promotions and paywall notices."""

from __future__ import annotations

from cleaner.model import Block
from cleaner.patterns import ADVERT, PAYWALL, PROMO, PROMO_OFFER, SIGNUP_FORM, found, timeout_for
from cleaner.registry import DocView, rule

#: A promotion is a short call to action; longer blocks that mention an app are body text.
#: Calibrated on the seeds and the dev benchmark, 2026-11-23.
PROMO_MAX_WORDS = 40


@rule(
    code="ADV001",
    gate=ADVERT,
    max_words=8,
    name="advert-marker",
    kind="advert_marker",
    noise=["- Advertisement -", "ADVERTISEMENT", "Sponsored", "Story continues below advertisement", "Anzeige"],
    keep=[
        "The advertisement campaign cost $2m, officials said.",
        "Sponsored by the ministry, the study found no link.",
    ],
)
def advert_marker(block: Block, doc: DocView) -> bool:
    """A standalone advertisement placeholder line.

    ## What it removes
    Lines that only say that an advert stands here: "- Advertisement -", "ADVERTISEMENT",
    "Sponsored", "Story continues below advertisement", "Anzeige", "Publicité", and misspellings
    such as "Advertisment".

    ## Why is it noise?
    The advert itself was an image or a script; the label is all that is left in a text dump.

    ## Limitations
    Only whole lines are removed; a body sentence that mentions an advertisement is kept.
    """
    return block.features.words <= 8 and ADVERT.match(block.text, timeout=timeout_for(block.text)) is not None


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


RULES = (advert_marker, paywall, channel_promo, signup_form)
