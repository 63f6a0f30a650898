"""Where quizapp keeps its data: the user data directory, the default database and the bundled banks."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "quizapp"
DB_ENV = "QUIZAPP_DB"
DATA_DIR_ENV = "QUIZAPP_DATA_DIR"
BANK_SUFFIXES = (".yaml", ".yml")


def data_dir() -> Path:
    """The folder for the database; `QUIZAPP_DATA_DIR` overrides the platform's user data directory."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "quizapp.db"


def database_target(option: str | None) -> str:
    """The database the user asked for: the `--db` option, else `QUIZAPP_DB`, else the default file."""
    if option:
        return option
    env = os.environ.get(DB_ENV)
    if env:
        return env
    return str(default_db_path())


def bundled_bank_dir() -> Path:
    """The banks shipped with quizapp.

    An installed wheel carries them inside the package; a source checkout (or an editable
    install) has them beside the package at the top of the repository.
    """
    inside = Path(__file__).resolve().parent / "question_bank"
    if inside.is_dir():
        return inside
    return Path(__file__).resolve().parent.parent / "question_bank"


def bundled_banks() -> list[Path]:
    folder = bundled_bank_dir()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in BANK_SUFFIXES and p.is_file())
