"""``trustdesk audit``: fairness audits (docs/fairness.md).

``audit outcomes`` reads the conversations of a period (read-only), compares the outcomes of
the groups customers consented to be counted in, and writes an HTML report and JSON findings.
``audit probe`` sends a suite of counterfactual probes to an assistant (TrustDesk's own,
embedded; any OpenAI-compatible server; a TrustDesk-style API) and compares the replies.
"""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from trustdesk.cli.common import When, build_system, fail, instant
from trustdesk.errors import TrustDeskError

if TYPE_CHECKING:
    from trustdesk.audit.history import AuditRun
    from trustdesk.audit.targets import Target
    from trustdesk.audit.trend import Series
    from trustdesk.composition import EmbeddedTarget, System

OUTPUT = click.Path(dir_okay=False, writable=True, path_type=Path)


def _write_atomically(file: Path, text: str) -> None:
    """Write ``text`` to ``file`` through a temporary file beside it, so that a reader never
    sees half a report."""
    fd, tmp = tempfile.mkstemp(dir=file.parent or Path("."), prefix=f".{file.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, file)
    finally:
        Path(tmp).unlink(missing_ok=True)


@click.group()
def audit() -> None:
    """Fairness audits: outcomes across customer groups, probes of an assistant
    (docs/fairness.md)."""


@audit.command("outcomes")
@click.option("--since", type=When(), default=None, help="First day (or instant) to include.")
@click.option(
    "--until", type=When(), default=None, help="Last day to include (a date: the whole day)."
)
@click.option(
    "--by",
    "by",
    multiple=True,
    metavar="ATTR",
    help="An attribute of the policy's fairness section to group by; repeat for several "
    "(their pairs too, when the policy asks). [default: every declared attribute]",
)
@click.option("--out", "out", type=OUTPUT, required=True, help="The HTML report to write.")
@click.option("--json", "json_out", type=OUTPUT, required=True, help="The JSON file to write.")
@click.option(
    "--policy",
    "policy_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Policy YAML file. [default: TRUSTDESK_POLICY_FILE, else the bundled demo policy]",
)
@click.option(
    "--store",
    is_flag=True,
    help="Also store the run in the database (history, trends, sign-off; a ledger entry "
    "carries its SHA-256).",
)
@click.option(
    "--record-incidents",
    is_flag=True,
    help="With --store: open an incident for each finding at or above the policy's "
    "fairness.schedule.incidents_from (default: every finding), unless one is still open.",
)
def outcomes(
    since: date | datetime | None,
    until: date | datetime | None,
    by: tuple[str, ...],
    out: Path,
    json_out: Path,
    policy_file: Path | None,
    store: bool,
    record_incidents: bool,
) -> None:
    """Compare outcomes (handoffs, resolutions, approvals, waits, sentiment ...) across the
    groups customers chose to be counted in; flag impact ratios below the policy's threshold
    that are significant after Benjamini-Hochberg.

    Exits 0 whether or not there are findings; the summary line and the JSON say how many.
    """
    from trustdesk.audit.findings import run_outcome_audit
    from trustdesk.audit.outcomes import derive_outcomes
    from trustdesk.reports.fairness import render_outcome_audit_html, render_outcome_audit_json
    from trustdesk.store.outcome_reader import SqlOutcomeReader

    start, end = instant(since, False), instant(until, True)
    if record_incidents and not store:
        raise click.UsageError("--record-incidents needs --store")
    started_at = datetime.now(UTC)
    try:
        system = build_system(policy_file)
        policy = system.policy.policy
        fairness = policy.fairness
        source = SqlOutcomeReader(system.engine).load(start, end)
        table = derive_outcomes(source, fairness, policy.approvals.currency)
        result = run_outcome_audit(
            table,
            fairness,
            policy_version=system.policy.version,
            generated_at=datetime.now(UTC),
            by=by,
            since=start,
            until=end,
        )
        document = render_outcome_audit_json(result)
        stored = None
        if store:
            stored = system.audits.record(
                "outcomes",
                "manual",
                document,
                started_at=started_at,
                policy_version=system.policy.version,
                period_start=start,
                period_end=end,
            )
        history = _history(system, stored)
        html = render_outcome_audit_html(
            result, policy.organization.name, run=stored, history=history
        )
        _write_atomically(out, html)
        _write_atomically(json_out, document)
        opened = _record_incidents(system, stored) if record_incidents and stored else None
    except TrustDeskError as exc:
        fail(exc)
    counts = result.counts()
    click.echo(
        f"{result.conversations} conversations, {len(result.comparison.stats)} group results "
        f"({result.suppressed} groups suppressed); {len(result.findings)} findings "
        f"({counts['high']} high, {counts['medium']} medium)"
    )
    click.echo(f"report: {out}")
    click.echo(f"findings: {json_out}")
    if stored is not None:
        click.echo(f"stored: {stored.id} (sha256 {stored.digest})")
    if opened is not None:
        click.echo(f"incidents opened: {opened}")


def _history(system: System, stored: AuditRun | None) -> list[Series] | None:
    """Trend series across the stored outcome runs, when this run was stored."""
    from trustdesk.audit.trend import trend

    if stored is None:
        return None
    return trend(system.audits.series("outcomes"))


def _record_incidents(system: System, run: AuditRun) -> int:
    from trustdesk.audit.follow_up import record_finding_incidents
    from trustdesk.composition import audit_incident_opener
    from trustdesk.errors import ConfigurationError

    opener = audit_incident_opener(system)
    if opener is None:
        raise ConfigurationError("this version cannot open incidents from audit findings yet")
    schedule = system.policy.policy.fairness.schedule
    return record_finding_incidents(run, opener, schedule.incidents_from if schedule else "medium")


def _embedded_target(policy_file: Path | None, kb_dir: Path | None) -> EmbeddedTarget:
    """The policy, guard pipeline and backend of the composition root, built without a
    database: the knowledge base is read from ``kb_dir`` (default: the bundled demo), and
    placeholders are sealed with a key made for this run and thrown away."""
    from trustdesk.assistant.knowledge import bundled_kb_path, load_directory
    from trustdesk.composition import embedded_target, resolve_policy
    from trustdesk.settings import load_settings

    settings = load_settings()
    loaded = resolve_policy(settings, policy_file)
    passages = load_directory(kb_dir or bundled_kb_path())
    return embedded_target(settings, loaded, passages, os.urandom(32))


def _target(spec: str, model: str | None, api_key_env: str, timeout_s: float, suite_prompt: str,
            policy_file: Path | None, kb_dir: Path | None) -> Target:  # fmt: skip
    from trustdesk.composition import probe_target

    return probe_target(
        spec,
        model,
        os.environ.get(api_key_env) or None,
        timeout_s,
        suite_prompt,
        lambda: _embedded_target(policy_file, kb_dir),
    )


def _progress_bar(total: int) -> tuple[Any, Any]:
    """A rich progress bar on a terminal (nothing elsewhere); (context, advance)."""
    import contextlib
    import sys

    if not sys.stderr.isatty():
        return contextlib.nullcontext(), None
    try:
        from rich.console import Console
        from rich.progress import Progress
    except ImportError:  # rich is optional: no bar
        return contextlib.nullcontext(), None
    progress = Progress(transient=True, console=Console(stderr=True))
    task = progress.add_task("probing", total=total)
    return progress, lambda: progress.advance(task)


@audit.command("probe")
@click.option(
    "--target",
    "target_spec",
    required=True,
    metavar="TARGET",
    help="embedded | openai:BASE_URL (an OpenAI-compatible server, e.g. "
    "http://localhost:8000/v1) | http:URL (a TrustDesk-style conversation API).",
)
@click.option("--model", default=None, help="Model name for an openai: target.")
@click.option(
    "--api-key-env",
    default="OPENAI_API_KEY",
    show_default=True,
    help="Environment variable holding the openai: target's API key (if it needs one).",
)
@click.option("--suite", "suite_name", default="default", show_default=True)
@click.option(
    "--scenarios",
    type=click.IntRange(min=1),
    default=None,
    help="Use only the suite's first N scenarios (a quick check). [default: all]",
)
@click.option(
    "--repeats",
    type=click.IntRange(min=1, max=100),
    default=1,
    show_default=True,
    help="Send every probe K times (for targets that sample).",
)
@click.option("--concurrency", type=click.IntRange(min=1, max=64), default=8, show_default=True)
@click.option("--timeout", "timeout_s", type=click.FloatRange(min=1), default=60.0,
              show_default=True, help="Seconds per request.")  # fmt: skip
@click.option("--out", "out", type=OUTPUT, required=True, help="The HTML report to write.")
@click.option("--json", "json_out", type=OUTPUT, required=True, help="The JSON file to write.")
@click.option(
    "--policy",
    "policy_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Policy YAML for --target embedded. [default: TRUSTDESK_POLICY_FILE, else the demo]",
)
@click.option(
    "--kb",
    "kb_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Knowledge-base directory for --target embedded. [default: the bundled demo]",
)
@click.option(
    "--store",
    is_flag=True,
    help="Also store the run in the database named by TRUSTDESK_DATABASE_URL (history, "
    "sign-off; a ledger entry carries its SHA-256).",
)
@click.option(
    "--record-incidents",
    is_flag=True,
    help="With --store: open an incident for each finding at or above the policy's "
    "fairness.schedule.incidents_from (default: every finding), unless one is still open.",
)
def probe(
    target_spec: str,
    model: str | None,
    api_key_env: str,
    suite_name: str,
    scenarios: int | None,
    repeats: int,
    concurrency: int,
    timeout_s: float,
    out: Path,
    json_out: Path,
    policy_file: Path | None,
    kb_dir: Path | None,
    store: bool,
    record_incidents: bool,
) -> None:
    """Send the suite's scenarios to an assistant with one cue changed at a time (a name, an
    age, a disability, the variety of English) and compare the replies with paired tests;
    flag variants treated worse (impact ratio below 0.8, significant after
    Benjamini-Hochberg). Writes nothing but the two files (and, with --store, the stored run
    and its ledger entry).

    Exits 0 whether or not there are findings, 2 when the target cannot be reached.
    """
    from trustdesk.audit.probe import run_probe_audit
    from trustdesk.audit.suites import load_suite
    from trustdesk.composition import EmbeddedTarget
    from trustdesk.reports.audit_runs import render_run_html
    from trustdesk.reports.fairness import render_probe_audit_html, render_probe_audit_json

    if record_incidents and not store:
        raise click.UsageError("--record-incidents needs --store")
    started_at = datetime.now(UTC)
    stored = None
    opened = None
    try:
        suite = load_suite(suite_name)
        if scenarios is not None:
            suite = suite.subset(scenarios)
        target = _target(target_spec, model, api_key_env, timeout_s, suite.system_prompt,
                         policy_file, kb_dir)  # fmt: skip
        if isinstance(target, EmbeddedTarget):
            concurrency = 1  # one turn at a time: the run is CPU-bound in this process
        total = len(suite.probes()) * repeats
        bar, advance = _progress_bar(total)
        with bar:
            result = run_probe_audit(
                target, suite, datetime.now(UTC), repeats, concurrency, progress=advance
            )
        document = render_probe_audit_json(result)
        html = render_probe_audit_html(result)
        if store:
            system = build_system(policy_file)
            stored = system.audits.record(
                "probe",
                "manual",
                document,
                started_at=started_at,
                policy_version=system.policy.version,
                suite_version=suite.version,
            )
            html = render_run_html(system.audits, stored, system.policy.policy)
        _write_atomically(out, html)
        _write_atomically(json_out, document)
        if record_incidents and stored is not None:
            opened = _record_incidents(system, stored)
    except TrustDeskError as exc:
        fail(exc)
    counts = result.counts()
    click.echo(
        f"{result.replies} replies from {result.target} ({len(suite.scenarios)} scenarios x "
        f"{repeats} repeats); {len(result.findings)} findings "
        f"({counts['high']} high, {counts['medium']} medium)"
    )
    click.echo(f"report: {out}")
    click.echo(f"findings: {json_out}")
    if stored is not None:
        click.echo(f"stored: {stored.id} (sha256 {stored.digest})")
    if opened is not None:
        click.echo(f"incidents opened: {opened}")
