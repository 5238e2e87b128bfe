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


def _print_evaluation(result: Any, misses: int) -> None:
    from trustdesk.privacy.evaluation import in_context

    def pct(value: float | None) -> str:
        return "     –" if value is None else f"{value:6.3f}"

    click.echo(f"{result.messages} messages")
    click.echo(f"{'entity':<27} {'values':>6} {'found':>6} {'prec':>6} {'recall':>6} {'redact':>6}")
    for entity, score in sorted(result.entities.items()):
        click.echo(
            f"{entity:<27} {score.values:6d} {score.detected:6d} {pct(score.precision)} "
            f"{pct(score.recall)} {pct(score.redaction_recall)}"
        )
    click.echo(
        f"{'all values':<27} {'':>6} {'':>6} {pct(result.span_precision)} {'':>6} "
        f"{pct(result.redaction_recall)}"
    )
    click.echo(
        "prec: detected spans at least half inside a labelled value of their entity (all "
        "values: of any entity); recall / redact: labelled values at least 90 % covered by "
        "detections of their entity / of any entity"
    )
    if result.unlabelled:
        found = ", ".join(f"{e} {n}" for e, n in sorted(result.unlabelled.items()))
        click.echo(f"found but never labelled in this file (not scored): {found}")
    for title, items in (("missed", result.misses), ("false alarms", result.false_alarms)):
        if not items or misses <= 0:
            continue
        click.echo(f"\n{title} ({len(items)}; first {min(misses, len(items))}):")
        for item in items[:misses]:
            seen = f" (detected as {', '.join(item.detected_as)})" if item.detected_as else ""
            seen = "" if title == "false alarms" else seen
            click.echo(f"  line {item.line} {item.entity}{seen}: {in_context(item)}")


@pii.command("eval")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@_POLICY
@click.option("--split", default=None, help="Only records whose 'split' field has this value.")
@click.option(
    "--misses",
    default=20,
    show_default=True,
    type=click.IntRange(min=0),
    help="How many missed values and false alarms to list (0: none).",
)
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Also write the scores (never the texts) as JSON to this file.",
)
def evaluate_file(
    file: str, policy_file: Path | None, split: str | None, misses: int, json_out: Path | None
) -> None:
    """Score detection on a labelled JSON Lines file.

    Each line: {"text": "...", "spans": [{"start": 0, "end": 5, "entity": "PERSON"}, ...]},
    optionally with a "split" field. Prints precision, recall and redaction recall per entity
    and lists the misses — with their text, so run it on your own evaluation data only.
    """
    from trustdesk.guards.registry import build_detector
    from trustdesk.policy.loader import bundled_policy_path, load_policy
    from trustdesk.privacy.evaluation import evaluate, read_labelled

    try:
        loaded = load_policy(policy_file if policy_file is not None else bundled_policy_path())
        detector = build_detector(loaded.policy, ())
        with click.open_file(file, encoding="utf-8") as handle:
            records = [
                r for r in read_labelled(handle) if split is None or r.meta.get("split") == split
            ]
    except TrustDeskError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    if not records:
        click.echo("error: no labelled records to score (check the file and --split)", err=True)
        sys.exit(2)
    result = evaluate(
        records, lambda text: [(s.start, s.end, s.entity) for s in detector.detect(text)]
    )
    _print_evaluation(result, misses)
    if json_out is not None:
        json_out.write_text(json.dumps(result.as_dict(), indent=2) + "\n", encoding="utf-8")
