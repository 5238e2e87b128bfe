"""Scheduled audits: the policy sets a cadence, the server runs what is due and stores it
(docs/fairness.md, "Scheduled audits").

An audit kind is *due* when no scheduled run of it started within ``every_days``. The caller
holds a lock every server process sees while it calls :meth:`ScheduledAudits.run_due`, which
checks again under that lock, so two processes never store the same due run twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from trustdesk.audit.follow_up import IncidentOpener, record_finding_incidents
from trustdesk.audit.history import AuditHistory, AuditRun
from trustdesk.policy.fairness import AuditSchedule

log = logging.getLogger(__name__)

#: Runs the outcome audit over conversations started in [since, until): its JSON text.
OutcomeRunner = Callable[[datetime, datetime], str]
#: Runs the scheduled probe audit: its JSON text and the suite's version.
ProbeRunner = Callable[[], tuple[str, str]]


def _now() -> datetime:
    return datetime.now(UTC)


def is_due(last_started: datetime | None, now: datetime, every_days: int) -> bool:
    """Whether a run is due: none yet, or the last one started ``every_days`` ago or more."""
    return last_started is None or now - last_started >= timedelta(days=every_days)


class ScheduledAudits:
    """Runs the audits the policy schedules when they are due, stores them (trigger
    ``schedule``, actor ``system``) and opens incidents for their findings.

    Each kind runs on its own: a probe audit whose target cannot be reached is logged (by its
    error class) and tried again at the next check, and does not hold back the outcome audit.
    """

    def __init__(
        self,
        history: AuditHistory,
        schedule: AuditSchedule | None,
        run_outcomes: OutcomeRunner,
        policy_version: str,
        open_incident: IncidentOpener | None = None,
        clock: Callable[[], datetime] = _now,
        run_probes: ProbeRunner | None = None,
    ) -> None:
        self.history = history
        self.schedule = schedule
        self.run_outcomes = run_outcomes
        self.run_probes = run_probes
        self.policy_version = policy_version
        self.open_incident = open_incident
        self.clock = clock

    @property
    def enabled(self) -> bool:
        return self.schedule is not None and (
            self.schedule.outcomes is not None
            or (self.schedule.probes is not None and self.run_probes is not None)
        )

    def due(self, now: datetime | None = None) -> list[str]:
        """The kinds of audit due now (``outcomes``, ``probe``)."""
        if self.schedule is None:
            return []
        now = now or self.clock()
        kinds = []
        outcomes = self.schedule.outcomes
        if outcomes is not None:
            last = self.history.store.last_started("outcomes", "schedule")
            if is_due(last, now, outcomes.every_days):
                kinds.append("outcomes")
        probes = self.schedule.probes
        if probes is not None and self.run_probes is not None:
            last = self.history.store.last_started("probe", "schedule")
            if is_due(last, now, probes.every_days):
                kinds.append("probe")
        return kinds

    def run_due(self) -> list[AuditRun]:
        """Run and store every audit due now (call it under the scheduler's lock)."""
        now = self.clock()
        stored: list[AuditRun] = []
        due = self.due(now)
        if "outcomes" in due:
            assert self.schedule is not None and self.schedule.outcomes is not None
            since = now - timedelta(days=self.schedule.outcomes.window_days)
            result = self.run_outcomes(since, now)
            run = self.history.record(
                "outcomes",
                "schedule",
                result,
                started_at=now,
                policy_version=self.policy_version,
                period_start=since,
                period_end=now,
                actor="system",
            )
            log.info("scheduled outcome audit stored: %s (%d findings)", run.id, run.findings)
            stored.append(run)
        if "probe" in due:
            assert self.run_probes is not None
            try:
                document, suite_version = self.run_probes()
            except Exception as exc:  # an unreachable target: try again at the next check
                log.error("scheduled probe audit failed: %s", exc.__class__.__name__)
            else:
                run = self.history.record(
                    "probe",
                    "schedule",
                    document,
                    started_at=now,
                    policy_version=self.policy_version,
                    suite_version=suite_version,
                    actor="system",
                )
                log.info("scheduled probe audit stored: %s (%d findings)", run.id, run.findings)
                stored.append(run)
        if self.open_incident is not None and self.schedule is not None:
            for run in stored:
                record_finding_incidents(run, self.open_incident, self.schedule.incidents_from)
        return stored
