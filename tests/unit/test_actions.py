"""Proposed actions and the policy's approval rules (no I/O)."""

from __future__ import annotations

import pytest

from trustdesk.assistant.actions import ActionRules, ProposedAction, approval_rule, parse_amount
from trustdesk.policy.schema import ApprovalAction, ApprovalRules

RULES = ApprovalRules()


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("a refund of $120", (120.0, "USD")),
        ("€ 45.50 please", (45.5, "EUR")),
        ("it cost 45,50 euros", (45.5, "EUR")),
        ("GBP 30 back", (30.0, "GBP")),
        ("about 12 of them", None),
    ],
)
def test_amounts_and_currencies_are_read(text: str, amount: tuple[float, str] | None) -> None:
    assert parse_amount(text) == amount


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        ("I want a refund of 80 EUR", ["refund"]),
        ("I'd like my money back please", ["refund"]),
        ("Please close my account", ["account_closure"]),
        ("I demand compensation for the delay", ["compensation"]),
        ("How do refunds work?", []),
        ("What is your refund policy?", []),
        ("How do I close my account?", []),
        ("Where is my parcel?", []),
    ],
)
def test_only_requests_propose_actions(text: str, actions: list[str]) -> None:
    assert [a.action for a in ActionRules(RULES).propose(text)] == actions


def test_the_policy_decides_which_proposals_need_a_person() -> None:
    def refund(amount: float | None, currency: str | None = "EUR") -> ProposedAction:
        return ProposedAction("refund", amount, currency, "asked")

    assert approval_rule(refund(50.0), RULES) is None  # at the limit: allowed
    assert approval_rule(refund(50.01), RULES) is not None  # just above: a person
    assert approval_rule(refund(None), RULES) is not None  # no amount: a person
    assert approval_rule(refund(10.0, "USD"), RULES) is not None  # another currency
    closure = ProposedAction("account_closure", None, None, "asked")
    assert approval_rule(closure, RULES) is not None
    unknown = ProposedAction("unlisted_action", 1.0, "EUR", "model")
    assert approval_rule(unknown, RULES) is not None  # not in the policy: fail closed
    free = ApprovalRules(actions=[ApprovalAction(name="refund", approval="never")])
    assert approval_rule(refund(9999.0), free) is None


def test_an_above_rule_needs_its_amount() -> None:
    with pytest.raises(ValueError, match="above_amount"):
        ApprovalAction(name="refund", approval="above")
