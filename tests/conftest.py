"""Shared fixtures: a real database per test (SQLite always, PostgreSQL when configured)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tests.support.database import drop_schema
from tests.support.identity import IDENTITY_SECRET, SERVICE_API_KEY
from trustdesk.composition import System, build_system
from trustdesk.settings import Settings
from trustdesk.store.engine import make_engine

PG_URL = os.environ.get("TRUSTDESK_TEST_DATABASE_URL")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgresql: runs against TRUSTDESK_TEST_DATABASE_URL")
    config.addinivalue_line(
        "markers",
        "one_database: what it checks does not depend on the database (page markup, "
        "accessibility, the widget's frame): its PostgreSQL variant is deselected",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    once = [i for i in items if "one_database" in i.keywords and "postgresql" in i.keywords]
    if once:
        config.hook.pytest_deselected(items=once)
        items[:] = [i for i in items if i not in once]
    if PG_URL:
        return
    # Without a PostgreSQL server the PostgreSQL variants are deselected, not skipped: the
    # run reports how many ran, and .ci/run always sets the URL.
    kept = [i for i in items if "postgresql" not in i.keywords]
    deselected = [i for i in items if "postgresql" in i.keywords]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A fresh, empty database: a SQLite file, or a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        eng = make_engine(f"sqlite:///{tmp_path / 'test.db'}")
        yield eng
        eng.dispose()
        return
    assert PG_URL
    schema = f"td_test_{uuid.uuid4().hex[:12]}"
    admin = make_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    eng = make_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"})
    try:
        yield eng
    finally:
        eng.dispose()
        drop_schema(admin, schema)
        admin.dispose()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        database_url=f"sqlite:///{tmp_path / 'unused.db'}",
        key_file=tmp_path / "key",
        identity_secret=IDENTITY_SECRET,
        service_api_key=SERVICE_API_KEY,
        # Tests drive the API faster than a person; tests/e2e/test_limits.py turns them on.
        rate_limits=False,
    )


@pytest.fixture
def system(engine: Engine, settings: Settings) -> Iterator[System]:
    """The whole system on the bundled demo policy and knowledge base, on a real database.
    Closed after the test (its ledger sealer and webhook worker stop before the database goes)."""
    running = build_system(settings, engine=engine)
    yield running
    running.close()
