"""The turn service: load -> decide -> record, for every customer turn and conversation change.

It reads through a :class:`ConversationReader` (one snapshot per request), decides with the pure
:func:`trustdesk.conversation.turn.decide_turn`, and writes everything a request changes in one
:class:`UnitOfWork` transaction, which publishes its events after commit. No HTTP, no SQL.
"""

from __future__ import annotations

import hmac
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from trustdesk.assistant.base import AssistantBackend
from trustdesk.conversation.handoff import HandoffReason, handoff_message
from trustdesk.conversation.identity import hash_token, new_subject_id, new_token
from trustdesk.conversation.ports import (
    ConversationReader,
    LoadedConversation,
    Transaction,
    UnitOfWork,
)
from trustdesk.conversation.records import (
    TRANSITIONS,
    ApprovalRecord,
    ConversationRecord,
    DecisionRecord,
    MessageRecord,
    Role,
    Status,
)
from trustdesk.conversation.turn import Release, Reply, TurnDecision, TurnState, decide_turn
from trustdesk.conversation.validation import validate_attributes, validate_customer_text
from trustdesk.errors import AuthError, ConflictError, InputError, NotFoundError, RateLimitError
from trustdesk.events import (
    ApprovalRequested,
    ConsentChanged,
    ConversationStarted,
    HandoffRequested,
    TurnDecided,
)
from trustdesk.guards.base import Finding, Route
from trustdesk.guards.pipeline import GuardPipeline
from trustdesk.policy.loader import LoadedPolicy
from trustdesk.privacy.consent import ConsentRecord, Purpose, parse_purposes
from trustdesk.privacy.placeholders import PLACEHOLDER_RE, PlaceholderState
from trustdesk.privacy.refill import refill

DEFAULT_HISTORY = 10
CUSTOMER_REQUEST = HandoffReason.CUSTOMER_REQUEST.value
CONSENT_WITHDRAWN = HandoffReason.CONSENT_WITHDRAWN.value
HOUR = timedelta(hours=1)


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


@dataclass(frozen=True, slots=True)
class TranscriptPage:
    """A page of a transcript: messages after ``after``; ``next_after`` when more follow."""

    conversation: ConversationRecord
    messages: list[MessageRecord]
    next_after: int | None


def _now() -> datetime:
    return datetime.now(UTC)


class ConversationService:
    """Runs the turn flow of DESIGN.md. Knows nothing of HTTP or SQL.

    Methods taking a ``token`` authenticate the customer (a token opens only its own
    conversation: a bad token is 401, another conversation's id is 404). The others trust
    their caller (the web edge after authentication, staff tools, tests and benchmarks).
    """

    def __init__(
        self,
        policy: LoadedPolicy,
        pipeline: GuardPipeline,
        backend: AssistantBackend,
        reader: ConversationReader,
        uow: UnitOfWork,
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self.loaded = policy
        self.policy = policy.policy
        self.pipeline = pipeline
        self.backend = backend
        self.store = reader
        self.uow = uow
        self.clock = clock

    @property
    def history_turns(self) -> int:
        """How many earlier messages a turn loads: what the backend is shown (a backend may
        say it needs none), and at least what the escalation triggers read (the customer's
        last ``escalation.window`` messages and the replies between them)."""
        wanted = int(getattr(self.backend, "history_turns", DEFAULT_HISTORY))
        return max(wanted, 2 * self.policy.escalation.window + 1)

    # -- conversations -------------------------------------------------------------------

    def start(
        self,
        customer_ref: str | None = None,
        attributes: Mapping[str, str] | None = None,
        consents: Mapping[str, bool] | None = None,
        channel: str = "api",
        language: str | None = None,
    ) -> StartedConversation:
        """Open a conversation whose first message is the AI disclosure greeting, in
        ``language`` when the policy has it (the browser's preferred language).

        ``customer_ref`` is a customer the business vouched for (the web edge verified a
        signed identity or the service key); without one the conversation is anonymous, with
        a subject of its own. ``consents`` maps purposes (ai_assistance, transcript_storage,
        service_improvement) to the customer's choice; each is recorded with the notice version
        and channel. Without consent to AI assistance a person answers from the start.
        Self-reported attributes are kept only with consent to service improvement.
        """
        attributes = validate_attributes(attributes)
        try:
            given = parse_purposes(dict(consents or {}))  # what the customer chose now
        except ValueError as exc:
            raise InputError(str(exc)) from None
        choices = dict(given)  # ... plus a returning customer's standing choice, below
        now = self.clock()
        subject = self.store.subject_of(customer_ref) if customer_ref is not None else None
        if subject is not None:
            self._check_customer_quota(subject, now)
            if Purpose.AI_ASSISTANCE not in choices:
                # A returning customer's standing choice holds until they change it.
                standing = self.store.current_consents(subject).get(Purpose.AI_ASSISTANCE)
                if standing is not None:
                    choices[Purpose.AI_ASSISTANCE] = standing.granted
        if not choices.get(Purpose.SERVICE_IMPROVEMENT, False):
            attributes = None
        token = new_token()
        conversation = ConversationRecord(
            id=str(uuid.uuid4()),
            token_hash=hash_token(token),
            status=Status.AI_ACTIVE,
            policy_version=self.loaded.version,
            created_at=now,
            updated_at=now,
            customer_ref=customer_ref,
            placeholders=PlaceholderState().to_json(),
        )
        greeting = self.policy.say("greeting", language)
        messages = [MessageRecord(Role.ASSISTANT, greeting, True, now)]
        decision = None
        if choices.get(Purpose.AI_ASSISTANCE) is False:
            conversation.status = Status.HANDOFF_REQUESTED
            conversation.handoff_reason = CONSENT_WITHDRAWN
            conversation.handoff_at = now
            messages.append(
                MessageRecord(
                    Role.ASSISTANT,
                    handoff_message(self.policy, HandoffReason.CONSENT_WITHDRAWN, now, language),
                    True,
                    now,
                )
            )
            reason = "the customer did not consent to AI assistance"
            decision = self._decision(
                conversation.id, Route.HANDOFF_REQUESTED, None, [self._no_ai(reason)], reason, now
            )

        def write(tx: Transaction) -> list[MessageRecord]:
            if customer_ref is not None:
                conversation.subject_id = tx.subject_for(customer_ref, now)
            else:
                conversation.subject_id = new_subject_id()
            tx.create_conversation(conversation, attributes)
            stored = tx.add_messages(conversation.id, messages, after_seq=0)  # a new one
            tx.add_consents(
                [
                    self._consent(conversation, purpose, granted, channel, now)
                    for purpose, granted in given.items()
                ]
            )
            if decision is not None:
                tx.add_decision(decision)
            tx.emit(
                ConversationStarted(
                    now, conversation.id, conversation.status.value, conversation.vouched, channel
                )
            )
            if decision is not None:
                tx.emit(
                    HandoffRequested(
                        now, conversation.id, decision.route, decision.reason, CONSENT_WITHDRAWN
                    )
                )
            return stored

        stored = self.uow.run(write)
        return StartedConversation(conversation, token, stored, bool(attributes))

    def _check_customer_quota(self, subject: str, now: datetime) -> None:
        limit = self.policy.limits.conversations_per_customer_per_hour
        count, oldest = self.store.count_started_since(subject, now - HOUR)
        if count >= limit and oldest is not None:
            wait = (oldest + HOUR - now).total_seconds()
            raise RateLimitError(
                f"at most {limit} conversations per customer per hour; try again later", int(wait)
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

    @staticmethod
    def _no_ai(reason: str) -> Finding:
        return Finding("consent", "no_ai_consent", 1.0, reason)

    def authenticate(self, conversation_id: str, token: str | None) -> ConversationRecord:
        """A token opens only its own conversation: a bad token is 401, another id is 404."""
        return self._open(conversation_id, token, 0).conversation

    def _open(self, conversation_id: str, token: str | None, history: int) -> LoadedConversation:
        if not token:
            raise AuthError("missing bearer token: send 'Authorization: Bearer <token>'")
        loaded = self.store.load_turn(token_hash=hash_token(token), history=history)
        if loaded is None:
            raise AuthError("invalid or expired token")
        if not hmac.compare_digest(loaded.conversation.id, conversation_id):
            raise NotFoundError("conversation not found")
        return loaded

    def _load(self, conversation_id: str, history: int = 0) -> LoadedConversation:
        loaded = self.store.load_turn(conversation_id=conversation_id, history=history)
        if loaded is None:
            raise NotFoundError("conversation not found")
        return loaded

    def get(self, conversation_id: str) -> ConversationRecord:
        return self._load(conversation_id).conversation

    def consents(self, conversation_id: str) -> dict[str, dict[str, Any]]:
        conversation = self.get(conversation_id)
        current = self.store.current_consents(conversation.subject_id)
        return {p.value: r.to_json() for p, r in current.items()}

    def originals(self, conversation_id: str) -> dict[str, str]:
        """The customer's own values behind this conversation's placeholders (customer only)."""
        return self.store.originals(conversation_id)

    def customer_transcript(
        self, conversation_id: str, after: int = 0, limit: int | None = None
    ) -> list[MessageRecord]:
        """The transcript as its customer sees it: their own values filled back in."""
        messages = self.store.list_messages(conversation_id, after, limit)
        if not any("[" in m.text for m in messages):
            return messages
        originals = self.originals(conversation_id)
        return [replace(m, text=refill(m.text, originals)) for m in messages]

    def transcript_page(
        self, conversation: ConversationRecord, after: int, limit: int
    ) -> TranscriptPage:
        """At most ``limit`` messages after sequence number ``after``, refilled."""
        messages = self.customer_transcript(conversation.id, after, limit + 1)
        more = len(messages) > limit
        messages = messages[:limit]
        return TranscriptPage(conversation, messages, messages[-1].seq if more else None)

    def customer_reply(self, conversation_id: str, outcome: TurnOutcome) -> TurnOutcome:
        """The outcome with the reply filled back in for the customer who asked."""
        if outcome.reply is None or "[" not in outcome.reply.text:
            return outcome
        text = refill(outcome.reply.text, self.originals(conversation_id))
        return replace(outcome, reply=replace(outcome.reply, text=text))

    # -- turns ---------------------------------------------------------------------------

    def customer_turn(
        self,
        conversation_id: str,
        token: str | None,
        text: str,
        show: Callable[[str], None] | None = None,
    ) -> TurnOutcome:
        """A customer's message over a channel: authenticate, decide, record, and answer with
        the customer's own details filled back into the reply. One read, one write.

        With ``show``, a backend that streams shows the customer the sentences of its reply
        while it is written (``turn.StreamGate`` decides which), their own details filled
        back in; the returned outcome, recorded as without ``show``, is what stands."""
        text = validate_customer_text(text, self.policy.limits.max_message_chars)
        loaded = self._open(conversation_id, token, self.history_turns)
        release = None if show is None else _Refilled(self, conversation_id, show)
        return self._turn(loaded, text, for_customer=True, release=release)

    def handle_turn(self, conversation_id: str, text: str) -> TurnOutcome:
        """Guard, route, answer and record one customer message (trusted caller; the reply
        keeps its placeholders)."""
        text = validate_customer_text(text, self.policy.limits.max_message_chars)
        return self._turn(self._load(conversation_id, self.history_turns), text)

    def _turn(
        self,
        loaded: LoadedConversation,
        text: str,
        for_customer: bool = False,
        release: Release | None = None,
    ) -> TurnOutcome:
        conversation = loaded.conversation
        if conversation.status == Status.RESOLVED:
            raise ConflictError(self.policy.handoff.closed_message)
        self._check_limit(conversation)
        state = TurnState(
            status=conversation.status,
            placeholders=conversation.placeholders,
            ai_consent=loaded.ai_consent,
            history=loaded.history(),
            now=self.clock(),
        )
        decision = decide_turn(text, state, self.policy, self.pipeline, self.backend, release)
        reply_text = self._record(conversation, decision, for_customer)
        reply = decision.reply
        if reply is not None and reply_text is not None:
            reply = replace(reply, text=reply_text)
        return TurnOutcome(reply, decision.status, decision.route.value)

    def _record(
        self, conversation: ConversationRecord, decision: TurnDecision, for_customer: bool
    ) -> str | None:
        """Write the turn in one transaction; returns the reply refilled for the customer."""
        now = self.clock()
        self._check_transition(conversation.status, decision.status)
        customer = MessageRecord(Role.CUSTOMER, decision.customer_text, False, now)
        updated = replace(conversation, placeholders=dict(decision.placeholders))
        handed_off = decision.status != conversation.status and decision.handed_off
        reason_code = handoff_reason_of(decision) if handed_off else None
        if reason_code is not None:
            updated.handoff_reason, updated.handoff_at = reason_code, now
        approvals = [
            ApprovalRecord(
                id=str(uuid.uuid4()),
                conversation_id=conversation.id,
                action=action.action,
                amount=action.amount,
                currency=action.currency,
                rule=rule,
                ai_reason=action.reason,
                status="pending",
                requested_at=now,
            )
            for action, rule in decision.approvals
        ]

        def write(tx: Transaction) -> str | None:
            refilled = None
            tx.advance(updated, decision.status, now, turns=1)
            stored = tx.add_messages(
                conversation.id,
                [customer, *self._reply_message(decision.reply, now)],
                conversation.last_seq,  # read under the revision that advance() checked
            )
            decision_id = tx.add_decision(
                self._decision(
                    conversation.id,
                    decision.route,
                    decision.backend,
                    list(decision.findings),
                    decision.reason,
                    now,
                    customer_seq(stored),
                    decision.withheld_draft,
                )
            )
            tx.seal(updated, decision.vault, now)
            if approvals:
                tx.add_approvals(approvals)
            for a in approvals:
                tx.emit(
                    ApprovalRequested(
                        now, conversation.id, a.id, a.action, a.amount, a.currency, a.rule
                    )
                )
            if for_customer and decision.reply is not None and "[" in decision.reply.text:
                refilled = refill(decision.reply.text, tx.originals(conversation.id))
            tx.emit(
                TurnDecided(
                    now,
                    conversation.id,
                    decision_id,
                    decision.route.value,
                    conversation.status.value,
                    decision.status.value,
                    decision.backend,
                    self.loaded.version,
                    tuple(f.to_json() for f in decision.findings),
                    decision.reason,
                )
            )
            if reason_code is not None:
                tx.emit(
                    HandoffRequested(
                        now, conversation.id, decision.route.value, decision.reason, reason_code
                    )
                )
            return refilled

        refilled = self.uow.run(write)
        return refilled

    @staticmethod
    def _reply_message(reply: Reply | None, now: datetime) -> list[MessageRecord]:
        if reply is None:
            return []
        return [
            MessageRecord(
                Role.ASSISTANT,
                reply.text,
                ai=True,
                created_at=now,
                citations=reply.citations,
                confidence=reply.confidence,
            )
        ]

    @staticmethod
    def _check_transition(before: Status, after: Status) -> None:
        if after != before and after not in TRANSITIONS[before]:
            raise ConflictError(f"cannot move from {before} to {after}")

    def _decision(
        self,
        conversation_id: str,
        route: Route,
        backend: str | None,
        findings: Sequence[Finding],
        reason: str,
        now: datetime,
        customer_seq: int | None = None,
        withheld_draft: str | None = None,
    ) -> DecisionRecord:
        return DecisionRecord(
            conversation_id=conversation_id,
            route=route.value,
            backend=backend,
            policy_version=self.loaded.version,
            findings=tuple(f.to_json() for f in findings),
            reason=reason,
            created_at=now,
            customer_seq=customer_seq,
            withheld_draft=withheld_draft,
        )

    def request_handoff(self, conversation_id: str, via: str = "button") -> TurnOutcome:
        """The customer pressed "Talk to a person". Repeating it changes nothing."""
        conversation = self.get(conversation_id)
        if conversation.status == Status.RESOLVED:
            raise ConflictError(self.policy.handoff.closed_message)
        if conversation.status != Status.AI_ACTIVE:
            return TurnOutcome(None, conversation.status, Route.HUMAN_QUEUE.value)
        reason = "the customer asked for a person"
        finding = Finding("human_request", via, 1.0, f"the customer asked for a person ({via})")
        code = HandoffReason.CONTESTED if via == "contest" else HandoffReason.CUSTOMER_REQUEST
        reply = Reply(handoff_message(self.policy, code, self.clock()), (), None)
        self._change(
            conversation,
            Status.HANDOFF_REQUESTED,
            reply,
            Route.HANDOFF_REQUESTED,
            finding,
            reason,
            reason_code=code.value,
        )
        return TurnOutcome(reply, Status.HANDOFF_REQUESTED, Route.HANDOFF_REQUESTED.value)

    def set_consent(
        self, conversation_id: str, purpose: str, granted: bool, channel: str = "api"
    ) -> TurnOutcome:
        """Give or withdraw one consent; withdrawing is as easy as giving.

        Consent is the customer's: it holds for the subject of this conversation (a vouched
        customer's other conversations too). Withdrawing consent to AI assistance hands the
        conversation to a person at once.
        """
        try:
            [(chosen, _)] = parse_purposes({purpose: granted}).items()
        except ValueError as exc:
            raise InputError(str(exc)) from None
        conversation = self.get(conversation_id)
        record = self._consent(conversation, chosen, granted, channel, self.clock())
        status, reply, route = conversation.status, None, Route.HUMAN_QUEUE
        reason = f"consent to {chosen.value} {'given' if granted else 'withdrawn'}"
        if chosen == Purpose.AI_ASSISTANCE and not granted and status == Status.AI_ACTIVE:
            status, route = Status.HANDOFF_REQUESTED, Route.HANDOFF_REQUESTED
            reply = Reply(
                handoff_message(self.policy, HandoffReason.CONSENT_WITHDRAWN, self.clock()),
                (),
                None,
            )
        current = self.store.current_consents(conversation.subject_id).get(chosen)
        if current is not None and current.granted == granted and status == conversation.status:
            return TurnOutcome(None, status, Route.HUMAN_QUEUE.value)  # nothing changes
        if granted:
            # Giving counts against the conversation's limit; withdrawing never does.
            self._check_limit(conversation)
        finding = Finding(
            "consent", f"{chosen.value}_{'given' if granted else 'withdrawn'}", 1.0, reason
        )
        self._change(
            conversation,
            status,
            reply,
            route,
            finding,
            reason,
            record,
            turns=1,
            reason_code=CONSENT_WITHDRAWN,
        )
        return TurnOutcome(reply, status, route.value)

    def _check_limit(self, conversation: ConversationRecord) -> None:
        limit = self.policy.limits.max_turns_per_conversation
        if conversation.turn_count >= limit:
            raise ConflictError(
                f"this conversation has reached its limit of {limit} messages; "
                "start a new conversation"
            )

    def _change(
        self,
        conversation: ConversationRecord,
        status: Status,
        reply: Reply | None,
        route: Route,
        finding: Finding,
        reason: str,
        consent: ConsentRecord | None = None,
        turns: int = 0,
        reason_code: str = CUSTOMER_REQUEST,
    ) -> None:
        """Record a change that is not a customer message (a button, a consent)."""
        self._check_transition(conversation.status, status)
        now = self.clock()
        handed_off = status != conversation.status
        if handed_off:
            conversation = replace(conversation, handoff_reason=reason_code, handoff_at=now)

        def write(tx: Transaction) -> None:
            tx.advance(conversation, status, now, turns)
            tx.add_messages(conversation.id, self._reply_message(reply, now), conversation.last_seq)
            tx.add_decision(self._decision(conversation.id, route, None, [finding], reason, now))
            if consent is not None:
                tx.add_consents([consent])
                tx.emit(
                    ConsentChanged(
                        now,
                        conversation.id,
                        consent.purpose.value,
                        consent.granted,
                        consent.channel,
                    )
                )
            if handed_off:
                tx.emit(HandoffRequested(now, conversation.id, route.value, reason, reason_code))

        self.uow.run(write)


class _Refilled:
    """A streamed sentence for its customer: placeholders filled back with their own values
    (this message's, and the conversation's earlier ones, read once when first needed).
    Sentences are released whole, so a placeholder is never split between two of them."""

    def __init__(
        self, service: ConversationService, conversation_id: str, show: Callable[[str], None]
    ) -> None:
        self.service = service
        self.conversation_id = conversation_id
        self.show = show
        self._earlier: dict[str, str] | None = None

    def __call__(self, text: str, originals: Mapping[str, str]) -> None:
        if PLACEHOLDER_RE.search(text):
            if self._earlier is None:
                self._earlier = self.service.originals(self.conversation_id)
            text = refill(text, {**self._earlier, **originals})
        self.show(text)


def handoff_reason_of(decision: TurnDecision) -> str:
    """The HandoffReason of a decision that brought in a person."""
    if decision.handoff_reason is not None:
        return decision.handoff_reason.value
    # decide_turn names a reason on every handoff; this is only a guard against a new path.
    return HandoffReason.GUARD_ERROR.value


def customer_seq(stored: Sequence[MessageRecord]) -> int | None:
    """The sequence number of the customer's message among those just stored."""
    return next((m.seq for m in stored if m.role == Role.CUSTOMER), None)
