"""Turning a notice's text into what a family reads: checked placeholders, blocks for a page or
a PDF, plain text for an e-mail.

The text format is deliberately small: paragraphs separated by a blank line, and lines starting
with "- " as items of a list. Values filled into placeholders are plain text: on a page they are
escaped like everything else, so nothing a district or a requester typed becomes markup.
"""

from __future__ import annotations

import io
import string
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

from threshold.exports import sans_bold_font, sans_font


class TextProblem(ValueError):
    """A notice's text cannot be used as it is; the message says why, for the person editing."""


@dataclass(frozen=True)
class Block:
    """A paragraph (its lines kept) or a list (its items)."""

    lines: tuple[str, ...]
    is_list: bool


@dataclass(frozen=True)
class Rendered:
    language: str
    subject: str
    blocks: tuple[Block, ...]

    @property
    def plain(self) -> str:
        """The notice as the text of an e-mail."""
        parts = []
        for block in self.blocks:
            if block.is_list:
                parts.append("\n".join(f"- {line}" for line in block.lines))
            else:
                parts.append("\n".join(block.lines))
        return "\n\n".join(parts) + "\n"


def placeholders_in(text: str) -> set[str]:
    """The names in braces; a stray or unclosed brace is a TextProblem."""
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError:
        raise TextProblem(
            _("A brace is not closed or not opened. Placeholders are written like {district}.")
        ) from None
    names = set()
    for _literal, name, spec, conversion in fields:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise TextProblem(
                _("'{%(name)s}' is not a placeholder. Placeholders are written like {district}.")
                % {"name": name}
            )
        names.add(name)
    return names


def check(subject: str, body: str, allowed: frozenset[str]) -> None:
    """Refuse a title or text with a placeholder this kind of notice cannot fill."""
    if not subject.strip():
        raise TextProblem(_("Write a title."))
    if not body.strip():
        raise TextProblem(_("Write the text."))
    unknown = sorted((placeholders_in(subject) | placeholders_in(body)) - allowed)
    if unknown:
        raise TextProblem(
            _("This notice cannot fill %(unknown)s. It can use: %(allowed)s.")
            % {
                "unknown": ", ".join("{" + name + "}" for name in unknown),
                "allowed": ", ".join("{" + name + "}" for name in sorted(allowed)),
            }
        )


def _fill(text: str, values: Mapping[str, str]) -> str:
    return text.format_map({name: values.get(name, "") for name in placeholders_in(text)})


def blocks_of(text: str) -> tuple[Block, ...]:
    blocks: list[Block] = []
    for chunk in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            blocks.append(Block(tuple(line[2:].strip() for line in lines), True))
        else:
            blocks.append(Block(tuple(lines), False))
    return tuple(blocks)


def render(*, language: str, subject: str, body: str, values: Mapping[str, str]) -> Rendered:
    """The notice with its placeholders filled in. Missing values are left empty."""
    return Rendered(language, _fill(subject, values), blocks_of(_fill(body, values)))


def format_day(day: date, language: str) -> str:
    """A date as families of that language write it, without the locale machinery."""
    if language == "en":
        return day.strftime("%B %-d, %Y")
    return day.strftime("%d/%m/%Y") if language != "pl" else day.strftime("%d.%m.%Y")


def pdf(rendered: Rendered, *, heading: str) -> bytes:
    """A printable notice: the district's name, the title, the text."""
    font, bold = sans_font(), sans_bold_font()
    small = ParagraphStyle("small", fontName=font, fontSize=9, leading=12)
    title = ParagraphStyle("title", fontName=bold, fontSize=16, leading=20, spaceAfter=10)
    body = ParagraphStyle("body", fontName=font, fontSize=11, leading=15, spaceAfter=8)
    story: list[object] = [Paragraph(escape(heading), small), Spacer(1, 8)]
    story.append(Paragraph(escape(rendered.subject), title))
    for block in rendered.blocks:
        if block.is_list:
            items = [ListItem(Paragraph(escape(line), body), leftIndent=14) for line in block.lines]
            story.append(ListFlowable(items, bulletType="bullet", start="•", leftIndent=14))
            story.append(Spacer(1, 6))
        else:
            story.append(Paragraph("<br/>".join(escape(line) for line in block.lines), body))
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=letter,
        leftMargin=inch,
        rightMargin=inch,
        topMargin=0.8 * inch,
        bottomMargin=0.8 * inch,
        title=rendered.subject,
    )
    document.build(story)  # type: ignore[arg-type]
    return out.getvalue()
