"""One scheduled retention purge at a time across processes sharing a database."""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
import threading
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import Engine

from trustdesk.composition import System
from trustdesk.web.scheduler import FileLock, purge_lock, purge_on_schedule, purge_once


def test_a_second_holder_finds_the_purge_lock_taken_until_it_is_released(engine: Engine) -> None:
    first, second = purge_lock(engine), purge_lock(engine)  # two connections or two files
    with first.attempt() as held:
        assert held
        with second.attempt() as also_held:
            assert not also_held
    with second.attempt() as held_now:
        assert held_now


def test_a_purge_round_is_skipped_while_another_process_holds_the_lock(engine: Engine) -> None:
    rounds: list[str] = []
    lock = purge_lock(engine)
    with purge_lock(engine).attempt() as other:
        assert other
        assert purge_once(lambda: rounds.append("ran"), lock) is False
    assert rounds == []
    assert purge_once(lambda: rounds.append("ran"), lock) is True
    assert rounds == ["ran"]


def test_on_sqlite_the_lock_file_held_by_another_process_blocks_the_round(
    tmp_path: Path,
) -> None:
    path = tmp_path / "trustdesk.db.purge-lock"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys\n"
            f"fd = os.open({str(path)!r}, os.O_RDWR | os.O_CREAT)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX)\n"
            "print('held', flush=True)\n"
            "sys.stdin.read()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        assert purge_once(lambda: None, FileLock(path)) is False
    finally:
        assert holder.stdin is not None
        holder.stdin.close()  # the holder exits, and the kernel releases its lock
        holder.wait(timeout=10)
    assert purge_once(lambda: None, FileLock(path)) is True


def _app_with(system: System, purge: Any) -> Any:
    """A stand-in for the FastAPI app: what the lifespan reads from ``app.state``."""
    stub = SimpleNamespace(policy=system.policy, engine=system.engine, purge=purge.purge)
    return SimpleNamespace(state=SimpleNamespace(system=stub))


def _run(coroutine: Any) -> None:
    """Run a coroutine on a loop of its own, in a thread: the browser tests' Playwright keeps an
    event loop running in the main thread, where asyncio.run() refuses to start another."""
    failure: list[BaseException] = []

    def target() -> None:
        try:
            asyncio.run(coroutine)
        except BaseException as exc:  # re-raised in the test's thread
            failure.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(timeout=30)
    if failure:
        raise failure[0]


async def _until(condition: Any) -> None:
    for _ in range(3000):  # up to 30 s: a deadline, not a speed requirement
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition not reached")


def test_the_server_purges_at_start(system: System) -> None:
    rounds: list[str] = []
    app = _app_with(system, SimpleNamespace(purge=lambda: rounds.append("ran")))

    async def serve() -> None:
        async with purge_on_schedule(app):
            await _until(lambda: rounds)

    _run(serve())
    assert rounds == ["ran"]


def test_the_server_skips_its_round_while_another_process_purges(
    system: System, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="trustdesk.web.scheduler")
    rounds: list[str] = []
    app = _app_with(system, SimpleNamespace(purge=lambda: rounds.append("ran")))

    async def serve() -> None:
        async with purge_on_schedule(app):
            await _until(lambda: "skipped" in caplog.text)

    with purge_lock(system.engine).attempt() as held:
        assert held
        _run(serve())
    assert rounds == []
