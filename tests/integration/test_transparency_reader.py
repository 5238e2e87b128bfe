"""What the transparency report reads besides the metric rows (store/transparency_reader.py):
the latest audit of each kind, summarised without group figures, targets or signers; and
when the policy in force was first loaded."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert

from trustdesk.composition import System
from trustdesk.store.tables import audit_runs
from trustdesk.store.transparency_reader import SqlPublicRecords

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def _store(system: System, kind: str, finished: datetime, result: dict[str, object]) -> None:
    with system.engine.begin() as conn:
        conn.execute(
            insert(audit_runs).values(
                id=str(uuid.uuid4()),
                kind=kind,
                trigger="manual",
                started_at=finished - timedelta(minutes=1),
                finished_at=finished,
                period_start=T0 - timedelta(days=30),
                period_end=T0,
                policy_version=system.policy.version,
                findings=len(result.get("findings", [])),  # type: ignore[arg-type]
                worst_severity="medium" if result.get("findings") else None,
                result=json.dumps(result),
                signed_off_by="ann.supervisor" if kind == "outcomes" else None,
                signed_off_at=finished + timedelta(days=1) if kind == "outcomes" else None,
            )
        )


def test_no_audit_and_no_policy_record_read_as_none(system: System) -> None:
    records = SqlPublicRecords(system.engine)
    assert list(records.latest_audits()) == []
    assert records.policy_in_force_since(system.policy.version) is None


def test_the_latest_audit_of_each_kind_is_summarised(system: System) -> None:
    _store(system, "outcomes", T0, {"by": ["age_band"], "conversations": 10, "findings": []})
    _store(
        system,
        "outcomes",
        T0 + timedelta(days=7),
        {
            "by": ["language", "age_band", "Robert'); DROP"],
            "conversations": 1234,
            "findings": [{"severity": "medium", "group": "65+"}],
        },
    )
    _store(
        system,
        "probe",
        T0 + timedelta(days=2),
        {"target": "http://internal.example:8000", "comparisons": [{"family": "name_gender"}]},
    )
    found = SqlPublicRecords(system.engine).latest_audits()
    assert [(a.kind, a.finished_at) for a in found] == [
        ("outcomes", T0 + timedelta(days=7)),
        ("probe", T0 + timedelta(days=2)),
    ]
    outcome, probe = found
    assert outcome.compared_by == ("age_band", "language")  # names only
    assert outcome.conversations == 1234 and outcome.findings == 1
    assert outcome.worst_severity == "medium"
    assert outcome.reviewed_at == T0 + timedelta(days=8)
    assert outcome.policy_version == system.policy.version
    assert probe.compared_by == ("name_gender",) and probe.reviewed_at is None
    assert "internal.example" not in repr(found) and "ann.supervisor" not in repr(found)


def test_the_policy_is_in_force_since_it_was_first_loaded(system: System) -> None:
    before = datetime.now(UTC)
    system.start_background()  # records policy_loaded in the ledger
    system.close()
    since = SqlPublicRecords(system.engine).policy_in_force_since(system.policy.version)
    assert since is not None and before - timedelta(seconds=1) <= since <= datetime.now(UTC)
    assert SqlPublicRecords(system.engine).policy_in_force_since("sha256:other") is None
