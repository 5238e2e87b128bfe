"""PostgreSQL connection pool: a connection the server closed is replaced before a request
uses it, and connections in steady use cost no extra round trip (no ping per checkout)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text

from tests.conftest import PG_URL
from trustdesk.store.engine import PG_POOL_SIZE, make_engine

pytestmark = pytest.mark.postgresql


def _backend_pid(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())


def _terminate(pid: int) -> None:
    """What a server restart or an idle timeout does to a pooled connection."""
    assert PG_URL
    admin = make_engine(PG_URL)
    try:
        with admin.connect() as conn:
            assert conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid}).scalar()
    finally:
        admin.dispose()


def _counting_pings(engine: Engine) -> list[int]:
    pings: list[int] = []
    ping = engine.dialect.do_ping

    def counted(dbapi_connection: object) -> bool:
        pings.append(1)
        return bool(ping(dbapi_connection))

    engine.dialect.do_ping = counted  # type: ignore[method-assign]
    return pings


@pytest.fixture
def idle_engine() -> Iterator[Engine]:
    """Every pooled connection counts as idle: each checkout is checked."""
    assert PG_URL
    engine = make_engine(PG_URL, ping_after_idle_s=0.0)
    yield engine
    engine.dispose()


@pytest.fixture
def busy_engine() -> Iterator[Engine]:
    """No pooled connection counts as idle (checked out again well within the hour)."""
    assert PG_URL
    engine = make_engine(PG_URL, ping_after_idle_s=3600.0)
    yield engine
    engine.dispose()


def test_an_idle_connection_the_server_closed_is_replaced_before_use(
    idle_engine: Engine,
) -> None:
    killed = _backend_pid(idle_engine)
    _terminate(killed)
    # The next request gets a working connection, not the dead one (no error, no 503).
    replaced = _backend_pid(idle_engine)
    assert replaced != killed


def test_every_connection_older_than_a_dead_one_is_replaced_too(idle_engine: Engine) -> None:
    first = idle_engine.connect()
    second = idle_engine.connect()
    pids = {
        int(first.execute(text("SELECT pg_backend_pid()")).scalar_one()),
        int(second.execute(text("SELECT pg_backend_pid()")).scalar_one()),
    }
    first.close()
    second.close()
    for pid in pids:  # a restart closes them all
        _terminate(pid)
    with idle_engine.connect() as a, idle_engine.connect() as b:
        now = {
            int(a.execute(text("SELECT pg_backend_pid()")).scalar_one()),
            int(b.execute(text("SELECT pg_backend_pid()")).scalar_one()),
        }
    assert now.isdisjoint(pids)


def test_a_connection_in_steady_use_is_not_pinged(busy_engine: Engine) -> None:
    pings = _counting_pings(busy_engine)
    for _ in range(5):
        _backend_pid(busy_engine)
    assert pings == []


def test_an_idle_connection_is_pinged_once_per_checkout(idle_engine: Engine) -> None:
    _backend_pid(idle_engine)
    pings = _counting_pings(idle_engine)
    for _ in range(3):
        _backend_pid(idle_engine)
    assert len(pings) == 3


def test_the_pool_keeps_enough_connections_for_a_busy_worker(busy_engine: Engine) -> None:
    pool = busy_engine.pool
    assert pool.size() == PG_POOL_SIZE  # type: ignore[attr-defined]
    held = [busy_engine.connect() for _ in range(PG_POOL_SIZE)]
    pids = set()
    for conn in held:
        pids.add(int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one()))
        conn.close()
    # Returned to the pool, not closed: the same server processes serve the next requests.
    again = [busy_engine.connect() for _ in range(PG_POOL_SIZE)]
    reused = {int(c.execute(text("SELECT pg_backend_pid()")).scalar_one()) for c in again}
    for conn in again:
        conn.close()
    assert reused == pids
