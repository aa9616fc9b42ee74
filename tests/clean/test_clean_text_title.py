"""Titles for plain text whose first line is body text (a newsletter issue, a bare article)."""

from __future__ import annotations

from digest.clean import clean, format_cleaned

STORY = ("The regional water board voted on Monday to raise the height of the northern dyke by "
         "forty centimetres, citing new projections for winter storm surges along the estuary. "
         "Construction is due to begin after the bird-nesting season ends in late summer.")


def test_first_sentence_names_the_text_cut_at_a_word_boundary() -> None:
    page = clean(STORY + "\n\nResidents will be consulted on the road closures.\n", text=True)
    assert page.title == "The regional water board voted on Monday to raise the height of…"
    assert page.paragraphs[0] == STORY  # the sentence is not taken out of the body
    assert len(page.title.split()) <= 12 and len(page.title) <= 91


def test_short_first_sentence_is_kept_whole_without_its_full_stop() -> None:
    doc = ("Officials confirmed the ferry timetable changes on Friday morning. "
           "The new schedule adds two late crossings on weekdays and one on Sundays.\n")
    page = clean(doc, text=True)
    assert page.title == "Officials confirmed the ferry timetable changes on Friday morning"
    assert page.paragraphs == (doc.strip(),)


def test_heading_under_a_dropped_greeting_becomes_the_title() -> None:
    doc = ("Good morning, and welcome to issue 42 of Tide Tables, my weekly note on coastal "
           "engineering, flood defences and the people who build them.\n"
           "Breakwater Funding Approved\n"
           + STORY + "\n")
    page = clean(doc, text=True, newsletter=True)
    assert page.title == "Breakwater Funding Approved"
    assert page.paragraphs == (STORY,)


def test_heading_after_a_section_label_names_a_newsletter_issue() -> None:
    doc = ("Hello readers, and welcome back to another edition of Tide Tables, where I round up "
           "what happened on the coast this week and what is coming next.\n"
           "IN THIS ISSUE (2):\n"
           "Breakwater Funding Approved\n"
           + STORY + "\n")
    page = clean(doc, text=True, newsletter=True)
    assert page.title == "Breakwater Funding Approved"
    assert page.paragraphs == ("IN THIS ISSUE (2):", STORY)


def test_signature_line_is_not_taken_for_a_title() -> None:
    doc = ("Hi all, welcome back to Tide Tables, my weekly note on coastal engineering, flood "
           "defences and the people who build them, with a look at the estuary today.\n"
           "Ruth Abernethy (Editor, Tide Tables)\n"
           + STORY + "\n")
    page = clean(doc, text=True, newsletter=True)
    assert "Abernethy" not in page.title
    assert page.title.startswith("The regional water board voted")


def test_chinese_first_sentence_is_cut_by_characters() -> None:
    doc = ("市水务局周一表示，将在今年夏季之前完成北部堤坝的加高工程，以应对冬季风暴潮带来的更高水位和日益频繁的极端天气。"
           "工程预计耗资三亿元。\n")
    page = clean(doc, text=True)
    assert page.title.startswith("市水务局周一表示")
    assert page.title.endswith("…") and len(page.title) <= 31
    assert page.paragraphs == (doc.strip(),)


def test_derived_title_is_stable_when_the_text_output_is_cleaned_again() -> None:
    for doc in (STORY + "\n",
                "Good morning, and welcome to issue 42 of Tide Tables, my weekly note on coastal "
                "engineering, flood defences and the people who build them.\n"
                "Breakwater Funding Approved\n" + STORY + "\n"):
        first = clean(doc, text=True, newsletter=True)
        again = clean(format_cleaned(first, "text"), text=True, newsletter=True)
        assert (again.title, again.paragraphs) == (first.title, first.paragraphs)


def test_a_real_title_line_is_left_alone() -> None:
    page = clean("Dyke to be raised by forty centimetres\n\n" + STORY + "\n", text=True)
    assert page.title == "Dyke to be raised by forty centimetres"
    assert page.paragraphs == (STORY,)
