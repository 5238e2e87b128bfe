"""The dashboard's fast path (the rollup added up in SQL) gives exactly what the published
definitions give on the same stored conversations, on SQLite and PostgreSQL, for every chart,
filter and moment of measurement; and the rollup follows changes when refreshed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from tests.integration.test_metrics_reader import START, Clock, clock, converse, world
from trustdesk.composition import System
from trustdesk.conversation.agents import StaffMember
from trustdesk.monitor.dashboard import CHARTS, dashboard
from trustdesk.store.dashboard_queries import Filters, SqlDashboard
from trustdesk.store.metrics_reader import SqlMetricsReader
from trustdesk.store.metrics_rollup import SqlMetricsRollup
from trustdesk.store.tables import messages, metric_facts

__all__ = ["clock", "world"]  # fixtures shared with the reader's test

FILTERS = [
    Filters(),
    Filters(channel="web"),
    Filters(channel="widget"),
    Filters(language="de"),
    Filters(language="en"),
    Filters(since=START + timedelta(days=1)),
    Filters(until=START + timedelta(days=1)),
    Filters(since=START, until=START + timedelta(seconds=10)),
]


@pytest.fixture
def more(system: System, clock: Clock, world: dict[str, str]) -> dict[str, str]:
    """Beyond the reader's world: a person replies first, a handoff nobody takes, an unlabelled
    AI message, an erased conversation and a widget conversation."""
    person = StaffMember("dash-sup", "supervisor")
    system.agents.add_staff(person.name, person.role)
    ids = dict(world)
    ids["person_first"] = converse(system, None, consents={"ai_assistance": False})
    system.service.handle_turn(ids["person_first"], "Hello, anyone there?")
    clock.advance(seconds=42.5)
    system.desk.claim(person, ids["person_first"])
    clock.advance(seconds=7.25)
    system.desk.reply(person, ids["person_first"], "Yes, I am here to help.")
    ids["waiting"] = converse(system, "Where is my parcel?")
    system.service.request_handoff(ids["waiting"])
    ids["widget"] = converse(system, "How long do I have to return an item?", channel="widget")
    ids["erased"] = converse(system, "How long do I have to return an item?")
    system.feedback.give(system.service.get(ids["rocket0"]), 1, False)
    with system.engine.begin() as conn:
        conn.execute(
            update(messages)
            .where(messages.c.conversation_id == ids["german"], messages.c.role == "assistant")
            .where(messages.c.seq > 1)
            .values(ai=False)
        )
        conn.execute(
            update(metric_facts.metadata.tables["conversations"])
            .where(metric_facts.metadata.tables["conversations"].c.id == ids["erased"])
            .values(erased_at=clock.now)
        )
    return ids


def _reference(system: System, filters: Filters, as_of: datetime, texts: set[str]) -> object:
    source = SqlMetricsReader(system.engine).load(
        filters.since, filters.until, channel=filters.channel, language=filters.language
    )
    return dashboard(source, as_of, texts)


def _greetings(system: System) -> set[str]:
    return {system.policy.policy.say("greeting", None)}


def test_every_chart_equals_the_definitions(system: System, more: dict[str, str]) -> None:
    SqlMetricsRollup(system.engine).refresh(full=True)
    fast = SqlDashboard(system.engine)
    texts = _greetings(system)
    moments = [datetime.now(UTC), START + timedelta(minutes=10), START + timedelta(days=8)]
    for filters in FILTERS:
        for as_of in moments:
            expected = _reference(system, filters, as_of, texts)
            got = fast.dashboard(filters, as_of, texts)
            for name in CHARTS:
                assert getattr(got, name) == getattr(expected, name), (name, filters, as_of)
    # The constructed cases are really there (a test that cannot fail is a defect).
    everything = fast.dashboard(Filters(), datetime.now(UTC), texts)
    assert everything.response_times.first_reply.by_person.count == 1
    assert everything.response_times.first_reply.by_person.median_s == 49.75
    assert everything.response_times.to_person.pending >= 1
    assert everything.disclosure.exceptions == (more["german"],)
    assert more["erased"] not in {c for c in everything.disclosure.exceptions}
    assert everything.handoffs.handed_off.numerator == 4
    assert len(everything.volume.days) == 2
    assert everything.questions.groups and everything.incidents.open == 1
    assert (
        fast.dashboard(Filters(channel="widget"), datetime.now(UTC), texts).volume.workload.engaged
        == 1
    )
    assert fast.dashboard(Filters(), datetime.now(UTC), None).disclosure.rate.denominator > 0


def test_an_empty_period_gives_empty_charts(system: System, more: dict[str, str]) -> None:
    SqlMetricsRollup(system.engine).refresh(full=True)
    filters = Filters(since=START - timedelta(days=9), until=START - timedelta(days=8))
    as_of = datetime.now(UTC)
    got = SqlDashboard(system.engine).dashboard(filters, as_of, _greetings(system))
    assert got == _reference(system, filters, as_of, _greetings(system))
    assert got.volume.days == () and got.resolution.resolution.assumed.value is None
    assert got.response_times.first_reply.overall.median_s is None


def test_a_refresh_reads_only_what_changed_and_follows_it(
    system: System, clock: Clock, more: dict[str, str]
) -> None:
    system.feedback.clock = clock
    rollup = SqlMetricsRollup(system.engine, clock=clock)
    clock.now = datetime.now(UTC) + timedelta(hours=1)  # past the feedback's real times
    assert rollup.refresh() == len(more)  # never refreshed: everything
    clock.advance(hours=1)
    assert rollup.refresh() == 0
    # A new turn, new feedback and a vouched customer's return are picked up.
    system.service.handle_turn(more["answered"], "And do you ship abroad?")
    system.feedback.give(system.service.get(more["widget"]), 3, True)
    later = converse(system, "Hello again", customer_ref="acct-2")
    rebuilt = rollup.refresh()
    # answered, widget, the new one, and acct-2's earlier conversations (stayed, later).
    assert rebuilt == 4
    texts = _greetings(system)
    as_of = clock.now + timedelta(days=30)
    expected = _reference(system, Filters(), as_of, texts)
    assert SqlDashboard(system.engine).dashboard(Filters(), as_of, texts) == expected
    with system.engine.connect() as conn:
        ids = set(conn.execute(select(metric_facts.c.conversation_id)).scalars())
    assert later in ids and more["erased"] not in ids
