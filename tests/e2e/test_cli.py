"""The ``trustdesk`` command, run as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from trustdesk.cli.main import main
from trustdesk.policy.loader import bundled_policy_path
from trustdesk.store.engine import make_engine
from trustdesk.store.repository import SqlKnowledgeStore


def _run(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trustdesk.cli.main", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        cwd=cwd,
    )


def test_policy_check_prints_ok_and_the_version() -> None:
    result = CliRunner().invoke(main, ["policy", "check", str(bundled_policy_path())])
    assert result.exit_code == 0
    assert result.output.startswith("OK ") and "sha256:" in result.output


def test_policy_check_lists_every_error_and_exits_non_zero(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    text = bundled_policy_path().read_text(encoding="utf-8")
    bad.write_text(
        text.replace("max_message_chars: 4000", "max_message_chars: lots\n  colour: red")
    )
    result = CliRunner().invoke(main, ["policy", "check", str(bad)])
    assert result.exit_code == 2
    assert f"invalid policy {bad}" in result.output
    line = text.splitlines().index("  max_message_chars: 4000") + 1
    assert f"line {line}, field limits.max_message_chars:" in result.output
    assert f"line {line + 1}, field limits.colour: Extra inputs are not permitted" in result.output


def test_serve_refuses_an_invalid_policy_naming_the_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("policy_name: x\n")
    result = _run(
        "serve",
        "--policy",
        str(bad),
        env={"TRUSTDESK_DATABASE_URL": f"sqlite:///{tmp_path}/t.db"},
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert (
        "invalid policy" in result.stderr and "field organization: Field required" in result.stderr
    )
    assert "serving" not in result.stdout


def test_invalid_settings_name_the_variable(tmp_path: Path) -> None:
    result = _run("serve", env={"TRUSTDESK_DATABASE_URL": "mysql://x"}, cwd=tmp_path)
    assert result.returncode == 2 and "TRUSTDESK_DATABASE_URL" in result.stderr


def test_kb_ingest_replaces_the_knowledge_base(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "hours.md").write_text("# Hours\n\n## When are you open?\nEvery day from 8 to 20.\n")
    url = f"sqlite:///{tmp_path}/kb.db"
    monkeypatch.setenv("TRUSTDESK_DATABASE_URL", url)
    result = CliRunner().invoke(main, ["kb", "ingest", str(kb)])
    assert result.exit_code == 0, result.output
    assert "ingested 1 passages" in result.output
    [passage] = SqlKnowledgeStore(make_engine(url)).load()
    assert passage.source == "hours.md#when-are-you-open"


def test_kb_ingest_of_an_invalid_directory_stores_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "a.md").write_text("# A\n\n## Fine\ntext\n")
    (kb / "b.md").write_text("no title here\n")
    url = f"sqlite:///{tmp_path}/kb.db"
    monkeypatch.setenv("TRUSTDESK_DATABASE_URL", url)
    result = CliRunner().invoke(main, ["kb", "ingest", str(kb)])
    assert result.exit_code == 2 and "b.md: missing a '# Title'" in result.output
    assert SqlKnowledgeStore(make_engine(url)).load() == []


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["serve"],
        ["policy"],
        ["policy", "check"],
        ["kb"],
        ["kb", "ingest"],
        ["db", "upgrade"],
        ["privacy"],
        ["privacy", "erase"],
        ["staff", "add"],
        ["pii", "scan"],
    ],
)
def test_every_command_has_help(args: list[str]) -> None:
    result = CliRunner().invoke(main, [*args, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output
    assert len(result.output.splitlines()) > 3


def test_db_upgrade_migrates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRUSTDESK_DATABASE_URL", f"sqlite:///{tmp_path}/up.db")
    result = CliRunner().invoke(main, ["db", "upgrade"])
    assert result.exit_code == 0 and "up to date" in result.output
