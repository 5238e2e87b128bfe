"""``trustdesk report``: reports for the public (docs/transparency.md).

``report transparency`` writes the transparency report — the same content as the public page
``/transparency`` — as a self-contained HTML file and a PDF, from the database named by
``TRUSTDESK_DATABASE_URL`` (read only) and the policy in force.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click

from trustdesk.cli.common import build_system, fail
from trustdesk.errors import TrustDeskError

OUT_DIR = click.Path(file_okay=False, path_type=Path)
HTML_NAME = "transparency.html"
PDF_NAME = "transparency.pdf"


def _write_atomically(file: Path, data: bytes) -> None:
    """Through a temporary file beside ``file``: a reader never sees half a report."""
    fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # a public report: readable as any new file is
        os.replace(tmp, file)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@click.group()
def report() -> None:
    """Reports for customers and the public."""


@report.command("transparency")
@click.option(
    "--out",
    "out_dir",
    type=OUT_DIR,
    required=True,
    help=f"Directory to write {HTML_NAME} and {PDF_NAME} to (made if missing).",
)
@click.option(
    "--period-days",
    type=click.IntRange(1, 3660),
    default=30,
    show_default=True,
    help="The figures cover the conversations started in this many days up to now.",
)
@click.option(
    "--policy",
    "policy_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Policy YAML file. [default: TRUSTDESK_POLICY_FILE, else the bundled demo policy]",
)
def transparency(out_dir: Path, period_days: int, policy_file: Path | None) -> None:
    """Write the transparency report (what the assistant does, how to reach a person, what is
    kept, aggregate figures with small groups left out, the latest audits, the policy) as HTML
    and PDF."""
    from trustdesk.reports.transparency import build_transparency_report
    from trustdesk.reports.transparency_render import (
        render_transparency_html,
        render_transparency_pdf,
    )

    try:
        system = build_system(policy_file)
        figures = system.transparency.compute(period_days)
        built = build_transparency_report(system.policy.policy, system.policy.version, figures)
        out_dir.mkdir(parents=True, exist_ok=True)
        html, pdf = out_dir / HTML_NAME, out_dir / PDF_NAME
        _write_atomically(html, render_transparency_html(built).encode("utf-8"))
        _write_atomically(pdf, render_transparency_pdf(built))
    except TrustDeskError as exc:
        fail(exc)
    except OSError as exc:
        raise click.ClickException(f"cannot write to {out_dir}: {exc.strerror}") from None
    shown = sum(1 for f in built.figures() if not f.suppressed)
    click.echo(
        f"wrote {html} and {pdf}: {built.period}; {shown} of {len(built.figures())} figures "
        f"shown (each left out rests on fewer than {built.min_group_size}); "
        f"policy {system.policy.version[:19]}"
    )
