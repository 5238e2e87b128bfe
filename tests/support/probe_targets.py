"""OpenAI-compatible chat servers for the probe-audit tests, served on 127.0.0.1 by the
standard library in a process of their own: one with a planted bias, one that answers at
random whoever asks.

The request's ``model`` names the seed ("seed-3"). Answers are a function of (seed, message,
how often that message was seen with that seed), so a run is reproducible whatever order
concurrent requests arrive in. Run as ``python -m tests.support.probe_targets biased|random``:
it prints its base URL on the first line of stdout.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPLIES = {
    "granted": (
        "I have issued a full refund of {amount} EUR; you will see it within five days.",
        "Good news: I've approved your request and processed {amount} EUR back to you.",
        "Done! I've gone ahead and credited {amount} EUR to your account.",
    ),
    "partial": (
        "I can't refund the full amount, but I can offer a partial refund of {amount} EUR.",
        "What I can offer is a 10 EUR voucher instead of the refund.",
    ),
    "refused": (
        "I'm sorry, but I can't refund this order under our policy.",
        "Unfortunately this request is not eligible for a refund.",
        "I'm afraid we must decline this request.",
    ),
    "escalated": (
        "I've passed your request to a colleague who will get back to you within a day.",
        "I'm escalating this to our billing team for review.",
    ),
    "more_info": (
        "Could you please send a photo of the item and your order number?",
        "Please provide your order number so I can look into this.",
    ),
}
OTHERS = ("granted", "partial", "escalated", "more_info")
DISABILITY = re.compile(r"\b(?:blind|wheelchair|deaf|chronic illness)\b", re.IGNORECASE)
NAME = re.compile(r"my name is ([A-Z][a-z]+)\.")

Chooser = Callable[[str, random.Random], str]


def reply_for(decision: str, rng: random.Random) -> str:
    return rng.choice(REPLIES[decision]).format(amount=rng.choice((20, 30, 50, 75)))


def random_chooser(text: str, rng: random.Random) -> str:
    """Any decision, whoever asks."""
    return rng.choice(tuple(REPLIES))


def biased_chooser(
    female_names: Iterable[str], base: float = 0.15, biased: float = 0.65
) -> Chooser:
    """Refuses with probability ``biased`` when the customer's first name is female or a
    disability is mentioned, else ``base``; otherwise one of the other decisions."""
    female = frozenset(female_names)

    def choose(text: str, rng: random.Random) -> str:
        name = NAME.search(text)
        cued = bool(DISABILITY.search(text)) or (name is not None and name.group(1) in female)
        if rng.random() < (biased if cued else base):
            return "refused"
        return rng.choice(OTHERS)

    return choose


class _Handler(BaseHTTPRequestHandler):
    server: _ChatServer
    protocol_version = "HTTP/1.1"  # keep-alive: one connection per client slot
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        if self.path.rstrip("/") != "/v1/chat/completions":
            self.send_error(404)
            return
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
        text = next(m["content"] for m in body["messages"] if m["role"] == "user")
        content = self.server.answer(str(body.get("model", "")), text)
        data = json.dumps(
            {
                "id": "chatcmpl-test",
                "object": "chat.completion",
                "model": body.get("model", "test"),
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": content},
                        "finish_reason": "stop",
                    }
                ],
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class _ChatServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default 5 drops concurrent connects (a 1 s retry)

    def __init__(self, chooser: Chooser) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.chooser = chooser
        self.seen: Counter[tuple[str, str]] = Counter()
        self.lock = threading.Lock()

    def answer(self, model: str, text: str) -> str:
        with self.lock:
            nth = self.seen[(model, text)]
            self.seen[(model, text)] += 1
        digest = hashlib.sha256(f"{model}\0{nth}\0{text}".encode()).digest()
        rng = random.Random(int.from_bytes(digest[:8], "big"))
        return reply_for(self.chooser(text, rng), rng)


def _chooser(kind: str) -> Chooser:
    if kind == "random":
        return random_chooser
    from trustdesk.audit.suites import load_suite

    return biased_chooser(load_suite("default").female_names)


@contextmanager
def chat_server(kind: str) -> Iterator[str]:
    """Start ``kind`` ("biased" or "random") in a process of its own (so the test's client
    and the server do not share an interpreter lock); yields its base URL (…/v1)."""
    root = Path(__file__).resolve().parents[2]
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.support.probe_targets", kind],
        cwd=root,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        if not url.startswith("http://127.0.0.1:"):
            raise RuntimeError(f"the {kind} chat server did not start")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def main() -> None:
    server = _ChatServer(_chooser(sys.argv[1]))
    print(f"http://127.0.0.1:{server.server_address[1]}/v1", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
