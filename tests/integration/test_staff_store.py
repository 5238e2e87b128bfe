"""The staff store on a real database (SQLite and PostgreSQL): accounts, sessions, failures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select

from trustdesk.errors import ConflictError
from trustdesk.store.engine import migrate
from trustdesk.store.staff_repository import SqlStaffStore
from trustdesk.store.tables import sign_in_failures, staff_sessions

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
HASH = "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA"


@pytest.fixture
def store(engine: Engine) -> SqlStaffStore:
    migrate(engine)
    store = SqlStaffStore(engine)
    store.add("ann", "supervisor", "t" * 64, T0, display_name="Ann K.", password_hash=HASH)
    store.add("bo", "agent", "u" * 64, T0)
    return store


def _session(store: SqlStaffStore, digest: str, name: str, now: datetime = T0) -> None:
    store.start_session(digest, name, now, now + timedelta(hours=12), now - timedelta(minutes=30))


def test_accounts_are_found_by_name_and_token_and_listed_without_hashes(
    store: SqlStaffStore,
) -> None:
    found = store.by_name("ann")
    assert found is not None and found["password_hash"] == HASH and found["disabled_at"] is None
    assert store.by_token_hash("t" * 64) == {
        "name": "ann",
        "role": "supervisor",
        "display_name": "Ann K.",
    }
    listed = store.list_staff()
    assert [r["name"] for r in listed] == ["ann", "bo"]
    assert HASH not in str(listed) and "t" * 64 not in str(listed)
    assert listed[0]["has_password"] and not listed[1]["has_password"]
    assert listed[0]["last_sign_in_at"] is None
    with pytest.raises(ConflictError, match="already exists"):
        store.add("ann", "agent", "v" * 64, T0)


def test_a_session_reads_back_with_its_member_and_aware_times(store: SqlStaffStore) -> None:
    _session(store, "s" * 64, "ann")
    row = store.session("s" * 64)
    assert row is not None
    assert (row["name"], row["role"], row["display_name"]) == ("ann", "supervisor", "Ann K.")
    assert row["created_at"] == T0 and row["expires_at"] == T0 + timedelta(hours=12)
    store.touch_session("s" * 64, T0 + timedelta(minutes=5))
    touched = store.session("s" * 64)
    assert touched is not None and touched["last_seen_at"] == T0 + timedelta(minutes=5)
    assert store.list_staff()[0]["last_sign_in_at"] == T0.isoformat()
    store.end_session("s" * 64)
    assert store.session("s" * 64) is None


def test_disabling_ends_the_members_sessions_and_token(store: SqlStaffStore) -> None:
    _session(store, "a" * 64, "ann")
    _session(store, "b" * 64, "bo")
    assert store.disable("ann", T0)
    assert store.session("a" * 64) is None and store.by_token_hash("t" * 64) is None
    assert store.session("b" * 64) is not None
    assert not store.disable("ann", T0)
    assert not store.set_password("ann", HASH, T0) and not store.rotate_token("ann", "w" * 64)


def test_a_new_password_ends_the_members_sessions(store: SqlStaffStore) -> None:
    _session(store, "a" * 64, "ann")
    assert store.set_password("ann", HASH + "x", T0)
    assert store.session("a" * 64) is None
    found = store.by_name("ann")
    assert found is not None and found["password_hash"] == HASH + "x"


def test_a_rehash_is_not_stored_over_a_password_changed_meanwhile(store: SqlStaffStore) -> None:
    store.set_password("ann", "changed", T0)
    store.replace_password_hash("ann", HASH, "rehash-of-the-old-password")
    found = store.by_name("ann")
    assert found is not None and found["password_hash"] == "changed"


def test_a_rotated_token_replaces_the_old_one(store: SqlStaffStore) -> None:
    assert store.rotate_token("bo", "w" * 64)
    assert store.by_token_hash("u" * 64) is None
    assert store.by_token_hash("w" * 64) is not None


def test_a_new_sign_in_drops_sessions_that_have_ended(store: SqlStaffStore, engine: Engine) -> None:
    store.start_session("old" + "0" * 61, "bo", T0, T0 + timedelta(hours=1), T0)
    store.start_session(
        "idle" + "0" * 60, "bo", T0 + timedelta(minutes=50), T0 + timedelta(hours=9), T0
    )
    later = T0 + timedelta(hours=2)
    store.start_session(
        "new" + "0" * 61, "ann", later, later + timedelta(hours=12), later - timedelta(minutes=30)
    )
    with engine.connect() as conn:
        kept = set(conn.execute(select(staff_sessions.c.id_hash)).scalars())
    assert kept == {"new" + "0" * 61}


def test_failures_are_counted_per_digest_within_the_window(store: SqlStaffStore) -> None:
    for minute in range(6):
        store.record_sign_in_failure("acct", "addr", T0 + timedelta(minutes=minute), T0)
    store.record_sign_in_failure("other", "addr", T0 + timedelta(minutes=6), T0)
    by_account, by_address = store.sign_in_failures("acct", "addr", T0 + timedelta(minutes=1), 3)
    assert by_account == [T0 + timedelta(minutes=m) for m in (5, 4, 3)]
    assert by_address == [T0 + timedelta(minutes=m) for m in (6, 5, 4)]
    store.clear_sign_in_failures("acct")
    assert store.sign_in_failures("acct", "addr", T0 - timedelta(days=1), 10)[0] == []
    assert len(store.sign_in_failures("acct", "addr", T0 - timedelta(days=1), 10)[1]) == 1


def test_failure_records_older_than_the_cutoff_are_purged(
    store: SqlStaffStore, engine: Engine
) -> None:
    store.record_sign_in_failure("acct", "addr", T0, T0 - timedelta(days=1))
    day_later = T0 + timedelta(days=1, seconds=1)
    store.record_sign_in_failure("acct", "addr", day_later, day_later - timedelta(days=1))
    with engine.connect() as conn:
        kept = list(conn.execute(select(sign_in_failures.c.failed_at)).scalars())
    assert len(kept) == 1
