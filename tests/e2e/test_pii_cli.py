"""``trustdesk pii scan`` and ``trustdesk pii redact``, run as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from trustdesk.cli.main import main

MESSAGES = "Hi, my name is Anna Schmidt, mail anna@mail.example\nNothing personal here\n"


def test_scan_prints_spans_per_line_and_never_the_values() -> None:
    result = CliRunner().invoke(main, ["pii", "scan"], input=MESSAGES)
    assert result.exit_code == 0, result.output
    first, second = (json.loads(line) for line in result.output.splitlines())
    assert [s["entity"] for s in first["spans"]] == ["PERSON", "EMAIL_ADDRESS"]
    assert set(first["spans"][0]) == {"start", "end", "entity", "score", "recognizer"}
    assert second == {"spans": []}
    assert "Anna" not in result.output and "anna@" not in result.output


def test_redact_prints_placeholders_line_by_line() -> None:
    result = CliRunner().invoke(main, ["pii", "redact", "-"], input=MESSAGES)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Hi, my name is [PERSON_1], mail [EMAIL_ADDRESS_1]",
        "Nothing personal here",
    ]


def test_redact_jsonl_replaces_only_the_text_field(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": 7, "text": "call me on +44 20 7946 0958"}) + "\n")
    result = CliRunner().invoke(main, ["pii", "redact", "--jsonl", str(source)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {"id": 7, "text": "call me on [PHONE_NUMBER_1]"}


def test_bad_json_line_names_the_line_and_exits_2() -> None:
    result = CliRunner().invoke(
        main, ["pii", "scan", "--jsonl"], input='{"text": "ok"}\nnot json\n'
    )
    assert result.exit_code == 2
    assert "line 2" in result.output


def test_missing_text_field_is_an_error() -> None:
    result = CliRunner().invoke(main, ["pii", "scan", "--jsonl"], input='{"body": "x"}\n')
    assert result.exit_code == 2
    assert "'text'" in result.output


def test_policy_option_uses_that_policys_entities(tmp_path: Path) -> None:
    from trustdesk.policy.loader import bundled_policy_path

    text = bundled_policy_path().read_text(encoding="utf-8")
    start = text.index("  redact_entities:")
    end = text.index("  phone_regions:")
    policy = tmp_path / "policy.yaml"
    policy.write_text(text[:start] + "  redact_entities: [EMAIL_ADDRESS]\n" + text[end:])
    result = CliRunner().invoke(main, ["pii", "scan", "--policy", str(policy)], input=MESSAGES)
    assert result.exit_code == 0, result.output
    assert [s["entity"] for s in json.loads(result.output.splitlines()[0])["spans"]] == [
        "EMAIL_ADDRESS"
    ]


def test_scan_runs_as_a_subprocess_from_a_file(tmp_path: Path) -> None:
    source = tmp_path / "messages.txt"
    source.write_text("Regards, Jürgen Schäfer\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "trustdesk.cli.main", "pii", "scan", str(source)],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["spans"][0]["entity"] == "PERSON"
