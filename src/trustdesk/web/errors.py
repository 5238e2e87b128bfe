"""Map errors to JSON answers that say what to fix, and never echo what the caller sent."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from trustdesk.errors import AuthError, TrustDeskError

log = logging.getLogger(__name__)


def error_body(status: int, code: str, message: str, details: Any = None) -> JSONResponse:
    body: dict[str, Any] = {"error": {"code": code, "message": message}}
    if details:
        body["error"]["details"] = details
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body, status_code=status, headers=headers)


def _code(exc: TrustDeskError) -> str:
    name = exc.__class__.__name__.removesuffix("Error")
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_") or "error"


async def _trustdesk_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, TrustDeskError)
    if exc.http_status >= 500:
        log.error("request failed: %s", exc.__class__.__name__)
    return error_body(exc.http_status, _code(exc), str(exc))


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ()) if p != "body"]
        if err.get("type") == "json_invalid":
            ctx = err.get("ctx") or {}
            return error_body(
                400,
                "malformed_json",
                f"the request body is not valid JSON ({ctx.get('error', 'parse error')})",
            )
        # "input" is deliberately left out: it may be the customer's personal data.
        details.append({"field": ".".join(loc) or "(body)", "problem": err.get("msg", "invalid")})
    summary = "; ".join(f"{d['field']}: {d['problem']}" for d in details)
    return error_body(422, "invalid_request", f"invalid request: {summary}", details)


async def _http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    code = {400: "bad_request", 404: "not_found", 405: "method_not_allowed"}.get(
        exc.status_code, "http_error"
    )
    return error_body(exc.status_code, code, str(exc.detail))


async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error: %s", exc.__class__.__name__)
    return error_body(500, "internal_error", "internal error; nothing was changed")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(TrustDeskError, _trustdesk_error)
    app.add_exception_handler(AuthError, _trustdesk_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
