"""GET /api/v1/dashboard over HTTP: who may read it, its filters, refusals that do not repeat
what was sent, and the page's headers."""

from __future__ import annotations

import httpx
import pytest

from trustdesk.composition import System

READERS = ("supervisor", "auditor", "admin")
OTHERS = ("agent", "privacy_officer")


def _token(system: System, role: str) -> str:
    name = f"dash-{role.replace('_', '-')}"
    return system.agents.add_staff(name, role)


@pytest.fixture
def busy(system: System) -> System:
    """A few real conversations: answered, handed to a person, started on the widget."""
    for text, channel in (
        ("How long do I have to return an item?", "web"),
        ("How long do I have to return an item?", "widget"),
        ("I want to talk to a real person please", "web"),
    ):
        cid = system.service.start(channel=channel).conversation.id
        system.service.handle_turn(cid, text)
    return system


def _get(client: httpx.Client, token: str | None, **params: str) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.get("/api/v1/dashboard", params=params, headers=headers)


def test_readers_get_every_chart_and_others_are_refused(busy: System, client: httpx.Client) -> None:
    for role in READERS:
        answer = _get(client, _token(busy, role))
        assert answer.status_code == 200, answer.text
        data = answer.json()
        assert data["charts"] == [
            "volume",
            "resolution",
            "handoffs",
            "response_times",
            "ratings",
            "disclosure",
            "safety",
            "questions",
            "incidents",
        ]
        assert data["volume"]["workload"]["engaged"] == 3
        assert data["handoffs"]["by_reason"]["customer_request"]["numerator"] == 1
        assert data["disclosure"]["rate"]["value"] == 1.0
        assert answer.headers["cache-control"] == "no-store"
    for role in OTHERS:
        assert _get(client, _token(busy, role)).status_code == 403
    assert _get(client, None).status_code == 401
    assert _get(client, "not-a-token").status_code == 401


def test_filters_narrow_the_charts(busy: System, client: httpx.Client) -> None:
    token = _token(busy, "supervisor")
    widget = _get(client, token, channel="widget").json()
    assert widget["volume"]["workload"]["engaged"] == 1
    assert widget["filters"]["channel"] == "widget"
    english = _get(client, token, language="en").json()
    assert english["volume"]["workload"]["engaged"] == 3
    assert _get(client, token, language="de").json()["volume"]["workload"]["engaged"] == 0
    old = _get(client, token, since="2001-01-01", until="2001-02-01").json()
    assert (
        old["volume"]["days"] == [] and old["resolution"]["resolution"]["assumed"]["value"] is None
    )
    # The default period is the last 30 days, whole UTC days.
    default = _get(client, token).json()["filters"]
    assert default["since"].endswith("T00:00:00+00:00") and default["until"]


@pytest.mark.parametrize(
    "params",
    [
        {"since": "yesterday<script>"},
        {"until": "2024-13-45"},
        {"since": "2024-02-01", "until": "2024-01-01"},
        {"since": "1990-01-01", "until": "2024-01-01"},
        {"channel": "Web<script>"},
        {"language": "klingon<script>"},
        {"since": "9" * 60},
    ],
)
def test_bad_filters_are_refused_without_repeating_them(
    system: System, client: httpx.Client, params: dict[str, str]
) -> None:
    answer = _get(client, _token(system, "auditor"), **params)
    assert answer.status_code == 422
    message = answer.json()["error"]["message"]
    assert message
    for value in params.values():
        assert value not in answer.text
    assert "<script>" not in answer.text


def test_the_page_is_served_with_the_strict_policy(system: System, client: httpx.Client) -> None:
    page = client.get("/dashboard")
    assert page.status_code == 200
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert '<script src="/static/dashboard.js"' in page.text
    assert "<script>" not in page.text and "style=" not in page.text
    assert client.get("/static/dashboard.js").status_code == 200
    assert client.get("/static/dashboard.css").status_code == 200
