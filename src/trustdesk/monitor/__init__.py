"""Monitoring: metric definitions over stored records, and the Prometheus exposition.

Kept empty on purpose: import from the defining module (``records``, ``definitions``,
``questions``, ``prometheus``).
"""
