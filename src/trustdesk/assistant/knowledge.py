"""Knowledge-base ingestion: Markdown files split into passages at level-2 headings.

A file starts with ``# Title``; each ``## Section`` that follows is one passage, cited as
``file.md#section-slug``. A file without ``##`` sections is one passage. FAQ files use the
same format, one ``## Question`` per answer.

A section may list the ways customers ask for it in an HTML comment that starts with
``asked:``, one phrasing per line (or several on one line, separated by `` | ``). They are
not part of the passage's text — never quoted, never shown on the help pages — and retrieval
matches questions against them as well as against the passage (docs/knowledge-base.md).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from trustdesk.errors import KnowledgeBaseError
from trustdesk.language.normalise import strip_accents

MAX_PASSAGE_CHARS = 4000
# Ways customers ask for a passage ("asked" comments): at most this many, each this long.
MAX_ASKED = 40
MAX_ASKED_CHARS = 300
_ASKED_OPEN = re.compile(r"^\s*<!--\s*asked:(.*)$", re.IGNORECASE)
_ASKED_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$")
_H2 = re.compile(r"^##\s+(.+?)\s*#*\s*$")


@dataclass(frozen=True, slots=True)
class Passage:
    """One retrievable, citable piece of the knowledge base."""

    source: str  # "returns.md#how-long-do-i-have-to-return-an-item"
    title: str  # "Returns — How long do I have to return an item?"
    text: str
    # How customers ask for it (the section's "asked" comment): matched, never shown.
    asked: tuple[str, ...] = ()


def slugify(title: str) -> str:
    """The anchor of a section: lowercase ASCII words joined by "-", accents folded first
    ("Être retourné" → "etre-retourne"), so titles in any Latin-script language read well."""
    folded = strip_accents(title.lower().replace("ß", "ss"))
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def parse_markdown(name: str, text: str) -> list[Passage]:
    """Split one Markdown document into passages; raise KnowledgeBaseError naming the problem."""
    lines = text.replace("\r\n", "\n").split("\n")
    doc_title = None
    sections: list[tuple[str, list[str], int]] = []
    intro: list[str] = []
    for number, line in enumerate(lines, start=1):
        if doc_title is None and (m := _H1.match(line)):
            doc_title = m.group(1)
            continue
        if m := _H2.match(line):
            sections.append((m.group(1), [], number))
        elif sections:
            sections[-1][1].append(line)
        else:
            intro.append(line)
    if doc_title is None:
        raise KnowledgeBaseError(f"{name}: missing a '# Title' heading on the first content line")
    if not sections:
        sections = [(doc_title, intro, 1)]
    passages: list[Passage] = []
    seen: set[str] = set()
    for title, raw_lines, line_no in sections:
        body_lines, asked = _split_asked(name, raw_lines, line_no)
        body = "\n".join(body_lines).strip()
        slug = slugify(title)
        if not body:
            raise KnowledgeBaseError(f"{name}, line {line_no}: section '{title}' has no text")
        if len(body) > MAX_PASSAGE_CHARS:
            raise KnowledgeBaseError(
                f"{name}, line {line_no}: section '{title}' is longer than "
                f"{MAX_PASSAGE_CHARS} characters; split it"
            )
        if slug in seen:
            raise KnowledgeBaseError(f"{name}, line {line_no}: duplicate section '{title}'")
        seen.add(slug)
        full_title = doc_title if title == doc_title else f"{doc_title} — {title}"
        passages.append(Passage(source=f"{name}#{slug}", title=full_title, text=body, asked=asked))
    return passages


def _split_asked(name: str, lines: list[str], line_no: int) -> tuple[list[str], tuple[str, ...]]:
    """A section's lines without its "asked" comments, and the phrasings those list (blank
    lines and list markers dropped, duplicates kept once, in order)."""
    body: list[str] = []
    asked: list[str] = []
    inside = False
    for offset, line in enumerate(lines, start=1):
        if not inside:
            m = _ASKED_OPEN.match(line)
            if m is None:
                body.append(line)
                continue
            inside, line = True, m.group(1)
        content, closed, rest = line.partition("-->")
        if closed and rest.strip():
            raise KnowledgeBaseError(
                f"{name}, line {line_no + offset}: text after the end of an 'asked' comment; "
                "put it on its own line"
            )
        for item in content.split(" | "):
            item = _ASKED_ITEM.sub("", item).strip()
            if not item:
                continue
            if len(item) > MAX_ASKED_CHARS:
                raise KnowledgeBaseError(
                    f"{name}, line {line_no + offset}: a phrasing in an 'asked' comment is "
                    f"longer than {MAX_ASKED_CHARS} characters"
                )
            if item not in asked:
                asked.append(item)
        inside = not closed
    if inside:
        raise KnowledgeBaseError(
            f"{name}, line {line_no}: an 'asked' comment in this section is not closed with -->"
        )
    if len(asked) > MAX_ASKED:
        raise KnowledgeBaseError(
            f"{name}, line {line_no}: more than {MAX_ASKED} phrasings in the 'asked' comments "
            "of this section"
        )
    return body, tuple(asked)


def load_directory(directory: Path | str) -> list[Passage]:
    """Read every ``*.md`` file in a directory (not recursive), in name order."""
    directory = Path(directory)
    if not directory.is_dir():
        raise KnowledgeBaseError(f"{directory}: not a directory")
    files = sorted(p for p in directory.iterdir() if p.suffix.lower() == ".md" and p.is_file())
    if not files:
        raise KnowledgeBaseError(f"{directory}: no .md files found")
    passages: list[Passage] = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise KnowledgeBaseError(f"{path.name}: not valid UTF-8") from None
        passages.extend(parse_markdown(path.name, text))
    return passages


def read_as_phrased(with_phrasings: int, passages: int) -> bool:
    """Whether a knowledge base is read as one with phrasings ("asked" comments): when at
    least half its passages have some. Retrieval then uses the fusion weights and the
    answerability model chosen for such knowledge bases (docs/knowledge-base.md)."""
    return 2 * with_phrasings >= passages


def knowledge_version(passages: list[Passage]) -> str:
    digest = hashlib.sha256()
    for p in passages:
        digest.update(f"{p.source}\x00{p.title}\x00{p.text}\x01".encode())
        if p.asked:  # passages without phrasings keep the version they always had
            digest.update(("\x02" + "\x00".join(p.asked) + "\x03").encode())
    return "sha256:" + digest.hexdigest()


def bundled_kb_path() -> Path:
    from importlib import resources

    return Path(str(resources.files("trustdesk.demo").joinpath("kb")))
