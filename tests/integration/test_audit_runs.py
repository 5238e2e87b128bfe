"""Stored audits on a real database (SQLite, and PostgreSQL when configured): storing,
listing, sign-off once with its ledger entry (and the chain still verifying), a scheduled run
stored once when two schedulers race, and findings opening one incident each."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, text

from tests.unit.test_audit_findings import FAIRNESS, table
from tests.unit.test_audit_findings import audit as outcome_audit_of
from trustdesk.audit.follow_up import record_finding_incidents
from trustdesk.audit.schedule import ScheduledAudits
from trustdesk.cli.main import main
from trustdesk.composition import System, audit_incident_opener
from trustdesk.errors import ConflictError
from trustdesk.policy.fairness import AuditCadence, AuditSchedule
from trustdesk.reports.fairness import render_outcome_audit_json
from trustdesk.settings import Settings
from trustdesk.web.scheduler import audit_lock, audits_once

FLAGGED = {"en": (200, 0.2), "de": (200, 0.55), "fr": (200, 0.22)}
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def _document() -> str:
    return render_outcome_audit_json(outcome_audit_of(table(FLAGGED), FAIRNESS, ("language",)))


def test_a_run_is_stored_listed_and_signed_off_once_in_the_ledger(system: System) -> None:
    document = _document()
    run = system.audits.record(
        "outcomes",
        "manual",
        document,
        started_at=T0,
        policy_version=system.policy.version,
        period_start=T0,
        period_end=T0,
    )
    probe = system.audits.record(
        "probe", "manual", '{"findings": []}', started_at=T0, policy_version="sha256:x"
    )
    stored = system.audits.get(run.id)
    assert stored.result == document and stored.digest == run.digest
    assert stored.policy_version == system.policy.version  # "sha256:" + 64 in a 64 column
    assert stored.period_start == T0 and stored.findings == run.findings > 0
    listed = system.audits.runs()
    assert {r.id for r in listed} == {run.id, probe.id}
    assert all(r.result is None for r in listed)
    assert [r.id for r in system.audits.runs("probe")] == [probe.id]

    signed = system.audits.sign_off(run.id, "sam", "reviewed; actions agreed", actor="staff:sam")
    with pytest.raises(ConflictError, match="already signed off by sam"):
        system.audits.sign_off(run.id, "kim", "again", actor="staff:kim")
    again = system.audits.get(run.id)
    assert (again.signed_off_by, again.sign_off_note) == ("sam", "reviewed; actions agreed")
    assert again.signed_off_at == signed.signed_off_at

    system.sealer.flush()
    entries = system.ledger.entries()
    stored_entries = [json.loads(e.details) for e in entries if e.kind == "audit_run_stored"]
    assert {d["run_id"]: d["sha256"] for d in stored_entries}[run.id] == run.digest
    [signoff] = [e for e in entries if e.kind == "audit_signed_off"]
    details = json.loads(signoff.details)
    assert signoff.actor == "staff:sam" and details["sha256"] == run.digest
    assert details["signed_off_by"] == "sam" and "reviewed" not in signoff.details
    result = system.ledger.verify(system.ledger_signer.public_key)
    assert result.ok, result.summary()


def test_a_due_scheduled_run_is_stored_once_when_two_schedulers_race(system: System) -> None:
    schedule = AuditSchedule(outcomes=AuditCadence(every_days=7, window_days=30))

    def slow(since: datetime, until: datetime) -> str:
        time.sleep(0.3)  # both schedulers are inside their round at the same time
        return render_outcome_audit_json(system.outcome_audit(since, until))

    barrier = threading.Barrier(2)
    ran: list[bool] = []

    def scheduler() -> None:
        scheduled = ScheduledAudits(system.audits, schedule, slow, system.policy.version)
        lock = audit_lock(system.engine)  # each its own connection or file descriptor
        barrier.wait()
        ran.append(audits_once(scheduled.run_due, lock))

    threads = [threading.Thread(target=scheduler) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    runs = system.audits.runs("outcomes")
    assert len(runs) == 1 and runs[0].trigger == "schedule"
    assert True in ran
    # Later rounds find it recent: nothing is due until the cadence has passed.
    later = ScheduledAudits(system.audits, schedule, slow, system.policy.version)
    assert later.due() == [] and later.run_due() == []
    assert len(system.audits.runs("outcomes")) == 1


def test_findings_open_one_incident_each_while_it_is_open(system: System) -> None:
    run = system.audits.record(
        "outcomes", "manual", _document(), started_at=T0, policy_version="sha256:v"
    )
    opener = audit_incident_opener(system)
    assert opener is not None
    assert record_finding_incidents(run, opener, "medium") == run.findings > 0
    assert record_finding_incidents(run, opener, "medium") == 0
    incidents = [i for i in system.incidents.list("all") if i.source == "audit"]
    assert len(incidents) == run.findings
    assert all(i.subject and i.subject.startswith("Outcome audit: ") for i in incidents)
    assert all(i.conversation_id is None and i.category == "unfair" for i in incidents)


def test_the_cli_stores_lists_shows_and_signs_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("TRUSTDESK_DATABASE_URL", url)
    monkeypatch.setenv("TRUSTDESK_KEY_FILE", str(tmp_path / "key"))
    monkeypatch.delenv("TRUSTDESK_MASTER_KEY", raising=False)
    monkeypatch.delenv("TRUSTDESK_POLICY_FILE", raising=False)
    runner = CliRunner()
    html, data = tmp_path / "report.html", tmp_path / "findings.json"
    stored = runner.invoke(
        main, ["audit", "outcomes", "--store", "--out", str(html), "--json", str(data)]
    )
    assert stored.exit_code == 0, stored.output
    run_id = stored.output.split("stored: ")[1].split()[0]
    digest = hashlib.sha256(data.read_bytes()).hexdigest()
    assert digest in stored.output and "<h2>History</h2>" in html.read_text(encoding="utf-8")

    listed = runner.invoke(main, ["audit", "history", "--out", str(tmp_path / "trend.html")])
    assert listed.exit_code == 0 and run_id in listed.output and "not signed off" in listed.output
    assert (tmp_path / "trend.html").read_text(encoding="utf-8").startswith("<!doctype html>")

    again = tmp_path / "again.html"
    shown = runner.invoke(main, ["audit", "show", run_id, "--out", str(again)])
    assert shown.exit_code == 0 and json.loads(shown.output)["sha256"] == digest
    assert run_id in again.read_text(encoding="utf-8")

    args = ["audit", "signoff", run_id, "--by", "Dana Ops", "--note", "reviewed"]
    assert runner.invoke(main, args).exit_code == 0
    twice = runner.invoke(main, args)
    assert twice.exit_code == 1 and "already signed off by Dana Ops" in twice.output
    missing = runner.invoke(main, ["audit", "show", "00000000-0000-0000-0000-000000000000"])
    assert missing.exit_code == 1 and "not found" in missing.output


def _policy_scheduling_probes(tmp_path: Path, **probes: object) -> Path:
    import yaml

    from trustdesk.policy.loader import bundled_policy_path

    document = yaml.safe_load(bundled_policy_path().read_text(encoding="utf-8"))
    fairness = document.setdefault("fairness", {})
    fairness["schedule"] = {"probes": {"every_days": 30, **probes}}
    path = tmp_path / "policy.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return path


def test_the_server_probes_its_own_assistant_on_schedule_and_stores_the_run(
    engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    from trustdesk.composition import build_system

    policy = _policy_scheduling_probes(tmp_path, target="embedded", scenarios=2)
    system = build_system(settings, policy, engine=engine)
    try:
        scheduled = system.scheduled_audits
        assert scheduled.enabled and scheduled.due() == ["probe"]
        assert audits_once(scheduled.run_due, audit_lock(system.engine))
        [listed] = system.audits.runs("probe")
        run = system.audits.get(listed.id)
        assert run.trigger == "schedule" and run.suite_version
        document = run.document()
        assert document["target"] == "embedded (backend retrieval)"
        assert document["sample"]["scenarios"] == 2 and document["sample"]["replies"] > 0
        assert scheduled.due() == []  # not again for 30 days
        system.sealer.flush()
        [entry] = [e for e in system.ledger.entries() if e.kind == "audit_run_stored"]
        assert entry.actor == "system" and json.loads(entry.details)["sha256"] == run.digest
        # A probe writes no conversation: only the stored run.
        with system.engine.connect() as conn:
            assert conn.execute(text("SELECT COUNT(*) FROM conversations")).scalar() == 0
    finally:
        system.close()


def test_a_scheduled_probe_of_an_unknown_suite_stops_the_start(
    settings: Settings, tmp_path: Path
) -> None:
    from trustdesk.errors import InputError
    from trustdesk.web.server import prepare

    policy = _policy_scheduling_probes(tmp_path, suite="no-such-suite")
    from trustdesk.assistant.knowledge import bundled_kb_path

    with pytest.raises(InputError, match="unknown probe suite"):
        prepare(settings, policy, bundled_kb_path())
