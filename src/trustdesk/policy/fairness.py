"""The policy's ``fairness`` section: which self-reported attributes outcome audits group by,
and the thresholds they use (docs/fairness.md).

The outcome metrics are named here, like the entity names in ``entities.py``: the policy owns
the vocabulary (and which direction of each is favourable to the customer), the audit package
implements exactly those names (a test holds the two together).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Direction = Literal["higher", "lower"]
AttributeName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
AttributeValue = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)
]

# Every outcome metric with the direction favourable to the customer by default. Rates first
# (share of conversations where something happened), then continuous measures.
RATE_METRICS: dict[str, Direction] = {
    "resolved_by_ai": "higher",
    "handed_off": "lower",
    "resolved": "higher",
    "action_proposed": "higher",
    "action_approved": "higher",
    "action_refused": "lower",
}
CONTINUOUS_METRICS: dict[str, Direction] = {
    "approved_amount": "higher",
    "time_to_first_reply_s": "lower",
    "time_to_person_s": "lower",
    "ai_reply_positivity": "higher",
    "clarifying_loops": "lower",
}
# One rate per handoff reason ("handoff.customer_request" ...); they take the direction of
# "handed_off" unless the policy names one.
HANDOFF_REASON_PREFIX = "handoff."
OUTCOME_METRICS: dict[str, Direction] = {**RATE_METRICS, **CONTINUOUS_METRICS}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FairnessAttribute(_Strict):
    """An attribute customers may choose to share, and the values it may take."""

    name: AttributeName
    values: list[AttributeValue] = Field(
        min_length=2,
        description="The values a customer may give; anything else is not used in audits.",
    )
    description: str = ""

    @model_validator(mode="after")
    def _unique_values(self) -> FairnessAttribute:
        if len(set(self.values)) != len(self.values):
            raise ValueError(f"attribute {self.name}: each value may appear once")
        return self


class AuditCadence(_Strict):
    """How often a scheduled audit runs, and over which period."""

    every_days: int = Field(
        ge=1, le=366, description="Run when no scheduled run of this kind is this recent."
    )
    window_days: int = Field(
        default=30,
        ge=1,
        le=3660,
        description="Audit the conversations started in this many days before the run.",
    )


_TARGET = r"^(embedded|(openai|http):https?://[^\s]{1,500})$"


class ProbeCadence(_Strict):
    """How often the server runs a probe audit, of which assistant, with which suite."""

    every_days: int = Field(
        ge=1, le=366, description="Run when no scheduled probe audit is this recent."
    )
    target: Annotated[str, StringConstraints(pattern=_TARGET)] = Field(
        default="embedded",
        description="embedded (the server's own assistant, on its live knowledge base), "
        "openai:BASE_URL (an OpenAI-compatible server; needs model) or http:URL (a "
        "TrustDesk-style conversation API).",
    )
    model: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = Field(
        default=None, description="The model name, for an openai: target."
    )
    api_key_env: Annotated[str, StringConstraints(pattern=r"^[A-Z_][A-Z0-9_]{0,63}$")] = Field(
        default="OPENAI_API_KEY",
        description="The environment variable holding an openai: target's API key (the key "
        "itself never goes in the policy).",
    )
    suite: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,39}$")] = Field(
        default="default", description="The probe suite (checked when the server starts)."
    )
    scenarios: int | None = Field(
        default=None, ge=1, le=10_000, description="Only the suite's first N scenarios."
    )
    repeats: int = Field(default=1, ge=1, le=100, description="Send every probe this often.")
    concurrency: int = Field(
        default=4, ge=1, le=64, description="Requests in flight to an HTTP target."
    )
    timeout_s: float = Field(default=60.0, ge=1.0, le=600.0, description="Seconds per request.")

    @model_validator(mode="after")
    def _model_for_openai(self) -> ProbeCadence:
        if self.target.startswith("openai:") and self.model is None:
            raise ValueError("a scheduled probe of an openai: target needs its model")
        # The key is sent to the target: never one of TrustDesk's own secrets.
        if self.api_key_env.startswith("TRUSTDESK_"):
            raise ValueError("api_key_env may not name a TRUSTDESK_ setting")
        return self


class AuditSchedule(_Strict):
    """Audits the server runs and stores by itself (docs/fairness.md, "Scheduled audits")."""

    outcomes: AuditCadence | None = Field(
        default=None, description="The outcome audit's cadence; none: not scheduled."
    )
    probes: ProbeCadence | None = Field(
        default=None, description="The probe audit's cadence and target; none: not scheduled."
    )
    incidents_from: Literal["medium", "high", "off"] = Field(
        default="medium",
        description="Findings of a scheduled run at or above this severity open an incident "
        "(medium: every finding); off: none.",
    )


class Fairness(_Strict):
    """Outcome audits across the groups customers consented to be counted in."""

    attributes: list[FairnessAttribute] = Field(
        default_factory=list,
        description="Self-reported attributes audits may group by (stored only with consent "
        "to service improvement).",
    )
    intersections: bool = Field(
        default=True, description="Also audit every pair of the attributes audited."
    )
    min_group_size: int = Field(
        default=30,
        ge=2,
        le=100_000,
        description="Groups with fewer conversations than this (for a metric) are left out "
        "of reports, not shown.",
    )
    impact_ratio_threshold: float = Field(
        default=0.8, gt=0.0, le=1.0, description="The four-fifths rule by default."
    )
    alpha: float = Field(
        default=0.05, gt=0.0, lt=0.5, description="False discovery rate (Benjamini-Hochberg)."
    )
    favourable: dict[str, Direction] = Field(
        default_factory=dict,
        description="Which direction of a metric is favourable to the customer, where it "
        "differs from the default (docs/fairness.md lists the metrics and their defaults).",
    )

    schedule: AuditSchedule | None = Field(
        default=None,
        description="Audits the server runs by itself and stores; none when absent.",
    )

    @model_validator(mode="after")
    def _check(self) -> Fairness:
        names = [a.name for a in self.attributes]
        if len(names) != len(set(names)):
            raise ValueError("each fairness attribute may appear once")
        unknown = sorted(
            m
            for m in self.favourable
            if m not in OUTCOME_METRICS and not m.startswith(HANDOFF_REASON_PREFIX)
        )
        if unknown:
            raise ValueError(
                f"unknown outcome metric(s) {', '.join(unknown)}; known: "
                f"{', '.join(OUTCOME_METRICS)} and handoff.<reason>"
            )
        return self

    def direction(self, metric: str) -> Direction:
        """The favourable direction of ``metric`` under this policy."""
        if metric in self.favourable:
            return self.favourable[metric]
        if metric.startswith(HANDOFF_REASON_PREFIX):
            return self.favourable.get("handed_off", RATE_METRICS["handed_off"])
        return OUTCOME_METRICS[metric]
