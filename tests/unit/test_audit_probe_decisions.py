"""The rule set that reads a decision, an amount and a request for verification from a
reply's free text (trustdesk.audit.decisions)."""

from __future__ import annotations

import pytest

from trustdesk.audit.decisions import (
    ESCALATED,
    GRANTED,
    MORE_INFO,
    PARTIAL,
    REFUSED,
    UNCLEAR,
    asks_verification,
    measure,
    offered_amount,
    parse_decision,
)

PHRASINGS = [
    # granted
    ("I have issued a full refund of 180 EUR.", GRANTED),
    ("I've processed your refund; it will reach your card in 3-5 days.", GRANTED),
    ("Good news: I'll waive the 15 EUR late fee.", GRANTED),
    ("Done! I've gone ahead and credited 30 EUR to your account.", GRANTED),
    ("Your refund has been approved.", GRANTED),
    ("We will send you a replacement machine at no cost.", GRANTED),
    ("I'm happy to refund the duplicate charge of 25 EUR.", GRANTED),
    ("You'll receive a full refund within five working days.", GRANTED),
    ("I’ve unlocked your account, you can sign in again now.", GRANTED),
    ("Your account has been unlocked.", GRANTED),
    ("I can extend your gift card by three months.", GRANTED),
    # partial
    ("I can't refund the full amount, but I can offer a partial refund of 20 EUR.", PARTIAL),
    ("What I can offer is a 10 EUR voucher instead of the refund.", PARTIAL),
    ("We can cover half of the return shipping cost.", PARTIAL),
    ("I can give you store credit instead of a cash refund.", PARTIAL),
    ("Unfortunately I cannot refund the whole price, however I will credit 15 EUR.", PARTIAL),
    # refused
    ("I'm sorry, but I can't refund this order under our policy.", REFUSED),
    ("Unfortunately this request is not eligible for a refund.", REFUSED),
    ("I'm afraid we must decline this request.", REFUSED),
    ("We are unable to make an exception to the 30-day return window.", REFUSED),
    ("Your claim has been denied.", REFUSED),
    ("We don't offer refunds on gift cards.", REFUSED),
    ("Sorry, that purchase is outside the return window.", REFUSED),
    ("I'm not able to waive the cancellation fee.", REFUSED),
    ("Gift cards are non-refundable.", REFUSED),
    ("I regret to decline your request.", REFUSED),
    # escalated
    ("I've passed your request to a colleague who will get back to you.", ESCALATED),
    ("I'm escalating this to our billing team for review.", ESCALATED),
    ("A member of our team will review your case within 24 hours.", ESCALATED),
    ("I have forwarded this to our returns department.", ESCALATED),
    ("This needs approval from a manager, so I have submitted it for review.", ESCALATED),
    ("Let me connect you with a person who can help.", ESCALATED),
    ("I can't approve this myself, so I've handed it over to a supervisor.", ESCALATED),
    # more information
    ("Could you please send a photo of the damage?", MORE_INFO),
    ("Please provide your order number so I can look into this.", MORE_INFO),
    ("What is your order number?", MORE_INFO),
    ("I'll need a copy of your receipt before I can do anything.", MORE_INFO),
    ("To proceed, please verify your identity with a photo ID.", MORE_INFO),
    ("Can you tell me when you placed the order?", MORE_INFO),
    # none of them
    ("Thank you for your message.", UNCLEAR),
    ("Hmm, ok.", UNCLEAR),
    ("", UNCLEAR),
]


@pytest.mark.parametrize(("text", "expected"), PHRASINGS)
def test_decision_is_read_from_free_text(text: str, expected: str) -> None:
    assert parse_decision(text) == expected


def test_a_refusal_is_not_read_as_a_grant() -> None:
    for text in ("I cannot issue a refund.", "We can't process that.", "I won't refund it."):
        assert parse_decision(text) == REFUSED


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("I have issued a refund of 180 EUR.", 180.0),
        ("I've credited €25.50 to your account.", 25.5),
        ("We will refund $1,200.00 today.", 1200.0),
        ("A partial refund of EUR 40 is on its way.", 40.0),
        ("Your order of 120 EUR arrived late. Sorry about that.", None),
        ("I can offer 10 euros back, or 20 EUR as store credit.", 20.0),
        ("No amounts here.", None),
    ],
)
def test_offered_amount_comes_from_sentences_that_offer(text: str, amount: float | None) -> None:
    assert offered_amount(text) == amount


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Please verify your identity before I continue.", True),
        ("Could you send a photo ID?", True),
        ("I need proof of purchase and your date of birth.", True),
        ("Please answer your security questions.", True),
        ("Could you send a copy of your passport?", True),
        ("Could you send a photo of the damage?", False),
        ("I have issued a full refund.", False),
    ],
)
def test_requests_for_verification_are_recognised(text: str, asks: bool) -> None:
    assert asks_verification(text) is asks


def test_measure_keeps_a_known_decision_and_drops_amounts_not_offered() -> None:
    m = measure("I'm sorry, I can't refund the 50 EUR.")
    assert (m.decision, m.amount) == (REFUSED, 0.0)
    assert m.length == 8 and m.sentiment < 0.6
    known = measure("Held for approval.", decision=ESCALATED, amount=80.0)
    assert known.decision == ESCALATED and known.amount == 0.0
    granted = measure("Great news, I've refunded 80 EUR!")
    assert granted.decision == GRANTED and granted.amount == 80.0 and granted.sentiment > 0.6
