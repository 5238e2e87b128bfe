"""Verify a ledger: recompute the hash chain and the checkpoint signatures.

:func:`verify_chain` (wire rows: the ten encoded values) and :func:`verify_encoded` (encoded
rows: the encoding as the database query builds it) are pure: they read entries in sequence
order and checkpoints from whatever they are given — database rows, an export file — and name
the first sequence number at which the chain fails, with the problem in words: an entry edited,
deleted, inserted or reordered, a bad checkpoint signature, or a checkpoint for an entry that
is missing.

The fast path checks a block of entries at once, with ``map`` and tuple comparisons, so that
no Python bytecode runs per entry: the sequence numbers must be the next ones, each
``prev_hash`` the hash before it, and SHA-256 of each encoding its stored hash; then the
block's checkpoint signatures are checked. It does not count line feeds: every sealed entry has
exactly nine, so any values that reproduce its hash reproduce its bytes, nine line feeds and
all, and therefore its values. A block that fails any of this is walked again entry by entry,
which finds the first failure; only there does verification look around (recompute the entry
under nearby sequence numbers, read a few entries ahead) to tell an edit from a deletion, an
insertion or a reordering. Both paths accept exactly the same chains.

Signatures are checked one by one on the calling thread: ``cryptography``'s Ed25519 holds the
GIL while it verifies (measured: a second thread gains nothing and slows the hashing down), and
one verification costs about as much as hashing 130 entries (docs/benchmarks.md).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from operator import itemgetter
from sys import maxsize
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from trustdesk.errors import TrustDeskError
from trustdesk.ledger.encoding import GENESIS, SEPARATORS, EncodedRow, LedgerEntry, to_wire
from trustdesk.ledger.signing import Checkpoint, key_id, signature_valid

# How far from its place an entry is looked for when diagnosing a failure.
WINDOW = 64
# Entries checked at once when verify_chain batches wire rows itself. Small enough to stay in
# the CPU caches, large enough that the per-block work is nothing per entry (measured).
BATCH = 500

EDITED = "edited"
DELETED = "deleted"
INSERTED = "inserted"
REORDERED = "reordered"
BAD_SIGNATURE = "bad_signature"
MISSING_ENTRY = "missing_entry"

# A block: the columns of consecutive encoded rows (encodings, prev_hashes, hashes, seqs).
Block = tuple[tuple[Any, ...], tuple[Any, ...], tuple[Any, ...], tuple[Any, ...]]

_SHA256 = hashlib.sha256
_HEXDIGEST = type(hashlib.sha256()).hexdigest  # unbound, so that map() calls it from C
_ENCODE = str.encode  # UTF-8, strict; raises TypeError for anything but text
_JOIN = "\n".join
_VALUES = itemgetter(slice(0, 10))
_WIRE_COLUMNS = itemgetter(8, 10, 11)  # prev_hash, hash, seq
_NOT_TEXT: EncodedRow = (None, None, None, None)  # type: ignore[assignment]
_NO_CHECKPOINT = maxsize


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


# -- input forms ------------------------------------------------------------------------------


def _wire_to_encoded(row: Sequence[Any]) -> EncodedRow:
    """One wire row as an encoded row; a row whose values are not text cannot be encoded
    and becomes one that fails as "not text" where it stands."""
    try:
        prev, digest, seq = _WIRE_COLUMNS(row)
        return (_JOIN(row[:10]), prev, digest, seq)
    except (TypeError, IndexError):
        return _NOT_TEXT


def _wire_blocks(entries: Iterable[Sequence[Any]]) -> Iterator[Block]:
    it = iter(entries)
    while batch := list(islice(it, BATCH)):
        try:
            texts = tuple(map(_JOIN, map(_VALUES, batch)))
            prevs, hashes, seqs = zip(*map(_WIRE_COLUMNS, batch), strict=True)
        except (TypeError, IndexError, ValueError):
            yield _columns([_wire_to_encoded(row) for row in batch])
        else:
            yield texts, prevs, hashes, seqs


def _columns(rows: Sequence[Sequence[Any]]) -> Block:
    try:
        texts, prevs, hashes, seqs = zip(*rows, strict=True)
    except (TypeError, ValueError):  # a row that is not four values
        texts, prevs, hashes, seqs = zip(*map(_four, rows), strict=True)
    return texts, prevs, hashes, seqs


def _four(row: Any) -> Sequence[Any]:
    try:
        return row if len(row) == 4 else _NOT_TEXT
    except TypeError:
        return _NOT_TEXT


def _encoded_blocks(batches: Iterable[Sequence[Sequence[Any]]]) -> Iterator[Block]:
    for batch in batches:
        if batch:
            yield _columns(batch)


# -- verification -----------------------------------------------------------------------------


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
    return _Verifier(checkpoints, public_key, first_seq, prev_hash, pending, seq_of_hash).run(
        _wire_blocks(entries)
    )


def verify_encoded(
    batches: Iterable[Sequence[EncodedRow]],
    checkpoints: Iterable[Checkpoint],
    public_key: bytes,
    *,
    first_seq: int = 1,
    prev_hash: str = GENESIS,
    pending: int = 0,
    seq_of_hash: Callable[[str], int | None] | None = None,
) -> VerifyResult:
    """:func:`verify_chain` over encoded rows (:data:`~trustdesk.ledger.encoding.EncodedRow`,
    what the database query returns), given in batches (lists of consecutive rows, as a
    cursor's ``fetchmany`` returns them)."""
    return _Verifier(checkpoints, public_key, first_seq, prev_hash, pending, seq_of_hash).run(
        _encoded_blocks(batches)
    )


class _Verifier:
    """One verification's state: the next seq expected, the hash it must follow, and the
    next checkpoint."""

    def __init__(
        self,
        checkpoints: Iterable[Checkpoint],
        public_key: bytes,
        first_seq: int,
        prev_hash: str,
        pending: int,
        seq_of_hash: Callable[[str], int | None] | None,
    ) -> None:
        self.signed = sorted((c for c in checkpoints if c.seq >= first_seq), key=lambda c: c.seq)
        self.expected_key = key_id(public_key)
        self.verifier = Ed25519PublicKey.from_public_bytes(public_key)
        self.first_seq, self.anchor = first_seq, prev_hash
        self.pending, self.seq_of_hash = pending, seq_of_hash
        self.expected, self.prev = first_seq, prev_hash
        self.verified_cps, self.cp_index = 0, 0
        self.last_signed = first_seq - 1
        self.cp_seq = self.signed[0].seq if self.signed else _NO_CHECKPOINT

    def run(self, blocks: Iterator[Block]) -> VerifyResult:
        try:
            for block in blocks:
                if not self._block(block):
                    self._walk(zip(*block, strict=True), blocks)
            head_seq = self.expected - 1
            if self.cp_index < len(self.signed):
                missing = self.signed[self.cp_index].seq
                raise _Failure(
                    head_seq + 1,
                    MISSING_ENTRY,
                    f"deleted: a signed checkpoint covers seq {missing}, but the ledger ends at "
                    f"seq {head_seq}; entries from seq {head_seq + 1} on were deleted",
                )
        except _Failure as failure:
            return VerifyResult(
                ok=False,
                entries=self.expected - self.first_seq,
                checkpoints=self.verified_cps,
                head_seq=self.expected - 1,
                unsigned_tail=0,
                pending=self.pending,
                first_bad_seq=failure.seq,
                problem_kind=failure.kind,
                problem=failure.problem,
            )
        count = self.expected - self.first_seq
        return VerifyResult(
            ok=True,
            entries=count,
            checkpoints=self.verified_cps,
            head_seq=head_seq,
            unsigned_tail=head_seq - self.last_signed if count else 0,
            pending=self.pending,
        )

    def _block(self, block: Block) -> bool:
        """Check a whole block at once; False (nothing consumed) if any entry in it fails,
        so that :meth:`_walk` finds which. Raises only for a failing checkpoint, once every
        entry of the block is known intact (so it is the first failure)."""
        texts, prevs, hashes, seqs = block
        start = self.expected
        end = start + len(hashes)
        data = texts if type(texts[0]) is bytes else map(_ENCODE, texts)
        try:
            intact = (
                seqs == tuple(range(start, end))
                and prevs[0] == self.prev
                and prevs[1:] == hashes[:-1]
                and tuple(map(_HEXDIGEST, map(_SHA256, data))) == hashes
            )
        except (TypeError, ValueError):  # a value that is not text: the walk names it
            return False
        if not intact:
            return False
        while self.cp_seq < end:
            seq = self.cp_seq
            self.expected = seq  # (what counts as verified if this checkpoint fails)
            self._checkpoints_at(seq, hashes[seq - start])
        self.expected, self.prev = end, hashes[-1]
        return True

    def _walk(self, rows: Iterator[tuple[Any, ...]], blocks: Iterator[Block]) -> None:
        """Verify entry by entry; raises at the first failure."""
        sha = _SHA256
        for row in rows:
            expected = self.expected
            text, prev, digest, seq = row
            try:
                data = text if type(text) is bytes else _ENCODE(text)
            except (TypeError, ValueError):
                raise _Failure(
                    expected, EDITED, f"edited: entry {expected} holds a value that is not text"
                ) from None
            if seq != expected or prev != self.prev or sha(data).hexdigest() != digest:
                rest = chain(rows, chain.from_iterable(zip(*b, strict=True) for b in blocks))
                self._diagnose(row, rest)
            if seq == self.cp_seq:
                self._checkpoints_at(seq, digest)
            self.prev = digest
            self.expected = expected + 1

    def _checkpoints_at(self, seq: int, entry_hash: str) -> None:
        """Check every checkpoint at ``seq`` (a checkpoint may be stored twice)."""
        signed = self.signed
        while self.cp_seq == seq:
            _check_checkpoint(
                signed[self.cp_index],
                entry_hash,
                self.verifier,
                self.expected_key,
                self.last_signed,
            )
            self.verified_cps += 1
            self.cp_index += 1
            self.cp_seq = (
                signed[self.cp_index].seq if self.cp_index < len(signed) else _NO_CHECKPOINT
            )
        self.last_signed = seq

    def _diagnose(self, row: Sequence[Any], rest: Iterator[Sequence[Any]]) -> None:
        """Classify the first failure (always raises)."""
        expected, prev = self.expected, self.prev
        seq = row[3]
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
            # The entry is intact but does not follow the one before it: that one's hash
            # changed.
            before = expected - 1
            if before < self.first_seq:
                what = (
                    "the genesis value" if self.anchor == GENESIS else "the export's starting hash"
                )
                raise _Failure(expected, EDITED, f"edited: entry {expected} does not follow {what}")
            linked = self.seq_of_hash(str(row[1])) if self.seq_of_hash else None
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
            # Not this entry at any nearby place: edited, unless the entry that belongs here
            # comes later (then this one and those up to it were inserted).
            for offset, later in enumerate(ahead, 1):
                if later[1] == prev and _original_seq(later, expected) == expected:
                    raise _Failure(
                        expected,
                        INSERTED,
                        f"inserted: {offset} entr{'y' if offset == 1 else 'ies'} inserted at "
                        f"seq {expected}",
                    )
            raise _Failure(expected, EDITED, f"edited: entry {expected} was changed")
        if original < expected:
            raise _Failure(
                original,
                INSERTED,
                f"inserted: entries were inserted from seq {original} (entry {expected} was "
                f"sealed as seq {original})",
            )
        # original > expected: a later entry stands here. Reordered if the one that belongs
        # here comes later; otherwise entries before it were deleted and the rest renumbered.
        for later in ahead:
            if _original_seq(later, expected) == expected:
                raise _Failure(
                    expected,
                    REORDERED,
                    f"reordered: entry {expected} was moved (entry {original} stands in its place)",
                )
        gap = (
            f"seq {expected}" if original == expected + 1 else f"seqs {expected} to {original - 1}"
        )
        raise _Failure(
            expected,
            DELETED,
            f"deleted: {gap} missing from the chain (later entries were renumbered)",
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


# -- diagnosis helpers (only after a failure) ------------------------------------------------


def _hash_as(row: Sequence[Any], seq: int) -> str | None:
    """The hash of encoded ``row``'s encoding with ``seq`` in place of its own; None if it
    is not text (or its bytes) or does not hold exactly nine line feeds (every sealed entry's
    does)."""
    text = row[0]
    if isinstance(text, str):
        try:
            text = text.encode("utf-8")
        except UnicodeEncodeError:
            return None
    if type(text) is not bytes:
        return None
    parts = text.split(b"\n", 2)
    if len(parts) != 3:
        return None
    moved = b"%s\n%d\n%s" % (parts[0], seq, parts[2])
    if moved.count(b"\n") != SEPARATORS:
        return None
    return _SHA256(moved).hexdigest()


def _self_consistent(row: Sequence[Any]) -> bool:
    seq = row[3]
    return isinstance(seq, int) and _hash_as(row, seq) == row[2]


def _original_seq(row: Sequence[Any], near: int) -> int | None:
    """The sequence number ``row`` was sealed with, if it is near ``near`` (its hash says)."""
    stored = row[2]
    for delta in range(WINDOW + 1):
        for seq in {near + delta, near - delta}:
            if seq >= 1 and _hash_as(row, seq) == stored:
                return seq
    return None


__all__ = ["LedgerEntry", "VerifyResult", "verify_chain", "verify_encoded", "verify_entries"]
