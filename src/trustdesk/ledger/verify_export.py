"""Verify a TrustDesk ledger export with the public key alone.

    python -m trustdesk.ledger.verify_export FILE --public-key KEY

KEY is the 64-hex-digit Ed25519 public key (``trustdesk ledger public-key``), or a file holding
it as hex or PEM. Exit status: 0 verified, 1 failed verification, 2 unusable input.

This file is deliberately standalone: it imports only the standard library and ``cryptography``,
so an auditor can copy it out, read all of it, and run it without TrustDesk installed. It follows
the procedure written in docs/ledger.md step by step.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

EXPORT_FORMAT = "trustdesk-ledger-export/1"
ENTRY_MAGIC = "trustdesk-ledger-entry/1"
CHECKPOINT_PREFIX = "trustdesk-ledger-checkpoint/1"
TEXT_FIELDS = ("occurred_at", "recorded_at", "actor", "kind", "details", "prev_hash", "hash")
OPTIONAL_FIELDS = ("conversation_id", "policy_version")


OK, FAILED, UNUSABLE = 0, 1, 2
Outcome = tuple[int, str]  # (exit status, the line to print)


def load_public_key(value: str) -> bytes | None:
    """64 hex digits, or a path to a file holding them or a PEM public key; None if neither."""
    text = value.strip()
    if len(text) != 64 or not all(c in "0123456789abcdefABCDEF" for c in text):
        try:
            text = Path(value).read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            return None
    if text.startswith("-----BEGIN"):
        try:
            key = serialization.load_pem_public_key(text.encode("ascii"))
        except ValueError:
            return None
        if not isinstance(key, Ed25519PublicKey):
            return None
        return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    try:
        raw = bytes.fromhex(text)
    except ValueError:
        return None
    return raw if len(raw) == 32 else None


def entry_hash(entry: dict[str, Any]) -> str | None:
    """Step 3 of docs/ledger.md: SHA-256 over the ten values joined by LF; None when a value
    contains a LF itself (no sealed entry's value does)."""
    text = "\n".join(
        (
            ENTRY_MAGIC,
            str(entry["seq"]),
            entry["occurred_at"],
            entry["recorded_at"],
            entry["actor"],
            entry["kind"],
            entry["conversation_id"] or "",
            entry["policy_version"] or "",
            entry["prev_hash"],
            entry["details"],
        )
    )
    if text.count("\n") != 9:
        return None
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def signature_ok(public_key: bytes, seq: int, entry_hash_hex: str, signature_hex: str) -> bool:
    """Step 5: Ed25519 over ``trustdesk-ledger-checkpoint/1 LF seq LF hash``."""
    message = f"{CHECKPOINT_PREFIX}\n{seq}\n{entry_hash_hex}".encode()
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(bytes.fromhex(signature_hex), message)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def read_records(path: Path) -> list[dict[str, Any]] | str:
    """Every line as a JSON object with a ``type``; or what is wrong with the file."""
    records = []
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    return f"line {number} is not JSON"
                if not isinstance(record, dict) or not isinstance(record.get("type"), str):
                    return f"line {number} is not a record with a type"
                records.append(record)
    except (OSError, UnicodeDecodeError):
        return f"cannot read {path} as UTF-8 text"
    return records


def _int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _entry_problem(entry: dict[str, Any]) -> str | None:
    for name in TEXT_FIELDS:
        if not isinstance(entry.get(name), str):
            return f"the entry's {name} is not text"
    for name in OPTIONAL_FIELDS:
        if entry.get(name) is not None and not isinstance(entry[name], str):
            return f"the entry's {name} is not text or null"
    return None


def _failed(seq: object, problem: str) -> Outcome:
    return FAILED, f"FAILED at seq {seq}: {problem}"


def verify(path: Path, public_key: bytes) -> Outcome:
    """Verify the export at ``path`` against ``public_key`` (raw 32 bytes)."""
    records = read_records(path)
    if isinstance(records, str):
        return UNUSABLE, records
    header = records[0] if records else None
    if header is None or header["type"] != "header" or header.get("format") != EXPORT_FORMAT:
        return UNUSABLE, f"the first line must be a {EXPORT_FORMAT} header"
    first, last, prev = header.get("first_seq"), header.get("last_seq"), header.get("prev_hash")
    if not (_int(first) and _int(last) and isinstance(prev, str)):
        return UNUSABLE, "the header needs integer first_seq and last_seq, and a prev_hash"
    assert isinstance(first, int) and isinstance(last, int)
    if header.get("public_key") != public_key.hex():
        return _failed(first, "the export was signed by a different key than the one given")
    key_id = hashlib.sha256(public_key).hexdigest()[:16]
    hashes: dict[int, str] = {}
    expected, checkpoints, final = first, 0, None
    for record in records[1:]:
        kind = record["type"]
        if kind == "entry":
            seq = record.get("seq")
            if final is not None or checkpoints:
                return _failed(seq, "an entry after the checkpoints (inserted)")
            if not _int(seq) or not isinstance(seq, int):
                return _failed(expected, "an entry without an integer seq")
            if seq != expected:
                where = "missing (deleted)" if seq > expected else "repeated or out of order"
                return _failed(expected, f"entry {expected} {where}")
            problem = _entry_problem(record)
            if problem:
                return _failed(seq, problem)
            if record["prev_hash"] != prev:
                return _failed(seq, "the entry does not follow the one before it")
            digest = entry_hash(record)
            if digest is None:
                return _failed(seq, "a value contains a line break")
            if digest != record["hash"]:
                return _failed(seq, "the entry does not match its hash (edited)")
            hashes[seq] = prev = record["hash"]
            expected += 1
        elif kind in ("checkpoint", "signature"):
            seq = record.get("seq")
            if not _int(seq) or not isinstance(seq, int) or seq not in hashes:
                return _failed(seq, f"a {kind} for an entry that is not in the export")
            if record.get("hash") != hashes[seq] or record.get("key_id") != key_id:
                return _failed(seq, f"the {kind} does not match the entry or the key")
            if not signature_ok(public_key, seq, hashes[seq], str(record.get("signature"))):
                return _failed(seq, f"bad {kind} signature")
            if kind == "signature":
                final = seq
            else:
                checkpoints += 1
        else:
            return UNUSABLE, "a record of an unknown type"
    if expected != last + 1:
        return _failed(expected, f"the export stops before seq {last} (deleted)")
    if final != last:
        return _failed(last, "no final signature over the last entry")
    return OK, (
        f"OK {last - first + 1} entries (seq {first} to {last}), {checkpoints} signed "
        f"checkpoints, final signature valid (key {key_id})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m trustdesk.ledger.verify_export",
        description="Verify a TrustDesk ledger export with the public key alone.",
    )
    parser.add_argument("file", type=Path, help="the export (JSON lines)")
    parser.add_argument(
        "--public-key", required=True, help="64 hex digits, or a file holding hex or PEM"
    )
    args = parser.parse_args(argv)
    public_key = load_public_key(args.public_key)
    if public_key is None:
        print(
            "error: --public-key: give 64 hex digits, or a file holding them or a PEM key",
            file=sys.stderr,
        )
        return UNUSABLE
    status, line = verify(args.file, public_key)
    print(
        line if status != UNUSABLE else f"error: {line}",
        file=sys.stderr if status == UNUSABLE else sys.stdout,
    )
    return status


if __name__ == "__main__":
    sys.exit(main())
