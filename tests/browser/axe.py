"""Accessibility checks with axe-core, read from the copy `scripts/test.sh` installs from npm
(never from a network at test time). A missing copy fails the check: it is not skipped."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
AXE = Path(os.environ.get("TRUSTDESK_AXE", ROOT / ".cache/axe/node_modules/axe-core/axe.min.js"))
# WCAG 2.1 A and AA, as the issue asks ("axe-clean").
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@cache
def _source() -> str:
    if not AXE.is_file():
        raise AssertionError(
            f"axe-core is not installed at {AXE}: run scripts/test.sh (it installs it with npm) "
            "or set TRUSTDESK_AXE to axe.min.js"
        )
    return AXE.read_text(encoding="utf-8")


def violations(page: Page) -> list[dict[str, Any]]:
    """axe's WCAG 2.1 AA violations on the page as it is now (frames included)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_source())  # evaluated by the browser's debugger: not subject to the CSP
    found: list[dict[str, Any]] = page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))"
        ".violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))",
        TAGS,
    )
    return found


def assert_accessible(page: Page) -> None:
    found = violations(page)
    assert not found, "axe-core found accessibility violations:\n" + "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} at {', '.join(v['nodes'])}" for v in found
    )
