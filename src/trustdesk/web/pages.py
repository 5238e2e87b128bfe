"""Server-rendered pages: the chat, the staff console, the privacy notice, the transparency
report and the cited help-centre articles."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from trustdesk.composition import System
from trustdesk.errors import NotFoundError
from trustdesk.web.deps import Running, Templates
from trustdesk.web.i18n import DEFAULT, catalogue, choose_language, language_choices

router = APIRouter(include_in_schema=False)


def page_context(system: System) -> dict[str, Any]:
    policy = system.policy.policy
    return {
        "policy": policy,
        "policy_version": system.policy.version,
        "lang": policy.disclosure.language,
        "t": catalogue(DEFAULT),
    }


def chat_context(request: Request, system: System) -> dict[str, Any]:
    """The chat page in the customer's language (``?lang=``, else the browser's, else the
    policy's): the page's own words from the catalogues, the banner from the policy."""
    policy = system.policy.policy
    lang = choose_language(
        request.query_params.get("lang"),
        request.headers.get("accept-language"),
        policy.disclosure.language,
    )
    return {
        **page_context(system),
        "lang": lang,
        "t": catalogue(lang),
        "banner": policy.say("banner", lang),
        "languages": language_choices(),
    }


def chat_response(
    request: Request, system: System, templates: Templates, **extra: Any
) -> HTMLResponse:
    """The chat page (standalone or embedded); it varies with the browser's languages."""
    context = {**chat_context(request, system), **extra}
    response = templates.TemplateResponse(request, "chat.html", context)
    response.headers["vary"] = "Accept-Language"
    return response


@router.get("/", response_class=HTMLResponse)
def chat_page(request: Request, system: Running, templates: Templates) -> HTMLResponse:
    return chat_response(request, system, templates)


@router.get("/console", response_class=HTMLResponse)
def console_page(request: Request, system: Running, templates: Templates) -> HTMLResponse:
    """The staff console; it signs in and works through the staff API (docs/console.md)."""
    return templates.TemplateResponse(request, "console.html", page_context(system))


@router.get("/privacy", response_class=HTMLResponse)
def privacy_page(request: Request, system: Running, templates: Templates) -> HTMLResponse:
    return templates.TemplateResponse(request, "privacy.html", page_context(system))


# Shared caches may keep the public report as long as the server keeps its figures.
TRANSPARENCY_CACHE = "public, max-age=300"


@router.get("/transparency", response_class=HTMLResponse)
def transparency_page(request: Request, system: Running, templates: Templates) -> HTMLResponse:
    """The public transparency report (docs/transparency.md): aggregates only, small figures
    suppressed, computed at most every few minutes whoever asks."""
    from trustdesk.reports.transparency import build_transparency_report
    from trustdesk.reports.transparency_render import render_transparency_body

    report = build_transparency_report(
        system.policy.policy, system.policy.version, system.transparency.cached()
    )
    context = {**page_context(system), "report": report, "body": render_transparency_body(report)}
    response = templates.TemplateResponse(request, "transparency.html", context)
    response.headers["cache-control"] = TRANSPARENCY_CACHE
    return response


@router.get("/help/{document:path}", response_class=HTMLResponse)
def help_article(
    request: Request, document: str, system: Running, templates: Templates
) -> HTMLResponse:
    """One knowledge-base document (``returns.md``, or ``fr/retours.md`` from a language's
    own knowledge base); each cited passage has its own anchor."""
    passages = [p for p in system.passages if p.source.split("#")[0] == document]
    if not passages:
        raise NotFoundError("no such help-centre article")
    sections = [
        {"anchor": p.source.split("#", 1)[1], "title": p.title, "text": p.text} for p in passages
    ]
    context = {**page_context(system), "document": document, "sections": sections}
    return templates.TemplateResponse(request, "help.html", context)
