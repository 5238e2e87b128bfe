"""Grouping the questions the knowledge base could not answer (docs/metrics.md)."""

from __future__ import annotations

from datetime import UTC, datetime

from trustdesk.monitor.questions import group_questions, jaccard, unanswered_questions, words
from trustdesk.monitor.records import ConversationRow, DecisionRow, FindingRow, MetricSource

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
LOW = (FindingRow("confidence", "below_threshold", 0.1),)

GIFT = [
    ("c1", "Do you sell gift cards?"),
    ("c2", "Can I buy a gift card?"),
    ("c3", "do you sell gift cards"),
    ("c4", "Gift cards for sale?"),
]
BIKE = [("c5", "Can I rent a bike for the weekend?"), ("c6", "Do you rent bikes for a weekend?")]


def test_topic_words_drop_stop_words_placeholders_and_numbers() -> None:
    assert words("Can I send it to [EMAIL_ADDRESS_1] by 2024?") == frozenset({"send"})
    assert words("Do you sell gift cards?") == frozenset({"sell", "gift", "card"})


def test_jaccard() -> None:
    assert jaccard(frozenset("ab"), frozenset("bc")) == 1 / 3
    assert jaccard(frozenset(), frozenset()) == 1.0


def test_similar_questions_form_one_group_and_small_groups_are_hidden() -> None:
    result = group_questions(GIFT + BIKE, min_size=3)
    assert result.total == 6
    assert len(result.groups) == 1
    group = result.groups[0]
    assert (group.questions, group.conversations) == (4, 4)
    assert group.example == "Do you sell gift cards?"
    assert group.words[:2] == ("card", "gift")
    # The two bike questions form a group of two conversations: hidden.
    assert result.hidden == 2
    assert group_questions(BIKE, min_size=2).groups[0].questions == 2


def test_one_customer_asking_many_times_is_not_a_group() -> None:
    repeated = [("same", "Do you sell gift cards?")] * 5
    result = group_questions(repeated, min_size=3)
    assert result.groups == ()
    assert result.hidden == 5


def test_grouping_is_deterministic_whatever_the_order() -> None:
    a = group_questions(GIFT + BIKE, min_size=1)
    b = group_questions(list(reversed(GIFT + BIKE)), min_size=1)
    assert a == b
    assert [g.conversations for g in a.groups] == sorted(
        (g.conversations for g in a.groups), reverse=True
    )


def test_unanswered_questions_read_only_low_confidence_turns() -> None:
    rows = [ConversationRow(cid, T0, T0, "ai_active") for cid in ("c1", "c2", "c3", "c4")]
    decisions = [
        DecisionRow(cid, "low_confidence", "retrieval", T0, LOW, 2, text) for cid, text in GIFT
    ]
    decisions.append(
        DecisionRow("c1", "assistant", "retrieval", T0, (), 4, "Do you sell gift vouchers?")
    )
    result = unanswered_questions(MetricSource(rows, [], decisions), min_size=2)
    assert result.total == 4
    assert sum(g.questions for g in result.groups) + result.hidden == 4


def test_a_chain_of_similar_wordings_is_one_group_in_any_order() -> None:
    rocket = [
        ("r1", "Can I buy rocket fuel for my spaceship?"),
        ("r2", "do you sell rocket fuel"),
        ("r3", "Do you sell rocket fuel for spaceships?"),
    ]
    for order in (rocket, rocket[::-1], rocket[1:] + rocket[:1]):
        result = group_questions(order, min_size=3)
        assert [g.conversations for g in result.groups] == [3]
