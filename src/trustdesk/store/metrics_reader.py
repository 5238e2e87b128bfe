"""Reads what the metric definitions need (``monitor.records.MetricSource``) in one snapshot.

A period is the conversations *started* in it (``since`` inclusive, ``until`` exclusive); erased
conversations are left out. Each table is read with one statement restricted to those
conversations. The channel a conversation came in by is read from its ``conversation_start``
entry in the decision ledger (canonical JSON whose first key is ``channel``, so the filter is a
prefix match in SQL); the language is detected from the customer's redacted messages, read only
when a language filter is given. Customer text is read only for the turns the assistant could
not answer (the unanswered-question groups) and, for the disclosure check, the opening
message; of feedback, the rating and the "solved?" answer, never the comment.
"""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    ScalarSelect,
    Select,
    String,
    and_,
    case,
    cast,
    func,
    null,
    select,
    union_all,
)
from sqlalchemy.sql.elements import ColumnElement

from trustdesk.monitor.definitions import LOW_CONFIDENCE, conversation_language
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
from trustdesk.store.tables import (
    conversations,
    decisions,
    feedback,
    incidents,
    ledger_entries,
    ledger_pending,
    messages,
)
from trustdesk.store.transactions import read

LEDGER_TIME = "%Y-%m-%dT%H:%M:%S.%fZ"
START_KIND = "conversation_start"
HANDOFF_KIND = "handoff"


def _aware(value: datetime) -> datetime:
    # SQLite returns naive datetimes; everything is stored in UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _ledger_time(text: str) -> datetime:
    return datetime.strptime(text, LEDGER_TIME).replace(tzinfo=UTC)


def _details(text: str | None) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _like_literal(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _ledger(kind: str, in_window: ScalarSelect[Any]) -> Select[Any]:
    """Entries of ``kind`` for the conversations in the window: sealed ones and the outbox."""
    parts = [
        select(t.c.conversation_id, t.c.occurred_at, t.c.details).where(
            t.c.kind == kind, t.c.conversation_id.in_(in_window)
        )
        for t in (ledger_entries, ledger_pending)
    ]
    return select(union_all(*parts).subquery())


class SqlMetricsReader:
    """The store side of the metrics: read-only, one snapshot per call."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def load(
        self,
        since: datetime | None = None,
        until: datetime | None = None,
        *,
        channel: str | None = None,
        language: str | None = None,
        ids: Collection[str] | None = None,
        detect_language: bool = False,
    ) -> MetricSource:
        """The conversations started in ``[since, until)`` (either end open), of ``channel``
        and in ``language`` when given, with their messages, decisions, handoffs, feedback;
        and the incidents opened before ``until``. ``ids`` restricts it to those
        conversations; ``detect_language`` fills every row's language without filtering
        (the dashboard's rollup)."""
        window = select(conversations.c.id).where(conversations.c.erased_at.is_(None))
        if ids is not None:
            window = window.where(conversations.c.id.in_(list(ids)))
        if since is not None:
            window = window.where(conversations.c.created_at >= since)
        if until is not None:
            window = window.where(conversations.c.created_at < until)
        if channel is not None:
            prefix = (
                _like_literal(json.dumps({"channel": channel}, separators=(",", ":"))[:-1]) + ",%"
            )
            started = [
                select(t.c.conversation_id).where(
                    t.c.kind == START_KIND, t.c.details.like(prefix, escape="\\")
                )
                for t in (ledger_entries, ledger_pending)
            ]
            window = window.where(conversations.c.id.in_(union_all(*started)))
        in_window = window.scalar_subquery()
        with read(self.engine) as conn:
            source = MetricSource(
                conversations=self._conversations(conn, in_window),
                messages=self._messages(conn, in_window),
                decisions=self._decisions(conn, in_window),
                handoffs=self._handoffs(conn, in_window),
                feedback=self._feedback(conn, in_window),
                incidents=self._incidents(conn, until),
            )
            wanted = language is not None or detect_language
            languages = self._languages(conn, in_window) if wanted else None
        if languages is not None and language is not None:
            source = _in_language(source, languages, language)
        elif languages is not None:
            source = dataclasses.replace(
                source,
                conversations=[
                    r._replace(language=languages.get(r.id)) for r in source.conversations
                ],
            )
        return source

    # -- one statement per table ----------------------------------------------------------

    def _conversations(
        self, conn: Connection, in_window: ScalarSelect[Any]
    ) -> list[ConversationRow]:
        later = conversations.alias("later")
        # The same vouched customer's next conversation after this one's last change: one
        # index lookup each on (subject_id, created_at).
        next_started = (
            select(func.min(later.c.created_at))
            .where(
                later.c.subject_id == conversations.c.subject_id,
                later.c.created_at > conversations.c.updated_at,
            )
            .scalar_subquery()
        )
        vouched = conversations.c.customer_ref.is_not(None)
        query = select(
            conversations.c.id,
            conversations.c.created_at,
            conversations.c.updated_at,
            conversations.c.status,
            vouched,
            case((vouched, next_started), else_=null()),
        ).where(conversations.c.id.in_(in_window))
        channels: dict[str, str] = {}
        for cid, _, details in conn.execute(_ledger(START_KIND, in_window)):
            found = _details(details).get("channel")
            if isinstance(found, str):
                channels[cid] = found
        return [
            ConversationRow(
                id=r[0],
                created_at=_aware(r[1]),
                updated_at=_aware(r[2]),
                status=r[3],
                channel=channels.get(r[0]),
                vouched=bool(r[4]),
                next_started_at=_aware(r[5]) if r[5] is not None else None,
            )
            for r in conn.execute(query)
        ]

    def _languages(self, conn: Connection, in_window: ScalarSelect[Any]) -> dict[str, str | None]:
        texts: dict[str, list[str]] = defaultdict(list)
        query = (
            select(messages.c.conversation_id, messages.c.text)
            .where(messages.c.conversation_id.in_(in_window), messages.c.role == "customer")
            .order_by(messages.c.conversation_id, messages.c.seq)
        )
        for cid, text in conn.execute(query):
            texts[cid].append(text)
        return {cid: conversation_language(found) for cid, found in texts.items()}

    def _messages(self, conn: Connection, in_window: ScalarSelect[Any]) -> list[MessageRow]:
        opening: ColumnElement[Any] = case(
            (and_(messages.c.seq == 1, messages.c.role == "assistant"), messages.c.text),
            else_=null(),
        )
        query = select(
            messages.c.conversation_id,
            messages.c.seq,
            messages.c.role,
            messages.c.ai,
            messages.c.created_at,
            messages.c.from_draft,
            opening,
        ).where(messages.c.conversation_id.in_(in_window))
        return [
            MessageRow(r[0], r[1], r[2], bool(r[3]), _aware(r[4]), r[5], r[6])
            for r in conn.execute(query)
        ]

    def _decisions(self, conn: Connection, in_window: ScalarSelect[Any]) -> list[DecisionRow]:
        query = select(
            decisions.c.id,
            decisions.c.conversation_id,
            decisions.c.route,
            decisions.c.backend,
            decisions.c.created_at,
            decisions.c.findings,
            decisions.c.customer_seq,
        ).where(decisions.c.conversation_id.in_(in_window))
        # The redacted question of each turn below the confidence threshold, and only those.
        unsure = (
            select(decisions.c.id, messages.c.text)
            .join(
                messages,
                and_(
                    messages.c.conversation_id == decisions.c.conversation_id,
                    messages.c.seq == decisions.c.customer_seq,
                ),
            )
            .where(
                decisions.c.conversation_id.in_(in_window),
                cast(decisions.c.findings, String).like(f"%{LOW_CONFIDENCE[1]}%"),
            )
        )
        questions: dict[int, str] = {row[0]: row[1] for row in conn.execute(unsure)}
        rows = []
        for r in conn.execute(query):
            found = tuple(_findings(r[5]))
            unsure_turn = any((f.guard, f.rule) == LOW_CONFIDENCE for f in found)
            rows.append(
                DecisionRow(
                    r[1],
                    r[2],
                    r[3],
                    _aware(r[4]),
                    found,
                    r[6],
                    questions.get(r[0]) if unsure_turn else None,
                )
            )
        return rows

    def _handoffs(self, conn: Connection, in_window: ScalarSelect[Any]) -> list[HandoffRow]:
        rows = []
        for cid, occurred_at, details in conn.execute(_ledger(HANDOFF_KIND, in_window)):
            reason = _details(details).get("reason_code")
            rows.append(
                HandoffRow(
                    cid,
                    reason if isinstance(reason, str) else "unrecorded",
                    _ledger_time(occurred_at),
                )
            )
        return rows

    def _feedback(self, conn: Connection, in_window: ScalarSelect[Any]) -> list[FeedbackRow]:
        # One row per conversation, changed in place: its time is that of the latest answer.
        query = select(
            feedback.c.conversation_id, feedback.c.updated_at, feedback.c.rating, feedback.c.solved
        ).where(feedback.c.conversation_id.in_(in_window))
        return [
            FeedbackRow(r[0], _aware(r[1]), r[2], None if r[3] is None else bool(r[3]))
            for r in conn.execute(query)
        ]

    def _incidents(self, conn: Connection, until: datetime | None) -> list[IncidentRow]:
        """Every incident opened before ``until``, whatever conversation it concerns (an
        incident outlives the conversation's purge)."""
        query = select(incidents.c.id, incidents.c.status, incidents.c.created_at)
        if until is not None:
            query = query.where(incidents.c.created_at < until)
        return [IncidentRow(r[0], r[1], _aware(r[2])) for r in conn.execute(query)]


def _in_language(
    source: MetricSource, languages: dict[str, str | None], language: str | None
) -> MetricSource:
    """``source`` restricted to the conversations detected in ``language``."""
    kept = [
        r._replace(language=languages.get(r.id))
        for r in source.conversations
        if languages.get(r.id) == language
    ]
    ids = {r.id for r in kept}
    return MetricSource(
        conversations=kept,
        messages=[m for m in source.messages if m.conversation_id in ids],
        decisions=[d for d in source.decisions if d.conversation_id in ids],
        handoffs=[h for h in source.handoffs if h.conversation_id in ids],
        feedback=[f for f in source.feedback if f.conversation_id in ids],
        incidents=source.incidents,
    )


def _findings(value: object) -> Iterable[FindingRow]:
    if isinstance(value, str):
        value = json.loads(value)
    if not isinstance(value, Sequence):
        return
    for item in value:
        if isinstance(item, dict):
            score = item.get("score")
            yield FindingRow(
                str(item.get("guard", "")),
                str(item.get("rule", "")),
                float(score) if isinstance(score, int | float) else 1.0,
            )
