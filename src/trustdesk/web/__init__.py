"""The web edge: FastAPI app factory, API routers, pages and static files."""
