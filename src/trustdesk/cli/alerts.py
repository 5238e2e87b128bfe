"""``trustdesk alerts``: evaluate the policy's alert thresholds once (docs/metrics.md#alerts)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from trustdesk.cli.common import build_system, fail
from trustdesk.errors import TrustDeskError


@click.group()
def alerts() -> None:
    """Alerts: thresholds in the policy that open an incident and send ``alert.opened``."""


@alerts.command("check")
@click.option(
    "--policy",
    "policy_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Policy YAML file. [default: TRUSTDESK_POLICY_FILE, else the bundled demo policy]",
)
def check_command(policy_file: Path | None) -> None:
    """Evaluate every alert once, as the server does on its schedule: print each alert's
    outcome, and the incidents it opened. An alert whose incident is still open opens none."""
    try:
        system = build_system(policy_file)
        if not system.policy.policy.alerts.enabled:
            click.echo("alerts are switched off in the policy (alerts.enabled: false)")
            return
        results = system.alerts.check(datetime.now(UTC))
    except TrustDeskError as exc:
        fail(exc)
    for result in results:
        click.echo(result.describe())
    opened = sum(1 for r in results if r.outcome == "opened")
    click.echo(f"{opened} incident{'s' if opened != 1 else ''} opened")
