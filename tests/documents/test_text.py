"""Plain-text notes: headings, bullets, paragraphs, sections, titles and normalising."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.documents import Block, Document, DocumentError, parse_text


def outline(document: Document) -> list[tuple[str | None, int, list[tuple[str, int]]]]:
    return [
        (section.heading, section.line, [(block.kind, block.line) for block in section.blocks])
        for section in document.sections
    ]


def blocks(document: Document) -> list[Block]:
    return [block for section in document.sections for block in section.blocks]


# -- headings ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "heading", "level"),
    [
        ("# Trade", "Trade", 1),
        ("## Trade ties", "Trade ties", 2),
        ("### Trade ties ###", "Trade ties", 3),
        ("Trade ties:", "Trade ties", 1),
        ("Way Forward:-", "Way Forward", 1),
        ("Trade ties", "Trade ties", 1),
        ("Official Development Assistance (ODA)", "Official Development Assistance (ODA)", 1),
    ],
)
def test_heading_forms(line: str, heading: str, level: int) -> None:
    document = parse_text(f"Intro sentence here.\n\n{line}\n\nJapan ranks 12th.\n")
    assert [(s.heading, s.line, s.level) for s in document.sections] == [(None, 1, 1), (heading, 3, level)]
    assert document.sections[1].blocks[0].text == "Japan ranks 12th."


def test_heading_at_the_start_of_the_file() -> None:
    document = parse_text("Trade ties\n\nJapan ranks 12th.")
    assert outline(document) == [("Trade ties", 1, [("paragraph", 3)])]


def test_colon_heading_directly_followed_by_bullets() -> None:
    document = parse_text("Key points:\n• India exports tea.\n• Japan buys it.\n")
    assert outline(document) == [("Key points", 1, [("bullet", 2), ("bullet", 3)])]


def test_title_line_directly_followed_by_bullets() -> None:
    document = parse_text("Exports\n- Tea is exported.\n- Rice is exported.\n")
    assert outline(document) == [("Exports", 1, [("bullet", 2), ("bullet", 3)])]


def test_colon_heading_straight_under_a_markdown_heading() -> None:
    document = parse_text("## Trade\nKey points:\n- Tea is exported.\n")
    assert [s.heading for s in document.sections] == ["Trade", "Key points"]


@pytest.mark.parametrize(
    "line",
    [
        "The reasons for the slow growth of trade are as follows:",  # introduces a list
        "The main reasons include:",
        "This line is far too long to be a heading because it has more than ten words in it:",
        "Japan is at 18th position.",  # a sentence, not a title
        "Is trade growing?",
        "which is lowercase and a fragment",
        "2019",  # no letters
        "#hashtag is not a heading.",
    ],
)
def test_lines_that_are_not_headings(line: str) -> None:
    document = parse_text(f"Intro sentence here.\n\n{line}\n\nJapan ranks 12th.\n")
    assert [s.heading for s in document.sections] == [None]
    assert [block.kind for block in blocks(document)] == ["paragraph"] * 3


def test_a_long_first_paragraph_is_not_a_heading() -> None:
    first = "The friendship between India and Japan has a long history rooted in spiritual affinity and ties"
    document = parse_text(f"{first}\n\nJapan ranks 12th.")
    assert [s.heading for s in document.sections] == [None]
    assert blocks(document)[0].text == first


def test_a_colon_line_inside_a_paragraph_is_not_a_heading() -> None:
    document = parse_text("India and Japan agreed on three things\nKey points:\nand they met again.")
    assert [s.heading for s in document.sections] == [None]
    assert len(blocks(document)) == 1


def test_a_heading_with_nothing_after_it_is_text() -> None:
    document = parse_text("Japan ranks 12th.\n\nWay Forward:\n")
    assert [s.heading for s in document.sections] == [None]
    assert blocks(document)[-1].text == "Way Forward:"


@pytest.mark.parametrize(
    "text",
    ["Ties grew on 28 April 1952.0\n1. ", "Trade ties\n\n1.\n", "Trade ties:\n- \n", "Ties grew in 1952\n\n# Next\n"],
)
def test_a_heading_above_no_text_is_text(text: str) -> None:
    # A bare "1." or a heading has nothing to ask about, so the line above it is not a heading of nothing.
    document = parse_text(text)
    assert document.sections[0].heading is None
    assert blocks(document)[0].text == text.split("\n")[0]


def test_consecutive_headings_keep_the_first_as_an_empty_section() -> None:
    document = parse_text("## Part one\n### Trade\nJapan ranks 12th.")
    assert outline(document) == [("Part one", 1, []), ("Trade", 2, [("paragraph", 3)])]
    assert [s.level for s in document.sections] == [2, 3]


# -- bullets ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "marker",
    ["•", "-", "*", "–", "1.", "12)", "(3)", "a)", "(a)", "B.", "i.", "ii)", "(iv)", "IX.", "◦", "▪", "➢"],
)
def test_bullet_markers(marker: str) -> None:
    document = parse_text(f"   {marker} Japan ranks 12th.\n   {marker} India ranks 18th.")
    assert [(b.kind, b.marker, b.text, b.line) for b in blocks(document)] == [
        ("bullet", marker, "Japan ranks 12th.", 1),
        ("bullet", marker, "India ranks 18th.", 2),
    ]
    assert blocks(document)[0].sentences[0].text == "Japan ranks 12th."


def test_glyph_bullet_glued_to_its_text() -> None:
    [block] = blocks(parse_text("•Within India: Japan is a donor."))
    assert (block.kind, block.marker, block.text) == ("bullet", "•", "Within India: Japan is a donor.")


@pytest.mark.parametrize(
    "line",
    [
        "I am a student of history.",  # not a roman "I"
        "I. K. Gujral was prime minister.",  # initials, not "I." and text
        "A. P. J. Abdul Kalam was president.",
        "-5 degrees is cold.",  # no space after the dash
        "*Emphasis* is not a bullet.",
        "1952. Japan was free.",  # a year, not an item number
        "10.5 per cent growth was seen.",
    ],
)
def test_lines_that_are_not_bullets(line: str) -> None:
    [block] = blocks(parse_text(line))
    assert (block.kind, block.marker, block.text) == ("paragraph", None, line)


def test_continuation_lines_belong_to_the_bullet() -> None:
    text = "• Japan has been a leading\n  financial donor to India.\n  It gives ODA.\n• Second bullet.\n"
    first, second = blocks(parse_text(text))
    assert first.text == "Japan has been a leading financial donor to India. It gives ODA."
    assert [(s.text, s.line) for s in first.sentences] == [
        ("Japan has been a leading financial donor to India.", 1),
        ("It gives ODA.", 3),
    ]
    assert (second.text, second.line) == ("Second bullet.", 4)


def test_marker_alone_on_its_line_takes_the_next_line_as_text() -> None:
    [block] = blocks(parse_text("1.\nJapan ranks 12th."))
    assert (block.kind, block.marker, block.line, block.sentences[0].line) == ("bullet", "1.", 1, 2)


def test_blank_lines_between_bullets_keep_one_list() -> None:
    document = parse_text("• One is here.\n\n• Two is here.\n\n\n• Three is here.\n")
    ids = {block.list_id for block in blocks(document)}
    assert len(ids) == 1 and None not in ids


def test_a_paragraph_ends_the_list() -> None:
    first, second, paragraph, again = blocks(parse_text("1. One.\n2. Two.\n\nA paragraph.\n\n1. Again.\n"))
    assert paragraph.kind == "paragraph" and paragraph.list_id is None
    assert first.list_id == second.list_id != again.list_id


def test_a_heading_ends_the_list() -> None:
    document = parse_text("• One is here.\n\nNext topic:\n\n• Two is here.\n")
    one, two = blocks(document)
    assert one.list_id != two.list_id
    assert [s.heading for s in document.sections] == [None, "Next topic"]


def test_numbered_lists_keep_their_numbers_as_markers() -> None:
    text = "Steps:\n1. Apply for a visa.\n2. Book the flight.\n3) Pack the bags.\n"
    document = parse_text(text)
    assert [(b.marker, b.text) for b in blocks(document)] == [
        ("1.", "Apply for a visa."),
        ("2.", "Book the flight."),
        ("3)", "Pack the bags."),
    ]
    assert len({b.list_id for b in blocks(document)}) == 1


def test_a_line_after_a_bullet_continues_it_even_when_it_looks_like_text() -> None:
    [block] = blocks(parse_text("- India exports tea\nand rice to Japan."))
    assert block.text == "India exports tea and rice to Japan."


# -- paragraphs and sections ------------------------------------------------------------------------------------


def test_paragraph_lines_are_joined_and_a_blank_line_ends_a_paragraph() -> None:
    first, second = blocks(parse_text("India and Japan\nare partners.\n\nThey trade.\n"))
    assert (first.text, first.line) == ("India and Japan are partners.", 1)
    assert (second.text, second.line) == ("They trade.", 4)


def test_three_blank_lines_start_a_section_without_heading() -> None:
    document = parse_text("Trade:\n\nJapan ranks 12th.\n\n\n\nIndia ranks 18th.\n")
    assert outline(document) == [("Trade", 1, [("paragraph", 3)]), (None, 7, [("paragraph", 7)])]


def test_two_blank_lines_do_not_start_a_section() -> None:
    document = parse_text("Trade:\n\nJapan ranks 12th.\n\n\nIndia ranks 18th.\n")
    assert outline(document) == [("Trade", 1, [("paragraph", 3), ("paragraph", 6)])]


def test_a_gap_before_a_heading_gives_just_that_heading() -> None:
    document = parse_text("Japan ranks 12th.\n\n\n\nTrade:\n\nIndia ranks 18th.\n")
    assert outline(document) == [(None, 1, [("paragraph", 1)]), ("Trade", 5, [("paragraph", 7)])]


def test_a_rule_line_counts_as_blank() -> None:
    document = parse_text("Japan ranks 12th.\n-----\nIndia ranks 18th.\n* * *\n")
    assert [b.text for b in blocks(document)] == ["Japan ranks 12th.", "India ranks 18th."]


# -- titles, normalising ----------------------------------------------------------------------------------------


def test_title_from_the_path_stem() -> None:
    assert parse_text("Japan ranks 12th.", path=Path("notes/india-japan-relations.txt")).title == (
        "India Japan Relations"
    )
    assert parse_text("Japan ranks 12th.", path=Path("IoT_basics v2.txt")).title == "IoT Basics V2"
    assert parse_text("Japan ranks 12th.").title == "Untitled"


def test_title_argument_overrides() -> None:
    document = parse_text("# From the file\n\nJapan ranks 12th.", path=Path("x.txt"), title="Given")
    assert document.title == "Given"


def test_a_leading_markdown_title_is_the_document_title() -> None:
    document = parse_text("\n# India and Japan\n\nJapan ranks 12th.\n\n## Trade\n\nTea.", path=Path("x.txt"))
    assert document.title == "India and Japan"
    assert [(s.heading, s.line) for s in document.sections] == [(None, 4), ("Trade", 6)]


def test_windows_line_endings_bom_and_tabs() -> None:
    document = parse_text("\ufeffTrade:\r\n\r\n\t•\tJapan\tranks\r\n\t  12th.\r\n\r\nIndia ranks 18th.\r")
    assert outline(document) == [("Trade", 1, [("bullet", 3), ("paragraph", 6)])]
    assert blocks(document)[0].text == "Japan ranks 12th."


def test_old_mac_line_endings_count_as_lines() -> None:
    document = parse_text("One is here.\r\rTwo is here.")
    assert [b.line for b in blocks(document)] == [1, 3]


def test_quotes_dashes_and_emoji_are_kept() -> None:
    [block] = blocks(parse_text("A ‘Cool EMS Service’ — started in 2019 🎉 — works well."))
    assert block.sentences[0].text == "A ‘Cool EMS Service’ — started in 2019 🎉 — works well."


@pytest.mark.parametrize("text", ["", "   \n\t\n", "\ufeff", "-----\n* * *\n"])
def test_empty_text_is_an_error(text: str) -> None:
    with pytest.raises(DocumentError, match=r"^<text>: the document is empty$"):
        parse_text(text)


def test_only_headings_is_an_error_naming_the_file() -> None:
    with pytest.raises(DocumentError, match=r"^notes\.txt: no sentences found"):
        parse_text("# Trade\n## Tea\n", path=Path("notes.txt"))
