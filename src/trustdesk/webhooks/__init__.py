"""Outbound webhooks: signed event deliveries with retries and a delivery log."""
