"""An access log that outlives no retention period: it records nothing about who asked what.

One line per request on the ``trustdesk.access`` logger: method, route template (such as
``/api/v1/conversations/{conversation_id}/messages``), status and duration. Never the client
address, the concrete path, the query string, a header or a body.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from typing import Any

from starlette.routing import Match, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("trustdesk.access")

METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
UNMATCHED = "(unmatched)"


def route_template(scope: Scope) -> str:
    """The template of the route that served (or would serve) the request, never its path."""
    route: Any = scope.get("route")
    if route is None:  # refused before routing (a rate limit, a timeout): match it here
        router = getattr(scope.get("app"), "router", None)
        for candidate in _leaf_routes(getattr(router, "routes", ())):
            match, _ = candidate.matches(scope)
            if match is not Match.NONE:
                route = candidate
                break
    path = getattr(route, "path", None)
    if not isinstance(path, str):
        return UNMATCHED
    return f"{path}/{{path}}" if isinstance(route, Mount) else path


def _leaf_routes(routes: Iterable[Any]) -> Iterator[Any]:
    """Routes, with FastAPI's included routers (``original_router``) opened up."""
    for route in routes:
        included = getattr(route, "original_router", None)
        if included is not None:
            yield from _leaf_routes(included.routes)
        else:
            yield route


class AccessLogMiddleware:
    """Logs each HTTP request after it is answered; see the module docstring for what."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not log.isEnabledFor(logging.INFO):
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 0

        async def recording_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, recording_send)
        except Exception:
            status = status or 500
            raise
        finally:
            method = scope["method"] if scope["method"] in METHODS else "OTHER"
            log.info(
                "%s %s %s %.1fms",
                method,
                route_template(scope),
                status or "-",  # "-": the client went away before an answer
                (time.perf_counter() - start) * 1000,
            )
