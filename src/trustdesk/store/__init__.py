"""Storage: tables, engines, migrations and repositories."""

from trustdesk.store.engine import make_engine, migrate
from trustdesk.store.repository import SqlConversationStore, SqlKnowledgeStore

__all__ = ["SqlConversationStore", "SqlKnowledgeStore", "make_engine", "migrate"]
