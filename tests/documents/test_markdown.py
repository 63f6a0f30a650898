"""Markdown notes: title, headings at any level, lists, inline markup, skipped code, tables, line numbers."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from quizapp.documents import Block, Document, DocumentError, parse_markdown


def md(text: str, **kwargs: object) -> Document:
    return parse_markdown(textwrap.dedent(text).lstrip("\n"), **kwargs)  # type: ignore[arg-type]


def blocks(document: Document) -> list[Block]:
    return [block for section in document.sections for block in section.blocks]


NOTES = """
# India and Japan

Relations began on 28 April 1952.Japan is a partner.

## Trade

Japan ranks **12th** among
importers. India ranks _18th_.

### Exports

- Tea is exported.
- Rice is exported.

# Way Forward

More talks are planned.
"""


def test_leading_level_one_heading_is_the_title_not_a_section() -> None:
    document = md(NOTES, path=Path("notes.md"))
    assert document.title == "India and Japan"
    assert [(s.heading, s.line, s.level) for s in document.sections] == [
        (None, 3, 1),
        ("Trade", 5, 2),
        ("Exports", 10, 3),
        ("Way Forward", 15, 1),
    ]


def test_sentences_and_their_lines() -> None:
    found = [(section.heading, s.text, s.line) for section, _, s in md(NOTES).sentences()]
    assert found == [
        (None, "Relations began on 28 April 1952.", 3),
        (None, "Japan is a partner.", 3),
        ("Trade", "Japan ranks 12th among importers.", 7),
        ("Trade", "India ranks 18th.", 8),
        ("Exports", "Tea is exported.", 12),
        ("Exports", "Rice is exported.", 13),
        ("Way Forward", "More talks are planned.", 17),
    ]


def test_title_from_the_file_name_when_the_file_does_not_open_with_a_title() -> None:
    document = md("Intro text here.\n\n# Trade\n\nJapan ranks 12th.\n", path=Path("india-japan.md"))
    assert document.title == "India Japan"
    assert [s.heading for s in document.sections] == [None, "Trade"]


def test_title_argument_overrides_and_the_first_heading_is_still_not_a_section() -> None:
    document = md(NOTES, title="My deck")
    assert document.title == "My deck"
    assert "India and Japan" not in [s.heading for s in document.sections]


def test_setext_heading_is_a_heading() -> None:
    document = md("Intro text.\n\nTrade\n-----\n\nJapan ranks 12th.\n")
    assert [(s.heading, s.line, s.level) for s in document.sections] == [(None, 1, 1), ("Trade", 3, 2)]


def test_inline_markup_is_reduced_to_text() -> None:
    document = md("Japan is **very** _close_ to `India` per [the MEA](https://mea.gov.in) ![map](m.png) site.\n")
    assert blocks(document)[0].text == "Japan is very close to India per the MEA site."


def test_nested_lists_give_each_item_a_bullet_and_each_list_an_id() -> None:
    document = md(
        """
        - Defence ties:
          - Malabar exercise.
          - 2+2 dialogue
            at minister level.
        - Trade ties.
        """
    )
    found = [(b.kind, b.marker, b.text, b.line) for b in blocks(document)]
    assert found == [
        ("bullet", "-", "Defence ties:", 1),
        ("bullet", "-", "Malabar exercise.", 2),
        ("bullet", "-", "2+2 dialogue at minister level.", 3),
        ("bullet", "-", "Trade ties.", 5),
    ]
    outer, inner_a, inner_b, outer_b = (b.list_id for b in blocks(document))
    assert outer == outer_b != inner_a == inner_b
    assert blocks(document)[2].sentences[0].line == 3


def test_numbered_lists_keep_their_numbers_as_markers() -> None:
    document = md("1. Apply for a visa.\n2. Book a flight.\n\n7) Pack.\n8) Go.\n")
    assert [(b.marker, b.text) for b in blocks(document)] == [
        ("1.", "Apply for a visa."),
        ("2.", "Book a flight."),
        ("7)", "Pack."),
        ("8)", "Go."),
    ]
    ids = [b.list_id for b in blocks(document)]
    assert ids[0] == ids[1] != ids[2] == ids[3]


def test_loose_list_item_with_two_paragraphs_is_one_bullet() -> None:
    document = md("* First part.\n\n  Second part.\n\n* Next item.\n")
    assert [(b.marker, b.text, b.line) for b in blocks(document)] == [
        ("*", "First part. Second part.", 1),
        ("*", "Next item.", 5),
    ]
    assert [s.line for s in blocks(document)[0].sentences] == [1, 3]


def test_code_blocks_and_html_are_skipped() -> None:
    document = md(
        """
        Before the code.

        ```python
        print("Not a sentence.")
        ```

            indented code. Also skipped.

        <div>HTML block is skipped.</div>

        After the code.
        """
    )
    assert [(b.text, b.line) for b in blocks(document)] == [("Before the code.", 1), ("After the code.", 11)]


def test_table_body_rows_become_paragraphs() -> None:
    document = md(
        """
        | Country | Rank |
        | --- | --- |
        | Japan | 12th |
        | India | 18th |
        """
    )
    assert [(b.kind, b.text, b.line) for b in blocks(document)] == [
        ("paragraph", "Japan; 12th", 3),
        ("paragraph", "India; 18th", 4),
    ]


def test_blockquote_paragraphs_are_read() -> None:
    [block] = blocks(md("> Japan is a partner.\n> India agrees.\n"))
    assert [(s.text, s.line) for s in block.sentences] == [("Japan is a partner.", 1), ("India agrees.", 2)]


def test_front_matter_is_skipped_and_lines_still_count() -> None:
    document = md("---\ntags: [notes]\n---\n# Title\n\nJapan ranks 12th.\n")
    assert document.title == "Title"
    assert [(b.text, b.line) for b in blocks(document)] == [("Japan ranks 12th.", 6)]


def test_windows_line_endings_and_bom() -> None:
    document = parse_markdown("\ufeff## Trade\r\n\r\nJapan ranks\r\n12th. India too.\r\n")
    assert [(s.text, s.line) for _, _, s in document.sentences()] == [
        ("Japan ranks 12th.", 3),
        ("India too.", 4),
    ]


def test_an_empty_heading_is_ignored() -> None:
    document = md("Intro text here.\n\n##\n\nMore text here.\n")
    assert [s.heading for s in document.sections] == [None]
    assert len(blocks(document)) == 2


def test_empty_markdown_is_an_error() -> None:
    with pytest.raises(DocumentError, match=r"^notes\.md: the document is empty$"):
        parse_markdown("\n  \n", path=Path("notes.md"))


def test_markdown_with_only_code_has_no_sentences() -> None:
    with pytest.raises(DocumentError, match=r"^notes\.md: no sentences found"):
        parse_markdown("```\nprint('hi')\n```\n", path=Path("notes.md"))
