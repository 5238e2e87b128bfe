"""While the app serves, what was loaded at start is frozen out of the garbage collector's full
passes (docs/benchmarks.md: the p99 of a turn), and unfrozen when the app stops."""

from __future__ import annotations

import asyncio
import gc

from trustdesk.composition import System
from trustdesk.web.app import create_app
from trustdesk.web.scheduler import serving


def test_serving_freezes_what_was_loaded_and_unfreezes_when_it_stops(system: System) -> None:
    app = create_app(system)
    loaded = system.passages  # the knowledge base, loaded at start
    seen: list[int] = []

    async def serve() -> None:
        async with serving(app):
            seen.append(gc.get_freeze_count())
            # the collector's passes leave the frozen objects alone: in no generation
            assert not any(o is loaded for o in gc.get_objects())

    assert gc.get_freeze_count() == 0
    asyncio.run(serve())
    assert seen and seen[0] > 10_000
    assert gc.get_freeze_count() == 0
