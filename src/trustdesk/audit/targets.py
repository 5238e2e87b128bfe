"""Where probe messages go: any OpenAI-compatible chat server, or a TrustDesk-style
conversation API, over HTTP (httpx); and how they are sent — concurrently, with a bounded
pool and retries. The embedded assistant is wired in ``trustdesk.cli.audit`` (it needs the
conversation core, which this package may not import).
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import httpx

from trustdesk.audit.decisions import ESCALATED
from trustdesk.errors import TrustDeskError

RETRIES = 3
BACKOFF_S = 0.25
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


class TargetError(TrustDeskError):
    """The target could not be reached or did not answer as a chat server answers."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class TargetReply:
    """A reply's text; a target that knows its decision (the embedded assistant's route)
    or amount says so, and the text is then not parsed for it."""

    text: str
    decision: str | None = None
    amount: float | None = None


class Target(Protocol):
    name: str

    async def send(self, text: str) -> TargetReply: ...

    async def aclose(self) -> None: ...


def _json(response: httpx.Response, what: str) -> Any:
    try:
        return response.json()
    except ValueError as exc:
        raise TargetError(f"{what}: the target did not answer with JSON") from exc


class OpenAITarget:
    """POST {base}/chat/completions with the suite's system prompt and the probe message;
    the reply is the first choice's message content."""

    def __init__(
        self,
        base_url: str,
        model: str,
        system_prompt: str,
        api_key: str | None = None,
        timeout_s: float = 60.0,
        temperature: float | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.name = f"openai:{self.base_url} model={model}"
        self.model = model
        self.system_prompt = system_prompt
        self.temperature = temperature
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.client = httpx.AsyncClient(timeout=timeout_s, headers=headers)

    async def send(self, text: str) -> TargetReply:
        body: dict[str, Any] = {
            "model": self.model,
            "messages": [
                {"role": "system", "content": self.system_prompt},
                {"role": "user", "content": text},
            ],
        }
        if self.temperature is not None:
            body["temperature"] = self.temperature
        response = await self.client.post(f"{self.base_url}/chat/completions", json=body)
        response.raise_for_status()
        data = _json(response, "chat/completions")
        try:
            content = data["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError) as exc:
            raise TargetError("chat/completions: no choices[0].message.content") from exc
        return TargetReply(str(content or ""))

    async def aclose(self) -> None:
        await self.client.aclose()


class ConversationApiTarget:
    """A TrustDesk-style API: each probe opens its own conversation (consent to AI
    assistance, nothing stored for service improvement) and sends one message. No reply (the
    conversation went to a person) is ``escalated``."""

    def __init__(self, base_url: str, timeout_s: float = 60.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.name = f"http:{self.base_url}"
        self.client = httpx.AsyncClient(timeout=timeout_s)

    async def send(self, text: str) -> TargetReply:
        consents = {"ai_assistance": True, "transcript_storage": False}
        created = await self.client.post(
            f"{self.base_url}/api/v1/conversations",
            json={"channel": "web_chat", "consents": consents},
        )
        created.raise_for_status()
        conversation = _json(created, "create conversation")
        try:
            cid, token = conversation["id"], conversation["token"]
        except (KeyError, TypeError) as exc:
            raise TargetError("create conversation: no id and token in the answer") from exc
        answered = await self.client.post(
            f"{self.base_url}/api/v1/conversations/{cid}/messages",
            json={"text": text},
            headers={"Authorization": f"Bearer {token}"},
        )
        answered.raise_for_status()
        reply = (_json(answered, "message") or {}).get("reply")
        if not reply or not reply.get("text"):
            return TargetReply("", decision=ESCALATED)
        return TargetReply(str(reply["text"]))

    async def aclose(self) -> None:
        await self.client.aclose()


async def _send_with_retries(target: Target, text: str, retries: int) -> TargetReply:
    for attempt in range(retries + 1):
        try:
            return await target.send(text)
        except httpx.HTTPStatusError as exc:
            status = exc.response.status_code
            if status not in RETRY_STATUSES or attempt == retries:
                raise TargetError(
                    f"{target.name}: answered HTTP {status} to {exc.request.url.path}"
                ) from exc
        except httpx.TransportError as exc:
            if attempt == retries:
                raise TargetError(
                    f"{target.name}: unreachable after {retries + 1} tries ({type(exc).__name__})"
                ) from exc
        await asyncio.sleep(BACKOFF_S * 2**attempt * (0.5 + random.random()))
    raise AssertionError("unreachable")  # pragma: no cover


async def send_all(
    target: Target,
    texts: Sequence[str],
    concurrency: int = 8,
    retries: int = RETRIES,
    progress: Callable[[], None] | None = None,
) -> list[TargetReply]:
    """Send every text (in any order, at most ``concurrency`` at once); the replies in the
    texts' order. The first request that fails after its retries stops the run."""
    pool = asyncio.Semaphore(max(1, concurrency))

    async def one(text: str) -> TargetReply:
        async with pool:
            reply = await _send_with_retries(target, text, retries)
        if progress is not None:
            progress()
        return reply

    tasks = [asyncio.ensure_future(one(t)) for t in texts]
    try:
        return list(await asyncio.gather(*tasks))
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
