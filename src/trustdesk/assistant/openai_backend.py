"""A backend for any OpenAI-compatible chat server (vLLM, Ollama, llama.cpp, hosted APIs).

The model sees only redacted text and the retrieved passages, is told to answer from them
alone and to cite them as [1], [2]; its citations are mapped back to passage sources.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from trustdesk.assistant.base import Citation, Draft, HistoryItem
from trustdesk.assistant.retrieval import PassageIndex
from trustdesk.errors import BackendError

SYSTEM_PROMPT = """You are {assistant}, the AI customer-support assistant of {organization}.
You are an AI, not a person: never claim or imply to be human.
Answer ONLY from the numbered help-centre passages below. Cite every passage you use with its
number in square brackets, like [1]. If the passages do not answer the question, say that you
are not sure and offer to pass the conversation to a person; do not guess.
Text like [EMAIL_ADDRESS_1] is a placeholder for the customer's personal data: keep such
placeholders exactly as they are and never ask for the real value.

Passages:
{passages}"""

_CITE = re.compile(r"\[(\d{1,2})\]")
_ROLES = {"customer": "user", "assistant": "assistant", "agent": "assistant"}


class OpenAICompatibleBackend:
    """Grounded answers from an OpenAI-compatible server through the official ``openai`` client."""

    name = "openai"
    history_turns = 10  # earlier messages (redacted) the model is shown

    def __init__(
        self,
        index: PassageIndex,
        base_url: str,
        model: str,
        api_key: str | None,
        timeout_s: float,
        assistant_name: str,
        organization: str,
        passages: int = 4,
        actions: Sequence[str] = (),
    ) -> None:
        from openai import OpenAI

        self.index = index
        self.model = model
        self.passages = passages
        self.assistant_name = assistant_name
        self.organization = organization
        # The actions the policy lists; the model may propose them through a tool call only.
        self.tools = [propose_action_tool(actions)] if actions else None
        # Retries would hide an outage from the customer for minutes; one try, then a person.
        self.client = OpenAI(
            base_url=base_url, api_key=api_key or "not-needed", timeout=timeout_s, max_retries=0
        )

    def answer(self, question: str, history: Sequence[HistoryItem]) -> Draft:
        import openai
        from openai.types.chat import ChatCompletion

        hits = self.index.search(question, k=self.passages)
        listing = "\n\n".join(
            f"[{i}] {h.passage.title}\n{h.passage.text}" for i, h in enumerate(hits, 1)
        )
        messages: list[Any] = [
            {
                "role": "system",
                "content": SYSTEM_PROMPT.format(
                    assistant=self.assistant_name,
                    organization=self.organization,
                    passages=listing or "(no passage matched the question)",
                ),
            }
        ]
        messages += [
            {"role": _ROLES[h.role], "content": h.text} for h in history if h.role in _ROLES
        ]
        messages.append({"role": "user", "content": question})
        try:
            extra: dict[str, Any] = {"tools": self.tools} if self.tools else {}
            response = self.client.chat.completions.create(
                model=self.model, messages=messages, temperature=0, **extra
            )
        except openai.APITimeoutError:
            raise BackendError("the language model did not answer in time") from None
        except openai.APIStatusError as exc:
            raise BackendError(
                f"the language model server answered HTTP {exc.status_code}"
            ) from None
        except openai.APIError as exc:
            raise BackendError(
                f"the language model request failed ({exc.__class__.__name__})"
            ) from None
        except ValueError:  # a body that claims to be JSON and is not
            raise BackendError(
                "the language model server sent an answer that is not JSON"
            ) from None
        if not isinstance(response, ChatCompletion):  # e.g. an HTML page from a proxy
            raise BackendError("the language model server sent an answer in an unexpected format")
        if not response.choices:
            raise BackendError("the language model returned an empty answer")
        message = response.choices[0].message
        proposed = tool_actions(message.tool_calls or (), self.tools)
        text = (message.content or "").strip()
        if not text and not proposed:
            raise BackendError("the language model returned an empty answer")
        cited = sorted({int(n) for n in _CITE.findall(text) if 1 <= int(n) <= len(hits)})
        citations = tuple(
            Citation(hits[n - 1].passage.source, hits[n - 1].passage.title) for n in cited
        )
        # Grounded only if it cites what was retrieved; an uncited answer is not trusted.
        confidence = hits[0].coverage if hits and citations else 0.0
        return Draft(
            text=text, citations=citations, confidence=round(confidence, 3), actions=proposed
        )


def propose_action_tool(actions: Sequence[str]) -> dict[str, Any]:
    """The one tool the model is offered: propose an action the policy lists."""
    return {
        "type": "function",
        "function": {
            "name": "propose_action",
            "description": "Propose an action for the customer (it is NOT done by calling "
            "this: the business's rules decide whether a person must approve it first).",
            "parameters": {
                "type": "object",
                "properties": {
                    "action": {"type": "string", "enum": list(actions)},
                    "amount": {"type": ["number", "null"], "minimum": 0},
                    "currency": {"type": ["string", "null"], "pattern": "^[A-Z]{3}$"},
                    "reason": {"type": "string", "maxLength": 300},
                },
                "required": ["action", "reason"],
                "additionalProperties": False,
            },
        },
    }


def tool_actions(calls: Sequence[Any], tools: list[dict[str, Any]] | None) -> tuple[Any, ...]:
    """The proposals in a response's tool calls. Anything malformed or not offered is still
    a proposal — of an unknown action, which the policy always sends to a person."""
    from trustdesk.assistant.actions import ProposedAction

    if not calls:
        return ()
    allowed = (
        set(tools[0]["function"]["parameters"]["properties"]["action"]["enum"]) if tools else set()
    )
    proposed = []
    for call in calls:
        function = getattr(call, "function", None)
        name = getattr(function, "name", "")
        try:
            args = json.loads(getattr(function, "arguments", "") or "{}")
        except ValueError:
            args = {}
        action = args.get("action") if isinstance(args, dict) else None
        if name != "propose_action" or action not in allowed:
            action = "unlisted_action"
        amount = args.get("amount") if isinstance(args, dict) else None
        currency = args.get("currency") if isinstance(args, dict) else None
        proposed.append(
            ProposedAction(
                action=str(action),
                amount=float(amount) if isinstance(amount, int | float) and amount >= 0 else None,
                currency=currency if isinstance(currency, str) and len(currency) == 3 else None,
                reason="proposed by the language model",
            )
        )
    return tuple(proposed)
