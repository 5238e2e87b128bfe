"""Map errors to JSON answers that say what to fix, and never echo what the caller sent.

Unexpected errors are logged by class and place (file:line of each frame), never by message:
an exception's message can quote a customer's text (a failed statement's values, a parser's
excerpt). The same goes for the answer, which says only that nothing was changed.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterator, Mapping
from pathlib import PurePath
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.exceptions import HTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from trustdesk.errors import AuthError, TrustDeskError
from trustdesk.web.openapi import served_routes

log = logging.getLogger(__name__)

HTTP_CODES = {
    400: "bad_request",
    401: "auth",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
    429: "rate_limited",
}
STORE_UNAVAILABLE = "the database is unavailable; nothing was changed; try again shortly"
MAX_FRAMES = 12


def error_body(
    status: int,
    code: str,
    message: str,
    details: Any = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """The one error shape: {"error": {"code", "message", "details"?}}."""
    body: dict[str, Any] = {"error": {"code": code, "message": message}}
    if details:
        body["error"]["details"] = details
    all_headers = dict(headers or {})
    if status == 401:
        all_headers.setdefault("WWW-Authenticate", "Bearer")
    return JSONResponse(body, status_code=status, headers=all_headers or None)


def describe_exception(exc: BaseException) -> str:
    """Class names of the exception and its causes, and where it was raised; no message."""
    chain = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(f"{type(current).__module__}.{type(current).__qualname__}")
        current = current.__cause__ or current.__context__
    return f"{' <- '.join(chain)} at {' > '.join(_frames(exc))}"


def _frames(exc: BaseException) -> Iterator[str]:
    frames = traceback.extract_tb(exc.__traceback__)[-MAX_FRAMES:]
    for frame in frames:
        parts = PurePath(frame.filename).parts
        yield f"{'/'.join(parts[-2:])}:{frame.lineno} in {frame.name}"


def _code(exc: TrustDeskError) -> str:
    name = exc.__class__.__name__.removesuffix("Error")
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_") or "error"


async def _trustdesk_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, TrustDeskError)
    if exc.http_status >= 500:
        log.error("request failed: %s", describe_exception(exc))
    retry_after = getattr(exc, "retry_after_s", None)
    headers = {"Retry-After": str(int(retry_after))} if retry_after is not None else None
    code = HTTP_CODES[429] if exc.http_status == 429 else _code(exc)
    return error_body(exc.http_status, code, str(exc), headers=headers)


async def _store_unavailable(_: Request, exc: Exception) -> JSONResponse:
    log.error("database unavailable: %s", describe_exception(exc))
    return error_body(503, "store_unavailable", STORE_UNAVAILABLE, headers={"Retry-After": "5"})


_known: list[tuple[dict[str, Any], set[str]]] = []  # (description, its names), latest only


def _known_names(app: Any) -> set[str]:
    """Every parameter and property name the API description declares."""
    try:
        schema = app.openapi()
    except Exception:  # a broken description must not turn a 422 into a 500
        return set()
    if _known and _known[0][0] is schema:
        return _known[0][1]
    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("properties"), dict):
                names.update(node["properties"])
            if isinstance(node.get("name"), str) and "in" in node:
                names.add(node["name"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    _known[:] = [(schema, names)]
    return names


def field_location(loc: tuple[Any, ...], known: set[str]) -> str:
    """A validation error's location, dotted; '*' for any name the API does not declare.

    A location can hold names the caller chose (an unknown field, a key of a mapping), and
    those are never repeated.
    """
    parts = [p for p in loc if p not in ("body", "query", "path", "header", "cookie")]
    shown = [str(p) if isinstance(p, int) or p in known else "*" for p in parts]
    return ".".join(shown) or "(body)"


def field_problem(err: Mapping[str, Any]) -> str:
    """A validation error's message, unless it would quote what was sent."""
    if err.get("type") == "extra_forbidden":
        return "unknown field; only the documented fields are accepted"
    message = str(err.get("msg", "invalid"))
    sent = err.get("input")
    if isinstance(sent, str) and len(sent) >= 3 and sent in message:
        return f"invalid value ({err.get('type', 'invalid')})"
    return message


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    known = _known_names(request.app)
    details = []
    for err in exc.errors():
        if err.get("type") == "json_invalid":
            ctx = err.get("ctx") or {}
            return error_body(
                400,
                "malformed_json",
                f"the request body is not valid JSON ({ctx.get('error', 'parse error')})",
            )
        loc = tuple(err.get("loc", ()))
        if err.get("type") == "extra_forbidden":
            loc = loc[:-1]
        # "input" is deliberately left out: it may be the customer's personal data.
        details.append({"field": field_location(loc, known), "problem": field_problem(err)})
    summary = "; ".join(f"{d['field']}: {d['problem']}" for d in details)
    return error_body(422, "invalid_request", f"invalid request: {summary}", details)


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route accepts on this path (Starlette names only the first route's)."""
    allowed: set[str] = set()
    for route in served_routes(request.app.router.routes):
        methods = getattr(route, "methods", None)
        if methods and route.matches(request.scope)[0] != Match.NONE:
            allowed.update(methods)
    return sorted(allowed)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    headers = dict(exc.headers or {})
    message = str(exc.detail)
    if exc.status_code == 405:
        methods = _allowed_methods(request) or [
            m.strip() for m in headers.get("Allow", "").split(",") if m.strip()
        ]
        headers["Allow"] = ", ".join(methods)
        message = f"method not allowed; allowed: {headers['Allow']}"
    code = HTTP_CODES.get(exc.status_code, "http_error")
    return error_body(exc.status_code, code, message, headers=headers)


def error_of(exc: BaseException) -> tuple[int, dict[str, Any]]:
    """The status and error body the handlers below answer ``exc`` with, for an error that
    comes after a streamed response has begun (its status line is already sent); logged as
    they log it."""
    if isinstance(exc, TrustDeskError):
        if exc.http_status >= 500:
            log.error("request failed: %s", describe_exception(exc))
        code = HTTP_CODES[429] if exc.http_status == 429 else _code(exc)
        return exc.http_status, {"error": {"code": code, "message": str(exc)}}
    if isinstance(exc, OperationalError | PoolTimeoutError):
        log.error("database unavailable: %s", describe_exception(exc))
        return 503, {"error": {"code": "store_unavailable", "message": STORE_UNAVAILABLE}}
    log.error("unexpected error: %s", describe_exception(exc))
    return 500, {"error": {"code": "internal_error", "message": "internal error"}}


def _unexpected_response() -> JSONResponse:
    return error_body(500, "internal_error", "internal error; nothing was changed")


async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
    log.error("unexpected error: %s", describe_exception(exc))
    return _unexpected_response()


class UnexpectedErrorMiddleware:
    """Answers an unhandled exception with a 500 and logs it without its message.

    Starlette's outermost error middleware re-raises after answering, so that the server logs
    the exception with its message and traceback; catching it here stops that.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            log.error("unexpected error: %s", describe_exception(exc))
            if not started:  # otherwise the server closes the half-sent response
                await _unexpected_response()(scope, receive, send)


def install_error_handlers(app: FastAPI) -> None:
    """Register the JSON error answers; call before adding other middleware."""
    app.add_exception_handler(TrustDeskError, _trustdesk_error)
    app.add_exception_handler(AuthError, _trustdesk_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(OperationalError, _store_unavailable)
    app.add_exception_handler(PoolTimeoutError, _store_unavailable)
    app.add_exception_handler(Exception, _unexpected)
    app.add_middleware(UnexpectedErrorMiddleware)
