"""One SQLite file among threads and processes: the writer lock and the background checkpoints."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import Engine

from hipdx.store import SqlStore
from hipdx.store.db import make_engine, migrate
from hipdx.store.sqlite_file import OneProcess, WalCheckpointer, WriterLock
from tests.store.test_store import new_assessment

# What another worker process sees of the writer lock: can it take the lock file right now?
PROBE = """
import fcntl, sys
with open(sys.argv[1] + "-lock", "a+b") as lock:
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print("held")
    else:
        print("free")
"""


def _seen_from_another_process(database: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, database], check=True, capture_output=True, text=True
    )
    return done.stdout.strip()


def test_the_writer_lock_keeps_other_processes_out_until_released(tmp_path: Path) -> None:
    database = str(tmp_path / "hipdx.db")
    lock = WriterLock(database)
    with lock:
        assert _seen_from_another_process(database) == "held"
    assert _seen_from_another_process(database) == "free"
    lock.close()


def test_commits_leave_checkpoints_to_the_store(tmp_path: Path) -> None:
    store = SqlStore.open(f"sqlite:///{tmp_path / 'hipdx.db'}")
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
    store.close()


def _migrated_file(tmp_path: Path) -> tuple[Engine, WriterLock]:
    """A migrated SQLite file and its writer lock."""
    database = str(tmp_path / "hipdx.db")
    engine = make_engine(f"sqlite:///{database}")
    migrate(engine)
    return engine, WriterLock(database)


def test_a_checkpoint_completes_under_steady_writes_and_the_log_starts_over(
    tmp_path: Path,
) -> None:
    engine, lock = _migrated_file(tmp_path)
    with engine.begin() as connection:
        connection.execute(sa.text("CREATE TABLE filler (blob TEXT)"))

    def insert() -> None:
        with lock, engine.begin() as connection:
            connection.execute(sa.text("INSERT INTO filler VALUES (:b)"), {"b": "x" * 20_000})

    for _ in range(20):
        insert()
    writing = threading.Event()
    writing.set()

    def keep_writing() -> None:
        while writing.is_set():
            insert()

    writer = threading.Thread(target=keep_writing)
    writer.start()
    checkpointer = WalCheckpointer(engine, lock, interval=3600.0, log_limit=0)
    try:
        frames, copied = checkpointer.checkpoint()
    finally:
        writing.clear()
        writer.join()
    assert frames >= 20 * 5 and copied == frames  # ~5 pages a row
    insert()  # the first write after a complete checkpoint writes the log from its start
    frames_after, _ = checkpointer.checkpoint()
    assert frames_after < frames
    checkpointer.stop()
    lock.close()
    engine.dispose()


def test_a_log_under_its_limit_is_checkpointed_without_stopping_the_writers(
    tmp_path: Path,
) -> None:
    engine, lock = _migrated_file(tmp_path)
    checkpointer = WalCheckpointer(engine, lock, interval=3600.0)
    done: list[tuple[int, int]] = []
    with lock:  # a writer holds the lock throughout: a checkpoint needing it would wait
        worker = threading.Thread(target=lambda: done.append(checkpointer.checkpoint()))
        worker.start()
        worker.join(timeout=30.0)
        assert done, "the checkpoint waited for the writer lock"
    checkpointer.stop()
    lock.close()
    engine.dispose()


def test_one_process_checkpoints_a_shared_file(tmp_path: Path) -> None:
    database = str(tmp_path / "hipdx.db")
    first, second = OneProcess(database), OneProcess(database)  # two opens act as two processes
    assert first.take() and not second.take()
    assert first.take()  # kept once taken
    first.close()  # its process ended: the other takes over
    assert second.take()
    second.close()


def test_the_background_thread_checkpoints_and_stops_with_the_store(tmp_path: Path) -> None:
    database = tmp_path / "hipdx.db"
    store = SqlStore.open(f"sqlite:///{database}")
    size = database.stat().st_size
    for n in range(20):
        store.create_assessment(new=new_assessment(search_text="x" * 20_000 + str(n)), actor="a")
    deadline = time.monotonic() + 30.0  # a wait, not a speed check: the interval is one second
    while database.stat().st_size == size and time.monotonic() < deadline:
        time.sleep(0.1)
    assert database.stat().st_size > size  # the rows reached the database file itself
    store.close()
    assert f"hipdx-wal-checkpoint {database}" not in {t.name for t in threading.enumerate()}
