"""``trustdesk webhooks``: the delivery log, retries by hand, and a test ping."""

from __future__ import annotations

import re
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import click

from trustdesk.cli.common import build_system, fail
from trustdesk.errors import ConfigurationError, InputError, TrustDeskError
from trustdesk.webhooks.ports import DeliveryRecord, DeliveryStatus
from trustdesk.webhooks.sender import without_query

if TYPE_CHECKING:
    from trustdesk.store.webhook_repository import SqlWebhookStore

DELIVERY_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _store() -> SqlWebhookStore:
    from trustdesk.store.webhook_repository import SqlWebhookStore

    return SqlWebhookStore(build_system().engine)


def _when(moment: datetime | None) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%SZ") if moment else "-"


def _line(record: DeliveryRecord) -> str:
    if record.last_error:
        last = record.last_error
    elif record.last_status_code is not None:
        last = f"HTTP {record.last_status_code}"
    else:
        last = "-"
    pending = record.status is DeliveryStatus.PENDING
    return (
        f"{record.id}  {_when(record.created_at)}  {record.event_type:<18} "
        f"{record.status.value:<9} attempts={record.attempts:<2} last={last:<16} "
        f"next={_when(record.next_attempt_at) if pending else '-'}  "
        f"{without_query(record.url)}"
    )


@click.group()
def webhooks() -> None:
    """Outbound webhooks (docs/webhooks.md): TRUSTDESK_WEBHOOK_URLS, signed with
    TRUSTDESK_WEBHOOK_SECRET."""


@webhooks.command("log")
@click.option(
    "--status",
    type=click.Choice([s.value for s in DeliveryStatus]),
    default=None,
    help="Only deliveries in this state.",
)
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True)
@click.option("--show-payload", is_flag=True, help="Also print each delivery's JSON body.")
def log_command(status: str | None, limit: int, show_payload: bool) -> None:
    """The newest deliveries: id, time, event, state, attempts, last outcome, receiver."""
    try:
        records = _store().deliveries(DeliveryStatus(status) if status else None, limit)
    except TrustDeskError as exc:
        fail(exc)
    for record in records:
        click.echo(_line(record))
        if show_payload:
            click.echo(f"    {record.payload}")
    if not records:
        click.echo("no webhook deliveries")


@webhooks.command("retry")
@click.argument("delivery_id", metavar="ID")
def retry_command(delivery_id: str) -> None:
    """Make the failed delivery ID pending again, with a fresh count of attempts. A running
    server sends it within its poll interval (30 s)."""
    try:
        if not DELIVERY_ID.fullmatch(delivery_id):
            raise InputError(
                "a delivery id is a UUID such as 123e4567-e89b-42d3-a456-426614174000; "
                "`trustdesk webhooks log` lists them"
            )
        _store().retry(delivery_id, datetime.now(UTC))
    except TrustDeskError as exc:
        fail(exc)
    click.echo(f"delivery {delivery_id} is pending again")


@webhooks.command("test")
def test_command() -> None:
    """Send a signed ``ping`` to every URL in TRUSTDESK_WEBHOOK_URLS and print each result."""
    from trustdesk.settings import load_settings
    from trustdesk.webhooks.config import WebhookConfig
    from trustdesk.webhooks.dispatcher import send_ping
    from trustdesk.webhooks.sender import WebhookSender

    try:
        config = WebhookConfig.from_settings(load_settings())
        if config is None:
            raise ConfigurationError("no webhook URL is set: set TRUSTDESK_WEBHOOK_URLS")
    except TrustDeskError as exc:
        fail(exc)
    sender = WebhookSender(config.secret, config.timeout_s)
    try:
        results = send_ping(config, sender, datetime.now(UTC))
    finally:
        sender.close()
    for url, result in results:
        outcome = f"HTTP {result.status_code}" if result.ok else result.error
        click.echo(f"{'ok' if result.ok else 'FAILED':<6} {outcome:<16} {url}")
    if not all(result.ok for _, result in results):
        sys.exit(1)
