"""One row per conversation of what the metric definitions read, derived by their own code.

The dashboard answers from these rows (``store/metrics_rollup.py`` keeps them in the tables
``metric_facts``, ``metric_findings`` and ``metric_questions``; ``store/dashboard_queries.py``
adds them up in SQL) instead of reading every message of a period. Each row is derived from
:func:`trustdesk.monitor.definitions.conversation_facts` — the same per-conversation facts the
definitions aggregate — and keeps only what does not depend on the moment of measurement
(``as_of``) or on the policy's greeting texts: those are applied when the rows are added up.
``tests/integration/test_dashboard_queries.py`` checks that the sums give exactly what the
definitions give on the same conversations.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from trustdesk.monitor.definitions import (
    AGENT,
    ASSISTANT,
    BACKEND_ERROR,
    FAILURE_ROUTE,
    GUARD_ERROR_RULE,
    PII_GUARDS,
    STAYED_DAYS,
    Facts,
    conversation_facts,
    is_low_confidence,
    latest_feedback,
)
from trustdesk.monitor.records import DecisionRow, FeedbackRow, MetricSource


class FactRow(NamedTuple):
    """What one conversation contributes to every definition (docs/metrics.md)."""

    conversation_id: str
    created_at: datetime
    day: str  # the UTC day it started, YYYY-MM-DD
    channel: str | None
    language: str | None
    status: str
    updated_at: datetime
    engaged: bool
    ai_only: bool
    handed_off: bool
    with_person: bool
    first_reason: str | None  # the reason of the first handoff
    reply_s: float | None  # time to first reply, when there was one
    reply_by: str | None  # "ai" | "person"
    reply_pending: bool  # the customer wrote and nobody has replied yet
    person_s: float | None  # time to a person, when one came
    person_pending: bool  # handed off, no person yet
    person_replies: int
    drafted_replies: int
    rating: int | None  # the latest rating, when it is 1..5
    solved: bool | None  # the latest answer to "did this solve your problem?"
    vouched: bool
    returned: bool  # the same vouched customer came back within STAYED_DAYS
    disclosure_considered: bool  # the AI replied to the customer
    disclosure_shape_ok: bool  # AI-labelled opening before the customer, every AI message labelled
    opening: str | None  # the opening message (a greeting), for the check against the policy
    asked: int  # turns on which the assistant was asked for a draft
    low_confidence: int
    declined: int
    personal_data: bool  # at least one finding of the privacy guards


class FindingCount(NamedTuple):
    """Findings of one (guard, rule) in one conversation, for the kinds the metrics count."""

    conversation_id: str
    guard: str
    rule: str
    occurrences: int


class QuestionRow(NamedTuple):
    """The redacted question of one turn the assistant could not answer."""

    conversation_id: str
    text: str


class Rollup(NamedTuple):
    facts: list[FactRow]
    findings: list[FindingCount]
    questions: list[QuestionRow]


def counted(guard: str, rule: str) -> bool:
    """Whether a finding is one the metrics count (personal data, guard and backend failures)."""
    return guard in PII_GUARDS or rule == GUARD_ERROR_RULE or (guard, rule) == BACKEND_ERROR


def rollup(source: MetricSource) -> Rollup:
    """The rows of every conversation of ``source``."""
    feedback = latest_feedback(source.feedback)
    decided: dict[str, list[DecisionRow]] = defaultdict(list)
    for decision in source.decisions:
        decided[decision.conversation_id].append(decision)
    facts: list[FactRow] = []
    findings: list[FindingCount] = []
    questions: list[QuestionRow] = []
    for cid, fact in conversation_facts(source).items():
        decisions = decided.get(cid, [])
        facts.append(fact_row(fact, feedback.get(cid), decisions))
        found: Counter[tuple[str, str]] = Counter(
            (f.guard, f.rule) for d in decisions for f in d.findings if counted(f.guard, f.rule)
        )
        findings += [FindingCount(cid, g, r, n) for (g, r), n in sorted(found.items())]
        questions += [
            QuestionRow(cid, d.customer_text)
            for d in decisions
            if d.customer_text and is_low_confidence(d)
        ]
    return Rollup(facts, findings, questions)


def fact_row(fact: Facts, said: FeedbackRow | None, decisions: Iterable[DecisionRow]) -> FactRow:
    row = fact.row
    reply_s: float | None = None
    reply_by: str | None = None
    reply_pending = False
    if fact.first_customer_at is not None:  # as time_to_first_reply
        if fact.first_reply_at is None:
            reply_pending = True
        else:
            reply_s = max(0.0, (fact.first_reply_at - fact.first_customer_at).total_seconds())
            reply_by = "person" if fact.first_reply_by == "person" else "ai"
    person_s: float | None = None
    person_pending = False
    if fact.handoffs:  # as time_to_person
        since = fact.handoffs[0].occurred_at
        came = next(
            (m.created_at for m in fact.messages if m.role == AGENT and m.created_at >= since),
            None,
        )
        if came is None:
            person_pending = True
        else:
            person_s = (came - since).total_seconds()
    considered = shape_ok = False
    opening: str | None = None
    first = fact.first_customer_seq
    if first is not None and any(m.role == ASSISTANT and m.seq > first for m in fact.messages):
        considered = True  # as disclosure_compliance
        head = fact.messages[0]
        opening = head.text
        shape_ok = (
            head.role == ASSISTANT
            and head.ai
            and head.seq < first
            and all(m.ai for m in fact.messages if m.role == ASSISTANT)
        )
    asked = low = declined = 0
    personal = False
    for d in decisions:  # as assistant_declines and personal_data_detections
        personal = personal or any(f.guard in PII_GUARDS for f in d.findings)
        if d.backend is None:
            continue
        asked += 1
        unsure = is_low_confidence(d)
        low += unsure
        declined += (
            unsure
            or d.route == FAILURE_ROUTE
            or any((f.guard, f.rule) == BACKEND_ERROR for f in d.findings)
        )
    rating = said.rating if said is not None else None
    window = timedelta(days=STAYED_DAYS)
    return FactRow(
        conversation_id=row.id,
        created_at=row.created_at,
        day=row.created_at.astimezone(UTC).date().isoformat(),
        channel=row.channel,
        language=row.language,
        status=row.status,
        updated_at=row.updated_at,
        engaged=fact.engaged,
        ai_only=fact.ai_only,
        handed_off=fact.handed_off,
        with_person=fact.with_person,
        first_reason=fact.handoffs[0].reason if fact.handoffs else None,
        reply_s=reply_s,
        reply_by=reply_by,
        reply_pending=reply_pending,
        person_s=person_s,
        person_pending=person_pending,
        person_replies=fact.person_replies,
        drafted_replies=fact.drafted_replies,
        rating=rating if rating is not None and 1 <= rating <= 5 else None,
        solved=said.solved if said is not None else None,
        vouched=row.vouched,
        returned=row.next_started_at is not None and row.next_started_at <= row.updated_at + window,
        disclosure_considered=considered,
        disclosure_shape_ok=shape_ok,
        opening=opening,
        asked=asked,
        low_confidence=low,
        declined=declined,
        personal_data=personal,
    )
