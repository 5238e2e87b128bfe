"""``GET /metrics``: the Prometheus text format, for staff who may read metrics or a scraper.

Who may read it (docs/metrics.md): a member of staff whose role has ``read_metrics``
(supervisor, auditor, admin), by API token or console session; or a scraper that sends
``Authorization: Bearer <TRUSTDESK_METRICS_TOKEN>``. Everyone else gets 401 (or 403 for staff
without the permission): the counters describe the service's load, failures and limits.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from trustdesk.conversation.staff_auth import Permission
from trustdesk.errors import ForbiddenError
from trustdesk.monitor.prometheus import CONTENT_TYPE, timing_request
from trustdesk.web.auth import staff_caller
from trustdesk.web.deps import Agents, Running, Token

router = APIRouter(tags=["operations"])


def _same(given: str, expected: str) -> bool:
    # Digests first: the comparison then takes as long whatever the lengths.
    return hmac.compare_digest(
        hashlib.sha256(given.encode()).digest(), hashlib.sha256(expected.encode()).digest()
    )


def metrics_reader(request: Request, agents: Agents, token: Token, running: Running) -> None:
    """Let through the scrape token, or staff whose role has ``read_metrics``."""
    expected = running.settings.metrics_token
    if token and expected and _same(token, expected):
        return
    member = staff_caller(request, agents, token, running).member
    if not agents.allows(member, Permission.READ_METRICS):
        raise ForbiddenError(
            f"your role ({member.role}) lacks the permission 'read_metrics'; "
            "docs/accountability.md lists which roles have it"
        )


MetricsReader = Annotated[None, Depends(metrics_reader)]


@router.get("/metrics", response_class=Response, responses={200: {"content": {CONTENT_TYPE: {}}}})
def metrics(running: Running, reader: MetricsReader) -> Response:
    """Counters and histograms in the Prometheus text format (docs/metrics.md): turns and
    their latency by route, guard findings by guard and rule, handoffs by reason, backend
    errors, limit rejections. No ids, texts or personal data."""
    return Response(running.metrics.exposition(), media_type=CONTENT_TYPE)


class RequestTimingMiddleware:
    """Marks when each HTTP request arrived, so that the turn it carries is timed from there
    (the metrics subscriber reads the mark when the turn's event is published)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        with timing_request():
            await self.app(scope, receive, send)
