"""The identity secrets the test settings use, and assertions signed with them, as a
business's backend would sign them."""

from __future__ import annotations

import time

from trustdesk.conversation.identity import sign_assertion

IDENTITY_SECRET = "test-identity-secret-0123456789abcdef"
SERVICE_API_KEY = "test-service-api-key-0123456789abcdef"


def assertion_for(customer_ref: str, lifetime_s: int = 600, secret: str = IDENTITY_SECRET) -> str:
    """A signed identity assertion vouching for ``customer_ref``."""
    now = time.time()
    return sign_assertion(secret, customer_ref, now + lifetime_s, now)
