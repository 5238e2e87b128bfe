"""Engines and migrations. SQLite in WAL mode with synchronous=FULL; PostgreSQL via psycopg 3.

Every engine hides bound parameters from its error messages (``hide_parameters``): a failed
statement may carry a customer's text, and error messages end up in logs.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import InvalidatePoolError, SQLAlchemyError, StatementError

from trustdesk.errors import StoreError
from trustdesk.store.transactions import sqlite_begin

MIGRATIONS = Path(__file__).parent / "migrations"
PG_POOL_SIZE = 20
PG_MAX_OVERFLOW = 20
PING_AFTER_IDLE_S = 10.0
_LAST_USED = "trustdesk_last_used"


def normalise_url(url: str) -> str:
    """Use psycopg 3 for plain postgresql:// URLs."""
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def make_engine(url: str, *, ping_after_idle_s: float = PING_AFTER_IDLE_S, **kwargs: Any) -> Engine:
    """Build an engine; nothing connects until first use.

    A SQLite database file that does not exist yet is created readable by its owner only
    (0600) on first connect; SQLite gives its -wal and -shm files the same mode. A pooled
    PostgreSQL connection idle for ``ping_after_idle_s`` is checked before use
    (:func:`ping_when_idle`). ``kwargs`` go to SQLAlchemy's ``create_engine``.
    """
    url = normalise_url(url)
    kwargs.setdefault("hide_parameters", True)
    if url.startswith("sqlite"):
        # As many pooled connections as the server has request threads: an overflow
        # connection is closed after use, and reopening one costs its pragmas each time.
        if ":memory:" not in url:
            kwargs.setdefault("pool_size", 40)
            kwargs.setdefault("max_overflow", 10)
        engine = create_engine(url, connect_args={"check_same_thread": False}, **kwargs)
        if path := sqlite_file(url):
            event.listen(engine, "do_connect", lambda *_: _create_private(path))
        event.listen(engine, "connect", _sqlite_pragmas)
        # pysqlite's own transaction handling defers BEGIN; take it over so that a write
        # transaction starts with BEGIN IMMEDIATE and never deadlocks on upgrade.
        # (store.transactions.read asks for a plain BEGIN: a snapshot that takes no lock.)
        event.listen(engine, "begin", sqlite_begin)
        return engine
    # Enough pooled connections that a busy worker does not open and close overflow ones per
    # request (a PostgreSQL connection is a server process); the server's default
    # max_connections of 100 still holds two workers' worth.
    kwargs.setdefault("pool_size", PG_POOL_SIZE)
    kwargs.setdefault("max_overflow", PG_MAX_OVERFLOW)
    engine = create_engine(url, **kwargs)
    ping_when_idle(engine, ping_after_idle_s)
    return engine


def ping_when_idle(engine: Engine, idle_s: float = PING_AFTER_IDLE_S) -> None:
    """Check a pooled connection before use when it has been idle for ``idle_s`` seconds.

    A connection that was idle may have been closed by the server (a restart, an idle
    timeout); a dead one is replaced before the request sees it, and so is every connection
    opened before it. Unlike ``pool_pre_ping``, a connection in steady use is not checked:
    that check is a round trip to the server on every checkout, two per customer turn. A
    connection that dies while in use fails its request (answered 503), and SQLAlchemy then
    replaces the whole pool.
    """

    def touched(_dbapi_connection: Any, record: Any, *_: Any) -> None:
        record.info[_LAST_USED] = time.monotonic()

    def checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        last = record.info.get(_LAST_USED)
        if last is not None and time.monotonic() - last < idle_s:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as exc:
            # The pool reconnects this one, and every connection older than now on its next
            # checkout (as pool_pre_ping does: a server restart closes them all).
            raise InvalidatePoolError("a pooled connection was closed by the server") from exc
        record.info[_LAST_USED] = time.monotonic()

    event.listen(engine, "connect", touched)
    event.listen(engine, "checkin", touched)
    event.listen(engine, "checkout", checkout)


def sqlite_file(url: str) -> Path | None:
    """The database file of a SQLite URL; None for in-memory and URI-mode databases."""
    parsed = make_url(url)
    database = parsed.database
    if not database or database == ":memory:" or parsed.query.get("uri"):
        return None
    return Path(database)


def _create_private(path: Path) -> None:
    """Create the database file 0600 before SQLite would create it with the umask's mode."""
    if path.exists():
        return
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another connection created it first
        return
    os.close(fd)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # WAL for concurrent readers; FULL so that an answered turn survives a power loss.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # Overwrite deleted content instead of leaving it in free pages (erasure, purges).
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except SQLAlchemyError as exc:
        # The class and the statement, not str(exc): a driver's message can quote row values.
        failed = exc.statement if isinstance(exc, StatementError) else None
        statement = f" in: {failed}" if failed else ""
        raise StoreError(f"database migration failed: {exc.__class__.__name__}{statement}") from exc
