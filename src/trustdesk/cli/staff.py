"""``trustdesk staff``: accounts for the staff API."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import click

from trustdesk.cli.common import build_system, fail
from trustdesk.errors import TrustDeskError

if TYPE_CHECKING:
    from trustdesk.conversation.agents import StaffStore


def _store() -> StaffStore:
    return build_system().agents.staff


@click.group()
def staff() -> None:
    """Staff accounts. Staff see personal data as placeholders; roles listed in the policy's
    privacy.reveal_roles may reveal originals, and every reveal is recorded."""


@staff.command("add")
@click.argument("name")
@click.option("--role", required=True, help="e.g. agent, supervisor, privacy_officer")
def add(name: str, role: str) -> None:
    """Create NAME and print its access token (shown only this once)."""
    from trustdesk.conversation.agents import create_staff

    try:
        token = create_staff(_store(), name, role, datetime.now(UTC))
    except TrustDeskError as exc:
        fail(exc)
    click.echo(f"created {name} ({role}); access token (store it now, it is not kept):")
    click.echo(token)


@staff.command("list")
def list_staff() -> None:
    """List staff accounts and their roles."""
    try:
        rows = _store().list_staff()
    except TrustDeskError as exc:
        fail(exc)
    for r in rows:
        click.echo(f"{r['name']:<24} {r['role']:<16} {'disabled' if r['disabled'] else 'active'}")
    if not rows:
        click.echo("no staff accounts")


@staff.command("disable")
@click.argument("name")
def disable(name: str) -> None:
    """Disable NAME: its token stops working at once."""
    try:
        changed = _store().disable(name, datetime.now(UTC))
    except TrustDeskError as exc:
        fail(exc)
    if not changed:
        click.echo(f"error: no active staff account named {name!r}", err=True)
        sys.exit(1)
    click.echo(f"disabled {name}")
