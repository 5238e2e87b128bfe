"""verify_chain names the first bad seq and what happened there (pure, in memory)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from trustdesk.ledger.encoding import (
    GENESIS,
    LedgerEntry,
    encode,
    entry_hash,
    pending_entry,
    seal,
    to_wire,
)
from trustdesk.ledger.signing import Checkpoint, LedgerSigner
from trustdesk.ledger.verify import verify_chain, verify_entries

SIGNER = LedgerSigner.from_master(b"k" * 32)
KEY = SIGNER.public_key
T0 = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


def chain(n: int = 20, every: int = 10) -> tuple[list[LedgerEntry], list[Checkpoint]]:
    entries: list[LedgerEntry] = []
    checkpoints: list[Checkpoint] = []
    prev = GENESIS
    for seq in range(1, n + 1):
        pending = pending_entry(
            T0, "ai:retrieval", "ai_reply", {"n": seq}, conversation_id=f"c-{seq % 3}"
        )
        entry = seal(pending, seq, "2026-12-01T10:00:01.000000Z", prev)
        entries.append(entry)
        if seq % every == 0:
            checkpoints.append(SIGNER.sign(seq, entry.hash, "2026-12-01T10:00:01.000000Z"))
        prev = entry.hash
    return entries, checkpoints


def rehash(entry: LedgerEntry, prev: str | None = None) -> LedgerEntry:
    """What an attacker who knows the algorithm (but not the key) can do to one entry."""
    entry = entry._replace(prev_hash=prev if prev is not None else entry.prev_hash)
    return entry._replace(hash=entry_hash(*entry[:8], entry.prev_hash))


def rehash_from(entries: list[LedgerEntry], start: int) -> list[LedgerEntry]:
    """Renumber from index ``start`` on and recompute every hash and link after it."""
    out = entries[:start]
    for i, e in enumerate(entries[start:], start):
        out.append(rehash(e._replace(seq=i + 1), out[-1].hash if out else GENESIS))
    return out


def renumber(entries: list[LedgerEntry]) -> list[LedgerEntry]:
    """Rewrite seq as 1, 2, 3 ... (the rows' hashes stay as they were)."""
    return [e._replace(seq=i) for i, e in enumerate(entries, 1)]


def test_an_intact_chain_verifies_with_counts_and_unsigned_tail() -> None:
    entries, cps = chain(25)
    result = verify_entries(entries, cps, KEY, pending=3)
    assert result.ok and result.summary() == "OK 25 entries, 2 signed checkpoints"
    assert (result.head_seq, result.unsigned_tail, result.pending) == (25, 5, 3)


def test_an_empty_ledger_verifies() -> None:
    result = verify_entries([], [], KEY)
    assert result.ok and result.entries == 0 and result.unsigned_tail == 0


def test_an_edited_entry_is_named() -> None:
    entries, cps = chain()
    entries[6] = entries[6]._replace(details='{"n":999}')
    result = verify_entries(entries, cps, KEY)
    assert not result.ok
    assert (result.first_bad_seq, result.problem_kind) == (7, "edited")
    assert result.summary().startswith("FAILED at seq 7: edited")
    assert result.entries == 6


@pytest.mark.parametrize(
    "field", ["occurred_at", "recorded_at", "actor", "kind", "conversation_id", "policy_version"]
)
def test_editing_any_field_is_caught(field: str) -> None:
    entries, cps = chain()
    entries[3] = entries[3]._replace(**{field: "system" if field == "actor" else "changed"})
    result = verify_entries(entries, cps, KEY)
    assert (result.first_bad_seq, result.problem_kind) == (4, "edited")


def test_an_edited_and_rehashed_entry_is_named_by_the_broken_link_after_it() -> None:
    entries, cps = chain()
    entries[6] = rehash(entries[6]._replace(details='{"n":999}'))
    result = verify_entries(entries, cps, KEY)
    assert (result.first_bad_seq, result.problem_kind) == (7, "edited")


def test_a_rewritten_first_entry_is_caught_against_the_genesis_value() -> None:
    entries, cps = chain()
    entries[0] = rehash(entries[0], prev="1" * 64)
    result = verify_entries(entries, cps, KEY)
    assert (result.first_bad_seq, result.problem_kind) == (1, "edited")


def test_a_rewritten_and_rehashed_chain_is_caught_at_the_next_checkpoint() -> None:
    entries, cps = chain(20, every=10)
    entries[12] = entries[12]._replace(details='{"n":"forged"}')
    forged = rehash_from(entries, 12)
    result = verify_entries(forged, cps, KEY)
    assert (result.first_bad_seq, result.problem_kind) == (20, "edited")
    assert "after seq 10" in str(result.problem)


def test_a_rewritten_unsigned_tail_is_not_detectable_and_is_reported_as_unsigned() -> None:
    entries, cps = chain(25, every=10)
    entries[22] = entries[22]._replace(details='{"n":"forged"}')
    result = verify_entries(rehash_from(entries, 22), cps, KEY)
    assert result.ok and result.unsigned_tail == 5


def test_a_deleted_entry_is_named() -> None:
    entries, cps = chain()
    del entries[4]
    result = verify_entries(entries, cps, KEY)
    assert (result.first_bad_seq, result.problem_kind) == (5, "deleted")


def test_deleted_entries_with_the_rest_renumbered_are_named() -> None:
    entries, cps = chain()
    del entries[4:6]
    result = verify_entries(renumber(entries), cps, KEY)
    assert (result.first_bad_seq, result.problem_kind) == (5, "deleted")
    assert "seqs 5 to 6" in str(result.problem)


def test_a_truncated_tail_is_caught_by_the_checkpoint_for_a_missing_entry() -> None:
    entries, cps = chain(20, every=10)
    result = verify_entries(entries[:17], cps, KEY)
    assert (result.first_bad_seq, result.problem_kind) == (18, "missing_entry")
    assert "checkpoint covers seq 20" in str(result.problem)


def test_an_inserted_entry_with_a_made_up_hash_is_named() -> None:
    entries, cps = chain()
    forged = entries[4]._replace(details='{"n":"forged"}', hash="f" * 64)
    entries.insert(4, forged)
    result = verify_entries(renumber(entries), cps, KEY)
    assert (result.first_bad_seq, result.problem_kind) == (5, "inserted")


def test_an_inserted_entry_with_a_correct_hash_and_link_is_named() -> None:
    entries, cps = chain()
    forged = rehash(entries[4]._replace(details='{"n":"forged"}'))  # seq 5, follows entry 4
    entries.insert(4, forged)
    result = verify_entries(renumber(entries), cps, KEY)
    assert (result.first_bad_seq, result.problem_kind) == (5, "inserted")


def test_an_insertion_with_the_next_entry_relinked_is_named_with_a_hash_lookup() -> None:
    entries, cps = chain(20, every=100)
    forged = rehash(entries[4]._replace(details='{"n":"forged"}'))
    old_five = rehash(entries[4]._replace(seq=6))  # renumbered and rehashed, link kept
    rest = [e._replace(seq=seq) for seq, e in enumerate(entries[5:], 7)]
    tampered = [*entries[:4], forged, old_five, *rest]
    by_hash = {e.hash: e.seq for e in tampered}
    result = verify_entries(tampered, cps, KEY, seq_of_hash=by_hash.get)
    assert (result.first_bad_seq, result.problem_kind) == (5, "inserted")


def test_swapped_entries_are_named_as_reordered() -> None:
    entries, cps = chain()
    entries[4], entries[5] = entries[5], entries[4]
    result = verify_entries(renumber(entries), cps, KEY)
    assert (result.first_bad_seq, result.problem_kind) == (5, "reordered")


def test_an_entry_moved_later_is_named_as_reordered() -> None:
    entries, cps = chain()
    moved = entries.pop(4)
    entries.insert(8, moved)
    result = verify_entries(renumber(entries), cps, KEY)
    assert (result.first_bad_seq, result.problem_kind) == (5, "reordered")


def test_a_repeated_seq_is_named() -> None:
    entries, cps = chain()
    entries.insert(6, entries[5])
    result = verify_entries(entries, cps, KEY)
    assert (result.first_bad_seq, result.problem_kind) == (6, "reordered")


def test_a_forged_checkpoint_signature_is_caught() -> None:
    entries, cps = chain(30, every=10)
    cps[1] = replace(cps[1], signature="ab" * 64)
    result = verify_entries(entries, cps, KEY)
    assert (result.first_bad_seq, result.problem_kind) == (20, "bad_signature")
    assert result.checkpoints == 1


def test_a_checkpoint_signed_by_another_key_is_caught() -> None:
    entries, cps = chain(20, every=10)
    other = LedgerSigner.from_master(b"o" * 32)
    cps[0] = other.sign(10, entries[9].hash, "now")
    result = verify_entries(entries, cps, KEY)
    assert (result.first_bad_seq, result.problem_kind) == (10, "bad_signature")


def test_a_checkpoint_whose_hash_was_changed_is_caught() -> None:
    entries, cps = chain(20, every=10)
    cps[0] = replace(cps[0], hash="0" * 64)
    result = verify_entries(entries, cps, KEY)
    assert (result.first_bad_seq, result.problem_kind) == (10, "bad_signature")


def test_a_value_that_is_not_text_is_an_edit_not_a_crash() -> None:
    entries, cps = chain()
    rows: list[tuple[object, ...]] = [to_wire(e) for e in entries]
    rows[2] = (*rows[2][:9], b"bytes", *rows[2][10:])
    result = verify_chain(rows, cps, KEY)  # type: ignore[arg-type]
    assert (result.first_bad_seq, result.problem_kind) == (3, "edited")


def test_wire_rows_join_into_the_canonical_encoding() -> None:
    entries, _ = chain(3)
    for e in entries:
        row = to_wire(e)
        assert "\n".join(row[:10]).encode() == encode(e) and row[10:] == (e.hash, e.seq)


def test_a_range_verifies_from_its_anchor() -> None:
    entries, cps = chain(30, every=10)
    part, inside = entries[10:25], [c for c in cps if c.seq <= 25]
    result = verify_entries(part, inside, KEY, first_seq=11, prev_hash=entries[9].hash)
    assert result.ok and result.entries == 15 and result.checkpoints == 1
    wrong = verify_entries(part, inside, KEY, first_seq=11, prev_hash=GENESIS)
    assert (wrong.first_bad_seq, wrong.problem_kind) == (11, "edited")


def test_values_shifted_across_fields_do_not_reproduce_the_hash() -> None:
    entries, cps = chain()
    e = entries[4]
    shifted = e._replace(
        actor=f"{e.actor}\n{e.kind}",
        kind=str(e.conversation_id),
        conversation_id=e.policy_version,
        policy_version=e.prev_hash,
        prev_hash=e.details,
        details="",
    )
    entries[4] = shifted
    result = verify_entries(entries, cps, KEY)
    assert (result.first_bad_seq, result.problem_kind) == (5, "edited")
