"""Live updates: wake the open streams of a conversation (and of the staff queue) when an
event about it is published.

The hub is told about events by the event bus (after commit) in whatever thread committed,
and wakes the asyncio tasks that serve server-sent events. It carries no content, only "this
changed": a stream then reads the current state through the normal, authenticated reads. A
change made by another server process is not seen here; streams also look again every few
seconds (see web/live.py), so several workers stay correct, only a little later.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections import defaultdict
from collections.abc import AsyncIterator
from dataclasses import dataclass

from trustdesk.events import (
    ApprovalDecided,
    ApprovalRequested,
    ConsentChanged,
    ConversationClaimed,
    ConversationResolved,
    ConversationStarted,
    Event,
    HandedBackToAI,
    HandoffRequested,
    HumanReplied,
    TurnDecided,
)

QUEUE = "__queue__"
# Events that change what a conversation's open streams show, and those that change the queue.
CONVERSATION_EVENTS: tuple[type[Event], ...] = (
    TurnDecided,
    HandoffRequested,
    ConversationClaimed,
    HumanReplied,
    ConversationResolved,
    HandedBackToAI,
    ConsentChanged,
    ApprovalRequested,
    ApprovalDecided,
)
QUEUE_EVENTS: tuple[type[Event], ...] = (
    ConversationStarted,
    HandoffRequested,
    ConversationClaimed,
    ConversationResolved,
    HandedBackToAI,
    ApprovalRequested,
    ApprovalDecided,
    TurnDecided,
)


class LiveUpdates:
    """Listeners per key (a conversation id, or the queue), safe to notify from any thread.

    A stream listens before it reads the state it shows, so a change between its read and
    its wait is never missed: the wait returns at once and it reads again.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: dict[str, set[_Listener]] = defaultdict(set)

    def on_event(self, event: Event) -> None:
        """Event-bus subscriber: wake the streams the event concerns."""
        conversation_id = getattr(event, "conversation_id", None)
        if isinstance(event, CONVERSATION_EVENTS) and conversation_id:
            self.notify(conversation_id)
        if isinstance(event, QUEUE_EVENTS) and (
            not isinstance(event, TurnDecided) or event.status_before != event.status_after
        ):
            self.notify(QUEUE)

    def notify(self, key: str) -> None:
        with self._lock:
            listeners = list(self._listeners.get(key, ()))
        for listener in listeners:
            listener.loop.call_soon_threadsafe(listener.changed.set)

    def listeners(self, key: str) -> int:
        with self._lock:
            return len(self._listeners.get(key, ()))

    @contextlib.asynccontextmanager
    async def listen(self, key: str) -> AsyncIterator[_Listener]:
        """Register a listener for ``key`` for the life of the block."""
        listener = _Listener(asyncio.get_running_loop(), asyncio.Event())
        with self._lock:
            self._listeners[key].add(listener)
        try:
            yield listener
        finally:
            with self._lock:
                listeners = self._listeners.get(key)
                if listeners is not None:
                    listeners.discard(listener)
                    if not listeners:
                        del self._listeners[key]


@dataclass(eq=False, slots=True)
class _Listener:
    loop: asyncio.AbstractEventLoop
    changed: asyncio.Event

    async def wait(self, timeout_s: float) -> bool:
        """Wait for a change (True) or ``timeout_s`` (False); either way, ready for the next."""
        try:
            await asyncio.wait_for(self.changed.wait(), timeout_s)
        except TimeoutError:
            return False
        finally:
            self.changed.clear()
        return True
