"""Storage: the engine factory, the tables, the schema gate and the sync of banks into decks."""

from quizapp.db.engine import (
    DatabaseError,
    ensure_schema,
    make_engine,
    open_database,
    read_setting,
    write_setting,
)
from quizapp.db.models import SCHEMA_VERSION, Card, CardState, Deck, Question, QuizRun, Review, Setting
from quizapp.db.sync import ImportResult, SyncReport, import_banks, import_paths

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
