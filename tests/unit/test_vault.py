from __future__ import annotations

import os

import pytest

from trustdesk.privacy.vault import VaultCipher, VaultError


def test_sealed_value_round_trips_and_is_not_plaintext() -> None:
    cipher = VaultCipher(os.urandom(32))
    key, wrapped = cipher.new_data_key("acct-1")
    sealed = cipher.seal(key, "jo@example.com", "conv\x00[EMAIL_ADDRESS_1]")
    assert b"jo@example.com" not in sealed and key not in wrapped
    assert cipher.open(cipher.unwrap("acct-1", wrapped), sealed, "conv\x00[EMAIL_ADDRESS_1]") == (
        "jo@example.com"
    )


def test_entry_moved_to_another_placeholder_does_not_open() -> None:
    cipher = VaultCipher(os.urandom(32))
    key, _ = cipher.new_data_key("acct-1")
    sealed = cipher.seal(key, "secret", "conv\x00[EMAIL_ADDRESS_1]")
    with pytest.raises(VaultError):
        cipher.open(key, sealed, "conv\x00[EMAIL_ADDRESS_2]")


def test_data_key_is_bound_to_its_customer_and_master_key() -> None:
    cipher = VaultCipher(os.urandom(32))
    _, wrapped = cipher.new_data_key("acct-1")
    with pytest.raises(VaultError):
        cipher.unwrap("acct-2", wrapped)
    with pytest.raises(VaultError):
        VaultCipher(os.urandom(32)).unwrap("acct-1", wrapped)


def test_tampered_ciphertext_is_refused() -> None:
    cipher = VaultCipher(os.urandom(32))
    key, _ = cipher.new_data_key("s")
    sealed = bytearray(cipher.seal(key, "value", "ctx"))
    sealed[-1] ^= 1
    with pytest.raises(VaultError):
        cipher.open(key, bytes(sealed), "ctx")
