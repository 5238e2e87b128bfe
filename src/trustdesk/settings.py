"""Deployment settings, read from the environment (prefix ``TRUSTDESK_``) and validated at start."""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import Field, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from trustdesk.errors import ConfigurationError

# A web origin: scheme, host (a name, IPv4 or [IPv6]) and an optional port; nothing else.
_ORIGIN = re.compile(r"https?://(?:[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?|\[[0-9a-f:]+\])(?::\d{1,5})?")

# The event types a webhook can carry (docs/webhooks.md); trustdesk.webhooks.payloads maps
# events to exactly these names.
WEBHOOK_EVENT_TYPES = (
    "handoff.requested",
    "approval.requested",
    "approval.decided",
    "decision.recorded",
    "alert.opened",
)


class Settings(BaseSettings):
    """Where things are and how to reach them. What the business promises lives in the policy."""

    model_config = SettingsConfigDict(env_prefix="TRUSTDESK_", extra="ignore", frozen=True)

    database_url: str = "sqlite:///./trustdesk.db"
    policy_file: Path | None = None
    key_file: Path = Path("./trustdesk.key")
    master_key: str | None = Field(default=None, repr=False)
    backend: Literal["retrieval", "openai"] = "retrieval"
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = Field(default=None, repr=False)
    llm_timeout_s: float = Field(default=20.0, gt=0, le=300)
    # Customer identity (docs/identity.md): the business vouches for its customers with an
    # HS256-signed assertion, or creates conversations server-to-server with the API key.
    identity_secret: str | None = Field(default=None, repr=False, min_length=32)
    identity_secret_previous: str | None = Field(default=None, repr=False, min_length=32)
    identity_max_lifetime_s: int = Field(default=3600, ge=30, le=86400)
    service_api_key: str | None = Field(default=None, repr=False, min_length=32)
    # GET /metrics (docs/metrics.md): staff whose role may read metrics, or a scraper sending
    # this token as "Authorization: Bearer <token>". Unset: staff only.
    metrics_token: str | None = Field(default=None, repr=False, min_length=32)
    # Staff sign-in (docs/accountability.md): a console session ends after this long without
    # a request, and at the latest this long after sign-in. Failed sign-ins beyond these counts
    # within the window are answered 429, per account name and per client address.
    staff_session_idle_s: int = Field(default=1800, ge=60, le=86400)
    staff_session_lifetime_s: int = Field(default=43200, ge=300, le=604800)
    sign_in_failures_per_account: int = Field(default=5, ge=1, le=1000)
    sign_in_failures_per_address: int = Field(default=20, ge=1, le=10000)
    sign_in_failure_window_s: int = Field(default=900, ge=60, le=86400)
    # The chat page remembers its conversation in an HttpOnly cookie for this many days, so a
    # customer who closes the tab comes back to it (docs/api.md#coming-back-to-a-conversation).
    # 0: never remembered (a resume link still works).
    chat_resume_days: int = Field(default=7, ge=0, le=90)
    # Running servers check this often (seconds) whether `trustdesk kb ingest` stored a new
    # knowledge base, and load it without a restart (docs/knowledge-base.md). 0: never.
    kb_refresh_s: float = Field(default=15.0, ge=0, le=86400)
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    purge_on_schedule: bool = True
    # Limits and timeouts of the HTTP server (docs/operations.md). Rate limits count per process.
    rate_limits: bool = True
    rate_limit_rps: float = Field(default=20.0, gt=0)
    rate_limit_burst: int = Field(default=40, ge=1)
    conversations_per_address_per_hour: int = Field(default=60, ge=1)
    trusted_proxies: Annotated[tuple[str, ...], NoDecode] = ()
    # Sites allowed to embed the chat widget (docs/widget.md): their origins may frame /embed
    # and call the customer API from the browser (CORS). Empty: no site may.
    widget_origins: Annotated[tuple[str, ...], NoDecode] = ()
    header_timeout_s: float = Field(default=10.0, gt=0, le=300)
    body_timeout_s: float = Field(default=20.0, gt=0, le=600)
    max_connections: int = Field(default=1000, ge=1)
    # Outbound webhooks (docs/webhooks.md). The allow-http switch comes before the URLs: their
    # validator reads it.
    webhook_allow_http: bool = False
    webhook_urls: Annotated[tuple[str, ...], NoDecode] = ()
    webhook_secret: str | None = Field(default=None, repr=False, validate_default=True)
    webhook_events: Annotated[tuple[str, ...], NoDecode] = WEBHOOK_EVENT_TYPES
    webhook_timeout_s: float = Field(default=10.0, gt=0, le=120)
    webhook_max_attempts: int = Field(default=8, ge=1, le=30)
    webhook_backoff_base_s: float = Field(default=1.0, gt=0, le=3600)
    webhook_backoff_cap_s: float = Field(default=600.0, gt=0, le=86400)
    webhook_retention_days: int = Field(default=30, ge=1, le=3650)

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str) -> str:
        if not value.startswith(("sqlite://", "postgresql://", "postgresql+psycopg://")):
            raise ValueError("must be a sqlite:// or postgresql:// URL")
        return value

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _proxy_list(cls, value: object) -> object:
        """Comma-separated addresses or networks (``10.0.0.1, 10.1.0.0/16``), each validated."""
        if isinstance(value, str):
            value = [item.strip() for item in value.split(",") if item.strip()]
        if isinstance(value, list | tuple):
            for item in value:
                ipaddress.ip_network(str(item), strict=False)  # ValueError names the bad entry
            return tuple(str(item) for item in value)
        return value

    @field_validator("widget_origins", mode="before")
    @classmethod
    def _origin_list(cls, value: object) -> object:
        """Comma-separated origins (``https://shop.example``: scheme, host, optional port)."""
        items = _comma_list(value)
        if items is None:
            return value
        origins = []
        for item in items:
            origin = item.rstrip("/").lower()
            if not _ORIGIN.fullmatch(origin):
                raise ValueError(
                    "each widget origin must be a scheme and host with an optional port, like "
                    "https://shop.example or http://localhost:3000 (no path, no wildcard)"
                )
            origins.append(origin)
        return tuple(dict.fromkeys(origins))

    @field_validator("webhook_urls", mode="before")
    @classmethod
    def _webhook_url_list(cls, value: object, info: ValidationInfo) -> object:
        """Comma-separated http(s) URLs, each checked by :func:`check_webhook_url`."""
        items = _comma_list(value)
        if items is None:
            return value
        allow_http = bool(info.data.get("webhook_allow_http", False))
        for number, url in enumerate(items, start=1):
            check_webhook_url(url, allow_http=allow_http, entry=number)
            if url in items[: number - 1]:
                raise ValueError(f"entry {number} repeats an earlier URL")
        return items

    @field_validator("webhook_secret")
    @classmethod
    def _webhook_secret(cls, value: str | None, info: ValidationInfo) -> str | None:
        # The message never quotes the value: it is a secret.
        if value is None and info.data.get("webhook_urls"):
            raise ValueError(
                "is required when TRUSTDESK_WEBHOOK_URLS is set (a random string of at least "
                "32 characters that receivers use to check signatures)"
            )
        if value is not None and len(value) < 32:
            raise ValueError("must be at least 32 characters long")
        return value

    @field_validator("webhook_events", mode="before")
    @classmethod
    def _webhook_event_list(cls, value: object) -> object:
        items = _comma_list(value)
        if items is None:
            return value
        known = ", ".join(WEBHOOK_EVENT_TYPES)
        if not items:
            raise ValueError(f"name at least one of {known}")
        for number, name in enumerate(items, start=1):
            if name not in WEBHOOK_EVENT_TYPES:
                raise ValueError(f"entry {number} is not one of {known}")
        return items

    def require_llm(self) -> tuple[str, str]:
        """The base URL and model of the OpenAI-compatible backend, or a clear error."""
        missing = [
            name
            for name, value in (
                ("TRUSTDESK_LLM_BASE_URL", self.llm_base_url),
                ("TRUSTDESK_LLM_MODEL", self.llm_model),
            )
            if not value
        ]
        if missing:
            raise ConfigurationError(
                "TRUSTDESK_BACKEND=openai needs " + " and ".join(missing) + " to be set"
            )
        assert self.llm_base_url and self.llm_model
        return self.llm_base_url, self.llm_model


def load_settings(**overrides: object) -> Settings:
    """Read settings from the environment; invalid values stop the start with a named variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = [
            f"TRUSTDESK_{'.'.join(str(p) for p in err['loc']).upper()}: {err['msg']}"
            for err in exc.errors()
        ]
        raise ConfigurationError("invalid settings:\n  - " + "\n  - ".join(problems)) from None


def _comma_list(value: object) -> tuple[str, ...] | None:
    """A comma-separated string (or a list) as a tuple of stripped, non-empty items."""
    if isinstance(value, str):
        value = value.split(",")
    if isinstance(value, list | tuple):
        return tuple(str(item).strip() for item in value if str(item).strip())
    return None


def check_webhook_url(url: str, *, allow_http: bool, entry: int = 1) -> None:
    """Raise ValueError unless ``url`` is an http(s) URL with a host and no credentials, and
    plain http goes to a loopback host (or ``allow_http``). The message names the entry, never
    the URL: it could hold a password."""
    where = f"entry {entry}"
    if any(ch.isspace() or not ch.isprintable() for ch in url):
        raise ValueError(f"{where} contains spaces or control characters")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number 0-65535
    except ValueError:
        raise ValueError(f"{where} is not a valid URL") from None
    if parts.scheme not in ("http", "https"):
        raise ValueError(f"{where} must start with https:// (or http:// for a loopback host)")
    if not parts.hostname:
        raise ValueError(f"{where} has no host")
    if parts.username is not None or parts.password is not None:
        raise ValueError(
            f"{where} contains credentials (user:password@); receivers authenticate "
            "deliveries by their signature"
        )
    if parts.scheme == "http" and not allow_http and not _loopback(parts.hostname):
        raise ValueError(
            f"{where} uses plain http:// to a host that is not loopback; use https:// or set "
            "TRUSTDESK_WEBHOOK_ALLOW_HTTP=true"
        )


def _loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
