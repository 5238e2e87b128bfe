"""The figures of the public transparency report (docs/transparency.md), and their cache.

Every figure is one of the published definitions (``definitions.py``) over the conversations
started in the period; nothing here counts anything itself. What is kept is aggregate only:
the disclosure check's list of exceptions (conversation ids) is dropped here, so no id can
reach the public page. The store side is reached through two small protocols, so this module
touches no database.

The page is public, so the figures are computed at most once per ``max_age``
(:class:`TransparencyFigures.cached`): a stranger reloading it cannot make the server read
the period's conversations on every request.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from trustdesk.monitor.definitions import (
    Durations,
    FirstReply,
    Handoffs,
    Rate,
    Ratings,
    Resolution,
    ai_resolution,
    disclosure_compliance,
    engaged,
    handoff_rates,
    ratings,
    time_to_first_reply,
    time_to_person,
)
from trustdesk.monitor.records import MetricSource

DEFAULT_PERIOD_DAYS = 30
DEFAULT_MAX_AGE = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class AuditSummary:
    """One stored fairness audit, as much as the public may see: when, over what, how many
    findings and how severe. No group figures (the stored result has them, already with
    small groups suppressed; the public page shows only the summary)."""

    kind: str  # outcomes | probe
    finished_at: datetime
    period_start: datetime | None
    period_end: datetime | None
    findings: int
    worst_severity: str | None
    policy_version: str
    reviewed_at: datetime | None  # signed off by a person; who is never published
    compared_by: tuple[str, ...] = ()  # attribute or cue-family names, e.g. "age_band"
    conversations: int | None = None


@dataclass(frozen=True, slots=True)
class ServiceFigures:
    """The definitions' results for one period; aggregates only."""

    since: datetime
    until: datetime
    engaged: int
    resolution: Resolution
    handoffs: Handoffs
    first_reply: FirstReply
    to_person: Durations
    ratings: Ratings
    disclosure: Rate


@dataclass(frozen=True, slots=True)
class PublicFigures:
    """Everything the transparency report shows that is read from the store."""

    computed_at: datetime
    period_days: int
    service: ServiceFigures
    audits: tuple[AuditSummary, ...]  # the latest of each kind, newest first
    policy_since: datetime | None  # when this policy version was first loaded (the ledger)


class MetricsLoader(Protocol):
    def load(self, since: datetime | None = None, until: datetime | None = None) -> MetricSource:
        """The rows of the conversations started in ``[since, until)``."""
        ...


class PublicRecords(Protocol):
    def latest_audits(self) -> Sequence[AuditSummary]:
        """The latest stored audit of each kind, newest first."""
        ...

    def policy_in_force_since(self, version: str) -> datetime | None:
        """When a process first loaded policy ``version``, from the decision ledger."""
        ...


def service_figures(
    source: MetricSource,
    since: datetime,
    until: datetime,
    disclosures: Collection[str] | None = None,
) -> ServiceFigures:
    """The published definitions over ``source`` (the conversations started in the period)."""
    return ServiceFigures(
        since=since,
        until=until,
        engaged=len(engaged(source)),
        resolution=ai_resolution(source, until),
        handoffs=handoff_rates(source),
        first_reply=time_to_first_reply(source),
        to_person=time_to_person(source),
        ratings=ratings(source),
        # Only the rate: the exceptions are conversation ids, for the incident, never public.
        disclosure=disclosure_compliance(source, disclosures).rate,
    )


def _now() -> datetime:
    return datetime.now(UTC)


class TransparencyFigures:
    """Computes the public figures, and keeps the page's copy for ``max_age``."""

    def __init__(
        self,
        metrics: MetricsLoader,
        records: PublicRecords,
        *,
        policy_version: str,
        disclosures: Collection[str] | None = None,
        period_days: int = DEFAULT_PERIOD_DAYS,
        max_age: timedelta = DEFAULT_MAX_AGE,
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self.metrics = metrics
        self.records = records
        self.policy_version = policy_version
        self.disclosures = frozenset(disclosures) if disclosures is not None else None
        self.period_days = period_days
        self.max_age = max_age
        self.clock = clock
        self._lock = threading.Lock()
        self._cached: PublicFigures | None = None

    def compute(
        self, period_days: int | None = None, as_of: datetime | None = None
    ) -> PublicFigures:
        """The figures for the ``period_days`` before ``as_of`` (default: now), read now."""
        days = period_days or self.period_days
        until = as_of or self.clock()
        since = until - timedelta(days=days)
        source = self.metrics.load(since, until)
        return PublicFigures(
            computed_at=until,
            period_days=days,
            service=service_figures(source, since, until, self.disclosures),
            audits=tuple(self.records.latest_audits()),
            policy_since=self.records.policy_in_force_since(self.policy_version),
        )

    def cached(self) -> PublicFigures:
        """The figures of the default period, recomputed at most once per ``max_age``; requests
        that arrive while they are being computed wait for that computation."""
        found = self._cached
        if found is not None and self.clock() - found.computed_at < self.max_age:
            return found
        with self._lock:
            found = self._cached
            if found is None or self.clock() - found.computed_at >= self.max_age:
                found = self._cached = self.compute()
            return found
