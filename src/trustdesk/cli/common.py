"""What every ``trustdesk`` command shares."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from trustdesk.errors import TrustDeskError

if TYPE_CHECKING:
    from trustdesk.composition import System


def fail(exc: TrustDeskError) -> NoReturn:
    """Print the error (never personal data: messages are written for that) and exit with the
    error family's exit code."""
    click.echo(f"error: {exc}", err=True)
    sys.exit(exc.exit_code)


def build_system(policy_file: Path | None = None) -> System:
    """The system every command works on, from the one composition root
    (``trustdesk.composition.build``): settings from the environment, the policy named on the
    command line, else TRUSTDESK_POLICY_FILE, else the bundled demo; the database migrated."""
    from trustdesk.composition import build, resolve_policy
    from trustdesk.settings import load_settings

    settings = load_settings()
    system = build(settings, resolve_policy(settings, policy_file))
    context = click.get_current_context(silent=True)
    if context is not None:  # chain what the command recorded before it exits
        context.call_on_close(system.close)
    return system
