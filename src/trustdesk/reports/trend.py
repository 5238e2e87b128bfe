"""Trend charts of impact ratios across stored outcome audits: inline SVG geometry for the
"History" section of a report and for ``trustdesk audit history --out trend.html``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from trustdesk.audit.trend import Series

WIDTH = 560
HEIGHT = 150
LEFT = 40  # room for the axis labels
TOP = 10
BOTTOM = 24


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    y: float
    title: str
    severity: str | None


@dataclass(frozen=True, slots=True)
class TrendChart:
    metric: str
    group: str
    dots: list[Dot]
    line: str  # the SVG polyline's points
    threshold_y: float
    top_label: str
    first: str
    last: str
    latest: str


def _x(at: datetime, start: datetime, span: float) -> float:
    inner = WIDTH - LEFT - 10
    if span <= 0:
        return LEFT + inner / 2
    return LEFT + inner * (at - start).total_seconds() / span


def trend_charts(
    series: Sequence[Series], threshold: float, label: Callable[[str], str] = str
) -> list[TrendChart]:
    """One chart per series; every chart shares the time axis of all of them. ``label``
    turns a metric name into words (default: the name)."""
    points = [p for s in series for p in s.points]
    if not points:
        return []
    start = min(p.at for p in points)
    span = (max(p.at for p in points) - start).total_seconds()
    top = max(1.2, max(p.impact_ratio for p in points) * 1.05)
    inner = HEIGHT - TOP - BOTTOM

    def y(v: float) -> float:
        return TOP + inner * (1 - max(0.0, min(v, top)) / top)

    charts = []
    for s in series:
        dots = [
            Dot(
                _x(p.at, start, span),
                y(p.impact_ratio),
                f"{p.at.date().isoformat()}: {p.impact_ratio:.2f}"
                + (f" ({p.severity})" if p.severity else ""),
                p.severity,
            )
            for p in s.points
        ]
        charts.append(
            TrendChart(
                metric=label(s.metric),
                group=s.label,
                dots=dots,
                line=" ".join(f"{d.x:.1f},{d.y:.1f}" for d in dots),
                threshold_y=y(threshold),
                top_label=f"{top:.2f}",
                first=start.date().isoformat(),
                last=max(p.at for p in points).date().isoformat(),
                latest=f"{s.points[-1].impact_ratio:.2f}",
            )
        )
    return charts
