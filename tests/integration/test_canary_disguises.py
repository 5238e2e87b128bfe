"""Canary for disguised personal data: values written the way people hide or mangle them
(spelled-out email addresses, full-width digits, zero-width characters, look-alike letters)
are planted through the public API and must not be found in any table, the raw SQLite file or
the logs — in their written form, nor in their plain form."""

from __future__ import annotations

import json
import logging
import random
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select
from stdnum import luhn

from tests.support.identity import assertion_for
from tests.support.servers import uvicorn_thread
from trustdesk.composition import System
from trustdesk.store import tables
from trustdesk.web.app import create_app

ZWSP = "\u200b"
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _card(rng: random.Random) -> str:
    body = "4" + "".join(str(rng.randrange(10)) for _ in range(14))
    return body + luhn.calc_check_digit(body)


def _planted(rng: random.Random) -> Iterator[tuple[list[str], str]]:
    """(the forms that must never be stored, the sentence that carries them)."""
    for i in range(8):
        user = f"zq{rng.randrange(10**6, 10**7)}"
        yield [user], f"write to {user} dot lee at example dot org"
        user = f"zr{rng.randrange(10**6, 10**7)}"
        yield [user], f"my mail is {user}[at]example[dot]com"
        user = f"zs{rng.randrange(10**6, 10**7)}"
        yield [user], f"mail {user} (arroba) correo (punto) es"
        local = f"7946{rng.randrange(10**4):04d}"
        yield [local], f"call me on +44 20 {local}".translate(FULL_WIDTH)
        card = _card(rng)
        yield [card], "my card is " + ZWSP.join(card[j : j + 4] for j in range(0, 16, 4))
        user = f"zt{rng.randrange(10**6, 10**7)}"
        disguised = f"{user}@ex{ZWSP}ample.net"
        yield [user], f"email {disguised} please"
        del i


def _everything(system: System) -> str:
    with system.engine.connect() as conn:
        stored = "\n".join(
            json.dumps([str(v) for v in row], ensure_ascii=False)
            for table in tables.metadata.sorted_tables
            for row in conn.execute(select(table))
        )
    if system.engine.dialect.name == "sqlite":
        path = Path(str(system.engine.url.database))
        stored += "".join(
            p.read_bytes().decode("latin-1") for p in (path, Path(f"{path}-wal")) if p.exists()
        )
    return stored


def test_disguised_values_are_never_stored_or_logged(
    system: System, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    planted = list(_planted(random.Random(20261201)))
    with uvicorn_thread(create_app(system)) as base, httpx.Client(base_url=base) as http:
        created = http.post(
            "/api/v1/conversations",
            json={"identity": assertion_for("cust-d"), "consents": {"transcript_storage": True}},
        ).json()
        cid, token = created["id"], created["token"]
        for _, sentence in planted:
            response = http.post(
                f"/api/v1/conversations/{cid}/messages",
                json={"text": f"Hi, {sentence}. How long do refunds take?"},
                headers={"Authorization": f"Bearer {token}"},
            )
            assert response.status_code == 200, response.text
    forms = {form for values, _ in planted for form in values}
    # Plain forms too: the digits of a full-width number, without the invisible characters.
    forms |= {unicodedata.normalize("NFKC", f) for f in forms}
    haystack = _everything(system) + caplog.text
    haystack_plain = unicodedata.normalize("NFKC", haystack).replace(ZWSP, "")
    pattern = re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))
    assert pattern.findall(haystack_plain) == []
    assert system.store.list_messages(cid)  # the conversation is really stored
