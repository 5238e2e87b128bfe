"""Why a person was brought in, and what the customer is told happens next.

Every decision that moves a conversation to a person carries exactly one
:class:`HandoffReason`. The reply says what happens next, in the policy's words for that reason,
and — when the policy gives staffed hours — whether someone is there now and, if not, when they
will be. Everything here is pure: the time comes from the caller.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, time, timedelta
from enum import StrEnum
from types import MappingProxyType
from zoneinfo import ZoneInfo

from trustdesk.guards.base import Finding
from trustdesk.policy.schema import Policy, StaffedHours, parse_weekly


class HandoffReason(StrEnum):
    """The one reason recorded with every handoff (docs/handoff.md)."""

    CUSTOMER_REQUEST = "customer_request"
    LOW_CONFIDENCE = "low_confidence"
    NEGATIVE_SENTIMENT = "negative_sentiment"
    REPEATED_FAILURE = "repeated_failure"
    SENSITIVE_TOPIC = "sensitive_topic"
    APPROVAL_REQUIRED = "approval_required"
    CONSENT_WITHDRAWN = "consent_withdrawn"
    BACKEND_ERROR = "backend_error"
    GUARD_ERROR = "guard_error"
    CONTESTED = "contested"


# The input guards that ask for a person, and the reason each stands for. These guards report
# findings only when they ask, so a finding of theirs means "this guard asked".
GUARD_REASONS: Mapping[str, HandoffReason] = MappingProxyType(
    {
        "contest": HandoffReason.CONTESTED,
        "human_request": HandoffReason.CUSTOMER_REQUEST,
        "sensitive_topic": HandoffReason.SENSITIVE_TOPIC,
        "negative_sentiment": HandoffReason.NEGATIVE_SENTIMENT,
        "repeated_failure": HandoffReason.REPEATED_FAILURE,
    }
)
# When several ask at once, the first of these is recorded: what the customer said they want
# comes before what a trigger inferred, and the gentlest reply before the others.
PRECEDENCE: tuple[HandoffReason, ...] = (
    HandoffReason.CONTESTED,
    HandoffReason.CUSTOMER_REQUEST,
    HandoffReason.SENSITIVE_TOPIC,
    HandoffReason.NEGATIVE_SENTIMENT,
    HandoffReason.REPEATED_FAILURE,
)
# Reasons the customer stated; the others were inferred by an automatic trigger.
STATED = frozenset({HandoffReason.CONTESTED, HandoffReason.CUSTOMER_REQUEST})
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def requested_reason(findings: Iterable[Finding]) -> HandoffReason | None:
    """The reason the input guards asked for a person, by :data:`PRECEDENCE`; None if none did."""
    asked = {GUARD_REASONS[f.guard] for f in findings if f.guard in GUARD_REASONS}
    return next((reason for reason in PRECEDENCE if reason in asked), None)


def handoff_message(
    policy: Policy, reason: HandoffReason, now: datetime | None = None, language: str | None = None
) -> str:
    """What the customer is told: the policy's text for ``reason`` (or the handoff section's
    requested / failure message) in ``language`` where the policy has it, then the
    staffed-hours sentence when the policy gives hours and ``now`` is known."""
    text = policy.say(f"messages.{reason.value}", language)
    hours = policy.escalation.staffed_hours
    if hours is None or now is None:
        return str(text)
    return f"{text} {staffed_sentence(hours, now)}"


def staffed_sentence(hours: StaffedHours, now: datetime) -> str:
    """'Our team is at work now …' or 'Our team is … back Monday at 09:00 (Europe/Paris).'"""
    if is_staffed(hours, now):
        return hours.open_message
    opening = next_staffed(hours, now)
    if opening is None:  # unreachable with a validated policy: every range opens weekly
        return hours.open_message
    return hours.closed_message.format(when=_when(opening, now), timezone=hours.timezone)


def is_staffed(hours: StaffedHours, now: datetime) -> bool:
    """Whether ``now`` falls in one of the weekly ranges, read on the local wall clock."""
    local = _aware(now).astimezone(ZoneInfo(hours.timezone))
    day, minute = local.weekday(), local.hour * 60 + local.minute
    for days, start, end in (parse_weekly(text) for text in hours.weekly):
        if start < end:
            if day in days and start <= minute < end:
                return True
        elif (day in days and minute >= start) or ((day - 1) % 7 in days and minute < end):
            return True  # a range past midnight: its evening, or the next morning
    return False


def next_staffed(hours: StaffedHours, now: datetime) -> datetime | None:
    """The first range start after ``now``, as a local time (a start that falls in a
    spring-forward gap moves to the first minute that exists)."""
    zone = ZoneInfo(hours.timezone)
    now = _aware(now)
    today = now.astimezone(zone).date()
    openings = []
    for days, start, _end in (parse_weekly(text) for text in hours.weekly):
        for ahead in range(8):
            day = today + timedelta(days=ahead)
            if day.weekday() not in days:
                continue
            naive = datetime.combine(day, time(start // 60, start % 60))
            # Through UTC and back: a wall time the clocks skip becomes one that exists.
            opening = naive.replace(tzinfo=zone).astimezone(UTC).astimezone(zone)
            if opening > now:
                openings.append(opening)
                break
    return min(openings, default=None)


def _when(opening: datetime, now: datetime) -> str:
    days = (opening.date() - _aware(now).astimezone(opening.tzinfo).date()).days
    day = "today" if days == 0 else "tomorrow" if days == 1 else _DAY_NAMES[opening.weekday()]
    return f"{day} at {opening:%H:%M}"


def _aware(now: datetime) -> datetime:
    # A naive time is read as UTC, like every time the service keeps.
    return now if now.tzinfo is not None else now.replace(tzinfo=UTC)
