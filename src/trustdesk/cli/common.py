"""What every ``trustdesk`` command shares."""

from __future__ import annotations

import sys
from typing import NoReturn

import click

from trustdesk.errors import TrustDeskError


def fail(exc: TrustDeskError) -> NoReturn:
    """Print the error (never personal data: messages are written for that) and exit with the
    error family's exit code."""
    click.echo(f"error: {exc}", err=True)
    sys.exit(exc.exit_code)
