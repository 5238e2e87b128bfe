"""What the dashboard shows (docs/metrics.md#dashboard), as the published definitions give it.

:func:`dashboard` computes every chart from a :class:`MetricSource` with the definitions of
``definitions.py`` and ``questions.py`` — the reference. The dashboard itself answers from the
per-conversation rollup (``store/dashboard_queries.py``), which must give the same
:class:`Dashboard` on the same conversations (``tests/integration/test_dashboard_queries.py``).
Workload is in aggregate only: nothing here is by person.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any

from trustdesk.monitor import definitions as d
from trustdesk.monitor.questions import UnansweredQuestions, unanswered_questions
from trustdesk.monitor.records import IncidentRow, MetricSource

#: The charts, in the order the page shows them; each is one query of the fast path.
CHARTS = (
    "volume",
    "resolution",
    "handoffs",
    "response_times",
    "ratings",
    "disclosure",
    "safety",
    "questions",
    "incidents",
)
#: Disclosure exceptions listed by id at most (the rate counts them all).
MAX_EXCEPTIONS = 50


@dataclass(frozen=True, slots=True)
class DayCounts:
    """Engaged conversations started on one UTC day, as the workload definition counts them."""

    day: str
    engaged: int
    ai_only: int
    handed_off: int
    with_person: int


@dataclass(frozen=True, slots=True)
class Volume:
    days: tuple[DayCounts, ...]  # days with at least one engaged conversation, oldest first
    workload: d.Workload


@dataclass(frozen=True, slots=True)
class ResolutionChart:
    resolution: d.Resolution
    stayed: d.Rate


@dataclass(frozen=True, slots=True)
class ResponseTimes:
    first_reply: d.FirstReply
    to_person: d.Durations


@dataclass(frozen=True, slots=True)
class Safety:
    personal_data: d.PersonalData
    declines: d.Declines
    guard_failures: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class OpenIncidents:
    open: int
    by_status: Mapping[str, int]  # the open ones by status


@dataclass(frozen=True, slots=True)
class Dashboard:
    volume: Volume
    resolution: ResolutionChart
    handoffs: d.Handoffs
    response_times: ResponseTimes
    ratings: d.Ratings
    disclosure: d.Compliance  # exceptions: the first MAX_EXCEPTIONS ids
    safety: Safety
    questions: UnansweredQuestions
    incidents: OpenIncidents


def by_day(source: MetricSource) -> dict[str, MetricSource]:
    """``source`` split by the UTC day each conversation started."""
    day_of = {r.id: r.created_at.astimezone(UTC).date().isoformat() for r in source.conversations}
    parts: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for r in source.conversations:
        parts[day_of[r.id]]["conversations"].append(r)
    for name in ("messages", "decisions", "handoffs", "feedback"):
        for item in getattr(source, name):
            day = day_of.get(item.conversation_id)
            if day is not None:
                parts[day][name].append(item)
    return {day: MetricSource(**found) for day, found in sorted(parts.items())}


def volume(source: MetricSource) -> Volume:
    days = []
    for day, part in by_day(source).items():
        work = d.workload(part)
        if work.engaged:
            days.append(
                DayCounts(day, work.engaged, work.ai_only, work.handed_off, work.with_person)
            )
    return Volume(tuple(days), d.workload(source))


def open_incident_counts(incidents: Collection[IncidentRow]) -> OpenIncidents:
    statuses = Counter(i.status for i in incidents if i.status not in d.CLOSED_INCIDENT)
    total = d.open_incidents(incidents)
    return OpenIncidents(total, MappingProxyType(dict(sorted(statuses.items()))))


def chart(
    name: str,
    source: MetricSource,
    as_of: datetime,
    disclosures: Collection[str] | None = None,
) -> Any:
    """One chart of :data:`CHARTS`, from the definitions."""
    if name == "volume":
        return volume(source)
    if name == "resolution":
        return ResolutionChart(d.ai_resolution(source, as_of), d.stayed_resolved(source, as_of))
    if name == "handoffs":
        return d.handoff_rates(source)
    if name == "response_times":
        return ResponseTimes(d.time_to_first_reply(source), d.time_to_person(source))
    if name == "ratings":
        return d.ratings(source)
    if name == "disclosure":
        found = d.disclosure_compliance(source, disclosures)
        return d.Compliance(found.rate, found.exceptions[:MAX_EXCEPTIONS])
    if name == "safety":
        return Safety(
            d.personal_data_detections(source),
            d.assistant_declines(source),
            d.guard_failures(source),
        )
    if name == "questions":
        return unanswered_questions(source)
    if name == "incidents":
        return open_incident_counts(source.incidents)
    raise ValueError(f"no chart named {name!r}")


def dashboard(
    source: MetricSource, as_of: datetime, disclosures: Collection[str] | None = None
) -> Dashboard:
    """Every chart, from the definitions (the reference the fast path is checked against)."""
    return Dashboard(**{name: chart(name, source, as_of, disclosures) for name in CHARTS})


def to_json(value: Any) -> Any:
    """A chart (or the whole dashboard) as JSON values; every rate with its numerator and
    denominator, and ``value`` null when there is nothing to divide."""
    if isinstance(value, d.Rate):
        return {
            "numerator": value.numerator,
            "denominator": value.denominator,
            "value": value.value,
        }
    if isinstance(value, d.Resolution):
        fields = {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {**fields, "confirmed_of_answered": to_json(value.confirmed_of_answered)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [to_json(v) for v in value]
    return value
