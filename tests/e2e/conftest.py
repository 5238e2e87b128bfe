from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.support.servers import uvicorn_thread
from trustdesk.composition import System
from trustdesk.web.app import create_app


@pytest.fixture
def client(system: System) -> Iterator[httpx.Client]:
    """An HTTP client talking to the real app over a real socket."""
    with (
        uvicorn_thread(create_app(system)) as base_url,
        httpx.Client(base_url=base_url, timeout=10) as http,
    ):
        yield http
