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


ASKED = """# Returns

## How long do I have to return an item?
<!-- asked:
- How many days do I have to send something back?
Is there a deadline for returns? | can I still return it after three weeks
-->
You have 30 days.

<!-- asked: What's the returns window? | Is there a deadline for returns? -->
Sale items too.

<!-- an ordinary comment stays in the text -->
"""


def test_asked_comments_list_phrasings_and_are_not_part_of_the_passage() -> None:
    [passage] = parse_markdown("returns.md", ASKED)
    assert passage.asked == (
        "How many days do I have to send something back?",
        "Is there a deadline for returns?",
        "can I still return it after three weeks",
        "What's the returns window?",
    )
    assert "asked" not in passage.text and "deadline" not in passage.text
    assert passage.text.startswith("You have 30 days.\n\nSale items too.")
    assert "<!-- an ordinary comment stays in the text -->" in passage.text


def test_phrasings_change_the_version_and_a_kb_without_them_keeps_its_own() -> None:
    from trustdesk.assistant.knowledge import knowledge_version

    plain = parse_markdown("returns.md", DOC)
    with_asked = parse_markdown(
        "returns.md",
        DOC.replace("You have 30 days.", "<!-- asked: how long? -->\nYou have 30 days."),
    )
    assert [p.text for p in plain] == [p.text for p in with_asked]
    assert knowledge_version(plain) != knowledge_version(with_asked)
    # The version of a knowledge base without phrasings is the one it had before they existed.
    import hashlib

    digest = hashlib.sha256()
    for p in plain:
        digest.update(f"{p.source}\x00{p.title}\x00{p.text}\x01".encode())
    assert knowledge_version(plain) == "sha256:" + digest.hexdigest()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# T\n## A\n<!-- asked: one\ntext", r"line 2: an 'asked' comment .* not closed"),
        ("# T\n## A\n<!-- asked: one --> more\ntext", r"line 3: text after the end"),
        ("# T\n## A\n<!-- asked: " + "x" * 301 + " -->\ntext", "longer than 300 characters"),
        (
            "# T\n## A\n<!-- asked: " + " | ".join(f"q{i}" for i in range(41)) + " -->\ntext",
            "more than 40 phrasings",
        ),
        ("# T\n## A\n<!-- asked: only a phrasing -->\n", "section 'A' has no text"),
    ],
)
def test_bad_asked_comments_are_refused_with_the_place(text: str, message: str) -> None:
    with pytest.raises(KnowledgeBaseError, match=message):
        parse_markdown("x.md", text)
