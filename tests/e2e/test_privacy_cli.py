"""``trustdesk privacy`` run as an operator runs it, against a real SQLite database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from trustdesk.cli.main import main
from trustdesk.composition import build_system
from trustdesk.settings import Settings

EMAIL = "operator.test@example.com"


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    url = f"sqlite:///{tmp_path / 'ops.db'}"
    monkeypatch.setenv("TRUSTDESK_DATABASE_URL", url)
    monkeypatch.setenv("TRUSTDESK_KEY_FILE", str(tmp_path / "key"))
    settings = Settings(database_url=url, key_file=tmp_path / "key")
    system = build_system(settings)
    conv = system.service.start(customer_ref="acct-77").conversation
    system.service.handle_turn(conv.id, f"my email is {EMAIL}")
    system.engine.dispose()
    return settings


def test_export_writes_json_and_readable_html_with_the_customers_values(
    env: Settings, tmp_path: Path
) -> None:
    out = tmp_path / "exports"
    result = CliRunner().invoke(main, ["privacy", "export", "acct-77", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 conversation(s) exported" in result.output
    [json_file] = out.glob("*.json")
    [html_file] = out.glob("*.html")
    data = json.loads(json_file.read_text())
    assert any(EMAIL in m["text"] for m in data["conversations"][0]["messages"])
    html = html_file.read_text()
    assert EMAIL in html and "<script" not in html


def test_export_html_escapes_everything(env: Settings, tmp_path: Path) -> None:
    system = build_system(env)
    conv = system.service.start(customer_ref="acct-html").conversation
    system.service.handle_turn(conv.id, "<script>alert(1)</script> how do refunds work?")
    result = CliRunner().invoke(main, ["privacy", "export", "acct-html", "--out", str(tmp_path)])
    assert result.exit_code == 0
    [html_file] = tmp_path.glob("*.html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_file.read_text()


def test_erase_asks_for_confirmation_then_prints_a_receipt(env: Settings) -> None:
    refused = CliRunner().invoke(main, ["privacy", "erase", "acct-77"], input="n\n")
    assert refused.exit_code == 1 and "Aborted" in refused.output
    result = CliRunner().invoke(
        main, ["privacy", "erase", "acct-77", "--yes", "--received", "2026-11-20"]
    )
    assert result.exit_code == 0, result.output
    receipt = json.loads(result.output)
    assert receipt["erased"]["conversations"] == 1 and receipt["data_key_destroyed"] is True
    assert receipt["deadline"].startswith("2026-12-20") and "acct-77" not in result.output
    listed = CliRunner().invoke(main, ["privacy", "requests"])
    assert "erase" in listed.output and "deadline 2026-12-20" in listed.output


def test_purge_prints_counts_per_class(env: Settings) -> None:
    result = CliRunner().invoke(main, ["privacy", "purge"])
    assert result.exit_code == 0, result.output
    for data_class in ("transcripts", "vault", "decision_records", "consents"):
        assert f"{data_class}: 0 deleted" in result.output


def test_staff_accounts_are_created_listed_and_disabled(env: Settings) -> None:
    created = CliRunner().invoke(
        main, ["staff", "add", "jo", "--role", "supervisor", "--generate-password"]
    )
    assert created.exit_code == 0, created.output
    token = created.output.strip().splitlines()[-1]
    assert len(token) >= 40
    listed = CliRunner().invoke(main, ["staff", "list"])
    assert "jo" in listed.output and "supervisor" in listed.output and "active" in listed.output
    again = CliRunner().invoke(main, ["staff", "add", "jo", "--role", "agent"])
    assert again.exit_code != 0 and "already exists" in again.output
    assert CliRunner().invoke(main, ["staff", "disable", "jo"]).exit_code == 0
    assert "disabled" in CliRunner().invoke(main, ["staff", "list"]).output
    assert CliRunner().invoke(main, ["staff", "disable", "jo"]).exit_code == 1
