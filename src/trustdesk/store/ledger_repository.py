"""SQL for the decision ledger: the outbox, sealing under the chain lock, and reading back.

Sealing moves outbox rows into the chain in one transaction under the chain lock, reading the
head inside it, so several processes on one database make one chain with no fork and no gap:
on SQLite the write transaction itself is the lock (``BEGIN IMMEDIATE``); on PostgreSQL a
transaction-scoped advisory lock is taken first. The primary key on ``seq`` would refuse a fork
even if the lock were bypassed.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, select, text
from sqlalchemy.exc import SQLAlchemyError

from trustdesk.errors import ConfigurationError, StoreError
from trustdesk.ledger.encoding import (
    GENESIS,
    MAGIC,
    LedgerEntry,
    PendingEntry,
    canonical_time,
    seal,
)
from trustdesk.ledger.signing import Checkpoint, LedgerSigner
from trustdesk.ledger.verify import VerifyResult, verify_chain
from trustdesk.store.tables import ledger_checkpoints, ledger_entries, ledger_pending
from trustdesk.store.transactions import read, write

# pg_advisory_xact_lock key of the chain: the first 8 bytes of SHA-256("trustdesk-ledger-chain")
# as a signed 64-bit integer. Fixed forever: every process must take the same lock.
CHAIN_LOCK_KEY = 3_578_971_528_477_215_849
SEAL_BATCH = 1000
READ_BATCH = 5000

_E = ledger_entries.c
_ENTRY_COLUMNS = (
    _E.seq,
    _E.occurred_at,
    _E.recorded_at,
    _E.actor,
    _E.kind,
    _E.conversation_id,
    _E.policy_version,
    _E.details,
    _E.prev_hash,
    _E.hash,
)
_CURSOR_NUMBERS = itertools.count(1)  # names of PostgreSQL server-side cursors
_ENTRY_SQL_COLUMNS = ", ".join(c.name for c in _ENTRY_COLUMNS)
# WireRow: the ten encoded values as text, the hash, the seq as an integer.
_WIRE_SQL_COLUMNS = (
    f"'{MAGIC}' AS magic, CAST(seq AS TEXT) AS seq_text, occurred_at, recorded_at, actor, kind, "
    "COALESCE(conversation_id, ''), COALESCE(policy_version, ''), prev_hash, details, hash, seq"
)
_P = ledger_pending.c
_C = ledger_checkpoints.c

# Built once: sealing only binds values.
_LOCK = text("SELECT pg_advisory_xact_lock(:key)")
_PENDING_BATCH = (
    select(
        _P.id, _P.occurred_at, _P.actor, _P.kind, _P.conversation_id, _P.policy_version, _P.details
    )
    .order_by(_P.id)
    .limit(bindparam("p_limit"))
)
_HEAD = select(_E.seq, _E.hash, _E.recorded_at).order_by(_E.seq.desc()).limit(1)
_DELETE_PENDING = delete(ledger_pending).where(_P.id.in_(bindparam("p_ids", expanding=True)))
_INSERT_PENDING = insert(ledger_pending)
_INSERT_ENTRIES = insert(ledger_entries)
_INSERT_CHECKPOINTS = insert(ledger_checkpoints)


def _now() -> datetime:
    return datetime.now(UTC)


def _pending_row(entry: PendingEntry) -> dict[str, Any]:
    return {
        "occurred_at": entry.occurred_at,
        "actor": entry.actor,
        "kind": entry.kind,
        "conversation_id": entry.conversation_id,
        "policy_version": entry.policy_version,
        "details": entry.details,
    }


def _checkpoint(row: Any) -> Checkpoint:
    return Checkpoint(row.seq, row.hash, row.signature, row.key_id, row.signed_at)


class LedgerSnapshot:
    """Reads of the ledger on one connection inside one read transaction (one snapshot)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def entries(self, first: int = 1, last: int | None = None) -> Generator[tuple[Any, ...]]:
        """Entries ``first``..``last`` in seq order, as tuples in LedgerEntry field order,
        streamed in batches."""
        return self._stream(_ENTRY_SQL_COLUMNS, first, last)

    def wire_entries(self, first: int = 1, last: int | None = None) -> Generator[tuple[Any, ...]]:
        """The same entries as wire rows (trustdesk.ledger.encoding.WireRow), the form that
        verification reads fastest: the database writes the encoding's values as text."""
        return self._stream(_WIRE_SQL_COLUMNS, first, last)

    def _stream(self, columns: str, first: int, last: int | None) -> Generator[tuple[Any, ...]]:
        """Rows in seq order, streamed in batches.

        This is verification's hot path, so it reads through the driver's own cursor, on this
        snapshot's connection: building SQLAlchemy row objects would cost more than hashing
        the entries. On PostgreSQL the cursor is a server-side (named) one, so a million
        entries are never in memory at once; sqlite3 fetches rows as they are iterated.
        """
        sql = (
            f"SELECT {columns} FROM ledger_entries WHERE seq >= {int(first)}"
            + (f" AND seq <= {int(last)}" if last is not None else "")
            + " ORDER BY ledger_entries.seq"
        )
        raw: Any = self.conn.connection.driver_connection
        if self.conn.dialect.name == "postgresql":
            cursor = raw.cursor(name=f"ledger_read_{next(_CURSOR_NUMBERS)}")
            cursor.itersize = READ_BATCH
        else:
            cursor = raw.cursor()
        try:
            cursor.execute(sql)
            while batch := cursor.fetchmany(READ_BATCH):
                yield from batch
        finally:
            with contextlib.suppress(Exception):  # the transaction may be over already
                cursor.close()

    def checkpoints(self, first: int = 1, last: int | None = None) -> list[Checkpoint]:
        stmt = select(ledger_checkpoints).where(_C.seq >= first).order_by(_C.seq)
        if last is not None:
            stmt = stmt.where(_C.seq <= last)
        return [_checkpoint(r) for r in self.conn.execute(stmt)]

    def head(self) -> tuple[int, str]:
        """The last sealed (seq, hash); (0, 64 zeros) for an empty ledger."""
        row = self.conn.execute(_HEAD).first()
        return (int(row.seq), str(row.hash)) if row else (0, GENESIS)

    def pending_count(self) -> int:
        return int(self.conn.execute(select(func.count()).select_from(ledger_pending)).scalar_one())

    def seq_of_hash(self, entry_hash: str) -> int | None:
        """The entry with this hash, if any (a full scan: only for diagnosing a failure)."""
        found = self.conn.execute(select(_E.seq).where(_E.hash == entry_hash).limit(1)).first()
        return int(found.seq) if found else None

    def seq_range(self, since: str, until: str) -> tuple[int, int] | None:
        """The first and last seq recorded in [since, until) (canonical times), or None."""
        row = self.conn.execute(
            select(func.min(_E.seq), func.max(_E.seq)).where(
                _E.recorded_at >= since, _E.recorded_at < until
            )
        ).one()
        return None if row[0] is None else (int(row[0]), int(row[1]))

    def hash_before(self, seq: int) -> str:
        """The hash of entry ``seq - 1`` (64 zeros before the first entry)."""
        if seq <= 1:
            return GENESIS
        found = self.conn.execute(select(_E.hash).where(_E.seq == seq - 1)).scalar_one_or_none()
        if found is None:
            raise StoreError(f"ledger entry {seq - 1} is missing; run `trustdesk ledger verify`")
        return str(found)


class SqlLedger:
    """The ledger on SQL: stage entries, seal them into the chain, read and verify it.

    ``signer`` signs the checkpoints; a ledger opened without one can be read and verified
    but not sealed."""

    def __init__(
        self,
        engine: Engine,
        signer: LedgerSigner | None,
        checkpoint_every: int = 100,
        clock: Callable[[], datetime] = _now,
    ) -> None:
        if checkpoint_every < 1:
            raise ValueError("checkpoint_every must be at least 1")
        self.engine = engine
        self.signer = signer
        self.checkpoint_every = checkpoint_every
        self.clock = clock
        self._postgres = engine.dialect.name == "postgresql"

    # -- writing ---------------------------------------------------------------------------

    def stage(self, conn: Connection, entries: Sequence[PendingEntry]) -> None:
        """Write ``entries`` to the outbox on ``conn``, inside the caller's transaction: they
        are committed (and later sealed) exactly when the caller's change is."""
        if entries:
            conn.execute(_INSERT_PENDING, [_pending_row(e) for e in entries])

    def add_pending(self, entries: Sequence[PendingEntry]) -> None:
        """Write ``entries`` to the outbox in a transaction of their own (sealed later)."""
        if entries:
            with write(self.engine) as conn:
                self.stage(conn, entries)

    def append(self, entries: Sequence[PendingEntry]) -> int:
        """Stage ``entries`` in their own transaction, then seal; returns how many were sealed
        (theirs and whatever else was pending)."""
        self.add_pending(entries)
        return self.seal()

    def seal(self) -> int:
        """Move every pending entry into the chain, in outbox order; returns how many."""
        total = 0
        while True:
            sealed = self._seal_batch()
            total += sealed
            if sealed < SEAL_BATCH:
                return total

    def _seal_batch(self) -> int:
        signer = self.signer
        if signer is None:
            raise ConfigurationError("this ledger was opened to read only: it has no signing key")
        with write(self.engine) as conn:
            if self._postgres:
                conn.execute(_LOCK, {"key": CHAIN_LOCK_KEY})
            pending = conn.execute(_PENDING_BATCH, {"p_limit": SEAL_BATCH}).all()
            if not pending:
                return 0
            head = conn.execute(_HEAD).first()
            seq, prev = (int(head.seq), str(head.hash)) if head else (0, GENESIS)
            now = canonical_time(self.clock())
            # Keep recorded_at in chain order even if this process's clock is behind another's.
            recorded_at = max(now, str(head.recorded_at)) if head else now
            rows: list[dict[str, Any]] = []
            checkpoints: list[dict[str, Any]] = []
            every = self.checkpoint_every
            for p in pending:
                seq += 1
                entry = seal(
                    PendingEntry(
                        p.occurred_at,
                        p.actor,
                        p.kind,
                        p.conversation_id,
                        p.policy_version,
                        p.details,
                    ),
                    seq,
                    recorded_at,
                    prev,
                )
                rows.append(entry._asdict())
                if seq % every == 0:
                    cp = signer.sign(seq, entry.hash, now)
                    checkpoints.append(
                        {
                            "seq": cp.seq,
                            "hash": cp.hash,
                            "signature": cp.signature,
                            "key_id": cp.key_id,
                            "signed_at": cp.signed_at,
                        }
                    )
                prev = entry.hash
            conn.execute(_INSERT_ENTRIES, rows)
            if checkpoints:
                conn.execute(_INSERT_CHECKPOINTS, checkpoints)
            conn.execute(_DELETE_PENDING, {"p_ids": [p.id for p in pending]})
            return len(pending)

    # -- reading ---------------------------------------------------------------------------

    @contextmanager
    def snapshot(self) -> Iterator[LedgerSnapshot]:
        """One consistent read of the ledger."""
        with read(self.engine) as conn:
            yield LedgerSnapshot(conn)

    def head(self) -> tuple[int, str]:
        with self.snapshot() as snap:
            return snap.head()

    def pending_count(self) -> int:
        with self.snapshot() as snap:
            return snap.pending_count()

    def entries(self, first: int = 1, last: int | None = None) -> list[LedgerEntry]:
        """Entries as a list (for tests and small ranges; verification streams instead)."""
        with self.snapshot() as snap:
            return [LedgerEntry._make(r) for r in snap.entries(first, last)]

    def verify(self, public_key: bytes) -> VerifyResult:
        """Recompute the whole chain and every checkpoint signature, read-only, in one
        snapshot. Database errors become StoreError (class name only)."""
        try:
            with self.snapshot() as snap:
                entries = snap.wire_entries()
                try:
                    return verify_chain(
                        entries,
                        snap.checkpoints(),
                        public_key,
                        pending=snap.pending_count(),
                        seq_of_hash=snap.seq_of_hash,
                    )
                finally:
                    entries.close()  # a failure stops reading early: free the cursor now
        except SQLAlchemyError as exc:
            raise StoreError(
                f"the ledger cannot be read ({exc.__class__.__name__}); is the database "
                "migrated (`trustdesk db upgrade`)?"
            ) from None
