"""The readable HTML page of a data subject export."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("trustdesk.reports", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )


def render_export_html(export: dict[str, Any], organization: str) -> str:
    """Everything held about a customer, as a page a person can read. Every value is escaped."""
    template = _environment().get_template("export.html")
    return template.render(export=export, organization=organization)
