"""Make the OpenAPI description name every error answer a route can really send.

FastAPI documents a route's success answer and a 422 in its own validation-error shape. The
answers that come from elsewhere (the bearer check, the body guard, the rate limit, the store)
are added here, after the routers are built, from what each route declares: its methods, its
path, query and header parameters, its body and its dependencies. A new route is documented by
the same rules without being listed anywhere.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field
from starlette.routing import BaseRoute

from trustdesk.web.middleware import MAX_BODY_BYTES

API_PREFIX = "/api/"
STAFF_PREFIX = "/api/v1/agent/"
BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
SCHEMA_REF = "#/components/schemas/{model}"


class FieldProblem(BaseModel):
    """One field that did not validate; names only what the API declares."""

    field: str = Field(description="Dotted location; '*' stands for a name the caller chose.")
    problem: str


class ErrorDetail(BaseModel):
    """What went wrong, in words that say what to fix; never what was sent."""

    code: str = Field(description="Stable machine-readable code, e.g. invalid_request.")
    message: str
    details: list[FieldProblem] | None = Field(
        default=None, description="Per-field problems (422 invalid_request only)."
    )


class ErrorOut(BaseModel):
    """Every error answer of the API."""

    error: ErrorDetail


@dataclass(frozen=True, slots=True)
class RouteFacts:
    """What a route declares, read from its dependant tree."""

    methods: frozenset[str]
    path: str
    tags: frozenset[str]
    has_path_params: bool
    has_params: bool
    has_body: bool
    reads_bearer: bool

    @classmethod
    def of(cls, route: Any) -> RouteFacts:
        """Collect the facts of one API route (or FastAPI's view of an included one)."""
        dependants = list(_walk(route.dependant)) if route.dependant else []
        headers = {p.alias.lower() for d in dependants for p in d.header_params}
        calls = {getattr(d.call, "__name__", "") for d in dependants}
        return cls(
            methods=frozenset(route.methods or ()),
            path=str(route.path_format),
            tags=frozenset(str(t) for t in route.tags),
            has_path_params=any(d.path_params for d in dependants),
            has_params=any(
                d.path_params or d.query_params or d.header_params or d.cookie_params
                for d in dependants
            ),
            has_body=route.body_field is not None or any(d.body_params for d in dependants),
            reads_bearer="authorization" in headers or "bearer" in calls,
        )

    @property
    def is_staff(self) -> bool:
        return self.path.startswith(STAFF_PREFIX) or "staff" in self.tags

    @property
    def is_sub_resource_action(self) -> bool:
        """A POST to …/{id}/action: it acts on a resource whose state can forbid it."""
        segments = self.path.rstrip("/").split("/")
        return (
            "POST" in self.methods
            and len(segments) >= 2
            and segments[-2].startswith("{")
            and not segments[-1].startswith("{")
        )


def _walk(dependant: Dependant) -> Iterator[Dependant]:
    yield dependant
    for child in dependant.dependencies:
        yield from _walk(child)


def served_routes(routes: Sequence[BaseRoute]) -> Iterator[Any]:
    """Every route as the app serves it, included routers' prefixes applied."""
    try:  # FastAPI >= 0.16x keeps an included router as one route
        from fastapi.routing import iter_route_contexts
    except ImportError:  # pragma: no cover - older FastAPI copies the routes instead
        yield from routes
        return
    yield from iter_route_contexts(routes)


def api_routes(routes: Sequence[BaseRoute]) -> Iterator[Any]:
    """The APIRoutes among :func:`served_routes`."""
    for route in served_routes(routes):
        if isinstance(getattr(route, "original_route", route), APIRoute):
            yield route


def _error(description: str, headers: dict[str, Any] | None = None) -> dict[str, Any]:
    response: dict[str, Any] = {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": SCHEMA_REF.format(model="ErrorOut")}}},
    }
    if headers:
        response["headers"] = headers
    return response


_KIB = MAX_BODY_BYTES // 1024
RESPONSES: dict[str, dict[str, Any]] = {
    "400": _error(
        "The body is not valid JSON, a JSON body is not UTF-8, or Content-Length is invalid."
    ),
    "401": _error(
        "The credentials (a conversation or staff token, a signed identity, the service "
        "key) are missing, malformed, unknown or expired.",
        {
            "WWW-Authenticate": {
                "description": "Always `Bearer`.",
                "required": True,
                "schema": {"type": "string"},
            }
        },
    ),
    "403": _error("Authenticated, but this staff role may not do this."),
    "404": _error(
        "Nothing by that id for these credentials (another conversation's id answers as if it "
        "did not exist), or nothing is held for the vouched customer."
    ),
    "408": _error("The request body did not arrive in time."),
    "409": _error(
        "The resource's state forbids this now (e.g. the conversation is resolved), or "
        "another request changed it first: send it again."
    ),
    "413": _error(f"The request body is larger than {_KIB} KiB; it was not read."),
    "422": _error(
        "The request does not validate; `message` and `details` say what to fix. Nothing "
        "that was sent is repeated."
    ),
    "429": _error(
        "Too many requests from this address; nothing was done.",
        {
            "Retry-After": {
                "description": "Seconds to wait before trying again.",
                "required": True,
                "schema": {"type": "integer", "minimum": 0},
            }
        },
    ),
    "503": _error(
        "The database is unavailable or the server is at its connection limit; nothing was "
        "changed. Try again shortly.",
        {
            "Retry-After": {
                "description": "Seconds to wait before trying again.",
                "required": True,
                "schema": {"type": "integer", "minimum": 0},
            }
        },
    ),
}


def error_statuses(facts: RouteFacts) -> list[str]:
    """The error statuses a route can answer with, derived from what it declares."""
    if not facts.path.startswith(API_PREFIX):
        return []
    statuses = {"429", "503"}
    if facts.methods & BODY_METHODS:
        # The body guard reads every body, declared or not, before routing.
        statuses |= {"400", "408", "413"}
    if facts.has_params or facts.has_body:
        statuses.add("422")
    if facts.reads_bearer:
        statuses.add("401")
    if facts.has_path_params or (facts.reads_bearer and not facts.has_body):
        # What the path names may not exist; nor may anything be held for the token's customer.
        statuses.add("404")
    if facts.is_staff:
        statuses.add("403")
    elif facts.is_sub_resource_action:
        statuses.add("409")
    return sorted(statuses)


def _document(schema: dict[str, Any], routes: Sequence[BaseRoute]) -> None:
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    error_schema = ErrorOut.model_json_schema(ref_template=SCHEMA_REF)
    components.update(error_schema.pop("$defs", {}))
    components["ErrorOut"] = error_schema
    paths = schema.get("paths", {})
    for route in api_routes(routes):
        if not route.include_in_schema:
            continue
        facts = RouteFacts.of(route)
        for method in facts.methods:
            operation = paths.get(facts.path, {}).get(method.lower())
            if operation is None:
                continue
            responses = operation.setdefault("responses", {})
            responses.pop("422", None)  # FastAPI's default describes a shape we never send
            for status in error_statuses(facts):
                responses[status] = _merge(RESPONSES[status], responses.get(status))
            for status, declared in list(responses.items()):
                if status[0] in "45":  # declared by the route itself: give it the error shape
                    ours = RESPONSES.get(status) or _error(declared.get("description", "Error"))
                    responses[status] = _merge(ours, declared)
    _drop_unused(schema, ("HTTPValidationError", "ValidationError"))


def _merge(ours: dict[str, Any], declared: dict[str, Any] | None) -> dict[str, Any]:
    """A route's own declaration wins, except an error without a schema gets ErrorOut."""
    if not declared:
        return ours
    merged = {**ours, **declared}
    json_content = (declared.get("content") or {}).get("application/json")
    if not json_content or "schema" not in json_content:
        merged["content"] = {**(declared.get("content") or {}), **ours["content"]}
    return merged


def _drop_unused(schema: dict[str, Any], names: tuple[str, ...]) -> None:
    components = schema["components"]["schemas"]
    for name in names:
        others = {k: v for k, v in schema.items() if k != "components"}
        others["schemas"] = {k: v for k, v in components.items() if k != name}
        if SCHEMA_REF.format(model=name) not in json.dumps(others):
            components.pop(name, None)


def document_responses(app: FastAPI) -> None:
    """Make ``app.openapi()`` list every error answer of every API route (built once, lazily)."""
    build = app.openapi
    documented: list[dict[str, Any]] = []

    def openapi() -> dict[str, Any]:
        schema = build()  # FastAPI's own cache: rebuilt only when the routes change
        if not documented or documented[0] is not schema:
            _document(schema, app.routes)
            documented[:] = [schema]
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
