"""Property tests: any text reads into sentences with sane lines, or fails only with DocumentError."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.documents import Document, DocumentError, parse_markdown, parse_text

# Lines shaped like notes (headings, bullets, gaps, glued periods), so the interesting paths are exercised far
# more often than by random characters alone.
NOTE_LINES = st.sampled_from(
    [
        "",
        "   ",
        "\t",
        "# Heading",
        "## Sub heading",
        "Title line",
        "Heading:",
        "Way Forward:-",
        "• A bullet.",
        "  - Indented bullet",
        "1. Numbered item.",
        "(a) Lettered",
        "ii) Roman",
        "I am not a bullet.",
        "continued text",
        "Rs. 500 cr. and U.S. aid.",
        "on 28 April 1952.Japan is",
        "-----",
        "```",
        "> quoted",
        "| a | b |",
        "|---|---|",
        "🎉",
        "‘quoted’ — dash",
        "\ufeffBOM",
        "x" * 90,
    ]
)
NOTE_TEXT = st.lists(NOTE_LINES, max_size=40).flatmap(
    lambda lines: st.sampled_from(["\n", "\r\n", "\r"]).map(lambda end: end.join(lines))
)
ANY_TEXT = st.one_of(st.text(), NOTE_TEXT, st.text(alphabet=" \n\r\t.•-*#:1aAiI()”🎉\u00a0\u2028\x0c\x00"))


def line_count(text: str) -> int:
    return len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def check(parse: Callable[[str], Document], text: str) -> None:
    try:
        document = parse(text)
    except DocumentError as error:
        message = str(error)
        assert message.startswith("<text>: ")
        assert "the document is empty" in message or "no sentences found" in message
        return
    assert any(char.isalnum() for char in text)  # a document was read, so there were words to read
    count = line_count(text)
    sentences = list(document.sentences())
    assert sentences
    for section, block, sentence in sentences:
        assert 1 <= section.line <= count
        assert 1 <= block.line <= sentence.line <= count
        assert sentence.text and sentence.text == " ".join(sentence.text.split())
        assert block.kind in ("paragraph", "bullet")
        assert (block.marker is None) == (block.list_id is None) == (block.kind == "paragraph")


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_parse_text_never_fails_but_with_document_error(text: str) -> None:
    check(parse_text, text)


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_parse_markdown_never_fails_but_with_document_error(text: str) -> None:
    check(parse_markdown, text)


@given(st.text())
def test_text_without_letters_or_digits_is_always_empty(text: str) -> None:
    blank = "".join(char for char in text if not char.isalnum())
    try:
        parse_text(blank)
    except DocumentError as error:
        assert str(error) == "<text>: the document is empty"
    else:
        raise AssertionError("a document with no letters or digits was read")
