"""Stored fairness audits: each run's result kept with its SHA-256 in the ledger, listed for
trend charts, and signed off once by an accountable owner (docs/fairness.md, "History and
sign-off"). No SQL, no HTTP: the store and the unit of work are given.

A stored result is the JSON document the audit wrote (``findings.json``), byte for byte; the
ledger entry ``audit_run_stored`` carries its digest, so a result changed in the database no
longer matches the chain. ``audit_signed_off`` carries the digest again, the signer and the
digest of the note (the note itself stays with the run: the ledger holds no free text).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar

from trustdesk.errors import ConflictError, InputError, NotFoundError
from trustdesk.events import AuditRunStored, AuditSignedOff, Event

KINDS = ("outcomes", "probe")
TRIGGERS = ("schedule", "manual")
#: Severities from the most serious down (findings.SEVERITY_ORDER and the probe's).
SEVERITIES = ("high", "medium")
MAX_NOTE_CHARS = 2000
MAX_SIGNER_CHARS = 64

T = TypeVar("T")


def _now() -> datetime:
    return datetime.now(UTC)


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def worst_severity(findings: Sequence[Mapping[str, Any]]) -> str | None:
    """The most serious severity among ``findings`` (None when there are none)."""
    present = {f.get("severity") for f in findings}
    return next((s for s in SEVERITIES if s in present), None)


@dataclass(frozen=True, slots=True)
class AuditRun:
    """One stored audit. ``result`` is the JSON text as stored; None when a listing did not
    read it."""

    id: str
    kind: str
    trigger: str
    started_at: datetime
    finished_at: datetime
    policy_version: str
    findings: int
    worst_severity: str | None
    result: str | None
    period_start: datetime | None = None
    period_end: datetime | None = None
    suite_version: str | None = None
    signed_off_by: str | None = None
    signed_off_at: datetime | None = None
    sign_off_note: str | None = None

    @property
    def digest(self) -> str:
        """SHA-256 (hex) of the stored result: what the ledger entries carry."""
        if self.result is None:
            raise ValueError("this run was read without its result")
        return sha256_hex(self.result)

    def document(self) -> dict[str, Any]:
        """The stored result, parsed."""
        if self.result is None:
            raise ValueError("this run was read without its result")
        data: dict[str, Any] = json.loads(self.result)
        return data

    def summary_json(self) -> dict[str, Any]:
        """What a listing shows: everything but the result."""

        def iso(value: datetime | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "id": self.id,
            "kind": self.kind,
            "trigger": self.trigger,
            "started_at": iso(self.started_at),
            "finished_at": iso(self.finished_at),
            "period_start": iso(self.period_start),
            "period_end": iso(self.period_end),
            "policy_version": self.policy_version,
            "suite_version": self.suite_version,
            "findings": self.findings,
            "worst_severity": self.worst_severity,
            "signed_off_by": self.signed_off_by,
            "signed_off_at": iso(self.signed_off_at),
            "sign_off_note": self.sign_off_note,
        }

    def to_json(self) -> dict[str, Any]:
        """The summary, the result's digest and the result itself."""
        return {**self.summary_json(), "sha256": self.digest, "result": self.document()}


class AuditTransaction(Protocol):
    def emit(self, event: Event) -> None:
        """Publish ``event`` after the commit (and stage its ledger entry in the transaction)."""


class AuditUnitOfWork(Protocol):
    def run(self, work: Callable[[AuditTransaction], T]) -> T: ...


class AuditRunStore(Protocol):
    def add(self, tx: AuditTransaction, run: AuditRun) -> None: ...

    def sign_off(self, tx: AuditTransaction, run_id: str, by: str, at: datetime, note: str) -> bool:
        """Record the sign-off if the run has none yet; False when it already had one."""

    def get(self, run_id: str) -> AuditRun | None: ...

    def runs(
        self,
        kind: str | None = None,
        limit: int = 100,
        *,
        with_result: bool = False,
        trigger: str | None = None,
    ) -> list[AuditRun]:
        """Newest first (by start)."""

    def last_started(self, kind: str, trigger: str | None = None) -> datetime | None: ...


def _check_kind(kind: str | None) -> None:
    if kind is not None and kind not in KINDS:
        raise InputError(f"kind must be one of: {', '.join(KINDS)}")


def _valid_id(run_id: str) -> bool:
    try:
        return str(uuid.UUID(run_id)) == run_id
    except (ValueError, AttributeError, TypeError):
        return False


class AuditHistory:
    """Store, list, read and sign off audit runs; each store and sign-off is a ledger entry
    written in the same transaction."""

    def __init__(
        self,
        store: AuditRunStore,
        uow: AuditUnitOfWork,
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self.store = store
        self.uow = uow
        self.clock = clock

    def record(
        self,
        kind: str,
        trigger: str,
        result: str,
        *,
        started_at: datetime,
        policy_version: str,
        period_start: datetime | None = None,
        period_end: datetime | None = None,
        suite_version: str | None = None,
        actor: str = "cli",
    ) -> AuditRun:
        """Store ``result`` (the audit's JSON text, exactly as written to findings.json)."""
        _check_kind(kind)
        if trigger not in TRIGGERS:
            raise InputError(f"trigger must be one of: {', '.join(TRIGGERS)}")
        try:
            document = json.loads(result)
            findings = list(document["findings"])
        except (ValueError, KeyError, TypeError):
            raise InputError("an audit result must be a JSON object with its findings") from None
        run = AuditRun(
            id=str(uuid.uuid4()),
            kind=kind,
            trigger=trigger,
            started_at=started_at,
            finished_at=self.clock(),
            policy_version=policy_version,
            findings=len(findings),
            worst_severity=worst_severity(findings),
            result=result,
            period_start=period_start,
            period_end=period_end,
            suite_version=suite_version,
        )
        event = AuditRunStored(
            run.finished_at,
            run.id,
            kind,
            trigger,
            run.findings,
            run.worst_severity,
            run.digest,
            policy_version,
            actor,
        )

        def write(tx: AuditTransaction) -> None:
            self.store.add(tx, run)
            tx.emit(event)

        self.uow.run(write)
        return run

    def runs(self, kind: str | None = None, limit: int = 100) -> list[AuditRun]:
        """Runs newest first, without their results."""
        _check_kind(kind)
        return self.store.runs(kind, limit)

    def series(self, kind: str = "outcomes", limit: int = 52) -> list[AuditRun]:
        """The newest ``limit`` runs of ``kind`` with their results, oldest first (for trends)."""
        _check_kind(kind)
        return list(reversed(self.store.runs(kind, limit, with_result=True)))

    def get(self, run_id: str) -> AuditRun:
        run = self.store.get(run_id) if _valid_id(run_id) else None
        if run is None:
            raise NotFoundError("audit run not found")
        return run

    def sign_off(self, run_id: str, signer: str, note: object, actor: str) -> AuditRun:
        """Sign run ``run_id`` off as ``signer`` with ``note`` (1-2000 characters). A run is
        signed off once: a second attempt is a ConflictError naming who signed it and when."""
        if not isinstance(note, str) or not note.strip():
            raise InputError(f"write a note (1-{MAX_NOTE_CHARS} characters) to sign off")
        note = note.strip()
        if len(note) > MAX_NOTE_CHARS:
            raise InputError(f"the note may have at most {MAX_NOTE_CHARS} characters")
        if not signer or len(signer) > MAX_SIGNER_CHARS or "\n" in signer:
            raise InputError(f"the signer's name must have 1-{MAX_SIGNER_CHARS} characters")
        run = self.get(run_id)
        if run.signed_off_by is not None:
            raise _already(run)
        now = self.clock()
        event = AuditSignedOff(
            now,
            run.id,
            run.kind,
            run.findings,
            run.worst_severity,
            run.digest,
            signer,
            sha256_hex(note),
            actor,
        )

        def write(tx: AuditTransaction) -> bool:
            if not self.store.sign_off(tx, run.id, signer, now, note):
                return False
            tx.emit(event)
            return True

        if not self.uow.run(write):  # someone signed it between our read and our write
            raise _already(self.get(run_id))
        return replace(run, signed_off_by=signer, signed_off_at=now, sign_off_note=note)


def _already(run: AuditRun) -> ConflictError:
    when = run.signed_off_at.isoformat(timespec="seconds") if run.signed_off_at else "earlier"
    return ConflictError(
        f"this audit run was already signed off by {run.signed_off_by} at {when}; "
        "a run is signed off once"
    )
