"""Sign-in, sessions and account changes in AgentAccess, on an in-memory store and a fake clock."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import pytest

from trustdesk.conversation.agents import SIGN_IN_FAILED, AgentAccess
from trustdesk.conversation.ports import ConversationReader
from trustdesk.conversation.staff_auth import (
    ATTEMPT_RETENTION,
    PasswordHashing,
    Permission,
    SessionLimits,
    SignInThrottle,
)
from trustdesk.errors import AuthError, ConflictError, InputError, NotFoundError, RateLimitError
from trustdesk.events import Event, StaffChanged
from trustdesk.policy.loader import bundled_policy_path, load_policy

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
PASSWORD = "correct horse battery"
HERE = "192.0.2.10"


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class FakeStaffStore:
    """The StaffStore protocol in memory (the SQL one is tested in tests/integration)."""

    accounts: dict[str, dict[str, Any]] = field(default_factory=dict)
    sessions: dict[str, dict[str, Any]] = field(default_factory=dict)
    failures: list[tuple[str, str, datetime]] = field(default_factory=list)

    def add(
        self,
        name: str,
        role: str,
        token_hash: str,
        now: datetime,
        *,
        display_name: str | None = None,
        password_hash: str | None = None,
    ) -> None:
        if name in self.accounts:
            raise ConflictError("exists")
        self.accounts[name] = {
            "name": name,
            "role": role,
            "token_hash": token_hash,
            "display_name": display_name,
            "password_hash": password_hash,
            "disabled_at": None,
            "last_sign_in_at": None,
        }

    def _active(self, name: str) -> dict[str, Any] | None:
        row = self.accounts.get(name)
        return row if row and row["disabled_at"] is None else None

    def by_token_hash(self, token_hash: str) -> dict[str, Any] | None:
        found = [r for r in self.accounts.values() if r["token_hash"] == token_hash]
        return dict(found[0]) if found and found[0]["disabled_at"] is None else None

    def by_name(self, name: str) -> dict[str, Any] | None:
        row = self.accounts.get(name)
        return dict(row) if row else None

    def _end_sessions_of(self, name: str) -> None:
        self.sessions = {k: v for k, v in self.sessions.items() if v["staff_name"] != name}

    def set_password(self, name: str, password_hash: str, now: datetime) -> bool:
        row = self._active(name)
        if row:
            row["password_hash"] = password_hash
        self._end_sessions_of(name)
        return row is not None

    def replace_password_hash(self, name: str, old_hash: str, new_hash: str) -> None:
        if self.accounts[name]["password_hash"] == old_hash:
            self.accounts[name]["password_hash"] = new_hash

    def rotate_token(self, name: str, token_hash: str) -> bool:
        row = self._active(name)
        if row:
            row["token_hash"] = token_hash
        return row is not None

    def set_role(self, name: str, role: str) -> bool:
        row = self._active(name)
        if row:
            row["role"] = role
        return row is not None

    def disable(self, name: str, now: datetime) -> bool:
        row = self._active(name)
        if row:
            row["disabled_at"] = now
        self._end_sessions_of(name)
        return row is not None

    def list_staff(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.accounts.values()]

    def start_session(
        self, digest: str, name: str, now: datetime, expires_at: datetime, stale_before: datetime
    ) -> None:
        self.sessions[digest] = {
            "staff_name": name,
            "created_at": now,
            "last_seen_at": now,
            "expires_at": expires_at,
        }
        self.accounts[name]["last_sign_in_at"] = now

    def session(self, digest: str) -> dict[str, Any] | None:
        found = self.sessions.get(digest)
        row = self._active(found["staff_name"]) if found else None
        if found is None or row is None:
            return None
        return {
            **found,
            "name": row["name"],
            "role": row["role"],
            "display_name": row["display_name"],
        }

    def touch_session(self, digest: str, now: datetime) -> None:
        self.sessions[digest]["last_seen_at"] = now

    def end_session(self, digest: str) -> None:
        self.sessions.pop(digest, None)

    def sign_in_failures(
        self, account: str, address: str, since: datetime, most: int
    ) -> tuple[list[datetime], list[datetime]]:
        by_account = [t for a, _, t in self.failures if a == account and t > since]
        by_address = [t for _, d, t in self.failures if d == address and t > since]
        return by_account[-most:], by_address[-most:]

    def record_sign_in_failure(
        self, account: str, address: str, now: datetime, purge_before: datetime
    ) -> None:
        self.failures = [f for f in self.failures if f[2] >= purge_before]
        self.failures.append((account, address, now))

    def clear_sign_in_failures(self, account: str) -> None:
        self.failures = [f for f in self.failures if f[0] != account]

    def record_reveal(
        self,
        staff_name: str,
        role: str,
        conversation_id: str,
        placeholders: Sequence[str],
        reason: str,
        now: datetime,
    ) -> None:
        raise AssertionError("not used here")

    def reveals(self, conversation_id: str) -> list[dict[str, Any]]:
        return []


@dataclass
class Desk:
    access: AgentAccess
    store: FakeStaffStore
    clock: Clock
    events: list[Event]


@pytest.fixture
def desk() -> Desk:
    store, clock, events = FakeStaffStore(), Clock(), cast(list[Event], [])
    access = AgentAccess(
        cast(ConversationReader, None),
        store,
        load_policy(bundled_policy_path()).policy,
        clock,
        key=b"k" * 32,
        passwords=PasswordHashing(time_cost=1, memory_kib=1024, lanes=1),
        sessions=SessionLimits(timedelta(minutes=30), timedelta(hours=12)),
        throttle=SignInThrottle.counting(5, 20, timedelta(minutes=15)),
        publish=events.append,
    )
    access.add_staff("ann", "supervisor", password=PASSWORD, display_name="Ann K.")
    return Desk(access, store, clock, events)


def test_a_right_password_opens_a_session_that_authenticates(desk: Desk) -> None:
    session = desk.access.sign_in("ann", PASSWORD, HERE)
    assert session.member.name == "ann" and session.member.role == "supervisor"
    assert session.expires_at == T0 + timedelta(minutes=30)
    assert session.session_id not in repr(session)
    again = desk.access.session(session.session_id)
    assert again.member == session.member
    assert session.session_id not in str(desk.store.sessions)  # stored as a digest only
    assert desk.store.accounts["ann"]["last_sign_in_at"] == T0


def test_names_are_matched_as_they_are_stored(desk: Desk) -> None:
    assert desk.access.sign_in(" Ann ", PASSWORD, HERE).member.name == "ann"


def test_every_failure_answers_the_same(desk: Desk) -> None:
    desk.access.add_staff("bo", "agent", password=PASSWORD)
    desk.access.disable("bo")
    desk.access.add_staff("cy", "agent")  # no password: API token only
    messages = set()
    for name, password in [
        ("ann", "wrong horse battery"),
        ("nobody", PASSWORD),
        ("bo", PASSWORD),
        ("cy", PASSWORD),
        ("not a valid name at all!", PASSWORD),
    ]:
        with pytest.raises(AuthError) as refused:
            desk.access.sign_in(name, password, HERE)
        messages.add(str(refused.value))
    assert messages == {SIGN_IN_FAILED}


def test_five_failures_for_one_name_block_it_whether_it_exists_or_not(desk: Desk) -> None:
    for name in ("ann", "nobody"):
        for _ in range(5):
            with pytest.raises(AuthError):
                desk.access.sign_in(name, "wrong horse battery", HERE)
        with pytest.raises(RateLimitError) as blocked:
            desk.access.sign_in(name, PASSWORD if name == "ann" else "x" * 12, "198.51.100.9")
        assert blocked.value.retry_after_s == 15 * 60
        assert "ann" not in str(blocked.value) and "nobody" not in str(blocked.value)
    desk.clock.advance(minutes=15)
    assert desk.access.sign_in("ann", PASSWORD, HERE).member.name == "ann"


def test_twenty_failures_from_one_address_block_it_for_every_name(desk: Desk) -> None:
    for number in range(20):
        with pytest.raises(AuthError):
            desk.access.sign_in(f"guess{number}", "wrong horse battery", HERE)
        desk.clock.advance(seconds=10)
    with pytest.raises(RateLimitError):
        desk.access.sign_in("ann", PASSWORD, HERE)
    # The same account from elsewhere is not blocked: its own failures were none.
    assert desk.access.sign_in("ann", PASSWORD, "198.51.100.9").member.name == "ann"


def test_a_successful_sign_in_forgets_the_accounts_failures(desk: Desk) -> None:
    for _ in range(4):
        with pytest.raises(AuthError):
            desk.access.sign_in("ann", "wrong horse battery", HERE)
    desk.access.sign_in("ann", PASSWORD, HERE)
    for _ in range(4):
        with pytest.raises(AuthError):
            desk.access.sign_in("ann", "wrong horse battery", HERE)
    assert desk.access.sign_in("ann", PASSWORD, HERE)


def test_failure_records_older_than_a_day_are_purged(desk: Desk) -> None:
    with pytest.raises(AuthError):
        desk.access.sign_in("ann", "wrong horse battery", HERE)
    desk.clock.advance(seconds=ATTEMPT_RETENTION.total_seconds() + 1)
    with pytest.raises(AuthError):
        desk.access.sign_in("nobody", "wrong horse battery", HERE)
    assert [t for _, _, t in desk.store.failures] == [desk.clock.now]


def test_an_idle_session_expires(desk: Desk) -> None:
    session = desk.access.sign_in("ann", PASSWORD, HERE)
    desk.clock.advance(minutes=29)
    assert desk.access.session(session.session_id).expires_at == desk.clock.now + timedelta(
        minutes=30
    )
    desk.clock.advance(minutes=30)
    with pytest.raises(AuthError, match="expired"):
        desk.access.session(session.session_id)
    assert desk.store.sessions == {}  # and it is gone
    with pytest.raises(AuthError, match="ended"):
        desk.access.session(session.session_id)


def test_a_busy_session_still_ends_at_its_absolute_lifetime(desk: Desk) -> None:
    session = desk.access.sign_in("ann", PASSWORD, HERE)
    for _ in range(11 * 4 + 3):  # a request every 15 minutes for 11 h 45 min
        desk.clock.advance(minutes=15)
        desk.access.session(session.session_id)
    desk.clock.advance(minutes=15)
    with pytest.raises(AuthError, match="expired"):
        desk.access.session(session.session_id)


def test_a_new_password_ends_the_sessions(desk: Desk) -> None:
    session = desk.access.sign_in("ann", PASSWORD, HERE)
    desk.access.set_password("ann", "a brand new passphrase")
    with pytest.raises(AuthError):
        desk.access.session(session.session_id)
    with pytest.raises(AuthError):
        desk.access.sign_in("ann", PASSWORD, HERE)
    assert desk.access.sign_in("ann", "a brand new passphrase", HERE)
    desk.access.add_staff("maria.keller-01", "agent")
    with pytest.raises(InputError, match="account name"):
        desk.access.set_password("maria.keller-01", "MARIA.KELLER-01")
    with pytest.raises(NotFoundError):
        desk.access.set_password("nobody", "a brand new passphrase")


def test_disabling_ends_sessions_and_tokens_at_once(desk: Desk) -> None:
    token = desk.access.add_staff("bo", "agent", password=PASSWORD)
    session = desk.access.sign_in("bo", PASSWORD, HERE)
    assert desk.access.disable("bo") is True
    with pytest.raises(AuthError):
        desk.access.session(session.session_id)
    with pytest.raises(AuthError):
        desk.access.authenticate(token)
    assert desk.access.disable("bo") is False


def test_a_rotated_token_replaces_the_old_one(desk: Desk) -> None:
    old = desk.access.add_staff("bo", "agent")
    new = desk.access.rotate_token("bo")
    with pytest.raises(AuthError):
        desk.access.authenticate(old)
    assert desk.access.authenticate(new).name == "bo"


def test_an_old_hash_is_replaced_on_sign_in(desk: Desk) -> None:
    desk.access.passwords = PasswordHashing(time_cost=2, memory_kib=1024, lanes=1)
    desk.access.sign_in("ann", PASSWORD, HERE)
    assert desk.store.accounts["ann"]["password_hash"].startswith("$argon2id$v=19$m=1024,t=2,")


def test_only_known_roles_and_valid_names_are_created(desk: Desk) -> None:
    with pytest.raises(InputError, match="role must be one of"):
        desk.access.add_staff("dee", "root")
    with pytest.raises(InputError, match="staff name"):
        desk.access.add_staff("Dee Dee", "agent")
    with pytest.raises(InputError, match="display name"):
        desk.access.add_staff("dee", "agent", display_name="\x00")
    with pytest.raises(InputError, match="12-256"):
        desk.access.add_staff("dee", "agent", password="short")
    assert "dee" not in desk.store.accounts


def test_account_changes_are_published_without_secrets(desk: Desk) -> None:
    token = desk.access.add_staff("bo", "agent", password=PASSWORD)
    desk.access.set_password("bo", "a brand new passphrase")
    desk.access.rotate_token("bo")
    desk.access.set_role("bo", "supervisor")
    desk.access.disable("bo")
    changes = [(e.staff_name, e.change, e.role) for e in desk.events if isinstance(e, StaffChanged)]
    assert changes[1:] == [
        ("bo", "added", "agent"),
        ("bo", "password_changed", "agent"),
        ("bo", "token_rotated", "agent"),
        ("bo", "role_changed", "supervisor"),
        ("bo", "disabled", "supervisor"),
    ]
    assert PASSWORD not in str(desk.events) and token not in str(desk.events)


def test_permissions_come_from_the_table_and_the_policy(desk: Desk) -> None:
    member = desk.access.sign_in("ann", PASSWORD, HERE).member
    assert desk.access.allows(member, Permission.DECIDE_APPROVAL)
    assert desk.access.allows(member, Permission.REVEAL)  # the demo policy's reveal_roles
    assert not desk.access.allows(member, Permission.MANAGE_STAFF)
    assert Permission.MANAGE_STAFF not in desk.access.permissions(member)


def test_csrf_tokens_differ_between_sessions(desk: Desk) -> None:
    first = desk.access.sign_in("ann", PASSWORD, HERE).session_id
    second = desk.access.sign_in("ann", PASSWORD, HERE).session_id
    assert desk.access.csrf_matches(first, desk.access.csrf_token(first))
    assert not desk.access.csrf_matches(first, desk.access.csrf_token(second))
