"""The turn core: one pure function decides what a customer message leads to.

``decide_turn`` touches no database and no network except the backend it is given. The
service, the benchmarks and the probe audits all call it, so the routing logic exists once.
Its result is a frozen :class:`TurnDecision` that the service records in one transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from trustdesk.assistant.base import AssistantBackend, Draft, HistoryItem
from trustdesk.conversation.records import Status
from trustdesk.errors import BackendError
from trustdesk.guards.base import Finding, GuardContext, Route
from trustdesk.guards.pipeline import GuardPipeline
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
    """What a turn may know of its conversation: loaded by the service, never by the core."""

    status: Status
    placeholders: Mapping[str, Any]
    # The customer's ai_assistance consent in force: None when they were never asked.
    ai_consent: bool | None = None
    history: tuple[HistoryItem, ...] = ()


@dataclass(frozen=True, slots=True)
class TurnDecision:
    """Everything a turn writes, decided before anything is written.

    ``customer_text`` is redacted (placeholders) or the withheld marker; ``vault`` maps the
    placeholders first seen in this turn to the customer's originals, for the encrypted vault
    only (never in ``repr``, so never in a log line).
    """

    customer_text: str
    status: Status
    route: Route
    reply: Reply | None
    findings: tuple[Finding, ...]
    reason: str
    placeholders: Mapping[str, Any]
    backend: str | None = None
    vault: Mapping[str, str] = field(default_factory=lambda: _NO_ORIGINALS, repr=False)

    @property
    def handed_off(self) -> bool:
        return self.route in HANDOFF_ROUTES


def decide_turn(
    text: str,
    state: TurnState,
    policy: Policy,
    pipeline: GuardPipeline,
    backend: AssistantBackend,
) -> TurnDecision:
    """Guard, route and (maybe) answer one customer message. ``text`` is already validated.

    1. input guards: personal data to placeholders, bot questions, requests for a person;
    2. route: not ai_active -> the human queue; a guard failed -> a person; a person was asked
       for -> handoff; a bot question -> the truthful disclosure; no AI consent -> a person;
    3. assistant: a draft with citations and a confidence, below the threshold -> offer a person;
    4. output guards on the draft: leaked personal data, claims to be human.
    """
    placeholders = PlaceholderState.from_json(state.placeholders)  # a private copy
    context = GuardContext(placeholders=placeholders)
    screened = pipeline.run_input(text, context)
    findings = list(screened.findings)
    reply: Reply | None = None
    backend_name: str | None = None

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
        return _handoff(
            policy,
            WITHHELD_TEXT,
            state,
            Route.HANDOFF_FAILURE,
            findings,
            "an input guard failed; handed to a person",
            state.placeholders,
        )
    if state.status != Status.AI_ACTIVE:
        route, reason = (
            Route.HUMAN_QUEUE,
            f"conversation is {state.status.value}; the AI stays silent",
        )
    elif screened.wants(Route.HANDOFF_REQUESTED):
        route, reason = Route.HANDOFF_REQUESTED, "the customer asked for a person"
    elif screened.wants(Route.DISCLOSURE):
        route, reason = Route.DISCLOSURE, "answered truthfully that this is an AI"
        reply = Reply(policy.disclosure.bot_question_answer, (), None)
    elif state.ai_consent is False:
        route, reason = Route.HANDOFF_REQUESTED, "the customer withdrew consent to AI assistance"
        findings.append(Finding("consent", "no_ai_consent", 1.0, reason))
    else:
        backend_name = backend.name
        route, reason, reply = _answer(
            screened.text, state.history, policy, pipeline, backend, context, findings
        )
    vault = MappingProxyType(dict(screened.sealed))
    if route in HANDOFF_ROUTES:
        return _handoff(
            policy,
            screened.text,
            state,
            route,
            findings,
            reason,
            placeholders.to_json(),
            vault,
            backend_name,
        )
    return TurnDecision(
        customer_text=screened.text,
        status=state.status,
        route=route,
        reply=reply,
        findings=tuple(findings),
        reason=reason,
        placeholders=placeholders.to_json(),
        backend=backend_name,
        vault=vault,
    )


def _handoff(
    policy: Policy,
    customer_text: str,
    state: TurnState,
    route: Route,
    findings: list[Finding],
    reason: str,
    placeholders: Mapping[str, Any],
    vault: Mapping[str, str] = _NO_ORIGINALS,
    backend: str | None = None,
) -> TurnDecision:
    message = (
        policy.handoff.failure_message
        if route == Route.HANDOFF_FAILURE
        else policy.handoff.requested_message
    )
    # A conversation already with people stays where it is; only ai_active moves.
    status = Status.HANDOFF_REQUESTED if state.status == Status.AI_ACTIVE else state.status
    return TurnDecision(
        customer_text=customer_text,
        status=status,
        route=route,
        reply=Reply(message, (), None),
        findings=tuple(findings),
        reason=reason,
        placeholders=placeholders,
        backend=backend,
        vault=vault,
    )


def _answer(
    question: str,
    history: tuple[HistoryItem, ...],
    policy: Policy,
    pipeline: GuardPipeline,
    backend: AssistantBackend,
    context: GuardContext,
    findings: list[Finding],
) -> tuple[Route, str, Reply | None]:
    try:
        draft = backend.answer(question, history)
    except Exception as exc:  # any backend failure goes to a person, with the reason kept
        why = str(exc) if isinstance(exc, BackendError) else exc.__class__.__name__
        log.warning("backend %s failed: %s", backend.name, why)
        findings.append(
            Finding("assistant", "backend_error", 1.0, f"{backend.name} backend: {why}")
        )
        return Route.HANDOFF_FAILURE, f"the assistant backend failed ({why})", None
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
        low = Reply(policy.assistant.low_confidence_message, (), draft.confidence)
        return Route.LOW_CONFIDENCE, "not confident enough to answer", low
    return _screen_draft(draft, pipeline, context, findings)


def _screen_draft(
    draft: Draft, pipeline: GuardPipeline, context: GuardContext, findings: list[Finding]
) -> tuple[Route, str, Reply | None]:
    context.confidence = draft.confidence
    screened = pipeline.run_output(draft.text, context)
    findings.extend(screened.findings)
    if screened.failed:
        return Route.HANDOFF_FAILURE, "an output guard failed; handed to a person", None
    citations = tuple(c.to_json() for c in draft.citations)
    reply = Reply(screened.text, citations, draft.confidence)
    return Route.ASSISTANT, f"answered from {len(citations)} cited source(s)", reply
