"""``trustdesk ledger`` run as an operator and an auditor run it, on a real SQLite database."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from trustdesk.cli.main import main
from trustdesk.composition import build_system
from trustdesk.keys import master_key
from trustdesk.ledger.encoding import pending_entry
from trustdesk.ledger.signing import LedgerSigner
from trustdesk.settings import Settings
from trustdesk.store.ledger_repository import SqlLedger
from trustdesk.store.transactions import write


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SqlLedger:
    """A deployment (database + key file) whose ledger holds 120 entries, 2 pending."""
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    monkeypatch.setenv("TRUSTDESK_DATABASE_URL", url)
    monkeypatch.setenv("TRUSTDESK_KEY_FILE", str(tmp_path / "key"))
    monkeypatch.delenv("TRUSTDESK_MASTER_KEY", raising=False)
    settings = Settings(database_url=url, key_file=tmp_path / "key")
    system = build_system(settings)
    signer = LedgerSigner.from_master(master_key(None, settings.key_file))
    # A checkpoint every 100 entries, so that 120 hold one signed checkpoint and an unsigned tail.
    ledger = SqlLedger(system.engine, signer, checkpoint_every=100)
    now = datetime.now(UTC)
    ledger.append(
        [
            pending_entry(now, "system", "purge", {"data_class": "vault", "deleted": i})
            for i in range(120)
        ]
    )
    ledger.add_pending([pending_entry(now, "cli", "staff_change", {"change": "added"})] * 2)
    return ledger


def test_verify_prints_ok_with_counts_and_changes_nothing(env: SqlLedger) -> None:
    result = CliRunner().invoke(main, ["ledger", "verify"])
    assert result.exit_code == 0, result.output
    first, second = result.output.splitlines()
    assert first == "OK 120 entries, 1 signed checkpoints"
    assert "20 entries after the last signed checkpoint" in second and "2 pending" in second
    assert env.pending_count() == 2 and env.head()[0] == 120  # read-only: nothing sealed


def test_verify_names_the_first_edited_seq_and_exits_1(env: SqlLedger) -> None:
    with write(env.engine) as conn:
        conn.execute(text("UPDATE ledger_entries SET details = '{}' WHERE seq = 57"))
    result = CliRunner().invoke(main, ["ledger", "verify"])
    assert result.exit_code == 1
    assert result.output.startswith("FAILED at seq 57: edited")


def test_verify_names_a_deleted_seq(env: SqlLedger) -> None:
    with write(env.engine) as conn:
        conn.execute(text("DELETE FROM ledger_entries WHERE seq = 33"))
    result = CliRunner().invoke(main, ["ledger", "verify"])
    assert result.exit_code == 1 and result.output.startswith("FAILED at seq 33: deleted")


def test_public_key_prints_hex_or_pem(env: SqlLedger) -> None:
    assert env.signer is not None
    hex_key = CliRunner().invoke(main, ["ledger", "public-key"])
    assert hex_key.exit_code == 0 and hex_key.output.strip() == env.signer.public_key.hex()
    pem = CliRunner().invoke(main, ["ledger", "public-key", "--pem"])
    assert pem.exit_code == 0
    assert pem.output.startswith("-----BEGIN PUBLIC KEY-----")
    assert pem.output.rstrip().endswith("-----END PUBLIC KEY-----")


def test_an_auditor_verifies_with_the_public_key_alone(
    env: SqlLedger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert env.signer is not None
    pem = CliRunner().invoke(main, ["ledger", "public-key", "--pem"]).output
    key_file = tmp_path / "ledger.pem"
    key_file.write_text(pem)
    monkeypatch.setenv("TRUSTDESK_KEY_FILE", str(tmp_path / "no-such-key"))
    for key in (env.signer.public_key.hex(), str(key_file)):
        result = CliRunner().invoke(main, ["ledger", "verify", "--public-key", key])
        assert result.exit_code == 0, result.output
        assert result.output.startswith("OK 120 entries, 1 signed checkpoints")
    other = LedgerSigner.from_master(b"z" * 32).public_key.hex()
    result = CliRunner().invoke(main, ["ledger", "verify", "--public-key", other])
    assert result.exit_code == 1 and "bad checkpoint signature" in result.output
    assert not (tmp_path / "no-such-key").exists()


def test_without_a_master_key_commands_say_so_and_create_none(
    env: SqlLedger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "elsewhere" / "key"
    monkeypatch.setenv("TRUSTDESK_KEY_FILE", str(missing))
    for command in (["verify"], ["public-key"]):
        result = CliRunner().invoke(main, ["ledger", *command])
        assert result.exit_code == 2 and "no master key" in result.output
    assert not missing.exists()


def test_verify_of_a_missing_database_creates_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env: SqlLedger
) -> None:
    missing = tmp_path / "typo.db"
    monkeypatch.setenv("TRUSTDESK_DATABASE_URL", f"sqlite:///{missing}")
    result = CliRunner().invoke(main, ["ledger", "verify"])
    assert result.exit_code != 0 and "no database" in result.output
    assert not missing.exists()


def test_export_then_third_party_verification(env: SqlLedger, tmp_path: Path) -> None:
    assert env.signer is not None
    out = tmp_path / "audit" / "ledger.jsonl"
    out.parent.mkdir()
    today = datetime.now(UTC).date()  # after the fixture wrote: a run across midnight is covered
    since, until = (today - timedelta(days=1)).isoformat(), today.isoformat()
    result = CliRunner().invoke(
        main, ["ledger", "export", "--since", since, "--until", until, str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "exported 120 entries (seq 1 to 120) and 1 checkpoints" in result.output
    header = json.loads(out.read_text().splitlines()[0])
    assert header["public_key"] == env.signer.public_key.hex()
    assert header["since"] == f"{since}T00:00:00.000000Z"
    assert header["until"] == f"{(today + timedelta(days=1)).isoformat()}T00:00:00.000000Z"
    assert list(out.parent.iterdir()) == [out]  # no temporary file left behind
    checked = subprocess.run(
        [
            sys.executable,
            "-m",
            "trustdesk.ledger.verify_export",
            str(out),
            "--public-key",
            env.signer.public_key.hex(),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.startswith("OK 120 entries (seq 1 to 120), 1 signed checkpoints")


def test_export_of_an_empty_range_writes_nothing(env: SqlLedger, tmp_path: Path) -> None:
    out = tmp_path / "old.jsonl"
    result = CliRunner().invoke(
        main, ["ledger", "export", "--since", "2001-01-01", "--until", "2001-12-31", str(out)]
    )
    assert result.exit_code == 1 and "no ledger entries" in result.output
    assert not out.exists()


def test_export_refuses_a_ledger_that_does_not_verify(env: SqlLedger, tmp_path: Path) -> None:
    with write(env.engine) as conn:
        conn.execute(text("UPDATE ledger_entries SET actor = 'cli' WHERE seq = 12"))
    out = tmp_path / "ledger.jsonl"
    result = CliRunner().invoke(main, ["ledger", "export", str(out)])
    assert result.exit_code == 1
    assert "FAILED at seq 12: edited" in result.output and "nothing exported" in result.output
    assert not out.exists() and list(tmp_path.glob(".ledger-export-*")) == []


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--since", "yesterday-ish<script>"], 2),
        (["--until", "2026-13-45"], 2),
        (["--since", "2026-12-02", "--until", "2026-12-01"], 1),
    ],
)
def test_bad_dates_are_refused_without_echoing_them(
    env: SqlLedger, tmp_path: Path, args: list[str], code: int
) -> None:
    out = tmp_path / "x.jsonl"
    result = CliRunner().invoke(main, ["ledger", "export", *args, str(out)])
    assert result.exit_code == code and not out.exists()
    assert "<script>" not in result.output and "2026-13-45" not in result.output
    assert "expected a date" in result.output or "--since must be before --until" in result.output


@pytest.mark.parametrize(
    "args", [["ledger"], *[["ledger", c] for c in ("verify", "export", "public-key")]]
)
def test_every_ledger_command_has_help(args: list[str]) -> None:
    result = CliRunner().invoke(main, [*args, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output


def test_the_export_date_type_accepts_dates_and_instants() -> None:
    from trustdesk.cli.common import instant as _instant

    day = date(2026, 12, 1)
    assert _instant(day, end_of_day=False) == datetime(2026, 12, 1, tzinfo=UTC)
    assert _instant(day, end_of_day=True) == datetime(2026, 12, 2, tzinfo=UTC)
    naive = datetime(2026, 12, 1, 8, 30)
    assert _instant(naive, end_of_day=True) == naive.replace(tzinfo=UTC)
