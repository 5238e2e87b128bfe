"""Alerts: one evaluation of the policy's thresholds, opening an incident per crossed one
(docs/metrics.md#alerts).

An alert whose incident is still open (or being investigated) is not evaluated: it does not
repeat. After that incident is closed, the alert counts only conversations started after it
was closed (and only an audit stored after it), so a breach already looked into does not open
a second incident; a new breach does. Opening the incident, its ``incident_opened`` entry and
the alert's ``AlertRaised`` event (ledger ``alert_raised``, webhook ``alert.opened``) are one
transaction, and the incident store lets only one incident per alert key be open even when
two processes evaluate at once. No database, no HTTP: the ports are passed in.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal, Protocol

from trustdesk.events import AlertRaised, Event
from trustdesk.monitor.alert_checks import (
    LatestAudit,
    Reading,
    check_disclosure,
    check_guard_failure_spike,
    check_handoff_rate,
    check_impact_ratio,
    check_pii_spike,
    check_rating_drop,
)
from trustdesk.monitor.records import MetricSource
from trustdesk.policy.alerts import Alerts
from trustdesk.policy.schema import Policy

#: The alerts, by their name in the policy; each incident's alert key is ``alert:<name>``.
ALERT_NAMES = (
    "handoff_rate_above",
    "rating_drop",
    "disclosure_compliance_below",
    "impact_ratio_below",
    "pii_detections_spike",
    "guard_failures_spike",
)
# Alerts compared with the baseline before the window.
_WITH_BASELINE = frozenset({"rating_drop", "pii_detections_spike", "guard_failures_spike"})
MAX_SUBJECT_CHARS = 200

Outcome = Literal["opened", "still_open", "breach", "ok", "too_small", "no_baseline", "no_audit"]


def alert_key(name: str) -> str:
    return f"alert:{name}"


@dataclass(frozen=True, slots=True)
class KeyState:
    """An alert key's incidents: whether one is open, and when the last one was closed."""

    open: bool = False
    last_closed_at: datetime | None = None
    open_incident_id: str | None = None  # the newest open one


class AlertStore(Protocol):
    def alert_state(self, keys: Sequence[str]) -> Mapping[str, KeyState]:
        """The state of each key (keys without incidents may be left out)."""
        ...

    def latest_outcome_audit(self) -> LatestAudit | None:
        """The latest stored outcome audit run; None when none is stored."""
        ...


class MetricLoader(Protocol):
    def load(self, since: datetime | None = None, until: datetime | None = None) -> MetricSource:
        """The conversations started in ``[since, until)`` with their rows."""
        ...


class IncidentOpener(Protocol):
    def __call__(
        self,
        category: str,
        subject: str,
        alert_key: str,
        comment: str | None,
        also: Callable[[str], Sequence[Event]],
    ) -> tuple[str, bool]:
        """Open an incident for ``alert_key`` (or find the one open); its id, and whether it
        was opened now. ``also(incident_id)`` are events written with a new incident."""
        ...


@dataclass(frozen=True, slots=True)
class AlertResult:
    """What one evaluation did about one alert."""

    alert: str
    outcome: Outcome
    reading: Reading | None = None
    incident_id: str | None = None

    def describe(self) -> str:
        if self.outcome == "still_open":
            return f"{self.alert}: its incident {self.incident_id or ''} is still open".strip()
        reading = self.reading
        if reading is None:
            return f"{self.alert}: {self.outcome}"
        if self.outcome == "opened":
            return f"{self.alert}: OPENED incident {self.incident_id}: {reading.subject}"
        if self.outcome == "breach":  # another process opened its incident meanwhile
            return f"{self.alert}: breached; incident {self.incident_id} was already open"
        words = {
            "ok": "within its threshold",
            "too_small": f"sample too small to judge ({reading.sample})",
            "no_baseline": "no baseline to compare with",
            "no_audit": "no outcome audit stored",
        }
        return f"{self.alert}: {words.get(self.outcome, self.outcome)}"


def disclosure_texts(policy: Policy) -> frozenset[str]:
    """The greeting of the policy in every language it has: an opening message must be one."""
    return frozenset(policy.say("greeting", lang) for lang in (None, *policy.translations))


class AlertMonitor:
    """Evaluates the alerts of the policy: :meth:`check` once (the scheduler calls it every
    ``alerts.interval_minutes``; ``trustdesk alerts check`` once)."""

    def __init__(
        self,
        config: Alerts,
        metrics: MetricLoader,
        store: AlertStore,
        open_incident: IncidentOpener,
        disclosures: Collection[str] | None = None,
    ) -> None:
        self.config = config
        self.metrics = metrics
        self.store = store
        self.open_incident = open_incident
        self.disclosures = disclosures

    def check(self, now: datetime) -> list[AlertResult]:
        """Evaluate every enabled alert at ``now``; open an incident for each breach."""
        config = self.config
        if not config.enabled:
            return []
        names = [n for n in ALERT_NAMES if getattr(config, n).enabled]
        states = self.store.alert_state([alert_key(n) for n in names])
        window_start = now - timedelta(hours=config.window_hours)
        baseline_start = window_start - timedelta(days=config.baseline_days)
        loaded: dict[str, MetricSource] = {}

        def source(which: str) -> MetricSource:
            if which not in loaded:
                if which == "window":
                    loaded[which] = self.metrics.load(window_start, now)
                else:
                    loaded[which] = self.metrics.load(baseline_start, window_start)
            return loaded[which]

        results: list[AlertResult] = []
        for name in names:
            state = states.get(alert_key(name), KeyState())
            if state.open:
                results.append(AlertResult(name, "still_open", None, state.open_incident_id))
                continue
            closed = state.last_closed_at
            if name == "impact_ratio_below":
                audit = self.store.latest_outcome_audit()
                if audit is not None and closed is not None and audit.finished_at <= closed:
                    audit = None  # already looked into
                reading = check_impact_ratio(config.impact_ratio_below, audit)
                since = (audit.period_start or audit.finished_at) if audit else now
                results.append(self._act(name, reading, since, now))
                continue
            since = max(window_start, closed) if closed is not None else window_start
            window = started_since(source("window"), since)
            baseline = source("baseline") if name in _WITH_BASELINE else window
            reading = self._read(name, window, baseline)
            results.append(self._act(name, reading, since, now))
        return results

    def _read(self, name: str, window: MetricSource, baseline: MetricSource) -> Reading:
        c, hours = self.config, self.config.window_hours
        if name == "handoff_rate_above":
            return check_handoff_rate(c.handoff_rate_above, window, hours)
        if name == "rating_drop":
            return check_rating_drop(c.rating_drop, window, baseline, hours)
        if name == "disclosure_compliance_below":
            return check_disclosure(c.disclosure_compliance_below, window, hours, self.disclosures)
        if name == "pii_detections_spike":
            return check_pii_spike(c.pii_detections_spike, window, baseline, hours)
        return check_guard_failure_spike(c.guard_failures_spike, window, baseline, hours)

    def _act(self, name: str, reading: Reading, since: datetime, now: datetime) -> AlertResult:
        if not reading.breached:
            return AlertResult(name, reading.state, reading)
        key = alert_key(name)

        def raised(incident_id: str) -> Sequence[Event]:
            return [
                AlertRaised(
                    now,
                    name,
                    key,
                    incident_id,
                    round(reading.measured or 0.0, 6),
                    round(reading.threshold, 6),
                    None if reading.baseline is None else round(reading.baseline, 6),
                    reading.sample,
                    since,
                    now,
                )
            ]

        subject = reading.subject
        if len(subject) > MAX_SUBJECT_CHARS:
            subject = subject[: MAX_SUBJECT_CHARS - 1] + "…"
        incident_id, opened = self.open_incident(
            reading.category, subject, key, reading.comment, raised
        )
        return AlertResult(name, "opened" if opened else "breach", reading, incident_id)


def started_since(source: MetricSource, since: datetime) -> MetricSource:
    """``source`` restricted to the conversations started at or after ``since`` (the period
    rule of docs/metrics.md, applied to rows already read)."""
    kept = [r for r in source.conversations if r.created_at >= since]
    if len(kept) == len(source.conversations):
        return source
    ids = {r.id for r in kept}
    return MetricSource(
        conversations=kept,
        messages=[m for m in source.messages if m.conversation_id in ids],
        decisions=[d for d in source.decisions if d.conversation_id in ids],
        handoffs=[h for h in source.handoffs if h.conversation_id in ids],
        feedback=[f for f in source.feedback if f.conversation_id in ids],
        incidents=source.incidents,
    )
