"""The decision ledger for auditors: verification and the public key, over the API.

The same check as ``trustdesk ledger verify``: the whole chain and every checkpoint signature
recomputed, read-only. Entries hold ids and placeholders only, never personal data.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from trustdesk.conversation.agents import StaffMember
from trustdesk.conversation.staff_auth import Permission
from trustdesk.ledger.signing import public_key_pem
from trustdesk.web.auth import require
from trustdesk.web.deps import Running

router = APIRouter(prefix="/api/v1/ledger", tags=["ledger"])

Auditor = Annotated[StaffMember, Depends(require(Permission.READ_LEDGER))]


@router.get("/verify")
def verify(running: Running, who: Auditor) -> dict[str, Any]:
    """Recompute the hash chain and the Ed25519 checkpoint signatures: ``ok`` with the counts,
    or the first sequence number where an entry was edited, deleted, inserted or reordered."""
    signer = running.ledger_signer
    result = running.ledger.verify(signer.public_key)
    return {
        "ok": result.ok,
        "summary": result.summary(),
        "entries": result.entries,
        "checkpoints": result.checkpoints,
        "head_seq": result.head_seq,
        "unsigned_tail": result.unsigned_tail,
        "pending": result.pending,
        "first_bad_seq": result.first_bad_seq,
        "problem_kind": result.problem_kind,
        "problem": result.problem,
        "key_id": signer.key_id,
    }


@router.get("/public-key")
def public_key(running: Running, who: Auditor) -> dict[str, Any]:
    """The ledger's Ed25519 public key (hex and PEM) and its key id, for third-party checks of
    an export (docs/ledger.md)."""
    signer = running.ledger_signer
    return {
        "key_id": signer.key_id,
        "public_key_hex": signer.public_key.hex(),
        "public_key_pem": public_key_pem(signer.public_key),
    }
