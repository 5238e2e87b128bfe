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
    assert "0 of them list the ways customers ask" in result.output
    assert "see docs/knowledge-base.md" in result.output
    [passage] = SqlKnowledgeStore(make_engine(url)).load()
    assert passage.source == "hours.md#when-are-you-open"
    (kb / "hours.md").write_text(
        "# Hours\n\n## When are you open?\n<!-- asked: are you open on Sundays -->\n"
        "Every day from 8 to 20.\n"
    )
    result = CliRunner().invoke(main, ["kb", "ingest", str(kb)])
    assert "1 of them list the ways customers ask" in result.output, result.output
    assert "see docs" not in result.output
    [passage] = SqlKnowledgeStore(make_engine(url)).load()
    assert passage.asked == ("are you open on Sundays",) and "Sundays" not in passage.text


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
        ["kb", "list"],
        ["kb", "remove"],
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


BIKESHOP_KB = Path(__file__).resolve().parents[1] / "data" / "kb_bikeshop"


def _own_policy(tmp_path: Path) -> Path:
    """A business's own policy: the demo's rules with another organisation's name."""
    text = bundled_policy_path().read_text(encoding="utf-8")
    own = tmp_path / "spoke.yaml"
    own.write_text(
        text.replace("Alder & Finch", "Spoke & Chain Cycles").replace("d'Alder", "de Spoke"),
        encoding="utf-8",
    )
    return own


def test_serving_a_policy_of_ones_own_never_falls_back_to_the_demo_knowledge_base(
    tmp_path: Path,
) -> None:
    result = _run(
        "serve",
        "--policy",
        str(_own_policy(tmp_path)),
        env={"TRUSTDESK_DATABASE_URL": f"sqlite:///{tmp_path}/own.db"},
        cwd=tmp_path,
    )
    assert result.returncode == 2 and "serving" not in result.stdout
    assert "the knowledge base is empty" in result.stderr and "kb ingest" in result.stderr
    assert SqlKnowledgeStore(make_engine(f"sqlite:///{tmp_path}/own.db")).load() == []


def _ask(base: str, question: str) -> dict[str, object]:
    import httpx

    created = httpx.post(f"{base}/api/v1/conversations", json={}, timeout=10).json()
    answer = httpx.post(
        f"{base}/api/v1/conversations/{created['id']}/messages",
        json={"text": question},
        headers={"Authorization": f"Bearer {created['token']}"},
        timeout=10,
    )
    assert answer.status_code == 200, answer.text
    reply: dict[str, object] = answer.json()["reply"]
    return reply


def test_a_running_server_answers_from_a_new_ingest_without_a_restart_and_never_as_the_demo(
    tmp_path: Path,
) -> None:
    import signal
    import time

    import httpx

    from tests.e2e.test_metrics_endpoint import _wait_for
    from tests.support.servers import free_port

    url = f"sqlite:///{tmp_path}/live.db"
    env = {
        **os.environ,
        "TRUSTDESK_DATABASE_URL": url,
        "TRUSTDESK_KEY_FILE": str(tmp_path / "key"),
        "TRUSTDESK_KB_REFRESH_S": "0.5",
        "TRUSTDESK_RATE_LIMITS": "off",
        "TRUSTDESK_LOG_LEVEL": "info",
    }
    env.pop("TRUSTDESK_POLICY_FILE", None)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "server.log"
    command = [sys.executable, "-m", "trustdesk.cli.main", "serve", "--port", str(port)]
    with open(log, "ab") as out:
        server = subprocess.Popen(
            [*command, "--policy", str(_own_policy(tmp_path)), "--kb", str(BIKESHOP_KB)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            cwd=tmp_path,
        )
    try:
        _wait_for(base, server, log)
        for page in ("/", "/privacy", "/transparency", "/help/returns.md"):
            html = httpx.get(f"{base}{page}", timeout=10).text
            assert "Spoke &amp; Chain Cycles" in html or page.startswith("/help"), page
            assert "Alder" not in html, page
        reply = _ask(base, "How long does an e-bike battery last before it needs replacing?")
        assert "Alder" not in str(reply)
        assert str(reply["citations"][0]["source"]).startswith("e-bike-batteries.md")  # type: ignore[index]

        new_kb = tmp_path / "kb"
        new_kb.mkdir()
        (new_kb / "hours.md").write_text(
            "# Opening hours\n\n## When is the workshop open?\n"
            "The workshop is open every weekday from 8 in the morning to 6 in the evening, "
            "and on Saturdays from 9 to 1.\n",
            encoding="utf-8",
        )
        ingest = _run("kb", "ingest", str(new_kb), env={"TRUSTDESK_DATABASE_URL": url})
        assert ingest.returncode == 0, ingest.stderr
        deadline = time.monotonic() + 120  # a deadline, not a speed requirement
        while True:  # the server checks every half second; no restart
            reply = _ask(base, "When is the workshop open on weekdays?")
            citations = reply.get("citations") or []
            if citations and citations[0]["source"].startswith("hours.md"):  # type: ignore[index]
                break
            assert time.monotonic() < deadline, f"not picked up:\n{log.read_text()[-2000:]}"
            time.sleep(0.5)
        assert server.poll() is None  # the same process
        assert httpx.get(f"{base}/help/hours.md", timeout=10).status_code == 200
        assert "knowledge base" in log.read_text() and "loaded: 1 passages" in log.read_text()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=30)


FRENCH_KB = Path(__file__).resolve().parents[1] / "data" / "kb_demo_fr"


def test_kb_ingest_per_language_list_and_remove(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "hours.md").write_text("# Hours\n\n## When are you open?\nEvery day from 8 to 20.\n")
    url = f"sqlite:///{tmp_path}/kb.db"
    monkeypatch.setenv("TRUSTDESK_DATABASE_URL", url)
    runner = CliRunner()
    assert "no knowledge base stored" in runner.invoke(main, ["kb", "list"]).output
    result = runner.invoke(main, ["kb", "ingest", str(FRENCH_KB), "--language", "fr"])
    assert result.exit_code == 0, result.output
    assert "ingested 11 passages" in result.output and "as the fr knowledge base" in result.output
    assert runner.invoke(main, ["kb", "ingest", str(kb)]).exit_code == 0
    listed = runner.invoke(main, ["kb", "list"]).output.splitlines()
    assert [line.split()[:2] for line in listed] == [["default", "1"], ["fr", "11"]]
    # The default one's ingest left the French one as it was, and the other way round.
    _, stored = SqlKnowledgeStore(make_engine(url)).load_languages()
    assert [p.source for p in stored[""]] == ["hours.md#when-are-you-open"]
    assert len(stored["fr"]) == 11

    bad = runner.invoke(main, ["kb", "ingest", str(kb), "--language", "klingon"])
    assert bad.exit_code == 2 and "--language" in bad.output  # click names the choices
    removed = runner.invoke(main, ["kb", "remove", "--language", "fr"])
    assert removed.exit_code == 0 and "11 passages" in removed.output
    again = runner.invoke(main, ["kb", "remove", "--language", "fr"])
    assert again.exit_code == 1 and "no fr knowledge base" in again.output
    assert set(SqlKnowledgeStore(make_engine(url)).languages()) == {""}
