"""SQLite overwrites what an erasure deletes: nothing of the customer survives in the raw file.

Erasure deletes rows; without ``secure_delete`` SQLite only marks their space free, and the
customer's words stay readable in the database file (and in page images in the WAL) until that
space happens to be reused. This reads the raw bytes after an erasure made through the HTTP API.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from faker import Faker
from sqlalchemy import Engine, select, text

from tests.support.servers import uvicorn_thread
from trustdesk.composition import System, build_system
from trustdesk.settings import Settings
from trustdesk.store import tables
from trustdesk.store.engine import make_engine
from trustdesk.web.app import create_app

QUESTION = "How long do I have to return an item?"


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "trustdesk.db"


@pytest.fixture
def sqlite_engine(db_file: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{db_file}")
    yield engine
    engine.dispose()


@pytest.fixture
def system(sqlite_engine: Engine, settings: Settings) -> System:
    return build_system(settings, engine=sqlite_engine)


@pytest.fixture
def client(system: System) -> Iterator[httpx.Client]:
    with (
        uvicorn_thread(create_app(system)) as base_url,
        httpx.Client(base_url=base_url, timeout=10) as http,
    ):
        yield http


def raw_bytes(db_file: Path) -> bytes:
    """The database file and its write-ahead log, byte for byte, as a backup would copy them."""
    wal = db_file.with_name(db_file.name + "-wal")
    return db_file.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_connections_have_secure_delete_on(sqlite_engine: Engine) -> None:
    with sqlite_engine.connect() as conn:
        assert conn.execute(text("PRAGMA secure_delete")).scalar() == 1


def test_erased_customers_words_are_not_left_in_the_raw_database_file(
    client: httpx.Client, system: System, db_file: Path
) -> None:
    fake = Faker("en_GB")
    fake.seed_instance(4)
    email = fake.email()
    phone = fake.phone_number()
    card = fake.credit_card_number(card_type="visa16")
    # Words only this customer wrote, around the values the privacy filter replaces.
    sentence = f"Please keep the {fake.lexify('????????????')} lamp for my sister"
    created = client.post("/api/v1/conversations", json={"consents": {"ai_assistance": True}})
    assert created.status_code == 201
    conversation_id = created.json()["id"]
    auth = {"Authorization": f"Bearer {created.json()['token']}"}
    for message in (
        f"My email is {email} and my phone is {phone}. {sentence}. {QUESTION}",
        f"I paid with card {card}. {sentence}, thank you.",
    ):
        sent = client.post(
            f"/api/v1/conversations/{conversation_id}/messages",
            json={"text": message},
            headers=auth,
        )
        assert sent.status_code == 200, sent.text
    with system.engine.connect() as conn:
        subject = conn.execute(
            select(tables.conversations.c.subject_id).where(
                tables.conversations.c.id == conversation_id
            )
        ).scalar_one()
    before = raw_bytes(db_file)
    # The check can see what it looks for: the customer's words are in the file before.
    assert sentence.encode() in before
    assert subject.encode() in before

    erased = client.post(f"/api/v1/conversations/{conversation_id}/erase", headers=auth)
    assert erased.status_code == 200, erased.text
    assert erased.json()["data_key_destroyed"] is True

    after = raw_bytes(db_file)
    forms = {
        sentence,
        email,
        phone,
        "".join(c for c in phone if c.isdigit()),
        card,
        subject,
    }
    left = sorted(form for form in forms if form.encode() in after)
    assert left == [], f"{len(left)} erased value(s) are still in the raw database bytes"
