"""A backend for any OpenAI-compatible chat server (vLLM, Ollama, llama.cpp, hosted APIs).

The model sees only redacted text and the retrieved passages, is told to answer from them
alone, briefly, in the customer's language, and to cite them as [1], [2]. Its reply is bounded
by the policy's ``assistant.max_reply_tokens`` (sent as ``max_tokens``; a reply cut there is
trimmed to its last whole sentence), judged sentence by sentence against the passages it cites
(``grounding.judge``: the confidence is the weakest sentence's support), and keeps at most
``assistant.max_citations`` citations — the passages that support what it says. TrustDesk's
own canned messages (the offer of a person, hand-off notices) are not shown back to the model
as if it had written them.
"""

from __future__ import annotations

import contextlib
import json
import logging
import time
from collections.abc import Callable, Collection, Iterator, Sequence
from types import SimpleNamespace
from typing import Any

from trustdesk.assistant.base import Citation, Draft, HistoryItem
from trustdesk.assistant.grounding import (
    SentenceStream,
    StreamedSentence,
    judge,
    whole_sentences,
)
from trustdesk.assistant.retrieval import PassageIndex
from trustdesk.errors import BackendError, ConfigurationError
from trustdesk.language.detect import guess

log = logging.getLogger(__name__)

SYSTEM_PROMPT = """You are {assistant}, the AI customer-support assistant of {organization}.
You are an AI, not a person: never claim or imply to be human.
Answer ONLY from the numbered help-centre passages below. Cite every passage you use with its
number in square brackets, like [1], right after the sentence that uses it. Be brief: a few
sentences. If the passages do not answer the question, say that you are not sure and offer to
pass the conversation to a person; do not guess. Answer in {language}.
Text like [EMAIL_ADDRESS_1] is a placeholder for the customer's personal data: keep such
placeholders exactly as they are and never ask for the real value.

Passages:
{passages}"""

_ROLES = {"customer": "user", "assistant": "assistant", "agent": "assistant"}
LANGUAGE_NAMES = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "nl": "Dutch",
    "pt": "Portuguese",
}


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
        max_tokens: int = 400,
        max_citations: int = 2,
        canned: Collection[str] = (),
        language: str = "en",
    ) -> None:
        from openai import OpenAI

        self.index = index
        self.model = model
        self.passages = passages
        self.max_tokens = max_tokens
        self.max_citations = max_citations
        self.timeout_s = timeout_s
        self.language = language  # the policy's; a question in another language wins
        # TrustDesk's own messages in the assistant's name: never shown to the model as its own.
        self.canned = frozenset(" ".join(t.split()) for t in canned if t.strip())
        self.assistant_name = assistant_name
        self.organization = organization
        # The actions the policy lists; the model may propose them through a tool call only.
        self.tools = [propose_action_tool(actions)] if actions else None
        # Retries would hide an outage from the customer for minutes; one try, then a person.
        self.client = OpenAI(
            base_url=base_url, api_key=api_key or "not-needed", timeout=timeout_s, max_retries=0
        )

    def check_model(self) -> None:
        """At start: the configured model must be one the server lists. An unreachable server
        or one without ``/models`` is only logged (it may come up later; turns hand off to a
        person meanwhile); a server that answers without the model stops the start."""
        import openai

        try:
            listed = [m.id for m in self.client.models.list()]
        except (openai.APIError, ValueError) as exc:
            log.warning(
                "could not list the language model server's models (%s); not checked",
                exc.__class__.__name__,
            )
            return
        if self.model not in listed:
            shown = ", ".join(sorted(listed)[:10]) or "none"
            raise ConfigurationError(
                f"TRUSTDESK_LLM_MODEL is not a model the server offers (it lists: {shown})"
            )

    def _history(self, history: Sequence[HistoryItem]) -> list[dict[str, str]]:
        shown = []
        for item in history:
            if item.role not in _ROLES:
                continue
            if item.role == "assistant" and self._is_canned(item.text):
                continue  # our "not sure, shall I pass you to a person?", not the model's words
            shown.append({"role": _ROLES[item.role], "content": item.text})
        return shown

    def _is_canned(self, text: str) -> bool:
        # A hand-off notice may end with the staffed-hours sentence: compare the start.
        said = " ".join(text.split())
        return said in self.canned or any(said.startswith(c) for c in self.canned)

    def _language(self, question: str) -> str:
        guessed = guess(question)
        code = guessed[0] if guessed is not None and guessed[1] >= 0.7 else self.language
        return LANGUAGE_NAMES.get(code, LANGUAGE_NAMES.get(self.language, "English"))

    def _prompt(self, question: str, history: Sequence[HistoryItem]) -> tuple[list[Any], Any]:
        """The retrieved passages and the chat messages that show them to the model."""
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
                    language=self._language(question),
                ),
            }
        ]
        messages += self._history(history)
        messages.append({"role": "user", "content": question})
        return hits, messages

    def _create(self, messages: list[Any], stream: bool) -> Any:
        extra: dict[str, Any] = {"tools": self.tools} if self.tools else {}
        if stream:
            extra["stream"] = True
        with _backend_errors():
            return self.client.chat.completions.create(
                model=self.model,
                messages=messages,
                temperature=0,
                max_tokens=self.max_tokens,
                **extra,
            )

    def answer(self, question: str, history: Sequence[HistoryItem]) -> Draft:
        from openai.types.chat import ChatCompletion

        hits, messages = self._prompt(question, history)
        response = self._create(messages, stream=False)
        if not isinstance(response, ChatCompletion):  # e.g. an HTML page from a proxy
            raise BackendError("the language model server sent an answer in an unexpected format")
        if not response.choices:
            raise BackendError("the language model returned an empty answer")
        choice = response.choices[0]
        message = choice.message
        proposed = tool_actions(message.tool_calls or (), self.tools)
        return self._draft(message.content or "", choice.finish_reason, proposed, hits)

    def stream_answer(
        self,
        question: str,
        history: Sequence[HistoryItem],
        on_sentence: Callable[[StreamedSentence], None],
    ) -> Draft:
        """Like :meth:`answer`, with the reply requested as a stream: each sentence is given
        to ``on_sentence`` as soon as it is finished, with its support by the passages it
        cites (``grounding.SentenceStream``); the caller decides what of it the customer may
        see before the whole reply is judged. Returns the same draft :meth:`answer` would."""
        hits, messages = self._prompt(question, history)
        sentences = SentenceStream(
            [f"{h.passage.title}\n{h.passage.text}" for h in hits], self.index.tokenize
        )
        calls: dict[int, dict[str, str]] = {}
        finish_reason: str | None = None
        # The client's timeout bounds each wait for a piece; this bounds the whole reply.
        deadline = time.monotonic() + self.timeout_s
        stream = self._create(messages, stream=True)
        if not hasattr(stream, "__iter__") or not hasattr(stream, "close"):
            raise BackendError("the language model server sent an answer in an unexpected format")
        try:
            with _backend_errors():
                for chunk in stream:
                    if time.monotonic() > deadline:
                        raise BackendError("the language model did not answer in time")
                    choices = getattr(chunk, "choices", None) or ()
                    if not choices:
                        continue
                    choice = choices[0]
                    finish_reason = choice.finish_reason or finish_reason
                    delta = choice.delta
                    for call in getattr(delta, "tool_calls", None) or ():
                        # a tool call arrives in pieces: its name, then its arguments
                        got = calls.setdefault(call.index, {"name": "", "arguments": ""})
                        function = call.function
                        if function is not None:
                            got["name"] += function.name or ""
                            got["arguments"] += function.arguments or ""
                    if delta.content and not calls:
                        for sentence in sentences.feed(delta.content):
                            on_sentence(sentence)
        finally:
            stream.close()  # a reply abandoned here must not keep the model generating
        if finish_reason is None:  # the stream ended without saying why: a broken connection
            raise BackendError("the language model's answer ended before it was finished")
        if not calls:
            for sentence in sentences.finish(complete=finish_reason != "length"):
                on_sentence(sentence)
        proposed = tool_actions(
            [
                SimpleNamespace(function=SimpleNamespace(**call))
                for _, call in sorted(calls.items())
            ],
            self.tools,
        )
        return self._draft(sentences.text, finish_reason, proposed, hits)

    def _draft(
        self, content: str, finish_reason: str | None, proposed: tuple[Any, ...], hits: Any
    ) -> Draft:
        """The draft of a finished reply: cut to whole sentences when the length limit ended
        it, judged by what it cites, at most ``max_citations`` citations."""
        text = content.strip()
        if finish_reason == "length":
            # Cut at max_tokens: keep the whole sentences; a half sentence is not an answer.
            text = " ".join(whole_sentences(text))
        if not text and not proposed:
            raise BackendError("the language model returned an empty answer")
        grounding = judge(
            text, [f"{h.passage.title}\n{h.passage.text}" for h in hits], self.index.tokenize
        )
        citations = tuple(
            Citation(hits[n - 1].passage.source, hits[n - 1].passage.title)
            for n in grounding.supporting[: self.max_citations]
        )
        # Grounded only as far as what it cites supports what it says.
        confidence = grounding.confidence if citations else 0.0
        return Draft(text=text, citations=citations, confidence=confidence, actions=proposed)


@contextlib.contextmanager
def _backend_errors() -> Iterator[None]:
    """The openai client's failures as BackendError, with a reason that quotes nothing the
    server sent (it could echo the prompt)."""
    import openai

    try:
        yield
    except openai.APITimeoutError:
        raise BackendError("the language model did not answer in time") from None
    except openai.APIStatusError as exc:
        raise BackendError(f"the language model server answered HTTP {exc.status_code}") from None
    except openai.APIError as exc:
        raise BackendError(
            f"the language model request failed ({exc.__class__.__name__})"
        ) from None
    except ValueError:  # a body that claims to be JSON and is not
        raise BackendError("the language model server sent an answer that is not JSON") from None


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
