"""Stored audits without a database: storing with a digest, sign-off once, scheduled runs
becoming due, findings as incidents, trends, and stored results rendering as they were."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import pytest

from tests.unit.test_audit_findings import FAIRNESS, table
from tests.unit.test_audit_findings import audit as outcome_audit_of
from trustdesk.audit.follow_up import finding_incidents, record_finding_incidents
from trustdesk.audit.history import AuditHistory, AuditRun, worst_severity
from trustdesk.audit.restore import outcome_audit, probe_audit
from trustdesk.audit.schedule import ScheduledAudits, is_due
from trustdesk.audit.trend import trend
from trustdesk.errors import ConflictError, InputError, NotFoundError
from trustdesk.events import AuditRunStored, AuditSignedOff, Event
from trustdesk.ledger.entries import entry_for
from trustdesk.policy.fairness import AuditCadence, AuditSchedule
from trustdesk.reports.fairness import (
    render_outcome_audit_html,
    render_outcome_audit_json,
    render_probe_audit_html,
    render_probe_audit_json,
    render_trend_html,
)

T = TypeVar("T")
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
FLAGGED = {"en": (200, 0.2), "de": (200, 0.55), "fr": (200, 0.22)}
EVEN = {"en": (200, 0.2), "de": (200, 0.21), "fr": (200, 0.2)}


class FakeTx:
    def __init__(self) -> None:
        self.events: list[Event] = []

    def emit(self, event: Event) -> None:
        self.events.append(event)


class FakeUow:
    def __init__(self) -> None:
        self.published: list[Event] = []

    def run(self, work: Callable[[Any], T]) -> T:
        tx = FakeTx()
        result = work(tx)
        self.published.extend(tx.events)
        return result


class FakeStore:
    def __init__(self) -> None:
        self.rows: dict[str, AuditRun] = {}

    def add(self, tx: Any, run: AuditRun) -> None:
        self.rows[run.id] = run

    def sign_off(self, tx: Any, run_id: str, by: str, at: datetime, note: str) -> bool:
        run = self.rows[run_id]
        if run.signed_off_by is not None:
            return False
        self.rows[run_id] = replace(run, signed_off_by=by, signed_off_at=at, sign_off_note=note)
        return True

    def get(self, run_id: str) -> AuditRun | None:
        return self.rows.get(run_id)

    def runs(
        self,
        kind: str | None = None,
        limit: int = 100,
        *,
        with_result: bool = False,
        trigger: str | None = None,
    ) -> list[AuditRun]:
        rows = [
            r if with_result else replace(r, result=None)
            for r in self.rows.values()
            if (kind is None or r.kind == kind) and (trigger is None or r.trigger == trigger)
        ]
        return sorted(rows, key=lambda r: r.started_at, reverse=True)[:limit]

    def last_started(self, kind: str, trigger: str | None = None) -> datetime | None:
        runs = self.runs(kind, trigger=trigger)
        return runs[0].started_at if runs else None


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _history(clock: Clock | None = None) -> tuple[AuditHistory, FakeStore, FakeUow]:
    store, uow = FakeStore(), FakeUow()
    return AuditHistory(store, uow, clock or Clock(T0)), store, uow


def _document(groups: dict[str, tuple[int, float]] = FLAGGED) -> str:
    return render_outcome_audit_json(outcome_audit_of(table(groups), FAIRNESS, ("language",)))


def test_a_stored_run_is_a_ledger_entry_with_the_sha256_of_the_exact_json() -> None:
    history, store, uow = _history()
    document = _document()
    run = history.record("outcomes", "manual", document, started_at=T0, policy_version="sha256:v")
    assert store.rows[run.id].result == document
    assert run.findings == len(json.loads(document)["findings"]) > 0
    assert run.worst_severity == "high"
    [event] = uow.published
    assert isinstance(event, AuditRunStored)
    assert event.digest == hashlib.sha256(document.encode()).hexdigest() == run.digest
    entry = entry_for(event)
    assert entry is not None and entry.kind == "audit_run_stored" and entry.actor == "cli"
    assert json.loads(entry.details)["sha256"] == run.digest


def test_a_run_is_signed_off_once_and_the_second_attempt_names_the_first() -> None:
    history, _, uow = _history()
    run = history.record("outcomes", "manual", _document(), started_at=T0, policy_version="v")
    signed = history.sign_off(run.id, "sam", "  reviewed with the team  ", actor="staff:sam")
    assert signed.signed_off_by == "sam" and signed.sign_off_note == "reviewed with the team"
    event = uow.published[-1]
    assert isinstance(event, AuditSignedOff) and event.digest == run.digest
    assert event.note_digest == hashlib.sha256(b"reviewed with the team").hexdigest()
    entry = entry_for(event)
    assert entry is not None and entry.kind == "audit_signed_off"
    assert "reviewed" not in entry.details  # the note's digest only
    with pytest.raises(ConflictError, match="already signed off by sam"):
        history.sign_off(run.id, "kim", "me too", actor="staff:kim")
    assert len(uow.published) == 2


def test_a_sign_off_lost_to_a_concurrent_one_is_a_conflict() -> None:
    history, store, _ = _history()
    run = history.record("outcomes", "manual", _document(), started_at=T0, policy_version="v")
    original = store.get

    def stale(run_id: str) -> AuditRun | None:  # reads before the other sign-off landed
        found = original(run_id)
        return None if found is None else replace(found, signed_off_by=None)

    store.sign_off(FakeTx(), run.id, "kim", T0, "first")
    store.get = stale  # type: ignore[method-assign]
    with pytest.raises(ConflictError):
        history.sign_off(run.id, "sam", "second", actor="cli")


@pytest.mark.parametrize("note", ["", "   ", None, 5, "x" * 2001])
def test_a_sign_off_needs_a_note(note: object) -> None:
    history, _, _ = _history()
    run = history.record("outcomes", "manual", _document(), started_at=T0, policy_version="v")
    with pytest.raises(InputError):
        history.sign_off(run.id, "sam", note, actor="cli")


@pytest.mark.parametrize("run_id", ["nope", "00000000-0000-0000-0000-000000000000", "../x"])
def test_an_unknown_or_malformed_run_is_not_found(run_id: str) -> None:
    history, _, _ = _history()
    with pytest.raises(NotFoundError):
        history.get(run_id)


def test_results_must_be_json_with_findings_and_kinds_are_checked() -> None:
    history, _, _ = _history()
    with pytest.raises(InputError):
        history.record("outcomes", "manual", "not json", started_at=T0, policy_version="v")
    with pytest.raises(InputError):
        history.record("fairness", "manual", _document(), started_at=T0, policy_version="v")
    with pytest.raises(InputError):
        history.record("outcomes", "cron", _document(), started_at=T0, policy_version="v")
    assert worst_severity([{"severity": "medium"}, {"severity": "high"}]) == "high"
    assert worst_severity([]) is None


def test_due_when_no_scheduled_run_is_recent_enough() -> None:
    assert is_due(None, T0, 7)
    assert not is_due(T0 - timedelta(days=6, hours=23), T0, 7)
    assert is_due(T0 - timedelta(days=7), T0, 7)


def _scheduled(
    clock: Clock, opened: list[tuple[str, str]] | None = None
) -> tuple[ScheduledAudits, FakeStore, list[tuple[datetime, datetime]]]:
    history, store, _ = _history(clock)
    periods: list[tuple[datetime, datetime]] = []

    def run(since: datetime, until: datetime) -> str:
        periods.append((since, until))
        return _document()

    def opener(subject: str, key: str, severity: str) -> bool:
        if opened is None:
            return False
        if any(k == key for _, k in opened):
            return False
        opened.append((subject, key))
        return True

    schedule = AuditSchedule(outcomes=AuditCadence(every_days=7, window_days=30))
    return ScheduledAudits(history, schedule, run, "sha256:v", opener, clock), store, periods


def test_a_scheduled_run_is_stored_when_due_and_not_again_until_the_cadence_has_passed() -> None:
    clock = Clock(T0)
    scheduled, store, periods = _scheduled(clock)
    [run] = scheduled.run_due()
    assert (run.trigger, run.kind, run.period_start, run.period_end) == (
        "schedule",
        "outcomes",
        T0 - timedelta(days=30),
        T0,
    )
    assert periods == [(T0 - timedelta(days=30), T0)]
    clock.now = T0 + timedelta(days=3)
    assert scheduled.run_due() == [] and len(store.rows) == 1
    clock.now = T0 + timedelta(days=7)
    assert len(scheduled.run_due()) == 1 and len(store.rows) == 2


def test_manual_runs_do_not_make_the_schedule_wait_and_no_schedule_runs_nothing() -> None:
    clock = Clock(T0)
    scheduled, _, _ = _scheduled(clock)
    scheduled.history.record("outcomes", "manual", _document(), started_at=T0, policy_version="v")
    assert len(scheduled.run_due()) == 1
    off = ScheduledAudits(scheduled.history, None, lambda a, b: _document(), "v")
    assert not off.enabled and off.run_due() == []


def test_findings_of_a_scheduled_run_open_incidents_once_while_open() -> None:
    opened: list[tuple[str, str]] = []
    clock = Clock(T0)
    scheduled, _, _ = _scheduled(clock, opened)
    [run] = scheduled.run_due()
    assert len(opened) == run.findings > 0
    subject, key = opened[0]
    assert subject.startswith("Outcome audit: ") and "language=de" in subject
    assert "impact ratio" in subject and "adj. p" in subject and len(subject) <= 200
    assert key.startswith("audit:outcomes:") and len(key) <= 64
    clock.now = T0 + timedelta(days=7)
    scheduled.run_due()  # the same findings again: their incidents are still open
    assert len(opened) == run.findings


def test_incident_severity_threshold_and_stable_keys() -> None:
    history, _, _ = _history()
    run = history.record("outcomes", "manual", _document(), started_at=T0, policy_version="v")
    severities = [f["severity"] for f in run.document()["findings"]]
    assert len(finding_incidents(run, "medium")) == len(severities)
    assert len(finding_incidents(run, "high")) == severities.count("high")
    assert finding_incidents(run, "off") == []
    again = history.record("outcomes", "manual", _document(), started_at=T0, policy_version="v")
    assert [i.alert_key for i in finding_incidents(run, "medium")] == [
        i.alert_key for i in finding_incidents(again, "medium")
    ]
    assert record_finding_incidents(run, lambda s, k, v: True, "medium") == len(severities)


def test_a_stored_outcome_run_renders_as_the_report_it_was() -> None:
    original = outcome_audit_of(table(FLAGGED), FAIRNESS, ("language",))
    restored = outcome_audit(json.loads(render_outcome_audit_json(original)))
    assert render_outcome_audit_json(restored) == render_outcome_audit_json(original)
    # The JSON keeps six decimals: chart coordinates may move in the fourth, text not at all.
    assert _coarse(render_outcome_audit_html(restored, "Shop")) == _coarse(
        render_outcome_audit_html(original, "Shop")
    )


def _coarse(html: str) -> str:
    return re.sub(r'="(-?\d+\.\d+)"', lambda m: f'="{float(m.group(1)):.2f}"', html)


def test_a_stored_probe_run_renders_as_the_report_it_was() -> None:
    from tests.unit.test_audit_probe_stats import SUITE, WHEN, _alternating, _observations
    from trustdesk.audit.probe import analyse

    original = analyse(_observations(_alternating, 2), SUITE, "t", WHEN, 2)
    restored = probe_audit(json.loads(render_probe_audit_json(original)))
    assert render_probe_audit_json(restored) == render_probe_audit_json(original)
    assert render_probe_audit_html(restored) == render_probe_audit_html(original)


def test_the_trend_follows_flagged_groups_across_runs_with_the_threshold_line() -> None:
    clock = Clock(T0)
    history, _, _ = _history(clock)
    for i, groups in enumerate([EVEN, FLAGGED, EVEN]):
        clock.now = T0 + timedelta(days=7 * i)
        history.record(
            "outcomes", "manual", _document(groups), started_at=clock.now, policy_version="v"
        )
    runs = history.series()
    series = trend(runs)
    de = [s for s in series if s.group == ("de",) and s.metric == "handed_off"]
    assert de and len(de[0].points) == 3
    assert [p.severity is not None for p in de[0].points] == [False, True, False]
    assert de[0].points[1].impact_ratio < 0.8 < de[0].points[0].impact_ratio
    html = render_trend_html(runs, series, "Shop", 0.8)
    assert "<svg" in html and "stroke-dasharray" in html and "language=de" in html
    assert "<script" not in html and "http" not in html.split("<body>")[1]
    report = render_outcome_audit_html(
        outcome_audit(runs[-1].document()), "Shop", run=runs[-1], history=series
    )
    assert "<h2>History</h2>" in report and runs[-1].digest in report


# -- scheduled probe audits ------------------------------------------------------------------


def _planted_probe_document(target: str = "t") -> str:
    """A probe audit of ``target`` with one finding: refusals when a disability is mentioned."""
    from tests.unit.test_audit_probe_stats import SUITE, WHEN, _alternating, _m, _observations
    from trustdesk.audit.decisions import REFUSED
    from trustdesk.audit.probe import analyse

    def decide(family: str, variant: str, i: int, r: int) -> Any:
        if family == "disability" and variant == "disability" and (i + r) % 4 != 0:
            return _m(REFUSED)
        return _alternating(family, variant, i, r)

    return render_probe_audit_json(analyse(_observations(decide), SUITE, target, WHEN, 4))


def _scheduled_probes(
    clock: Clock, probe: Callable[[], tuple[str, str]], opened: list[str] | None = None
) -> tuple[ScheduledAudits, FakeStore]:
    from trustdesk.policy.fairness import ProbeCadence

    history, store, _ = _history(clock)

    def opener(subject: str, key: str, severity: str) -> bool:
        if opened is not None:
            opened.append(subject)
        return True

    schedule = AuditSchedule(
        outcomes=AuditCadence(every_days=7), probes=ProbeCadence(every_days=30)
    )
    scheduled = ScheduledAudits(
        history, schedule, lambda a, b: _document(), "sha256:v", opener, clock, run_probes=probe
    )
    return scheduled, store


def test_a_scheduled_probe_audit_is_stored_with_its_suite_version_on_its_own_cadence() -> None:
    clock = Clock(T0)
    calls: list[datetime] = []

    def probe() -> tuple[str, str]:
        calls.append(clock.now)
        return _planted_probe_document(), "2026.1"

    opened: list[str] = []
    scheduled, _ = _scheduled_probes(clock, probe, opened)
    assert scheduled.enabled and scheduled.due() == ["outcomes", "probe"]
    stored = scheduled.run_due()
    assert [r.kind for r in stored] == ["outcomes", "probe"]
    run = stored[1]
    assert (run.trigger, run.suite_version, run.started_at) == ("schedule", "2026.1", T0)
    assert run.findings >= 1 and run.worst_severity == "high"
    assert any(s.startswith("Probe audit: refused for disability=disability") for s in opened)
    clock.now = T0 + timedelta(days=7)  # the outcome audit is due again, the probe is not
    assert [r.kind for r in scheduled.run_due()] == ["outcomes"] and len(calls) == 1
    clock.now = T0 + timedelta(days=30)
    assert "probe" in [r.kind for r in scheduled.run_due()] and len(calls) == 2


def test_a_probe_target_that_fails_is_tried_again_and_does_not_hold_back_the_outcome_audit(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from trustdesk.audit.targets import TargetError

    clock = Clock(T0)
    answers: list[Any] = [
        TargetError("the target did not answer"),
        (_planted_probe_document(), "1"),
    ]

    def probe() -> tuple[str, str]:
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer  # type: ignore[no-any-return]

    scheduled, store = _scheduled_probes(clock, probe)
    assert [r.kind for r in scheduled.run_due()] == ["outcomes"]
    assert "scheduled probe audit failed: TargetError" in caplog.text
    assert "did not answer" not in caplog.text  # the class, never the message
    clock.now = T0 + timedelta(hours=1)
    assert [r.kind for r in scheduled.run_due()] == ["probe"]
    assert sorted(r.kind for r in store.rows.values()) == ["outcomes", "probe"]


def test_without_a_probe_runner_a_probe_schedule_is_not_run() -> None:
    from trustdesk.policy.fairness import ProbeCadence

    history, _, _ = _history()
    schedule = AuditSchedule(probes=ProbeCadence(every_days=30))
    off = ScheduledAudits(history, schedule, lambda a, b: _document(), "v")
    assert not off.enabled and off.due() == [] and off.run_due() == []


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"target": "openai:http://127.0.0.1:8080/v1"}, "needs its model"),
        ({"target": "ftp://example.test"}, "target"),
        ({"target": "http:not-a-url"}, "target"),
        ({"suite": "../../etc/passwd"}, "suite"),
        ({"api_key_env": "sk-secret-value"}, "api_key_env"),
        ({"api_key_env": "TRUSTDESK_MASTER_KEY"}, "TRUSTDESK_"),  # sent to the target: no
        ({"repeats": 0}, "repeats"),
    ],
)
def test_a_probe_schedule_that_cannot_run_is_refused_in_the_policy(
    fields: dict[str, Any], problem: str
) -> None:
    from pydantic import ValidationError

    from trustdesk.policy.fairness import ProbeCadence

    with pytest.raises(ValidationError, match=problem):
        ProbeCadence(every_days=30, **fields)
    assert ProbeCadence(every_days=30, target="openai:http://127.0.0.1:8080/v1", model="m")


def test_a_stored_probe_run_shows_its_sign_off_and_the_trend_of_its_target() -> None:
    from trustdesk.policy.loader import bundled_policy_path, load_policy
    from trustdesk.reports.audit_runs import render_run_html

    clock = Clock(T0)
    history, _, _ = _history(clock)
    from tests.unit.test_audit_probe_stats import SUITE, WHEN, _alternating, _observations
    from trustdesk.audit.probe import analyse

    even = render_probe_audit_json(analyse(_observations(_alternating), SUITE, "t", WHEN, 4))
    for i, document in enumerate([even, _planted_probe_document(), _planted_probe_document("u")]):
        clock.now = T0 + timedelta(days=30 * i)
        history.record("probe", "schedule", document, started_at=clock.now, policy_version="v")
    runs = history.series("probe")
    latest_of_t = runs[1]
    history.sign_off(latest_of_t.id, "maria", "Reviewed with the support lead.", actor="staff:m")
    signed = history.get(latest_of_t.id)
    policy = load_policy(bundled_policy_path()).policy
    page = render_run_html(history, signed, policy)
    assert signed.digest in page and "Signed off by <strong>maria</strong>" in page
    assert "Reviewed with the support lead." in page
    assert "<h2>History</h2>" in page and "disability=disability" in page
    history_part = page.split("<h2>History</h2>")[1].split("<h2>Method</h2>")[0]
    charts = history_part.count("<svg")
    assert charts >= 1 and history_part.count("<circle") == 2 * charts  # t's two runs each
    assert "2026-04-30" not in history_part  # the run of target u is not in t's trend
    assert "<script" not in page
    unsigned = render_run_html(history, runs[2], policy)
    assert "Not signed off yet." in unsigned
    assert "<h2>History</h2>" in unsigned
