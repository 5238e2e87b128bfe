"""The background sealer and the ledger's event subscriber, with fakes (no I/O)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from datetime import UTC, datetime

import pytest

from trustdesk.events import DataErased, TurnDecided
from trustdesk.ledger import sealer as sealer_module
from trustdesk.ledger.encoding import PendingEntry
from trustdesk.ledger.sealer import LedgerRecorder, LedgerSealer

T0 = datetime(2026, 12, 1, tzinfo=UTC)
WAIT_S = 10  # generous upper bound for a background thread to react; never a threshold


class FakeChain:
    """Counts seals; fails the first ``failures`` of them with a message that must not leak."""

    def __init__(self, failures: int = 0) -> None:
        self.pending = 0
        self.sealed = 0
        self.calls = 0
        self.failures = failures
        self.sealed_event = threading.Event()
        self.gate: threading.Event | None = None

    def seal(self) -> int:
        self.calls += 1
        if self.gate is not None:
            self.gate.wait(WAIT_S)
        if self.failures:
            self.failures -= 1
            raise RuntimeError("driver says: row ('alice@example.com') is locked")
        moved, self.pending = self.pending, 0
        self.sealed += moved
        self.sealed_event.set()
        return moved


def test_flush_seals_in_the_callers_thread() -> None:
    chain = FakeChain()
    chain.pending = 3
    sealer = LedgerSealer(chain.seal)
    assert sealer.flush() == 3 and chain.sealed == 3
    sealer.close()


def test_request_seals_in_the_background() -> None:
    chain = FakeChain()
    sealer = LedgerSealer(chain.seal)
    chain.pending = 2
    sealer.request()
    assert chain.sealed_event.wait(WAIT_S)
    assert chain.sealed == 2
    sealer.close()


def test_requests_during_a_seal_are_served_by_one_more_seal_not_one_each() -> None:
    chain = FakeChain()
    chain.gate = threading.Event()
    sealer = LedgerSealer(chain.seal)
    sealer.request()  # the thread starts a seal and blocks on the gate
    for _ in range(50):
        chain.pending += 1
        sealer.request()
    chain.gate.set()
    sealer.close()  # joins the thread, then a last seal
    assert chain.sealed == 50
    assert chain.calls <= 4


def test_a_failing_seal_is_logged_by_class_only_retried_and_never_raised(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sealer_module, "FIRST_RETRY_S", 0.01)
    chain = FakeChain(failures=2)
    chain.pending = 4
    sealer = LedgerSealer(chain.seal)
    with caplog.at_level(logging.ERROR, logger="trustdesk.ledger.sealer"):
        assert sealer.flush() is None  # failed: reported as None, not raised
        # Nobody asks again: the retries (one more failure, then success) come by themselves.
        assert chain.sealed_event.wait(WAIT_S)
    sealer.close()
    assert chain.sealed == 4 and sealer.failures == 2
    assert "RuntimeError" in caplog.text
    assert "alice" not in caplog.text and "locked" not in caplog.text


def test_close_seals_what_is_left_and_stops_the_thread() -> None:
    chain = FakeChain()
    sealer = LedgerSealer(chain.seal)
    sealer.request()
    assert chain.sealed_event.wait(WAIT_S)
    chain.pending = 5
    sealer.close()
    assert chain.sealed == 5
    assert sealer._thread is not None and not sealer._thread.is_alive()
    calls = chain.calls
    sealer.request()  # after close: ignored
    assert chain.calls == calls


class Outbox:
    def __init__(self) -> None:
        self.written: list[PendingEntry] = []

    def write(self, entries: Sequence[PendingEntry]) -> None:
        self.written.extend(entries)


class CountingSealer(LedgerSealer):
    def __init__(self) -> None:
        super().__init__(lambda: 0)
        self.requests = 0

    def request(self) -> None:
        self.requests += 1


def _turn() -> TurnDecided:
    return TurnDecided(
        T0, "c-1", 1, "assistant", "ai_active", "ai_active", "retrieval", "v", (), "r"
    )


def test_recorder_only_asks_for_a_seal_for_events_the_unit_of_work_staged() -> None:
    outbox, sealer = Outbox(), CountingSealer()
    recorder = LedgerRecorder(sealer, outbox.write, staged={TurnDecided})
    recorder.on_event(_turn())
    assert outbox.written == [] and sealer.requests == 1


def test_recorder_writes_other_events_to_the_outbox_then_asks_for_a_seal() -> None:
    outbox, sealer = Outbox(), CountingSealer()
    recorder = LedgerRecorder(sealer, outbox.write, staged={TurnDecided})
    recorder.on_event(DataErased(T0, "req-1", "customer", 2, True))
    [entry] = outbox.written
    assert entry.kind == "erasure" and sealer.requests == 1


def test_recorder_lets_an_outbox_failure_reach_the_event_bus() -> None:
    # The bus logs a failing subscriber; swallowing it here would lose the entry silently.
    def broken(entries: Sequence[PendingEntry]) -> None:
        raise OSError("disk full")

    sealer = CountingSealer()
    recorder = LedgerRecorder(sealer, broken)
    with pytest.raises(OSError):
        recorder.on_event(_turn())
    assert sealer.requests == 0


def test_with_idle_s_the_thread_seals_when_nobody_asks() -> None:
    chain = FakeChain()
    sealer = LedgerSealer(chain.seal, idle_s=0.05)
    sealer.request()
    assert chain.sealed_event.wait(WAIT_S)
    chain.sealed_event.clear()
    calls = chain.calls
    # no request: the thread seals again on its own (a stale tail is signed there)
    assert chain.sealed_event.wait(WAIT_S)
    assert chain.calls > calls
    sealer.close()


def test_without_idle_s_the_thread_waits_for_a_request() -> None:
    chain = FakeChain()
    sealer = LedgerSealer(chain.seal)
    sealer.request()
    assert chain.sealed_event.wait(WAIT_S)
    chain.sealed_event.clear()
    assert not chain.sealed_event.wait(0.3)
    sealer.close()
    with pytest.raises(ValueError, match="positive"):
        LedgerSealer(chain.seal, idle_s=0)
