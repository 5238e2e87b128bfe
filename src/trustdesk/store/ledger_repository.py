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
import queue
import threading
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, select, text
from sqlalchemy.exc import SQLAlchemyError

from trustdesk.errors import ConfigurationError, StoreError
from trustdesk.ledger.encoding import (
    GENESIS,
    MAGIC,
    EncodedRow,
    LedgerEntry,
    PendingEntry,
    canonical_time,
    seal,
)
from trustdesk.ledger.signing import Checkpoint, LedgerSigner
from trustdesk.ledger.verify import VerifyResult, verify_encoded
from trustdesk.store.tables import ledger_checkpoints, ledger_entries, ledger_pending
from trustdesk.store.transactions import read, write

# pg_advisory_xact_lock key of the chain: the first 8 bytes of SHA-256("trustdesk-ledger-chain")
# as a signed 64-bit integer. Fixed forever: every process must take the same lock.
CHAIN_LOCK_KEY = 3_578_971_528_477_215_849
SEAL_BATCH = 1000
# Rows per fetch when reading the chain. Small batches stay in the CPU caches (500 rows, about
# 300 KB, verified faster than 5000 on SQLite); on PostgreSQL a batch is a round trip, read
# ahead on a thread of its own while the previous one is hashed.
READ_BATCH = 500
PG_READ_BATCH = 1000
PG_READ_AHEAD = 2  # batches

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
# EncodedRow: the canonical encoding, built by the query from the row's own columns (the ten
# values joined by LF, a null id as ''), then prev_hash, hash and seq from the same row. The
# verifier hashes it as it is; whatever the columns hold, it is their bytes that must reproduce
# the hash. Building it here, not in Python, takes a third of the objects per row. `||` keeps
# every byte of a value (SQLite's printf() would stop at a NUL: never use it here). On SQLite
# the query returns the encoding's bytes (a UTF-8 database's text is its UTF-8 bytes), so no
# value is decoded and encoded again, and a value that is not valid UTF-8 is an edit, not a
# read error.
_ENCODING_SQL = " || '\n' || ".join(
    (
        f"'{MAGIC}'",
        "CAST(seq AS TEXT)",
        "occurred_at",
        "recorded_at",
        "actor",
        "kind",
        "COALESCE(conversation_id, '')",
        "COALESCE(policy_version, '')",
        "prev_hash",
        "details",
    )
)
_ENCODED_SQL_COLUMNS = f"{_ENCODING_SQL} AS encoding, prev_hash, hash, seq"
_ENCODED_BYTES_SQL_COLUMNS = f"CAST({_ENCODING_SQL} AS BLOB) AS encoding, prev_hash, hash, seq"
_END = object()  # the end of a read-ahead stream
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
# The first entry after the last checkpoint, if it was recorded at or before :before.
_STALE_TAIL = select(_E.seq).where(
    _E.seq == select(func.coalesce(func.max(_C.seq), 0)).scalar_subquery() + 1,
    _E.recorded_at <= bindparam("before"),
)
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


def _checkpoint_row(cp: Checkpoint) -> dict[str, Any]:
    return asdict(cp)  # the fields are the table's columns


def _checkpoint(row: Any) -> Checkpoint:
    return Checkpoint(row.seq, row.hash, row.signature, row.key_id, row.signed_at)


class LedgerSnapshot:
    """Reads of the ledger on one connection inside one read transaction (one snapshot)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def entries(self, first: int = 1, last: int | None = None) -> Generator[tuple[Any, ...]]:
        """Entries ``first``..``last`` in seq order, as tuples in LedgerEntry field order,
        streamed in batches."""
        batches = self._batches(_ENTRY_SQL_COLUMNS, first, last)
        try:
            for batch in batches:
                yield from batch
        finally:
            batches.close()

    def encoded_batches(
        self, first: int = 1, last: int | None = None
    ) -> Generator[list[EncodedRow]]:
        """The same entries as encoded rows (trustdesk.ledger.encoding.EncodedRow), in
        batches: the form that verification reads fastest. On PostgreSQL the next batch is
        fetched on a thread of its own while the caller works on this one; close the
        generator (or exhaust it) before the snapshot ends."""
        if self.conn.dialect.name == "postgresql":
            return _read_ahead(self._batches(_ENCODED_SQL_COLUMNS, first, last), PG_READ_AHEAD)
        utf8 = self.conn.exec_driver_sql("PRAGMA encoding").scalar() == "UTF-8"
        return self._batches(
            _ENCODED_BYTES_SQL_COLUMNS if utf8 else _ENCODED_SQL_COLUMNS, first, last
        )

    def _batches(self, columns: str, first: int, last: int | None) -> Generator[list[Any]]:
        """Rows in seq order, in batches.

        This is verification's hot path, so it reads through the driver's own cursor, on this
        snapshot's connection: building SQLAlchemy row objects would cost more than hashing
        the entries. On PostgreSQL the cursor is a server-side (named) one, so a million
        entries are never in memory at once; sqlite3 fetches rows as they are asked for.
        """
        sql = (
            f"SELECT {columns} FROM ledger_entries WHERE seq >= {int(first)}"
            + (f" AND seq <= {int(last)}" if last is not None else "")
            + " ORDER BY ledger_entries.seq"
        )
        raw: Any = self.conn.connection.driver_connection
        if self.conn.dialect.name == "postgresql":
            size = PG_READ_BATCH
            cursor = raw.cursor(name=f"ledger_read_{next(_CURSOR_NUMBERS)}")
            cursor.itersize = size
        else:
            size = READ_BATCH
            cursor = raw.cursor()
        try:
            cursor.execute(sql)
            while batch := cursor.fetchmany(size):
                yield batch
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
    but not sealed.

    A checkpoint is signed at every multiple of ``checkpoint_every`` and, when
    ``checkpoint_max_age_s`` is given, also for the head once the first entry after the last
    checkpoint was recorded half that long ago (:meth:`sign_stale_tail`, which :meth:`seal`
    runs at most every half of it): on a quiet desk no entry waits for the next count
    checkpoint, which may be days away. A server's sealer seals (and so checks) at least that
    often even when no turn comes (``trustdesk.ledger.sealer.LedgerSealer``'s ``idle_s``)."""

    def __init__(
        self,
        engine: Engine,
        signer: LedgerSigner | None,
        checkpoint_every: int = 100,
        clock: Callable[[], datetime] = _now,
        checkpoint_max_age_s: float | None = None,
    ) -> None:
        if checkpoint_every < 1:
            raise ValueError("checkpoint_every must be at least 1")
        if checkpoint_max_age_s is not None and checkpoint_max_age_s <= 0:
            raise ValueError("checkpoint_max_age_s must be positive")
        self.engine = engine
        self.signer = signer
        self.checkpoint_every = checkpoint_every
        self.checkpoint_max_age_s = checkpoint_max_age_s
        self.clock = clock
        self._postgres = engine.dialect.name == "postgresql"
        self._next_tail_check = 0.0  # time.monotonic() of the next stale-tail check

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
        """Move every pending entry into the chain, in outbox order; returns how many. With
        ``checkpoint_max_age_s``, then sign a stale tail (:meth:`sign_stale_tail`) if the
        last check was half that long ago."""
        total = 0
        while True:
            sealed = self._seal_batch()
            total += sealed
            if sealed < SEAL_BATCH:
                break
        max_age = self.checkpoint_max_age_s
        if max_age is not None and time.monotonic() >= self._next_tail_check:
            self._next_tail_check = time.monotonic() + max_age / 2
            self.sign_stale_tail()
        return total

    def sign_stale_tail(self) -> int | None:
        """Sign a checkpoint for the head if the first entry after the last checkpoint was
        recorded at least half of ``checkpoint_max_age_s`` ago; returns the seq signed, or
        None (nothing unsigned, not old enough, or no ``checkpoint_max_age_s``).

        Checked with a read first, so a ledger with a recent checkpoint costs no write lock;
        then again under the chain lock, so two processes sign it once."""
        max_age = self.checkpoint_max_age_s
        signer = self.signer
        if max_age is None or signer is None:
            return None
        now = self.clock()
        due = {"before": canonical_time(now - timedelta(seconds=max_age / 2))}
        with read(self.engine) as conn:
            if conn.execute(_STALE_TAIL, due).first() is None:
                return None
        with write(self.engine) as conn:
            if self._postgres:
                conn.execute(_LOCK, {"key": CHAIN_LOCK_KEY})
            if conn.execute(_STALE_TAIL, due).first() is None:
                return None  # another process signed it meanwhile
            head = conn.execute(_HEAD).one()
            cp = signer.sign(int(head.seq), str(head.hash), canonical_time(now))
            conn.execute(_INSERT_CHECKPOINTS, [_checkpoint_row(cp)])
            return cp.seq

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
                    checkpoints.append(_checkpoint_row(signer.sign(seq, entry.hash, now)))
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
        dbapi_error: Any = getattr(self.engine.dialect.loaded_dbapi, "Error", SQLAlchemyError)
        try:
            with self.snapshot() as snap:
                checkpoints, pending = snap.checkpoints(), snap.pending_count()
                batches = snap.encoded_batches()

                def seq_of_hash(entry_hash: str) -> int | None:
                    batches.close()  # (stops the read-ahead: the connection is free)
                    return snap.seq_of_hash(entry_hash)

                try:
                    return verify_encoded(
                        batches, checkpoints, public_key, pending=pending, seq_of_hash=seq_of_hash
                    )
                finally:
                    batches.close()  # a failure stops reading early: free the cursor now
        except (SQLAlchemyError, dbapi_error) as exc:
            raise StoreError(
                f"the ledger cannot be read ({exc.__class__.__name__}); is the database "
                "migrated (`trustdesk db upgrade`)?"
            ) from None


def _read_ahead(batches: Generator[list[Any]], depth: int) -> Generator[list[Any]]:
    """``batches``, read on a thread of its own up to ``depth`` batches ahead of the caller.

    psycopg releases the GIL while it waits for the server, so the server produces the next
    batch while this thread hashes the last one. Closing this generator stops the reader and
    waits for it (at most one fetch), so the connection is free again when close() returns.
    Errors in the reader are raised here."""
    ready: queue.Queue[Any] = queue.Queue(depth)
    stop = threading.Event()

    def hand_over(item: Any) -> bool:
        while not stop.is_set():
            with contextlib.suppress(queue.Full):
                ready.put(item, timeout=0.05)
                return True
        return False

    def read() -> None:
        last: Any = _END
        try:
            for batch in batches:
                if not hand_over(batch):
                    return
        except BaseException as exc:  # delivered to the caller, who raises it
            last = exc
        finally:
            batches.close()
        hand_over(last)

    reader = threading.Thread(target=read, name="trustdesk-ledger-read", daemon=True)
    reader.start()
    try:
        while (item := ready.get()) is not _END:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        reader.join()
