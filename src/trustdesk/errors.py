"""One error root and a few families, mapped to HTTP status codes and exit codes at the edges."""

from __future__ import annotations


class TrustDeskError(Exception):
    """Root of every error TrustDesk raises on purpose. Messages never contain personal data."""

    http_status = 500
    exit_code = 1


class ConfigurationError(TrustDeskError):
    """Settings, policy or knowledge base are invalid; the system must not start."""

    exit_code = 2


class PolicyError(ConfigurationError):
    """The policy file cannot be read or does not validate."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"invalid policy {source}:\n{lines}")


class KnowledgeBaseError(ConfigurationError):
    """A knowledge base directory or file cannot be ingested."""


class MissingDependencyError(ConfigurationError):
    """A package the configuration needs is not installed; the message names what to install."""


class InputError(TrustDeskError):
    """The caller sent something we refuse; the message says what to fix."""

    http_status = 422


class NotFoundError(TrustDeskError):
    http_status = 404


class AuthError(TrustDeskError):
    http_status = 401


class ForbiddenError(TrustDeskError):
    """Authenticated, but this role may not do this."""

    http_status = 403


class ConflictError(TrustDeskError):
    """The request is valid but the resource's state forbids it."""

    http_status = 409


class BackendError(TrustDeskError):
    """An assistant backend failed (error, timeout, unusable answer)."""

    http_status = 502


class StoreError(TrustDeskError):
    """The database is unreachable or a migration failed."""

    http_status = 503


class CryptoError(TrustDeskError):
    """Encrypted data cannot be opened with the key at hand: a wrong key, tampering, or a key
    destroyed on purpose (erasure). Never carries the ciphertext or the plaintext."""

    http_status = 500


class RateLimitError(TrustDeskError):
    """Too many requests or too much created in a window; retry after ``retry_after_s``."""

    http_status = 429

    def __init__(self, message: str, retry_after_s: int) -> None:
        super().__init__(message)
        self.retry_after_s = max(1, int(retry_after_s))
