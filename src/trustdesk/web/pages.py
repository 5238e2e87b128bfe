"""Server-rendered pages: the chat, the staff console, the privacy notice and the cited
help-centre articles."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from trustdesk.composition import System
from trustdesk.errors import NotFoundError
from trustdesk.web.deps import Running, Templates

router = APIRouter(include_in_schema=False)


def _context(system: System) -> dict[str, Any]:
    return {"policy": system.policy.policy, "policy_version": system.policy.version}


@router.get("/", response_class=HTMLResponse)
def chat_page(request: Request, system: Running, templates: Templates) -> HTMLResponse:
    return templates.TemplateResponse(request, "chat.html", _context(system))


@router.get("/console", response_class=HTMLResponse)
def console_page(request: Request, system: Running, templates: Templates) -> HTMLResponse:
    """The staff console; it signs in and works through the staff API (docs/console.md)."""
    return templates.TemplateResponse(request, "console.html", _context(system))


@router.get("/privacy", response_class=HTMLResponse)
def privacy_page(request: Request, system: Running, templates: Templates) -> HTMLResponse:
    return templates.TemplateResponse(request, "privacy.html", _context(system))


@router.get("/help/{document}", response_class=HTMLResponse)
def help_article(
    request: Request, document: str, system: Running, templates: Templates
) -> HTMLResponse:
    """One knowledge-base document; each cited passage has its own anchor."""
    passages = [p for p in system.index.passages if p.source.split("#")[0] == document]
    if not passages:
        raise NotFoundError("no such help-centre article")
    sections = [
        {"anchor": p.source.split("#", 1)[1], "title": p.title, "text": p.text} for p in passages
    ]
    context = {**_context(system), "document": document, "sections": sections}
    return templates.TemplateResponse(request, "help.html", context)
