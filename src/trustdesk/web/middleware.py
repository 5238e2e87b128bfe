"""ASGI middleware: refuse oversized or non-UTF-8 bodies before anything parses them; headers."""

from __future__ import annotations

import json
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY_BYTES = 64 * 1024

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
# API answers carry transcripts, exports and tokens: no cache, shared or private, keeps them.
API_NO_STORE = [(b"cache-control", b"no-store"), (b"pragma", b"no-cache")]
API_PREFIX = "/api/"
_CACHE_HEADERS = {b"cache-control", b"pragma", b"expires"}
PAGE_CSP = (
    b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    b"connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)


async def send_error(
    send: Send,
    status: int,
    code: str,
    message: str,
    headers: Iterable[tuple[bytes, bytes]] = (),
) -> None:
    """Answer with the project's error JSON from ASGI middleware; ``message`` must never
    contain what was sent."""
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodyGuardMiddleware:
    """Buffers at most ``limit`` bytes of a request body; more is refused with 413.

    A JSON body that is not UTF-8 is refused with 400 before it reaches the JSON parser.
    """

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length")
        too_big = f"request body is larger than {self.limit // 1024} KiB"
        if declared is not None:
            try:
                if int(declared) > self.limit:
                    await send_error(send, 413, "body_too_large", too_big)
                    return
            except ValueError:
                await send_error(send, 400, "bad_request", "invalid Content-Length header")
                return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await send_error(send, 413, "body_too_large", too_big)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        if body and b"json" in headers.get(b"content-type", b""):
            try:
                body.decode("utf-8")
            except UnicodeDecodeError as exc:
                await send_error(
                    send, 400, "invalid_utf8", f"request body is not valid UTF-8 (byte {exc.start})"
                )
                return
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class SecurityHeadersMiddleware:
    """Adds safe defaults to every response, a strict CSP to HTML pages, no-store to the API."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.extend(SECURITY_HEADERS)
                if scope["path"].startswith(API_PREFIX):
                    headers = [h for h in headers if h[0].lower() not in _CACHE_HEADERS]
                    headers.extend(API_NO_STORE)
                content_type = dict(headers).get(b"content-type", b"")
                docs = scope["path"].startswith(("/docs", "/redoc"))
                if content_type.startswith(b"text/html") and not docs:
                    headers.append((b"content-security-policy", PAGE_CSP))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)
