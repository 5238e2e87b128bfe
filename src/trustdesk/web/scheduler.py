"""The scheduled retention purge, at most one at a time across every server process.

Each process runs the purge at start and every ``retention.purge_interval_minutes``. Before a
round it tries a lock that every process sharing the database sees: a PostgreSQL advisory lock
(held by a connection of its own; released by PostgreSQL if the process dies), or on SQLite an
exclusive ``flock`` on a file next to the database. A process that finds the lock taken skips
that round: another one is purging.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Protocol

from fastapi import FastAPI
from sqlalchemy import Engine, text
from starlette.concurrency import run_in_threadpool

log = logging.getLogger(__name__)

# First half of the two-part advisory lock key ("tdpg"); the second half is a hash of the
# schema, so that deployments in different schemas of one database do not wait on each other.
ADVISORY_LOCK_CLASS = 0x74647067


class PurgeLock(Protocol):
    """A lock tried without waiting."""

    def attempt(self) -> contextlib.AbstractContextManager[bool]:
        """Enter to try the lock: True when this process holds it until the block ends."""
        ...


class AdvisoryLock:
    """A PostgreSQL session advisory lock on a dedicated connection of ``engine``."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @contextmanager
    def attempt(self) -> Iterator[bool]:
        key = {"cls": ADVISORY_LOCK_CLASS}
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            held = bool(
                conn.execute(
                    text("SELECT pg_try_advisory_lock(:cls, hashtext(current_schema()))"), key
                ).scalar()
            )
            try:
                yield held
            finally:
                if held:
                    conn.execute(
                        text("SELECT pg_advisory_unlock(:cls, hashtext(current_schema()))"), key
                    )


class FileLock:
    """An exclusive, non-blocking ``flock`` on ``path`` (created if missing)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def attempt(self) -> Iterator[bool]:
        import fcntl  # POSIX only; imported here so that the module imports everywhere

        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                held = True
            except BlockingIOError:
                held = False
            try:
                yield held
            finally:
                if held:
                    fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)


class ProcessLock:
    """For a database no other process can open (SQLite in memory)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    @contextmanager
    def attempt(self) -> Iterator[bool]:
        held = self._lock.acquire(blocking=False)
        try:
            yield held
        finally:
            if held:
                self._lock.release()


def purge_lock(engine: Engine) -> PurgeLock:
    """The lock that every process using ``engine``'s database sees."""
    if engine.dialect.name == "postgresql":
        return AdvisoryLock(engine)
    database = engine.url.database
    if engine.dialect.name == "sqlite" and database and database != ":memory:":
        return FileLock(Path(f"{database}.purge-lock"))
    return ProcessLock()


def purge_once(purge: Callable[[], object], lock: PurgeLock) -> bool:
    """Run one purge round if no other process is purging; True when it ran."""
    with lock.attempt() as held:
        if not held:
            log.info("scheduled retention purge skipped: another process is running it")
            return False
        purge()
        return True


@asynccontextmanager
async def serving(app: FastAPI) -> AsyncIterator[None]:
    """Lifespan: the system's background workers (webhook deliveries) while serving, and the
    scheduled purge when the settings ask for it."""
    system = app.state.system
    system.start_background()
    try:
        if system.settings.purge_on_schedule:
            async with purge_on_schedule(app):
                yield
        else:
            yield
    finally:
        await run_in_threadpool(system.close)


@asynccontextmanager
async def purge_on_schedule(app: FastAPI) -> AsyncIterator[None]:
    """Lifespan: purge at start and every ``retention.purge_interval_minutes`` while serving."""
    system = app.state.system
    interval = system.policy.policy.retention.purge_interval_minutes * 60
    lock = purge_lock(system.engine)

    async def loop() -> None:
        while True:
            try:
                await run_in_threadpool(purge_once, system.purge, lock)
            except Exception as exc:  # keep serving; the next round tries again
                log.error("scheduled retention purge failed: %s", exc.__class__.__name__)
            await asyncio.sleep(interval)

    task = asyncio.create_task(loop())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
