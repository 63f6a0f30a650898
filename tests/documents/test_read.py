"""read_document: the reader chosen by suffix, decoding, and a clear one-line error for what cannot be read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quizapp.documents import DocumentError, read_document

MARKDOWN = "# Title\n\n- Japan ranks 12th.\n"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def error_of(path: Path) -> str:
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    message = str(caught.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize("name", ["notes.md", "notes.markdown", "NOTES.MD"])
def test_markdown_suffixes_read_markdown(tmp_path: Path, name: str) -> None:
    document = read_document(write(tmp_path, name, MARKDOWN))
    assert document.title == "Title"  # the "# Title" of Markdown
    assert [s.heading for s in document.sections] == [None]
    assert document.sections[0].blocks[0].marker == "-"


@pytest.mark.parametrize("name", ["notes.txt", "notes.notes", "notes"])
def test_other_suffixes_read_plain_text(tmp_path: Path, name: str) -> None:
    document = read_document(write(tmp_path, name, "Trade:\n\n1) Japan ranks 12th.\n"))
    assert [s.heading for s in document.sections] == ["Trade"]
    assert document.sections[0].blocks[0].marker == "1)"
    assert document.path == tmp_path / name


def test_a_string_path_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.txt", "Japan ranks 12th.")
    assert read_document(str(path)).sections[0].blocks[0].text == "Japan ranks 12th."  # type: ignore[arg-type]


def test_utf8_bom_and_windows_line_endings(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.txt", b"\xef\xbb\xbfTrade:\r\n\r\nJapan ranks 12th.\r\n")
    document = read_document(path)
    assert [(s.heading, s.line) for s in document.sections] == [("Trade", 1)]
    assert document.sections[0].blocks[0].line == 3


def test_utf16_with_a_bom_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.txt", "Trade:\r\n\r\nJapan ranks 12th.\r\n".encode("utf-16"))
    document = read_document(path)
    assert [(s.heading, b.text) for s in document.sections for b in s.blocks] == [("Trade", "Japan ranks 12th.")]


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.txt"
    assert error_of(path) == f"{path}: no such file"


def test_folder(tmp_path: Path) -> None:
    assert error_of(tmp_path) == f"{tmp_path}: is a folder, not a file"


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.txt", "Line one is fine.\nLine two too.\nCaf\xe9 on line three.\n".encode("latin-1"))
    message = error_of(path)
    assert message.startswith(f"{path}:3: not UTF-8 text")
    assert "line 3" in message and "0xe9" in message


def test_binary_file_with_nul_bytes(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.txt", b"Japan\x00\x01\x02\x00ranks")
    assert error_of(path) == f"{path}: is a binary file, not text; save your notes as .txt, .md or .pdf"


def test_word_document_is_named_as_such(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.docx", b"PK\x03\x04" + bytes(range(40)))
    message = error_of(path)
    assert message.startswith(f"{path}: is a binary file (a Word, OpenDocument or zip file?)")


@pytest.mark.parametrize("content", ["", "\n\n   \n", "\ufeff"])
def test_empty_file(tmp_path: Path, content: str) -> None:
    path = write(tmp_path, "notes.txt", content)
    assert error_of(path) == f"{path}: the document is empty"


def test_empty_markdown_file(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.md", "")
    assert error_of(path) == f"{path}: the document is empty"


def test_file_with_headings_only_has_no_sentences(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.md", "# Title\n\n## Part\n\n```\ncode only\n```\n")
    assert error_of(path).startswith(f"{path}: no sentences found")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions that bind this user")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.txt", "Japan ranks 12th.")
    path.chmod(0)
    try:
        assert error_of(path) == f"{path}: cannot be read (Permission denied)"
    finally:
        path.chmod(0o644)


def test_reading_documents_does_not_pull_in_textual() -> None:
    import subprocess
    import sys

    code = "import sys, quizapp.documents; print('textual' in sys.modules)"
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert completed.stdout.strip() == "False"
