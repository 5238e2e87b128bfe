"""Over HTTP: a French customer gets a French answer whose citation opens the French article,
and an English customer of the same server the English one."""

from __future__ import annotations

from pathlib import Path

import httpx

from trustdesk.composition import System, ingest_knowledge

FRENCH_KB = Path(__file__).resolve().parents[1] / "data" / "kb_demo_fr"


def _ask(client: httpx.Client, text: str) -> dict[str, object]:
    created = client.post("/api/v1/conversations", json={}).json()
    answer = client.post(
        f"/api/v1/conversations/{created['id']}/messages",
        json={"text": text},
        headers={"Authorization": f"Bearer {created['token']}"},
    )
    assert answer.status_code == 200, answer.text
    reply = answer.json()["reply"]
    assert isinstance(reply, dict)
    return reply


def test_each_customer_is_answered_and_linked_in_their_language(
    system: System, client: httpx.Client
) -> None:
    ingest_knowledge(system.engine, FRENCH_KB, "fr")
    assert system.refresh_knowledge() is True

    french = _ask(client, "Pourquoi ma carte a été refusée ?")
    [citation, *_] = french["citations"]  # type: ignore[misc]
    assert citation["source"] == "fr/paiements.md#mon-paiement-a-ete-refuse-pourquoi"
    assert str(french["text"]).startswith("Voici ce que dit notre centre d'aide")
    document, anchor = citation["source"].split("#")
    article = client.get(f"/help/{document}")  # the link the chat page builds
    assert article.status_code == 200
    assert (
        "Mon paiement a été refusé, pourquoi ?" in article.text and f'id="{anchor}"' in article.text
    )

    english = _ask(client, "Why was my card declined?")
    sources = [c["source"] for c in english.get("citations") or []]  # type: ignore[attr-defined]
    assert all(not s.startswith("fr/") for s in sources)
    assert client.get("/help/fr/nope.md").status_code == 404
