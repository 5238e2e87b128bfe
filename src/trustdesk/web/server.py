"""Serving the app: uvicorn configured with TrustDesk's limits, in one process or several.

With several workers the parent validates the policy, migrates the database and ingests the
knowledge base once; each worker then builds the system from the environment (the parent
passes the policy file in ``TRUSTDESK_POLICY_FILE``) without migrating or ingesting. The
workers share one ``PROMETHEUS_MULTIPROC_DIR`` for their metrics (docs/metrics.md).
"""

from __future__ import annotations

import copy
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI
from uvicorn.config import LOGGING_CONFIG

from trustdesk.composition import System, build, resolve_policy
from trustdesk.errors import ConfigurationError
from trustdesk.monitor.prometheus import MULTIPROC_ENV
from trustdesk.settings import Settings, load_settings
from trustdesk.web.app import create_app
from trustdesk.web.protocol import HeaderTimeoutH11Protocol

APP_FACTORY = "trustdesk.web.server:create_app_from_environment"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
STARTUP_FAILURE = 3  # uvicorn's exit code when the server could not start

log = logging.getLogger(__name__)


class ServerConfig(uvicorn.Config):
    """uvicorn's Config, plus the header timeout that HeaderTimeoutH11Protocol reads.

    A subclass rather than a closure so that it pickles into worker processes.
    """

    def __init__(self, app: Any, *, header_timeout_s: float, **options: Any) -> None:
        super().__init__(app, **options)
        self.header_timeout_s = header_timeout_s


def logging_config(settings: Settings) -> dict[str, Any]:
    """uvicorn's logging, plus one stderr handler for everything else (``trustdesk.*``)."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["formatters"]["trustdesk"] = {"format": LOG_FORMAT}
    config["handlers"]["trustdesk"] = {
        "class": "logging.StreamHandler",
        "formatter": "trustdesk",
        "stream": "ext://sys.stderr",
    }
    config["root"] = {"handlers": ["trustdesk"], "level": settings.log_level.upper()}
    # Alembic announces each of its plugins at INFO; the migrations themselves stay visible.
    config["loggers"]["alembic.runtime.plugins"] = {"level": "WARNING"}
    return config


def server_config(
    app: Any,
    settings: Settings,
    *,
    host: str,
    port: int,
    workers: int = 1,
    **options: Any,
) -> ServerConfig:
    """The uvicorn configuration with the settings' timeouts and connection cap.

    uvicorn's access log is off (``trustdesk.access`` replaces it) and so are its proxy
    headers: the rate limiter reads X-Forwarded-For itself, from trusted proxies only.
    ``options`` are passed to uvicorn (tests pass ``log_config=None``, ``lifespan="off"``).
    """
    defaults: dict[str, Any] = {
        "log_config": logging_config(settings),
        "log_level": settings.log_level,
    }
    return ServerConfig(
        app,
        host=host,
        port=port,
        workers=workers,
        http=HeaderTimeoutH11Protocol,
        header_timeout_s=settings.header_timeout_s,
        limit_concurrency=settings.max_connections,
        access_log=False,
        proxy_headers=False,
        server_header=False,
        **{**defaults, **options},
    )


def check_workers(settings: Settings, workers: int) -> None:
    """Refuse several workers on SQLite, which lets one process write at a time."""
    if workers > 1 and settings.database_url.startswith("sqlite"):
        raise ConfigurationError(
            f"--workers {workers} needs PostgreSQL: SQLite lets one process write at a time, "
            "so extra workers would wait on each other's locks. Set TRUSTDESK_DATABASE_URL to "
            "a postgresql:// URL, or serve with one worker"
        )


def prepare(settings: Settings, policy_file: Path | None, kb_dir: Path | None) -> System:
    """Validate the policy, migrate, ingest ``kb_dir`` (or the demo when none is stored), and
    build the guards: anything broken stops the start here."""
    system = build(settings, resolve_policy(settings, policy_file), kb_dir=kb_dir)
    system.require_knowledge_base()
    system.service  # noqa: B018 - load the knowledge base and build the guards now
    system.scheduled_audits  # noqa: B018 - a scheduled probe's suite must exist
    return system


def run(
    settings: Settings,
    policy_file: Path | None,
    kb_dir: Path | None,
    host: str,
    port: int,
    workers: int = 1,
    *,
    announce: Callable[[str], object] = print,
) -> None:
    """Serve until stopped. With ``workers`` > 1 the workers read their settings from the
    environment, so ``settings`` should be the environment's (as the CLI's are)."""
    check_workers(settings, workers)
    logging.basicConfig(level=settings.log_level.upper(), format=LOG_FORMAT)
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    system = prepare(settings, policy_file, kb_dir)
    announce(f"policy {system.policy.source} ({system.policy.version[:19]})")
    languages = "".join(
        f"; {lang}: {len(index.passages)} passages"
        for lang, index in system.language_indexes.items()
    )
    announce(
        f"knowledge base: {len(system.index.passages)} passages{languages}; "
        f"backend: {settings.backend}"
    )
    processes = f" with {workers} workers" if workers > 1 else ""
    announce(f"TrustDesk is serving on http://{host}:{port}{processes}  (API docs: /docs)")
    if workers == 1:
        server = uvicorn.Server(server_config(create_app(system), settings, host=host, port=port))
        server.run()
        if not server.started:
            raise SystemExit(STARTUP_FAILURE)
        return

    from uvicorn.supervisors import Multiprocess

    os.environ["TRUSTDESK_POLICY_FILE"] = str(system.policy.source)
    system.engine.dispose()  # the workers open their own connections
    config = server_config(
        APP_FACTORY, settings, host=host, port=port, workers=workers, factory=True
    )
    with metrics_directory():
        Multiprocess(config, sockets=[config.bind_socket()]).run()


@contextmanager
def metrics_directory() -> Iterator[str]:
    """A directory the workers share for their Prometheus values, in
    ``PROMETHEUS_MULTIPROC_DIR`` while they run (prometheus-client's multiprocess mode).

    An operator's own ``PROMETHEUS_MULTIPROC_DIR`` is used and emptied of an earlier run's
    files first (else dead processes' counts would be added again); without one, a private
    temporary directory is made and removed afterwards."""
    given = os.environ.get(MULTIPROC_ENV)
    if given:
        path = Path(given)
        path.mkdir(parents=True, exist_ok=True)
        for stale in path.glob("*.db"):
            stale.unlink()
        yield str(path)
        return
    made = tempfile.mkdtemp(prefix="trustdesk-metrics-")
    os.environ[MULTIPROC_ENV] = made
    try:
        yield made
    finally:
        os.environ.pop(MULTIPROC_ENV, None)
        shutil.rmtree(made, ignore_errors=True)


def create_app_from_environment() -> FastAPI:
    """The app of one worker: settings from the environment, the schema already migrated and
    the knowledge base already ingested by the parent process."""
    settings = load_settings()
    system = build(settings, resolve_policy(settings), migrate_schema=False)
    system.service  # noqa: B018 - fail at start, not at the first request
    return create_app(system)
