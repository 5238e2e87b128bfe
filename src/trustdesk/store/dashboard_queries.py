"""The dashboard's charts in SQL over the per-conversation rollup (``store/metrics_rollup.py``).

Each chart is one or two aggregate statements over ``metric_facts`` restricted to the period,
channel and language, and gives exactly the :class:`trustdesk.monitor.dashboard.Dashboard`
chart the published definitions give on the same conversations
(``tests/integration/test_dashboard_queries.py``). What depends on the moment of measurement
(settled, 7 days later) and on the policy (the greeting texts) is applied here, not stored.
Percentiles are nearest-rank: each column's non-zero values are read once, sorted by the
database (the AI's replies are 0 s by construction and are only counted), and every
percentile is a rank among them past the zeros.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from types import MappingProxyType
from typing import Any

from sqlalchemy import Connection, Engine, and_, func, not_, or_, select
from sqlalchemy.sql.elements import ColumnElement

from trustdesk.monitor import dashboard as charts
from trustdesk.monitor import definitions as d
from trustdesk.monitor.questions import group_questions
from trustdesk.store.tables import incidents, metric_facts, metric_findings, metric_questions
from trustdesk.store.transactions import read

F = metric_facts.c


@dataclass(frozen=True, slots=True)
class Filters:
    """The conversations started in ``[since, until)``, of ``channel``, in ``language``."""

    since: datetime | None = None
    until: datetime | None = None
    channel: str | None = None
    language: str | None = None


def _utc(value: datetime) -> datetime:
    return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


def _where(filters: Filters) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    if filters.since is not None:
        found.append(F.created_at >= _utc(filters.since))
    if filters.until is not None:
        found.append(F.created_at < _utc(filters.until))
    if filters.channel is not None:
        found.append(F.channel == filters.channel)
    if filters.language is not None:
        found.append(F.language == filters.language)
    return found


def _count(*conditions: ColumnElement[bool]) -> Any:
    return func.count().filter(and_(*conditions)) if conditions else func.count()


class SqlDashboard:
    """Answers each chart from the rollup; the rollup must be refreshed first."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def dashboard(
        self, filters: Filters, as_of: datetime, disclosures: Collection[str] | None = None
    ) -> charts.Dashboard:
        """Every chart, in one read snapshot."""
        with read(self.engine) as conn:
            return charts.Dashboard(
                **{
                    name: self.chart(name, filters, as_of, disclosures, conn)
                    for name in charts.CHARTS
                }
            )

    def chart(
        self,
        name: str,
        filters: Filters,
        as_of: datetime,
        disclosures: Collection[str] | None = None,
        conn: Connection | None = None,
    ) -> Any:
        """One chart of :data:`trustdesk.monitor.dashboard.CHARTS`."""
        query: Callable[..., Any] = getattr(self, f"_{name}")
        args: dict[str, Any] = {"filters": filters}
        if name in ("resolution",):
            args["as_of"] = _utc(as_of)
        if name == "disclosure":
            args["disclosures"] = disclosures
        if conn is not None:
            return query(conn, **args)
        with read(self.engine) as own:
            return query(own, **args)

    # -- the charts -------------------------------------------------------------------------

    def _volume(self, conn: Connection, filters: Filters) -> charts.Volume:
        rows = conn.execute(
            select(
                F.day,
                func.count(),
                _count(F.ai_only),
                _count(F.handed_off),
                _count(F.with_person),
                func.sum(F.person_replies),
                func.sum(F.drafted_replies),
            )
            .where(F.engaged, *_where(filters))
            .group_by(F.day)
            .order_by(F.day)
        ).all()
        days = tuple(charts.DayCounts(r[0], r[1], r[2], r[3], r[4]) for r in rows)
        replies = sum(int(r[5] or 0) for r in rows)
        drafted = sum(int(r[6] or 0) for r in rows)
        work = d.Workload(
            engaged=sum(x.engaged for x in days),
            ai_only=sum(x.ai_only for x in days),
            handed_off=sum(x.handed_off for x in days),
            with_person=sum(x.with_person for x in days),
            person_replies=replies,
            assisted=d.Rate(drafted, replies),
        )
        return charts.Volume(days, work)

    def _resolution(
        self, conn: Connection, filters: Filters, as_of: datetime
    ) -> charts.ResolutionChart:
        settled = or_(F.status == d.RESOLVED, F.updated_at <= as_of - d.SETTLE)
        resolved = and_(F.ai_only, settled)
        old_enough = and_(
            F.ai_only, F.vouched, F.updated_at <= as_of - timedelta(days=d.STAYED_DAYS)
        )
        row = conn.execute(
            select(
                func.count(),
                _count(F.ai_only, not_(settled)),
                _count(resolved),
                _count(resolved, F.solved.is_not(None)),
                _count(resolved, F.solved.is_(True)),
                _count(old_enough),
                _count(old_enough, not_(F.returned)),
            ).where(F.engaged, *_where(filters))
        ).one()
        engaged, in_progress, assumed, answered, confirmed, old, stayed = (int(v) for v in row)
        denominator = engaged - in_progress
        resolution = d.Resolution(
            denominator,
            in_progress,
            d.Rate(assumed, denominator),
            d.Rate(confirmed, denominator),
            answered,
        )
        return charts.ResolutionChart(resolution, d.Rate(stayed, old))

    def _handoffs(self, conn: Connection, filters: Filters) -> d.Handoffs:
        rows = conn.execute(
            select(F.first_reason, func.count())
            .where(F.engaged, *_where(filters))
            .group_by(F.first_reason)
        ).all()
        total = sum(int(n) for _, n in rows)
        reasons = {reason: int(n) for reason, n in rows if reason is not None}
        return d.Handoffs(
            total,
            d.Rate(sum(reasons.values()), total),
            MappingProxyType({r: d.Rate(n, total) for r, n in sorted(reasons.items())}),
        )

    def _response_times(self, conn: Connection, filters: Filters) -> charts.ResponseTimes:
        where = [F.engaged, *_where(filters)]
        by_ai, by_person = F.reply_by == "ai", F.reply_by == "person"
        replied, reached = F.reply_s.is_not(None), F.person_s.is_not(None)
        row = conn.execute(
            select(
                _count(F.reply_pending),
                _count(replied),
                _count(replied, F.reply_s == 0),
                _count(by_ai),
                _count(by_ai, F.reply_s == 0),
                _count(by_person),
                _count(by_person, F.reply_s == 0),
                _count(F.person_pending),
                _count(reached),
                _count(reached, F.person_s == 0),
            ).where(*where)
        ).one()
        pending, n_all, z_all, n_ai, z_ai, n_person, z_person, waiting, n_to, z_to = (
            int(v) for v in row
        )

        # The non-zero values of each column, sorted, read once (AI replies are 0 s by
        # construction, so most rows are skipped); each percentile is then a rank in them.
        def nonzero(column: Any, *extra: Any) -> list[tuple[Any, ...]]:
            if not (n_all - z_all if column is F.reply_s else n_to - z_to):
                return []
            query = select(column, *extra).where(*where, column > 0).order_by(column)
            return [tuple(row) for row in conn.execute(query)]

        replies = nonzero(F.reply_s, F.reply_by)
        reached_values = [row[0] for row in nonzero(F.person_s)]

        def durations(values: list[float], n: int, zeros: int, pending: int = 0) -> d.Durations:
            def at(pct: float) -> float | None:
                if not n:
                    return None
                rank = d.nearest_rank(n, pct)
                if rank <= zeros:
                    return 0.0
                index = rank - zeros - 1
                return float(values[index]) if index < len(values) else None

            return d.Durations(n, at(50), at(90), pending)

        all_values = [float(v) for v, _ in replies]
        by_kind = {
            kind: [float(v) for v, who in replies if who == kind] for kind in ("ai", "person")
        }
        first = d.FirstReply(
            durations(all_values, n_all, z_all, pending),
            durations(by_kind["ai"], n_ai, z_ai),
            durations(by_kind["person"], n_person, z_person, pending),
        )
        return charts.ResponseTimes(first, durations(reached_values, n_to, z_to, waiting))

    def _ratings(self, conn: Connection, filters: Filters) -> d.Ratings:
        rows = conn.execute(
            select(F.ai_only, F.rating, func.count())
            .where(
                F.engaged,
                F.rating.is_not(None),
                or_(F.ai_only, F.with_person),
                *_where(filters),
            )
            .group_by(F.ai_only, F.rating)
        ).all()
        groups: dict[bool, Counter[int]] = {True: Counter(), False: Counter()}
        for ai_only, rating, n in rows:
            groups[bool(ai_only)][int(rating)] += int(n)

        def summary(found: Counter[int]) -> d.RatingSummary:
            count = sum(found.values())
            mean = sum(r * n for r, n in found.items()) / count if count else None
            return d.RatingSummary(
                count, mean, MappingProxyType({r: found[r] for r in range(1, 6)})
            )

        return d.Ratings(summary(groups[True]), summary(groups[False]))

    def _disclosure(
        self, conn: Connection, filters: Filters, disclosures: Collection[str] | None
    ) -> d.Compliance:
        ok: ColumnElement[bool] = F.disclosure_shape_ok
        if disclosures is not None:
            ok = and_(ok, F.opening.in_(sorted(disclosures)))
        where = [F.engaged, F.disclosure_considered, *_where(filters)]
        considered, compliant = conn.execute(select(func.count(), _count(ok)).where(*where)).one()
        exceptions: list[str] = []
        if compliant < considered:
            exceptions = sorted(
                conn.execute(select(F.conversation_id).where(*where, not_(ok))).scalars()
            )
        return d.Compliance(
            d.Rate(int(compliant), int(considered)), tuple(exceptions[: charts.MAX_EXCEPTIONS])
        )

    def _safety(self, conn: Connection, filters: Filters) -> charts.Safety:
        where = _where(filters)
        by_rule = select(
            metric_findings.c.guard,
            metric_findings.c.rule,
            func.sum(metric_findings.c.occurrences),
        ).group_by(metric_findings.c.guard, metric_findings.c.rule)
        if where:  # (unfiltered, no join: the rollup writes a conversation's findings and
            # facts together, so every finding's conversation has its facts)
            by_rule = by_rule.select_from(
                metric_findings.join(
                    metric_facts,
                    metric_facts.c.conversation_id == metric_findings.c.conversation_id,
                )
            ).where(*where)
        found = conn.execute(by_rule).all()
        by_guard: dict[str, Counter[str]] = {guard: Counter() for guard in d.PII_GUARDS}
        failures: Counter[str] = Counter()
        for guard, rule, n in found:
            if guard in by_guard:
                by_guard[guard][rule] += int(n)
            if rule == d.GUARD_ERROR_RULE:
                failures[guard] += int(n)
            elif (guard, rule) == d.BACKEND_ERROR:
                failures["backend"] += int(n)
        row = conn.execute(
            select(
                _count(F.engaged),
                _count(F.engaged, F.personal_data),
                func.coalesce(func.sum(F.asked), 0),
                func.coalesce(func.sum(F.low_confidence), 0),
                func.coalesce(func.sum(F.declined), 0),
            ).where(*where)
        ).one()
        engaged, personal, asked, low, declined = (int(v) for v in row)
        personal_data = d.PersonalData(
            MappingProxyType(dict(sorted(by_guard["pii"].items()))),
            MappingProxyType(dict(sorted(by_guard["pii_leak"].items()))),
            d.Rate(personal, engaged),
        )
        declines = d.Declines(asked, d.Rate(low, asked), d.Rate(declined, asked))
        return charts.Safety(
            personal_data, declines, MappingProxyType(dict(sorted(failures.items())))
        )

    def _questions(self, conn: Connection, filters: Filters) -> Any:
        query = select(metric_questions.c.conversation_id, metric_questions.c.text)
        where = _where(filters)
        if where:
            query = query.join(
                metric_facts, metric_facts.c.conversation_id == metric_questions.c.conversation_id
            ).where(*where)
        return group_questions((cid, text) for cid, text in conn.execute(query))

    def _incidents(self, conn: Connection, filters: Filters) -> charts.OpenIncidents:
        query = select(incidents.c.status, func.count()).group_by(incidents.c.status)
        if filters.until is not None:
            query = query.where(incidents.c.created_at < _utc(filters.until))
        counts = {
            status: int(n) for status, n in conn.execute(query) if status not in d.CLOSED_INCIDENT
        }
        return charts.OpenIncidents(
            sum(counts.values()), MappingProxyType(dict(sorted(counts.items())))
        )
