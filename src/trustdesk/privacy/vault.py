"""The vault's cryptography: AES-256-GCM with one data key per customer (envelope encryption).

Each customer's data key encrypts the originals behind their placeholders; the data key itself
is stored only wrapped (encrypted) by a key derived from the deployment's master key. Destroying
a customer's wrapped data key makes every copy of their vault entries unreadable — including
copies in backups — which is how erasure reaches data TrustDesk cannot delete.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from trustdesk.errors import CryptoError

NONCE_BYTES = 12


class VaultError(CryptoError):
    """A vault entry or data key could not be decrypted (wrong key, tampering, destroyed key)."""


class VaultCipher:
    """Wraps data keys with the master-derived key and seals values with data keys."""

    def __init__(self, wrap_key: bytes) -> None:
        if len(wrap_key) != 32:
            raise ValueError("the wrapping key must be 32 bytes")
        self._wrap = AESGCM(wrap_key)

    def new_data_key(self, subject: str) -> tuple[bytes, bytes]:
        """A fresh data key for ``subject`` and its wrapped form (bound to the subject)."""
        key = AESGCM.generate_key(bit_length=256)
        return key, self._seal(self._wrap, key, b"data-key\x00" + subject.encode())

    def unwrap(self, subject: str, wrapped: bytes) -> bytes:
        return self._open(self._wrap, wrapped, b"data-key\x00" + subject.encode())

    def seal(self, data_key: bytes, value: str, context: str) -> bytes:
        """Encrypt ``value``; ``context`` (conversation and placeholder) is authenticated too,
        so an entry cannot be moved to another placeholder unnoticed."""
        return self._seal(AESGCM(data_key), value.encode("utf-8"), context.encode())

    def open(self, data_key: bytes, sealed: bytes, context: str) -> str:
        return self._open(AESGCM(data_key), sealed, context.encode()).decode("utf-8")

    @staticmethod
    def _seal(aead: AESGCM, plaintext: bytes, aad: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return nonce + aead.encrypt(nonce, plaintext, aad)

    @staticmethod
    def _open(aead: AESGCM, sealed: bytes, aad: bytes) -> bytes:
        try:
            return aead.decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad)
        except InvalidTag:
            raise VaultError("vault entry cannot be decrypted with this key") from None
