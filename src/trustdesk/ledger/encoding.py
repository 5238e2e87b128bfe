"""The ledger's canonical byte encoding and entry hash (format 1; docs/ledger.md).

An entry's hash is SHA-256, written as 64 lowercase hex digits, over the UTF-8 bytes of ten
values joined by line feeds (LF, byte 0x0A)::

    trustdesk-ledger-entry/1 LF seq LF occurred_at LF recorded_at LF actor LF kind LF
    conversation_id LF policy_version LF prev_hash LF details

No value ever contains a LF: the sealer refuses one, and details are canonical JSON (sorted keys,
no spaces, ASCII only), which escapes every control character. So an encoding holds exactly nine
LFs and splits back into its ten values one way only: no value can bleed into another, and
nobody without the signing key can rearrange values behind an unchanged hash. A missing
conversation or policy version is the empty string (stored ids are never empty). Times are UTC
with microseconds, ``2026-12-01T10:00:00.000000Z``. Verification hashes the stored details
text as it is: it never re-serialises JSON.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple

from trustdesk.errors import InputError

MAGIC = "trustdesk-ledger-entry/1"
GENESIS = "0" * 64
SEPARATORS = 9  # LFs in every encoding
MAX_DETAILS_CHARS = 32_768
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"

_ACTOR = re.compile(r"(?:ai|staff):[A-Za-z0-9._@:/+-]{1,64}|customer|system|cli")
_KIND = re.compile(r"[a-z][a-z_]{1,39}")
_ID = re.compile(r"[A-Za-z0-9._:+/=-]{1,100}")


class LedgerEntry(NamedTuple):
    """One sealed entry, fields in encoding order (a database row unpacks into it as is)."""

    seq: int
    occurred_at: str
    recorded_at: str
    actor: str
    kind: str
    conversation_id: str | None
    policy_version: str | None
    details: str
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class PendingEntry:
    """An entry waiting to be sealed: no sequence number or hashes yet. Build with
    :func:`pending_entry`, which validates and canonicalises."""

    occurred_at: str
    actor: str
    kind: str
    conversation_id: str | None
    policy_version: str | None
    details: str


def canonical_time(value: datetime) -> str:
    """UTC with microseconds and a ``Z``; a naive datetime is taken to be UTC already."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return value.strftime(TIME_FORMAT)


def canonical_details(details: Mapping[str, Any]) -> str:
    """Sorted keys, no spaces, ASCII only (non-ASCII as \\u escapes), no NaN or infinity."""
    try:
        return json.dumps(
            dict(details), sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False
        )
    except (TypeError, ValueError):
        raise InputError("ledger details must be JSON: strings, numbers, lists, objects") from None


def pending_entry(
    occurred_at: datetime,
    actor: str,
    kind: str,
    details: Mapping[str, Any],
    *,
    conversation_id: str | None = None,
    policy_version: str | None = None,
) -> PendingEntry:
    """A validated entry. Actors are ``ai:<backend>``, ``staff:<name>``, ``customer``,
    ``system`` or ``cli``; ids are short printable tokens; details a JSON object of ids,
    placeholders, counts and reasons in words (never personal data)."""
    if not _ACTOR.fullmatch(actor):
        raise InputError("ledger actor must be ai:<backend>, staff:<name>, customer, system or cli")
    if not _KIND.fullmatch(kind):
        raise InputError("ledger kind must be 2-40 lowercase letters or '_'")
    for name, value in (("conversation_id", conversation_id), ("policy_version", policy_version)):
        if value is not None and not _ID.fullmatch(value):
            raise InputError(f"ledger {name} must be 1-100 letters, digits or ._:+/=-")
    text = canonical_details(details)
    if len(text) > MAX_DETAILS_CHARS:
        raise InputError(f"ledger details must be at most {MAX_DETAILS_CHARS} characters as JSON")
    return PendingEntry(
        canonical_time(occurred_at), actor, kind, conversation_id, policy_version, text
    )


def encoding_text(
    seq: int,
    occurred_at: str,
    recorded_at: str,
    actor: str,
    kind: str,
    conversation_id: str | None,
    policy_version: str | None,
    details: str,
    prev_hash: str,
) -> str:
    """The canonical encoding as text (its UTF-8 bytes are what the hash covers)."""
    return (
        f"{MAGIC}\n{seq}\n{occurred_at}\n{recorded_at}\n{actor}\n{kind}\n"
        f"{conversation_id or ''}\n{policy_version or ''}\n{prev_hash}\n{details}"
    )


def encode(entry: LedgerEntry) -> bytes:
    """The canonical bytes of a sealed entry (what its hash covers)."""
    return encoding_text(*entry[:8], entry.prev_hash).encode("utf-8")


def entry_hash(
    seq: int,
    occurred_at: str,
    recorded_at: str,
    actor: str,
    kind: str,
    conversation_id: str | None,
    policy_version: str | None,
    details: str,
    prev_hash: str,
) -> str:
    """SHA-256 (hex) of the canonical encoding; refuses a value that contains a LF."""
    text = encoding_text(
        seq,
        occurred_at,
        recorded_at,
        actor,
        kind,
        conversation_id,
        policy_version,
        details,
        prev_hash,
    )
    if text.count("\n") != SEPARATORS:
        raise InputError("ledger values must not contain line breaks")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def seal(pending: PendingEntry, seq: int, recorded_at: str, prev_hash: str) -> LedgerEntry:
    """The sealed form of ``pending`` at ``seq`` after the entry whose hash is ``prev_hash``."""
    digest = entry_hash(
        seq,
        pending.occurred_at,
        recorded_at,
        pending.actor,
        pending.kind,
        pending.conversation_id,
        pending.policy_version,
        pending.details,
        prev_hash,
    )
    return LedgerEntry(
        seq,
        pending.occurred_at,
        recorded_at,
        pending.actor,
        pending.kind,
        pending.conversation_id,
        pending.policy_version,
        pending.details,
        prev_hash,
        digest,
    )


# The forms verification reads. A wire row holds the ten encoded values as text, in encoding
# order, then the stored hash and the sequence number as an integer: ``"\n".join(row[:10])`` is
# the encoding. Whoever builds one guarantees that row[1] == str(row[11]) (both come from the one
# seq column); the hash covers row[1].
WireRow = tuple[str, str, str, str, str, str, str, str, str, str, str, int]

# An encoded row is what the database query returns (see store.ledger_repository): the encoding
# itself, built by the query from the entry's columns, as its UTF-8 bytes or as text, then the
# stored prev_hash, hash and seq, taken from the same columns the encoding holds. Verification
# hashes the bytes as they are (text: encoded as UTF-8) and compares three values: no Python
# string building per entry.
EncodedRow = tuple[str | bytes, str, str, int]


def to_wire(entry: LedgerEntry) -> WireRow:
    """``entry`` in the form verification reads."""
    return (
        MAGIC,
        str(entry.seq),
        entry.occurred_at,
        entry.recorded_at,
        entry.actor,
        entry.kind,
        entry.conversation_id or "",
        entry.policy_version or "",
        entry.prev_hash,
        entry.details,
        entry.hash,
        entry.seq,
    )


def to_encoded(entry: LedgerEntry) -> EncodedRow:
    """``entry`` as an encoded row (what the database query returns for it)."""
    return (encoding_text(*entry[:8], entry.prev_hash), entry.prev_hash, entry.hash, entry.seq)
