"""``trustdesk audit history | show | signoff``: stored fairness audits (docs/fairness.md,
"History and sign-off"). For operators with access to the database; staff use the API."""

from __future__ import annotations

import json
from pathlib import Path

import click

from trustdesk.cli.audit import OUTPUT, _write_atomically
from trustdesk.cli.common import build_system, fail
from trustdesk.errors import TrustDeskError


@click.command("history")
@click.option(
    "--kind", type=click.Choice(["outcomes", "probe"]), default=None, help="Only this kind."
)
@click.option("--limit", type=click.IntRange(1, 1000), default=50, show_default=True)
@click.option(
    "--out",
    "out",
    type=OUTPUT,
    default=None,
    help="Also write an HTML page with the stored outcome runs and the impact-ratio trend of "
    "every group flagged in any of them.",
)
def history(kind: str | None, limit: int, out: Path | None) -> None:
    """List stored audit runs, newest first: id, kind, trigger, period, findings, sign-off."""
    from trustdesk.audit.trend import trend
    from trustdesk.reports.fairness import render_trend_html

    try:
        system = build_system()
        runs = system.audits.runs(kind, limit)
        if out is not None:
            series = system.audits.series("outcomes", limit)
            policy = system.policy.policy
            html = render_trend_html(
                [r for r in runs if r.kind == "outcomes"],
                trend(series),
                policy.organization.name,
                policy.fairness.impact_ratio_threshold,
            )
            _write_atomically(out, html)
    except TrustDeskError as exc:
        fail(exc)
    for r in runs:
        period = (
            f"{r.period_start.date() if r.period_start else '…'}"
            f"..{r.period_end.date() if r.period_end else '…'}"
        )
        signed = f"signed off by {r.signed_off_by}" if r.signed_off_by else "not signed off"
        click.echo(
            f"{r.id}  {r.kind:<8} {r.trigger:<8} {r.started_at.isoformat(timespec='minutes')}  "
            f"{period}  {r.findings} findings ({r.worst_severity or 'none'})  {signed}"
        )
    if not runs:
        click.echo("no stored audit runs")
    if out is not None:
        click.echo(f"trend: {out}")


@click.command("show")
@click.argument("run_id")
@click.option("--out", "out", type=OUTPUT, default=None, help="Write the run's HTML report.")
@click.option("--json", "json_out", type=OUTPUT, default=None, help="Write its stored JSON.")
def show(run_id: str, out: Path | None, json_out: Path | None) -> None:
    """Print a stored run's summary and digest; re-render its report (``--out``) or write its
    JSON exactly as stored (``--json``: its SHA-256 is the one in the ledger)."""
    from trustdesk.reports.audit_runs import render_run_html

    try:
        system = build_system()
        run = system.audits.get(run_id)
        if out is not None:
            _write_atomically(out, render_run_html(system.audits, run, system.policy.policy))
        if json_out is not None:
            _write_atomically(json_out, run.result or "")
    except TrustDeskError as exc:
        fail(exc)
    click.echo(json.dumps({**run.summary_json(), "sha256": run.digest}, indent=2))


@click.command("signoff")
@click.argument("run_id")
@click.option("--by", "by", required=True, help="Who signs off (recorded in the ledger).")
@click.option("--note", required=True, help="What was reviewed and decided (1-2000 chars).")
def signoff(run_id: str, by: str, note: str) -> None:
    """Sign a stored run off as its accountable owner; recorded in the decision ledger. A run
    is signed off once."""
    try:
        run = build_system().audits.sign_off(run_id, by, note, actor="cli")
    except TrustDeskError as exc:
        fail(exc)
    click.echo(f"signed off {run.id} by {run.signed_off_by}")
