"""HTML rendering of reports and exports (Jinja2, autoescaped)."""
