"""``trustdesk ledger``: verify the decision ledger, export a range of it, print its key.

These commands open the database named by TRUSTDESK_DATABASE_URL without migrating it and,
for ``verify``, without writing anything: a verification must not change what it verifies
(entries still pending in the outbox are counted, not sealed).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from trustdesk.cli.common import When, fail, instant
from trustdesk.errors import ConfigurationError, InputError, StoreError, TrustDeskError

if TYPE_CHECKING:
    from trustdesk.ledger.signing import LedgerSigner
    from trustdesk.settings import Settings
    from trustdesk.store.ledger_repository import SqlLedger


def _settings() -> Settings:
    from trustdesk.settings import load_settings

    return load_settings()


def _signer(settings: Settings) -> LedgerSigner:
    """The deployment's signing key, from its master key; never creates a master key."""
    from trustdesk.keys import master_key
    from trustdesk.ledger.signing import LedgerSigner

    if not settings.master_key and not settings.key_file.exists():
        raise ConfigurationError(
            "no master key: set TRUSTDESK_KEY_FILE to the deployment's key file (the server "
            "creates it on first start) or TRUSTDESK_MASTER_KEY"
        )
    return LedgerSigner.from_master(master_key(settings.master_key, settings.key_file))


def _ledger(settings: Settings, signer: LedgerSigner | None) -> SqlLedger:
    """The ledger of TRUSTDESK_DATABASE_URL, opened as it is: no migration, no new file."""
    from trustdesk.store.engine import make_engine, sqlite_file
    from trustdesk.store.ledger_repository import SqlLedger

    path = sqlite_file(settings.database_url)
    if path is not None and not path.exists():
        raise StoreError(f"no database at {path}; check TRUSTDESK_DATABASE_URL")
    return SqlLedger(make_engine(settings.database_url), signer)


@click.group()
def ledger() -> None:
    """The tamper-evident decision ledger (docs/ledger.md)."""


@ledger.command("verify")
@click.option(
    "--public-key",
    "public_key",
    default=None,
    help="Verify against this key (64 hex digits, or a file with hex or PEM) instead of the "
    "deployment's own; then no master key is needed.",
)
def verify(public_key: str | None) -> None:
    """Recompute the hash chain and every checkpoint signature (read-only).

    Prints 'OK <n> entries, <m> signed checkpoints' and exits 0, or 'FAILED at seq <n>:
    <problem>' and exits 1.
    """
    try:
        settings = _settings()
        if public_key is not None:
            key = _public_key_arg(public_key)
            store = _ledger(settings, None)  # reading needs no private key
        else:
            signer = _signer(settings)
            key = signer.public_key
            store = _ledger(settings, signer)
        result = store.verify(key)
        store.engine.dispose()
    except TrustDeskError as exc:
        fail(exc)
    click.echo(result.summary())
    if not result.ok:
        sys.exit(1)
    click.echo(
        f"head seq {result.head_seq}; {result.unsigned_tail} entries after the last signed "
        f"checkpoint; {result.pending} pending (not yet sealed)"
    )


def _public_key_arg(value: str) -> bytes:
    from trustdesk.ledger.signing import parse_public_key

    text = value
    if not (len(value.strip()) == 64 or value.strip().startswith("-----BEGIN")):
        try:
            text = Path(value).read_text(encoding="ascii")
        except (OSError, UnicodeDecodeError):
            raise InputError(
                "--public-key: give 64 hex digits, or a readable file holding hex or PEM"
            ) from None
    return parse_public_key(text)


@ledger.command("export")
@click.option("--since", type=When(), default=None, help="First day (or instant) to include.")
@click.option(
    "--until",
    type=When(),
    default=None,
    help="Last day to include (a date and time: the end, exclusive).",
)
@click.argument("file", type=click.Path(dir_okay=False, writable=True, path_type=Path))
def export(since: date | datetime | None, until: date | datetime | None, file: Path) -> None:
    """Write the entries recorded in a range, their checkpoints and a signature over the last
    one to FILE (JSON lines), verifiable with the public key alone:

        python -m trustdesk.ledger.verify_export FILE --public-key KEY

    The whole ledger is verified first; nothing is written if it does not verify.
    """
    from trustdesk.ledger.encoding import canonical_time
    from trustdesk.ledger.export import write_export

    start = instant(since, end_of_day=False)
    end = instant(until, end_of_day=True)
    if start is not None and end is not None and start >= end:
        fail(InputError("--since must be before --until"))
    try:
        settings = _settings()
        signer = _signer(settings)
        store = _ledger(settings, signer)
        checked = store.verify(signer.public_key)
        if not checked.ok:
            click.echo(checked.summary())
            click.echo("nothing exported: the ledger does not verify", err=True)
            sys.exit(1)
        since_text = canonical_time(start) if start else ""
        until_text = canonical_time(end) if end else "9999"
        with store.snapshot() as snap:
            found = snap.seq_range(since_text, until_text)
            if found is None:
                raise InputError("no ledger entries were recorded in that range")
            first, last = found
            summary = _write_atomically(
                file,
                lambda out: write_export(
                    out,
                    snap.entries(first, last),
                    snap.checkpoints(first, last),
                    signer,
                    first_seq=first,
                    last_seq=last,
                    prev_hash=snap.hash_before(first),
                    since=since_text,
                    until=until_text if end else "",
                    exported_at=canonical_time(datetime.now(UTC)),
                ),
            )
        store.engine.dispose()
    except TrustDeskError as exc:
        fail(exc)
    click.echo(
        f"exported {summary.entries} entries (seq {summary.first_seq} to {summary.last_seq}) "
        f"and {summary.checkpoints} checkpoints to {file}, signed by key {signer.key_id}"
    )


def _write_atomically(file: Path, write: Any) -> Any:
    """Write to a temporary file beside FILE, then rename: never a half-written export."""
    directory = file.resolve().parent
    fd, tmp = tempfile.mkstemp(prefix=".ledger-export-", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            result = write(out)
        os.replace(tmp, file)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return result


@ledger.command("public-key")
@click.option("--pem", is_flag=True, help="PEM (SubjectPublicKeyInfo) instead of hex.")
def public_key(pem: bool) -> None:
    """Print the ledger's Ed25519 public key: 64 hex digits (the raw 32-byte key), or PEM."""
    from trustdesk.ledger.signing import public_key_pem

    try:
        signer = _signer(_settings())
    except TrustDeskError as exc:
        fail(exc)
    click.echo(public_key_pem(signer.public_key).rstrip("\n") if pem else signer.public_key.hex())
