"""The turn service: one customer turn through guards, routing, the assistant and the record."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from trustdesk.assistant.base import AssistantBackend, Draft, HistoryItem
from trustdesk.conversation.ports import ConversationStore
from trustdesk.conversation.records import (
    TRANSITIONS,
    ConversationRecord,
    DecisionRecord,
    MessageRecord,
    Role,
    Status,
)
from trustdesk.conversation.validation import (
    validate_attributes,
    validate_customer_ref,
    validate_customer_text,
)
from trustdesk.errors import AuthError, BackendError, ConflictError, NotFoundError
from trustdesk.guards.base import Finding, GuardContext, Route
from trustdesk.guards.pipeline import GuardPipeline
from trustdesk.policy.loader import LoadedPolicy
from trustdesk.privacy.placeholders import PlaceholderState

log = logging.getLogger(__name__)

# Stored instead of the customer's words when the privacy guard itself failed: we cannot prove
# the text is free of personal data, so it is not kept.
WITHHELD_TEXT = "[message withheld: the privacy filter failed, so this message was not stored]"
HISTORY_TURNS = 10


@dataclass(frozen=True, slots=True)
class Reply:
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
class TurnOutcome:
    reply: Reply | None
    status: Status
    route: str


@dataclass(frozen=True, slots=True)
class StartedConversation:
    conversation: ConversationRecord
    token: str
    messages: list[MessageRecord]
    attributes_stored: bool


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


class ConversationService:
    """Runs the turn flow of DESIGN.md. Knows nothing of HTTP or SQL."""

    def __init__(
        self,
        policy: LoadedPolicy,
        pipeline: GuardPipeline,
        backend: AssistantBackend,
        store: ConversationStore,
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self.loaded = policy
        self.policy = policy.policy
        self.pipeline = pipeline
        self.backend = backend
        self.store = store
        self.clock = clock

    # -- conversations -------------------------------------------------------------------

    def start(
        self,
        customer_ref: str | None = None,
        attributes: Mapping[str, str] | None = None,
        attributes_consent: bool = False,
    ) -> StartedConversation:
        """Open a conversation whose first message is the AI disclosure greeting.

        Self-reported attributes are kept only with the customer's consent, apart from the
        transcript; without consent they are dropped, not stored.
        """
        customer_ref = validate_customer_ref(customer_ref)
        attributes = validate_attributes(attributes)
        keep_attributes = bool(attributes) and attributes_consent
        now = self.clock()
        token = secrets.token_urlsafe(32)
        conversation = ConversationRecord(
            id=str(uuid.uuid4()),
            token_hash=hash_token(token),
            status=Status.AI_ACTIVE,
            policy_version=self.loaded.version,
            created_at=now,
            updated_at=now,
            customer_ref=customer_ref,
            placeholders=PlaceholderState.from_json(None).to_json(),
        )
        greeting = MessageRecord(
            role=Role.ASSISTANT, text=self.policy.disclosure.greeting, ai=True, created_at=now
        )
        self.store.create_conversation(
            conversation, [greeting], attributes if keep_attributes else None
        )
        return StartedConversation(
            conversation, token, self.store.list_messages(conversation.id), keep_attributes
        )

    def authenticate(self, conversation_id: str, token: str | None) -> ConversationRecord:
        """A token opens only its own conversation: a bad token is 401, another id is 404."""
        if not token:
            raise AuthError("missing bearer token: send 'Authorization: Bearer <token>'")
        conversation = self.store.find_by_token_hash(hash_token(token))
        if conversation is None:
            raise AuthError("invalid or expired token")
        if not hmac.compare_digest(conversation.id, conversation_id):
            raise NotFoundError("conversation not found")
        return conversation

    def transcript(self, conversation_id: str) -> list[MessageRecord]:
        return self.store.list_messages(conversation_id)

    def get(self, conversation_id: str) -> ConversationRecord:
        conversation = self.store.get_conversation(conversation_id)
        if conversation is None:
            raise NotFoundError("conversation not found")
        return conversation

    # -- turns ---------------------------------------------------------------------------

    def handle_turn(self, conversation_id: str, text: str) -> TurnOutcome:
        """Guard, route, answer and record one customer message."""
        text = validate_customer_text(text, self.policy.limits.max_message_chars)
        conversation = self.get(conversation_id)
        if conversation.status == Status.RESOLVED:
            raise ConflictError("this conversation is resolved; start a new conversation")
        state = PlaceholderState.from_json(conversation.placeholders)
        context = GuardContext(placeholders=state)
        screened = self.pipeline.run_input(text, context)
        findings = list(screened.findings)
        stored_text = WITHHELD_TEXT if screened.failed else screened.text
        customer = MessageRecord(Role.CUSTOMER, stored_text, ai=False, created_at=self.clock())

        status = conversation.status
        reply: Reply | None = None
        if status != Status.AI_ACTIVE:
            route, reason = (
                Route.HUMAN_QUEUE,
                f"conversation is {status.value}; the AI stays silent",
            )
        elif screened.failed:
            route, reason = Route.HANDOFF_FAILURE, "an input guard failed; handed to a person"
        elif screened.wants(Route.HANDOFF_REQUESTED):
            route, reason = Route.HANDOFF_REQUESTED, "the customer asked for a person"
        elif screened.wants(Route.DISCLOSURE):
            route, reason = Route.DISCLOSURE, "answered truthfully that this is an AI"
            reply = Reply(self.policy.disclosure.bot_question_answer, (), None)
        else:
            route, reason, reply = self._answer(conversation.id, screened.text, context, findings)

        if route in (Route.HANDOFF_REQUESTED, Route.HANDOFF_FAILURE):
            status = Status.HANDOFF_REQUESTED
            message = self.policy.handoff.requested_message
            if route == Route.HANDOFF_FAILURE:
                message = self.policy.handoff.failure_message
            reply = Reply(message, (), None)
        backend = self.backend.name if route in (Route.ASSISTANT, Route.LOW_CONFIDENCE) else None
        self._record(conversation, state, status, customer, reply, route, backend, findings, reason)
        return TurnOutcome(reply, status, route.value)

    def _answer(
        self, conversation_id: str, question: str, context: GuardContext, findings: list[Finding]
    ) -> tuple[Route, str, Reply | None]:
        history = [
            HistoryItem(m.role.value, m.text)
            for m in self.store.list_messages(conversation_id)[-HISTORY_TURNS:]
        ]
        try:
            draft = self.backend.answer(question, history)
        except Exception as exc:  # any backend failure goes to a person, with the reason kept
            why = str(exc) if isinstance(exc, BackendError) else exc.__class__.__name__
            log.warning("backend %s failed: %s", self.backend.name, why)
            findings.append(
                Finding("assistant", "backend_error", 1.0, f"{self.backend.name} backend: {why}")
            )
            return Route.HANDOFF_FAILURE, f"the assistant backend failed ({why})", None
        threshold = self.policy.assistant.confidence_threshold
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
            low = Reply(self.policy.assistant.low_confidence_message, (), draft.confidence)
            return Route.LOW_CONFIDENCE, "not confident enough to answer", low
        return self._screen_draft(draft, context, findings)

    def _screen_draft(
        self, draft: Draft, context: GuardContext, findings: list[Finding]
    ) -> tuple[Route, str, Reply | None]:
        context.confidence = draft.confidence
        screened = self.pipeline.run_output(draft.text, context)
        findings.extend(screened.findings)
        if screened.failed:
            return Route.HANDOFF_FAILURE, "an output guard failed; handed to a person", None
        citations = tuple(c.to_json() for c in draft.citations)
        reply = Reply(screened.text, citations, draft.confidence)
        return Route.ASSISTANT, f"answered from {len(citations)} cited source(s)", reply

    def request_handoff(self, conversation_id: str, via: str = "button") -> TurnOutcome:
        """The customer pressed "Talk to a person". Repeating it changes nothing."""
        conversation = self.get(conversation_id)
        if conversation.status == Status.RESOLVED:
            raise ConflictError("this conversation is resolved; start a new conversation")
        if conversation.status != Status.AI_ACTIVE:
            return TurnOutcome(None, conversation.status, Route.HUMAN_QUEUE.value)
        finding = Finding("human_request", via, 1.0, f"the customer asked for a person ({via})")
        reply = Reply(self.policy.handoff.requested_message, (), None)
        state = PlaceholderState.from_json(conversation.placeholders)
        self._record(
            conversation,
            state,
            Status.HANDOFF_REQUESTED,
            None,
            reply,
            Route.HANDOFF_REQUESTED,
            None,
            [finding],
            "the customer asked for a person",
        )
        return TurnOutcome(reply, Status.HANDOFF_REQUESTED, Route.HANDOFF_REQUESTED.value)

    def _record(
        self,
        conversation: ConversationRecord,
        state: PlaceholderState,
        status: Status,
        customer: MessageRecord | None,
        reply: Reply | None,
        route: Route,
        backend: str | None,
        findings: list[Finding],
        reason: str,
    ) -> None:
        if status != conversation.status and status not in TRANSITIONS[conversation.status]:
            raise ConflictError(f"cannot move from {conversation.status} to {status}")
        now = self.clock()
        messages = [customer] if customer else []
        if reply is not None:
            messages.append(
                MessageRecord(
                    Role.ASSISTANT,
                    reply.text,
                    ai=True,
                    created_at=now,
                    citations=reply.citations,
                    confidence=reply.confidence,
                )
            )
        decision = DecisionRecord(
            conversation_id=conversation.id,
            route=route.value,
            backend=backend,
            policy_version=self.loaded.version,
            findings=tuple(f.to_json() for f in findings),
            reason=reason,
            created_at=now,
        )
        updated = replace(conversation, placeholders=state.to_json(), updated_at=now)
        self.store.record_turn(updated, status, messages, decision)
