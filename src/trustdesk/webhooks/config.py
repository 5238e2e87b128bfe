"""The webhook settings the dispatcher and the sender work with."""

from __future__ import annotations

from dataclasses import dataclass, field

from trustdesk.errors import ConfigurationError
from trustdesk.settings import Settings


@dataclass(frozen=True, slots=True)
class WebhookConfig:
    urls: tuple[str, ...]
    secret: str = field(repr=False)
    events: frozenset[str]
    timeout_s: float = 10.0
    max_attempts: int = 8
    backoff_base_s: float = 1.0
    backoff_cap_s: float = 600.0
    retention_days: int = 30

    @classmethod
    def from_settings(cls, settings: Settings) -> WebhookConfig | None:
        """The configuration, or None when no webhook URL is set."""
        if not settings.webhook_urls:
            return None
        if not settings.webhook_secret:  # the settings refuse this already; be sure
            raise ConfigurationError(
                "TRUSTDESK_WEBHOOK_URLS is set but TRUSTDESK_WEBHOOK_SECRET is not"
            )
        return cls(
            urls=settings.webhook_urls,
            secret=settings.webhook_secret,
            events=frozenset(settings.webhook_events),
            timeout_s=settings.webhook_timeout_s,
            max_attempts=settings.webhook_max_attempts,
            backoff_base_s=settings.webhook_backoff_base_s,
            backoff_cap_s=settings.webhook_backoff_cap_s,
            retention_days=settings.webhook_retention_days,
        )

    @property
    def lease_s(self) -> float:
        """How long a process holds a delivery it is sending. Far longer than one attempt can
        take (connect, write and read each time out), so another process takes a delivery over
        only from a sender that died."""
        return max(120.0, 6 * self.timeout_s)
