"""The training report as CSV, and the completion certificate as a PDF."""

from __future__ import annotations

import csv
import io

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.units import inch
from reportlab.pdfgen import canvas

from threshold.exports import sans_font, spreadsheet_cell
from threshold.training.bank import TRACK_NAMES
from threshold.training.models import Attempt
from threshold.training.queries import CURRENT, DUE, OVERDUE, Standing

COLUMNS = (
    "name",
    "email",
    "drill",
    "state",
    "due_on",
    "completed_at",
    "score_percent",
    "minutes",
)


def state_label(state: str) -> str:
    return {CURRENT: _("Current"), DUE: _("Due"), OVERDUE: _("Overdue")}[state]


def report_rows(rows: list[Standing]) -> list[dict[str, str]]:
    out = []
    for row in rows:
        attempt = row.passed
        minutes = ""
        if attempt is not None and attempt.seconds is not None:
            minutes = f"{attempt.seconds / 60:.1f}"
        out.append(
            {
                "name": row.user.full_name,
                "email": row.user.email,
                "drill": row.assignment.title,
                "state": state_label(row.state),
                "due_on": row.due_on.isoformat(),
                "completed_at": (
                    timezone.localtime(attempt.finished_at).strftime("%Y-%m-%d %H:%M")
                    if attempt is not None and attempt.finished_at
                    else ""
                ),
                "score_percent": str(attempt.score_percent) if attempt is not None else "",
                "minutes": minutes,
            }
        )
    return out


def report_csv(rows: list[Standing]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in report_rows(rows):
        writer.writerow([spreadsheet_cell(row[column]) for column in COLUMNS])
    return out.getvalue()


def certificate_pdf(attempt: Attempt) -> bytes:
    """A one-page certificate that the person completed the drill, with the pack it followed."""
    font = sans_font()
    out = io.BytesIO()
    width, height = landscape(letter)
    page = canvas.Canvas(out, pagesize=(width, height))
    page.setTitle(_("Certificate of completion"))
    page.setStrokeColor(colors.HexColor("#1f4e79"))
    page.setLineWidth(3)
    page.rect(0.5 * inch, 0.5 * inch, width - inch, height - inch)
    page.setFillColor(colors.HexColor("#1f4e79"))
    page.setFont(font, 30)
    page.drawCentredString(width / 2, height - 1.7 * inch, _("Certificate of completion"))
    page.setFillColor(colors.black)
    page.setFont(font, 14)
    page.drawCentredString(width / 2, height - 2.4 * inch, _("This certifies that"))
    page.setFont(font, 26)
    page.drawCentredString(width / 2, height - 3.0 * inch, attempt.user.full_name)
    page.setFont(font, 14)
    title = attempt.assignment.title if attempt.assignment else str(TRACK_NAMES[attempt.track])
    page.drawCentredString(width / 2, height - 3.6 * inch, _("completed the drill"))
    page.setFont(font, 18)
    page.drawCentredString(width / 2, height - 4.1 * inch, title)
    page.setFont(font, 12)
    finished = timezone.localtime(attempt.finished_at) if attempt.finished_at else None
    details = _("on %(date)s, with %(correct)s of %(total)s answers right (%(percent)s%%)") % {
        "date": date_format(finished, "DATE_FORMAT") if finished else "",
        "correct": attempt.correct,
        "total": attempt.total,
        "percent": attempt.score_percent,
    }
    page.drawCentredString(width / 2, height - 4.7 * inch, details)
    policy = _("under %(district)s's policy pack %(pack)s, version %(version)s") % {
        "district": attempt.district.name,
        "pack": attempt.pack_id,
        "version": attempt.pack_version,
    }
    page.drawCentredString(width / 2, height - 5.1 * inch, policy)
    page.setFont(font, 9)
    page.setFillColor(colors.HexColor("#4f5b6b"))
    page.drawCentredString(
        width / 2,
        0.9 * inch,
        _("Threshold · certificate %(id)s · a later revision of the pack may require a new drill")
        % {"id": str(attempt.pk)},
    )
    page.showPage()
    page.save()
    return out.getvalue()
