"""Stored audits over HTTP: the list, one run, its report, and a sign-off that happens once
and lands in the ledger."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx

from tests.unit.test_audit_findings import FAIRNESS, table
from tests.unit.test_audit_findings import audit as outcome_audit_of
from trustdesk.composition import System
from trustdesk.reports.fairness import render_outcome_audit_json

FLAGGED = {"en": (200, 0.2), "de": (200, 0.55), "fr": (200, 0.22)}


def test_staff_read_a_stored_run_and_sign_it_off_once(system: System, client: httpx.Client) -> None:
    document = render_outcome_audit_json(outcome_audit_of(table(FLAGGED), FAIRNESS, ("language",)))
    run = system.audits.record(
        "outcomes",
        "manual",
        document,
        started_at=datetime.now(UTC),
        policy_version=system.policy.version,
    )
    sam = {"Authorization": f"Bearer {system.agents.add_staff('sam', 'supervisor')}"}
    audra = {"Authorization": f"Bearer {system.agents.add_staff('audra', 'auditor')}"}

    listed = client.get("/api/v1/audits", headers=audra, params={"kind": "outcomes"})
    assert listed.status_code == 200
    [summary] = listed.json()["runs"]
    assert summary["id"] == run.id and summary["findings"] == run.findings
    assert "result" not in summary

    one = client.get(f"/api/v1/audits/{run.id}", headers=audra).json()
    assert one["sha256"] == run.digest and one["result"]["kind"] == "outcome_audit"

    report = client.get(f"/api/v1/audits/{run.id}/report", headers=audra)
    assert report.status_code == 200 and report.headers["content-type"].startswith("text/html")
    assert "<h2>History</h2>" in report.text and run.digest in report.text
    # Its inline styles are allowed, and nothing else: no script, no framing.
    assert report.headers.get_list("content-security-policy") == [
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'"
    ]

    refused = client.post(f"/api/v1/audits/{run.id}/sign-off", headers=audra, json={"note": "ok"})
    assert refused.status_code == 403
    empty = client.post(f"/api/v1/audits/{run.id}/sign-off", headers=sam, json={"note": ""})
    assert empty.status_code == 422

    signed = client.post(
        f"/api/v1/audits/{run.id}/sign-off", headers=sam, json={"note": "reviewed with ops"}
    )
    assert signed.status_code == 200, signed.text
    assert signed.json()["signed_off_by"] == "sam"
    twice = client.post(f"/api/v1/audits/{run.id}/sign-off", headers=sam, json={"note": "again"})
    assert twice.status_code == 409 and "already signed off by sam" in twice.text

    missing = client.get("/api/v1/audits/00000000-0000-0000-0000-000000000000", headers=audra)
    assert missing.status_code == 404

    system.sealer.flush()
    kinds = [(e.kind, e.actor) for e in system.ledger.entries()]
    assert ("audit_signed_off", "staff:sam") in kinds and ("audit_run_stored", "cli") in kinds
