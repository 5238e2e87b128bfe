"""The ledger's canonical encoding, entry hash and checkpoint signatures (no I/O)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta, timezone

import pytest

from trustdesk.errors import InputError
from trustdesk.ledger.encoding import (
    GENESIS,
    LedgerEntry,
    PendingEntry,
    canonical_details,
    canonical_time,
    encode,
    entry_hash,
    pending_entry,
    seal,
)
from trustdesk.ledger.signing import (
    LedgerSigner,
    checkpoint_message,
    key_id,
    parse_public_key,
    public_key_pem,
    signature_valid,
)

T0 = datetime(2026, 12, 1, 10, 0, 0, 123456, tzinfo=UTC)


def _entry(**changes: object) -> LedgerEntry:
    pending = pending_entry(
        T0, "ai:retrieval", "ai_reply", {"route": "assistant"}, conversation_id="c-1"
    )
    sealed = seal(pending, 1, "2026-12-01T10:00:01.000000Z", GENESIS)
    return sealed._replace(**changes)  # type: ignore[arg-type]


def test_encoding_is_the_documented_nine_lines_then_the_details() -> None:
    entry = _entry()
    assert encode(entry) == (
        b"trustdesk-ledger-entry/1\n1\n2026-12-01T10:00:00.123456Z\n"
        b"2026-12-01T10:00:01.000000Z\nai:retrieval\nai_reply\nc-1\n\n" + GENESIS.encode() + b"\n"
        b'{"route":"assistant"}'
    )
    assert entry.hash == hashlib.sha256(encode(entry)).hexdigest()


def test_every_field_changes_the_hash() -> None:
    base = _entry()
    for field, value in [
        ("seq", 2),
        ("occurred_at", "2026-12-01T10:00:00.123457Z"),
        ("recorded_at", "2026-12-01T10:00:01.000001Z"),
        ("actor", "ai:openai"),
        ("kind", "ai_decision"),
        ("conversation_id", "c-2"),
        ("policy_version", "sha256:ab"),
        ("details", '{"route":"handoff"}'),
        ("prev_hash", "1" * 64),
    ]:
        changed = base._replace(**{field: value})
        assert entry_hash(*changed[:8], changed.prev_hash) != base.hash, field


def test_a_line_break_cannot_move_a_value_from_one_field_to_the_next() -> None:
    # actor "staff:a" + LF + "claim" would encode exactly like actor "staff:a", kind "claim"
    # if values could hold line feeds: every encoding must hold exactly nine.
    with pytest.raises(InputError, match="line breaks"):
        entry_hash(1, "t", "t", "staff:a\nclaim", "", None, None, "{}", GENESIS)
    with pytest.raises(InputError, match="line breaks"):
        entry_hash(1, "t", "t", "cli", "claim", None, None, '{"a":\n1}', GENESIS)


def test_canonical_details_never_hold_a_line_feed() -> None:
    text = canonical_details({"note": "two\nlines\r\n", "k\n": ["\n"]})
    assert "\n" not in text and "\r" not in text


def test_a_missing_conversation_is_an_empty_line_and_empty_ids_are_refused() -> None:
    entry = seal(pending_entry(T0, "system", "purge", {}), 1, "r", GENESIS)
    assert b"\npurge\n\n\n" in encode(entry)
    with pytest.raises(InputError, match="conversation_id"):
        pending_entry(T0, "system", "purge", {}, conversation_id="")


def test_details_are_canonical_json_sorted_compact_and_ascii() -> None:
    assert canonical_details({"b": 1, "a": ["é", 1.5]}) == '{"a":["\\u00e9",1.5],"b":1}'
    with pytest.raises(InputError):
        canonical_details({"x": float("nan")})
    with pytest.raises(InputError):
        canonical_details({"x": object()})


def test_times_are_utc_with_microseconds_whatever_the_zone() -> None:
    plus_two = T0.astimezone(timezone(timedelta(hours=2)))
    assert canonical_time(plus_two) == "2026-12-01T10:00:00.123456Z"
    assert canonical_time(T0.replace(tzinfo=None, microsecond=0)) == "2026-12-01T10:00:00.000000Z"


@pytest.mark.parametrize(
    ("actor", "kind", "bad"),
    [
        ("robot-x9", "ai_reply", "robot-x9"),
        ("staff:jo smith", "claim", "jo smith"),
        ("cli", "Claim-Q7", "Claim-Q7"),
    ],
)
def test_actor_and_kind_are_validated_without_echoing_them(actor: str, kind: str, bad: str) -> None:
    with pytest.raises(InputError) as caught:
        pending_entry(T0, actor, kind, {})
    assert bad not in str(caught.value)


def test_oversized_details_are_refused() -> None:
    with pytest.raises(InputError, match="at most"):
        pending_entry(T0, "system", "purge", {"x": "a" * 40_000})


def test_pending_entry_holds_the_canonical_forms() -> None:
    entry = pending_entry(T0, "cli", "staff_change", {"z": 1, "a": 2}, policy_version="sha256:x")
    assert entry == PendingEntry(
        "2026-12-01T10:00:00.123456Z", "cli", "staff_change", None, "sha256:x", '{"a":2,"z":1}'
    )


def test_signer_is_derived_from_the_master_key_deterministically() -> None:
    a, b = LedgerSigner.from_master(b"m" * 32), LedgerSigner.from_master(b"m" * 32)
    other = LedgerSigner.from_master(b"n" * 32)
    assert a.public_key == b.public_key != other.public_key
    assert a.key_id == hashlib.sha256(a.public_key).hexdigest()[:16] == key_id(a.public_key)
    assert "m" * 8 not in repr(a) and a.key_id in repr(a)


def test_checkpoint_signature_covers_the_prefixed_seq_and_hash() -> None:
    signer = LedgerSigner.from_master(b"m" * 32)
    cp = signer.sign(100, "ab" * 32, "2026-12-01T10:00:00.000000Z")
    assert (
        checkpoint_message(100, "ab" * 32) == b"trustdesk-ledger-checkpoint/1\n100\n" + b"ab" * 32
    )
    assert signature_valid(signer.public_key, 100, "ab" * 32, cp.signature)
    assert not signature_valid(signer.public_key, 101, "ab" * 32, cp.signature)
    assert not signature_valid(signer.public_key, 100, "cd" * 32, cp.signature)
    assert not signature_valid(signer.public_key, 100, "ab" * 32, "00" * 64)
    assert not signature_valid(signer.public_key, 100, "ab" * 32, "not hex")
    other = LedgerSigner.from_master(b"n" * 32)
    assert not signature_valid(other.public_key, 100, "ab" * 32, cp.signature)


def test_public_key_round_trips_through_hex_and_pem() -> None:
    signer = LedgerSigner.from_master(b"m" * 32)
    assert parse_public_key(signer.public_key.hex()) == signer.public_key
    pem = public_key_pem(signer.public_key)
    assert pem.startswith("-----BEGIN PUBLIC KEY-----")
    assert parse_public_key(pem) == signer.public_key
    with pytest.raises(Exception, match="64 hex digits"):
        parse_public_key("abcd")
