"""An answered turn survives ``kill -9`` of the server: every 200 was committed first.

``trustdesk serve`` runs as a subprocess, as an operator runs it; a few threads post turns;
the server's whole process group is killed with SIGKILL mid-load, started again on the same
database, and every acknowledged customer message must be in the transcript.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from tests.support.database import drop_schema
from tests.support.servers import free_port
from trustdesk.store.engine import make_engine

PG_URL = os.environ.get("TRUSTDESK_TEST_DATABASE_URL")
THREADS = 4
LOAD_SECONDS = 1.5
MAX_TURNS = 120  # per conversation, below the policy's max_turns_per_conversation


def _serve(env: dict[str, str], port: int, log: Path, workers: int = 1) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "trustdesk.cli.main", "serve", "--port", str(port)]
    command += ["--workers", str(workers)]
    with open(log, "ab") as out:
        # A session of its own, so that kill -9 can reach every worker of the group.
        server = subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    deadline = time.monotonic() + 300  # a deadline: workers start slowly beside the suite
    while True:
        if server.poll() is not None:
            raise AssertionError(f"trustdesk serve exited:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            _kill(server)
            raise AssertionError(f"trustdesk serve did not start:\n{log.read_text()[-3000:]}")
        time.sleep(0.1)


def _kill(server: subprocess.Popen[bytes]) -> None:
    os.killpg(server.pid, signal.SIGKILL)  # the group of the process this test started
    server.wait(timeout=30)


def _post_turns(
    base: str, cid: str, token: str, line: int, acknowledged: list[str], stop: threading.Event
) -> None:
    auth = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base, headers=auth, timeout=10) as http:
        for turn in range(MAX_TURNS):
            if stop.is_set():
                return
            message = f"delivery question number {turn} from line {line}"
            try:
                response = http.post(
                    f"/api/v1/conversations/{cid}/messages", json={"text": message}
                )
            except httpx.TransportError:
                return  # the server is gone
            if response.status_code == 200:
                acknowledged.append(message)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database for a server process: a SQLite file, or a PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'crash.db'}"
        return
    assert PG_URL
    schema = f"td_crash_{uuid.uuid4().hex[:12]}"
    admin = make_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{separator}options=-csearch_path%3D{schema}"
    finally:
        drop_schema(admin, schema)
        admin.dispose()


def test_every_acknowledged_turn_survives_kill_9(database_url: str, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "TRUSTDESK_DATABASE_URL": database_url,
        "TRUSTDESK_KEY_FILE": str(tmp_path / "trustdesk.key"),
        "TRUSTDESK_RATE_LIMITS": "off",  # a trusted load test
        "TRUSTDESK_LOG_LEVEL": "warning",
    }
    env.pop("TRUSTDESK_POLICY_FILE", None)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "server.log"
    # On PostgreSQL the first server runs two workers: kill -9 hits a multi-process server.
    workers = 1 if database_url.startswith("sqlite") else 2
    server = _serve(env, port, log, workers)
    acknowledged: list[list[str]] = [[] for _ in range(THREADS)]
    conversations = []
    stop = threading.Event()
    try:
        for _ in range(THREADS):
            created = httpx.post(f"{base}/api/v1/conversations", json={}, timeout=10).json()
            conversations.append((created["id"], created["token"]))
        threads = [
            threading.Thread(
                target=_post_turns, args=(base, cid, token, line, acknowledged[line], stop)
            )
            for line, (cid, token) in enumerate(conversations)
        ]
        for thread in threads:
            thread.start()
        time.sleep(LOAD_SECONDS)
    finally:
        _kill(server)
        stop.set()
    for thread in threads:
        thread.join(timeout=30)
    assert sum(map(len, acknowledged)) >= THREADS  # the load did run

    server = _serve(env, port, log)
    try:
        for (cid, token), sent in zip(conversations, acknowledged, strict=True):
            stored = _customer_messages(base, cid, token, log)
            assert [m for m in sent if m not in stored] == []
    finally:
        _kill(server)


def _customer_messages(base: str, cid: str, token: str, log: Path) -> set[str]:
    """Every customer message of the transcript, page after page."""
    stored: set[str] = set()
    after: int | None = 0
    for _ in range(100):
        response = httpx.get(
            f"{base}/api/v1/conversations/{cid}",
            params={"after": after},
            headers={"Authorization": f"Bearer {token}"},
            timeout=10,
        )
        assert response.status_code == 200, log.read_text()[-3000:]
        page = response.json()
        stored.update(m["text"] for m in page["messages"] if m["role"] == "customer")
        after = page.get("next_after")
        if after is None:
            return stored
    raise AssertionError("the transcript did not end")


def test_serve_refuses_several_workers_on_sqlite(tmp_path: Path) -> None:
    env = {**os.environ, "TRUSTDESK_DATABASE_URL": f"sqlite:///{tmp_path / 't.db'}"}
    result = subprocess.run(
        [sys.executable, "-m", "trustdesk.cli.main", "serve", "--workers", "2"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert "--workers 2 needs PostgreSQL" in result.stderr
    assert not (tmp_path / "t.db").exists()  # refused before anything was touched
