"""Turns per second and per-turn latency of the customer-turn pipeline.

Modes (see docs/benchmarks.md):
  a  guards and routing: input validation + input guards + the routing decision, in process
     (decide_turn with a backend that answers nothing)
  b  a + the retrieval assistant + output guards on confident drafts: decide_turn, no storage
  c  full turns through ConversationService.handle_turn on SQLite (WAL, synchronous=FULL)
  d  full turns over HTTP against a `trustdesk serve` subprocess, one sequential client
  reference  a naive PII scan (libphonenumber over the whole text for every region + an email
             regex): a reference point for the cost of the PII checks, not a peer

Usage: python benchmarks/turns.py [--turns N] [--store-turns N] [--http-turns N] [--skip-http]
       [--json] [--profile]
"""

# ruff: noqa: E402  (the imports below must come after the sys.path fix)
from __future__ import annotations

import sys
from pathlib import Path

# benchmarks/http.py would shadow the standard library's http (used by httpx and others) for a
# script run from this folder, whose folder is sys.path[0].
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse
import contextlib
import cProfile
import io
import json
import math
import os
import platform
import pstats
import random
import re
import socket
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from importlib.metadata import PackageNotFoundError, version
from typing import Any

MESSAGE_CHARS = 300
SEED = 20240611
TURNS_PER_CONVERSATION = 5
GOAL_P50_MS = 1.0
GOAL_P99_MS = 5.0
PHONE_REGIONS = ("US", "GB", "DE", "FR")
PACKAGES = ("trustdesk", "fastapi", "uvicorn", "bm25s", "sqlalchemy", "phonenumbers", "httpx")

# -- the synthetic corpus -------------------------------------------------------------------

_OPENERS = (
    "Hi,",
    "Hello,",
    "Hello there,",
    "Good morning,",
    "Hi team,",
    "Hey,",
    "",
)
_QUESTIONS = (
    # returns
    "how long do I have to return an item I bought last month?",
    "can I return a lamp I received as a gift without the receipt?",
    "how do I start a return for a chair that arrived in the wrong colour?",
    "how much does it cost to return a large furniture item?",
    "can I exchange the linen duvet cover for a different size?",
    "can I return holiday gifts after 30 days?",
    # refunds
    "when will I get my refund for the returned cookware?",
    "why did I receive only a partial refund for my order?",
    "will my delivery cost be refunded if I send everything back?",
    "my refund hasn't arrived yet, how long does it take to reach my account?",
    "can I get my refund as a gift card instead of on my card?",
    # shipping
    "how long does delivery take to Germany and which courier do you use?",
    "where is my parcel? the tracking page has not changed for four days.",
    "do you deliver to Norway and how much does shipping cost?",
    "can I change my delivery address after the order was dispatched?",
    "what do the order statuses mean? mine says processing since Monday.",
    # warranty
    "is my cast-iron pan covered by the warranty if the coating is cracking?",
    "how do I make a warranty claim for a faulty kettle?",
    "how long is the warranty on solid wood furniture?",
    "the handle of my pan came loose after two months, is that covered by the warranty?",
    # payments
    "which payment methods do you accept for orders from the UK?",
    "why was my payment declined when I tried to check out?",
    "why do I see two charges for one order on my statement?",
    "can I pay later or in instalments with Klarna?",
    "how do I get an invoice with my company VAT number?",
    # accounts
    "how do I reset my password? the reset email never arrives.",
    "why is my account locked after I tried to sign in?",
    "how do I change the email address on my account?",
    "how do I turn on two-factor sign-in for my account?",
    "how do I close my account and delete my saved addresses?",
)
_FILLER = (
    "I have been a customer for a few years and usually everything arrives without problems.",
    "Thanks in advance for your help with this.",
    "The parcel was left with a neighbour on Tuesday afternoon.",
    "I ordered it as a birthday present for my sister, so I would like to sort it out soon.",
    "I looked through the help pages but could not find a clear answer.",
    "My order number is AF 20240 5187 in case you need it.",
    "The box was slightly dented on one corner but the rest looked fine.",
    "I am travelling next week, so a quick reply would be great.",
    "Please let me know what the next steps are.",
    "I tried again this morning with the same result.",
    "Everything else in the order was perfect, by the way.",
    "I would prefer to keep things simple if that is possible.",
    # Not "the second time": since issue 7 that reads as frustration and hands off to a person.
    "It is the first time this has happened to me.",
    "I live in a flat on the third floor and there is no lift.",
)
_HUMAN_REQUESTS = (
    "Can I talk to a person please? This is taking too long.",
    "I would like to speak to a human agent about this.",
)
_BOT_QUESTIONS = (
    "Are you a bot or a real person?",
    "Am I talking to a human right now?",
)
_FIRST_NAMES = ("anna", "ben", "chloe", "david", "elif", "farid", "grace", "hugo", "ines", "jon")


def _pii_sentence(rng: random.Random) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return (
            f"You can reach me at {rng.choice(_FIRST_NAMES)}.{rng.randrange(1, 999)}@example.com."
        )
    if kind == 1:
        return f"My phone number is +44 20 7946 0{rng.randrange(1000):03d}."
    if kind == 2:
        return "I paid with my card 4111 1111 1111 1111 if that helps."
    return f"The checkout failed from IP 192.0.2.{rng.randrange(1, 255)} this morning."


def make_message(rng: random.Random) -> str:
    """One customer message of exactly MESSAGE_CHARS characters."""
    roll = rng.random()
    if roll < 0.04:
        core = [rng.choice(_HUMAN_REQUESTS)]
    elif roll < 0.06:
        core = [rng.choice(_BOT_QUESTIONS)]
    else:
        opener = rng.choice(_OPENERS)
        question = rng.choice(_QUESTIONS)
        core = [f"{opener} {question}" if opener else question[0].upper() + question[1:]]
    if rng.random() < 0.30:
        core.extend(_pii_sentence(rng) for _ in range(rng.choice((1, 1, 2))))
    core.append(rng.choice(_FILLER))
    rng.shuffle(core)
    fillers = list(_FILLER)
    rng.shuffle(fillers)
    text = " ".join(core)
    for sentence in fillers:
        if len(text) >= MESSAGE_CHARS:
            break
        if sentence not in text:
            text = f"{text} {sentence}"
    # Only trailing filler is cut: the question, any PII and the first filler fit in the limit.
    text = text[:MESSAGE_CHARS]
    return text[:-1] + "." if text.endswith(" ") else text


_PII_VALUE = re.compile(
    r"[a-z]+\.\d+@example\.com|\+44 20 7946 0\d{3}|4111 1111 1111 1111|192\.0\.2\.\d+"
)


def pii_values(text: str) -> int:
    """How many synthetic PII values a message holds (to check that the guards found them)."""
    return len(_PII_VALUE.findall(text))


def make_corpus(count: int, seed: int = SEED) -> list[str]:
    rng = random.Random(seed)
    return [make_message(rng) for _ in range(count)]


# -- measuring ------------------------------------------------------------------------------


@dataclass
class Result:
    mode: str
    label: str
    turns: int
    turns_per_s: float
    p50_ms: float
    p99_ms: float
    mean_ms: float
    max_ms: float
    notes: dict[str, Any] = field(default_factory=dict)


def _percentile(ordered: Sequence[int], q: float) -> int:
    """Nearest-rank percentile of sorted values."""
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def summarize(mode: str, label: str, latencies_ns: list[int], **notes: Any) -> Result:
    ordered = sorted(latencies_ns)
    total = sum(ordered)
    return Result(
        mode=mode,
        label=label,
        turns=len(ordered),
        turns_per_s=len(ordered) / (total / 1e9),
        p50_ms=_percentile(ordered, 0.50) / 1e6,
        p99_ms=_percentile(ordered, 0.99) / 1e6,
        mean_ms=total / len(ordered) / 1e6,
        max_ms=ordered[-1] / 1e6,
        notes=notes,
    )


def conversations(messages: Sequence[str]) -> Iterator[tuple[bool, str]]:
    """(starts a new conversation?, text): up to TURNS_PER_CONVERSATION turns per conversation."""
    for i, text in enumerate(messages):
        yield i % TURNS_PER_CONVERSATION == 0, text


# -- in-process modes -----------------------------------------------------------------------


def build_system(workdir: Path) -> Any:
    from trustdesk.composition import build_system as build
    from trustdesk.settings import load_settings

    settings = load_settings(
        database_url=f"sqlite:///{workdir / 'bench.db'}",
        key_file=workdir / "bench.key",
        backend="retrieval",
    )
    return build(settings)


class _NoAssistant:
    """Mode a's backend: answers nothing at no cost, so only validation, the input guards and
    the routing are measured (an empty draft is routed to low confidence)."""

    name = "none"
    history_turns = 0

    def answer(self, question: str, history: Sequence[Any]) -> Any:
        from trustdesk.assistant.base import Draft

        return Draft(text="", citations=(), confidence=0.0)


def run_in_process(
    system: Any, messages: Sequence[str], warmup: Sequence[str], with_assistant: bool
) -> tuple[list[int], Counter[str], Counter[str]]:
    """Modes a and b: the service's own decision function, decide_turn, without storage.

    A handed-off conversation ends; the next message starts a new one.
    """
    from trustdesk.assistant.base import HistoryItem
    from trustdesk.conversation.records import Status
    from trustdesk.conversation.turn import TurnState, decide_turn
    from trustdesk.conversation.validation import validate_customer_text
    from trustdesk.privacy.placeholders import PlaceholderState

    service = system.service
    policy = system.policy.policy
    backend = service.backend if with_assistant else _NoAssistant()
    max_chars = policy.limits.max_message_chars
    routes: Counter[str] = Counter()
    findings: Counter[str] = Counter()
    latencies: list[int] = []
    for measured, batch in ((False, warmup), (True, messages)):
        state: Any = None
        for new, text in conversations(batch):
            if new or state is None:
                state = TurnState(Status.AI_ACTIVE, PlaceholderState().to_json())
            t0 = time.perf_counter_ns()
            decision = decide_turn(
                validate_customer_text(text, max_chars), state, policy, service.pipeline, backend
            )
            t1 = time.perf_counter_ns()
            if decision.handed_off:
                state = None
            else:
                history = (*state.history, HistoryItem("customer", decision.customer_text))
                state = TurnState(state.status, decision.placeholders, None, history[-10:])
            if measured:
                latencies.append(t1 - t0)
                routes[decision.route.value] += 1
                findings.update(f.rule for f in decision.findings)
    return latencies, routes, findings


def run_service(
    system: Any, messages: Sequence[str], warmup: Sequence[str]
) -> tuple[list[int], list[int], Counter[str]]:
    """Mode c: handle_turn on SQLite; conversation starts are timed apart from turns."""
    service = system.service
    routes: Counter[str] = Counter()
    latencies: list[int] = []
    starts: list[int] = []
    for measured, batch in ((False, warmup), (True, messages)):
        conversation_id = None
        for new, text in conversations(batch):
            if new or conversation_id is None:
                t0 = time.perf_counter_ns()
                conversation_id = service.start().conversation.id
                if measured:
                    starts.append(time.perf_counter_ns() - t0)
            t0 = time.perf_counter_ns()
            outcome = service.handle_turn(conversation_id, text)
            t1 = time.perf_counter_ns()
            if outcome.status.value != "ai_active":
                conversation_id = None
            if measured:
                latencies.append(t1 - t0)
                routes[outcome.route] += 1
    return latencies, starts, routes


def run_reference(messages: Sequence[str], warmup: Sequence[str]) -> list[int]:
    """The naive PII scan: libphonenumber over the whole text for every region, no digit
    pre-check, and an email regex given as a pattern string on each call."""
    import phonenumbers

    email = (
        r"(?<![\w.%+-])[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*"
        r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
        r"(?![A-Za-z0-9-]|\.[A-Za-z0-9])"
    )

    def scan(text: str) -> int:
        found = sum(1 for _ in re.finditer(email, text))
        for region in PHONE_REGIONS:
            found += sum(1 for _ in phonenumbers.PhoneNumberMatcher(text, region))
        return found

    latencies: list[int] = []
    for measured, batch in ((False, warmup), (True, messages)):
        for text in batch:
            t0 = time.perf_counter_ns()
            scan(text)
            t1 = time.perf_counter_ns()
            if measured:
                latencies.append(t1 - t0)
    return latencies


def profile_guards(system: Any, messages: Sequence[str], warmup: Sequence[str]) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    run_in_process(system, messages, warmup, with_assistant=False)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(15)
    stats.sort_stats("cumulative").print_stats(25)
    return out.getvalue()


# -- HTTP mode ------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _set_affinity_all_threads(pid: int, cpus: set[int]) -> None:
    for tid in os.listdir(f"/proc/{pid}/task"):
        with contextlib.suppress(OSError):  # a thread that ended meanwhile
            os.sched_setaffinity(int(tid), cpus)


def run_http(
    messages: Sequence[str], warmup: Sequence[str], workdir: Path, cpus: dict[str, Any]
) -> tuple[list[int], list[int], Counter[str], str]:
    """Mode d: a real `trustdesk serve`, one sequential keep-alive httpx client."""
    try:
        import httpx
    except ImportError:
        msg = "the HTTP mode needs httpx: pip install -e '.[dev]', or use --skip-http"
        raise SystemExit(msg) from None

    port = _free_port()
    env = {
        **os.environ,
        "TRUSTDESK_DATABASE_URL": f"sqlite:///{workdir / 'http.db'}",
        "TRUSTDESK_KEY_FILE": str(workdir / "http.key"),
        "TRUSTDESK_BACKEND": "retrieval",
        "TRUSTDESK_LOG_LEVEL": "warning",
        "TRUSTDESK_RATE_LIMITS": "off",  # one fast sequential client, not a stranger
    }
    env.pop("TRUSTDESK_POLICY_FILE", None)
    command = [sys.executable, "-m", "trustdesk.cli.main", "serve"]
    command += ["--host", "127.0.0.1", "--port", str(port)]
    log_path = workdir / "server.log"
    base = f"http://127.0.0.1:{port}"
    pinned = cpus.get("client") is not None
    if pinned:  # the server must not inherit the client's single core
        os.sched_setaffinity(0, cpus["allowed"])
    with open(log_path, "wb") as log:
        server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                raise SystemExit(f"trustdesk serve exited:\n{log_path.read_text()}")
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"trustdesk serve did not start:\n{log_path.read_text()}")
            time.sleep(0.1)
        if pinned:
            _set_affinity_all_threads(server.pid, cpus["server"])
            os.sched_setaffinity(0, {cpus["client"]})

        routes: Counter[str] = Counter()
        latencies: list[int] = []
        starts: list[int] = []
        with httpx.Client(base_url=base, timeout=30) as client:
            for measured, batch in ((False, warmup), (True, messages)):
                url = headers = None
                for new, text in conversations(batch):
                    if new or url is None:
                        t0 = time.perf_counter_ns()
                        response = client.post("/api/v1/conversations", json={})
                        if measured:
                            starts.append(time.perf_counter_ns() - t0)
                        response.raise_for_status()
                        created = response.json()
                        url = f"/api/v1/conversations/{created['id']}/messages"
                        headers = {"Authorization": f"Bearer {created['token']}"}
                    t0 = time.perf_counter_ns()
                    response = client.post(url, json={"text": text}, headers=headers)
                    t1 = time.perf_counter_ns()
                    response.raise_for_status()
                    status = response.json()["status"]
                    if status != "ai_active":
                        url = None
                    if measured:
                        latencies.append(t1 - t0)
                        routes[status] += 1
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    return latencies, starts, routes, " ".join(command[1:])


# -- the machine ----------------------------------------------------------------------------


def pin_to_one_core() -> dict[str, Any]:
    """Pin this process to its first allowed CPU; the HTTP server gets the others."""
    if not hasattr(os, "sched_setaffinity"):
        return {"allowed": None, "client": None, "server": None}
    allowed = set(os.sched_getaffinity(0))
    client = min(allowed)
    os.sched_setaffinity(0, {client})
    return {"allowed": allowed, "client": client, "server": (allowed - {client}) or {client}}


def machine(cpus: dict[str, Any]) -> dict[str, Any]:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith(("model name", "hardware", "cpu model")):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = "not installed"
    allowed = cpus["allowed"]
    return {
        "cpu": model,
        "logical_cpus": os.cpu_count(),
        "cpus_allowed": len(allowed) if allowed else None,
        "pinned_cpu": cpus["client"],
        "http_server_cpus": sorted(cpus["server"]) if cpus["server"] else None,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "packages": versions,
    }


# -- report ---------------------------------------------------------------------------------


def _print_report(report: dict[str, Any]) -> None:
    m = report["machine"]
    print("TrustDesk turn pipeline benchmark (benchmarks/turns.py)")
    print(f"  cpu        {m['cpu']}")
    pinned = "not pinned" if m["pinned_cpu"] is None else f"pinned to cpu {m['pinned_cpu']}"
    print(f"  cores      {m['logical_cpus']} logical, {m['cpus_allowed']} allowed; {pinned}")
    print(f"  python     {m['implementation']} {m['python']} on {m['platform']}")
    print("  packages   " + ", ".join(f"{k} {v}" for k, v in m["packages"].items()))
    c = report["corpus"]
    print(
        f"  corpus     seed {c['seed']}, {c['message_chars']} characters per message, "
        f"{c['with_pii']:.0%} with PII, {c['turns_per_conversation']} turns per conversation, "
        f"{c['warmup']} warm-up turns per mode"
    )
    print()
    print(f"  {'mode':<4} {'what':<58} {'turns':>6} {'turns/s':>9} {'p50 ms':>8} {'p99 ms':>8}")
    for r in report["results"]:
        print(
            f"  {r['mode']:<4} {r['label']:<58} {r['turns']:>6} {r['turns_per_s']:>9.0f} "
            f"{r['p50_ms']:>8.3f} {r['p99_ms']:>8.3f}"
        )
    print()
    for r in report["results"]:
        notes = ", ".join(f"{k}: {v}" for k, v in r["notes"].items())
        if notes:
            print(f"  {r['mode']}: {notes}")
    g = report["goal"]
    verdict = "MET" if g["met"] else "NOT MET"
    print()
    print(
        f"goal (mode a, guards and routing, {c['message_chars']}-character turns, one core): "
        f"p50 <= {g['p50_ms']} ms and p99 <= {g['p99_ms']} ms -> {verdict} "
        f"(p50 {g['measured_p50_ms']:.3f} ms, p99 {g['measured_p99_ms']:.3f} ms)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--turns", type=int, default=10000, help="turns for modes a, b, reference")
    parser.add_argument("--store-turns", type=int, default=3000, help="turns for mode c")
    parser.add_argument("--http-turns", type=int, default=2000, help="turns for mode d")
    parser.add_argument("--warmup", type=int, default=200, help="warm-up turns per mode")
    parser.add_argument("--skip-http", action="store_true", help="skip mode d")
    parser.add_argument("--json", action="store_true", help="print the results as JSON only")
    parser.add_argument("--profile", action="store_true", help="also cProfile mode a")
    args = parser.parse_args(argv)
    for name in ("turns", "store_turns", "http_turns"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")

    cpus = pin_to_one_core()
    warmup = make_corpus(args.warmup, seed=SEED + 1)
    corpus = make_corpus(max(args.turns, args.store_turns, args.http_turns))
    lengths = {len(t) for t in corpus}
    assert lengths == {MESSAGE_CHARS}, lengths
    with_pii = sum(1 for t in corpus if pii_values(t))
    results: list[Result] = []
    profile_text = None

    with tempfile.TemporaryDirectory(prefix="trustdesk-bench-") as tmp:
        workdir = Path(tmp)
        system = build_system(workdir)
        messages = corpus[: args.turns]

        latencies, routes, findings = run_in_process(system, messages, warmup, False)
        results.append(
            summarize(
                "a",
                "guards + routing (decide_turn, no assistant)",
                latencies,
                routes=dict(routes),
                pii_values_sent=sum(pii_values(t) for t in messages),
                pii_values_replaced=sum(v for k, v in findings.items() if k.isupper()),
            )
        )
        latencies, routes, _ = run_in_process(system, messages, warmup, True)
        results.append(
            summarize(
                "b",
                "a + retrieval assistant + output guards (decide_turn)",
                latencies,
                routes=dict(routes),
            )
        )
        latencies, starts, routes = run_service(system, corpus[: args.store_turns], warmup)
        results.append(
            summarize(
                "c",
                "handle_turn on SQLite (WAL, synchronous=FULL)",
                latencies,
                routes=dict(routes),
                conversation_start_p50_ms=round(summarize("", "", starts).p50_ms, 3),
            )
        )
        if not args.skip_http:
            latencies, starts, statuses, command = run_http(
                corpus[: args.http_turns], warmup[:50], workdir, cpus
            )
            results.append(
                summarize(
                    "d",
                    "HTTP: POST .../messages to trustdesk serve (SQLite)",
                    latencies,
                    statuses=dict(statuses),
                    create_conversation_p50_ms=round(summarize("", "", starts).p50_ms, 3),
                    server=command,
                )
            )
        results.append(
            summarize(
                "ref",
                "reference, not a peer: naive libphonenumber x4 + email re",
                run_reference(messages, warmup),
            )
        )
        if args.profile:
            profile_text = profile_guards(system, messages, warmup)
        system.engine.dispose()

    guards = results[0]
    report = {
        "machine": machine(cpus),
        "corpus": {
            "seed": SEED,
            "message_chars": MESSAGE_CHARS,
            "with_pii": with_pii / len(corpus),
            "turns_per_conversation": TURNS_PER_CONVERSATION,
            "warmup": args.warmup,
        },
        "results": [asdict(r) for r in results],
        "goal": {
            "p50_ms": GOAL_P50_MS,
            "p99_ms": GOAL_P99_MS,
            "measured_p50_ms": guards.p50_ms,
            "measured_p99_ms": guards.p99_ms,
            "met": guards.p50_ms <= GOAL_P50_MS and guards.p99_ms <= GOAL_P99_MS,
        },
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        _print_report(report)
    if profile_text:
        print(profile_text, file=sys.stderr if args.json else sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
