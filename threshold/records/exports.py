"""A student's record of requests and disclosures (34 CFR 99.32): as CSV, to file with the
education record in the student information system, and as a PDF a parent can read.

Both hold the same columns: the 99.32 fields and nothing else. Requests in the restricted file
never appear (they have no entry).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from threshold.exports import sans_font, spreadsheet_cell
from threshold.records.models import DisclosureEntry, Student

# The columns of the export, in order (the privacy test reads these names).
COLUMNS = (
    "student_number",
    "date",
    "entry",
    "parties",
    "legitimate_interest",
    "basis",
    "what_disclosed",
    "redisclosure_conditions",
)


def _rows(student: Student, entries: Iterable[DisclosureEntry]) -> list[list[str]]:
    return [
        [
            student.local_id,
            entry.on_date.isoformat(),
            entry.get_kind_display(),
            entry.parties,
            entry.legitimate_interest,
            entry.basis,
            entry.what_disclosed,
            entry.redisclosure_conditions,
        ]
        for entry in entries
    ]


def record_csv(student: Student, entries: Iterable[DisclosureEntry]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in _rows(student, entries):
        writer.writerow([spreadsheet_cell(c) for c in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def record_pdf(student: Student, entries: Iterable[DisclosureEntry]) -> bytes:
    font = sans_font()
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=11)
    title = ParagraphStyle("title", fontName=font, fontSize=15, leading=19)
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=landscape(letter),
        leftMargin=0.5 * inch,
        rightMargin=0.5 * inch,
        topMargin=0.5 * inch,
        bottomMargin=0.5 * inch,
        title=_("Record of requests and disclosures"),
    )
    heading = [
        _("Date"),
        _("Entry"),
        _("Who asked or received"),
        _("Their interest"),
        _("Basis"),
        _("What was disclosed"),
        _("Conditions on redisclosure"),
    ]
    rows = [[Paragraph(text, body) for text in heading]]
    for row in _rows(student, entries):
        rows.append([Paragraph(_escape(text), body) for text in row[1:]])
    story = [
        Paragraph(
            _("Record of requests for and disclosures of %(name)s's education records")
            % {"name": _escape(str(student))},
            title,
        ),
        Paragraph(
            _("%(district)s · %(school)s · student number %(number)s · printed %(date)s")
            % {
                "district": _escape(student.district.name),
                "school": _escape(student.school.name),
                "number": _escape(student.local_id),
                "date": timezone.localdate().isoformat(),
            },
            body,
        ),
        Spacer(1, 8),
        Paragraph(
            _(
                "Federal law (34 CFR 99.32) requires the school to keep a record of each request "
                "for and each disclosure of personally identifiable information from a student's "
                "education records, and lets parents and eligible students inspect it."
            ),
            body,
        ),
        Spacer(1, 8),
    ]
    if len(rows) == 1:
        story.append(Paragraph(_("No request or disclosure is recorded."), body))
    else:
        widths = [0.8, 0.9, 1.6, 1.5, 2.0, 1.6, 1.6]
        table = Table(rows, colWidths=[w * inch for w in widths], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(table)
    document.build(story)
    return out.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
