"""The text layer of a PDF, page after page, with pypdf."""

from __future__ import annotations

import logging
from pathlib import Path

from pypdf import PdfReader

from quizapp.documents.model import DocumentError
from quizapp.documents.sentences import has_words


def pdf_text(path: Path) -> str:
    """The text of every page, pages joined with a newline; line numbers of the notes refer to this text."""
    # pypdf logs every repair it makes to a damaged file; the user gets our one-line error or the text instead.
    pypdf_logger = logging.getLogger("pypdf")
    previous_level = pypdf_logger.level
    pypdf_logger.setLevel(logging.ERROR)
    try:
        pages = _extract_pages(path)
    finally:
        pypdf_logger.setLevel(previous_level)
    if not pages:
        raise DocumentError(f"{path}: the PDF has no pages")
    text = "\n".join(pages)
    if not has_words(text):
        raise DocumentError(f"{path}: has no text layer (a scanned PDF?); run OCR on it or save your notes as text")
    return text


def _extract_pages(path: Path) -> list[str]:
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not _decrypts_without_password(reader):
            raise DocumentError(f"{path}: the PDF is password-protected")
        return [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except Exception as error:
        # A damaged PDF can fail deep inside pypdf in many ways (KeyError, ValueError, ...); all mean "unreadable".
        raise DocumentError(f"{path}: cannot be read as a PDF ({_reason(error)})") from error


def _decrypts_without_password(reader: PdfReader) -> bool:
    """Many PDFs are encrypted only to restrict printing or copying and open with an empty password."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # noqa: BLE001 - e.g. AES encryption without the optional cryptography package
        return False


def _reason(error: Exception) -> str:
    message = str(error).strip().splitlines()
    return message[0] if message else type(error).__name__
