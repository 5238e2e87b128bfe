"""HTTP throughput: guarded customer turns on `trustdesk serve` against a bare FastAPI endpoint.

One load generator (wrk with benchmarks/wrk/turns.lua, one connection per wrk thread) drives,
in the same run: the bare FastAPI app of benchmarks/bare_app.py, then `trustdesk serve` on a
fresh SQLite file and on a fresh PostgreSQL database, with one and (on PostgreSQL) two workers.
Every request is a 300-character customer message with synthetic personal data, posted with its
bearer token to /api/v1/conversations/{id}/messages; no conversation gets two requests at once.
See docs/benchmarks.md, "HTTP throughput".

Usage: python benchmarks/http.py [--clients 16,64] [--duration 15] [--warmup 5]
       [--db sqlite,postgresql] [--workers 1,2] [--conversations 2000] [--json out.json]
"""

# ruff: noqa: E402  (the imports below must come after the sys.path fix)
from __future__ import annotations

import sys
from pathlib import Path

# This file is named http.py. Run as a script, its folder is sys.path[0], where `import http`
# (http.client, here and inside the standard library) would find this file instead.
HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]

import argparse
import contextlib
import http.client
import importlib.util
import json
import os
import platform
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit, urlunsplit

REPO = HERE.parent
LUA_SCRIPT = HERE / "wrk" / "turns.lua"
MESSAGE_CHARS = 300
DISTINCT_MESSAGES = 1000
SEED = 20240611
GOAL_RATIO = 0.15  # trustdesk req/s over bare req/s, same client count
GOAL_TAIL = 3.0  # p99 <= GOAL_TAIL x p50
GOAL_SCALING = 1.6  # two workers over one, PostgreSQL
BARE_DRIFT_WARNING = 0.10  # the bare peer before and after TrustDesk
DEFAULT_PG_URL = "postgresql://postgres@127.0.0.1:5432/test"
# What trustdesk.web.server.server_config gives uvicorn (keep in step): h11 (TrustDesk runs a
# subclass with a header deadline), no access log, no proxy headers, no Server header, the
# default TRUSTDESK_MAX_CONNECTIONS, one process, uvicorn's default event loop.
BARE_UVICORN_OPTIONS = (
    "--log-level",
    "warning",
    "--http",
    "h11",
    "--no-access-log",
    "--no-proxy-headers",
    "--no-server-header",
    "--limit-concurrency",
    "1000",
)
PACKAGES = (
    "trustdesk",
    "fastapi",
    "starlette",
    "pydantic",
    "uvicorn",
    "h11",
    "httptools",
    "uvloop",
    "sqlalchemy",
    "psycopg",
)

# -- messages -------------------------------------------------------------------------------


def _load_turns() -> ModuleType:
    """benchmarks/turns.py, whose questions (answered by the demo knowledge base) we reuse."""
    spec = importlib.util.spec_from_file_location("trustdesk_bench_turns", HERE / "turns.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def make_messages(count: int, seed: int = SEED) -> list[str]:
    """Customer messages of exactly MESSAGE_CHARS characters: a question the demo knowledge base
    answers, one or two kinds of synthetic personal data (name, email, phone, order number) and
    filler. Only trailing filler is cut; no message asks for a person."""
    try:
        from faker import Faker
    except ImportError:
        raise SystemExit("the messages need Faker: pip install -e '.[dev]'") from None
    turns = _load_turns()
    # A message that asks for an action the policy holds for approval (a refund, a closure)
    # hands the conversation to a person: a different and cheaper turn. Such messages are
    # left out, so that the turns measured are answered by the assistant, as the goal says.
    from trustdesk.assistant.actions import ActionRules
    from trustdesk.policy.loader import bundled_policy_path, load_policy

    actions = ActionRules(load_policy(bundled_policy_path()).policy.approvals)
    fake = Faker(["en_GB", "en_US"])
    fake.seed_instance(seed)
    rng = random.Random(seed)
    personal: tuple[Callable[[], str], ...] = (
        lambda: f"My name is {fake.name()}.",
        lambda: f"You can reach me at {fake.safe_email()}.",
        lambda: f"My phone number is {fake.phone_number()}.",
        lambda: f"My order number is AF-{rng.randrange(10**6):06d}.",
    )
    messages: list[str] = []
    while len(messages) < count:
        opener = rng.choice(turns._OPENERS)
        question = rng.choice(turns._QUESTIONS)
        core = [f"{opener} {question}" if opener else question[0].upper() + question[1:]]
        core += [make() for make in rng.sample(personal, rng.choice((1, 2)))]
        rng.shuffle(core)
        text = " ".join(core)
        if len(text) > MESSAGE_CHARS - 20:
            continue  # would cut personal data or the question
        fillers = list(turns._FILLER)
        rng.shuffle(fillers)
        for sentence in fillers:
            if len(text) >= MESSAGE_CHARS:
                break
            text = f"{text} {sentence}"
        text = text[:MESSAGE_CHARS]
        text = text[:-1] + "." if text.endswith(" ") else text
        if not actions.propose(text):
            messages.append(text)
    return messages


# -- processes ------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _get(port: int, path: str, timeout: float = 2.0) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        return connection.getresponse().status
    finally:
        connection.close()


@contextlib.contextmanager
def server(
    command: list[str], env: dict[str, str], cwd: Path, log_path: Path
) -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    """Start a server on a free port, wait for /healthz, stop it (and its workers) afterwards."""
    port = _free_port()
    command = [arg.replace("{port}", str(port)) for arg in command]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command, env=env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + 180
        while True:
            if process.poll() is not None:
                raise SystemExit(f"{command[2]} exited at start:\n{_tail(log_path)}")
            with contextlib.suppress(OSError, http.client.HTTPException):
                if _get(port, "/healthz") == 200:
                    break
            if time.monotonic() > deadline:
                raise SystemExit(f"{command[2]} did not answer /healthz:\n{_tail(log_path)}")
            time.sleep(0.2)
        yield port, process
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the group of the process we started
            process.wait()


def _tail(path: Path, lines: int = 30) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def process_cpu_s(pid: int) -> float | None:
    """User + system CPU seconds of a process and its children (a server's workers), from
    /proc; None where there is no /proc."""
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0
    found = False
    with contextlib.suppress(OSError):
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            with contextlib.suppress(OSError, IndexError, ValueError):
                fields = Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()
                if int(entry.name) == pid or int(fields[1]) == pid:  # itself or a child
                    total += int(fields[11]) + int(fields[12])  # utime, stime
                    found = True
    return total / ticks if found else None


def serve_supports_workers() -> bool:
    """Whether this version of `trustdesk serve` has a --workers option."""
    out = subprocess.run(
        [sys.executable, "-m", "trustdesk.cli.main", "serve", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    return "--workers" in out.stdout


# -- PostgreSQL -----------------------------------------------------------------------------


@contextlib.contextmanager
def postgres_database(admin_url: str) -> Iterator[str]:
    """A fresh database next to admin_url's, dropped afterwards; yields its URL."""
    import psycopg

    name = f"td_bench_{secrets.token_hex(4)}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        parts = urlsplit(admin_url)
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def postgres_version(admin_url: str) -> str:
    try:
        import psycopg

        with psycopg.connect(admin_url, connect_timeout=5) as connection:
            row = connection.execute("SHOW server_version").fetchone()
            return str(row[0]) if row else "unknown"
    except Exception as exc:  # the report says why, the run goes on without PostgreSQL
        return f"unreachable ({exc.__class__.__name__})"


# -- conversations --------------------------------------------------------------------------


@dataclass
class Conversations:
    """The (id, token) pairs wrk cycles through, and the turns each has been sent so far."""

    pairs: list[tuple[str, str]]
    path: Path
    turns: Counter[int] = field(default_factory=Counter)

    def write(self) -> None:
        """The pairs file, with the turns each conversation was sent so far (the wrk script
        never sends a conversation the same message twice)."""
        lines = (
            f"{cid}\t{token}\t{self.turns[line]}\n"
            for line, (cid, token) in enumerate(self.pairs, 1)
        )
        self.path.write_text("".join(lines))

    def most_turns(self) -> int:
        return max(self.turns.values(), default=0)


def create_conversations(
    port: int, count: int, threads: int = 8
) -> tuple[list[tuple[str, str]], float, int]:
    """POST /api/v1/conversations count times in parallel; (pairs, seconds, 429 retries)."""
    retries = Counter[str]()

    def create_many(n: int) -> list[tuple[str, str]]:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        made: list[tuple[str, str]] = []
        try:
            while len(made) < n:
                connection.request(
                    "POST", "/api/v1/conversations", b"{}", {"Content-Type": "application/json"}
                )
                response = connection.getresponse()
                body = response.read()
                if response.status == 429:
                    retries["429"] += 1
                    time.sleep(float(response.getheader("Retry-After") or 1))
                    continue
                if response.status != 201:
                    raise SystemExit(f"creating a conversation answered HTTP {response.status}")
                created = json.loads(body)
                made.append((created["id"], created["token"]))
        finally:
            connection.close()
        return made

    shares = [count // threads + (1 if i < count % threads else 0) for i in range(threads)]
    t0 = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        pairs = [pair for made in pool.map(create_many, shares) for pair in made]
    return pairs, time.perf_counter() - t0, retries["429"]


def fake_conversations(count: int) -> list[tuple[str, str]]:
    """Ids and tokens of TrustDesk's sizes for the bare app, which accepts any."""
    return [(secrets.token_hex(16), secrets.token_urlsafe(32)) for _ in range(count)]


# -- wrk ------------------------------------------------------------------------------------


@dataclass
class Run:
    """One wrk run at one client count against one server."""

    target: str
    db: str
    workers: int
    clients: int
    duration_s: float
    requests: int
    req_per_s: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    p999_ms: float
    max_ms: float
    http_statuses: dict[str, int]
    turn_statuses: dict[str, int]
    socket_errors: dict[str, int]
    most_turns_to_one_conversation: int
    ratio_to_bare: float | None = None
    # CPU seconds the server's processes spent in the run, per request, in ms: steadier than
    # req/s on a machine that others share (it does not count time spent waiting for a core).
    server_cpu_ms_per_request: float | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def tail_ratio(self) -> float:
        return self.p99_ms / self.p50_ms if self.p50_ms else float("inf")

    @property
    def non_2xx(self) -> int:
        return sum(n for code, n in self.http_statuses.items() if not code.startswith("2"))

    @property
    def errors(self) -> int:
        return self.non_2xx + sum(self.socket_errors.values())


def run_wrk(
    wrk: str,
    port: int,
    clients: int,
    duration: float,
    conversations: Conversations,
    bodies: Path,
    timeout_s: int,
) -> tuple[dict[str, Any], str]:
    """One wrk run: `clients` threads of one connection each. Returns (summary, wrk's output)."""
    command = [wrk, "-t", str(clients), "-c", str(clients), "-d", f"{duration:g}s"]
    command += ["--timeout", f"{timeout_s}s", "--latency", "-s", str(LUA_SCRIPT)]
    command += [f"http://127.0.0.1:{port}", "--", str(conversations.path), str(bodies)]
    command += [str(clients)]
    out = subprocess.run(
        command, capture_output=True, text=True, timeout=duration + timeout_s + 60, check=False
    )
    match = re.search(r"^TRUSTDESK_WRK (.*)$", out.stdout, re.MULTILINE)
    if out.returncode != 0 or not match:
        raise SystemExit(f"wrk failed ({out.returncode}):\n{out.stdout}\n{out.stderr}")
    summary: dict[str, Any] = json.loads(match.group(1))
    for index, sent in summary.pop("turns_sent").items():
        conversations.turns[int(index)] += sent
    return summary, out.stdout[: match.start()].rstrip()


def to_run(
    summary: dict[str, Any], target: str, db: str, workers: int, clients: int, most: int
) -> Run:
    lat = summary["latency_us"]
    seconds = summary["duration_us"] / 1e6
    return Run(
        target=target,
        db=db,
        workers=workers,
        clients=clients,
        duration_s=round(seconds, 2),
        requests=summary["requests"],
        req_per_s=summary["requests"] / seconds,
        p50_ms=lat["p50"] / 1e3,
        p90_ms=lat["p90"] / 1e3,
        p99_ms=lat["p99"] / 1e3,
        p999_ms=lat["p999"] / 1e3,
        max_ms=lat["max"] / 1e3,
        http_statuses={str(k): int(v) for k, v in summary["http_statuses"].items()},
        turn_statuses={str(k): int(v) for k, v in summary["turn_statuses"].items()},
        socket_errors={k: int(v) for k, v in summary["errors"].items() if k != "status" and v},
        most_turns_to_one_conversation=most,
    )


# -- one target -----------------------------------------------------------------------------


@dataclass
class Options:
    wrk: str
    clients: list[int]
    duration: float
    warmup: float
    conversations: int
    max_turns: int
    timeout_s: int
    verbose: bool


def measure(
    opts: Options,
    target: str,
    db: str,
    workers: int,
    port: int,
    new_conversations: Any,
    bodies: Path,
    workdir: Path,
    limit_turns: bool = True,
    server_pid: int | None = None,
) -> tuple[list[Run], dict[str, Any]]:
    """Warm up, then one wrk run per client count. With limit_turns, fresh conversations are
    made (outside the timed runs) whenever the next run could take one past opts.max_turns."""
    info: dict[str, Any] = {"conversation_batches": []}
    batch = 0

    def fresh() -> Conversations:
        nonlocal batch
        batch += 1
        pairs, seconds, retries = new_conversations(opts.conversations)
        info["conversation_batches"].append(
            {"count": len(pairs), "seconds": round(seconds, 2), "http_429_retries": retries}
        )
        convs = Conversations(pairs, workdir / f"{target}-{db}-{workers}-{batch}.tsv")
        convs.write()
        return convs

    convs = fresh()
    summary, _ = run_wrk(opts.wrk, port, max(opts.clients), opts.warmup, convs, bodies, 30)
    convs.write()  # with the warm-up's turns
    estimate = summary["requests"] / (summary["duration_us"] / 1e6)
    info["warmup"] = {
        "seconds": opts.warmup,
        "clients": max(opts.clients),
        "requests": summary["requests"],
        "http_statuses": summary["http_statuses"],
    }
    runs: list[Run] = []
    for clients in opts.clients:
        projected = 1.25 * estimate * opts.duration / opts.conversations
        notes = []
        if limit_turns and convs.most_turns() + projected > opts.max_turns:
            convs = fresh()
            notes.append("fresh conversations")
        convs.write()
        cpu_before = process_cpu_s(server_pid) if server_pid else None
        summary, raw = run_wrk(
            opts.wrk, port, clients, opts.duration, convs, bodies, opts.timeout_s
        )
        cpu_after = process_cpu_s(server_pid) if server_pid else None
        run = to_run(summary, target, db, workers, clients, convs.most_turns())
        if cpu_before is not None and cpu_after is not None and run.requests:
            run.server_cpu_ms_per_request = 1000 * (cpu_after - cpu_before) / run.requests
        run.notes += notes
        if limit_turns and run.most_turns_to_one_conversation > opts.max_turns:
            run.notes.append(f"a conversation got more than {opts.max_turns} turns")
        estimate = run.req_per_s
        runs.append(run)
        print(f"  {_row(run)}", flush=True)
        if opts.verbose:
            print(raw, flush=True)
    return runs, info


# -- the machine ----------------------------------------------------------------------------


def machine(wrk: str) -> dict[str, Any]:
    model = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith(("model name", "hardware", "cpu model")):
                model = line.split(":", 1)[1].strip()
                break
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = "not installed"
    wrk_out = subprocess.run([wrk, "-v"], capture_output=True, text=True, check=False)
    wrk_version = (wrk_out.stdout + wrk_out.stderr).splitlines()[0].strip()
    allowed = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    return {
        "cpu": model,
        "logical_cpus": os.cpu_count(),
        "cpus_allowed": len(allowed) if allowed else None,
        "load_average_at_start": [round(v, 2) for v in os.getloadavg()]
        if hasattr(os, "getloadavg")
        else None,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(),
        "packages": versions,
        # uvicorn's "auto" loop, for `trustdesk serve` and the bare app alike
        "uvicorn_loop": "uvloop" if importlib.util.find_spec("uvloop") else "asyncio",
        "bare_uvicorn_options": " ".join(BARE_UVICORN_OPTIONS),
        "wrk": wrk_version,
    }


# -- report ---------------------------------------------------------------------------------

HEADER = (
    f"{'target':<9} {'db':<10} {'workers':>7} {'clients':>7} {'req/s':>8} {'p50 ms':>8} "
    f"{'p90 ms':>8} {'p99 ms':>8} {'p99/p50':>7} {'non-2xx':>7} {'sock err':>8} {'ratio':>6} "
    f"{'cpu ms/req':>10}"
)


def _row(r: Run) -> str:
    ratio = f"{r.ratio_to_bare:.3f}" if r.ratio_to_bare is not None else "-"
    cpu = r.server_cpu_ms_per_request
    row = (
        f"{r.target:<9} {r.db:<10} {r.workers:>7} {r.clients:>7} {r.req_per_s:>8.1f} "
        f"{r.p50_ms:>8.1f} {r.p90_ms:>8.1f} {r.p99_ms:>8.1f} {r.tail_ratio:>7.2f} "
        f"{r.non_2xx:>7} {sum(r.socket_errors.values()):>8} {ratio:>6} "
        f"{f'{cpu:.2f}' if cpu is not None else '-':>10}"
    )
    return row + ("  ERRORS" if r.errors else "")


def goals(
    runs: list[Run], opts: Options, dbs: list[str], notes: dict[str, str]
) -> list[dict[str, Any]]:
    """Each goal of the issue, met or not, with the numbers it was judged on."""
    out: list[dict[str, Any]] = []
    find = {(r.target, r.db, r.workers, r.clients): r for r in runs}
    for db in dbs:
        for clients in opts.clients:
            r = find.get(("trustdesk", db, 1, clients))
            name = f"{db}, 1 worker, {clients} clients"
            if r is None or r.ratio_to_bare is None:
                out.append({"goal": name, "met": None, "why": notes.get(db, "not measured")})
                continue
            ratio_ok = r.ratio_to_bare >= GOAL_RATIO
            tail_ok = r.tail_ratio <= GOAL_TAIL
            why = (
                f"ratio {r.ratio_to_bare:.3f} (goal >= {GOAL_RATIO}), "
                f"p99/p50 {r.tail_ratio:.2f} (goal <= {GOAL_TAIL:g})"
            )
            bare_cpu = [
                b.server_cpu_ms_per_request
                for b in runs
                if b.target == "bare" and b.clients == clients and b.server_cpu_ms_per_request
            ]
            if bare_cpu and r.server_cpu_ms_per_request:
                # Not the goal; what the ratio would be if CPU time alone decided it.
                by_cpu = sum(bare_cpu) / len(bare_cpu) / r.server_cpu_ms_per_request
                why += f"; by server CPU per request {by_cpu:.3f}"
            if r.errors:
                why += f", {r.errors} errors"
            out.append({"goal": name, "met": ratio_ok and tail_ok and not r.errors, "why": why})
    if "postgresql" in dbs:
        for clients in opts.clients:
            one = find.get(("trustdesk", "postgresql", 1, clients))
            two = find.get(("trustdesk", "postgresql", 2, clients))
            name = f"postgresql, 2 workers over 1, {clients} clients"
            if one is None or two is None:
                why = notes.get("workers", "not measured")
                out.append({"goal": name, "met": None, "why": why})
                continue
            scaling = two.req_per_s / one.req_per_s
            why = f"{scaling:.2f}x (goal >= {GOAL_SCALING}x)"
            met = scaling >= GOAL_SCALING and not (one.errors or two.errors)
            out.append({"goal": name, "met": met, "why": why})
    return out


def print_report(report: dict[str, Any]) -> None:
    m = report["machine"]
    print()
    print("TrustDesk HTTP throughput (benchmarks/http.py)")
    print(f"  date       {report['date']}")
    print(f"  cpu        {m['cpu']}; {m['logical_cpus']} logical, {m['cpus_allowed']} allowed")
    print(f"  load avg   {m['load_average_at_start']} at start (others share the machine)")
    print(f"  python     {m['python']} on {m['platform']}")
    print("  packages   " + ", ".join(f"{k} {v}" for k, v in m["packages"].items()))
    print(f"  uvicorn    loop {m['uvicorn_loop']}; bare app: {m['bare_uvicorn_options']}")
    print(f"  wrk        {m['wrk']}")
    if report.get("postgresql"):
        print(f"  postgresql {report['postgresql']}")
    s = report["settings"]
    print(
        f"  load       {s['duration_s']:g} s per run after {s['warmup_s']:g} s warm-up; "
        f"{s['conversations']} conversations; {s['message_chars']}-character messages "
        f"({s['distinct_messages']} distinct); one connection per wrk thread"
    )
    print()
    print(HEADER)
    for r in report["runs"]:
        print(_row(Run(**{k: v for k, v in r.items() if k in Run.__dataclass_fields__})))
    print()
    for r in report["runs"]:
        extras = []
        if r["target"] == "trustdesk":
            extras.append(f"turn statuses {r['turn_statuses']}")
            extras.append(f"most turns to one conversation {r['most_turns_to_one_conversation']}")
        if any(not code.startswith("2") for code in r["http_statuses"]):
            extras.append(f"HTTP statuses {r['http_statuses']}")
        if r["socket_errors"]:
            extras.append(f"socket errors {r['socket_errors']}")
        extras += r["notes"]
        if not extras:
            continue
        print(f"  {r['target']} {r['db']} w{r['workers']} c{r['clients']}: " + "; ".join(extras))
    for name, info in report["servers"].items():
        if name == "bare":
            continue
        batches = ", ".join(
            f"{b['count']} in {b['seconds']} s"
            + (f" ({b['http_429_retries']} 429)" * bool(b["http_429_retries"]))
            for b in info.get("conversation_batches", [])
        )
        if batches:
            print(f"  {name}: conversations created (untimed): {batches}")
    for note in report["notes"]:
        print(f"  note: {note}")
    print()
    print(
        f"goals: trustdesk req/s >= {GOAL_RATIO} x bare req/s and p99 <= {GOAL_TAIL:g} x p50 "
        f"(1 worker); PostgreSQL 2 workers >= {GOAL_SCALING} x 1 worker"
    )
    for g in report["goals"]:
        verdict = {True: "MET", False: "NOT MET", None: "NOT MEASURED"}[g["met"]]
        print(f"  {g['goal']:<42} {verdict:<12} {g['why']}")


# -- in process -----------------------------------------------------------------------------


def _asgi_post(app: Any, path: str, token: str, body: bytes) -> Any:
    """One POST through an ASGI app, no socket: a coroutine that returns the status."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"host", b"127.0.0.1"),
            (b"content-type", b"application/json"),
            (b"authorization", f"Bearer {token}".encode()),
            (b"content-length", str(len(body)).encode()),
        ],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }

    async def call() -> int:
        import asyncio

        delivered = False
        status = 0

        async def receive() -> dict[str, Any]:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            await asyncio.Event().wait()  # no disconnect: the answer is complete before
            raise AssertionError("unreachable")

        async def send(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]

        await app(scope, receive, send)
        return status

    return call()


def in_process(requests: int, messages: list[str]) -> dict[str, Any]:
    """CPU time per request of TrustDesk's app and of the bare peer, called through ASGI in
    this process (no sockets, no load generator, one request at a time): what each request
    costs the server's CPU, which a machine others share disturbs far less than req/s."""
    import asyncio

    from trustdesk.composition import build_system
    from trustdesk.settings import load_settings
    from trustdesk.web.app import create_app

    sys.path.insert(0, str(REPO))  # benchmarks.bare_app
    from benchmarks.bare_app import app as bare_app

    bodies = [json.dumps({"text": m}).encode() for m in messages]
    result: dict[str, Any] = {"requests": requests, "warmup": min(200, requests)}
    with tempfile.TemporaryDirectory(prefix="trustdesk-http-inprocess-") as tmp:
        settings = load_settings(
            database_url=f"sqlite:///{Path(tmp) / 'trustdesk.db'}",
            key_file=Path(tmp) / "trustdesk.key",
            backend="retrieval",
            rate_limits=False,
        )
        system = build_system(settings)
        limit = system.policy.policy.limits.max_turns_per_conversation
        count = max(1, (requests + result["warmup"]) // max(1, limit - 1) + 1)
        pairs = []
        for _ in range(max(200, count)):
            started = system.service.start()
            pairs.append((started.conversation.id, started.token))
        targets = {
            "trustdesk": create_app(system),
            "bare": bare_app,
        }
        for name, app in targets.items():

            async def run(n: int, app: Any = app) -> list[int]:
                statuses = []
                for i in range(n):
                    cid, token = pairs[i % len(pairs)]
                    path = f"/api/v1/conversations/{cid}/messages"
                    statuses.append(await _asgi_post(app, path, token, bodies[i % len(bodies)]))
                return statuses

            loop = asyncio.new_event_loop()
            try:
                loop.run_until_complete(run(result["warmup"]))
                cpu, wall = time.process_time(), time.perf_counter()
                statuses = loop.run_until_complete(run(requests))
                cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            finally:
                loop.close()
            if set(statuses) != {200}:
                raise SystemExit(f"{name}: statuses {Counter(statuses)} in process")
            result[name] = {
                "cpu_ms_per_request": 1000 * cpu / requests,
                "wall_ms_per_request": 1000 * wall / requests,
            }
        system.close()
    result["ratio_by_cpu"] = (
        result["bare"]["cpu_ms_per_request"] / result["trustdesk"]["cpu_ms_per_request"]
    )
    return result


# -- main -----------------------------------------------------------------------------------


def _ints(text: str) -> list[int]:
    try:
        values = [int(v) for v in text.split(",") if v.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("a comma-separated list of integers") from None
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError("a comma-separated list of positive integers")
    return values


def _dbs(text: str) -> list[str]:
    values = [v.strip() for v in text.split(",") if v.strip()]
    if not values or set(values) - {"sqlite", "postgresql"}:
        raise argparse.ArgumentTypeError("sqlite, postgresql or both")
    return values


def serve_env(database_url: str, workdir: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "TRUSTDESK_DATABASE_URL": database_url,
        "TRUSTDESK_KEY_FILE": str(workdir / "trustdesk.key"),
        "TRUSTDESK_BACKEND": "retrieval",
        "TRUSTDESK_LOG_LEVEL": "warning",  # uvicorn logs access lines at info: none
        "TRUSTDESK_RATE_LIMITS": "off",
    }
    for name in ("TRUSTDESK_POLICY_FILE", "TRUSTDESK_MASTER_KEY"):
        env.pop(name, None)  # the bundled demo policy, a fresh key file
    return env


def measure_trustdesk(
    args: argparse.Namespace,
    opts: Options,
    bodies: Path,
    workdir: Path,
    report: dict[str, Any],
    goal_notes: dict[str, str],
) -> list[Run]:
    """`trustdesk serve` on each database (and on PostgreSQL each worker count), each on a
    fresh database with a fresh key file, the demo policy and knowledge base."""
    runs: list[Run] = []
    workers_ok = serve_supports_workers()
    if not workers_ok and max(args.workers) > 1:
        goal_notes["workers"] = "not supported: `trustdesk serve` has no --workers option"
        report["notes"].append(goal_notes["workers"])
    for db in args.db:
        if db == "postgresql" and report["postgresql"].startswith("unreachable"):
            goal_notes[db] = f"PostgreSQL {report['postgresql']} at --pg-url"
            report["notes"].append(goal_notes[db])
            continue
        for workers in args.workers:
            if workers > 1 and (db != "postgresql" or not workers_ok):
                continue
            name = f"trustdesk-{db}-{workers}w"
            print(f"trustdesk serve on {db}, {workers} worker{'s' * (workers > 1)}", flush=True)
            confdir = workdir / name
            confdir.mkdir()
            with contextlib.ExitStack() as stack:
                if db == "sqlite":
                    url = f"sqlite:///{confdir / 'trustdesk.db'}"
                else:
                    url = stack.enter_context(postgres_database(args.pg_url))
                command = [sys.executable, "-m", "trustdesk.cli.main", "serve"]
                command += ["--host", "127.0.0.1", "--port", "{port}"]
                command += ["--workers", str(workers)] if workers > 1 else []
                env = serve_env(url, confdir)
                log = confdir / "serve.log"
                port, process = stack.enter_context(server(command, env, confdir, log))
                made = lambda n, p=port: create_conversations(p, n)  # noqa: E731
                db_runs, info = measure(
                    opts, "trustdesk", db, workers, port, made, bodies, confdir, True, process.pid
                )
            runs += db_runs
            report["servers"][name] = info
    return runs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--clients", type=_ints, default=[16, 64], help="default 16,64")
    parser.add_argument("--duration", type=float, default=15, help="seconds per run")
    parser.add_argument("--warmup", type=float, default=5, help="untimed seconds per server")
    parser.add_argument("--db", type=_dbs, default=["sqlite", "postgresql"])
    parser.add_argument("--workers", type=_ints, default=[1, 2], help="more than 1: PostgreSQL")
    parser.add_argument("--conversations", type=int, default=2000)
    parser.add_argument("--max-turns", type=int, default=100, help="per conversation")
    parser.add_argument("--timeout", type=int, default=10, help="wrk's request timeout, s")
    parser.add_argument("--pg-url", default=DEFAULT_PG_URL, help="where to create td_bench_*")
    parser.add_argument("--wrk", default=shutil.which("wrk") or "/usr/bin/wrk")
    parser.add_argument("--json", type=Path, help="also write the report to this file")
    parser.add_argument("--verbose", action="store_true", help="print wrk's own output")
    parser.add_argument(
        "--in-process",
        type=int,
        metavar="N",
        help="instead: N requests through each ASGI app in this process (SQLite), CPU per request",
    )
    args = parser.parse_args(argv)
    if args.in_process is not None:
        if args.in_process < 1:
            parser.error("--in-process needs at least 1 request")
        measured = in_process(args.in_process, make_messages(DISTINCT_MESSAGES))
        print(json.dumps(measured, indent=2))
        if args.json:
            args.json.write_text(json.dumps(measured, indent=2))
        return 0
    if not Path(args.wrk).exists():
        raise SystemExit("wrk not found: apt-get install -y wrk (or --wrk PATH)")
    if args.duration < 1 or args.warmup < 1:
        parser.error("--duration and --warmup must be at least 1 second")
    if args.conversations < max(args.clients):
        parser.error("--conversations must be at least the largest client count")
    opts = Options(
        wrk=args.wrk,
        clients=args.clients,
        duration=args.duration,
        warmup=args.warmup,
        conversations=args.conversations,
        max_turns=args.max_turns,
        timeout_s=args.timeout,
        verbose=args.verbose,
    )
    report: dict[str, Any] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(args.wrk),
        "settings": {
            "clients": args.clients,
            "duration_s": args.duration,
            "warmup_s": args.warmup,
            "databases": args.db,
            "workers": args.workers,
            "conversations": args.conversations,
            "max_turns_per_conversation": args.max_turns,
            "wrk_timeout_s": args.timeout,
            "message_chars": MESSAGE_CHARS,
            "distinct_messages": DISTINCT_MESSAGES,
            "seed": SEED,
        },
        "servers": {},
        "notes": [],
    }
    if "postgresql" in args.db:
        report["postgresql"] = postgres_version(args.pg_url)
    goal_notes: dict[str, str] = {}
    messages = make_messages(DISTINCT_MESSAGES)
    assert {len(m) for m in messages} == {MESSAGE_CHARS}

    with (
        tempfile.TemporaryDirectory(prefix="trustdesk-http-bench-") as tmp,
        contextlib.ExitStack() as stack,
    ):
        workdir = Path(tmp)
        bodies = workdir / "bodies.jsonl"
        bodies.write_text("".join(json.dumps({"text": m}) + "\n" for m in messages))

        # The bare peer is measured before and after TrustDesk (idle in between), so that a
        # machine whose speed drifts during the run shows it.
        bare = [sys.executable, "-m", "uvicorn", "benchmarks.bare_app:app"]
        bare += ["--host", "127.0.0.1", "--port", "{port}", *BARE_UVICORN_OPTIONS]
        env = {k: v for k, v in os.environ.items() if not k.startswith("TRUSTDESK_")}
        bare_port, bare_process = stack.enter_context(server(bare, env, REPO, workdir / "bare.log"))
        bare_pid = bare_process.pid
        made = lambda n: (fake_conversations(n), 0.0, 0)  # noqa: E731
        print("bare FastAPI (benchmarks/bare_app.py), before TrustDesk", flush=True)
        before, info = measure(
            opts, "bare", "(before)", 1, bare_port, made, bodies, workdir, False, bare_pid
        )
        report["servers"]["bare"] = info
        trustdesk_runs = measure_trustdesk(args, opts, bodies, workdir, report, goal_notes)
        print("bare FastAPI, after TrustDesk", flush=True)
        after, _ = measure(
            opts, "bare", "(after)", 1, bare_port, made, bodies, workdir, False, bare_pid
        )

    bare_rps: dict[int, float] = {}
    for b, a in zip(before, after, strict=True):
        bare_rps[b.clients] = (b.req_per_s + a.req_per_s) / 2
        drift = a.req_per_s / b.req_per_s - 1
        if abs(drift) > BARE_DRIFT_WARNING:
            report["notes"].append(
                f"the bare peer at {b.clients} clients changed by {drift:+.0%} between before "
                "and after: the machine's speed was not steady during the run"
            )
    report["bare_req_per_s_for_ratio"] = bare_rps
    for r in trustdesk_runs:
        r.ratio_to_bare = r.req_per_s / bare_rps[r.clients]
    runs = [*before, *after, *trustdesk_runs]
    report["runs"] = [
        {**asdict(r), "tail_ratio": r.tail_ratio, "non_2xx": r.non_2xx, "errors": r.errors}
        for r in runs
    ]
    report["goals"] = goals(runs, opts, args.db, goal_notes)
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    return 1 if any(r.errors for r in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
