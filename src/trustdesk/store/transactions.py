"""Read and write transactions.

On SQLite a write transaction starts with ``BEGIN IMMEDIATE`` (it takes the write lock at once
and never deadlocks on upgrade) and a read transaction with a plain ``BEGIN`` (a WAL snapshot
that never waits for writers). Writers of one process queue on a lock of their own instead of
SQLite's busy handler, whose sleeps (up to 100 ms each) would become the latency tail under
load; writers in other processes still meet the busy timeout. PostgreSQL needs neither.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

READ_ONLY = "trustdesk_read_only"
_locks: WeakKeyDictionary[Engine, threading.Lock] = WeakKeyDictionary()
_locks_guard = threading.Lock()


def sqlite_begin(conn: Connection) -> None:
    """The ``begin`` event of SQLite engines: deferred for reads, IMMEDIATE otherwise.

    Sent on the driver's connection (it is every write's first statement; the engine's
    execution path costs more than the statement), its error wrapped as the engine would.
    """
    statement = "BEGIN" if conn.get_execution_options().get(READ_ONLY) else "BEGIN IMMEDIATE"
    dbapi_error = conn.dialect.loaded_dbapi.Error
    try:
        conn.connection.driver_connection.execute(statement)  # type: ignore[union-attr]
    except dbapi_error as exc:
        raise DBAPIError.instance(
            statement, None, exc, dbapi_error, hide_parameters=True, dialect=conn.dialect
        ) from exc


def _write_lock(engine: Engine) -> threading.Lock | None:
    if engine.dialect.name != "sqlite":
        return None
    with _locks_guard:
        lock = _locks.get(engine)
        if lock is None:
            lock = _locks[engine] = threading.Lock()
        return lock


@contextmanager
def write(engine: Engine) -> Iterator[Connection]:
    """One write transaction: committed when the block ends, rolled back if it raises."""
    lock = _write_lock(engine)
    if lock is None:
        with engine.begin() as conn:
            yield conn
        return
    with lock, engine.begin() as conn:
        yield conn


@contextmanager
def read(engine: Engine) -> Iterator[Connection]:
    """One read transaction: a consistent snapshot that takes no write lock."""
    options: dict[str, Any] = {READ_ONLY: True}
    with engine.connect().execution_options(**options) as conn, conn.begin():
        yield conn
