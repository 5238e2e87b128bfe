"""Verification checks entries a block at a time and walks a failing block entry by entry:
the result must not depend on where the blocks fall, nor on the form the rows come in (pure)."""

from __future__ import annotations

import dataclasses
import hashlib
import random
import string
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from trustdesk.ledger import verify
from trustdesk.ledger.encoding import (
    GENESIS,
    LedgerEntry,
    PendingEntry,
    encode,
    entry_hash,
    pending_entry,
    seal,
    to_encoded,
    to_wire,
)
from trustdesk.ledger.signing import Checkpoint, LedgerSigner
from trustdesk.ledger.verify import VerifyResult, verify_chain, verify_encoded

SIGNER = LedgerSigner.from_master(b"k" * 32)
OTHER = LedgerSigner.from_master(b"o" * 32)
KEY = SIGNER.public_key
_ID_CHARS = string.ascii_letters + string.digits + "._:+/=-"
_ACTOR_CHARS = string.ascii_letters + string.digits + "._@:/+-"
_TEXT_CHARS = string.printable + '\x00\x1f\x7f\u00e9\u2028\u2029\ufeff\U0001f600"\\'


# -- random entries ---------------------------------------------------------------------------


def _text(rng: random.Random, most: int = 12) -> str:
    return "".join(rng.choice(_TEXT_CHARS) for _ in range(rng.randint(0, most)))


def _json(rng: random.Random, depth: int = 0) -> Any:
    roll = rng.random()
    if depth < 3 and roll < 0.15:
        return [_json(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    if depth < 3 and roll < 0.3:
        return {_text(rng, 6): _json(rng, depth + 1) for _ in range(rng.randint(0, 4))}
    return rng.choice(
        [
            _text(rng),
            rng.randint(-(2**70), 2**70),
            rng.random() * 10 ** rng.randint(-5, 20),
            True,
            False,
            None,
        ]
    )


def random_pending(rng: random.Random) -> PendingEntry:
    """An entry with values drawn from everything the sealer accepts (details with control
    characters, non-ASCII and astral characters, huge integers, floats, nesting)."""
    actor = rng.choice(
        [
            "customer",
            "system",
            "cli",
            "ai:" + "".join(rng.choice(_ACTOR_CHARS) for _ in range(rng.randint(1, 64))),
            "staff:" + "".join(rng.choice(_ACTOR_CHARS) for _ in range(rng.randint(1, 64))),
        ]
    )
    kind = rng.choice(string.ascii_lowercase) + "".join(
        rng.choice(string.ascii_lowercase + "_") for _ in range(rng.randint(1, 39))
    )

    def an_id() -> str | None:
        if rng.random() < 0.3:
            return None
        return "".join(rng.choice(_ID_CHARS) for _ in range(rng.randint(1, 100)))

    zone = timezone(timedelta(minutes=rng.randint(-720, 720)))
    when = datetime(2000, 1, 1, tzinfo=UTC) + timedelta(microseconds=rng.randint(0, 2**52))
    return pending_entry(
        when.astimezone(zone),
        actor,
        kind,
        {_text(rng, 8): _json(rng) for _ in range(rng.randint(0, 6))},
        conversation_id=an_id(),
        policy_version=an_id(),
    )


def random_entry(rng: random.Random, seq: int, prev: str) -> LedgerEntry:
    when = datetime(2000, 1, 1, tzinfo=UTC) + timedelta(microseconds=rng.randint(0, 2**53))
    return seal(random_pending(rng), seq, when.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), prev)


def test_every_row_form_carries_the_canonical_bytes_of_random_entries() -> None:
    rng = random.Random(20261201)
    prev = GENESIS
    for _ in range(2000):
        entry = random_entry(rng, rng.randint(1, 10**15), prev)
        canonical = encode(entry)
        assert hashlib.sha256(canonical).hexdigest() == entry.hash
        wire = to_wire(entry)
        assert "\n".join(wire[:10]).encode() == canonical and wire[10:] == (entry.hash, entry.seq)
        text, prev_hash, digest, seq = to_encoded(entry)
        assert isinstance(text, str) and text.encode() == canonical
        assert (prev_hash, digest, seq) == (entry.prev_hash, entry.hash, entry.seq)
        assert canonical.count(b"\n") == 9
        prev = entry.hash


# -- chains and what an attacker does to them -------------------------------------------------


def chain(n: int, every: int, seed: int = 1) -> tuple[list[LedgerEntry], list[Checkpoint]]:
    rng = random.Random(seed)
    entries: list[LedgerEntry] = []
    checkpoints: list[Checkpoint] = []
    prev = GENESIS
    for seq in range(1, n + 1):
        entry = random_entry(rng, seq, prev)
        entries.append(entry)
        if seq % every == 0:
            checkpoints.append(SIGNER.sign(seq, entry.hash, "2026-12-01T10:00:00.000000Z"))
        prev = entry.hash
    return entries, checkpoints


def rehash(entry: LedgerEntry, prev: str | None = None) -> LedgerEntry:
    entry = entry._replace(prev_hash=prev if prev is not None else entry.prev_hash)
    return entry._replace(hash=entry_hash(*entry[:8], entry.prev_hash))


def renumber(entries: Sequence[LedgerEntry]) -> list[LedgerEntry]:
    return [e._replace(seq=i) for i, e in enumerate(entries, 1)]


Tamper = Callable[[list[LedgerEntry], list[Checkpoint], int], None]


def _edit(es: list[LedgerEntry], cps: list[Checkpoint], i: int) -> None:
    es[i] = es[i]._replace(details='{"forged":true}')


def _edit_rehash(es: list[LedgerEntry], cps: list[Checkpoint], i: int) -> None:
    es[i] = rehash(es[i]._replace(kind="hand_back"))


def _rewrite_rehash_all(es: list[LedgerEntry], cps: list[Checkpoint], i: int) -> None:
    prev = es[i - 1].hash if i else GENESIS
    for j in range(i, len(es)):
        es[j] = rehash(es[j]._replace(actor="cli") if j == i else es[j], prev)
        prev = es[j].hash


def _delete(es: list[LedgerEntry], cps: list[Checkpoint], i: int) -> None:
    del es[i]


def _delete_renumber(es: list[LedgerEntry], cps: list[Checkpoint], i: int) -> None:
    del es[i]
    es[:] = renumber(es)


def _insert(es: list[LedgerEntry], cps: list[Checkpoint], i: int) -> None:
    es.insert(i, rehash(es[i]._replace(actor="staff:mallory"), es[i - 1].hash if i else GENESIS))
    es[:] = renumber(es)


def _swap(es: list[LedgerEntry], cps: list[Checkpoint], i: int) -> None:
    j = min(i + 1, len(es) - 1)
    es[i], es[j] = es[j], es[i]


def _swap_renumber(es: list[LedgerEntry], cps: list[Checkpoint], i: int) -> None:
    _swap(es, cps, i)
    es[:] = renumber(es)


def _repeat(es: list[LedgerEntry], cps: list[Checkpoint], i: int) -> None:
    es.insert(i + 1, es[i])


def _cut(es: list[LedgerEntry], cps: list[Checkpoint], i: int) -> None:
    del es[i:]


def _relink(es: list[LedgerEntry], cps: list[Checkpoint], i: int) -> None:
    es[i] = es[i]._replace(prev_hash="f" * 64)


def _forge_checkpoint(es: list[LedgerEntry], cps: list[Checkpoint], i: int) -> None:
    if cps:
        k = i % len(cps)
        cps[k] = OTHER.sign(cps[k].seq, cps[k].hash, "now")


def _checkpoint_hash(es: list[LedgerEntry], cps: list[Checkpoint], i: int) -> None:
    if cps:
        k = i % len(cps)
        cps[k] = dataclasses.replace(cps[k], hash="0" * 64)


def _twice_signed(es: list[LedgerEntry], cps: list[Checkpoint], i: int) -> None:
    if cps:
        cps.insert(i % len(cps), cps[i % len(cps)])


TAMPERS: list[Tamper] = [
    _edit,
    _edit_rehash,
    _rewrite_rehash_all,
    _delete,
    _delete_renumber,
    _insert,
    _swap,
    _swap_renumber,
    _repeat,
    _cut,
    _relink,
    _forge_checkpoint,
    _checkpoint_hash,
    _twice_signed,
]


def _batched(rows: Sequence[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(rows), size):
        yield list(rows[i : i + size])


def _every_way(
    entries: Sequence[LedgerEntry], checkpoints: list[Checkpoint], **kw: Any
) -> list[tuple[str, VerifyResult]]:
    """The result of every verifier over every block size and row form."""
    by_hash = {e.hash: e.seq for e in entries}
    kw.setdefault("seq_of_hash", by_hash.get)
    wire = [to_wire(e) for e in entries]
    text = [to_encoded(e) for e in entries]
    raw = [(t.encode(), p, h, s) for t, p, h, s in text]  # type: ignore[union-attr]
    out = []
    with pytest.MonkeyPatch.context() as patch:
        for size in (1, 2, 7, 64, 500):
            patch.setattr(verify, "BATCH", size)
            out.append((f"wire/{size}", verify_chain(wire, checkpoints, KEY, **kw)))
            out.append(
                (f"text/{size}", verify_encoded(_batched(text, size), checkpoints, KEY, **kw))
            )
            out.append(
                (f"bytes/{size}", verify_encoded(_batched(raw, size), checkpoints, KEY, **kw))
            )
    return out


def _one_result(entries: Sequence[LedgerEntry], checkpoints: list[Checkpoint]) -> VerifyResult:
    results = _every_way(entries, checkpoints)
    first = results[0][1]
    for how, result in results:
        assert result == first, how
    return first


def test_random_tampering_gives_one_answer_whatever_the_blocks_and_row_forms() -> None:
    rng = random.Random(7)
    base, base_cps = chain(90, every=10, seed=2)
    failures = 0
    for trial in range(120):
        entries, cps = list(base), list(base_cps)
        tamper = TAMPERS[trial % len(TAMPERS)]
        tamper(entries, cps, rng.randrange(len(entries) - 1))
        result = _one_result(entries, cps)
        failures += not result.ok
    assert failures > 100  # (nearly every tampering is caught; a cut tail may not be)


# -- block boundaries -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def long_chain() -> tuple[list[LedgerEntry], list[Checkpoint]]:
    return chain(1100, every=50, seed=3)


@pytest.mark.parametrize("seq", [1, 2, 499, 500, 501, 550, 1000, 1001, 1100])
@pytest.mark.parametrize(
    ("tamper", "kind"),
    [
        (_edit, "edited"),
        (_edit_rehash, "edited"),
        (_delete, "deleted"),
        (_delete_renumber, "deleted"),
        (_insert, "inserted"),
        (_swap_renumber, "reordered"),
        (_relink, "edited"),
    ],
)
def test_a_tampered_entry_is_named_exactly_on_either_side_of_a_block_boundary(
    long_chain: tuple[list[LedgerEntry], list[Checkpoint]], tamper: Tamper, kind: str, seq: int
) -> None:
    entries, cps = list(long_chain[0]), list(long_chain[1])
    tamper(entries, cps, seq - 1)
    result = _one_result(entries, cps)
    if seq == 1100 and tamper in (_delete, _delete_renumber):
        assert (result.first_bad_seq, result.problem_kind) == (1100, "missing_entry")
        return
    if seq == 1100 and tamper is _swap_renumber:  # (nothing after the last entry to swap with)
        assert result.ok
        return
    if tamper is _insert and seq % 50 == 0:
        kind = "edited"  # the forgery stands at a signed seq: its checkpoint names it first
    assert (result.first_bad_seq, result.problem_kind) == (seq, kind)
    if tamper not in (_insert, _edit_rehash):  # (a rehashed entry verifies by itself)
        assert result.entries == seq - 1


@pytest.mark.parametrize("seq", [50, 500, 1000, 1050])
def test_a_forged_checkpoint_is_named_inside_an_intact_block(
    long_chain: tuple[list[LedgerEntry], list[Checkpoint]], seq: int
) -> None:
    entries, cps = long_chain[0], list(long_chain[1])
    k = seq // 50 - 1
    cps[k] = OTHER.sign(seq, cps[k].hash, "now")
    result = _one_result(entries, cps)
    assert (result.first_bad_seq, result.problem_kind) == (seq, "bad_signature")
    assert (result.entries, result.checkpoints) == (seq - 1, k)


def test_the_first_failure_wins_inside_a_block_checkpoint_or_entry(
    long_chain: tuple[list[LedgerEntry], list[Checkpoint]],
) -> None:
    entries, cps = list(long_chain[0]), list(long_chain[1])
    cps[5] = OTHER.sign(300, cps[5].hash, "now")  # seq 300
    _edit(entries, cps, 319)
    assert (_one_result(entries, cps).first_bad_seq, _one_result(entries, cps).problem_kind) == (
        300,
        "bad_signature",
    )
    _edit(entries, cps, 280)
    result = _one_result(entries, cps)
    assert (result.first_bad_seq, result.problem_kind) == (281, "edited")


def test_a_rehashed_rewrite_is_caught_at_the_next_checkpoint_across_blocks(
    long_chain: tuple[list[LedgerEntry], list[Checkpoint]],
) -> None:
    entries, cps = list(long_chain[0]), list(long_chain[1])
    _rewrite_rehash_all(entries, cps, 480)  # seq 481; the next checkpoint is at 500
    result = _one_result(entries, cps)
    assert (result.first_bad_seq, result.problem_kind) == (500, "edited")
    assert "after seq 450" in str(result.problem)


def test_an_intact_long_chain_verifies_in_every_form(
    long_chain: tuple[list[LedgerEntry], list[Checkpoint]],
) -> None:
    result = _one_result(*long_chain)
    assert result.ok and (result.entries, result.checkpoints, result.unsigned_tail) == (1100, 22, 0)
    part = long_chain[0][600:]
    ranged = _every_way(part, long_chain[1], first_seq=601, prev_hash=long_chain[0][599].hash)
    assert all(r.ok and r.entries == 500 and r.checkpoints == 10 for _, r in ranged)


# -- rows a database could hand back ----------------------------------------------------------


def test_encodings_that_are_not_text_are_edits_where_they_stand() -> None:
    entries, cps = chain(30, every=10, seed=4)
    rows: list[tuple[Any, ...]] = [to_encoded(e) for e in entries]
    for bad in (None, 42, b"\xff\xfe not utf-8", "\udcff lone surrogate", b"", ""):
        broken = list(rows)
        broken[12] = (bad, *rows[12][1:])
        for size in (1, 5, 30):
            result = verify_encoded(_batched(broken, size), cps, KEY)
            assert (result.first_bad_seq, result.problem_kind) == (13, "edited"), (bad, size)


def test_rows_that_are_not_four_values_are_edits_where_they_stand() -> None:
    entries, cps = chain(30, every=10, seed=5)
    rows: list[Any] = [to_encoded(e) for e in entries]
    for bad in (rows[7][:3], (*rows[7], "extra"), None):
        broken = list(rows)
        broken[7] = bad
        for size in (1, 4, 30):
            result = verify_encoded(_batched(broken, size), cps, KEY)
            assert (result.first_bad_seq, result.problem_kind) == (8, "edited"), (bad, size)


def test_an_encoding_with_a_value_moved_across_a_line_feed_is_an_edit() -> None:
    entries, cps = chain(20, every=10, seed=6)
    rows = [to_encoded(e) for e in entries]
    text = str(rows[4][0])
    lines = text.split("\n")
    lines[4:6] = [lines[4] + lines[5], ""]  # actor and kind run together, kind empty
    rows[4] = ("\n".join(lines), *rows[4][1:])
    result = verify_encoded([rows], cps, KEY)
    assert (result.first_bad_seq, result.problem_kind) == (5, "edited")


@pytest.mark.parametrize(
    ("seq", "named", "kind"),
    [(0, 0, "reordered"), (7, 7, "reordered"), (9, 8, "deleted"), (99, 8, "deleted")],
)
def test_a_row_whose_seq_disagrees_with_its_encoding_is_named(
    seq: int, named: int, kind: str
) -> None:
    entries, cps = chain(30, every=10, seed=8)
    rows: list[Any] = [to_encoded(e) for e in entries]
    rows[7] = (*rows[7][:3], seq)  # the encoding still says 8
    for size in (1, 8, 30):
        result = verify_encoded(_batched(rows, size), cps, KEY)
        assert (result.first_bad_seq, result.problem_kind, result.entries) == (named, kind, 7)


def test_bytes_and_text_rows_mix_in_one_batch() -> None:
    entries, cps = chain(40, every=10, seed=7)
    rows: list[Any] = [to_encoded(e) for e in entries]
    mixed = [(r[0].encode(), *r[1:]) if i % 3 else r for i, r in enumerate(rows)]
    assert verify_encoded([mixed], cps, KEY).ok
    mixed[20] = (mixed[20][0] + b" ", *mixed[20][1:])
    result = verify_encoded([mixed], cps, KEY)
    assert (result.first_bad_seq, result.problem_kind) == (21, "edited")
