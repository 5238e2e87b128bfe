"""``trustdesk privacy``: retention purges and data subject requests."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from trustdesk.cli.common import build_system, fail
from trustdesk.errors import TrustDeskError
from trustdesk.settings import load_settings

if TYPE_CHECKING:
    from trustdesk.privacy.requests import PrivacyService

POLICY_OPTION = click.option(
    "--policy",
    "policy_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Policy YAML (retention periods). [default: TRUSTDESK_POLICY_FILE, else the bundled one]",
)
RECEIVED_OPTION = click.option(
    "--received",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="When the customer made the request (YYYY-MM-DD); the one-month deadline runs from "
    "it. [default: now]",
)


def _received(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=UTC) if value else None


def _service(policy_file: Path | None) -> PrivacyService:
    return build_system(policy_file).privacy


@click.group()
def privacy() -> None:
    """Retention purges and data subject requests (export, erasure).

    CUSTOMER is a vouched customer's reference (all their conversations: the customer_ref
    your backend vouched for), or conversation:<id> for one conversation.
    """


@privacy.command()
@POLICY_OPTION
def purge(policy_file: Path | None) -> None:
    """Delete everything older than its retention period, and log counts per class.

    Never at the same time as a server's scheduled purge: if one is running, nothing is done.
    """
    from trustdesk.web.scheduler import purge_lock

    counts: dict[str, int] = {}
    try:
        system = build_system(policy_file)
        with purge_lock(system.engine).attempt() as held:
            if held:
                counts = system.privacy.purge()
    except TrustDeskError as exc:
        fail(exc)
    if not held:
        click.echo("error: another process is purging right now; nothing was done", err=True)
        sys.exit(1)
    for data_class, deleted in counts.items():
        click.echo(f"{data_class}: {deleted} deleted")


@privacy.command()
@click.argument("customer")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Directory for the JSON and HTML files.",
)
@RECEIVED_OPTION
@POLICY_OPTION
def export(customer: str, out: Path, received: datetime | None, policy_file: Path | None) -> None:
    """Write everything held about CUSTOMER: JSON (portable) and a readable HTML page."""
    from trustdesk.composition import resolve_policy
    from trustdesk.reports.export import render_export_html

    try:
        service = _service(policy_file)
        result = service.export(service.resolve(customer), _received(received))
        organization = resolve_policy(load_settings(), policy_file).policy.organization.name
    except TrustDeskError as exc:
        fail(exc)
    out.mkdir(parents=True, exist_ok=True)
    data = result.to_json()
    json_path = out / f"export-{result.request_id}.json"
    html_path = out / f"export-{result.request_id}.html"
    json_path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    html_path.write_text(render_export_html(data, organization), encoding="utf-8")
    click.echo(f"{len(data['conversations'])} conversation(s) exported")
    click.echo(str(json_path))
    click.echo(str(html_path))


@privacy.command()
@click.argument("customer")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@RECEIVED_OPTION
@POLICY_OPTION
def erase(customer: str, yes: bool, received: datetime | None, policy_file: Path | None) -> None:
    """Erase CUSTOMER's data everywhere, destroy their data key, and print the receipt."""
    if not yes:
        click.confirm(f"Erase all data of {customer}? This cannot be undone", abort=True)
    try:
        service = _service(policy_file)
        receipt = service.erase(service.resolve(customer), _received(received))
    except TrustDeskError as exc:
        fail(exc)
    click.echo(json.dumps(receipt, indent=2))


@privacy.command()
@POLICY_OPTION
def requests(policy_file: Path | None) -> None:
    """List data subject requests with their legal deadline (one month)."""
    try:
        rows = _service(policy_file).requests()
    except TrustDeskError as exc:
        fail(exc)
    if not rows:
        click.echo("no requests")
    for r in rows:
        state = "done " + r["completed_at"][:10] if r["completed_at"] else "OPEN"
        if r["overdue"]:
            state = "OVERDUE"
        click.echo(
            f"{r['id']}  {r['kind']:<6}  received {r['received_at'][:10]}  "
            f"deadline {r['deadline'][:10]}  {state}"
        )
