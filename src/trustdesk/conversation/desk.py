"""The human desk: what support staff do with conversations handed to a person.

Claim (``handoff_requested -> human_active``), reply as a person, ask the assistant for a
draft (agent assist), resolve, and hand back to the AI (``human_active -> ai_active``). Each
action is one unit of work whose events (ConversationClaimed, HumanReplied, …) reach the
ledger, the live updates and the webhooks after commit. What staff write passes the same
privacy layer as the customer's words before it is stored. No HTTP, no SQL.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Protocol

from trustdesk.assistant.base import AssistantBackend, HistoryItem
from trustdesk.conversation.agents import StaffMember
from trustdesk.conversation.ports import ConversationReader, Transaction, UnitOfWork
from trustdesk.conversation.records import (
    AgentDraft,
    ApprovalRecord,
    ConversationRecord,
    DecisionRecord,
    MessageRecord,
    QueueItem,
    Role,
    Status,
)
from trustdesk.conversation.validation import validate_customer_text
from trustdesk.errors import ConflictError, ForbiddenError, InputError, NotFoundError, StoreError
from trustdesk.events import (
    ApprovalDecided,
    ConversationClaimed,
    ConversationResolved,
    HandedBackToAI,
    HumanReplied,
)
from trustdesk.guards.base import Finding, GuardContext
from trustdesk.guards.pipeline import GuardPipeline
from trustdesk.language.detect import reply_language
from trustdesk.policy.loader import LoadedPolicy
from trustdesk.privacy.placeholders import PlaceholderState

WITH_PEOPLE = (Status.HANDOFF_REQUESTED, Status.HUMAN_ACTIVE)
MAX_NOTE_CHARS = 1000
# Roles that may take over a conversation another member has claimed.
TAKE_OVER_ROLES = frozenset({"supervisor", "admin"})


log = logging.getLogger(__name__)

# How long one "typing" signal shows the customer that a person is writing.
TYPING_S = 6.0


def _now() -> datetime:
    return datetime.now(UTC)


class DeskReader(Protocol):
    """The reads the desk needs besides the conversation store's, and the "typing" presence
    signal (written outside any unit of work: it is not a record)."""

    def queue(self, limit: int) -> list[QueueItem]:
        """Conversations handed to a person, the longest waiting first."""

    def get_draft(self, draft_id: str) -> AgentDraft | None: ...

    def approvals(self, status: str | None, limit: int) -> list[ApprovalRecord]: ...

    def get_approval(self, approval_id: str) -> ApprovalRecord | None: ...

    def set_typing(self, conversation_id: str, display_name: str, until: datetime) -> None: ...

    def clear_typing(self, conversation_id: str) -> None: ...

    def typing(self, conversation_id: str, now: datetime) -> str | None: ...


class HumanDesk:
    """Staff actions on conversations. The web edge checks the role's permission; this class
    checks the conversation's state and who holds it."""

    def __init__(
        self,
        policy: LoadedPolicy,
        pipeline: GuardPipeline,
        backend: AssistantBackend,
        reader: ConversationReader,
        desk: DeskReader,
        uow: UnitOfWork,
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self.loaded = policy
        self.policy = policy.policy
        self.pipeline = pipeline
        self.backend = backend
        self.reader = reader
        self.desk = desk
        self.uow = uow
        self.clock = clock

    # -- reads ---------------------------------------------------------------------------

    def queue(self, limit: int = 200) -> list[QueueItem]:
        """Conversations waiting for a person or with one, the longest waiting first."""
        return self.desk.queue(limit)

    def _load(self, conversation_id: str) -> ConversationRecord:
        loaded = self.reader.load_turn(conversation_id=conversation_id)
        if loaded is None:
            raise NotFoundError("conversation not found")
        return loaded.conversation

    def person_typing(self, conversation: ConversationRecord) -> str | None:
        """The display name of the person writing to this conversation's customer now; None
        unless a person holds it."""
        if conversation.status != Status.HUMAN_ACTIVE:
            return None
        return self.desk.typing(conversation.id, self.clock())

    # -- actions -------------------------------------------------------------------------

    def typing(self, member: StaffMember, conversation_id: str) -> datetime:
        """The member holding the conversation is writing: the customer sees "<name> is
        typing…" for TYPING_S seconds (the console signals again while they type), or until
        their reply arrives. Returns until when."""
        conversation = self._held_by(member, conversation_id)
        until = self.clock() + timedelta(seconds=TYPING_S)
        self.desk.set_typing(conversation.id, display_name(member), until)
        return until

    def claim(self, member: StaffMember, conversation_id: str) -> ConversationRecord:
        """Take a conversation from the queue (``handoff_requested -> human_active``).

        Claiming one you hold changes nothing; one another member holds is a conflict, except
        for roles that may take over (supervisor, admin).
        """
        conversation = self._load(conversation_id)
        if conversation.status == Status.HUMAN_ACTIVE and conversation.assignee == member.name:
            return conversation
        if conversation.status == Status.HUMAN_ACTIVE and member.role not in TAKE_OVER_ROLES:
            raise ConflictError("another member of staff is handling this conversation")
        if conversation.status not in WITH_PEOPLE:
            raise ConflictError(
                f"only conversations waiting for a person can be claimed (this one is "
                f"{conversation.status.value})"
            )
        now = self.clock()
        claimed = replace(conversation, assignee=member.name)
        joined = MessageRecord(
            Role.AGENT,
            self.policy.handoff.joined_message.format(name=display_name(member)),
            ai=False,
            created_at=now,
            author=display_name(member),
        )
        reason = f"claimed by {member.name} ({member.role})"

        def write(tx: Transaction) -> None:
            tx.advance(claimed, Status.HUMAN_ACTIVE, now)
            tx.add_messages(conversation.id, [joined], conversation.last_seq)
            tx.add_decision(self._decision(conversation.id, "claim", reason, now))
            tx.emit(ConversationClaimed(now, conversation.id, member.name, member.role))

        self.uow.run(write)
        return replace(claimed, status=Status.HUMAN_ACTIVE, revision=conversation.revision + 1)

    def reply(
        self,
        member: StaffMember,
        conversation_id: str,
        text: str,
        draft_id: str | None = None,
    ) -> MessageRecord:
        """Reply as a person: labelled with the member's display name, never as the AI.

        The words pass the input privacy guard first (personal data to placeholders, originals
        to the customer's vault); if it fails, nothing is stored or sent.
        """
        text = validate_customer_text(text, self.policy.limits.max_message_chars)
        conversation = self._held_by(member, conversation_id)
        draft = self._draft_for(draft_id, conversation.id) if draft_id else None
        placeholders = PlaceholderState.from_json(conversation.placeholders)
        screened = self.pipeline.run_privacy(text, GuardContext(placeholders=placeholders))
        if screened.failed:
            raise StoreError(
                "the privacy filter failed, so the reply was not stored or sent; try again"
            )
        now = self.clock()
        updated = replace(conversation, placeholders=placeholders.to_json())
        message = MessageRecord(
            Role.AGENT,
            screened.text,
            ai=False,
            created_at=now,
            author=display_name(member),
            from_draft=draft is not None,
        )
        edited = draft is not None and draft.text.strip() != screened.text.strip()
        vault = dict(screened.sealed)
        findings = list(screened.findings)

        def write(tx: Transaction) -> MessageRecord:
            tx.advance(updated, Status.HUMAN_ACTIVE, now)
            [stored] = tx.add_messages(conversation.id, [message], conversation.last_seq)
            tx.add_decision(
                self._decision(
                    conversation.id,
                    "human_reply",
                    f"{member.name} replied"
                    + (
                        "" if draft is None else (" from an edited draft" if edited else " a draft")
                    ),
                    now,
                    findings,
                    stored.seq,
                )
            )
            tx.seal(updated, vault, now)
            tx.emit(
                HumanReplied(
                    now, conversation.id, member.name, stored.seq, draft is not None, edited
                )
            )
            return stored

        stored = self.uow.run(write)
        try:  # the reply is there: no longer "typing" (else it ends on its own in seconds)
            self.desk.clear_typing(conversation.id)
        except Exception as exc:
            log.warning("could not clear the typing signal: %s", exc.__class__.__name__)
        return stored

    def draft(self, member: StaffMember, conversation_id: str) -> AgentDraft:
        """Agent assist: the assistant drafts a reply to the customer's last message, with
        citations, through the same output guards as its own replies. Nothing is sent."""
        conversation = self._held_by(member, conversation_id)
        loaded = self.reader.load_turn(conversation_id=conversation.id, history=20)
        recent = loaded.recent if loaded is not None else ()
        question = next((m.text for m in reversed(recent) if m.role == Role.CUSTOMER), None)
        if question is None:
            raise ConflictError("the customer has not written anything to draft a reply to")
        history = tuple(HistoryItem(m.role.value, m.text) for m in recent)
        backend = self.backend
        choose = getattr(backend, "for_language", None)
        if choose is not None:  # a knowledge base per language: the customer's, as they wrote
            said = " ".join(m.text for m in recent if m.role == Role.CUSTOMER)
            backend = choose(reply_language(said, ""))  # "": unsure, the default one
        answer = backend.answer(question, history[:-1])
        placeholders = PlaceholderState.from_json(conversation.placeholders)
        context = GuardContext(placeholders=placeholders, confidence=answer.confidence)
        screened = self.pipeline.run_output(answer.text, context)
        if screened.failed or not screened.text.strip():
            raise ConflictError("the assistant has no draft for this message")
        now = self.clock()
        draft = AgentDraft(
            id=str(uuid.uuid4()),
            conversation_id=conversation.id,
            staff_name=member.name,
            text=screened.text,
            citations=tuple(c.to_json() for c in answer.citations),
            confidence=answer.confidence,
            created_at=now,
        )

        def write(tx: Transaction) -> None:
            tx.add_draft(draft)

        self.uow.run(write)
        return draft

    def resolve(self, member: StaffMember, conversation_id: str) -> None:
        """Close the conversation; the customer is told, and can start a new one."""
        conversation = self._load(conversation_id)
        if conversation.status == Status.RESOLVED:
            return
        if (
            conversation.status == Status.HUMAN_ACTIVE
            and conversation.assignee != member.name
            and member.role not in TAKE_OVER_ROLES
        ):
            raise ConflictError("another member of staff is handling this conversation")
        now = self.clock()
        notice = MessageRecord(
            Role.AGENT,
            self.policy.handoff.resolved_message,
            ai=False,
            created_at=now,
            author=display_name(member),
        )

        def write(tx: Transaction) -> None:
            tx.advance(conversation, Status.RESOLVED, now)
            tx.add_messages(conversation.id, [notice], conversation.last_seq)
            tx.add_decision(
                self._decision(conversation.id, "resolve", f"resolved by {member.name}", now)
            )
            tx.emit(ConversationResolved(now, conversation.id, f"staff:{member.name}"))

        self.uow.run(write)

    def hand_back(self, member: StaffMember, conversation_id: str, note: str) -> None:
        """Give the conversation back to the AI (``human_active -> ai_active``) with a note
        for the record (redacted like everything staff write; never shown to the customer)."""
        note = " ".join(note.split())
        if not 1 <= len(note) <= MAX_NOTE_CHARS:
            raise InputError(f"add a note for the record (1-{MAX_NOTE_CHARS} characters)")
        conversation = self._held_by(member, conversation_id)
        placeholders = PlaceholderState.from_json(conversation.placeholders)
        screened = self.pipeline.run_privacy(note, GuardContext(placeholders=placeholders))
        if screened.failed:
            raise StoreError("the privacy filter failed, so nothing was changed; try again")
        now = self.clock()
        back = replace(
            conversation,
            placeholders=placeholders.to_json(),
            handoff_reason=None,
            handoff_at=None,
            assignee=None,
        )
        notice = MessageRecord(Role.ASSISTANT, self.policy.handoff.handed_back_message, True, now)
        vault = dict(screened.sealed)

        def write(tx: Transaction) -> None:
            tx.advance(back, Status.AI_ACTIVE, now)
            tx.add_messages(conversation.id, [notice], conversation.last_seq)
            tx.add_decision(
                self._decision(
                    conversation.id,
                    "hand_back",
                    f"handed back to the AI by {member.name}: {screened.text}",
                    now,
                    list(screened.findings),
                )
            )
            tx.seal(back, vault, now)
            tx.emit(HandedBackToAI(now, conversation.id, member.name))

        self.uow.run(write)

    # -- approvals -----------------------------------------------------------------------

    def approvals(self, status: str | None = "pending", limit: int = 200) -> list[ApprovalRecord]:
        """Proposed actions waiting for a person (or all, with ``status=None``), oldest first."""
        return self.desk.approvals(status, limit)

    def decide(
        self, member: StaffMember, approval_id: str, approve: bool, note: str
    ) -> ApprovalRecord:
        """Approve or deny a proposed action, with a note that is recorded (redacted).

        The customer is told, in the policy's words and as from the approver, who from then on
        holds the conversation (unless another member already does).
        """
        note = " ".join(note.split())
        if not 1 <= len(note) <= MAX_NOTE_CHARS:
            raise InputError(f"add a note for the record (1-{MAX_NOTE_CHARS} characters)")
        approval = self.desk.get_approval(approval_id)
        if approval is None:
            raise NotFoundError("approval request not found")
        if approval.status != "pending":
            raise ConflictError("this request was already decided")
        conversation = self._load(approval.conversation_id)
        placeholders = PlaceholderState.from_json(conversation.placeholders)
        screened = self.pipeline.run_privacy(note, GuardContext(placeholders=placeholders))
        if screened.failed:
            raise StoreError("the privacy filter failed, so nothing was decided; try again")
        now = self.clock()
        decided = replace(
            approval,
            status="approved" if approve else "denied",
            decided_by=member.name,
            decided_at=now,
            note=screened.text,
        )
        rules = self.policy.approvals
        template = rules.approved_message if approve else rules.denied_message
        told = MessageRecord(
            Role.AGENT,
            template.format(name=display_name(member), action=approval.describe()),
            ai=False,
            created_at=now,
            author=display_name(member),
        )
        status = conversation.status
        holder = conversation
        if status in WITH_PEOPLE and conversation.assignee in (None, member.name):
            status = Status.HUMAN_ACTIVE
            holder = replace(conversation, assignee=member.name)
        holder = replace(holder, placeholders=placeholders.to_json())
        vault = dict(screened.sealed)
        verdict = "approved" if approve else "denied"

        def write(tx: Transaction) -> None:
            tx.decide_approval(decided)
            if status != Status.RESOLVED:
                tx.advance(holder, status, now)
                tx.add_messages(conversation.id, [told], conversation.last_seq)
            tx.add_decision(
                self._decision(
                    conversation.id,
                    "approval" if approve else "denial",
                    f"{member.name} {verdict} {approval.describe()}: {screened.text}",
                    now,
                    list(screened.findings),
                )
            )
            tx.seal(holder, vault, now)
            tx.emit(
                ApprovalDecided(
                    now, conversation.id, approval.id, approve, member.name, member.role
                )
            )

        self.uow.run(write)
        return decided

    # -- helpers -------------------------------------------------------------------------

    def _held_by(self, member: StaffMember, conversation_id: str) -> ConversationRecord:
        conversation = self._load(conversation_id)
        if conversation.status != Status.HUMAN_ACTIVE:
            raise ConflictError("claim the conversation first (it is not with a person yet)")
        if conversation.assignee != member.name:
            raise ForbiddenError("this conversation is held by another member of staff")
        return conversation

    def _draft_for(self, draft_id: str, conversation_id: str) -> AgentDraft:
        draft = self.desk.get_draft(draft_id)
        if draft is None or draft.conversation_id != conversation_id:
            raise NotFoundError("draft not found for this conversation")
        return draft

    def _decision(
        self,
        conversation_id: str,
        route: str,
        reason: str,
        now: datetime,
        findings: Sequence[Finding] = (),
        customer_seq: int | None = None,
    ) -> DecisionRecord:
        return DecisionRecord(
            conversation_id=conversation_id,
            route=route,
            backend=None,
            policy_version=self.loaded.version,
            findings=tuple(f.to_json() for f in findings),
            reason=reason,
            created_at=now,
            customer_seq=customer_seq,
        )


def display_name(member: StaffMember) -> str:
    """The name the customer sees for a member of staff."""
    return str(getattr(member, "display_name", None) or member.name)
