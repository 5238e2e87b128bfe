"""A third party verifies an export with the public key alone.

``independent_verify`` below follows the written procedure of docs/ledger.md using only hashlib
and cryptography: it imports nothing from trustdesk, so a mistake shared by the ledger code
and its shipped verifier cannot hide here.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Engine

from trustdesk.ledger.encoding import canonical_time, pending_entry
from trustdesk.ledger.export import write_export
from trustdesk.ledger.signing import LedgerSigner
from trustdesk.store.engine import migrate
from trustdesk.store.ledger_repository import SqlLedger

SIGNER = LedgerSigner.from_master(b"e" * 32)
T0 = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


# -- the documented procedure, written from docs/ledger.md alone ----------------------------


def independent_verify(lines: list[str], public_key_hex: str) -> str:
    """'OK' or the first problem found."""
    records = [json.loads(line) for line in lines]
    header, body = records[0], records[1:]
    if header["type"] != "header" or header["format"] != "trustdesk-ledger-export/1":
        return "not an export"
    if header["public_key"] != public_key_hex:
        return "another key"
    key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key_hex))
    key_id = hashlib.sha256(bytes.fromhex(public_key_hex)).hexdigest()[:16]
    prev, expected, hashes = header["prev_hash"], header["first_seq"], {}
    for r in (r for r in body if r["type"] == "entry"):
        if r["seq"] != expected:
            return f"seq {expected}: gap or order"
        if r["prev_hash"] != prev:
            return f"seq {expected}: link"
        fields = [
            "trustdesk-ledger-entry/1",
            str(r["seq"]),
            r["occurred_at"],
            r["recorded_at"],
            r["actor"],
            r["kind"],
            r["conversation_id"] or "",
            r["policy_version"] or "",
            r["prev_hash"],
        ]
        fields.append(r["details"])
        if any("\n" in f for f in fields):
            return f"seq {expected}: line break"
        data = "\n".join(fields).encode("utf-8")
        if hashlib.sha256(data).hexdigest() != r["hash"]:
            return f"seq {expected}: hash"
        hashes[r["seq"]] = prev = r["hash"]
        expected += 1
    if expected != header["last_seq"] + 1:
        return "short"
    signatures = [r for r in body if r["type"] in ("checkpoint", "signature")]
    if not signatures or signatures[-1]["type"] != "signature":
        return "no final signature"
    if signatures[-1]["seq"] != header["last_seq"]:
        return "final signature not over the last entry"
    for s in signatures:
        if hashes.get(s["seq"]) != s["hash"] or s["key_id"] != key_id:
            return f"seq {s['seq']}: signature target"
        message = f"trustdesk-ledger-checkpoint/1\n{s['seq']}\n{s['hash']}".encode("ascii")
        try:
            key.verify(bytes.fromhex(s["signature"]), message)
        except InvalidSignature:
            return f"seq {s['seq']}: signature"
    return "OK"


# -- a real export -------------------------------------------------------------------------


@pytest.fixture
def export_lines(engine: Engine, tmp_path: Path) -> list[str]:
    """Entries 1-23 sealed (checkpoints every 10); entries 4-17 exported."""
    migrate(engine)
    ledger = SqlLedger(engine, SIGNER, checkpoint_every=10)
    for i in range(23):
        ledger.append(
            [
                pending_entry(
                    T0,
                    "staff:jo" if i % 2 else "ai:retrieval",
                    "human_reply" if i % 2 else "ai_reply",
                    {"n": i, "placeholders": ["<EMAIL_ADDRESS_1>"], "note": "caf\u00e9"},
                    conversation_id=f"conv-{i % 3}",
                )
            ]
        )
    out = tmp_path / "export.jsonl"
    with ledger.snapshot() as snap, out.open("w", encoding="utf-8") as handle:
        summary = write_export(
            handle,
            snap.entries(4, 17),
            snap.checkpoints(4, 17),
            SIGNER,
            first_seq=4,
            last_seq=17,
            prev_hash=snap.hash_before(4),
            since="",
            until="",
            exported_at=canonical_time(datetime.now(UTC)),
        )
    assert (summary.entries, summary.checkpoints) == (14, 1)
    return out.read_text(encoding="utf-8").splitlines()


def _shipped_verifier(
    lines: list[str], tmp_path: Path, key: str
) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "checked.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "trustdesk.ledger.verify_export", str(path), "--public-key", key],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_real_export_verifies_with_the_documented_procedure(export_lines: list[str]) -> None:
    assert independent_verify(export_lines, SIGNER.public_key.hex()) == "OK"
    types = [json.loads(line)["type"] for line in export_lines]
    assert types == ["header"] + ["entry"] * 14 + ["checkpoint", "signature"]


def test_the_shipped_verifier_agrees(export_lines: list[str], tmp_path: Path) -> None:
    result = _shipped_verifier(export_lines, tmp_path, SIGNER.public_key.hex())
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("OK 14 entries (seq 4 to 17), 1 signed checkpoints")


def _tamper(lines: list[str], index: int, **changes: Any) -> list[str]:
    record = json.loads(lines[index])
    record.update(changes)
    return [*lines[:index], json.dumps(record), *lines[index + 1 :]]


TAMPERINGS = {
    "edited details": lambda lines: _tamper(lines, 5, details='{"n":"forged"}'),
    "edited actor": lambda lines: _tamper(lines, 3, actor="staff:mallory"),
    "deleted entry": lambda lines: lines[:6] + lines[7:],
    "reordered entries": lambda lines: [*lines[:6], lines[7], lines[6], *lines[8:]],
    "inserted entry": lambda lines: [*lines[:6], lines[6], *lines[6:]],
    "forged final signature": lambda lines: _tamper(lines, len(lines) - 1, signature="ab" * 64),
    "forged checkpoint": lambda lines: _tamper(lines, len(lines) - 2, signature="cd" * 64),
    "dropped final signature": lambda lines: lines[:-1],
    "truncated after a rewrite": lambda lines: lines[:10] + lines[-2:],
}


@pytest.mark.parametrize("how", list(TAMPERINGS))
def test_a_tampered_export_fails_both_verifiers(
    export_lines: list[str], tmp_path: Path, how: str
) -> None:
    tampered = TAMPERINGS[how](export_lines)
    assert independent_verify(tampered, SIGNER.public_key.hex()) != "OK"
    result = _shipped_verifier(tampered, tmp_path, SIGNER.public_key.hex())
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.startswith("FAILED at seq ")


def test_an_export_checked_against_another_key_fails(
    export_lines: list[str], tmp_path: Path
) -> None:
    other = LedgerSigner.from_master(b"x" * 32).public_key.hex()
    assert independent_verify(export_lines, other) != "OK"
    result = _shipped_verifier(export_lines, tmp_path, other)
    assert result.returncode == 1 and "different key" in result.stdout


def test_the_shipped_verifier_imports_no_trustdesk_code_but_itself() -> None:
    probe = (
        "import sys, trustdesk.ledger.verify_export as v; "
        "print(sorted(m for m in sys.modules if m.startswith('trustdesk')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == (
        "['trustdesk', 'trustdesk.ledger', 'trustdesk.ledger.verify_export']"
    )
