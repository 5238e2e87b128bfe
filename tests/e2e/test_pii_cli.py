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


def _labelled(tmp_path: Path) -> Path:
    records = [
        {
            "text": "Hi, my name is Anna Schmidt, mail anna@mail.example",
            "spans": [
                {"start": 15, "end": 27, "entity": "PERSON"},
                {"start": 34, "end": 51, "entity": "EMAIL_ADDRESS"},
            ],
            "split": "dev",
        },
        {
            "text": "reach me at zq (at) mail (dot) example (dot) com",
            "spans": [{"start": 12, "end": 48, "entity": "EMAIL_ADDRESS"}],
            "split": "dev",
        },
        # A value the detector cannot know: listed as a miss, with its line.
        {
            "text": "the code word is Xylophone",
            "spans": [{"start": 17, "end": 26, "entity": "PERSON"}],
            "split": "final",
        },
    ]
    path = tmp_path / "labelled.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_eval_scores_per_entity_and_lists_the_misses(tmp_path: Path) -> None:
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(main, ["pii", "eval", str(_labelled(tmp_path)), "--json", str(out)])
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line.split() for line in result.output.splitlines() if line}
    assert rows["EMAIL_ADDRESS"][1:] == ["2", "2", "1.000", "1.000", "1.000"]
    assert rows["PERSON"][1:3] == ["2", "1"]
    assert "line 3 PERSON: the code word is ⟦Xylophone⟧" in result.output
    scores = json.loads(out.read_text())
    assert scores["messages"] == 3
    assert scores["entities"]["PERSON"]["redaction_recall"] == 0.5
    assert "Xylophone" not in out.read_text()  # the JSON holds scores, never texts


def test_eval_split_filters_records(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["pii", "eval", str(_labelled(tmp_path)), "--split", "dev", "--misses", "0"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("2 messages")
    assert "missed" not in result.output


def test_eval_reports_a_bad_file_by_line_and_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "abc", "spans": [{"start": 0, "end": 7, "entity": "X"}]}\n')
    result = CliRunner().invoke(main, ["pii", "eval", str(path)])
    assert result.exit_code == 2
    assert "line 1, span 0" in result.output
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    result = CliRunner().invoke(main, ["pii", "eval", str(empty)])
    assert result.exit_code == 2
    assert "no labelled records" in result.output
