"""HTTP hygiene over real HTTP: Allow on 405, no-store on the API, a private database file,
errors that never carry what was sent, and logs that never carry a statement's values."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from faker import Faker
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from tests.support.servers import uvicorn_thread
from trustdesk.composition import System, build_system
from trustdesk.settings import Settings
from trustdesk.store.engine import make_engine
from trustdesk.web.app import create_app

CONVERSATIONS = "/api/v1/conversations"


def _start(client: httpx.Client) -> tuple[str, dict[str, str]]:
    created = client.post(CONVERSATIONS, json={})
    assert created.status_code == 201, created.text
    body = created.json()
    return body["id"], {"Authorization": f"Bearer {body['token']}"}


class Captured(logging.Handler):
    """Every record, formatted as a handler would write it, traceback included."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@pytest.fixture
def logs() -> Iterator[Captured]:
    """Records from the root logger and uvicorn's (which does not propagate)."""
    handler = Captured()
    loggers = [logging.getLogger(name) for name in ("", "uvicorn", "uvicorn.error")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.removeHandler(handler)
            logger.setLevel(level)


# -- 405 and caching ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("PUT", "/api/v1/conversations/some-id/consents", {"GET", "POST"}),
        ("GET", CONVERSATIONS, {"POST"}),
        ("DELETE", "/api/v1/conversations/some-id", {"GET"}),
        ("POST", "/healthz", {"GET"}),
    ],
)
def test_method_not_allowed_names_every_allowed_method(
    client: httpx.Client, method: str, path: str, allowed: set[str]
) -> None:
    response = client.request(method, path)
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"
    named = {m.strip() for m in response.headers["allow"].split(",")}
    assert allowed <= named and method not in named


def test_every_api_answer_is_marked_no_store(client: httpx.Client) -> None:
    cid, auth = _start(client)
    answers = {
        "create": client.post(CONVERSATIONS, json={}),
        "transcript": client.get(f"{CONVERSATIONS}/{cid}", headers=auth),
        "turn": client.post(f"{CONVERSATIONS}/{cid}/messages", json={"text": "hi"}, headers=auth),
        "export": client.get(f"{CONVERSATIONS}/{cid}/export", headers=auth),
        "export html": client.get(f"{CONVERSATIONS}/{cid}/export?format=html", headers=auth),
        "401": client.get(f"{CONVERSATIONS}/{cid}"),
        "404": client.get("/api/v1/nothing-here"),
        "405": client.put(CONVERSATIONS),
        "422": client.post(f"{CONVERSATIONS}/{cid}/messages", json={"txt": "x"}, headers=auth),
        "413": client.post(CONVERSATIONS, content=b"{" + b" " * (65 * 1024) + b"}"),
    }
    for name, response in answers.items():
        assert response.headers.get("cache-control") == "no-store", name
        assert response.headers.get("pragma") == "no-cache", name
    assert answers["export html"].headers["content-type"].startswith("text/html")
    # Pages and static files may be cached; only the API is private.
    assert client.get("/static/chat.css").headers.get("cache-control") != "no-store"


# -- the SQLite file ------------------------------------------------------------------------


def test_sqlite_database_and_its_wal_files_are_private_to_the_owner(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)  # the common default, under which SQLite would create 0644
    try:
        db = tmp_path / "private.db"
        engine = make_engine(f"sqlite:///{db}")
        settings = Settings(database_url=f"sqlite:///{db}", key_file=tmp_path / "key")
        system = build_system(settings, engine=engine)
        with (
            uvicorn_thread(create_app(system)) as base_url,
            httpx.Client(base_url=base_url, timeout=10) as http,
        ):
            cid, auth = _start(http)
            said = http.post(f"{CONVERSATIONS}/{cid}/messages", json={"text": "hi"}, headers=auth)
            assert said.status_code == 200
            files = [db, Path(f"{db}-wal"), Path(f"{db}-shm")]
            modes = {f.name: stat.S_IMODE(f.stat().st_mode) for f in files if f.exists()}
        engine.dispose()
    finally:
        os.umask(old_umask)
    assert set(modes) == {"private.db", "private.db-wal", "private.db-shm"}
    assert modes == dict.fromkeys(modes, 0o600)


def test_in_memory_sqlite_creates_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    engine = make_engine("sqlite:///:memory:")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT 1")).scalar() == 1
    engine.dispose()
    assert list(tmp_path.iterdir()) == []


# -- no bound values in errors and logs -----------------------------------------------------


def test_a_failed_statement_names_no_bound_value(tmp_path: Path) -> None:
    canary = f"zq{Faker().uuid4().replace('-', '')}"
    engine = make_engine(f"sqlite:///{tmp_path / 'values.db'}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE notes (body TEXT CHECK (length(body) < 5))"))
    with pytest.raises(IntegrityError) as failed, engine.begin() as conn:
        conn.execute(text("INSERT INTO notes (body) VALUES (:body)"), {"body": canary})
    engine.dispose()
    assert "CHECK constraint failed" in str(failed.value)
    assert canary not in str(failed.value)


@pytest.fixture
def failing_store_client(tmp_path: Path) -> Iterator[tuple[httpx.Client, Any]]:
    """The app on SQLite; the test can make every later write fail with a trigger."""
    db = tmp_path / "failing.db"
    engine = make_engine(f"sqlite:///{db}")
    settings = Settings(database_url=f"sqlite:///{db}", key_file=tmp_path / "key")
    system = build_system(settings, engine=engine)
    try:
        with (
            uvicorn_thread(create_app(system)) as base_url,
            httpx.Client(base_url=base_url, timeout=10) as http,
        ):
            yield http, engine
    finally:
        engine.dispose()


def _refuse_message_writes(engine: Any) -> None:
    """Make the insert that carries a customer's text fail (any table with a ``text`` column)."""
    with engine.begin() as conn:
        schema = inspect(conn)
        for table in schema.get_table_names():
            if "text" in {column["name"] for column in schema.get_columns(table)}:
                conn.execute(
                    text(
                        f'CREATE TRIGGER "refuse_{table}" BEFORE INSERT ON "{table}" '
                        "BEGIN SELECT RAISE(ABORT, 'writes refused by the test'); END"
                    )
                )


def test_a_database_error_reaches_neither_log_nor_answer_with_the_customer_text(
    failing_store_client: tuple[httpx.Client, Any], logs: Captured
) -> None:
    client, engine = failing_store_client
    cid, auth = _start(client)
    canary = f"zqcanary{Faker().uuid4().replace('-', '')}"
    _refuse_message_writes(engine)
    response = client.post(
        f"{CONVERSATIONS}/{cid}/messages", json={"text": f"my order {canary}"}, headers=auth
    )
    assert response.status_code >= 500
    assert response.json()["error"]["code"] in ("internal_error", "store_unavailable")
    assert canary not in response.text
    assert "IntegrityError" in logs.text  # it was logged: by class and place
    assert canary not in logs.text
    assert "writes refused" not in logs.text  # nor the driver's message


def test_a_database_that_cannot_answer_gives_503_with_retry_after(
    failing_store_client: tuple[httpx.Client, Any], logs: Captured
) -> None:
    client, engine = failing_store_client
    cid, auth = _start(client)
    with engine.begin() as conn:
        schema = inspect(conn)
        for table in schema.get_table_names():
            if "text" in {column["name"] for column in schema.get_columns(table)}:
                conn.execute(text(f'ALTER TABLE "{table}" RENAME TO "{table}_gone"'))
    response = client.get(f"{CONVERSATIONS}/{cid}", headers=auth)
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "store_unavailable"
    assert int(response.headers["retry-after"]) > 0
    assert "OperationalError" in logs.text
    assert "no such table" not in logs.text + response.text


# -- nothing sent is repeated -----------------------------------------------------------------

CANARY = "zqcanaryzq"


def _spec(client: httpx.Client) -> dict[str, Any]:
    spec: dict[str, Any] = client.get("/openapi.json").json()
    return spec


def _bodies() -> list[Any]:
    """Bodies that break every rule with the canary in every place it could be repeated."""
    c = CANARY
    return [
        {c: c},
        {"text": [c]},
        {"text": {c: c}},
        {"text": c + "\x00"},
        {"text": c * 1000},
        {"purpose": c, "granted": True},
        {"purpose": "ai_assistance", "granted": c},
        {"purpose": "ai_assistance", "granted": True, "channel": c.upper()},
        {"reason": c[:3]},
        {"reason": [c]},
        {"identity": c},
        {"identity": f"{c}.{c}.{c}"},
        {"identity": "x" * 3000 + c},
        {"customer_ref": f"{c}@example.com"},
        {"customer_ref": [c]},
        {"attributes": {c.upper(): "x"}},
        {"attributes": {"language": c * 20}},
        {"attributes": {c: [c]}},
        {"attributes": [c]},
        {"consents": {c: True}},
        {"consents": {"ai_assistance": c}},
        {"consents": {c: {c: c}}},
        {"channel": f"{c}!"},
        [c],
        c,
    ]


def _answer(client: httpx.Client, method: str, url: str, **send: Any) -> httpx.Response:
    """The answer, read whole — except a live-update stream, which stays open by design: its
    status and headers are kept, its endless body is not waited for."""
    with client.stream(method, url, **send) as answer:
        if not answer.headers.get("content-type", "").startswith("text/event-stream"):
            answer.read()
    return answer


def test_no_error_answer_repeats_what_was_sent(client: httpx.Client, system: System) -> None:
    """Every operation of the API description, with the canary in every field and place."""
    staff_token = system.agents.add_staff("echo.staff", "agent")
    cid, auth = _start(client)
    raw_bodies = [b"{" + CANARY.encode() + b"}", CANARY.encode() + b"\xff\xfe"]
    answers: list[httpx.Response] = []
    for path, methods in _spec(client)["paths"].items():
        if not path.startswith("/api/"):
            continue
        for method in methods:
            own = {"Authorization": f"Bearer {staff_token}"} if "/agent/" in path else auth
            for conversation_id, headers in [
                (cid, own),
                (CANARY, own),
                (cid, {"Authorization": f"Bearer {CANARY}"}),
                (cid, {"Authorization": CANARY}),
            ]:
                url = path.replace("{conversation_id}", conversation_id)
                send = {"headers": headers, "params": {"format": CANARY, CANARY: CANARY}}
                answers.append(_answer(client, method, url, **send))
                if method == "get":
                    continue
                for body in _bodies():
                    answers.append(client.request(method, url, json=body, **send))
                for raw in raw_bodies:
                    typed = {**headers, "Content-Type": "application/json"}
                    answers.append(client.request(method, url, content=raw, headers=typed))
    answers.append(client.get(f"/api/v1/{CANARY}"))
    answers.append(client.request("PATCH", f"{CONVERSATIONS}/{CANARY}"))
    errors = [a for a in answers if a.status_code >= 400]
    assert len(errors) > 100
    assert {a.status_code for a in errors} >= {400, 401, 404, 405, 422}
    repeated = [
        f"{a.request.method} {a.request.url.path} -> {a.status_code}: {a.text[:200]}"
        for a in errors
        if CANARY in a.text.lower()
    ]
    assert not repeated, "\n".join(repeated)
