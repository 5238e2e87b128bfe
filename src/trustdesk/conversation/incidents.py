"""Concerns about AI messages, and the incidents they become (docs/feedback.md).

A customer (on their own conversation) or a member of staff (on a conversation their role may
read) reports a concern about one AI message; it becomes an incident with a status, an owner
and a resolution note, which supervisors and admins work through in the console. A member of
staff may report anonymously: then no reporter is stored at all, so nobody — a supervisor, an
admin, whoever reads the database — can learn from TrustDesk who it was. Comments and notes
pass the privacy layer; the ledger records ids, the category and the status, never the text.

Incidents no conversation raised — an alert (docs/metrics.md#alerts), an audit finding — are
opened with :meth:`Incidents.open_system`: no conversation, no message, a ``subject`` in words
without personal data, and an ``alert_key`` under which at most one incident is open at a time.
No HTTP, no SQL.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Literal, Protocol

from trustdesk.conversation.agents import StaffMember
from trustdesk.conversation.feedback import (
    Screened,
    record_screened,
    screen,
    validate_comment,
)
from trustdesk.conversation.ports import ConversationReader, Transaction, UnitOfWork
from trustdesk.conversation.records import ConversationRecord, Role, Status
from trustdesk.errors import ConflictError, InputError, NotFoundError
from trustdesk.events import Event, IncidentOpened, IncidentUpdated
from trustdesk.guards.pipeline import GuardPipeline
from trustdesk.privacy.refill import refill

MAX_NOTE_CHARS = 1000
#: The highest message number accepted (a conversation holds far fewer; the database's int).
MAX_MESSAGE_SEQ = 2**31 - 1
#: Concerns one conversation may raise in all (customers and staff): a stranger's limit.
MAX_CONCERNS_PER_CONVERSATION = 20
#: The ledger actor of a concern from a member of staff who chose to stay anonymous
#: ("@" never occurs in a staff name).
ANONYMOUS_STAFF = "staff:@anonymous"


class IncidentStatus(StrEnum):
    OPEN = "open"
    INVESTIGATING = "investigating"
    RESOLVED = "resolved"
    DISMISSED = "dismissed"


CLOSED = frozenset({IncidentStatus.RESOLVED, IncidentStatus.DISMISSED})
#: Which status changes are allowed; a closed incident can be reopened for investigation.
INCIDENT_TRANSITIONS: dict[IncidentStatus, frozenset[IncidentStatus]] = {
    IncidentStatus.OPEN: frozenset(
        {IncidentStatus.INVESTIGATING, IncidentStatus.RESOLVED, IncidentStatus.DISMISSED}
    ),
    IncidentStatus.INVESTIGATING: frozenset({IncidentStatus.RESOLVED, IncidentStatus.DISMISSED}),
    IncidentStatus.RESOLVED: frozenset({IncidentStatus.INVESTIGATING}),
    IncidentStatus.DISMISSED: frozenset({IncidentStatus.INVESTIGATING}),
}
#: What a concern can be about (the keys of CATEGORIES; a unit test holds the two together).
Category = Literal["inaccurate", "harmful", "privacy", "unfair", "other"]
#: What a concern can be about, with the words the chat and the console show.
CATEGORIES: dict[str, str] = {
    "inaccurate": "wrong or misleading",
    "harmful": "offensive or harmful",
    "privacy": "exposed personal data",
    "unfair": "unfair treatment",
    "other": "something else",
}
#: What an incident no conversation raised can be about: the concern categories, and these.
SYSTEM_CATEGORIES: dict[str, str] = {
    "privacy": CATEGORIES["privacy"],
    "unfair": CATEGORIES["unfair"],
    "service": "service quality (handoffs, ratings)",
    "disclosure": "AI disclosure missing",
    "reliability": "guard or backend failures",
    "other": CATEGORIES["other"],
}
#: Where an incident no conversation raised comes from, and who it shows as reported by.
SYSTEM_SOURCES: dict[str, str] = {"alert": "an alert", "audit": "a fairness audit"}
MAX_SUBJECT_CHARS = 200
MAX_ALERT_KEY_CHARS = 64
#: Status filters of the incident list: one status, the unfinished ones, or all.
LIST_FILTERS: dict[str, tuple[str, ...] | None] = {
    **{s.value: (s.value,) for s in IncidentStatus},
    "active": (IncidentStatus.OPEN.value, IncidentStatus.INVESTIGATING.value),
    "all": None,
}


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class IncidentRecord:
    """A concern about one AI message, or an incident no conversation raised (``source``
    ``alert`` or ``audit``: no conversation, no message, a ``subject`` instead). ``comment``
    and ``resolution_note`` are redacted; ``reporter`` is a staff name, or None for a
    customer, an anonymous member of staff or the system."""

    id: str
    conversation_id: str | None
    message_seq: int | None
    source: str  # "customer", "staff", "alert" or "audit"
    category: str
    comment: str | None
    reporter: str | None
    status: IncidentStatus
    created_at: datetime
    updated_at: datetime
    owner: str | None = None
    resolution_note: str | None = None
    revision: int = 0
    subject: str | None = None  # what a system incident is about, without personal data
    alert_key: str | None = None

    @property
    def anonymous(self) -> bool:
        return self.source == "staff" and self.reporter is None

    @property
    def system(self) -> bool:
        """Raised by no conversation: an alert or an audit finding."""
        return self.source in SYSTEM_SOURCES

    def reported_by(self) -> str:
        if self.source == "customer":
            return "the customer"
        if self.source in SYSTEM_SOURCES:
            return SYSTEM_SOURCES[self.source]
        return self.reporter or "a member of staff (anonymous)"

    def to_json(self) -> dict[str, Any]:
        """As staff see it (placeholders only)."""
        return {
            "id": self.id,
            "conversation_id": self.conversation_id,
            "message_seq": self.message_seq,
            "source": self.source,
            "reported_by": self.reported_by(),
            "anonymous": self.anonymous,
            "category": self.category,
            "category_label": CATEGORIES.get(
                self.category, SYSTEM_CATEGORIES.get(self.category, self.category)
            ),
            "subject": self.subject,
            "alert_key": self.alert_key,
            "comment": self.comment,
            "status": self.status.value,
            "owner": self.owner,
            "resolution_note": self.resolution_note,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
        }

    def for_customer(self, originals: dict[str, str]) -> dict[str, Any]:
        """As the customer who reported it sees it: their own values filled back in."""
        return {
            "id": self.id,
            "message_seq": self.message_seq,
            "category": self.category,
            "comment": refill(self.comment, originals) if self.comment else None,
            "status": self.status.value,
            "resolution_note": (
                refill(self.resolution_note, originals) if self.resolution_note else None
            ),
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
        }


# -- validation -------------------------------------------------------------------------


def validate_category(category: object) -> str:
    if not isinstance(category, str) or category not in CATEGORIES:
        raise InputError("category must be one of: " + ", ".join(CATEGORIES))
    return category


def validate_status(status: object) -> IncidentStatus:
    try:
        return IncidentStatus(str(status))
    except ValueError:
        raise InputError(
            "status must be one of: " + ", ".join(s.value for s in IncidentStatus)
        ) from None


def check_transition(before: IncidentStatus, after: IncidentStatus) -> None:
    """ConflictError unless ``before -> after`` is allowed (staying put always is)."""
    if after != before and after not in INCIDENT_TRANSITIONS[before]:
        raise ConflictError(f"an incident that is {before.value} cannot become {after.value}")


def list_filter(status: str) -> tuple[str, ...] | None:
    if status not in LIST_FILTERS:
        raise InputError("status must be one of: " + ", ".join(LIST_FILTERS))
    return LIST_FILTERS[status]


# -- the service -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SystemIncident:
    """What :meth:`Incidents.open_system` did: ``opened`` a new incident, or found
    ``incident`` already open under the same alert key."""

    incident: IncidentRecord
    opened: bool = True


class IncidentStore(Protocol):
    def incidents(self, statuses: Sequence[str] | None, limit: int) -> list[IncidentRecord]:
        """Newest first."""

    def get_incident(self, incident_id: str) -> IncidentRecord | None: ...

    def concern_count(self, conversation_id: str) -> int: ...

    def reported_by_customer(self, conversation_id: str, message_seq: int) -> bool: ...

    def add_incident(self, tx: Transaction, record: IncidentRecord) -> None: ...

    def add_system_incident(self, tx: Transaction, record: IncidentRecord) -> IncidentRecord | None:
        """Store ``record`` unless an incident with its ``alert_key`` is open or being
        investigated; then return that one and store nothing. Two processes racing with the
        same key store one incident (the check and the insert are serialised per key)."""

    def update_incident(self, tx: Transaction, record: IncidentRecord) -> None:
        """Store ``record`` if the stored one still has ``record.revision - 1``; else
        ConflictError (someone else changed it first)."""


class Incidents:
    """Concerns in, incidents worked through. The web edge authenticates the caller and
    checks the permission; this class checks the message, the limits and the transitions."""

    def __init__(
        self,
        pipeline: GuardPipeline,
        reader: ConversationReader,
        store: IncidentStore,
        uow: UnitOfWork,
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self.pipeline = pipeline
        self.reader = reader
        self.store = store
        self.uow = uow
        self.clock = clock

    def report(
        self,
        conversation: ConversationRecord,
        message_seq: object,
        category: object,
        comment: object = None,
        member: StaffMember | None = None,
        anonymous: bool = False,
    ) -> IncidentRecord:
        """A concern about AI message ``message_seq`` of ``conversation``, from its customer
        (``member`` None) or from a member of staff (anonymous if they chose so)."""
        if (
            isinstance(message_seq, bool)
            or not isinstance(message_seq, int)
            or not 1 <= message_seq <= MAX_MESSAGE_SEQ
        ):
            raise InputError("message_seq must be the number of a message (1 or more)")
        category = validate_category(category)
        text = validate_comment(comment)
        found = self.reader.list_messages(conversation.id, message_seq - 1, 1)
        message = found[0] if found else None
        if message is None or message.seq != message_seq:
            raise NotFoundError("this conversation has no AI message with that number")
        if not message.ai or message.role != Role.ASSISTANT:
            raise NotFoundError("this conversation has no AI message with that number")
        if self.store.concern_count(conversation.id) >= MAX_CONCERNS_PER_CONVERSATION:
            raise ConflictError(
                f"this conversation has reached its limit of {MAX_CONCERNS_PER_CONVERSATION} "
                "concerns; contact support another way"
            )
        if member is None and self.store.reported_by_customer(conversation.id, message_seq):
            raise ConflictError("you have already reported a concern about this message")
        screened = screen(self.pipeline, conversation, text, "concern") if text else None
        now = self.clock()
        record = IncidentRecord(
            id=str(uuid.uuid4()),
            conversation_id=conversation.id,
            message_seq=message_seq,
            source="customer" if member is None else "staff",
            category=category,
            comment=screened.text if screened else None,
            reporter=None if member is None or anonymous else member.name,
            status=IncidentStatus.OPEN,
            created_at=now,
            updated_at=now,
        )
        if member is None:
            actor = "customer"
        else:
            actor = ANONYMOUS_STAFF if anonymous else f"staff:{member.name}"

        def write(tx: Transaction) -> None:
            record_screened(tx, screened, now)
            self.store.add_incident(tx, record)
            tx.emit(IncidentOpened(now, conversation.id, record.id, message_seq, category, actor))

        self.uow.run(write)
        return record

    def open_system(
        self,
        source: str,
        category: str,
        subject: str,
        alert_key: str | None = None,
        comment: str | None = None,
        also: Callable[[IncidentRecord], Sequence[Event]] | None = None,
    ) -> SystemIncident:
        """Open an incident no conversation raised: ``source`` ``alert`` or ``audit``, a
        ``category`` of :data:`SYSTEM_CATEGORIES`, a ``subject`` in words (no personal data;
        at most 200 characters) and optionally a ``comment`` (staff only; no personal data).

        With an ``alert_key``, an incident with that key still open or being investigated is
        returned instead (``opened`` False) and nothing is written. Otherwise the incident,
        its ``incident_opened`` ledger entry and the events ``also`` returns for it (say, an
        alert's) are written in one transaction and published after it commits.
        """
        if source not in SYSTEM_SOURCES:
            raise InputError("source must be one of: " + ", ".join(SYSTEM_SOURCES))
        if category not in SYSTEM_CATEGORIES:
            raise InputError("category must be one of: " + ", ".join(SYSTEM_CATEGORIES))
        subject = " ".join(subject.split())
        if not 1 <= len(subject) <= MAX_SUBJECT_CHARS:
            raise InputError(f"subject must be 1-{MAX_SUBJECT_CHARS} characters")
        if alert_key is not None and not 1 <= len(alert_key) <= MAX_ALERT_KEY_CHARS:
            raise InputError(f"alert_key must be 1-{MAX_ALERT_KEY_CHARS} characters")
        if comment is not None:
            comment = validate_comment(comment, "comment", MAX_NOTE_CHARS)
        now = self.clock()
        record = IncidentRecord(
            id=str(uuid.uuid4()),
            conversation_id=None,
            message_seq=None,
            source=source,
            category=category,
            comment=comment,
            reporter=None,
            status=IncidentStatus.OPEN,
            created_at=now,
            updated_at=now,
            subject=subject,
            alert_key=alert_key,
        )

        def write(tx: Transaction) -> SystemIncident:
            existing = self.store.add_system_incident(tx, record)
            if existing is not None:
                return SystemIncident(existing, opened=False)
            tx.emit(
                IncidentOpened(now, None, record.id, None, category, "system", source, alert_key)
            )
            for event in also(record) if also is not None else ():
                tx.emit(event)
            return SystemIncident(record, opened=True)

        return self.uow.run(write)

    def list(self, status: str = "active", limit: int = 100) -> list[IncidentRecord]:
        """Incidents, newest first: ``active`` (open and investigating), one status, or all."""
        return self.store.incidents(list_filter(status), limit)

    def update(
        self,
        member: StaffMember,
        incident_id: str,
        status: object = None,
        resolution_note: object = None,
        take_ownership: bool = False,
    ) -> IncidentRecord:
        """Move an incident on, take it, or write its resolution note (redacted).

        The first member to move an incident out of ``open`` becomes its owner unless it has
        one; ``take_ownership`` makes the caller the owner. Resolving or dismissing needs a
        resolution note (given now or before).
        """
        new_status = None if status is None else validate_status(status)
        note = validate_comment(resolution_note, "resolution_note", MAX_NOTE_CHARS)
        if new_status is None and note is None and not take_ownership:
            raise InputError("send a status, a resolution_note or take_ownership: true")
        incident = self.store.get_incident(incident_id)
        if incident is None:
            raise NotFoundError("incident not found")
        target = new_status or incident.status
        check_transition(incident.status, target)
        if target in CLOSED and note is None and incident.resolution_note is None:
            raise InputError(
                f"write a resolution_note (1-{MAX_NOTE_CHARS} characters) to mark an incident "
                f"{target.value}"
            )
        owner = incident.owner
        if take_ownership or (owner is None and target != IncidentStatus.OPEN):
            owner = member.name
        screened: Screened | None = None
        if note is not None:
            conversation = (
                self.reader.get_conversation(incident.conversation_id)
                if incident.conversation_id is not None
                else None
            )
            # Purged, or raised by no conversation: no subject, so the originals are dropped.
            if conversation is None:
                conversation = ConversationRecord(
                    id=incident.conversation_id or incident.id,
                    token_hash="",
                    status=Status.RESOLVED,
                    policy_version="",
                    created_at=incident.created_at,
                    updated_at=incident.created_at,
                )
            screened = screen(self.pipeline, conversation, note, "resolution note")
        now = self.clock()
        updated = replace(
            incident,
            status=target,
            owner=owner,
            resolution_note=screened.text if screened else incident.resolution_note,
            updated_at=now,
            revision=incident.revision + 1,
        )
        if (
            updated.status == incident.status
            and updated.owner == incident.owner
            and screened is None
        ):
            return incident  # nothing changes

        def write(tx: Transaction) -> None:
            record_screened(tx, screened, now)
            self.store.update_incident(tx, updated)
            tx.emit(
                IncidentUpdated(
                    now,
                    incident.conversation_id,
                    incident.id,
                    member.name,
                    updated.status.value,
                    updated.owner,
                    screened is not None,
                )
            )

        self.uow.run(write)
        return updated
