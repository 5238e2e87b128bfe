from __future__ import annotations

from pathlib import Path

import pytest

from trustdesk.assistant.knowledge import bundled_kb_path, load_directory, parse_markdown, slugify
from trustdesk.errors import KnowledgeBaseError

DOC = """# Returns

Intro paragraph.

## How long do I have to return an item?
You have 30 days.

## Returning a sale item
Sale items can be returned too.
"""


def test_each_level_two_section_is_one_citable_passage() -> None:
    passages = parse_markdown("returns.md", DOC)
    assert [p.source for p in passages] == [
        "returns.md#how-long-do-i-have-to-return-an-item",
        "returns.md#returning-a-sale-item",
    ]
    assert passages[0].title == "Returns — How long do I have to return an item?"
    assert passages[0].text == "You have 30 days."


def test_a_file_without_sections_is_one_passage() -> None:
    [passage] = parse_markdown("faq.md", "# Opening hours\nWe answer around the clock.\n")
    assert passage.source == "faq.md#opening-hours" and passage.title == "Opening hours"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("no title\n## A\ntext", "missing a '# Title'"),
        ("# T\n## Empty\n\n## B\ntext", "line 2: section 'Empty' has no text"),
        ("# T\n## Same\na\n## same\nb", "duplicate section"),
    ],
)
def test_invalid_documents_are_refused_with_the_place(text: str, message: str) -> None:
    with pytest.raises(KnowledgeBaseError, match=message):
        parse_markdown("x.md", text)


def test_slugs_are_stable() -> None:
    assert slugify("  What's the VAT rate? (EU) ") == "what-s-the-vat-rate-eu"
    assert slugify("Quels articles ne peuvent pas être retournés ?") == (
        "quels-articles-ne-peuvent-pas-etre-retournes"
    )
    assert slugify("Größe und Rückgabe") == "grosse-und-ruckgabe"


def test_directory_without_markdown_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(KnowledgeBaseError, match=r"no \.md files"):
        load_directory(tmp_path)


def test_non_utf8_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_bytes(b"# T\n\xff\xfe")
    with pytest.raises(KnowledgeBaseError, match=r"bad\.md: not valid UTF-8"):
        load_directory(tmp_path)


def test_bundled_demo_covers_every_required_topic_with_forty_passages() -> None:
    passages = load_directory(bundled_kb_path())
    assert len(passages) >= 40
    files = {p.source.split("#")[0] for p in passages}
    for topic in ("shipping", "returns", "refunds", "warranty", "accounts", "payments", "privacy"):
        assert f"{topic}.md" in files
