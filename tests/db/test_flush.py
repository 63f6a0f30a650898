"""The write-ahead log flushed after each commit on a thread of its own (quizapp/db/flush.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from quizapp.db import flush as flush_module
from quizapp.db import open_database
from quizapp.db.flush import flush_all, log_flush

WAIT = 10.0
"""How long a test waits for a thread it expects to finish (never reached when the code is right)."""


def _name(fd: int) -> str:
    return os.readlink(f"/proc/self/fd/{fd}")


class Disk:
    """Stands for the disk: records what was flushed, and can hold flushes back or fail one."""

    def __init__(self) -> None:
        self.flushed: list[str] = []
        self.folders: list[str] = []
        self.open = threading.Event()
        self.open.set()
        self.fail_next: Exception | None = None

    def fdatasync(self, fd: int) -> None:
        assert self.open.wait(WAIT)
        if self.fail_next is not None:
            failure, self.fail_next = self.fail_next, None
            raise failure
        self.flushed.append(_name(fd))

    def fsync(self, fd: int) -> None:
        self.folders.append(_name(fd))


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Iterator[Disk]:
    fake = Disk()
    monkeypatch.setattr(flush_module.os, "fdatasync", fake.fdatasync)
    monkeypatch.setattr(flush_module.os, "fsync", fake.fsync)
    yield fake
    fake.open.set()


def _write(engine, value: int) -> None:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        session.execute(text("CREATE TABLE IF NOT EXISTS t (v INTEGER)"))
        session.execute(text("INSERT INTO t (v) VALUES (:v)"), {"v": value})
        session.commit()


def _values(engine) -> list[int]:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return [row[0] for row in session.execute(text("SELECT v FROM t ORDER BY v"))]


def test_a_file_database_commits_with_normal_and_flushes_its_log_after(db_path: Path, disk: Disk) -> None:
    engine = open_database(str(db_path))
    try:
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL: the commit does not flush
        _write(engine, 1)
        flush_all()
        log = log_flush(engine)
        assert log is not None and log.flushed == log.committed >= 2  # the schema's commit, then this one
        assert disk.flushed and set(disk.flushed) == {f"{db_path}-wal"}
        assert disk.folders == [str(db_path.parent)]  # the log was a new file: its folder once, as SQLite does
    finally:
        engine.dispose()


def test_an_in_memory_database_keeps_flushing_in_its_commits() -> None:
    engine = open_database(":memory:")
    assert log_flush(engine) is None
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_what_is_read_after_a_commit_waits_until_that_commit_is_on_disk(db_path: Path, disk: Disk) -> None:
    engine = open_database(str(db_path))
    try:
        _write(engine, 1)
        flush_all()
        disk.open.clear()  # the disk is slow now
        _write(engine, 2)  # the commit itself does not wait for the disk
        read: list[list[int]] = []
        reader = threading.Thread(target=lambda: read.append(_values(engine)))
        reader.start()
        reader.join(0.3)
        assert reader.is_alive() and not read  # the next card is not shown before the answer is flushed
        disk.open.set()
        reader.join(WAIT)
        assert read == [[1, 2]]
        log = log_flush(engine)
        assert log is not None and log.waits and log.flushed == log.committed
    finally:
        engine.dispose()


@pytest.mark.parametrize("failure", [OSError(5, "Input/output error"), RuntimeError("a bug in the flush")])
def test_a_failed_flush_is_told_by_the_next_commit_which_saves_nothing(
    db_path: Path, disk: Disk, failure: Exception
) -> None:
    engine = open_database(str(db_path))
    try:
        _write(engine, 1)
        flush_all()
        disk.fail_next = failure
        _write(engine, 2)
        flush_all()
        with pytest.raises(OperationalError, match=r"disk I/O error: the log .*test\.db-wal could not be flushed"):
            _write(engine, 3)
        assert _values(engine) == [1, 2]  # 3 was not saved; it can be given again
        _write(engine, 3)
        assert _values(engine) == [1, 2, 3]
        flush_all()  # the worker lives on after the failure and flushes the retry
        log = log_flush(engine)
        assert log is not None and log.flushed == log.committed
    finally:
        engine.dispose()


def test_a_log_made_again_after_every_connection_closed_is_opened_again(db_path: Path, disk: Disk) -> None:
    engine = open_database(str(db_path))
    try:
        _write(engine, 1)
        flush_all()
        engine.dispose()  # the last connection: SQLite copies the log into the file and removes it
        assert not Path(f"{db_path}-wal").exists()
        before = len(disk.folders)
        _write(engine, 2)  # a new connection makes a new log
        flush_all()
        log = log_flush(engine)
        assert log is not None and log._fd is not None
        assert os.fstat(log._fd).st_ino == os.stat(f"{db_path}-wal").st_ino  # the new file, not the removed one
        assert len(disk.folders) == before + 1
    finally:
        engine.dispose()


def test_the_process_flushes_what_is_left_before_it_exits(db_path: Path, tmp_path: Path) -> None:
    marker = tmp_path / "flushed"
    script = f"""
import os, time
from sqlalchemy import text
from sqlmodel import Session
from quizapp.db import open_database
from quizapp.db import flush
engine = open_database({str(db_path)!r})
engine.dispose()
real = os.fdatasync
def slow(fd):
    time.sleep(0.3)
    real(fd)
    with open({str(marker)!r}, "a") as out:
        out.write(os.readlink(f"/proc/self/fd/{{fd}}") + "\\n")
flush.os.fdatasync = slow
with Session(engine) as session:
    session.execute(text("CREATE TABLE t (v INTEGER)"))
    session.commit()
"""
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    assert marker.read_text().splitlines() == [f"{db_path}-wal"]  # exit waited for the flush still going
