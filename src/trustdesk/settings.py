"""Deployment settings, read from the environment (prefix ``TRUSTDESK_``) and validated at start."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from trustdesk.errors import ConfigurationError


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
    header_timeout_s: float = Field(default=10.0, gt=0, le=300)
    body_timeout_s: float = Field(default=20.0, gt=0, le=600)
    max_connections: int = Field(default=1000, ge=1)

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
