"""How verification reads the chain from a real database (SQLite and PostgreSQL): the query
builds each entry's canonical encoding, byte for byte what Python's encoder builds, in batches
(read ahead on PostgreSQL), and tampering is named exactly wherever the batches fall."""

from __future__ import annotations

import hashlib
import random
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tests.unit.test_ledger_verify_blocks import random_pending
from trustdesk.errors import StoreError
from trustdesk.ledger.encoding import PendingEntry, encode, pending_entry
from trustdesk.ledger.signing import LedgerSigner
from trustdesk.store import ledger_repository
from trustdesk.store.engine import make_engine, migrate
from trustdesk.store.ledger_repository import SqlLedger, _read_ahead
from trustdesk.store.tables import ledger_entries
from trustdesk.store.transactions import write

SIGNER = LedgerSigner.from_master(b"k" * 32)


@pytest.fixture
def ledger(engine: Engine) -> SqlLedger:
    migrate(engine)
    return SqlLedger(engine, SIGNER, checkpoint_every=5)


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of three rows, one read ahead: every test below crosses many batch edges."""
    monkeypatch.setattr(ledger_repository, "READ_BATCH", 3)
    monkeypatch.setattr(ledger_repository, "PG_READ_BATCH", 3)
    monkeypatch.setattr(ledger_repository, "PG_READ_AHEAD", 1)


def _plain(n: int) -> list[PendingEntry]:
    when = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    return [pending_entry(when, "system", "purge", {"n": i}) for i in range(n)]


def _sql(ledger: SqlLedger, *statements: str) -> None:
    with write(ledger.engine) as conn:
        for statement in statements:
            conn.execute(text(statement))


def _failure(ledger: SqlLedger) -> tuple[int | None, str | None]:
    result = ledger.verify(SIGNER.public_key)
    assert not result.ok
    return result.first_bad_seq, result.problem_kind


def test_the_query_builds_the_canonical_bytes_of_random_entries(ledger: SqlLedger) -> None:
    rng = random.Random(20261201)
    ledger.append([random_pending(rng) for _ in range(600)])
    entries = ledger.entries()
    with ledger.snapshot() as snap:
        batches = snap.encoded_batches()
        try:
            rows = [row for batch in batches for row in batch]
        finally:
            batches.close()
    assert len(rows) == len(entries) == 600
    for entry, (encoding, prev_hash, digest, seq) in zip(entries, rows, strict=True):
        data = encoding if isinstance(encoding, bytes) else encoding.encode()
        assert data == encode(entry), entry.seq
        assert hashlib.sha256(data).hexdigest() == digest == entry.hash
        assert (prev_hash, seq) == (entry.prev_hash, entry.seq)
    assert ledger.verify(SIGNER.public_key).ok


@pytest.mark.usefixtures("small_batches")
@pytest.mark.parametrize("seq", [1, 3, 4, 6, 9, 10, 20])
def test_an_edit_is_named_wherever_the_batches_fall(ledger: SqlLedger, seq: int) -> None:
    ledger.append(_plain(20))
    assert ledger.verify(SIGNER.public_key).ok
    _sql(ledger, f"UPDATE ledger_entries SET kind = 'claim' WHERE seq = {seq}")
    assert _failure(ledger) == (seq, "edited")


@pytest.mark.usefixtures("small_batches")
@pytest.mark.parametrize("seq", [3, 4, 7, 11])
def test_a_deletion_is_named_wherever_the_batches_fall(ledger: SqlLedger, seq: int) -> None:
    ledger.append(_plain(20))
    _sql(ledger, f"DELETE FROM ledger_entries WHERE seq = {seq}")
    assert _failure(ledger) == (seq, "deleted")


@pytest.mark.usefixtures("small_batches")
@pytest.mark.parametrize("seq", [3, 4, 7, 11])
def test_a_reordering_is_named_wherever_the_batches_fall(ledger: SqlLedger, seq: int) -> None:
    ledger.append(_plain(20))
    _sql(
        ledger,
        f"UPDATE ledger_entries SET seq = -1 WHERE seq = {seq}",
        f"UPDATE ledger_entries SET seq = {seq} WHERE seq = {seq + 1}",
        f"UPDATE ledger_entries SET seq = {seq + 1} WHERE seq = -1",
    )
    assert _failure(ledger) == (seq, "reordered")


@pytest.mark.usefixtures("small_batches")
def test_an_insertion_found_by_its_hash_stops_the_read_ahead_first(ledger: SqlLedger) -> None:
    ledger.append(_plain(30))
    old_six = ledger.entries(6, 6)[0]
    _sql(
        ledger,
        "UPDATE ledger_entries SET seq = -seq WHERE seq >= 6",
        "UPDATE ledger_entries SET seq = -seq + 1 WHERE seq < 0",
    )
    forged = old_six._replace(actor="staff:mallory", kind="approval")
    forged = forged._replace(hash=hashlib.sha256(encode(forged)).hexdigest())
    moved = old_six._replace(seq=7)
    moved_hash = hashlib.sha256(encode(moved)).hexdigest()
    with write(ledger.engine) as conn:
        conn.execute(ledger_entries.insert().values(**forged._asdict()))
        conn.execute(text("UPDATE ledger_entries SET hash = :h WHERE seq = 7"), {"h": moved_hash})
    assert _failure(ledger) == (6, "inserted")
    assert _failure(ledger) == (6, "inserted")  # (the connection came back clean)


@pytest.mark.usefixtures("small_batches")
def test_a_failure_early_in_a_long_ledger_frees_the_reader_and_the_connection(
    ledger: SqlLedger,
) -> None:
    ledger.append(_plain(300))
    _sql(ledger, "UPDATE ledger_entries SET details = '{}' WHERE seq = 2")
    before = threading.active_count()
    for _ in range(3):
        assert _failure(ledger) == (2, "edited")
    assert threading.active_count() == before
    with ledger.snapshot() as snap:
        assert snap.head()[0] == 300


# -- SQLite only: its columns hold whatever is written to them ---------------------------------


@pytest.fixture
def sqlite_ledger(tmp_path: Path) -> Iterator[SqlLedger]:
    engine = make_engine(f"sqlite:///{tmp_path / 'ledger.db'}")
    migrate(engine)
    yield SqlLedger(engine, SIGNER, checkpoint_every=5)
    engine.dispose()


def test_a_hidden_nul_after_a_value_is_an_edit(sqlite_ledger: SqlLedger) -> None:
    ledger = sqlite_ledger
    ledger.append(_plain(12))
    # The bytes before the NUL are the sealed value: a reader that stopped there (as
    # SQLite's printf() does) would see the entry as it was sealed.
    _sql(ledger, "UPDATE ledger_entries SET details = details || char(0) || 'x' WHERE seq = 7")
    assert _failure(ledger) == (7, "edited")


@pytest.mark.parametrize(
    "value", ["X'ff'", "CAST(X'ff' AS TEXT)", "CAST('system' AS BLOB)", "NULL"]
)
def test_a_value_that_is_not_utf8_text_is_an_edit_not_a_read_error(
    sqlite_ledger: SqlLedger, value: str
) -> None:
    ledger = sqlite_ledger
    ledger.append(_plain(12))
    column = "conversation_id" if value == "NULL" else "actor"
    _sql(ledger, f"UPDATE ledger_entries SET {column} = {value} WHERE seq = 3")
    if value == "NULL":  # (a missing conversation is the empty line: nothing changed)
        assert ledger.verify(SIGNER.public_key).ok
        return
    if value == "CAST('system' AS BLOB)":  # the same bytes, stored as a blob
        assert ledger.verify(SIGNER.public_key).ok
        return
    assert _failure(ledger) == (3, "edited")


@pytest.fixture
def utf16_ledger(tmp_path: Path) -> Iterator[SqlLedger]:
    path = tmp_path / "utf16.db"
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA encoding = 'UTF-16le'")
        raw.execute("CREATE TABLE created_first (x)")  # (fixes the encoding)
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    yield SqlLedger(engine, SIGNER, checkpoint_every=5)
    engine.dispose()


def test_a_utf16_sqlite_database_verifies_from_its_text(utf16_ledger: SqlLedger) -> None:
    with utf16_ledger.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA encoding").scalar() == "UTF-16le"
    utf16_ledger.append(_plain(12) + [random_pending(random.Random(3)) for _ in range(20)])
    assert utf16_ledger.verify(SIGNER.public_key).ok
    _sql(utf16_ledger, "UPDATE ledger_entries SET kind = 'claim' WHERE seq = 8")
    assert _failure(utf16_ledger) == (8, "edited")


# -- the read-ahead -----------------------------------------------------------------------------


def test_the_read_ahead_hands_over_batches_in_order_and_raises_the_readers_error() -> None:
    def batches(fail_after: int | None) -> Iterator[list[int]]:
        for i in range(10):
            if i == fail_after:
                raise sqlite3.OperationalError("disk I/O error")
            yield [i]

    assert list(_read_ahead(batches(None), 2)) == [[i] for i in range(10)]  # type: ignore[arg-type]
    got = []
    with pytest.raises(sqlite3.OperationalError):
        for batch in _read_ahead(batches(4), 2):  # type: ignore[arg-type]
            got.append(batch)
    assert got == [[0], [1], [2], [3]]


def test_closing_the_read_ahead_stops_its_reader() -> None:
    closed = threading.Event()

    def endless() -> Iterator[list[int]]:
        try:
            n = 0
            while True:
                yield [n]
                n += 1
        finally:
            closed.set()

    before = threading.active_count()
    reader = _read_ahead(endless(), 2)  # type: ignore[arg-type]
    assert next(reader) == [0]
    reader.close()
    assert closed.is_set() and threading.active_count() == before


def test_a_read_error_becomes_a_store_error(
    ledger: SqlLedger, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger.append(_plain(12))
    dbapi = ledger.engine.dialect.loaded_dbapi

    def broken(self: object, columns: str, first: int, last: int | None) -> Iterator[list[object]]:
        yield []
        raise dbapi.OperationalError("the disk went away")

    monkeypatch.setattr(ledger_repository.LedgerSnapshot, "_batches", broken)
    with pytest.raises(StoreError, match="OperationalError"):
        ledger.verify(SIGNER.public_key)
