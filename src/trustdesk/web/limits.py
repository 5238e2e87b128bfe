"""ASGI middleware that limits what one client can ask of the server.

Rate limits are token buckets kept in this process's memory, per client address. An address is
never stored: a bucket is found by an HMAC of the address under a key drawn at random when the
process starts. With ``serve --workers N`` each worker counts for itself (docs/operations.md).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import ipaddress
import math
import secrets
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from trustdesk.errors import TrustDeskError
from trustdesk.settings import Settings
from trustdesk.web.middleware import send_error

#: Buckets kept per limit; beyond this the least recently seen address is forgotten.
MAX_TRACKED_ADDRESSES = 50_000
CREATE_CONVERSATION = ("POST", "/api/v1/conversations")

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class TokenBuckets:
    """One token bucket per key: ``capacity`` tokens, refilled at ``rate`` tokens a second.

    Holds at most ``max_keys`` buckets, forgetting the least recently used; a forgotten key
    starts again with a full bucket.
    """

    def __init__(
        self,
        rate: float,
        capacity: float,
        max_keys: int = MAX_TRACKED_ADDRESSES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rate = rate
        self.capacity = capacity
        self.max_keys = max_keys
        self._clock = clock
        self._buckets: OrderedDict[bytes, tuple[float, float]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._buckets)

    def take(self, key: bytes) -> float:
        """Take one token: 0.0 when granted, else the seconds until one will be available."""
        now = self._clock()
        tokens, updated = self._buckets.pop(key, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - updated) * self.rate)
        wait = 0.0
        if tokens >= 1:
            tokens -= 1
        else:
            wait = (1 - tokens) / self.rate
        self._buckets[key] = (tokens, now)  # re-inserted last: the most recently used
        if len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        return wait


def parse_networks(entries: Iterable[str]) -> tuple[IPNetwork, ...]:
    """Addresses or networks (``10.0.0.1``, ``10.1.0.0/16``) as networks."""
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def client_address(scope: Scope, trusted_proxies: Sequence[IPNetwork] = ()) -> str:
    """The address a request comes from.

    The TCP peer, unless the peer is a trusted proxy: then the right-most X-Forwarded-For entry
    that is not itself a trusted proxy (entries to its left were written by the client and
    prove nothing).
    """
    client = scope.get("client")
    peer = client[0] if client else ""
    if not trusted_proxies or not _is_trusted(peer, trusted_proxies):
        return peer
    forwarded = b",".join(v for k, v in scope.get("headers", ()) if k == b"x-forwarded-for")
    entries = [e.strip() for e in forwarded.decode("latin-1").split(",") if e.strip()]
    for entry in reversed(entries):
        if not _is_trusted(entry, trusted_proxies):
            return entry
    return entries[0] if entries else peer


def _parse_ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    candidates = [text]
    if text.startswith("[") and "]" in text:  # [2001:db8::1]:443
        candidates.append(text[1 : text.index("]")])
    elif text.count(":") == 1:  # 192.0.2.1:443
        candidates.append(text.split(":")[0])
    for candidate in candidates:
        try:
            return ipaddress.ip_address(candidate)
        except ValueError:
            continue
    return None


def _is_trusted(text: str, trusted: Sequence[IPNetwork]) -> bool:
    address = _parse_ip(text)
    return address is not None and any(address in network for network in trusted)


class AddressKeys:
    """Keyed hashes of client addresses, so that no address is kept in memory.

    An IPv6 client is counted by its /64 network: one subscriber usually holds a whole /64.
    """

    def __init__(self, key: bytes | None = None) -> None:
        self._key = key or secrets.token_bytes(32)

    def __call__(self, address: str) -> bytes:
        parsed = _parse_ip(address)
        if isinstance(parsed, ipaddress.IPv6Address):
            mapped = parsed.ipv4_mapped
            network = ipaddress.IPv6Network((parsed, 64), strict=False)
            address = str(mapped) if mapped else str(network)
        elif parsed is not None:
            address = str(parsed)
        return hmac.new(self._key, address.encode(), hashlib.sha256).digest()[:16]


class RateLimitMiddleware:
    """429 with Retry-After beyond a client's request rate on /api/ or its hourly creations.

    Every /api/ request takes a token from the client's request bucket
    (``rate_limit_rps``, ``rate_limit_burst``); creating a conversation also takes one from its
    creation bucket (``conversations_per_address_per_hour``). ``rate_limits=False`` lets every
    request through. ``on_reject`` is told the limit of each refusal (``requests`` or
    ``conversations``), for the metrics.
    """

    def __init__(
        self,
        app: ASGIApp,
        settings: Settings,
        max_keys: int = MAX_TRACKED_ADDRESSES,
        clock: Callable[[], float] = time.monotonic,
        on_reject: Callable[[str], None] | None = None,
    ) -> None:
        self.app = app
        self.on_reject = on_reject
        self.enabled = settings.rate_limits
        self.trusted_proxies = parse_networks(settings.trusted_proxies)
        self.keys = AddressKeys()
        self.requests = TokenBuckets(
            settings.rate_limit_rps, settings.rate_limit_burst, max_keys, clock
        )
        hourly = settings.conversations_per_address_per_hour
        self.creations = TokenBuckets(hourly / 3600, hourly, max_keys, clock)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self.enabled or scope["type"] != "http" or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        key = self.keys(client_address(scope, self.trusted_proxies))
        wait = self.requests.take(key)
        message = "too many requests from this address"
        limit = "requests"
        if not wait and (scope["method"], scope["path"].rstrip("/")) == CREATE_CONVERSATION:
            wait = self.creations.take(key)
            message = "too many conversations started from this address"
            limit = "conversations"
        if wait:
            if self.on_reject is not None:
                self.on_reject(limit)
            retry = str(max(1, math.ceil(wait))).encode()
            await send_error(
                send,
                429,
                "rate_limited",
                f"{message}; retry after {retry.decode()} s",
                [(b"retry-after", retry)],
            )
            return
        await self.app(scope, receive, send)


class _RequestTimeout(TrustDeskError):
    """The request body did not arrive in time (raised inside the app, answered 408 here)."""

    http_status = 408


class BodyTimeoutMiddleware:
    """The whole request body must arrive within ``timeout_s`` of the request's headers.

    Otherwise the request is answered 408 and the connection closed (when no answer has begun;
    else the connection is just closed). What the application reads after the body (waiting
    for a disconnect) is not timed. ``on_reject`` is told ``body_timeout`` for each one.
    """

    def __init__(
        self,
        app: ASGIApp,
        timeout_s: float,
        on_reject: Callable[[str], None] | None = None,
    ) -> None:
        self.app = app
        self.timeout_s = timeout_s
        self.on_reject = on_reject
        self._explanation = f"the request body did not arrive within {timeout_s:g} s"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout_s
        explanation = self._explanation
        body_complete = False
        timed_out = False
        started = False

        async def timed_receive() -> Message:
            nonlocal body_complete, timed_out
            if body_complete:
                return await receive()
            try:
                async with asyncio.timeout_at(deadline):
                    message = await receive()
            except TimeoutError:
                timed_out = True
                raise _RequestTimeout(explanation) from None
            if message["type"] != "http.request" or not message.get("more_body", False):
                body_complete = True
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, timed_receive, tracking_send)
        except Exception:
            if not timed_out:
                raise
            if self.on_reject is not None:
                self.on_reject("body_timeout")
            if not started:
                await send_error(
                    send, 408, "request_timeout", explanation, [(b"connection", b"close")]
                )
