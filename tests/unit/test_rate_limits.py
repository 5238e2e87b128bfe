"""The pieces of the rate limiter: buckets, address keys, the client address behind proxies."""

from __future__ import annotations

import pytest

from trustdesk.web.limits import AddressKeys, TokenBuckets, client_address, parse_networks


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_bucket_grants_its_burst_then_says_how_long_to_wait() -> None:
    clock = Clock()
    buckets = TokenBuckets(rate=2.0, capacity=3, clock=clock)
    assert [buckets.take(b"k") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert buckets.take(b"k") == pytest.approx(0.5)
    clock.now += 0.5
    assert buckets.take(b"k") == 0.0
    assert buckets.take(b"other") == 0.0  # each key has its own bucket


def test_a_bucket_refills_no_higher_than_its_capacity() -> None:
    clock = Clock()
    buckets = TokenBuckets(rate=1.0, capacity=2, clock=clock)
    buckets.take(b"k")
    clock.now += 3600
    assert [buckets.take(b"k") for _ in range(3)][2] == pytest.approx(1.0)


def test_buckets_forget_the_least_recently_used_key_beyond_the_cap() -> None:
    clock = Clock()
    buckets = TokenBuckets(rate=0.001, capacity=1, max_keys=2, clock=clock)
    for key in (b"a", b"b"):
        buckets.take(key)
    buckets.take(b"a")  # refused, and now the most recently used
    buckets.take(b"c")  # evicts b
    assert len(buckets) == 2
    assert buckets.take(b"b") == 0.0  # forgotten: a full bucket again
    assert buckets.take(b"c") > 0  # c was remembered


def test_address_keys_are_keyed_hashes_that_never_contain_the_address() -> None:
    keys = AddressKeys(b"k" * 32)
    key = keys("203.0.113.7")
    assert b"203.0.113.7" not in key and len(key) == 16
    assert key == keys("203.0.113.7") != keys("203.0.113.8")
    assert AddressKeys()("203.0.113.7") != AddressKeys()("203.0.113.7")  # random per process


def test_an_ipv6_client_is_counted_by_its_64_network() -> None:
    keys = AddressKeys(b"k" * 32)
    assert keys("2001:db8:1:2::1") == keys("2001:db8:1:2:ffff::9")
    assert keys("2001:db8:1:2::1") != keys("2001:db8:1:3::1")
    assert keys("::ffff:203.0.113.7") == keys("203.0.113.7")


def _scope(peer: str, *forwarded: str) -> dict[str, object]:
    headers = [(b"x-forwarded-for", value.encode()) for value in forwarded]
    return {"client": (peer, 5555), "headers": headers}


TRUSTED = parse_networks(["10.0.0.0/8", "192.0.2.1"])


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        (_scope("203.0.113.7", "198.51.100.1"), "203.0.113.7"),  # untrusted peer: its word
        (_scope("10.0.0.5", "198.51.100.1"), "198.51.100.1"),
        (_scope("10.0.0.5", "6.6.6.6, 198.51.100.1"), "198.51.100.1"),  # forged left entry
        (_scope("10.0.0.5", "198.51.100.1, 10.0.0.9"), "198.51.100.1"),  # two proxies
        (_scope("10.0.0.5", "198.51.100.1", "10.0.0.9"), "198.51.100.1"),  # two headers
        (_scope("192.0.2.1", "198.51.100.1:4711"), "198.51.100.1:4711"),
        (_scope("10.0.0.5"), "10.0.0.5"),  # no header: the proxy itself
        (_scope("10.0.0.5", "10.0.0.7, 10.0.0.9"), "10.0.0.7"),  # all trusted: the first
    ],
)
def test_the_client_is_the_rightmost_untrusted_forwarded_address(
    scope: dict[str, object], expected: str
) -> None:
    assert client_address(scope, TRUSTED) == expected


def test_without_trusted_proxies_forwarded_for_is_ignored() -> None:
    assert client_address(_scope("10.0.0.5", "198.51.100.1")) == "10.0.0.5"
