"""Ed25519 signatures over ledger checkpoints.

The key pair is derived from the deployment's master key (HKDF purpose ``ledger-signing`` gives
the 32-byte private seed), so it exists as soon as the master key does, is kept exactly like it,
and every server process signs with the same key. A signature covers::

    trustdesk-ledger-checkpoint/1 LF seq LF hash

(ASCII, no trailing LF): the domain prefix keeps a checkpoint signature from meaning anything
else, ever.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from trustdesk.errors import ConfigurationError
from trustdesk.keys import derive_key

CHECKPOINT_PREFIX = "trustdesk-ledger-checkpoint/1"
KEY_PURPOSE = "ledger-signing"


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A signed statement that entry ``seq`` has hash ``hash``."""

    seq: int
    hash: str
    signature: str  # hex
    key_id: str
    signed_at: str


def checkpoint_message(seq: int, entry_hash: str) -> bytes:
    """The bytes a checkpoint signature covers."""
    return f"{CHECKPOINT_PREFIX}\n{seq}\n{entry_hash}".encode("ascii")


def key_id(public_key: bytes) -> str:
    """The first 16 hex digits of SHA-256 over the raw 32-byte public key."""
    return hashlib.sha256(public_key).hexdigest()[:16]


def public_key_pem(public_key: bytes) -> str:
    """The raw public key as PEM (SubjectPublicKeyInfo), for tools that want a key file."""
    key = Ed25519PublicKey.from_public_bytes(public_key)
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def parse_public_key(text: str) -> bytes:
    """A public key given as 64 hex digits or as PEM; raw 32 bytes back."""
    text = text.strip()
    if text.startswith("-----BEGIN"):
        try:
            key = serialization.load_pem_public_key(text.encode("ascii"))
        except (ValueError, UnicodeEncodeError):
            raise ConfigurationError("the public key is not a valid PEM key") from None
        if not isinstance(key, Ed25519PublicKey):
            raise ConfigurationError("the public key must be an Ed25519 key")
        return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    try:
        raw = bytes.fromhex(text)
    except ValueError:
        raw = b""
    if len(raw) != 32:
        raise ConfigurationError("the public key must be 64 hex digits (32 bytes) or PEM")
    return raw


class LedgerSigner:
    """Signs checkpoints with the deployment's ledger key."""

    def __init__(self, seed: bytes) -> None:
        if len(seed) != 32:
            raise ConfigurationError("the ledger signing seed must be 32 bytes")
        self._key = Ed25519PrivateKey.from_private_bytes(seed)
        self.public_key: bytes = self._key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        self.key_id = key_id(self.public_key)

    @classmethod
    def from_master(cls, master: bytes) -> LedgerSigner:
        """The signer of a deployment: same master key, same signing key, in every process."""
        return cls(derive_key(master, KEY_PURPOSE))

    def sign(self, seq: int, entry_hash: str, signed_at: str) -> Checkpoint:
        signature = self._key.sign(checkpoint_message(seq, entry_hash))
        return Checkpoint(seq, entry_hash, signature.hex(), self.key_id, signed_at)

    def __repr__(self) -> str:  # never the private key
        return f"LedgerSigner(key_id={self.key_id!r})"


def signature_valid(
    public_key: bytes | Ed25519PublicKey, seq: int, entry_hash: str, signature_hex: str
) -> bool:
    """Whether ``signature_hex`` is the key's signature of the checkpoint (seq, hash). Give
    the key object when checking many: building it from bytes each time is wasted work."""
    try:
        key = (
            public_key
            if isinstance(public_key, Ed25519PublicKey)
            else Ed25519PublicKey.from_public_bytes(public_key)
        )
        key.verify(bytes.fromhex(signature_hex), checkpoint_message(seq, entry_hash))
    except (InvalidSignature, ValueError, TypeError, UnicodeEncodeError):
        return False
    return True
