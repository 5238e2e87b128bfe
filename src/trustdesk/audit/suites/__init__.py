"""Probe suites by name: ``default`` (trustdesk.audit.suites.default)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from trustdesk.errors import InputError

if TYPE_CHECKING:
    from trustdesk.audit.suite import Suite

SUITES = {"default": "trustdesk.audit.suites.default"}


def load_suite(name: str) -> Suite:
    """The suite registered as ``name``."""
    if name not in SUITES:
        raise InputError(f"unknown probe suite {name!r}; known: {', '.join(sorted(SUITES))}")
    suite: Suite = importlib.import_module(SUITES[name]).SUITE
    return suite
