"""When to try a failed delivery again: exponential backoff with jitter."""

from __future__ import annotations

import random
from collections.abc import Callable

JITTER = 0.2  # each delay is drawn from ±20 % of the nominal one


def nominal_delay(attempt: int, base_s: float, cap_s: float) -> float:
    """The delay after failed attempt number ``attempt`` (from 1) before jitter:
    ``base_s``, twice that, four times ... never more than ``cap_s``."""
    if attempt < 1:
        raise ValueError("attempts are numbered from 1")
    return min(cap_s, base_s * 2.0 ** min(attempt - 1, 62))


def retry_delay(
    attempt: int,
    base_s: float,
    cap_s: float,
    rand: Callable[[], float] = random.random,
) -> float:
    """The delay after failed attempt ``attempt``, with jitter so that deliveries that failed
    together (a receiver that was down) do not all come back at the same moment."""
    nominal = nominal_delay(attempt, base_s, cap_s)
    return min(cap_s, nominal * (1.0 - JITTER + 2.0 * JITTER * rand()))
