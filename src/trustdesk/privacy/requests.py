"""Retention purges and data subject requests: access/portability (Art. 15, 20), erasure (17)."""

from __future__ import annotations

import hashlib
import hmac
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from trustdesk.errors import InputError, NotFoundError
from trustdesk.events import DataErased, DataExported, DataPurged, Event
from trustdesk.policy.schema import Policy
from trustdesk.privacy.retention import Cutoffs, cutoffs, one_month_later

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Scope:
    """Whose data a request covers: a subject (opaque key), or one conversation of theirs."""

    subject_id: str
    conversation_id: str | None = None

    @property
    def name(self) -> str:
        """The key of the request record's digest: the conversation, else the subject."""
        if self.conversation_id is not None:
            return f"conversation:{self.conversation_id}"
        return self.subject_id

    @property
    def kind(self) -> str:
        return "customer" if self.conversation_id is None else "conversation"


class PrivacyStore(Protocol):
    def purge(self, cut: Cutoffs, now: datetime) -> dict[str, int]: ...
    def resolve(self, reference: str) -> Scope | None: ...
    def subject_data(self, scope: Scope) -> dict[str, Any]: ...
    def erase(self, scope: Scope, now: datetime) -> dict[str, Any]: ...
    def add_request(self, row: dict[str, Any]) -> None: ...
    def complete_request(self, request_id: str, now: datetime, receipt: dict[str, Any]) -> None: ...
    def list_requests(self) -> list[dict[str, Any]]: ...


class FeedbackData(Protocol):
    """The ``feedback`` data class (docs/feedback.md): ratings and comments, and the comments
    of concerns a customer reported."""

    def export(self, scope: Scope) -> dict[str, Any]:
        """``{"feedback": [...], "concerns": [...]}`` for the conversations in scope."""

    def erase(self, scope: Scope, now: datetime) -> dict[str, int]:
        """Delete the feedback in scope and clear the customer's concern comments; counts."""

    def purge(self, cutoff: datetime, now: datetime) -> int:
        """Delete feedback last changed before ``cutoff``; how many."""


@dataclass(frozen=True, slots=True)
class Export:
    """Everything held about one customer, as data (JSON) for portability."""

    request_id: str
    subject_digest: str
    generated_at: datetime
    data: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {
            "request_id": self.request_id,
            "generated_at": self.generated_at.isoformat(),
            **self.data,
        }


def _now() -> datetime:
    return datetime.now(UTC)


class PrivacyService:
    """Purges expired data and answers data subject requests, recording each request."""

    def __init__(
        self,
        policy: Policy,
        store: PrivacyStore,
        digest_key: bytes,
        clock: Callable[[], datetime] = _now,
        publish: Callable[[Event], None] | None = None,
        feedback: FeedbackData | None = None,
    ) -> None:
        self.policy = policy
        self.store = store
        self.feedback = feedback
        self._digest_key = digest_key
        self.clock = clock
        self.publish: Callable[[Event], None] = publish or (lambda event: None)

    def subject_digest(self, subject: str) -> str:
        """A keyed digest naming the subject in request records that outlive the erasure."""
        return hmac.new(self._digest_key, subject.encode(), hashlib.sha256).hexdigest()

    def purge(self) -> dict[str, int]:
        now = self.clock()
        cut = cutoffs(self.policy.retention, now)
        # Feedback first: the store's purge then releases the pages both freed (SQLite).
        feedback = self.feedback.purge(cut.feedback, now) if self.feedback else None
        counts = self.store.purge(cut, now)
        if feedback is not None:
            counts["feedback"] = feedback
        log.info("retention purge: %s", ", ".join(f"{k}={v}" for k, v in counts.items()))
        # The ledger outlives what it describes: it records what each purge deleted.
        for data_class, deleted in counts.items():
            if deleted:
                self.publish(DataPurged(now, data_class, deleted, getattr(cut, data_class, now)))
        return counts

    def resolve(self, reference: str) -> Scope:
        """A privacy officer's CUSTOMER: a vouched customer's reference (all their
        conversations) or ``conversation:<id>`` (that one conversation)."""
        if not reference or len(reference) > 80:
            raise InputError("the customer must be a customer reference or conversation:<id>")
        scope = self.store.resolve(reference)
        if scope is None:
            raise NotFoundError("no data is held under that customer reference or conversation")
        return scope

    def _open_request(
        self, kind: str, scope: Scope, received_at: datetime | None
    ) -> dict[str, Any]:
        received = received_at or self.clock()
        row = {
            "id": str(uuid.uuid4()),
            "kind": kind,
            "subject_digest": self.subject_digest(scope.name),
            "received_at": received,
            "deadline": one_month_later(received),
        }
        self.store.add_request(row)
        return row

    def export(self, scope: Scope, received_at: datetime | None = None) -> Export:
        """Art. 15 and 20: the conversations in scope (their values filled in), consents,
        attributes, the decisions that concerned them, who among staff saw their details,
        and their feedback and concerns."""
        request = self._open_request("export", scope, received_at)
        now = self.clock()
        data = self.store.subject_data(scope)
        if self.feedback is not None:
            data = {**data, **self.feedback.export(scope)}
        export = Export(request["id"], request["subject_digest"], now, data)
        self.store.complete_request(
            request["id"], now, {"conversations": len(data["conversations"])}
        )
        self.publish(DataExported(now, request["id"], scope.kind, len(data["conversations"])))
        return export

    def erase(self, scope: Scope, received_at: datetime | None = None) -> dict[str, Any]:
        """Art. 17: erase the data in scope everywhere; when nothing of the customer remains,
        destroy their data key too.

        Decision records stay, stripped of anything personal: they say what the system did
        and under which policy, not who the customer was. Returns the receipt.
        """
        request = self._open_request("erase", scope, received_at)
        now = self.clock()
        # Feedback first, while the conversations in scope still name their customer; a
        # failure after it leaves less, never more, and the request can be run again.
        extra = self.feedback.erase(scope, now) if self.feedback else {}
        result = self.store.erase(scope, now)
        result = {**result, "erased": {**result["erased"], **extra}}
        receipt = {
            "request_id": request["id"],
            "kind": "erase",
            "scope": scope.kind,
            "subject_digest": request["subject_digest"],
            "received_at": request["received_at"].isoformat(),
            "deadline": request["deadline"].isoformat(),
            "completed_at": now.isoformat(),
            "erased": result["erased"],
            "data_key_destroyed": result["data_key_destroyed"],
            "kept": [
                "decision records of the erased conversations (route, findings, policy "
                "version; no personal data), for accountability",
                "this receipt, naming the customer only by a keyed digest",
            ],
        }
        self.store.complete_request(request["id"], now, receipt)
        log.info("erasure request %s completed", request["id"])
        self.publish(
            DataErased(
                now,
                request["id"],
                scope.kind,
                result["erased"].get("conversations", 0),
                result["data_key_destroyed"],
            )
        )
        return receipt

    def requests(self) -> list[dict[str, Any]]:
        """Every request with its deadline; open ones past their deadline are overdue."""
        now = self.clock()
        out = []
        for r in self.store.list_requests():
            overdue = r["completed_at"] is None and datetime.fromisoformat(r["deadline"]) < now
            out.append({**r, "overdue": overdue})
        return out
