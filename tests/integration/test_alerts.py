"""Alerts for real (docs/metrics.md#alerts): conversations through the service drive the
handoff rate over its threshold; one evaluation opens one incident, sends one signed
``alert.opened`` webhook to a receiver on 127.0.0.1 and writes one ``alert_raised`` ledger
entry; nothing repeats while the incident is open; a new breach after it is resolved opens a
new one. SQLite and PostgreSQL."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from tests.integration.test_webhooks import SECRET, Receiver
from trustdesk.composition import System, build
from trustdesk.conversation.agents import StaffMember
from trustdesk.policy.alerts import HandoffRateAlert
from trustdesk.policy.loader import bundled_policy_path, load_policy
from trustdesk.settings import Settings
from trustdesk.store.webhook_repository import SqlWebhookStore
from trustdesk.webhooks.signing import verify_signature

SUPERVISOR = StaffMember("sam", "supervisor")
ASK_FOR_PERSON = "I want to talk to a person please"
QUESTION = "How long does delivery take?"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    yield server
    server.stop()


@pytest.fixture
def alerting(engine: Engine, settings: Settings, receiver: Receiver) -> Iterator[System]:
    """The system on the bundled policy with a handoff-rate alert that needs 3 conversations,
    sending only ``alert.opened`` webhooks to the receiver."""
    loaded = load_policy(bundled_policy_path())
    alerts = loaded.policy.alerts.model_copy(
        update={"handoff_rate_above": HandoffRateAlert(threshold=0.5, min_conversations=3)}
    )
    policy = replace(loaded, policy=loaded.policy.model_copy(update={"alerts": alerts}))
    hooked = settings.model_copy(
        update={
            "webhook_urls": (receiver.url,),
            "webhook_secret": SECRET,
            "webhook_allow_http": True,
            "webhook_events": ("alert.opened",),
        }
    )
    system = build(hooked, policy, engine=engine)
    yield system
    system.close()


def converse(system: System, *texts: str) -> list[str]:
    """One conversation per text, each with that one customer message."""
    ids = []
    for said in texts:
        conversation = system.service.start().conversation
        system.service.handle_turn(conversation.id, said)
        ids.append(conversation.id)
    return ids


def ledger(system: System, kind: str) -> list[dict[str, Any]]:
    """The details of every entry of ``kind``, sealed or still in the outbox."""
    with system.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT details FROM ledger_entries WHERE kind = :k "
                "UNION ALL SELECT details FROM ledger_pending WHERE kind = :k"
            ),
            {"k": kind},
        ).all()
    return [json.loads(r[0]) for r in rows]


def test_a_handoff_rate_over_its_threshold_opens_one_incident_sends_one_webhook_once(
    alerting: System, receiver: Receiver
) -> None:
    ids = converse(alerting, ASK_FOR_PERSON, ASK_FOR_PERSON, QUESTION, ASK_FOR_PERSON)

    results = alerting.alerts.check(datetime.now(UTC))
    opened = [r for r in results if r.outcome == "opened"]
    assert [r.alert for r in opened] == ["handoff_rate_above"], [r.describe() for r in results]
    by_name = {r.alert: r.outcome for r in results}
    assert by_name["disclosure_compliance_below"] == "ok"  # real conversations disclose

    [incident] = alerting.incidents.list("all")
    assert incident.id == opened[0].incident_id
    assert (incident.source, incident.category, incident.alert_key) == (
        "alert",
        "service",
        "alert:handoff_rate_above",
    )
    assert incident.conversation_id is None and incident.message_seq is None
    assert incident.subject is not None and "75%" in incident.subject
    assert incident.to_json()["reported_by"] == "an alert"

    [request] = receiver.wait_for(1)
    headers = request.headers
    assert headers["x-trustdesk-event"] == "alert.opened"
    assert verify_signature(
        SECRET,
        headers["x-trustdesk-timestamp"],
        request.body,
        headers["x-trustdesk-signature"],
        tolerance_s=300,
        now=time.time(),
    )
    body = json.loads(request.body)
    assert body["type"] == "alert.opened"
    data = body["data"]
    assert (data["alert"], data["incident_id"], data["measured"], data["threshold"]) == (
        "handoff_rate_above",
        incident.id,
        0.75,
        0.5,
    )
    assert data["sample"] == 4
    assert not any(cid in request.body.decode() for cid in ids)

    [entry] = ledger(alerting, "alert_raised")
    assert entry["incident_id"] == incident.id and entry["measured"] == 0.75
    [opened_entry] = ledger(alerting, "incident_opened")
    assert opened_entry["source"] == "alert" and opened_entry["incident_id"] == incident.id

    # While the incident is open (or investigated), the alert does not repeat.
    converse(alerting, ASK_FOR_PERSON)
    again = {r.alert: r for r in alerting.alerts.check(datetime.now(UTC))}
    assert again["handoff_rate_above"].outcome == "still_open"
    assert all(r.outcome != "opened" for r in again.values())
    alerting.incidents.update(SUPERVISOR, incident.id, status="investigating")
    assert all(r.outcome != "opened" for r in alerting.alerts.check(datetime.now(UTC)))
    assert len(alerting.incidents.list("all")) == 1
    assert len(SqlWebhookStore(alerting.engine).deliveries()) == 1
    assert len(ledger(alerting, "alert_raised")) == 1

    # Resolved: what was looked into does not alert again, a new breach does.
    alerting.incidents.update(
        SUPERVISOR, incident.id, status="resolved", resolution_note="Knowledge base fixed."
    )
    quiet = {r.alert: r for r in alerting.alerts.check(datetime.now(UTC))}
    assert quiet["handoff_rate_above"].outcome == "too_small"
    converse(alerting, ASK_FOR_PERSON, ASK_FOR_PERSON, QUESTION)
    new = [r for r in alerting.alerts.check(datetime.now(UTC)) if r.outcome == "opened"]
    assert [r.alert for r in new] == ["handoff_rate_above"]
    assert new[0].incident_id != incident.id
    assert len(alerting.incidents.list("active")) == 1
    received = receiver.wait_for(2)
    assert json.loads(received[1].body)["data"]["incident_id"] == new[0].incident_id
    assert len(ledger(alerting, "alert_raised")) == 2


def test_racing_openers_of_one_alert_key_open_one_incident(system: System) -> None:
    barrier = threading.Barrier(4)
    outcomes: list[bool] = []

    def open_one() -> None:
        barrier.wait()
        done = system.incidents.open_system(
            "audit", "unfair", "Outcome audit: handed_off for gender=woman at 0.61", "audit:k1"
        )
        outcomes.append(done.opened)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == [False, False, False, True]
    [incident] = system.incidents.list("all")
    assert incident.source == "audit" and incident.to_json()["reported_by"] == "a fairness audit"


@pytest.mark.one_database  # the command is the same on PostgreSQL
def test_the_cli_prints_what_opened(
    alerting: System, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from click.testing import CliRunner

    from trustdesk.cli.main import main

    converse(alerting, ASK_FOR_PERSON, ASK_FOR_PERSON, ASK_FOR_PERSON)
    policy = tmp_path / "policy.yaml"
    source = bundled_policy_path().read_text(encoding="utf-8")
    policy.write_text(
        source.replace(
            "handoff_rate_above: {threshold: 0.5, min_conversations: 20}",
            "handoff_rate_above: {threshold: 0.5, min_conversations: 3}",
        ),
        encoding="utf-8",
    )
    database = alerting.engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("TRUSTDESK_DATABASE_URL", database)
    monkeypatch.setenv("TRUSTDESK_KEY_FILE", str(alerting.settings.key_file))
    result = CliRunner().invoke(main, ["alerts", "check", "--policy", str(policy)])
    assert result.exit_code == 0, result.output
    assert "handoff_rate_above: OPENED incident" in result.output
    assert "1 incident opened" in result.output
    result = CliRunner().invoke(main, ["alerts", "check", "--policy", str(policy)])
    assert "handoff_rate_above: its incident" in result.output and "still open" in result.output
    assert "0 incidents opened" in result.output
