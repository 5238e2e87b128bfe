"""Sealing in the background, and the event subscriber that feeds the ledger.

Entries are staged (an outbox row, in the transaction that made the change) and sealed into the
chain later: one transaction seals everything pending, so many turns share one chain lock and
one commit. A seal that fails is logged (its class only: a driver's message can quote a row) and
tried again later; it never reaches the request that asked for it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Collection, Sequence

from trustdesk.events import Event
from trustdesk.ledger.encoding import PendingEntry
from trustdesk.ledger.entries import entry_for

log = logging.getLogger(__name__)

FIRST_RETRY_S = 0.5
MAX_RETRY_S = 30.0


class LedgerSealer:
    """Runs ``seal`` (seal everything pending; returns how many) on a daemon thread when asked.

    Requests that arrive while a seal runs are served by the next one, so a burst of turns
    costs a few seals, not one each. With ``idle_s``, the thread (once started) also seals
    when no request came for that long, so that time-bound work in ``seal`` (signing a stale
    tail: ``SqlLedger.sign_stale_tail``) happens on a quiet desk too.
    """

    def __init__(
        self, seal: Callable[[], int], *, name: str = "ledger-sealer", idle_s: float | None = None
    ) -> None:
        if idle_s is not None and idle_s <= 0:
            raise ValueError("idle_s must be positive")
        self._seal = seal
        self._name = name
        self._idle_s = idle_s
        self._wanted = threading.Event()
        self._stop = threading.Event()
        self._sealing = threading.Lock()  # one seal at a time in this process
        self._start_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._retry_s = FIRST_RETRY_S
        self._last = 0
        self.failures = 0

    def request(self) -> None:
        """Ask for a seal soon; returns at once."""
        if self._stop.is_set():
            return
        self._ensure_thread()
        self._wanted.set()

    def flush(self) -> int | None:
        """Seal now, in the caller's thread: how many entries were sealed, or None if the seal
        failed (logged; the background thread tries again)."""
        if self._try_seal():
            return self._last
        self._wanted.set()
        self._ensure_thread()
        return None

    def close(self, timeout_s: float = 10.0) -> None:
        """Stop the thread after a last seal."""
        self._stop.set()
        self._wanted.set()
        thread = self._thread
        if thread is not None:
            thread.join(timeout_s)
        self._try_seal()

    def _try_seal(self) -> bool:
        with self._sealing:
            try:
                self._last = self._seal()
            except Exception as exc:  # logged and retried; never raised into the caller
                self.failures += 1
                log.error("ledger seal failed (%s); will retry", exc.__class__.__name__)
                return False
        return True

    def _ensure_thread(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        with self._start_lock:
            if self._stop.is_set() or (self._thread is not None and self._thread.is_alive()):
                return
            self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wanted.wait(self._idle_s)  # (a timeout seals too: see idle_s)
            if self._stop.is_set():
                return
            self._wanted.clear()
            if self._try_seal():
                self._retry_s = FIRST_RETRY_S
                continue
            # Back off, then try again even if nobody asks (pending rows must not wait for
            # the next turn). Stop wakes the wait early.
            self._stop.wait(self._retry_s)
            self._retry_s = min(self._retry_s * 2, MAX_RETRY_S)
            self._wanted.set()


class LedgerRecorder:
    """The ledger's event subscriber.

    Events whose type is in ``staged`` were already written to the outbox by the unit of work
    that emitted them (in the same transaction): for those it only asks for a seal. Every other
    event is turned into its entry, written to the outbox in a transaction of its own
    (``write_pending``), and a seal is requested.
    """

    def __init__(
        self,
        sealer: LedgerSealer,
        write_pending: Callable[[Sequence[PendingEntry]], None],
        staged: Collection[type[Event]] = (),
    ) -> None:
        self.sealer = sealer
        self.write_pending = write_pending
        self.staged = frozenset(staged)

    def on_event(self, event: Event) -> None:
        if type(event) not in self.staged:
            entry = entry_for(event)
            if entry is None:
                log.warning("no ledger entry for event %s", type(event).__name__)
                return
            self.write_pending([entry])
        self.sealer.request()
