"""Storage: tables, engines, migrations and repositories.

Kept empty on purpose: import from the defining module (``trustdesk.store.engine`` …).
"""
