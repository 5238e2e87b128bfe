"""The readable HTML page of a data subject export: dates in words, choices and routes in
plain language (the JSON beside it keeps the exact values), the assistant's bold markers as
bold text, and every value escaped."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

PURPOSES = {
    "ai_assistance": "Answers from the AI assistant",
    "transcript_storage": "Keeping your transcript longer",
    "service_improvement": "Using your conversations for fairness checks",
}
CHANNELS = {"web_chat": "the chat page", "widget": "the chat on a website", "api": "an app"}
STATUSES = {
    "ai_active": "answered by the AI assistant",
    "handoff_requested": "waiting for a person",
    "human_active": "with a person from our team",
    "resolved": "closed",
}
ROUTES = {
    "assistant": "The AI assistant answered",
    "disclosure": "The assistant said it is an AI",
    "low_confidence": "The assistant was not sure and offered you a person",
    "person_offered": "The assistant asked whether you wanted a person",
    "handoff_requested": "Passed to a person",
    "handoff_failure": "Passed to a person after a technical problem",
    "human_queue": "Kept for the person handling the conversation",
}
CONCERN_CATEGORIES = {
    "inaccurate": "wrong or misleading",
    "harmful": "offensive or harmful",
    "privacy": "exposed personal data",
    "unfair": "treated you unfairly",
    "other": "something else",
}
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def when(value: str | None) -> str:
    """An ISO timestamp as a person reads it: "1 December 2026, 13:04 UTC"."""
    if not value:
        return ""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return f"{moment.day} {moment:%B %Y, %H:%M} UTC"


def rich(text: str | None) -> Markup:
    """A message's text, escaped, with the assistant's **bold** markers as bold text."""
    escaped = str(escape(text or ""))
    return Markup(_BOLD.sub(lambda m: f"<strong>{m.group(1)}</strong>", escaped))


def label(value: str | None, names: dict[str, str]) -> str:
    """A stored code in words (unknown codes as they are, underscores as spaces)."""
    if value is None:
        return ""
    return names.get(value, value.replace("_", " "))


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("trustdesk.reports", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    env.filters.update(when=when, rich=rich)
    env.globals.update(
        label=label,
        PURPOSES=PURPOSES,
        CHANNELS=CHANNELS,
        STATUSES=STATUSES,
        ROUTES=ROUTES,
        CONCERN_CATEGORIES=CONCERN_CATEGORIES,
    )
    return env


def render_export_html(export: dict[str, Any], organization: str) -> str:
    """Everything held about a customer, as a page a person can read. Every value is escaped."""
    template = _environment().get_template("export.html")
    return template.render(export=export, organization=organization)
