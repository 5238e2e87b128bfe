"""The policy's ``alerts`` section: the thresholds that open an incident and send a webhook
(docs/metrics.md#alerts).

Each alert has its own threshold and a minimum sample below which it is not evaluated, so that
two conversations never raise one; each can be switched off with ``enabled: false``, and the
whole section too.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class HandoffRateAlert(_Strict):
    """The share of engaged conversations handed to a person, over the window."""

    enabled: bool = True
    threshold: float = Field(
        default=0.5, gt=0.0, lt=1.0, description="Alert when the handoff rate is above this."
    )
    min_conversations: int = Field(
        default=20, ge=1, le=1_000_000, description="Engaged conversations the window needs."
    )


class RatingDropAlert(_Strict):
    """The mean rating (1-5) of the window against that of the baseline."""

    enabled: bool = True
    points: float = Field(
        default=0.5,
        gt=0.0,
        le=4.0,
        description="Alert when the window's mean rating is this many points below the baseline's.",
    )
    min_ratings: int = Field(
        default=10,
        ge=1,
        le=1_000_000,
        description="Ratings the window and the baseline each need.",
    )


class DisclosureAlert(_Strict):
    """Disclosure compliance over the window: must be 100 %."""

    enabled: bool = True
    threshold: float = Field(
        default=1.0,
        gt=0.0,
        le=1.0,
        description="Alert when compliance is below this (1.0: any exception alerts).",
    )
    min_conversations: int = Field(
        default=1, ge=1, le=1_000_000, description="Conversations the window needs."
    )


class ImpactRatioAlert(_Strict):
    """The findings of the latest stored outcome audit."""

    enabled: bool = True
    threshold: float = Field(
        default=0.8,
        gt=0.0,
        le=1.0,
        description="Alert when a finding of the latest outcome audit has an impact ratio "
        "below this.",
    )


class SpikeAlert(_Strict):
    """A count per engaged conversation, in the window against the baseline."""

    enabled: bool = True
    ratio: float = Field(
        default=2.0,
        gt=1.0,
        le=1000.0,
        description="Alert when the window's count per engaged conversation is at least this "
        "many times the baseline's.",
    )
    min_count: int = Field(
        default=10, ge=1, le=1_000_000, description="Detections the window needs."
    )
    min_baseline_conversations: int = Field(
        default=20,
        ge=1,
        le=1_000_000,
        description="Engaged conversations the baseline needs to compare with.",
    )


class Alerts(_Strict):
    """Thresholds that open an incident (one at a time per alert) and send ``alert.opened``."""

    enabled: bool = True
    interval_minutes: int = Field(
        default=15, ge=1, le=10080, description="How often a server evaluates the alerts."
    )
    window_hours: int = Field(
        default=24,
        ge=1,
        le=24 * 90,
        description="The conversations started in this many hours before the evaluation.",
    )
    baseline_days: int = Field(
        default=7,
        ge=1,
        le=365,
        description="Drops and spikes compare the window with this many days before it.",
    )
    handoff_rate_above: HandoffRateAlert = HandoffRateAlert()
    rating_drop: RatingDropAlert = RatingDropAlert()
    disclosure_compliance_below: DisclosureAlert = DisclosureAlert()
    impact_ratio_below: ImpactRatioAlert = ImpactRatioAlert()
    pii_detections_spike: SpikeAlert = SpikeAlert()
    guard_failures_spike: SpikeAlert = SpikeAlert(min_count=5)
