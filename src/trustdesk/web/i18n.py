"""The chat page's and the widget's own words in the seven languages of the guards: message
catalogues (``web/catalogues/<language>.json``), and the choice of language for a request.

The customer-facing texts a business writes (greeting, banner, handoff messages) come from
the policy and its ``translations``; the catalogues hold only the page's controls, labels and
notices. Every catalogue has the same keys and the same ``{placeholders}`` (a test holds them
together), so a language never shows a hole.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from trustdesk.language.detect import preferred_language

CATALOGUES = Path(__file__).parent / "catalogues"
LANGUAGES = ("en", "fr", "de", "es", "it", "nl", "pt")
DEFAULT = "en"


@cache
def catalogue(language: str) -> dict[str, str]:
    """The catalogue of ``language`` (one of LANGUAGES)."""
    if language not in LANGUAGES:
        raise KeyError(language)
    data: dict[str, str] = json.loads((CATALOGUES / f"{language}.json").read_text("utf-8"))
    return data


def choose_language(asked: str | None, accept_language: str | None, policy_language: str) -> str:
    """The page's language: the one asked for (``?lang=``, the switcher) when supported, else
    the browser's preferred supported one (``Accept-Language``), else the policy's own, else
    English."""
    if asked in LANGUAGES:
        return asked
    preferred = preferred_language(accept_language)
    if preferred in LANGUAGES:
        return preferred
    own = policy_language.split("-")[0].lower()
    return own if own in LANGUAGES else DEFAULT


def language_choices() -> list[dict[str, Any]]:
    """The switcher's options: each language named in itself."""
    return [{"code": code, "name": catalogue(code)["language_name"]} for code in LANGUAGES]
