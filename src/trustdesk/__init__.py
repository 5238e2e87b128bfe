"""TrustDesk: AI customer support with disclosure, privacy and accountability built in."""

__version__ = "0.1.0"
