"""The ledger on a real database (SQLite and PostgreSQL): sealing, the outbox, and tampering
with rows directly in SQL, which verification must name by sequence number."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, func, insert, select, text

from trustdesk.errors import ConfigurationError
from trustdesk.ledger.encoding import GENESIS, PendingEntry, entry_hash, pending_entry
from trustdesk.ledger.signing import LedgerSigner
from trustdesk.store.engine import migrate
from trustdesk.store.ledger_repository import SqlLedger
from trustdesk.store.tables import ledger_checkpoints, ledger_entries, ledger_pending
from trustdesk.store.transactions import write

SIGNER = LedgerSigner.from_master(b"k" * 32)
T0 = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


def _entries(n: int, start: int = 0) -> list[PendingEntry]:
    return [
        pending_entry(
            T0,
            "ai:retrieval",
            "ai_reply",
            {"n": i, "route": "assistant"},
            conversation_id=f"conv-{i % 4}",
            policy_version="sha256:" + "a" * 64,
        )
        for i in range(start, start + n)
    ]


@pytest.fixture
def ledger(engine: Engine) -> SqlLedger:
    migrate(engine)
    return SqlLedger(engine, SIGNER, checkpoint_every=5)


@pytest.fixture
def sealed(ledger: SqlLedger) -> SqlLedger:
    """Twelve entries: checkpoints at 5 and 10, two unsigned after them."""
    assert ledger.append(_entries(12)) == 12
    return ledger


def _sql(ledger: SqlLedger, *statements: str) -> None:
    with write(ledger.engine) as conn:
        for statement in statements:
            conn.execute(text(statement))


def _failure(ledger: SqlLedger) -> tuple[int | None, str | None]:
    result = ledger.verify(SIGNER.public_key)
    assert not result.ok
    return result.first_bad_seq, result.problem_kind


def test_append_seals_a_gapless_chain_with_signed_checkpoints(sealed: SqlLedger) -> None:
    entries = sealed.entries()
    assert [e.seq for e in entries] == list(range(1, 13))
    assert entries[0].prev_hash == GENESIS
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(entries))
    assert sealed.head() == (12, entries[-1].hash)
    with sealed.snapshot() as snap:
        assert [c.seq for c in snap.checkpoints()] == [5, 10]
    result = sealed.verify(SIGNER.public_key)
    assert result.ok and result.summary() == "OK 12 entries, 2 signed checkpoints"
    assert result.unsigned_tail == 2 and result.pending == 0


def test_the_chain_continues_across_seals(sealed: SqlLedger) -> None:
    sealed.append(_entries(4, start=100))
    assert sealed.head()[0] == 16
    assert sealed.verify(SIGNER.public_key).ok


def test_staged_entries_commit_and_roll_back_with_the_callers_transaction(
    ledger: SqlLedger,
) -> None:
    with pytest.raises(RuntimeError), write(ledger.engine) as conn:
        ledger.stage(conn, _entries(2))
        raise RuntimeError("the turn failed after staging")
    assert ledger.pending_count() == 0
    with write(ledger.engine) as conn:
        ledger.stage(conn, _entries(3))
    assert ledger.pending_count() == 3 and ledger.head() == (0, GENESIS)
    assert ledger.seal() == 3
    assert ledger.pending_count() == 0 and ledger.head()[0] == 3


def test_entries_are_sealed_in_outbox_order(ledger: SqlLedger) -> None:
    ledger.add_pending(_entries(3))
    ledger.add_pending(_entries(3, start=3))
    ledger.seal()
    assert [e.details for e in ledger.entries()] == [
        f'{{"n":{i},"route":"assistant"}}' for i in range(6)
    ]


def test_verify_only_reads_pending_entries_are_counted_not_sealed(sealed: SqlLedger) -> None:
    sealed.add_pending(_entries(2))
    result = sealed.verify(SIGNER.public_key)
    assert result.ok and result.pending == 2 and result.entries == 12
    assert sealed.pending_count() == 2 and sealed.head()[0] == 12


def test_a_read_only_ledger_verifies_but_refuses_to_seal(sealed: SqlLedger) -> None:
    reader = SqlLedger(sealed.engine, None)
    assert reader.verify(SIGNER.public_key).ok
    reader.add_pending(_entries(1))
    with pytest.raises(ConfigurationError):
        reader.seal()


def test_recorded_at_never_goes_back_when_a_clock_is_behind(ledger: SqlLedger) -> None:
    ledger.append(_entries(1))
    behind = SqlLedger(ledger.engine, SIGNER, clock=lambda: datetime(2000, 1, 1, tzinfo=UTC))
    behind.append(_entries(1))
    first, second = ledger.entries()
    assert second.recorded_at >= first.recorded_at
    assert ledger.verify(SIGNER.public_key).ok


# -- tampering, directly in SQL ------------------------------------------------------------


def test_an_edited_row_is_named(sealed: SqlLedger) -> None:
    _sql(sealed, "UPDATE ledger_entries SET details = '{}' WHERE seq = 7")
    assert _failure(sealed) == (7, "edited")


def test_an_edited_actor_is_named(sealed: SqlLedger) -> None:
    _sql(sealed, "UPDATE ledger_entries SET actor = 'staff:mallory' WHERE seq = 3")
    assert _failure(sealed) == (3, "edited")


def test_an_edited_and_rehashed_row_is_named(sealed: SqlLedger) -> None:
    e = sealed.entries(7, 7)[0]
    forged = e._replace(kind="ai_decision")
    new_hash = entry_hash(*forged[:8], forged.prev_hash)
    _sql(
        sealed, f"UPDATE ledger_entries SET kind = 'ai_decision', hash = '{new_hash}' WHERE seq = 7"
    )
    assert _failure(sealed) == (7, "edited")


def test_a_deleted_row_is_named(sealed: SqlLedger) -> None:
    _sql(sealed, "DELETE FROM ledger_entries WHERE seq = 4")
    assert _failure(sealed) == (4, "deleted")


def test_a_deleted_row_with_the_rest_renumbered_is_named(sealed: SqlLedger) -> None:
    _sql(
        sealed,
        "DELETE FROM ledger_entries WHERE seq = 4",
        "UPDATE ledger_entries SET seq = -seq WHERE seq > 4",
        "UPDATE ledger_entries SET seq = -seq - 1 WHERE seq < 0",
    )
    assert _failure(sealed) == (4, "deleted")


def test_deleting_the_signed_tail_is_caught_by_its_checkpoint(sealed: SqlLedger) -> None:
    _sql(sealed, "DELETE FROM ledger_entries WHERE seq >= 9")
    assert _failure(sealed) == (9, "missing_entry")


def test_an_inserted_row_is_named(sealed: SqlLedger) -> None:
    _sql(
        sealed,
        "UPDATE ledger_entries SET seq = -seq WHERE seq >= 6",
        "UPDATE ledger_entries SET seq = -seq + 1 WHERE seq < 0",
    )
    prev = sealed.entries(5, 5)[0].hash
    row: dict[str, Any] = {
        "seq": 6,
        "occurred_at": "2026-12-01T10:00:00.000000Z",
        "recorded_at": "2026-12-01T10:00:00.000000Z",
        "actor": "staff:mallory",
        "kind": "approval",
        "conversation_id": "conv-1",
        "policy_version": None,
        "details": "{}",
        "prev_hash": prev,
    }
    row["hash"] = entry_hash(*row.values())  # a well-formed forgery that follows entry 5
    with write(sealed.engine) as conn:
        conn.execute(insert(ledger_entries).values(**row))
    assert _failure(sealed) == (6, "inserted")


def test_reordered_rows_are_named(sealed: SqlLedger) -> None:
    _sql(
        sealed,
        "UPDATE ledger_entries SET seq = -1 WHERE seq = 8",
        "UPDATE ledger_entries SET seq = 8 WHERE seq = 9",
        "UPDATE ledger_entries SET seq = 9 WHERE seq = -1",
    )
    assert _failure(sealed) == (8, "reordered")


def test_a_forged_checkpoint_signature_is_caught(sealed: SqlLedger) -> None:
    forged = "ab" * 64
    _sql(sealed, f"UPDATE ledger_checkpoints SET signature = '{forged}' WHERE seq = 10")
    assert _failure(sealed) == (10, "bad_signature")


def test_a_checkpoint_signed_with_another_key_is_caught(sealed: SqlLedger) -> None:
    other = LedgerSigner.from_master(b"o" * 32)
    entry = sealed.entries(5, 5)[0]
    cp = other.sign(5, entry.hash, "2026-12-01T10:00:00.000000Z")
    _sql(
        sealed,
        f"UPDATE ledger_checkpoints SET signature = '{cp.signature}', key_id = '{cp.key_id}' "
        "WHERE seq = 5",
    )
    assert _failure(sealed) == (5, "bad_signature")


def test_a_rehashed_chain_is_caught_at_the_next_signed_checkpoint(sealed: SqlLedger) -> None:
    entries = sealed.entries()
    prev = entries[5].prev_hash
    with write(sealed.engine) as conn:
        for e in entries[5:]:  # rewrite entry 6 and recompute every hash after it
            details = '{"n":"forged"}' if e.seq == 6 else e.details
            forged = e._replace(details=details, prev_hash=prev)
            new_hash = entry_hash(*forged[:8], prev)
            conn.execute(
                ledger_entries.update()
                .where(ledger_entries.c.seq == e.seq)
                .values(details=details, prev_hash=prev, hash=new_hash)
            )
            prev = new_hash
    assert _failure(sealed) == (10, "edited")


def test_seal_is_one_transaction_a_failure_leaves_the_outbox_intact(
    ledger: SqlLedger, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger.add_pending(_entries(7))

    def broken_sign(*args: object) -> object:
        raise RuntimeError("signing failed")

    monkeypatch.setattr(ledger.signer, "sign", broken_sign)
    with pytest.raises(RuntimeError):
        ledger.seal()  # the checkpoint at 5 fails after entries 1-5 were computed
    assert ledger.pending_count() == 7 and ledger.head() == (0, GENESIS)
    with ledger.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(ledger_checkpoints)).scalar() == 0
        assert conn.execute(select(func.count()).select_from(ledger_pending)).scalar() == 7


def test_an_insertion_with_the_next_row_rehashed_is_named_via_a_hash_lookup(
    sealed: SqlLedger,
) -> None:
    old_six = sealed.entries(6, 6)[0]
    _sql(
        sealed,
        "UPDATE ledger_entries SET seq = -seq WHERE seq >= 6",
        "UPDATE ledger_entries SET seq = -seq + 1 WHERE seq < 0",
    )
    forged = old_six._replace(actor="staff:mallory", kind="approval")
    forged = forged._replace(hash=entry_hash(*forged[:8], forged.prev_hash))
    moved = old_six._replace(seq=7)  # renumbered, rehashed, still pointing at entry 5
    with write(sealed.engine) as conn:
        conn.execute(insert(ledger_entries).values(**forged._asdict()))
        conn.execute(
            ledger_entries.update()
            .where(ledger_entries.c.seq == 7)
            .values(hash=entry_hash(*moved[:8], moved.prev_hash))
        )
    assert _failure(sealed) == (6, "inserted")


def test_verification_streams_the_entries_in_batches(
    sealed: SqlLedger, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trustdesk.store import ledger_repository

    monkeypatch.setattr(ledger_repository, "READ_BATCH", 5)
    monkeypatch.setattr(ledger_repository, "PG_READ_BATCH", 5)
    result = sealed.verify(SIGNER.public_key)
    assert result.ok and result.entries == 12
    _sql(sealed, "UPDATE ledger_entries SET kind = 'claim' WHERE seq = 11")
    assert _failure(sealed) == (11, "edited")


# -- a quiet desk: the tail is signed in time -----------------------------------------------


class _Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_a_quiet_desks_tail_is_signed_once_it_is_old_and_rewriting_it_is_then_caught(
    engine: Engine,
) -> None:
    migrate(engine)
    clock = _Clock(T0)
    ledger = SqlLedger(engine, SIGNER, checkpoint_every=100, clock=clock, checkpoint_max_age_s=60)
    ledger.append(_entries(3))
    assert ledger.sign_stale_tail() is None  # recorded just now: not yet due
    assert ledger.verify(SIGNER.public_key).unsigned_tail == 3
    clock.now = T0 + timedelta(seconds=29)
    assert ledger.sign_stale_tail() is None
    clock.now = T0 + timedelta(seconds=30)  # half the longest age: due
    assert ledger.sign_stale_tail() == 3
    assert ledger.sign_stale_tail() is None  # nothing after the checkpoint
    result = ledger.verify(SIGNER.public_key)
    assert result.ok and result.checkpoints == 1 and result.unsigned_tail == 0

    # Count checkpoints still fall on the multiples of checkpoint_every; the next stale tail
    # is timed from the first entry after the last checkpoint, whatever signed it.
    clock.now = T0 + timedelta(seconds=100)
    ledger.append(_entries(2, start=10))
    assert ledger.sign_stale_tail() is None
    clock.now = T0 + timedelta(seconds=130)
    assert ledger.sign_stale_tail() == 5

    # Rewriting the signed tail and recomputing its hashes no longer goes unnoticed.
    entries = ledger.entries()
    prev = entries[1].prev_hash
    with write(engine) as conn:
        for e in entries[1:]:
            details = '{"n":"forged"}' if e.seq == 2 else e.details
            new_hash = entry_hash(*e._replace(details=details)[:8], prev)
            conn.execute(
                ledger_entries.update()
                .where(ledger_entries.c.seq == e.seq)
                .values(details=details, prev_hash=prev, hash=new_hash)
            )
            prev = new_hash
    result = ledger.verify(SIGNER.public_key)
    assert not result.ok and result.first_bad_seq == 3 and result.problem_kind == "edited"


def test_seal_checks_the_tail_at_most_every_half_of_the_longest_age(engine: Engine) -> None:
    migrate(engine)
    clock = _Clock(T0)
    ledger = SqlLedger(engine, SIGNER, checkpoint_every=100, clock=clock, checkpoint_max_age_s=60)
    ledger.append(_entries(2))  # the first seal checks (nothing due yet)
    clock.now = T0 + timedelta(minutes=5)
    ledger.seal()  # checked less than 30 s ago (real time): not again
    with ledger.snapshot() as snap:
        assert snap.checkpoints() == []
    ledger._next_tail_check = 0.0  # as if 30 s had passed
    ledger.seal()
    with ledger.snapshot() as snap:
        assert [c.seq for c in snap.checkpoints()] == [2]


def test_two_ledgers_on_one_database_sign_a_stale_tail_once(engine: Engine) -> None:
    migrate(engine)
    clock = _Clock(T0)
    first = SqlLedger(engine, SIGNER, checkpoint_every=100, clock=clock, checkpoint_max_age_s=60)
    second = SqlLedger(engine, SIGNER, checkpoint_every=100, clock=clock, checkpoint_max_age_s=60)
    first.append(_entries(4))
    clock.now = T0 + timedelta(minutes=2)
    assert first.sign_stale_tail() == 4
    assert second.sign_stale_tail() is None
    with first.snapshot() as snap:
        assert [c.seq for c in snap.checkpoints()] == [4]


def test_without_a_longest_age_nothing_is_signed_off_the_count(sealed: SqlLedger) -> None:
    assert sealed.checkpoint_max_age_s is None
    assert sealed.sign_stale_tail() is None
    with pytest.raises(ValueError, match="positive"):
        SqlLedger(sealed.engine, SIGNER, checkpoint_max_age_s=0)
