"""The ledger over the API: the live system writes it, an auditor verifies it, and an edit made
directly in the database is named by sequence number."""

from __future__ import annotations

import httpx
from sqlalchemy import text

from trustdesk.composition import System


def test_an_auditor_verifies_the_ledger_the_system_wrote(
    client: httpx.Client, system: System
) -> None:
    created = client.post("/api/v1/conversations", json={}).json()
    auth = {"Authorization": f"Bearer {created['token']}"}
    for question in ("How long does shipping take?", "I want to talk to a person"):
        client.post(
            f"/api/v1/conversations/{created['id']}/messages", json={"text": question}, headers=auth
        )
    token = system.agents.add_staff("audra", "auditor")
    staff = {"Authorization": f"Bearer {token}"}
    system.sealer.flush()

    answer = client.get("/api/v1/ledger/verify", headers=staff)
    assert answer.status_code == 200
    report = answer.json()
    assert report["ok"] is True and report["pending"] == 0
    assert report["entries"] >= 4  # started, two turns, the handoff (and the staff change)
    with system.engine.connect() as conn:
        kinds = [k for (k,) in conn.execute(text("SELECT kind FROM ledger_entries ORDER BY seq"))]
    assert "handoff" in kinds and "conversation_start" in kinds

    with system.engine.begin() as conn:
        conn.execute(text("UPDATE ledger_entries SET actor = 'staff:mallory' WHERE seq = 2"))
    tampered = client.get("/api/v1/ledger/verify", headers=staff).json()
    assert tampered["ok"] is False and tampered["first_bad_seq"] == 2

    key = client.get("/api/v1/ledger/public-key", headers=staff).json()
    assert key["key_id"] == report["key_id"] and len(key["public_key_hex"]) == 64
    assert client.get("/api/v1/ledger/verify", headers=auth).status_code == 401
