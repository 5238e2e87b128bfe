"""The deployment's master key: created on first start with owner-only permissions.

Sub-keys for each use (placeholder digests, wrapping the vault's data keys) are derived from
it with HKDF, so no key is used for two purposes.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from trustdesk.errors import ConfigurationError

KEY_BYTES = 32


def derive_key(master: bytes, purpose: str) -> bytes:
    """A 32-byte sub-key for one purpose (HKDF-SHA256)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose.encode())
    return hkdf.derive(master)


def master_key(hex_value: str | None, path: Path) -> bytes:
    """The master key from settings (hex) when given, else from (or into) the key file."""
    if hex_value:
        try:
            key = bytes.fromhex(hex_value.strip())
        except ValueError:
            raise ConfigurationError("TRUSTDESK_MASTER_KEY must be hex-encoded") from None
        if len(key) != KEY_BYTES:
            raise ConfigurationError(f"TRUSTDESK_MASTER_KEY must be {KEY_BYTES} bytes (64 hex)")
        return key
    return load_or_create_key(path)


def load_or_create_key(path: Path) -> bytes:
    """Read the key file, or create it (mode 0600) if it does not exist yet."""
    if path.exists():
        data = path.read_bytes().strip()
        try:
            key = bytes.fromhex(data.decode("ascii"))
        except (UnicodeDecodeError, ValueError):
            raise ConfigurationError(f"key file {path} is not a hex-encoded key") from None
        if len(key) != KEY_BYTES:
            raise ConfigurationError(f"key file {path} must hold {KEY_BYTES} bytes")
        if os.name == "posix" and path.stat().st_mode & 0o077:
            raise ConfigurationError(
                f"key file {path} is readable by other users; run: chmod 600 {path}"
            )
        return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(KEY_BYTES)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key.hex() + "\n")
    return key
