"""Conversations: the pure turn core (turn.py), the service that loads, decides and records
(service.py), customer identity (identity.py) and staff access (agents.py). No web or SQL."""
