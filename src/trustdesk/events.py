"""Domain events, published after the transaction that caused them has committed.

Subscribers (the ledger, metrics, alerts, webhooks, audits) are registered in the composition
root; the turn service never calls them directly. Events carry no personal data: ids,
routes, findings, counts and reasons in words only.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Event:
    """The root of every event: when it happened."""

    occurred_at: datetime


@dataclass(frozen=True, slots=True)
class ConversationStarted(Event):
    conversation_id: str
    status: str
    vouched: bool
    channel: str


@dataclass(frozen=True, slots=True)
class TurnDecided(Event):
    """One customer turn was decided and recorded (its decision record has id ``decision_id``)."""

    conversation_id: str
    decision_id: int | None
    route: str
    status_before: str
    status_after: str
    backend: str | None
    policy_version: str
    findings: tuple[dict[str, Any], ...]
    reason: str


@dataclass(frozen=True, slots=True)
class HandoffRequested(Event):
    """The conversation moved to a person; ``reason_code`` is a HandoffReason value."""

    conversation_id: str
    route: str
    reason: str
    reason_code: str


@dataclass(frozen=True, slots=True)
class ConsentChanged(Event):
    conversation_id: str | None
    purpose: str
    granted: bool
    channel: str


@dataclass(frozen=True, slots=True)
class DataExported(Event):
    request_id: str
    scope: str  # "conversation" or "customer"
    conversations: int


@dataclass(frozen=True, slots=True)
class DataErased(Event):
    request_id: str
    scope: str
    conversations: int
    data_key_destroyed: bool


@dataclass(frozen=True, slots=True)
class DataPurged(Event):
    """A retention purge deleted ``deleted`` records of ``data_class`` older than ``cutoff``."""

    data_class: str
    deleted: int
    cutoff: datetime


# -- people at work (the staff console and API) --------------------------------------------


@dataclass(frozen=True, slots=True)
class ConversationClaimed(Event):
    conversation_id: str
    staff_name: str
    role: str


@dataclass(frozen=True, slots=True)
class HumanReplied(Event):
    """A person replied; ``from_draft`` when the reply started as an assistant draft."""

    conversation_id: str
    staff_name: str
    seq: int
    from_draft: bool
    edited: bool


@dataclass(frozen=True, slots=True)
class ConversationResolved(Event):
    conversation_id: str
    actor: str  # "staff:<name>" or "customer"


@dataclass(frozen=True, slots=True)
class HandedBackToAI(Event):
    conversation_id: str
    staff_name: str


@dataclass(frozen=True, slots=True)
class ApprovalRequested(Event):
    conversation_id: str
    approval_id: str
    action: str
    amount: float | None
    currency: str | None
    rule: str


@dataclass(frozen=True, slots=True)
class ApprovalDecided(Event):
    conversation_id: str
    approval_id: str
    approved: bool
    staff_name: str
    role: str


@dataclass(frozen=True, slots=True)
class OriginalsRevealed(Event):
    """Staff saw originals behind placeholders (which ones, never their values)."""

    conversation_id: str
    staff_name: str
    role: str
    placeholders: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StaffChanged(Event):
    staff_name: str
    change: str  # added, disabled, password_changed, token_rotated
    role: str
    by: str  # "cli" or "staff:<name>"


@dataclass(frozen=True, slots=True)
class IncidentOpened(Event):
    """An incident was opened (docs/feedback.md): a concern about an AI message, or one no
    conversation raised (an alert, an audit finding: no conversation, no message; ``source``
    ``alert`` or ``audit``). ``actor`` is ``customer``, ``staff:<name>``, ``system`` or, for a
    member of staff who chose to stay anonymous, ``staff:@anonymous`` (no staff name contains
    "@")."""

    conversation_id: str | None
    incident_id: str
    message_seq: int | None
    category: str
    actor: str
    source: str | None = None  # set for incidents no conversation raised
    alert_key: str | None = None


@dataclass(frozen=True, slots=True)
class AlertRaised(Event):
    """A metric crossed its threshold in the policy and opened incident ``incident_id``
    (docs/metrics.md#alerts). Numbers and names only: ``measured`` against ``threshold``
    (and the ``baseline`` it was compared with, for drops and spikes), over ``sample``
    conversations, ratings or detections counted in ``[since, until)``."""

    alert: str
    alert_key: str
    incident_id: str
    measured: float
    threshold: float
    baseline: float | None
    sample: int
    since: datetime
    until: datetime


@dataclass(frozen=True, slots=True)
class IncidentUpdated(Event):
    """Staff changed an incident's status, owner or resolution note (``conversation_id`` is
    None for an incident no conversation raised)."""

    conversation_id: str | None
    incident_id: str
    staff_name: str
    status: str
    owner: str | None
    note_changed: bool


@dataclass(frozen=True, slots=True)
class AuditRunStored(Event):
    """A fairness audit's result was stored (docs/fairness.md). ``digest`` is the SHA-256 of
    the stored JSON, so a stored result cannot change unnoticed. ``actor``: ``system`` (a
    scheduled run), ``cli`` or ``staff:<name>``."""

    run_id: str
    kind: str  # outcomes | probe
    trigger: str  # schedule | manual
    findings: int
    worst_severity: str | None
    digest: str
    policy_version: str
    actor: str


@dataclass(frozen=True, slots=True)
class AuditSignedOff(Event):
    """An accountable owner signed a stored audit off. ``signer`` is a staff name (or the name
    an operator gave on the command line); ``note_digest`` the SHA-256 of the note, which stays
    with the run (the ledger holds no free text)."""

    run_id: str
    kind: str
    findings: int
    worst_severity: str | None
    digest: str
    signer: str
    note_digest: str
    actor: str


@dataclass(frozen=True, slots=True)
class PolicyLoaded(Event):
    policy_version: str
    source: str


E = TypeVar("E", bound=Event)
Handler = Callable[[Any], None]


class EventBus:
    """Synchronous publish/subscribe. A failing subscriber is logged and never undoes the
    committed change, nor stops the other subscribers."""

    def __init__(self) -> None:
        self._handlers: dict[type[Event], list[Handler]] = defaultdict(list)

    def subscribe(self, event_type: type[E], handler: Callable[[E], None]) -> None:
        """Call ``handler`` for every published event of ``event_type`` (or a subclass)."""
        self._handlers[event_type].append(handler)

    def publish(self, events: Sequence[Event]) -> None:
        for event in events:
            for event_type in type(event).__mro__:
                for handler in self._handlers.get(event_type, ()):
                    try:
                        handler(event)
                    except Exception as exc:  # a subscriber must not break a committed turn
                        log.error(
                            "event subscriber %s failed on %s: %s",
                            getattr(handler, "__qualname__", handler),
                            type(event).__name__,
                            exc.__class__.__name__,
                        )
