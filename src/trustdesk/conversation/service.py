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
from trustdesk.errors import AuthError, BackendError, ConflictError, InputError, NotFoundError
from trustdesk.guards.base import Finding, GuardContext, Route
from trustdesk.guards.pipeline import GuardPipeline
from trustdesk.policy.loader import LoadedPolicy
from trustdesk.privacy.consent import ConsentRecord, Purpose, parse_purposes
from trustdesk.privacy.placeholders import PlaceholderState
from trustdesk.privacy.refill import refill

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
        consents: Mapping[str, bool] | None = None,
        channel: str = "api",
    ) -> StartedConversation:
        """Open a conversation whose first message is the AI disclosure greeting.

        ``consents`` maps purposes (ai_assistance, transcript_storage, service_improvement) to
        the customer's choice; each is recorded with the notice version and channel. Without
        consent to AI assistance a person answers from the start. Self-reported attributes are
        kept only with consent to service improvement, apart from the transcript; otherwise
        they are dropped, not stored.
        """
        customer_ref = validate_customer_ref(customer_ref)
        attributes = validate_attributes(attributes)
        try:
            choices = parse_purposes(dict(consents or {}))
        except ValueError as exc:
            raise InputError(str(exc)) from None
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
        records = [
            self._consent(conversation, purpose, granted, channel, now)
            for purpose, granted in choices.items()
        ]
        if Purpose.AI_ASSISTANCE not in choices and customer_ref is not None:
            # A returning customer's standing choice holds until they change it.
            standing = self.store.current_consents(conversation.subject_id)
            if Purpose.AI_ASSISTANCE in standing:
                choices[Purpose.AI_ASSISTANCE] = standing[Purpose.AI_ASSISTANCE].granted
        if not choices.get(Purpose.SERVICE_IMPROVEMENT, False):
            attributes = None
        greeting = MessageRecord(
            role=Role.ASSISTANT, text=self.policy.disclosure.greeting, ai=True, created_at=now
        )
        messages = [greeting]
        decision = None
        if choices.get(Purpose.AI_ASSISTANCE) is False:
            conversation.status = Status.HANDOFF_REQUESTED
            messages.append(
                MessageRecord(
                    Role.ASSISTANT, self.policy.handoff.requested_message, ai=True, created_at=now
                )
            )
            reason = "the customer did not consent to AI assistance"
            decision = DecisionRecord(
                conversation_id=conversation.id,
                route=Route.HANDOFF_REQUESTED.value,
                backend=None,
                policy_version=self.loaded.version,
                findings=(Finding("consent", "no_ai_consent", 1.0, reason).to_json(),),
                reason=reason,
                created_at=now,
            )
        self.store.create_conversation(conversation, messages, attributes, records, decision)
        return StartedConversation(
            conversation, token, self.store.list_messages(conversation.id), bool(attributes)
        )

    def _consent(
        self,
        conversation: ConversationRecord,
        purpose: Purpose,
        granted: bool,
        channel: str,
        now: datetime,
    ) -> ConsentRecord:
        return ConsentRecord(
            subject_id=conversation.subject_id,
            purpose=purpose,
            granted=granted,
            notice_version=self.policy.consent.notice_version,
            channel=channel,
            recorded_at=now,
            conversation_id=conversation.id,
        )

    def set_consent(
        self, conversation_id: str, purpose: str, granted: bool, channel: str = "api"
    ) -> TurnOutcome:
        """Give or withdraw one consent; withdrawing is as easy as giving.

        Withdrawing consent to AI assistance hands the conversation to a person at once.
        """
        try:
            [(chosen, _)] = parse_purposes({purpose: granted}).items()
        except ValueError as exc:
            raise InputError(str(exc)) from None
        conversation = self.get(conversation_id)
        record = self._consent(conversation, chosen, granted, channel, self.clock())
        state = PlaceholderState.from_json(conversation.placeholders)
        status, reply, route = conversation.status, None, Route.HUMAN_QUEUE
        reason = f"consent to {chosen.value} {'given' if granted else 'withdrawn'}"
        if chosen == Purpose.AI_ASSISTANCE and not granted and status == Status.AI_ACTIVE:
            status, route = Status.HANDOFF_REQUESTED, Route.HANDOFF_REQUESTED
            reply = Reply(self.policy.handoff.requested_message, (), None)
        finding = Finding(
            "consent", f"{chosen.value}_{'given' if granted else 'withdrawn'}", 1.0, reason
        )
        self._record(
            conversation, state, status, None, reply, route, None, [finding], reason, {}, [record]
        )
        return TurnOutcome(reply, status, route.value)

    def consents(self, conversation_id: str) -> dict[str, dict[str, Any]]:
        conversation = self.get(conversation_id)
        current = self.store.current_consents(conversation.subject_id)
        return {p.value: r.to_json() for p, r in current.items()}

    def originals(self, conversation_id: str) -> dict[str, str]:
        """The customer's own values behind this conversation's placeholders (customer only)."""
        return self.store.originals(conversation_id)

    def customer_transcript(self, conversation_id: str) -> list[MessageRecord]:
        """The transcript as its customer sees it: their own values filled back in."""
        originals = self.originals(conversation_id)
        return [
            replace(m, text=refill(m.text, originals))
            for m in self.store.list_messages(conversation_id)
        ]

    def customer_reply(self, conversation_id: str, outcome: TurnOutcome) -> TurnOutcome:
        """The outcome with the reply filled back in for the customer who asked."""
        if outcome.reply is None or "[" not in outcome.reply.text:
            return outcome
        text = refill(outcome.reply.text, self.originals(conversation_id))
        return replace(outcome, reply=replace(outcome.reply, text=text))

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
            raise ConflictError(self.policy.handoff.closed_message)
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
        elif self._ai_refused(conversation):
            route, reason = (
                Route.HANDOFF_REQUESTED,
                "the customer withdrew consent to AI assistance",
            )
            findings.append(Finding("consent", "no_ai_consent", 1.0, reason))
        else:
            route, reason, reply = self._answer(conversation.id, screened.text, context, findings)

        if route in (Route.HANDOFF_REQUESTED, Route.HANDOFF_FAILURE):
            status = Status.HANDOFF_REQUESTED
            message = self.policy.handoff.requested_message
            if route == Route.HANDOFF_FAILURE:
                message = self.policy.handoff.failure_message
            reply = Reply(message, (), None)
        backend = self.backend.name if route in (Route.ASSISTANT, Route.LOW_CONFIDENCE) else None
        originals = {} if screened.failed else context.originals
        self._record(
            conversation,
            state,
            status,
            customer,
            reply,
            route,
            backend,
            findings,
            reason,
            originals,
        )
        return TurnOutcome(reply, status, route.value)

    def _ai_refused(self, conversation: ConversationRecord) -> bool:
        """Consent to AI assistance withdrawn for this customer (maybe in another chat)."""
        current = self.store.current_consents(conversation.subject_id)
        record = current.get(Purpose.AI_ASSISTANCE)
        return record is not None and not record.granted

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
            raise ConflictError(self.policy.handoff.closed_message)
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
        originals: Mapping[str, str] | None = None,
        consents: list[ConsentRecord] | None = None,
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
        self.store.record_turn(updated, status, messages, decision, originals, consents or [])
