"""PostgreSQL test schemas: each test (or server) works in a schema of its own."""

from __future__ import annotations

import time

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError


def drop_schema(admin: Engine, schema: str, attempts: int = 5) -> None:
    """Drop a test's schema, trying again when PostgreSQL chose the drop as the victim of a
    deadlock (a server or background thread the test started may still hold a lock)."""
    for attempt in range(attempts):
        try:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            return
        except OperationalError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.2 * (attempt + 1))


def migrate_to(engine: Engine, revision: str, *, down: bool = False) -> None:
    """Upgrade (or, with ``down``, downgrade) ``engine``'s schema to an Alembic ``revision``:
    for the tests that put rows in an older schema and migrate them."""
    from alembic import command
    from alembic.config import Config

    from trustdesk.store.engine import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)
