"""Real conversations through the service, read back by the metrics reader and measured by the
published definitions (docs/metrics.md), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from trustdesk.composition import System
from trustdesk.conversation.agents import StaffMember
from trustdesk.monitor import definitions as d
from trustdesk.monitor.questions import unanswered_questions
from trustdesk.store.metrics_reader import SqlMetricsReader

# Noon, twenty days ago: the world's few minutes of conversations never cross a midnight, so the
# number of days they fall on does not depend on when the suite runs.
START = (datetime.now(UTC) - timedelta(days=20)).replace(hour=12, minute=0, second=0, microsecond=0)
ROCKET = (
    "Do you sell rocket fuel for spaceships?",
    "do you sell rocket fuel",
    "Can I buy rocket fuel for my spaceship?",
)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(system: System) -> Clock:
    clock = Clock(START)
    system.service.clock = clock
    system.desk.clock = clock
    return clock


ROUTES: list[str] = []  # the route of every turn of the world, as the service decided it


def converse(system: System, text: str | None = None, **start: object) -> str:
    cid = system.service.start(**start).conversation.id  # type: ignore[arg-type]
    if text is not None:
        ROUTES.append(system.service.handle_turn(cid, text).route)
    return cid


@pytest.fixture
def world(system: System, clock: Clock) -> dict[str, str]:
    """Conversations with known answers; returns their ids by name."""
    ROUTES.clear()
    ids = {
        "answered": converse(system, "How long do I have to return an item?", channel="web"),
        "pii": converse(system, "My email is jo.bloggs@example.com, where is my order?"),
        "german": converse(system, "Wie lange habe ich Zeit, um eine Bestellung zurückzugeben?"),
        "no_ai": converse(system, consents={"ai_assistance": False}),
        "unused": converse(system),
    }
    for n, question in enumerate(ROCKET):
        ids[f"rocket{n}"] = converse(system, question)
        clock.advance(seconds=5)
    ids["person"] = converse(system, "I want to talk to a real person please")
    clock.advance(seconds=120)
    supervisor = StaffMember("metrics-sup", "supervisor")
    system.agents.add_staff(supervisor.name, supervisor.role)
    system.desk.claim(supervisor, ids["person"])
    draft = system.desk.draft(supervisor, ids["person"])
    system.desk.reply(supervisor, ids["person"], draft.text, draft_id=draft.id)
    clock.advance(seconds=60)
    system.desk.resolve(supervisor, ids["person"])
    # Two vouched customers answered by the AI; the first comes back three days later.
    ids["back"] = converse(system, "How long do I have to return an item?", customer_ref="acct-1")
    ids["stayed"] = converse(system, "How long do I have to return an item?", customer_ref="acct-2")
    clock.advance(days=3)
    ids["return"] = converse(system, customer_ref="acct-1")
    # What customers said: two AI-handled conversations rated, one person-handled one.
    give = system.feedback.give
    give(system.service.get(ids["answered"]), 5, True)
    give(system.service.get(ids["stayed"]), 4, None)
    give(system.service.get(ids["person"]), 2, False, "took a while")
    system.incidents.report(system.service.get(ids["pii"]), 3, "inaccurate")
    return ids


def test_definitions_over_stored_conversations(system: System, world: dict[str, str]) -> None:
    as_of = datetime.now(UTC)
    source = SqlMetricsReader(system.engine).load()
    assert {row.id for row in source.conversations} == set(world.values())

    work = d.workload(source)
    # Engaged: everything but the unused conversation and the return visit.
    assert work.engaged == len(world) - 2
    assert (work.with_person, work.person_replies, work.assisted.numerator) == (1, 1, 1)

    handoffs = d.handoff_rates(source)
    assert handoffs.by_reason["customer_request"].numerator == 1
    assert handoffs.by_reason["consent_withdrawn"].numerator == 1
    assert handoffs.handed_off.numerator == 2

    assert d.time_to_person(source).median_s == 120.0
    first = d.time_to_first_reply(source)
    assert first.by_person.count == 0  # the AI answered first everywhere it was asked
    assert first.overall.pending == 0

    compliance = d.disclosure_compliance(source, {system.policy.policy.say("greeting", None)})
    assert compliance.rate.value == 1.0 and compliance.exceptions == ()

    pii = d.personal_data_detections(source)
    assert pii.by_type.get("EMAIL_ADDRESS", 0) >= 1
    assert pii.conversations.numerator == 1

    # Which answers fall below the threshold is the retrieval model's business; the metric
    # must count exactly the turns the service routed so (at least the rocket questions).
    declines = d.assistant_declines(source)
    unsure = ROUTES.count("low_confidence")
    assert unsure >= len(ROCKET)
    assert declines.asked == ROUTES.count("assistant") + unsure
    assert declines.low_confidence.numerator == declines.declined.numerator == unsure

    questions = unanswered_questions(source)
    assert questions.total == unsure
    rocket = [g for g in questions.groups if "rocket" in g.words]
    assert len(rocket) == 1 and rocket[0].conversations == len(ROCKET)
    assert rocket[0].example in ROCKET

    resolution = d.ai_resolution(source, as_of)
    assert resolution.in_progress == 0
    assert (resolution.confirmed.numerator, resolution.answered) == (1, 1)
    # AI alone: answered, pii, german, the three rocket questions, back, stayed.
    assert resolution.assumed.numerator == 8

    stayed = d.stayed_resolved(source, as_of)
    assert (stayed.numerator, stayed.denominator) == (1, 2)

    rated = d.ratings(source)
    assert (rated.ai.count, rated.ai.mean, rated.person.count, rated.person.mean) == (
        2,
        4.5,
        1,
        2.0,
    )
    assert d.open_incidents(source.incidents) == 1


def test_filters_by_period_channel_and_language(system: System, world: dict[str, str]) -> None:
    reader = SqlMetricsReader(system.engine)
    web = reader.load(channel="web")
    assert [row.id for row in web.conversations] == [world["answered"]]
    assert {m.conversation_id for m in web.messages} == {world["answered"]}
    assert reader.load(channel="web_").conversations == []  # LIKE wildcards are literal

    german = reader.load(language="de")
    assert [row.id for row in german.conversations] == [world["german"]]
    assert german.conversations[0].language == "de"

    late = reader.load(since=START + timedelta(days=1))
    assert [row.id for row in late.conversations] == [world["return"]]
    early = reader.load(until=START + timedelta(days=1))
    assert world["return"] not in {row.id for row in early.conversations}
    assert len(early.conversations) == len(world) - 1
