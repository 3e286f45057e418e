"""CKE002 consent dialogs: the dialog goes, the article next to it stays whole (made-up text)."""

from __future__ import annotations

import cleaner

_ARTICLE = [
    "Phone makers promise longer updates after complaints",
    "The largest phone makers said on Monday they would send security updates for seven years, "
    "after consumer groups complained that cheap models were abandoned too soon.",
    "Experts advise owners to install updates on their device as soon as they arrive.",
    "The change applies to models sold from next spring, the companies said.",
    "Consumer groups said they would check that the promise is kept and publish a list of "
    "models that fall short of it every year.",
]


def _body(article: cleaner.Article) -> list[str]:
    return list(article.body)


def test_notice_at_top_does_not_swallow_short_article_paragraphs() -> None:
    """Two consent buttons above the headline, and an article sentence that says "your device":
    the short paragraphs between them are not part of a dialog."""
    text = "Accept All Cookies\n\nCookie Settings\n\n" + "\n\n".join(_ARTICLE) + "\n"
    text = text.replace("on their device", "on your device")
    article = cleaner.clean(text)
    assert article.headline == _ARTICLE[0]
    assert _body(article) == [p.replace("on their device", "on your device") for p in _ARTICLE[1:]]


def test_buttons_alone_without_prose_are_not_a_dialog_run() -> None:
    """Bare buttons are CKE001's; CKE002 needs the dialog's prose or headings as well."""
    text = "\n\n".join(_ARTICLE) + "\n\nAccept\n\nReject All\n"
    article = cleaner.clean(text)
    assert _body(article)[:4] == _ARTICLE[1:]
    assert all(r.rule != "CKE002" for r in article.removed)


def test_dialog_longer_than_the_article_is_removed() -> None:
    """A preference center with more prose than the article: the body stays the article."""
    category = (
        "{name} Cookies\n\nThese cookies are used by us and our partners to {what}. If you do not "
        "allow these cookies, some parts of the site may not work as you expect.\n\n"
    )
    dialog = (
        "Privacy Preference Center\n\nWhen you visit any website, it may store or retrieve "
        "information on your browser, mostly in the form of cookies.\n\n"
    )
    for name, what in (
        ("Performance", "count visits and measure the traffic of each page over the month"),
        ("Functional", "remember the choices you make, such as your language and region"),
        ("Targeting", "build a profile of your interests and show you adverts on other sites"),
        ("Social Media", "let you share pages with your friends on social networks"),
    ):
        dialog += category.format(name=name, what=what)
    dialog += "Reject All\n\nConfirm My Choices\n"
    text = "\n\n".join(_ARTICLE[:3]) + "\n\n" + dialog
    article = cleaner.clean(text)
    assert _body(article) == _ARTICLE[1:3]
    assert any(r.rule == "CKE002" for r in article.removed)
