"""``trustdesk audit outcomes`` on real conversations (SQLite, and PostgreSQL when configured):
a planted disparity is found with the right group and direction, an even dataset yields no
finding, small groups never reach the report."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from tests.conftest import PG_URL
from tests.support.database import drop_schema
from trustdesk.cli.main import main
from trustdesk.composition import System, build_system
from trustdesk.conversation.agents import StaffMember
from trustdesk.settings import Settings
from trustdesk.store.engine import make_engine
from trustdesk.store.outcome_reader import SqlOutcomeReader

DANA = StaffMember("dana", "agent")
PLANTED = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)  # January: German speakers handed off more
EVEN = datetime(2026, 2, 10, 9, 0, tzinfo=UTC)  # February: the same rate for everyone
PER_GROUP = 60


@dataclass
class Deployment:
    url: str
    system: System
    tmp: Path
    handed_back: str = ""


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=7)
        return self.now


def populate(system: System, start: datetime, handoffs: dict[str, int]) -> None:
    """PER_GROUP conversations per language, the first ``handoffs[language]`` of them handed
    to a person at the customer's request; every customer consents to service improvement."""
    service = system.service
    service.clock = Clock(start)
    for language, handed in handoffs.items():
        for i in range(PER_GROUP):
            started = service.start(
                attributes={"language": language}, consents={"service_improvement": True}
            )
            cid = started.conversation.id
            service.customer_turn(cid, started.token, "How long does a refund take?")
            if i < handed:
                service.request_handoff(cid)


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]
)
def deployment(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Deployment]:
    tmp = tmp_path_factory.mktemp("audit")
    schema = f"td_audit_{uuid.uuid4().hex[:12]}"
    if request.param == "sqlite":
        url = f"sqlite:///{tmp / 'desk.db'}"
    else:
        assert PG_URL
        admin = make_engine(PG_URL)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        separator = "&" if "?" in PG_URL else "?"
        url = f"{PG_URL}{separator}options=-csearch_path%3D{schema}"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TRUSTDESK_DATABASE_URL", url)
        mp.setenv("TRUSTDESK_KEY_FILE", str(tmp / "key"))
        mp.delenv("TRUSTDESK_MASTER_KEY", raising=False)
        mp.delenv("TRUSTDESK_POLICY_FILE", raising=False)
        system = build_system(Settings(database_url=url, key_file=tmp / "key", rate_limits=False))
        deployment = Deployment(url, system, tmp)
        try:
            populate(system, PLANTED, {"en": 6, "de": 36})
            populate(system, EVEN, {"en": 18, "de": 18})
            extras(deployment)
            system.sealer.request()
            yield deployment
        finally:
            system.close()
            system.engine.dispose()
            if request.param != "sqlite":
                drop_schema(admin, schema)
                admin.dispose()


def extras(deployment: Deployment) -> None:
    """In January too: a small group (Italian, 10), a value outside the policy's list, a
    customer who shared a language without consent, and a German conversation handed to a
    person and back to the AI (its reason then comes from the ledger)."""
    service = deployment.system.service
    service.clock = Clock(PLANTED + timedelta(days=5))
    for attributes, consents in (
        *([({"language": "it"}, {"service_improvement": True})] * 10),
        ({"language": "tlh"}, {"service_improvement": True}),
        ({"language": "en"}, {"service_improvement": False}),
    ):
        started = service.start(attributes=attributes, consents=consents)
        service.customer_turn(started.conversation.id, started.token, "Where is my parcel?")
    started = service.start(attributes={"language": "de"}, consents={"service_improvement": True})
    cid = started.conversation.id
    service.customer_turn(cid, started.token, "I want to talk to a person please")
    desk = deployment.system.desk
    desk.clock = service.clock
    desk.claim(DANA, cid)
    desk.reply(DANA, cid, "Hello, Dana here.")
    desk.hand_back(DANA, cid, "answered the question")
    deployment.handed_back = cid


def run_audit(deployment: Deployment, *args: str) -> tuple[dict[str, Any], str]:
    html, data = deployment.tmp / "report.html", deployment.tmp / "findings.json"
    result = CliRunner().invoke(
        main,
        ["audit", "outcomes", *args, "--out", str(html), "--json", str(data)],
        env={"TRUSTDESK_DATABASE_URL": deployment.url},
    )
    assert result.exit_code == 0, result.output
    assert "findings" in result.output
    return json.loads(data.read_text(encoding="utf-8")), html.read_text(encoding="utf-8")


def test_planted_disparity_is_found_with_its_group_and_direction(deployment: Deployment) -> None:
    data, html = run_audit(
        deployment, "--since", "2026-01-01", "--until", "2026-01-31", "--by", "language"
    )
    handoff = [f for f in data["findings"] if f["metric"] == "handed_off"]
    assert len(handoff) == 1
    [finding] = handoff
    assert finding["group"] == {"language": "de"}
    assert finding["reference"] == {"language": "en"}
    assert finding["value"] > finding["reference_value"]  # handed off more often
    assert finding["impact_ratio"] < 0.8 and finding["p_adjusted"] < 0.05
    metrics = {f["metric"] for f in data["findings"]}
    assert {"resolved_by_ai", "handoff.customer_request"} <= metrics
    assert all(f["group"] == {"language": "de"} for f in data["findings"])
    assert "Findings by severity" in html and "<svg" in html and "<script" not in html


def test_even_period_yields_no_finding(deployment: Deployment) -> None:
    data, html = run_audit(deployment, "--since", "2026-02-01", "--until", "2026-02-28")
    assert data["findings"] == []
    assert data["conversations"] == 2 * PER_GROUP
    assert "No findings." in html


def test_small_groups_and_unlisted_values_never_reach_the_report(deployment: Deployment) -> None:
    data, html = run_audit(deployment, "--since", "2026-01-01", "--until", "2026-01-31")
    groups = [g["group"] for g in data["groups"]]
    assert {"language": "it"} not in groups and {"language": "tlh"} not in groups
    assert "language=it" not in html and ">it<" not in html
    assert data["suppressed_groups"]["language"] >= 1  # "it"; others for single metrics
    assert data["ignored_attribute_values"] == 1


def test_attributes_without_consent_are_not_counted(deployment: Deployment) -> None:
    table = SqlOutcomeReader(deployment.system.engine).load(PLANTED, PLANTED + timedelta(days=20))
    # 120 + 10 + 1 + 1 + 1 conversations; attributes for all but the one without consent.
    assert len(table.conversations) == 2 * PER_GROUP + 13
    assert len({a.conversation_id for a in table.attributes}) == 2 * PER_GROUP + 12


def test_reason_of_a_conversation_handed_back_comes_from_the_ledger(
    deployment: Deployment,
) -> None:
    deployment.system.sealer.request()
    source = SqlOutcomeReader(deployment.system.engine).load(PLANTED, None)
    [row] = [c for c in source.conversations if c.id == deployment.handed_back]
    assert row.handoff_reason == "customer_request"


def test_an_undeclared_attribute_is_refused(deployment: Deployment) -> None:
    result = CliRunner().invoke(
        main,
        ["audit", "outcomes", "--by", "religion", "--out", "x.html", "--json", "x.json"],
        env={"TRUSTDESK_DATABASE_URL": deployment.url},
    )
    assert result.exit_code == 1
    assert "not a fairness attribute" in result.output
