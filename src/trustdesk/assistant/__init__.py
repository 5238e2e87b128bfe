"""Assistant backends behind one protocol, and the knowledge base they answer from."""

from trustdesk.assistant.base import AssistantBackend, Citation, Draft, HistoryItem
from trustdesk.assistant.knowledge import Passage, load_directory, parse_markdown
from trustdesk.assistant.retrieval import PassageIndex, RetrievalBackend

__all__ = [
    "AssistantBackend",
    "Citation",
    "Draft",
    "HistoryItem",
    "Passage",
    "PassageIndex",
    "RetrievalBackend",
    "load_directory",
    "parse_markdown",
]
