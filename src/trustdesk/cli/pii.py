"""``trustdesk pii``: find or redact personal data in text files, with a policy's settings.

Input is one message per line, or JSON Lines with a ``text`` field (``--jsonl``); ``-`` or no
FILE reads standard input. Output never contains a matched value in ``scan``; ``redact`` writes
placeholders such as ``[PERSON_1]``. Placeholders are numbered per message, under a random
per-process key, so the same value gets the same placeholder within one message and one run
only: the CLI keeps no vault and no state between runs.
"""

from __future__ import annotations

import json
import secrets
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from trustdesk.errors import TrustDeskError

if TYPE_CHECKING:
    from trustdesk.privacy.placeholders import PlaceholderRedactor

_KEY_BYTES = 32


def _redactor(policy_file: Path | None) -> PlaceholderRedactor:
    from trustdesk.guards.registry import build_redactor
    from trustdesk.policy.loader import bundled_policy_path, load_policy

    loaded = load_policy(policy_file if policy_file is not None else bundled_policy_path())
    return build_redactor(loaded.policy, secrets.token_bytes(_KEY_BYTES))


def _messages(handle: IO[str], jsonl: bool) -> Iterator[tuple[str, dict[str, Any] | None]]:
    """(text, the JSON object it came from or None), one per non-empty input line."""
    for number, line in enumerate(handle, start=1):
        line = line.rstrip("\n").rstrip("\r")
        if not jsonl:
            yield line, None
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise click.UsageError(f"line {number}: not valid JSON ({exc.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise click.UsageError(f"line {number}: expected an object with a string 'text' field")
        yield record["text"], record


def _run(file: str, jsonl: bool, policy_file: Path | None, redact: bool) -> None:
    try:
        redactor = _redactor(policy_file)
    except TrustDeskError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    from trustdesk.privacy.placeholders import PlaceholderState

    with click.open_file(file, encoding="utf-8") as handle:
        for text, record in _messages(handle, jsonl):
            result = redactor.redact(text, PlaceholderState())
            if not redact:
                spans = [
                    {
                        "start": r.start,
                        "end": r.end,
                        "entity": r.entity,
                        "score": r.score,
                        "recognizer": r.recognizer,
                    }
                    for r in result.replacements
                ]
                click.echo(json.dumps({"spans": spans}))
            elif record is None:
                click.echo(result.text)
            else:
                click.echo(json.dumps({**record, "text": result.text}, ensure_ascii=False))


_FILE = click.argument("file", default="-", type=click.Path(dir_okay=False, allow_dash=True))
_JSONL = click.option("--jsonl", is_flag=True, help="Input is JSON Lines with a 'text' field.")
_POLICY = click.option(
    "--policy",
    "policy_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Use this policy's privacy settings. [default: the bundled policy]",
)


@click.group()
def pii() -> None:
    """Find or redact personal data in text (one message per line)."""


@pii.command("scan")
@_FILE
@_JSONL
@_POLICY
def scan(file: str, jsonl: bool, policy_file: Path | None) -> None:
    """Print {"spans": [...]} per message: offsets, entity, score, recognizer; never the text."""
    _run(file, jsonl, policy_file, redact=False)


@pii.command("redact")
@_FILE
@_JSONL
@_POLICY
def redact(file: str, jsonl: bool, policy_file: Path | None) -> None:
    """Print each message with personal data replaced by placeholders like [EMAIL_ADDRESS_1]."""
    _run(file, jsonl, policy_file, redact=True)
