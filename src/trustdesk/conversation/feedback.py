"""Customer feedback on a conversation: a rating from 1 to 5, "did this solve your problem?"
and an optional comment (docs/feedback.md).

One feedback per conversation, which its customer may change a limited number of times. The
comment passes the same privacy layer as a customer's message: personal data becomes
placeholders (consistent with the rest of the conversation) and the originals go to the
conversation's vault. Feedback is not a decision, so it makes no ledger entry; it is a data
class of its own in retention, export and erasure. No HTTP, no SQL.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Protocol

from trustdesk.conversation.ports import ConversationReader, Transaction, UnitOfWork
from trustdesk.conversation.records import ConversationRecord
from trustdesk.conversation.validation import validate_customer_text
from trustdesk.errors import ConflictError, InputError, StoreError
from trustdesk.guards.base import GuardContext
from trustdesk.guards.pipeline import GuardPipeline
from trustdesk.privacy.placeholders import PlaceholderState
from trustdesk.privacy.refill import refill

MIN_RATING, MAX_RATING = 1, 5
MAX_COMMENT_CHARS = 1000
#: How many times a customer may change their feedback after giving it.
MAX_FEEDBACK_UPDATES = 20


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class FeedbackRecord:
    """A customer's feedback on one conversation. ``comment`` is redacted (placeholders)."""

    conversation_id: str
    rating: int
    solved: bool | None
    comment: str | None
    created_at: datetime
    updated_at: datetime
    updates: int = 0  # changes after it was first given

    def to_json(self, originals: dict[str, str] | None = None) -> dict[str, Any]:
        """As JSON; with ``originals`` (the customer's own values) filled back in."""
        comment = self.comment
        if comment is not None and originals:
            comment = refill(comment, originals)
        return {
            "rating": self.rating,
            "solved": self.solved,
            "comment": comment,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
        }


# -- validation (errors say what to fix, never what was sent) ------------------------------


def validate_rating(rating: object) -> int:
    """A whole number from 1 to 5 (not a bool, not a float)."""
    if isinstance(rating, bool) or not isinstance(rating, int):
        raise InputError(f"rating must be a whole number from {MIN_RATING} to {MAX_RATING}")
    if not MIN_RATING <= rating <= MAX_RATING:
        raise InputError(f"rating must be a whole number from {MIN_RATING} to {MAX_RATING}")
    return rating


def validate_solved(solved: object) -> bool | None:
    if solved is not None and not isinstance(solved, bool):
        raise InputError("solved must be true, false or left out")
    return solved


def validate_comment(
    comment: object, field: str = "comment", max_chars: int = MAX_COMMENT_CHARS
) -> str | None:
    """An optional free text: None when left out or blank; else at most ``max_chars``
    printable characters (tabs and newlines allowed)."""
    if comment is None:
        return None
    if not isinstance(comment, str):
        raise InputError(f"{field} must be text")
    if not comment.strip():
        return None
    if len(comment) > max_chars:
        raise InputError(f"{field} is {len(comment)} characters long; the limit is {max_chars}")
    try:
        return validate_customer_text(comment, max_chars)
    except InputError as exc:
        raise InputError(f"{field}: {exc}") from None


# -- the privacy layer for free text that belongs to a conversation --------------------------


@dataclass(frozen=True, slots=True)
class Screened:
    """Free text after the input privacy guard: the redacted text, the conversation with its
    new placeholder state, and the originals for its vault."""

    text: str
    conversation: ConversationRecord
    vault: dict[str, str]
    changed: bool


def screen(
    pipeline: GuardPipeline, conversation: ConversationRecord, text: str, what: str
) -> Screened:
    """Replace personal data in ``text`` with the conversation's placeholders, exactly as a
    customer's message is (same values, same placeholders). Fails closed: StoreError, and
    nothing of the text travels on."""
    placeholders = PlaceholderState.from_json(conversation.placeholders)
    before = placeholders.to_json()
    result = pipeline.run_privacy(text, GuardContext(placeholders=placeholders))
    if result.failed:
        raise StoreError(f"the privacy filter failed, so the {what} was not stored; try again")
    after = placeholders.to_json()
    return Screened(
        result.text,
        replace(conversation, placeholders=after),
        dict(result.sealed),
        after != before,
    )


def record_screened(tx: Transaction, screened: Screened | None, now: datetime) -> None:
    """Inside the unit of work: keep the new placeholder state (revision checked, so a racing
    turn cannot assign the same placeholder twice) and seal the originals in the vault.

    A conversation already erased (no subject any more) keeps nothing: its text is stored
    with placeholders whose originals are dropped."""
    if screened is None or not screened.conversation.subject_id:
        return
    conversation = screened.conversation
    if screened.changed:
        tx.advance(conversation, conversation.status, now)
    if screened.vault:
        tx.seal(conversation, screened.vault, now)


# -- the service -------------------------------------------------------------------------


class FeedbackStore(Protocol):
    def feedback_of(self, conversation_id: str) -> FeedbackRecord | None: ...

    def save_feedback(
        self, tx: Transaction, record: FeedbackRecord, previous: FeedbackRecord | None
    ) -> None:
        """Insert, or replace ``previous`` if it is still the one stored (ConflictError if
        another change came first)."""


class FeedbackService:
    """Records a customer's feedback. The caller has authenticated the customer (the web
    edge: the conversation token) and passes the conversation it opened."""

    def __init__(
        self,
        pipeline: GuardPipeline,
        reader: ConversationReader,
        store: FeedbackStore,
        uow: UnitOfWork,
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self.pipeline = pipeline
        self.reader = reader
        self.store = store
        self.uow = uow
        self.clock = clock

    def give(
        self,
        conversation: ConversationRecord,
        rating: object,
        solved: object = None,
        comment: object = None,
    ) -> FeedbackRecord:
        """Give (or change) the feedback on ``conversation``; returns it as stored."""
        rating = validate_rating(rating)
        solved = validate_solved(solved)
        text = validate_comment(comment)
        previous = self.store.feedback_of(conversation.id)
        if previous is not None and previous.updates >= MAX_FEEDBACK_UPDATES:
            raise ConflictError(
                f"this feedback was already changed {MAX_FEEDBACK_UPDATES} times; "
                "it cannot be changed again"
            )
        screened = screen(self.pipeline, conversation, text, "feedback") if text else None
        now = self.clock()
        record = FeedbackRecord(
            conversation_id=conversation.id,
            rating=rating,
            solved=solved,
            comment=screened.text if screened else None,
            created_at=previous.created_at if previous else now,
            updated_at=now,
            updates=previous.updates + 1 if previous else 0,
        )

        def write(tx: Transaction) -> None:
            record_screened(tx, screened, now)
            self.store.save_feedback(tx, record, previous)

        self.uow.run(write)
        return record

    def for_customer(self, conversation_id: str) -> dict[str, Any] | None:
        """The conversation's feedback as its customer sees it (their own values filled in)."""
        found = self.store.feedback_of(conversation_id)
        if found is None:
            return None
        originals = self.reader.originals(conversation_id) if found.comment else {}
        return found.to_json(originals)
