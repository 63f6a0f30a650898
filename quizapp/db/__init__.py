"""Storage: the engine factory, the tables, the schema gate and the sync of banks into decks.

Every name is imported when first asked for: the app's first frame comes before SQLAlchemy is loaded, and
only `quizapp.db.gate` (the standard library alone) is read before it.
"""

from importlib import import_module
from typing import Any

_WHERE = {
    "DatabaseError": "gate",
    "SCHEMA_VERSION": "gate",
    "ensure_schema": "engine",
    "make_engine": "engine",
    "open_database": "engine",
    "read_setting": "engine",
    "write_setting": "engine",
    "Card": "models",
    "CardState": "models",
    "Deck": "models",
    "Question": "models",
    "QuizRun": "models",
    "Review": "models",
    "Setting": "models",
    "ImportResult": "importer",
    "SyncReport": "importer",
    "import_banks": "importer",
    "import_paths": "importer",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"quizapp.db.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = sorted(_WHERE)
