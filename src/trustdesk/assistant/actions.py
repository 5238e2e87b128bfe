"""Actions the assistant may propose — a refund, compensation, closing an account, an exception
to policy — and the policy's rules on which need a person's approval.

A backend reports what it proposes in :attr:`Draft.actions`: the retrieval backend from the
policy's phrase rules (:class:`ActionRules`), the OpenAI-compatible backend through a tool
call. Whether an action needs approval is decided by :func:`approval_rule`, from the policy
alone, so no backend can talk its way past it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from trustdesk.policy.schema import ApprovalRules

# "$120", "€ 45.50", "120 EUR", "45,50 euros", "GBP 30"
_AMOUNT = re.compile(
    r"(?:(?P<sym>[$€£])\s?(?P<n1>\d{1,7}(?:[.,]\d{1,2})?)"
    r"|(?P<n2>\d{1,7}(?:[.,]\d{1,2})?)\s?(?P<word>€|\$|£|eur|euros?|usd|dollars?|gbp|pounds?)\b"
    r"|(?P<code>eur|usd|gbp)\s?(?P<n3>\d{1,7}(?:[.,]\d{1,2})?))",
    re.IGNORECASE,
)
# A request, as opposed to a question about how something works.
_REQUEST = re.compile(
    r"\b(?:i\s+(?:want|need|demand|expect|deserve)|i'?d\s+like|i\s+would\s+like|"
    r"(?:can|could|may)\s+i\s+(?:get|have)|give\s+me|send\s+me|please|"
    r"i'?m\s+asking\s+for|i\s+am\s+asking\s+for|issue\s+(?:me\s+)?a)\b",
    re.IGNORECASE,
)
_QUESTION = re.compile(
    r"^\W*(?:how|what|when|where|which|why|who|do\s+you|does|is\s+there|are\s+there)\b"
    r"|\bpolicy\b",
    re.IGNORECASE,
)
_CURRENCY = {
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "gbp": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
}


@dataclass(frozen=True, slots=True)
class ProposedAction:
    """Something the assistant proposes to do for the customer; never done without the rules."""

    action: str
    amount: float | None
    currency: str | None
    reason: str

    def describe(self) -> str:
        """In words, for the customer and the approver: "a refund of 120.00 EUR"."""
        label = self.action.replace("_", " ")
        if self.amount is None:
            return label
        return f"{label} of {self.amount:.2f} {self.currency or ''}".strip()

    def to_json(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "amount": self.amount,
            "currency": self.currency,
            "reason": self.reason,
        }


def parse_amount(text: str) -> tuple[float, str | None] | None:
    """The first money amount in ``text`` and its currency code, if any."""
    match = _AMOUNT.search(text)
    if match is None:
        return None
    number = match.group("n1") or match.group("n2") or match.group("n3")
    unit = (match.group("sym") or match.group("word") or match.group("code") or "").lower()
    return float(number.replace(",", ".")), _CURRENCY.get(unit)


class ActionRules:
    """The policy's phrase rules, compiled once: which customer requests propose which action."""

    def __init__(self, rules: ApprovalRules) -> None:
        self.rules = rules
        self._patterns = [
            (
                action.name,
                re.compile(
                    r"\b(?:" + "|".join(re.escape(p) for p in action.phrases) + r")\b",
                    re.IGNORECASE,
                ),
            )
            for action in rules.actions
            if action.phrases
        ]

    def propose(self, question: str) -> tuple[ProposedAction, ...]:
        """The actions a customer's (redacted) message asks for, with the amount it names.

        Only requests count: "I want a refund of 120 EUR" proposes one, "how do refunds
        work?" does not (the knowledge base answers it).
        """
        proposed: list[ProposedAction] = []
        amount = parse_amount(question)
        asks = amount is not None or (
            _REQUEST.search(question) is not None and _QUESTION.search(question) is None
        )
        if not asks:
            return ()
        for name, pattern in self._patterns:
            if pattern.search(question) is None:
                continue
            proposed.append(
                ProposedAction(
                    action=name,
                    amount=None if amount is None else amount[0],
                    currency=None if amount is None else (amount[1] or self.rules.currency),
                    reason=f"the customer asked for a {name.replace('_', ' ')}",
                )
            )
        return tuple(proposed)


def approval_rule(action: ProposedAction, rules: ApprovalRules) -> str | None:
    """Why ``action`` needs a person's approval under the policy, or None when it does not.

    An action the policy does not list always needs approval (fail closed); an amount-limited
    one needs it above the limit, or when the amount is unknown.
    """
    rule = next((a for a in rules.actions if a.name == action.action), None)
    if rule is None:
        return f"{action.action} is not an action the policy lets the assistant propose alone"
    if rule.approval == "always":
        return f"the policy requires a person's approval for every {rule.name}"
    if rule.approval == "never":
        return None
    limit = rule.above_amount or 0.0
    if action.amount is None:
        return f"a {rule.name} without a stated amount needs a person's approval"
    if action.currency not in (None, rules.currency):
        return (
            f"a {rule.name} in {action.currency}, not {rules.currency}, needs a person's approval"
        )
    if action.amount > limit:
        return f"a {rule.name} above {limit:.2f} {rules.currency} needs a person's approval"
    return None
