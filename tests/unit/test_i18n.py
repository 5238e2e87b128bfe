"""The chat page's message catalogues: every language has every key, with the same
placeholders and no empty text; the page's language is chosen as documented."""

from __future__ import annotations

import re
import string

import pytest

from trustdesk.web.i18n import LANGUAGES, catalogue, choose_language, language_choices


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_catalogue_has_the_english_keys_and_placeholders() -> None:
    english = catalogue("en")
    for code in LANGUAGES:
        words = catalogue(code)
        assert words.keys() == english.keys(), code
        for key, text in words.items():
            assert text.strip(), (code, key)
            assert _placeholders(text) == _placeholders(english[key]), (code, key)


def test_the_catalogues_are_translated_not_copied() -> None:
    english = catalogue("en")
    for code in LANGUAGES[1:]:
        words = catalogue(code)
        same = [k for k in english if words[k] == english[k] and len(english[k]) > 12]
        # Long texts identical to English would be untranslated (short ones like "Chat" may be,
        # and French writes "5 – excellent" as English does).
        assert set(same) <= {"rating_excellent"}, (code, same)


def test_the_catalogues_never_name_a_business() -> None:
    for code in LANGUAGES:
        text = " ".join(catalogue(code).values())
        assert not re.search(r"Alder|Finch", text), code


@pytest.mark.parametrize(
    ("asked", "accept", "policy", "chosen"),
    [
        ("de", "fr-CH, fr;q=0.9", "en", "de"),  # the switcher wins
        (None, "fr-CH, fr;q=0.9, en;q=0.8", "en", "fr"),
        (None, "ja, nl;q=0.5", "en", "nl"),  # the first supported one
        (None, "ja", "pt-BR", "pt"),  # the policy's own
        (None, None, "ja", "en"),  # nothing supported: English
        ("<script>", "es", "en", "es"),  # an unknown value is ignored
        ("xx", None, "it", "it"),
    ],
)
def test_the_page_language_is_chosen_as_documented(
    asked: str | None, accept: str | None, policy: str, chosen: str
) -> None:
    assert choose_language(asked, accept, policy) == chosen


def test_the_switcher_names_each_language_in_itself() -> None:
    names = {c["code"]: c["name"] for c in language_choices()}
    assert names == {
        "en": "English",
        "fr": "Français",
        "de": "Deutsch",
        "es": "Español",
        "it": "Italiano",
        "nl": "Nederlands",
        "pt": "Português",
    }


def test_an_unknown_language_has_no_catalogue() -> None:
    with pytest.raises(KeyError):
        catalogue("../en")
