"""Signatures of webhook deliveries, and their verification for receivers written in Python.

A delivery is signed with HMAC-SHA256 under the shared secret over ``f"{timestamp}.{body}"``,
where ``timestamp`` is the Unix time in whole seconds sent in ``X-TrustDesk-Timestamp`` and
``body`` the exact bytes of the request body. The signature travels as
``X-TrustDesk-Signature: v1=<hex>``; a receiver may see several comma-separated ``v1=`` values
in future versions (secret rotation) and accepts the request when one of them matches.
"""

from __future__ import annotations

import hashlib
import hmac
import time

SCHEME = "v1"
DEFAULT_TOLERANCE_S = 300.0

EVENT_HEADER = "X-TrustDesk-Event"
DELIVERY_HEADER = "X-TrustDesk-Delivery"
TIMESTAMP_HEADER = "X-TrustDesk-Timestamp"
SIGNATURE_HEADER = "X-TrustDesk-Signature"


def _as_bytes(value: str | bytes) -> bytes:
    return value.encode("utf-8") if isinstance(value, str) else value


def signature(secret: str, timestamp: int | str, body: str | bytes) -> str:
    """The hex HMAC-SHA256 of ``f"{timestamp}.{body}"`` under ``secret``."""
    message = str(timestamp).encode("ascii") + b"." + _as_bytes(body)
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def signed_headers(
    secret: str, event_type: str, delivery_id: str, body: str | bytes, timestamp: int
) -> dict[str, str]:
    """Every header of a delivery: event type, delivery id, timestamp and signature."""
    return {
        "Content-Type": "application/json",
        EVENT_HEADER: event_type,
        DELIVERY_HEADER: delivery_id,
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: f"{SCHEME}={signature(secret, timestamp, body)}",
    }


def verify_signature(
    secret: str,
    timestamp: str | int,
    body: str | bytes,
    header: str,
    tolerance_s: float = DEFAULT_TOLERANCE_S,
    now: float | None = None,
) -> bool:
    """True when ``header`` (the ``X-TrustDesk-Signature`` value) signs ``timestamp`` and
    ``body`` under ``secret``, and ``timestamp`` is within ``tolerance_s`` seconds of ``now``
    (Unix time; the clock by default). Pass the body exactly as received, before parsing it.

    The timestamp check refuses a captured delivery replayed later; the comparison takes the
    same time whatever the header holds.
    """
    try:
        sent_at = int(str(timestamp).strip())
    except ValueError:
        return False
    current = time.time() if now is None else now
    if abs(current - sent_at) > tolerance_s:
        return False
    expected = signature(secret, sent_at, body).encode("ascii")
    matched = False
    for part in header.split(","):
        scheme, _, value = part.strip().partition("=")
        if scheme == SCHEME:
            # Compare every candidate, so the time taken does not say which one matched.
            matched |= hmac.compare_digest(value.encode("utf-8", "replace"), expected)
    return matched
