"""Outbound webhooks: events signed with HMAC-SHA256, delivered with retries (docs/webhooks.md)."""
