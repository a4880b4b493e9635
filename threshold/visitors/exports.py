"""The emergency list of everyone on site, as CSV and as a PDF to print or hand to responders.

The columns are the same in both, and are all the list holds: no date of birth, no ID details.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from threshold.accounts.models import School
from threshold.exports import sans_font, spreadsheet_cell
from threshold.visitors.models import Visit

# The columns of the emergency list, in order (the privacy test reads these names).
COLUMNS = (
    "name",
    "visitor_type",
    "destination",
    "public_area",
    "seeing",
    "checked_in",
    "badge_expires",
)


def _time(moment: datetime | None) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def rows(visits: list[Visit]) -> list[dict[str, str]]:
    """Each visit as the list's columns, in the active time zone and language."""
    out = []
    for visit in visits:
        if visit.destination_public is None:
            public = ""
        else:
            public = _("yes") if visit.destination_public else _("no")
        out.append(
            {
                "name": visit.visitor.full_name,
                "visitor_type": str(visit.get_visitor_type_display()),
                "destination": visit.destination,
                "public_area": public,
                "seeing": visit.host,
                "checked_in": _time(visit.checked_in_at),
                "badge_expires": _time(visit.badge_expires_at),
            }
        )
    return out


def headings() -> dict[str, str]:
    return {
        "name": _("Name"),
        "visitor_type": _("Visitor"),
        "destination": _("Going to"),
        "public_area": _("Public area"),
        "seeing": _("Seeing"),
        "checked_in": _("Checked in"),
        "badge_expires": _("Badge expires"),
    }


def as_csv(visits: list[Visit]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in rows(visits):
        writer.writerow([spreadsheet_cell(row[column]) for column in COLUMNS])
    return out.getvalue()


def as_pdf(visits: list[Visit], *, school: School, at: datetime) -> bytes:
    font = sans_font()
    title = ParagraphStyle("title", fontName=font, fontSize=16, leading=20)
    body = ParagraphStyle("body", fontName=font, fontSize=10, leading=13)
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=landscape(letter),
        leftMargin=0.5 * inch,
        rightMargin=0.5 * inch,
        topMargin=0.5 * inch,
        bottomMargin=0.5 * inch,
        title=_("Everyone on site"),
    )
    names = headings()
    table_rows: list[list[object]] = [[names[c] for c in COLUMNS]]
    for row in rows(visits):
        table_rows.append([Paragraph(_escape(row[c]), body) for c in COLUMNS])
    widths = [w * inch for w in (2.2, 1.4, 1.5, 0.7, 1.4, 1.2, 1.2)]
    table = Table(table_rows, repeatRows=1, colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("FONTSIZE", (0, 0), (-1, 0), 9),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.HexColor("#4f5b6b")),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.HexColor("#d5dae1")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    count = len(visits)
    summary = _("%(count)s on site at %(when)s") % {"count": count, "when": _time(at)}
    story = [
        Paragraph(_escape(f"{_('Everyone on site')} · {school.name}"), title),
        Spacer(1, 4),
        Paragraph(_escape(summary), body),
        Spacer(1, 10),
        table,
    ]
    document.build(story)
    return out.getvalue()


def _escape(text: str) -> str:
    """Paragraph text is a small markup language: a name with "<" or "&" must stay text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
