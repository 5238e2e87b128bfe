"""Per-conversation outcomes, derived from stored records (docs/fairness.md, "What is measured").

The store reads flat rows for a period (``store/outcome_reader.py``); :func:`derive_outcomes`
turns them into one row per conversation with one column per outcome metric, using columnar
group-bys (polars). A metric that does not apply to a conversation (the time to a person of
one never handed to a person) is null, and the conversation is left out of that metric.
Nothing here touches a database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

import polars as pl

from trustdesk.policy.fairness import HANDOFF_REASON_PREFIX, Fairness

# Decision routes (conversation/turn.py, guards/base.py) that moved a conversation to a person.
HANDOFF_ROUTES = ("handoff_requested", "handoff_failure")
# Routes on which the assistant asked the customer back instead of answering ("I'm not sure;
# would you like a person?", "would you like a person?"): a clarifying loop.
CLARIFYING_ROUTES = ("low_confidence", "person_offered")
UNRECORDED_REASON = "unrecorded"


class ConversationRow(NamedTuple):
    id: str
    created_at: datetime
    status: str
    # The reason of the conversation's (first) handoff, when one was recorded.
    handoff_reason: str | None


class MessageRow(NamedTuple):
    conversation_id: str
    seq: int
    role: str  # customer | assistant | agent
    ai: bool
    created_at: datetime
    text: str  # redacted (placeholders); only AI replies are read, for their sentiment


class DecisionRow(NamedTuple):
    conversation_id: str
    route: str
    created_at: datetime


class ApprovalRow(NamedTuple):
    conversation_id: str
    status: str  # pending | approved | denied
    amount_minor: int | None
    currency: str | None


class AttributeRow(NamedTuple):
    conversation_id: str
    name: str
    value: str


@dataclass(frozen=True, slots=True)
class OutcomeSource:
    """What the store read for one audit: the conversations started in the period and their
    messages, decisions, approvals and consented attributes."""

    conversations: Sequence[ConversationRow]
    messages: Sequence[MessageRow] = ()
    decisions: Sequence[DecisionRow] = ()
    approvals: Sequence[ApprovalRow] = ()
    attributes: Sequence[AttributeRow] = ()


@dataclass(frozen=True, slots=True)
class OutcomeTable:
    """One row per audited conversation: its attribute columns (null where not shared) and
    one column per metric. ``excluded`` counts conversations left out entirely (opened, never
    used); ``ignored_values`` the attribute values outside the policy's lists."""

    frame: pl.DataFrame
    attributes: tuple[str, ...]
    rate_metrics: tuple[str, ...]
    continuous_metrics: tuple[str, ...]
    excluded: int = 0
    ignored_values: int = 0
    notes: tuple[str, ...] = field(default=())


def vader_positivity() -> Callable[[str], float]:
    """VADER's compound score of a text mapped from [-1, 1] to [0, 1] (0.5 is neutral)."""
    from vaderSentiment.vaderSentiment import (  # type: ignore[import-untyped]
        SentimentIntensityAnalyzer,
    )

    analyzer = SentimentIntensityAnalyzer()

    def score(text: str) -> float:
        return (float(analyzer.polarity_scores(text)["compound"]) + 1.0) / 2.0

    return score


def _cached(score: Callable[[str], float]) -> Callable[[str], float]:
    cache: dict[str, float] = {}

    def scored(text: str) -> float:
        value = cache.get(text)
        if value is None:
            value = cache[text] = score(text)
        return value

    return scored


def derive_outcomes(
    source: OutcomeSource,
    fairness: Fairness,
    currency: str,
    sentiment: Callable[[str], float] | None = None,
) -> OutcomeTable:
    """Per-conversation outcomes of ``source`` (docs/fairness.md defines each one).

    Amounts count in ``currency`` only (the policy's approval currency). ``sentiment`` scores
    an AI reply from 0 (negative) to 1 (positive); VADER by default.
    """
    score = _cached(sentiment or vader_positivity())
    conversations = pl.DataFrame(
        {
            "conversation_id": [c.id for c in source.conversations],
            "created_at": [c.created_at for c in source.conversations],
            "status": [c.status for c in source.conversations],
            "reason": [c.handoff_reason for c in source.conversations],
        },
        schema={
            "conversation_id": pl.String,
            "created_at": pl.Datetime("us", "UTC"),
            "status": pl.String,
            "reason": pl.String,
        },
    )
    decisions = _decisions(source.decisions)
    messages = _messages(source.messages, score, decisions.select("conversation_id", "closed_at"))
    approvals = _approvals(source.approvals, currency)
    frame = (
        conversations.join(messages, on="conversation_id", how="left")
        .join(decisions, on="conversation_id", how="left")
        .join(approvals, on="conversation_id", how="left")
    )
    handed = pl.col("first_handoff_at").is_not_null()
    used = pl.col("first_customer_at").is_not_null() | handed
    excluded = frame.height - frame.filter(used).height
    frame = frame.filter(used).with_columns(
        handed_off=handed,
        resolved=pl.col("status") == "resolved",
        resolved_by_ai=~handed & pl.col("first_person_at").is_null(),
        handoff_reason=pl.when(handed).then(pl.col("reason").fill_null(UNRECORDED_REASON)),
        action_proposed=pl.col("proposed").fill_null(0) > 0,
        action_approved=pl.when(pl.col("decided") > 0).then(pl.col("approved") > 0),
        action_refused=pl.when(pl.col("decided") > 0).then(pl.col("denied") > 0),
        approved_amount=pl.when(pl.col("approved_amount_minor") > 0).then(
            pl.col("approved_amount_minor") / 100.0
        ),
        time_to_first_reply_s=(
            pl.col("first_reply_at") - pl.col("first_customer_at")
        ).dt.total_microseconds()
        / 1e6,
        time_to_person_s=pl.when(handed).then(
            (pl.col("first_person_at") - pl.col("first_handoff_at")).dt.total_microseconds() / 1e6
        ),
        clarifying_loops=pl.col("clarifying").fill_null(0).cast(pl.Float64),
    )
    reasons = sorted(r for r in frame["handoff_reason"].unique().to_list() if r is not None)
    frame = frame.with_columns(
        [
            (pl.col("handoff_reason").fill_null("") == reason).alias(
                f"{HANDOFF_REASON_PREFIX}{reason}"
            )
            for reason in reasons
        ]
    )
    attributes, ignored = _attribute_columns(source.attributes, fairness)
    declared = tuple(a.name for a in fairness.attributes)
    frame = frame.join(attributes, on="conversation_id", how="left") if declared else frame
    rate_metrics = (
        "resolved_by_ai",
        "handed_off",
        *(f"{HANDOFF_REASON_PREFIX}{r}" for r in reasons),
        "resolved",
        "action_proposed",
        "action_approved",
        "action_refused",
    )
    continuous = (
        "approved_amount",
        "time_to_first_reply_s",
        "time_to_person_s",
        "ai_reply_positivity",
        "clarifying_loops",
    )
    frame = frame.select(
        "conversation_id",
        "created_at",
        *declared,
        *(pl.col(m).cast(pl.Boolean) for m in rate_metrics),
        *(pl.col(m).cast(pl.Float64) for m in continuous),
    )
    return OutcomeTable(
        frame=frame,
        attributes=declared,
        rate_metrics=rate_metrics,
        continuous_metrics=continuous,
        excluded=excluded,
        ignored_values=ignored,
        notes=("Customer ratings are not measured: TrustDesk does not collect feedback yet.",),
    )


def _messages(
    rows: Sequence[MessageRow], score: Callable[[str], float], closed: pl.DataFrame
) -> pl.DataFrame:
    frame = pl.DataFrame(
        {
            "conversation_id": [m.conversation_id for m in rows],
            "seq": [m.seq for m in rows],
            "role": [m.role for m in rows],
            "ai": [m.ai for m in rows],
            "at": [m.created_at for m in rows],
            "positivity": [score(m.text) if m.ai and m.role == "assistant" else None for m in rows],
        },
        schema={
            "conversation_id": pl.String,
            "seq": pl.Int64,
            "role": pl.String,
            "ai": pl.Boolean,
            "at": pl.Datetime("us", "UTC"),
            "positivity": pl.Float64,
        },
    )
    # The note a person's "resolve" adds is not a person taking part: it is left out.
    frame = (
        frame.join(closed, on="conversation_id", how="left")
        .filter(
            ~((pl.col("role") == "agent") & (pl.col("at") == pl.col("closed_at"))).fill_null(False)
        )
        .drop("closed_at")
    )
    customer = pl.col("role") == "customer"
    first = frame.group_by("conversation_id").agg(
        first_customer_seq=pl.col("seq").filter(customer).min(),
        first_customer_at=pl.col("at").filter(customer).min(),
    )
    after = frame.join(first, on="conversation_id").filter(
        pl.col("seq") > pl.col("first_customer_seq")
    )
    replies = after.group_by("conversation_id").agg(
        first_reply_at=pl.col("at").filter(~customer).min(),
        first_person_at=pl.col("at").filter(pl.col("role") == "agent").min(),
        ai_reply_positivity=pl.col("positivity").mean(),
    )
    # A person may write before any customer message (consent refused at the start).
    people = (
        frame.filter(pl.col("role") == "agent")
        .group_by("conversation_id")
        .agg(first_person_any=pl.col("at").min())
    )
    return (
        first.join(replies, on="conversation_id", how="left")
        .join(people, on="conversation_id", how="full", coalesce=True)
        .with_columns(first_person_at=pl.coalesce("first_person_at", "first_person_any"))
        .drop("first_person_any", "first_customer_seq")
    )


def _decisions(rows: Sequence[DecisionRow]) -> pl.DataFrame:
    frame = pl.DataFrame(
        {
            "conversation_id": [d.conversation_id for d in rows],
            "route": [d.route for d in rows],
            "at": [d.created_at for d in rows],
        },
        schema={"conversation_id": pl.String, "route": pl.String, "at": pl.Datetime("us", "UTC")},
    )
    return frame.group_by("conversation_id").agg(
        first_handoff_at=pl.col("at").filter(pl.col("route").is_in(HANDOFF_ROUTES)).min(),
        clarifying=pl.col("route").is_in(CLARIFYING_ROUTES).sum(),
        closed_at=pl.col("at").filter(pl.col("route") == "resolve").min(),
    )


def _approvals(rows: Sequence[ApprovalRow], currency: str) -> pl.DataFrame:
    frame = pl.DataFrame(
        {
            "conversation_id": [a.conversation_id for a in rows],
            "state": [a.status for a in rows],
            "amount": [a.amount_minor if a.currency == currency else None for a in rows],
        },
        schema={"conversation_id": pl.String, "state": pl.String, "amount": pl.Int64},
    )
    approved = pl.col("state") == "approved"
    denied = pl.col("state") == "denied"
    return frame.group_by("conversation_id").agg(
        proposed=pl.len(),
        decided=(approved | denied).sum(),
        approved=approved.sum(),
        denied=denied.sum(),
        approved_amount_minor=pl.col("amount").filter(approved).sum(),
    )


def _attribute_columns(
    rows: Iterable[AttributeRow], fairness: Fairness
) -> tuple[pl.DataFrame, int]:
    """One column per declared attribute; values outside the policy's list are not used."""
    allowed: Mapping[str, frozenset[str]] = {
        a.name: frozenset(a.values) for a in fairness.attributes
    }
    columns: dict[str, dict[str, str]] = {name: {} for name in allowed}
    ignored = 0
    for row in rows:
        values = allowed.get(row.name)
        if values is None or row.value not in values:
            ignored += 1
            continue
        columns[row.name][row.conversation_id] = row.value
    ids = sorted({cid for shared in columns.values() for cid in shared})
    data: dict[str, list[str | None]] = {"conversation_id": list(ids)}
    for name, shared in columns.items():
        data[name] = [shared.get(cid) for cid in ids]
    schema = {"conversation_id": pl.String, **{name: pl.String for name in columns}}
    return pl.DataFrame(data, schema=schema), ignored
