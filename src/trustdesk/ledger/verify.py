"""Verify a ledger: recompute the hash chain and the checkpoint signatures.

:func:`verify_chain` is pure: it reads entries (in sequence order) and checkpoints from whatever
iterables it is given — database rows, an export file — and names the first sequence number at
which the chain fails, with the problem in words: an entry edited, deleted, inserted or
reordered, a bad checkpoint signature, or a checkpoint for an entry that is missing.

The fast path does per entry what the encoding needs and nothing more: it reads wire rows (the
ten encoded values as text, then the hash and the integer seq), so the encoding is one
``"\n".join`` and one ``encode``; then one SHA-256 and three comparisons. It does not count
line feeds: every sealed entry has exactly nine, so any values that reproduce its hash
reproduce its bytes, nine line feeds and all, and therefore its values. Only at the first
failure does it look around (recompute the entry under nearby sequence numbers, read a few
entries ahead) to tell an edit from a deletion, an insertion or a reordering.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from trustdesk.errors import TrustDeskError
from trustdesk.ledger.encoding import GENESIS, SEPARATORS, LedgerEntry, to_wire
from trustdesk.ledger.signing import Checkpoint, key_id, signature_valid

# How far from its place an entry is looked for when diagnosing a failure.
WINDOW = 64

EDITED = "edited"
DELETED = "deleted"
INSERTED = "inserted"
REORDERED = "reordered"
BAD_SIGNATURE = "bad_signature"
MISSING_ENTRY = "missing_entry"


@dataclass(frozen=True, slots=True)
class VerifyResult:
    """What verification found. ``entries`` and ``checkpoints`` count what verified before
    the first failure (all of them when ``ok``)."""

    ok: bool
    entries: int
    checkpoints: int
    head_seq: int
    unsigned_tail: int
    pending: int = 0
    first_bad_seq: int | None = None
    problem_kind: str | None = None
    problem: str | None = None

    def summary(self) -> str:
        """``OK <n> entries, <m> signed checkpoints`` or ``FAILED at seq <n>: <problem>``."""
        if self.ok:
            return f"OK {self.entries} entries, {self.checkpoints} signed checkpoints"
        return f"FAILED at seq {self.first_bad_seq}: {self.problem}"


class _Failure(TrustDeskError):  # internal control flow: never leaves this module
    def __init__(self, seq: int, kind: str, problem: str) -> None:
        super().__init__(problem)
        self.seq, self.kind, self.problem = seq, kind, problem


def _hash_as(row: Sequence[object], seq: int) -> str | None:
    """The hash of wire ``row``'s values with ``seq`` in place of its own; None if they are
    not text or hold a line feed (no sealed entry's values do)."""
    values = (row[0], str(seq), *row[2:10])
    if not all(isinstance(v, str) for v in values):
        return None
    text = "\n".join(values)  # type: ignore[arg-type]  # (checked just above)
    if text.count("\n") != SEPARATORS:
        return None
    try:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()
    except UnicodeEncodeError:
        return None


def _self_consistent(row: Sequence[object]) -> bool:
    seq = row[11]
    return isinstance(seq, int) and _hash_as(row, seq) == row[10]


def _original_seq(row: Sequence[object], near: int) -> int | None:
    """The sequence number ``row`` was sealed with, if it is near ``near`` (its hash says)."""
    stored = row[10]
    for delta in range(WINDOW + 1):
        for seq in {near + delta, near - delta}:
            if seq >= 1 and _hash_as(row, seq) == stored:
                return seq
    return None


def verify_entries(
    entries: Iterable[LedgerEntry], checkpoints: Iterable[Checkpoint], public_key: bytes, **kw: Any
) -> VerifyResult:
    """:func:`verify_chain` over sealed entries (converted to wire rows on the way)."""
    return verify_chain(map(to_wire, entries), checkpoints, public_key, **kw)


def verify_chain(
    entries: Iterable[Sequence[Any]],
    checkpoints: Iterable[Checkpoint],
    public_key: bytes,
    *,
    first_seq: int = 1,
    prev_hash: str = GENESIS,
    pending: int = 0,
    seq_of_hash: Callable[[str], int | None] | None = None,
) -> VerifyResult:
    """Verify ``entries`` (wire rows, :data:`~trustdesk.ledger.encoding.WireRow`, ascending
    ``seq``; :func:`verify_entries` takes sealed entries) from
    ``first_seq``, whose ``prev_hash`` must be ``prev_hash``, and every checkpoint from
    ``first_seq`` on against ``public_key`` (raw 32 bytes).

    ``seq_of_hash`` (optional) finds the entry with a given hash anywhere in the ledger; it
    sharpens the diagnosis when an entry was inserted and the chain after it rehashed.
    """
    signed = sorted((c for c in checkpoints if c.seq >= first_seq), key=lambda c: c.seq)
    expected_key = key_id(public_key)
    verifier = Ed25519PublicKey.from_public_bytes(public_key)
    it = iter(entries)
    sha = hashlib.sha256
    expected, prev, verified_cps = first_seq, prev_hash, 0
    last_signed = first_seq - 1
    cp_index = 0
    cp_seq = signed[0].seq if signed else -1
    join = "\n".join
    try:
        for row in it:
            try:
                h = row[10]
                data = join(row[:10]).encode()
            except (TypeError, IndexError, ValueError):  # not a wire row of text values
                raise _Failure(
                    expected, EDITED, f"edited: entry {expected} holds a value that is not text"
                ) from None
            seq = row[11]
            if seq != expected or row[8] != prev or sha(data).hexdigest() != h:
                _diagnose(row, it, expected, prev, first_seq, prev_hash, seq_of_hash)
            if seq == cp_seq:
                while seq == cp_seq:  # (a checkpoint may be stored twice)
                    _check_checkpoint(signed[cp_index], h, verifier, expected_key, last_signed)
                    verified_cps += 1
                    cp_index += 1
                    cp_seq = signed[cp_index].seq if cp_index < len(signed) else -1
                last_signed = seq
            prev = h
            expected += 1
        head_seq = expected - 1
        if cp_index < len(signed):
            missing = signed[cp_index].seq
            raise _Failure(
                head_seq + 1,
                MISSING_ENTRY,
                f"deleted: a signed checkpoint covers seq {missing}, but the ledger ends at seq "
                f"{head_seq}; entries from seq {head_seq + 1} on were deleted",
            )
    except _Failure as failure:
        return VerifyResult(
            ok=False,
            entries=expected - first_seq,
            checkpoints=verified_cps,
            head_seq=expected - 1,
            unsigned_tail=0,
            pending=pending,
            first_bad_seq=failure.seq,
            problem_kind=failure.kind,
            problem=failure.problem,
        )
    count = expected - first_seq
    return VerifyResult(
        ok=True,
        entries=count,
        checkpoints=verified_cps,
        head_seq=head_seq,
        unsigned_tail=head_seq - last_signed if count else 0,
        pending=pending,
    )


def _check_checkpoint(
    cp: Checkpoint,
    entry_hash: str,
    verifier: Ed25519PublicKey,
    expected_key: str,
    last_signed: int,
) -> None:
    if cp.key_id != expected_key or not signature_valid(verifier, cp.seq, cp.hash, cp.signature):
        raise _Failure(
            cp.seq,
            BAD_SIGNATURE,
            f"bad checkpoint signature: the checkpoint at seq {cp.seq} is not signed by key "
            f"{expected_key}",
        )
    if cp.hash != entry_hash:
        raise _Failure(
            cp.seq,
            EDITED,
            f"edited: entry {cp.seq} does not match the hash its checkpoint signed; an entry "
            f"after seq {last_signed} was changed and the chain after it recomputed",
        )


def _diagnose(
    row: Sequence[object],
    rest: Iterator[Sequence[object]],
    expected: int,
    prev: str,
    first_seq: int,
    anchor: str,
    seq_of_hash: Callable[[str], int | None] | None,
) -> None:
    """Classify the first failure (always raises)."""
    seq = row[11]
    if not isinstance(seq, int) or isinstance(seq, bool):
        raise _Failure(
            expected, EDITED, f"edited: entry {expected} has a malformed sequence number"
        )
    if seq > expected:
        missing = f"seq {expected}" if seq == expected + 1 else f"seqs {expected} to {seq - 1}"
        raise _Failure(expected, DELETED, f"deleted: {missing} missing from the chain")
    if seq < expected:
        raise _Failure(
            seq, REORDERED, f"reordered: seq {seq} appears again after seq {expected - 1}"
        )
    if _self_consistent(row):
        # The entry is intact but does not follow the one before it: that one's hash changed.
        before = expected - 1
        if before < first_seq:
            what = "the genesis value" if anchor == GENESIS else "the export's starting hash"
            raise _Failure(expected, EDITED, f"edited: entry {expected} does not follow {what}")
        linked = seq_of_hash(str(row[8])) if seq_of_hash else None
        if linked is not None and linked < before:
            raise _Failure(
                linked + 1,
                INSERTED,
                f"inserted: entries {linked + 1} to {before} were inserted before entry "
                f"{expected}, which follows entry {linked}",
            )
        raise _Failure(
            before,
            EDITED,
            f"edited: entry {before} was changed (its hash no longer matches what entry "
            f"{expected} recorded)",
        )
    ahead = list(islice(rest, WINDOW))
    original = _original_seq(row, expected)
    if original is None:
        # Not this entry at any nearby place: edited, unless the entry that belongs here comes
        # later (then this one and those up to it were inserted).
        for offset, later in enumerate(ahead, 1):
            if later[8] == prev and _original_seq(later, expected) == expected:
                raise _Failure(
                    expected,
                    INSERTED,
                    f"inserted: {offset} entr{'y' if offset == 1 else 'ies'} inserted at seq "
                    f"{expected}",
                )
        raise _Failure(expected, EDITED, f"edited: entry {expected} was changed")
    if original < expected:
        raise _Failure(
            original,
            INSERTED,
            f"inserted: entries were inserted from seq {original} (entry {expected} was sealed "
            f"as seq {original})",
        )
    # original > expected: a later entry stands here. Reordered if the one that belongs here
    # comes later; otherwise entries before it were deleted and the rest renumbered.
    for later in ahead:
        if _original_seq(later, expected) == expected:
            raise _Failure(
                expected,
                REORDERED,
                f"reordered: entry {expected} was moved (entry {original} stands in its place)",
            )
    gap = f"seq {expected}" if original == expected + 1 else f"seqs {expected} to {original - 1}"
    raise _Failure(
        expected,
        DELETED,
        f"deleted: {gap} missing from the chain (later entries were renumbered)",
    )


__all__ = ["LedgerEntry", "VerifyResult", "verify_chain", "verify_entries"]
