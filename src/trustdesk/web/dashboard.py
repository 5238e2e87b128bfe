"""The dashboard (docs/metrics.md#dashboard): the page at ``/dashboard`` and its data.

``GET /api/v1/dashboard`` answers every chart for a period (``since`` inclusive, ``until``
exclusive; the last 30 days by default), a channel and a language, to staff whose role has
``read_metrics`` (supervisor, auditor, admin). It brings the per-conversation rollup up to
date first, then adds it up in SQL (``store/dashboard_queries.py``). Workload is in aggregate
only. The page, like ``/console``, is a shell that signs in and reads this endpoint.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from trustdesk.conversation.agents import StaffMember
from trustdesk.conversation.staff_auth import Permission
from trustdesk.errors import InputError
from trustdesk.language import SUPPORTED_LANGUAGES
from trustdesk.monitor.dashboard import CHARTS, to_json
from trustdesk.store.dashboard_queries import Filters, SqlDashboard
from trustdesk.web.auth import require
from trustdesk.web.deps import Running, Templates
from trustdesk.web.pages import page_context

router = APIRouter(tags=["operations"])
Reader = Annotated[StaffMember, Depends(require(Permission.READ_METRICS))]

DEFAULT_DAYS = 30
MAX_DAYS = 3660  # about ten years: a bound on what one request may ask for
CHANNEL = re.compile(r"[a-z][a-z0-9_-]{0,39}")
_DATE_HELP = "A UTC day (YYYY-MM-DD) or a time (ISO 8601; UTC when no offset is given)."


def _moment(value: str | None, name: str) -> datetime | None:
    if value is None or value == "":
        return None
    if len(value) > 40:
        raise InputError(f"{name} is too long: give a day (YYYY-MM-DD) or an ISO 8601 time")
    try:
        if len(value) == 10:
            return datetime.combine(date.fromisoformat(value), time(), tzinfo=UTC)
        found = datetime.fromisoformat(value)
    except ValueError:
        raise InputError(f"{name} is not a day (YYYY-MM-DD) or an ISO 8601 time") from None
    return found.astimezone(UTC) if found.tzinfo else found.replace(tzinfo=UTC)


def filters_from(
    since: str | None,
    until: str | None,
    channel: str | None,
    language: str | None,
    now: datetime,
) -> Filters:
    """The period and filters of a request, checked; error messages never repeat the input."""
    start, end = _moment(since, "since"), _moment(until, "until")
    if start is None and end is None:
        today = datetime.combine(now.astimezone(UTC).date(), time(), tzinfo=UTC)
        end = today + timedelta(days=1)
        start = end - timedelta(days=DEFAULT_DAYS)
    if start is not None and end is not None:
        if start >= end:
            raise InputError("since must be before until (until is exclusive)")
        if end - start > timedelta(days=MAX_DAYS):
            raise InputError(f"the period is longer than {MAX_DAYS} days")
    if channel == "":
        channel = None
    if channel is not None and not CHANNEL.fullmatch(channel):
        raise InputError(
            "channel must be a channel name: a lower-case letter, then up to 39 lower-case "
            "letters, digits, '_' or '-'"
        )
    if language == "":
        language = None
    if language is not None and language not in SUPPORTED_LANGUAGES:
        raise InputError("language must be one of " + ", ".join(SUPPORTED_LANGUAGES))
    return Filters(start, end, channel, language)


def _disclosures(running: Running) -> set[str]:
    """The policy's greeting in every language: the openings disclosure compliance accepts."""
    policy = running.policy.policy
    return {policy.say("greeting", language) for language in (None, *SUPPORTED_LANGUAGES)}


def _answer(running: Running, filters: Filters, now: datetime) -> dict[str, Any]:
    running.metrics_rollup.refresh()
    board = SqlDashboard(running.engine).dashboard(filters, now, _disclosures(running))
    return {
        "as_of": now.isoformat(),
        "filters": {
            "since": filters.since.isoformat() if filters.since else None,
            "until": filters.until.isoformat() if filters.until else None,
            "channel": filters.channel,
            "language": filters.language,
        },
        "charts": list(CHARTS),
        **to_json(board),
    }


@router.get("/api/v1/dashboard")
async def dashboard_data(
    running: Running,
    who: Reader,
    since: Annotated[str | None, Query(description=_DATE_HELP)] = None,
    until: Annotated[str | None, Query(description=_DATE_HELP + " Exclusive.")] = None,
    channel: Annotated[str | None, Query(description="Conversations started from it.")] = None,
    language: Annotated[
        str | None,
        Query(description="Conversations detected in it: " + ", ".join(SUPPORTED_LANGUAGES)),
    ] = None,
) -> dict[str, Any]:
    """Every dashboard chart for the period (the last 30 days when neither end is given),
    channel and language: volume per day and workload in aggregate, AI resolution (assumed
    and confirmed), handoffs by reason, response times, ratings, disclosure compliance,
    personal-data detections, declines and guard failures, unanswered-question groups, open
    incidents. Each rate carries its numerator and denominator (docs/metrics.md)."""
    now = datetime.now(UTC)
    filters = filters_from(since, until, channel, language, now)
    return await run_in_threadpool(_answer, running, filters, now)


@router.get("/dashboard", response_class=HTMLResponse, include_in_schema=False)
def dashboard_page(request: Request, running: Running, templates: Templates) -> HTMLResponse:
    """The dashboard page; it signs in and reads ``/api/v1/dashboard``."""
    context = {
        **page_context(running),
        "languages": SUPPORTED_LANGUAGES,
        "default_days": DEFAULT_DAYS,
    }
    return templates.TemplateResponse(request, "dashboard.html", context)
