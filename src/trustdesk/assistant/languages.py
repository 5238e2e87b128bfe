"""Knowledge bases per language: one backend per language, chosen for each customer turn.

A business that serves customers in several languages ingests a knowledge base for each with
``trustdesk kb ingest DIR --language fr`` (docs/knowledge-base.md#a-knowledge-base-per-language).
:class:`LanguageRoutedBackend` holds the backend of the default knowledge base and one per
language; the turn core asks it, through :meth:`LanguageRoutedBackend.for_language`, for the
backend of the language it will reply in (the customer's, as ``decide_turn`` reads it), and a
language without a knowledge base of its own is answered from the default one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any

from trustdesk.assistant.base import AssistantBackend, Draft, HistoryItem


class LanguageRoutedBackend:
    """The default knowledge base's backend, and one backend per language that has its own."""

    def __init__(self, default: AssistantBackend, by_language: Mapping[str, AssistantBackend]):
        self.default = default
        self.by_language = MappingProxyType(dict(by_language))
        self.name = default.name
        # What the service and the turn core read of a backend: the same for every language.
        self.history_turns = getattr(default, "history_turns", 10)
        self.quotes_only = bool(getattr(default, "quotes_only", False))

    def for_language(self, language: str | None) -> AssistantBackend:
        """The backend that answers a customer writing in ``language`` ("fr", or a tag such as
        "fr-CA"): that language's own knowledge base, else the default one."""
        if language:
            found = self.by_language.get(language.lower()[:2])
            if found is not None:
                return found
        return self.default

    def answer(self, question: str, history: Sequence[HistoryItem]) -> Draft:
        """An answer from the default knowledge base (callers that know the customer's
        language use :meth:`for_language` first, as the turn core does)."""
        return self.default.answer(question, history)

    def __getattr__(self, name: str) -> Any:  # model, max_citations …: the default's
        if name in ("default", "by_language"):
            raise AttributeError(name)
        return getattr(self.default, name)
