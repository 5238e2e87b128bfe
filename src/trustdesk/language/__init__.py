"""What customers and drafts say about the conversation itself, in seven languages.

Pure text functions with no dependency on the rest of TrustDesk: normalisation that undoes
disguises (``normalise``), the per-language rules for bot questions, requests for a person and
answers to the offer of a person (``intents``), first-person claims to be human and statements
that this is an AI (``claims``), and the customer's language (``detect``). The guards wrap
them; the policy uses ``claims`` to refuse texts that would lie.
"""

SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "fr", "de", "es", "it", "nl", "pt")
