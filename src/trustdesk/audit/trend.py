"""Impact ratios across stored audits, for trend charts (docs/fairness.md).

A series follows one (metric, grouping, group) through the stored runs of one kind, oldest
first: its impact ratio in each run where the group was shown (a run where it was suppressed
or absent has no point) and whether that run flagged it. Tracked are the groups flagged in any
of the runs, and any the caller names. For probe audits the grouping is the cue family and the
group its variant (``gender=female``), read from each run's comparisons.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from trustdesk.audit.history import AuditRun

MAX_SERIES = 24
Key = tuple[str, tuple[str, ...], tuple[str, ...]]  # metric, grouping, group


@dataclass(frozen=True, slots=True)
class Point:
    at: datetime
    run_id: str
    impact_ratio: float
    severity: str | None


@dataclass(frozen=True, slots=True)
class Series:
    metric: str
    grouping: tuple[str, ...]
    group: tuple[str, ...]
    points: tuple[Point, ...]

    @property
    def label(self) -> str:
        return ", ".join(f"{a}={v}" for a, v in zip(self.grouping, self.group, strict=True))

    def to_json(self) -> dict[str, Any]:
        return {
            "metric": self.metric,
            "group": dict(zip(self.grouping, self.group, strict=True)),
            "points": [
                {
                    "at": p.at.isoformat(),
                    "run_id": p.run_id,
                    "impact_ratio": p.impact_ratio,
                    "severity": p.severity,
                }
                for p in self.points
            ],
        }


def _key(stat: dict[str, Any]) -> Key:
    if "family" in stat:  # a probe audit's comparison
        return stat["metric"], (stat["family"],), (stat["group"],)
    grouping = tuple(stat["grouping"])
    return stat["metric"], grouping, tuple(stat["group"][a] for a in grouping)


def _stats(document: dict[str, Any]) -> list[dict[str, Any]]:
    stats: list[dict[str, Any]] = document.get("groups") or document.get("comparisons") or []
    return stats


def _when(run: AuditRun) -> datetime:
    return run.period_end or run.finished_at


def trend(
    runs: Sequence[AuditRun], track: Iterable[Key] = (), kind: str = "outcomes"
) -> list[Series]:
    """Series for the groups flagged in any of ``runs`` (runs of ``kind`` with their results,
    oldest first; others are ignored) and those in ``track``; the worst lowest ratio first,
    at most MAX_SERIES."""
    documents = [(run, run.document()) for run in runs if run.kind == kind]
    keys: list[Key] = list(dict.fromkeys(track))
    for _, doc in documents:
        keys.extend(k for k in map(_key, doc["findings"]) if k not in keys)
    wanted = set(keys)
    values: dict[Key, list[Point]] = {k: [] for k in keys}
    for run, doc in documents:
        flagged = {_key(f): f["severity"] for f in doc["findings"]}
        for stat in _stats(doc):
            key = _key(stat)
            ratio = stat.get("impact_ratio")
            if key in wanted and isinstance(ratio, int | float) and not math.isnan(ratio):
                values[key].append(Point(_when(run), run.id, float(ratio), flagged.get(key)))
    series = [Series(k[0], k[1], k[2], tuple(v)) for k, v in values.items() if v]
    series.sort(key=lambda s: min(p.impact_ratio for p in s.points))
    return series[:MAX_SERIES]
