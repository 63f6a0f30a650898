"""Storage: the engine factory, the tables, the schema gate and the sync of banks into decks.

The importer (and with it the bank readers) is imported when first asked for: opening the app does not need it.
"""

from typing import Any

from quizapp.db.engine import (
    DatabaseError,
    ensure_schema,
    make_engine,
    open_database,
    read_setting,
    write_setting,
)
from quizapp.db.models import SCHEMA_VERSION, Card, CardState, Deck, Question, QuizRun, Review, Setting

_IMPORTER = {"ImportResult", "SyncReport", "import_banks", "import_paths"}


def __getattr__(name: str) -> Any:
    if name in _IMPORTER:
        from quizapp.db import importer

        return getattr(importer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "SCHEMA_VERSION",
    "Card",
    "CardState",
    "DatabaseError",
    "Deck",
    "ImportResult",
    "Question",
    "QuizRun",
    "Review",
    "Setting",
    "SyncReport",
    "ensure_schema",
    "import_banks",
    "import_paths",
    "make_engine",
    "open_database",
    "read_setting",
    "write_setting",
]
