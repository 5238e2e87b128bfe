"""Deployment settings, read from the environment (prefix ``TRUSTDESK_``) and validated at start."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

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
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    purge_on_schedule: bool = True

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str) -> str:
        if not value.startswith(("sqlite://", "postgresql://", "postgresql+psycopg://")):
            raise ValueError("must be a sqlite:// or postgresql:// URL")
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
