"""Roles and permissions, password rules and hashing, CSRF tokens, session ends, throttling."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher, extract_parameters
from argon2.exceptions import VerifyMismatchError

from trustdesk.conversation.staff_auth import (
    MAX_PASSWORD_CHARS,
    MIN_PASSWORD_CHARS,
    PERMISSIONS,
    POLICY_GOVERNED,
    PasswordHashing,
    Permission,
    Role,
    SessionLimits,
    SignInThrottle,
    ThrottleRule,
    account_digest,
    address_digest,
    check_password,
    check_role,
    csrf_matches,
    csrf_token,
    generate_password,
    new_session_id,
    role_allows,
    session_digest,
)
from trustdesk.errors import InputError
from trustdesk.policy.schema import Privacy

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
KEY = b"k" * 32
CHEAP = {"time_cost": 1, "memory_kib": 1024, "lanes": 1}


def _privacy(**lists: list[str]) -> Privacy:
    return Privacy.model_validate(lists)


# -- roles and permissions -------------------------------------------------------------------


def test_every_permission_is_decided_by_the_table_or_by_the_policy() -> None:
    in_table = set().union(*PERMISSIONS.values())
    assert in_table | set(POLICY_GOVERNED) == set(Permission)
    assert not in_table & set(POLICY_GOVERNED)
    assert set(PERMISSIONS) == set(Role)


@pytest.mark.parametrize(
    ("role", "permission", "allowed"),
    [
        ("agent", Permission.CLAIM, True),
        ("agent", Permission.DECIDE_APPROVAL, False),
        ("agent", Permission.READ_LEDGER, False),
        ("supervisor", Permission.DECIDE_APPROVAL, True),
        ("supervisor", Permission.READ_LEDGER, True),
        ("auditor", Permission.READ_LEDGER, True),
        ("auditor", Permission.CLAIM, False),
        ("auditor", Permission.PRIVACY_REQUESTS, False),
        ("privacy_officer", Permission.PRIVACY_REQUESTS, True),
        ("privacy_officer", Permission.READ_LEDGER, True),
        ("privacy_officer", Permission.MANAGE_STAFF, False),
        ("admin", Permission.MANAGE_STAFF, True),
        ("admin", Permission.MANAGE_KEYS, True),
        ("admin", Permission.REPLY, False),
        ("agent", Permission.MANAGE_POLICY, False),
    ],
)
def test_the_role_table(role: str, permission: Permission, allowed: bool) -> None:
    assert role_allows(role, permission, _privacy()) is allowed


def test_transcripts_and_reveals_follow_the_policy_lists() -> None:
    privacy = _privacy(transcript_roles=["admin"], queue_roles=["agent"], reveal_roles=["agent"])
    assert role_allows("admin", Permission.READ_TRANSCRIPT, privacy)
    assert role_allows("agent", Permission.READ_TRANSCRIPT, privacy)
    assert not role_allows("supervisor", Permission.READ_TRANSCRIPT, privacy)
    assert role_allows("agent", Permission.REVEAL, privacy)
    assert not role_allows("supervisor", Permission.REVEAL, privacy)


def test_an_auditor_never_reveals_even_when_the_policy_lists_the_role() -> None:
    privacy = _privacy(transcript_roles=["auditor"], reveal_roles=["auditor"])
    assert role_allows("auditor", Permission.READ_TRANSCRIPT, privacy)  # placeholders only
    assert not role_allows("auditor", Permission.REVEAL, privacy)


def test_a_role_from_before_the_table_keeps_only_what_the_policy_gives_it() -> None:
    privacy = _privacy(transcript_roles=["lead"], reveal_roles=["lead"])
    assert role_allows("lead", Permission.READ_TRANSCRIPT, privacy)
    assert role_allows("lead", Permission.REVEAL, privacy)
    assert not any(role_allows("lead", p, privacy) for p in Permission if p not in POLICY_GOVERNED)


def test_only_known_roles_are_accepted() -> None:
    assert check_role("privacy_officer") is Role.PRIVACY_OFFICER
    with pytest.raises(InputError, match="agent, supervisor, auditor, privacy_officer, admin"):
        check_role("root")


# -- passwords -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("x" * (MIN_PASSWORD_CHARS - 1), "12-256 characters"),
        ("x" * (MAX_PASSWORD_CHARS + 1), "12-256 characters"),
        (" " * 14, "only spaces"),
        ("Maria.Keller-01", "account name"),
        (" maria.keller-01 ", "account name"),
    ],
)
def test_weak_passwords_are_refused_without_repeating_them(password: str, problem: str) -> None:
    with pytest.raises(InputError, match=problem) as refused:
        check_password("maria.keller-01", password)
    if password.strip():
        assert password.strip().lower() not in str(refused.value).lower()


def test_passwords_of_12_to_256_characters_are_accepted() -> None:
    assert check_password("ann", "a" * MIN_PASSWORD_CHARS) == "a" * MIN_PASSWORD_CHARS
    assert len(check_password("ann", "b" * MAX_PASSWORD_CHARS)) == MAX_PASSWORD_CHARS


def test_generated_passwords_are_long_random_and_acceptable() -> None:
    first, second = generate_password(), generate_password()
    assert first != second and len(first) >= 24
    assert check_password("ann", first) == first


def test_argon2id_hashes_verify_and_name_their_parameters() -> None:
    hashing = PasswordHashing(**CHEAP)
    stored = hashing.hash("correct horse battery")
    assert stored.startswith("$argon2id$v=19$m=1024,t=1,p=1$")
    assert "correct horse" not in stored
    assert hashing.verify(stored, "correct horse battery").ok
    assert not hashing.verify(stored, "correct horse batterY").ok
    assert hashing.verify(stored, "correct horse battery").rehash is None


def test_the_default_parameters_are_rfc_9106_low_memory() -> None:
    hashed = PasswordHashing().hash("correct horse battery")
    assert hashed.startswith("$argon2id$v=19$m=65536,t=3,p=4$")


def test_a_hash_made_with_other_parameters_is_replaced_on_sign_in() -> None:
    old = PasswordHashing(time_cost=1, memory_kib=1024, lanes=1).hash("correct horse battery")
    now = PasswordHashing(time_cost=2, memory_kib=2048, lanes=1)
    check = now.verify(old, "correct horse battery")
    assert check.ok and check.rehash is not None
    assert check.rehash.startswith("$argon2id$v=19$m=2048,t=2,p=1$")
    assert now.verify(check.rehash, "correct horse battery") == type(check)(True, None)
    assert now.verify(old, "wrong horse battery").rehash is None


def test_no_stored_hash_and_a_broken_one_never_verify() -> None:
    hashing = PasswordHashing(**CHEAP)
    assert not hashing.verify(None, "anything at all").ok
    assert not hashing.verify("not-a-hash", "anything at all").ok


def test_the_same_password_typed_in_another_unicode_form_verifies() -> None:
    hashing = PasswordHashing(**CHEAP)
    stored = hashing.hash("caf\u00e9 au lait 2026")  # é, composed
    assert hashing.verify(stored, "cafe\u0301 au lait 2026").ok  # e + combining accent


# -- sessions and CSRF -----------------------------------------------------------------------


def test_session_ids_are_random_and_stored_only_as_a_digest() -> None:
    first, second = new_session_id(), new_session_id()
    assert first != second and len(first) >= 43  # 256 bits
    assert session_digest(first) != first and len(session_digest(first)) == 64


def test_the_csrf_token_belongs_to_one_session_and_one_key() -> None:
    session = new_session_id()
    token = csrf_token(KEY, session)
    assert csrf_matches(KEY, session, token)
    assert not csrf_matches(KEY, session, None)
    assert not csrf_matches(KEY, session, "")
    assert not csrf_matches(KEY, session, token[:-1] + ("A" if token[-1] != "A" else "B"))
    assert not csrf_matches(KEY, new_session_id(), token)
    assert not csrf_matches(b"o" * 32, session, token)
    assert not csrf_matches(KEY, session, "\u00e9" * 43)  # non-ASCII: refused, not an error


def test_a_session_ends_when_idle_or_at_its_absolute_end() -> None:
    limits = SessionLimits(idle=timedelta(minutes=30), lifetime=timedelta(hours=12))
    assert not limits.expired(T0, T0, T0 + timedelta(minutes=29))
    assert limits.expired(T0, T0, T0 + timedelta(minutes=30))
    # Kept busy, it still ends 12 hours after sign-in.
    late = T0 + timedelta(hours=11, minutes=59)
    assert not limits.expired(T0, late, late + timedelta(seconds=30))
    assert limits.expired(T0, late, T0 + timedelta(hours=12))
    assert limits.expires_at(T0, late) == T0 + timedelta(hours=12)


# -- throttling ------------------------------------------------------------------------------


def test_the_fifth_failure_in_the_window_blocks_until_the_first_leaves_it() -> None:
    rule = ThrottleRule(5, timedelta(minutes=15))
    failures = [T0 + timedelta(minutes=m) for m in range(4)]
    assert rule.wait(failures, T0 + timedelta(minutes=4)) == 0
    failures.append(T0 + timedelta(minutes=4))
    assert rule.wait(failures, T0 + timedelta(minutes=5)) == 10 * 60
    assert rule.wait(failures, T0 + timedelta(minutes=14, seconds=59)) == 1
    assert rule.wait(failures, T0 + timedelta(minutes=15)) == 0


def test_failures_outside_the_window_do_not_count() -> None:
    rule = ThrottleRule(2, timedelta(minutes=15))
    old = [T0 - timedelta(minutes=16), T0 - timedelta(minutes=15)]
    assert rule.wait(old, T0) == 0
    assert rule.wait([*old, T0 - timedelta(minutes=1)], T0) == 0


def test_the_throttle_takes_the_longer_wait_of_account_and_address() -> None:
    throttle = SignInThrottle.counting(2, 3, timedelta(minutes=10))
    now = T0 + timedelta(minutes=5)
    two = [T0, T0 + timedelta(minutes=1)]
    three = [T0 + timedelta(minutes=2), T0 + timedelta(minutes=3), T0 + timedelta(minutes=4)]
    assert throttle.retry_after(two[:1], three[:2], now) == 0
    assert throttle.retry_after(two, [], now) == 5 * 60
    assert throttle.retry_after([], three, now) == 7 * 60
    assert throttle.retry_after(two, three, now) == 7 * 60
    assert throttle.most == 3 and throttle.window == timedelta(minutes=10)


def test_names_and_addresses_are_kept_only_as_keyed_digests() -> None:
    digest = account_digest(KEY, "Ann")
    assert digest == account_digest(KEY, " ann ") and "ann" not in digest
    assert digest != account_digest(b"o" * 32, "ann")
    assert address_digest(KEY, "192.0.2.7") != address_digest(KEY, "192.0.2.8")
    assert "192.0.2.7" not in address_digest(KEY, "192.0.2.7")


def test_an_ipv6_client_is_counted_by_its_64_network() -> None:
    assert address_digest(KEY, "2001:db8:1:2::1") == address_digest(KEY, "2001:db8:1:2:ffff::9")
    assert address_digest(KEY, "2001:db8:1:2::1") != address_digest(KEY, "2001:db8:1:3::1")
    assert address_digest(KEY, "::ffff:192.0.2.7") == address_digest(KEY, "192.0.2.7")


def test_an_unknown_name_costs_a_full_verification_with_the_same_parameters() -> None:
    hashing = PasswordHashing(time_cost=2, memory_kib=2048, lanes=1)
    real = hashing.hash("correct horse battery")
    dummy = hashing._dummy  # what an unknown name is checked against
    assert extract_parameters(dummy) == extract_parameters(real)
    # A well-formed hash: checking it runs argon2 in full and fails as a mismatch, not as an
    # unparsable hash (which would answer at once).
    with pytest.raises(VerifyMismatchError):
        PasswordHasher().verify(dummy, "anything at all")
