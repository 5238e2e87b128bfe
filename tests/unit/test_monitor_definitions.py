"""Every metric definition of docs/metrics.md on constructed conversations with known answers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from trustdesk.monitor import definitions as d
from trustdesk.monitor.records import (
    ConversationRow,
    DecisionRow,
    FeedbackRow,
    FindingRow,
    HandoffRow,
    IncidentRow,
    MessageRow,
    MetricSource,
)

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
AS_OF = T0 + timedelta(days=30)
GREETING = "Hi, I'm the AI assistant - an automated program, not a person."


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def conv(cid: str, status: str = "ai_active", **extra: object) -> ConversationRow:
    row = ConversationRow(cid, T0, at(60), status)
    return row._replace(**extra) if extra else row


def greeting(cid: str, ai: bool = True, text: str = GREETING) -> MessageRow:
    return MessageRow(cid, 1, "assistant", ai, T0, text=text)


def msg(cid: str, seq: int, role: str, when: float, from_draft: bool | None = None) -> MessageRow:
    """A message; a person's is a reply they wrote (``from_draft`` set) unless it is a notice."""
    if role == "agent" and from_draft is None:
        from_draft = False
    return MessageRow(cid, seq, role, role == "assistant", at(when), from_draft)


def notice(cid: str, seq: int, when: float) -> MessageRow:
    """The notice in a person's name when they join or resolve: not a reply."""
    return MessageRow(cid, seq, "agent", False, at(when))


def ai_chat(cid: str, replies: int = 1) -> list[MessageRow]:
    """A greeting, then customer / AI pairs."""
    rows = [greeting(cid)]
    for n in range(replies):
        rows += [msg(cid, 2 + 2 * n, "customer", 10 * n), msg(cid, 3 + 2 * n, "assistant", 10 * n)]
    return rows


def handoff(cid: str, reason: str, when: float) -> HandoffRow:
    return HandoffRow(cid, reason, at(when))


def decision(
    cid: str, route: str = "assistant", backend: str | None = "retrieval", *findings: FindingRow
) -> DecisionRow:
    return DecisionRow(cid, route, backend, T0, tuple(findings), 2)


LOW = FindingRow("confidence", "below_threshold", 0.1)


def test_a_conversation_opened_and_never_used_counts_nowhere() -> None:
    source = MetricSource([conv("idle")], [greeting("idle")])
    assert d.handoff_rates(source).engaged == 0
    assert d.ai_resolution(source, AS_OF).engaged == 0
    assert d.workload(source).engaged == 0
    assert d.handoff_rates(source).handed_off.value is None


def test_ai_resolution_is_assumed_without_handoff_and_confirmed_by_solved_feedback() -> None:
    source = MetricSource(
        [conv("a"), conv("b", "resolved"), conv("c"), conv("d")],
        [*ai_chat("a"), *ai_chat("b"), *ai_chat("c"), *ai_chat("d")],
        handoffs=[handoff("d", "customer_request", 30)],
        feedback=[
            FeedbackRow("a", at(100), 5, True),
            FeedbackRow("b", at(100), 2, True),
            FeedbackRow("b", at(200), 2, False),  # the latest answer counts
            FeedbackRow("d", at(100), 4, True),  # handed off: not an AI resolution
        ],
    )
    result = d.ai_resolution(source, AS_OF)
    assert result.engaged == 4
    assert (result.assumed.numerator, result.assumed.denominator) == (3, 4)
    assert (result.confirmed.numerator, result.confirmed.denominator) == (1, 4)
    assert result.answered == 2
    assert result.confirmed_of_answered.value == 0.5


def test_a_recent_conversation_the_ai_still_handles_is_in_progress() -> None:
    recent = conv("new", updated_at=AS_OF - timedelta(minutes=5))
    resolved = conv("done", "resolved", updated_at=AS_OF - timedelta(minutes=5))
    handed = conv("handed", updated_at=AS_OF - timedelta(minutes=5))
    source = MetricSource(
        [recent, resolved, handed],
        [*ai_chat("new"), *ai_chat("done"), *ai_chat("handed")],
        handoffs=[handoff("handed", "sensitive_topic", 5)],
    )
    result = d.ai_resolution(source, AS_OF)
    assert result.in_progress == 1
    assert result.engaged == 2
    assert result.assumed.numerator == 1  # "done"; "handed" went to a person


def test_stayed_resolved_counts_vouched_customers_who_did_not_come_back_within_7_days() -> None:
    old = AS_OF - timedelta(days=10)
    rows = [
        conv("gone", vouched=True, updated_at=old),  # never came back
        conv("back", vouched=True, updated_at=old, next_started_at=old + timedelta(days=2)),
        conv("late", vouched=True, updated_at=old, next_started_at=old + timedelta(days=8)),
        conv("anon", updated_at=old),  # anonymous: cannot be followed
        conv("young", vouched=True, updated_at=AS_OF - timedelta(days=3)),  # 7 days not over
        conv("human", vouched=True, updated_at=old),
    ]
    messages = [m for r in rows for m in ai_chat(r.id)]
    source = MetricSource(rows, messages, handoffs=[handoff("human", "contested", 5)])
    result = d.stayed_resolved(source, AS_OF)
    assert (result.numerator, result.denominator) == (2, 3)


def test_handoff_rate_counts_each_conversation_once_under_its_first_reason() -> None:
    rows = [conv(c) for c in "abcde"]
    messages = [m for r in rows for m in ai_chat(r.id)]
    source = MetricSource(
        rows,
        messages,
        handoffs=[
            handoff("a", "customer_request", 10),
            handoff("a", "sensitive_topic", 50),  # a second handoff after a hand back
            handoff("b", "customer_request", 10),
            handoff("c", "backend_error", 10),
        ],
    )
    result = d.handoff_rates(source)
    assert (result.handed_off.numerator, result.handed_off.denominator) == (3, 5)
    assert {k: v.numerator for k, v in result.by_reason.items()} == {
        "backend_error": 1,
        "customer_request": 2,
    }
    assert result.by_reason["customer_request"].value == pytest.approx(0.4)


def test_a_customer_who_declined_ai_and_never_wrote_is_engaged_and_handed_off() -> None:
    source = MetricSource(
        [conv("no-ai")], [greeting("no-ai")], handoffs=[handoff("no-ai", "consent_withdrawn", 0)]
    )
    assert d.handoff_rates(source).handed_off.value == 1.0
    assert d.time_to_person(source).pending == 1
    assert d.time_to_first_reply(source).overall.count == 0


def test_time_to_first_reply_from_the_first_customer_message_to_the_next_reply() -> None:
    source = MetricSource(
        [conv("ai"), conv("person"), conv("waiting")],
        [
            *ai_chat("ai"),
            greeting("person"),
            msg("person", 2, "customer", 0),
            msg("person", 3, "customer", 20),
            msg("person", 4, "agent", 120),
            greeting("waiting"),
            msg("waiting", 2, "customer", 0),
        ],
    )
    result = d.time_to_first_reply(source)
    assert result.overall.count == 2
    assert result.by_person.median_s == 120.0
    assert result.by_ai.median_s == 0.0
    assert result.overall.pending == 1


def test_time_to_person_from_the_first_handoff_to_the_first_person_reply_after_it() -> None:
    rows = [conv(c) for c in ("p1", "p2", "p3", "queued")]
    messages = []
    for cid, reply_at in (("p1", 70), ("p2", 130), ("p3", 310)):
        messages += [*ai_chat(cid), msg(cid, 4, "agent", reply_at)]
    messages += ai_chat("queued")
    handoffs = [handoff(c, "customer_request", 10) for c in ("p1", "p2", "p3", "queued")]
    result = d.time_to_person(MetricSource(rows, messages, handoffs=handoffs))
    assert (result.count, result.median_s, result.p90_s, result.pending) == (3, 120.0, 300.0, 1)


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 11)]
    assert d.percentile(values, 50) == 5.0
    assert d.percentile(values, 90) == 9.0
    assert d.percentile([], 50) is None


def test_ratings_are_split_between_ai_handled_and_person_handled() -> None:
    rows = [conv(c) for c in ("ai1", "ai2", "person", "unanswered", "none")]
    messages = [
        *ai_chat("ai1"),
        *ai_chat("ai2"),
        *ai_chat("person"),
        msg("person", 4, "agent", 100),
        *ai_chat("unanswered"),
        *ai_chat("none"),
    ]
    source = MetricSource(
        rows,
        messages,
        handoffs=[handoff("person", "contested", 50), handoff("unanswered", "contested", 50)],
        feedback=[
            FeedbackRow("ai1", at(200), 4, None),
            FeedbackRow("ai2", at(200), 2, True),
            FeedbackRow("person", at(200), 5, True),
            FeedbackRow("unanswered", at(200), 1, False),  # in neither group
            FeedbackRow("none", at(200), None, True),  # no rating given
        ],
    )
    result = d.ratings(source)
    assert (result.ai.count, result.ai.mean) == (2, 3.0)
    assert result.ai.distribution == {1: 0, 2: 1, 3: 0, 4: 1, 5: 0}
    assert (result.person.count, result.person.mean) == (1, 5.0)


def test_disclosure_compliance_requires_an_ai_labelled_opening_before_the_first_ai_reply() -> None:
    rows = [conv(c) for c in ("ok", "no-greeting", "unlabelled", "not-replied", "other-text")]
    messages = [
        *ai_chat("ok"),
        # The AI answered with no disclosure first.
        msg("no-greeting", 1, "customer", 0),
        msg("no-greeting", 2, "assistant", 0),
        # The greeting came first, but a later AI reply lacked the AI label.
        *ai_chat("unlabelled"),
        MessageRow("unlabelled", 5, "assistant", False, at(5)),
        # No AI reply to the customer: not counted.
        greeting("not-replied"),
        msg("not-replied", 2, "customer", 0),
        *[
            m if m.seq != 1 else greeting("other-text", text="Hello! How can I help?")
            for m in ai_chat("other-text")
        ],
    ]
    source = MetricSource(rows, messages)
    result = d.disclosure_compliance(source)
    assert (result.rate.numerator, result.rate.denominator) == (2, 4)
    assert result.exceptions == ("no-greeting", "unlabelled")
    strict = d.disclosure_compliance(source, disclosures={GREETING})
    assert (strict.rate.numerator, strict.rate.denominator) == (1, 4)
    assert strict.exceptions == ("no-greeting", "other-text", "unlabelled")


def test_personal_data_detections_by_type_on_messages_and_drafts() -> None:
    rows = [conv("a"), conv("b"), conv("c")]
    messages = [m for r in rows for m in ai_chat(r.id)]
    decisions = [
        decision("a", "assistant", "retrieval", FindingRow("pii", "EMAIL_ADDRESS")),
        decision(
            "a",
            "assistant",
            "retrieval",
            FindingRow("pii", "EMAIL_ADDRESS"),
            FindingRow("pii", "PHONE_NUMBER"),
        ),
        decision("b", "assistant", "openai", FindingRow("pii_leak", "PERSON")),
        decision("c", "assistant", "retrieval", FindingRow("human_request", "person_requested")),
    ]
    result = d.personal_data_detections(MetricSource(rows, messages, decisions))
    assert dict(result.by_type) == {"EMAIL_ADDRESS": 2, "PHONE_NUMBER": 1}
    assert dict(result.leaked_by_type) == {"PERSON": 1}
    assert (result.conversations.numerator, result.conversations.denominator) == (2, 3)


def test_low_confidence_and_declined_rates_over_turns_the_assistant_was_asked() -> None:
    decisions = [
        decision("a"),
        decision("a", "low_confidence", "retrieval", LOW),
        decision("a", "handoff_requested", "retrieval", LOW),  # low, handed off by policy
        decision("a", "handoff_failure", "openai", FindingRow("assistant", "backend_error")),
        decision("a", "handoff_requested", "retrieval", FindingRow("approval", "refund")),
        decision("a", "handoff_requested", None, FindingRow("human_request", "x")),  # not asked
    ]
    result = d.assistant_declines(MetricSource([conv("a")], ai_chat("a"), decisions))
    assert result.asked == 5
    assert (result.low_confidence.numerator, result.declined.numerator) == (2, 3)


def test_open_incidents_leave_out_closed_ones() -> None:
    incidents = [
        IncidentRow("1", "open", T0),
        IncidentRow("2", "investigating", T0),
        IncidentRow("3", "resolved", T0),
        IncidentRow("4", "closed", T0),
    ]
    assert d.open_incidents(incidents) == 2
    assert d.open_incidents([]) == 0


def test_workload_is_aggregate_and_counts_assisted_replies() -> None:
    rows = [conv(c) for c in ("ai", "p1", "p2", "queued")]
    messages = [
        *ai_chat("ai"),
        *ai_chat("p1"),
        msg("p1", 4, "agent", 100, from_draft=True),
        msg("p1", 5, "agent", 200, from_draft=False),
        *ai_chat("p2"),
        msg("p2", 4, "agent", 100, from_draft=True),
        *ai_chat("queued"),
    ]
    handoffs = [handoff(c, "customer_request", 50) for c in ("p1", "p2", "queued")]
    result = d.workload(MetricSource(rows, messages, handoffs=handoffs))
    assert (result.engaged, result.ai_only, result.handed_off, result.with_person) == (4, 1, 3, 2)
    assert (result.person_replies, result.assisted.numerator) == (3, 2)
    assert not any("staff" in name or "agent" in name for name in result.__dataclass_fields__)


def test_guard_failures_by_what_failed() -> None:
    decisions = [
        decision("a", "handoff_failure", None, FindingRow("pii", "guard_error")),
        decision("a", "handoff_failure", "openai", FindingRow("assistant", "backend_error")),
        decision("a"),
    ]
    assert dict(d.guard_failures(MetricSource([conv("a")], [], decisions))) == {
        "backend": 1,
        "pii": 1,
    }


def test_rows_of_conversations_outside_the_source_are_ignored() -> None:
    source = MetricSource(
        [conv("in")],
        [*ai_chat("in"), *ai_chat("out")],
        [decision("out", "low_confidence", "retrieval", LOW)],
        handoffs=[handoff("out", "contested", 1)],
    )
    assert d.handoff_rates(source).handed_off.numerator == 0
    assert d.assistant_declines(source).asked == 0


def test_conversation_language_is_detected_from_customer_text_when_sure() -> None:
    assert d.conversation_language(["Wie lange habe ich Zeit, um eine Bestellung zurückzugeben?"])
    assert d.conversation_language(["ok"]) is None
    assert d.conversation_language([]) is None


def test_a_joined_notice_reaches_a_person_but_is_not_a_reply() -> None:
    rows = [conv("queued")]
    messages = [
        greeting("queued"),
        msg("queued", 2, "customer", 0),  # a customer without AI: the AI stays silent
        notice("queued", 3, 90),  # "Ann has joined"
        msg("queued", 4, "agent", 150),
        notice("queued", 5, 400),  # "resolved"
    ]
    source = MetricSource(rows, messages, handoffs=[handoff("queued", "consent_withdrawn", 0)])
    assert d.time_to_person(source).median_s == 90.0
    assert d.time_to_first_reply(source).by_person.median_s == 150.0
    work = d.workload(source)
    assert (work.with_person, work.person_replies) == (1, 1)
