"""Schemathesis against the real app over real HTTP: the OpenAPI description tells the truth.

Every API operation is fuzzed (a bounded, derandomized number of examples, SQLite only) and
each answer is checked: no 5xx, only documented status codes and content types, and a body that
matches the documented schema. Most cases carry credentials that open something (a fresh
conversation's id and token, a staff token, a vouched customer's signed identity) so that the
fuzzing reaches past the 401; every fourth keeps what schemathesis generated, so the 401 and 404
answers are checked too.
"""

from __future__ import annotations

import itertools
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import httpx
import pytest
import schemathesis
from fastapi import APIRouter, Depends, Header
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.support.identity import assertion_for
from tests.support.servers import uvicorn_thread
from trustdesk.composition import System, build_system
from trustdesk.settings import Settings
from trustdesk.store.engine import make_engine
from trustdesk.web.app import create_app

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
KEEP_GENERATED_EVERY = 4
MAX_EXAMPLES = 15


@dataclass
class Api:
    base_url: str
    http: httpx.Client
    staff_token: str
    calls: itertools.count[int]

    def conversation(self, customer_ref: str | None = None) -> tuple[str, str]:
        """A fresh conversation (vouched for ``customer_ref``): its id and bearer token."""
        body = {"identity": assertion_for(customer_ref)} if customer_ref else {}
        created = self.http.post("/api/v1/conversations", json=body)
        assert created.status_code == 201, created.text
        answer = created.json()
        return answer["id"], answer["token"]


@pytest.fixture
def api(tmp_path: Path, settings: Settings) -> Iterator[Api]:
    """The real app on a SQLite file, served by uvicorn, with one staff member who may reveal.

    The test settings accept signed identities and turn rate limits off (a trusted load).
    """
    engine = make_engine(f"sqlite:///{tmp_path / 'fuzz.db'}")
    system = build_system(settings, engine=engine)
    role = sorted(system.policy.policy.privacy.reveal_roles)[0]
    staff_token = system.agents.add_staff("fuzz.staff", role)
    try:
        with (
            uvicorn_thread(create_app(system)) as base_url,
            httpx.Client(base_url=base_url, timeout=10) as http,
        ):
            yield Api(base_url, http, staff_token, itertools.count())
    finally:
        engine.dispose()


def _schema(api: Api) -> schemathesis.BaseSchema:
    config = schemathesis.Config.from_dict({"generation": {"deterministic": True}})
    schema = schemathesis.openapi.from_url(f"{api.base_url}/openapi.json", config=config)
    # Live-update streams (…/events) answer 200 and then stay open for minutes by design; their
    # refusals (401/403/404) are covered by tests/e2e/test_live_updates.py and the role matrix.
    return schema.include(path_regex="^/api/").exclude(path_regex="/events$")


# schemathesis' pytest integration for a schema served by a fixture (from_fixture) does not run
# under pytest 9 (it rewrites Function._nodeid), so each operation gets a Hypothesis test here.
# The operations are split into PARTS by position, so that parallel test processes share them.
PARTS = 4


@pytest.mark.parametrize("part", range(PARTS))
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_answer_is_documented_and_no_input_causes_a_server_error(
    api: Api, mode: GenerationMode, part: int
) -> None:
    failures: list[str] = []
    operations = [result.ok() for result in _schema(api).get_all_operations()]
    assert len(operations) >= 8, "the API description lost operations"
    for operation in operations[part::PARTS]:

        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy(generation_mode=mode))
        def check(case: schemathesis.Case) -> None:
            if next(api.calls) % KEEP_GENERATED_EVERY:
                _authenticate(case, api)
            response = case.call(base_url=api.base_url)
            case.validate_response(response, checks=CHECKS)

        try:
            check()
        except Unsatisfiable:  # only strings of any value: nothing can be made invalid
            assert mode is GenerationMode.NEGATIVE
        except (Exception, FailureGroup) as exc:  # collect every operation's failures
            failures.append(f"{operation.label}: {exc}")
    assert not failures, "\n\n".join(failures)


def _authenticate(case: schemathesis.Case, api: Api) -> None:
    """Credentials that open something: a fresh conversation's id in every id parameter, and
    its token, a staff token on staff routes, or a vouched customer's signed identity."""
    if "authorization" not in {p.name.lower() for p in case.operation.headers}:
        return
    customer_ref = f"acct-{uuid.uuid4().hex[:12]}" if case.path.startswith("/api/v1/me/") else None
    conversation_id, token = api.conversation(customer_ref)
    if customer_ref:
        token = assertion_for(customer_ref)
    elif case.path.startswith("/api/v1/agent/"):
        token = api.staff_token
    ids = {p.name: conversation_id for p in case.operation.path_parameters if p.name.endswith("id")}
    case.path_parameters = {**(case.path_parameters or {}), **ids}
    case.headers = {**(case.headers or {}), "authorization": f"Bearer {token}"}


def _operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            if path.startswith("/api/"):
                yield method.upper(), path, operation


def test_every_api_operation_documents_the_errors_it_can_send(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    error_ref = {"$ref": "#/components/schemas/ErrorOut"}
    assert "HTTPValidationError" not in json.dumps(spec)
    assert set(spec["components"]["schemas"]["ErrorOut"]["required"]) == {"error"}
    operations = list(_operations(spec))
    assert len(operations) >= 8
    for method, path, operation in operations:
        responses = operation["responses"]
        where = f"{method} {path}"
        for status, response in responses.items():
            if status.startswith(("4", "5")):
                assert response["content"]["application/json"]["schema"] == error_ref, where
        assert "Retry-After" in responses["429"]["headers"], where
        assert "503" in responses, where
        params = {(p["in"], p["name"].lower()) for p in operation.get("parameters", [])}
        if ("header", "authorization") in params:
            assert "WWW-Authenticate" in responses["401"]["headers"], where
        if any(kind == "path" for kind, _ in params):
            assert "404" in responses, where
        if params or "requestBody" in operation:
            assert "422" in responses, where
        if method == "POST":
            assert {"400", "413"} <= set(responses), where
        if path.startswith("/api/v1/agent/"):
            assert "403" in responses, where
    by_path = {(m, p): o["responses"] for m, p, o in operations}
    for action in ("messages", "handoff", "consents"):
        assert "409" in by_path[("POST", f"/api/v1/conversations/{{conversation_id}}/{action}")]
    assert not {"403", "409"} & set(by_path[("POST", "/api/v1/conversations")])


def _caller(authorization: Annotated[str | None, Header()] = None) -> str | None:
    return authorization


def _poke(widget_id: str, who: Annotated[str | None, Depends(_caller)]) -> dict[str, str]:
    return {"id": widget_id}


def test_a_route_added_later_is_documented_by_the_same_rules(system: System) -> None:
    app = create_app(system)
    before = app.openapi()
    assert "/api/v1/widgets/{widget_id}/poke" not in before["paths"]
    router = APIRouter(prefix="/api/v1/widgets")
    router.post("/{widget_id}/poke")(_poke)
    app.include_router(router)
    responses = app.openapi()["paths"]["/api/v1/widgets/{widget_id}/poke"]["post"]["responses"]
    assert set(responses) == {"200", "400", "401", "404", "408", "409", "413", "422", "429", "503"}
