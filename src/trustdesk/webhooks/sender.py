"""One signed POST to one receiver, and its outcome in words that are safe to store and log."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from trustdesk.webhooks.signing import signed_headers

USER_AGENT = "TrustDesk-Webhooks/1"


@dataclass(frozen=True, slots=True)
class SendResult:
    """``error`` is ``"HTTP <status>"`` or an exception's class name; never a response body."""

    ok: bool
    status_code: int | None
    error: str | None


def origin(url: str) -> str:
    """``scheme://host[:port]``: what logs name a receiver by (a path or query can hold a token)."""
    parts = urlsplit(url)
    host = parts.hostname or "?"
    if ":" in host:
        host = f"[{host}]"
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        port = ""
    return f"{parts.scheme}://{host}{port}"


def without_query(url: str) -> str:
    """The URL without its query string and fragment, for the operator's delivery log."""
    parts = urlsplit(url)
    return origin(url) + parts.path


class WebhookSender:
    """POSTs signed deliveries with httpx: a timeout on every phase, no redirects followed, no
    proxy or credentials taken from the environment, the response body never read."""

    def __init__(
        self,
        secret: str,
        timeout_s: float,
        *,
        clock: Callable[[], float] = time.time,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._secret = secret
        self._clock = clock
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout_s),
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": USER_AGENT},
            transport=transport,
        )

    def send(self, url: str, event_type: str, delivery_id: str, body: str) -> SendResult:
        """POST ``body`` to ``url``; a 2xx answer is a success, anything else a failure."""
        content = body.encode("utf-8")
        headers = signed_headers(self._secret, event_type, delivery_id, content, int(self._clock()))
        try:
            with self._client.stream("POST", url, content=content, headers=headers) as response:
                code = response.status_code
        except Exception as exc:  # a failing receiver must never break the worker
            return SendResult(ok=False, status_code=None, error=exc.__class__.__name__)
        if 200 <= code < 300:
            return SendResult(ok=True, status_code=code, error=None)
        return SendResult(ok=False, status_code=code, error=f"HTTP {code}")

    def close(self) -> None:
        self._client.close()
