"""The turn core: one pure function decides what a customer message leads to.

``decide_turn`` touches no database and no network except the backend it is given. The
service, the benchmarks and the probe audits all call it, so the routing logic exists once.
Its result is a frozen :class:`TurnDecision` that the service records in one transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Any

from trustdesk.assistant.actions import ProposedAction, approval_rule
from trustdesk.assistant.base import AssistantBackend, Draft, HistoryItem
from trustdesk.conversation.handoff import (
    STATED,
    HandoffReason,
    handoff_message,
    requested_reason,
)
from trustdesk.conversation.records import Role, Status
from trustdesk.errors import BackendError
from trustdesk.guards.base import Finding, GuardContext, Route
from trustdesk.guards.escalation import accepts_offer
from trustdesk.guards.pipeline import GuardPipeline, StageResult
from trustdesk.policy.schema import Policy
from trustdesk.privacy.placeholders import PlaceholderState

log = logging.getLogger(__name__)

# Stored instead of the customer's words when an input guard failed: we cannot prove the text
# is free of personal data, so it is not kept (nor are digests of anything in it).
WITHHELD_TEXT = "[message withheld: the privacy filter failed, so this message was not stored]"
HANDOFF_ROUTES = frozenset({Route.HANDOFF_REQUESTED, Route.HANDOFF_FAILURE})
_NO_ORIGINALS: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Reply:
    """What the customer is shown. ``ai`` is always true for what the assistant says."""

    text: str
    citations: tuple[dict[str, str], ...]
    confidence: float | None
    ai: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "ai": self.ai,
            "citations": list(self.citations),
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class TurnState:
    """What a turn may know of its conversation: loaded by the service, never by the core.

    The last three fields feed the escalation triggers (docs/handoff.md). They default to
    nothing, so a caller that loads none of them still gets every trigger that reads the
    message alone; ``recent_customer`` falls back to the customer messages in ``history``.
    """

    status: Status
    placeholders: Mapping[str, Any]
    # The customer's ai_assistance consent in force: None when they were never asked.
    ai_consent: bool | None = None
    history: tuple[HistoryItem, ...] = ()
    # Now, timezone-aware: with staffed hours in the policy, a handoff says whether anyone is
    # there. None: no staffed-hours sentence.
    now: datetime | None = None
    # The customer's earlier messages in this conversation, redacted, oldest first (the last
    # policy.escalation.window of them are read).
    recent_customer: tuple[str, ...] = ()
    # The routes (Route values) of this conversation's earlier decisions, oldest first: a
    # last low_confidence means the assistant just offered a person.
    recent_routes: tuple[str, ...] = ()

    def earlier_customer_messages(self, window: int) -> tuple[str, ...]:
        texts = self.recent_customer or tuple(
            item.text for item in self.history if item.role == Role.CUSTOMER
        )
        return tuple(text for text in texts if text != WITHHELD_TEXT)[-window:]

    def offered_person(self, policy: Policy) -> bool:
        """Whether the assistant's last message offered a person ("Would you like me to pass
        this to a person?")."""
        if self.recent_routes:
            return self.recent_routes[-1] == Route.LOW_CONFIDENCE
        said = [item.text for item in self.history if item.role != Role.CUSTOMER]
        return bool(said) and said[-1] == policy.assistant.low_confidence_message


@dataclass(frozen=True, slots=True)
class TurnDecision:
    """Everything a turn writes, decided before anything is written.

    ``customer_text`` is redacted (placeholders) or the withheld marker; ``vault`` maps the
    placeholders first seen in this turn to the customer's originals, for the encrypted vault
    only (never in ``repr``, so never in a log line). ``handoff_reason`` is set exactly when
    the decision moves the conversation to a person.
    """

    customer_text: str
    status: Status
    route: Route
    reply: Reply | None
    findings: tuple[Finding, ...]
    reason: str
    placeholders: Mapping[str, Any]
    backend: str | None = None
    handoff_reason: HandoffReason | None = None
    # Actions the assistant proposed that the policy says a person must approve, each with
    # the rule in words; the service records them as pending approvals.
    approvals: tuple[tuple[ProposedAction, str], ...] = ()
    vault: Mapping[str, str] = field(default_factory=lambda: _NO_ORIGINALS, repr=False)

    @property
    def handed_off(self) -> bool:
        return self.route in HANDOFF_ROUTES


@dataclass(frozen=True, slots=True)
class _Outcome:
    route: Route
    reason: str
    reply: Reply | None = None
    handoff: HandoffReason | None = None
    approvals: tuple[tuple[ProposedAction, str], ...] = ()


# Why the input guards' handoff was decided, in words for the decision record.
_ASKED_WHY = {
    HandoffReason.CUSTOMER_REQUEST: "the customer asked for a person",
    HandoffReason.CONTESTED: "the customer contested an answer; handed to a person",
    HandoffReason.SENSITIVE_TOPIC: "the message touches a sensitive topic; handed to a person",
    HandoffReason.NEGATIVE_SENTIMENT: "the customer seems upset or frustrated; handed to a person",
    HandoffReason.REPEATED_FAILURE: "the customer asked the same thing again; handed to a person",
    HandoffReason.LOW_CONFIDENCE: "the customer accepted the offer of a person",
}


def decide_turn(
    text: str,
    state: TurnState,
    policy: Policy,
    pipeline: GuardPipeline,
    backend: AssistantBackend,
) -> TurnDecision:
    """Guard, route and (maybe) answer one customer message. ``text`` is already validated.

    1. input guards: personal data to placeholders, bot questions, requests for a person, and
       the escalation triggers (contest, sensitive topic, negative sentiment, asked again);
    2. route: a guard failed -> a person; not ai_active -> the human queue; a person was asked
       for (or an answer contested) -> handoff; a bot question -> the truthful disclosure; no
       AI consent -> a person; "yes" to the offer of a person -> handoff; a trigger fired ->
       handoff;
    3. assistant: a draft with citations and a confidence; below the threshold -> offer a
       person (or hand off: by policy, or when the assistant failed again);
    4. output guards on the draft: leaked personal data, claims to be human.

    Every decision that moves the conversation to a person carries one ``handoff_reason``.
    """
    placeholders = PlaceholderState.from_json(state.placeholders)  # a private copy
    window = policy.escalation.window
    context = GuardContext(placeholders, recent=state.earlier_customer_messages(window))
    screened = pipeline.run_input(text, context)
    findings = list(screened.findings)

    if screened.failed:
        # Nothing of the message travels on: not its text, not its placeholders, not a digest.
        if state.status != Status.AI_ACTIVE:
            return TurnDecision(
                customer_text=WITHHELD_TEXT,
                status=state.status,
                route=Route.HUMAN_QUEUE,
                reply=None,
                findings=tuple(findings),
                reason="an input guard failed; the message was withheld for the person",
                placeholders=state.placeholders,
            )
        failed = _Outcome(
            Route.HANDOFF_FAILURE,
            "an input guard failed; handed to a person",
            handoff=HandoffReason.GUARD_ERROR,
        )
        return _handoff(policy, WITHHELD_TEXT, state, failed, findings, state.placeholders)
    backend_name: str | None = None
    outcome: _Outcome | None
    if state.status != Status.AI_ACTIVE:
        outcome = _Outcome(
            Route.HUMAN_QUEUE, f"conversation is {state.status.value}; the AI stays silent"
        )
    else:
        outcome = _route(screened, state, policy, findings)
    if outcome is None:
        backend_name = backend.name
        outcome = _answer(screened.text, state, policy, pipeline, backend, context, findings)
    vault = MappingProxyType(dict(screened.sealed))
    if outcome.route in HANDOFF_ROUTES:
        return _handoff(
            policy,
            screened.text,
            state,
            outcome,
            findings,
            placeholders.to_json(),
            vault,
            backend_name,
        )
    return TurnDecision(
        customer_text=screened.text,
        status=state.status,
        route=outcome.route,
        reply=outcome.reply,
        findings=tuple(findings),
        reason=outcome.reason,
        placeholders=placeholders.to_json(),
        backend=backend_name,
        vault=vault,
    )


def _route(
    screened: StageResult, state: TurnState, policy: Policy, findings: list[Finding]
) -> _Outcome | None:
    """The route decided before any assistant is asked; None: ask the assistant."""
    asked = requested_reason(screened.findings)
    if asked is None and screened.wants(Route.HANDOFF_REQUESTED):
        asked = HandoffReason.CUSTOMER_REQUEST  # a guard outside GUARD_REASONS asked
    offered = policy.escalation.low_confidence.accept_offer and state.offered_person(policy)
    if asked in STATED:
        if offered and asked == HandoffReason.CUSTOMER_REQUEST:
            asked = HandoffReason.LOW_CONFIDENCE  # "yes, a person please" after the offer
        return _Outcome(Route.HANDOFF_REQUESTED, _ASKED_WHY[asked], handoff=asked)
    if screened.wants(Route.DISCLOSURE):
        reply = Reply(policy.disclosure.bot_question_answer, (), None)
        return _Outcome(Route.DISCLOSURE, "answered truthfully that this is an AI", reply)
    if state.ai_consent is False:
        why = "the customer withdrew consent to AI assistance"
        findings.append(Finding("consent", "no_ai_consent", 1.0, why))
        return _Outcome(Route.HANDOFF_REQUESTED, why, handoff=HandoffReason.CONSENT_WITHDRAWN)
    if offered and accepts_offer(screened.text):
        findings.append(
            Finding(
                "escalation",
                "offer_accepted",
                1.0,
                "the customer said yes to the offer of a person after an answer the assistant "
                "was not sure of",
            )
        )
        accepted = HandoffReason.LOW_CONFIDENCE
        return _Outcome(Route.HANDOFF_REQUESTED, _ASKED_WHY[accepted], handoff=accepted)
    if asked is not None:
        return _Outcome(Route.HANDOFF_REQUESTED, _ASKED_WHY[asked], handoff=asked)
    return None


def _handoff(
    policy: Policy,
    customer_text: str,
    state: TurnState,
    outcome: _Outcome,
    findings: list[Finding],
    placeholders: Mapping[str, Any],
    vault: Mapping[str, str] = _NO_ORIGINALS,
    backend: str | None = None,
) -> TurnDecision:
    reason = outcome.handoff
    if reason is None:  # every path that hands off names its reason
        raise ValueError(f"a handoff on route {outcome.route} without a reason")
    # A conversation already with people stays where it is; only ai_active moves.
    status = Status.HANDOFF_REQUESTED if state.status == Status.AI_ACTIVE else state.status
    return TurnDecision(
        customer_text=customer_text,
        status=status,
        route=outcome.route,
        reply=outcome.reply
        if outcome.approvals and outcome.reply is not None
        else Reply(handoff_message(policy, reason, state.now), (), None),
        findings=tuple(findings),
        reason=outcome.reason,
        placeholders=placeholders,
        backend=backend,
        handoff_reason=reason,
        approvals=outcome.approvals,
        vault=vault,
    )


def _answer(
    question: str,
    state: TurnState,
    policy: Policy,
    pipeline: GuardPipeline,
    backend: AssistantBackend,
    context: GuardContext,
    findings: list[Finding],
) -> _Outcome:
    try:
        draft = backend.answer(question, state.history)
    except Exception as exc:  # any backend failure goes to a person, with the reason kept
        why = str(exc) if isinstance(exc, BackendError) else exc.__class__.__name__
        log.warning("backend %s failed: %s", backend.name, why)
        findings.append(
            Finding("assistant", "backend_error", 1.0, f"{backend.name} backend: {why}")
        )
        return _Outcome(
            Route.HANDOFF_FAILURE,
            f"the assistant backend failed ({why})",
            handoff=HandoffReason.BACKEND_ERROR,
        )
    held = _needs_approval(draft, policy, findings)
    if held is not None:
        return held
    threshold = policy.assistant.confidence_threshold
    if draft.confidence < threshold or not draft.text.strip():
        findings.append(
            Finding(
                "confidence",
                "below_threshold",
                draft.confidence,
                f"confidence {draft.confidence:.2f} is below the policy threshold "
                f"{threshold:.2f}; offered a person instead of guessing",
            )
        )
        return _not_confident(draft, state, policy, findings)
    return _screen_draft(draft, pipeline, context, findings)


def _needs_approval(draft: Draft, policy: Policy, findings: list[Finding]) -> _Outcome | None:
    """Hold the turn for a person when the draft proposes an action the policy says a person
    must approve (GDPR Art. 22): the draft is not sent; the customer is told it waits."""
    needing = tuple(
        (action, rule)
        for action in draft.actions
        if (rule := approval_rule(action, policy.approvals)) is not None
    )
    for action, rule in needing:
        findings.append(
            Finding("approval", action.action, 1.0, f"{action.describe()} proposed; {rule}")
        )
    if not needing:
        return None
    described = " and ".join(action.describe() for action, _ in needing)
    return _Outcome(
        Route.HANDOFF_REQUESTED,
        f"{described} needs a person's approval; held for a person",
        Reply(policy.approvals.pending_message.format(action=described), (), None),
        handoff=HandoffReason.APPROVAL_REQUIRED,
        approvals=needing,
    )


def _not_confident(
    draft: Draft, state: TurnState, policy: Policy, findings: list[Finding]
) -> _Outcome:
    """Offer a person; or hand off, when the assistant failed again or the policy says so."""
    escalation = policy.escalation
    window = escalation.window
    failures = 1 + sum(route == Route.LOW_CONFIDENCE for route in state.recent_routes[-window:])
    repeated = escalation.repeated_failure
    if repeated.enabled and failures >= repeated.ai_failures:
        findings.append(
            Finding(
                "repeated_failure",
                "ai_failed_again",
                float(failures),
                f"{failures} of the last {min(window, len(state.recent_routes)) + 1} answers "
                f"were below the confidence threshold (policy: {repeated.ai_failures})",
            )
        )
        return _Outcome(
            Route.HANDOFF_REQUESTED,
            "the assistant could not answer again; handed to a person",
            handoff=HandoffReason.REPEATED_FAILURE,
        )
    if escalation.low_confidence.action == "handoff":
        return _Outcome(
            Route.HANDOFF_REQUESTED,
            "not confident enough to answer; handed to a person (policy)",
            handoff=HandoffReason.LOW_CONFIDENCE,
        )
    low = Reply(policy.assistant.low_confidence_message, (), draft.confidence)
    return _Outcome(Route.LOW_CONFIDENCE, "not confident enough to answer", low)


def _screen_draft(
    draft: Draft, pipeline: GuardPipeline, context: GuardContext, findings: list[Finding]
) -> _Outcome:
    context.confidence = draft.confidence
    screened = pipeline.run_output(draft.text, context)
    findings.extend(screened.findings)
    if screened.failed:
        return _Outcome(
            Route.HANDOFF_FAILURE,
            "an output guard failed; handed to a person",
            handoff=HandoffReason.GUARD_ERROR,
        )
    citations = tuple(c.to_json() for c in draft.citations)
    reply = Reply(screened.text, citations, draft.confidence)
    return _Outcome(Route.ASSISTANT, f"answered from {len(citations)} cited source(s)", reply)
