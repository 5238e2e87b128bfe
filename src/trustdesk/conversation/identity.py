"""Who a caller is: anonymous (a conversation token), a customer the business vouched for (a
signed identity assertion or the server-to-server key), or nobody.

A conversation token opens its own conversation only. A customer's other conversations, and
customer-wide export and erasure, need a vouched identity: an HS256 JSON Web Token signed by
the business's backend with ``TRUSTDESK_IDENTITY_SECRET``, carrying the customer reference in
``sub`` and an expiry in ``exp``. Internal subject keys are random and never chosen by a caller.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from trustdesk.errors import AuthError, InputError

CUSTOMER_REF = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")
MAX_ASSERTION_CHARS = 2048
CLOCK_SKEW_S = 30
MIN_SECRET_CHARS = 32


def hash_token(token: str) -> str:
    """What is stored of a bearer token: its SHA-256 (tokens are 256 random bits)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def new_subject_id() -> str:
    """An opaque internal key for one customer's data; no caller can choose or guess it."""
    return "s_" + secrets.token_hex(16)


def validate_customer_ref(ref: str) -> str:
    """A business's own customer reference (an account id, not an email or a name)."""
    if not CUSTOMER_REF.match(ref):
        raise InputError(
            "customer reference must be 1-64 characters of letters, digits, '_', '.', ':' or "
            "'-' (use your account id, not an email address or a name)"
        )
    return ref


@dataclass(frozen=True, slots=True)
class VouchedCustomer:
    """A customer whose identity the business asserted; ``via`` says how."""

    customer_ref: str
    via: str  # "assertion" or "service_key"


def _b64decode(part: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
    except (binascii.Error, ValueError):
        raise AuthError("identity assertion is not valid base64url") from None


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


class IdentityVerifier:
    """Verifies identity assertions (HS256 JWTs) and the server-to-server API key.

    ``secrets`` are tried in order, so a new secret can be rolled out before the old one is
    retired. Assertions must expire, and may live at most ``max_lifetime_s``.
    """

    def __init__(
        self,
        secrets_: Sequence[str] = (),
        service_key: str | None = None,
        max_lifetime_s: int = 3600,
    ) -> None:
        for secret in secrets_:
            if len(secret) < MIN_SECRET_CHARS:
                raise ValueError(f"identity secrets must be at least {MIN_SECRET_CHARS} characters")
        if service_key is not None and len(service_key) < MIN_SECRET_CHARS:
            raise ValueError(f"the service API key must be at least {MIN_SECRET_CHARS} characters")
        self._secrets = tuple(s.encode("utf-8") for s in secrets_)
        self._service_key_hash = hash_token(service_key) if service_key else None
        self.max_lifetime_s = max_lifetime_s

    @property
    def accepts_assertions(self) -> bool:
        return bool(self._secrets)

    def is_service_key(self, token: str | None) -> bool:
        """Whether ``token`` is the server-to-server API key (compared in constant time)."""
        if not token or self._service_key_hash is None:
            return False
        return hmac.compare_digest(hash_token(token), self._service_key_hash)

    def verify(self, assertion: str, now: datetime) -> VouchedCustomer:
        """The customer an assertion vouches for, or AuthError saying what is wrong with it."""
        if not self._secrets:
            raise AuthError(
                "this deployment accepts no identity assertions (TRUSTDESK_IDENTITY_SECRET unset)"
            )
        if len(assertion) > MAX_ASSERTION_CHARS or assertion.count(".") != 2:
            raise AuthError("identity assertion must be a compact HS256 JWT")
        head_b64, body_b64, sig_b64 = assertion.split(".")
        try:
            header = json.loads(_b64decode(head_b64))
            claims = json.loads(_b64decode(body_b64))
        except (ValueError, UnicodeDecodeError):
            raise AuthError("identity assertion is not valid JSON") from None
        if not isinstance(header, dict) or header.get("alg") != "HS256":
            raise AuthError("identity assertion must be signed with HS256")
        signed = f"{head_b64}.{body_b64}".encode("ascii")
        signature = _b64decode(sig_b64)
        if not any(
            hmac.compare_digest(hmac.new(s, signed, hashlib.sha256).digest(), signature)
            for s in self._secrets
        ):
            raise AuthError("identity assertion signature does not verify")
        if not isinstance(claims, dict):
            raise AuthError("identity assertion claims must be a JSON object")
        return VouchedCustomer(self._subject(claims, now.timestamp()), "assertion")

    def _subject(self, claims: dict[str, object], now: float) -> str:
        exp = claims.get("exp")
        if not isinstance(exp, int | float) or isinstance(exp, bool):
            raise AuthError("identity assertion must carry a numeric 'exp'")
        if exp + CLOCK_SKEW_S < now:
            raise AuthError("identity assertion has expired")
        if exp - now > self.max_lifetime_s + CLOCK_SKEW_S:
            raise AuthError(
                f"identity assertion lives too long: 'exp' at most {self.max_lifetime_s} s ahead"
            )
        nbf = claims.get("nbf", claims.get("iat"))
        if isinstance(nbf, int | float) and not isinstance(nbf, bool) and nbf > now + CLOCK_SKEW_S:
            raise AuthError("identity assertion is not valid yet ('iat'/'nbf' in the future)")
        sub = claims.get("sub")
        if not isinstance(sub, str):
            raise AuthError("identity assertion must carry the customer reference in 'sub'")
        try:
            return validate_customer_ref(sub)
        except InputError:
            raise AuthError(
                "identity assertion 'sub' must be a customer reference: 1-64 letters, digits, "
                "'_', '.', ':' or '-'"
            ) from None


def sign_assertion(secret: str, customer_ref: str, expires_at: float, issued_at: float) -> str:
    """An HS256 identity assertion, as the business's backend makes one (tests and docs)."""
    header = _b64encode(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    body = _b64encode(
        json.dumps({"sub": customer_ref, "exp": int(expires_at), "iat": int(issued_at)}).encode()
    )
    signed = f"{header}.{body}".encode("ascii")
    signature = hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).digest()
    return f"{header}.{body}.{_b64encode(signature)}"
