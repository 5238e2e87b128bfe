"""Each alert of the policy's ``alerts`` section as a pure check (docs/metrics.md#alerts).

A check reads the published metric definitions (``definitions.py``) over the rows of the
window, and of the baseline for drops and spikes, and says whether the alert's threshold is
crossed, not crossed, or cannot be judged (too small a sample, no baseline, no audit). It keeps
no copy of a metric's logic, touches no database and opens nothing: ``alerts.py`` does that.
Subjects are words and numbers, never personal data.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from trustdesk.monitor.definitions import (
    Rate,
    disclosure_compliance,
    engaged,
    guard_failures,
    handoff_rates,
    personal_data_detections,
    ratings,
)
from trustdesk.monitor.records import MetricSource
from trustdesk.policy.alerts import (
    DisclosureAlert,
    HandoffRateAlert,
    ImpactRatioAlert,
    RatingDropAlert,
    SpikeAlert,
)

State = Literal["breach", "ok", "too_small", "no_baseline", "no_audit"]
#: Conversation ids of disclosure exceptions listed in the incident (staff only).
MAX_LISTED = 20


@dataclass(frozen=True, slots=True)
class Reading:
    """What one check found. ``measured`` against ``threshold`` (the level it must not pass;
    for drops and spikes derived from ``baseline``), over ``sample`` conversations, ratings,
    detections or findings."""

    state: State
    measured: float | None
    threshold: float
    sample: int
    subject: str
    category: str
    baseline: float | None = None
    # Staff-only detail for the incident (ids, never personal data); never sent anywhere.
    comment: str | None = None

    @property
    def breached(self) -> bool:
        return self.state == "breach"


@dataclass(frozen=True, slots=True)
class AuditFinding:
    """One finding of a stored outcome audit: a group's impact ratio on one metric."""

    metric: str
    group: str  # "gender=woman" or "gender=woman x region=north"
    impact_ratio: float
    n: int


@dataclass(frozen=True, slots=True)
class LatestAudit:
    """The latest stored outcome audit run, as far as the impact-ratio alert needs it."""

    run_id: str
    finished_at: datetime
    findings: Sequence[AuditFinding]
    period_start: datetime | None = None


def _pct(value: float) -> str:
    return f"{value * 100:.1f}%".replace(".0%", "%")


def _rate(rate: Rate) -> str:
    value = rate.value
    return (
        f"{_pct(value) if value is not None else 'none'} ({rate.numerator} of {rate.denominator})"
    )


# -- one function per alert -----------------------------------------------------------------


def check_handoff_rate(config: HandoffRateAlert, window: MetricSource, hours: int) -> Reading:
    """The share of engaged conversations handed to a person (``handoff_rates``) above
    ``threshold``, over at least ``min_conversations`` engaged conversations."""
    rate = handoff_rates(window).handed_off
    value = rate.value
    if value is None or rate.denominator < config.min_conversations:
        state: State = "too_small"
    else:
        state = "breach" if value > config.threshold else "ok"
    return Reading(
        state,
        value,
        config.threshold,
        rate.denominator,
        f"Handoff rate {_rate(rate)} of conversations in the last {hours} h is above "
        f"{_pct(config.threshold)}",
        "service",
    )


def _all_ratings(source: MetricSource) -> tuple[float | None, int]:
    """The mean rating and the number of ratings, AI- and person-handled together."""
    found = ratings(source)
    count = found.ai.count + found.person.count
    if not count:
        return None, 0
    total = sum(s.mean * s.count for s in (found.ai, found.person) if s.mean is not None)
    return total / count, count


def check_rating_drop(
    config: RatingDropAlert, window: MetricSource, baseline: MetricSource, hours: int
) -> Reading:
    """The mean of the customers' latest ratings (``ratings``, both groups) in the window at
    least ``points`` below the baseline's, with ``min_ratings`` ratings in each."""
    mean, count = _all_ratings(window)
    before, before_count = _all_ratings(baseline)
    threshold = before - config.points if before is not None else 0.0
    if mean is None or count < config.min_ratings:
        state: State = "too_small"
    elif before is None or before_count < config.min_ratings:
        state = "no_baseline"
    else:
        state = "breach" if mean <= threshold else "ok"
    return Reading(
        state,
        mean,
        threshold,
        count,
        f"Mean rating {mean or 0:.2f} of {count} ratings in the last {hours} h is "
        f"{config.points:g} or more points below the baseline's {before or 0:.2f}",
        "service",
        baseline=before,
    )


def check_disclosure(
    config: DisclosureAlert,
    window: MetricSource,
    hours: int,
    disclosures: Collection[str] | None = None,
) -> Reading:
    """Disclosure compliance (``disclosure_compliance``) below ``threshold`` (1.0: any
    exception), over at least ``min_conversations`` conversations the AI replied in."""
    found = disclosure_compliance(window, disclosures)
    rate = found.rate
    value = rate.value
    if value is None or rate.denominator < config.min_conversations:
        state: State = "too_small"
    else:
        state = "breach" if value < config.threshold else "ok"
    listed = found.exceptions[:MAX_LISTED]
    more = len(found.exceptions) - len(listed)
    comment = None
    if listed:
        comment = "Conversations without a compliant disclosure: " + ", ".join(listed)
        comment += f" and {more} more" if more else ""
    return Reading(
        state,
        value,
        config.threshold,
        rate.denominator,
        f"Disclosure compliance {_rate(rate)} of conversations in the last {hours} h is below "
        f"{_pct(config.threshold)}",
        "disclosure",
        comment=comment,
    )


def _spike(
    config: SpikeAlert,
    counted: tuple[int, int],
    before: tuple[int, int],
    what: str,
    hours: int,
    category: str,
) -> Reading:
    count, conversations = counted
    before_count, before_conversations = before
    baseline = before_count / before_conversations if before_conversations else None
    measured = count / conversations if conversations else None
    threshold = config.ratio * baseline if baseline is not None else 0.0
    if measured is None or count < config.min_count:
        state: State = "too_small"
    elif baseline is None or before_conversations < config.min_baseline_conversations:
        state = "no_baseline"
    else:
        state = "breach" if measured >= threshold else "ok"
    return Reading(
        state,
        measured,
        threshold,
        count,
        f"{what}: {count} in {conversations} conversations in the last {hours} h, "
        f"{measured or 0:.3f} per conversation against {baseline or 0:.3f} before "
        f"(alert at {config.ratio:g} times)",
        category,
        baseline=baseline,
    )


def _detections(source: MetricSource) -> tuple[int, int]:
    found = personal_data_detections(source)
    count = sum(found.by_type.values()) + sum(found.leaked_by_type.values())
    return count, found.conversations.denominator


def _failures(source: MetricSource) -> tuple[int, int]:
    return sum(guard_failures(source).values()), len(engaged(source))


def check_pii_spike(
    config: SpikeAlert, window: MetricSource, baseline: MetricSource, hours: int
) -> Reading:
    """Personal-data detections (``personal_data_detections``: customer messages and drafts)
    per engaged conversation, at least ``ratio`` times the baseline's, with ``min_count``
    detections in the window and ``min_baseline_conversations`` in the baseline."""
    return _spike(
        config,
        _detections(window),
        _detections(baseline),
        "Personal-data detections spiked",
        hours,
        "privacy",
    )


def check_guard_failure_spike(
    config: SpikeAlert, window: MetricSource, baseline: MetricSource, hours: int
) -> Reading:
    """Guard and backend failures (``guard_failures``) per engaged conversation, at least
    ``ratio`` times the baseline's, with ``min_count`` failures in the window."""
    return _spike(
        config,
        _failures(window),
        _failures(baseline),
        "Guard and backend failures spiked",
        hours,
        "reliability",
    )


def check_impact_ratio(config: ImpactRatioAlert, audit: LatestAudit | None) -> Reading:
    """A finding of the latest stored outcome audit (significant after Benjamini-Hochberg,
    groups below the policy's minimum size already left out by the audit) whose impact ratio
    is below ``threshold``."""
    if audit is None:
        return Reading("no_audit", None, config.threshold, 0, "No outcome audit stored", "unfair")
    below = sorted(
        (f for f in audit.findings if f.impact_ratio < config.threshold),
        key=lambda f: f.impact_ratio,
    )
    lowest = below[0] if below else None
    when = audit.finished_at.date().isoformat()
    if lowest is None:
        return Reading(
            "ok",
            min((f.impact_ratio for f in audit.findings), default=None),
            config.threshold,
            len(audit.findings),
            f"Outcome audit of {when}: no impact ratio below {config.threshold:g}",
            "unfair",
        )
    return Reading(
        "breach",
        lowest.impact_ratio,
        config.threshold,
        len(below),
        f"Outcome audit of {when}: {len(below)} finding(s) with an impact ratio below "
        f"{config.threshold:g}; lowest {lowest.impact_ratio:.2f} on {lowest.metric} for "
        f"{lowest.group}",
        "unfair",
        comment=f"Audit run {audit.run_id}: "
        + "; ".join(f"{f.metric} {f.group} {f.impact_ratio:.2f} (n={f.n})" for f in below[:10]),
    )


def group_label(group: Mapping[str, object]) -> str:
    """``{"gender": "woman", "region": "north"}`` as ``gender=woman x region=north``."""
    return " x ".join(f"{k}={v}" for k, v in group.items())
