"""The write-ahead log flushed to disk on a thread of its own, while the app goes on to its next card.

SQLite with `synchronous = FULL` flushes the log to disk inside every commit: about a third of an answer's time,
during which nothing else can happen. With `synchronous = NORMAL` a commit only hands its pages to the operating
system (safe if the app crashes, not if the power goes), and this module flushes them right after each commit on
a worker thread, which waits on the disk without holding Python's lock. So the flush of an answer runs beside
the pick of the next card.

What the student sees stays as sure as before: **every other transaction's end on the engine waits until every
commit before it is on disk** (`install`). The next card is read in a transaction of its own, so it is shown
only once the answer before it is flushed, as it was with FULL; the wait is nothing when the pick took longer
than the flush. A flush that fails is raised by the next commit, before it saves anything, and at exit the
process waits for what is left (`flush_all`).

The log is kept open between flushes, since every call into the system on the worker has to take Python's lock
back from the app (opening the log for each flush made the next pick 0.1 ms slower). SQLite removes the log only
when its last connection closes, so a log can only be a new file after a new connection: each one has the next
flush open the log again, and flush its folder too, as SQLite does for a file it creates.
"""

from __future__ import annotations

import atexit
import os
import queue
import sqlite3
import threading
import time
import weakref
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

TIMES_KEPT = 4096
"""Flush times and waits kept per engine for the benchmark's figures (the newest ones)."""


class LogFlush:
    """One database's log: how many commits were made, how many of them are on disk, and how long flushes took."""

    def __init__(self, path: Path) -> None:
        self.log = Path(f"{path}-wal")
        self.committed = 0
        self.flushed = 0
        self.times: list[float] = []
        """Seconds each flush took on the worker, newest last."""
        self.waits: list[float] = []
        """Seconds each transaction's end waited for a flush still going (the ones that waited at all)."""
        self.waiting = 0
        self.stale = True
        """Whether the log may be another file than the one kept open: set by every new connection."""
        self._fd: int | None = None
        self._error: Exception | None = None

    def _flush(self) -> None:
        """Flush the log to disk (on the worker); a log that is gone was copied into the database file by SQLite."""
        start = time.perf_counter()
        if self.stale or self._fd is None:
            self.stale = False  # before the opening: a connection made meanwhile sets it again
            self._close()
            try:
                self._fd = os.open(self.log, os.O_RDONLY)
            except FileNotFoundError:
                return  # the last connection closed: its checkpoint flushed the log into the file and removed it
            _flush_folder(self.log.parent)
        os.fdatasync(self._fd)
        self.times.append(time.perf_counter() - start)
        del self.times[:-TIMES_KEPT]

    def _close(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)

    def __del__(self) -> None:
        self._close()


def _flush_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class _Worker:
    """The one thread that flushes every engine's log, started at the first commit."""

    def __init__(self) -> None:
        self.changed = threading.Condition(threading.Lock())
        self.asked: queue.SimpleQueue[LogFlush] = queue.SimpleQueue()
        self.logs: weakref.WeakSet[LogFlush] = weakref.WeakSet()
        self._thread: threading.Thread | None = None

    def committed(self, log: LogFlush) -> None:
        with self.changed:
            log.committed += 1
            self.logs.add(log)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="quizapp-log-flush", daemon=True)
                self._thread.start()
        self.asked.put(log)

    def _run(self) -> None:
        while True:
            log = self.asked.get()
            mark = log.committed  # every commit counted so far is in the log: this flush makes them all safe
            if log.flushed >= mark:
                continue  # flushed with an earlier commit's turn
            try:
                log._flush()
            except Exception as exc:  # noqa: BLE001 - the worker must live on, or every later wait would hang
                log._error = exc
            with self.changed:
                log.flushed = max(log.flushed, mark)
                if log.waiting:
                    self.changed.notify_all()

    def settle(self, log: LogFlush, *, tell: bool = True) -> Exception | None:
        """Wait until every commit made so far on `log`'s database is on disk; a failed flush is returned once
        (kept for the next commit to tell, with `tell=False`)."""
        if log.flushed >= log.committed and log._error is None:
            return None
        with self.changed:
            mark = log.committed
            if log.flushed < mark:
                start = time.perf_counter()
                log.waiting += 1
                while log.flushed < mark:
                    self.changed.wait()
                log.waiting -= 1
                log.waits.append(time.perf_counter() - start)
                del log.waits[:-TIMES_KEPT]
            error = log._error
            if tell:
                log._error = None
        return error

    def forked(self) -> None:
        """In a child process: the parent's thread is not there, and what the parent committed is the parent's."""
        self.changed = threading.Condition(threading.Lock())
        self.asked = queue.SimpleQueue()
        self._thread = None
        for log in list(self.logs):
            log.flushed = log.committed
            log.waiting = 0

    def settle_all(self) -> None:
        with self.changed:
            logs = list(self.logs)
        for log in logs:
            self.settle(log, tell=False)  # a failure stays for the next commit (at exit, nobody is left to tell)


_WORKER = _Worker()


def flush_all() -> None:
    """Wait until every engine's commits are on disk (the process does this at exit)."""
    _WORKER.settle_all()


atexit.register(flush_all)
os.register_at_fork(after_in_child=_WORKER.forked)
_LOGS: weakref.WeakKeyDictionary[Engine, LogFlush] = weakref.WeakKeyDictionary()


def install(engine: Engine, path: Path) -> LogFlush:
    """Flush `engine`'s log (of the SQLite file `path`) after each commit, and hold every other transaction's end
    until the commits before it are on disk. The engine's pragma must be `synchronous = NORMAL`.

    A flush that failed is raised by the next commit, before it saves anything, as SQLite's own "disk I/O error"
    (which SQLAlchemy wraps as for any commit): the app then keeps that answer to give again. A transaction that
    only read waits, but raises nothing: it is ended by a rollback, where SQLAlchemy's pool would swallow it.
    """
    log = LogFlush(path)
    dialect = engine.dialect  # one per engine: the wrappers below touch this engine only
    commit, rollback = dialect.do_commit, dialect.do_rollback

    def do_commit(dbapi_connection: Any) -> None:
        error = _WORKER.settle(log)
        if error is not None:
            rollback(dbapi_connection)  # SQLAlchemy takes a failed commit's transaction as ended
            raise sqlite3.OperationalError(f"disk I/O error: the log {log.log} could not be flushed: {error}")
        commit(dbapi_connection)
        _WORKER.committed(log)

    def do_rollback(dbapi_connection: Any) -> None:
        ending = dbapi_connection.in_transaction  # not the pool's rollback of a connection already committed
        rollback(dbapi_connection)
        if ending:
            _WORKER.settle(log, tell=False)  # a failed flush is told by the next commit

    @event.listens_for(engine, "connect")
    def _connected(_dbapi_connection: Any, _record: Any) -> None:
        log.stale = True

    dialect.do_commit = do_commit  # type: ignore[method-assign]
    dialect.do_rollback = do_rollback  # type: ignore[method-assign]
    _LOGS[engine] = log
    return log


def settle(engine: Engine) -> None:
    """Wait until every commit made so far on `engine` is on disk (at once where SQLite flushes in its commits)."""
    log = _LOGS.get(engine)
    if log is not None:
        _WORKER.settle(log, tell=False)


def log_flush(engine: Engine) -> LogFlush | None:
    """The flushes of `engine`'s log, or None where SQLite flushes in its commits (no file, another database)."""
    return _LOGS.get(engine)
