"""No validator repeats what it was sent: each message says what is allowed instead.

A distinctive canary goes into every place a caller controls; the message must not contain it
(in any case), and must still say what to fix.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from trustdesk.conversation.identity import IdentityVerifier, sign_assertion, validate_customer_ref
from trustdesk.conversation.validation import (
    validate_attributes,
    validate_customer_text,
)
from trustdesk.errors import AuthError, InputError
from trustdesk.privacy.consent import parse_purposes
from trustdesk.web.errors import describe_exception, field_location, field_problem

CANARY = "zqcanaryzq"
SECRET = "s" * 40
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def _refusal(call: Callable[[], Any], error: type[Exception]) -> str:
    with pytest.raises(error) as refused:
        call()
    return str(refused.value)


CASES: list[tuple[str, Callable[[], Any], type[Exception], str]] = [
    (
        "unknown consent purpose",
        lambda: parse_purposes({CANARY: True}),
        ValueError,
        "ai_assistance",
    ),
    (
        "unknown purpose beside a known one",
        lambda: parse_purposes({"ai_assistance": True, CANARY.upper(): False}),
        ValueError,
        "transcript_storage",
    ),
    (
        "attribute name",
        lambda: validate_attributes({f"{CANARY} !": "de"}),
        InputError,
        "lowercase letters",
    ),
    (
        "attribute name with a capital",
        lambda: validate_attributes({CANARY.upper(): "de"}),
        InputError,
        "lowercase letters",
    ),
    (
        "attribute value too long",
        lambda: validate_attributes({CANARY: CANARY * 20}),
        InputError,
        "printable characters",
    ),
    (
        "attribute value with a control character",
        lambda: validate_attributes({CANARY: f"{CANARY}\x00"}),
        InputError,
        "printable characters",
    ),
    (
        "customer text too long",
        lambda: validate_customer_text(CANARY * 10, max_chars=20),
        InputError,
        "the limit is 20",
    ),
    (
        "customer text with a control character",
        lambda: validate_customer_text(f"{CANARY}\x07{CANARY}", max_chars=100),
        InputError,
        "remove it",
    ),
    (
        "customer reference that is an email",
        lambda: validate_customer_ref(f"{CANARY}@example.com"),
        InputError,
        "account id",
    ),
    (
        "vouched customer reference",
        lambda: validate_customer_ref(f"{CANARY} {CANARY}"),
        InputError,
        "account id",
    ),
    (
        "identity assertion that is not a JWT",
        lambda: IdentityVerifier([SECRET]).verify(CANARY, NOW),
        AuthError,
        "JWT",
    ),
    (
        "identity assertion with a bad sub",
        lambda: IdentityVerifier([SECRET]).verify(
            sign_assertion(SECRET, f"{CANARY}@example.com", NOW.timestamp() + 60, 0), NOW
        ),
        AuthError,
        "customer reference",
    ),
]


@pytest.mark.parametrize(
    ("call", "error", "says"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_refusals_say_what_is_allowed_and_never_repeat_the_input(
    call: Callable[[], Any], error: type[Exception], says: str
) -> None:
    message = _refusal(call, error)
    assert says in message
    assert CANARY not in message.lower()


@pytest.mark.parametrize(
    "loc",
    [
        ("body", CANARY),
        ("body", "attributes", CANARY),
        ("body", "consents", CANARY.upper(), "[key]"),
        ("query", CANARY),
        ("header", CANARY),
    ],
)
def test_a_field_location_names_only_what_the_api_declares(loc: tuple[Any, ...]) -> None:
    shown = field_location(loc, known={"attributes", "consents", "text"})
    assert CANARY not in shown.lower()
    assert "*" in shown


def test_a_declared_field_location_is_kept() -> None:
    assert field_location(("body", "attributes", 0), known={"attributes"}) == "attributes.0"


@pytest.mark.parametrize(
    "error",
    [
        {"type": "extra_forbidden", "loc": ("body", CANARY), "msg": "Extra", "input": CANARY},
        {"type": "union_tag_invalid", "msg": f"Input tag '{CANARY}' found", "input": CANARY},
        {"type": "value_error", "msg": f"Value error, {CANARY} is bad", "input": CANARY},
    ],
)
def test_a_validation_problem_that_would_quote_the_input_is_replaced(
    error: dict[str, Any],
) -> None:
    problem = field_problem(error)
    assert CANARY not in problem.lower()
    assert problem


def test_a_logged_exception_is_named_by_class_and_place_not_by_message() -> None:
    try:
        try:
            raise KeyError(CANARY)
        except KeyError as inner:
            raise RuntimeError(f"wrapping {CANARY}") from inner
    except RuntimeError as exc:
        described = describe_exception(exc)
    assert CANARY not in described
    assert "builtins.RuntimeError <- builtins.KeyError" in described
    assert "test_no_echo.py:" in described
