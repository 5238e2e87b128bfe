"""Staff sign-in over HTTP, and the one dependency every staff endpoint authenticates with.

A staff member is authenticated by ``Authorization: Bearer <their API token>`` or by the
session cookie that ``POST /api/v1/staff/sign-in`` sets. A request signed in with the cookie
that changes something (POST, PUT, PATCH, DELETE) must also carry ``X-CSRF-Token`` (the token
sign-in returned) and, when it has an ``Origin`` header, come from this server's own origin.

A staff endpoint asks for a permission, and gets the member::

    Agent = Annotated[StaffMember, Depends(require(Permission.CLAIM))]

    @router.post("/conversations/{conversation_id}/claim")
    def claim(conversation_id: str, who: Agent) -> ...

or only for someone signed in: ``who: StaffIdentity``.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, ConfigDict, Field, StrictStr

from trustdesk.conversation.agents import StaffMember, StaffSession
from trustdesk.conversation.staff_auth import MAX_PASSWORD_CHARS, POLICY_GOVERNED, Permission
from trustdesk.errors import AuthError, ForbiddenError
from trustdesk.settings import Settings
from trustdesk.web.deps import Agents, Running, Token
from trustdesk.web.limits import IPNetwork, client_address, parse_networks

SESSION_COOKIE = "trustdesk_session"
#: The cookie's name over HTTPS: the prefix makes browsers refuse it unless it is Secure, for
#: Path=/ and without a Domain, so a neighbouring subdomain cannot plant one.
SECURE_SESSION_COOKIE = "__Host-trustdesk_session"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

router = APIRouter(prefix="/api/v1/staff", tags=["staff"])


# -- where the request came from ------------------------------------------------------------


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[IPNetwork, ...]:
    return parse_networks(entries)


def _via_trusted_proxy(request: Request, settings: Settings) -> bool:
    peer = request.client.host if request.client else ""
    try:
        address = ipaddress.ip_address(peer)
    except ValueError:
        return False
    return any(address in network for network in _networks(settings.trusted_proxies))


def _forwarded(request: Request, header: str) -> str | None:
    """The value the nearest proxy wrote (the last one), lowercased."""
    values = [v.strip() for v in request.headers.get(header, "").split(",") if v.strip()]
    return values[-1].lower() if values else None


def is_https(request: Request, settings: Settings) -> bool:
    """Whether the client reached us over HTTPS: directly, or through a trusted proxy that
    says so in X-Forwarded-Proto (from anyone else the header proves nothing)."""
    if request.url.scheme == "https":
        return True
    return _via_trusted_proxy(request, settings) and (
        _forwarded(request, "x-forwarded-proto") == "https"
    )


def own_origin(request: Request, settings: Settings) -> str:
    """This server's origin as the browser sees it (scheme and host)."""
    host = request.headers.get("host", "").lower()
    if _via_trusted_proxy(request, settings):
        host = _forwarded(request, "x-forwarded-host") or host
    return f"{'https' if is_https(request, settings) else 'http'}://{host}"


def check_origin(request: Request, settings: Settings) -> None:
    """Refuse a request whose Origin header names another site (the header is optional:
    clients that are not browsers do not send it)."""
    origin = request.headers.get("origin")
    if origin is not None and origin.strip().lower() != own_origin(request, settings):
        raise ForbiddenError(
            "this request comes from another site (its Origin header is not this server's); "
            "sign in and act from this server's own pages"
        )


def cookie_name(secure: bool) -> str:
    return SECURE_SESSION_COOKIE if secure else SESSION_COOKIE


# -- who is asking --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StaffCaller:
    """An authenticated staff member, and their session (None when they sent a token)."""

    member: StaffMember
    session: StaffSession | None


def staff_caller(request: Request, agents: Agents, token: Token, running: Running) -> StaffCaller:
    """Authenticate by bearer token, else by session cookie (with the CSRF checks)."""
    if token:
        return StaffCaller(agents.authenticate(token), None)
    settings = running.settings
    session_id = request.cookies.get(cookie_name(is_https(request, settings)))
    if not session_id:
        raise AuthError(
            "sign in first: send 'Authorization: Bearer <your staff token>', or the session "
            "cookie that POST /api/v1/staff/sign-in sets"
        )
    session = agents.session(session_id)
    if request.method not in SAFE_METHODS:
        check_origin(request, settings)
        if not agents.csrf_matches(session_id, request.headers.get(CSRF_HEADER)):
            raise ForbiddenError(
                f"missing or wrong {CSRF_HEADER} header: a request signed in with the session "
                "cookie that changes something must send the csrf_token that sign-in (or GET "
                "/api/v1/staff/me) returned"
            )
    return StaffCaller(session.member, session)


Caller = Annotated[StaffCaller, Depends(staff_caller)]


async def staff_identity(caller: Caller) -> StaffMember:
    return caller.member


#: Any signed-in staff member, whatever their role.
StaffIdentity = Annotated[StaffMember, Depends(staff_identity)]


@cache
def require(permission: Permission) -> Callable[..., Awaitable[StaffMember]]:
    """A dependency that lets through only staff whose role has ``permission`` (403 naming the
    permission otherwise). One function per permission, so FastAPI resolves it once a request.
    """

    decided_by = (
        f"the policy's {POLICY_GOVERNED[permission]} decide"
        if permission in POLICY_GOVERNED
        else "docs/accountability.md lists"
    )

    async def dependency(member: StaffIdentity, agents: Agents) -> StaffMember:
        if not agents.allows(member, permission):
            raise ForbiddenError(
                f"your role ({member.role}) lacks the permission {permission.value!r}; "
                f"{decided_by} which roles have it"
            )
        return member

    dependency.__name__ = f"require_{permission.value}"
    return dependency


# -- sign-in, sign-out, me ------------------------------------------------------------------


class SignIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: StrictStr = Field(min_length=1, max_length=64, description="Your staff name.")
    password: StrictStr = Field(min_length=1, max_length=MAX_PASSWORD_CHARS)


class SignedInOut(BaseModel):
    name: str
    role: str
    display_name: str | None
    csrf_token: str = Field(
        description=f"Send it as {CSRF_HEADER} with every POST, PUT, PATCH and DELETE."
    )
    expires_at: str = Field(description="When the session ends unless it is used before.")
    permissions: list[str]


class MeOut(BaseModel):
    name: str
    role: str
    display_name: str | None
    permissions: list[str]
    via: str = Field(description="'session' (the cookie) or 'token' (a bearer token).")
    csrf_token: str | None = Field(description="The session's CSRF token; null for a token.")
    expires_at: str | None = Field(description="When the session ends; null for a token.")


class SignedOutOut(BaseModel):
    signed_out: bool = Field(description="Whether a session was ended (false for a token).")


SIGN_IN_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "The name or the password is wrong, or the account is disabled."},
    403: {"description": "The request came from another site (its Origin header)."},
    429: {"description": "Too many failed sign-ins for this name or from this address."},
}


@router.post("/sign-in", response_model=SignedInOut, responses=SIGN_IN_ERRORS)
def sign_in(
    body: SignIn, request: Request, response: Response, agents: Agents, running: Running
) -> dict[str, Any]:
    """Open a console session: sets an HttpOnly, SameSite=Strict session cookie (Secure over
    HTTPS) and returns the CSRF token that state-changing requests must send."""
    settings = running.settings
    check_origin(request, settings)
    address = client_address(request.scope, _networks(settings.trusted_proxies))
    session = agents.sign_in(body.name, body.password, address)
    secure = is_https(request, settings)
    name = cookie_name(secure)
    if previous := request.cookies.get(name):
        agents.sign_out(previous)
    response.set_cookie(
        name, session.session_id, path="/", secure=secure, httponly=True, samesite="strict"
    )
    return {
        **_member(session.member, agents),
        "csrf_token": agents.csrf_token(session.session_id),
        "expires_at": session.expires_at.isoformat(),
    }


@router.post("/sign-out", response_model=SignedOutOut)
def sign_out(
    request: Request, response: Response, caller: Caller, agents: Agents, running: Running
) -> dict[str, Any]:
    """End the session of the cookie (a bearer token stays valid: rotate it with
    ``trustdesk staff rotate-token``)."""
    if caller.session is not None:
        agents.sign_out(caller.session.session_id)
        secure = is_https(request, running.settings)
        response.delete_cookie(
            cookie_name(secure), path="/", secure=secure, httponly=True, samesite="strict"
        )
    return {"signed_out": caller.session is not None}


@router.get("/me", response_model=MeOut)
def me(caller: Caller, agents: Agents) -> dict[str, Any]:
    """Who is signed in, with their role's permissions (and, for a session, its CSRF token
    and end, so that a reloaded console page can carry on)."""
    session = caller.session
    return {
        **_member(caller.member, agents),
        "via": "session" if session else "token",
        "csrf_token": agents.csrf_token(session.session_id) if session else None,
        "expires_at": session.expires_at.isoformat() if session else None,
    }


def _member(member: StaffMember, agents: Agents) -> dict[str, Any]:
    return {
        "name": member.name,
        "role": member.role,
        "display_name": member.display_name,
        "permissions": [p.value for p in agents.permissions(member)],
    }
