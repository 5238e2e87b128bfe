"""Assistant backends behind one protocol, and the knowledge base they answer from.

Kept empty on purpose: import from the defining module (``trustdesk.assistant.base`` …) so that
the protocol never pulls in bm25s or numpy.
"""
