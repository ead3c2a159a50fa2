"""Sharing one SQLite file among threads and worker processes: a writer lock and WAL checkpoints.

SQLite lets one writer in at a time and makes the others retry after sleeping 1, 2, 5, 10, ...
ms (its busy handler), so a writer that arrives during another's commit can lose far longer than
the commit takes. `WriterLock` queues writers instead and wakes the next one as soon as the
lock is free. `WalCheckpointer` copies the write-ahead log into the database file on a
background thread of one of the processes, once a second, rather than in whichever commit
crosses SQLite's threshold (15-35 ms every ~45 commits of ~40 kB results).
"""

from __future__ import annotations

import logging
import threading
from types import TracebackType
from typing import IO

try:
    import fcntl
except ImportError:  # not on POSIX: threads queue, processes fall back on the busy handler
    fcntl = None  # type: ignore[assignment]

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

log = logging.getLogger("hipdx.store")

LOG_LIMIT_FRAMES = 4096
"""Frames (pages, 4 KiB by default) the write-ahead log may reach before a checkpoint stops the
writers to complete it: 16 MiB, ~1.5 s of writes at 200 assessments a second."""
CATCH_UP_PASSES = 2
"""Passive checkpoints between the first and the locked one (see `WalCheckpointer.checkpoint`)."""


def _passive_checkpoint(connection: Connection) -> tuple[int, int]:
    row = connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").one()
    return int(row[1]), int(row[2])  # after `busy`: frames in the log, frames copied


def in_memory(database: str) -> bool:
    """Whether a SQLite database name means an in-memory database."""
    return database in ("", ":memory:") or database.startswith("file::memory:")


def is_sqlite_file(engine: Engine) -> bool:
    """Whether `engine` is a SQLite database in a file."""
    return engine.dialect.name == "sqlite" and not in_memory(engine.url.database or "")


class WriterLock:
    """An exclusive lock among the threads of this process and, for a file `database`, the
    processes sharing it (an flock on `<database>-lock`, taken after the thread lock since an
    flock is held per process)."""

    def __init__(self, database: str | None) -> None:
        self._threads = threading.Lock()
        self._file: IO[bytes] | None = None
        if database is not None and fcntl is not None:
            self._file = open(f"{database}-lock", "a+b")  # noqa: SIM115 (held until close)

    def __enter__(self) -> None:
        self._threads.acquire()
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_EX)  # waits with the GIL released

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
        self._threads.release()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


class OneProcess:
    """Elects one process among those sharing `database` (a non-blocking flock on
    `<database>-checkpoint`, kept once taken; the system frees it when that process ends)."""

    def __init__(self, database: str | None) -> None:
        self._file: IO[bytes] | None = None
        self._held = database is None or fcntl is None
        if not self._held:
            self._file = open(f"{database}-checkpoint", "a+b")  # noqa: SIM115 (held until close)

    def take(self) -> bool:
        """Whether this process is (now) the elected one."""
        if not self._held and self._file is not None:
            try:
                fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
                self._held = True
            except BlockingIOError:
                pass
        return self._held

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


class WalCheckpointer:
    """Checkpoints a SQLite file's write-ahead log every `interval` seconds on a daemon thread.

    The thread spends its time in SQLite's I/O with the GIL released and does not stop the
    writers, except when the log has grown past `log_limit` frames (see `checkpoint`).
    """

    def __init__(
        self,
        engine: Engine,
        lock: WriterLock,
        interval: float = 1.0,
        log_limit: int = LOG_LIMIT_FRAMES,
    ) -> None:
        self._engine = engine
        self._lock = lock
        self._interval = interval
        self._log_limit = log_limit
        self._turn = OneProcess(engine.url.database)
        self._stopping = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name=f"hipdx-wal-checkpoint {engine.url.database}", daemon=True
        )
        self._thread.start()

    def checkpoint(self) -> tuple[int, int]:
        """Copy the log into the database; (frames in the log, frames copied).

        A passive checkpoint, while writers carry on. Only a complete checkpoint lets the next
        writer start the log over, and one that a commit overtakes is incomplete, as most are
        at 200 commits a second. Once the log passes `log_limit`, a final checkpoint holding
        the writer lock completes it, after `CATCH_UP_PASSES` more passive ones have copied
        what writers added meanwhile: the locked one then has a few commits to copy, a stall of
        ~2 ms where, straight after the first pass, it was ~30 ms (measured at 200 commits a
        second of ~60 kB results); taken every round, that stall set the web p99.
        """
        with self._engine.connect() as connection:
            frames, copied = _passive_checkpoint(connection)
            if frames <= self._log_limit:
                return frames, copied
            for _ in range(CATCH_UP_PASSES):
                _passive_checkpoint(connection)
            with self._lock:
                return _passive_checkpoint(connection)

    def _run(self) -> None:
        while not self._stopping.wait(self._interval):
            if not self._turn.take():  # another process checkpoints this file
                continue
            try:
                self.checkpoint()
            except SQLAlchemyError:  # the next round tries again; the log only grows meanwhile
                log.warning("WAL checkpoint failed", exc_info=True)

    def stop(self) -> None:
        """Stop the thread (after a checkpoint in progress finishes)."""
        self._stopping.set()
        self._thread.join()
        self._turn.close()
