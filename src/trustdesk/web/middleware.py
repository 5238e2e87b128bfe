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
# Self-contained reports (their styles inline, no script at all) served by the API.
REPORT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)
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
        self._too_big = f"request body is larger than {limit // 1024} KiB"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = content_type = None
        for name, value in scope["headers"]:  # the last of each, as dict() would keep
            if name == b"content-length":
                declared = value
            elif name == b"content-type":
                content_type = value
        too_big = self._too_big
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
        if body and content_type is not None and b"json" in content_type:
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
    """Adds safe defaults to every response, a strict CSP to HTML pages, no-store to the API.

    Every page refuses to be framed, except ``frame_path`` (the widget's chat) by the sources
    in ``frame_ancestors`` when there are any."""

    def __init__(
        self, app: ASGIApp, frame_path: str | None = None, frame_ancestors: bytes = b""
    ) -> None:
        self.app = app
        self.frame_path = frame_path if frame_ancestors else None
        self._framed_headers = [h for h in SECURITY_HEADERS if h[0] != b"x-frame-options"]
        self._framed_csp = PAGE_CSP.replace(
            b"frame-ancestors 'none'", b"frame-ancestors " + frame_ancestors
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        api = path.startswith(API_PREFIX)
        added = _API_ADDED if api else SECURITY_HEADERS
        csp = not path.startswith(_DOCS_PREFIXES)
        page_csp = PAGE_CSP
        if path == self.frame_path:
            added, page_csp = self._framed_headers, self._framed_csp

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = message.get("headers", ())
                if api:  # the app's own cache headers give way to no-store
                    headers = [h for h in headers if h[0].lower() not in _CACHE_HEADERS]
                else:
                    headers = list(headers)
                headers += added
                if csp and _is_html(headers) and not _has(headers, b"content-security-policy"):
                    headers.append((b"content-security-policy", page_csp))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


_API_ADDED = [*SECURITY_HEADERS, *API_NO_STORE]
_DOCS_PREFIXES = ("/docs", "/redoc")


def _is_html(headers: Iterable[tuple[bytes, bytes]]) -> bool:
    content_type = b""
    for name, value in headers:
        if name == b"content-type":  # ASGI header names are lower case; the last one counts
            content_type = value
    return content_type.startswith(b"text/html")


def _has(headers: Iterable[tuple[bytes, bytes]], name: bytes) -> bool:
    """Whether the route set ``name`` itself (a stricter or more fitting policy of its own)."""
    return any(key == name for key, _ in headers)
