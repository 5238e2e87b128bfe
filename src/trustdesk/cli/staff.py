"""``trustdesk staff``: staff accounts, their passwords (console sign-in) and API tokens.

Passwords are never taken from the command line, where other users of the machine could read
them: they are typed at a hidden prompt (twice), read from standard input
(``--password-stdin``, for automation), or generated and printed once.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from trustdesk.cli.common import build_system, fail
from trustdesk.conversation.staff_auth import Role
from trustdesk.errors import ConflictError, InputError, TrustDeskError

if TYPE_CHECKING:
    from trustdesk.conversation.agents import AgentAccess

ROLES = tuple(role.value for role in Role)
DEMO_PREFIX = "demo-"


def _agents() -> AgentAccess:
    return build_system().agents


def _read_password(generate: bool, from_stdin: bool) -> tuple[str, bool]:
    """The new password and whether it was generated (and so must be printed)."""
    from trustdesk.conversation.staff_auth import generate_password

    if generate and from_stdin:
        raise InputError("use either --generate-password or --password-stdin, not both")
    if generate:
        return generate_password(), True
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            raise InputError("--password-stdin: nothing was read from standard input")
        return line.rstrip("\r\n"), False
    try:
        typed = click.prompt(
            "Password (12-256 characters)",
            hide_input=True,
            confirmation_prompt="Repeat the password",
            err=True,
        )
    except click.Abort:
        raise InputError(
            "no password was typed; type one at the prompt, or use --generate-password or "
            "--password-stdin"
        ) from None
    return str(typed), False


generate_option = click.option(
    "--generate-password",
    "generate",
    is_flag=True,
    help="Generate a random password and print it once.",
)
stdin_option = click.option(
    "--password-stdin",
    "from_stdin",
    is_flag=True,
    help="Read the password from the first line of standard input (for scripts).",
)


@click.group()
def staff() -> None:
    """Staff accounts: roles, console passwords and API tokens.

    Roles: agent, supervisor, auditor, privacy_officer, admin (docs/accountability.md says
    what each may do). Staff see personal data as placeholders; roles listed in the policy's
    privacy.reveal_roles may reveal originals, and every reveal is recorded.
    """


@staff.command("add")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(ROLES), help="What the member may do.")
@click.option("--display-name", default=None, help="The name customers see on their replies.")
@generate_option
@stdin_option
def add(name: str, role: str, display_name: str | None, generate: bool, from_stdin: bool) -> None:
    """Create NAME with a console password, and print its API token (shown only this once)."""
    from trustdesk.conversation.agents import check_display_name, check_name

    try:
        agents = _agents()
        # What can be refused is refused before anyone types a password.
        check_name(name)
        check_display_name(display_name)
        if agents.staff.by_name(name) is not None:
            raise ConflictError(f"a staff member named {name!r} already exists")
        password, generated = _read_password(generate, from_stdin)
        token = agents.add_staff(name, role, password=password, display_name=display_name)
    except TrustDeskError as exc:
        fail(exc)
    click.echo(f"created {name} ({role})")
    if generated:
        click.echo(f"password (shown only this once): {password}")
    click.echo("API token (store it now, it is not kept):")
    click.echo(token)


@staff.command("passwd")
@click.argument("name")
@generate_option
@stdin_option
def passwd(name: str, generate: bool, from_stdin: bool) -> None:
    """Set a new console password for NAME; its sessions end at once."""
    try:
        agents = _agents()
        password, generated = _read_password(generate, from_stdin)
        agents.set_password(name, password)
    except TrustDeskError as exc:
        fail(exc)
    click.echo(f"password changed for {name}; its sessions have ended")
    if generated:
        click.echo(f"password (shown only this once): {password}")


@staff.command("list")
def list_staff() -> None:
    """List staff accounts: name, role, display name, created, status, last sign-in."""
    try:
        rows = _agents().staff.list_staff()
    except TrustDeskError as exc:
        fail(exc)
    if not rows:
        click.echo("no staff accounts")
        return
    click.echo(
        f"{'NAME':<24} {'ROLE':<16} {'DISPLAY NAME':<24} {'CREATED':<20} {'STATUS':<9} LAST SIGN-IN"
    )
    for r in rows:
        role = r["role"] if r["role"] in ROLES else f"{r['role']}*"
        status = "disabled" if r["disabled"] else "active"
        last = _minute(r["last_sign_in_at"]) or ("never" if r["has_password"] else "no password")
        click.echo(
            f"{r['name']:<24} {role:<16} {r['display_name'] or '-':<24} "
            f"{_minute(r['created_at']):<20} {status:<9} {last}"
        )
    if any(r["role"] not in ROLES for r in rows):
        click.echo(
            "* not one of the roles (from before roles were fixed): it may do only what the "
            "policy's privacy role lists allow; move it with 'trustdesk staff set-role'"
        )


def _minute(iso: str | None) -> str:
    return iso[:16].replace("T", " ") if iso else ""


@staff.command("disable")
@click.argument("name")
def disable(name: str) -> None:
    """Disable NAME: its API token and its sessions stop working at once."""
    try:
        changed = _agents().disable(name)
    except TrustDeskError as exc:
        fail(exc)
    if not changed:
        click.echo(f"error: no active staff account named {name!r}", err=True)
        sys.exit(1)
    click.echo(f"disabled {name}")


@staff.command("rotate-token")
@click.argument("name")
def rotate_token(name: str) -> None:
    """Give NAME a new API token (printed once); the old one stops working at once."""
    try:
        token = _agents().rotate_token(name)
    except TrustDeskError as exc:
        fail(exc)
    click.echo(f"new API token for {name} (store it now, it is not kept; the old one is void):")
    click.echo(token)


@staff.command("set-role")
@click.argument("name")
@click.argument("role", type=click.Choice(ROLES))
def set_role(name: str, role: str) -> None:
    """Give NAME another role; it applies to their next request."""
    try:
        _agents().set_role(name, role)
    except TrustDeskError as exc:
        fail(exc)
    click.echo(f"{name} is now {role}")


@staff.command("demo-accounts")
def demo_accounts() -> None:
    """Create one demo account per role (demo-agent, demo-supervisor, ...) where missing, and
    print their passwords once. Used by ``make demo``; not for production."""
    from trustdesk.conversation.staff_auth import generate_password

    try:
        agents = _agents()
        existing = {r["name"] for r in agents.staff.list_staff()}
        created = []
        for role in ROLES:
            name = DEMO_PREFIX + role.replace("_", "-")
            if name in existing:
                continue
            password = generate_password()
            display = f"Demo {role.replace('_', ' ').title()}"
            agents.add_staff(name, role, password=password, display_name=display, by="cli")
            created.append((name, role, password))
    except TrustDeskError as exc:
        fail(exc)
    if created:
        click.echo("Demo staff accounts (passwords are shown only this once):")
        for name, role, password in created:
            click.echo(f"  {name:<24} {role:<16} {password}")
        click.echo('Sign in at POST /api/v1/staff/sign-in with {"name": …, "password": …}.')
    else:
        click.echo(
            "Demo staff accounts exist already (demo-agent, demo-supervisor, demo-auditor, "
            "demo-privacy-officer, demo-admin); new password: "
            "trustdesk staff passwd NAME --generate-password"
        )
