"""Upgrading to staff sign-in keeps every existing account working as before."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, inspect, text

from tests.support.database import migrate_to
from trustdesk.composition import System, build
from trustdesk.conversation.identity import hash_token
from trustdesk.conversation.staff_auth import Permission
from trustdesk.policy.loader import bundled_policy_path, load_policy
from trustdesk.settings import Settings

NOW = datetime(2026, 11, 30, tzinfo=UTC)


def _old_account(engine: Engine, name: str, role: str, token: str) -> None:
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO staff (name, role, token_hash, created_at) "
                "VALUES (:name, :role, :hash, :now)"
            ),
            {"name": name, "role": role, "hash": hash_token(token), "now": NOW},
        )


def test_old_accounts_keep_their_tokens_and_abilities(engine: Engine, settings: Settings) -> None:
    migrate_to(engine, "0005")
    _old_account(engine, "kim", "supervisor", "kim-token-0123456789")
    _old_account(engine, "lee", "lead", "lee-token-0123456789")  # a role string of its own
    system: System = build(settings, load_policy(bundled_policy_path()), engine=engine)
    try:
        kim = system.agents.authenticate("kim-token-0123456789")
        assert kim.role == "supervisor" and system.agents.allows(kim, Permission.DECIDE_APPROVAL)
        lee = system.agents.authenticate("lee-token-0123456789")
        assert lee.role == "lead"  # not rewritten ...
        assert system.agents.permissions(lee) == []  # ... and given nothing it did not have
        listed = {r["name"]: r for r in system.agents.staff.list_staff()}
        assert not listed["kim"]["has_password"] and listed["lee"]["role"] == "lead"
        system.agents.set_role("lee", "agent")
        assert system.agents.allows(
            system.agents.authenticate("lee-token-0123456789"), Permission.CLAIM
        )
    finally:
        system.close()  # the role change woke the ledger's sealer: let it finish first


def test_the_migration_downgrades_cleanly(engine: Engine) -> None:
    migrate_to(engine, "0006")
    assert {"staff_sessions", "sign_in_failures"} <= set(inspect(engine).get_table_names())
    migrate_to(engine, "0005", down=True)
    tables = set(inspect(engine).get_table_names())
    assert not {"staff_sessions", "sign_in_failures"} & tables
    columns = {c["name"] for c in inspect(engine).get_columns("staff")}
    assert columns == {"name", "role", "token_hash", "created_at", "disabled_at"}
