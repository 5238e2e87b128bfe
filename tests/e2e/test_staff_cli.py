"""``trustdesk staff``: accounts, passwords, tokens and the demo accounts, run as users run them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from trustdesk.cli.common import build_system
from trustdesk.cli.main import main
from trustdesk.conversation.staff_auth import Role
from trustdesk.errors import AuthError

PASSWORD = "correct horse battery staple"
HERE = "192.0.2.10"


@pytest.fixture(autouse=True)
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRUSTDESK_DATABASE_URL", f"sqlite:///{tmp_path / 'staff.db'}")
    monkeypatch.setenv("TRUSTDESK_KEY_FILE", str(tmp_path / "key"))


def _staff(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, ["staff", *args], input=input)


def test_add_asks_twice_for_a_hidden_password_and_prints_the_token_once() -> None:
    created = _staff("add", "ann", "--role", "supervisor", input=f"{PASSWORD}\n{PASSWORD}\n")
    assert created.exit_code == 0, created.output
    assert PASSWORD not in created.output and "Repeat the password" in created.output
    token = created.output.strip().splitlines()[-1]
    agents = build_system().agents
    assert agents.authenticate(token).name == "ann"
    assert agents.sign_in("ann", PASSWORD, HERE).member.role == "supervisor"


def test_two_different_passwords_create_nothing() -> None:
    typed = f"{PASSWORD}\n{PASSWORD}!\n"
    refused = _staff("add", "ann", "--role", "agent", input=typed)
    assert refused.exit_code != 0 and "do not match" in refused.output
    assert "ann" not in _staff("list").output


def test_generate_password_prints_it_once_and_it_signs_in() -> None:
    created = _staff("add", "bo", "--role", "agent", "--display-name", "Bo", "--generate-password")
    assert created.exit_code == 0, created.output
    [line] = [x for x in created.output.splitlines() if x.startswith("password")]
    password = line.rsplit(" ", 1)[-1]
    assert len(password) >= 24
    listed = _staff("list").output
    assert "bo" in listed and "agent" in listed and "Bo" in listed and "never" in listed
    assert password not in listed and "$argon2" not in listed
    assert build_system().agents.sign_in("bo", password, HERE).member.display_name == "Bo"
    assert "never" not in _staff("list").output  # the sign-in is listed


def test_password_stdin_reads_one_line_for_scripts() -> None:
    created = _staff("add", "cy", "--role", "auditor", "--password-stdin", input=PASSWORD + "\n")
    assert created.exit_code == 0, created.output
    assert PASSWORD not in created.output
    assert build_system().agents.sign_in("cy", PASSWORD, HERE).member.role == "auditor"


def test_there_is_no_password_option_to_leak_into_the_process_list() -> None:
    refused = _staff("add", "dee", "--role", "agent", "--password", PASSWORD)
    assert refused.exit_code == 2 and "No such option" in refused.output


@pytest.mark.parametrize(
    ("args", "typed", "problem"),
    [
        (["add", "dee", "--role", "root"], None, "'root' is not one of"),
        (["add", "Dee Dee", "--role", "agent"], None, "staff name"),
        (["add", "dee", "--role", "agent", "--password-stdin"], "short\n", "12-256"),
        (["add", "dee", "--role", "agent", "--password-stdin"], "\n", "12-256"),
    ],
)
def test_bad_input_is_refused_with_what_to_fix(
    args: list[str], typed: str | None, problem: str
) -> None:
    refused = _staff(*args, input=typed)
    assert refused.exit_code != 0 and problem in refused.output
    assert "short" not in refused.output  # the typed password is not repeated
    assert "dee" not in _staff("list").output


def test_every_role_is_accepted() -> None:
    for role in Role:
        added = _staff("add", f"x-{role.value}".replace("_", "-"), "--role", role.value)
        assert added.exit_code != 0  # no password typed: nothing created ...
    assert "no staff accounts" in _staff("list").output
    for role in Role:
        name = f"x-{role.value}".replace("_", "-")
        assert _staff("add", name, "--role", role.value, "--generate-password").exit_code == 0


def test_passwd_changes_the_password_and_ends_the_sessions() -> None:
    _staff("add", "ann", "--role", "agent", "--password-stdin", input=PASSWORD + "\n")
    agents = build_system().agents
    session = agents.sign_in("ann", PASSWORD, HERE)
    changed = _staff("passwd", "ann", "--password-stdin", input="a brand new passphrase\n")
    assert changed.exit_code == 0 and "sessions have ended" in changed.output
    with pytest.raises(AuthError):
        agents.session(session.session_id)
    with pytest.raises(AuthError):
        agents.sign_in("ann", PASSWORD, HERE)
    assert agents.sign_in("ann", "a brand new passphrase", HERE)
    missing = _staff("passwd", "nobody", "--generate-password")
    assert missing.exit_code == 1 and "no active staff account" in missing.output


def test_disable_stops_the_token_and_the_sessions_at_once() -> None:
    token = (
        _staff("add", "ann", "--role", "agent", "--password-stdin", input=PASSWORD + "\n")
        .output.strip()
        .splitlines()[-1]
    )
    agents = build_system().agents
    session = agents.sign_in("ann", PASSWORD, HERE)
    assert _staff("disable", "ann").exit_code == 0
    with pytest.raises(AuthError):
        agents.authenticate(token)
    with pytest.raises(AuthError):
        agents.session(session.session_id)
    assert "disabled" in _staff("list").output
    assert _staff("disable", "ann").exit_code == 1


def test_rotate_token_replaces_the_token() -> None:
    old = _staff("add", "ann", "--role", "agent", "--generate-password").output.splitlines()[-1]
    rotated = _staff("rotate-token", "ann")
    assert rotated.exit_code == 0, rotated.output
    new = rotated.output.strip().splitlines()[-1]
    agents = build_system().agents
    with pytest.raises(AuthError):
        agents.authenticate(old)
    assert agents.authenticate(new).name == "ann"
    assert _staff("rotate-token", "nobody").exit_code == 1


def test_set_role_moves_an_account_to_another_role() -> None:
    token = _staff("add", "ann", "--role", "agent", "--generate-password").output.splitlines()[-1]
    assert _staff("set-role", "ann", "auditor").exit_code == 0
    assert build_system().agents.authenticate(token).role == "auditor"
    assert _staff("set-role", "ann", "root").exit_code == 2


def test_demo_accounts_are_made_once_one_per_role() -> None:
    first = _staff("demo-accounts")
    assert first.exit_code == 0, first.output
    rows = [line.split() for line in first.output.splitlines() if line.startswith("  demo-")]
    assert sorted(role for _, role, _ in rows) == sorted(r.value for r in Role)
    agents = build_system().agents
    for name, role, password in rows:
        assert agents.sign_in(name, password, HERE).member.role == role
    again = _staff("demo-accounts")
    assert again.exit_code == 0 and "exist already" in again.output
    assert all(password not in again.output for _, _, password in rows)
    # Each account made is on the ledger, sealed when the command ended.
    ledger = build_system().ledger
    kinds = [e.kind for e in ledger.entries()]
    assert kinds.count("staff_change") == len(rows) and ledger.pending_count() == 0


@pytest.mark.parametrize(
    "command", ["add", "passwd", "list", "disable", "rotate-token", "set-role", "demo-accounts"]
)
def test_every_staff_command_has_help(command: str) -> None:
    shown = _staff(command, "--help")
    assert shown.exit_code == 0 and "Usage:" in shown.output
