"""What every ``trustdesk`` command shares."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

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


class When(click.ParamType["date | datetime", Any]):
    """A date (YYYY-MM-DD: the whole day, UTC) or an ISO 8601 date and time (UTC if no zone)."""

    name = "DATE"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> date | datetime:
        if isinstance(value, date | datetime):
            return value
        text = str(value).strip()
        try:
            if len(text) == 10:
                return date.fromisoformat(text)
            return datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            # Never echo the value: say what is expected instead.
            self.fail("expected a date (YYYY-MM-DD) or a date and time (ISO 8601)", param, ctx)


def instant(value: date | datetime | None, end_of_day: bool) -> datetime | None:
    """The option's value as an instant: a date starts its day, or ends it (``end_of_day``)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    start = datetime(value.year, value.month, value.day, tzinfo=UTC)
    return start + timedelta(days=1) if end_of_day else start
