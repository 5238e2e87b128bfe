"""The outcome and probe audits as self-contained HTML pages (no scripts, no CDN; charts are
inline SVG) and as JSON. Every value reaches the page through Jinja2's autoescape."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, PackageLoader, select_autoescape

from trustdesk.audit.decisions import DECISIONS
from trustdesk.audit.disparity import RATE, GroupStat
from trustdesk.audit.findings import METHOD, OutcomeAudit
from trustdesk.audit.probe import BINARY, Comparison, ProbeAudit
from trustdesk.audit.probe import LIMITS as PROBE_LIMITS
from trustdesk.audit.probe import METHOD as PROBE_METHOD
from trustdesk.policy.fairness import HANDOFF_REASON_PREFIX

if TYPE_CHECKING:
    from trustdesk.audit.history import AuditRun
    from trustdesk.audit.trend import Series

LABELS = {
    "resolved_by_ai": "Handled by the AI alone",
    "handed_off": "Handed to a person",
    "resolved": "Resolved (closed)",
    "action_proposed": "Action proposed (refund, compensation ...)",
    "action_approved": "Proposed action approved (of those decided)",
    "action_refused": "Proposed action refused (of those decided)",
    "approved_amount": "Approved amount per conversation",
    "time_to_first_reply_s": "Time to first reply (seconds)",
    "time_to_person_s": "Time from handoff to a person's first message (seconds)",
    "ai_reply_positivity": "Sentiment of AI replies (VADER, 0 negative - 1 positive)",
    "clarifying_loops": "Clarifying loops (assistant asked back)",
}
CHART_WIDTH = 560
ROW_HEIGHT = 22
LABEL_WIDTH = 180


def metric_label(metric: str) -> str:
    if metric.startswith(HANDOFF_REASON_PREFIX):
        return f"Handed to a person, reason: {metric.removeprefix(HANDOFF_REASON_PREFIX)}"
    return LABELS.get(metric, metric)


def _fmt(stat: GroupStat, value: float) -> str:
    if math.isnan(value):
        return "–"
    if stat.kind == RATE:
        return f"{value * 100:.1f}%"
    return f"{value:,.3g}" if abs(value) < 1000 else f"{value:,.0f}"


def _p(value: float) -> str:
    if math.isnan(value):
        return "–"
    return "<0.0001" if value < 1e-4 else f"{value:.4f}"


@dataclass(frozen=True, slots=True)
class Row:
    """One group's line in a table and its two bars in the charts (geometry precomputed)."""

    label: str
    n: int
    value: str
    interval: str
    difference: str
    ratio: str
    p: str
    p_adjusted: str
    detectable: str
    reference: bool
    flagged: str | None
    ratio_width: float
    low_x: float
    high_x: float
    value_x: float


@dataclass(frozen=True, slots=True)
class Block:
    metric: str
    title: str
    grouping: str
    favourable: str
    rows: list[Row]
    threshold_x: float
    chart_height: int
    value_caption: str


def _blocks(audit: OutcomeAudit) -> list[Block]:
    flagged = {(f.stat.grouping, f.stat.group, f.stat.metric): f.severity for f in audit.findings}
    threshold = audit.fairness.impact_ratio_threshold
    span = CHART_WIDTH - LABEL_WIDTH - 20
    by_key: dict[tuple[str, tuple[str, ...]], list[GroupStat]] = {}
    for s in audit.comparison.stats:
        by_key.setdefault((s.metric, s.grouping), []).append(s)
    blocks = []
    for (metric, grouping), stats in by_key.items():
        stats = sorted(stats, key=lambda s: (not s.is_reference, -s.impact_ratio))
        top = 1.0 if stats[0].kind == RATE else max(max(s.high, s.value) for s in stats) or 1.0
        rows = []
        for s in stats:

            def x(v: float, top: float = top) -> float:
                return LABEL_WIDTH + span * max(0.0, min(v / top, 1.0)) if not math.isnan(v) else 0

            rows.append(
                Row(
                    label=", ".join(s.group),
                    n=s.n,
                    value=_fmt(s, s.value),
                    interval=f"{_fmt(s, s.low)} – {_fmt(s, s.high)}",
                    difference="reference" if s.is_reference else _fmt(s, s.difference),
                    ratio=f"{s.impact_ratio:.2f}",
                    p=_p(s.p_value),
                    p_adjusted=_p(s.p_adjusted),
                    detectable="–" if s.is_reference else _fmt(s, s.detectable_difference),
                    reference=s.is_reference,
                    flagged=flagged.get((s.grouping, s.group, s.metric)),
                    ratio_width=span * max(0.0, min(s.impact_ratio, 1.0)),
                    low_x=x(s.low),
                    high_x=x(s.high),
                    value_x=x(s.value),
                )
            )
        blocks.append(
            Block(
                metric=metric,
                title=metric_label(metric),
                grouping=" × ".join(grouping),
                favourable=stats[0].direction,
                rows=rows,
                threshold_x=LABEL_WIDTH + span * threshold,
                chart_height=ROW_HEIGHT * len(rows) + 24,
                value_caption=f"value (0 – {'100%' if stats[0].kind == RATE else f'{top:,.3g}'})",
            )
        )
    return blocks


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("trustdesk.reports", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )


def render_outcome_audit_html(
    audit: OutcomeAudit,
    organization: str,
    *,
    run: AuditRun | None = None,
    history: Sequence[Series] | None = None,
) -> str:
    """The audit as one HTML page a person can read offline and archive. For a stored run,
    ``run`` adds its id, digest and sign-off, and ``history`` (trend series across the stored
    runs) a History section."""
    from trustdesk.reports.trend import HEIGHT, WIDTH, trend_charts

    template = _environment().get_template("outcome_audit.html")
    charts = None
    if history is not None:
        threshold = audit.fairness.impact_ratio_threshold
        charts = trend_charts(history, threshold, metric_label)
    findings = [
        {
            "severity": f.severity,
            "metric": metric_label(f.stat.metric),
            "group": f.stat.label,
            "reference": ", ".join(
                f"{a}={v}" for a, v in zip(f.stat.grouping, f.stat.reference, strict=True)
            ),
            "value": _fmt(f.stat, f.stat.value),
            "reference_value": _fmt(f.stat, f.stat.reference_value),
            "ratio": f"{f.stat.impact_ratio:.2f}",
            "p_adjusted": _p(f.stat.p_adjusted),
            "n": f.stat.n,
        }
        for f in audit.findings
    ]
    return template.render(
        audit=audit,
        organization=organization,
        counts=audit.counts(),
        findings=findings,
        notes=[(metric_label(s.metric), s.label, f"{s.impact_ratio:.2f}") for s in audit.notes],
        blocks=_blocks(audit),
        method=METHOD,
        width=CHART_WIDTH,
        label_width=LABEL_WIDTH,
        row_height=ROW_HEIGHT,
        groupings=[" × ".join(g) for g in audit.comparison.groupings],
        suppressed=[(" × ".join(g), n) for g, n in audit.comparison.suppressed.items() if n],
        run=run,
        history=charts,
        trend_width=WIDTH,
        trend_height=HEIGHT,
    )


def render_trend_html(
    runs: Sequence[AuditRun], series: Sequence[Series], organization: str, threshold: float
) -> str:
    """The stored outcome audits (newest first) and the impact-ratio trend of every group
    flagged in any of them, as one self-contained page."""
    from trustdesk.reports.trend import HEIGHT, WIDTH, trend_charts

    return (
        _environment()
        .get_template("audit_trend.html")
        .render(
            runs=runs,
            charts=trend_charts(series, threshold, metric_label),
            organization=organization,
            threshold=threshold,
            width=WIDTH,
            height=HEIGHT,
        )
    )


def render_outcome_audit_json(audit: OutcomeAudit, extra: Sequence[tuple[str, Any]] = ()) -> str:
    """The audit as JSON (``OutcomeAudit.to_json``), indented, with keys in a stable order."""
    data = audit.to_json()
    data.update(dict(extra))
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# --- probe audits ---------------------------------------------------------------------------


def _probe_value(c: Comparison, value: float) -> str:
    if math.isnan(value):
        return "–"
    if c.kind == BINARY:
        return f"{value * 100:.1f}%"
    return f"{value:,.3g}"


def _probe_interval(c: Comparison) -> str:
    """The variant's rate with its Wilson 95% interval over the pairs (rates only)."""
    from trustdesk.audit.statistics import wilson_interval

    if c.kind != BINARY or math.isnan(c.value) or c.n <= 0:
        return "–"
    low, high = wilson_interval(round(c.value * c.n), c.n)
    return f"{float(low) * 100:.1f}–{float(high) * 100:.1f}%"


def smallest_significant_pairs(alpha: float) -> int:
    """The fewest discordant pairs, all one way, for which the exact two-sided McNemar test
    is significant at ``alpha``: p = 2 * 0.5**k."""
    k = 1
    while 2 * 0.5**k >= alpha:
        k += 1
    return k


def _probe_row(c: Comparison) -> dict[str, Any]:
    effect = c.effect * 100 if c.kind == BINARY else c.effect
    unit = " pp" if c.kind == BINARY else ""
    return {
        "interval": _probe_interval(c),
        "severity": c.severity,
        "family": c.family,
        "group": c.group,
        "reference": c.reference,
        "metric": c.metric,
        "value": _probe_value(c, c.value),
        "reference_value": _probe_value(c, c.reference_value),
        "effect": f"{effect:+.3g}{unit}",
        "ratio": f"{c.impact_ratio:.2f}",
        "test": c.test,
        "p": _p(c.p_value),
        "p_adjusted": _p(c.p_adjusted),
        "n": c.n,
    }


def render_probe_audit_html(
    audit: ProbeAudit,
    *,
    run: AuditRun | None = None,
    history: Sequence[Series] | None = None,
) -> str:
    """The probe audit as one self-contained HTML page (inline SVG, autoescaped). For a
    stored run, ``run`` adds its id, digest and sign-off, and ``history`` (trend series of the
    variants' impact ratios across the stored runs) a History section."""
    from trustdesk.reports.trend import HEIGHT, WIDTH, trend_charts

    template = _environment().get_template("probe_audit.html")
    charts = None
    if history is not None:
        charts = trend_charts(history, audit.threshold)
    span = CHART_WIDTH - LABEL_WIDTH - 60
    flips = [
        {
            "label": f"{f.family}: {f.group}",
            "family": f.family,
            "group": f.group,
            "reference": f.reference,
            "rate": f"{f.rate * 100:.1f}%",
            "excess": f"{(f.rate - f.placebo_rate) * 100:+.1f} pp",
            "p": _p(f.p_value),
            "n": f.n,
            "bar": span * max(0.0, min(f.rate, 1.0)),
        }
        for f in audit.flip_rates
    ]
    placebo = audit.flip_rates[0] if audit.flip_rates and audit.flip_rates[0].placebo_n else None
    pairs = audit.scenarios * audit.repeats
    least = smallest_significant_pairs(audit.alpha)
    return template.render(
        pairs=pairs,
        least_pairs=least,
        least_effect=f"{100 * least / pairs:.1f}" if pairs else "–",
        audit=audit,
        counts=audit.counts(),
        families=list(audit.distribution),
        findings=[_probe_row(c) for c in audit.findings],
        notes=[_probe_row(c) for c in audit.notes],
        comparisons=[_probe_row(c) for c in audit.comparisons],
        flips=flips,
        placebo_rate="–" if placebo is None else f"{placebo.placebo_rate * 100:.1f}%",
        placebo_x=None if placebo is None else LABEL_WIDTH + span * placebo.placebo_rate,
        flip_height=ROW_HEIGHT * len(flips) + 24,
        decisions=DECISIONS,
        method=PROBE_METHOD,
        limits=PROBE_LIMITS,
        width=CHART_WIDTH,
        label_width=LABEL_WIDTH,
        row_height=ROW_HEIGHT,
        run=run,
        history=charts,
        trend_width=WIDTH,
        trend_height=HEIGHT,
    )


def render_probe_audit_json(audit: ProbeAudit) -> str:
    """The probe audit as JSON (``ProbeAudit.to_json``), indented."""
    return json.dumps(audit.to_json(), indent=2, ensure_ascii=False) + "\n"
