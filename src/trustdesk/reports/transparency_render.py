"""The transparency report rendered three ways from one structure
(``reports.transparency.TransparencyReport``): the HTML body the public page wraps, a
self-contained HTML file, and a PDF.

The HTML is Jinja2 with autoescape; the body is handed to the web page as ``Markup`` (escaped
already), so the page and the file cannot drift apart. The PDF is drawn with fpdf2 (pure
Python, no network) in its core Helvetica font, whose Latin-1 letters cover the seven languages
the policy may be written in; typographic punctuation outside Latin-1 is written in its plain
form (“ ” as ", — as -), and any other character as its unaccented letter or "?".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from trustdesk.reports.transparency import (
    Bullets,
    Figures,
    Paragraph,
    Quote,
    Table,
    TransparencyReport,
    day,
)

# Characters outside Latin-1 that the policy texts and this report use, in plain form.
_PLAIN = str.maketrans(
    {
        "—": "-",
        "–": "-",
        "‑": "-",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "…": "...",
        "•": "-",
        "€": "EUR",
        "œ": "oe",
        "Œ": "OE",
        "\u00a0": " ",
        "\u202f": " ",
    }
)
FONT = "helvetica"
LINE_MM = 5.5


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("trustdesk.reports", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )


def render_transparency_body(report: TransparencyReport, *, standalone: bool = False) -> Markup:
    """The report's content as an ``<article>``: escaped HTML, safe to place in a page."""
    html = (
        _environment()
        .get_template("transparency_body.html")
        .render(report=report, standalone=standalone)
    )
    return Markup(html)


def render_transparency_html(report: TransparencyReport) -> str:
    """The report as one self-contained HTML file (no scripts, no external files)."""
    body = render_transparency_body(report, standalone=True)
    return _environment().get_template("transparency.html").render(report=report, body=body)


def latin1(text: str) -> str:
    """``text`` in the characters the PDF's core font has."""
    text = text.translate(_PLAIN)
    if all(ord(c) < 256 for c in text):
        return text
    out = []
    for char in text:
        if ord(char) < 256:
            out.append(char)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if ord(c) < 128)
        out.append(base or "?")
    return "".join(out)


def render_transparency_pdf(report: TransparencyReport) -> bytes:
    """The report as a PDF: the same sections, paragraphs, quoted texts, lists and tables."""
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    pdf = FPDF(format="A4")
    pdf.set_margins(18, 18, 18)
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.set_title(latin1(report.title))
    pdf.set_subject(latin1(f"Policy version {report.policy_version}"))
    pdf.set_author(latin1(report.organization))
    pdf.set_creation_date(report.generated_at)
    pdf.set_lang(report.language)
    pdf.add_page()
    width = pdf.epw

    def text(value: str, size: float = 10, style: str = "", indent: float = 0) -> None:
        pdf.set_font(FONT, style=style, size=size)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(
            width - indent, LINE_MM * size / 10, latin1(value), new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )

    def gap(mm: float = 2) -> None:
        pdf.ln(mm)

    def table(caption: str, headers: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
        text(caption, 10, "B")
        gap(1)
        pdf.set_font(FONT, size=9)
        widths = (0.45, 0.2, 0.35) if len(headers) == 3 else None
        col_widths = tuple(w * width for w in widths) if widths else None
        headed = any(headers)
        with pdf.table(
            col_widths=col_widths,
            first_row_as_headings=headed,
            line_height=LINE_MM * 0.9,
            text_align="LEFT",
        ) as grid:
            for cells in [*([headers] if headed else []), *rows]:
                row = grid.row()
                for cell in cells:
                    row.cell(latin1(cell))
        gap(3)

    text(report.title, 17, "B")
    gap(2)
    text(report.summary)
    gap(4)
    for section in report.sections:
        text(section.heading, 13, "B")
        gap(1.5)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                text(block.text + (f" ({block.href})" if block.href else ""))
                gap(1.5)
            elif isinstance(block, Quote):
                pdf.set_text_color(80, 45, 120)
                text(block.text, 10, "I", indent=6)
                pdf.set_text_color(0, 0, 0)
                gap(1.5)
            elif isinstance(block, Bullets):
                for item in block.items:
                    text(f"-  {item}", indent=3)
                    gap(0.5)
                gap(1.5)
            elif isinstance(block, Table):
                table(block.caption, block.headers, block.rows)
            elif isinstance(block, Figures):
                rows = [
                    (
                        f.label,
                        f.value or "Not shown",
                        f.basis + (f". {f.note}" if f.note else ""),
                    )
                    for f in block.items
                ]
                table(
                    f"{block.caption} {report.period}",
                    ("What we measured", "Figure", "Based on"),
                    rows,
                )
        gap(3)
    text(
        f"Figures computed {report.generated_at:%Y-%m-%d %H:%M} UTC ({day(report.generated_at)}), "
        f"over {report.period}. Policy version {report.policy_version}.",
        8,
    )
    return bytes(pdf.output())
