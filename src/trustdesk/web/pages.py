"""Server-rendered pages: the chat, the privacy notice and the cited help-centre articles."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from trustdesk.errors import NotFoundError

router = APIRouter(include_in_schema=False)


def _templates(request: Request) -> Jinja2Templates:
    templates: Jinja2Templates = request.app.state.templates
    return templates


def _context(request: Request) -> dict[str, Any]:
    system = request.app.state.system
    return {"policy": system.policy.policy, "policy_version": system.policy.version}


@router.get("/", response_class=HTMLResponse)
def chat_page(request: Request) -> HTMLResponse:
    return _templates(request).TemplateResponse(request, "chat.html", _context(request))


@router.get("/privacy", response_class=HTMLResponse)
def privacy_page(request: Request) -> HTMLResponse:
    return _templates(request).TemplateResponse(request, "privacy.html", _context(request))


@router.get("/help/{document}", response_class=HTMLResponse)
def help_article(request: Request, document: str) -> HTMLResponse:
    """One knowledge-base document; each cited passage has its own anchor."""
    passages = [
        p for p in request.app.state.system.index.passages if p.source.split("#")[0] == document
    ]
    if not passages:
        raise NotFoundError("no such help-centre article")
    sections = [
        {"anchor": p.source.split("#", 1)[1], "title": p.title, "text": p.text} for p in passages
    ]
    context = {**_context(request), "document": document, "sections": sections}
    return _templates(request).TemplateResponse(request, "help.html", context)
