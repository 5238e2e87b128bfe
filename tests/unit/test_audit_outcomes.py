"""Per-conversation outcomes derived from a hand-made list of stored records."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from trustdesk.audit.outcomes import (
    ApprovalRow,
    AttributeRow,
    ConversationRow,
    DecisionRow,
    MessageRow,
    OutcomeSource,
    derive_outcomes,
)
from trustdesk.policy.fairness import CONTINUOUS_METRICS, RATE_METRICS, Fairness, FairnessAttribute

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
FAIRNESS = Fairness(
    attributes=[
        FairnessAttribute(name="language", values=["en", "de"]),
        FairnessAttribute(name="age_band", values=["18-34", "35+"]),
    ]
)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def source() -> OutcomeSource:
    """a: the AI alone, resolved. b: handed to a person (asked), who writes 120 s later.
    c: a refund approved and a compensation refused, one clarifying loop. d: never used.
    e: no AI consent, a person from the start (no customer message)."""
    greeting = "Hello, I am the AI assistant."
    return OutcomeSource(
        conversations=[
            ConversationRow("a", at(0), "resolved", None),
            ConversationRow("b", at(1), "human_active", "customer_request"),
            ConversationRow("c", at(2), "ai_active", None),
            ConversationRow("d", at(3), "ai_active", None),
            ConversationRow("e", at(4), "handoff_requested", "consent_withdrawn"),
        ],
        messages=[
            MessageRow("a", 1, "assistant", True, at(0), greeting),
            MessageRow("a", 2, "customer", False, at(10), ""),
            MessageRow("a", 3, "assistant", True, at(10), "Great news, thank you!"),
            MessageRow("a", 4, "agent", False, at(50), ""),  # closing note, after resolution
            MessageRow("b", 1, "assistant", True, at(1), greeting),
            MessageRow("b", 2, "customer", False, at(20), ""),
            MessageRow("b", 3, "assistant", True, at(20), "I have asked a person to join."),
            MessageRow("b", 4, "agent", False, at(140), ""),
            MessageRow("c", 1, "assistant", True, at(2), greeting),
            MessageRow("c", 2, "customer", False, at(30), ""),
            MessageRow("c", 3, "assistant", True, at(30), "Sorry, I am not sure."),
            MessageRow("d", 1, "assistant", True, at(3), greeting),
            MessageRow("e", 1, "assistant", True, at(4), greeting),
            MessageRow("e", 2, "agent", False, at(64), ""),
        ],
        decisions=[
            DecisionRow("a", "assistant", at(10)),
            DecisionRow("a", "resolve", at(50)),
            DecisionRow("b", "handoff_requested", at(20)),
            DecisionRow("c", "low_confidence", at(30)),
            DecisionRow("e", "handoff_requested", at(4)),
        ],
        approvals=[
            ApprovalRow("c", "approved", 2500, "EUR"),
            ApprovalRow("c", "denied", 1000, "EUR"),
            ApprovalRow("c", "approved", 9900, "USD"),  # another currency: not counted
        ],
        attributes=[
            AttributeRow("a", "language", "en"),
            AttributeRow("a", "age_band", "18-34"),
            AttributeRow("b", "language", "de"),
            AttributeRow("c", "language", "klingon"),  # not in the policy's list
            AttributeRow("c", "shoe_size", "44"),  # not declared
        ],
    )


def positivity(text: str) -> float:
    return 0.9 if "Great" in text else (0.2 if "Sorry" in text else 0.5)


@pytest.fixture(scope="module")
def rows() -> dict[str, dict[str, object]]:
    table = derive_outcomes(source(), FAIRNESS, "EUR", sentiment=positivity)
    assert table.excluded == 1  # d: opened, never used
    assert table.ignored_values == 2
    return {r["conversation_id"]: r for r in table.frame.iter_rows(named=True)}


def test_unused_conversation_is_left_out(rows: dict[str, dict[str, object]]) -> None:
    assert set(rows) == {"a", "b", "c", "e"}


def test_ai_alone_versus_handed_to_a_person(rows: dict[str, dict[str, object]]) -> None:
    # a: the note a person's "resolve" adds (at 50 s) is not a person taking part.
    assert [rows[c]["resolved_by_ai"] for c in "abce"] == [True, False, True, False]
    assert [rows[c]["handed_off"] for c in "abce"] == [False, True, False, True]
    assert [rows[c]["resolved"] for c in "abce"] == [True, False, False, False]


def test_handoff_by_reason(rows: dict[str, dict[str, object]]) -> None:
    assert rows["b"]["handoff.customer_request"] is True
    assert rows["e"]["handoff.consent_withdrawn"] is True
    assert rows["a"]["handoff.customer_request"] is False


def test_times(rows: dict[str, dict[str, object]]) -> None:
    assert rows["a"]["time_to_first_reply_s"] == 0.0
    assert rows["b"]["time_to_person_s"] == 120.0
    assert rows["e"]["time_to_person_s"] == 60.0  # from the handoff at the start
    assert rows["a"]["time_to_person_s"] is None  # never handed off
    assert rows["e"]["time_to_first_reply_s"] is None  # the customer never wrote


def test_actions_and_amounts(rows: dict[str, dict[str, object]]) -> None:
    c = rows["c"]
    assert (c["action_proposed"], c["action_approved"], c["action_refused"]) == (True, True, True)
    assert c["approved_amount"] == 25.0  # EUR only
    assert rows["a"]["action_proposed"] is False
    assert rows["a"]["action_approved"] is None  # nothing decided: not in the metric


def test_sentiment_reads_ai_replies_after_the_first_customer_message(
    rows: dict[str, dict[str, object]],
) -> None:
    assert rows["a"]["ai_reply_positivity"] == 0.9  # the greeting is not counted
    assert rows["c"]["ai_reply_positivity"] == 0.2


def test_clarifying_loops(rows: dict[str, dict[str, object]]) -> None:
    assert rows["c"]["clarifying_loops"] == 1.0
    assert rows["a"]["clarifying_loops"] == 0.0


def test_only_declared_attributes_with_allowed_values(rows: dict[str, dict[str, object]]) -> None:
    assert (rows["a"]["language"], rows["a"]["age_band"]) == ("en", "18-34")
    assert rows["b"]["language"] == "de"
    assert rows["c"]["language"] is None
    assert "shoe_size" not in rows["c"]


def test_metric_columns_are_the_policy_vocabulary() -> None:
    table = derive_outcomes(source(), FAIRNESS, "EUR", sentiment=positivity)
    plain = [m for m in table.rate_metrics if not m.startswith("handoff.")]
    assert set(plain) == set(RATE_METRICS)
    assert set(table.continuous_metrics) == set(CONTINUOUS_METRICS)


def test_vader_scores_ai_replies_by_default() -> None:
    table = derive_outcomes(source(), FAIRNESS, "EUR")
    frame = {r["conversation_id"]: r for r in table.frame.iter_rows(named=True)}
    assert frame["a"]["ai_reply_positivity"] > 0.5 > frame["c"]["ai_reply_positivity"]
