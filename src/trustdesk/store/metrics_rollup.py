"""Keeps the dashboard's per-conversation rollup (``metric_facts`` and its two side tables).

A refresh rebuilds the rows of every conversation that changed since the last one: its
``updated_at`` (a message, a status change, a handoff), its feedback, its erasure, or a new
conversation of the same vouched customer (which decides "stayed resolved"). Rows are built by
the metrics reader and :func:`trustdesk.monitor.rollup.rollup` — the definitions' own code — in
batches, each replaced in one write transaction. The watermark is the start of the last
refresh less :data:`MARGIN`, so a transaction that committed late is read again. The dashboard
refreshes before it answers (cheap when little changed); a conversation deleted by a retention
purge takes its rows with it (foreign keys).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine, delete, insert, select, union, update
from sqlalchemy.exc import IntegrityError

from trustdesk.monitor.rollup import Rollup, rollup
from trustdesk.store.metrics_reader import SqlMetricsReader
from trustdesk.store.tables import (
    conversations,
    feedback,
    metric_facts,
    metric_findings,
    metric_questions,
    metric_refresh,
)
from trustdesk.store.transactions import read, write

NAME = "dashboard"
BATCH = 2000
# Changes stamped up to this long before a refresh began are read again by the next one.
MARGIN = timedelta(seconds=60)
Clock = Callable[[], datetime]


def _now() -> datetime:
    return datetime.now(UTC)


class SqlMetricsRollup:
    """Brings the rollup up to date; one refresh at a time per process."""

    def __init__(self, engine: Engine, clock: Clock = _now, batch: int = BATCH) -> None:
        self.engine = engine
        self.clock = clock
        self.batch = batch
        self.reader = SqlMetricsReader(engine)
        self._lock = threading.Lock()

    def refresh(self, *, full: bool = False) -> int:
        """Rebuild the rows of what changed since the last refresh (of everything when
        ``full`` or never refreshed); returns how many conversations were rebuilt."""
        with self._lock:
            started = self.clock()
            through = None if full else self.refreshed_through()
            rebuilt = 0
            for chunk in self._dirty(through):
                rebuilt += self._rebuild(chunk)
            self._mark(started - MARGIN)
            return rebuilt

    def refreshed_through(self) -> datetime | None:
        with read(self.engine) as conn:
            found = conn.execute(
                select(metric_refresh.c.refreshed_through).where(metric_refresh.c.name == NAME)
            ).scalar()
        if not isinstance(found, datetime):
            return None
        return found if found.tzinfo else found.replace(tzinfo=UTC)

    # -- what changed -------------------------------------------------------------------------

    def _dirty(self, through: datetime | None) -> Iterator[list[str]]:
        if through is None:
            yield from self._everything()
            return
        c = conversations
        returning = select(c.c.subject_id).where(
            c.c.updated_at >= through, c.c.customer_ref.is_not(None)
        )
        changed = union(
            select(c.c.id).where(c.c.updated_at >= through),
            select(c.c.id).where(c.c.erased_at >= through),
            select(feedback.c.conversation_id).where(feedback.c.updated_at >= through),
            # Earlier conversations of a vouched customer who started another: "stayed
            # resolved" of those may have changed.
            select(c.c.id).where(c.c.subject_id.in_(returning)),
        )
        with read(self.engine) as conn:
            ids = sorted(conn.execute(changed).scalars())
        for start in range(0, len(ids), self.batch):
            yield ids[start : start + self.batch]

    def _everything(self) -> Iterator[list[str]]:
        last = ""
        while True:
            with read(self.engine) as conn:
                ids = list(
                    conn.execute(
                        select(conversations.c.id)
                        .where(conversations.c.id > last)
                        .order_by(conversations.c.id)
                        .limit(self.batch)
                    ).scalars()
                )
            if not ids:
                return
            yield ids
            last = ids[-1]

    # -- rebuilding -----------------------------------------------------------------------

    def _rebuild(self, ids: Sequence[str]) -> int:
        source = self.reader.load(ids=ids, detect_language=True)
        rows = rollup(source)
        try:
            with write(self.engine) as conn:
                self._replace(conn, ids, rows)
        except IntegrityError:
            # Another process rebuilt the same conversations at the same moment (or one was
            # deleted meanwhile): its rows are as fresh; the next refresh reads them again.
            return 0
        return len(ids)

    @staticmethod
    def _replace(conn: Connection, ids: Sequence[str], rows: Rollup) -> None:
        for table in (metric_facts, metric_findings, metric_questions):
            conn.execute(delete(table).where(table.c.conversation_id.in_(list(ids))))
        if rows.facts:
            conn.execute(insert(metric_facts), [r._asdict() for r in rows.facts])
        if rows.findings:
            conn.execute(insert(metric_findings), [r._asdict() for r in rows.findings])
        if rows.questions:
            conn.execute(insert(metric_questions), [r._asdict() for r in rows.questions])

    def _mark(self, through: datetime) -> None:
        with write(self.engine) as conn:
            done = conn.execute(
                update(metric_refresh)
                .where(metric_refresh.c.name == NAME)
                .values(refreshed_through=through)
            ).rowcount
            if not done:
                conn.execute(insert(metric_refresh).values(name=NAME, refreshed_through=through))
