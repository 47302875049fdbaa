"""Where the data lives: the user data folder by default, any folder (a USB stick) on request."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

from desktop import APP_ID

DB_FILENAME = "keyproj.sqlite3"
LOG_FILENAME = "keyproj.log"
RESTORE_JOURNAL = ".restore-journal.json"  # present only while a restore swaps the database file in


def default_data_dir() -> Path:
    return user_data_path(APP_ID, appauthor=False, roaming=False)


def database_file(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def attachments_dir(data_dir: Path) -> Path:
    return data_dir / "attachments"


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def logs_dir(data_dir: Path) -> Path:
    """Where unexpected errors are written (window and CLI alike), so an office PC keeps a trace of them."""
    return data_dir / "logs"


def log_file(data_dir: Path) -> Path:
    return logs_dir(data_dir) / LOG_FILENAME
