"""Dependency providers for the routers.

Handlers ask for what they need with ``Depends(...)`` on these functions, which find the system
``create_app`` was given on the app (``app.state``), so no handler reaches into ``app.state``
and a test can substitute any of them (``app.dependency_overrides``). ``create_app`` itself uses
no overrides: while there are any, FastAPI re-analyses every dependency on every request.

They are ``async def`` because they never block: FastAPI runs a plain ``def`` dependency in the
thread pool, and a thread hop per dependency per request costs more than the work itself.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header
from fastapi.requests import HTTPConnection
from fastapi.templating import Jinja2Templates

from trustdesk.composition import System
from trustdesk.conversation.agents import AgentAccess
from trustdesk.conversation.identity import IdentityVerifier
from trustdesk.conversation.service import ConversationService
from trustdesk.privacy.requests import PrivacyService


async def system(connection: HTTPConnection) -> System:
    """The running system, as ``create_app`` stored it."""
    running: System = connection.app.state.system
    return running


async def templates(connection: HTTPConnection) -> Jinja2Templates:
    """The page templates, as ``create_app`` stored them."""
    found: Jinja2Templates = connection.app.state.templates
    return found


async def conversations(running: Annotated[System, Depends(system)]) -> ConversationService:
    return running.service


async def privacy(running: Annotated[System, Depends(system)]) -> PrivacyService:
    return running.privacy


async def identity(running: Annotated[System, Depends(system)]) -> IdentityVerifier:
    return running.identity


async def agents(running: Annotated[System, Depends(system)]) -> AgentAccess:
    return running.agents


async def bearer(authorization: Annotated[str | None, Header()] = None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, or None."""
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


Service = Annotated[ConversationService, Depends(conversations)]
Privacy = Annotated[PrivacyService, Depends(privacy)]
Identity = Annotated[IdentityVerifier, Depends(identity)]
Agents = Annotated[AgentAccess, Depends(agents)]
Running = Annotated[System, Depends(system)]
Templates = Annotated[Jinja2Templates, Depends(templates)]
Token = Annotated[str | None, Depends(bearer)]
