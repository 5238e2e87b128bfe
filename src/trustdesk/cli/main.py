"""The ``trustdesk`` command."""

from __future__ import annotations

from pathlib import Path

import click

import trustdesk
from trustdesk.cli.common import build_system, fail
from trustdesk.cli.pii import pii
from trustdesk.errors import InputError, TrustDeskError
from trustdesk.settings import Settings, load_settings

EXISTING_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
EXISTING_DIR = click.Path(exists=True, file_okay=False, path_type=Path)


def _settings() -> Settings:
    return load_settings()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(trustdesk.__version__, prog_name="trustdesk")
def main() -> None:
    """TrustDesk: AI customer support that discloses, protects personal data and hands off.

    Settings come from TRUSTDESK_* environment variables (see the README); what the business
    promises comes from the policy file.
    """


@main.command()
@click.option("--host", default=None, help="Interface to listen on.  [default: 127.0.0.1]")
@click.option("--port", type=click.IntRange(1, 65535), default=None, help="[default: 8000]")
@click.option(
    "--policy",
    "policy_file",
    type=EXISTING_FILE,
    default=None,
    help="Policy YAML file. [default: TRUSTDESK_POLICY_FILE, else the bundled demo policy]",
)
@click.option(
    "--kb",
    "kb_dir",
    type=EXISTING_DIR,
    default=None,
    help="Knowledge-base directory to ingest before serving. [default: keep the stored one; "
    "the bundled demo when none is stored]",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Server processes (PostgreSQL only when more than 1; see docs/operations.md).",
)
def serve(
    host: str | None,
    port: int | None,
    policy_file: Path | None,
    kb_dir: Path | None,
    workers: int,
) -> None:
    """Validate the policy, migrate the database and serve the chat page and API."""
    from trustdesk.web.server import run

    try:
        settings = _settings()
        run(
            settings,
            policy_file,
            kb_dir,
            host or settings.host,
            port or settings.port,
            workers,
            announce=click.echo,
        )
    except TrustDeskError as exc:
        fail(exc)


@main.group()
def policy() -> None:
    """Check and inspect policy files."""


@policy.command("check")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def policy_check(file: Path) -> None:
    """Validate FILE: print OK and its version, or every error with line and field."""
    from trustdesk.policy.loader import load_policy

    try:
        loaded = load_policy(file)
    except TrustDeskError as exc:
        fail(exc)
    click.echo(f"OK {file} {loaded.version}")


@main.group()
def kb() -> None:
    """Manage the knowledge base the assistant answers from."""


KB_LANGUAGE = click.Choice(["de", "en", "es", "fr", "it", "nl", "pt"])


@kb.command("ingest")
@click.argument("directory", type=EXISTING_DIR)
@click.option(
    "--language",
    type=KB_LANGUAGE,
    default=None,
    help="Store it as the knowledge base for customers writing in this language; without "
    "it, as the default knowledge base (for every language without one of its own).",
)
def kb_ingest(directory: Path, language: str | None) -> None:
    """Replace the stored knowledge base with the Markdown files in DIRECTORY.

    Each '## Section' of a file becomes one citable passage. Nothing is stored if any file
    is invalid. With --language, only that language's knowledge base is replaced; running
    servers pick up the change within TRUSTDESK_KB_REFRESH_S seconds.
    """
    from trustdesk.composition import ingest_knowledge

    try:
        count, version, phrased = ingest_knowledge(build_system().engine, directory, language or "")
    except TrustDeskError as exc:
        fail(exc)
    which = f" as the {language} knowledge base" if language else ""
    click.echo(f"ingested {count} passages from {directory}{which} ({version[:19]})")
    from trustdesk.assistant.knowledge import read_as_phrased

    click.echo(
        f"{phrased} of them list the ways customers ask for them ('asked' comments)"
        + ("" if read_as_phrased(phrased, count) else "; see docs/knowledge-base.md to add them")
    )


@kb.command("list")
def kb_list() -> None:
    """The stored knowledge bases: the default one and each language's own."""
    from trustdesk.store.repository import SqlKnowledgeStore

    try:
        stored = SqlKnowledgeStore(build_system().engine).languages()
    except TrustDeskError as exc:
        fail(exc)
    if not stored:
        click.echo("no knowledge base stored (`trustdesk kb ingest DIR`)")
    for language, (version, count) in stored.items():
        click.echo(f"{language or 'default':8} {count:6} passages  {version[:19]}")


@kb.command("remove")
@click.option("--language", type=KB_LANGUAGE, required=True, help="The language's own one.")
def kb_remove(language: str) -> None:
    """Delete a language's own knowledge base: its customers are answered from the default
    one again. (The default knowledge base is replaced with `kb ingest`, never removed.)"""
    from trustdesk.store.repository import SqlKnowledgeStore

    try:
        removed = SqlKnowledgeStore(build_system().engine).remove(language)
    except TrustDeskError as exc:
        fail(exc)
    if not removed:
        fail(InputError(f"no {language} knowledge base is stored"))
    click.echo(f"removed the {language} knowledge base ({removed} passages)")


@main.group()
def db() -> None:
    """Database maintenance."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Apply every pending migration to TRUSTDESK_DATABASE_URL."""
    try:
        build_system()  # building the system migrates the database
    except TrustDeskError as exc:
        fail(exc)
    click.echo("database is up to date")


from trustdesk.cli.alerts import alerts  # noqa: E402
from trustdesk.cli.audit import audit  # noqa: E402
from trustdesk.cli.audit_history import history, show, signoff  # noqa: E402
from trustdesk.cli.ledger import ledger  # noqa: E402
from trustdesk.cli.privacy import privacy  # noqa: E402
from trustdesk.cli.report import report  # noqa: E402
from trustdesk.cli.staff import staff  # noqa: E402
from trustdesk.cli.webhooks import webhooks  # noqa: E402

main.add_command(privacy)
main.add_command(ledger)
main.add_command(staff)
main.add_command(pii)
main.add_command(webhooks)
main.add_command(audit)
main.add_command(report)
main.add_command(alerts)
audit.add_command(history)
audit.add_command(show)
audit.add_command(signoff)

if __name__ == "__main__":
    main()
