"""The scheduled retention purge and alert evaluation, each at most one at a time across every
server process.

Each process runs the purge at start and every ``retention.purge_interval_minutes``. Before a
round it tries a lock that every process sharing the database sees: a PostgreSQL advisory lock
(held by a connection of its own; released by PostgreSQL if the process dies), or on SQLite an
exclusive ``flock`` on a file next to the database. A process that finds the lock taken skips
that round: another one is purging. Alerts (docs/metrics.md#alerts) are evaluated the same
way every ``alerts.interval_minutes``, under a lock of their own.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from fastapi import FastAPI
from sqlalchemy import Engine, text
from starlette.concurrency import run_in_threadpool

if TYPE_CHECKING:
    from trustdesk.composition import System

log = logging.getLogger(__name__)

# First half of the two-part advisory lock key ("tdpg"); the second half is a hash of the
# schema, so that deployments in different schemas of one database do not wait on each other.
ADVISORY_LOCK_CLASS = 0x74647067
ALERTS_LOCK_CLASS = 0x74646165  # "tdae": the alert evaluation's lock


class PurgeLock(Protocol):
    """A lock tried without waiting."""

    def attempt(self) -> contextlib.AbstractContextManager[bool]:
        """Enter to try the lock: True when this process holds it until the block ends."""
        ...


class AdvisoryLock:
    """A PostgreSQL session advisory lock on a dedicated connection of ``engine``."""

    def __init__(self, engine: Engine, lock_class: int = ADVISORY_LOCK_CLASS) -> None:
        self.engine = engine
        self.lock_class = lock_class

    @contextmanager
    def attempt(self) -> Iterator[bool]:
        key = {"cls": self.lock_class}
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


def purge_lock(engine: Engine, job: str = "purge") -> PurgeLock:
    """The lock of ``job`` (``purge``, ``alerts``) that every process using ``engine``'s
    database sees."""
    if engine.dialect.name == "postgresql":
        return AdvisoryLock(engine, ALERTS_LOCK_CLASS if job == "alerts" else ADVISORY_LOCK_CLASS)
    database = engine.url.database
    if engine.dialect.name == "sqlite" and database and database != ":memory:":
        return FileLock(Path(f"{database}.{job}-lock"))
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
    """Lifespan: the system's background workers (webhook deliveries) while serving, the
    scheduled purge when the settings ask for it, the alerts and audits when the policy has
    them, and the check for a newly ingested knowledge base."""
    system = app.state.system
    system.start_background()
    # What was loaded at start (the knowledge base, the name tables, the guards' models: about
    # 180,000 objects) lives as long as the process. Frozen, it is left out of the collector's
    # full passes, which otherwise walk it all (tens of milliseconds) in the middle of a turn.
    gc.collect()
    gc.freeze()
    try:
        async with contextlib.AsyncExitStack() as jobs:
            if system.settings.purge_on_schedule:
                await jobs.enter_async_context(purge_on_schedule(app))
            if system.policy.policy.alerts.enabled:
                await jobs.enter_async_context(alerts_on_schedule(app))
            if system.scheduled_audits.enabled:
                await jobs.enter_async_context(audits_on_schedule(app))
            if system.settings.kb_refresh_s > 0:
                await jobs.enter_async_context(
                    every(system.settings.kb_refresh_s, system.refresh_knowledge, "kb refresh")
                )
            yield
    finally:
        gc.unfreeze()  # (an app in a longer-lived process, as in tests, frees as before)
        await run_in_threadpool(system.close)


@asynccontextmanager
async def purge_on_schedule(app: FastAPI) -> AsyncIterator[None]:
    """Lifespan: purge at start and every ``retention.purge_interval_minutes`` while serving."""
    system = app.state.system
    interval = system.policy.policy.retention.purge_interval_minutes * 60
    lock = purge_lock(system.engine)
    async with every(interval, lambda: purge_once(system.purge, lock), "retention purge"):
        yield


@asynccontextmanager
async def every(interval_s: float, job: Callable[[], object], what: str) -> AsyncIterator[None]:
    """Run ``job`` (blocking; on a worker thread) at start and then every ``interval_s``
    seconds while the block runs. A failed round is logged by class and the next one tries
    again: the server keeps serving."""

    async def loop() -> None:
        while True:
            try:
                await run_in_threadpool(job)
            except Exception as exc:
                log.error("scheduled %s failed: %s", what, exc.__class__.__name__)
            await asyncio.sleep(interval_s)

    task = asyncio.create_task(loop())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def alerts_once(system: System, lock: PurgeLock) -> bool:
    """Evaluate the alerts once if no other process is evaluating them; True when it ran."""
    with lock.attempt() as held:
        if not held:
            log.info("alert evaluation skipped: another process is running it")
            return False
        for result in system.alerts.check(datetime.now(UTC)):
            if result.outcome == "opened":
                log.warning("alert %s opened incident %s", result.alert, result.incident_id)
        return True


@asynccontextmanager
async def alerts_on_schedule(app: FastAPI) -> AsyncIterator[None]:
    """Lifespan: evaluate the alerts at start and every ``alerts.interval_minutes``."""
    system = app.state.system
    interval = system.policy.policy.alerts.interval_minutes * 60
    lock = purge_lock(system.engine, "alerts")
    async with every(interval, lambda: alerts_once(system, lock), "alert evaluation"):
        yield


# -- scheduled fairness audits (docs/fairness.md, "Scheduled audits") ------------------------

AUDIT_LOCK_CLASS = 0x74646175  # "tdau": a lock of its own, so no other job skips for it
AUDIT_CHECK_INTERVAL_S = 3600


def audit_lock(engine: Engine) -> PurgeLock:
    """The lock every process sees while it runs the scheduled audits that are due."""
    if engine.dialect.name == "postgresql":
        return AdvisoryLock(engine, AUDIT_LOCK_CLASS)
    database = engine.url.database
    if engine.dialect.name == "sqlite" and database and database != ":memory:":
        return FileLock(Path(f"{database}.audits-lock"))
    return ProcessLock()


def audits_once(run_due: Callable[[], object], lock: PurgeLock) -> bool:
    """Run the scheduled audits that are due unless another process is at it; True when this
    one ran. ``run_due`` checks what is due under the lock, so a due run is stored once."""
    with lock.attempt() as held:
        if not held:
            log.info("scheduled audits skipped: another process is running them")
            return False
        run_due()
        return True


@asynccontextmanager
async def audits_on_schedule(app: FastAPI) -> AsyncIterator[None]:
    """Lifespan: at start and every hour, run the audits the policy schedules that are due."""
    system = app.state.system
    lock = audit_lock(system.engine)
    job = lambda: audits_once(system.scheduled_audits.run_due, lock)  # noqa: E731
    async with every(AUDIT_CHECK_INTERVAL_S, job, "audit"):
        yield
