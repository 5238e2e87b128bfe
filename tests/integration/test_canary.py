"""Canary: plant hundreds of distinct personal values through the public API, then look for
them everywhere they must not be — every table, the raw SQLite file and its WAL, the logs and
other customers' exports — before and after erasing one customer."""

from __future__ import annotations

import json
import logging
import random
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select
from stdnum import iban as stdiban
from stdnum import luhn

from tests.support.identity import assertion_for
from tests.support.servers import uvicorn_thread
from trustdesk.composition import System
from trustdesk.errors import NotFoundError
from trustdesk.store import tables
from trustdesk.web.app import create_app

CUSTOMERS = 8
TURNS_PER_CUSTOMER = 6


def _values(rng: random.Random, n: int) -> Iterator[tuple[str, str]]:
    """Distinct synthetic values of every kind the policy redacts, with a sentence for each."""
    seen: set[str] = set()
    i = 0
    while len(seen) < n:
        i += 1
        kind = i % 6
        if kind == 0:
            value = f"canary.{rng.randrange(10**8)}@example.org"
            sentence = f"you can email me at {value}"
        elif kind == 1:
            value = f"+44 20 7946 {rng.randrange(10**4):04d}"
            sentence = f"call me on {value}"
        elif kind == 2:
            body = "4" + "".join(str(rng.randrange(10)) for _ in range(14))
            digits = body + luhn.calc_check_digit(body)
            value = " ".join(digits[j : j + 4] for j in range(0, 16, 4))
            sentence = f"my card is {value}"
        elif kind == 3:
            bban = "WEST" + "".join(str(rng.randrange(10)) for _ in range(14))
            value = f"GB{stdiban.calc_check_digits('GB00' + bban)}{bban}"
            sentence = f"refund to IBAN {value} please"
        elif kind == 4:
            area = rng.choice([rng.randrange(1, 666), rng.randrange(667, 900)])
            value = f"{area:03d}-{rng.randrange(1, 100):02d}-{rng.randrange(1, 10000):04d}"
            sentence = f"my SSN is {value}"
        else:
            value = (
                f"203.0.113.{rng.randrange(1, 255)}"
                if rng.random() < 0.5
                else (f"198.51.100.{rng.randrange(1, 255)}")
            )
            sentence = f"my IP address is {value}"
        if value not in seen:
            seen.add(value)
            yield value, sentence


def _table_text(system: System) -> str:
    with system.engine.connect() as conn:
        return "\n".join(
            json.dumps([str(v) for v in row])
            for table in tables.metadata.sorted_tables
            for row in conn.execute(select(table))
        )


def _raw_files(system: System) -> bytes:
    if system.engine.dialect.name != "sqlite":
        return b""
    path = Path(str(system.engine.url.database))
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())


def _hits(values: list[str], *haystacks: str | bytes) -> list[str]:
    """Values found in any haystack, as written or without separators, as whole tokens (so
    one value being a prefix of another is not a hit). One regex pass per haystack."""
    form_of = {}
    for value in values:
        form_of[value] = value
        form_of[value.replace(" ", "").replace("-", "")] = value
    alternatives = "|".join(re.escape(f) for f in sorted(form_of, key=len, reverse=True))
    pattern = re.compile(rf"(?<![0-9A-Za-z])(?:{alternatives})(?![0-9A-Za-z])")
    found: set[str] = set()
    for hay in haystacks:
        text = hay.decode("latin-1") if isinstance(hay, bytes) else hay
        found.update(form_of[m.group(0)] for m in pattern.finditer(text))
    return sorted(found)


def test_no_planted_value_is_stored_logged_or_leaked_before_and_after_erasure(
    system: System, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    rng = random.Random(20261127)
    planted = list(_values(rng, 240))
    by_customer: dict[str, list[str]] = {}
    tokens: dict[str, tuple[str, str]] = {}
    with uvicorn_thread(create_app(system)) as base, httpx.Client(base_url=base) as http:
        for index, (value, sentence) in enumerate(planted):
            customer = f"cust-{index % CUSTOMERS}"
            if customer not in tokens or index % (CUSTOMERS * TURNS_PER_CUSTOMER) < CUSTOMERS:
                created = http.post(
                    "/api/v1/conversations",
                    json={
                        "identity": assertion_for(customer),
                        "consents": {"transcript_storage": True},
                    },
                ).json()
                tokens[customer] = (created["id"], created["token"])
            cid, token = tokens[customer]
            response = http.post(
                f"/api/v1/conversations/{cid}/messages",
                json={"text": f"Hello, {sentence}. How long do refunds take?"},
                headers={"Authorization": f"Bearer {token}"},
            )
            assert response.status_code == 200, response.text
            by_customer.setdefault(customer, []).append(value)
    assert len(planted) >= 200

    everything = [v for v, _ in planted]
    logs = caplog.text
    assert _hits(everything, _table_text(system), _raw_files(system), logs) == []
    assert system.store.list_messages(tokens["cust-1"][0])  # the data is really there

    victim, others = "cust-3", [c for c in by_customer if c != "cust-3"]
    for other in others:
        export = json.dumps(system.privacy.export(system.privacy.resolve(other)).to_json())
        assert _hits(by_customer[victim], export) == []
        # Each customer's own export does hold their values (refilled from the vault).
        assert _hits(by_customer[other], export) != []

    scope = system.privacy.resolve(victim)
    receipt = system.privacy.erase(scope)
    assert receipt["data_key_destroyed"] is True
    assert _hits(by_customer[victim], _table_text(system), _raw_files(system), caplog.text) == []
    with pytest.raises(NotFoundError):
        system.privacy.resolve(victim)
    with system.engine.connect() as conn:
        assert not conn.execute(
            select(tables.vault_entries).where(
                tables.vault_entries.c.subject_id == scope.subject_id
            )
        ).first()
        assert not conn.execute(
            select(tables.data_keys).where(tables.data_keys.c.subject_id == scope.subject_id)
        ).first()
    for other in others:
        export = json.dumps(system.privacy.export(system.privacy.resolve(other)).to_json())
        assert sorted(_hits(by_customer[other], export)) == sorted(by_customer[other])


def _structured_values(rng: random.Random, n: int) -> Iterator[tuple[str, str]]:
    """Distinct synthetic values of the identifiers customers type in their own ways: phone
    numbers outside any numbering plan, cards in odd groupings, card security codes and expiry
    dates, secrets and passport numbers, each with a sentence."""
    seen: set[str] = set()
    i = 0
    while len(seen) < n:
        i += 1
        kind = i % 8
        if kind == 0:
            value = f"{rng.randrange(2, 10)}{rng.randrange(10**8, 10**9)}"
            sentence = f"text me on {value}"
        elif kind == 1:
            value = f"+31(0)9{rng.randrange(10, 100)}-{rng.randrange(100000, 1000000)}"
            sentence = f"my number is {value}"
        elif kind == 2:
            body = "37" + "".join(str(rng.randrange(10)) for _ in range(12))
            digits = body + luhn.calc_check_digit(body)
            value = f"{digits[:4]} {digits[4:10]} {digits[10:]}"
            sentence = f"the Amex is {value}"
        elif kind == 3:
            value = f"{rng.randrange(6000, 10000)}"
            sentence = f"card security code {value}"
        elif kind == 4:
            value = f"{rng.randrange(1, 13):02d}/{rng.randrange(27, 40)}"
            sentence = f"it expires {value}"
        elif kind == 5:
            value = f"Canary{rng.randrange(10**7, 10**8)}x"
            sentence = f"my password is {value}"
        elif kind == 6:
            value = f"{rng.randrange(10**7, 10**8)}"
            sentence = f"the verification code is {value}"
        else:
            value = f"{rng.choice('CFGHJK')}{rng.randrange(10**7, 10**8)}"
            sentence = f"my passport number is {value}"
        if value not in seen:
            seen.add(value)
            yield value, sentence


def test_new_structured_identifiers_never_reach_storage_or_logs_in_clear(
    system: System, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    rng = random.Random(20261201)
    planted = list(_structured_values(rng, 120))
    by_customer: dict[str, list[str]] = {}
    with uvicorn_thread(create_app(system)) as base, httpx.Client(base_url=base) as http:
        tokens: dict[str, tuple[str, str]] = {}
        for index, (value, sentence) in enumerate(planted):
            customer = f"cust-{index % CUSTOMERS}"
            if customer not in tokens:
                created = http.post(
                    "/api/v1/conversations",
                    json={
                        "identity": assertion_for(customer),
                        "consents": {"transcript_storage": True},
                    },
                ).json()
                tokens[customer] = (created["id"], created["token"])
            cid, token = tokens[customer]
            response = http.post(
                f"/api/v1/conversations/{cid}/messages",
                json={"text": f"Hello, {sentence}. How long do refunds take?"},
                headers={"Authorization": f"Bearer {token}"},
            )
            assert response.status_code == 200, response.text
            by_customer.setdefault(customer, []).append(value)

    everything = [v for v, _ in planted]
    assert _hits(everything, _table_text(system), _raw_files(system), caplog.text) == []
    for customer, values in by_customer.items():
        # Replaced, not dropped: each customer's export holds their values again.
        export = json.dumps(system.privacy.export(system.privacy.resolve(customer)).to_json())
        assert sorted(_hits(values, export)) == sorted(values)
