"""The first real notes, the India–Japan relations file, read end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.documents import Document, Sentence, read_document

NOTES = Path(__file__).resolve().parents[2] / "question_bank" / "sources" / "india-japan-relations.txt"


@pytest.fixture(scope="module")
def notes() -> Document:
    return read_document(NOTES)


def test_title_comes_from_the_file_name(notes: Document) -> None:
    assert notes.title == "India Japan Relations"
    assert notes.path == NOTES


def test_outline_of_sections(notes: Document) -> None:
    outline = [(section.heading, section.line, len(section.blocks)) for section in notes.sections]
    assert outline == [
        (None, 1, 1),
        ("India-Japan bilateral relation", 4, 6),
        ("Bilateral Cooperation", 14, 5),
        ("Multilateral Cooperation", 23, 2),
        ("Regional and International Affairs", 29, 7),
        ("Big-ticket Investments", 40, 5),
        ("New Areas of Engagement", 49, 4),
        (None, 58, 5),
        ("Way Forward", 65, 5),
    ]


def test_first_paragraph_is_not_a_heading_and_the_glued_date_is_split_off(notes: Document) -> None:
    opening = notes.sections[0]
    assert opening.heading is None
    [paragraph] = opening.blocks
    assert paragraph.kind == "paragraph"
    texts = [sentence.text for sentence in paragraph.sentences]
    assert "India and Japan established diplomatic relations on 28 April 1952." in texts
    assert "Japan is regarded as a key partner in India’s economic transformation." in texts
    assert len(texts) == 5
    assert {sentence.line for sentence in paragraph.sentences} == {1}


def test_bilateral_cooperation_has_five_bullets_of_one_list(notes: Document) -> None:
    section = notes.sections[2]
    assert section.heading == "Bilateral Cooperation"
    assert [block.line for block in section.blocks] == [16, 17, 18, 19, 20]
    assert {block.kind for block in section.blocks} == {"bullet"}
    assert {block.marker for block in section.blocks} == {"•"}
    assert len({block.list_id for block in section.blocks}) == 1
    assert section.blocks[0].list_id is not None


def test_the_bullet_on_line_17(notes: Document) -> None:
    found = [(section.heading, sentence) for section, _, sentence in notes.sentences() if sentence.line == 17]
    assert found == [
        (
            "Bilateral Cooperation",
            Sentence(
                "The Ministers welcomed the significant progress made in the negotiations of Acquisition and "
                "Cross-Servicing Agreement (ACSA) since the announcement to commence the negotiations in "
                "October 2018.",
                17,
            ),
        )
    ]


def test_bullet_with_three_sentences_keeps_curly_quotes(notes: Document) -> None:
    block = notes.sections[2].blocks[0]
    assert len(block.sentences) == 3
    assert block.sentences[1].text.endswith("the second “SHINYUU Maitri-2019”.")
    assert not block.text.startswith("•")


def test_trade_bullets_after_the_long_gap_have_no_heading(notes: Document) -> None:
    engagement, trade = notes.sections[6], notes.sections[7]
    assert engagement.heading == "New Areas of Engagement"
    assert [block.line for block in engagement.blocks] == [51, 52, 53, 54]
    assert trade.heading is None
    assert [block.line for block in trade.blocks] == [58, 59, 60, 61, 62]
    assert trade.blocks[0].text == "Trade engagements have been below potential."
    assert trade.blocks[0].list_id != engagement.blocks[0].list_id


def test_every_list_id_is_distinct_per_section(notes: Document) -> None:
    ids = [{block.list_id for block in section.blocks if block.kind == "bullet"} for section in notes.sections[1:]]
    assert all(len(section_ids) == 1 for section_ids in ids)
    assert len(set().union(*ids)) == len(ids)


def test_bullet_without_a_final_period_is_still_a_sentence(notes: Document) -> None:
    bullet = notes.sections[1].blocks[1]
    assert bullet.line == 7
    assert bullet.sentences[-1].text.endswith("Ahmedabad-Mumbai High Speed Rail")


def test_every_sentence_line_is_a_line_holding_that_text(notes: Document) -> None:
    # The notes hold no-break spaces, which sentences collapse to plain spaces like any other whitespace.
    lines = [" ".join(line.split()) for line in NOTES.read_text(encoding="utf-8").split("\n")]
    for _, _, sentence in notes.sentences():
        assert sentence.text[:30] in lines[sentence.line - 1]
    assert sum(1 for _ in notes.sentences()) == 48
