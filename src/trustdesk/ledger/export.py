"""Write a self-contained, verifiable export of a range of the ledger (JSON lines).

Line 1 is a header (format, public key, key id, range, the ``prev_hash`` of the first exported
entry); then every entry of the range in sequence order; then the checkpoints within the range;
last a signature over the last exported entry, so every exported entry is covered by a
signature even when no checkpoint falls inside the range. docs/ledger.md describes how a third
party checks it with the public key alone (``python -m trustdesk.ledger.verify_export``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from trustdesk.errors import InputError, StoreError
from trustdesk.ledger.encoding import LedgerEntry, entry_hash
from trustdesk.ledger.signing import Checkpoint, LedgerSigner

EXPORT_FORMAT = "trustdesk-ledger-export/1"


@dataclass(frozen=True, slots=True)
class ExportSummary:
    entries: int
    checkpoints: int
    first_seq: int
    last_seq: int


def _line(out: TextIO, record: dict[str, Any]) -> None:
    out.write(json.dumps(record, sort_keys=True, ensure_ascii=True, separators=(",", ":")))
    out.write("\n")


def _checkpoint(kind: str, cp: Checkpoint) -> dict[str, Any]:
    return {
        "type": kind,
        "seq": cp.seq,
        "hash": cp.hash,
        "signature": cp.signature,
        "key_id": cp.key_id,
        "signed_at": cp.signed_at,
    }


def write_export(
    out: TextIO,
    entries: Iterable[Sequence[Any]],
    checkpoints: Sequence[Checkpoint],
    signer: LedgerSigner,
    *,
    first_seq: int,
    last_seq: int,
    prev_hash: str,
    since: str,
    until: str,
    exported_at: str,
) -> ExportSummary:
    """Write entries ``first_seq``..``last_seq`` (rows in LedgerEntry field order, following
    ``prev_hash``) and their checkpoints. Each entry is re-hashed as it is written: a chain
    that does not verify is never signed (StoreError, and the caller discards the file)."""
    _line(
        out,
        {
            "type": "header",
            "format": EXPORT_FORMAT,
            "public_key": signer.public_key.hex(),
            "key_id": signer.key_id,
            "since": since,
            "until": until,
            "first_seq": first_seq,
            "last_seq": last_seq,
            "prev_hash": prev_hash,
            "exported_at": exported_at,
        },
    )
    expected, prev, count = first_seq, prev_hash, 0
    for row in entries:
        e = LedgerEntry._make(row)
        try:
            recomputed = entry_hash(*e[:8], e.prev_hash)
        except InputError:  # a value with a line break: not a sealed entry
            recomputed = ""
        if e.seq != expected or e.prev_hash != prev or recomputed != e.hash:
            raise StoreError(
                f"the ledger does not verify at seq {expected}; run `trustdesk ledger verify`"
            )
        _line(out, {"type": "entry", **e._asdict()})
        prev, expected, count = e.hash, expected + 1, count + 1
    if expected != last_seq + 1:
        raise StoreError(f"the ledger ends before seq {last_seq}; run `trustdesk ledger verify`")
    inside = [c for c in checkpoints if first_seq <= c.seq <= last_seq]
    for cp in inside:
        _line(out, _checkpoint("checkpoint", cp))
    _line(out, _checkpoint("signature", signer.sign(last_seq, prev, exported_at)))
    return ExportSummary(count, len(inside), first_seq, last_seq)
