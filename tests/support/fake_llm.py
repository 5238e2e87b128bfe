"""A small OpenAI-compatible chat server for tests, on a free port of 127.0.0.1.

It is a real HTTP server (stdlib ``ThreadingHTTPServer`` in a background thread), so a backend
under test goes through its real client, HTTP and JSON. Every request body it receives is kept
in ``requests``; what it answers is set per test with ``reply`` (messages -> content) or
``mode`` ("ok", "error", "slow", "empty", "garbage").
"""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Literal

Mode = Literal["ok", "error", "slow", "empty", "garbage"]
ReplyFn = Callable[[list[dict[str, Any]]], str]

_FIRST_PASSAGE = re.compile(r"^\[1\] [^\n]*\n([^\n]+)", re.MULTILINE)
_FIRST_SENTENCE = re.compile(r".+?[.!?](?=\s|$)")


def grounded_reply(messages: list[dict[str, Any]]) -> str:
    """The first sentence of passage [1] of the system prompt, cited as [1]."""
    system = next((str(m.get("content", "")) for m in messages if m.get("role") == "system"), "")
    found = _FIRST_PASSAGE.search(system)
    if found is None:
        return "I am not sure; shall I pass this to a person?"
    text = found.group(1).strip()
    sentence = _FIRST_SENTENCE.match(text)
    return f"{(sentence.group(0) if sentence else text).strip()} [1]"


class FakeOpenAIServer:
    """``POST /v1/chat/completions`` and ``GET /v1/models``, scriptable per test."""

    def __init__(
        self, reply: ReplyFn = grounded_reply, mode: Mode = "ok", slow_s: float = 5.0
    ) -> None:
        self.reply: ReplyFn = reply
        self.mode: Mode = mode
        self.slow_s = slow_s
        self.finish_reason = "stop"  # "length": as a server does when max_tokens cut the reply
        # Streamed replies ("stream": true): a pause before each piece, and a connection
        # dropped after this many pieces (None: never), as a crashing server would.
        self.piece_delay_s = 0.0
        self.drop_after: int | None = None
        # A tool call streamed after the text: (name, JSON arguments), or None.
        self.tool_call: tuple[str, str] | None = None
        self._requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -----------------------------------------------------------------------

    def start(self) -> FakeOpenAIServer:
        if self._server is not None:
            return self
        self._stopping.clear()
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        server.daemon_threads = True
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        self._stopping.set()  # wakes a "slow" handler so nothing outlives the test for long
        server.shutdown()
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- what tests read -----------------------------------------------------------------

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("the fake OpenAI server is not started")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    @property
    def requests(self) -> list[dict[str, Any]]:
        """A copy of every chat request body received so far, oldest first."""
        with self._lock:
            return list(self._requests)

    def _record(self, body: dict[str, Any]) -> None:
        with self._lock:
            self._requests.append(body)

    def _chat(self, body: dict[str, Any]) -> tuple[int, bytes, str]:
        """Status, body and content type for one chat request."""
        mode = self.mode
        if mode == "error":
            error = {
                "error": {
                    "message": "the fake model server failed on purpose",
                    "type": "server_error",
                    "param": None,
                    "code": "internal_error",
                }
            }
            return 500, json.dumps(error).encode(), "application/json"
        if mode == "garbage":
            return 200, b"<html>this is not JSON {", "application/json"
        if mode == "slow":
            self._stopping.wait(self.slow_s)
        messages = body.get("messages") or []
        content = "" if mode == "empty" else self.reply(messages)
        prompt_tokens = sum(len(str(m.get("content", "")).split()) for m in messages)
        completion_tokens = len(content.split())
        completion = {
            "id": f"chatcmpl-{uuid.uuid4().hex[:24]}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", "test-model"),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": self.finish_reason,
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }
        return 200, json.dumps(completion).encode(), "application/json"

    def _pieces(self, body: dict[str, Any]) -> list[dict[str, Any]]:
        """The chunks of a streamed reply: the text a word at a time (with its spaces), a tool
        call if one is set, and the finish reason."""
        messages = body.get("messages") or []
        content = "" if self.mode == "empty" else self.reply(messages)
        base = {
            "id": f"chatcmpl-{uuid.uuid4().hex[:24]}",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": body.get("model", "test-model"),
        }

        def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
            return {**base, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}

        pieces = [chunk({"role": "assistant", "content": ""})]
        pieces += [chunk({"content": word}) for word in re.findall(r"\s*\S+\s*", content)]
        if self.tool_call is not None:
            name, arguments = self.tool_call
            call = {"index": 0, "id": "call_1", "type": "function"}
            pieces.append(chunk({"tool_calls": [{**call, "function": {"name": name}}]}))
            half = len(arguments) // 2
            for part in (arguments[:half], arguments[half:]):
                pieces.append(
                    chunk({"tool_calls": [{"index": 0, "function": {"arguments": part}}]})
                )
        pieces.append(chunk({}, self.finish_reason))
        return pieces


def _handler_for(fake: FakeOpenAIServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet test output
            pass

        def _send(self, status: int, body: bytes, content_type: str) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:  # the client gave up (a timeout test); nobody to answer
                self.close_connection = True

        def _not_found(self) -> None:
            error = {"error": {"message": f"no route {self.path}", "type": "not_found"}}
            self._send(404, json.dumps(error).encode(), "application/json")

        def do_GET(self) -> None:
            if self.path.rstrip("/") != "/v1/models":
                self._not_found()
                return
            model = {"id": "test-model", "object": "model", "created": 0, "owned_by": "tests"}
            models = {"object": "list", "data": [model]}
            self._send(200, json.dumps(models).encode(), "application/json")

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            if self.path.rstrip("/") != "/v1/chat/completions":
                self._not_found()
                return
            try:
                body = json.loads(raw or b"{}")
            except ValueError:
                error = {"error": {"message": "request body is not JSON", "type": "bad_request"}}
                self._send(400, json.dumps(error).encode(), "application/json")
                return
            fake._record(body)
            if body.get("stream") and fake.mode in ("ok", "slow", "empty"):
                self._stream(body)
                return
            self._send(*fake._chat(body))

        def _stream(self, body: dict[str, Any]) -> None:
            if fake.mode == "slow":
                fake._stopping.wait(fake.slow_s)
            try:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Connection", "close")
                self.end_headers()
                for n, piece in enumerate(fake._pieces(body)):
                    if fake.drop_after is not None and n >= fake.drop_after:
                        break  # the connection ends without [DONE]
                    if fake.piece_delay_s and fake._stopping.wait(fake.piece_delay_s):
                        break
                    self.wfile.write(f"data: {json.dumps(piece)}\n\n".encode())
                    self.wfile.flush()
                else:
                    self.wfile.write(b"data: [DONE]\n\n")
            except OSError:  # the client went away
                pass
            self.close_connection = True

    return Handler
