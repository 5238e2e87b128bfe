"""The name lexicon: US tables required, European tables optional (the names-intl extra)."""

from __future__ import annotations

import pytest

from trustdesk.privacy import name_lexicon


def test_without_the_optional_tables_the_us_lexicon_still_loads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    full = name_lexicon.load_name_lexicon()
    name_lexicon.load_name_lexicon.cache_clear()
    monkeypatch.setattr(name_lexicon, "_optional_dir", lambda package: None)
    try:
        us_only = name_lexicon.load_name_lexicon()
        assert "MARY" in us_only.first_names and "SMITH" in us_only.surnames
        assert len(us_only.first_names) < len(full.first_names)
    finally:
        name_lexicon.load_name_lexicon.cache_clear()
    monkeypatch.undo()
    assert len(name_lexicon.load_name_lexicon().first_names) == len(full.first_names)


def test_the_test_environment_has_the_international_tables() -> None:
    # scripts/venv.sh installs the names-intl extra; the quality figures assume it.
    assert name_lexicon.international_tables_installed()
