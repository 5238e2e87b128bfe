"""Signed identity assertions: only what the business signed, unexpired, vouches for anyone."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import pytest

from trustdesk.conversation.identity import IdentityVerifier, new_subject_id, sign_assertion
from trustdesk.errors import AuthError

SECRET = "s" * 40
OLD = "o" * 40
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
T = NOW.timestamp()


def _b64(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def test_a_signed_unexpired_assertion_vouches_for_its_subject() -> None:
    verifier = IdentityVerifier([SECRET])
    customer = verifier.verify(sign_assertion(SECRET, "acct-1042", T + 300, T), NOW)
    assert customer.customer_ref == "acct-1042" and customer.via == "assertion"


def test_the_previous_secret_still_verifies_during_a_rotation() -> None:
    verifier = IdentityVerifier([SECRET, OLD])
    assert verifier.verify(sign_assertion(OLD, "acct-1", T + 60, T), NOW).customer_ref == "acct-1"


@pytest.mark.parametrize(
    ("assertion", "problem"),
    [
        (sign_assertion("x" * 40, "acct-1", T + 60, T), "signature"),
        (sign_assertion(SECRET, "acct-1", T - 120, T - 600), "expired"),
        (sign_assertion(SECRET, "acct-1", T + 7 * 86400, T), "lives too long"),
        (sign_assertion(SECRET, "acct-1", T + 60, T + 3600), "not valid yet"),
        (sign_assertion(SECRET, "a@b.example", T + 60, T), "customer reference"),
        ("not.a.jwt", "not valid"),
        ("a!.b.c", "base64url"),
        ("two.parts", "compact"),
        ("x" * 5000, "compact"),
    ],
)
def test_forged_expired_and_malformed_assertions_are_refused(assertion: str, problem: str) -> None:
    with pytest.raises(AuthError, match=problem):
        IdentityVerifier([SECRET]).verify(assertion, NOW)


def test_a_tampered_subject_or_an_unsigned_algorithm_is_refused() -> None:
    head, _, sig = sign_assertion(SECRET, "acct-1", T + 60, T).split(".")
    forged_body = _b64({"sub": "acct-victim", "exp": int(T + 60)})
    with pytest.raises(AuthError, match="signature"):
        IdentityVerifier([SECRET]).verify(f"{head}.{forged_body}.{sig}", NOW)
    none_alg = f"{_b64({'alg': 'none'})}.{forged_body}."
    with pytest.raises(AuthError, match="HS256"):
        IdentityVerifier([SECRET]).verify(none_alg, NOW)


def test_assertions_are_refused_when_no_secret_is_configured() -> None:
    with pytest.raises(AuthError, match="TRUSTDESK_IDENTITY_SECRET"):
        IdentityVerifier([]).verify(sign_assertion(SECRET, "acct-1", T + 60, T), NOW)


def test_the_service_key_is_recognised_only_exactly() -> None:
    verifier = IdentityVerifier([], service_key="k" * 40)
    assert verifier.is_service_key("k" * 40)
    assert not verifier.is_service_key("k" * 39) and not verifier.is_service_key(None)
    assert not IdentityVerifier([]).is_service_key("k" * 40)


def test_short_secrets_are_refused_at_start() -> None:
    with pytest.raises(ValueError, match="at least 32"):
        IdentityVerifier(["short"])


def test_subject_keys_are_opaque_and_unique() -> None:
    keys = {new_subject_id() for _ in range(1000)}
    assert len(keys) == 1000 and all(k.startswith("s_") and len(k) == 34 for k in keys)


def test_assertions_made_by_an_independent_jwt_library_verify() -> None:
    import jwt  # PyJWT: what a business's backend would use

    made = jwt.encode({"sub": "acct-55", "exp": int(T) + 120, "iat": int(T)}, SECRET, "HS256")
    assert IdentityVerifier([SECRET]).verify(made, NOW).customer_ref == "acct-55"
    other_alg = jwt.encode({"sub": "acct-55", "exp": int(T) + 120}, SECRET * 2, "HS512")
    with pytest.raises(AuthError, match="HS256"):
        IdentityVerifier([SECRET]).verify(other_alg, NOW)
