"""DUP002: later copies of a post's paragraphs inside a forum thread (made-up threads)."""

from __future__ import annotations

import cleaner

QUESTION = (
    "Which paint holds up best on an old garden shed that gets the afternoon sun all summer and "
    "frost most of the winter?"
)
ANSWER = (
    "A breathable wood stain has lasted six years on mine, and it only needs a light sanding "
    "before the next coat goes on."
)


def _post(n: int, who: str, posts: int, *paragraphs: str) -> str:
    return f"#{n}\n\n{who}\n\nPosts: {posts}\n\n" + "".join(p + "\n\n" for p in paragraphs) + "Reply\n\n"


def _thread(quote_line: str) -> str:
    return (
        "Painting a garden shed\n\n"
        + _post(1, "hollyoak", 4, QUESTION)
        + _post(2, "tarnbeck", 230, ANSWER)
        + _post(
            3,
            "fenwren",
            51,
            quote_line,
            QUESTION,
            "Oil paint peeled on ours after two winters, so I would go with the stain as well.",
        )
        + _post(4, "hollyoak", 5, "Thanks, the stain it is, and I will sand the boards first before the weekend.")
    )


def test_quote_box_copy_dropped_first_copy_kept() -> None:
    article = cleaner.clean(_thread("Originally posted by hollyoak"))
    assert article.body.count(QUESTION) == 1
    assert article.body[0] == QUESTION
    assert ANSWER in article.body
    assert [r.text for r in article.removed if r.rule == "DUP002"] == [QUESTION]


def test_copy_under_quote_header_kept() -> None:
    article = cleaner.clean(_thread("hollyoak said:"))
    assert not [r for r in article.removed if r.rule == "DUP002"]


def test_article_repeating_a_paragraph_untouched() -> None:
    text = "Garden notes\n\n" + QUESTION + "\n\n" + ANSWER + "\n\n" + QUESTION + "\n"
    article = cleaner.clean(text)
    assert not [r for r in article.removed if r.rule == "DUP002"]


def test_idempotent() -> None:
    once = cleaner.clean(_thread("Originally posted by hollyoak"))
    assert cleaner.clean(once.text).text == once.text
