"""The headline stage (cleaner.headline), the dateline and the article date.

Each wrong-pick kind of issue 12 has a page of its own here: a made-up news page with the
title somewhere above the body and, nearer to the body, the kind of line that used to win.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner import headline as headline_stage
from cleaner.model import Block, Verdict
from cleaner.normalize import normalize
from cleaner.patterns import HEAD_CHROME, HEAD_DATE, HEAD_FOOTER, SOFT_GLUE
from cleaner.segment import Memo, segment

TITLE = "Harbour authority approves plan to deepen the northern shipping channel"

NAV = [
    "Home",
    "News",
    "Business",
    "Sport",
    "Culture",
    "Opinion",
    "Weather",
    "Subscribe",
]

BODY = [
    "The harbour authority approved a plan on Tuesday to deepen the northern shipping channel so that "
    "larger container ships can reach the port, officials said after a long meeting.",
    "The plan to deepen the channel will cost about forty million euros and take three years, and the "
    "authority said shipping would continue while the dredging work goes on at night.",
    "Fishermen who use the northern channel said they feared the dredging would disturb the fish, and "
    "asked the authority to publish its studies of the water before the work begins.",
    "The port's director said the harbour would lose business to its neighbours without the deeper "
    "channel, because the newest ships can no longer enter it fully loaded at low tide.",
]


def page(before_title: list[str], after_title: list[str], *, title: str = TITLE, body: list[str] = BODY) -> str:
    return "\n".join([*NAV, *before_title, title, *after_title, *body, "About us", "Contact", "Privacy policy"]) + "\n"


def headline(text: str) -> str | None:
    return cleaner.clean(text).headline


def _blocks(lines: list[str]) -> tuple[Block, ...]:
    """The blocks of a page made of `lines`, one block a line."""
    return segment(normalize("\n\n".join(lines) + "\n"), cleaner.config.DEFAULT.ruleset(), Memo()).blocks


# --- wrong-pick kinds ---------------------------------------------------------------------------


def test_byline_under_the_title_is_not_the_headline() -> None:
    assert headline(page([], ["By Ana Ruiz"])) == TITLE
    assert headline(page([], ["Ana Ruiz", "Staff Writer"])) == TITLE


def test_date_line_is_not_the_headline() -> None:
    text = page([], ["Dec. 20, 2016, 12:44 PM UTC / Updated Dec. 20, 2016, 1:10 PM UTC"])
    assert headline(text) == TITLE


def test_reading_time_and_ui_labels_are_not_the_headline() -> None:
    text = page([], ["5 Min Read", "Share on Facebook (opens in a new window)", "Key Points"])
    assert headline(text) == TITLE


def test_photo_credit_and_caption_are_not_the_headline() -> None:
    text = page([], ["Container ships wait outside the northern channel of the harbour", "Lena Berg/AP"])
    assert headline(text) == TITLE


def test_section_label_is_not_the_headline() -> None:
    assert headline(page(["Maritime Affairs"], ["Port News"])) == TITLE


def test_title_beats_the_standfirst_under_it() -> None:
    standfirst = (
        "The authority says the deeper channel will bring the newest ships back to the harbour and protect "
        "jobs in the port for years."
    )
    assert headline(page([], [standfirst, "By Ana Ruiz"])) == TITLE


def test_title_beats_the_deck_between_it_and_the_byline() -> None:
    # title, a short deck (no sentence) sharing more of the body's words, then the byline
    deck = "Harbour authority backs deeper northern channel for larger container ships"
    assert headline(page([], [deck, "By Ana Ruiz", "May 4, 2021"])) == TITLE


def test_caption_or_video_title_between_the_byline_and_the_body_is_not_the_headline() -> None:
    # title, byline and date, then a video's or photo's title right above the text; the
    # video's title is also in the page's video list at the foot, so it is "repeated" too
    video = "Harbour authority plan to deepen northern shipping channel approved"
    text = page([], ["By Ana Ruiz", "Updated May 4, 2021 10:07 AM", video]) + f"More videos\n{video}\n"
    assert headline(text) == TITLE


def test_post_actions_pagination_and_cut_link_lists_are_not_the_headline() -> None:
    # a forum page: a title that shares only some words with the post, then the poster's card,
    # the pager, a breadcrumb cut before its next item and the post's action buttons, repeated
    # under every post
    title = "Should the port dig out its northern channel? Readers argue"
    furniture = [
        "Pages (3): 1 2 3 Next »",
        "Harbour channel forum (2.1) »",
        "Share this post",
        "Reply With Quote",
        "Improve this answer",
        "Add a comment |",
    ]
    foot = "\n".join(furniture) + "\n"
    profile = ["Ana Ruiz", "Joined May 4, 2021 Messages 12 Harbour channel port ships"]
    share = [f"Share on network {i}" for i in range(24)]
    text = page([], ["By Ana Ruiz", *share, *profile, *furniture], title=title) + foot + foot
    assert headline(text) == title


def test_documentation_heading_with_permalink_mark_beats_a_contents_entry() -> None:
    # a documentation page: a table of contents lists the page and its sections; the page's own
    # heading ends with its permalink mark, and so does each section heading in the text
    # (the headline is written without the mark: it is the anchor's glyph, not the title's)
    title = "Tutorial - Harbour Guide\u00b6"
    contents = ["Contents", "Tutorial - Harbour Guide", "Run the dredgers at night", "Search docs"]
    body = [BODY[0], "Run the dredgers at night\u00b6", *BODY[1:]]
    assert headline(page(contents, [], title=title, body=body)) == "Tutorial - Harbour Guide"


def test_a_bulleted_copy_is_not_a_title_copy() -> None:
    # related stories listed as bullets higher up and again, bare, between the byline and the
    # text: a bullet is a list's affix, not a site suffix, so they are not "repeated" titles
    title = "The quiet town going to war over a ditch"
    related = [
        "Storm closes the coastal road for a second day",
        "City buses to run all night during the summer festival",
    ]
    text = page([f"* {r}" for r in related], ["By Ana Ruiz", "1 day ago", *related], title=title)
    assert headline(text) == title


def test_caption_with_its_credit_after_a_share_bar_is_not_the_headline() -> None:
    # title, byline, date, a share bar and gallery markers, then a photo's caption (with more of
    # the body's words than the title) and its credit right above the text
    caption = "The harbour authority plans to deepen the northern shipping channel for container ships"
    chrome = ["By Ana Ruiz", "Published 11:11 PM EST Nov 19, 2019", "Share", "*", "*", "*"]
    assert headline(page([], [*chrome, caption, "Lena Berg, Associated Press"])) == TITLE


def test_pull_quote_under_the_title_is_not_the_headline() -> None:
    # a quoted sentence from the story, with its attribution, between the title and the byline
    title = "Harbour channel plan passes vote"
    quote = "\u201cWe have to deepen the northern channel for the container ships,\u201d the port's director said"
    assert headline(page([], [quote, "Share", "Comments", "By Ana Ruiz"], title=title)) == title


def test_video_title_under_a_video_label_is_not_the_headline() -> None:
    # the page's video player sits between the title and the text: its label, then its title
    title = "Harbour plan passes"
    video = "Port director on why the harbour needs a deeper northern shipping channel"
    assert headline(page([], ["By Ana Ruiz", "close", "video", video], title=title)) == title


def test_related_story_titles_are_not_the_headline() -> None:
    related = [
        "Most read",
        "City buses to run all night during the summer festival",
        "New library opens in the old railway station",
        "Council votes to plant a thousand trees along the river",
    ]
    assert headline(page(related, ["By Ana Ruiz", "May 4, 2021"])) == TITLE


def test_title_far_above_the_body() -> None:
    share = [f"Share on network {i}" for i in range(16)]
    assert headline(page([], ["By Ana Ruiz", *share])) == TITLE


def test_title_over_a_hundred_line_table_of_contents() -> None:
    # a guide's title and byline, then its table of contents of a hundred entries, then the text
    contents = [f"Part {i}: the harbour channel step {i}" for i in range(100)]
    assert headline(page([], ["By Ana Ruiz", "Contents", *contents])) == TITLE


def test_title_under_a_trending_list() -> None:
    trending = [
        "Trending",
        "Storm closes the coastal road for a second day",
        "School meals to be free for all pupils next year",
        "Rail strike called off after late night talks",
    ]
    assert headline(page(trending, ["By Ana Ruiz"])) == TITLE


def test_title_that_starts_with_a_digit() -> None:
    title = "10 things the harbour plan means for the northern shipping channel"
    assert headline(page([], ["By Ana Ruiz"], title=title)) == title


def test_cjk_title_is_measured_in_characters() -> None:
    title = "港务局批准加深北部航道计划"
    body = [
        "港务局周二批准了一项加深北部航道的计划，以便更大的集装箱船能够进入港口。"
        "官员们在长时间会议后表示，工程将在夜间进行。" * 2,
        "该计划将耗资约四千万欧元，历时三年。港务局表示，疏浚工程进行期间航运将继续。渔民担心疏浚会打扰鱼类。" * 2,
        "港口主任说，如果没有更深的航道，港口将把业务输给邻近港口，因为最新的船只在低潮时无法满载进入。" * 2,
    ]
    assert headline(page([], ["2021年5月4日"], title=title, body=body)) == title


def test_headline_text_is_verbatim() -> None:
    title = "Harbour plan -- fishermen warn of damage to the northern channel"
    assert headline(page([], ["By Ana Ruiz"], title=title)) == title


def test_site_suffix_is_cut_only_where_the_page_shows_the_bare_title() -> None:
    with_suffix = f"{TITLE} | The Harbour Times"
    # the page shows the bare title elsewhere: the suffix is a site name
    assert headline(page([with_suffix], ["By Ana Ruiz"])) == TITLE
    # no bare copy: the whole line is the page's own title
    title = "Harbour plan – what the dredging means for the northern channel"
    assert headline(page([], ["By Ana Ruiz"], title=title)) == title


def test_no_headline_rather_than_a_guess() -> None:
    text = "\n".join([*NAV, "Share", "Print", *BODY]) + "\n"
    article = cleaner.clean(text)
    assert article.headline is None


def test_why_is_reported() -> None:
    article = cleaner.clean(page([], ["By Ana Ruiz"]))
    why = article.to_dict()["headline_why"]
    assert why is not None
    assert why["score"] >= 1.0
    assert "body_overlap" in why["features"]
    assert "runner_up" in why and "runner_up_score" in why


def test_the_value_of_a_byline_or_date_label_is_not_the_headline() -> None:
    # the byline written as a field: a label alone on its line, then its value; the value is
    # a desk's or a site's name that shares the body's words (and is repeated in the footer),
    # while the title shares few of them
    title = "What lies at the bottom of the port"
    site = "Harbour Channel Ships Weekly"
    fields = ["Author:", site, "Publish date:", "May 4, 2021"]
    assert headline(page([], fields, title=title) + f"{site}\n") == title
    # "By" alone, the name twice (a link and a card), then the employer
    fields = ["By", "Ana Ruiz", "Ana Ruiz", site, "May 4, 2021"]
    assert headline(page([], fields, title=title) + f"{site}\n") == title


def test_a_teasers_title_over_its_date_does_not_make_the_title_a_standfirst() -> None:
    # another story's title with its date stands right above the article's own long title: the
    # title is not the teaser's standfirst, since a date line stands between them
    title = "Harbour authority approves a plan to deepen the northern shipping channel for ships"
    lines = ["Harbour board approves channel plan", "Wednesday 20 November 2019 9:22 am"]
    assert headline(page(lines, ["Ana Ruiz"], title=title)) == title


def test_shop_and_page_furniture_shapes_are_not_the_headline() -> None:
    title = "What lies at the bottom of the port"
    for line in [
        "Reading time about 6 minutes",
        "$1,799 Save $1,369.01",
        "Get a Personalized Demo",
        "+ What does the northern channel plan cost the harbour?",
    ]:
        assert HEAD_CHROME.search(line) is not None, line
        assert headline(page([], ["By Ana Ruiz", line], title=title)) == title, line
    for line in ["$5 a week buys a harbour pilot", "Get ready for the deeper channel", "Start of the dredging"]:
        assert HEAD_CHROME.search(line) is None, line


VIDEOS = [
    "Harbour channel plan explained in two minutes",
    "Why the northern channel silts up every winter",
    "Container ships wait outside the harbour at low tide",
    "Fishermen fear the dredging will harm the fish",
    "The port director on the cost of a deeper channel",
]


def test_a_list_of_other_titles_above_the_body_is_not_the_headline() -> None:
    # a video list between the byline and the text: a run of title-shaped lines, the last of
    # them right above the body and sharing its words
    title = "What lies at the bottom of the port"
    assert headline(page([], ["By Ana Ruiz", "May 4, 2021", "More videos", *VIDEOS], title=title)) == title


def test_the_title_under_a_list_of_other_titles_is_still_the_headline() -> None:
    # the last line of such a run with a byline under it is the article's title
    assert headline(page(["Most read", *VIDEOS], ["By Ana Ruiz", "May 4, 2021"])) == TITLE


def test_a_title_under_a_related_or_player_label_is_not_the_headline() -> None:
    # "See also" or a player's "Just watched" over another story's title right above the text
    title = "What lies at the bottom of the port"
    other = "Harbour plan to deepen the northern shipping channel approved by the board"
    for label, after in [("See also", []), ("Just watched", ["Replay"])]:
        lines = ["By Ana Ruiz", "May 4, 2021", "Share", label, other, *after]
        assert headline(page([], lines, title=title)) == title, label


SERVICES = ["Services", "Ship Repairs", "Harbour Channel Dredging Services", "Harbour Pilots", "Towing and Mooring"]


def test_a_menu_label_is_not_the_headline() -> None:
    # a services menu (repeated in the footer) above the title: the entry that shares the body's
    # words stands inside the menu, and the name-like label under it is not a byline
    title = "What the port wants from the channel"
    text = page([*SERVICES, "Contact us"], ["By Ana Ruiz"], title=title) + "\n".join(SERVICES) + "\n"
    assert headline(text) == title


def test_a_short_title_at_the_end_of_a_menu_is_the_headline() -> None:
    title = "Harbour plan passes"
    assert headline(page(SERVICES, ["Ana Ruiz", "Share", "May 4, 2021"], title=title)) == title


def test_the_posts_category_line_is_meta_under_the_title() -> None:
    # "Posted in …" under the title, then a share bar and a photo's caption above the text
    title = "What lies at the bottom of the port"
    lines = ["Posted in Harbour News", "Share", "Dredgers at work in the harbour", "Share"]
    assert headline(page([], lines, title=title)) == title


def test_the_short_form_over_the_full_title_is_not_the_headline() -> None:
    # a breadcrumb's last item or a series name over the full title that begins with it: the
    # full title is neither the short form with a site suffix nor a deck under it
    for short, title in [
        ("Harbour channel plan", "Harbour channel plan approved after long night of talks"),
        ("What is a shipping channel?", "What is a shipping channel? The harbour plan explained"),
    ]:
        assert headline(page(["Home", short], ["By Ana Ruiz", "May 4, 2021"], title=title)) == title, short


def test_a_title_line_over_a_blank_line_opens_a_plain_article() -> None:
    # a plain article (or the canonical `Article.text` cleaned again): the title, a blank line,
    # the text; the title shares no words with the text and the main run takes it in
    title = "An old story returns?"
    article = cleaner.clean(title + "\n\n" + "\n\n".join(BODY) + "\n")
    assert article.headline == title
    assert article.body[0] == BODY[0]


def test_a_breadcrumbs_cut_off_last_item_is_not_the_headline() -> None:
    title = "What lies at the bottom of the port"
    for cut in ["/ Northern shipping channel plan", ": Northern shipping channel plan"]:
        assert headline(page(["Home", "Guides", cut], ["By Ana Ruiz"], title=title)) == title, cut


# --- property: chrome around the title never changes the pick --------------------------------

CHROME = [
    "By Ana Ruiz",
    "Ana Ruiz",
    "May 4, 2021",
    "Updated 10:42 AM EST, Tue May 4, 2021",
    "5 min read",
    "Share on Facebook",
    "Share on Twitter",
    "Copy link",
    "Lena Berg/AP",
    "Comments",
    "Author:",
    "Reading time about 6 minutes",
]
TRENDING = [
    "Trending",
    "Storm closes the coastal road for a second day",
    "School meals to be free for all pupils next year",
]


@settings(max_examples=40)
@given(
    above=st.lists(st.sampled_from(CHROME), max_size=4),
    below=st.permutations(CHROME).map(lambda xs: xs[:5]),
    trending=st.booleans(),
)
def test_permuting_chrome_around_the_title_keeps_the_headline(
    above: list[str], below: list[str], trending: bool
) -> None:
    before = [*(TRENDING if trending else []), *above]
    assert headline(page(before, below)) == TITLE


# --- dateline ---------------------------------------------------------------------------------

LEAD = "officials said on Tuesday that the plan to deepen the channel would go ahead after a long meeting of the board."


def dateline(first: str) -> tuple[str | None, str]:
    article = cleaner.clean(page([], ["By Ana Ruiz"], body=[first, *BODY[1:]]))
    return article.dateline, article.body[0]


def test_wire_datelines() -> None:
    for opener, place in [
        ("WASHINGTON (Reuters) - ", "WASHINGTON (Reuters)"),
        ("HAYWARD, Calif. (AP) — ", "HAYWARD, Calif. (AP)"),
        ("BUFFALO, N.Y. — ", "BUFFALO, N.Y."),
        ("NEW DELHI: ", "NEW DELHI"),
        ("BERLIN -- ", "BERLIN"),
        ("HONOLULU, Hawaii (HarbourNewsNow) - ", "HONOLULU, Hawaii (HarbourNewsNow)"),
        ("Porto, Portugal - ", "Porto, Portugal"),
    ]:
        got, body0 = dateline(opener + "Harbour " + LEAD)
        assert got == place, opener
        assert body0.startswith("Harbour officials said"), opener


def test_dateline_with_a_glued_agency_on_a_page_dumped_on_one_line() -> None:
    # a page's text content on one line: the byline runs into the dateline, whose agency is one
    # camel-case token; a glue cut must not take the agency apart ("(HarbourNews" / "Now) - ")
    menu = "Home News Business Sport Culture Opinion Weather Subscribe Live Video Traffic Contests Community Calendar"
    byline = "By Ana Ruiz | May 4, 2021 at 2:26 PM HST - Updated May 4 at 4:46 PM"
    opener = "HONOLULU, Hawaii (HarbourNewsNow) - Harbour " + LEAD
    tail = "Copyright 2021 Harbour News Now. All rights reserved."
    article = cleaner.clean(" ".join([menu, "Harbour plan approved", byline, opener, *BODY[1:], *BODY[1:], tail]))
    assert article.dateline == "HONOLULU, Hawaii (HarbourNewsNow)"
    assert article.body[0].startswith("Harbour officials said")
    assert SOFT_GLUE.search("(HarbourNewsNow)") is None
    assert SOFT_GLUE.search("the newsLiveon page") is not None


def test_no_invented_dateline() -> None:
    for first in [
        "DEAR ABBY: My neighbour borrows my tools and never returns them, and " + LEAD,
        "UPDATE: Harbour " + LEAD,
        "BREAKING NEWS — Harbour " + LEAD,
        "New York, NY – Harbour " + LEAD,
        "Harbour " + LEAD,
        # labels in capitals, not places
        "TLDR: Harbour " + LEAD,
        "KEY TAKEAWAYS: Harbour " + LEAD,
        "BOTTOM LINE: Harbour " + LEAD,
    ]:
        got, body0 = dateline(first)
        assert got is None, first
        assert body0 == first


def test_a_transcripts_speaker_is_not_a_dateline() -> None:
    # a broadcast transcript: paragraphs open with the speaker's name in capitals
    turns = [
        "ANA RUIZ, BYLINE: It is a grey morning at the harbour, and the dredgers are already at work in the channel.",
        "UNIDENTIFIED PERSON #1: We have been waiting for this for years, honestly.",
        "RUIZ: The board approved the plan on Tuesday after a meeting that ran late into the night.",
        "TOM BELL, HOST: And what happens to the fishing boats while the work goes on?",
        "RUIZ: They will moor in the southern basin until the spring, the harbour master says.",
    ]
    article = cleaner.clean(page([], ["By Ana Ruiz"], body=turns))
    assert article.dateline is None
    assert article.body[0] == turns[0]
    assert not any(r.rule == "DLN001" for r in article.removed)
    # one speaker label alone is still read as a dateline's place
    got, _ = dateline("NEW DELHI: Harbour " + LEAD)
    assert got == "NEW DELHI"


def test_dateline_paragraph_after_a_caption_starts_the_body() -> None:
    caption = "Container ships wait outside the northern channel of the harbour on Monday."
    article = cleaner.clean(page([], ["By Ana Ruiz"], body=[caption, "WASHINGTON (AP) — Harbour " + LEAD, *BODY[1:]]))
    assert article.dateline == "WASHINGTON (AP)"
    assert article.body[0].startswith("Harbour officials said")
    assert any(r.rule == "DLN001" and r.text == caption for r in article.removed)


# --- date ---------------------------------------------------------------------------------------


def test_article_date_from_the_published_line() -> None:
    text = "Monday, June 7, 2021\n" + page([], ["By Ana Ruiz", "Published May 4, 2021 | Updated May 5, 2021"])
    article = cleaner.clean(text)
    assert (article.date, article.date_source) == ("2021-05-04", "article")


def test_updated_date_when_nothing_else() -> None:
    article = cleaner.clean(page([], ["By Ana Ruiz", "Updated: 5 May 2021 10:42"]))
    assert (article.date, article.date_source) == ("2021-05-05", "article")


def test_page_date_only_when_nothing_else_dates_the_article() -> None:
    article = cleaner.clean("Monday, June 7, 2021\n" + page([], ["By Ana Ruiz"]))
    assert (article.date, article.date_source) == ("2021-06-07", "page")
    assert article.to_dict()["date_source"] == "page"


def test_explain_says_why_the_headline_was_chosen() -> None:
    from cleaner.explain import headline_reason

    reason = headline_reason(cleaner.clean(page([], ["By Ana Ruiz"])))
    assert reason is not None
    assert reason.startswith('headline "Harbour authority approves')
    assert "body_overlap +" in reason and "runner-up" in reason


# --- documentation headings (dev2 kinds: one-word title, numbered title, sections marked too) -----

DOC_BODY = [
    "A dredger is the single machine that deepens a channel. It contains the pumps and the arms "
    "that lift the silt, and each dredger works one stretch of the channel at a time.",
    "Dredgers are planned a season ahead. The harbour guide explains how a dredger is chosen, "
    "how long it stays, and what the crews check before the work begins at night.",
    "Each dredger is a barge with a crane, and the guide lists the cranes the port owns.",
]


def doc_page(title: str, sections: list[str]) -> str:
    contents = ["Contents", "Getting started", "Dredgers", "Tides", "Search docs", "Version: 5.1"]
    body = [DOC_BODY[0], f"{sections[0]}\u00b6", DOC_BODY[1], f"{sections[1]}\u00b6", DOC_BODY[2]]
    return "\n".join([*NAV, *contents, title, *body, "About us", "Contact"]) + "\n"


def test_a_one_word_marked_heading_is_the_headline_and_its_sections_are_not() -> None:
    text = doc_page("Dredgers\u00b6", ["Choosing a dredger for the season", "The cranes the port owns"])
    art = cleaner.clean(text)
    assert art.headline == "Dredgers"
    # the canonical form finds the same title (fixed point)
    assert cleaner.clean(art.text).headline == "Dredgers"
    assert cleaner.clean(art.text).text == art.text


def test_a_numbered_marked_heading_is_the_headline() -> None:
    text = doc_page("5. Dredgers and Tides\u00b6", ["5.1. Choosing a dredger", "5.2. The cranes the port owns"])
    art = cleaner.clean(text)
    assert art.headline == "5. Dredgers and Tides"
    assert cleaner.clean(art.text).headline == "5. Dredgers and Tides"


def test_an_unmarked_one_word_line_is_still_not_a_headline() -> None:
    # without the mark a one-word line above the body is a menu label, not a title
    text = "\n".join([*NAV, "Dredgers", *DOC_BODY, "About us", "Contact"]) + "\n"
    assert headline(text) != "Dredgers"


def test_a_mojibake_permalink_mark_is_cut_with_its_lead_byte() -> None:
    text = doc_page("Dredgers and tides\u00c2\u00b6", ["Choosing a dredger for the season", "The cranes"])
    assert headline(text) == "Dredgers and tides"


# --- the title a few lines into the body (the main run started above it) --------------------------

READER_LEAD = [
    "Readers asked us why the port is spending forty million euros on the channel this year.",
    "We answer one reader question about the port every week in this column.",
]


def test_a_title_a_few_lines_into_the_body_with_a_byline_under_it_is_the_headline() -> None:
    title = "Why the harbour wants a deeper northern channel now"
    text = "\n".join([*NAV, *READER_LEAD, title, "By Ana Ruiz, May 4, 2024", *BODY, "About us"]) + "\n"
    art = cleaner.clean(text)
    assert art.headline == title
    assert title not in art.body
    # the lines the main run took in above the title stand outside the article: removed, so
    # the article keeps the input's order (headline first)
    assert not set(READER_LEAD) & set(art.body)
    assert {r.rule for r in art.removed if r.text in READER_LEAD} == {"CTX001"}
    assert cleaner.clean(art.text).text == art.text


def test_a_subheading_in_the_body_without_a_byline_is_not_the_headline() -> None:
    # a section heading over a table (a "Date" column label under it) or over a name (a
    # product's maker) is no title, however title-shaped
    for under in (["Date"], ["Clover Works"], []):
        sub = "What the dredging will cost the port"
        text = "\n".join([*NAV, *READER_LEAD, BODY[0], sub, *under, *BODY[1:], "About us"]) + "\n"
        assert headline(text) != sub


# --- title over its deck -------------------------------------------------------------------------


def test_the_title_over_a_deck_that_words_the_body_closer_is_the_headline() -> None:
    # the deck (subtitle) repeats the body's words more than the title does; the first of the
    # two lines over the byline is the title
    title = "Why a harbour town is betting on its channel"
    deck = "Deepening the northern shipping channel lets larger container ships reach the port"
    text = page([], [deck, "Ana Ruiz", "May 4, 2024"], title=title)
    assert headline(text) == title


def test_a_breadcrumb_glued_copy_over_the_title_does_not_make_the_title_a_deck() -> None:
    glued = f"Home News Business {TITLE}"
    text = page([glued], ["Ana Ruiz", "May 4, 2024"])
    assert headline(text) == TITLE


# --- the post's date over its title --------------------------------------------------------------


def test_a_title_under_its_date_line_beats_a_menu_line_over_the_date() -> None:
    # a blog: a menu line, "Back to posts", the post's date, then its title and the text
    title = "A short guide to the northern channel"
    text = (
        "\n".join(["Posts Music Watching Reading Links Search", "Back to posts", "June 6, 2021", title, *BODY]) + "\n"
    )
    assert headline(text) == title


def test_the_line_under_a_title_and_its_date_is_not_taken_for_a_dated_title() -> None:
    # title, date, then a short first line of the post: the date is the title's
    title = "Thoughts on the channel"
    first = "Deeper water for the port"
    text = "\n".join(["Ana Ruiz posts harbour misc", title, "2025-08-29", first, *BODY]) + "\n"
    assert headline(text) == title


# --- a short title under the breadcrumb trail that ends with it ----------------------------------


def test_a_two_word_title_under_its_breadcrumb_trail_is_the_headline() -> None:
    # a guide page: the trail's current item is the page's title, two words in title case
    # (which alone would read as a person's name)
    text = "\n".join([*NAV, "Home / Guides / Channel Dredging", "Channel Dredging", "What this guide covers", *BODY])
    assert headline(text + "\n") == "Channel Dredging"


def test_a_section_label_ending_the_trail_does_not_beat_the_title_under_it() -> None:
    text = page(["Home / News / Port Life", "Port Life"], ["By Ana Ruiz", "May 4, 2024"])
    assert headline(text) == TITLE


def test_a_short_heading_printed_twice_over_the_body_is_the_headline() -> None:
    # the trail printed one item a line, its last item the page, then the page's heading
    for title in ("Dredging basics", "Dredgers"):
        text = "\n".join([*NAV, "Guides", "Harbour works", title, title, "Previous", "Next", *BODY]) + "\n"
        art = cleaner.clean(text)
        assert art.headline == title
        assert cleaner.clean(art.text).headline == title


def test_a_forum_author_card_printed_twice_is_not_the_headline() -> None:
    # a post's author card: the member's name twice, then the post's date
    text = "\n".join([*NAV, "Harbourfan", "Harbourfan", "1 Jul 2024", "#4", *BODY]) + "\n"
    assert headline(text) != "Harbourfan"


def test_a_date_at_the_top_of_the_page_is_the_header_date_not_a_title_date() -> None:
    # the page header's "today" line over a breadcrumb-glued copy of the title
    text = "\n".join(["Friday, May 3, 2024", f"HomeWorld News{TITLE}", "", TITLE, "", *BODY]) + "\n"
    assert headline(text) == TITLE


# --- breadcrumb trails, glued trails, footers, identifiers and buttons are not titles -----------

HR_BODY = [
    "Our human resources advisory team helps small firms hire, pay and keep their staff, and answers "
    "questions about contracts and leave.",
    "We review your human resources policies and write the handbook your staff need, in plain words that "
    "managers can use every day.",
    "Human resources advice is billed by the hour, and the first meeting with an adviser is free for firms "
    "with fewer than fifty staff.",
]


def test_a_breadcrumb_trail_with_two_separators_is_never_the_headline() -> None:
    for trail in ("Services / Advisory / Human Resources", "Services » Advisory » Human Resources"):
        text = "\n".join([*NAV, trail, "Human Resources", *HR_BODY]) + "\n"
        assert headline(text) == "Human Resources"
        # the trail alone: no title, rather than the trail
        assert headline("\n".join([*NAV, trail, *HR_BODY]) + "\n") is None
    # one separator is a title's own ("Part 2 / The harbour")
    one = "Dredging the channel / Part 2"
    assert headline(page([], ["By Ana Ruiz"], title=one)) == one


def test_a_breadcrumb_trail_without_separators_is_not_the_headline() -> None:
    title = "Human Resources Advisory Services"
    text = "\n".join([*NAV, "Home Services Human Resources", title, *HR_BODY]) + "\n"
    assert headline(text) == title
    # a title that opens with the word "Home" is still a title
    home = "Home Secretary visits the harbour"
    assert headline(page([], ["By Ana Ruiz"], title=home)) == home


def test_a_title_with_its_trail_glued_on_loses_the_trail() -> None:
    # the trail's root and a menu section glued to the title, no bare copy of the title
    art = cleaner.clean("\n".join([*NAV, f"HomeNews{TITLE}", *BODY]) + "\n")
    assert art.headline == TITLE
    assert any(r.text == "HomeNews" and r.kind == "breadcrumb" for r in art.removed)
    assert cleaner.clean(art.text).headline == TITLE
    # over the bare title, the glued copy does not win
    assert headline("\n".join([*NAV, f"HomeNews{TITLE}", TITLE, *BODY]) + "\n") == TITLE


def test_a_name_that_starts_with_home_is_not_cut() -> None:
    # "HomeKit …": no menu entry "Kit", no bare copy: the line is left whole
    title = "HomeKit Harbour Sensors Arrive in the Port Shop"
    assert headline(page([], ["By Ana Ruiz"], title=title)) == title


def test_a_copyright_footer_is_not_the_headline() -> None:
    footer = "1996 - 2023 Harbour Media. All rights reserved. | Terms of Use | Privacy Policy"
    assert headline("\n".join([footer, *NAV, *BODY]) + "\n") != footer
    assert headline("\n".join([*NAV, footer, TITLE, *BODY]) + "\n") == TITLE


def test_an_opaque_identifier_is_not_the_headline() -> None:
    for handle in ("3d23d65-ddc6-4ce5", "9f2c 41aa 0b7e"):
        assert headline("\n".join([*NAV, handle, "2 hours ago", *BODY]) + "\n") is None
    # a title with numbers and one word is still a title
    assert headline(page([], ["By Ana Ruiz"], title="Port budget 2024")) == "Port budget 2024"


def test_a_call_to_action_is_not_the_headline() -> None:
    for button in ("Go to harbourtimes.example.com", "Browse 500k+ shipping records", "Visit harbour.org today"):
        assert headline("\n".join([*NAV, button, *BODY]) + "\n") is None
    assert HEAD_FOOTER.search("Browse the harbour's history in pictures") is None


def test_a_site_tagline_over_the_menu_is_not_the_headline() -> None:
    tagline = "For people who use the harbour and its northern shipping channel"
    text = "\n".join(["Harbour Monthly", tagline, *NAV, TITLE, "By Ana Ruiz", *BODY]) + "\n"
    assert headline(text) == TITLE
    assert headline("\n".join(["Harbour Monthly", tagline, *NAV, *BODY]) + "\n") != tagline
    # the page's <title> line over the menu, repeated as the heading under it, is still the title
    text = "\n".join([f"{TITLE} | Harbour Monthly", *NAV, TITLE, *BODY]) + "\n"
    assert headline(text) == TITLE


def test_a_source_domain_after_the_title_is_cut_where_the_page_shows_the_bare_title() -> None:
    # a link aggregator's item: "Title (example.com)", the bare title again further down
    text = "\n".join([*NAV, f"{TITLE} (harbourtimes.example.com)", "By ana_r 3 hours ago", *BODY, TITLE]) + "\n"
    art = cleaner.clean(text)
    assert art.headline == TITLE
    assert cleaner.clean(art.text).headline == TITLE
    # without the bare copy, or naming a technology, the line is kept whole
    alone = f"{TITLE} (harbourtimes.example.com)"
    assert headline("\n".join([*NAV, alone, "By ana_r 3 hours ago", *BODY]) + "\n") == alone
    tech = "Streams in practice (Node.js)"
    assert headline("\n".join([*NAV, tech, "By ana_r 3 hours ago", *BODY, "Streams in practice"]) + "\n") == tech


# --- a forum thread's title over the thread's fields ---------------------------------------------

FORUM_NAV = ["Forums", "New posts", "Search forums", "What's new", "Log in", "Register"]
POSTS = [
    "Harbourfan",
    "Member",
    "May 4, 2024",
    "#1",
    "Has anyone here sailed through the northern channel since the dredging started? I keep a small "
    "boat at the marina and want to know whether the channel markers have moved.",
    "Reply",
    "Quaysider",
    "Member",
    "May 5, 2024",
    "#2",
    "The markers were moved last month and the dredgers work at night, so keep to the east side of the "
    "channel after dark and call the harbour office on the radio before you go out.",
    "Reply",
    "Saltmarsh",
    "Member",
    "May 6, 2024",
    "#3",
    "I went through on Sunday and the channel was fine in daylight, although the dredging barges take up "
    "half of the water near the old pier and the wash from them is strong.",
]


def test_a_forum_thread_title_over_its_thread_fields_is_the_headline() -> None:
    # the forum's trail ends with the board's name, which the posts mention more than the title;
    # the thread's title stands over "Thread starter" and "Start date"
    title = "Channel markers after the works?"
    trail = ["Forums", "Boats and Harbour Channel Talk"]
    fields = ["Thread starter", "Harbourfan", "Start date", "May 4, 2024"]
    text = "\n\n".join([*FORUM_NAV, *trail, title, *fields, *POSTS]) + "\n"
    assert headline(text) == title
    # the fields glued to their values
    glued = ["Thread starterHarbourfan", "Start dateMay 4, 2024"]
    text = "\n\n".join([*FORUM_NAV, *trail, title, *glued, *POSTS]) + "\n"
    assert headline(text) == title


def test_a_forum_thread_title_over_the_trail_and_the_thread_fields_is_the_headline() -> None:
    # the trail printed under the title, one item a line, then the thread's fields
    title = "Night sailing through the dredged channel this summer"
    trail = ["Forums", "Boats and Harbour Channel Talk", "Local Waters"]
    fields = ["Thread starter", "Harbourfan", "Start date", "May 4, 2024"]
    text = "\n\n".join([*FORUM_NAV, title, *trail, *fields, *POSTS]) + "\n"
    assert headline(text) == title


def test_a_trail_item_over_the_thread_fields_is_not_the_thread_title() -> None:
    # the trail's items stand over the fields too; the title stands right over the trail's root
    lines = ["Night sailing through the channel", "Forums", "Boats and Harbour Channel Talk", "Local Waters"]
    blocks = _blocks([*lines, "Thread starter", "Harbourfan"])
    assert [headline_stage._thread_below(blocks, i) for i in range(4)] == [True, False, False, True]
    assert headline_stage._thread_below(_blocks(["Channel markers?", "Start dateMay 4, 2024"]), 0)
    # a sentence between them: the fields belong to something else
    blocks = _blocks(["Night sailing", "Forums", "The markers were moved last month.", "Thread starter"])
    assert not headline_stage._thread_below(blocks, 0)


# --- a table of contents between the title and the body ------------------------------------------


def test_a_table_of_contents_entry_is_not_the_headline() -> None:
    # the contents list the body's section headings, which share more words with the body than
    # the title does; the title stands over the list or right under it
    sections = ["Dredging the northern channel at night", "What the fishermen said"]
    body = [sections[0], BODY[0], BODY[1], sections[1], BODY[2], BODY[3]]
    title = "A deeper port for bigger ships"
    for label in ("Table of Contents", "In this article"):
        over = "\n".join([*NAV, title, "By Ana Ruiz", "May 4, 2024", label, *sections, *body]) + "\n"
        assert headline(over) == title
        under = "\n".join([*NAV, label, *sections, title, "By Ana Ruiz", "May 4, 2024", *body]) + "\n"
        assert headline(under) == title


def test_the_contents_are_the_short_lines_under_their_label() -> None:
    lines = ["Harbour news", "In this article", "Night works", "The fishermen", "The channel was deepened.", "Tides"]
    assert headline_stage._contents(_blocks(lines), 0, len(lines)) == {2, 3}


def test_a_menu_entry_ending_with_an_abbreviation_is_not_the_headline() -> None:
    # a documentation sidebar: one entry names the body's subject with its abbreviation in
    # parentheses; the page's short title is printed twice over the body (trail, heading)
    menu = [
        "* Dredging",
        "* Channel Depth",
        "* Night Works",
        "Northern Channel Dredging (NCD)",
        "* Tide Tables",
        "* Harbour Office",
    ]
    text = "\n".join([*NAV, *menu, "Search docs", "Dredgers", "Dredgers", *BODY]) + "\n"
    assert headline(text) == "Dredgers"


def test_a_one_word_heading_printed_twice_far_over_the_body_is_the_headline_when_the_body_names_it() -> None:
    # trail's last item and heading, then a box of short lines the main run leaves out
    box = ["Widely available", "Learn more", "See full compatibility", "Report feedback", "In this page"]
    box += ["Description", "Types", "Depths", "Examples", "Specifications", "See also"]
    body = ["Dredgers deepen the channel: " + BODY[0], *BODY[1:]]
    text = "\n".join([*NAV, "Reference", "Dredgers", "Dredgers", *box, *body]) + "\n"
    art = cleaner.clean(text)
    assert art.headline == "Dredgers"
    assert cleaner.clean(art.text).headline == "Dredgers"
    # a pair of menu labels the body does not name is not taken
    text = "\n".join([*NAV, "Reference", "Tools", "Tools", *box, *BODY]) + "\n"
    assert headline(text) != "Tools"


def test_a_sentence_case_deck_under_a_title_that_shares_few_words_with_the_body_is_not_the_headline() -> None:
    # a columnist's title names the subject in other words; the deck under it, written as a
    # sentence, shares the body's words
    title = "“Mud, Money and the Channel”"
    deck = "Why the harbour authority will deepen the northern shipping channel – and what the fishermen fear"
    text = "\n".join([*NAV, title, deck, "Ana Ruiz", "May 4, 2024", *BODY]) + "\n"
    assert headline(text) == title


def test_sentence_case() -> None:
    assert headline_stage._sentence_case("Why the harbour will deepen the channel – and what it costs")
    assert not headline_stage._sentence_case("Harbour Authority Approves Plan to Deepen the Channel")


def test_of_two_title_lines_over_the_date_the_shorter_upper_one_is_the_kicker() -> None:
    # a newsletter's name over the title, both over its date
    kicker = "Letters from the harbour office"
    title = "Mud, Money and Quays: What a Dredge Changes at the Port"
    text = "\n".join([kicker, title, "May 4, 2024", *BODY]) + "\n"
    assert headline(text) == title
    # a deck in sentence case under the title is no title under a kicker
    title = "Harbour Plan Approved at Last"
    deck = "The authority will deepen the northern channel for larger ships, at a cost of forty million"
    text = "\n".join([*NAV, title, deck, "By Ana Ruiz", *BODY]) + "\n"
    assert headline(text) == title


# --- the subject of the body's first sentence ----------------------------------------------------

WIKI_MENU = [f"Menu entry {n}" for n in range(1, 41)]
TOOL_BODY = [
    "dredgectl is the command-line tool that the harbour office uses to plan the dredging of the "
    "northern channel, to log the depth of the water and to share the plans with the ships' crews.",
    "The tool reads the depth soundings from the survey boats and draws a chart of the channel; the "
    "harbour master checks the chart before the dredgers go out at night.",
    "Crews can install the tool on their own computers and see the plans for the week, with the times "
    "when the dredgers work and the parts of the channel that are closed.",
]


def test_a_short_title_that_the_body_opens_with_as_its_subject_is_the_headline() -> None:
    # a manual's page: its one-word title, then the wiki's menus, then the body whose first
    # sentence opens with the title
    text = "\n".join(["Harbour Wiki", "dredgectl", "From the harbour wiki", *WIKI_MENU, *TOOL_BODY]) + "\n"
    art = cleaner.clean(text)
    assert art.headline == "dredgectl"
    assert cleaner.clean(art.text).headline == "dredgectl"


def test_the_body_subject_inside_a_longer_title_nearer_the_body_is_not_the_headline() -> None:
    # the product's name at the top, the page's title naming it near the body
    title = "Planning the night shift with dredgectl"
    text = "\n".join(["dredgectl", *WIKI_MENU, title, "By Ana Ruiz", *TOOL_BODY]) + "\n"
    assert headline(text) == title


def test_lead_subject() -> None:
    leads = ("Portable dredgers are small.", "The dredgectl tool plans the works.")
    assert headline_stage._lead_subject("dredgectl", leads)
    assert not headline_stage._lead_subject("Portable", ("Portable Dredgers Ltd makes them.",))
    assert not headline_stage._lead_subject("Dredge", leads)


# --- page chrome that reads like a title (issue 13) ----------------------------------------------


def test_a_trial_button_and_a_paywall_notice_are_chrome() -> None:
    for line in (
        "Free 30-Day Trial",
        "Free trial",
        "Start your 14 day trial",
        "This article is available exclusively to Harbour Times subscribers",
        "This story is only available to members",
    ):
        assert headline_stage._chrome(line), line
    for line in (
        "Free ferry trial for island pupils extended",
        "This story is not over, the harbour master says",
        "Start of dredging trial delayed by storms",
    ):
        assert not headline_stage._chrome(line), line


#: A title few of whose words the body repeats, and a body that names a trial.
FAR_TITLE = "A channel fit for the giants of the sea"
TRIAL_BODY = [
    *BODY,
    "A free trial of the night dredging will run for thirty days in May, the authority said, before "
    "the full works begin.",
]


def test_a_trial_button_between_the_title_and_the_body_is_not_the_headline() -> None:
    # the title under its date, then the newsletter's box with its button, repeated in the footer
    cta = "Free 30-Day Trial"
    lines = [*NAV, "Published: May 4, 2024", FAR_TITLE, "Harbour Editor", "Start your channel report", "Your report"]
    text = "\n".join([*lines, cta, *TRIAL_BODY, cta, "About us"]) + "\n"
    assert headline(text) == FAR_TITLE


def test_a_paywall_notice_over_the_body_is_not_the_headline() -> None:
    # the notice's sentence is cut in two lines, its first line repeated under the article
    notice = "This story is available exclusively to harbour channel subscribers"
    lines = [*NAV, FAR_TITLE, "By", "Ana Ruiz", "Save", "Read in app", notice, "subscribers. Become a member"]
    text = "\n".join([*lines, *BODY, notice]) + "\n"
    assert headline(text) == FAR_TITLE


def test_a_profile_menu_and_a_line_cut_before_its_separator_are_ui_labels() -> None:
    for line in (
        "View Forum Posts",
        "View Forum Threads",
        "View Blog Entries",
        "Find all posts by harbourfan",
        "Column by Ana Ruiz -",
        "Harbour notes –",
    ):
        assert headline_stage.UI_LABEL.search(line) is not None, line
    for line in ("View from the harbour wall", "Harbour plan - what changes for ships", "Dredging A-Z"):
        assert headline_stage.UI_LABEL.search(line) is None, line


def test_a_column_byline_cut_before_its_date_is_not_the_headline() -> None:
    # the column's title, then "Column by Name -" (the date that followed the dash is a line of
    # its own), repeated in the page's footer
    title = "Sea Notes: Giants of the Deep"
    byline = "Column by Ana Ruiz -"
    text = "\n".join([*NAV, title, byline, "May 4, 2024 at 08:52", *BODY, byline, "About us"]) + "\n"
    assert headline(text) == title


# --- a heading printed as a kicker and a title (issue 13) ----------------------------------------

KICKER = "Harbour channel plan"
KICKED_TITLE = "Two Resignations and Many Open Questions"


def test_a_heading_split_at_its_colon_is_joined_again() -> None:
    # the heading's two spans and the colon between them on three lines: the kicker's words are
    # the body's, the title's are not
    art = cleaner.clean("\n".join([*NAV, KICKER, ":", KICKED_TITLE, "By Ana Ruiz", *BODY]) + "\n")
    assert art.headline == f"{KICKER}: {KICKED_TITLE}"
    assert cleaner.clean(art.text).headline == art.headline
    # a one-word kicker is no candidate of its own, and joined all the same
    title = "Why the northern shipping channel must be deeper"
    text = "\n".join([*NAV, "Dredging", ":", title, "By Ana Ruiz", *BODY]) + "\n"
    assert headline(text) == f"Dredging: {title}"


def test_a_label_over_a_lone_colon_is_no_kicker() -> None:
    title = "Why the northern shipping channel must be deeper"
    text = "\n".join([*NAV, "Published", ":", title, "By Ana Ruiz", *BODY]) + "\n"
    assert headline(text) == title


def test_a_kicker_that_wins_on_its_words_gives_way_to_the_title_under_it() -> None:
    # the kicker over the title over the byline: the title, alone
    text = "\n".join([*NAV, KICKER, KICKED_TITLE, "By Ana Ruiz", "May 4, 2024", *BODY]) + "\n"
    assert headline(text) == KICKED_TITLE
    # and with the kicker in front when the page prints the two as one line (its <title>)
    text = "\n".join([f"{KICKER}: {KICKED_TITLE}", *NAV, KICKER, KICKED_TITLE, "By Ana Ruiz", *BODY]) + "\n"
    art = cleaner.clean(text)
    assert art.headline == f"{KICKER}: {KICKED_TITLE}"
    assert cleaner.clean(art.text).headline == art.headline


def test_a_title_that_runs_from_one_place_to_another_is_no_byline() -> None:
    # German "Von X bis Y" ("from X to Y") opens the title; "Von Name" under it is the byline
    title = "Von Hamburg bis Kiel: Die Fähren fahren wieder"
    body = [
        "Die Fähren zwischen Hamburg und Kiel fahren nach dem langen Streik wieder, teilte die Reederei "
        "am Dienstag mit, und die ersten Schiffe legten am Morgen pünktlich ab.",
        "Die Reederei sagte, die Fähren würden bis zum Sommer nach dem alten Fahrplan fahren, und die "
        "Fahrgäste könnten ihre Karten wieder an den Häfen in Hamburg und Kiel kaufen.",
        "Der Streik hatte drei Wochen gedauert, und viele Pendler zwischen Hamburg und Kiel mussten in "
        "dieser Zeit mit dem Zug oder mit dem Auto fahren.",
    ]
    text = "\n".join([*NAV, title, "Von Ana Ruiz", *body]) + "\n"
    assert headline(text) == title


# --- a product's name over its rating (issue 13) -------------------------------------------------


def test_a_rating_line_is_what_stands_under_a_product_name() -> None:
    for line in ("4.6 out of 5 stars with 212 reviews", "Rated 4.5/5", "(12) Write a Review", "1,204 ratings", "★★★★☆"):
        assert headline_stage._rating(line), line
    for line in ("5 reviews of the new harbour ferry timetable", "4 out of 10 ferries late", "Reviews"):
        assert not headline_stage._rating(line), line


def test_a_product_name_over_its_rating_is_the_headline() -> None:
    # the name over its rating and the shop's buttons, then a tagline right over the description
    name = "Steel Kettle for Induction Hobs, 2 Litres"
    body = [
        "This two litre steel kettle is enamelled inside and out, boils water quickly on any hob "
        "including induction, and has a whistle that you can switch off.",
        "The handle stays cool while the kettle boils, and the wide lid makes the kettle easy to fill "
        "and to clean after use.",
        "The enamelled kettle comes in sea blue and is made to last for many years of daily use in a busy kitchen.",
    ]
    buttons = ["Pickup", "Delivery", "Add to cart"]
    tagline = "Hand-enamelled steel kettle for your daily tea"
    lines = [*NAV, "Kitchen", "Kettles", name, "4.6 out of 5 stars with 212 reviews", *buttons, tagline]
    assert headline("\n".join([*lines, *body]) + "\n") == name


def test_a_kicker_glued_to_its_title_without_the_colon_is_written_as_the_page_prints_it() -> None:
    # the heading's two spans glued with a blank near the body; the page's <title> over the menu
    # prints them with the colon
    glued = "Harbour channel plan Dredging starts in May"
    text = "\n".join([f"{KICKER}: Dredging starts in May", *NAV, glued, "By Ana Ruiz", *BODY]) + "\n"
    art = cleaner.clean(text)
    assert art.headline == f"{KICKER}: Dredging starts in May"
    assert cleaner.clean(art.text).headline == art.headline


def test_a_title_that_ends_with_a_guillemet_quote_is_no_trail_cut_before_its_separator() -> None:
    # "»" closes the quotation the line opened with "«": not a breadcrumb's separator
    assert not headline_stage._ui_label("Il sindaco sul porto: «Il canale sarà pronto in maggio»")
    assert not headline_stage._ui_label("Le maire met en garde sur « le chantier du port »")
    assert headline_stage._ui_label("Notizie »")
    assert headline_stage._ui_label("Home » Porto »")


def test_by_alone_over_the_name_is_a_byline_in_the_languages_of_the_byline() -> None:
    words = ["di", "von", "par", "By", "от"]
    for block in _blocks(words):
        assert headline_stage._byline(block, Verdict(block.index, "keep", "", "", "")), block.text
    for block in _blocks(["Date", "Author:", "bye"]):
        assert not headline_stage._byline(block, Verdict(block.index, "keep", "", "", "")), block.text


def test_a_title_with_a_quote_in_guillemets_over_by_alone_and_the_name_is_the_headline() -> None:
    title = "Il sindaco sul canale del porto: «Lavori pronti a partire in maggio»"
    text = "\n".join([*NAV, title, "di", "Ana Ruiz", *BODY]) + "\n"
    assert headline(text) == title


def test_a_photo_credit_in_other_languages_is_chrome() -> None:
    for line in (
        "Foto: Ana Ruiz",
        "Fotos: Hafenamt",
        "Bild: Ana Ruiz / Agentur",
        "Quelle: Hafenamt",
        "Фото: Анна Руис",
    ):
        assert headline_stage._chrome(line), line
    for line in ("Fotostrecke: Der neue Hafen", "Bildung im Hafen wird teurer", "Quellen des Hafens versiegen"):
        assert not headline_stage._chrome(line), line


def test_a_date_with_the_month_named_in_another_language_is_a_date() -> None:
    for line in (
        "17. April 2024",
        "5 gennaio 2025, 10:02",
        "3 de mayo de 2024",
        "12 Mayıs 2024 • Güncelleme",
        "2 juin 2023",
    ):
        assert HEAD_DATE.search(line) is not None, line
    for line in ("Der Hafen im Mai", "Mai 2024", "5 Mai-Feiern im Hafen", "Die 12 Marzo-Brüder"):
        assert HEAD_DATE.search(line) is None, line


def test_a_date_line_with_the_month_named_in_another_language_stands_under_a_title() -> None:
    lines = ["20 März 2026 • Aktualisiert: 21 März 2026", "4 maggio 2025", "12 Mayıs 2024, 09:30"]
    for block in _blocks(lines):
        assert headline_stage._is_meta(block, Verdict(block.index, "keep", "", "", "")), block.text
